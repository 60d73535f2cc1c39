// Readers: bytes of one archive file in, Articles out. Pure functions: no file access, no
// logging; problems come back as ReadWarnings naming the file, line and reason.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::readers {

/// The input formats newsidx understands, chosen by file name (kXml: by the root element too).
enum class Format { kText, kJsonLines, kSgml, kHtml, kXml, kFeed, kWarc, kUnsupported };

/// `*.txt` -> kText, `*.jsonl`/`*.ndjson` -> kJsonLines, `*.sgm`/`*.sgml` -> kSgml,
/// `*.html`/`*.htm`/`*.xhtml` -> kHtml, `*.xml`/`*.nitf`/`*.newsml` -> kXml (NITF, NewsML-G2 or
/// a feed, told apart by the root element), `*.rss`/`*.atom` -> kFeed, `*.warc` -> kWarc; any
/// of them with `.gz` after it is read through gzip. Extensions match in lower case only, so an
/// archive's README.TXT is not taken for an article.
Format format_for(std::string_view path);

/// A problem with part of a file. `line` is 1-based, 0 when it concerns the whole file.
/// `skipped` is true when an article (or the whole file) was left out because of it; false for
/// a notice that did not stop the article being indexed (e.g. a Latin-1 fallback).
struct ReadWarning {
  std::string path;
  std::size_t line = 0;
  std::string reason;
  bool skipped = true;
  /// True when the input holds no article (an index page, a gallery, a login wall): counted as
  /// "not an article", apart from bad input; `skipped` is then false.
  bool not_article = false;
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<ReadWarning> warnings;
};

struct PageSource;
struct PageResult;
/// Turns one HTML page into an article (see page.hpp, which spells the same type).
using PageReader = std::function<PageResult(std::string_view bytes, const PageSource& source)>;

/// Pulls up to `cap` more bytes of a file into `buf`; returns how many, 0 at the end. Lets a
/// reader take a large file (a WARC) a slice at a time instead of whole.
using ByteSource = std::function<std::size_t(char* buf, std::size_t cap)>;
/// Receives each article of a streamed file as soon as it is read.
using ArticleSink = std::function<void(Article)>;

struct ReaderOptions {
  /// Articles whose text is larger than this are skipped with a warning.
  std::size_t max_article_bytes = 4 * 1024 * 1024;
  /// A `.gz` file, or a WARC record, that decompresses to more than this is skipped (gzip bomb).
  std::size_t max_decompressed_bytes = 1024u * 1024 * 1024;
  /// The reader of HTML pages inside containers (WARC records, feed items, NewsML bodies). When
  /// empty, read_file and read_stream use the HTML reader (html_reader.hpp); the container
  /// readers called alone name HTML payloads as not read ("no HTML reader").
  PageReader pages;
  /// The name ids made from the file's path use instead of `rel_path` (a text file's id, an
  /// SGML story's "path#NEWID", a record without an id of its own: "path#line"): the indexer
  /// gives the file's key, its absolute path, so that files of two archive folders with the same
  /// relative path are two articles. Empty: `rel_path`.
  std::string id_path;
};

/// `id` with a leading `rel_path` (the whole id, or before a '#') replaced by `id_path`: how
/// read_file and read_stream apply ReaderOptions::id_path. Ids of the record's own (a JSON
/// `id`, a guid, a URL) are returned as they are.
std::string path_id(std::string id, std::string_view rel_path, std::string_view id_path);

/// Reads every article in one file.
///  - `rel_path`: the path relative to the archive root (used for ids, dates and sections)
///  - `display_path`: the path shown in warnings and stored in results
///  - `bytes`: the file's contents
ReadResult read_file(std::string_view rel_path, std::string_view display_path,
                     std::string_view bytes, const ReaderOptions& options = {});

/// True for the formats read as a stream (read_stream): WARC, whose files run to gigabytes.
bool is_streamed(std::string_view rel_path);

/// Reads a streamed file (is_streamed) from `source`, handing each article to `sink` as it is
/// read, with the checks read_file makes (article size); returns the warnings. Memory is bounded
/// by the largest record, never by the file.
std::vector<ReadWarning> read_stream(std::string_view rel_path, std::string_view display_path,
                                     const ByteSource& source, const ReaderOptions& options,
                                     const ArticleSink& sink);

}  // namespace newsidx::readers
