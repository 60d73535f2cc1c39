// Opening newsidx databases: the one place that catches Xapian exceptions and maps them to Error,
// and that checks the schema version.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "result.hpp"

namespace newsidx::xapian_db {

/// Opens PATH for searching; fails with kNotFound, kSchemaMismatch or kDatabase and a hint.
/// PATH is a database folder, a single-file database, or a stub file (or a folder holding a
/// XAPIANDB stub) whose lines (common/stub_file.hpp) are opened one by one: a bad line or a
/// partition that fails is named with the stub's file and line number.
Result<Xapian::Database> open_read(const std::string& path);

/// A database opened for searching, and the remote partitions left out of it.
struct ReadDatabase {
  Xapian::Database db;
  std::vector<std::string> unreachable;  ///< stub lines as written, e.g. "remote 10.0.0.2:33333"
};

/// As open_read, but the remote partitions of a stub ("remote HOST:PORT", "remote :PROGRAM
/// ARGS") that fail to open are left out and listed instead of failing the whole; local lines
/// still must open. Fails when no partition opens.
Result<ReadDatabase> open_read_partial(const std::string& path);

/// Opens (creating if absent) PATH for writing, waiting for the write lock up to
/// `lock_timeout_ms` (0 = fail at once). Stamps the schema version on a new database; refuses a
/// database of another version or one that is not a newsidx database (kSchemaMismatch), and a
/// held lock (kLocked, naming the holder where Xapian tells).
Result<Xapian::WritableDatabase> open_write(const std::string& path, int lock_timeout_ms);

/// True when PATH opens as a Xapian database without newsidx's schema mark (of any version):
/// another program's, never to be written to or replaced. False when it has the mark or cannot
/// be opened (absent, or too damaged to tell). Opens read-only: nothing is changed.
bool foreign_database(const std::string& path);

/// Maps a Xapian exception to an Error, with `context` (e.g. the path) in the message.
Error to_error(const Xapian::Error& e, const std::string& context);

/// Runs fn, mapping any Xapian::Error to Error. The single try/catch used by callers.
Status guarded(const std::string& context, const std::function<void()>& fn);

}  // namespace newsidx::xapian_db
