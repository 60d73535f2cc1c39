// Archive walking and file reading.
#include "walker.hpp"

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <optional>
#include <unordered_set>

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

namespace fs = std::filesystem;

namespace {

void take_stat(const struct stat& st, InputFile& f) {
  f.size = static_cast<std::uint64_t>(st.st_size);
  f.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

// What a non-regular file is, for the warning that skips it.
const char* special_kind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

mode_t mode_of_dtype(unsigned char type) {
  switch (type) {
    case DT_FIFO: return S_IFIFO;
    case DT_SOCK: return S_IFSOCK;
    case DT_CHR: return S_IFCHR;
    case DT_BLK: return S_IFBLK;
    default: return 0;
  }
}

bool stat_file(const std::string& p, InputFile& f) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;
  take_stat(st, f);
  return true;
}

// Calls on_entry(name, d_type) for each entry of the folder open as `fd`; false with errno set
// when the folder cannot be read. On Linux it reads the entries with getdents64 into one
// reused buffer: opendir/fdopendir would add an fstat and two fcntl calls per folder, a fifth
// of the system calls of a walk over a date-sharded archive (a few files per folder).
template <class OnEntry>
bool for_each_entry(int fd, std::vector<char>& buffer, OnEntry&& on_entry) {
#if defined(__linux__)
  for (;;) {
    const ssize_t n = ::getdents64(fd, buffer.data(), buffer.size());
    if (n < 0) return false;
    if (n == 0) return true;
    for (std::size_t at = 0; at < static_cast<std::size_t>(n);) {
      const char* record = buffer.data() + at;
      unsigned short reclen = 0;
      unsigned char type = 0;
      std::memcpy(&reclen, record + offsetof(struct dirent64, d_reclen), sizeof reclen);
      std::memcpy(&type, record + offsetof(struct dirent64, d_type), sizeof type);
      on_entry(record + offsetof(struct dirent64, d_name), type);
      at += reclen;
    }
  }
#else
  (void)buffer;
  const int own = ::dup(fd);
  DIR* dir = own < 0 ? nullptr : ::fdopendir(own);
  if (!dir) {
    if (own >= 0) ::close(own);
    return false;
  }
  for (;;) {
    errno = 0;  // readdir reports an error only through errno
    const dirent* e = ::readdir(dir);
    if (!e) break;
    on_entry(e->d_name, e->d_type);
  }
  const int err = errno;
  ::closedir(dir);
  errno = err;
  return err == 0;
#endif
}

// Walks one archive folder through folder file descriptors: each folder is opened relative to
// its parent and each file is stat'ed relative to its folder, so the kernel resolves one name
// per call instead of the whole path, and an entry's d_type spares a stat for folders and for
// files no reader takes. On a nightly re-run of an unchanged archive this walk is most of the run.
class FolderWalk {
 public:
  FolderWalk(const std::string& archive, const std::string& root, WalkResult& out, std::vector<InputFile>& found,
             const std::vector<std::string>& excludes)
      : root_(root), out_(out), found_(found), excludes_(excludes), buffer_(64 * 1024) {
    // Paths for messages keep the user's spelling of the archive.
    base_ = archive;
    if (base_.empty() || base_.back() != '/') base_ += '/';
    key_base_ = root;
    if (key_base_.empty() || key_base_.back() != '/') key_base_ += '/';
  }

