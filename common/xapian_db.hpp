// Opening newsidx databases: the one place that catches Xapian exceptions and maps them to Error,
// and that checks the schema version.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "result.hpp"

namespace newsidx::xapian_db {

/// Opens PATH for searching; fails with kNotFound, kSchemaMismatch or kDatabase and a hint.
Result<Xapian::Database> open_read(const std::string& path);

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
