// The one interface every output format implements (as notmuch's sprinter): run() hands a
// search's answer, a --count or a --show article to the printer of the chosen format (text,
// JSON, CSV, ids, paths) and writes no result itself. A new result field is added once per
// printer, in the query/printers functions that printer calls.
#pragma once

#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "query/options.hpp"
#include "query/printers.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

/// Writes results to `out` in one format; notes about them (what a filter matched, the
/// undated count, a spelling suggestion, "no matches") go to `err`, so `out` stays the answer.
class Printer {
 public:
  virtual ~Printer() = default;
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  /// A search's answer: the hits, the facets and timeline counted over the matches and the
  /// explanation, as the format shows them.
  virtual void result(const SearchResult& r) = 0;

  /// --count: the number of matches, then the facets and timeline counted over them, as text
  /// in every format (notes to err).
  void count(const SearchResult& r);

  /// --show: one article as it was indexed, from its stored record (text unless the format
  /// has its own).
  virtual void article(const nlohmann::json& record);

 protected:
  Printer(std::ostream& out, std::ostream& err, const PrintOptions& options);

  /// The result's notes, undated count and spelling suggestion, to err: one line each,
  /// escaped like the rest of the text output.
  void notes(const SearchResult& r);

  std::ostream& out_;
  std::ostream& err_;
  PrintOptions options_;
};

/// The printer of the format `o` asks for (--format, --json; --facets-only and --limit shape
/// what text and JSON print), writing with `options`.
std::unique_ptr<Printer> make_printer(const QueryOptions& o, std::ostream& out, std::ostream& err,
                                      const PrintOptions& options);

}  // namespace newsidx::query
