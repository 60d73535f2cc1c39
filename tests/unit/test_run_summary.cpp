// Unit tests for the indexer's summary line: counts read as English ("1 file", "2 files").
#include <catch2/catch.hpp>

#include "indexer/run.hpp"

using newsidx::indexer::Summary;
using newsidx::indexer::summary_line;

TEST_CASE("run summary: one file and one article are singular, more are plural", "[run]") {
  Summary one;
  one.files = 1;
  one.articles_read = 1;
  one.added = 1;
  CHECK(summary_line(one).rfind("newsidx-index: 1 file (0 unchanged), 1 article read, 1 added,", 0) == 0);
  Summary two = one;
  two.files = 2;
  two.articles_read = 2;
  CHECK(summary_line(two).rfind("newsidx-index: 2 files (0 unchanged), 2 articles read, 1 added,", 0) == 0);
  Summary dry = one;
  dry.dry_run = true;
  dry.prune_refused = 1;
  CHECK(summary_line(dry) ==
        "newsidx-index: dry run: 1 file, 1 to add, 0 to update, 0 to remove, 0 unchanged, 0 skipped, 0.0 s, "
        "pruning of 1 vanished file refused (--max-prune)");
}
