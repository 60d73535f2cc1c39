// The single writer over a Xapian WritableDatabase.
#include "writer.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <sys/statvfs.h>
#include <thread>
#include <unordered_map>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/db_files.hpp"

namespace newsidx::indexer {

std::string encode_state(const FileState& s) {
  // The root goes last: it may contain spaces.
  return std::to_string(s.size) + " " + std::to_string(s.mtime_ns) + " " +
         (s.hash.empty() ? "-" : s.hash) + " " + s.root;
}

std::optional<FileState> decode_state(const std::string& s) {
  // Parsed by hand: a run decodes every file's state, and an istringstream per file was half
  // the time of loading them.
  const char* p = s.data();
  const char* const end = s.data() + s.size();
  const auto skip_space = [&] {
    while (p != end && (*p == ' ' || *p == '\t')) ++p;
  };
  FileState st;
  skip_space();
  auto r = std::from_chars(p, end, st.size);
  if (r.ec != std::errc{}) return std::nullopt;
  p = r.ptr;
  skip_space();
  r = std::from_chars(p, end, st.mtime_ns);
  if (r.ec != std::errc{}) return std::nullopt;
  p = r.ptr;
  skip_space();
  const char* hash = p;
  while (p != end && *p != ' ' && *p != '\t' && *p != '\n') ++p;
  if (p == hash) return std::nullopt;
  if (std::string_view(hash, static_cast<std::size_t>(p - hash)) != "-") st.hash.assign(hash, p);
  while (p != end && (*p == ' ' || *p == '\t' || *p == '\n')) ++p;
  st.root.assign(p, std::find(p, end, '\n'));
  return st;
}

namespace {

// Every recorded file state, in one pass over the metadata keys (one get_metadata per key, no
// second look-up by file key).
std::unordered_map<std::string, FileState> read_file_states(const Xapian::Database& db) {
  std::unordered_map<std::string, FileState> out;
  const std::string prefix(schema::kFileStateKeyPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string key = *it;
    if (auto st = decode_state(db.get_metadata(key))) out.emplace(key.substr(prefix.size()), std::move(*st));
  }
  return out;
}

}  // namespace

struct Writer::Impl {
  Xapian::WritableDatabase db;
  WriterOptions options;
  std::size_t pending = 0;
  std::string path;
  std::string dir;  // the database folder (behind a stub, the generation folder)
  // Words of new articles for Xapian's spelling table, summed over the batch and handed over
  // just before each commit: one add_spelling per distinct word and batch instead of one per
  // word and article (the single writer's time is the indexing rate). Only new articles
  // count: an update would count its words twice.
  std::unordered_map<std::string, Xapian::termcount> spelling;
  // The file begun and not ended: its state key and the provisional state a commit records for
  // it (see ArchiveWriter::begin_file).
  std::optional<std::pair<std::string, std::string>> open_state;

  void add_spelling(const BuiltArticle& a) {
    for (const auto& [word, wdf] : a.spelling) spelling[word] += wdf;
  }

  void commit_now() {
    if (open_state) db.set_metadata(open_state->first, open_state->second);
    for (const auto& [word, freq] : spelling) db.add_spelling(word, freq);
    spelling.clear();
    db.commit();
    pending = 0;
  }

  // Xapian reports a full disk as "Error writing block N"; say what the operator must fix.
  Error explain(Error e) const {
    struct statvfs vfs {};
    if (e.code != ErrorCode::kDatabase || ::statvfs(dir.c_str(), &vfs) != 0) return e;
    const unsigned long long free_bytes = static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize;
    if (free_bytes > 1024ULL * 1024ULL) return e;
    e.message += " (no space left on the device holding " + dir + ": " + std::to_string(free_bytes / 1024) +
                 " KiB free)";
    e.hint = "free some space and run again: the last commit is intact and the run resumes from it";
    return e;
  }

  Status check(Status st) const {
    if (st) return st;
    return explain(st.error());
  }

  Status commit() { return check(xapian_db::guarded(path, [&] { commit_now(); })); }

  std::string state_key(const std::string& file_key) const {
    return schema::clamp_term(std::string(schema::kFileStateKeyPrefix) + file_key);
  }

  // Ids of the articles currently recorded under a file.
  std::set<std::string> article_ids_of(const std::string& file_key) {
    std::set<std::string> ids;
    const std::string fterm = schema::file_term(file_key);
    const std::string qprefix = schema::prefix("id");
    for (auto p = db.postlist_begin(fterm); p != db.postlist_end(fterm); ++p) {
      auto t = db.termlist_begin(*p);
      t.skip_to(qprefix);
      if (t != db.termlist_end(*p) && (*t).rfind(qprefix, 0) == 0) ids.insert(*t);
    }
    return ids;
  }

