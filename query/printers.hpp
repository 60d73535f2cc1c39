// Output of search results: text for people (bold only on a terminal, wrapped to its width,
// control characters escaped), JSON Lines for scripts (schema in docs/json-output.md), CSV for
// spreadsheets, and bare ids or paths for pipes. Kept apart from searching so formats cannot
// leak into logic.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "query/searcher.hpp"

namespace newsidx::query {

struct PrintOptions {
  bool color = false;      ///< bold highlights and dim metadata (a terminal without NO_COLOR)
  bool quotes = false;     ///< hits are quotations, not articles
  std::size_t width = 80;  ///< columns text output is wrapped to
  bool null = false;       ///< ids and paths end with NUL instead of a line feed, unquoted
};

/// Version of the JSON output schema documented in docs/json-output.md.
inline constexpr int kJsonSchemaVersion = 1;

/// "7 matches; showing 1-7", "1 quotation", "about 1000 matches; showing 1-10".
std::string count_line(const SearchResult& result, bool quotes);

/// Human-readable hits: rank, date, headline, snippet, id and dateline, facets; each wrapped to
/// options.width at spaces, every stored string with its control characters escaped.
void print_text(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The facet tables side by side (as many as options.width holds): value and count, top first.
void print_facets_text(std::ostream& out, const std::vector<FacetResult>& facets, Xapian::doccount matches,
                       const PrintOptions& options);

/// The timeline as a bar chart, one row per bucket, within options.width.
void print_timeline_text(std::ostream& out, const Timeline& timeline, const PrintOptions& options);

/// --explain: the parsed query, its terms and filters, wrapped to `width` under their labels.
void print_explanation_text(std::ostream& out, const Explanation& e, std::size_t width = 80);

/// `lead` then `text` (escaped) wrapped to `width`, its later lines indented under the text:
/// "note: ...", "query:   ...".
std::string hanging(const std::string& lead, const std::string& text, std::size_t width);

/// One JSON object per hit, one per line, then a "summary" object when the result has facets,
/// a timeline, an explanation, notes or suggestions.
void print_json(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The summary object (matches, facets, timeline, notes, suggestions, explanation).
nlohmann::json summary_json(const SearchResult& result);

/// True when summary_json says more than the match count.
bool has_summary(const SearchResult& result);

/// One article id per line (quotes give their article's id); an id with control characters or
/// invalid UTF-8 in shell $'...' quoting, unless options.null (then NUL-terminated, raw).
void print_ids(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The absolute path of each file holding a hit, once per file, in rank order: one per line, in
/// shell $'...' quoting when the name needs it (shell_quote_path), or raw and NUL-terminated
/// with options.null, as find -print0 writes them.
void print_paths(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// CSV by RFC 4180 (CRLF line ends), a header row then one row per hit. Articles: id, date,
/// title, url, source, section, person, org, place, country, speaker (several values joined by
/// "; "); quotations: article, date, title, speaker, text. Control characters other than line
/// feed and tab are escaped as in text output.
void print_csv(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The snippet with markers replaced: ANSI bold when `color`, else removed.
std::string render_snippet(const std::string& snippet, bool color);

/// The snippet's highlighted spans as [start, end) byte offsets into the plain snippet.
nlohmann::json highlight_spans(const std::string& snippet);

/// A facet value for people: country codes get their name ("UA Ukraine").
std::string facet_label(const std::string& facet, const std::string& value);

}  // namespace newsidx::query
