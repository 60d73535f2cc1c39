// What a run writes through, whether the archive is one database (Writer) or a time-partitioned
// folder of them (PartitionedWriter): a file's articles, in chunks, then its recorded state.
#pragma once

#include <cstdint>
#include <map>
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

  /// The state recorded for a file some of whose articles are committed before its end: no
  /// size, time or hash, so the next run never takes it for unchanged and redoes it, or prunes
  /// its articles if the file under `root` is gone.
  static FileState provisional(std::string root) { return FileState{0, 0, "", std::move(root)}; }
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

/// A file to read again, whole, because it holds an article whose content is stale: the file
/// the content came from no longer holds the id, or went back a version. Which of the holders is
/// the article is decided again as they are written (see take_restores).
struct Restore {
  std::string id_term;
  std::string holder_term;  ///< the XFILE term of the file to read again
};

/// The writer of an archive. Its unit is a file: a file's state is recorded only with or after
/// all of its documents, never before them; so a run that stops anywhere leaves every file whose
/// state is recorded whole, and the next run redoes the rest. A file may be written in chunks
/// (begin_file, write_articles..., end_file) so that a feed of a thousand articles is never
/// built whole; a commit may then fall between its chunks, leaving some of its articles
/// rewritten and its state not yet recorded, which the next run redoes. What is not committed
/// when the writer is destroyed is discarded.
class ArchiveWriter {
 public:
  virtual ~ArchiveWriter() = default;
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  /// Starts writing `file_key`, found under the archive folder `root` (one file at a time):
  /// what it held before is noted, to be removed by end_file unless written again. A commit
  /// before end_file records a provisional state for the file (no size, time or hash, its root),
  /// so that the next run redoes the file, or removes its articles if the file is gone.
  virtual Status begin_file(const std::string& file_key, const std::string& root) = 0;

  /// Writes the next articles of the file begun: each replaces the article with its id term
  /// (its quotes replaced too). May commit when a batch is full.
  virtual Status write_articles(std::vector<BuiltArticle> chunk) = 0;

  /// Ends the file begun: articles it held before and no chunk wrote again are removed, and
  /// `state` is recorded. Counts for the whole file: added = articles new to the archive,
  /// updated = articles replaced, removed = articles dropped. May commit when a batch is full.
  virtual Result<WriteCounts> end_file(const FileState& state) = 0;

  /// The whole file in one chunk: begin_file, write_articles, end_file.
  Result<WriteCounts> write_file(const std::string& file_key, const FileState& state,
                                 std::vector<BuiltArticle> articles) {
    if (auto s = begin_file(file_key, state.root); !s) return s.error();
    if (auto s = write_articles(std::move(articles)); !s) return s.error();
    return end_file(state);
  }

  /// Records a file's state without touching its documents (content unchanged, mtime moved).
  virtual Status record_state(const std::string& file_key, const FileState& state) = 0;

  /// Removes every article (and its quotes) that came from `file_key`, and its recorded state.
  /// Only `removed` is counted.
  virtual Result<WriteCounts> remove_file(const std::string& file_key) = 0;

  /// The recorded state of every file indexed before, by file key (read in one pass).
  virtual Result<std::unordered_map<std::string, FileState>> file_states() const = 0;

  /// The id rule: several files may hold one id; the article is the record with the newest
  /// version where the format carries one (Article::version), else, and on a tie, the last in
  /// walk order; it is removed only with its last holder. When the file an article's content
  /// came from lets go of the id (or goes back a version), the other holders are to be read
  /// again, whole: this names them, once. The mark is stored with the change that needed it,
  /// so a run stopped before it reads them leaves them marked, and file_states() gives them a
  /// provisional state: the next run reads them as changed.
  virtual std::vector<Restore> take_restores() { return {}; }

  /// Commits everything written so far. After a database error nothing more is written or
  /// committed: every later call returns that error (a failed database may be damaged, and a
  /// commit would make the damage permanent).
  virtual Status commit() = 0;

  /// Sets (with "", clears) an archive-wide metadata entry, such as a skipped file's record or
  /// the last run's (common/schema.hpp names the keys), committed with the next commit.
  virtual Status set_archive_metadata(const std::string& key, const std::string& value) = 0;

  /// Every archive-wide metadata entry whose key starts with `prefix`, by key.
  virtual Result<std::map<std::string, std::string>> archive_metadata(const std::string& prefix) const = 0;

  /// Every database of the archive holding articles, open for writing (uncommitted writes
  /// visible), for the cluster step (indexer/cluster_step) and the link step (indexer/link_step),
  /// whose writes commit with the rest.
  virtual Result<std::vector<Xapian::WritableDatabase>> databases() = 0;

 protected:
  ArchiveWriter() = default;
};

}  // namespace newsidx::indexer
