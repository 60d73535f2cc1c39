// The single writer over a Xapian WritableDatabase.
#include "writer.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <sys/statvfs.h>
#include <thread>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

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
    const std::string value = db.get_metadata(key);
    // A long file key is kept whole after a newline (see Writer::Impl::state_value).
    const std::size_t nl = value.find('\n');
    if (auto st = decode_state(value))
      out.emplace(nl != std::string::npos ? value.substr(nl + 1) : key.substr(prefix.size()), std::move(*st));
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
    // Writes happen inside a transaction, so that closing the database discards what was not
    // committed (Xapian's close() and destructor would otherwise commit it, even after an error).
    db.commit_transaction();
    db.begin_transaction(true);
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

  // The first database error, after which nothing more is written or committed: a database
  // that failed a read or a write may be damaged, and a commit would make the damage permanent
  // (with a truncated table Xapian went on to overwrite blocks still in use).
  std::optional<Error> failed;

  // Runs `fn` on the database unless it already failed; a failure is explained and kept.
  Status guarded(const std::function<void()>& fn) {
    if (failed) return *failed;
    Status st = xapian_db::guarded(path, fn);
    if (!st) failed = explain(st.error());
    return st ? st : Status(*failed);
  }

  Status commit() { return guarded([&] { commit_now(); }); }

  std::string state_key(const std::string& file_key) const {
    return schema::clamp_term(std::string(schema::kFileStateKeyPrefix) + file_key);
  }

  // A state entry's value; a key too long for the entry's name (which then ends in a hash) is
  // kept whole after a newline, so that read_file_states gives it back.
  std::string state_value(const std::string& file_key, const FileState& state) const {
    std::string v = encode_state(state);
    if (state_key(file_key).size() != schema::kFileStateKeyPrefix.size() + file_key.size()) v += "\n" + file_key;
    return v;
  }

  // Articles a file no longer holds whose content came from it while other files still hold
  // them: the run restores each from its last remaining holder (see ArchiveWriter).
  std::vector<Restore> restores;

  // The XFILE terms of a document: the files holding its id.
  static std::set<std::string> holders_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    const std::string fp = schema::prefix("file");
    auto t = doc.termlist_begin();
    t.skip_to(fp);
    for (; t != doc.termlist_end() && (*t).rfind(fp, 0) == 0; ++t) out.insert(*t);
    return out;
  }

  // The id of an article document, from its stored record.
  static std::string id_of(const Xapian::Document& doc) {
    const auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
    return j.is_object() ? j.value("id", std::string()) : std::string();
  }

  // "path:line" of an article document, from its stored record.
  static std::string place_of(const Xapian::Document& doc) {
    const auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!j.is_object()) return "?";
    std::string place = j.value("path", std::string("?"));
    if (j.contains("line") && j["line"].is_number_unsigned()) place += ":" + std::to_string(j["line"].get<std::size_t>());
    return place;
  }

  // Writes one article from the file whose XFILE term is `fterm`. The id rule: the article is
  // the record of the last file in walk order (the greatest XFILE term) holding the id; every
  // holder's term is kept, so that the article stays while any of them still holds it.
  void write_article(BuiltArticle& a, const std::string& fterm, WriteCounts& counts) {
    auto pl = db.postlist_begin(a.article.id_term);
    if (pl == db.postlist_end(a.article.id_term)) {
      // A new article (and so new quotes): add_document skips replace_document's look-up of
      // the id term, which is most of a first build's writes (issue 7 measured 15% faster).
      add_spelling(a);
      db.add_document(a.article.doc);
      for (auto& q : a.quotes) db.add_document(q.doc);
      ++counts.added;
      pending += 1 + a.quotes.size();
      return;
    }
    const Xapian::docid did = *pl;
    Xapian::Document old = db.get_document(did);
    std::set<std::string> holders = holders_of(old);
    if (!holders.empty() && !holders.count(fterm)) {
      // Another file holds this id: warned once, when this file first holds it too.
      spdlog::warn("{}: id \"{}\" is also at {}; the last in walk order is indexed", place_of(a.article.doc),
                   id_of(a.article.doc), place_of(old));
    }
    holders.insert(fterm);
    if (fterm != *holders.rbegin()) {
      old.add_boolean_term(fterm);  // a later file's record stays the article
      db.replace_document(did, old);
      ++pending;
      return;
    }
    for (const auto& h : holders) a.article.doc.add_boolean_term(h);
    // Quotes are replaced wholesale: the article may now hold fewer of them.
    db.delete_document(a.parent_term);
    db.replace_document(did, a.article.doc);
    for (auto& q : a.quotes) db.replace_document(q.id_term, q.doc);
    ++counts.updated;
    pending += 1 + a.quotes.size();
  }

  // The file with XFILE term `fterm` no longer holds the article `id_term`: the article is
  // removed (with its quotes) when no other file holds it; when its content came from this
  // file, it is to be restored from the last remaining holder.
  void release(const std::string& id_term, const std::string& fterm, WriteCounts& counts) {
    auto pl = db.postlist_begin(id_term);
    if (pl == db.postlist_end(id_term)) return;
    const Xapian::docid did = *pl;
    Xapian::Document doc = db.get_document(did);
    std::set<std::string> holders = holders_of(doc);
    const bool source = holders.empty() || *holders.rbegin() == fterm;
    holders.erase(fterm);
    if (holders.empty()) {
      const auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
      db.delete_document(did);
      // The article's quotes carry XPARENT<id>.
      if (j.is_object() && j.contains("id") && j["id"].is_string())
        db.delete_document(schema::parent_term(j["id"].get<std::string>()));
      ++counts.removed;
      ++pending;
      return;
    }
    doc.remove_term(fterm);
    db.replace_document(did, doc);
    ++pending;
    if (source) restores.push_back({id_term, *holders.rbegin()});
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

  // Releases the file's hold on each of `id_terms` (see release).
  void release_all(const std::set<std::string>& id_terms, const std::string& file_key, WriteCounts& counts) {
    const std::string fterm = schema::file_term(file_key);
    for (const auto& id_term : id_terms) release(id_term, fterm, counts);
  }

  // Ends one file's write: its failure, explained, or its counts once the batch is committed
  // if it is full.
  Result<WriteCounts> finish_file(const Status& written, const WriteCounts& counts) {
    if (!written) return written.error();
    if (pending >= options.batch_size) {
      if (auto c = commit(); !c) return c.error();
    }
    return counts;
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() {
  if (!impl_) return;
  // close() cancels an open transaction, discarding what was not committed; without one it
  // would commit. A commit that failed leaves none open (Xapian ends it before committing), so
  // one is begun first: a failing database must not get a second, partial commit.
  try {
    impl_->db.begin_transaction(true);
  } catch (const Xapian::Error&) {
    // A transaction is already open, as after every successful commit.
  }
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
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
  if (auto st = impl->guarded([&] { impl->db.begin_transaction(true); }); !st) return st.error();
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

Result<Writer::FileWrite> Writer::begin(const std::string& file_key, const std::string& root) {
  FileWrite file{file_key, {}, {}};
  auto st = impl_->guarded([&] { file.stale = impl_->article_ids_of(file_key); });
  if (!st) return st.error();
  impl_->open_state.emplace(impl_->state_key(file_key), impl_->state_value(file_key, FileState::provisional(root)));
  return file;
}

Status Writer::write(FileWrite& file, std::vector<BuiltArticle> chunk) {
  WriteCounts& counts = file.counts;
  const std::string fterm = schema::file_term(file.key);
  auto st = impl_->guarded([&] {
    for (auto& a : chunk) {
      file.stale.erase(a.article.id_term);
      impl_->write_article(a, fterm, counts);
    }
  });
  if (auto done = impl_->finish_file(st, counts); !done) return done.error();
  return Ok{};
}

Result<WriteCounts> Writer::end(FileWrite& file, const FileState& state) {
  impl_->open_state.reset();
  auto st = impl_->guarded([&] {
    impl_->release_all(file.stale, file.key, file.counts);
    file.stale.clear();
    impl_->db.set_metadata(impl_->state_key(file.key), impl_->state_value(file.key, state));
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
  return impl_->guarded([&] { impl_->db.set_metadata(impl_->state_key(file_key), impl_->state_value(file_key, state)); });
}

Result<WriteCounts> Writer::remove_file(const std::string& file_key) {
  WriteCounts counts;
  auto st = impl_->guarded([&] {
    impl_->release_all(impl_->article_ids_of(file_key), file_key, counts);
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
  auto st = impl_->guarded([&] { out = read_file_states(impl_->db); });
  if (!st) return st.error();
  return out;
}

Status Writer::commit() { return impl_->commit(); }
Result<std::vector<Xapian::WritableDatabase>> Writer::databases() {
  return std::vector<Xapian::WritableDatabase>{impl_->db};
}

std::vector<Restore> Writer::take_restores() { return std::exchange(impl_->restores, {}); }

Result<WriteCounts> Writer::restore(const std::string& file_key, std::vector<BuiltArticle> articles) {
  FileWrite file{file_key, {}, {}};
  if (auto st = write(file, std::move(articles)); !st) return st.error();
  return file.counts;
}

std::optional<Error> Writer::failure() const { return impl_->failed; }

Status Writer::set_metadata(const std::string& key, const std::string& value) {
  return impl_->guarded([&] { impl_->db.set_metadata(key, value); });
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
