// Output of search results: text for people (bold highlights only on a terminal) and JSON Lines
// for scripts. Kept apart from searching so formats cannot leak into logic.
#pragma once

#include <ostream>
#include <string>

#include "query/searcher.hpp"

namespace newsidx::query {

struct PrintOptions {
  bool color = false;   ///< bold highlights and dim metadata (a terminal without NO_COLOR)
  bool quotes = false;  ///< hits are quotations, not articles
};

/// Version of the JSON output schema documented in the README.
inline constexpr int kJsonSchemaVersion = 1;

/// Human-readable hits: rank, date, headline, id/path, snippet.
void print_text(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// One JSON object per hit, one per line.
void print_json(std::ostream& out, const SearchResult& result, const PrintOptions& options);

/// The snippet with markers replaced: ANSI bold when `color`, else removed.
std::string render_snippet(const std::string& snippet, bool color);

/// The snippet's highlighted spans as [start, end) byte offsets into the plain snippet.
nlohmann::json highlight_spans(const std::string& snippet);

}  // namespace newsidx::query
