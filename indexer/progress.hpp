// The progress bar newsidx-index draws on stderr when (and only when) it is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace newsidx::indexer {

/// One progress line: "[#####-----]  120/1000 files  34.5 files/s  ETA 0:25", fitted to `width`
/// columns. Pure, for testing; ETA is "--:--" until a rate is known.
std::string format_progress(std::size_t done, std::size_t total, double seconds, std::size_t width);

/// Redraws the line at most ten times a second; does nothing unless `enabled`.
class ProgressBar {
 public:
  /// `enabled` is decided by the caller (option on and isatty(stderr)).
  ProgressBar(std::size_t total, bool enabled, std::FILE* out = stderr);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  /// Records that `done` files are finished, redrawing if due.
  void update(std::size_t done);
  /// Erases the line, so that the summary and logs start on a clean line.
  void finish();

 private:
  std::size_t total_;
  bool enabled_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

/// Whether a progress bar belongs on stderr: it is a terminal and TERM is not "dumb".
bool stderr_is_terminal();

}  // namespace newsidx::indexer
