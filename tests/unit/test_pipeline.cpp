// Unit tests of indexer/pipeline: the ordered workers, driven by fake workers (no files, no
// database): what the writer receives comes in file order whatever the threads' timing, and
// the workers stay within the window, the byte budget and the chunks-ahead bound.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "indexer/pipeline.hpp"

using namespace newsidx::indexer;
using namespace std::chrono_literals;

namespace {

// A chunk of one article whose id term names the file and the chunk: "2:1".
Chunk marker(std::size_t file, std::size_t chunk) {
  BuiltArticle b;
  b.article.id_term = std::to_string(file) + ":" + std::to_string(chunk);
  return Chunk{std::move(b)};
}

// Drives `pipe` over `n` files as the writer does; what it received, one entry per chunk
// ("2:1") or outcome ("2 done: <error field>"), in the order received.
std::vector<std::string> drain(Pipeline& pipe, std::size_t n, const std::function<void(std::size_t)>& after = {}) {
  std::vector<std::string> got;
  for (std::size_t i = 0; i < n; ++i) {
    for (;;) {
      Pipeline::Piece piece = pipe.next(i);
      REQUIRE(piece.kind != Pipeline::Piece::Kind::kStopped);
      if (piece.kind == Pipeline::Piece::Kind::kOutcome) {
        got.push_back(std::to_string(i) + " done: " + piece.outcome.error);
        break;
      }
      for (const auto& b : piece.chunk) got.push_back(b.article.id_term);
    }
    if (after) after(i);
    pipe.written(i);
  }
  return got;
}

}  // namespace

TEST_CASE("pipeline: each file's chunks then its outcome reach the writer in file order, whatever the workers' timing",
          "[pipeline]") {
  const std::size_t n = 8;
  // Earlier files take longer, so later ones finish first.
  FileWork work = [n](std::size_t i, const EmitChunk& emit) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3 * (n - i)));
    for (std::size_t c = 0; c <= i % 3; ++c) emit(marker(i, c));
    FileOutcome r;
    r.error = "file " + std::to_string(i);
    return r;
  };
  Pipeline pipe(std::vector<std::uint64_t>(n, 10), work, PipelineLimits{4, 8, 1000, 2}, nullptr);
  const auto got = drain(pipe, n);
  pipe.finish();
  std::vector<std::string> want;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t c = 0; c <= i % 3; ++c) want.push_back(std::to_string(i) + ":" + std::to_string(c));
    want.push_back(std::to_string(i) + " done: file " + std::to_string(i));
  }
  CHECK(got == want);
}

TEST_CASE("pipeline: workers take a file only within the byte budget and the window, a larger file alone",
          "[pipeline]") {
  // Bytes taken by workers and not yet written, as the fake workers and the writer see them.
  struct Seen {
    std::mutex mu;
    std::uint64_t inflight = 0;
    std::size_t files = 0;  // files taken and not yet written
    std::uint64_t max_inflight = 0;
    std::size_t max_files = 0;
    std::vector<std::string> over;  // files taken beyond a limit
  };
  auto seen = std::make_shared<Seen>();
  const std::vector<std::uint64_t> sizes{3, 3, 3, 10, 2, 2, 1, 1, 1, 1, 1, 4};
  const std::uint64_t budget = 6;
  const std::size_t window = 3;
  FileWork work = [seen, sizes, budget](std::size_t i, const EmitChunk& emit) {
    {
      std::lock_guard lk(seen->mu);
      if (seen->inflight != 0 && seen->inflight + sizes[i] > budget) seen->over.push_back(std::to_string(i));
      seen->inflight += sizes[i];
      ++seen->files;
      seen->max_inflight = std::max(seen->max_inflight, seen->inflight);
      seen->max_files = std::max(seen->max_files, seen->files);
    }
    std::this_thread::sleep_for(2ms);
    emit(marker(i, 0));
    return FileOutcome{};
  };
  Pipeline pipe(sizes, work, PipelineLimits{4, window, budget, 2}, nullptr);
  const auto got = drain(pipe, sizes.size(), [&](std::size_t i) {
    std::this_thread::sleep_for(3ms);  // a slow writer, so workers would run ahead
    std::lock_guard lk(seen->mu);
    seen->inflight -= sizes[i];
    --seen->files;
  });
  pipe.finish();
  CHECK(got.size() == 2 * sizes.size());
  CHECK(seen->over.empty());
  CHECK(seen->max_inflight == 10);  // the 10-byte file, alone
  // The window counts from the file the writer took last; that file is still being written.
  CHECK(seen->max_files <= window + 1);
  CHECK(seen->max_files >= 2);  // small files did run side by side
}

TEST_CASE("pipeline: a worker runs at most chunks_ahead chunks ahead of a slow writer", "[pipeline]") {
  auto emitted = std::make_shared<std::atomic<std::size_t>>(0);
  FileWork work = [emitted](std::size_t i, const EmitChunk& emit) {
    for (std::size_t c = 0; c < 10; ++c) {
      emit(marker(i, c));
      ++*emitted;
    }
    return FileOutcome{};
  };
  Pipeline pipe({100}, work, PipelineLimits{2, 4, 1000, 2}, nullptr);
  std::size_t taken = 0, most_ahead = 0;
  for (;;) {
    std::this_thread::sleep_for(5ms);
    most_ahead = std::max(most_ahead, emitted->load() - taken);
    Pipeline::Piece piece = pipe.next(0);
    if (piece.kind != Pipeline::Piece::Kind::kChunk) break;
    ++taken;
  }
  pipe.written(0);
  pipe.finish();
  CHECK(taken == 10);
  // The queue holds two; a third may be counted between the writer's take and its count.
  CHECK(most_ahead <= 3);
}

