// Finding the files of an archive: a recursive, sorted walk that skips hidden entries and
// files no reader understands. I/O lives here so that readers stay pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::indexer {

/// One input file. `key` is its absolute path, the archive folder resolved (symbolic links,
/// "..", a trailing '/'), so one file has one key however its folder is spelled, and files of
/// two folders never share one: the incremental state, the XFILE term and path-derived ids use
/// it. `rel` is its path relative to that folder (readers take dates and sections from it;
/// --exclude matches it); `path` is how the user named it (for messages).
struct InputFile {
  std::string path;
  std::string key;
  std::string root;  ///< absolute path of the archive folder it was found under, "" for a file
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string rel;   ///< path relative to `root`; the file name for a file named directly
};

/// The archive path that names standard input ("-", with --extract-only only): one InputFile
/// whose path, key and rel are "-"; read_standard_input reads it.
inline constexpr std::string_view kStandardInput = "-";

struct WalkProblem {
  std::string path;
  std::string reason;
};

struct WalkResult {
  std::vector<InputFile> files;          ///< in a deterministic (sorted) order
  std::vector<WalkProblem> problems;     ///< unreadable folders, missing paths
  /// Entries with an article file's name that are not files to read: a FIFO, socket or device
  /// (never opened: opening a FIFO would block), a link to one, a symbolic link loop. Each is
  /// skipped with its reason; unlike `problems`, they do not stop pruning.
  std::vector<WalkProblem> ignored;
  std::vector<std::string> unsupported;  ///< files of a folder no reader takes (README.TXT, a .pdf)
  /// Files of a folder no reader takes that may hold articles: a packed archive (.tar.gz, .zip)
  /// or an article file compressed with other than gzip (readers::packed_reason); each is warned
  /// of, not counted as skipped (it is not input newsidx could read), so a nightly run over a
  /// folder holding one stays exit 0. Also in `unsupported`.
  std::vector<WalkProblem> packed;
  std::vector<std::string> roots;        ///< absolute paths of the folders walked (for pruning)
};

/// Walks each archive path: a folder recursively, a file as itself (its `rel` is its file name).
/// A file named directly that no reader takes is `ignored`, with the reason (the user asked for
/// it); one found in a folder is `unsupported` (and `packed` where it may hold articles).
/// A file reached through two of the paths (a folder and its sub-folder, a folder given twice)
/// is taken once, under the first.
/// Hidden entries are skipped; a link to a file counts (with its target's size and time), links
/// to folders are not followed; an unreadable sub-folder is a problem and its siblings are still
/// walked. A folder's files come sorted by key.
WalkResult walk(const std::vector<std::string>& archives);

/// The same walk leaving out every file and folder matched by one of `excludes` (fnmatch
/// globs): a glob without '/' is matched against each entry's name ("*.bak", "drafts"); one with
/// '/' against its path relative to the archive folder ("desk/tmp", "*/old/*.txt"; '*' does
/// not cross '/'); a trailing '/' matches folders only ("tmp/").
WalkResult walk(const std::vector<std::string>& archives, const std::vector<std::string>& excludes);

/// Whether an entry named `name`, at `rel_path` relative to the archive folder, a folder when
/// `is_folder`, is left out by `excludes` (the rules of walk()).
bool excluded(const std::vector<std::string>& excludes, std::string_view name, std::string_view rel_path,
              bool is_folder);

/// Reads a whole file; false with `error` set on failure.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

/// Reads standard input to its end into `out`; false with `error` on a read error or when it
/// holds more than `limit` bytes.
bool read_standard_input(std::size_t limit, std::string& out, std::string& error);

/// A stable 64-bit content hash (FNV-1a), as 16 hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace newsidx::indexer
