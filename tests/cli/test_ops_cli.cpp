// CLI tests for operators' details: skipped files named in the log and kept in the database,
// --status (text and JSON, plain and partitioned), --max-prune against an empty (unmounted)
// archive, --exclude, an interrupted --rebuild's summary, special files in the walk, the query
// tool reading the configuration file, and the old schema version's message.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "nightly_cli_util.hpp"
#include "test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

std::string status_cmd(const TempDir& dir, const std::string& extra = "") {
  return kIndex + " --config /dev/null --status --db " + sh_quote(dir.str("db")) + " " + extra;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t articles(const std::string& db) {
  return Xapian::Database(db).get_termfreq(newsidx::schema::type_term(newsidx::schema::kTypeArticle));
}

}  // namespace

TEST_CASE("cli: ops: with quiet and a log file, skipped files are named in the log every run and kept until fixed",
          "[ops][cli]") {
  TempDir dir;
  archive(dir, 2);
  write_file(dir.path() / "archive/bad.jsonl", "not json\n{\"title\":\"Fine\",\"body\":\"A good record.\"}\n");
  write_file(dir.path() / "archive/empty.txt", "");
  const std::string log = dir.str("index.log");
  const std::string cmd = index_cmd(dir, "-q --log-file " + sh_quote(log));
  auto first = run_command(cmd, true);
  CHECK(first.status == 1);
  CHECK_FALSE(has(first.out, "bad.jsonl"));  // -q: stderr stays quiet
  CHECK(has(read_file(log), "bad.jsonl:1: skipped: malformed JSON"));
  CHECK(has(read_file(log), "empty.txt: skipped: empty file"));

  // The next run does not re-read them, but names them again; --status lists them.
  fs::remove(log);
  auto second = run_command(cmd, true);
  CHECK(second.status == 0);
  CHECK(has(second.out, "(2 unchanged files still skipped)"));
  CHECK(has(read_file(log), "bad.jsonl: still skipped (unchanged): line 1: malformed JSON"));
  CHECK(has(read_file(log), "empty.txt: still skipped (unchanged): empty file"));
  auto status = run_command(status_cmd(dir));
  CHECK(status.status == 0);
  CHECK(has(status.out, "skipped files: 2"));
  CHECK(has(status.out, dir.str("archive") + "/bad.jsonl\n    line 1: malformed JSON"));

  // Fixed, the file indexes and leaves the list; the one still empty stays.
  write_file(dir.path() / "archive/bad.jsonl", "{\"title\":\"Fine\",\"body\":\"A good record.\"}\n");
  CHECK(run_command(cmd).status == 0);
  status = run_command(status_cmd(dir));
  CHECK(has(status.out, "skipped files: 1"));
  CHECK_FALSE(has(status.out, "bad.jsonl"));
  CHECK(has(status.out, "empty.txt"));
  // A skipped file that is deleted leaves the list with its articles.
  fs::remove(dir.path() / "archive/empty.txt");
  CHECK(run_command(cmd).status == 0);
  CHECK(has(run_command(status_cmd(dir)).out, "skipped files: none"));
}

TEST_CASE("cli: ops: --status prints counts, the last run and skipped files, as text and JSON", "[ops][cli]") {
  TempDir dir;
  archive(dir, 3);
  write_file(dir.path() / "archive/quote.txt",
             "Port deal\n\nThe minister spoke. \"We will sign the harbour agreement next week,\" said Ann Smith.\n");
  write_file(dir.path() / "archive/bad.jsonl", "{oops\n");
  REQUIRE(run_command(index_cmd(dir)).status == 1);
  auto text = run_command(status_cmd(dir));
  INFO(text.out);
  CHECK(text.status == 0);
  CHECK(has(text.out, dir.str("db") + ": 4 articles, 1 quotations, 5 files\n"));
  CHECK(has(text.out, "last run: started 20"));
  CHECK(has(text.out, "skipped-input\n  5 files (0 unchanged), 4 articles read, 4 added"));
  auto json = run_command(status_cmd(dir, "--json"));
  CHECK(json.status == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["articles"] == 4);
  CHECK(j["quotations"] == 1);
  CHECK(j["files"] == 5);
  CHECK(j["last_run"]["outcome"] == "skipped-input");
  CHECK(j["skipped"][0]["file"] == (fs::canonical(dir.path() / "archive") / "bad.jsonl").string());
  // Nothing there: a database error with the path, status 3.
  auto none = run_command(kIndex + " --config /dev/null --status --db " + sh_quote(dir.str("nope")), true);
  CHECK(none.status == 3);
  CHECK(has(none.out, "nope: no such database"));
}

