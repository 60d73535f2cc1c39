// CLI tests for nightly runs: exit statuses cron sees, one summary line on stdout, the lock,
// signals, the progress bar only on a terminal, configuration files, the log file, --dry-run,
// and what `cmake --install` puts in place.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "nightly_cli_util.hpp"
#include "test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("cli: nightly: stdout holds only the summary line, even with warnings and -v", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 3);
  write_file(dir.path() / "archive/bad.jsonl", "not json\n");
  auto r = run_command(index_cmd(dir, "-v") + " 2>/dev/null");
  CHECK(r.status == 1);
  CHECK(lines(r.out) == 1);
  for (const char* word : {"3 added", "0 updated", "unchanged", "0 removed", "1 skipped", " s,"})
    CHECK(r.out.find(word) != std::string::npos);
  auto again = run_command(index_cmd(dir) + " 2>/dev/null");
  CHECK(again.status == 0);
  CHECK(again.out.find("(4 unchanged)") != std::string::npos);
}

TEST_CASE("cli: nightly: a large feed reaches the writer in chunks, a small file in one", "[nightly][cli]") {
  // 400 records of about 1 KB: more than the 256 KB of text a chunk holds (run.cpp).
  TempDir dir;
  write_file(dir.path() / "archive/big.jsonl", big_feed("big", 0, 400, 2020));
  write_file(dir.path() / "archive/one.txt", "One story\n\nIt is short.\n");
  auto r = run_command(index_cmd(dir, "-v"), true);
  CHECK(r.status == 0);
  CHECK(r.out.find("big.jsonl: 400 articles in 2 chunks") != std::string::npos);
  CHECK(r.out.find("one.txt: 1 articles in 1 chunks") != std::string::npos);
}

TEST_CASE("cli: nightly: a second run exits 75 after --lock-timeout, naming the holder", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 2);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  Xapian::WritableDatabase holder(dir.str("db"), Xapian::DB_OPEN);
  const auto t0 = std::chrono::steady_clock::now();
  auto r = run_command(index_cmd(dir, "--lock-timeout 1"), true);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(r.status == 75);
  CHECK(r.out.find("locked by another writer") != std::string::npos);
  CHECK(r.out.find("pid " + std::to_string(::getpid())) != std::string::npos);
  CHECK(secs >= 0.9);
  CHECK(secs < 6);
}

TEST_CASE("cli: nightly: SIGTERM exits 143 after committing, the next run finishes the work", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 1500);
  auto r = run_command("(" + index_cmd(dir, "--batch-size 50 -j1") + " > " + sh_quote(dir.str("out")) +
                       " 2>&1 & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $?)");
  const std::string out = read_file(dir.path() / "out");
  if (r.out == "0\n") {
    WARN("the run finished within a second; SIGTERM was not exercised");
  } else {
    CHECK(r.out == "143\n");
    CHECK(out.find("interrupted: committed what was done") != std::string::npos);
  }
  auto next = run_command(index_cmd(dir));
  CHECK(next.status == 0);
  CHECK(next.out.find("1500 files") != std::string::npos);
  CHECK(Xapian::Database(dir.str("db")).get_termfreq(newsidx::schema::type_term(newsidx::schema::kTypeArticle)) == 1500);
}

TEST_CASE("cli: nightly: the progress bar appears on a terminal and never in a pipe", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 30);
  auto piped = run_command(kIndex + " --config /dev/null --db " + sh_quote(dir.str("db")) + " " +
                               sh_quote(dir.str("archive")),
                           true);
  CHECK(piped.status == 0);
  CHECK(piped.out.find("ETA") == std::string::npos);
  CHECK(piped.out.find('\r') == std::string::npos);
  if (run_command("command -v script >/dev/null").status != 0) {
    WARN("SKIPPED the terminal half: util-linux 'script' is not installed");
    return;
  }
  // script(1) runs the command on a pseudo-terminal.
  auto tty = run_command("TERM=xterm script -qec " +
                         sh_quote(kIndex + " --config /dev/null --rebuild --db " + sh_quote(dir.str("db")) + " " +
                                  sh_quote(dir.str("archive"))) +
                         " /dev/null");
  CHECK(tty.out.find("ETA") != std::string::npos);
  CHECK(tty.out.find("files/s") != std::string::npos);
}

