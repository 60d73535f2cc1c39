// Database opening and Xapian error mapping.
#include "xapian_db.hpp"

#include <chrono>
#include <filesystem>
#include <thread>

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

}  // namespace

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
  for (;;) {
    try {
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
      if (auto st = check_schema(db, path, true); !st) return st.error();
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
