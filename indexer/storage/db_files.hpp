// The database on disk as the operator sees it: a plain Xapian folder or a stub file naming one
// generation folder, checks made before any write, naming a lock's holder, and the atomic swap
// that --rebuild ends with.
#pragma once

#include <string>
#include <vector>

#include "common/result.hpp"

namespace newsidx::indexer {

/// What lies at a --db path.
enum class DbKind {
  kAbsent,     ///< nothing there yet
  kDirectory,  ///< a plain Xapian database folder
  kStub,       ///< a stub file ("auto DIR") naming the current generation folder
};

struct DbLocation {
  DbKind kind = DbKind::kAbsent;
  std::string path;  ///< the --db path as given
  std::string dir;   ///< the database folder itself (for a stub, the folder it names)
};

/// Finds what is at `path`. A file that is not a one-line stub, or a non-empty folder that holds
/// no Xapian database, is refused (kSchemaMismatch) so that nothing foreign is ever written to.
Result<DbLocation> locate_db(const std::string& path);

/// Refuses (kIo, with a hint) a database folder, or the folder it would be created in, that this
/// process cannot write: Xapian would otherwise fail only at the first commit.
Status check_writable(const DbLocation& loc);

/// "pid 1234 (newsidx-index --db ...)" for the process holding DIR/flintlock, or "" when no
/// holder is visible (another user's process, or none).
std::string lock_holder(const std::string& db_dir);

/// A fresh, unused generation folder name beside `db_path`: "<name>.gen-<time>-<pid>".
std::string new_generation_dir(const std::string& db_path);

/// Removes generation and swap leftovers of earlier interrupted --rebuild runs beside `db_path`,
/// except `keep` (the current generation). Call only while holding the database's write lock.
std::vector<std::string> remove_stale_generations(const std::string& db_path, const std::string& keep);

/// Makes `db_path` a stub naming `generation_dir` in one atomic step: rename() over an existing
/// stub, or renameat2(RENAME_EXCHANGE) with a plain database folder. Returns the folder that
/// held the previous database (to remove once its lock is released), or "" if none.
Result<std::string> swap_in_generation(const DbLocation& current, const std::string& generation_dir);

}  // namespace newsidx::indexer
