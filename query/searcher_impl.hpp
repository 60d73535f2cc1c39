// What Searcher's source files share: its state (the open database, the request's alias table)
// and the note list's one writer. Internal to newsidx_query: searcher.cpp and searcher_values.cpp.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/aliases.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

struct Searcher::Impl {
  Xapian::Database db;
  std::string path;
  bool remote_safe_facets = false;  // set once a server rejects our match spy
  std::vector<std::string> unreachable;  // stub lines left out by open_partial
  const aliases::Table* aliases = &aliases::builtin();  // the request's (search() sets it)
};

/// Adds `note` to the result's notes unless it is there already.
void add_note(SearchResult& out, std::string note);

}  // namespace newsidx::query
