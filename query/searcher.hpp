// The searcher: owns the database, resolves filter values to terms, runs the match with its
// facet and timeline spies, and makes snippets. The one place in query/ that touches Enquire.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/aliases.hpp"
#include "common/result.hpp"
#include "query/dates.hpp"
#include "query/display.hpp"  // kHighlightStart/End
#include "query/facets.hpp"
#include "query/query_builder.hpp"
#include "query/timeline.hpp"

namespace newsidx::query {


enum class SortOrder { kRelevance, kNewest, kOldest };

/// Match counts are exact up to this many matches, estimated ("about N") past it.
inline constexpr Xapian::doccount kExactCountsUpTo = 10000;

/// What the user asked, before values are resolved to terms.
struct SearchRequest {
  std::string text;
  bool any = false;
  bool quotes = false;
  /// Filter values as typed, by schema field name ("person" -> {"blinken"}).
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;
  bool all_of = false;             ///< values of one facet are AND-ed ("mentions both")
  DateRange dates;                 ///< --since/--until, already parsed
  Day today = local_today();       ///< anchors relative dates in date: fields
  SortOrder sort = SortOrder::kRelevance;
  std::vector<std::string> facets;  ///< facet names to count over all matches
  std::size_t facet_size = 10;
  bool timeline = false;
  std::optional<Granularity> interval;  ///< --interval; unset: chosen from the span
  std::string like_id;             ///< --like: rank articles similar to this one
  bool explain = false;
  std::size_t offset = 0, limit = 10;
  bool count_only = false;
  /// One hit per story (copies collapsed, counts and facets count stories); false: every copy.
  bool collapse = true;
  std::string copies_of;           ///< --copies: list the copies of this article's story
  std::size_t snippet_length = 200;
  bool snippets = true;            ///< false: hits come without snippets (ids, paths)
  /// Suggest a spelling correction when fewer matches than this are found (and the correction
  /// finds more than twice as many; see spelling.hpp for which words are corrected).
  Xapian::doccount suggest_below = 3;
  /// Count facets with the ValueCountMatchSpy path every xapian-tcpsrv knows (tests and
  /// remote databases; chosen automatically when a server rejects ListCountMatchSpy).
  bool remote_safe_facets = false;
  /// Other names of one entity (--aliases); nullptr: the built-in table. A filter value that
  /// is an alias means its canonical name, as the indexer stored it.
  const aliases::Table* aliases = nullptr;
  /// What reading the command line changed ("--timeline week" read as --interval week), shown
  /// with the result's notes.
  std::vector<std::string> notes;
};

struct Hit {
  std::size_t rank = 0;        ///< 1-based, counting from the first result overall
  Xapian::docid docid = 0;
  double weight = 0;
  int percent = 0;
  nlohmann::json record;       ///< the stored data record
  std::string snippet;         ///< with kHighlightStart/End around matched words
  std::string cluster;         ///< the story's label (the article's own id when it has no copy)
  std::size_t copies = 0;      ///< other copies of the story (of the quotation, with --quotes)
};

/// Top values of one facet over all matches.
struct FacetResult {
  std::string name;
  std::vector<FacetValue> values;
  Xapian::doccount with_value = 0;  ///< matches that have any value in this facet
};

/// A suggestion for a filter value that matched nothing ("zelensky" -> "Volodymyr Zelenskiy").
struct ValueSuggestion {
  std::string field, value;
  std::vector<std::string> names;
};

/// How the query was understood (--explain).
struct Explanation {
  std::string description;           ///< Xapian::Query::get_description()
  std::vector<std::string> terms;    ///< describe_terms() of the final query
  std::vector<std::string> filters;  ///< readable filters, dates included
  std::string sort;
};

struct SearchResult {
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_lower = 0, matches_upper = 0;
  std::vector<Hit> hits;
  /// Notes for the user about how filter values were understood
  /// ("--person blinken matched Antony Blinken").
  std::vector<std::string> notes;
  std::vector<FacetResult> facets;
  std::optional<Timeline> timeline;
  /// With a date filter: matches left out because they have no date.
  std::optional<Xapian::doccount> undated_excluded;
  std::string suggestion;  ///< "did you mean" query text, "" if none
  std::vector<ValueSuggestion> value_suggestions;
  std::optional<Explanation> explanation;
};

class Searcher {
 public:
  /// Opens the database (schema-checked).
  static Result<std::unique_ptr<Searcher>> open(const std::string& path);
  /// Opens a stub database (a stub file, or a folder holding XAPIANDB) line by line, leaving out
  /// the remote partitions ("remote HOST:PORT", "remote :PROGRAM ARGS") that fail to open
  /// (listed by unreachable()); any other path is opened as open() does. Fails when no
  /// partition can be opened.
  static Result<std::unique_ptr<Searcher>> open_partial(const std::string& path);
  /// The stub lines left out by open_partial because their server did not answer.
  const std::vector<std::string>& unreachable() const;
  ~Searcher();

