// Readers: choosing the format by file name and the checks every format shares (see reader.hpp).
#include "indexer/readers/reader.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <unordered_map>
#include <utility>

#include "common/canonical.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/csv_reader.hpp"
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

// Each format's reader behind the FileReader signature. Plain text, CSV and SGML come decoded here
// (ByteCheck::kText); XML declares its own encoding (libxml2 decodes it), and WARC payloads may
// be binary.
ReadResult read_text_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn& warn) {
  DecodedText decoded = decode_text(bytes);
  // Only a text file is expected in UTF-8 (Reuters SGML is Latin-1 by definition, README).
  if (decoded.fell_back) warn(0, std::string(kLatin1Notice), false);
  return read_text_article(rel_path, display_path, std::move(decoded.text), id_base(rel_path, options));
}

ReadResult read_sgml_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn&) {
  const DecodedText decoded = decode_text(bytes);
  return read_sgml(id_base(rel_path, options), display_path, decoded.text);
}

// JSON Lines are decoded line by line, so one bad line does not recode the others.
ReadResult read_jsonl_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                           const ReaderOptions& options, const Warn&) {
  return read_jsonl(id_base(rel_path, options), display_path, bytes, options.pages);
}

// A CSV export: a header row naming the fields, one article a row; a .tsv's separator is a tab.
ReadResult read_csv_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                         const ReaderOptions& options, const Warn& warn) {
  const std::string name = canonical::ascii_lower(rel_path);
  const char separator = without_gz(name).ends_with(".tsv") ? '\t' : 0;
  DecodedText decoded = decode_text(bytes);
  if (decoded.fell_back) warn(0, std::string(kLatin1Notice), false);
  return read_csv(id_base(rel_path, options), display_path, decoded.text, options.pages, separator);
}

// A saved page: one article, or the reason it is none.
ReadResult read_html_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn&) {
  PageSource source;
  source.path = std::string(display_path);
  source.rel_path = std::string(rel_path);
  source.id_base = std::string(id_base(rel_path, options));
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

PageSource page_source(std::string_view rel_path, std::string_view display_path, const ReaderOptions& options) {
  PageSource source{std::string(display_path), std::string(rel_path), "", "", 0};
  source.id_base = std::string(id_base(rel_path, options));
  return source;
}

ReadResult read_feed_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn&) {
  return read_feed(bytes, page_source(rel_path, display_path, options), options);
}

ReadResult read_warc_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn&) {
  return read_warc(bytes, page_source(rel_path, display_path, options), options);
}

ReadResult read_nitf_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                          const ReaderOptions& options, const Warn&) {
  return read_nitf(bytes, id_base(rel_path, options), display_path);
}

ReadResult read_newsml_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                            const ReaderOptions& options, const Warn&) {
  return read_newsml(bytes, rel_path, display_path, options);
}

bool is_feed_root(std::string_view root) { return root == "rss" || root == "feed"; }
bool is_nitf_root(std::string_view root) { return root == "nitf"; }

// The table of XML documents (xml_root_table).
constexpr XmlRootRow kXmlRoots[] = {
    {"feed", is_feed_root, read_feed_file},
    {"nitf", is_nitf_root, read_nitf_file},
    {"newsml", is_newsml_root, read_newsml_file},
};

// An XML file's reader is chosen by its root element (the table above).
ReadResult read_xml_file(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                         const ReaderOptions& options, const Warn& warn) {
  const std::string root = sniff_root(bytes);
  if (const XmlRootRow* row = xml_root_row(root)) return row->read(rel_path, display_path, bytes, options, warn);
  ReadResult result;
  result.warnings.push_back({std::string(display_path), 0,
                             root.empty() ? "not XML (no root element)"
                                          : "XML root element <" + root +
                                                "> is not NITF, NewsML-G2, RSS or Atom",
                             true});
  return result;
}

