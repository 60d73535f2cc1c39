// Integration: read replicas made by Xapian's own xapian-replicate from a xapian-replicate-server
// on 127.0.0.1 (docs/deployment.md, "Read replicas"): a replica answers like the database the
// indexer wrote, and after the next nightly run (with XAPIAN_MAX_CHANGESETS set) one more
// replication ships only the changes. Skips when xapian-tools is not installed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "integration/shards_util.hpp"

using namespace newsidx;
using namespace newsidx::test;

namespace {

// One pass of xapian-replicate of MASTER (a folder under `parent`) into `replica`, from a
// one-shot xapian-replicate-server on a free port of 127.0.0.1. Returns the client's output.
CommandResult replicate(const std::string& parent, const std::string& master, const std::string& replica) {
  std::mt19937 rng(static_cast<unsigned>(std::random_device{}()));
  CommandResult r;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const std::string port = std::to_string(20000 + rng() % 30000);
    // The server serves one connection and exits (-o); timeout(1) bounds it if none comes.
    r = run_command("(timeout 60 xapian-replicate-server -I 127.0.0.1 -p " + port + " -o " + sh_quote(parent) +
                        " >/dev/null 2>&1 &); for i in $(seq 50); do xapian-replicate -v -o -h 127.0.0.1 -p " + port +
                        " -m " + sh_quote(master) + " " + sh_quote(replica) + " && exit 0; sleep 0.1; done; exit 1",
                    true);
    if (r.status == 0) return r;
  }
  return r;
}

}  // namespace

TEST_CASE("replication: a xapian-replicate replica answers like the master, and takes the nightly changes",
          "[replication][integration]") {
  if (run_command("command -v xapian-replicate-server >/dev/null && command -v timeout >/dev/null").status != 0) {
    WARN("skipped: xapian-replicate-server is not installed (apt-get install xapian-tools)");
    return;
  }
  TempDir dir;
  ::setenv("XAPIAN_MAX_CHANGESETS", "10", 1);  // the master keeps changesets, as documented
  write_corpus(dir.path() / "in", 30);
  std::filesystem::create_directories(dir.path() / "master");
  std::filesystem::create_directories(dir.path() / "replica");  // xapian-replicate makes one level only
  index_corpus(dir.str("master/news.db"), dir.str("in"), "");

  auto first = replicate(dir.str("master"), "news.db", dir.str("replica/news.db"));
  INFO(first.out);
  REQUIRE(first.status == 0);
  CHECK(articles_in(dir.str("replica/news.db")) == 30);
  check_same(dir.str("master/news.db"), dir.str("replica/news.db"));

  // The next night: ten more articles; the replica gets them as changesets, not a full copy.
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("master/news.db"), dir.str("in"), "");
  auto second = replicate(dir.str("master"), "news.db", dir.str("replica/news.db"));
  ::unsetenv("XAPIAN_MAX_CHANGESETS");
  INFO(second.out);
  REQUIRE(second.status == 0);
  CHECK(second.out.find("0 copies") != std::string::npos);
  CHECK(articles_in(dir.str("replica/news.db")) == 40);
  check_same(dir.str("master/news.db"), dir.str("replica/news.db"));
}
