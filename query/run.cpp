// Search, then print in the chosen format.
#include "run.hpp"

#include "query/display.hpp"
#include "query/printers.hpp"
#include "query/searcher.hpp"
#include "query/show.hpp"

namespace newsidx::query {

namespace {
int fail(const Error& e, std::ostream& err) {
  // Messages may quote stored names (a stub line, an id): escaped like all text output.
  err << "newsidx-query: " << escape_controls(e.message) << "\n";
  if (!e.hint.empty()) err << "hint: " << escape_controls(e.hint) << "\n";
  return exit_code(e.code);
}

// Notes, the undated count and suggestions: to stderr, so stdout stays the answer.
void print_notes(const SearchResult& r, std::ostream& err) {
  // Notes quote typed values and stored names: escaped like the rest of the text output (not
  // wrapped: one line each, for whoever greps them).
  for (const auto& n : r.notes) err << "note: " << escape_controls(n) << "\n";
  if (r.undated_excluded && *r.undated_excluded > 0)
    err << "note: " << *r.undated_excluded << " matching "
        << (*r.undated_excluded == 1 ? "document has" : "documents have")
        << " no date and " << (*r.undated_excluded == 1 ? "is" : "are") << " excluded by the date filter\n";
  if (!r.suggestion.empty()) err << "did you mean: " << escape_controls(r.suggestion) << "\n";
}
// --show ID: the stored article, or one sentence and exit 1 (as a search that finds nothing).
int show(Searcher& searcher, const QueryOptions& o, std::ostream& out, std::ostream& err, const PrintOptions& po) {
  auto found = searcher.article(o.show_id);
  if (!found) return fail(found.error(), err);
  if (!*found) {
    err << "newsidx-query: no article has the id '" << escape_controls(o.show_id) << "' in " << escape_controls(o.db)
        << "\n"
        << "hint: an id is shown under each result (also by --format ids), e.g. newsidx-query --db DB --format ids 'query'\n";
    return 1;
  }
  if (o.format == OutputFormat::kJson)
    out << article_json(**found).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  else
    print_article_text(out, **found, po);
  return 0;
}

}  // namespace

int run(const QueryOptions& o, std::ostream& out, std::ostream& err, bool color, std::size_t width) {
  auto searcher = o.partial ? Searcher::open_partial(o.db) : Searcher::open(o.db);
  if (!searcher) return fail(searcher.error(), err);
  for (const auto& gone : (*searcher)->unreachable())
    err << "warning: partition not reachable, results are partial: " << escape_controls(gone) << "\n";
  std::vector<std::string> alias_warnings;
  auto names = aliases::load(o.aliases, alias_warnings);
  if (!names) return fail(names.error(), err);
  for (const auto& w : alias_warnings) err << "warning: " << escape_controls(w) << "\n";
  if (!o.show_id.empty()) return show(**searcher, o, out, err, PrintOptions{color, false, width, false});
  SearchRequest req = o.request;
  req.aliases = &*names;
  auto res = (*searcher)->search(req);
  if (!res) return fail(res.error(), err);
  const int status = res->matches_estimated > 0 ? 0 : 1;
  const PrintOptions po{color, o.request.quotes, width, o.null};
  if (o.request.count_only) {
    print_notes(*res, err);
    out << res->matches_estimated << "\n";
    // --count --facets (or --timeline): the number, then what was counted over the matches.
    if (!res->facets.empty() || res->timeline) out << "\n";
    if (!res->facets.empty()) print_facets_text(out, res->facets, res->matches_estimated, po);
    if (res->timeline) print_timeline_text(out, *res->timeline, po);
    return status;
  }
  switch (o.format) {
    case OutputFormat::kJson:
      print_json(out, *res, po);
      // --limit 0 asks for the count: the summary carries it even when it has nothing else.
      if (o.request.limit == 0 && !has_summary(*res))
        out << summary_json(*res).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return status;
    case OutputFormat::kIds:
    case OutputFormat::kPaths:
    case OutputFormat::kCsv:
      print_notes(*res, err);
      if (res->explanation) print_explanation_text(err, *res->explanation, width);
      if (o.format == OutputFormat::kIds) print_ids(out, *res, po);
      else if (o.format == OutputFormat::kPaths) print_paths(out, *res, po);
      else print_csv(out, *res, po);
      return status;
    case OutputFormat::kText:
      break;
  }
  print_notes(*res, err);
  if (res->explanation) print_explanation_text(out, *res->explanation, width);
  if (res->matches_estimated == 0) {
    err << "no matches\n";
    return status;
  }
  out << count_line(*res, o.request.quotes) << "\n\n";
  if (!res->facets.empty()) print_facets_text(out, res->facets, res->matches_estimated, po);
  if (res->timeline) print_timeline_text(out, *res->timeline, po);
  if (!o.facets_only) print_text(out, *res, po);
  return status;
}

}  // namespace newsidx::query
