// The ordered workers: each takes the next file in order, within the window and the byte
// budget, and fills the file's slot; the writer empties the slots in file order.
#include "pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <optional>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace newsidx::indexer {

namespace {

// A slot a file. Its chunks are a list, not a deque: an empty std::deque already holds a 512-byte
// block, and a run makes a slot for every file it reads (12 MB of the peak RSS of Reuters as
// 21,577 files, perf31); a file of one chunk takes one list node.
struct Slot {
  std::list<Chunk> chunks;
  std::optional<FileOutcome> outcome;  // set when the worker is done with the file
};

// Lowers the calling thread's priority by `PipelineLimits::worker_nice` steps (never above
// 19). Linux gives each thread its own nice value. The writer thread is the critical path of a
// run: at equal priority the scheduler left it runnable but waiting for a CPU 3.2 s of a 15 s
// run (Reuters as files, /proc schedstat), while a worker ran; the workers, a file or more ahead
// of it, can wait. Failing to change it only costs speed.
void lower_priority(int steps) {
  if (steps <= 0) return;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int now = ::getpriority(PRIO_PROCESS, tid);
  if (now == -1 && errno != 0) return;
  (void)::setpriority(PRIO_PROCESS, tid, std::min(19, now + steps));
}

}  // namespace

// What the workers share with the writer. The workers hold it through a shared_ptr: after a
// signal the writer commits and returns at once, without waiting for a worker in the middle of
// a long article, which finds the run stopped at its next article and ends.
struct Pipeline::State {
  std::vector<std::uint64_t> sizes;
  FileWork work;
  PipelineLimits limits;
  const std::atomic<int>* stop = nullptr;
  std::vector<Slot> slots;
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::size_t next = 0, done_upto = 0;  // positions in `sizes`
  std::uint64_t inflight = 0;           // bytes of the files taken by workers and not yet written
  bool writer_stopped = false;          // the writer consumes no more chunks (fatal error, or done)
  std::size_t unannounced = 0;          // files finished since the workers last woke the writer
  std::uint64_t unannounced_bytes = 0;  // and their bytes

  bool stopping() const { return stop && stop->load(); }

  // Whether a worker may take the next file now (called with `mu` held).
  bool may_take() const {
    if (next >= sizes.size() || stopping() || inflight == 0) return true;
    return next < done_upto + limits.window && inflight + sizes[next] <= limits.inflight_bytes;
  }

  // Counts a finished file of `bytes`; true when the writer is to be woken now: enough files or
  // bytes have gathered (called with `mu` held).
  bool finished(std::uint64_t bytes) {
    ++unannounced;
    unannounced_bytes += bytes;
    if (unannounced < limits.announce_files && unannounced_bytes < limits.announce_bytes) return false;
    return announced();
  }

  // Whether the next file to take is large enough to be announced alone (called with `mu` held).
  bool next_is_large() const { return next < sizes.size() && sizes[next] >= limits.announce_bytes; }

  // Forgets the files gathered so far; true when there were any (called with `mu` held).
  bool announced() {
    const bool any = unannounced > 0;
    unannounced = 0;
    unannounced_bytes = 0;
    return any;
  }
};

Pipeline::Pipeline(std::vector<std::uint64_t> sizes, FileWork work_fn, PipelineLimits limits,
                   const std::atomic<int>* stop)
    : state_(std::make_shared<State>()) {
  auto& p = *state_;
  p.sizes = std::move(sizes);
  p.work = std::move(work_fn);
  p.limits = limits;
  p.stop = stop;
  p.slots.resize(p.sizes.size());
  const std::size_t n = p.sizes.size();
  const unsigned nthreads = n == 0 ? 0u : std::min<unsigned>(std::max(1u, limits.jobs), static_cast<unsigned>(n));
  for (unsigned j = 0; j < nthreads; ++j) threads_.emplace_back([state = state_] { run_worker(*state); });
}

Pipeline::~Pipeline() { finish(); }

// One worker: takes the next file in order, within the window and the byte budget, and hands its
// chunks and outcome to the writer through its slot.
void Pipeline::run_worker(State& p) {
  lower_priority(p.limits.worker_nice);
  for (;;) {
    std::size_t i;
    {
      std::unique_lock lk(p.mu);
      // Finished files not yet announced must reach the writer before this worker waits.
      if (!p.may_take() && p.announced()) {
        lk.unlock();
        p.produced.notify_all();
        lk.lock();
      }
      p.consumed.wait(lk, [&] { return p.may_take(); });
      if (p.next >= p.sizes.size() || p.stopping()) {
        lk.unlock();
        p.produced.notify_all();  // the writer may be waiting for a file nobody will start
        return;
      }
      i = p.next++;
      p.inflight += p.sizes[i];
    }
    auto emit = [&](Chunk chunk) {
      {
        std::unique_lock lk(p.mu);
        p.consumed.wait(lk, [&] { return p.slots[i].chunks.size() < p.limits.chunks_ahead || p.writer_stopped; });
        if (p.writer_stopped) return;  // nothing more is written: the chunk is dropped
        p.slots[i].chunks.push_back(std::move(chunk));
      }
      p.produced.notify_all();
    };
    FileOutcome r = p.work(i, emit);
    bool wake = false;
    {
      std::lock_guard lk(p.mu);
      p.slots[i].outcome = std::move(r);
      // Also at once when this worker is to wait, or when the next file is a long one.
      wake = p.finished(p.sizes[i]) || !p.may_take() || p.next_is_large();
      if (wake) p.announced();
    }
    if (wake) p.produced.notify_all();
  }
}

Pipeline::Piece Pipeline::next(std::size_t i) {
  auto& p = *state_;
  Piece piece;
  {
    std::unique_lock lk(p.mu);
    // A signal handler cannot notify: the wait looks at the flag ten times a second.
    while (!p.produced.wait_for(lk, std::chrono::milliseconds(100), [&] {
      return !p.slots[i].chunks.empty() || p.slots[i].outcome.has_value() || p.stopping();
    })) {
    }
    if (p.stopping()) {
      piece.kind = Piece::Kind::kStopped;  // stopped before this file was finished
    } else if (!p.slots[i].chunks.empty()) {
      piece.kind = Piece::Kind::kChunk;
      piece.chunk = std::move(p.slots[i].chunks.front());
      p.slots[i].chunks.pop_front();
    } else {
      piece.kind = Piece::Kind::kOutcome;
      piece.outcome = std::move(*p.slots[i].outcome);
      p.slots[i].outcome.reset();
      p.done_upto = i + 1;
    }
  }
  p.consumed.notify_all();
  return piece;
}

void Pipeline::written(std::size_t i) {
  auto& p = *state_;
  {
    std::lock_guard lk(p.mu);
    p.inflight -= p.sizes[i];
  }
  p.consumed.notify_all();
}

void Pipeline::finish() {
  auto& p = *state_;
  {
    std::lock_guard lk(p.mu);
    p.next = p.sizes.size();  // stop workers that have not started another file
    p.writer_stopped = true;  // and let those in the middle of one finish it unwritten
  }
  p.consumed.notify_all();
  // After a signal a worker may be deep in a long article: it is left to notice the stop on its
  // own (it holds the state), so that the run commits and ends within a second.
  for (auto& t : threads_) {
    if (!t.joinable()) continue;
    if (p.stopping()) t.detach();
    else t.join();
  }
  threads_.clear();
}

}  // namespace newsidx::indexer
