// The archive walk: which files a run sees, under which keys, in which order, with which state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "indexer/walker.hpp"
#include "test_util.hpp"

using newsidx::indexer::walk;
using newsidx::indexer::WalkResult;
using newsidx::test::TempDir;
using newsidx::test::write_file;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> keys_of(const WalkResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(f.rel);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Sets a file's modification time to `sec` seconds and `nsec` nanoseconds.
void set_mtime(const fs::path& p, long sec, long nsec) {
  const timespec times[2] = {{sec, nsec}, {sec, nsec}};
  REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("walker: keys are relative to the archive with '/' and sorted, hidden entries skipped", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  write_file(a / "2019.txt", "one");
  write_file(a / "2019/03/01/story.txt", "two");
  write_file(a / "2019-extra.txt", "three");
  write_file(a / "feeds/wire.jsonl", "{}\n");
  write_file(a / "reuters/reut2-000.sgm", "<REUTERS>");
  write_file(a / ".hidden.txt", "not walked");
  write_file(a / ".git/objects/x.txt", "not walked");
  write_file(a / "desk/.draft/y.txt", "not walked");
  write_file(a / "desk/notes.pdf", "no reader");
  write_file(a / "desk/README.TXT", "no reader");
  write_file(a / "desk/2019.tar.gz", "a packed archive");

  const WalkResult r = walk({a.string()});
  // Sorted as whole keys: "2019-extra.txt" < "2019.txt" < "2019/..." ('-' < '.' < '/').
  CHECK(keys_of(r) == std::vector<std::string>{"2019-extra.txt", "2019.txt", "2019/03/01/story.txt",
                                               "feeds/wire.jsonl", "reuters/reut2-000.sgm"});
  CHECK(sorted(r.unsupported) == std::vector<std::string>{(a / "desk/2019.tar.gz").string(),
                                                         (a / "desk/README.TXT").string(), (a / "desk/notes.pdf").string()});
  // Of those, the packed archive is the one to warn of.
  REQUIRE(r.packed.size() == 1);
  CHECK(r.packed[0].path == (a / "desk/2019.tar.gz").string());
  CHECK(r.packed[0].reason.rfind("a tar archive: ", 0) == 0);
  CHECK(r.ignored.empty());
  CHECK(r.problems.empty());
  REQUIRE(r.roots.size() == 1);
  CHECK(r.roots[0] == fs::canonical(a).string());
  for (const auto& f : r.files) {
    CHECK(f.path == (a / f.rel).string());
    CHECK(f.root == r.roots[0]);
    CHECK(f.key == r.roots[0] + "/" + f.rel);
  }
}

TEST_CASE("walker: each file carries its own size and nanosecond modification time", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  // The same name in two folders: each file's state must come from its own folder.
  write_file(a / "x/same.txt", "1");
  write_file(a / "y/same.txt", "12345");
  set_mtime(a / "x/same.txt", 1600000000, 123456789);
  set_mtime(a / "y/same.txt", 1700000000, 5);

  const WalkResult r = walk({a.string()});
  REQUIRE(keys_of(r) == std::vector<std::string>{"x/same.txt", "y/same.txt"});
  CHECK(r.files[0].size == 1);
  CHECK(r.files[0].mtime_ns == 1600000000123456789LL);
  CHECK(r.files[1].size == 5);
  CHECK(r.files[1].mtime_ns == 1700000000000000005LL);
}

TEST_CASE("walker: paths keep the user's spelling of the archive, keys are absolute, a file named directly keyed by its own path", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  write_file(a / "desk/story.txt", "text");
  write_file(dir.path() / "single.txt", "text");

  const WalkResult r = walk({a.string() + "/", (dir.path() / "single.txt").string(), (dir.path() / "absent").string()});
  REQUIRE(r.files.size() == 2);
  CHECK(r.files[0].path == a.string() + "/desk/story.txt");
  CHECK(r.files[0].rel == "desk/story.txt");
  CHECK(r.files[0].key == (fs::canonical(a) / "desk/story.txt").string());
  CHECK(r.files[1].path == (dir.path() / "single.txt").string());
  CHECK(r.files[1].rel == "single.txt");
  CHECK(r.files[1].key == (fs::canonical(dir.path()) / "single.txt").string());
  CHECK(r.files[1].root.empty());
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].path == (dir.path() / "absent").string());
}