TEST_CASE("cli: nightly: options come from a configuration file, the command line overrides it", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 2);
  write_file(dir.path() / "cfg/newsidx/newsidx.conf",
             "# nightly\ndb = " + dir.str("db") + "\narchive = " + dir.str("archive") + "\nquiet = true\n");
  const std::string env = "XDG_CONFIG_HOME=" + sh_quote(dir.str("cfg")) + " ";
  SECTION("the user's file is read by default") {
    auto r = run_command(env + kIndex, true);
    CHECK(r.status == 0);
    CHECK(r.out.find("2 added") != std::string::npos);
    CHECK(fs::exists(dir.path() / "db"));
  }
  SECTION("--config FILE, with --db on the command line winning") {
    auto r = run_command(kIndex + " --config " + sh_quote(dir.str("cfg/newsidx/newsidx.conf")) + " --db " +
                         sh_quote(dir.str("other.db")));
    CHECK(r.status == 0);
    CHECK(fs::exists(dir.path() / "other.db"));
    CHECK_FALSE(fs::exists(dir.path() / "db"));
  }
  SECTION("an unknown key or a missing file is a usage error naming the file") {
    write_file(dir.path() / "bad.conf", "colour = blue\n");
    auto r = run_command(kIndex + " --config " + sh_quote(dir.str("bad.conf")) + " --db x a", true);
    CHECK(r.status == 2);
    CHECK(r.out.find("bad.conf") != std::string::npos);
    auto missing = run_command(kIndex + " --config " + sh_quote(dir.str("nope.conf")) + " --db x a", true);
    CHECK(missing.status == 2);
    CHECK(missing.out.find("nope.conf") != std::string::npos);
  }
}

TEST_CASE("cli: nightly: --log-file keeps warnings and the summary, rotated by size", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 40);
  write_file(dir.path() / "archive/bad.jsonl", "not json\n");
  const std::string log = dir.str("logs/index.log");
  fs::create_directories(dir.path() / "logs");
  auto r = run_command(index_cmd(dir, "-v --log-file " + sh_quote(log) + " --log-max-size 2000 --log-keep 3") +
                       " 2>/dev/null");
  CHECK(r.status == 1);
  CHECK(lines(r.out) == 1);
  const std::string text = read_file(log);
  CHECK(text.find("newsidx-index: 41 files") != std::string::npos);  // the summary, last
  CHECK(fs::exists(dir.path() / "logs/index.1.log"));                 // rotated
  CHECK_FALSE(fs::exists(dir.path() / "logs/index.4.log"));            // only 3 kept
  std::string all;
  for (int i = 1; i <= 3; ++i) all += read_file(dir.path() / fmt::format("logs/index.{}.log", i));
  CHECK((all + text).find("bad.jsonl:1: skipped") != std::string::npos);
  write_file(dir.path() / "plainfile", "");
  auto unwritable = run_command(index_cmd(dir, "--log-file " + sh_quote(dir.str("plainfile/x.log"))), true);
  CHECK(unwritable.status == 4);
  CHECK(unwritable.out.find("log file") != std::string::npos);
}

TEST_CASE("cli: nightly: --dry-run prints the changes and leaves the database alone", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 3);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  write_file(dir.path() / "archive/d0/new.txt", "New\n\nA new story arrived.\n");
  fs::remove(dir.path() / "archive/d1/story1.txt");
  auto r = run_command(index_cmd(dir, "--dry-run"));
  CHECK(r.status == 0);
  CHECK(r.out.find("add " + dir.str("archive") + "/d0/new.txt\n") != std::string::npos);
  CHECK(r.out.find("remove ") != std::string::npos);
  CHECK(r.out.find("dry run: 3 files, 1 to add, 0 to update, 1 to remove, 2 unchanged") != std::string::npos);
  auto after = run_command(index_cmd(dir));
  CHECK(after.out.find("1 added") != std::string::npos);  // the dry run wrote nothing
}

