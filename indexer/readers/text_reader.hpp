// Reader for plain-text articles (*.txt): headline on the first line, then the body.
#pragma once

#include <string_view>

#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// Reads one plain-text article from already-decoded UTF-8 `text` (see decode_text).
///
/// The first non-blank line is the headline; the body is what follows after blank lines, with a
/// dateline at its start recognised (find_dateline) and left out of `body`. `Article::text` is
/// the whole decoded file, so spans are offsets into it. The date and section come from
/// `rel_path` (path_metadata); where the path gives no date, a first body line that holds only a
/// date (date_line: "Monday, January 7, 2019") gives it, and that line is left out of `body`;
/// else a dateline that writes its year ("WASHINGTON, Jan. 7, 2019 —").
/// The id is `id_base` (ReaderOptions::id_path), else `rel_path`.
/// A file with a headline and no body gives a skipping warning.
ReadResult read_text_article(std::string_view rel_path, std::string_view display_path,
                             std::string text, std::string_view id_base = {});

}  // namespace newsidx::readers
