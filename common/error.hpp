// Error values returned across module boundaries, and the process exit code each maps to.
#pragma once

#include <string>

namespace newsidx {

/// What kind of failure an Error reports; each kind has one exit code.
enum class ErrorCode {
  kUsage,            ///< bad command line or query syntax
  kBadInput,         ///< an input file or record could not be used
  kNotFound,         ///< a database or file that should exist does not
  kSchemaMismatch,   ///< the database was written by another schema version
  kLocked,           ///< the database's write lock is held by another process
  kDatabase,         ///< any other Xapian failure (corrupt, unreadable, disk full)
  kIo,               ///< file-system failure outside Xapian
  kInterrupted,      ///< stopped by a signal
};

/// One failure: a one-line message and, where one helps, a hint on what to do next.
struct Error {
  ErrorCode code = ErrorCode::kDatabase;
  std::string message;
  std::string hint;
};

/// Exit status documented in the README: 2 usage/bad query, 75 lock busy (EX_TEMPFAIL),
/// 3 database problems, 4 I/O, 130 interrupted.
int exit_code(ErrorCode code);

}  // namespace newsidx
