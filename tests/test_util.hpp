// Helpers shared by the tests: temporary folders, writing files, running commands.
#pragma once

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

namespace newsidx::test {

/// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "newsidx-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    // Tests may make folders read-only; make them writable again so they can be removed.
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& rel = "") const { return rel.empty() ? path_.string() : (path_ / rel).string(); }

 private:
  std::filesystem::path path_;
};

/// Writes `content` to `path`, creating parent folders.
inline void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The result of running a shell command.
struct CommandResult {
  int status = -1;  ///< exit status (or 128+signal)
  std::string out;  ///< standard output
};

/// Runs `cmd` through /bin/sh, capturing stdout (stderr goes to `stderr_file` if given, else
/// is captured in with stdout when `merge_stderr`).
inline CommandResult run_command(const std::string& cmd, bool merge_stderr = false) {
  CommandResult r;
  std::string full = cmd + (merge_stderr ? " 2>&1" : "");
  FILE* p = ::popen(full.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = ::pclose(p);
  if (WIFEXITED(st)) r.status = WEXITSTATUS(st);
  else if (WIFSIGNALED(st)) r.status = 128 + WTERMSIG(st);
  return r;
}

/// Shell-quotes a string.
/// A JSON Lines feed of `n` records with ids `prefix`-`first`..., about 1 KB of text each (more
/// than one chunk of built articles once it holds a few hundred), dated in `year` (the records
/// of odd number a year later).
inline std::string big_feed(const std::string& prefix, int first, int n, int year) {
  std::string out;
  const std::string filler(900, 'x');
  for (int i = first; i < first + n; ++i) {
    out += fmt::format(R"({{"id":"{}-{}","title":"Item {}","date":"{}-05-01","body":"Harbour item {} {}."}})",
                       prefix, i, i, year + i % 2, i, filler) +
           "\n";
  }
  return out;
}

inline std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

/// The shared corpora folder, or "" when it is absent (tests then skip with a message).
inline std::string shared_corpora() {
  std::filesystem::path p = std::filesystem::path(NEWSIDX_SHARED_DIR) / "corpora";
  std::error_code ec;
  return std::filesystem::is_directory(p, ec) ? p.string() : std::string();
}

// A tmpfs of `options` ("size=400k") mounted at `path`, unmounted when destroyed; nullopt (with
// a warning that the test is skipped) where mounting is not possible.
class SmallDisk {
 public:
  static std::optional<SmallDisk> mount(const std::filesystem::path& path, const std::string& options) {
    if (::geteuid() != 0) {
      WARN("SKIPPED: mounting a small tmpfs needs root");
      return std::nullopt;
    }
    std::filesystem::create_directories(path);
    if (::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      WARN("SKIPPED: cannot mount a tmpfs here: " << std::strerror(errno));
      return std::nullopt;
    }
    return SmallDisk(path.string());
  }
  SmallDisk(SmallDisk&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  SmallDisk& operator=(SmallDisk&&) = delete;
  ~SmallDisk() {
    if (!path_.empty()) ::umount2(path_.c_str(), MNT_DETACH);
  }

 private:
  explicit SmallDisk(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace newsidx::test
