// The single writer over a Xapian WritableDatabase.
#include "writer.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <sys/statvfs.h>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/storage/db_files.hpp"
#include "indexer/readers/versions.hpp"

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

// The metadata key marking the file with XFILE term `fterm` to be read again.
std::string reread_key(const std::string& fterm) {
  return schema::clamp_term(std::string(schema::kRereadKeyPrefix) + fterm);
}

// Every recorded file state, in one pass over the metadata keys (one get_metadata per key, no
// second look-up by file key). A file marked to be read again (see Writer::Impl::mark_reread)
// gets the provisional state, which no file matches: the run reads it whatever its size and time.
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
  const std::string reread(schema::kRereadKeyPrefix);
  if (db.metadata_keys_begin(reread) == db.metadata_keys_end(reread)) return out;
  for (auto& [key, st] : out)
    if (!db.get_metadata(reread_key(schema::file_term(key))).empty()) st = FileState::provisional(st.root);
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
    if (options.before_commit) options.before_commit(db);
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

  // Holders marked to be read again in this run (see mark_reread), taken by the run.
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
    else if (j.contains("offset") && j["offset"].is_number_unsigned())  // a WARC record
      place += " (record at byte " + std::to_string(j["offset"].get<std::size_t>()) + ")";
    return place;
  }

  // Ids warned about as repeats in this run: one warning per id and run (see share_warned).
  std::shared_ptr<std::set<std::string>> warned = std::make_shared<std::set<std::string>>();
  // Articles deleted since take_deleted() (a partitioned archive forgets where they were).
  std::vector<std::string> deleted;

  // Marks the file with XFILE term `fterm` to be read again, in the same commit as the change
  // that needs it: this run's restore step reads it and clears the mark (by end()); a run
  // killed before that leaves the mark, and the next run reads the file as changed.
  void mark_reread(const std::string& id_term, const std::string& fterm) {
    db.set_metadata(reread_key(fterm), fterm);
    restores.push_back({id_term, fterm});
  }

  // Marks every holder but `except` to be read again (see mark_reread).
  void reread_holders(const std::string& id_term, const std::set<std::string>& holders, const std::string& except) {
    for (const auto& h : holders)
      if (h != except) mark_reread(id_term, h);
  }

  // Writes one article from the file whose XFILE term is `fterm`. The id rule: of the files
  // holding the id, the one with the newest version (kVersion; a record without one is older
  // than any with one) is the article, ties going to the last in walk order (the greatest XFILE
  // term); kContentFile names it. Every holder's term is kept, so that the article stays while any of
  // them still holds it.
  void write_article(BuiltArticle& a, const std::string& fterm, WriteCounts& counts) {
    const Xapian::valueno src_slot = schema::slot(schema::Slot::kContentFile);
    const Xapian::valueno ver_slot = schema::slot(schema::Slot::kVersion);
    auto pl = db.postlist_begin(a.article.id_term);
    if (pl == db.postlist_end(a.article.id_term)) {
      // A new article (and so new quotes): add_document skips replace_document's look-up of
      // the id term, which is most of a first build's writes (issue 7 measured 15% faster).
      add_spelling(a);
      a.article.doc.add_value(src_slot, fterm);
      db.add_document(a.article.doc);
      for (auto& q : a.quotes) db.add_document(q.doc);
      ++counts.added;
      pending += 1 + a.quotes.size();
      return;
    }
    const Xapian::docid did = *pl;
    Xapian::Document old = db.get_document(did);
    std::set<std::string> holders = holders_of(old);
    const std::string src = old.get_value(src_slot), old_ver = old.get_value(ver_slot);
    const std::string new_ver = a.article.doc.get_value(ver_slot);
    // Another file holds this id: a repeat the format does not intend (a record without a
    // version) is warned once per run, when this file first holds it too.
    if (!holders.empty() && !holders.count(fterm) && (new_ver.empty() || old_ver.empty()) &&
        warned->insert(a.article.id_term).second) {
      spdlog::warn("{}: id \"{}\" is also at {}; the last in walk order is indexed", place_of(a.article.doc),
                   id_of(a.article.doc), place_of(old));
    }
    holders.insert(fterm);
    const bool wins = src.empty() || src == fterm || readers::newer_version(new_ver, fterm, old_ver, src);
    if (!wins) {
      old.add_boolean_term(fterm);  // the newer record stays the article
      db.replace_document(did, old);
      ++pending;
      return;
    }
    // The source's own record went back a version: another holder may now hold the newest.
    if (src == fterm && new_ver < old_ver) reread_holders(a.article.id_term, holders, fterm);
    for (const auto& h : holders) a.article.doc.add_boolean_term(h);
    a.article.doc.add_value(src_slot, fterm);
    // The story it was settled into, until the cluster step settles it again (kPreviousCluster).
    const std::string story = old.get_value(schema::slot(schema::Slot::kCluster));
    const std::string previous = story.empty() ? old.get_value(schema::slot(schema::Slot::kPreviousCluster)) : story;
    if (!previous.empty()) a.article.doc.add_value(schema::slot(schema::Slot::kPreviousCluster), previous);
    // Quotes are replaced wholesale: the article may now hold fewer of them.
    db.delete_document(a.parent_term);
    db.replace_document(did, a.article.doc);
    for (auto& q : a.quotes) db.replace_document(q.id_term, q.doc);
    ++counts.updated;
    pending += 1 + a.quotes.size();
  }

  // The file with XFILE term `fterm` no longer holds the article `id_term`: the article is
  // removed (with its quotes) when no other file holds it; when its content came from this
  // file, the content is marked stale (no kContentFile) and every remaining holder is read again.
  void release(const std::string& id_term, const std::string& fterm, WriteCounts& counts) {
    auto pl = db.postlist_begin(id_term);
    if (pl == db.postlist_end(id_term)) return;
    const Xapian::docid did = *pl;
    Xapian::Document doc = db.get_document(did);
    std::set<std::string> holders = holders_of(doc);
    const std::string src = doc.get_value(schema::slot(schema::Slot::kContentFile));
    const bool source = src.empty() || src == fterm;
    holders.erase(fterm);
    if (holders.empty()) {
      const auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
      db.delete_document(did);
      // The article's quotes carry XPARENT<id>.
      if (j.is_object() && j.contains("id") && j["id"].is_string())
        db.delete_document(schema::parent_term(j["id"].get<std::string>()));
      deleted.push_back(id_term);
      ++counts.removed;
      ++pending;
      return;
    }
    doc.remove_term(fterm);
    if (source) {
      doc.remove_value(schema::slot(schema::Slot::kContentFile));
      reread_holders(id_term, holders, "");
    }
    db.replace_document(did, doc);
    ++pending;
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
  // begin_transaction fails when a transaction is already open, as after every successful commit.
  (void)xapian_db::guarded(impl_->path, [&] { impl_->db.begin_transaction(true); });
  (void)xapian_db::guarded(impl_->path, [&] { impl_->db.close(); });
}

