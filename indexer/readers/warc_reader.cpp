// Reader for WARC files (see warc_reader.hpp). The record parser is ours: Debian packages no
// WARC library for C++.
#include "indexer/readers/warc_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>
#include <vector>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/gzip.hpp"

namespace newsidx::readers {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Where a header block ends: the first blank line (CRLF CRLF, or LF LF as some tools write).
// Returns {end of headers, start of what follows}, or {kNone, kNone}.
std::pair<std::size_t, std::size_t> header_end(std::string_view s, std::size_t from) {
  const std::size_t crlf = s.find("\r\n\r\n", from), lf = s.find("\n\n", from);
  if (crlf == kNone && lf == kNone) return {kNone, kNone};
  if (crlf != kNone && (lf == kNone || crlf <= lf)) return {crlf, crlf + 4};
  return {lf, lf + 2};
}

// "Name: value" lines into a map with lower-case names. The first line is left out.
std::map<std::string, std::string> parse_headers(std::string_view block) {
  std::map<std::string, std::string> out;
  std::size_t pos = block.find('\n');
  while (pos != kNone && pos < block.size()) {
    const std::size_t eol = std::min(block.find('\n', pos + 1), block.size());
    const std::string_view line = block.substr(pos + 1, eol - pos - 1);
    if (const std::size_t colon = line.find(':'); colon != kNone) {
      out[lower(trim(line.substr(0, colon)))] = std::string(trim(line.substr(colon + 1)));
    }
    pos = eol;
  }
  return out;
}

std::optional<std::size_t> parse_size(std::string_view s, int base = 10) {
  s = trim(s);
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  return value;
}

// Undoes HTTP chunked transfer coding; nullopt when the chunks are malformed.
std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t eol = body.find('\n', pos);
    if (eol == kNone) return std::nullopt;
    std::string_view size_line = body.substr(pos, eol - pos);
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    const auto size = parse_size(size_line, 16);
    if (!size) return std::nullopt;
    pos = eol + 1;
    if (*size == 0) return out;
    if (*size > body.size() - pos) return std::nullopt;
    out.append(body.substr(pos, *size));
    pos += *size;
    if (body.substr(pos, 2) == "\r\n") pos += 2;
    else if (body.substr(pos, 1) == "\n") pos += 1;
    else return std::nullopt;
  }
}

