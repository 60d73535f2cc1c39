// Output of search results: text for people (bold only on a terminal), JSON Lines for scripts
// (schema in docs/json-output.md), and bare ids or paths for pipes. Kept apart from searching
// so formats cannot leak into logic.
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "query/searcher.hpp"

namespace newsidx::query {

struct PrintOptions {
  bool color = false;   ///< bold highlights and dim metadata (a terminal without NO_COLOR)
  bool quotes = false;  ///< hits are quotations, not articles
};

/// Version of the JSON output schema documented in docs/json-output.md.
inline constexpr int kJsonSchemaVersion = 1;

/// Human-readable hits: rank, date, headline, id/path, snippet.
void print_text(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The facet tables side by side: value and count, top first.
void print_facets_text(std::ostream& out, const std::vector<FacetResult>& facets, Xapian::doccount matches,
                       bool color);

/// The timeline as a bar chart, one row per bucket.
void print_timeline_text(std::ostream& out, const Timeline& timeline, bool color);

/// --explain: the parsed query, its terms and filters.
void print_explanation_text(std::ostream& out, const Explanation& e);

/// One JSON object per hit, one per line, then a "summary" object when the result has facets,
/// a timeline, an explanation, notes or suggestions.
void print_json(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The summary object (matches, facets, timeline, notes, suggestions, explanation).
nlohmann::json summary_json(const SearchResult& result);

/// True when summary_json says more than the match count.
bool has_summary(const SearchResult& result);

/// One article id (or file path) per line; quotes give their article's id.
void print_ids(std::ostream& out, const SearchResult& result, bool paths, const PrintOptions& options);

/// The snippet with markers replaced: ANSI bold when `color`, else removed.
std::string render_snippet(const std::string& snippet, bool color);

/// The snippet's highlighted spans as [start, end) byte offsets into the plain snippet.
nlohmann::json highlight_spans(const std::string& snippet);

/// A facet value for people: country codes get their name ("UA Ukraine").
std::string facet_label(const std::string& facet, const std::string& value);

}  // namespace newsidx::query
