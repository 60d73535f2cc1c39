// gzip decoding for the readers: whole files (`.gz`) and the per-record members WARC crawlers
// write. Pure functions over bytes, with a bound on the decompressed size (a gzip bomb stops
// there instead of filling memory).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsidx::readers {

/// True when `bytes` starts with the gzip magic number and deflate method (1f 8b 08).
bool is_gzip(std::string_view bytes);

/// One gzip member decoded from `bytes` at `offset`.
struct GzipMember {
  std::string data;       ///< the decompressed bytes (what was decoded before any error)
  std::size_t end = 0;    ///< offset just past the member (past the bad bytes on error)
  std::string error;      ///< "" when the member is whole and correct
};

/// Decodes the one gzip member that starts at `offset`. Stops with an error when the member is
/// corrupt, truncated, or would decompress to more than `limit` bytes.
GzipMember inflate_member(std::string_view bytes, std::size_t offset, std::size_t limit);

/// The offset of the next gzip magic number at or after `from`, or bytes.size(). Used to resume
/// after a corrupt member.
std::size_t next_gzip_member(std::string_view bytes, std::size_t from);

/// All members of a gzip file, decompressed and joined (a `.gz` file written by gzip, or a
/// `.warc.gz`). `error` names the first problem with its byte offset; `data` then holds what
/// was decoded before it. A total above `limit` stops with an error.
struct Gunzipped {
  std::string data;
  std::string error;
};
Gunzipped gunzip(std::string_view bytes, std::size_t limit);

}  // namespace newsidx::readers
