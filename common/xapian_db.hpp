// Opening newsidx databases: the one place that catches Xapian exceptions and maps them to Error,
// and that checks the schema version.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
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
/// `lock_timeout_ms` (0 = fail at once) as wait_for_lock does, `stop` ending the wait. Stamps the
/// schema version on a new database; refuses a database of another version or one that is not a
/// newsidx database (kSchemaMismatch), and a held lock (kLocked).
Result<Xapian::WritableDatabase> open_write(const std::string& path, int lock_timeout_ms,
                                            const std::atomic<int>* stop = nullptr);

/// The first bytes of the stub file `path`, up to stub_file::kMaxStubBytes + 1 (more than
/// kMaxStubBytes means it is no stub), for stub_file::parse; kIo when it cannot be read. The
/// indexer's checks and the opening here read stubs through it.
Result<std::string> read_stub_text(const std::string& path);

/// True when PATH opens as a Xapian database without newsidx's schema mark (of any version):
/// another program's, never to be written to or replaced. False when it has the mark or cannot
/// be opened (absent, or too damaged to tell). Opens read-only: nothing is changed.
bool foreign_database(const std::string& path);

/// What went wrong in a Xapian call, told apart by the exception's type (never its message).
enum class Kind {
  kLock,            ///< DatabaseLockError: the write lock is held, or its file cannot be opened
  kModified,        ///< DatabaseModifiedError: a writer committed over the revision being read
  kCorrupt,         ///< DatabaseCorruptError
  kUnreadable,      ///< a plain DatabaseError without errno: a block that cannot be read
                    ///< ("EOF reading block", a truncated table)
  kOpening,         ///< DatabaseOpeningError (and DatabaseNotFoundError): no database there
  kCreate,          ///< DatabaseCreateError: the folder it goes in is missing or unwritable
  kVersion,         ///< DatabaseVersionError: a database format this Xapian cannot read
  kQueryParser,     ///< QueryParserError: query text Xapian cannot parse
  kInvalidArgument, ///< InvalidArgumentError (e.g. a remote server refusing a match spy)
  kOther,           ///< any other Xapian::Error (a write error such as a full disk, network...)
};

/// A caught Xapian exception: its kind, the Error it maps to (with the context, e.g. the path,
/// in the message and a hint where one helps), and Xapian's own words for messages that quote
/// them ("NetworkError: Couldn't connect: Connection refused").
struct Failure {
  Kind kind = Kind::kOther;
  Error error;
  std::string detail;
};

/// Runs fn; a Xapian::Error it throws is returned as a Failure (nothing when fn succeeded).
/// The one try/catch: the helpers below and every caller go through it.
std::optional<Failure> attempt(const std::string& context, const std::function<void()>& fn);

/// Runs fn, mapping any Xapian::Error to Error.
Status guarded(const std::string& context, const std::function<void()>& fn);

/// Runs fn and returns its value, or the Error a Xapian exception maps to (as mu's
/// xapian_try_result). fn must return a value (not void: use guarded).
template <typename Fn>
auto try_result(const std::string& context, Fn&& fn) -> Result<std::invoke_result_t<Fn&>> {
  std::optional<std::invoke_result_t<Fn&>> out;
  if (auto failed = attempt(context, [&] { out.emplace(fn()); })) return failed->error;
  return std::move(*out);
}

/// How many times run_reading reopens a database that keeps changing before giving up.
inline constexpr int kMaxReopens = 5;

/// Runs fn, which reads `db`; when a writer commits over the revision being read
/// (DatabaseModifiedError), reopens `db` at the new revision and runs fn again, up to
/// kMaxReopens times ("database keeps changing" after). Other failures are returned with their
/// kind, so the caller can tell them apart.
std::optional<Failure> run_reading(Xapian::Database& db, const std::string& context,
                                   const std::function<void()>& fn);

/// Parses `text` with `parser` and `flags`; a QueryParserError gives its message (the query
/// side turns it into a usage error), any other Xapian error is thrown on.
Result<Xapian::Query> parse_query(Xapian::QueryParser& parser, const std::string& text, unsigned flags);

/// Whether this process could open the lock file of the database folder `dir` (flintlock, or
/// the folder to create it in): Xapian reports a lock file it cannot open (permissions, a
/// read-only file system) as a DatabaseLockError too, which must not be taken for a busy lock.
bool lock_file_usable(const std::string& dir);

/// The one wait for a write lock. Runs `open`, which opens a database in `lock_dir` for writing,
/// and while it fails because another writer holds the lock, runs it again every 200 ms until
/// `timeout_ms` has passed (then kLocked, "gave up after N s") or `stop` is set (kInterrupted:
/// a signal ends the wait). A lock file this process cannot open is kIo at once; any other
/// failure is returned at once with its kind. Nothing when `open` succeeded.
std::optional<Failure> wait_for_lock(const std::string& context, const std::string& lock_dir, int timeout_ms,
                                     const std::atomic<int>* stop, const std::function<void()>& open);

}  // namespace newsidx::xapian_db
