// Test helper: a xapian-tcpsrv child serving one database on a free port of 127.0.0.1.
#pragma once

#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <xapian.h>

extern char** environ;

namespace newsidx::test {

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


}  // namespace newsidx::test
