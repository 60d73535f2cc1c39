// The searcher: owns the database, resolves filter values to terms, runs the match and makes
// snippets. The one place in query/ that touches Xapian's Enquire.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/result.hpp"
#include "query/query_builder.hpp"

namespace newsidx::query {

/// Highlight markers placed around matched words in snippets; printers turn them into bold
/// (terminal) or drop them (plain, JSON keeps them as the "snippet_highlighted" spans).
inline constexpr char kHighlightStart = '\x01';
inline constexpr char kHighlightEnd = '\x02';

/// What the user asked, before values are resolved to terms.
struct SearchRequest {
  std::string text;
  bool any = false;
  bool quotes = false;
  /// Filter values as typed, by schema field name ("person" -> {"blinken"}).
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;
  std::string date_from, date_to;  ///< YYYYMMDD or empty
  std::size_t offset = 0, limit = 10;
  bool count_only = false;
  std::size_t snippet_length = 200;
};

struct Hit {
  std::size_t rank = 0;        ///< 1-based, counting from the first result overall
  Xapian::docid docid = 0;
  double weight = 0;
  int percent = 0;
  nlohmann::json record;       ///< the stored data record
  std::string snippet;         ///< with kHighlightStart/End around matched words
};

struct SearchResult {
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_lower = 0, matches_upper = 0;
  std::vector<Hit> hits;
  /// Notes for the user about how filter values were understood
  /// ("--person blinken matched Antony Blinken").
  std::vector<std::string> notes;
};

class Searcher {
 public:
  /// Opens the database (schema-checked).
  static Result<std::unique_ptr<Searcher>> open(const std::string& path);
  ~Searcher();

  /// Runs a search. Retries after reopening if a writer changed the database meanwhile.
  Result<SearchResult> search(const SearchRequest& request);

  /// The terms a typed filter value stands for in `field` (e.g. person "blinken" ->
  /// {"XPERSONantony blinken"}), with a note when it is not an exact match.
  std::vector<std::string> resolve_values(const std::string& field, const std::string& value,
                                          std::vector<std::string>& notes);

  const Xapian::Database& database() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsidx::query