  // Deletes articles by id term, with their quotes, counting them as removed.
  void delete_articles(const std::set<std::string>& id_terms, WriteCounts& counts) {
    for (const auto& id_term : id_terms) {
      db.delete_document(id_term);
      // The article's quotes carry XPARENT<id>; the id term is Q<id>.
      db.delete_document(schema::parent_term(id_term.substr(schema::prefix("id").size())));
      ++counts.removed;
      ++pending;
    }
  }

  // Ends one file's write: its failure, explained, or its counts once the batch is committed
  // if it is full.
  Result<WriteCounts> finish_file(const Status& written, const WriteCounts& counts) {
    if (!written) return explain(written.error());
    if (pending >= options.batch_size) {
      if (auto c = commit(); !c) return c.error();
    }
    return counts;
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() {
  if (impl_) {
    try {
      impl_->db.close();  // Discards uncommitted changes: callers commit explicitly.
    } catch (const Xapian::Error&) {
    }
  }
}

namespace {

// Whether a lock error is another writer's lock: Xapian reports an unopenable lock file
// (permissions) as a lock error too, which must not be mistaken for a busy lock.
bool locked_by_another(const Error& e) {
  return e.code == ErrorCode::kLocked && e.message.find("already locked") != std::string::npos;
}

// Rewrites a lock failure: an unopenable lock file is an I/O error; a busy lock names its holder.
Error explain_lock_error(Error e, const DbLocation& loc, int timeout_ms) {
  if (e.code != ErrorCode::kLocked) return e;
  if (!locked_by_another(e)) {
    e.code = ErrorCode::kIo;
    e.hint = "check the permissions of " + loc.dir;
    return e;
  }
  std::string holder = lock_holder(loc.dir);
  e.message = loc.path + ": database is locked by another writer" +
              (holder.empty() ? std::string(" (holder not visible to this user)") : " (" + holder + ")") +
              "; gave up after " + std::to_string(timeout_ms / 1000) + " s";
  return e;
}

Error interrupted(const std::string& path) {
  return Error{ErrorCode::kInterrupted, path + ": interrupted while waiting for the write lock", ""};
}

bool stopped(const WriterOptions& o) { return o.stop && o.stop->load() != 0; }

// Calls `attempt` again while another writer holds the lock, up to options.lock_timeout_ms.
// Waiting here rather than in Xapian lets a signal end the wait (systemctl stop).
template <typename T, typename Attempt>
Result<T> wait_for_lock(const std::string& path, const WriterOptions& options, Attempt attempt) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.lock_timeout_ms);
  for (;;) {
    Result<T> r = attempt();
    if (r || !locked_by_another(r.error()) || std::chrono::steady_clock::now() >= deadline) return r;
    if (stopped(options)) return interrupted(path);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::open(const std::string& path, const WriterOptions& options) {
  auto loc = locate_db(path);
  if (!loc) return loc.error();
  if (auto w = check_writable(*loc); !w) return w.error();
  auto db = wait_for_lock<Xapian::WritableDatabase>(path, options, [&] { return xapian_db::open_write(path, 0); });
  if (!db) return explain_lock_error(db.error(), *loc, options.lock_timeout_ms);
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  impl->options = options;
  impl->path = path;
  impl->dir = loc->dir;
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

Result<Writer::FileWrite> Writer::begin(const std::string& file_key, const std::string& root) {
  FileWrite file{file_key, {}, {}};
  auto st = xapian_db::guarded(impl_->path, [&] { file.stale = impl_->article_ids_of(file_key); });
  if (!st) return impl_->explain(st.error());
  impl_->open_state.emplace(impl_->state_key(file_key), encode_state(FileState::provisional(root)));
  return file;
}

Status Writer::write(FileWrite& file, std::vector<BuiltArticle> chunk) {
  WriteCounts& counts = file.counts;
  auto st = xapian_db::guarded(impl_->path, [&] {
    auto& db = impl_->db;
    for (auto& a : chunk) {
      file.stale.erase(a.article.id_term);
      const bool exists = db.term_exists(a.article.id_term);
      if (exists) ++counts.updated;
      else ++counts.added;
      if (exists) {
        // Quotes are replaced wholesale: the article may now hold fewer of them.
        db.delete_document(a.parent_term);
        db.replace_document(a.article.id_term, a.article.doc);
        for (auto& q : a.quotes) db.replace_document(q.id_term, q.doc);
      } else {
        // A new article (and so new quotes): add_document skips replace_document's look-up of
        // the id term, which is most of a first build's writes (issue 7 measured 15% faster).
        impl_->add_spelling(a);
        db.add_document(a.article.doc);
        for (auto& q : a.quotes) db.add_document(q.doc);
      }
      impl_->pending += 1 + a.quotes.size();
    }
  });
  if (auto done = impl_->finish_file(st, counts); !done) return done.error();
  return Ok{};
}

Result<WriteCounts> Writer::end(FileWrite& file, const FileState& state) {
  impl_->open_state.reset();
  auto st = xapian_db::guarded(impl_->path, [&] {
    impl_->delete_articles(file.stale, file.counts);
    file.stale.clear();
    impl_->db.set_metadata(impl_->state_key(file.key), encode_state(state));
  });
  return impl_->finish_file(st, file.counts);
}

Status Writer::begin_file(const std::string& file_key, const std::string& root) {
  auto file = begin(file_key, root);
  if (!file) return file.error();
  file_ = std::move(file).value();
  return Ok{};
}

Status Writer::write_articles(std::vector<BuiltArticle> chunk) {
  if (!file_) return Error{ErrorCode::kDatabase, impl_->path + ": internal error: write_articles without begin_file", ""};
  return write(*file_, std::move(chunk));
}

Result<WriteCounts> Writer::end_file(const FileState& state) {
  if (!file_) return Error{ErrorCode::kDatabase, impl_->path + ": internal error: end_file without begin_file", ""};
  auto counts = end(*file_, state);
  file_.reset();
  return counts;
}

Status Writer::record_state(const std::string& file_key, const FileState& state) {
  return impl_->check(xapian_db::guarded(impl_->path, [&] {
    impl_->db.set_metadata(impl_->state_key(file_key), encode_state(state));
  }));
}

Result<WriteCounts> Writer::remove_file(const std::string& file_key) {
  WriteCounts counts;
  auto st = xapian_db::guarded(impl_->path, [&] {
    impl_->delete_articles(impl_->article_ids_of(file_key), counts);
    impl_->db.set_metadata(impl_->state_key(file_key), "");
  });
  return impl_->finish_file(st, counts);
}

std::optional<FileState> Writer::file_state(const std::string& file_key) const {
  std::string v;
  try {
    v = impl_->db.get_metadata(impl_->state_key(file_key));
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
  if (v.empty()) return std::nullopt;
  return decode_state(v);
}

Result<std::unordered_map<std::string, FileState>> Writer::file_states() const {
  std::unordered_map<std::string, FileState> out;
  auto st = xapian_db::guarded(impl_->path, [&] { out = read_file_states(impl_->db); });
  if (!st) return impl_->explain(st.error());
  return out;
}

Status Writer::commit() { return impl_->commit(); }
Result<std::vector<Xapian::WritableDatabase>> Writer::databases() {
  return std::vector<Xapian::WritableDatabase>{impl_->db};
}

Status Writer::set_metadata(const std::string& key, const std::string& value) {
  return impl_->check(xapian_db::guarded(impl_->path, [&] { impl_->db.set_metadata(key, value); }));
}

Status Writer::set_archive_metadata(const std::string& key, const std::string& value) {
  return set_metadata(key, value);
}

Result<std::map<std::string, std::string>> Writer::archive_metadata(const std::string& prefix) const {
  std::map<std::string, std::string> out;
  auto st = xapian_db::guarded(impl_->path, [&] {
    for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix); ++it)
      out.emplace(*it, impl_->db.get_metadata(*it));
  });
  if (!st) return impl_->explain(st.error());
  return out;
}

std::string Writer::metadata(const std::string& key) const {
  try {
    return impl_->db.get_metadata(key);
  } catch (const Xapian::Error&) {
    return "";
  }
}

std::size_t Writer::article_count() const {
  return impl_->db.get_termfreq(schema::type_term(schema::kTypeArticle));
}

Result<std::unordered_map<std::string, FileState>> load_file_states(const std::string& path) {
  std::unordered_map<std::string, FileState> out;
  auto loc = locate_db(path);
  if (!loc) return loc.error();
  if (loc->kind == DbKind::kAbsent) return out;
  auto db = xapian_db::open_read(path);
  if (!db) return db.error();
  auto st = xapian_db::guarded(path, [&] { out = read_file_states(*db); });
  if (!st) return st.error();
  return out;
}

struct WriteLock::Impl {
  std::optional<Xapian::WritableDatabase> db;
};

WriteLock::WriteLock(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WriteLock::~WriteLock() { release(); }
bool WriteLock::held() const { return impl_->db.has_value(); }

void WriteLock::release() {
  if (!impl_->db) return;
  try {
    impl_->db->close();
  } catch (const Xapian::Error&) {
  }
  impl_->db.reset();
}

Result<std::unique_ptr<WriteLock>> WriteLock::acquire(const std::string& path, const WriterOptions& options) {
  auto loc = locate_db(path);
  if (!loc) return loc.error();
  auto impl = std::make_unique<Impl>();
  auto held = wait_for_lock<Ok>(path, options, [&]() -> Status {
    try {
      impl->db.emplace(path, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      return xapian_db::to_error(e, path);
    } catch (const Xapian::Error&) {
      // Too damaged to open: nothing to hold, and nothing another run could write to.
    }
    return Ok{};
  });
  if (!held) return explain_lock_error(held.error(), *loc, options.lock_timeout_ms);
  return std::unique_ptr<WriteLock>(new WriteLock(std::move(impl)));
}

}  // namespace newsidx::indexer
