// CLI tests for several archive folders in one database (each known by its resolved path, a moved
// one named), and for a partitioned archive whose state cannot be read (an error, never taken for
// a plain database).
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "test_util.hpp"

using namespace newsidx::test;
namespace fs = std::filesystem;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string index_cmd(const TempDir& dir, const std::string& args) {
  return kIndex + " --config /dev/null --no-progress --lock-timeout 0 --db " + sh_quote(dir.str("db")) + " " + args;
}

void write_desks(const TempDir& dir) {
  for (int i = 1; i <= 3; ++i) {
    write_file(dir.path() / "bbc/tech" / fmt::format("00{}.txt", i),
               fmt::format("Chip maker story {}\n\nThe chipmaker reported results number {} on Monday.\n", i, i));
    write_file(dir.path() / "bbc/sport" / fmt::format("00{}.txt", i),
               fmt::format("Football story {}\n\nThe footballers won match number {} on Saturday.\n", i, i));
  }
}

// Root reads any file: runs that must meet "permission denied" go through setpriv as nobody.
std::string as_nobody() {
  if (::geteuid() != 0) return "";
  return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
}

}  // namespace

TEST_CASE("cli folders: two folders indexed in turn are both searchable, --status counts both", "[folders][cli]") {
  TempDir dir;
  write_desks(dir);
  auto tech = run_command(index_cmd(dir, sh_quote(dir.str("bbc/tech"))));
  CHECK(tech.status == 0);
  CHECK(has(tech.out, "3 added, 0 updated"));
  auto sport = run_command(index_cmd(dir, sh_quote(dir.str("bbc/sport") + "/")));
  CHECK(sport.status == 0);
  CHECK(has(sport.out, "3 added, 0 updated, 0 removed"));
  auto again = run_command(index_cmd(dir, sh_quote(dir.str("bbc/tech"))));
  CHECK(has(again.out, "3 files (3 unchanged), 0 articles read, 0 added, 0 updated, 0 removed"));
  auto status = run_command(kIndex + " --config /dev/null --status --db " + sh_quote(dir.str("db")));
  CHECK(has(status.out, "6 articles"));
  CHECK(has(status.out, "6 files"));
  const std::string bbc = fs::canonical(dir.path() / "bbc").string();
  CHECK(has(status.out, "folders: 2\n  " + bbc + "/sport: 3 files\n  " + bbc + "/tech: 3 files\n"));
}

TEST_CASE("cli folders: a moved folder is indexed anew and the old one is named until a --rebuild", "[folders][cli]") {
  TempDir dir;
  write_desks(dir);
  REQUIRE(run_command(index_cmd(dir, sh_quote(dir.str("bbc/tech")) + " " + sh_quote(dir.str("bbc/sport")))).status == 0);
  fs::rename(dir.path() / "bbc/tech", dir.path() / "bbc/technology");
  const std::string now = sh_quote(dir.str("bbc/technology")) + " " + sh_quote(dir.str("bbc/sport"));
  auto moved = run_command(index_cmd(dir, now), true);
  CHECK(moved.status == 0);
  CHECK(has(moved.out, "3 added, 0 updated, 0 removed"));
  const std::string old_folder = (fs::canonical(dir.path() / "bbc") / "tech").string();
  CHECK(has(moved.out, old_folder + ": 3 files indexed from this folder, which no longer exists"));
  CHECK(has(moved.out, "--rebuild"));
  auto status = run_command(kIndex + " --config /dev/null --status --db " + sh_quote(dir.str("db")));
  CHECK(has(status.out, "  " + old_folder + ": 3 files (no longer exists)\n"));
  // Named again by the next run, which changes nothing else.
  auto next = run_command(index_cmd(dir, now), true);
  CHECK(has(next.out, old_folder + ": 3 files indexed from this folder"));
  CHECK(has(next.out, "0 added, 0 updated, 0 removed"));
  auto rebuilt = run_command(index_cmd(dir, "--rebuild " + now), true);
  CHECK(rebuilt.status == 0);
  CHECK(Xapian::Database(dir.str("db")).get_termfreq(
            newsidx::schema::type_term(newsidx::schema::kTypeArticle)) == 6);
  CHECK_FALSE(has(run_command(index_cmd(dir, now), true).out, "no longer exists"));
}

TEST_CASE("cli folders: a partitioned archive whose state cannot be read is one error naming it, not a plain database",
          "[folders][cli]") {
  if (::geteuid() == 0 && run_command("command -v setpriv >/dev/null").status != 0) {
    WARN("SKIPPED: running as root without setpriv to drop privileges");
    return;
  }
  TempDir dir;
  write_desks(dir);
  REQUIRE(run_command(index_cmd(dir, "--partition year " + sh_quote(dir.str("bbc/tech")))).status == 0);
  REQUIRE(run_command("chmod -R a+rwX " + sh_quote(dir.str())).status == 0);
  const std::string state = dir.str("db") + "/state";
  fs::permissions(state, fs::perms::none);
  write_file(dir.path() / "bbc/tech/004.txt", "Late story\n\nThe chipmaker filed late on Tuesday.\n");
  auto run = run_command(as_nobody() + index_cmd(dir, sh_quote(dir.str("bbc/tech"))), true);
  auto status = run_command(as_nobody() + kIndex + " --config /dev/null --status --db " + sh_quote(dir.str("db")), true);
  auto dry = run_command(as_nobody() + index_cmd(dir, "--dry-run " + sh_quote(dir.str("bbc/tech"))), true);
  fs::permissions(state, fs::perms::owner_all);
  for (const auto* r : {&run, &status, &dry}) {
    INFO(r->out);
    CHECK(r->status == 4);
    CHECK(has(r->out, state));
    CHECK(has(r->out, "Permission denied"));
  }
  // Nothing was written meanwhile: the new file is new to the next run.
  CHECK(has(run_command(index_cmd(dir, sh_quote(dir.str("bbc/tech")))).out, "1 added"));
}
