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
  int lock_timeout_s = 60;            ///< seconds to wait for another run's write lock
  bool prune = true;                  ///< remove articles of files that vanished from a folder
  bool extract_only = false;          ///< print the analysis as JSON Lines, write nothing
  bool with_text = false;             ///< --text: extract-only records carry the body read
  bool no_entities = false;           ///< --no-entities: no entity extraction (readers only)
  bool rebuild = false;               ///< build a new database and swap it in when complete
  bool dry_run = false;               ///< report what would change, write nothing
  /// --partition year|month|none; "" = as the archive at --db already is (none when new)
  std::string partition;
  bool compact = false;               ///< compact closed partitions after indexing
  bool progress = true;               ///< progress bar on stderr (only when it is a terminal)
  LogLevel log_level = LogLevel::kNormal;
  std::string log_file;               ///< also log to this file, rotated ("" = none)
  std::size_t log_max_bytes = 10 * 1024 * 1024;
  std::size_t log_keep = 5;           ///< rotated log files kept
  std::vector<std::string> config_files;  ///< configuration files read, in precedence order
  bool show_help = false;
  bool show_version = false;
  std::string help_text;
};

/// The configuration files read when --config is not given, most important first:
/// $XDG_CONFIG_HOME/newsidx/newsidx.conf (or ~/.config/...), then /etc/newsidx.conf.
std::vector<std::string> default_config_files();

/// Parses argv, then the configuration files (--config FILE, else default_config_files() that
/// exist); the command line overrides them. A usage error comes back as an Error with a hint.
Result<IndexOptions> parse_options(int argc, const char* const argv[]);

}  // namespace newsidx::indexer
