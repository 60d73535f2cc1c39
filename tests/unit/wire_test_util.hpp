// Helpers for the wire-format reader tests: gzip members, a small stand-in HTML page reader, and
// WARC records written by the test itself.
#pragma once

#include <zlib.h>

#include <string>
#include <string_view>

#include "indexer/readers/page.hpp"

namespace newsidx::test {

/// `data` as one gzip member.
inline std::string gzip_member(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

/// A stand-in for the HTML reader (which another branch writes): the <title> is the headline and
/// the text between tags is the body. Pages whose body says "INDEX PAGE" are not articles.
inline readers::PageResult test_page_reader(std::string_view html, const readers::PageSource& source) {
  readers::PageResult r;
  const auto strip = [](std::string_view s) {
    std::string out;
    bool tag = false;
    for (char c : s) {
      if (c == '<') tag = true;
      else if (c == '>') tag = false;
      else if (!tag) out.push_back(c);
    }
    return out;
  };
  const std::size_t t0 = html.find("<title>"), t1 = html.find("</title>");
  const std::size_t b0 = html.find("<body>");
  std::string body = strip(b0 == std::string_view::npos ? html : html.substr(b0));
  if (body.find("INDEX PAGE") != std::string::npos) {
    r.not_article = "an index page";
    return r;
  }
  Article a;
  if (t0 != std::string_view::npos && t1 != std::string_view::npos) a.title = strip(html.substr(t0 + 7, t1 - t0 - 7));
  while (!body.empty() && (body.back() == '\n' || body.back() == ' ')) body.pop_back();
  while (!body.empty() && (body.front() == '\n' || body.front() == ' ')) body.erase(0, 1);
  a.text = body;
  a.body = {0, a.text.size()};
  a.id = readers::path_id_base(source);  // as the HTML reader falls back
  a.url = source.url;
  r.article = std::move(a);
  return r;
}

/// One WARC/1.1 record of `type` with `block` as content.
inline std::string warc_record(std::string_view type, std::string_view uri, std::string_view content_type,
                               std::string_view block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
       ">\r\nContent-Type: " + std::string(content_type) + "\r\nContent-Length: " +
       std::to_string(block.size()) + "\r\n\r\n" + std::string(block) + "\r\n\r\n";
  return r;
}

/// An HTTP 200 response carrying `html`.
inline std::string http_html(std::string_view html, std::string_view extra_headers = {}) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + std::string(extra_headers) +
         "\r\n" + std::string(html);
}

}  // namespace newsidx::test