TEST_CASE("cli: ops: --status on a partitioned archive", "[ops][cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/2020/01/02/a.txt", "One\n\nThe first story.\n");
  write_file(dir.path() / "archive/2021/05/06/b.txt", "Two\n\nThe second story.\n");
  write_file(dir.path() / "archive/c.txt", "");
  REQUIRE(run_command(index_cmd(dir, "--partition year")).status == 1);
  auto r = run_command(status_cmd(dir));
  INFO(r.out);
  CHECK(r.status == 0);
  CHECK(has(r.out, ": 2 articles, 0 quotations, 3 files (partitioned by year: 2 partitions)"));
  CHECK(has(r.out, "c.txt\n    empty file"));
  auto j = nlohmann::json::parse(run_command(status_cmd(dir, "--json")).out);
  CHECK(j["partition"] == "year");
  CHECK(j["last_run"]["outcome"] == "skipped-input");
}

TEST_CASE("cli: ops: --status shows an interrupted run and one killed mid-way", "[ops][cli]") {
  TempDir dir;
  archive(dir, 1500);
  const std::string out = dir.str("out");
  for (const char* sig : {"TERM", "KILL"}) {
    fs::remove_all(dir.path() / "db");
    auto r = run_command("(" + index_cmd(dir, "--batch-size 20 -j1") + " > " + sh_quote(out) +
                         " 2>&1 & pid=$!; sleep 1.5; kill -" + sig + " $pid; wait $pid; echo $?)");
    if (r.out == "0\n") {
      WARN("the run finished within 1.5 s; SIG" << sig << " was not exercised");
      continue;
    }
    auto status = run_command(status_cmd(dir));
    INFO(sig << ": " << status.out);
    if (std::string(sig) == "TERM") {
      CHECK(r.out == "143\n");
      CHECK(has(status.out, "interrupted\n"));
      CHECK(has(status.out, "ended "));
    } else if (has(status.out, "last run: none recorded")) {
      WARN("SIGKILL came before the first commit");
    } else if (nlohmann::json::parse(run_command(status_cmd(dir, "--json")).out)["last_run"]["outcome"] == "completed") {
      // On a loaded machine the kill can land between the run's final commit and its exit.
      WARN("SIGKILL came after the run's final commit; the unfinished state was not exercised");
    } else {
      CHECK(has(status.out, "did not finish (killed, or the machine stopped)"));
      CHECK(nlohmann::json::parse(run_command(status_cmd(dir, "--json")).out)["last_run"]["outcome"] == "unfinished");
    }
  }
}

TEST_CASE("cli: ops: an empty archive folder (unmounted disk) prunes nothing and exits 5", "[ops][cli]") {
  TempDir dir;
  archive(dir, 10);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  REQUIRE(articles(dir.str("db")) == 10);
  // The disk is gone: the folder is there and empty.
  fs::remove_all(dir.path() / "archive");
  fs::create_directories(dir.path() / "archive");
  // A dry run tells the same.
  auto dry = run_command(index_cmd(dir, "--dry-run"), true);
  CHECK(dry.status == 5);
  CHECK_FALSE(has(dry.out, "remove " + dir.str("archive")));
  CHECK(has(dry.out, "0 to remove"));
  CHECK(has(dry.out, "pruning of 10 vanished files refused (--max-prune)"));
  auto r = run_command(index_cmd(dir), true);
  INFO(r.out);
  CHECK(r.status == 5);
  CHECK(has(r.out, "not removing the articles of 10 files gone from the archive: 10 of its 10 articles, more than "
                   "--max-prune 50% allows"));
  CHECK(has(r.out, "--prune-all"));
  CHECK(has(r.out, "0 removed"));
  CHECK(articles(dir.str("db")) == 10);
  CHECK(has(run_command(status_cmd(dir)).out, "prune-refused"));
  // Within the limit (an absolute count here), or with --prune-all, pruning goes ahead.
  CHECK(run_command(index_cmd(dir, "--max-prune 9"), true).status == 5);
  auto all = run_command(index_cmd(dir, "--prune-all"));
  CHECK(all.status == 0);
  CHECK(has(all.out, "10 removed"));
  CHECK(articles(dir.str("db")) == 0);
}

