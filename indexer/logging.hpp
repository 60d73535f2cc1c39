// Logging for newsidx-index: stderr at the chosen level, and optionally a rotated log file.
#pragma once

#include <string>

#include "common/result.hpp"
#include "indexer/options.hpp"

namespace newsidx::indexer {

/// Makes the default spdlog logger write "newsidx-index: level: message" to stderr and, with
/// --log-file, to that file too (timestamped, rotated at --log-max-size keeping --log-keep).
/// -q logs errors only, -v also each file. Fails (kIo) when the log file cannot be opened; a
/// later failure to write it (a full disk) is reported once on stderr and never ends the run.
Status setup_logging(const IndexOptions& options);

/// Writes `line` to the log file only (not stderr), when there is one: the summary, which
/// stdout already carries to cron's mail.
void log_to_file_only(const std::string& line);

}  // namespace newsidx::indexer
