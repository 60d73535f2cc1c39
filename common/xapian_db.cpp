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

// Stub files are opened line by line here rather than by Xapian, so that a bad line, or a
// partition that fails, is named with its file and line, and --partial can leave remote ones out.
namespace {

using stub_file::StubLine;

// The stub file behind PATH, or "" when Xapian opens PATH itself (a database folder, a
// single-file database, or nothing at all).
std::string stub_of(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  if (fs::is_directory(p, ec)) {
    for (const char* marker : {"iamglass", "iamchert", "iamhoney"})
      if (fs::exists(p / marker, ec)) return "";
    return fs::is_regular_file(p / "XAPIANDB", ec) ? (p / "XAPIANDB").string() : "";
  }
  if (!fs::is_regular_file(p, ec)) return "";
  std::ifstream in(p, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return stub_file::is_single_file_database(std::string_view(head, static_cast<std::size_t>(in.gcount()))) ? "" : path;
}

Result<std::vector<StubLine>> read_stub(const std::string& stub) {
  std::ifstream in(stub, std::ios::binary);
  if (!in)
    return Error{ErrorCode::kIo, stub + ": cannot read the stub file", "check its permissions (ls -l " + stub + ")"};
  std::string text(stub_file::kMaxStubBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
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

Error line_error(const Xapian::Error& e, const std::string& where, const StubLine& line) {
  if (!line.remote()) return to_error(e, where);
  const std::string hint = line.kind == StubLine::Kind::kTcp
      ? "start xapian-tcpsrv on " + line.target + " (docs/deployment.md), or add --partial to search the others"
      : "check that '" + line.target + (line.args.empty() ? "" : " " + line.args) +
            "' runs from a shell here, or add --partial to search the others";
  const char* reason = e.get_error_string();  // errno's text, e.g. "Connection refused"
  return {ErrorCode::kDatabase,
          where + ": remote partition '" + line.text + "' did not open (" + e.get_type() + ": " + e.get_msg() +
              (reason && *reason ? std::string(": ") + reason : std::string()) + ")",
          hint};
}

Result<ReadDatabase> open_stub(const std::string& stub, bool partial) {
  auto lines = read_stub(stub);
  if (!lines) return lines.error();
  ReadDatabase out;
  bool any = false;
  for (const auto& line : *lines) {
    const std::string where = stub + ":" + std::to_string(line.line);
    try {
      out.db.add_database(open_line(line, fs::path(stub).parent_path()));
      any = true;
    } catch (const Xapian::Error& e) {
      if (!partial || !line.remote()) return line_error(e, where, line);
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
  ReadDatabase out;
  if (const std::string stub = stub_of(path); !stub.empty()) {
    auto opened = open_stub(stub, partial);
    if (!opened) return opened.error();
    out = std::move(opened).value();
  } else {
    try {
      out.db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
      return to_error(e, path);
    }
  }
  try {
    if (auto st = check_schema(out.db, path, false); !st) return st.error();
  } catch (const Xapian::Error& e) {
    return to_error(e, path);
  }
  return out;
}

}  // namespace

Result<Xapian::Database> open_read(const std::string& path) {
  auto opened = open_stub_or_database(path, false);
  if (!opened) return opened.error();
  return std::move(opened->db);
}

Result<ReadDatabase> open_read_partial(const std::string& path) { return open_stub_or_database(path, true); }

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