namespace {

// A busy lock names its holder and how long the run waited (xapian_db::wait_for_lock has
// already told an unopenable lock file, kIo, from a busy one).
Error explain_lock_error(Error e, const DbLocation& loc, int timeout_ms) {
  if (e.code != ErrorCode::kLocked) return e;
  std::string holder = lock_holder(loc.dir);
  e.message = loc.path + ": database is locked by another writer" +
              (holder.empty() ? std::string(" (holder not visible to this user)") : " (" + holder + ")") +
              "; gave up after " + std::to_string(timeout_ms / 1000) + " s";
  return e;
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::open(const DbLocation& loc, const WriterOptions& options) {
  const std::string& path = loc.path;
  if (auto w = check_writable(loc); !w) return w.error();
  auto db = xapian_db::open_write(path, options.lock_timeout_ms, options.stop);
  if (!db) return explain_lock_error(db.error(), loc, options.lock_timeout_ms);
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  impl->options = options;
  impl->path = path;
  impl->dir = loc.dir;
  if (auto st = impl->guarded([&] { impl->db.begin_transaction(true); }); !st) return st.error();
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

Status Writer::begin_file(const std::string& file_key, const std::string& root) {
  FileWrite file{file_key, {}, {}};
  auto st = impl_->guarded([&] { file.stale = impl_->article_ids_of(file_key); });
  if (!st) return st.error();
  impl_->open_state.emplace(impl_->state_key(file_key), impl_->state_value(file_key, FileState::provisional(root)));
  file_ = std::move(file);
  return Ok{};
}

Status Writer::write_articles(std::vector<BuiltArticle> chunk) {
  if (!file_) return Error{ErrorCode::kDatabase, impl_->path + ": internal error: write_articles without begin_file", ""};
  FileWrite& file = *file_;
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

Result<WriteCounts> Writer::end_file(const FileState& state) {
  if (!file_) return Error{ErrorCode::kDatabase, impl_->path + ": internal error: end_file without begin_file", ""};
  FileWrite file = std::move(*file_);
  file_.reset();
  impl_->open_state.reset();
  auto st = impl_->guarded([&] {
    impl_->release_all(file.stale, file.key, file.counts);
    impl_->db.set_metadata(impl_->state_key(file.key), impl_->state_value(file.key, state));
    impl_->db.set_metadata(reread_key(schema::file_term(file.key)), "");  // read whole: restored
  });
  return impl_->finish_file(st, file.counts);
}

std::optional<Writer::FileWrite> Writer::detach_file() {
  std::optional<FileWrite> out = std::move(file_);
  file_.reset();
  return out;
}

void Writer::attach_file(FileWrite file) { file_ = std::move(file); }

Status Writer::record_state(const std::string& file_key, const FileState& state) {
  return impl_->guarded([&] { impl_->db.set_metadata(impl_->state_key(file_key), impl_->state_value(file_key, state)); });
}

Result<WriteCounts> Writer::remove_file(const std::string& file_key) {
  WriteCounts counts;
  auto st = impl_->guarded([&] {
    impl_->release_all(impl_->article_ids_of(file_key), file_key, counts);
    impl_->db.set_metadata(impl_->state_key(file_key), "");
    impl_->db.set_metadata(reread_key(schema::file_term(file_key)), "");
  });
  return impl_->finish_file(st, counts);
}

Result<std::optional<FileState>> Writer::file_state(const std::string& file_key) const {
  auto v = metadata(impl_->state_key(file_key));
  if (!v) return v.error();
  if (v->empty()) return std::optional<FileState>();
  return decode_state(*v);
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

std::vector<Restore> Writer::take_restores() {
  std::vector<Restore> out;
  // A holder written whole since it was marked (end() cleared its mark) needs no second read.
  auto st = impl_->guarded([&] {
    for (auto& r : impl_->restores)
      if (!impl_->db.get_metadata(reread_key(r.holder_term)).empty()) out.push_back(std::move(r));
  });
  impl_->restores.clear();
  return st ? out : std::vector<Restore>{};
}

Status Writer::clear_reread(const std::string& file_key) {
  return impl_->guarded([&] { impl_->db.set_metadata(reread_key(schema::file_term(file_key)), ""); });
}

Status Writer::mark_reread(const std::vector<Restore>& holders) {
  return impl_->guarded([&] {
    for (const auto& r : holders) impl_->mark_reread(r.id_term, r.holder_term);
  });
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

Result<std::string> Writer::metadata(const std::string& key) const {
  std::string v;
  if (auto st = impl_->guarded([&] { v = impl_->db.get_metadata(key); }); !st) return st.error();
  return v;
}

void Writer::share_warned(std::shared_ptr<std::set<std::string>> warned) { impl_->warned = std::move(warned); }

std::vector<std::string> Writer::take_deleted() { return std::exchange(impl_->deleted, {}); }

bool Writer::has_article(const std::string& id_term) const {
  bool found = false;
  auto st = impl_->guarded([&] { found = impl_->db.postlist_begin(id_term) != impl_->db.postlist_end(id_term); });
  return st && found;
}

std::string Writer::source_of(const std::string& id_term) const {
  std::string src;
  auto st = impl_->guarded([&] {
    auto pl = impl_->db.postlist_begin(id_term);
    if (pl != impl_->db.postlist_end(id_term))
      src = impl_->db.get_document(*pl).get_value(schema::slot(schema::Slot::kContentFile));
  });
  return st ? src : std::string();
}

Result<std::optional<Writer::StoredArticle>> Writer::article(const std::string& id_term) {
  std::optional<StoredArticle> out;
  auto st = impl_->guarded([&] {
    auto pl = impl_->db.postlist_begin(id_term);
    if (pl == impl_->db.postlist_end(id_term)) return;
    StoredArticle a;
    a.built.article = {id_term, impl_->db.get_document(*pl)};
    a.holders = Impl::holders_of(a.built.article.doc);
    a.built.parent_term = schema::parent_term(Impl::id_of(a.built.article.doc));
    const std::string q = schema::prefix("id");
    for (auto p = impl_->db.postlist_begin(a.built.parent_term); p != impl_->db.postlist_end(a.built.parent_term); ++p) {
      Xapian::Document qd = impl_->db.get_document(*p);
      auto t = qd.termlist_begin();
      t.skip_to(q);
      if (t != qd.termlist_end() && (*t).rfind(q, 0) == 0) a.built.quotes.push_back({*t, qd});
    }
    out = std::move(a);
  });
  if (!st) return st.error();
  return out;
}

Status Writer::put_article(const BuiltArticle& stored) {
  return impl_->guarded([&] {
    impl_->db.replace_document(stored.article.id_term, stored.article.doc);
    for (const auto& q : stored.quotes) impl_->db.replace_document(q.id_term, q.doc);
    impl_->pending += 1 + stored.quotes.size();
  });
}

Status Writer::delete_article(const std::string& id_term) {
  return impl_->guarded([&] {
    auto pl = impl_->db.postlist_begin(id_term);
    if (pl == impl_->db.postlist_end(id_term)) return;
    const std::string parent = schema::parent_term(Impl::id_of(impl_->db.get_document(*pl)));
    impl_->db.delete_document(id_term);
    impl_->db.delete_document(parent);
    impl_->pending += 1;
  });
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

Result<std::set<std::string>> load_reread_marks(const std::string& path) {
  std::set<std::string> out;
  auto db = xapian_db::open_read(path);
  if (!db) return db.error();
  const std::string prefix(schema::kRereadKeyPrefix);
  auto st = xapian_db::guarded(path, [&] {
    for (auto it = db->metadata_keys_begin(prefix); it != db->metadata_keys_end(prefix); ++it)
      if (auto v = db->get_metadata(*it); !v.empty()) out.insert(v);
  });
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
  (void)xapian_db::guarded("", [&] { impl_->db->close(); });
  impl_->db.reset();
}

Result<std::unique_ptr<WriteLock>> WriteLock::acquire(const DbLocation& loc, const WriterOptions& options) {
  const std::string& path = loc.path;
  auto impl = std::make_unique<Impl>();
  auto failed = xapian_db::wait_for_lock(path, loc.dir, options.lock_timeout_ms, options.stop,
                                         [&] { impl->db.emplace(path, Xapian::DB_OPEN); });
  // Too damaged to open (any failure but the lock's): nothing to hold, and nothing another run
  // could write to.
  if (failed && failed->kind == xapian_db::Kind::kLock)
    return explain_lock_error(failed->error, loc, options.lock_timeout_ms);
  return std::unique_ptr<WriteLock>(new WriteLock(std::move(impl)));
}

}  // namespace newsidx::indexer
