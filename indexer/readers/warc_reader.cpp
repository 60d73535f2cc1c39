// Reader for WARC files, and ARC files, the format before them (see warc_reader.hpp). The
// record parser is ours: Debian packages no WARC library for C++.
#include "indexer/readers/warc_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/gzip.hpp"

#include <zlib.h>

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
  const ArticleSink& sink;
  std::vector<ReadWarning>& warnings;
  void warn(std::size_t offset, const std::string& reason) {
    warnings.push_back({file.path, 0, "record at byte " + std::to_string(offset) + ": " + reason, true});
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
  PageSource source{ctx.file.path, ctx.file.rel_path, url, content_type, record.offset};
  source.id_base = ctx.file.id_base;
  PageResult page = ctx.options.pages(payload, source);
  for (ReadWarning& w : page.warnings) ctx.warnings.push_back(std::move(w));
  if (!page.article) {
    // Counted as "not an article", apart from bad input, as a saved page is; the run's notice
    // says "not an article" before the reason.
    ReadWarning w{ctx.file.path, 0, "record at byte " + std::to_string(record.offset) + ": " + url + ": " + page.not_article,
                  false};
    w.not_article = true;
    ctx.warnings.push_back(std::move(w));
    return;
  }
  Article& a = *page.article;
  if (a.id.empty() || a.id == path_id_base(ctx.file))
    a.id = !url.empty() ? url : path_id_base(ctx.file) + "#" + std::to_string(record.offset);
  if (a.url.empty()) a.url = url;
  a.path = ctx.file.path;
  a.offset = record.offset;
  ctx.sink(std::move(a));
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

// The header line of an ARC record (the Internet Archive's format before WARC): "URL IP-address
// Archive-date Content-type Archive-length" in version 1; version 2 adds fields, and the length
// stays last. The file's first record, its version block, has a filedesc:// URL.
struct ArcHeader {
  std::string url, content_type;
  std::optional<std::size_t> length;  // nullopt: not a number
};

std::optional<ArcHeader> arc_header(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t end = std::min(line.find(' ', at), line.size());
    if (end > at) fields.push_back(line.substr(at, end - at));
    at = end + 1;
  }
  if (fields.size() < 5 || fields.size() > 64) return std::nullopt;
  if (fields[0].find("://") == kNone && fields[0].rfind("dns:", 0) != 0) return std::nullopt;
  // The IP address follows the URL, whose own spaces some crawlers left unescaped.
  const auto is_ip = [](std::string_view f) {
    return !f.empty() && f.find_first_not_of("0123456789.") == kNone && std::count(f.begin(), f.end(), '.') == 3;
  };
  std::size_t ip = 1;
  while (ip + 3 < fields.size() && !is_ip(fields[ip]) && fields[ip] != "-") ++ip;
  if (ip + 3 >= fields.size()) return std::nullopt;  // no IP address: a line of text, no header
  // The archive date: 14 digits (YYYYMMDDhhmmss), some crawlers wrote more or fewer.
  const std::string_view date = fields[ip + 1];
  if (date.size() < 8 || date.find_first_not_of("0123456789") != kNone) return std::nullopt;
  std::string url(fields[0]);
  for (std::size_t i = 1; i < ip; ++i) url += " " + std::string(fields[i]);
  ArcHeader h{std::move(url), std::string(fields[ip + 2]), std::nullopt};
  const std::string_view length = fields.back();
  if (std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; })) h.length = parse_size(length);
  return h;
}

// The next line after `from` that starts a WARC record or is an ARC record's header, or
// data.size().
std::size_t next_version_line(std::string_view data, std::size_t from) {
  for (std::size_t at = data.find('\n', from); at != kNone; at = data.find('\n', at + 1)) {
    const std::size_t line = at + 1, eol = std::min(data.find('\n', line), data.size());
    if (data.substr(line, 7) == "WARC/1." || arc_header(trim(data.substr(line, eol - line)))) return line;
  }
  return data.size();
}

