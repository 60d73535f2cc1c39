// Unit tests for indexer/logging: what the --log-file receives at each verbosity, the summary
// written to it alone, rotation, and a log file that cannot be opened.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "indexer/logging.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::indexer;
using newsidx::test::read_file;
using newsidx::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Options that log to TMP/index.log, with no progress bar.
IndexOptions logging_to(const TempDir& tmp) {
  IndexOptions o;
  o.progress = false;
  o.log_file = tmp.str("index.log");
  return o;
}

// Puts the process's default logger back when a test has replaced it.
class KeepDefaultLogger {
 public:
  KeepDefaultLogger() : saved_(spdlog::default_logger()) {}
  ~KeepDefaultLogger() { spdlog::set_default_logger(saved_); }
  KeepDefaultLogger(const KeepDefaultLogger&) = delete;
  KeepDefaultLogger& operator=(const KeepDefaultLogger&) = delete;

 private:
  std::shared_ptr<spdlog::logger> saved_;
};

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("logging: the log file gets warnings and errors with time and pid, -q or not", "[logging]") {
  for (LogLevel level : {LogLevel::kQuiet, LogLevel::kNormal}) {
    KeepDefaultLogger keep;
    TempDir tmp;
    IndexOptions o = logging_to(tmp);
    o.log_level = level;
    REQUIRE(setup_logging(o).ok());
    spdlog::warn("corpus/bad.sgm: record 3: no body, skipped");
    spdlog::error("db: disk full");
    spdlog::debug("indexed corpus/a.txt");
    const std::string log = read_file(tmp.path() / "index.log");
    INFO(log);
    CHECK(contains(log, " [" + std::to_string(::getpid()) + "] warning: corpus/bad.sgm: record 3: no body, skipped\n"));
    CHECK(contains(log, "] error: db: disk full\n"));
    CHECK_FALSE(contains(log, "indexed corpus/a.txt"));
    // Each line opens with its date: "2026-12-06 19:30:00.123 [".
    CHECK(log.size() > 24);
    CHECK(log[4] == '-');
    CHECK(log[10] == ' ');
    CHECK(log[19] == '.');
  }
}

TEST_CASE("logging: -v puts each file in the log file too", "[logging]") {
  KeepDefaultLogger keep;
  TempDir tmp;
  IndexOptions o = logging_to(tmp);
  o.log_level = LogLevel::kVerbose;
  REQUIRE(setup_logging(o).ok());
  spdlog::debug("indexed corpus/a.txt");
  spdlog::default_logger()->flush();  // debug lines are not flushed one by one
  CHECK(contains(read_file(tmp.path() / "index.log"), "debug: indexed corpus/a.txt\n"));
}

TEST_CASE("logging: the summary goes to the log file alone", "[logging]") {
  KeepDefaultLogger keep;
  TempDir tmp;
  IndexOptions o = logging_to(tmp);
  REQUIRE(setup_logging(o).ok());
  log_to_file_only("indexed 3 files, 0 skipped");
  CHECK(contains(read_file(tmp.path() / "index.log"), "info: indexed 3 files, 0 skipped\n"));
}

TEST_CASE("logging: the log file is rotated at its size, keeping the number asked", "[logging]") {
  KeepDefaultLogger keep;
  TempDir tmp;
  IndexOptions o = logging_to(tmp);
  o.log_max_bytes = 1000;
  o.log_keep = 2;
  REQUIRE(setup_logging(o).ok());
  for (int i = 0; i < 100; ++i) spdlog::warn("file {} of the archive: skipped for a reason long enough", i);
  CHECK(fs::exists(tmp.path() / "index.1.log"));
  CHECK(fs::exists(tmp.path() / "index.2.log"));
  CHECK_FALSE(fs::exists(tmp.path() / "index.3.log"));
  CHECK(fs::file_size(tmp.path() / "index.log") <= 1000);
  CHECK(contains(read_file(tmp.path() / "index.log"), "file 99 of the archive"));
}

TEST_CASE("logging: a log file that cannot be opened is an I/O error naming it", "[logging]") {
  KeepDefaultLogger keep;
  TempDir tmp;
  IndexOptions o;
  o.progress = false;
  // A folder where the log file should be: no user, root included, can open it as a file.
  fs::create_directories(tmp.path() / "index.log");
  o.log_file = tmp.str("index.log");
  auto st = setup_logging(o);
  REQUIRE_FALSE(st.ok());
  CHECK(st.error().code == ErrorCode::kIo);
  CHECK(exit_code(st.error().code) == 4);
  CHECK(contains(st.error().message, "cannot open log file"));
  CHECK(contains(st.error().message, tmp.str("index.log")));
  CHECK(contains(st.error().hint, "--log-file"));
}
