// Database opening and Xapian error mapping.
#include "xapian_db.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "schema.hpp"
#include "stub_file.hpp"

namespace newsidx::xapian_db {

namespace fs = std::filesystem;

namespace {

// The Error for a Xapian exception of kind `kind`, with `context` (e.g. the path) in the message.
Error to_error(Kind kind, const Xapian::Error& e, const std::string& context) {
  std::string what = e.get_type() + std::string(": ") + e.get_msg();
  if (!e.get_context().empty()) what += " (" + e.get_context() + ")";
  switch (kind) {
    case Kind::kLock:
      return {ErrorCode::kLocked, context + ": database is locked by another writer: " + what,
              "wait for the other newsidx-index run to finish, or raise --lock-timeout"};
    case Kind::kOpening:
      return {ErrorCode::kNotFound, context + ": cannot open database: " + what,
              "check the --db path, or create it with newsidx-index --db PATH ARCHIVE"};
    case Kind::kCorrupt:
      return {ErrorCode::kDatabase, context + ": database is corrupt: " + what,
              "rebuild it with newsidx-index --rebuild"};
    case Kind::kUnreadable:
      return {ErrorCode::kDatabase, context + ": database is damaged and cannot be read (" + what + ")",
              "rebuild it with newsidx-index --rebuild --db " + context + " ARCHIVE..."};
    case Kind::kCreate:
      return {ErrorCode::kIo, context + ": cannot create the database there (" + what + ")",
              "check that the folder it goes in exists and is writable, or give --db another path"};
    case Kind::kVersion:
      return {ErrorCode::kSchemaMismatch, context + ": unsupported database format: " + what,
              "rebuild it with newsidx-index --rebuild"};
    case Kind::kModified:
    case Kind::kQueryParser:
    case Kind::kInvalidArgument:
    case Kind::kOther: break;
  }
  return {ErrorCode::kDatabase, context + ": " + what, ""};
}

Failure failure(Kind kind, const Xapian::Error& e, const std::string& context) {
  const char* sys = e.get_error_string();  // errno's text, e.g. "Connection refused"
  std::string detail = e.get_type() + std::string(": ") + e.get_msg();
  if (sys && *sys) detail += std::string(": ") + sys;
  return Failure{kind, to_error(kind, e, context), std::move(detail)};
}

}  // namespace

std::optional<Failure> attempt(const std::string& context, const std::function<void()>& fn) {
  // Xapian::Error has no virtual functions, so its type is told by the catch clauses, each
  // subclass before its base.
  try {
    fn();
    return std::nullopt;
  } catch (const Xapian::DatabaseLockError& e) {
    return failure(Kind::kLock, e, context);
  } catch (const Xapian::DatabaseModifiedError& e) {
    return failure(Kind::kModified, e, context);
  } catch (const Xapian::DatabaseCorruptError& e) {
    return failure(Kind::kCorrupt, e, context);
  } catch (const Xapian::DatabaseVersionError& e) {
    return failure(Kind::kVersion, e, context);
  } catch (const Xapian::DatabaseOpeningError& e) {  // and DatabaseNotFoundError
    return failure(Kind::kOpening, e, context);
  } catch (const Xapian::DatabaseCreateError& e) {
    return failure(Kind::kCreate, e, context);
  } catch (const Xapian::DatabaseClosedError& e) {
    return failure(Kind::kOther, e, context);
  } catch (const Xapian::DatabaseError& e) {
    // A plain DatabaseError: a block that cannot be read ("EOF reading block") carries no
    // errno; a failed system call (a write to a full disk) carries one.
    const char* sys = e.get_error_string();
    return failure(sys && *sys ? Kind::kOther : Kind::kUnreadable, e, context);
  } catch (const Xapian::QueryParserError& e) {
    return failure(Kind::kQueryParser, e, context);
  } catch (const Xapian::InvalidArgumentError& e) {
    return failure(Kind::kInvalidArgument, e, context);
  } catch (const Xapian::Error& e) {
    return failure(Kind::kOther, e, context);
  }
}

Status guarded(const std::string& context, const std::function<void()>& fn) {
  if (auto failed = attempt(context, fn)) return failed->error;
  return Ok{};
}

std::optional<Failure> run_reading(Xapian::Database& db, const std::string& context,
                                   const std::function<void()>& fn) {
  for (int reopened = 0;; ++reopened) {
    auto failed = attempt(context, fn);
    if (!failed || failed->kind != Kind::kModified) return failed;
    // A nightly run committed while we read: reopen at the new revision and try again.
    if (reopened >= kMaxReopens)
      return Failure{Kind::kModified, {ErrorCode::kDatabase, context + ": database keeps changing", "try again"}, ""};
    if (auto again = attempt(context, [&] { db.reopen(); })) return again;
  }
}

Result<Xapian::Query> parse_query(Xapian::QueryParser& parser, const std::string& text, unsigned flags) {
  try {
    return parser.parse_query(text, flags);
  } catch (const Xapian::QueryParserError& e) {
    return Error{ErrorCode::kUsage, e.get_msg(), ""};
  }
}

bool lock_file_usable(const std::string& dir) {
  const fs::path lock = fs::path(dir) / "flintlock";
  std::error_code ec;
  // Xapian opens the lock file for writing, creating it if absent.
  if (fs::exists(lock, ec)) return ::access(lock.c_str(), W_OK) == 0;
  return ::access(dir.c_str(), W_OK) == 0;
}

std::optional<Failure> wait_for_lock(const std::string& context, const std::string& lock_dir, int timeout_ms,
                                     const std::atomic<int>* stop, const std::function<void()>& open) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto failed = attempt(context, open);
    if (!failed || failed->kind != Kind::kLock) return failed;
    if (!lock_file_usable(lock_dir)) {
      failed->error.code = ErrorCode::kIo;
      failed->error.hint = "check the permissions of " + lock_dir;
      return failed;
    }
    // Waiting here rather than in Xapian lets a signal end the wait (systemctl stop).
    if (std::chrono::steady_clock::now() >= deadline) return failed;
    if (stop && stop->load() != 0)
      return Failure{Kind::kLock, {ErrorCode::kInterrupted, context + ": interrupted while waiting for the write lock", ""}, ""};
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

namespace {

Error not_newsidx(const std::string& path) {
  return Error{ErrorCode::kSchemaMismatch, path + ": not a newsidx database (no schema version)",
               "point --db at a database written by newsidx-index, or at a new path"};
}

// The one schema-version check, for reading and writing alike.
Status check_schema(const Xapian::Database& db, const std::string& path, bool allow_new) {
  std::string v = db.get_metadata(std::string(schema::kSchemaKey));
  if (v.empty()) {
    if (allow_new && db.get_doccount() == 0) return Ok{};
    return not_newsidx(path);
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

Result<std::string> read_stub_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{ErrorCode::kIo, path + ": cannot read the stub file", "check its permissions (ls -l " + path + ")"};
  std::string text(stub_file::kMaxStubBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

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

// Stub files are opened line by line here rather than by Xapian, so that a bad line, or a
// partition that fails, is named with its file and line, and --partial can leave remote ones out.
namespace {

using stub_file::StubLine;

// The stub file behind PATH, or "" when Xapian opens PATH itself (a database folder, a
// single-file database, or nothing at all).
// True when the folder `path` holds a Xapian database's version file.
bool holds_database(const std::string& path) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"})
    if (fs::exists(fs::path(path) / marker, ec)) return true;
  return false;
}

std::string stub_of(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) {
    if (holds_database(path)) return "";
    const fs::path stub = p / stub_file::kFolderStubName;
    return fs::is_regular_file(stub, ec) ? stub.string() : "";
  }
  if (!fs::is_regular_file(p, ec)) return "";
  std::ifstream in(p, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return stub_file::is_single_file_database(std::string_view(head, static_cast<std::size_t>(in.gcount()))) ? "" : path;
}

Result<std::vector<StubLine>> read_stub(const std::string& stub) {
  auto read = read_stub_text(stub);
  if (!read) return read.error();
  const std::string& text = *read;
  if (text.size() > stub_file::kMaxStubBytes)
    return Error{ErrorCode::kDatabase, stub + " is not a Xapian database or stub file: it is larger than 1 MiB",
                 "point --db at a database folder written by newsidx-index, or at a stub file"};
  return stub_file::parse(text, stub);
}

Xapian::Database open_line(const StubLine& line, const fs::path& dir) {
  switch (line.kind) {
    case StubLine::Kind::kTcp: return Xapian::Remote::open(line.target, line.port);
    case StubLine::Kind::kProgram: return Xapian::Remote::open(line.target, line.args);
    case StubLine::Kind::kLocal: break;
  }
  const fs::path t(line.target);
  return Xapian::Database((t.is_absolute() ? t : dir / t).string());
}

Error line_error(const Failure& failed, const std::string& where, const StubLine& line) {
  if (!line.remote()) return failed.error;
  const std::string hint = line.kind == StubLine::Kind::kTcp
      ? "start xapian-tcpsrv on " + line.target + " (docs/deployment.md), or add --partial to search the others"
      : "check that '" + line.target + (line.args.empty() ? "" : " " + line.args) +
            "' runs from a shell here, or add --partial to search the others";
  return {ErrorCode::kDatabase, where + ": remote partition '" + line.text + "' did not open (" + failed.detail + ")",
          hint};
}

Result<ReadDatabase> open_stub(const std::string& stub, bool partial) {
  auto lines = read_stub(stub);
  if (!lines) return lines.error();
  ReadDatabase out;
  bool any = false;
  for (const auto& line : *lines) {
    const std::string where = stub + ":" + std::to_string(line.line);
    auto failed = attempt(where, [&] { out.db.add_database(open_line(line, fs::path(stub).parent_path())); });
    if (!failed) {
      any = true;
    } else if (!partial || !line.remote()) {
      return line_error(*failed, where, line);
    } else {
      out.unreachable.push_back(line.text);
    }
  }
  if (!any)
    return Error{ErrorCode::kDatabase, stub + ": no partition could be opened",
                 "start the servers named in the stub, or check its paths"};
  return out;
}

Result<ReadDatabase> open_stub_or_database(const std::string& path, bool partial) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Error{ErrorCode::kNotFound, path + ": no such database",
                 "create it first: newsidx-index --db " + path + " ARCHIVE..."};
  // "--db archive/": the folder of the articles, or one never indexed, rather than the database.
  if (fs::is_directory(path, ec) && stub_of(path).empty() && !holds_database(path)) {
    if (fs::is_empty(path, ec))
      return Error{ErrorCode::kNotFound, path + ": an empty folder, not a database",
                   "create it first: newsidx-index --db " + path + " ARCHIVE..."};
    return Error{ErrorCode::kNotFound, path + ": a folder that holds no newsidx database",
                 "give the folder newsidx-index wrote with --db, not the archive it read, e.g. --db news.db"};
  }
  ReadDatabase out;
  if (const std::string stub = stub_of(path); !stub.empty()) {
    auto opened = open_stub(stub, partial);
    if (!opened) return opened.error();
    out = std::move(opened).value();
  } else if (auto st = guarded(path, [&] { out.db = Xapian::Database(path); }); !st) {
    return st.error();
  }
  Status schema_ok = Ok{};
  if (auto st = guarded(path, [&] { schema_ok = check_schema(out.db, path, false); }); !st) return st.error();
  if (!schema_ok) return schema_ok.error();
  return out;
}

// The folder whose lock file a WritableDatabase opened at `path` takes: a stub's one local
// database, else `path` itself.
std::string lock_dir_of(const std::string& path) {
  const std::string stub = stub_of(path);
  if (stub.empty()) return path;
  auto lines = read_stub(stub);
  if (!lines || lines->empty() || lines->front().remote()) return path;
  const fs::path t(lines->front().target);
  return (t.is_absolute() ? t : fs::path(stub).parent_path() / t).string();
}

}  // namespace

Result<Xapian::Database> open_read(const std::string& path) {
  auto opened = open_stub_or_database(path, false);
  if (!opened) return opened.error();
  return std::move(opened->db);
}

Result<ReadDatabase> open_read_partial(const std::string& path) { return open_stub_or_database(path, true); }

Result<Xapian::WritableDatabase> open_write(const std::string& path, int lock_timeout_ms,
                                            const std::atomic<int>* stop) {
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
    return not_newsidx(path);
  }
  Xapian::WritableDatabase db;
  Status schema_ok = Ok{};
  auto failed = wait_for_lock(path, lock_dir_of(path), lock_timeout_ms, stop, [&] {
    db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    schema_ok = check_schema(db, path, in_place);
    if (schema_ok && db.get_metadata(std::string(schema::kSchemaKey)).empty()) {
      db.set_metadata(std::string(schema::kSchemaKey), std::to_string(schema::kSchemaVersion));
      db.commit();
    }
  });
  if (failed) return failed->error;
  if (!schema_ok) return schema_ok.error();
  return db;
}

}  // namespace newsidx::xapian_db
