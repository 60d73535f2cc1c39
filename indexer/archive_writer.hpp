// What a run writes through, whether the archive is one database (Writer) or a time-partitioned
// folder of them (PartitionedWriter): whole files with their recorded state, then a commit.
#pragma once

#include <cstdint>
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

/// How one file's write changed the archive, in articles (their quotes are not counted).
struct WriteCounts {
  std::size_t added = 0, updated = 0, removed = 0;

  /// Adds another write's counts to these.
  WriteCounts& operator+=(const WriteCounts& o) {
    added += o.added;
    updated += o.updated;
    removed += o.removed;
    return *this;
  }
};

/// The writer of an archive. Its unit is a whole file: a file's documents and its recorded state
/// are committed together, or the state after the documents, never before them; so a run that
/// stops anywhere leaves every file whose state is recorded whole, and the next run redoes the
/// rest. What is not committed when the writer is destroyed is discarded.
class ArchiveWriter {
 public:
  virtual ~ArchiveWriter() = default;
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  /// Writes all articles of one file: each replaces the article with its id term (its quotes
  /// replaced too), articles the file held before and no longer holds are removed, and `state`
  /// is recorded. Counts: added = articles new to the archive, updated = articles replaced,
  /// removed = articles dropped. May commit (whole files) when a batch is full.
  virtual Result<WriteCounts> write_file(const std::string& file_key, const FileState& state,
                                         std::vector<BuiltArticle> articles) = 0;

  /// Records a file's state without touching its documents (content unchanged, mtime moved).
  virtual Status record_state(const std::string& file_key, const FileState& state) = 0;

  /// Removes every article (and its quotes) that came from `file_key`, and its recorded state.
  /// Only `removed` is counted.
  virtual Result<WriteCounts> remove_file(const std::string& file_key) = 0;

  /// The recorded state of every file indexed before, by file key (read in one pass).
  virtual Result<std::unordered_map<std::string, FileState>> file_states() const = 0;

  /// Commits everything written so far.
  virtual Status commit() = 0;

 protected:
  ArchiveWriter() = default;
};

}  // namespace newsidx::indexer
