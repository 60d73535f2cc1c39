// The archive's status: skipped-file and last-run records, and --status's text and JSON.
#include "status.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/storage/db_files.hpp"
#include "indexer/storage/partition.hpp"
#include "indexer/storage/writer.hpp"

namespace newsidx::indexer {

namespace fs = std::filesystem;

std::string encode_skipped(const SkippedFile& f) {
  std::string out = f.path;
  for (const auto& r : f.reasons) {
    out += '\n';
    // A reason is one line: a newline inside one (from a file name) would start another.
    for (char c : r) out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::optional<SkippedFile> decode_skipped(const std::string& key, const std::string& value) {
  if (value.empty()) return std::nullopt;
  SkippedFile f;
  f.key = key;
  std::istringstream in(value);
  std::getline(in, f.path);
  for (std::string line; std::getline(in, line);) f.reasons.push_back(line);
  return f;
}

std::string utc_timestamp(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec);
}

Status record_run(ArchiveWriter& writer, const RunRecord& run) {
  for (const auto& [key, value] : {std::pair{schema::kRunStartKey, &run.start}, std::pair{schema::kRunEndKey, &run.end},
                                   std::pair{schema::kRunOutcomeKey, &run.outcome},
                                   std::pair{schema::kRunDetailKey, &run.detail}})
    if (auto st = writer.set_archive_metadata(std::string(key), *value); !st) return st;
  return Ok{};
}

namespace {

std::string skipped_key(const std::string& file_key) {
  return schema::clamp_term(std::string(schema::kSkippedKeyPrefix) + file_key);
}

}  // namespace

Result<SkipLedger> SkipLedger::load(const ArchiveWriter& writer) {
  const std::string prefix(schema::kSkippedKeyPrefix);
  auto entries = writer.archive_metadata(prefix);
  if (!entries) return entries.error();
  SkipLedger ledger;
  for (const auto& [key, value] : *entries)
    if (auto f = decode_skipped(key.substr(prefix.size()), value)) ledger.files_.emplace(f->key, std::move(*f));
  return ledger;
}

Status SkipLedger::file_read(ArchiveWriter& writer, const std::string& key, const std::string& path,
                             const std::vector<std::string>& reasons) {
  if (reasons.empty()) return forget(writer, key);
  SkippedFile f{key, path, reasons};
  if (auto it = files_.find(key); it != files_.end() && it->second == f) return Ok{};
  auto st = writer.set_archive_metadata(skipped_key(key), encode_skipped(f));
  if (st) files_[key] = std::move(f);
  return st;
}

Status SkipLedger::forget(ArchiveWriter& writer, const std::string& key) {
  auto it = files_.find(key);
  if (it == files_.end()) return Ok{};
  auto st = writer.set_archive_metadata(skipped_key(key), "");
  if (st) files_.erase(it);
  return st;
}

const SkippedFile* SkipLedger::recorded(const std::string& key) const {
  auto it = files_.find(key);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> SkipLedger::keys() const {
  std::vector<std::string> out;
  for (const auto& [key, f] : files_) out.push_back(key);
  return out;
}

namespace {

// The metadata of the database holding an archive's records (a partitioned archive's state
// database, or the database itself): the last run and the skipped files. The file states are
// read once, by read_status (load_file_states), which counts them and their folders.
void read_records(const Xapian::Database& db, ArchiveStatus& s) {
  const std::string start = db.get_metadata(std::string(schema::kRunStartKey));
  if (!start.empty())
    s.last_run = RunRecord{start, db.get_metadata(std::string(schema::kRunEndKey)),
                           db.get_metadata(std::string(schema::kRunOutcomeKey)),
                           db.get_metadata(std::string(schema::kRunDetailKey))};
  const std::string prefix(schema::kSkippedKeyPrefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    if (auto f = decode_skipped((*it).substr(prefix.size()), db.get_metadata(*it))) s.skipped.push_back(*f);
}

// Articles and quotations of the searchable database (all partitions through the stub).
void read_counts(const Xapian::Database& db, ArchiveStatus& s) {
  s.articles = db.get_termfreq(schema::type_term(schema::kTypeArticle));
  s.quotations = db.get_termfreq(schema::type_term(schema::kTypeQuote));
  s.partitions = db.size();
}

}  // namespace

Result<ArchiveStatus> read_status(const std::string& db_path) {
  ArchiveStatus s;
  s.db = db_path;
  const auto found = archive_scheme(db_path);
  if (!found) return found.error();
  const std::optional<PartitionScheme> scheme = found.value();
  std::string records_db = db_path, lock_dir;
  if (scheme) {
    s.partition = partition_scheme_name(*scheme);
    records_db = (fs::path(db_path) / kStateDbName).string();
    lock_dir = records_db;
  } else {
    auto loc = locate_db(db_path);
    if (!loc) return loc.error();
    if (loc->kind == DbKind::kAbsent)
      return Error{ErrorCode::kNotFound, db_path + ": no such database",
                   "create it first: newsidx-index --db " + db_path + " ARCHIVE..."};
    lock_dir = loc->dir;
  }
  auto search = xapian_db::open_read(db_path);
  if (!search) return search.error();
  auto records = xapian_db::open_read(records_db);
  if (!records) return records.error();
  auto st = xapian_db::guarded(db_path, [&] {
    read_counts(*search, s);
    read_records(*records, s);
  });
  if (!st) return st.error();
  if (!scheme) s.partitions = 0;
  auto states = load_file_states(records_db);
  if (!states) return states.error();
  s.files = states->size();
  std::map<std::string, std::size_t> by_folder;
  for (const auto& [key, state] : *states) ++by_folder[state.root];
  for (const auto& [folder, n] : by_folder) {
    std::error_code ec;
    s.folders.push_back({folder, n, folder.empty() || fs::exists(folder, ec) || ec});
  }
  s.lock_holder = lock_holder(lock_dir);
  return s;
}

namespace {

// The last run in words: a run recorded as running is running now only if someone holds the
// lock; otherwise it was killed (or the machine stopped) before it could record its end.
std::string run_state(const ArchiveStatus& s) {
  const RunRecord& r = *s.last_run;
  if (r.outcome == "running")
    return s.lock_holder.empty() ? "did not finish (killed, or the machine stopped)"
                                 : "running now (" + s.lock_holder + ")";
  return r.outcome;
}

}  // namespace

std::string status_text(const ArchiveStatus& s) {
  std::string out = fmt::format("{}: {} articles, {} quotations, {} files", s.db, s.articles, s.quotations, s.files);
  if (s.partition != "none") out += fmt::format(" (partitioned by {}: {} partitions)", s.partition, s.partitions);
  out += '\n';
  // Where the files come from: several folders may share one archive; a gone one was moved.
  if (!s.folders.empty()) out += fmt::format("folders: {}\n", s.folders.size());
  for (const auto& f : s.folders)
    out += fmt::format("  {}: {} file{}{}\n", f.folder.empty() ? "(files named on the command line)" : f.folder,
                       f.files, f.files == 1 ? "" : "s", f.exists ? "" : " (no longer exists)");
  if (!s.last_run) {
    out += "last run: none recorded\n";
  } else {
    const RunRecord& r = *s.last_run;
    out += fmt::format("last run: started {}, {}{}\n", r.start,
                       r.end.empty() ? "" : "ended " + r.end + ", ", run_state(s));
    if (!r.detail.empty() && r.outcome != "running") out += "  " + r.detail + "\n";
  }
  if (s.skipped.empty()) {
    out += "skipped files: none\n";
    return out;
  }
  out += fmt::format("skipped files: {} (retried when they change)\n", s.skipped.size());
  for (const auto& f : s.skipped) {
    out += "  " + f.path + "\n";
    for (const auto& r : f.reasons) out += "    " + r + "\n";
  }
  return out;
}

std::string status_json(const ArchiveStatus& s) {
  using json = nlohmann::ordered_json;
  json j = {{"newsidx_status", 1},  {"db", s.db},           {"partition", s.partition},
            {"partitions", s.partitions}, {"articles", s.articles}, {"quotations", s.quotations},
            {"files", s.files}};
  j["folders"] = json::array();
  for (const auto& f : s.folders)
    j["folders"].push_back({{"folder", f.folder.empty() ? json(nullptr) : json(f.folder)},
                            {"files", f.files},
                            {"exists", f.exists}});
  if (s.last_run) {
    const RunRecord& r = *s.last_run;
    std::string outcome = r.outcome;
    if (outcome == "running" && s.lock_holder.empty()) outcome = "unfinished";
    j["last_run"] = {{"start", r.start},
                     {"end", r.end.empty() ? json(nullptr) : json(r.end)},
                     {"outcome", outcome},
                     {"detail", r.detail}};
  } else {
    j["last_run"] = nullptr;
  }
  j["skipped"] = json::array();
  for (const auto& f : s.skipped) j["skipped"].push_back({{"file", f.key}, {"path", f.path}, {"reasons", f.reasons}});
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<PruneShare> prune_share(const std::string& db_path, const std::vector<std::string>& file_keys) {
  PruneShare share;
  auto db = xapian_db::open_read(db_path);
  if (!db) return db.error();
  auto st = xapian_db::guarded(db_path, [&] {
    share.total = db->get_termfreq(schema::type_term(schema::kTypeArticle));
    // Only articles carry file terms (quotations carry their article's). An article held by a
    // file still present (the id rule: a moved feed's records, a copy in another feed) stays, so
    // only articles all of whose files are gone count.
    std::set<std::string> gone;
    for (const auto& key : file_keys) gone.insert(schema::file_term(key));
    const std::string file_prefix = schema::prefix("file");
    std::set<Xapian::docid> seen;
    for (const auto& term : gone)
      for (auto p = db->postlist_begin(term); p != db->postlist_end(term); ++p) {
        if (!seen.insert(*p).second) continue;
        bool held_elsewhere = false;
        auto t = db->termlist_begin(*p);
        for (t.skip_to(file_prefix); t != db->termlist_end(*p) && (*t).rfind(file_prefix, 0) == 0; ++t)
          if (!gone.count(*t)) {
            held_elsewhere = true;
            break;
          }
        if (!held_elsewhere) ++share.articles;
      }
  });
  if (!st) return st.error();
  return share;
}

}  // namespace newsidx::indexer