TEST_CASE("cli: nightly: corrupt and foreign databases exit 3 with a hint", "[nightly][cli]") {
  TempDir dir;
  archive(dir, 2);
  write_file(dir.path() / "db/notes.txt", "mine\n");
  auto foreign = run_command(index_cmd(dir), true);
  CHECK(foreign.status == 3);
  CHECK(foreign.out.find("not a newsidx database") != std::string::npos);
  CHECK(foreign.out.find("hint:") != std::string::npos);
  fs::remove_all(dir.path() / "db");
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  write_file(dir.path() / "db/iamglass", "garbage");
  auto corrupt = run_command(index_cmd(dir), true);
  CHECK(corrupt.status == 3);
  CHECK(corrupt.out.find("--rebuild") != std::string::npos);
  CHECK(run_command(index_cmd(dir, "--rebuild")).status == 0);
  CHECK(run_command(index_cmd(dir)).out.find("(2 unchanged)") != std::string::npos);
}

TEST_CASE("cli: nightly: --help documents exit statuses, configuration files and --rebuild", "[nightly][cli]") {
  auto r = run_command(kIndex + " --help");
  CHECK(r.status == 0);
  for (const char* s : {"75", "/etc/newsidx.conf", "--rebuild", "--dry-run", "--log-file", "--lock-timeout arg (=60)"})
    CHECK(r.out.find(s) != std::string::npos);
}

TEST_CASE("cli: nightly: cmake --install puts binaries, man pages, completion and examples in place", "[nightly][cli]") {
  const fs::path build = fs::path(kIndex).parent_path().parent_path();
  if (!fs::exists(build / "man/newsidx-index.1") || !fs::exists(build / "cmake_install.cmake")) {
    WARN("SKIPPED: man pages not built in " << build << " (help2man missing, or target newsidx_man not built)");
    return;
  }
  TempDir dir;
  auto r = run_command("cmake --install " + sh_quote(build.string()) + " --prefix " + sh_quote(dir.str()), true);
  REQUIRE(r.status == 0);
  for (const char* f : {"bin/newsidx-index", "bin/newsidx-query", "share/man/man1/newsidx-index.1",
                        "share/man/man1/newsidx-query.1", "share/bash-completion/completions/newsidx-index",
                        "share/bash-completion/completions/newsidx-query", "share/doc/newsidx/operations.md",
                        "share/doc/newsidx/examples/newsidx.conf", "share/doc/newsidx/examples/crontab.example",
                        "share/doc/newsidx/examples/newsidx-index.service",
                        "share/doc/newsidx/examples/newsidx-index.timer"})
    CHECK(fs::exists(dir.path() / f));
  CHECK(read_file(dir.path() / "share/man/man1/newsidx-index.1").find("lock\\-timeout") != std::string::npos);
  // The completion offers the tool's own options.
  auto comp = run_command("bash -c " + sh_quote("source " + dir.str("share/bash-completion/completions/newsidx-index") +
                                                "; COMP_WORDS=(" + dir.str("bin/newsidx-index") +
                                                " --reb); COMP_CWORD=1; _newsidx; echo ${COMPREPLY[@]}"));
  CHECK(comp.out == "--rebuild\n");
  // The example configuration parses.
  auto cfg = run_command(dir.str("bin/newsidx-index") + " --config " +
                             sh_quote(dir.str("share/doc/newsidx/examples/newsidx.conf")) + " --dry-run --db " +
                             sh_quote(dir.str("none.db")) + " " + sh_quote(dir.str("share")),
                         true);
  CHECK(cfg.status == 0);
}