bool is_html_type(std::string_view content_type) {
  const std::string t = lower(trim(content_type.substr(0, content_type.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

// What reading the records of one stretch of decompressed (or plain) data needs.
struct Context {
  const PageSource& file;
  const ReaderOptions& options;
  ReadResult& result;
  void warn(std::size_t offset, const std::string& reason) {
    result.warnings.push_back({file.path, 0, "record at byte " + std::to_string(offset) + ": " + reason, true});
  }
};

// Turns one record into an article when it is an HTML page.
void read_record(const WarcRecord& record, Context& ctx) {
  std::string content_type, decoded;
  std::string_view payload;
  if (record.type == "response") {
    const auto it = record.headers.find("content-type");
    if (it == record.headers.end() || it->second.find("application/http") == std::string::npos) return;
    HttpResponse http = parse_http_response(record.block, ctx.options.max_decompressed_bytes);
    if (!http.error.empty()) {
      ctx.warn(record.offset, http.error);
      return;
    }
    if (http.status != 200 || !is_html_type(http.content_type)) return;
    content_type = std::move(http.content_type);
    decoded = std::move(http.body);
    payload = decoded;
  } else if (record.type == "resource") {
    const auto it = record.headers.find("content-type");
    if (it == record.headers.end() || !is_html_type(it->second)) return;
    content_type = it->second;
    payload = record.block;
  } else {
    return;  // request, metadata, warcinfo, revisit, conversion, continuation: no article
  }
  const auto uri = record.headers.find("warc-target-uri");
  std::string url = uri == record.headers.end() ? std::string() : uri->second;
  // Some crawlers write the URI in angle brackets (WARC/1.0's grammar did).
  if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
  if (!ctx.options.pages) {
    ctx.warn(record.offset, "HTML page " + url + " not read (no HTML reader)");
    return;
  }
  const PageSource source{ctx.file.path, ctx.file.rel_path, url, content_type, record.offset};
  PageResult page = ctx.options.pages(payload, source);
  for (ReadWarning& w : page.warnings) ctx.result.warnings.push_back(std::move(w));
  if (!page.article) {
    ctx.warn(record.offset, url + ": not an article: " + page.not_article);
    return;
  }
  Article& a = *page.article;
  if (a.id.empty() || a.id == ctx.file.rel_path)
    a.id = !url.empty() ? url : ctx.file.rel_path + "#" + std::to_string(record.offset);
  if (a.url.empty()) a.url = url;
  a.path = ctx.file.path;
  a.offset = record.offset;
  ctx.result.articles.push_back(std::move(a));
}

// What parse_at found at a position of the (decompressed) data.
enum class Step { kRecord, kNeedMore, kSkip, kEnd };
struct Parsed {
  Step step = Step::kEnd;
  std::size_t start = 0;  // where the record (or the bad bytes) begins
  std::size_t next = 0;   // where parsing goes on
  WarcRecord record;      // kRecord: the record (offset not yet set)
  std::string problem;    // kSkip: why
};

// The next line that starts a WARC record after `from`, or data.size().
std::size_t next_version_line(std::string_view data, std::size_t from) {
  const std::size_t at = data.find("\nWARC/1.", from);
  return at == kNone ? data.size() : at + 1;
}

// Parses the record at `pos`. Without `eof`, more data may follow (the next gzip member), so an
// incomplete record asks for more instead of being called truncated.
Parsed parse_at(std::string_view data, std::size_t pos, bool eof) {
  Parsed p;
  while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
  p.start = pos;
  p.next = pos;
  if (data.size() - pos < 16 && !eof) return p.step = Step::kNeedMore, p;
  if (pos >= data.size()) return p;  // kEnd
  const auto skip = [&](std::string problem, std::size_t next) {
    p.step = Step::kSkip;
    p.problem = std::move(problem);
    p.next = next;
    return p;
  };
  if (data.substr(pos, 7) != "WARC/1." && data.substr(pos, 7) != "WARC/0.")
    return skip("not a WARC record (no WARC/1.0 or WARC/1.1 version line)", next_version_line(data, pos));
  const auto [headers_end, block_start] = header_end(data, pos);
  if (headers_end == kNone) {
    if (!eof) return p.step = Step::kNeedMore, p;
    return skip("truncated record (headers not ended)", data.size());
  }
  p.record.headers = parse_headers(data.substr(pos, headers_end - pos));
  const auto length = parse_size(p.record.headers["content-length"]);
  if (!length) return skip("record without a valid Content-Length", next_version_line(data, block_start));
  const std::size_t left = data.size() - block_start;
  // The block and the blank line that ends every record: a Content-Length that runs into the
  // next record (a record cut short) shows as a missing end marker.
  if (*length + 4 > left && !eof) return p.step = Step::kNeedMore, p;
  if (*length > left)
    return skip("truncated record (Content-Length " + std::to_string(*length) + ", " + std::to_string(left) +
                    " bytes left)",
                data.size());
  const std::string_view after = data.substr(block_start + *length, 4);
  if (!after.empty() && after.substr(0, 2) != "\r\n" && after.substr(0, 1) != "\n")
    return skip("truncated record (its Content-Length runs into what follows)", next_version_line(data, block_start));
  p.step = Step::kRecord;
  p.record.type = lower(p.record.headers["warc-type"]);
  p.record.block = data.substr(block_start, *length);
  p.next = block_start + *length;
  return p;
}

// An uncompressed WARC: records at their own offsets.
void read_plain(std::string_view data, Context& ctx) {
  for (std::size_t pos = 0;;) {
    Parsed p = parse_at(data, pos, true);
    if (p.step == Step::kEnd) return;
    if (p.step == Step::kSkip) ctx.warn(p.start, p.problem);
    if (p.step == Step::kRecord) {
      p.record.offset = p.start;
      read_record(p.record, ctx);
    }
    pos = p.next;
  }
}

// A gzipped WARC, one member per record as crawlers write it, one for the whole file, or
// members cut anywhere: members are decompressed one at a time into a buffer that holds the
// record being read and no more. A record is named by the offset of the member it starts in.
class GzipWarc {
 public:
  GzipWarc(std::string_view bytes, Context& ctx) : bytes_(bytes), ctx_(ctx) {}

  void read() {
    for (bool eof = false;;) {
      Parsed p = parse_at(buf_, pos_, eof);
      if (p.step == Step::kEnd) return;
      if (p.step == Step::kNeedMore) {
        if (buf_.size() - pos_ > ctx_.options.max_decompressed_bytes) {
          ctx_.warn(member_offset(p.start), "record larger than " +
                                                std::to_string(ctx_.options.max_decompressed_bytes) + " bytes");
          pos_ = buf_.size();
        }
        eof = !next_member();
        continue;
      }
      if (p.step == Step::kSkip) ctx_.warn(member_offset(p.start), p.problem);
      if (p.step == Step::kRecord) {
        p.record.offset = member_offset(p.start);
        read_record(p.record, ctx_);
      }
      pos_ = p.next;
      compact();
    }
  }

 private:
  // Appends the next good member to the buffer; false at the end of the file. A corrupt member
  // is named and skipped, and so is the part of a record assembled before it.
  bool next_member() {
    while (in_ < bytes_.size()) {
      if (!is_gzip(bytes_.substr(in_))) {
        if (bytes_.find_first_not_of('\0', in_) == kNone) break;
        ctx_.warn(in_, "not a gzip member; skipped to the next one");
        in_ = next_gzip_member(bytes_, in_ + 1);
        continue;
      }
      GzipMember m = inflate_member(bytes_, in_, ctx_.options.max_decompressed_bytes);
      if (!m.error.empty()) {
        ctx_.warn(in_, m.error);
        in_ = next_gzip_member(bytes_, in_ + 1);
        buf_.erase(pos_);
        while (!starts_.empty() && starts_.back().first >= buf_.size()) starts_.pop_back();
        continue;
      }
      starts_.emplace_back(buf_.size(), in_);
      buf_ += m.data;
      in_ = m.end;
      return true;
    }
    in_ = bytes_.size();
    return false;
  }

  std::size_t member_offset(std::size_t pos) const {
    std::size_t offset = 0;
    for (const auto& [at, file_offset] : starts_) {
      if (at > pos) break;
      offset = file_offset;
    }
    return offset;
  }

  // Drops what has been read, so the buffer never holds more than the record being read.
  void compact() {
    if (pos_ == 0) return;
    const std::size_t owner = member_offset(pos_);
    buf_.erase(0, pos_);
    std::vector<std::pair<std::size_t, std::size_t>> kept{{0, owner}};
    for (const auto& [at, file_offset] : starts_)
      if (at > pos_) kept.emplace_back(at - pos_, file_offset);
    starts_ = std::move(kept);
    pos_ = 0;
  }

  std::string_view bytes_;
  Context& ctx_;
  std::string buf_;
  std::size_t pos_ = 0, in_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> starts_;  // (buffer position, file offset)
};

}  // namespace

HttpResponse parse_http_response(std::string_view message, std::size_t limit) {
  HttpResponse out;
  if (message.substr(0, 5) != "HTTP/") {
    out.error = "response record does not hold an HTTP response";
    return out;
  }
  const std::size_t space = message.find(' ');
  out.status = space == kNone ? 0 : static_cast<int>(parse_size(message.substr(space + 1, 3)).value_or(0));
  const auto [headers_end, body_start] = header_end(message, 0);
  if (headers_end == kNone) {
    out.error = "truncated HTTP headers";
    return out;
  }
  const auto headers = parse_headers(message.substr(0, headers_end));
  if (const auto it = headers.find("content-type"); it != headers.end()) out.content_type = it->second;
  std::string_view body = message.substr(body_start);
  std::string storage;
  if (const auto it = headers.find("transfer-encoding"); it != headers.end() &&
                                                        lower(it->second).find("chunked") != std::string::npos) {
    auto joined = dechunk(body);
    if (!joined) {
      // Crawlers often store the body already de-chunked but keep the header.
      if (!body.empty() && body.find("\r\n") != 0 && !parse_size(body.substr(0, body.find('\n')), 16)) {
        joined = std::string(body);
      } else {
        out.error = "malformed HTTP chunked transfer coding";
        return out;
      }
    }
    storage = std::move(*joined);
    body = storage;
  }
  if (const auto it = headers.find("content-encoding"); it != headers.end()) {
    const std::string enc = lower(it->second);
    if ((enc == "gzip" || enc == "x-gzip") && is_gzip(body)) {
      Gunzipped g = gunzip(body, limit);
      if (!g.error.empty()) {
        out.error = "HTTP body: " + g.error;
        return out;
      }
      out.body = std::move(g.data);
      return out;
    }
  }
  out.body = std::string(body);
  return out;
}

ReadResult read_warc(std::string_view bytes, const PageSource& file, const ReaderOptions& options) {
  ReadResult result;
  Context ctx{file, options, result};
  if (is_gzip(bytes)) {
    GzipWarc(bytes, ctx).read();
  } else {
    read_plain(bytes, ctx);
  }
  return result;
}

}  // namespace newsidx::readers