TEST_CASE("cli: ops: pruning within --max-prune goes ahead, and the key comes from the configuration file", "[ops][cli]") {
  TempDir dir;
  archive(dir, 10);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  for (int i = 0; i < 3; ++i) fs::remove(dir.path() / fmt::format("archive/d{}/story{}.txt", i % 7, i));
  write_file(dir.path() / "strict.conf", "max-prune = 20%\n");
  auto strict = run_command(kIndex + " --config " + sh_quote(dir.str("strict.conf")) + " --no-progress --db " +
                                sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")),
                            true);
  CHECK(strict.status == 5);  // 3 of 10 is more than 20%
  auto r = run_command(index_cmd(dir));  // the default 50%
  CHECK(r.status == 0);
  CHECK(has(r.out, "3 removed"));
}

TEST_CASE("cli: ops: --exclude leaves out files and folders by name or relative path", "[ops][cli]") {
  TempDir dir;
  archive(dir, 2);
  write_file(dir.path() / "archive/d0/story0.txt.bak.txt", "Backup\n\nAn old copy of the story.\n");
  write_file(dir.path() / "archive/tmp/draft.txt", "Draft\n\nNot ready yet.\n");
  write_file(dir.path() / "archive/d1/tmp/x.txt", "Draft\n\nNot ready either.\n");
  write_file(dir.path() / "archive/d1/keep/tmp.txt", "Kept\n\nA file named tmp.txt is not a folder.\n");
  auto r = run_command(index_cmd(dir, "--exclude '*.bak.txt' --exclude tmp/"));
  CHECK(r.status == 0);
  CHECK(has(r.out, "3 files"));
  auto ids = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --format ids --limit 100 ''").out +
             run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --format ids --limit 100 story").out;
  CHECK_FALSE(has(ids, "bak"));
  CHECK_FALSE(has(ids, "draft"));
  // A path pattern, from the configuration file.
  write_file(dir.path() / "x.conf", "exclude = d1/*\n");
  auto p = run_command(kIndex + " --config " + sh_quote(dir.str("x.conf")) + " --no-progress --dry-run --db " +
                       sh_quote(dir.str("db2")) + " " + sh_quote(dir.str("archive")));
  CHECK(has(p.out, "add " + dir.str("archive") + "/d0/story0.txt\n"));
  CHECK_FALSE(has(p.out, "/d1/"));
  CHECK(has(p.out, "/tmp/draft.txt"));
}

TEST_CASE("cli: ops: a FIFO, a link loop and a link to a device are named, counted, and never block", "[ops][cli]") {
  TempDir dir;
  archive(dir, 1);
  REQUIRE(::mkfifo((dir.path() / "archive/x.txt").c_str(), 0600) == 0);
  fs::create_symlink(dir.path() / "archive/loop.txt", dir.path() / "archive/loop.txt");
  fs::create_symlink("/dev/zero", dir.path() / "archive/zero.jsonl");
  auto r = run_command("timeout 20 " + index_cmd(dir), true);
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(has(r.out, "x.txt: skipped: a FIFO (named pipe), not read"));
  CHECK(has(r.out, "loop.txt: skipped: a symbolic link loop, not read"));
  CHECK(has(r.out, "zero.jsonl: skipped: a symbolic link to a character device, not read"));
  CHECK(has(r.out, "1 added, 0 updated, 0 removed, 3 skipped"));
}

TEST_CASE("cli: ops: a --rebuild stopped by SIGTERM says so in one sentence", "[ops][cli]") {
  TempDir dir;
  archive(dir, 1500);
  REQUIRE(run_command(index_cmd(dir, "-q")).status == 0);
  auto r = run_command("(" + index_cmd(dir, "--rebuild --batch-size 50 -j1") + " > " + sh_quote(dir.str("out")) +
                       " 2>" + sh_quote(dir.str("err")) + " & pid=$!; sleep 0.6; kill -TERM $pid; wait $pid; echo $?)");
  if (r.out == "0\n") {
    WARN("the rebuild finished within 0.6 s; SIGTERM was not exercised");
    return;
  }
  CHECK(r.out == "143\n");
  const std::string out = read_file(dir.path() / "out");
  INFO(out << read_file(dir.path() / "err"));
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
  CHECK(has(out, "newsidx-index: --rebuild stopped by signal 15 after "));
  CHECK(has(out, " and abandoned: " + dir.str("db") + " is left as it was, and the "));
  CHECK(has(out, " articles written so far went to the discarded copy\n"));
  CHECK_FALSE(has(out, "unchanged"));
  CHECK_FALSE(has(out, "added"));
  CHECK_FALSE(has(read_file(dir.path() / "err"), "unchanged"));
  CHECK(articles(dir.str("db")) == 1500);
}

