// The --extract-only output: one JSON object per article, as ../shared/docs/extract-format.md
// specifies.
#pragma once

#include <string>

#include "common/article.hpp"

namespace newsidx::indexer {

/// One line of --extract-only output (no trailing newline). `with_text` adds "body", the text
/// the analysis read (--text).
std::string extract_json(const Article& article, const Analysis& analysis, bool with_text = false);

/// The same line made by building nlohmann::json's tree and dumping it, as extract_json did
/// before perf31; extract_json writes the same bytes directly and falls back to this for a
/// string that is not well-formed UTF-8 (nlohmann replaces its bad bytes). For the tests that
/// hold the two equal.
std::string extract_json_with_nlohmann(const Article& article, const Analysis& analysis, bool with_text = false);

}  // namespace newsidx::indexer
