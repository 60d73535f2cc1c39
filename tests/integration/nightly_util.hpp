// Helpers for the nightly-run tests: archives of many files, running the indexer in a child
// process (to signal or kill it, or to drop root's privileges), and comparing databases.
#pragma once

#include <chrono>
#include <set>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/run.hpp"
#include "test_util.hpp"

namespace newsidx::test {

/// Writes `files` text articles (and one JSON Lines feed of `files` records) under `root`.
inline void write_archive(const std::filesystem::path& root, int files) {
  std::string jsonl;
  for (int i = 0; i < files; ++i) {
    write_file(root / fmt::format("desk{}/2021/03/{:02}/story{}.txt", i % 5, i % 28 + 1, i),
               fmt::format("Harbour report number {}\n\nDock workers at pier {} met on Monday to "
                           "discuss pay, the union said. \"We will not move,\" said Ann Smith.\n",
                           i, i));
    jsonl += fmt::format(R"({{"id":"feed-{}","title":"Feed item {}","date":"2021-04-01","body":"Shipping news item {} from the wire."}})", i, i, i) + "\n";
  }
  write_file(root / "feeds/wire.jsonl", jsonl);
}

/// The key, and the id made from the path, of the file at `rel` in the archive folder `folder`:
/// its absolute path, the folder resolved.
inline std::string file_key(const std::filesystem::path& folder, const std::string& rel) {
  return (std::filesystem::canonical(folder) / rel).string();
}

/// Indexer options for `db` over `archive`, failing at once on a held lock.
inline indexer::IndexOptions nightly_options(const std::string& db, const std::string& archive) {
  indexer::IndexOptions o;
  o.db = db;
  o.archives = {archive};
  o.jobs = 2;
  o.lock_timeout_s = 0;
  o.progress = false;
  return o;
}

/// Runs the indexer in-process and requires success.
inline indexer::Summary run_ok(const indexer::IndexOptions& o) {
  std::ostringstream out;
  auto s = indexer::run_index(o, out);
  if (!s) FAIL(s.error().message);
  return s.value();
}

/// Forks; the child runs `fn` (with SIGINT/SIGTERM handlers installed) and exits with its
/// value. Returns the child's pid.
template <typename Fn>
pid_t spawn(Fn fn) {
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    indexer::install_signal_handlers();
    int code = 99;
    try {
      code = fn();
    } catch (...) {
    }
    std::fflush(nullptr);
    ::_exit(code);
  }
  return pid;
}

/// Waits for a child; returns its exit status, or 128+signal.
inline int wait_child(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/// The exit status run_index would give newsidx-index (for children).
inline int exit_status_of(const Result<indexer::Summary>& s) {
  return s ? indexer::summary_exit_code(s.value()) : exit_code(s.error().code);
}

/// Drops to user/group nobody (65534) when running as root, so that permissions apply; returns
/// false if that failed. A no-op for other users.
inline bool drop_root() {
  if (::geteuid() != 0) return true;
  return ::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0;
}

/// Every unique id term and the document count: what a clean rebuild must reproduce.
struct DbContents {
  std::set<std::string> ids;
  Xapian::doccount docs = 0;
  bool operator==(const DbContents&) const = default;
};

inline DbContents contents(const std::string& db_path) {
  Xapian::Database db(db_path);
  DbContents c;
  c.docs = db.get_doccount();
  const std::string q = schema::prefix("id");
  for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) c.ids.insert(*t);
  return c;
}

}  // namespace newsidx::test
