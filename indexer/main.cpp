// newsidx-index: parse options, set up logging, run, report.
#include <cstdlib>
#include <iostream>

#include <spdlog/spdlog.h>

#include "indexer/logging.hpp"
#include "indexer/options.hpp"
#include "indexer/run.hpp"
#include "indexer/status.hpp"

namespace {

int fail(const newsidx::Error& e) {
  std::cerr << e.message << "\n";
  if (!e.hint.empty()) std::cerr << "hint: " << e.hint << "\n";
  return newsidx::exit_code(e.code);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsidx;
  auto opts = indexer::parse_options(argc, argv);
  if (!opts) return fail(opts.error());
  if (opts->show_help) {
    std::cout << opts->help_text;
    return 0;
  }
  if (opts->show_version) {
    std::cout << "newsidx-index 0.1.0\n";
    return 0;
  }
  if (opts->status) {
    auto status = indexer::read_status(opts->db);
    if (!status) return fail(status.error());
    std::cout << (opts->json ? indexer::status_json(*status) : indexer::status_text(*status));
    return 0;
  }
  if (auto st = indexer::setup_logging(*opts); !st) return fail(st.error());
  for (const auto& f : opts->config_files) spdlog::debug("options read from {}", f);
  indexer::install_signal_handlers();
  std::ios::sync_with_stdio(false);
  auto summary = indexer::run_index(*opts, std::cout);
  if (!summary) {
    std::cout.flush();
    spdlog::error("{}", summary.error().message);
    if (!summary.error().hint.empty()) std::cerr << "hint: " << summary.error().hint << "\n";
    return exit_code(summary.error().code);
  }
  if (!opts->extract_only) {
    const std::string line = indexer::summary_line(*summary);
    std::cout << line << "\n";
    // The log file keeps each night's summary; stdout (cron's mail) gets it once.
    indexer::log_to_file_only(line);
  } else if (summary->skipped) {
    spdlog::info("{} inputs skipped", summary->skipped);
  }
  std::cout.flush();
  // A run stopped by a signal may leave a worker inside a long article (run_index does not wait
  // for it): end without running static destructors under it.
  if (summary->interrupted) std::_Exit(indexer::summary_exit_code(*summary));
  return indexer::summary_exit_code(*summary);
}
