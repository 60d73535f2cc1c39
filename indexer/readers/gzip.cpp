// gzip decoding with zlib (see gzip.hpp).
#include "indexer/readers/gzip.hpp"

#include <zlib.h>

#include <algorithm>

namespace newsidx::readers {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b && bytes[2] == 0x08;
}

std::size_t next_gzip_member(std::string_view bytes, std::size_t from) {
  for (std::size_t pos = from; pos + 3 <= bytes.size(); ++pos) {
    pos = bytes.find('\x1f', pos);
    if (pos == std::string_view::npos) break;
    if (is_gzip(bytes.substr(pos))) return pos;
  }
  return bytes.size();
}

GzipMember inflate_member(std::string_view bytes, std::size_t offset, std::size_t limit) {
  GzipMember m;
  m.end = offset;
  z_stream z{};
  // 16 + MAX_WBITS: a gzip header and trailer, checked (CRC and length).
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    m.error = "zlib could not start";
    return m;
  }
  const std::string_view in = bytes.substr(std::min(offset, bytes.size()));
  // zlib's avail_in is 32 bits; a member is fed in slices.
  std::size_t fed = 0;
  char out[65536];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z.avail_in == 0) {
      const std::size_t slice = std::min<std::size_t>(in.size() - fed, 1u << 30);
      if (slice == 0) {
        m.error = "gzip member truncated";
        break;
      }
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      z.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = sizeof out;
    rc = inflate(&z, Z_NO_FLUSH);
    m.data.append(out, sizeof out - z.avail_out);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      m.error = rc == Z_BUF_ERROR ? "gzip member truncated"
                                  : std::string("corrupt gzip data (") + (z.msg ? z.msg : "zlib error") + ")";
      break;
    }
    if (m.data.size() > limit) {
      m.error = "decompresses to more than " + std::to_string(limit) + " bytes (gzip bomb?)";
      break;
    }
  }
  const std::size_t consumed = fed - z.avail_in;
  m.end = offset + std::max<std::size_t>(consumed, 1);
  inflateEnd(&z);
  return m;
}

Gunzipped gunzip(std::string_view bytes, std::size_t limit) {
  Gunzipped out;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (!is_gzip(bytes.substr(pos))) {
      // gzip allows trailing zero padding; anything else after a member is an error.
      if (bytes.find_first_not_of('\0', pos) == std::string_view::npos) break;
      out.error = "not gzip data at byte " + std::to_string(pos);
      break;
    }
    GzipMember m = inflate_member(bytes, pos, limit - std::min(limit, out.data.size()));
    out.data += m.data;
    if (!m.error.empty()) {
      out.error = m.error + " at byte " + std::to_string(pos);
      break;
    }
    pos = m.end;
  }
  return out;
}

}  // namespace newsidx::readers