// The table of formats (format_table), in the order unsupported_reason lists them.
constexpr FormatRow kFormats[] = {
    {Format::kText, "text", {".txt", "", ""}, ByteCheck::kText, false, read_text_file},
    {Format::kJsonLines, "jsonl", {".jsonl", ".ndjson", ""}, ByteCheck::kLines, false, read_jsonl_file},
    {Format::kCsv, "csv", {".csv", ".tsv", ""}, ByteCheck::kLines, false, read_csv_file},
    {Format::kSgml, "sgml", {".sgm", ".sgml", ""}, ByteCheck::kText, false, read_sgml_file},
    {Format::kHtml, "html", {".html", ".htm", ".xhtml"}, ByteCheck::kMarkup, false, read_html_file},
    {Format::kXml, "xml", {".xml", ".nitf", ".newsml"}, ByteCheck::kMarkup, false, read_xml_file},
    {Format::kFeed, "feed", {".rss", ".atom", ""}, ByteCheck::kMarkup, false, read_feed_file},
    {Format::kWarc, "warc", {".warc", ".arc", ""}, ByteCheck::kMarkup, true, read_warc_file},
};

// The id rule within a file: of records sharing an id (a feed repeating a record, an .sgm with
// two stories of one NEWID) the newest version is the article where the records carry versions
// (Article::version), else the last; a repeat the format does not intend (a record without a
// version) is a notice naming both lines.
template <typename WarnFn>
void keep_newest_of_each_id(ReadResult& read, std::string_view display_path, const WarnFn& warn) {
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

std::span<const FormatRow> format_table() { return kFormats; }

std::span<const XmlRootRow> xml_root_table() { return kXmlRoots; }

namespace {

// The file name of `path` in lower case.
std::string lower_base(std::string_view path) { return canonical::ascii_lower(path.substr(path.find_last_of('/') + 1)); }

// documentation_name for a file name already in lower case.
bool notes_base(std::string_view base) {
  // Archives carry their notes beside the articles (the BBC set's README.TXT, a corpus's
  // LICENSE.txt); an article is never named so.
  // Not "changes", "notice" or "authors": a site's pages may be slugs of those words.
  static constexpr std::string_view kNotes[] = {"readme", "license", "licence", "copying", "changelog"};
  const std::string_view stem = base.substr(0, base.find('.'));
  return std::find(std::begin(kNotes), std::end(kNotes), stem) != std::end(kNotes);
}

}  // namespace

bool documentation_name(std::string_view path) { return notes_base(lower_base(path)); }

std::string documentation_reason() { return "an archive's notes by its name (README, LICENSE, ...), not an article"; }

const FormatRow* format_row(std::string_view path) {
  // Extensions in any case: archives from Windows and older systems name their articles
  // STORY.TXT or PAGE.HTM. One .gz is read through; a second is not.
  const std::string lower = lower_base(path);
  if (notes_base(lower)) return nullptr;
  const std::string_view name = without_gz(lower);
  if (ends_with(name, ".gz")) return nullptr;
  for (const FormatRow& row : kFormats)
    for (std::string_view ext : row.extensions)
      if (!ext.empty() && ends_with(name, ext)) return &row;
  return nullptr;
}

Format format_for(std::string_view path) {
  const FormatRow* row = format_row(path);
  return row ? row->format : Format::kUnsupported;
}

const XmlRootRow* xml_root_row(std::string_view root) {
  for (const XmlRootRow& row : kXmlRoots)
    if (row.takes(root)) return &row;
  return nullptr;
}

std::string unsupported_reason() {
  std::string expected;
  for (const FormatRow& row : kFormats)
    for (std::string_view ext : row.extensions)
      if (!ext.empty()) expected += std::string(ext) + ", ";
  return "unsupported file type (expected " + expected + "or one of them .gz)";
}

std::string_view extension_for_bytes(std::string_view bytes) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b)
    return ".gz";
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return ".txt";
  bytes.remove_prefix(first);
  if (bytes.substr(0, 5) == "WARC/") return ".warc";
  if (bytes.substr(0, 11) == "filedesc://") return ".arc";
  const std::string_view line = bytes.substr(0, bytes.find_first_of("\r\n"));
  if (bytes.front() == '[' || trim(line) == "{") return ".json";
  if (bytes.front() == '{') return ".jsonl";
  if (csv_header_names_a_body(line)) return ".csv";
  if (bytes.front() != '<') return ".txt";
  const std::string head = canonical::ascii_lower(bytes.substr(0, 1024));
  if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) return ".html";
  if (head.find("<reuters") != std::string::npos) return ".sgm";
  // NITF, NewsML-G2, RSS or Atom by the root element; other markup is a page ("<p>...").
  return xml_root_row(sniff_root(bytes)) ? ".xml" : ".html";
}

