// Where a run writes: one database, a time-partitioned archive, or a --rebuild of either, chosen
// once from the options; the run then writes through one ArchiveWriter and settles the target.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "indexer/storage/archive_writer.hpp"
#include "indexer/options.hpp"
#include "indexer/storage/writer.hpp"

namespace newsidx::indexer {

/// The archive a run writes to, open for writing, with what a --rebuild holds while it builds
/// (the old database's lock, the new generation or archive folder).
class ArchiveTarget {
 public:
  ~ArchiveTarget();
  ArchiveTarget(const ArchiveTarget&) = delete;
  ArchiveTarget& operator=(const ArchiveTarget&) = delete;

  /// The writer every write of the run goes through. Valid until settle().
  ArchiveWriter& writer();

  /// Whether this is a --rebuild of a single database (which prunes nothing: the new
  /// generation holds only what the run wrote).
  bool plain_rebuild() const;

  /// --compact: compacts the closed partitions of a partitioned archive (those before today's,
  /// in local time) changed since their last compaction; nothing for a single database. Call
  /// after the run's last commit. Returns the partitions compacted.
  Result<std::vector<std::string>> compact();

  /// Closes the writer (what is not committed is discarded). A --rebuild is then swapped in
  /// when `ok` (a whole run), or its partial copy removed, leaving the previous database or
  /// archive as it was. Returns the swap's error; Ok for a target that is not a rebuild.
  Status settle(bool ok);

  /// Whether settle() handles a rebuild (swapped in or abandoned).
  bool rebuilding() const;

 private:
  struct Impl;
  explicit ArchiveTarget(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend Result<std::unique_ptr<ArchiveTarget>> open_target(const IndexOptions&, WriterOptions);
};

/// Opens where `options` say the run writes: the partition scheme asked for or the archive's
/// own (a scheme other than the archive's, or --compact of a single database, is a usage
/// error; --relink of a path holding no database is kNotFound, creating nothing); with --rebuild, the new generation (single database) or sibling archive folder,
/// holding the lock of the one it replaces. `writer_options.before_commit` applies to a single
/// database only. A signal while waiting for the lock fails with kInterrupted.
Result<std::unique_ptr<ArchiveTarget>> open_target(const IndexOptions& options, WriterOptions writer_options);

}  // namespace newsidx::indexer
