// Finding the files of an archive: a recursive, sorted walk that skips hidden entries and
// files no reader understands. I/O lives here so that readers stay pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace newsidx::indexer {

/// One input file. `key` is its path relative to the archive root it was found under (the id
/// and incremental state use it); `path` is how the user named it (for messages).
struct InputFile {
  std::string path;
  std::string key;
  std::string root;  ///< absolute path of the archive folder it was found under, "" for a file
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

struct WalkProblem {
  std::string path;
  std::string reason;
};

struct WalkResult {
  std::vector<InputFile> files;          ///< in a deterministic (sorted) order
  std::vector<WalkProblem> problems;     ///< unreadable folders, missing paths
  std::vector<std::string> unsupported;  ///< files skipped because no reader takes them
  std::vector<std::string> roots;        ///< absolute paths of the folders walked (for pruning)
};

/// Walks each archive path: a folder recursively, a file as itself (its key is its file name).
/// Hidden entries are skipped; a link to a file counts (with its target's size and time), links
/// to folders are not followed; an unreadable sub-folder is a problem and its siblings are still
/// walked. A folder's files come sorted by key.
WalkResult walk(const std::vector<std::string>& archives);

/// Reads a whole file; false with `error` set on failure.
bool read_whole_file(const std::string& path, std::string& out, std::string& error);

/// A stable 64-bit content hash (FNV-1a), as 16 hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace newsidx::indexer
