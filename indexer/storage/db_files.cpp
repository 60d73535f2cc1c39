// Database paths, pre-write checks, lock holders and the --rebuild swap.
#include "db_files.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/stub_file.hpp"
#include "common/xapian_db.hpp"

namespace newsidx::indexer {

namespace fs = std::filesystem;

namespace {

// Files whose presence marks a folder as a Xapian database (glass, chert, honey, or a stub).
constexpr std::string_view kXapianMarkers[] = {"iamglass", "iamchert", "iamhoney", stub_file::kFolderStubName};

fs::path clean(const std::string& p) {
  fs::path out = fs::path(p).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();  // "db/" -> "db"
  return out;
}

fs::path parent_of(const std::string& p) {
  fs::path parent = fs::absolute(clean(p)).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

Error not_ours(const std::string& path, const std::string& why) {
  return Error{ErrorCode::kSchemaMismatch, path + ": not a newsidx database: " + why,
               "point --db at a database written by newsidx-index, or at a new path; nothing "
               "was changed"};
}

Status writable(const fs::path& p, const std::string& what) {
  if (::access(p.c_str(), W_OK) == 0) return Ok{};
  const int err = errno;
  if (err == ENOENT) return Ok{};  // a file vanishing meanwhile is not a permission problem
  return Error{ErrorCode::kIo,
               p.string() + ": " + what + " is not writable: " + std::strerror(err),
               err == EROFS ? "the file system is mounted read-only; index to another path"
                            : "run as the database's owner, or fix its permissions (ls -l " +
                                  p.string() + ")"};
}

// Parses a stub file (common/stub_file); returns the one local folder it names, or why the
// indexer cannot write through it.
Result<std::string> parse_stub(const fs::path& stub, const std::string& path) {
  auto read = xapian_db::read_stub_text(stub.string());
  if (!read) return read.error();
  const std::string& text = *read;
  if (stub_file::is_single_file_database(text))
    return not_ours(path, "a single-file database (read-only, made by xapian-compact --single-file)");
  if (text.size() > stub_file::kMaxStubBytes) return not_ours(path, "a file that is not a Xapian stub database");
  auto lines = stub_file::parse(text, path);
  if (!lines) return Error{ErrorCode::kSchemaMismatch, lines.error().message, lines.error().hint + "; nothing was changed"};
  for (const auto& l : *lines)
    if (l.remote())
      return not_ours(path, "its stub names a remote partition (line " + std::to_string(l.line) + ": '" + l.text +
                                "'); newsidx-index writes local databases only, so run it where the partition is");
  if (lines->size() != 1)
    return not_ours(path, "a stub listing " + std::to_string(lines->size()) +
                              " databases; index a partitioned archive through its folder (the one holding XAPIANDB)");
  fs::path t(lines->front().target);
  return (t.is_absolute() ? t : stub.parent_path() / t).lexically_normal().string();
}

std::string read_cmdline(const fs::path& proc) {
  std::ifstream in(proc / "cmdline", std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), {});
  while (!s.empty() && s.back() == '\0') s.pop_back();
  for (char& c : s)
    if (c == '\0') c = ' ';
  if (s.size() > 100) s = s.substr(0, 97) + "...";
  return s;
}

}  // namespace

Result<DbLocation> locate_db(const std::string& path) {
  DbLocation loc;
  loc.path = path;
  std::error_code ec;
  const fs::path p = clean(path);
  fs::file_status st = fs::status(p, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    return Error{ErrorCode::kIo, path + ": " + ec.message(), "check the --db path"};
  if (!fs::exists(st)) {
    loc.kind = DbKind::kAbsent;
    loc.dir = p.string();
    return loc;
  }
  if (fs::is_regular_file(st)) {
    auto dir = parse_stub(p, path);
    if (!dir) return dir.error();
    loc.kind = DbKind::kStub;
    loc.dir = dir.value();
    return loc;
  }
  if (!fs::is_directory(st)) return not_ours(path, "neither a folder nor a stub file");
  loc.kind = DbKind::kDirectory;
  loc.dir = p.string();
  bool marked = false;
  for (std::string_view m : kXapianMarkers) marked = marked || fs::exists(p / m, ec);
  // An empty folder is fine (Xapian creates the database in it); a folder of other files is not.
  if (!marked && !fs::is_empty(p, ec))
    return not_ours(path, "the folder holds other files and no Xapian database");
  return loc;
}

Status check_writable(const DbLocation& loc) {
  std::error_code ec;
  if (loc.kind == DbKind::kAbsent) {
    const fs::path parent = parent_of(loc.path);
    if (!fs::is_directory(parent, ec))
      return Error{ErrorCode::kIo, loc.path + ": cannot create the database: the folder " + parent.string() + " does not exist",
                   "create it first (mkdir -p " + parent.string() + ") or give --db another path"};
    return writable(parent, "the folder to create it in");
  }
  if (!fs::is_directory(loc.dir, ec)) return Ok{};  // a stub naming a missing folder: Xapian says so
  if (auto st = writable(loc.dir, "the database folder"); !st) return st;
  for (const auto& e : fs::directory_iterator(loc.dir, ec)) {
    if (!e.is_regular_file(ec)) continue;
    if (auto st = writable(e.path(), "a database file"); !st) return st;
  }
  return Ok{};
}

std::string lock_holder(const std::string& db_dir) {
  struct stat lock {};
  if (::stat((fs::path(db_dir) / "flintlock").c_str(), &lock) != 0) return "";
  const std::string self = std::to_string(::getpid());
  std::error_code ec;
  // Xapian holds an open-file-description lock, which records no pid (F_GETLK reports -1), so
  // the holder is found as the process with the lock file open.
  for (const auto& proc : fs::directory_iterator("/proc", ec)) {
    const std::string pid = proc.path().filename().string();
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid == self) continue;
    std::error_code fd_ec;
    for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
      struct stat st {};
      if (::stat(fd.path().c_str(), &st) == 0 && st.st_dev == lock.st_dev && st.st_ino == lock.st_ino)
        return "pid " + pid + " (" + read_cmdline(proc.path()) + ")";
    }
  }
  return "";
}

