// Reader for JSON Lines archives (*.jsonl, *.ndjson): one article object per line.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// Reads every article in a JSON Lines file. LF, CRLF and lone CR end lines; blank lines are
/// ignored; a line that is not valid UTF-8 is read as Windows-1252 with a notice; a malformed
/// line (anything the JSON parser raises, a number overflowing a double included), a line with
/// a NUL byte, a value that is not an object and an object without a body each give a skipping
/// warning for that line, and the other lines are still read. Never throws.
///
/// Each line is one record (read_record).
ReadResult read_jsonl(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                      const PageReader& pages = {});

/// Reads one record, the object of a JSON line or a CSV row, into `result`: an article, or a
/// skipping warning naming `line` when it has no body. Its fields are those of jsonl_fields.hpp
/// (first key holding text wins):
///  - id: the record's own, as it is; else `id_base#LINE` (`id_base`: the path relative to the
///    archive, or ReaderOptions::id_path)
///  - date: parse_date, or a number date_from_number reads; unknown forms give a notice and no date
///  - body (else the summary; becomes `Article::text`). A body holding HTML tags (`<p>`, `<br>`,
///    `<div`, ...: a CMS export) is read by `pages`, as a feed item's HTML content is, when given;
///    HTML character references in a plain body are decoded
///  - dateline: `dateline`. When the body starts with a dateline it is spanned and left out of
///    `body` either way; the field, when given, is what `dateline_text` records.
void read_record(const nlohmann::json& record, std::string_view id_base, std::string_view display_path,
                 std::size_t line, const PageReader& pages, ReadResult& result);

}  // namespace newsidx::readers
