// Files read a slice at a time (see file_source.hpp).
#include "indexer/file_source.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

namespace newsidx::indexer {

bool FileSource::open(const std::string& path, std::string& error) {
  file_.reset(std::fopen(path.c_str(), "rb"));
  if (!file_) error = std::strerror(errno);
  return file_ != nullptr;
}

readers::ByteSource FileSource::source() {
  return [this](char* buf, std::size_t cap) -> std::size_t {
    if (!file_) return 0;
    const std::size_t n = std::fread(buf, 1, cap, file_.get());
    if (n < cap && std::ferror(file_.get())) error_ = std::strerror(errno);
    return n;
  };
}

bool hash_file(const std::string& path, std::string& hash, std::string& error) {
  FileSource file;
  if (!file.open(path, error)) return false;
  const readers::ByteSource source = file.source();
  // FNV-1a, as content_hash computes it over a whole string.
  std::uint64_t h = 1469598103934665603ULL;
  std::vector<char> buf(1u << 20);
  for (std::size_t n; (n = source(buf.data(), buf.size())) > 0;) {
    for (std::size_t i = 0; i < n; ++i) {
      h ^= static_cast<unsigned char>(buf[i]);
      h *= 1099511628211ULL;
    }
  }
  if (!file.error().empty()) {
    error = file.error();
    return false;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  hash.assign(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) hash[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return true;
}

}  // namespace newsidx::indexer
