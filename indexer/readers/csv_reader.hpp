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
/// and doubled quotes; LF, CRLF and a lone CR end rows; blank lines are no rows). `unclosed` is
/// set to the line of a quotation mark never closed: that row and what follows are not returned.
std::vector<CsvRow> csv_rows(std::string_view bytes, char separator, std::size_t& unclosed);

/// The separator of a header line: tab, semicolon or comma, whichever it holds most of outside
/// quotation marks (comma when it holds none).
char csv_separator(std::string_view header_line);

/// Reads every article of a CSV export. The first row names the fields (in any case, spaces
/// around them trimmed; a byte-order mark is passed over); each further row is a record of those
/// fields (empty ones left out) read by read_record, its id column if any, else
/// `id_base#LINE`. A row whose number of fields differs from the header's and an unclosed
/// quotation mark give skipping warnings naming the line; the other rows are still read. A
/// header with no column a body comes from makes the file "not an article" (a table of figures). `separator` 0: told from the header (csv_separator). Never throws.
ReadResult read_csv(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                    const PageReader& pages = {}, char separator = 0);

}  // namespace newsidx::readers
