// Reader for CSV and tab-separated exports (csv_reader.hpp).
#include "indexer/readers/csv_reader.hpp"

#include <algorithm>
#include <new>

#include <nlohmann/json.hpp>

#include "common/canonical.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/jsonl_fields.hpp"
#include "indexer/readers/jsonl_reader.hpp"

namespace newsidx::readers {
namespace {

bool has_nul(const CsvRow& row) {
  return std::any_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return f.find('\0') != std::string::npos; });
}

bool blank_row(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(),
                     [](const std::string& f) { return f.find_first_not_of(" \t") == std::string::npos; });
}

// The header names as read_record's keys: as written when a key is spelt so ("articleBody"),
// else in lower case ("Title" -> "title").
std::string key_for(const std::string& name) {
  const std::string lower = canonical::ascii_lower(name);
  for (jsonl_fields::Keys keys :
       {jsonl_fields::kBody, jsonl_fields::kSummary, jsonl_fields::kTitle, jsonl_fields::kDate, jsonl_fields::kId,
        jsonl_fields::kAuthor, jsonl_fields::kUrl, jsonl_fields::kSource, jsonl_fields::kSection, jsonl_fields::kTags,
        jsonl_fields::kLang})
    for (const char* key : keys)
      if (canonical::ascii_lower(key) == lower) return key;
  return lower;
}

// A table is articles when a column holds bodies; a summary column alone ("description") is
// what codebooks and tables of figures have too.
bool names_a_body(const std::vector<std::string>& keys) {
  return std::any_of(keys.begin(), keys.end(), [](const std::string& k) {
    return std::any_of(jsonl_fields::kBody.begin(), jsonl_fields::kBody.end(),
                       [&](const char* key) { return k == key; });
  });
}

// True when the quotation mark at `open` opens a quoted field: its closing mark (a mark not
// doubled) is followed by the separator, a line end or the end of the bytes. Each call stops at
// the next lone mark, so a file's calls read it about once.
bool quoted_field_at(std::string_view bytes, std::size_t open, char separator) {
  for (std::size_t i = open + 1; i < bytes.size(); ++i) {
    if (bytes[i] != '"') continue;
    if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
      ++i;
      continue;
    }
    return i + 1 == bytes.size() || bytes[i + 1] == separator || bytes[i + 1] == '\n' || bytes[i + 1] == '\r';
  }
  return false;
}

}  // namespace

std::vector<CsvRow> csv_rows(std::string_view bytes, char separator) {
  std::vector<CsvRow> rows;
  CsvRow row{{}, 1};
  std::string field;
  std::size_t line = 1;
  bool in_quotes = false;  // inside a quoted field
  bool quoted = false;     // the field was quoted (an empty quoted field is a field)
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    quoted = false;
  };
  auto end_row = [&](std::size_t next_line) {
    end_field();
    if (!blank_row(row)) rows.push_back(std::move(row));
    row = CsvRow{{}, next_line};
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) ++line;
        field += c;
      }
      continue;
    }
    // A field opens quoted only when its closing mark ends it: '"We will win," he said' and a
    // quotation running on to the next paragraph are text (tab-separated exports write them so).
    if (field.find_first_not_of(' ') == std::string::npos && !quoted && c == '"' &&
        quoted_field_at(bytes, i, separator)) {
      field.clear();  // blanks before the opening mark
      in_quotes = quoted = true;
    } else if (c == separator) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      ++line;
      end_row(line);
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.fields.empty() || quoted) end_row(line);
  return rows;
}

char csv_separator(std::string_view header_line) {
  std::size_t tabs = 0, semicolons = 0, commas = 0;
  bool in_quotes = false;
  for (char c : header_line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    tabs += c == '\t';
    semicolons += c == ';';
    commas += c == ',';
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons > commas ? ';' : ',';
}

bool csv_header_names_a_body(std::string_view line) {
  const char separator = csv_separator(line);
  if (line.find(separator) == std::string_view::npos) return false;
  const std::vector<CsvRow> rows = csv_rows(line, separator);
  if (rows.empty()) return false;
  std::vector<std::string> keys;
  for (const std::string& name : rows.front().fields) keys.push_back(key_for(std::string(trim(name))));
  return names_a_body(keys);
}

ReadResult read_csv(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                    const PageReader& pages, char separator) {
  ReadResult result;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  const std::string path(display_path);
  if (separator == 0) separator = csv_separator(bytes.substr(0, bytes.find_first_of("\r\n")));
  std::vector<CsvRow> rows;
  try {
    rows = csv_rows(bytes, separator);
  } catch (const std::bad_alloc&) {
    result.warnings.push_back({path, 0, "file too large to read (out of memory)", true});
    return result;
  }
  if (rows.empty()) return result;
  if (has_nul(rows.front())) {
    result.warnings.push_back({path, rows.front().line, "NUL byte in the header row, not text", true});
    return result;
  }
  std::vector<std::string> keys;
  for (const std::string& name : rows.front().fields) keys.push_back(key_for(std::string(trim(name))));
  if (!names_a_body(keys)) {
    // A table of something else (figures, a list of files) is no article, not bad input: a
    // nightly run over an archive holding one stays exit 0.
    std::string names;
    for (const char* key : jsonl_fields::kBody) names += names.empty() ? key : std::string(", ") + key;
    ReadWarning w{path, rows.front().line, "header names no body column (" + names + ")", false};
    w.not_article = true;
    result.warnings.push_back(std::move(w));
    return result;
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (has_nul(row)) {
      result.warnings.push_back({path, row.line, "NUL byte in the row, not text", true});
      continue;
    }
    if (row.fields.size() != keys.size()) {
      result.warnings.push_back(
          {path, row.line,
           "row has " + std::to_string(row.fields.size()) + " fields, the header " + std::to_string(keys.size()),
           true});
      continue;
    }
    try {
      nlohmann::json record = nlohmann::json::object();
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (!keys[k].empty() && !row.fields[k].empty() && !record.contains(keys[k])) record[keys[k]] = row.fields[k];
      read_record(record, id_base, display_path, row.line, pages, result);
    } catch (const std::exception& e) {
      result.warnings.push_back({path, row.line, std::string("cannot read the row: ") + e.what(), true});
    }
  }
  return result;
}

}  // namespace newsidx::readers
