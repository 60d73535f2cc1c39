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
}  // namespace

int run(const QueryOptions& o, std::ostream& out, std::ostream& err, bool color) {
  auto searcher = Searcher::open(o.db);
  if (!searcher) return fail(searcher.error(), err);
  auto res = (*searcher)->search(o.request);
  if (!res) return fail(res.error(), err);
  for (const auto& n : res->notes) err << "note: " << n << "\n";
  if (o.request.count_only) {
    out << res->matches_estimated << "\n";
    return res->matches_estimated > 0 ? 0 : 1;
  }
  PrintOptions po{color, o.request.quotes};
  if (o.format == OutputFormat::kJson) {
    print_json(out, *res, po);
  } else {
    if (res->hits.empty()) {
      err << "no matches\n";
    } else {
      out << res->matches_estimated << (res->matches_lower == res->matches_upper ? "" : " (about)")
          << " matches; showing " << res->hits.front().rank << "-" << res->hits.back().rank << "\n\n";
      print_text(out, *res, po);
    }
  }
  return res->hits.empty() && res->matches_estimated == 0 ? 1 : 0;
}

}  // namespace newsidx::query
