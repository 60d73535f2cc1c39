// newsidx-index: parse options, set up logging, run, report.
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "indexer/options.hpp"
#include "indexer/run.hpp"

int main(int argc, char** argv) {
  using namespace newsidx;
  auto logger = spdlog::stderr_color_st("newsidx-index");
  logger->set_pattern("%n: %^%l%$: %v");
  spdlog::set_default_logger(logger);

  auto opts = indexer::parse_options(argc, argv);
  if (!opts) {
    std::cerr << opts.error().message << "\n";
    if (!opts.error().hint.empty()) std::cerr << "hint: " << opts.error().hint << "\n";
    return exit_code(opts.error().code);
  }
  if (opts->show_help) {
    std::cout << opts->help_text;
    return 0;
  }
  if (opts->show_version) {
    std::cout << "newsidx-index 0.1.0\n";
    return 0;
  }
  switch (opts->log_level) {
    case indexer::LogLevel::kQuiet: spdlog::set_level(spdlog::level::err); break;
    case indexer::LogLevel::kNormal: spdlog::set_level(spdlog::level::info); break;
    case indexer::LogLevel::kVerbose: spdlog::set_level(spdlog::level::debug); break;
  }
  indexer::install_signal_handlers();
  std::ios::sync_with_stdio(false);
  auto summary = indexer::run_index(*opts, std::cout);
  if (!summary) {
    spdlog::error("{}", summary.error().message);
    if (!summary.error().hint.empty()) std::cerr << "hint: " << summary.error().hint << "\n";
    return exit_code(summary.error().code);
  }
  if (!opts->extract_only) std::cout << indexer::summary_line(*summary) << "\n";
  else if (summary->skipped) spdlog::info("{} inputs skipped", summary->skipped);
  std::cout.flush();
  return indexer::summary_exit_code(*summary);
}
