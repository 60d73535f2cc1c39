// newsidx-query's work: search and print.
#pragma once

#include <cstddef>
#include <ostream>

#include "query/options.hpp"

namespace newsidx::query {

/// Runs the query and prints to `out` (notes to `err`), text in colour when `color` and wrapped
/// to `width` columns. Returns the exit status: 0 with hits, 1 with none, 2 on a usage or query
/// error, 3 on a database error (message already printed).
int run(const QueryOptions& options, std::ostream& out, std::ostream& err, bool color, std::size_t width = 80);

}  // namespace newsidx::query
