// Search, then hand the answer to the printer of the chosen format (query/printer.hpp).
#include "run.hpp"

#include "query/display.hpp"
#include "query/printer.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

namespace {
int fail(const Error& e, std::ostream& err) {
  // Messages may quote stored names (a stub line, an id): escaped like all text output.
  err << "newsidx-query: " << escape_controls(e.message) << "\n";
  if (!e.hint.empty()) err << "hint: " << escape_controls(e.hint) << "\n";
  return exit_code(e.code);
}

// --show ID: the stored article, or one sentence and exit 1 (as a search that finds nothing).
int show(Searcher& searcher, const QueryOptions& o, Printer& printer, std::ostream& err) {
  auto found = searcher.article(o.show_id);
  if (!found) return fail(found.error(), err);
  if (!*found) {
    err << "newsidx-query: no article has the id '" << escape_controls(o.show_id) << "' in " << escape_controls(o.db)
        << "\n"
        << "hint: an id is shown under each result (also by --format ids), e.g. newsidx-query --db DB --format ids 'query'\n";
    return 1;
  }
  printer.article(**found);
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
  if (!o.show_id.empty()) {
    auto printer = make_printer(o, out, err, PrintOptions{color, false, width, false});
    return show(**searcher, o, *printer, err);
  }
  SearchRequest req = o.request;
  req.aliases = &*names;
  auto res = (*searcher)->search(req);
  if (!res) return fail(res.error(), err);
  auto printer = make_printer(o, out, err, PrintOptions{color, o.request.quotes, width, o.null});
  if (o.request.count_only) printer->count(*res);
  else printer->result(*res);
  return res->matches_estimated > 0 ? 0 : 1;
}

}  // namespace newsidx::query
