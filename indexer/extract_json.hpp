// The --extract-only output: one JSON object per article, as ../shared/docs/extract-format.md
// specifies.
#pragma once

#include <string>

#include "common/article.hpp"

namespace newsidx::indexer {

/// One line of --extract-only output (no trailing newline). `with_text` adds "body", the text
/// the analysis read (--text).
std::string extract_json(const Article& article, const Analysis& analysis, bool with_text = false);

}  // namespace newsidx::indexer
