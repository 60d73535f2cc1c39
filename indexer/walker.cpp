// Archive walking and file reading.
#include "walker.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

namespace fs = std::filesystem;

namespace {

bool stat_file(const std::string& p, InputFile& f) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;
  f.size = static_cast<std::uint64_t>(st.st_size);
  f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return true;
}

bool hidden(const fs::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

WalkResult walk(const std::vector<std::string>& archives) {
  WalkResult out;
  for (const auto& a : archives) {
    std::error_code ec;
    fs::file_status st = fs::status(a, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back({a, "no such file or folder"});
      continue;
    }
    if (fs::is_regular_file(st)) {
      InputFile f{a, fs::path(a).filename().string(), "", 0, 0};
      if (readers::format_for(f.key) == readers::Format::kUnsupported) {
        out.unsupported.push_back(a);
      } else if (stat_file(a, f)) {
        out.files.push_back(f);
      }
      continue;
    }
    if (!fs::is_directory(st)) {
      out.problems.push_back({a, "not a regular file or folder"});
      continue;
    }
    const std::string root = fs::weakly_canonical(fs::absolute(a), ec).string();
    out.roots.push_back(root);
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(a, fs::directory_options::none, ec), end;
    if (ec) {
      out.problems.push_back({a, ec.message()});
      continue;
    }
    while (it != end) {
      const fs::path p = it->path();
      if (hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
      } else if (it->is_regular_file(ec)) {
        // Lexical: the iterator yields paths that start with `a`; fs::relative would resolve
        // both paths through the file system for every file, the bulk of a no-change re-run.
        std::string key = p.lexically_relative(a).generic_string();
        InputFile f{p.string(), key, root, 0, 0};
        if (readers::format_for(key) == readers::Format::kUnsupported) {
          out.unsupported.push_back(f.path);
        } else if (stat_file(f.path, f)) {
          found.push_back(std::move(f));
        } else {
          out.problems.push_back({f.path, std::strerror(errno)});
        }
      }
      it.increment(ec);
      if (ec) {
        // An unreadable sub-folder: note it and carry on with its siblings.
        out.problems.push_back({p.string(), ec.message()});
        ec.clear();
      }
    }
    std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  in.seekg(0, std::ios::end);
  auto n = in.tellg();
  in.seekg(0, std::ios::beg);
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  if (n > 0 && !in.read(out.data(), n)) {
    error = "read error";
    return false;
  }
  return true;
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return out;
}

}  // namespace newsidx::indexer
