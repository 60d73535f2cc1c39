// The single writer: replaces documents by id term, drops what a file no longer holds, records
// per-file state for incremental runs, and commits in batches (each commit is all-or-nothing).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"
#include "indexer/document_builder.hpp"

namespace newsidx::indexer {

/// What the indexer remembers of a file between runs (stored in the database metadata, so it is
/// committed atomically with the file's documents).
struct FileState {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string hash;  ///< content hash (hex), used when size or mtime disagree
  std::string root;  ///< the archive folder it was found under ("" for a file named directly)
  bool operator==(const FileState&) const = default;
};
std::string encode_state(const FileState& s);
std::optional<FileState> decode_state(const std::string& s);

struct WriterOptions {
  int lock_timeout_ms = 0;
  /// Set (non-zero) by a signal handler: stop waiting for a lock and fail with kInterrupted.
  const std::atomic<int>* stop = nullptr;
  /// Documents per commit; also bounds the writer's memory, as Xapian buffers a batch.
  std::size_t batch_size = 1000;
};

/// How one file's write changed the database.
struct WriteCounts {
  std::size_t added = 0, updated = 0, removed = 0;
};

class Writer {
 public:
  /// Opens (or creates) the database at `path` (a folder or a stub file) for writing. Refuses a
  /// foreign or unwritable path before touching it; a lock still held after the timeout is
  /// kLocked, naming the holder's pid and command where /proc shows it.
  static Result<std::unique_ptr<Writer>> open(const std::string& path, const WriterOptions& options);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Writes all articles of one file: each replaces the document with its id term (quotes
  /// replaced too); articles the file held before and no longer holds are removed; the file's
  /// state is recorded. Commits when the batch is full.
  Result<WriteCounts> write_file(const std::string& file_key, const FileState& state,
                                 std::vector<BuiltArticle> articles);

  /// Records a file's state without touching its documents (content unchanged, mtime moved).
  Status record_state(const std::string& file_key, const FileState& state);

  /// Removes every article (and its quotes) that came from `file_key`, and its state.
  Result<WriteCounts> remove_file(const std::string& file_key);

  /// The recorded state of `file_key`, if the file was indexed before.
  std::optional<FileState> file_state(const std::string& file_key) const;

  /// The recorded state of every file indexed before, by file key (read in one pass).
  Result<std::unordered_map<std::string, FileState>> file_states() const;

  /// Commits pending changes.
  Status commit();

  /// Sets (or, with "", clears) a metadata entry, committed with the next commit.
  Status set_metadata(const std::string& key, const std::string& value);

  /// A metadata entry ("" when absent).
  std::string metadata(const std::string& key) const;

  /// Number of article documents in the database (committed or not).
  std::size_t article_count() const;

 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The recorded state of every file in the database at `path`, read without taking the write
/// lock (for --dry-run). An absent database has none.
Result<std::unordered_map<std::string, FileState>> load_file_states(const std::string& path);

/// Holds the write lock of an existing database without checking its schema, so that --rebuild
/// can replace a database of another version or a damaged one while keeping other runs out.
class WriteLock {
 public:
  /// Waits up to options.lock_timeout_ms for the lock of the database at `path`. A database too damaged to
  /// open yields a lock that holds nothing (and `held()` false); a busy lock yields kLocked.
  static Result<std::unique_ptr<WriteLock>> acquire(const std::string& path, const WriterOptions& options);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  /// Whether the lock is actually held.
  bool held() const;
  /// Releases the lock (also done by the destructor).
  void release();

 private:
  struct Impl;
  explicit WriteLock(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsidx::indexer
