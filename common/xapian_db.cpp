// Database opening and Xapian error mapping.
#include "xapian_db.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <unistd.h>

#include "schema.hpp"

namespace newsidx::xapian_db {

namespace fs = std::filesystem;

Error to_error(const Xapian::Error& e, const std::string& context) {
  std::string what = e.get_type() + std::string(": ") + e.get_msg();
  if (!e.get_context().empty()) what += " (" + e.get_context() + ")";
  std::string type = e.get_type();
  if (type == "DatabaseLockError")
    return {ErrorCode::kLocked, context + ": database is locked by another writer: " + what,
            "wait for the other newsidx-index run to finish, or raise --lock-timeout"};
  if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError")
    return {ErrorCode::kNotFound, context + ": cannot open database: " + what,
            "check the --db path, or create it with newsidx-index --db PATH ARCHIVE"};
  if (type == "DatabaseCorruptError")
    return {ErrorCode::kDatabase, context + ": database is corrupt: " + what,
            "rebuild it with newsidx-index --rebuild"};
  // A block that cannot be read, or reads as something else, is damage the user can only mend
  // by rebuilding ("EOF reading block", "Block overwritten", bad checksums).
  if (type == "DatabaseError" && (e.get_msg().find("block") != std::string::npos ||
                                  e.get_msg().find("Block") != std::string::npos))
    return {ErrorCode::kDatabase, context + ": database is damaged and cannot be read (" + what + ")",
            "rebuild it with newsidx-index --rebuild --db " + context + " ARCHIVE..."};
  if (type == "DatabaseCreateError")
    return {ErrorCode::kIo, context + ": cannot create the database there (" + what + ")",
            "check that the folder it goes in exists and is writable, or give --db another path"};
  if (type == "DatabaseVersionError")
    return {ErrorCode::kSchemaMismatch, context + ": unsupported database format: " + what,
            "rebuild it with newsidx-index --rebuild"};
  return {ErrorCode::kDatabase, context + ": " + what, ""};
}

Status guarded(const std::string& context, const std::function<void()>& fn) {
  try {
    fn();
    return Ok{};
  } catch (const Xapian::Error& e) {
    return to_error(e, context);
  }
}

namespace {

Status check_schema(const Xapian::Database& db, const std::string& path, bool allow_new) {
  std::string v = db.get_metadata(std::string(schema::kSchemaKey));
  if (v.empty()) {
    if (allow_new && db.get_doccount() == 0) return Ok{};
    return Error{ErrorCode::kSchemaMismatch, path + ": not a newsidx database (no schema version)",
                 "point --db at a database written by newsidx-index, or at a new path"};
  }
  if (v != std::to_string(schema::kSchemaVersion))
    return Error{ErrorCode::kSchemaMismatch,
                 path + ": database has schema version " + v + ", this newsidx uses " +
                     std::to_string(schema::kSchemaVersion),
                 "rebuild it with newsidx-index --rebuild --db " + path + " ARCHIVE"};
  return Ok{};
}

// Creates a marked, empty database at `path` (absent, or an empty folder): built in a hidden
// sibling folder, then renamed into place. True when done (or another run made it meanwhile);
// false when the sibling cannot be made or renamed (an unwritable parent, a mount point), and
// the caller creates it in place as Xapian would.
Result<bool> create_marked(const std::string& path) {
  fs::path target = fs::path(path).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".new-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(tmp, ec);
  auto made = guarded(path, [&] {
    Xapian::WritableDatabase db(tmp.string(), Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kSchemaKey), std::to_string(schema::kSchemaVersion));
    db.commit();
    db.close();
  });
  if (made && std::rename(tmp.c_str(), target.c_str()) == 0) return true;
  const int err = errno;
  fs::remove_all(tmp, ec);
  if (made && (err == EEXIST || err == ENOTEMPTY)) return true;  // another run created it first
  if (!made && made.error().code != ErrorCode::kIo && made.error().code != ErrorCode::kDatabase)
    return made.error();
  return false;
}

}  // namespace

bool foreign_database(const std::string& path) {
  std::string mark;
  bool opened = false;
  auto st = guarded(path, [&] {
    Xapian::Database db(path);
    opened = true;
    mark = db.get_metadata(std::string(schema::kSchemaKey));
  });
  return st && opened && mark.empty();
}

Result<Xapian::Database> open_read(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Error{ErrorCode::kNotFound, path + ": no such database",
                 "create it first: newsidx-index --db " + path + " ARCHIVE..."};
  try {
    Xapian::Database db(path);
    if (auto st = check_schema(db, path, false); !st) return st.error();
    return db;
  } catch (const Xapian::Error& e) {
    return to_error(e, path);
  }
}

Result<Xapian::WritableDatabase> open_write(const std::string& path, int lock_timeout_ms) {
  using clock = std::chrono::steady_clock;
  auto deadline = clock::now() + std::chrono::milliseconds(lock_timeout_ms);
  // A new database appears with its schema mark already committed, so an existing one without
  // the mark, empty or not, is another program's and is never adopted.
  std::error_code ec;
  bool in_place = false;
  if (!fs::exists(path, ec) || (fs::is_directory(path, ec) && fs::is_empty(path, ec))) {
    auto created = create_marked(path);
    if (!created) return created.error();
    in_place = !*created;
  } else if (foreign_database(path)) {
    // Refused before opening for writing, which would already add files to an empty database.
    return Error{ErrorCode::kSchemaMismatch, path + ": not a newsidx database (no schema version)",
                 "point --db at a database written by newsidx-index, or at a new path"};
  }
  for (;;) {
    try {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
      if (auto st = check_schema(db, path, in_place); !st) return st.error();
      if (db.get_metadata(std::string(schema::kSchemaKey)).empty()) {
        db.set_metadata(std::string(schema::kSchemaKey), std::to_string(schema::kSchemaVersion));
        db.commit();
      }
      return db;
    } catch (const Xapian::DatabaseLockError& e) {
      if (clock::now() >= deadline) return to_error(e, path);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    } catch (const Xapian::Error& e) {
      return to_error(e, path);
    }
  }
}

}  // namespace newsidx::xapian_db
