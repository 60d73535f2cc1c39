// Files read a slice at a time: the I/O edge of the streamed readers (a WARC runs to gigabytes,
// so it is neither read whole nor hashed whole).
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

/// An open file handed to a reader as a ByteSource.
class FileSource {
 public:
  /// Opens `path`; false with `error` set when it cannot be opened.
  bool open(const std::string& path, std::string& error);
  /// The source reading this file from its start; valid while the FileSource lives. A read
  /// error ends the source early and is reported by error().
  readers::ByteSource source();
  /// The read error that ended the source early, or "".
  const std::string& error() const { return error_; }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
  std::string error_;
};

/// The content_hash of the file at `path` (the same value), read a slice at a time; false with
/// `error` set when it cannot be read.
bool hash_file(const std::string& path, std::string& hash, std::string& error);

}  // namespace newsidx::indexer
