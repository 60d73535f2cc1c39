// What the nightly CLI tests share: a small text archive and the indexer's command line for it.
#pragma once

#include <string>

#include <fmt/format.h>

#include "test_util.hpp"

namespace newsidx::test {

/// `files` one-story text files under DIR/archive, spread over seven folders.
inline void archive(const TempDir& dir, int files) {
  for (int i = 0; i < files; ++i)
    write_file(dir.path() / fmt::format("archive/d{}/story{}.txt", i % 7, i),
               fmt::format("Story {}\n\nDock workers at pier {} met on Monday, the union said.\n", i, i));
}

/// newsidx-index over DIR/archive into DIR/db, ignoring the user's configuration files.
inline std::string index_cmd(const TempDir& dir, const std::string& extra = "") {
  return std::string(NEWSIDX_INDEX_BIN) + " --config /dev/null --no-progress --db " + sh_quote(dir.str("db")) + " " +
         extra + " " + sh_quote(dir.str("archive"));
}

}  // namespace newsidx::test
