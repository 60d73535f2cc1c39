// Readers: choosing the format by file name and the checks every format shares (see reader.hpp).
#include "indexer/readers/reader.hpp"

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
  if (looks_binary(bytes)) {
    warn(0, "binary file (NUL or control bytes), not text", true);
    return result;
  }

  ReadResult read;
  if (format == Format::kJsonLines) {
    // JSON Lines are checked line by line, so one bad line does not recode the others.
    read = read_jsonl(rel_path, display_path, bytes);
  } else {
    DecodedText decoded = decode_text(bytes);
    // Reuters SGML is Latin-1 by definition (README): only a text file is expected in UTF-8.
    if (decoded.fell_back && format == Format::kText) warn(0, std::string(kLatin1Notice), false);
    read = format == Format::kText
               ? read_text_article(rel_path, display_path, std::move(decoded.text))
               : read_sgml(rel_path, display_path, decoded.text);
  }
  for (ReadWarning& w : read.warnings) result.warnings.push_back(std::move(w));
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