  /// Walks the folder open as `fd` (closed on return), whose key prefix is `rel_` now.
  void folder(int fd) {
    // Sub-folders are walked after this folder is read, so that one buffer serves all levels
    // and an unreadable one is reported without disturbing its siblings.
    std::vector<std::string> subfolders;
    const bool read = for_each_entry(fd, buffer_, [&](const char* name, unsigned char type) {
      if (name[0] == '.') return;  // hidden entries, "." and ".."
      struct stat st {};
      bool have_stat = false;
      if (type == DT_UNKNOWN) {
        // Some file systems do not fill d_type.
        if (::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return;
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK
             : S_ISFIFO(st.st_mode) ? DT_FIFO : S_ISSOCK(st.st_mode) ? DT_SOCK : S_ISCHR(st.st_mode) ? DT_CHR
             : S_ISBLK(st.st_mode) ? DT_BLK : DT_UNKNOWN;
        have_stat = type == DT_REG;
      }
      if (!excludes_.empty() && excluded(excludes_, name, rel_ + name, type == DT_DIR)) return;
      if (type == DT_DIR) {
        subfolders.emplace_back(name);
      } else if (type == DT_LNK) {
        // A symbolic link counts when it leads to a regular file (with its target's size and
        // time); links to folders are not followed, broken links are ignored. A loop, or a link
        // to a FIFO or device, with an article file's name is named and skipped.
        if (::fstatat(fd, name, &st, 0) == 0) {
          if (S_ISREG(st.st_mode)) file(fd, name, st, true);
          else if (!S_ISDIR(st.st_mode)) ignore(name, std::string("a symbolic link to ") + special_kind(st.st_mode));
        } else if (errno == ELOOP) {
          ignore(name, "a symbolic link loop");
        }
      } else if (type == DT_REG) {
        file(fd, name, st, have_stat);
      } else if (const mode_t mode = mode_of_dtype(type); mode != 0) {
        // Never opened: opening a FIFO would wait for a writer.
        ignore(name, special_kind(mode));
      }
    });
    if (!read) out_.problems.push_back({base_ + rel_, std::strerror(errno)});
    const std::size_t rel_size = rel_.size();
    for (const auto& sub : subfolders) {
      rel_.append(sub);
      const int sub_fd = ::openat(fd, sub.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub_fd < 0) {
        // An unreadable sub-folder: note it and carry on with its siblings.
        out_.problems.push_back({base_ + rel_, std::strerror(errno)});
      } else {
        rel_ += '/';
        folder(sub_fd);
      }
      rel_.resize(rel_size);
    }
    ::close(fd);
  }

 private:
  // An entry that is not a file to read: skipped with `reason` if it bears an article file's name.
  void ignore(const char* name, std::string reason) {
    const std::string key = rel_ + name;
    if (readers::format_for(key) == readers::Format::kUnsupported) return;
    out_.ignored.push_back({base_ + key, std::move(reason) + ", not read"});
  }

  void file(int dir_fd, const char* name, struct stat& st, bool have_stat) {
    const std::size_t rel_size = rel_.size();
    rel_.append(name);
    InputFile f{base_ + rel_, key_base_ + rel_, root_, 0, 0, rel_};
    rel_.resize(rel_size);
    if (readers::format_for(f.rel) == readers::Format::kUnsupported) {
      if (std::string why = readers::packed_reason(f.rel); !why.empty()) out_.packed.push_back({f.path, std::move(why)});
      out_.unsupported.push_back(std::move(f.path));
      return;
    }
    if (!have_stat && ::fstatat(dir_fd, name, &st, 0) != 0) {
      out_.problems.push_back({f.path, std::strerror(errno)});
      return;
    }
    take_stat(st, f);
    found_.push_back(std::move(f));
  }

  const std::string& root_;
  WalkResult& out_;
  std::vector<InputFile>& found_;
  const std::vector<std::string>& excludes_;
  std::vector<char> buffer_;  // getdents64 records, reused for every folder
  std::string base_;          // the archive as the user named it, ending in '/'
  std::string key_base_;      // the archive folder resolved, ending in '/': keys start with it
  std::string rel_;           // the current folder's key prefix: "" or "a/b/"
};

}  // namespace

bool excluded(const std::vector<std::string>& excludes, std::string_view name, std::string_view rel_path,
              bool is_folder) {
  for (std::string glob : excludes) {
    if (glob.empty()) continue;
    if (glob.back() == '/') {
      if (!is_folder) continue;
      glob.pop_back();
    }
    const bool by_path = glob.find('/') != std::string::npos;
    const std::string subject(by_path ? rel_path : name);
    if (::fnmatch(glob.c_str(), subject.c_str(), by_path ? FNM_PATHNAME : 0) == 0) return true;
  }
  return false;
}

WalkResult walk(const std::vector<std::string>& archives) { return walk(archives, {}); }

namespace {

// The folder `p` made absolute and resolved (symbolic links, ".."), as keys and roots need it;
// nullopt with `why` when that fails (a working folder deeper than PATH_MAX: "File name too
// long"), so that no file is ever keyed by a relative path.
std::optional<fs::path> resolved_folder(const fs::path& p, std::string& why) {
  std::error_code ec;
  fs::path out = fs::absolute(p, ec);
  if (!ec) out = fs::weakly_canonical(out, ec);
  if (!ec) return out;
  why = "cannot resolve its absolute path: " + ec.message();
  return std::nullopt;
}

}  // namespace

WalkResult walk(const std::vector<std::string>& archives, const std::vector<std::string>& excludes) {
  WalkResult out;
  std::unordered_set<std::string> seen;  // keys taken: a file reached twice is taken once
  for (const auto& a : archives) {
    if (a == kStandardInput) {
      if (seen.insert(a).second) out.files.push_back({a, a, "", 0, 0, a});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(a, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back({a, "no such file or folder"});
      continue;
    }
    if (fs::is_regular_file(st)) {
      const fs::path p(a);
      std::string why;
      const auto dir = resolved_folder(p.has_parent_path() ? p.parent_path() : ".", why);
      if (!dir) {
        out.problems.push_back({a, why});
        continue;
      }
      InputFile f{a, (*dir / p.filename()).string(), "", 0, 0, p.filename().string()};
      if (readers::format_for(f.rel) == readers::Format::kUnsupported) {
        // Named by the user, so never passed over in silence.
        std::string packed = readers::packed_reason(f.rel);
        if (packed.empty() && readers::documentation_name(f.rel)) packed = readers::documentation_reason();
        out.ignored.push_back({a, packed.empty() ? readers::unsupported_reason() : std::move(packed)});
      } else if (seen.count(f.key)) {
        continue;
      } else if (stat_file(a, f)) {
        seen.insert(f.key);
        out.files.push_back(f);
      }
      continue;
    }
    if (!fs::is_directory(st)) {
      out.problems.push_back({a, "not a regular file or folder"});
      continue;
    }
    std::string why;
    const auto resolved = resolved_folder(a, why);
    if (!resolved) {
      out.problems.push_back({a, why});
      continue;
    }
    const std::string root = resolved->string();
    out.roots.push_back(root);
    const int fd = ::open(a.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      out.problems.push_back({a, std::strerror(errno)});
      continue;
    }
    std::vector<InputFile> found;
    FolderWalk(a, root, out, found, excludes).folder(fd);
    std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.rel < y.rel; });
    for (auto& f : found)
      if (seen.insert(f.key).second) out.files.push_back(std::move(f));
  }
  return out;
}

