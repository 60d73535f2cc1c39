// newsidx-query's command line (Boost.Program_options stays in options.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.hpp"
#include "query/searcher.hpp"

namespace newsidx::query {

enum class OutputFormat { kText, kJson, kIds, kPaths, kCsv };

struct QueryOptions {
  std::string db;
  std::string aliases;  ///< --aliases FILE (or the config key): extends the built-in alias table
  SearchRequest request;
  OutputFormat format = OutputFormat::kText;
  bool facets_only = false;  ///< print the facet table (and timeline) without hits
  bool partial = false;      ///< answer from the reachable partitions when a remote one is down
  bool null = false;         ///< --null: ids and paths end with NUL, unquoted
  std::string show_id;       ///< --show ID: print that article as indexed instead of searching
  bool show_help = false;
  bool show_version = false;
  std::string help_text;  ///< the option table, filled only when show_help
};

/// Parses argv; a usage error (unknown option or facet, bad date, bad --format, --sort or
/// --interval, a number out of its range) comes back as a kUsage Error with a hint.
Result<QueryOptions> parse_options(int argc, const char* const argv[]);

}  // namespace newsidx::query
