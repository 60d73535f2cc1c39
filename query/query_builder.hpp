// Request -> Xapian::Query, pure: the text goes through a QueryParser set up like the indexer's
// (common/analysis); filters are boolean terms combined with OP_FILTER, so they restrict the
// matches and never change ranking. Facet and date fields of the query language go through
// FieldProcessors that resolve values the way the command-line filters do.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/result.hpp"
#include "query/dates.hpp"

namespace newsidx::query {

/// A filter group for one facet. Each inner vector holds the terms one typed value resolved to
/// (OR-ed: "blinken" may name two people). The values are OR-ed, or AND-ed when `all_of`
/// ("mentions both"). Groups are AND-ed with each other.
struct TermGroup {
  std::string field;                            ///< schema field name, for messages
  std::vector<std::vector<std::string>> values;  ///< full terms (prefix included) per value
  bool all_of = false;
};

struct QuerySpec {
  std::string text;                ///< the user's query in Xapian's query language
  bool any = false;                ///< OR the words instead of requiring all of them
  std::vector<TermGroup> filters;  ///< boolean filters
  DateRange dates;                 ///< --since/--until, "YYYYMMDD" inclusive
  bool quotes = false;             ///< search quotation documents instead of articles
  Xapian::Query like;              ///< --like: the expanded query, replaces ranking by text
  std::vector<std::string> exclude_terms;  ///< documents carrying these never match
  /// Also compute a spelling-corrected query text (ParseInfo::corrected). Off by default: the
  /// lookups cost more than the match itself, so the searcher asks only when matches are few.
  bool spelling = false;
};

/// Turns a value typed after a facet prefix (person:blinken) into terms; the searcher passes its
/// resolve_values. `as_typed` is how the user wrote it ("person:blinken"), for notes. An empty
/// result means nothing in the archive has that value: the query then matches nothing.
using Resolver = std::function<std::vector<std::string>(const std::string& field, const std::string& value,
                                                        const std::string& as_typed)>;

/// What parsing found, for --explain and notes.
struct ParseInfo {
  bool date_filter = false;            ///< a date: field or --since/--until restricts the match
  std::vector<std::string> filters;    ///< readable filters ("person: antony blinken", "date: ...")
  std::string corrected;               ///< spelling-corrected query text, "" if none
  std::string parsed_text;             ///< the text `corrected` corrects (accents folded)
  std::vector<std::string> notes;      ///< how the text was read, when not as typed
  /// Notes on field names a slip away from a field ("tittle:kyiv"), shown only when no "did you
  /// mean" of the whole query is: that names the field already.
  std::vector<std::string> slip_notes;
};

struct BuiltQuery {
  Xapian::Query query;
  /// The same query without date restrictions, limited to documents that have no date: what
  /// a date filter excluded because it cannot place them (counted for the note).
  Xapian::Query undated;
  ParseInfo info;
};

/// Builds the query. `db` gives wildcards and spelling their vocabulary (a default-constructed
/// Database when there is none); `resolve` maps facet values; `today` anchors relative dates.
/// A syntax error, a bad date or an unbalanced quote comes back as a kUsage Error with a hint.
Result<BuiltQuery> build_query(const QuerySpec& spec, const Xapian::Database& db, const Resolver& resolve,
                               const Day& today);

/// Fails with a kUsage Error when quotes or brackets in `text` do not balance.
Status check_balanced(const std::string& text);

/// Bounds on one query, so that no query can hold the machine for long (an 80 KB query of
/// 20,000 phrases took 21 s, 600 facet fields 4.5 s). A pasted paragraph fits.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr std::size_t kMaxQueryWords = 256;
/// field:value pairs of the query plus the values of the filter options (--person ...).
inline constexpr std::size_t kMaxFieldValues = 32;
/// A trailing wildcard (econom*) stands for at most this many words, the most frequent.
inline constexpr Xapian::termcount kMaxWildcardTerms = 500;

/// Fails with a kUsage Error naming the limit when `text` is longer than kMaxQueryBytes or
/// kMaxQueryWords, or `filter_values` (values of the filter options) exceeds kMaxFieldValues.
/// build_query checks this, and counts the query's own field values as it parses.
Status check_query_size(std::string_view text, std::size_t filter_values);

/// The error for `n` field values, past kMaxFieldValues.
Error too_many_field_values(std::size_t n);

/// True when `text` holds a word (a letter or digit): '', '""', '*' and '-' hold none and, as
/// empty queries, match every document.
bool has_words(std::string_view text);

/// The field of the query language for dates (date:2022-01), read by the parser itself: it has
/// no term prefix, so it is not in the schema's table of fields.
inline constexpr std::string_view kDateField = "date";

/// Readable lines describing a query's terms: "word: sanctions", "stem: sanction",
/// "title word: storm", "person: antony blinken" (one per distinct term).
std::vector<std::string> describe_terms(const Xapian::Query& query);

}  // namespace newsidx::query