TEST_CASE("walker: a file named directly that no reader takes is skipped with its reason, never passed over", "[walker]") {
  TempDir dir;
  write_file(dir.path() / "notes.pdf", "%PDF");
  write_file(dir.path() / "wire.jsonl.bz2", "BZh9");
  const WalkResult r = walk({(dir.path() / "notes.pdf").string(), (dir.path() / "wire.jsonl.bz2").string()});
  CHECK(r.files.empty());
  CHECK(r.problems.empty());  // a problem would hold back pruning
  REQUIRE(r.ignored.size() == 2);
  CHECK(r.ignored[0].path == (dir.path() / "notes.pdf").string());
  CHECK(r.ignored[0].reason.rfind("unsupported file type (expected .txt, ", 0) == 0);
  CHECK(r.ignored[1].reason.rfind("compressed with bzip2; ", 0) == 0);
}

TEST_CASE("walker: a link to a file is walked with its target's state, links to folders and broken links are not", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  write_file(dir.path() / "elsewhere/target.txt", "target text");
  write_file(dir.path() / "elsewhere/sub/inner.txt", "inner");
  write_file(a / "own.txt", "own");
  fs::create_symlink(dir.path() / "elsewhere/target.txt", a / "linked.txt");
  fs::create_directory_symlink(dir.path() / "elsewhere/sub", a / "linked-folder");
  fs::create_symlink(dir.path() / "nowhere.txt", a / "broken.txt");
  fs::create_symlink(dir.path() / "elsewhere/target.txt", a / ".hidden-link.txt");

  const WalkResult r = walk({a.string()});
  REQUIRE(keys_of(r) == std::vector<std::string>{"linked.txt", "own.txt"});
  CHECK(r.files[0].size == std::string("target text").size());
  CHECK(r.problems.empty());
}

TEST_CASE("walker: a folder with more entries than one directory read returns them all", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  fs::create_directories(a / "day");
  std::vector<std::string> expected;
  // About 100 bytes a directory record: 3,000 of them span several 64 KiB reads.
  for (int i = 0; i < 3000; ++i) {
    std::string name = "story-with-a-rather-long-file-name-to-fill-directory-records-quickly-" + std::to_string(i) + ".txt";
    write_file(a / "day" / name, "");
    expected.push_back("day/" + name);
  }
  const WalkResult r = walk({a.string()});
  CHECK(keys_of(r) == sorted(expected));
}

TEST_CASE("walker: an unreadable sub-folder is a problem naming it, its siblings are still walked", "[walker]") {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);
  const fs::path a = dir.path() / "archive";
  for (const char* name : {"a/1.txt", "b/2.txt", "c/3.txt", "d/e/4.txt"}) write_file(a / name, "text");
  fs::permissions(a / "b", fs::perms::none);

  // Root reads any folder: the walk then runs in a child that became user nobody.
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(2);
    const WalkResult r = walk({a.string()});
    std::string report;
    for (const auto& f : r.files) report += "file " + f.rel + "\n";
    for (const auto& p : r.problems) report += "problem " + p.path + ": " + p.reason + "\n";
    const bool written = ::write(pipe_fds[1], report.data(), report.size()) == static_cast<ssize_t>(report.size());
    ::_exit(written ? 0 : 3);
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buf[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) report.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  fs::permissions(a / "b", fs::perms::owner_all);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(report == "file a/1.txt\nfile c/3.txt\nfile d/e/4.txt\nproblem " + (a / "b").string() + ": " +
                      std::strerror(EACCES) + "\n");
}