// Plain open, fstat and read: a run over an archive of small files reads tens of thousands of
// them, and an std::ifstream cost a buffer allocation and three lseek calls a file on top of
// the read (perf29, BENCHMARKS.md). The size is taken when the file is opened, as before; a
// file that shrinks while it is read is a read error, and bytes added meanwhile are not read.
bool read_whole_file(const std::string& path, std::string& out, std::string& error) {
  // Closed on every way out, the buffer's bad_alloc included (the caller skips that file and
  // goes on: a descriptor lost each time would end the run with EMFILE).
  struct Fd {
    int fd;
    ~Fd() {
      if (fd >= 0) ::close(fd);
    }
  } file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  const int fd = file.fd;
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  const bool stated = ::fstat(fd, &st) == 0;
  // A folder (a file replaced by one since the walk) is no article.
  if (stated && S_ISDIR(st.st_mode)) {
    error = std::strerror(EISDIR);
    return false;
  }
  // A pipe or other file without a size reads as empty, as the stream's seek to the end gave.
  out.resize(stated && S_ISREG(st.st_mode) && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0);
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got < out.size()) {
    error = "read error";
    return false;
  }
  return true;
}

bool read_standard_input(std::size_t limit, std::string& out, std::string& error) {
  out.clear();
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    if (out.size() + static_cast<std::size_t>(n) > limit) {
      error = "more than " + std::to_string(limit) + " bytes";
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
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
