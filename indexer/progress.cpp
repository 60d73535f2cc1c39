// Progress bar drawing, throttled, with the rate and ETA measured since the start.
#include "progress.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace newsidx::indexer {

std::string format_progress(std::size_t done, std::size_t total, double seconds, std::size_t width) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  std::string eta = "--:--";
  if (rate > 0 && done <= total) {
    auto left = static_cast<long long>(static_cast<double>(total - done) / rate + 0.5);
    eta = left >= 3600 ? fmt::format("{}:{:02}:{:02}", left / 3600, left / 60 % 60, left % 60)
                       : fmt::format("{}:{:02}", left / 60, left % 60);
  }
  std::string tail = fmt::format(" {}/{} files  {:.1f} files/s  ETA {}", done, total, rate, eta);
  // The bar takes what the text leaves, between 10 and 40 columns; on a narrower terminal the
  // bar goes, then the rate, so that the line never wraps (a wrapped line breaks the redraw).
  if (width < tail.size() + 12) {
    std::string text = tail.substr(1);
    if (text.size() > width) text = fmt::format("{}/{} files  ETA {}", done, total, eta);
    if (text.size() > width) text.resize(width);
    return text;
  }
  std::size_t bar = std::min<std::size_t>(40, width - tail.size() - 2);
  std::size_t filled = total ? bar * std::min(done, total) / total : bar;
  return "[" + std::string(filled, '#') + std::string(bar - filled, '-') + "]" + tail;
}

ProgressBar::ProgressBar(std::size_t total, bool enabled, std::FILE* out)
    : total_(total), enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::size_t done) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done < total_) return;
  last_ = now;
  std::size_t width = 80;
  struct winsize ws {};
  if (::ioctl(::fileno(out_), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
  const double secs = std::chrono::duration<double>(now - start_).count();
  std::string line = format_progress(done, total_, secs, width - 1);
  std::fprintf(out_, "\r%s\x1b[K", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(out_, "\r\x1b[K");
  std::fflush(out_);
  drawn_ = false;
}

bool stderr_is_terminal() {
  const char* term = std::getenv("TERM");
  return ::isatty(STDERR_FILENO) == 1 && !(term && std::strcmp(term, "dumb") == 0);
}

}  // namespace newsidx::indexer
