// Readers: choosing the format by file name and the checks every format shares (see reader.hpp).
#include "indexer/readers/reader.hpp"

#include <exception>
#include <new>
#include <unordered_map>
#include <utility>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/sgml_reader.hpp"
#include "indexer/readers/text_reader.hpp"

namespace newsidx::readers {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::string_view kLatin1Notice = "not valid UTF-8; read as Windows-1252/Latin-1";

template <typename Warn>
ReadResult read_format(Format format, std::string_view rel_path, std::string_view display_path,
                       std::string_view bytes, const Warn& warn) {
  // JSON Lines are decoded line by line, so one bad line does not recode the others.
  if (format == Format::kJsonLines) return read_jsonl(rel_path, display_path, bytes);
  DecodedText decoded = decode_text(bytes);
  if (decoded.fell_back) warn(0, std::string(kLatin1Notice), false);
  return format == Format::kText ? read_text_article(rel_path, display_path, std::move(decoded.text))
                                 : read_sgml(rel_path, display_path, decoded.text);
}

// The id rule within a file: of records sharing an id (a feed repeating a record, an .sgm with
// two stories of one NEWID) the last is the article; the repeat is a notice naming both lines.
template <typename Warn>
void keep_last_of_each_id(ReadResult& read, std::string_view display_path, const Warn& warn) {
  std::unordered_map<std::string, std::size_t> last;  // id -> index of its last record
  for (std::size_t i = 0; i < read.articles.size(); ++i) last[read.articles[i].id] = i;
  if (last.size() == read.articles.size()) return;
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> first;  // id -> line, count
  for (const Article& a : read.articles) {
    auto [it, fresh] = first.try_emplace(a.id, a.line, 0);
    ++it->second.second;
  }
  std::vector<Article> kept;
  for (std::size_t i = 0; i < read.articles.size(); ++i) {
    Article& a = read.articles[i];
    if (last[a.id] != i) continue;
    if (const auto& [line, count] = first[a.id]; count > 1)
      warn(a.line,
           "id \"" + a.id + "\" is also at " + std::string(display_path) + (line ? ":" + std::to_string(line) : "") +
               (count > 2 ? " (" + std::to_string(count) + " records in all)" : "") + "; the last record is indexed",
           false);
    kept.push_back(std::move(a));
  }
  read.articles = std::move(kept);
}

}  // namespace

Format format_for(std::string_view path) {
  // Extensions are matched in lower case only: archives carry upper-case README.TXT and the like
  // beside their articles (the BBC set does), and those are not articles.
  if (ends_with(path, ".txt")) return Format::kText;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return Format::kJsonLines;
  if (ends_with(path, ".sgm") || ends_with(path, ".sgml")) return Format::kSgml;
  return Format::kUnsupported;
}

ReadResult read_file(std::string_view rel_path, std::string_view display_path,
                     std::string_view bytes, const ReaderOptions& options) {
  ReadResult result;
  const auto warn = [&](std::size_t line, std::string reason, bool skipped) {
    result.warnings.push_back({std::string(display_path), line, std::move(reason), skipped});
  };
  const Format format = format_for(rel_path);
  if (format == Format::kUnsupported) {
    warn(0, "unsupported file type (expected .txt, .jsonl, .ndjson, .sgm)", true);
    return result;
  }
  if (trim(bytes).empty() || trim(bytes) == "\xEF\xBB\xBF") {
    warn(0, "empty file", true);
    return result;
  }
  // JSON Lines are checked for NUL bytes line by line, so one bad line does not lose the feed.
  if (format == Format::kJsonLines ? mostly_control_bytes(bytes) : looks_binary(bytes)) {
    warn(0, "binary file (NUL or control bytes), not text", true);
    return result;
  }

  // The reader boundary: whatever a reader raises (memory for a huge input, a bug on some odd
  // input) skips this file with a warning; it never aborts the run.
  ReadResult read;
  try {
    read = read_format(format, rel_path, display_path, bytes, warn);
  } catch (const std::bad_alloc&) {
    warn(0, "file too large to read (out of memory)", true);
    return result;
  } catch (const std::exception& e) {
    warn(0, std::string("cannot read the file: ") + e.what(), true);
    return result;
  }
  for (ReadWarning& w : read.warnings) result.warnings.push_back(std::move(w));
  keep_last_of_each_id(read, display_path, warn);
  for (Article& article : read.articles) {
    if (article.text.size() > options.max_article_bytes) {
      warn(article.line,
           "article of " + std::to_string(article.text.size()) + " bytes exceeds the limit of " +
               std::to_string(options.max_article_bytes) + " bytes",
           true);
      continue;
    }
    result.articles.push_back(std::move(article));
  }
  return result;
}

}  // namespace newsidx::readers
