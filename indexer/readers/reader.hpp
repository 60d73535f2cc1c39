// Readers: bytes of one archive file in, Articles out. Pure functions: no file access, no
// logging; problems come back as ReadWarnings naming the file, line and reason.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::readers {

/// The input formats newsidx understands, chosen by file name (kXml: by the root element too).
enum class Format { kText, kJsonLines, kCsv, kSgml, kHtml, kXml, kFeed, kWarc, kUnsupported };

/// The format of a file by its name, from the table of formats (format_table): kUnsupported when
/// no row takes it.
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
  /// The name ids made from the file's path start with instead of `rel_path` (a text file's id,
  /// an SGML story's "path#NEWID", a record without an id of its own: "path#line"): the indexer
  /// gives the file's key, its absolute path, so that files of two archive folders with the same
  /// relative path are two articles. Empty: `rel_path`. The readers make such ids from it in
  /// the first place; an id of the record's own (a JSON `id`, a guid, a URL) is never rewritten,
  /// whatever it looks like.
  std::string id_path;
};

/// What ids made from the path of the file at `rel_path` start with: options.id_path, else
/// `rel_path`.
std::string_view id_base(std::string_view rel_path, const ReaderOptions& options);

/// What a format's bytes must be before its reader sees them.
enum class ByteCheck {
  kText,    ///< text: refused when binary (NUL or control bytes), decoded (UTF-8, else Latin-1)
  kLines,   ///< JSON Lines, CSV: refused when mostly control bytes (each line or row is checked on its own)
  kMarkup,  ///< declares its own encoding (HTML, XML) or may hold binary payloads (WARC): as is
};

/// Reports a problem of the file being read: line (0: the whole file), reason, skipped.
using Warn = std::function<void(std::size_t, std::string, bool)>;
/// A format's reader: the articles of one file's bytes (after the row's ByteCheck).
using FileReader = ReadResult (*)(std::string_view rel_path, std::string_view display_path, std::string_view bytes,
                                  const ReaderOptions& options, const Warn& warn);

/// One row of the table of formats: a format, the file names its reader takes and how it reads
/// them. A new format is one reader and one row.
struct FormatRow {
  Format format;
  std::string_view reader;                      ///< the reader's name ("text", "xml", "warc"...)
  std::array<std::string_view, 3> extensions;  ///< lower case, dot included; "" pads
  ByteCheck check;
  bool streamed;  ///< also read a slice at a time (read_stream), for files of gigabytes
  FileReader read;
};

/// The table of formats. Extensions match in lower case only, so an archive's README.TXT is not
/// taken for an article; any extension with `.gz` after it is read through gzip (a WARC reads
/// its own gzip members).
std::span<const FormatRow> format_table();

/// True when the file name of `path` is an archive's notes by name, in any case and with any
/// extension: README, LICENSE (LICENCE), COPYING, CHANGELOG.
bool documentation_name(std::string_view path);

/// Why a file named by the user is not read when its name is a documentation_name.
std::string documentation_reason();

/// The row whose reader reads the file `path` (by its extension in any case, `.gz` aside), or
/// nullptr; nullptr for a documentation_name too.
const FormatRow* format_row(std::string_view path);

/// Why a file no row takes is skipped: "unsupported file type (expected .txt, ... or one of
/// them .gz)".
std::string unsupported_reason();

/// Why a file no row takes may still hold articles, or "" when nothing says so: a packed archive
/// (`.tar`, `.tar.gz`, `.tgz`, `.zip`, `.7z`, `.rar`, ...: "a tar archive: newsidx reads no
/// archive of files; unpack it and index the folder") or an article file compressed with other
/// than gzip (`stories.jsonl.bz2`, `.xz`, `.zst`, `.lz4`, `.Z`). The walker warns of such files;
/// other unsupported files (README.TXT, a .pdf) are passed over in silence.
std::string packed_reason(std::string_view path);

/// The file name extension whose reader takes `bytes`, chosen from the bytes alone, for input
/// that has no file name (standard input): ".warc" ("WARC/"), ".arc" ("filedesc://"), ".jsonl"
/// (a '{' first), ".csv" (a first line naming a body column, jsonl_fields::kBody, between
/// commas, semicolons or tabs), ".html" (a doctype or <html> in the first 1,024 bytes), ".sgm"
/// (<REUTERS>), ".xml" (a root element NITF, NewsML-G2, RSS or Atom), ".html" (other markup),
/// else ".txt"; a byte-order mark and white space before them are passed over. No reader takes
/// ".gz" (gzip data) nor ".json" (a JSON array, or an object written over several lines).
std::string_view extension_for_bytes(std::string_view bytes);

/// One row of the table of XML documents: a file of format kXml goes to the reader of its root
/// element (sniffed from the first bytes, namespace prefix aside).
struct XmlRootRow {
  std::string_view reader;                 ///< "feed", "nitf", "newsml"
  bool (*takes)(std::string_view root);  ///< whether this reader takes the root element
  FileReader read;
};

/// The table of XML documents.
std::span<const XmlRootRow> xml_root_table();

/// The row whose reader takes an XML document with root element `root` ("rss", "newsItem"),
/// or nullptr (the file is then skipped: "XML root element <svg> is not NITF, NewsML-G2, RSS
/// or Atom").
const XmlRootRow* xml_root_row(std::string_view root);

/// Reads every article in one file.
///  - `rel_path`: the path relative to the archive root (used for dates and sections, and for ids
///    unless ReaderOptions::id_path names the file's key)
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
