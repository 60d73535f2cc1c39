// Unit tests for common/error: the exit status each kind of failure gives, as the README and
// docs/operations.md document them for scripts and cron.
#include <catch2/catch.hpp>

#include "common/error.hpp"

using newsidx::ErrorCode;
using newsidx::exit_code;

TEST_CASE("error: each kind of failure has its documented exit status", "[error]") {
  struct Case {
    ErrorCode code;
    int status;
  };
  // README: 2 usage, 3 database, 4 file system, 75 lock busy (EX_TEMPFAIL), 128+N signal.
  for (const Case& c : {Case{ErrorCode::kUsage, 2}, Case{ErrorCode::kBadInput, 2}, Case{ErrorCode::kNotFound, 3},
                        Case{ErrorCode::kSchemaMismatch, 3}, Case{ErrorCode::kDatabase, 3}, Case{ErrorCode::kIo, 4},
                        Case{ErrorCode::kLocked, 75}, Case{ErrorCode::kInterrupted, 130}}) {
    INFO(static_cast<int>(c.code));
    CHECK(exit_code(c.code) == c.status);
  }
}

TEST_CASE("error: no failure exits 0 or 1, which mean success and skipped input", "[error]") {
  for (int i = 0; i <= static_cast<int>(ErrorCode::kInterrupted); ++i) {
    INFO(i);
    const int status = exit_code(static_cast<ErrorCode>(i));
    CHECK(status != 0);
    CHECK(status != 1);
  }
}
