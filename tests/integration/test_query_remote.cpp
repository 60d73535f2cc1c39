// Integration: facet counts through Xapian's remote backend. xapian-tcpsrv does not know
// newsidx's ListCountMatchSpy, so the searcher must fall back to the ValueCountMatchSpy path and
// give the same counts as a local search. Skips when xapian-tcpsrv is not installed.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <thread>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include "integration/query_fixture.hpp"
#include "query/searcher.hpp"

extern char** environ;

using namespace newsidx;

namespace {

// A xapian-tcpsrv child serving one database on 127.0.0.1; stopped in the destructor whatever
// happens in the test.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db) {
    std::mt19937 rng(static_cast<unsigned>(std::random_device{}()));
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      int port = 20000 + static_cast<int>(rng() % 30000);
      std::string p = std::to_string(port);
      std::vector<std::string> args{"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", p, db};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group to stop its
      // children, which must not include this test.
      posix_spawnattr_t attr;
      posix_spawnattr_init(&attr);
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
      posix_spawnattr_setpgroup(&attr, 0);
      int rc = posix_spawnp(&pid_, "xapian-tcpsrv", nullptr, &attr, argv.data(), environ);
      posix_spawnattr_destroy(&attr);
      if (rc != 0) {
        pid_ = 0;
        return;
      }
      for (int i = 0; i < 50; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) break;  // exited: port taken, try another
        try {
          Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port), 2000, 2000);
          port_ = port;
          return;
        } catch (const Xapian::Error&) {
        }
      }
      stop();
    }
  }
  ~TcpServer() { stop(); }
  int port() const { return port_; }

 private:
  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
  }
  pid_t pid_ = 0;
  int port_ = 0;
};

}  // namespace

TEST_CASE("query remote: facet counts over xapian-tcpsrv equal the local ones", "[query][integration]") {
  if (test::run_command("command -v xapian-tcpsrv >/dev/null").status != 0) {
    WARN("skipped: xapian-tcpsrv is not installed (apt-get install xapian-tools)");
    return;
  }
  test::TempDir dir;
  test::write_query_fixture(dir.str("db"));
  TcpServer server(dir.str("db"));
  REQUIRE(server.port() != 0);
  test::write_file(dir.path() / "remote.stub", "remote 127.0.0.1:" + std::to_string(server.port()) + "\n");

  query::SearchRequest req;
  req.text = "sanctions OR talks OR putin OR papers";
  req.facets = {"person", "country"};
  req.timeline = true;
  req.limit = 3;
  auto local = query::Searcher::open(dir.str("db"));
  auto remote = query::Searcher::open(dir.str("remote.stub"));
  REQUIRE(local.ok());
  REQUIRE(remote.ok());
  auto l = (*local)->search(req);
  auto r = (*remote)->search(req);
  REQUIRE(l.ok());
  REQUIRE(r.ok());
  CHECK(r->matches_estimated == l->matches_estimated);
  REQUIRE(r->facets.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(r->facets[i].values == l->facets[i].values);
    CHECK(r->facets[i].with_value == l->facets[i].with_value);
  }
  CHECK(r->facets[0].values.front() == query::FacetValue{"Antony Blinken", 3});
  REQUIRE(r->timeline);
  CHECK(r->timeline->dated == l->timeline->dated);
  REQUIRE(r->hits.size() == l->hits.size());
  for (std::size_t i = 0; i < r->hits.size(); ++i) CHECK(r->hits[i].record["id"] == l->hits[i].record["id"]);
}
