// newsidx-index's command line (Boost.Program_options stays in options.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

enum class LogLevel { kQuiet, kNormal, kVerbose };

/// The most a run may prune (--max-prune): a share of the archive's articles, or a count.
struct MaxPrune {
  double amount = 50;    ///< percent (0-100) when `percent`, else a number of articles
  bool percent = true;
  bool operator==(const MaxPrune&) const = default;
};

/// "50%" -> 50 percent, "200" -> 200 articles; nullopt for anything else (a share above 100%,
/// a negative or non-numeric value).
std::optional<MaxPrune> parse_max_prune(std::string_view text);

/// Whether removing `articles` of an archive holding `total` articles stays within `limit`.
bool prune_allowed(const MaxPrune& limit, std::size_t articles, std::size_t total);

/// "50%" or "200 articles", as the message refusing a prune names the limit.
std::string describe(const MaxPrune& limit);

struct IndexOptions {
  std::string db;                     ///< database path (required unless extract_only)
  std::vector<std::string> archives;  ///< folders and files to index
  unsigned jobs = 0;                  ///< worker threads; 0 = number of cores
  std::size_t batch_size = 1000;      ///< documents per commit
  std::size_t max_article_bytes = 4 * 1024 * 1024;
  int lock_timeout_s = 60;            ///< seconds to wait for another run's write lock
  bool prune = true;                  ///< remove articles of files that vanished from a folder
  MaxPrune max_prune;                 ///< refuse to prune more than this (unless prune_all)
  bool prune_all = false;             ///< prune whatever vanished, however much
  std::vector<std::string> exclude;   ///< globs of files and folders left out of the walk
  std::string aliases;                ///< --aliases FILE extending the built-in alias table
  bool status = false;                ///< --status: print the archive's state, index nothing
  bool json = false;                  ///< --status --json
  bool extract_only = false;          ///< print the analysis as JSON Lines, write nothing
  bool with_text = false;             ///< --text: extract-only records carry the body read
  bool no_entities = false;           ///< --no-entities: no entity extraction (readers only)
  bool rebuild = false;               ///< build a new database and swap it in when complete
  bool dry_run = false;               ///< report what would change, write nothing
  /// --partition year|month|none; "" = as the archive at --db already is (none when new)
  std::string partition;
  bool compact = false;               ///< compact closed partitions after indexing
  bool relink = false;                ///< --relink: only the link step (no ARCHIVE needed)
  bool progress = true;               ///< progress bar on stderr (only when it is a terminal)
  LogLevel log_level = LogLevel::kNormal;
  std::string log_file;               ///< also log to this file, rotated ("" = none)
  std::size_t log_max_bytes = 10 * 1024 * 1024;
  std::size_t log_keep = 5;           ///< rotated log files kept
  std::vector<std::string> config_files;  ///< configuration files read, in precedence order
  bool show_help = false;
  bool show_version = false;
  std::string help_text;
  /// The HTML reader for WARC pages, HTML feed content and XHTML NewsML bodies; empty: such
  /// pages are named as not read ("no HTML reader"). Tests set a stand-in.
  readers::PageReader page_reader;
};

/// The configuration files read when --config is not given, most important first:
/// $XDG_CONFIG_HOME/newsidx/newsidx.conf (or ~/.config/...), then /etc/newsidx.conf.
std::vector<std::string> default_config_files();

/// Parses argv, then the configuration files (--config FILE, else default_config_files() that
/// exist); the command line overrides them. A usage error comes back as an Error with a hint.
Result<IndexOptions> parse_options(int argc, const char* const argv[]);

}  // namespace newsidx::indexer
