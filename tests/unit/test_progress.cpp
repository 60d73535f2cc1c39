// Unit tests for indexer/progress: the progress line's text, and what the bar writes and when.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "indexer/progress.hpp"

using newsidx::indexer::format_progress;
using newsidx::indexer::ProgressBar;

namespace {

// Everything written to a FILE* opened on memory, read once the stream is flushed.
class Captured {
 public:
  Captured() : file_(::open_memstream(&buf_, &size_)) {}
  ~Captured() {
    std::fclose(file_);
    std::free(buf_);
  }
  Captured(const Captured&) = delete;
  Captured& operator=(const Captured&) = delete;
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buf_, size_);
  }

 private:
  char* buf_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

const std::string kErase = "\r\x1b[K";

}  // namespace

TEST_CASE("progress: the line shows the bar, counts, rate and ETA, within the width", "[progress]") {
  CHECK(format_progress(120, 1000, 10.0, 80) ==
        "[####-----------------------------------] 120/1000 files  12.0 files/s  ETA 1:13");
  CHECK(format_progress(1000, 1000, 20.0, 79) ==
        "[#####################################] 1000/1000 files  50.0 files/s  ETA 0:00");
  // Hours once the rest takes an hour or more.
  CHECK(format_progress(1, 100000, 1.0, 80) ==
        "[------------------------------------] 1/100000 files  1.0 files/s  ETA 27:46:39");
  for (std::size_t width : {60, 79, 80, 120, 200}) {
    INFO(width);
    CHECK(format_progress(300, 1000, 3.0, width).size() <= width);
  }
}

TEST_CASE("progress: on a narrow terminal the bar, then the rate, give way, so the line never wraps", "[progress]") {
  for (std::size_t width = 20; width <= 200; ++width)
    CHECK(format_progress(120, 1000, 10.0, width).size() <= width);
  CHECK(format_progress(120, 1000, 10.0, 40) == "120/1000 files  12.0 files/s  ETA 1:13");
  CHECK(format_progress(120, 1000, 10.0, 30) == "120/1000 files  ETA 1:13");
  CHECK(format_progress(120, 1000, 10.0, 12) == "120/1000 fil");
}

TEST_CASE("progress: no ETA before a rate is known, the bar never over full", "[progress]") {
  CHECK(format_progress(0, 1000, 0.0, 80) ==
        "[----------------------------------------] 0/1000 files  0.0 files/s  ETA --:--");
  // More done than announced (files added while walking): a full bar and no ETA.
  CHECK(format_progress(5, 0, 1.0, 80) == "[########################################] 5/0 files  5.0 files/s  ETA --:--");
  const std::string over = format_progress(1200, 1000, 2.0, 80);
  CHECK(over.substr(0, over.find(']')).find('-') == std::string::npos);
  CHECK(over.find("] 1200/1000 files  600.0 files/s  ETA --:--") != std::string::npos);
}

TEST_CASE("progress: a disabled bar writes nothing", "[progress]") {
  Captured out;
  {
    ProgressBar bar(10, false, out.file());
    bar.update(1);
    bar.update(10);
    bar.finish();
  }
  CHECK(out.text().empty());
}

TEST_CASE("progress: the bar redraws at most ten times a second, the last file always drawn", "[progress]") {
  Captured out;
  ProgressBar bar(3, true, out.file());
  const auto t0 = std::chrono::steady_clock::now();
  bar.update(1);
  bar.update(2);
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  const std::string first = out.text();
  CHECK(first.rfind("\r[", 0) == 0);
  CHECK(first.find(" 1/3 files ") != std::string::npos);
  CHECK(first.substr(first.size() - 3) == "\x1b[K");
  // At once again: not redrawn (checked when the two calls did come within a tenth of a second:
  // on a loaded machine the thread may sleep longer than that between them).
  if (elapsed < std::chrono::milliseconds(90))
    CHECK(first.find(" 2/3 files ") == std::string::npos);
  else
    WARN("the two updates were " << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                                 << " ms apart: the no-redraw check is left out");
  // The last file is drawn at once, whatever the time.
  bar.update(3);
  const std::string last = out.text();
  REQUIRE(last.size() > first.size());
  CHECK(last.find(" 3/3 files ") != std::string::npos);
  if (elapsed < std::chrono::milliseconds(90)) CHECK(last.find(" 2/3 files ") == std::string::npos);
}

TEST_CASE("progress: after a tenth of a second the bar is redrawn", "[progress]") {
  Captured out;
  ProgressBar bar(10, true, out.file());
  bar.update(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  bar.update(2);
  CHECK(out.text().find(" 2/10 files ") != std::string::npos);
}

TEST_CASE("progress: finishing erases the line once, so the summary starts clean", "[progress]") {
  Captured out;
  {
    ProgressBar bar(2, true, out.file());
    bar.finish();  // nothing drawn yet: nothing to erase
    CHECK(out.text().empty());
    bar.update(2);
    const std::size_t drawn = out.text().size();
    bar.finish();
    const std::string text = out.text();
    CHECK(text.substr(drawn) == kErase);
  }
  // The destructor does not erase a second time.
  const std::string text = out.text();
  CHECK(text.substr(text.size() - kErase.size()) == kErase);
  CHECK(text.find(kErase + kErase) == std::string::npos);
}
