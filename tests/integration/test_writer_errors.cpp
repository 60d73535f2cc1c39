// Integration tests: a database error met while the writer reads its metadata is reported, never
// taken for an absent entry (a file "never indexed", an archive "not yet partitioned").
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "indexer/storage/writer.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::test;
namespace fs = std::filesystem;

TEST_CASE("writer: a damaged block under a file state is an error, not a file never indexed", "[integration][writer]") {
  TempDir dir;
  const std::string db = dir.str("db");
  constexpr int kFiles = 800;
  {
    auto w = indexer::Writer::open(indexer::locate_db(db).value(), {});
    REQUIRE(w.ok());
    for (int i = 0; i < kFiles; ++i)
      REQUIRE((*w)->record_state(fmt::format("archive/story-{:04}.txt", i),
                                 indexer::FileState{1000u + static_cast<unsigned>(i), 42, "ab", "archive"}).ok());
    REQUIRE((*w)->commit().ok());
  }
  const fs::path good = dir.path() / "good";
  fs::copy(db, good);
  const std::string table = read_file(good / "postlist.glass");
  int damaged_reads = 0;
  for (std::size_t b = 1; b < table.size() / 8192; ++b) {
    fs::remove_all(db);
    fs::copy(good, db);
    {
      std::fstream f(dir.path() / "db/postlist.glass", std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(b * 8192));
      f << std::string(8192, '\x5a');
    }
    auto w = indexer::Writer::open(indexer::locate_db(db).value(), {});
    if (!w) continue;  // the damage is met at open, which reports it already
    INFO("garbage over block " << b);
    for (int i = 0; i < kFiles; ++i) {
      const std::string key = fmt::format("archive/story-{:04}.txt", i);
      auto state = (*w)->file_state(key);
      if (state.ok()) {
        // Every state read without an error is the one recorded.
        REQUIRE(state->has_value());
        CHECK((*state)->size == 1000u + static_cast<unsigned>(i));
        continue;
      }
      ++damaged_reads;
      CHECK(exit_code(state.error().code) == 3);
      CHECK_THAT(state.error().message, Catch::StartsWith(db + ": database is"));
      CHECK_THAT(state.error().hint, Catch::Contains("--rebuild"));
      // The writer stops at its first error: the next read reports it too, never "".
      auto next = (*w)->metadata("newsidx.anything");
      REQUIRE_FALSE(next.ok());
      CHECK(next.error().message == state.error().message);
      break;
    }
  }
  CHECK(damaged_reads > 0);
}