  /// Runs a search. Retries after reopening if a writer changed the database meanwhile.
  Result<SearchResult> search(const SearchRequest& request);

  /// The terms a typed filter value stands for in `field` (e.g. person "blinken" ->
  /// {"XPERSONantony blinken"}; country "Russian" -> {"XCOUNTRYru"}), with a note when it is not
  /// an exact match and suggestions when nothing matches. Notes name the value `as_typed`
  /// ("country:narnia"), by default as the option ("--country narnia").
  std::vector<std::string> resolve_values(const std::string& field, const std::string& value,
                                          SearchResult& out, const std::string& as_typed = "");
  /// resolve_values, with aliases looked up (true) or the value taken as the name it is (false,
  /// for an alias's canonical name).
  std::vector<std::string> resolve_values(const std::string& field, const std::string& value, SearchResult& out,
                                          const std::string& as_typed, bool follow_aliases);
  /// The names of a facet (terms under `prefix`) that hold every word of `want`.
  std::vector<std::string> names_with_words(const std::string& prefix, const std::vector<std::string>& want);
  /// The names of a facet whose initials are `initials` (initials_of).
  std::vector<std::string> names_with_initials(const std::string& prefix, const std::string& initials);
  /// A typed organisation or place the archive does not hold as typed, read more loosely where
  /// that finds it: without a leading article when the archive holds the rest ("the bbc": "BBC"),
  /// or a place before a comma when the whole finds no name ("new york, ny", with a note).
  /// `value` otherwise, and for the other fields.
  std::string loosened(const std::string& field, const std::string& value, const std::string& label, SearchResult& out);
  /// resolve_values for a --country value no country table row names: the countries whose name
  /// holds it, else the place of that name where the archive has one, else nothing (with a note).
  std::vector<std::string> countries_in_part(const std::string& typed, const std::string& label, SearchResult& out);
  /// The note for a filter value nothing in its facet holds: the other facet that holds it
  /// ("--org nyc": a place), else the nearest names of its own facet ("did you mean").
  void note_nothing_found(const std::string& field, const std::string& typed, const std::string& value,
                          const std::vector<std::string>& near_words, const std::string& label, SearchResult& out);
  /// resolve_values for a --place value that names a country: its term beside `places` (the
  /// places holding the name), with a note.
  std::vector<std::string> with_country(const std::string& code, std::vector<std::string> places,
                                        const std::string& label, SearchResult& out);

  /// The stored record of the article whose id is `id` exactly as results show it (--show), or
  /// nullopt when no article has it (a quotation's id is no article's). Works over stub
  /// databases (partitions) as over one database.
  Result<std::optional<nlohmann::json>> article(const std::string& id);

  /// The display name stored for a facet term ("XPERSONantony blinken" -> "Antony Blinken").
  std::string display_name(const std::string& field, const std::string& term);


  const Xapian::Database& database() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  Result<SearchResult> search_once(const SearchRequest& request);
  /// The request as a QuerySpec: bounded (check_query_size), filter values resolved (notes into
  /// `out`), --like expanded.
  Result<QuerySpec> query_spec(const SearchRequest& request, SearchResult& out);
  /// The names of `terms` for a note: one alone as it is; several with the articles carrying
  /// each, the most first, "Tony Blair (150), Cherie Blair (12)"; past a dozen, "and N more".
  std::string matched_names(const std::string& field, std::vector<std::string> terms);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsidx::query
