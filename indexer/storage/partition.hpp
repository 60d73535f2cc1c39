// Time-partitioned archives: one Xapian database per year or month under one folder, a stub
// (ARCHIVE/XAPIANDB) that lets Xapian open the folder as all partitions searched as one, and a
// small state database (ARCHIVE/state) holding each file's recorded state and its partitions.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.hpp"
#include "common/stub_file.hpp"
#include "indexer/storage/writer.hpp"

namespace newsidx::indexer {

enum class PartitionScheme { kNone, kYear, kMonth };

/// The partition of undated articles.
inline constexpr std::string_view kUndatedPartition = "undated";
/// The state database's folder inside the archive folder (never listed in the stub).
inline constexpr std::string_view kStateDbName = "state";
/// The stub file Xapian looks for inside a folder given as a database path.
inline constexpr std::string_view kArchiveStubName = stub_file::kFolderStubName;

/// "year", "month", "none" -> the scheme; anything else -> nullopt.
std::optional<PartitionScheme> parse_partition_scheme(std::string_view name);

/// The scheme's name as parse_partition_scheme accepts it.
std::string partition_scheme_name(PartitionScheme scheme);

/// The partition of a date slot value "YYYYMMDD": "2022" (year), "2022-01" (month), or
/// "undated" when the value is not a date.
std::string partition_of(std::string_view date_value, PartitionScheme scheme);

/// The scheme recorded in the archive folder's state database, or nullopt when `archive` is not
/// a partitioned archive (absent, a plain database, a stub file). An error naming the path and
/// the reason when that cannot be told: the folder or its state database cannot be read
/// (permission denied: kIo; a damaged state database, or a file in its place: kDatabase, with
/// the hint to rebuild the archive with --rebuild).
Result<std::optional<PartitionScheme>> archive_scheme(const std::string& archive);

/// What the folder `archive` shows of a partitioned archive without its state database (for
/// --rebuild of one whose state is damaged): nullopt unless it holds the archive's stub, one
/// partition at least and nothing an archive does not hold; else the scheme its partitions'
/// names show ("2022": year, "2022-01": month), kNone when they do not tell ("undated" alone).
std::optional<PartitionScheme> partitions_on_disk(const std::string& archive);

/// The recorded state of every file of a partitioned archive (for --dry-run), read without
/// taking the lock.
Result<std::unordered_map<std::string, FileState>> load_archive_states(const std::string& archive);

/// What `--rebuild` of a partitioned archive holds while it builds: the new archive goes into a
/// sibling folder (same file system) and replaces the old one whole, in one rename.
struct ArchiveRebuild {
  std::string archive;               ///< the archive folder being replaced (may not exist yet)
  std::string building;              ///< where the new archive is built: ARCHIVE.rebuild-PID
  std::unique_ptr<WriteLock> lock;   ///< the old archive's lock (its state database), if any
};

/// Starts a rebuild of `archive` (`partitioned`: archive_scheme found one there, or
/// partitions_on_disk one with a damaged state): takes the old archive's lock (waiting as a run
/// would; a state database too damaged to open holds none) and removes folders left by
/// interrupted rebuilds. Refuses a path holding anything else, such as a plain database.
Result<ArchiveRebuild> start_archive_rebuild(const std::string& archive, bool partitioned,
                                             const WriterOptions& options);

/// Swaps the built archive in (renameat2 RENAME_EXCHANGE, so searches open the old or the new
/// one, never a mix), then releases the old lock and deletes the old archive. Call once the
/// PartitionedWriter of `building` is closed.
Status finish_archive_rebuild(ArchiveRebuild& rebuild);

/// Removes the partial new archive; the old one stays as it was.
void abandon_archive_rebuild(ArchiveRebuild& rebuild);

/// The writer of a partitioned archive: one Writer per partition, opened when first needed,
/// and the state database's Writer, which also holds the archive's lock for the whole run.
class PartitionedWriter final : public ArchiveWriter {
 public:
  /// Opens (or creates) the archive folder `archive` for `scheme`. Refuses a folder holding a
  /// plain database or other files, and an archive partitioned by another scheme.
  static Result<std::unique_ptr<PartitionedWriter>> open(const std::string& archive,
                                                         PartitionScheme scheme,
                                                         const WriterOptions& options);
  ~PartitionedWriter() override;

  /// ArchiveWriter::begin_file, write_articles and end_file: each article goes into its date's
  /// partition, unless its id is already an article in another partition (see take_restores); at end_file the file's articles left in other partitions (a date changed, an
  /// article gone) are removed. An article whose date moved counts as added to its new
  /// partition and removed from its old one. One batch for all partitions: a commit happens once
  /// options.batch_size articles are pending, after a chunk or a file.
  Status begin_file(const std::string& file_key, const std::string& root) override;
  Status write_articles(std::vector<BuiltArticle> chunk) override;
  Result<WriteCounts> end_file(const FileState& state) override;
  /// Records a file's state (in the state database) without touching its documents.
  Status record_state(const std::string& file_key, const FileState& state) override;
  /// Removes every article of `file_key` from every partition holding some, and its state.
  Result<WriteCounts> remove_file(const std::string& file_key) override;
  /// The recorded state of every file indexed before, by file key; a file marked to be read
  /// again (in the state database or a partition) has the provisional state.
  Result<std::unordered_map<std::string, FileState>> file_states() const override;
  /// ArchiveWriter::take_restores: an id keeps one article across partitions (in the partition
  /// it was first written to), so its holders are restored as in one database.
  std::vector<Restore> take_restores() override;
  /// Commits the partitions, then the state (so recorded state never runs ahead of the
  /// documents), then rewrites the stub if a partition was created.
  Status commit() override;
  /// ArchiveWriter::set_archive_metadata and archive_metadata: kept in the state database.
  Status set_archive_metadata(const std::string& key, const std::string& value) override;
  Result<std::map<std::string, std::string>> archive_metadata(const std::string& prefix) const override;
  /// ArchiveWriter::databases: every partition, opened (past the usual limit of open ones).
  Result<std::vector<Xapian::WritableDatabase>> databases() override;

  /// Compacts (Xapian::Database::compact) every closed partition, one whose period sorts before
  /// `current_period` ("undated" never closes), changed since its last compaction. Each copy is
  /// built beside its partition and swapped in with one rename, holding the partition's write
  /// lock, so searches go on meanwhile. Call after commit(). Returns the partitions compacted.
  Result<std::vector<std::string>> compact_closed(const std::string& current_period);

 private:
  struct Impl;
  explicit PartitionedWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsidx::indexer
