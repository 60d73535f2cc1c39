// Search, then print in the chosen format.
#include "run.hpp"

#include "query/printers.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

namespace {
int fail(const Error& e, std::ostream& err) {
  err << "newsidx-query: " << e.message << "\n";
  if (!e.hint.empty()) err << "hint: " << e.hint << "\n";
  return exit_code(e.code);
}

// Notes, the undated count and suggestions: to stderr, so stdout stays the answer.
void print_notes(const SearchResult& r, std::ostream& err) {
  for (const auto& n : r.notes) err << "note: " << n << "\n";
  if (r.undated_excluded && *r.undated_excluded > 0)
    err << "note: " << *r.undated_excluded << " matching "
        << (*r.undated_excluded == 1 ? "document has" : "documents have")
        << " no date and " << (*r.undated_excluded == 1 ? "is" : "are") << " excluded by the date filter\n";
  if (!r.suggestion.empty()) err << "did you mean: " << r.suggestion << "\n";
}
}  // namespace

int run(const QueryOptions& o, std::ostream& out, std::ostream& err, bool color) {
  auto searcher = o.partial ? Searcher::open_partial(o.db) : Searcher::open(o.db);
  if (!searcher) return fail(searcher.error(), err);
  for (const auto& gone : (*searcher)->unreachable())
    err << "warning: partition not reachable, results are partial: " << gone << "\n";
  auto res = (*searcher)->search(o.request);
  if (!res) return fail(res.error(), err);
  const int status = res->matches_estimated > 0 ? 0 : 1;
  if (o.request.count_only) {
    print_notes(*res, err);
    out << res->matches_estimated << "\n";
    return status;
  }
  PrintOptions po{color, o.request.quotes};
  switch (o.format) {
    case OutputFormat::kJson:
      print_json(out, *res, po);
      // --limit 0 asks for the count: the summary carries it even when it has nothing else.
      if (o.request.limit == 0 && !has_summary(*res))
        out << summary_json(*res).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return status;
    case OutputFormat::kIds:
    case OutputFormat::kPaths:
      print_notes(*res, err);
      if (res->explanation) print_explanation_text(err, *res->explanation);
      print_ids(out, *res, o.format == OutputFormat::kPaths, po);
      return status;
    case OutputFormat::kText:
      break;
  }
  print_notes(*res, err);
  if (res->explanation) print_explanation_text(out, *res->explanation);
  if (res->matches_estimated == 0) {
    err << "no matches\n";
    return status;
  }
  // Exact up to kExactCountsUpTo matches (the searcher counts that far), "about N" past it.
  out << (res->matches_lower == res->matches_upper ? "" : "about ") << res->matches_estimated
      << (o.request.quotes ? " quotations" : " matches");
  if (!res->hits.empty()) out << "; showing " << res->hits.front().rank << "-" << res->hits.back().rank;
  out << "\n\n";
  if (!res->facets.empty()) print_facets_text(out, res->facets, res->matches_estimated, color);
  if (res->timeline) print_timeline_text(out, *res->timeline, color);
  if (!o.facets_only) print_text(out, *res, po);
  return status;
}

}  // namespace newsidx::query
