// newsidx-query's command line (Boost.Program_options stays in options.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

enum class OutputFormat { kText, kJson };

struct QueryOptions {
  std::string db;
  SearchRequest request;
  OutputFormat format = OutputFormat::kText;
  bool show_help = false;
  bool show_version = false;
  std::string help_text;
};

/// Parses argv; a usage error comes back as an Error with a hint.
Result<QueryOptions> parse_options(int argc, const char* const argv[]);

}  // namespace newsidx::query
