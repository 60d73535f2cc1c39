// Logger set-up: a stderr sink and an optional rotating file sink.
#include "logging.hpp"

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "indexer/progress.hpp"

namespace newsidx::indexer {

namespace {
spdlog::sink_ptr g_file_sink;  // the --log-file sink, if any
std::string g_log_file;
std::atomic<bool> g_log_failed{false};

// Logging never ends a run: a log file that cannot be written (a full disk, a removed folder)
// is reported once on stderr, and the run goes on logging to stderr.
void log_failure(const std::string& why) {
  if (g_log_failed.exchange(true)) return;
  std::fprintf(stderr, "newsidx-index: warning: cannot write the log file %s: %s; going on without it\n",
               g_log_file.c_str(), why.c_str());
}
}  // namespace

Status setup_logging(const IndexOptions& o) {
  spdlog::level::level_enum level = spdlog::level::info;
  if (o.log_level == LogLevel::kQuiet) level = spdlog::level::err;
  if (o.log_level == LogLevel::kVerbose) level = spdlog::level::debug;

  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  // Over a progress bar, a log line first erases the bar (which redraws itself after).
  const bool bar = o.progress && o.log_level != LogLevel::kQuiet && stderr_is_terminal();
  console->set_pattern(std::string(bar ? "\r\x1b[K" : "") + "%n: %^%l%$: %v");
  std::vector<spdlog::sink_ptr> sinks{console};
  if (!o.log_file.empty()) {
    try {
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(o.log_file, o.log_max_bytes,
                                                                         o.log_keep);
      // The file outlives the terminal: each line says when and which process.
      file->set_pattern("%Y-%m-%d %H:%M:%S.%e [%P] %l: %v");
      // The log file names every skipped file whatever the verbosity: -q quiets stderr only.
      file->set_level(std::min(level, spdlog::level::warn));
      console->set_level(level);
      level = std::min(level, spdlog::level::warn);
      sinks.push_back(file);
      g_file_sink = file;
      g_log_file = o.log_file;
    } catch (const spdlog::spdlog_ex& e) {
      return Error{ErrorCode::kIo, "newsidx-index: cannot open log file: " + std::string(e.what()),
                   "check the --log-file path and its folder's permissions"};
    }
  }
  auto logger = std::make_shared<spdlog::logger>("newsidx-index", sinks.begin(), sinks.end());
  logger->set_level(level);
  logger->flush_on(spdlog::level::info);
  logger->set_error_handler([](const std::string& why) { log_failure(why); });
  spdlog::set_default_logger(logger);
  return Ok{};
}

void log_to_file_only(const std::string& line) {
  if (!g_file_sink) return;
  try {
    g_file_sink->log(spdlog::details::log_msg("newsidx-index", spdlog::level::info, line));
    g_file_sink->flush();
  } catch (const spdlog::spdlog_ex& e) {
    log_failure(e.what());
  }
}

}  // namespace newsidx::indexer
