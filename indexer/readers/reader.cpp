// Readers: choosing the format by file name and the checks every format shares (see reader.hpp).
#include "indexer/readers/reader.hpp"

#include <exception>
#include <functional>
#include <new>
#include <unordered_map>
#include <utility>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/feed_reader.hpp"
#include "indexer/readers/gzip.hpp"
#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/newsml_reader.hpp"
#include "indexer/readers/nitf_reader.hpp"
#include "indexer/readers/warc_reader.hpp"
#include "indexer/readers/xml.hpp"
#include "indexer/readers/sgml_reader.hpp"
#include "indexer/readers/text_reader.hpp"
#include "indexer/readers/versions.hpp"

namespace newsidx::readers {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::string_view kLatin1Notice = "not valid UTF-8; read as Windows-1252/Latin-1";

std::string_view without_gz(std::string_view path) {
  return ends_with(path, ".gz") ? path.substr(0, path.size() - 3) : path;
}

// An XML file's reader is chosen by its root element: feeds, NITF, NewsML-G2.
ReadResult read_xml(std::string_view bytes, const PageSource& file, const ReaderOptions& options) {
  const std::string root = sniff_root(bytes);
  if (root == "rss" || root == "feed") return read_feed(bytes, file, options);
  if (root == "nitf") return read_nitf(bytes, file.rel_path, file.path);
  if (is_newsml_root(root)) return read_newsml(bytes, file.rel_path, file.path, options);
  ReadResult result;
  result.warnings.push_back({file.path, 0,
                             root.empty() ? "not XML (no root element)"
                                          : "XML root element <" + root +
                                                "> is not NITF, NewsML-G2, RSS or Atom",
                             true});
  return result;
}

// A saved page: one article, or the reason it is none.
ReadResult read_html_file(std::string_view rel_path, std::string_view display_path,
                          std::string_view bytes, const ReaderOptions& options) {
  PageSource source;
  source.path = std::string(display_path);
  source.rel_path = std::string(rel_path);
  PageResult page = read_html_page(bytes, source, options);
  ReadResult result;
  result.warnings = std::move(page.warnings);
  if (page.article) result.articles.push_back(std::move(*page.article));
  if (!page.not_article.empty()) {
    ReadWarning w{source.path, 0, std::move(page.not_article), false};
    w.not_article = true;
    result.warnings.push_back(std::move(w));
  }
  return result;
}

// Reads `bytes` as `format`; XML declares its own encoding (libxml2 decodes it) and WARC
// payloads may be binary, so only the plain formats are decoded here.
ReadResult read_format(Format format, std::string_view rel_path, std::string_view display_path,
                       std::string_view bytes, const ReaderOptions& options,
                       const std::function<void(std::size_t, std::string, bool)>& warn) {
  if (format == Format::kHtml) return read_html_file(rel_path, display_path, bytes, options);
  if (format == Format::kWarc || format == Format::kXml || format == Format::kFeed) {
    const PageSource file{std::string(display_path), std::string(rel_path), "", "", 0};
    return format == Format::kWarc   ? read_warc(bytes, file, options)
           : format == Format::kFeed ? read_feed(bytes, file, options)
                                     : read_xml(bytes, file, options);
  }
  // JSON Lines are decoded line by line, so one bad line does not recode the others.
  if (format == Format::kJsonLines) return read_jsonl(rel_path, display_path, bytes);
  DecodedText decoded = decode_text(bytes);
  // Reuters SGML is Latin-1 by definition (README): only a text file is expected in UTF-8.
  if (decoded.fell_back && format == Format::kText) warn(0, std::string(kLatin1Notice), false);
  return format == Format::kText ? read_text_article(rel_path, display_path, std::move(decoded.text))
                                 : read_sgml(rel_path, display_path, decoded.text);
}

// The id rule within a file: of records sharing an id (a feed repeating a record, an .sgm with
// two stories of one NEWID) the newest version is the article where the records carry versions
// (Article::version), else the last; a repeat the format does not intend (a record without a
// version) is a notice naming both lines.
template <typename Warn>
void keep_newest_of_each_id(ReadResult& read, std::string_view display_path, const Warn& warn) {
  std::unordered_map<std::string, std::size_t> best;  // id -> index of its newest record
  for (std::size_t i = 0; i < read.articles.size(); ++i) {
    const Article& a = read.articles[i];
    auto [it, fresh] = best.try_emplace(a.id, i);
    if (!fresh && newer_version(a.version, i, read.articles[it->second].version, it->second)) it->second = i;
  }
  if (best.size() == read.articles.size()) return;
  struct Group {
    std::size_t first = 0, second = 0, count = 0;  // the first two records' lines
    bool unversioned = false;
  };
  std::unordered_map<std::string, Group> groups;
  for (const Article& a : read.articles) {
    auto [it, fresh] = groups.try_emplace(a.id, Group{a.line, 0, 0, false});
    if (++it->second.count == 2) it->second.second = a.line;
    it->second.unversioned = it->second.unversioned || a.version.empty();
  }
  std::vector<Article> kept;
  for (std::size_t i = 0; i < read.articles.size(); ++i) {
    Article& a = read.articles[i];
    if (best[a.id] != i) continue;
    // An intended repeat (every record carries a version) is no warning.
    if (const Group& g = groups[a.id]; g.count > 1 && g.unversioned) {
      const std::size_t other = g.first != a.line ? g.first : g.second;
      warn(a.line,
           "id \"" + a.id + "\" is also at " + std::string(display_path) + (other ? ":" + std::to_string(other) : "") +
               (g.count > 2 ? " (" + std::to_string(g.count) + " records in all)" : "") + "; the last record is indexed",
           false);
    }
    kept.push_back(std::move(a));
  }
  read.articles = std::move(kept);
}

// The options with the HTML reader as the page reader of containers (WARC records, feed items,
// NewsML bodies), unless the caller gave one.
ReaderOptions with_pages(const ReaderOptions& options) {
  ReaderOptions out = options;
  if (!out.pages)
    out.pages = [options](std::string_view bytes, const PageSource& source) {
      return read_html_page(bytes, source, options);
    };
  return out;
}

}  // namespace