TEST_CASE("cli: ops: newsidx-query takes db from the configuration file and ignores other keys", "[ops][cli]") {
  TempDir dir;
  archive(dir, 2);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  const std::string conf = "# the indexer's file\ndb = " + dir.str("db") + "\narchive = " + dir.str("archive") +
                           "\nlock-timeout = 600\nquiet = true\nexclude = *.bak\n";
  write_file(dir.path() / "cfg/newsidx/newsidx.conf", conf);
  SECTION("the default file") {
    auto r = run_command("XDG_CONFIG_HOME=" + sh_quote(dir.str("cfg")) + " " + kQuery + " --count pier", true);
    CHECK(r.status == 0);
    CHECK(r.out == "2\n");
  }
  SECTION("--config FILE; --db still wins") {
    auto r = run_command(kQuery + " --config " + sh_quote(dir.str("cfg/newsidx/newsidx.conf")) + " --count pier", true);
    CHECK(r.status == 0);
    CHECK(r.out == "2\n");
    auto other = run_command(kQuery + " --config " + sh_quote(dir.str("cfg/newsidx/newsidx.conf")) + " --db " +
                                 sh_quote(dir.str("nope")) + " --count pier",
                             true);
    CHECK(other.status == 3);
  }
  SECTION("no file setting db, or a missing --config file") {
    auto r = run_command("XDG_CONFIG_HOME=" + sh_quote(dir.str("none")) + " HOME=" + sh_quote(dir.str("none")) +
                             " " + kQuery + " pier",
                         true);
    if (fs::exists("/etc/newsidx.conf")) {
      WARN("SKIPPED the no-file half: /etc/newsidx.conf exists");
    } else {
      CHECK(r.status == 2);
      CHECK(has(r.out, "--db is required"));
    }
    auto missing = run_command(kQuery + " --config " + sh_quote(dir.str("nope.conf")) + " pier", true);
    CHECK(missing.status == 2);
    CHECK(has(missing.out, "nope.conf"));
  }
}

TEST_CASE("cli: ops: a database of the previous schema version is refused, naming --rebuild", "[ops][cli]") {
  TempDir dir;
  archive(dir, 2);
  REQUIRE(run_command(index_cmd(dir)).status == 0);
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_OPEN);
    db.set_metadata(std::string(newsidx::schema::kSchemaKey), std::to_string(newsidx::schema::kSchemaVersion - 1));
    db.commit();
  }
  auto r = run_command(index_cmd(dir), true);
  CHECK(r.status == 3);
  CHECK(has(r.out, fmt::format("schema version {}, this newsidx uses {}", newsidx::schema::kSchemaVersion - 1,
                               newsidx::schema::kSchemaVersion)));
  CHECK(has(r.out, "--rebuild"));
  CHECK(run_command(index_cmd(dir, "--rebuild")).status == 0);
  CHECK(run_command(status_cmd(dir)).out.find(": 2 articles") != std::string::npos);
}

