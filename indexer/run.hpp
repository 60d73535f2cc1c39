// newsidx-index's work: walk, read, analyse and write (or only print the analysis).
#pragma once

#include <cstddef>
#include <ostream>

#include "common/result.hpp"
#include "indexer/options.hpp"

namespace newsidx::indexer {

/// What a run did, for the summary line and the exit status.
struct Summary {
  std::size_t files = 0;            ///< supported files found
  std::size_t files_unchanged = 0;  ///< files skipped because they did not change
  std::size_t articles_read = 0;
  std::size_t added = 0, updated = 0, removed = 0;
  std::size_t skipped = 0;          ///< articles or files left out because of bad input
  std::size_t not_articles = 0;     ///< pages holding no article (index pages, login walls)
  double seconds = 0;
  bool dry_run = false;             ///< added/updated/removed count files that would change
  bool rebuilt = false;             ///< a --rebuild run swapped its new database in
  std::size_t compacted = 0;        ///< partitions compacted by --compact
  bool interrupted = false;
  int signal = 0;
  std::size_t still_skipped = 0;    ///< unchanged files skipped by an earlier run, named again
  std::size_t prune_refused = 0;    ///< vanished files not pruned because of --max-prune
  std::string abandoned_rebuild;    ///< the database an interrupted --rebuild left as it was
  std::size_t joined = 0;           ///< articles written that are copies of an earlier story
  std::size_t relinked = 0;         ///< articles whose facet values the link step changed
};

/// Runs the indexer (or --extract-only, printing JSON Lines to `out`; or --dry-run, printing
/// "add|update|remove FILE" lines to `out`). With --rebuild, builds a new generation folder and
/// swaps it in only when complete. Warnings are logged through spdlog; a fatal error comes back
/// as an Error, after committing what was written before it (a file's state only once all of
/// its articles are written).
Result<Summary> run_index(const IndexOptions& options, std::ostream& out);

/// The one-line summary printed at the end of a run.
std::string summary_line(const Summary& s);

/// Exit status: 0 all indexed, 1 some input skipped, 5 pruning refused (--max-prune), 128+signal
/// when interrupted (errors map
/// through newsidx::exit_code: 2 usage, 3 database, 4 file system, 75 lock busy).
int summary_exit_code(const Summary& s);

/// Installs SIGINT/SIGTERM handlers that ask a running run_index to commit and stop. It stops
/// within a second, even inside a long file (that file is redone by the next run); a worker still
/// inside an article is left running detached, so the caller should end the process (_Exit).
void install_signal_handlers();

}  // namespace newsidx::indexer
