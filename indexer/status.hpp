// What an archive holds and how its runs went: the skipped-file and last-run records a run keeps
// in the database metadata, and `newsidx-index --status` (text or JSON) built from them.
#pragma once

#include <cstddef>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "indexer/storage/archive_writer.hpp"

namespace newsidx::indexer {

/// A file left out (wholly or partly) for bad input, as recorded until it changes and indexes.
struct SkippedFile {
  std::string key;                   ///< the file key (path relative to its archive folder)
  std::string path;                  ///< the path as the run named it
  std::vector<std::string> reasons;  ///< "line 3: malformed JSON ...", "cannot read: ..."
  bool operator==(const SkippedFile&) const = default;
};

/// The metadata value of a skipped file: its path, then one reason a line. Pure.
std::string encode_skipped(const SkippedFile& f);
/// Parses encode_skipped's value for `key`; nullopt for an empty value.
std::optional<SkippedFile> decode_skipped(const std::string& key, const std::string& value);

/// The skipped-file records of an archive, kept up to date by a run through its writer: a file
/// skipped (wholly or in part) is recorded with its reasons until a run reads it without any.
class SkipLedger {
 public:
  /// Loads the records `writer`'s archive holds.
  static Result<SkipLedger> load(const ArchiveWriter& writer);
  /// A file this run read: records `reasons`, or clears the file's old record when empty.
  Status file_read(ArchiveWriter& writer, const std::string& key, const std::string& path,
                   const std::vector<std::string>& reasons);
  /// Clears the record of a file whose articles were pruned.
  Status forget(ArchiveWriter& writer, const std::string& key);
  /// The record of `key`, left from an earlier run, or nullptr.
  const SkippedFile* recorded(const std::string& key) const;
  /// The file keys recorded.
  std::vector<std::string> keys() const;

 private:
  std::map<std::string, SkippedFile> files_;  // by file key
};

/// How the last run ended, as recorded in the metadata (outcome is one word).
struct RunRecord {
  std::string start;    ///< UTC, "2026-12-06T02:30:00Z"
  std::string end;      ///< "" while running, or when the run was killed
  std::string outcome;  ///< running, completed, skipped-input, interrupted, failed, prune-refused
  std::string detail;   ///< a sentence: counts, the signal, the error
};

/// `t` as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_timestamp(std::time_t t);

/// Records `run` as the archive's last run (committed with the writer's next commit).
Status record_run(ArchiveWriter& writer, const RunRecord& run);

/// An archive folder files were indexed from, as their recorded states name it.
struct FolderFiles {
  std::string folder;  ///< its absolute path; "" for files named on the command line
  std::size_t files = 0;
  bool exists = true;  ///< false once the folder is gone (moved or renamed)
};

/// Everything --status prints.
struct ArchiveStatus {
  std::string db;
  std::string partition = "none";  ///< none, year or month
  std::size_t partitions = 0;      ///< databases of a partitioned archive
  std::size_t articles = 0, quotations = 0, files = 0;
  std::optional<RunRecord> last_run;
  std::string lock_holder;         ///< "pid N (...)" when a run holds the lock now, else ""
  std::vector<SkippedFile> skipped;
  std::vector<FolderFiles> folders;  ///< sorted by folder
};

/// Reads the status of the database or partitioned archive at `db`, without taking its lock.
/// kNotFound when nothing is there.
Result<ArchiveStatus> read_status(const std::string& db);

/// The status as lines of text for a terminal. Pure.
std::string status_text(const ArchiveStatus& s);

/// The status as one JSON object (docs/operations.md, "--status --json"). Pure.
std::string status_json(const ArchiveStatus& s);

/// The number of articles held by `file_keys` alone (no other file holds their id) and in the
/// whole archive at `db`, as last committed (for --max-prune).
struct PruneShare {
  std::size_t articles = 0, total = 0;
};
Result<PruneShare> prune_share(const std::string& db, const std::vector<std::string>& file_keys);

}  // namespace newsidx::indexer