TEST_CASE("cli: ops: installed examples use the install prefix, and --help and man pages name installed documents",
          "[ops][cli]") {
  const fs::path build = fs::path(kIndex).parent_path().parent_path();
  if (!fs::exists(build / "man/newsidx-index.1") || !fs::exists(build / "cmake_install.cmake")) {
    WARN("SKIPPED: man pages not built in " << build << " (help2man missing, or target newsidx_man not built)");
    return;
  }
  TempDir dir;
  auto r = run_command("cmake --install " + sh_quote(build.string()) + " --prefix " + sh_quote(dir.str()), true);
  REQUIRE(r.status == 0);
  // The examples were generated for the build's prefix (CMAKE_INSTALL_PREFIX), not /usr/bin.
  std::string prefix;
  {
    const std::string cache = read_file(build / "CMakeCache.txt");
    const auto at = cache.find("CMAKE_INSTALL_PREFIX:PATH=");
    REQUIRE(at != std::string::npos);
    prefix = cache.substr(at + 26, cache.find('\n', at) - at - 26);
  }
  const std::string examples = "share/doc/newsidx/examples/";
  const std::string service = read_file(dir.path() / (examples + "newsidx-index.service"));
  const std::string crontab = read_file(dir.path() / (examples + "crontab.example"));
  CHECK(has(service, "ExecStart=" + prefix + "/bin/newsidx-index --config /etc/newsidx.conf\n"));
  CHECK(has(service, "\nStateDirectory=newsidx\n"));
  CHECK(has(service, "\nLogsDirectory=newsidx\n"));
  CHECK(has(crontab, prefix + "/bin/newsidx-index --config /etc/newsidx.conf\n"));
  for (const std::string& text : {service, crontab}) {
    CHECK_FALSE(has(text, "@CMAKE"));
    if (prefix != "/usr") CHECK_FALSE(has(text, "/usr/bin/"));
  }
  // The documents --help and the man pages name are installed.
  for (const char* doc : {"README.md", "operations.md", "json-output.md", "deployment.md"})
    CHECK(fs::exists(dir.path() / "share/doc/newsidx" / doc));
  const std::string docdir = prefix + "/share/doc/newsidx";
  CHECK(has(run_command(kIndex + " --help").out, docdir + "/operations.md"));
  CHECK(has(run_command(kQuery + " --help").out, docdir + "/json-output.md"));
  if (run_command("command -v man >/dev/null").status != 0) {
    WARN("SKIPPED the rendering half: man is not installed");
    return;
  }
  for (const char* tool : {"newsidx-index", "newsidx-query"}) {
    const std::string page = dir.str(std::string("share/man/man1/") + tool + ".1");
    INFO(tool);
    // groff's warnings only (the page itself goes to /dev/null).
    CHECK(run_command("MANWIDTH=80 man -l --warnings " + sh_quote(page) + " 2>&1 >/dev/null").out.empty());
    const std::string text = run_command("MANWIDTH=80 MAN_KEEP_FORMATTING=0 man -l " + sh_quote(page) + " 2>/dev/null | col -b").out;
    CHECK(has(text, docdir + "/operations.md"));
    // Each example on a line of its own.
    const std::string first = std::string(tool) == "newsidx-index" ? "$ newsidx-index --db ~/news.db ~/archive\n"
                                                                  : "$ newsidx-query --db news.db 'tony blair election'\n";
    CHECK(has(text, first));
    // ... and none wrapped: the line after an example is another example or blank.
    std::istringstream lines(text);
    std::string line, previous;
    while (std::getline(lines, line)) {
      const auto lead = [](const std::string& l) { return l.substr(std::min(l.find_first_not_of(' '), l.size())); };
      if (lead(previous).rfind("$ ", 0) == 0) {
        INFO("example followed by: " << line);
        CHECK((lead(line).empty() || lead(line).rfind("$ ", 0) == 0));
      }
      // Columns, not bytes: UTF-8 continuation bytes take none.
      CHECK(std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) <= 80);
      previous = line;
    }
  }
}

TEST_CASE("cli: ops: an unreadable new file is listed while it is there, and leaves the list once deleted", "[ops][cli]") {
  // Root reads any file: the runs go through setpriv as user nobody then.
  std::string as_user;
  if (::geteuid() == 0) {
    if (run_command("command -v setpriv >/dev/null").status != 0) {
      WARN("SKIPPED: running as root without setpriv to drop privileges");
      return;
    }
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  TempDir dir;
  archive(dir, 1);
  write_file(dir.path() / "archive/locked.txt", "Locked\n\nNobody may read this.\n");
  REQUIRE(run_command("chmod -R a+rwX " + sh_quote(dir.str())).status == 0);
  fs::permissions(dir.path() / "archive/locked.txt", fs::perms::none);
  auto first = run_command(as_user + index_cmd(dir), true);
  INFO(first.out);
  CHECK(first.status == 1);
  CHECK(has(first.out, "locked.txt: skipped: cannot read: Permission denied"));
  auto listed = run_command(status_cmd(dir));
  CHECK(has(listed.out, "skipped files: 1"));
  CHECK(has(listed.out, "locked.txt\n    cannot read: Permission denied"));
  fs::remove(dir.path() / "archive/locked.txt");
  CHECK(run_command(as_user + index_cmd(dir)).status == 0);
  CHECK(has(run_command(status_cmd(dir)).out, "skipped files: none"));
}