Format format_for(std::string_view path) {
  // Extensions are matched in lower case only: archives carry upper-case README.TXT and the like
  // beside their articles (the BBC set does), and those are not articles.
  if (ends_with(path, ".txt")) return Format::kText;
  if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson")) return Format::kJsonLines;
  if (ends_with(path, ".sgm") || ends_with(path, ".sgml")) return Format::kSgml;
  if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".xhtml")) return Format::kHtml;
  if (ends_with(path, ".gz")) {
    const Format inner = format_for(without_gz(path));
    return ends_with(without_gz(path), ".gz") ? Format::kUnsupported : inner;
  }
  if (ends_with(path, ".xml") || ends_with(path, ".nitf") || ends_with(path, ".newsml")) return Format::kXml;
  if (ends_with(path, ".rss") || ends_with(path, ".atom")) return Format::kFeed;
  if (ends_with(path, ".warc")) return Format::kWarc;
  return Format::kUnsupported;
}

std::string path_id(std::string id, std::string_view rel_path, std::string_view id_path) {
  if (id_path.empty() || rel_path.empty() || id.compare(0, rel_path.size(), rel_path) != 0) return id;
  if (id.size() != rel_path.size() && id[rel_path.size()] != '#') return id;
  return std::string(id_path) + id.substr(rel_path.size());
}

ReadResult read_file(std::string_view rel_path, std::string_view display_path,
                     std::string_view bytes, const ReaderOptions& options) {
  ReadResult result;
  const auto warn = [&](std::size_t line, std::string reason, bool skipped) {
    result.warnings.push_back({std::string(display_path), line, std::move(reason), skipped});
  };
  const Format format = format_for(rel_path);
  if (format == Format::kUnsupported) {
    warn(0,
         "unsupported file type (expected .txt, .jsonl, .ndjson, .sgm, .html, .htm, .xhtml, .xml, "
         ".nitf, .newsml, .rss, .atom, .warc, or one of them .gz)",
         true);
    return result;
  }
  // A WARC reads its own gzip members, one record at a time; other .gz files are decompressed
  // whole, up to the bound (a gzip bomb stops there).
  Gunzipped unzipped;
  if (format != Format::kWarc && ends_with(rel_path, ".gz")) {
    unzipped = gunzip(bytes, options.max_decompressed_bytes);
    if (!unzipped.error.empty()) {
      warn(0, "gzip: " + unzipped.error, true);
      return result;
    }
    bytes = unzipped.data;
  }
  if (trim(bytes).empty() || trim(bytes) == "\xEF\xBB\xBF") {
    warn(0, "empty file", true);
    return result;
  }
  // HTML and XML declare their own encodings, and WARC payloads may be binary.
  const bool markup = format == Format::kHtml || format == Format::kWarc || format == Format::kXml ||
                      format == Format::kFeed;
  // JSON Lines are checked for NUL bytes line by line, so one bad line does not lose the feed.
  if (!markup && (format == Format::kJsonLines ? mostly_control_bytes(bytes) : looks_binary(bytes))) {
    warn(0, "binary file (NUL or control bytes), not text", true);
    return result;
  }

  // The reader boundary: whatever a reader raises (memory for a huge input, a bug on some odd
  // input) skips this file with a warning; it never aborts the run.
  ReadResult read;
  try {
    read = read_format(format, rel_path, display_path, bytes, with_pages(options), warn);
  } catch (const std::bad_alloc&) {
    warn(0, "file too large to read (out of memory)", true);
    return result;
  } catch (const std::exception& e) {
    warn(0, std::string("cannot read the file: ") + e.what(), true);
    return result;
  }
  for (ReadWarning& w : read.warnings) result.warnings.push_back(std::move(w));
  keep_newest_of_each_id(read, display_path, warn);
  for (Article& article : read.articles) {
    article.id = path_id(std::move(article.id), rel_path, options.id_path);
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

bool is_streamed(std::string_view rel_path) { return format_for(rel_path) == Format::kWarc; }

std::vector<ReadWarning> read_stream(std::string_view rel_path, std::string_view display_path,
                                     const ByteSource& source, const ReaderOptions& options,
                                     const ArticleSink& sink) {
  const PageSource file{std::string(display_path), std::string(rel_path), "", "", 0};
  std::vector<ReadWarning> oversized;
  std::vector<ReadWarning> warnings = stream_warc(source, file, with_pages(options), [&](Article article) {
    if (article.text.size() > options.max_article_bytes) {
      oversized.push_back({std::string(display_path), 0,
                           "record at byte " + std::to_string(article.offset.value_or(0)) + ": article of " +
                               std::to_string(article.text.size()) + " bytes exceeds the limit of " +
                               std::to_string(options.max_article_bytes) + " bytes",
                           true});
      return;
    }
    article.id = path_id(std::move(article.id), rel_path, options.id_path);
    sink(std::move(article));
  });
  for (ReadWarning& w : oversized) warnings.push_back(std::move(w));
  return warnings;
}

}  // namespace newsidx::readers
