// Reader for CSV and tab-separated exports (*.csv, *.tsv): a header row naming the fields, then
// one article a row, read as a JSON Lines record with those keys (jsonl_fields.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// One row of a CSV file: its fields and the line it starts on (1-based).
struct CsvRow {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

/// The rows of `bytes` (RFC 4180: a field in double quotes may hold the separator, line breaks
/// and doubled quotes; LF, CRLF and a lone CR end rows; blank lines are no rows). A field opens
/// quoted only when its closing mark is followed by the separator or a line end, blanks before
/// the opening mark passed over; otherwise its quotation marks are text ('"We will win," he
/// said', a quotation running on to the next paragraph, as tab-separated exports write them).
std::vector<CsvRow> csv_rows(std::string_view bytes, char separator);

/// The separator of a header line: tab, semicolon or comma, whichever it holds most of outside
/// quotation marks (comma when it holds none).
char csv_separator(std::string_view header_line);

/// True when `line` is a CSV header with a body column (jsonl_fields::kBody, in any case, quoted
/// or not, between commas, semicolons or tabs): "url,date,title,text". Standard input is told
/// a CSV by it.
bool csv_header_names_a_body(std::string_view line);

/// Reads every article of a CSV export. The first row names the fields (in any case, spaces
/// around them trimmed; a byte-order mark is passed over); each further row is a record of
/// those fields (empty ones left out) read by read_record, its id column if any, else
/// `id_base#LINE`. A row whose number of fields differs from the header's is skipped with a
/// warning naming its line, and so is a row holding a NUL byte (a header holding one skips the
/// file); the other rows are still read. A header naming no body column
/// (jsonl_fields::kBody) makes the file "not an article": a table of figures, a codebook.
/// `separator` 0: told from the header (csv_separator). Never throws.
ReadResult read_csv(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                    const PageReader& pages = {}, char separator = 0);

}  // namespace newsidx::readers