std::string packed_reason(std::string_view path) {
  const std::string_view base = path.substr(path.find_last_of('/') + 1);
  const std::string name = canonical::ascii_lower(base);
  struct Packed {
    std::string_view suffix, kind;
  };
  static constexpr Packed kArchives[] = {
      {".tar", "a tar archive"},          {".tar.gz", "a tar archive"}, {".tgz", "a tar archive"},
      {".tar.bz2", "a tar archive"},      {".tbz2", "a tar archive"},   {".tar.xz", "a tar archive"},
      {".txz", "a tar archive"},          {".tar.zst", "a tar archive"}, {".zip", "a zip archive"},
      {".7z", "a 7-Zip archive"},         {".rar", "a RAR archive"},
  };
  for (const Packed& a : kArchives)
    if (ends_with(name, a.suffix))
      return std::string(a.kind) + ": newsidx reads no archive of files; unpack it and index the folder";
  static constexpr Packed kCompressors[] = {
      {".bz2", "bzip2"}, {".xz", "xz"}, {".zst", "zstd"}, {".lz4", "lz4"}, {".z", "compress"}, {".lzma", "lzma"},
  };
  for (const Packed& c : kCompressors) {
    if (!ends_with(name, c.suffix)) continue;
    // A README.TXT is no article, compressed or not.
    const std::string_view inner = base.substr(0, base.size() - c.suffix.size());
    if (format_row(inner) == nullptr || ends_with(canonical::ascii_lower(inner), ".gz")) return "";
    return "compressed with " + std::string(c.kind) +
           "; only gzip is read: decompress it, or recompress it with gzip (" +
           std::string(inner.substr(inner.find_last_of('.'))) + ".gz)";
  }
  return "";
}

std::string_view id_base(std::string_view rel_path, const ReaderOptions& options) {
  return options.id_path.empty() ? rel_path : std::string_view(options.id_path);
}

ReadResult read_file(std::string_view rel_path, std::string_view display_path,
                     std::string_view bytes, const ReaderOptions& options) {
  ReadResult result;
  const auto warn = [&](std::size_t line, std::string reason, bool skipped) {
    result.warnings.push_back({std::string(display_path), line, std::move(reason), skipped});
  };
  const FormatRow* row = format_row(rel_path);
  if (!row) {
    warn(0, unsupported_reason(), true);
    return result;
  }
  // A streamed format (WARC) reads its own gzip members, one record at a time; other .gz files
  // are decompressed whole, up to the bound (a gzip bomb stops there).
  Gunzipped unzipped;
  if (!row->streamed && ends_with(canonical::ascii_lower(rel_path), ".gz")) {
    unzipped = gunzip(bytes, options.max_decompressed_bytes);
    if (!unzipped.error.empty()) {
      warn(0, "gzip: " + unzipped.error, true);
      return result;
    }
    bytes = unzipped.data;
  }
  // Text saved as UTF-16 with its byte-order mark (Windows' "Unicode") is text, not binary.
  std::optional<std::string> widened;
  if (row->check != ByteCheck::kMarkup && (widened = utf16_to_utf8(bytes))) bytes = *widened;
  if (trim(bytes).empty() || trim(bytes) == "\xEF\xBB\xBF") {
    warn(0, "empty file", true);
    return result;
  }
  // JSON Lines and CSV are checked for NUL bytes line by line and row by row, so one bad line
  // does not lose the feed.
  if ((row->check == ByteCheck::kLines && mostly_control_bytes(bytes)) ||
      (row->check == ByteCheck::kText && looks_binary(bytes))) {
    warn(0, "binary file (NUL or control bytes), not text", true);
    return result;
  }

  // The reader boundary: whatever a reader raises (memory for a huge input, a bug on some odd
  // input) skips this file with a warning; it never aborts the run.
  ReadResult read;
  try {
    read = row->read(rel_path, display_path, bytes, with_pages(options), warn);
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

bool is_streamed(std::string_view rel_path) {
  const FormatRow* row = format_row(rel_path);
  return row && row->streamed;
}

std::vector<ReadWarning> read_stream(std::string_view rel_path, std::string_view display_path,
                                     const ByteSource& source, const ReaderOptions& options,
                                     const ArticleSink& sink) {
  const PageSource file = page_source(rel_path, display_path, options);
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
    sink(std::move(article));
  });
  for (ReadWarning& w : oversized) warnings.push_back(std::move(w));
  return warnings;
}

}  // namespace newsidx::readers
