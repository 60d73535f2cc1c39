// The single writer: replaces documents by id term, drops what a file no longer holds, records
// per-file state for incremental runs, and commits in batches (each commit is all-or-nothing).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"
#include "indexer/storage/archive_writer.hpp"
#include "indexer/storage/db_files.hpp"

namespace newsidx::indexer {

/// A file's state as its metadata entry holds it: "size mtime_ns hash root" ("-" for no hash).
std::string encode_state(const FileState& s);
/// Parses encode_state's text; nullopt when it is not one.
std::optional<FileState> decode_state(const std::string& s);

struct WriterOptions {
  int lock_timeout_ms = 0;
  /// Set (non-zero) by a signal handler: stop waiting for a lock and fail with kInterrupted.
  const std::atomic<int>* stop = nullptr;
  /// Documents per commit; also bounds the writer's memory, as Xapian buffers a batch.
  std::size_t batch_size = 1000;
  /// Called with the database just before each commit (the indexer settles the batch's copies
  /// of one story then, indexer/cluster_step); a Xapian::Error it throws fails the commit.
  std::function<void(Xapian::WritableDatabase&)> before_commit;
};

/// The writer of one database.
class Writer final : public ArchiveWriter {
 public:
  /// Opens (or creates) the database `loc` (what locate_db found at a folder or a stub file: the
  /// caller locates it once) for writing. Refuses an unwritable path before touching it; a lock
  /// still held after the timeout is kLocked, naming the holder's pid and command where /proc
  /// shows it.
  static Result<std::unique_ptr<Writer>> open(const DbLocation& loc, const WriterOptions& options);
  ~Writer() override;

  /// ArchiveWriter::begin_file, write_articles and end_file. A commit happens once
  /// options.batch_size documents (articles and quotes) are pending, after a chunk or a file.
  Status begin_file(const std::string& file_key, const std::string& root) override;
  Status write_articles(std::vector<BuiltArticle> chunk) override;
  Result<WriteCounts> end_file(const FileState& state) override;

  /// A file being written: the ids of the articles it held before and no chunk has written
  /// again, and what its chunks changed so far. Plain data, so that a PartitionedWriter can keep
  /// a partition's file in progress while that partition's Writer is closed and opened again
  /// (detach_file, attach_file); every write still goes through begin_file, write_articles and
  /// end_file.
  struct FileWrite {
    std::string key;
    std::set<std::string> stale;
    WriteCounts counts;
  };
  /// Takes the file begun and not ended (nullopt if none), before this Writer is closed: its
  /// provisional state is recorded by a commit before that (see begin_file).
  std::optional<FileWrite> detach_file();
  /// Gives a Writer of the same database, opened again, the file detach_file took, to go on
  /// with write_articles and end_file.
  void attach_file(FileWrite file);
  /// ArchiveWriter::record_state.
  Status record_state(const std::string& file_key, const FileState& state) override;
  /// ArchiveWriter::remove_file.
  Result<WriteCounts> remove_file(const std::string& file_key) override;
  /// ArchiveWriter::file_states.
  Result<std::unordered_map<std::string, FileState>> file_states() const override;
  /// ArchiveWriter::commit.
  Status commit() override;
  /// ArchiveWriter::databases: this one database.
  Result<std::vector<Xapian::WritableDatabase>> databases() override;
  /// ArchiveWriter::set_archive_metadata and archive_metadata: this database's metadata.
  Status set_archive_metadata(const std::string& key, const std::string& value) override;
  Result<std::map<std::string, std::string>> archive_metadata(const std::string& prefix) const override;
  /// ArchiveWriter::take_restores.
  std::vector<Restore> take_restores() override;
  /// Marks the holders named to be read again (committed with the next commit; take_restores
  /// then names them too): how a partitioned archive's state database keeps its partitions'
  /// marks, as file_states() reads them from there.
  Status mark_reread(const std::vector<Restore>& holders);
  /// Clears `file_key`'s mark to be read again (end() does it for a file written here).
  Status clear_reread(const std::string& file_key);

  /// The database error that stopped this writer, if any: after it nothing more is written or
  /// committed, and every call returns it.
  std::optional<Error> failure() const;

  /// The recorded state of `file_key`, if the file was indexed before; a database error is
  /// returned (and stops the writer), never taken for "not indexed".
  Result<std::optional<FileState>> file_state(const std::string& file_key) const;

  /// Sets (or, with "", clears) a metadata entry, committed with the next commit.
  Status set_metadata(const std::string& key, const std::string& value);

  /// A metadata entry ("" when absent); a database error is returned (and stops the writer).
  Result<std::string> metadata(const std::string& key) const;

  /// Shares the set of ids already warned about as repeats in this run with other writers (an
  /// archive's partitions), so that an id is warned about once per run.
  void share_warned(std::shared_ptr<std::set<std::string>> warned);

  /// The id terms of the articles deleted since the last call (their last holder went), taken.
  std::vector<std::string> take_deleted();

  /// Whether the database holds the article with this id term (committed or not).
  bool has_article(const std::string& id_term) const;
  /// The XFILE term of the holder whose record is the article `id_term` ("" if none or absent).
  std::string source_of(const std::string& id_term) const;

  /// An article as stored, with its quotes and the XFILE terms of its holders: what a
  /// partitioned archive moves from one partition to another (put_article, delete_article).
  struct StoredArticle {
    BuiltArticle built;
    std::set<std::string> holders;
  };
  /// The article `id_term` with its quotes; nullopt when absent.
  Result<std::optional<StoredArticle>> article(const std::string& id_term);
  /// Writes an article taken from another database (article()) as it is, holders included.
  Status put_article(const BuiltArticle& stored);
  /// Deletes the article `id_term` and its quotes (not counted: the caller moves it).
  Status delete_article(const std::string& id_term);


 private:
  struct Impl;
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::optional<FileWrite> file_;  // the file begun and not ended
};

/// The recorded state of every file in the database at `path`, read without taking the write
/// lock (for --dry-run). An absent database has none.
Result<std::unordered_map<std::string, FileState>> load_file_states(const std::string& path);

/// The XFILE terms of the files marked to be read again in the database at `path` (see
/// ArchiveWriter::take_restores), read without taking the write lock.
Result<std::set<std::string>> load_reread_marks(const std::string& path);

/// Holds the write lock of an existing database without checking its schema, so that --rebuild
/// can replace a database of another version or a damaged one while keeping other runs out.
class WriteLock {
 public:
  /// Waits up to options.lock_timeout_ms for the lock of the database `loc` (as locate_db found it). A database too damaged to
  /// open yields a lock that holds nothing (and `held()` false); a busy lock yields kLocked.
  static Result<std::unique_ptr<WriteLock>> acquire(const DbLocation& loc, const WriterOptions& options);
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