// An ARC record whose header line `arc` ends at `block_start`, as the WARC record it would be: a
// block holding an HTTP response is a "response", other blocks a "resource" of the header's
// content type, the version block ("filedesc://") an "arcinfo" (no article).
Parsed parse_arc(std::string_view data, Parsed p, const ArcHeader& arc, std::size_t block_start, bool eof) {
  const auto skip = [&](std::string problem, std::size_t next) {
    p.step = Step::kSkip;
    p.problem = std::move(problem);
    p.next = next;
    return p;
  };
  if (!arc.length) return skip("ARC record without a valid length", next_version_line(data, p.start));
  const std::size_t left = data.size() - std::min(block_start, data.size());
  if (*arc.length >= left && !eof) return p.step = Step::kNeedMore, p;
  if (*arc.length > left)
    return skip("truncated ARC record (length " + std::to_string(*arc.length) + ", " + std::to_string(left) +
                    " bytes left)",
                next_version_line(data, block_start));
  const std::string_view after = data.substr(block_start + *arc.length, 1);
  if (!after.empty() && after != "\n" && after != "\r")
    return skip("truncated ARC record (its length runs into what follows)", next_version_line(data, p.start));
  p.record.block = data.substr(block_start, *arc.length);
  p.record.headers["warc-target-uri"] = arc.url;
  if (arc.url.rfind("filedesc:", 0) == 0) {
    p.record.type = "arcinfo";
  } else if (p.record.block.substr(0, 5) == "HTTP/") {
    p.record.type = "response";
    p.record.headers["content-type"] = "application/http; msgtype=response";
  } else {
    p.record.type = "resource";
    p.record.headers["content-type"] = arc.content_type;
  }
  p.step = Step::kRecord;
  p.next = block_start + *arc.length;
  return p;
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
  if (data.substr(pos, 7) != "WARC/1." && data.substr(pos, 7) != "WARC/0.") {
    const std::size_t eol = data.find('\n', pos);
    // A header line is short: a long run without a line end is no record (read on a slice at a time).
    if (eol == kNone && !eof && data.size() - pos <= 8192) return p.step = Step::kNeedMore, p;
    if (eol == kNone) return skip("not a WARC or ARC record (no WARC/1.0 or WARC/1.1 version line)", data.size());
    const auto arc = arc_header(trim(data.substr(pos, (eol == kNone ? data.size() : eol) - pos)));
    if (!arc) return skip("not a WARC or ARC record (no WARC/1.0 or WARC/1.1 version line)", next_version_line(data, pos));
    return parse_arc(data, p, *arc, eol == kNone ? data.size() : eol + 1, eof);
  }
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
  if ((*length > left || left - *length < 4) && !eof) return p.step = Step::kNeedMore, p;
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

// A WARC as a stream of record bytes: the file is pulled from its ByteSource a slice at a time
// and, when gzipped (one member per record as crawlers write it, one member for the whole file,
// or members cut anywhere), inflated a slice at a time, so the buffers hold the record being read
// and a slice of input, never the file. A record is named by its byte offset, or in a gzipped
// file by the offset of the member it starts in.
class WarcStream {
 public:
  WarcStream(const ByteSource& source, Context& ctx) : source_(source), ctx_(ctx) {}
  ~WarcStream() {
    if (zlib_ready_) inflateEnd(&z_);
  }
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  std::size_t read() {
    fill_raw(3);
    gzip_ = is_gzip(std::string_view(raw_).substr(raw_pos_));
    if (gzip_) {
      zlib_ready_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
      if (!zlib_ready_) return 0;
    }
    for (bool eof = false;;) {
      Parsed p = parse_at(buf_, pos_, eof);
      if (p.step == Step::kEnd) break;
      if (p.step == Step::kNeedMore) {
        if (buf_.size() - pos_ > ctx_.options.max_decompressed_bytes) {
          ctx_.warn(offset_of(p.start),
                    "record larger than " + std::to_string(ctx_.options.max_decompressed_bytes) + " bytes");
          drop_partial();
        }
        eof = !more();
        continue;
      }
      if (p.step == Step::kSkip) ctx_.warn(offset_of(p.start), p.problem);
      if (p.step == Step::kRecord) {
        p.record.offset = offset_of(p.start);
        read_record(p.record, ctx_);
      }
      pos_ = p.next;
      compact();
    }
    return peak_;
  }

 private:
  static constexpr std::size_t kSlice = 1u << 20;
  static constexpr std::size_t kKeep = 4u << 20;

  // Reads another slice of the file into the raw buffer; false at its end.
  bool read_raw() {
    // The current member's start is kept while it is near (kKeep), so that a corrupt member can
    // be resumed from the next magic number after its start: a member cut short runs into the
    // next one, whose bytes inflate would otherwise have eaten.
    std::size_t drop = raw_pos_;
    if (member_kept_ && raw_pos_ - member_raw_ <= kKeep) drop = member_raw_;
    if (drop > 0 && drop >= raw_.size() / 2) {
      raw_.erase(0, drop);
      raw_pos_ -= drop;
      if (member_kept_ && member_raw_ >= drop) member_raw_ -= drop;
      else member_kept_ = false;
    }
    const std::size_t had = raw_.size();
    raw_.resize(had + kSlice);
    const std::size_t n = source_(raw_.data() + had, kSlice);
    raw_.resize(had + n);
    peak_ = std::max(peak_, raw_.capacity() + buf_.capacity());
    return n > 0;
  }
  bool fill_raw(std::size_t n) {
    while (raw_.size() - raw_pos_ < n)
      if (!read_raw()) return false;
    return true;
  }
  void consume_raw(std::size_t n) {
    raw_pos_ += n;
    raw_offset_ += n;
  }

  // Appends the next slice of record bytes to buf_; false at the end of the input.
  bool more() {
    if (!gzip_) {
      if (raw_pos_ == raw_.size() && !read_raw()) return false;
      starts_.emplace_back(buf_.size(), raw_offset_);
      buf_.append(raw_, raw_pos_, std::string::npos);
      consume_raw(raw_.size() - raw_pos_);
      peak_ = std::max(peak_, raw_.capacity() + buf_.capacity());
      return true;
    }
    while (!in_member_) {
      if (!fill_raw(3)) {
        if (raw_pos_ < raw_.size() && std::string_view(raw_).find_first_not_of('\0', raw_pos_) != kNone)
          ctx_.warn(raw_offset_, "not a gzip member; skipped to the next one");
        return false;
      }
      if (is_gzip(std::string_view(raw_).substr(raw_pos_))) {
        inflateReset(&z_);
        in_member_ = true;
        member_start_ = raw_offset_;
        member_raw_ = raw_pos_;
        member_kept_ = true;
        starts_.emplace_back(buf_.size(), member_start_);
        break;
      }
      if (std::string_view(raw_).find_first_not_of('\0', raw_pos_) != kNone)
        ctx_.warn(raw_offset_, "not a gzip member; skipped to the next one");
      skip_to_member(0);
    }
    return inflate_slice();
  }

  // Inflates up to a slice of the current member into buf_. A member that ends here returns
  // at once, so that a later corrupt member never costs the records already complete.
  bool inflate_slice() {
    char out[65536];
    std::size_t produced = 0;
    while (produced < kSlice) {
      if (raw_pos_ == raw_.size() && !read_raw()) {
        ctx_.warn(member_start_, "gzip member truncated");
        in_member_ = false;
        drop_partial();
        return false;
      }
      const std::size_t avail = std::min<std::size_t>(raw_.size() - raw_pos_, 1u << 30);
      z_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      z_.avail_in = static_cast<uInt>(avail);
      z_.next_out = reinterpret_cast<Bytef*>(out);
      z_.avail_out = sizeof out;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      consume_raw(avail - z_.avail_in);
      buf_.append(out, sizeof out - z_.avail_out);
      produced += sizeof out - z_.avail_out;
      peak_ = std::max(peak_, raw_.capacity() + buf_.capacity());
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        return true;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        ctx_.warn(member_start_, std::string("corrupt gzip data (") + (z_.msg ? z_.msg : "zlib error") + ")");
        in_member_ = false;
        drop_partial();
        if (member_kept_) {  // resume just after the bad member's start
          raw_offset_ -= raw_pos_ - member_raw_;
          raw_pos_ = member_raw_;
        }
        member_kept_ = false;
        skip_to_member(1);
        return true;
      }
    }
    return true;
  }

  // Moves the raw position to the next gzip magic number at or after `from` bytes ahead.
  void skip_to_member(std::size_t from) {
    consume_raw(std::min(from, raw_.size() - raw_pos_));
    for (;;) {
      const std::size_t at = next_gzip_member(std::string_view(raw_).substr(raw_pos_), 0);
      if (raw_pos_ + at < raw_.size()) {
        consume_raw(at);
        return;
      }
      // Keep the last two bytes: a magic number may straddle two slices.
      const std::size_t keep = std::min<std::size_t>(2, raw_.size() - raw_pos_);
      consume_raw(raw_.size() - raw_pos_ - keep);
      if (!read_raw()) {
        consume_raw(raw_.size() - raw_pos_);
        return;
      }
    }
  }

  // The record being assembled is lost (its member was corrupt or cut): drop its bytes.
  void drop_partial() {
    buf_.erase(pos_);
    while (!starts_.empty() && starts_.back().first >= buf_.size() && starts_.back().first > pos_) starts_.pop_back();
  }

  std::size_t offset_of(std::size_t pos) const {
    std::size_t offset = 0;
    for (const auto& [at, file_offset] : starts_) {
      if (at > pos) break;
      offset = gzip_ ? file_offset : file_offset + (pos - at);
    }
    return offset;
  }

  // Drops what has been read, so the buffer never holds more than the record being read.
  void compact() {
    if (pos_ == 0) return;
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    std::size_t owner = 0;
    bool have_owner = false;
    for (const auto& [at, file_offset] : starts_) {
      if (at <= pos_) {
        owner = gzip_ ? file_offset : file_offset + (pos_ - at);
        have_owner = true;
      } else {
        kept.emplace_back(at - pos_, file_offset);
      }
    }
    if (have_owner && (kept.empty() || kept.front().first > 0)) kept.insert(kept.begin(), {0, owner});
    starts_ = std::move(kept);
    buf_.erase(0, pos_);
    pos_ = 0;
  }

  const ByteSource& source_;
  Context& ctx_;
  std::string raw_, buf_;  // input slice; record bytes (decompressed) being parsed
  std::size_t raw_pos_ = 0, raw_offset_ = 0, pos_ = 0, member_start_ = 0, peak_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> starts_;  // (buffer position, file offset)
  std::size_t member_raw_ = 0;  // where the current member starts in raw_, while member_kept_
  bool gzip_ = false, zlib_ready_ = false, in_member_ = false, member_kept_ = false;
  z_stream z_{};
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

std::vector<ReadWarning> stream_warc(const ByteSource& source, const PageSource& file,
                                     const ReaderOptions& options, const ArticleSink& sink,
                                     std::size_t* peak_buffer) {
  std::vector<ReadWarning> warnings;
  Context ctx{file, options, sink, warnings};
  const std::size_t peak = WarcStream(source, ctx).read();
  if (peak_buffer) *peak_buffer = peak;
  return warnings;
}

ReadResult read_warc(std::string_view bytes, const PageSource& file, const ReaderOptions& options) {
  ReadResult result;
  std::size_t at = 0;
  const ByteSource source = [&](char* buf, std::size_t cap) {
    const std::size_t n = std::min(cap, bytes.size() - at);
    std::copy_n(bytes.data() + at, n, buf);
    at += n;
    return n;
  };
  result.warnings =
      stream_warc(source, file, options, [&](Article a) { result.articles.push_back(std::move(a)); });
  return result;
}

}  // namespace newsidx::readers