TEST_CASE("walker: a FIFO, a link loop and a link to a device with article names are named, never opened", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  write_file(a / "real.txt", "text");
  REQUIRE(::mkfifo((a / "x.txt").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((a / "pipe.pdf").c_str(), 0600) == 0);  // not an article name: ignored silently
  fs::create_symlink(a / "loop.txt", a / "loop.txt");
  fs::create_symlink("/dev/null", a / "dev.jsonl");
  fs::create_symlink(a / "x.txt", a / "to-fifo.sgm");

  const WalkResult r = walk({a.string()});  // a FIFO opened would block here
  CHECK(keys_of(r) == std::vector<std::string>{"real.txt"});
  CHECK(r.problems.empty());  // they do not stop pruning
  std::vector<std::string> named;
  for (const auto& p : r.ignored) named.push_back(p.path + ": " + p.reason);
  CHECK(sorted(named) == std::vector<std::string>{
                             (a / "dev.jsonl").string() + ": a symbolic link to a character device, not read",
                             (a / "loop.txt").string() + ": a symbolic link loop, not read",
                             (a / "to-fifo.sgm").string() + ": a symbolic link to a FIFO (named pipe), not read",
                             (a / "x.txt").string() + ": a FIFO (named pipe), not read"});
}

TEST_CASE("walker: --exclude globs match names, relative paths, and folders with a trailing '/'", "[walker]") {
  using newsidx::indexer::excluded;
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  for (const char* f : {"desk/story.txt", "desk/story.txt.bak.txt", "desk/tmp/draft.txt", "tmp.txt",
                        "old/tmp/x.txt", "world/2024/a.txt", "world/drafts/b.txt", "sport/drafts/c.txt"})
    write_file(a / f, "text");
  const WalkResult r = walk({a.string()}, {"*.bak.txt", "tmp/", "world/drafts"});
  CHECK(keys_of(r) == std::vector<std::string>{"desk/story.txt", "sport/drafts/c.txt", "tmp.txt", "world/2024/a.txt"});
  CHECK(r.problems.empty());
  // The rules, one by one.
  CHECK(excluded({"*.bak"}, "a.bak", "x/y/a.bak", false));
  CHECK_FALSE(excluded({"tmp/"}, "tmp", "tmp", false));  // a file named tmp is not a folder
  CHECK(excluded({"tmp/"}, "tmp", "desk/tmp", true));
  CHECK(excluded({"desk/*.txt"}, "a.txt", "desk/a.txt", false));
  CHECK_FALSE(excluded({"desk/*.txt"}, "a.txt", "desk/sub/a.txt", false));  // '*' does not cross '/'
  CHECK_FALSE(excluded({"desk/*.txt"}, "a.txt", "other/desk/a.txt", false));  // a path glob is anchored
}

TEST_CASE("walker: one folder spelled several ways gives the same keys, and a file reached twice is walked once", "[walker]") {
  TempDir dir;
  const fs::path a = dir.path() / "archive";
  write_file(a / "tech/001.txt", "one");
  write_file(a / "sport/001.txt", "two");
  fs::create_symlink(a / "tech", dir.path() / "link");
  const std::string canonical_tech = (fs::canonical(a) / "tech/001.txt").string();
  for (const std::string& spelling : {(a / "tech").string(), (a / "tech").string() + "/", (a / "sport/../tech").string(),
                                     (dir.path() / "link").string()}) {
    INFO(spelling);
    const WalkResult r = walk({spelling});
    REQUIRE(r.files.size() == 1);
    CHECK(r.files[0].key == canonical_tech);
    CHECK(r.files[0].rel == "001.txt");
  }
  // Two folders holding the same relative path: two keys.
  const WalkResult both = walk({(a / "tech").string(), (a / "sport").string()});
  REQUIRE(both.files.size() == 2);
  CHECK(both.files[0].key != both.files[1].key);
  // The archive and one of its sub-folders: each file once, under the first folder given.
  const WalkResult nested = walk({a.string(), (a / "tech").string(), (dir.path() / "link/001.txt").string()});
  REQUIRE(nested.files.size() == 2);
  CHECK(nested.files[0].rel == "sport/001.txt");
  CHECK(nested.files[1].rel == "tech/001.txt");
  CHECK(nested.files[1].root == fs::canonical(a).string());
}

TEST_CASE("walker: read_whole_file reads a file's bytes exactly, an empty file as empty, a missing one as an error",
          "[walker]") {
  using newsidx::indexer::read_whole_file;
  TempDir dir;
  // Bytes a text stream would change: CR LF, a NUL, a lone CR, no final newline; and a file
  // larger than one read buffer.
  const std::string odd("headline\r\nbody\0with a NUL\rend", 28);
  std::string big;
  for (int k = 0; big.size() < 300000; ++k) big += "line " + std::to_string(k) + "\n";
  write_file(dir.path() / "odd.txt", odd);
  write_file(dir.path() / "big.txt", big);
  write_file(dir.path() / "empty.txt", "");
  std::string out = "left over", error;
  REQUIRE(read_whole_file((dir.path() / "odd.txt").string(), out, error));
  CHECK(out == odd);
  REQUIRE(read_whole_file((dir.path() / "big.txt").string(), out, error));
  CHECK(out == big);
  REQUIRE(read_whole_file((dir.path() / "empty.txt").string(), out, error));
  CHECK(out.empty());
  CHECK_FALSE(read_whole_file((dir.path() / "missing.txt").string(), out, error));
  CHECK(error == std::strerror(ENOENT));
  // A folder where a file was: an error, not an empty article.
  fs::create_directories(dir.path() / "now-a-folder.txt");
  error.clear();
  CHECK_FALSE(read_whole_file((dir.path() / "now-a-folder.txt").string(), out, error));
  CHECK(error == std::strerror(EISDIR));
}