TEST_CASE("pipeline: a stop signal ends the writer's wait and finish without waiting for a busy worker",
          "[pipeline]") {
  auto stop = std::make_shared<std::atomic<int>>(0);
  auto release = std::make_shared<std::atomic<bool>>(false);
  auto ended = std::make_shared<std::atomic<bool>>(false);
  auto started = std::make_shared<std::atomic<bool>>(false);
  // The worker owns what it reads (it may outlive the pipeline), the stop flag included.
  FileWork work = [release, ended, started, stop](std::size_t i, const EmitChunk& emit) {
    if (i == 1) {
      started->store(true);
      // A long article: the worker is busy until the test lets it go.
      while (!release->load()) std::this_thread::sleep_for(1ms);
      emit(marker(i, 0));  // dropped: the writer has stopped
      ended->store(true);
    }
    return FileOutcome{};
  };
  {
    Pipeline pipe({1, 1}, work, PipelineLimits{2, 4, 1000, 2}, stop.get());
    CHECK(pipe.next(0).kind == Pipeline::Piece::Kind::kOutcome);
    pipe.written(0);
    // The signal must come while file 1 is being worked on (a slow build, under the sanitizers,
    // may not have started it yet, and a stopped pipeline starts no file).
    for (int k = 0; k < 20000 && !started->load(); ++k) std::this_thread::sleep_for(1ms);
    REQUIRE(started->load());
    stop->store(15);
    CHECK(pipe.next(1).kind == Pipeline::Piece::Kind::kStopped);
    pipe.finish();  // returns although file 1's worker is still busy
    CHECK_FALSE(ended->load());
  }
  release->store(true);
  for (int k = 0; k < 20000 && !ended->load(); ++k) std::this_thread::sleep_for(1ms);
  CHECK(ended->load());
}

TEST_CASE("pipeline: workers run below the writer's priority, so the writer gets a CPU first", "[pipeline]") {
  const auto nice_of_this_thread = [] {
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
  };
  const int writer_nice = nice_of_this_thread();
  std::mutex mu;
  std::vector<int> seen;
  FileWork work = [&](std::size_t, const EmitChunk&) {
    const int n = nice_of_this_thread();
    std::lock_guard lk(mu);
    seen.push_back(n);
    return FileOutcome{};
  };
  PipelineLimits limits;
  limits.jobs = 2;
  Pipeline pipe(std::vector<std::uint64_t>(4, 10), work, limits, nullptr);
  drain(pipe, 4);
  pipe.finish();
  REQUIRE(seen.size() == 4);
  for (int n : seen) CHECK(n == std::min(19, writer_nice + limits.worker_nice));
  CHECK(nice_of_this_thread() == writer_nice);  // the writer's own priority is unchanged

  // worker_nice 0 leaves the workers at the writer's priority.
  seen.clear();
  limits.worker_nice = 0;
  Pipeline equal(std::vector<std::uint64_t>(2, 10), work, limits, nullptr);
  drain(equal, 2);
  equal.finish();
  for (int n : seen) CHECK(n == writer_nice);
}

namespace {

// Times the calling thread has given up its CPU to wait (voluntary context switches).
long waits_of_this_thread() {
  rusage u{};
  REQUIRE(::getrusage(RUSAGE_THREAD, &u) == 0);
  return u.ru_nvcsw;
}

}  // namespace

TEST_CASE("pipeline: a writer faster than its worker is woken once for a batch of small files, not once a file",
          "[pipeline]") {
  // Small files that each take the worker a moment: the writer, with nothing to do, waits for
  // every one. Woken for each, it gave up its CPU once a file (two thread switches a file:
  // 21,577 on Reuters as files).
  const std::size_t n = 320;
  FileWork work = [](std::size_t, const EmitChunk&) {
    std::this_thread::sleep_for(200us);
    return FileOutcome{};
  };
  PipelineLimits limits{1, 64, 4u << 20, 2};
  Pipeline pipe(std::vector<std::uint64_t>(n, 800), work, limits, nullptr);
  const long before = waits_of_this_thread();
  const auto got = drain(pipe, n);
  const long waits = waits_of_this_thread() - before;
  pipe.finish();
  CHECK(got.size() == n);
  CHECK(waits <= static_cast<long>(n / limits.announce_files + 20));
}

TEST_CASE("pipeline: a finished file reaches a waiting writer while the worker is busy with a long next one",
          "[pipeline]") {
  auto release = std::make_shared<std::atomic<bool>>(false);
  // File 1 is a long article that ends only once the writer has had file 0.
  FileWork work = [release](std::size_t i, const EmitChunk&) {
    if (i == 1)
      for (int k = 0; k < 20000 && !release->load(); ++k) std::this_thread::sleep_for(1ms);
    FileOutcome r;
    r.error = release->load() ? "late" : "in time";
    return r;
  };
  PipelineLimits limits{1, 64, 4u << 20, 2};
  Pipeline pipe({10, 10}, work, limits, nullptr);
  Pipeline::Piece first = pipe.next(0);
  release->store(true);
  REQUIRE(first.kind == Pipeline::Piece::Kind::kOutcome);
  CHECK(first.outcome.error == "in time");
  pipe.written(0);
  CHECK(pipe.next(1).kind == Pipeline::Piece::Kind::kOutcome);
  pipe.written(1);
  pipe.finish();
}