std::string new_generation_dir(const std::string& db_path) {
  const fs::path p = fs::absolute(clean(db_path));
  std::time_t now = std::time(nullptr);
  std::tm tm {};
  ::gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
  const std::string base =
      (p.parent_path() / (p.filename().string() + ".gen-" + stamp + "-" + std::to_string(::getpid()))).string();
  // Two rebuilds within a second from one process (tests, scripts) need distinct names.
  std::string name = base;
  std::error_code ec;
  for (int n = 2; fs::exists(name, ec); ++n) name = base + "-" + std::to_string(n);
  return name;
}

std::vector<std::string> remove_stale_generations(const std::string& db_path, const std::string& keep) {
  std::vector<std::string> removed;
  const fs::path p = fs::absolute(clean(db_path));
  const std::string gen = p.filename().string() + ".gen-", swap = p.filename().string() + ".swap-";
  const fs::path keep_path = keep.empty() ? fs::path() : fs::absolute(keep).lexically_normal();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(p.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(gen, 0) != 0 && name.rfind(swap, 0) != 0) continue;
    if (e.path().lexically_normal() == keep_path) continue;
    std::error_code rm_ec;
    fs::remove_all(e.path(), rm_ec);
    if (!rm_ec) removed.push_back(e.path().string());
  }
  return removed;
}

Result<std::string> swap_in_generation(const DbLocation& current, const std::string& generation_dir) {
  const fs::path target = fs::absolute(clean(current.path));
  const fs::path parent = target.parent_path();
  const fs::path tmp = parent / (target.filename().string() + ".swap-" + std::to_string(::getpid()));
  auto io_error = [&](const std::string& what) {
    return Error{ErrorCode::kIo, what + ": " + std::strerror(errno),
                 "the previous database is untouched; the new one is in " + generation_dir};
  };
  {
    // The stub names the generation relative to itself, so the pair can be moved together.
    const std::string body = "auto " + fs::path(generation_dir).filename().string() + "\n";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return io_error(tmp.string());
    bool ok = ::write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return io_error(tmp.string());
  }
  std::string old;
  if (current.kind == DbKind::kDirectory) {
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
      old = tmp.string();  // the exchange left the old database folder at the temporary name
    } else if (errno == EINVAL || errno == ENOSYS) {
      // A file system without RENAME_EXCHANGE: move the folder aside, then the stub in. Readers
      // opening in between find no database for a moment; no reader sees a partial one.
      const fs::path aside = parent / (target.filename().string() + ".swap-old-" + std::to_string(::getpid()));
      if (::rename(target.c_str(), aside.c_str()) != 0) return io_error(target.string());
      if (::rename(tmp.c_str(), target.c_str()) != 0) {
        ::rename(aside.c_str(), target.c_str());
        return io_error(target.string());
      }
      old = aside.string();
    } else {
      return io_error(target.string());
    }
  } else {
    if (::rename(tmp.c_str(), target.c_str()) != 0) return io_error(target.string());
    if (current.kind == DbKind::kStub) old = current.dir;
  }
  // Make the rename itself durable before the old generation is removed.
  if (int dfd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return old;
}

}  // namespace newsidx::indexer
