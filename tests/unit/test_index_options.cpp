// newsidx-index's option parsing: --max-prune, --exclude, --status, the configuration file, typos.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/options.hpp"
#include "test_util.hpp"

using namespace newsidx::indexer;

namespace {

newsidx::Result<IndexOptions> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "newsidx-index");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parse_options(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("index options: --max-prune takes a share or a count", "[options]") {
  CHECK(parse_max_prune("50%") == MaxPrune{50, true});
  CHECK(parse_max_prune("0%") == MaxPrune{0, true});
  CHECK(parse_max_prune("100%") == MaxPrune{100, true});
  CHECK(parse_max_prune("12.5%") == MaxPrune{12.5, true});
  CHECK(parse_max_prune("200") == MaxPrune{200, false});
  for (const char* bad : {"", "%", "101%", "-1", "ten", "5%%", "1e3", "50 %"}) {
    INFO(bad);
    CHECK_FALSE(parse_max_prune(bad).has_value());
  }
  CHECK(prune_allowed({50, true}, 5, 10));
  CHECK_FALSE(prune_allowed({50, true}, 6, 10));
  CHECK_FALSE(prune_allowed({50, true}, 1, 0));  // nothing to compare with: refuse
  CHECK(prune_allowed({50, true}, 0, 0));
  CHECK(prune_allowed({200, false}, 200, 201));
  CHECK_FALSE(prune_allowed({200, false}, 201, 100000));
  CHECK(describe({50, true}) == "50%");
  CHECK(describe({200, false}) == "200 articles");
}

TEST_CASE("index options: defaults, --exclude, --prune-all and --status", "[options]") {
  auto o = parse({"--config", "/dev/null", "--db", "x.db", "a"});
  REQUIRE(o);
  CHECK(o->max_prune == MaxPrune{50, true});
  CHECK_FALSE(o->prune_all);
  CHECK(o->exclude.empty());
  auto e = parse({"--config", "/dev/null", "--db", "x.db", "--exclude", "*.bak", "--exclude", "tmp/",
                  "--max-prune", "10", "--prune-all", "a"});
  REQUIRE(e);
  CHECK(e->exclude == std::vector<std::string>{"*.bak", "tmp/"});
  CHECK(e->max_prune == MaxPrune{10, false});
  CHECK(e->prune_all);
  auto bad = parse({"--config", "/dev/null", "--db", "x.db", "--max-prune", "150%", "a"});
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("--max-prune"));
  auto status = parse({"--config", "/dev/null", "--status", "--json", "--db", "x.db"});  // no archive needed
  REQUIRE(status);
  CHECK(status->status);
  CHECK(status->json);
  CHECK_FALSE(parse({"--config", "/dev/null", "--status"}));               // --db needed
  CHECK_FALSE(parse({"--config", "/dev/null", "--json", "--db", "x", "a"}));  // --json only with --status
}

TEST_CASE("index options: exclude and max-prune come from the configuration file", "[options]") {
  newsidx::test::TempDir dir;
  newsidx::test::write_file(dir.path() / "n.conf", "db = x.db\narchive = a\nexclude = *.bak\nexclude = tmp/\nmax-prune = 5%\n");
  auto o = parse({"--config", dir.str("n.conf")});
  REQUIRE(o);
  CHECK(o->exclude == std::vector<std::string>{"*.bak", "tmp/"});
  CHECK(o->max_prune == MaxPrune{5, true});
}

TEST_CASE("index options: a mistyped option names the option meant, on the command line and in a file", "[options]") {
  auto typo = parse({"--config", "/dev/null", "--db", "x.db", "--rebiuld", "a"});
  REQUIRE_FALSE(typo);
  CHECK(typo.error().code == newsidx::ErrorCode::kUsage);
  CHECK(typo.error().hint == "did you mean --rebuild? (see newsidx-index --help)");
  auto far = parse({"--config", "/dev/null", "--db", "x.db", "--zzzzzz", "a"});
  REQUIRE_FALSE(far);
  CHECK(far.error().hint == "see newsidx-index --help");  // nothing near: no guess
  // Other tools' names for an option, and a prefix of two options that another tool's -j means.
  for (const char* other : {"--threads", "--workers", "--j", "--Threads"}) {
    auto r = parse({"--config", "/dev/null", "--db", "x.db", other, "2", "a"});
    REQUIRE_FALSE(r);
    CHECK(r.error().hint == "did you mean --jobs? (see newsidx-index --help)");
  }
  auto output = parse({"--config", "/dev/null", "--output=x.db", "a"});
  REQUIRE_FALSE(output);
  CHECK(output.error().hint == "did you mean --db? (see newsidx-index --help)");
  auto reindex = parse({"--config", "/dev/null", "--db", "x.db", "--reindex", "a"});
  REQUIRE_FALSE(reindex);
  CHECK(reindex.error().hint == "did you mean --rebuild? (see newsidx-index --help)");

  newsidx::test::TempDir dir;
  newsidx::test::write_file(dir.path() / "n.conf", "db = x.db\nbacth-size = 500\n");
  auto file = parse({"--config", dir.str("n.conf"), "a"});
  REQUIRE_FALSE(file);
  CHECK(file.error().message.find("n.conf") != std::string::npos);
  CHECK(file.error().hint ==
        "did you mean batch-size? (its lines are \"name = value\" with the long option names)");
}

TEST_CASE("index options: an empty archive path or option value is refused, not skipped in silence", "[options]") {
  auto archive = parse({"--config", "/dev/null", "--db", "x.db", "a", ""});
  REQUIRE_FALSE(archive);
  CHECK(archive.error().code == newsidx::ErrorCode::kUsage);
  CHECK(archive.error().message == "newsidx-index: an archive was named by an empty path ('')");
  auto aliases = parse({"--config", "/dev/null", "--db", "x.db", "--aliases", "", "a"});
  REQUIRE_FALSE(aliases);
  CHECK(aliases.error().message == "newsidx-index: --aliases was given an empty value");
  CHECK(parse({"--config", "/dev/null", "--db", "x.db", "a"}));
}

TEST_CASE("index options: --jobs and --batch-size take whole numbers within their ranges", "[options]") {
  auto ok = parse({"--config", "/dev/null", "--db", "x.db", "--jobs", "3", "--batch-size", "500", "a"});
  REQUIRE(ok);
  CHECK(ok->jobs == 3u);
  CHECK(ok->batch_size == 500u);
  auto cores = parse({"--config", "/dev/null", "--db", "x.db", "-j", "0", "a"});
  REQUIRE(cores);
  CHECK(cores->jobs >= 1u);  // one per core
  for (std::vector<std::string> bad : {std::vector<std::string>{"--jobs", "-1"}, {"--jobs", "999"}, {"-j", "two"},
                                       {"--batch-size", "0"}, {"--batch-size", "-5"}, {"--batch-size", "2000000"}}) {
    INFO(bad[0] + " " + bad[1]);
    std::vector<std::string> args{"--config", "/dev/null", "--db", "x.db"};
    args.insert(args.end(), bad.begin(), bad.end());
    args.push_back("a");
    auto r = parse(args);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == newsidx::ErrorCode::kUsage);
    CHECK(r.error().message.find("takes a whole number from") != std::string::npos);
  }
}
