// newsidx-index's command line (Boost.Program_options stays in options.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace newsidx::indexer {

enum class LogLevel { kQuiet, kNormal, kVerbose };

struct IndexOptions {
  std::string db;                     ///< database path (required unless extract_only)
  std::vector<std::string> archives;  ///< folders and files to index
  unsigned jobs = 0;                  ///< worker threads; 0 = number of cores
  std::size_t batch_size = 1000;      ///< documents per commit
  std::size_t max_article_bytes = 4 * 1024 * 1024;
  int lock_timeout_s = 60;
  bool prune = true;                  ///< remove articles of files that vanished from a folder
  bool extract_only = false;          ///< print the analysis as JSON Lines, write nothing
  LogLevel log_level = LogLevel::kNormal;
  bool show_help = false;
  bool show_version = false;
  std::string help_text;
};

/// Parses argv; a usage error comes back as an Error with a hint.
Result<IndexOptions> parse_options(int argc, const char* const argv[]);

}  // namespace newsidx::indexer
