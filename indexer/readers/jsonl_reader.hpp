// Reader for JSON Lines archives (*.jsonl, *.ndjson): one article object per line.
#pragma once

#include <string_view>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// Reads every article in a JSON Lines file. LF, CRLF and lone CR end lines; blank lines are
/// ignored; a line that is not valid UTF-8 is read as Windows-1252 with a notice; a malformed
/// line (anything the JSON parser raises, a number overflowing a double included), a line with
/// a NUL byte, a value that is not an object and an object without a body each give a skipping
/// warning for that line, and the other lines are still read. Never throws.
///
/// Fields (first one present wins):
///  - id: `id` (string or number), as it is; else `id_base#LINE` (`id_base`: the path relative
///    to the archive, or ReaderOptions::id_path)
///  - headline: `title`, `headline`
///  - date: `date`, `published`, `published_at`, `pubDate` (parse_date; unknown forms give a
///    notice and no date)
///  - body: `body`, `text`, `content` (a non-empty string; becomes `Article::text`). A body
///    holding HTML tags (`<p>`, `<br>`, `<div`, ...: a CMS export) is read by `pages`, as a feed
///    item's HTML content is, when given; HTML character references in a plain body are decoded
///  - `url`, `source`, `section` (strings); `author` (a string or an array of strings, joined
///    with ", "); `tags` (an array of strings or one string)
///  - dateline: `dateline` (string). When the body starts with a dateline it is spanned and left
///    out of `body` either way; the field, when given, is what `dateline_text` records.
ReadResult read_jsonl(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                      const PageReader& pages = {});

}  // namespace newsidx::readers
