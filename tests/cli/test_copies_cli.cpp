// CLI: copies of one story through the real binaries — the indexer's summary, one hit per story
// with "+N copies", --no-collapse, --copies, and counts and facets that count stories.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "test_util.hpp"
#include "unit/story_texts.hpp"

using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct Archive {
  TempDir dir;
  std::string db = dir.str("db");
  CommandResult indexed;
  Archive() {
    write_file(dir.path() / "archive/wire/2022/01/10/bridge.txt",
               "Harbour bridge to close to lorries\n\nHARBOURTOWN (Wire) - " + ::test::kHarbourStory);
    write_file(dir.path() / "archive/paper/2022/01/11/cracks.txt",
               "Cracked bridge: lorries banned\n\n" + ::test::syndicated_copy(::test::kHarbourStory, 0.9));
    write_file(dir.path() / "archive/gazette/2022/01/12/ban.txt",
               "Council bans trucks from span\n\n" + ::test::syndicated_copy(::test::kHarbourStory, 0.7));
    write_file(dir.path() / "archive/paper/2022/01/14/breakdown.txt",
               "Lorry breakdown blocks harbour bridge\n\n" + ::test::kOtherHarbourStory);
    indexed = run_command(kIndex + " --no-progress --db " + sh_quote(db) + " " + sh_quote(dir.str("archive")), true);
  }
  CommandResult query(const std::string& args) { return run_command(kQuery + " --db " + sh_quote(db) + " " + args); }
};

}  // namespace

TEST_CASE("cli copies: the indexer says how many articles joined a story, and a search shows the story once", "[cli]") {
  Archive a;
  REQUIRE(a.indexed.status == 0);
  CHECK(has(a.indexed.out, "2 joined an existing story"));

  auto r = a.query("haulage");
  CHECK(has(r.out, "1 match; showing 1-1"));
  CHECK(has(r.out, "+2 copies"));
  auto all = a.query("--no-collapse haulage");
  CHECK(has(all.out, "3 matches; showing 1-3"));

  auto json = a.query("--json haulage");
  // A text file's id is its absolute path.
  const std::string root = std::filesystem::canonical(a.dir.path() / "archive").string() + "/";
  CHECK(has(json.out, "\"cluster\":\"" + root + "wire/2022/01/10/bridge.txt\""));
  CHECK(has(json.out, R"("copies":2)"));

  auto copies = a.query("--format ids --copies " + sh_quote(root + "gazette/2022/01/12/ban.txt"));
  CHECK(copies.status == 0);
  CHECK(has(copies.out, "wire/2022/01/10/bridge.txt"));
  CHECK(has(copies.out, "paper/2022/01/11/cracks.txt"));
  CHECK_FALSE(has(copies.out, "breakdown"));
  CHECK(a.query("--copies no/such/id").status == 2);
}

TEST_CASE("cli copies: --count, facets and the timeline count stories unless --no-collapse", "[cli]") {
  Archive a;
  CHECK(a.query("--count bridge").out == "2\n");
  CHECK(a.query("--count --no-collapse bridge").out == "4\n");
  auto f = a.query("--facets-only --facets person --timeline bridge");
  CHECK(has(f.out, "2 matches"));
  CHECK(has(f.out, "(2 dated matches)"));
  auto g = a.query("--no-collapse --facets-only --facets person --timeline bridge");
  CHECK(has(g.out, "4 matches"));
  CHECK(has(g.out, "(4 dated matches)"));
}
