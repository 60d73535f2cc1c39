// The ordered workers of a run: files in, analysed chunks out in file order, bounded by a byte
// budget. Workers read and build in parallel; the one consumer (the writer) takes each file's
// chunks and then its outcome in file order, so a run's outcome does not depend on thread timing.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "indexer/storage/archive_writer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

/// Everything a worker produced for one file, besides its chunks.
struct FileOutcome {
  bool unchanged = false;   ///< same size+mtime, or same content hash
  bool state_only = false;  ///< content unchanged but mtime moved: record the new state
  bool failed = false;      ///< unreadable: nothing to write, old documents kept
  std::string error;
  FileState state;
  std::vector<std::string> extract_lines;  ///< --extract-only: one JSON line per article
  std::vector<readers::ReadWarning> warnings;
  std::size_t articles_read = 0;
};

/// A file's built articles travel to the writer in chunks (see the limits below).
using Chunk = std::vector<BuiltArticle>;
/// Hands one chunk of the file being worked on to the writer; blocks while the file is
/// `chunks_ahead` chunks ahead of it, and drops the chunk once the writer has stopped.
using EmitChunk = std::function<void(Chunk)>;
/// A worker's job: the file at `index` of the pipeline's list, its chunks given to `emit`.
/// Called on worker threads; it must own (or share) everything it reads, since after a stop
/// a worker inside a long article is left to end on its own.
using FileWork = std::function<FileOutcome(std::size_t index, const EmitChunk& emit)>;

/// How far workers may run ahead of the writer.
struct PipelineLimits {
  unsigned jobs = 1;          ///< worker threads (at most one per file)
  std::size_t window = 4;     ///< files taken by workers and not yet finished by the writer
  /// Bytes of input taken by workers and not yet written; a file larger than this runs alone.
  /// Built documents take about forty times their text, and a multi-article file (a Reuters
  /// .sgm, a JSON Lines feed) holds a thousand articles: a window counted in files alone let two
  /// or three 2.5 MB feeds be in memory at once (445 MB peak on a 200,000-article archive).
  std::uint64_t inflight_bytes = 4u << 20;
  /// Chunks of one file waiting for the writer, so one large file is never held built whole.
  std::size_t chunks_ahead = 2;
  /// Nice steps the workers take below the calling thread, so that the writer (the critical
  /// path) gets a CPU whenever it can run; 0 keeps them equal.
  int worker_nice = 10;
  /// Finished files, and their bytes, that workers let gather before they wake a waiting writer
  /// (sooner when no worker can take another file, and within the writer's tenth-of-a-second
  /// look): a wake-up a file made the two threads switch 21,577 times on Reuters as files.
  std::size_t announce_files = 16;
  std::uint64_t announce_bytes = 64u << 10;
};

/// The workers and the slots they fill. Construction starts the workers; the writer then calls
/// next(i) for i = 0, 1, ... in order until each file's outcome comes, and written(i) once it
/// has written that file.
class Pipeline {
 public:
  /// Starts min(jobs, files) workers over the files whose sizes (bytes) are `sizes`, in order.
  /// A non-zero `*stop` (set by a signal handler) stops workers before their next file and the
  /// writer's wait within a tenth of a second.
  Pipeline(std::vector<std::uint64_t> sizes, FileWork work, PipelineLimits limits,
           const std::atomic<int>* stop);
  /// finish(), if not called yet.
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// What next() gives: a chunk of the file, its outcome (the file is done), or a stop.
  struct Piece {
    enum class Kind { kChunk, kOutcome, kStopped } kind = Kind::kStopped;
    Chunk chunk;
    FileOutcome outcome;
  };

  /// Waits for the next chunk or the outcome of file `index` (the file after the last whose
  /// outcome was taken). kStopped when `*stop` is set.
  Piece next(std::size_t index);

  /// The writer is done with file `index`: its bytes leave the budget.
  void written(std::size_t index);

  /// Stops the workers: none starts another file, and chunks still emitted are dropped. Joins
  /// them, or, after a stop signal, leaves them to end on their own (they share the pipeline's
  /// state), so the writer can commit and end within a second.
  void finish();

 private:
  struct State;
  static void run_worker(State& state);
  std::shared_ptr<State> state_;
  std::vector<std::thread> threads_;
};

}  // namespace newsidx::indexer
