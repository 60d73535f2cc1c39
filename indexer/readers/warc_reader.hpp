// Reader for WARC web-archive files (*.warc, *.warc.gz; WARC/1.0 and 1.1).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// One WARC record: its type, headers (names in lower case) and content block.
struct WarcRecord {
  std::size_t offset = 0;  ///< byte offset in the file (of its gzip member when compressed)
  std::string type;        ///< WARC-Type: "response", "resource", "request", ...
  std::map<std::string, std::string> headers;
  std::string_view block;  ///< the Content-Length bytes after the headers
};

/// An HTTP response as a WARC `response` record holds it, with its body decoded.
struct HttpResponse {
  int status = 0;
  std::string content_type;  ///< the Content-Type header value, or ""
  std::string body;          ///< chunked transfer and gzip/deflate content encoding undone
  std::string error;         ///< why the message could not be decoded, "" when it could
};

/// Parses an HTTP response message (status line, headers, body). `limit` bounds the decoded
/// body (a gzip bomb is an error).
HttpResponse parse_http_response(std::string_view message, std::size_t limit);

/// Reads every page of a WARC file: `response` records with HTTP status 200 and an HTML
/// payload, and HTML `resource` records, each handed to `options.pages` with the record's
/// WARC-Target-URI as url, the HTTP (or WARC) Content-Type, and the record's byte offset. Other
/// records (request, metadata, warcinfo, revisit, non-HTML or non-200 responses) are not
/// articles and are passed over silently. WARC-Date is when the page was crawled and is never
/// taken for its publication date.
///
/// Record-gzipped files (one gzip member per record, as crawlers write them), whole-file gzip
/// and members cut anywhere are all read. A truncated record, a
/// corrupt gzip member or a bad HTTP message is named with its byte offset ("record at byte N:
/// ...") and skipped, and reading goes on with the next record or member.
///
/// Each article keeps the WARC file as `path` and the record offset as `offset`; its id is the
/// one the page reader gives, else the target URI, else `rel_path#offset`. Without a page
/// reader, each HTML page gives a warning "not read (no HTML reader)".
ReadResult read_warc(std::string_view bytes, const PageSource& file, const ReaderOptions& options);

/// read_warc over a stream: the file is pulled from `source` a slice (1 MB) at a time and each
/// article goes to `sink` as soon as its record is read, so memory holds the record being read
/// and a slice of input, never the file. Returns the warnings; `peak_buffer`, when given,
/// receives the largest size the reader's buffers reached.
std::vector<ReadWarning> stream_warc(const ByteSource& source, const PageSource& file,
                                     const ReaderOptions& options, const ArticleSink& sink,
                                     std::size_t* peak_buffer = nullptr);

}  // namespace newsidx::readers
