// Integration: partitions served by two xapian-tcpsrv processes on 127.0.0.1, combined with local
// partitions by a stub file of "remote" and "auto" lines, answer like one local database.
// Skips when xapian-tcpsrv is not installed.
#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <thread>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include "integration/shards_util.hpp"

extern char** environ;

using namespace newsidx;
using namespace newsidx::test;

namespace {

// A xapian-tcpsrv child serving one database on a free port of 127.0.0.1, stopped by the
// destructor whatever the test does; it is also given a bounded lifetime (--idle-timeout is per
// connection, so the bound is a timeout(1) wrapper) in case this process dies without unwinding.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db) {
    std::mt19937 rng(static_cast<unsigned>(std::random_device{}()));
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
      const int port = 20000 + static_cast<int>(rng() % 30000);
      std::vector<std::string> args{"timeout", "300", "xapian-tcpsrv", "--interface", "127.0.0.1",
                                    "--port", std::to_string(port), db};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      // Its own process group: xapian-tcpsrv signals its whole group when it stops.
      posix_spawnattr_t attr;
      posix_spawnattr_init(&attr);
      posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
      posix_spawnattr_setpgroup(&attr, 0);
      const int rc = posix_spawnp(&pid_, "timeout", nullptr, &attr, argv.data(), environ);
      posix_spawnattr_destroy(&attr);
      if (rc != 0) {
        pid_ = 0;
        return;
      }
      for (int i = 0; i < 50; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (waitpid(pid_, nullptr, WNOHANG) == pid_) {  // exited: port taken, try another
          pid_ = 0;
          break;
        }
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
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;
  int port() const { return port_; }

 private:
  void stop() {
    if (pid_ > 0) {
      kill(-pid_, SIGTERM);  // the whole group: timeout(1) and the server it runs
      waitpid(pid_, nullptr, 0);
      pid_ = 0;
    }
  }
  pid_t pid_ = 0;
  int port_ = 0;
};

}  // namespace

TEST_CASE("shards remote: two partitions through xapian-tcpsrv answer like a local database",
          "[shards][integration]") {
  if (run_command("command -v xapian-tcpsrv >/dev/null").status != 0) {
    WARN("skipped: xapian-tcpsrv is not installed (apt-get install xapian-tools)");
    return;
  }
  TempDir dir;
  write_corpus(dir.path() / "in", 40);
  index_corpus(dir.str("one.db"), dir.str("in"), "");
  index_corpus(dir.str("archive"), dir.str("in"), "year");

  TcpServer a(dir.str("archive/2019"));
  TcpServer b(dir.str("archive/2020"));
  REQUIRE(a.port() != 0);
  REQUIRE(b.port() != 0);
  write_file(dir.path() / "mixed.stub",
             "remote 127.0.0.1:" + std::to_string(a.port()) + "\n" +  //
             "remote 127.0.0.1:" + std::to_string(b.port()) + "\n" +  //
             "auto archive/2021\nauto archive/2022\nauto archive/undated\n");
  CHECK(articles_in(dir.str("mixed.stub")) == 40);
  check_same(dir.str("one.db"), dir.str("mixed.stub"), false);

  SECTION("remote partitions alone answer like the same partitions opened locally") {
    write_file(dir.path() / "remote.stub", "remote 127.0.0.1:" + std::to_string(a.port()) + "\n" +
                                                "remote 127.0.0.1:" + std::to_string(b.port()) + "\n");
    CHECK(articles_in(dir.str("remote.stub")) ==
          articles_in(dir.str("archive/2019")) + articles_in(dir.str("archive/2020")));
    write_file(dir.path() / "local.stub", "auto archive/2019\nauto archive/2020\n");
    check_same(dir.str("local.stub"), dir.str("remote.stub"), false);
    // Xapian 1.4's remote backend has no spelling table: "did you mean" draws on local
    // partitions only (docs/deployment.md).
    CHECK(search(dir.str("local.stub"), requests()[4]).suggestion == "harbour");
    CHECK(search(dir.str("remote.stub"), requests()[4]).suggestion.empty());
  }

  SECTION("a server down: open fails naming it; open_partial answers from the others") {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    write_file(dir.path() / "down.stub", "remote 127.0.0.1:1\nremote 127.0.0.1:" + std::to_string(a.port()) +
                                              "\nauto archive/2021\n");
    auto full = query::Searcher::open(dir.str("down.stub"));
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().message.find("127.0.0.1:1") != std::string::npos);
    auto partial = query::Searcher::open_partial(dir.str("down.stub"));
    REQUIRE(partial.ok());
    CHECK((*partial)->unreachable() == std::vector<std::string>{"remote 127.0.0.1:1"});
    write_file(dir.path() / "up.stub", "auto archive/2019\nauto archive/2021\n");
    auto req = requests()[0];
    auto got = (*partial)->search(req);
    REQUIRE(got.ok());
    auto expected = search(dir.str("up.stub"), req);
    CHECK(got->matches_estimated == expected.matches_estimated);
    CHECK(canonical_hits(*got) == canonical_hits(expected));
    REQUIRE(got->facets.size() == expected.facets.size());
    CHECK(got->facets[0].values == expected.facets[0].values);
    // The archive folder itself (a XAPIANDB stub) opens partially too, with nothing left out.
    auto folder = query::Searcher::open_partial(dir.str("archive"));
    REQUIRE(folder.ok());
    CHECK((*folder)->unreachable().empty());
    CHECK((*folder)->database().get_doccount() == Xapian::Database(dir.str("archive")).get_doccount());
  }
}
