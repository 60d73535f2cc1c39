// Partitioned archives: routing each article to its period's database, keeping each file's
// partitions in the state database, and the stub that makes the folder one searchable database.
#include "partition.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/storage/db_files.hpp"

namespace newsidx::indexer {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSchemeKey = "newsidx.partition";
constexpr std::string_view kPartsKeyPrefix = "newsidx.parts:";
constexpr std::string_view kNoParts = ".";  // recorded for a file whose articles went nowhere
// "newsidx.home:<Q term>": the partition holding the article of that id (checked before use).
constexpr std::string_view kHomeKeyPrefix = "newsidx.home:";
// "newsidx.moved:<XFILE term>": partitions the file's articles were moved to as holders of an
// id whose article moved there (see PartitionedWriter::Impl::move_article), beside its own list.
constexpr std::string_view kMovedKeyPrefix = "newsidx.moved:";

// The recorded list of a file's partitions: their names, space-separated, or kNoParts.
template <typename Names>
std::string parts_value(const Names& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + std::string(n);
  return out.empty() ? std::string(kNoParts) : out;
}
constexpr std::string_view kCompactedKeyPrefix = "newsidx.compacted:";  // -> revision after it
constexpr std::string_view kCompactSuffix = ".compact";  // a compacted copy before its swap
// Partition databases open at once; past this the others are committed and closed, so a
// monthly archive of decades does not run out of file descriptors.
constexpr std::size_t kMaxOpenPartitions = 32;

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_partition_name(std::string_view n) {
  if (n == kUndatedPartition) return true;
  if (n.size() == 4) return is_digits(n);
  return n.size() == 7 && is_digits(n.substr(0, 4)) && n[4] == '-' && is_digits(n.substr(5));
}

std::set<std::string> partitions_in(const fs::path& archive) {
  std::set<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(archive, ec))
    if (e.is_directory(ec) && is_partition_name(e.path().filename().string()))
      out.insert(e.path().filename().string());
  return out;
}

Error not_an_archive(const std::string& path, const std::string& why) {
  return Error{ErrorCode::kSchemaMismatch, path + ": not a partitioned newsidx archive: " + why,
               "give --partition a new folder, or index this database without --partition"};
}

// The archive folder may hold only what this file puts there.
Status check_archive_folder(const fs::path& archive) {
  std::error_code ec;
  if (!fs::exists(archive, ec)) return Ok{};
  if (!fs::is_directory(archive, ec)) return not_an_archive(archive.string(), "it is a file");
  for (const auto& e : fs::directory_iterator(archive, ec)) {
    const std::string n = e.path().filename().string();
    const bool compact_leftover =
        n.size() > kCompactSuffix.size() && n.ends_with(kCompactSuffix) &&
        is_partition_name(std::string_view(n).substr(0, n.size() - kCompactSuffix.size()));
    // A partition being created is built as ".NAME.new-PID" and renamed (xapian_db::open_write).
    const bool creating = n.starts_with(".") && n.find(".new-") != std::string::npos;
    if (creating || n == kStateDbName || n == kArchiveStubName || n == std::string(kArchiveStubName) + ".tmp" ||
        ((is_partition_name(n) || compact_leftover) && e.is_directory(ec)))
      continue;
    return not_an_archive(archive.string(), "it holds " + n);
  }
  return Ok{};
}

// Replaces ARCHIVE/XAPIANDB in one rename, so a search opening it sees the old or new list.
Status write_stub(const fs::path& archive, const std::set<std::string>& parts) {
  const fs::path stub = archive / kArchiveStubName;
  const fs::path tmp = archive / (std::string(kArchiveStubName) + ".tmp");
  {
    std::ofstream out(tmp);
    out << "# written by newsidx-index: one line per partition, searched as one database\n";
    for (const auto& p : parts) out << "auto " << p << '\n';
    if (!out.flush())
      return Error{ErrorCode::kIo, tmp.string() + ": cannot write the archive's stub", "check free space"};
  }
  if (std::rename(tmp.c_str(), stub.c_str()) != 0)
    return Error{ErrorCode::kIo, stub.string() + ": cannot replace the archive's stub", ""};
  return Ok{};
}

std::string parts_key(const std::string& file_key) {
  return schema::clamp_term(std::string(kPartsKeyPrefix) + file_key);
}

std::string moved_key(const std::string& fterm) { return schema::clamp_term(std::string(kMovedKeyPrefix) + fterm); }

std::string home_key(const std::string& id_term) {
  return schema::clamp_term(std::string(kHomeKeyPrefix) + id_term);
}

// Where one of the archive's own databases (a partition or the state database) is.
Result<DbLocation> locate_part(const fs::path& db) { return locate_db(db.string()); }

// Opens the Writer of one of the archive's own databases.
Result<std::unique_ptr<Writer>> open_writer(const fs::path& db, const WriterOptions& options) {
  auto loc = locate_part(db);
  if (!loc) return loc.error();
  return Writer::open(*loc, options);
}

// A partition's committed revision, as its compaction mark records it.
Result<std::string> revision_of(const fs::path& partition) {
  std::string revision;
  auto st = xapian_db::guarded(partition.string(), [&] {
    revision = std::to_string(Xapian::Database(partition.string()).get_revision());
  });
  if (!st) return st.error();
  return revision;
}

}  // namespace

std::optional<PartitionScheme> parse_partition_scheme(std::string_view name) {
  if (name == "none") return PartitionScheme::kNone;
  if (name == "year") return PartitionScheme::kYear;
  if (name == "month") return PartitionScheme::kMonth;
  return std::nullopt;
}

std::string partition_scheme_name(PartitionScheme scheme) {
  switch (scheme) {
    case PartitionScheme::kYear: return "year";
    case PartitionScheme::kMonth: return "month";
    case PartitionScheme::kNone: break;
  }
  return "none";
}

std::string partition_of(std::string_view date_value, PartitionScheme scheme) {
  if (date_value.size() < 6 || !is_digits(date_value.substr(0, 6))) return std::string(kUndatedPartition);
  if (scheme == PartitionScheme::kMonth)
    return std::string(date_value.substr(0, 4)) + "-" + std::string(date_value.substr(4, 2));
  return std::string(date_value.substr(0, 4));
}

namespace {

// A partitioned archive's state database that cannot be read: one message naming it and the
// --rebuild that replaces the archive, read again from its folders (with --partition when the
// partitions' names do not tell the scheme). `why` may start with the state's path (a Xapian
// error's message), said once.
Error damaged_state(const std::string& archive, const fs::path& state, std::string why) {
  const std::string head = state.string() + ": ";
  if (why.starts_with(head)) why.erase(0, head.size());
  const auto on_disk = partitions_on_disk(archive);
  const bool told = on_disk && *on_disk != PartitionScheme::kNone;
  return Error{ErrorCode::kDatabase,
               head + "the state database of the partitioned archive " + archive + " is damaged (" + why + ")",
               "rebuild the archive from its folders: newsidx-index --rebuild " +
                   std::string(told ? "" : "--partition year (or month) ") + "--db " + archive + " FOLDER..."};
}

}  // namespace

Result<std::optional<PartitionScheme>> archive_scheme(const std::string& archive) {
  // A path that cannot be looked at, or a state database that cannot be read, is an error, never
  // "not partitioned": that would take a partitioned archive for a plain database.
  const fs::path state = fs::path(archive) / kStateDbName;
  const std::optional<PartitionScheme> plain;
  for (const fs::path& p : {fs::path(archive), state}) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (st.type() == fs::file_type::not_found) return plain;
    // A file in the state's place, in a folder of partitions, is a damaged archive.
    if (!ec && !fs::is_directory(st))
      return p == state && partitions_on_disk(archive) ? Result<std::optional<PartitionScheme>>(
                                                             damaged_state(archive, state, "not a database folder"))
                                                       : plain;
    if (ec) return Error{ErrorCode::kIo, p.string() + ": cannot tell whether it is a partitioned archive: " + ec.message(), ""};
  }
  std::error_code listed;
  if (fs::directory_iterator entries(state, listed); listed)
    return Error{ErrorCode::kIo, state.string() + ": cannot read the partitioned archive's state database: " + listed.message(),
                 "check its permissions (the indexer's user must read and write it)"};
  auto db = xapian_db::open_read(state.string());
  std::string v;
  Status read = db ? xapian_db::guarded(state.string(), [&] { v = db->get_metadata(std::string(kSchemeKey)); })
                   : Status(db.error());
  // Damaged files (or none) in the state's folder; another schema version keeps its own message.
  if (!read && (read.error().code == ErrorCode::kDatabase || read.error().code == ErrorCode::kNotFound))
    return damaged_state(archive, state, read.error().message);
  if (!read) return read.error();
  const auto scheme = parse_partition_scheme(v);
  if (!scheme && !v.empty()) return damaged_state(archive, state, "unknown partition scheme \"" + v + "\"");
  return scheme;
}

std::optional<PartitionScheme> partitions_on_disk(const std::string& archive) {
  const fs::path root(archive);
  std::error_code ec;
  if (!fs::is_regular_file(root / kArchiveStubName, ec) || !check_archive_folder(root)) return std::nullopt;
  const std::set<std::string> parts = partitions_in(root);
  if (parts.empty()) return std::nullopt;
  for (const auto& p : parts)
    if (p != kUndatedPartition) return p.size() == 4 ? PartitionScheme::kYear : PartitionScheme::kMonth;
  return PartitionScheme::kNone;
}

Result<std::unordered_map<std::string, FileState>> load_archive_states(const std::string& archive) {
  return load_file_states((fs::path(archive) / kStateDbName).string());
}

struct PartitionedWriter::Impl {
  fs::path archive;
  PartitionScheme scheme = PartitionScheme::kYear;
  WriterOptions options;
  std::unique_ptr<Writer> state;
  std::map<std::string, std::unique_ptr<Writer>> open;
  std::set<std::string> existing;
  bool stub_stale = false;
  // Articles written to any partition since the last commit. One batch bounds the whole
  // archive's memory: each partition's Writer would otherwise hold up to a batch of its own,
  // and a feed file with articles of many years feeds all of them at once.
  std::size_t pending = 0;
  // The file begun: the partitions that held it before, the partitions it was begun in, its
  // progress in those whose Writer was closed meanwhile (given back when opened again), and the
  // articles it moved to another partition by changing their date (see move_article).
  struct OpenFile {
    std::string key;
    std::string root;
    std::set<std::string> before;
    std::set<std::string> parts;
    std::map<std::string, Writer::FileWrite> parked;
    std::size_t moved = 0;
  };
  std::optional<OpenFile> file;
  // Ids warned about as repeats in this run, by any partition (one warning per id and run).
  std::shared_ptr<std::set<std::string>> warned = std::make_shared<std::set<std::string>>();

  Result<Writer*> partition(const std::string& name) {
    if (auto it = open.find(name); it != open.end()) return it->second.get();
    if (open.size() >= kMaxOpenPartitions) {
      for (auto& [n, w] : open) {
        if (auto c = w->commit(); !c) return c.error();
        if (auto fw = w->detach_file(); fw && file) file->parked.emplace(n, std::move(*fw));
      }
      open.clear();
    }
    auto w = open_writer(archive / name, options);
    if (!w) return w.error();
    (*w)->share_warned(warned);
    if (file) {
      if (auto it = file->parked.find(name); it != file->parked.end()) {
        (*w)->attach_file(std::move(it->second));
        file->parked.erase(it);
      }
    }
    if (existing.insert(name).second) stub_stale = true;
    return (open[name] = std::move(w).value()).get();
  }

  // The Writer of partition `name`, with the open file begun there (when first needed).
  Result<Writer*> file_write(const std::string& name) {
    auto w = partition(name);
    if (!w) return w.error();
    if (!file->parts.count(name)) {
      if (auto begun = (*w)->begin_file(file->key, file->root); !begun) return begun.error();
      file->parts.insert(name);
    }
    return w;
  }

  // Where the article `id_term` is ("" when nowhere): the partition of its content's date. An id
  // whose records fall in several partitions (dated differently) stays one article there, where
  // the id rule decides between them as in one database; if another record wins, the article
  // moves to that record's partition (move_article).
  Result<std::string> home_of(const std::string& id_term) {
    auto recorded = state->metadata(home_key(id_term));
    if (!recorded) return recorded.error();
    const std::string home = *recorded;
    if (home.empty() || !existing.count(home)) return std::string();
    auto w = partition(home);
    if (!w) return w.error();
    return (*w)->has_article(id_term) ? home : std::string();
  }

  // Hands a partition's marks of holders to read again to the state database, which gives
  // file states (see ArchiveWriter::take_restores); the partition keeps its own marks too, so
  // that a run killed between the partition's commit and the state's still reads them.
  Status collect_rereads(Writer& w) {
    // An article deleted with its last holder leaves no home behind.
    for (const auto& id_term : w.take_deleted())
      if (auto s = state->set_metadata(home_key(id_term), ""); !s) return s;
    auto marks = w.take_restores();
    return marks.empty() ? Status(Ok{}) : state->mark_reread(marks);
  }

  // The partitions holding some article of `file_key`. A file indexed before its partitions
  // were recorded could be anywhere: all partitions are searched then.
  Result<std::set<std::string>> parts_of(const std::string& file_key) const {
    auto v = state->metadata(parts_key(file_key));
    if (!v) return v.error();
    if (v->empty()) {
      auto known = state->file_state(file_key);
      if (!known) return known.error();
      return *known ? existing : std::set<std::string>{};
    }
    auto moved = state->metadata(moved_key(schema::file_term(file_key)));
    if (!moved) return moved.error();
    std::set<std::string> out;
    std::istringstream in(*v + " " + *moved);
    for (std::string p; in >> p;)
      if (p != kNoParts) out.insert(p);
    return out;
  }

  // Moves the article `id_term` (with its quotes) from partition `from` to `to`, where its
  // content's date now puts it, and adds `to` to every holder's partitions so that a holder's
  // removal finds it there. With `count_as_move`, counted as added to `to` and removed from `from`.
  Status move_article(const std::string& id_term, const std::string& from, const std::string& to, bool count_as_move) {
    auto dst = partition(to);
    auto src = dst ? partition(from) : dst;
    if (src) dst = partition(to);  // opening `from` may have closed the others
    if (!src || !dst) return !src ? src.error() : dst.error();
    Writer* source = *src;
    auto moved = source->article(id_term);
    if (!moved) return moved.error();
    if (!*moved) return Ok{};
    for (const auto& h : (*moved)->holders) {
      std::set<std::string> parts{to};
      auto moved_to = state->metadata(moved_key(h));
      if (!moved_to) return moved_to.error();
      std::istringstream in(*moved_to);
      for (std::string p; in >> p;) parts.insert(p);
      if (auto s = state->set_metadata(moved_key(h), parts_value(parts)); !s) return s;
    }
    if (auto s = (*dst)->put_article((*moved)->built); !s) return s;
    if (auto s = source->delete_article(id_term); !s) return s;
    if (auto s = state->set_metadata(home_key(id_term), to); !s) return s;
    if (existing.insert(to).second) stub_stale = true;
    pending += 2;
    // Counted as a date move within one file is: added to `to`, removed from `from`, instead of
    // the update `from` counted (end_file settles the counts).
    if (count_as_move) ++file->moved;
    return Ok{};
  }
};

namespace {

constexpr std::string_view kRebuildSuffix = ".rebuild-";

}  // namespace

Result<ArchiveRebuild> start_archive_rebuild(const std::string& archive, bool partitioned, const WriterOptions& options) {
  ArchiveRebuild r;
  fs::path root = fs::path(archive).lexically_normal();
  if (!root.has_filename()) root = root.parent_path();  // "news/" -> "news"
  r.archive = root.string();
  std::error_code ec;
  if (fs::exists(root, ec)) {
    if (!partitioned)
      return Error{ErrorCode::kUsage,
                   r.archive + ": --rebuild with --partition needs a partitioned archive or a new path here",
                   "rebuild a plain database without --partition, or give --db a new folder"};
    // A file in the state's place is no database: nothing to lock, and no run can write it.
    if (fs::is_directory(root / kStateDbName, ec)) {
      auto state = locate_part(root / kStateDbName);
      if (!state) return state.error();
      auto lock = WriteLock::acquire(*state, options);
      if (!lock) return lock.error();
      r.lock = std::move(lock).value();
    }
  }
  // Only the lock holder (or the first run on a new path) gets here: leftovers of rebuilds that
  // were killed are nobody's.
  const fs::path parent = root.has_parent_path() ? root.parent_path() : fs::path(".");
  const std::string stem = root.filename().string() + std::string(kRebuildSuffix);
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string n = e.path().filename().string();
    if (n.rfind(stem, 0) == 0 && e.is_directory(ec)) {
      spdlog::info("removed {} left by an interrupted --rebuild", e.path().string());
      fs::remove_all(e.path(), ec);
    }
  }
  r.building = (parent / (stem + std::to_string(::getpid()))).string();
  return r;
}

Status finish_archive_rebuild(ArchiveRebuild& r) {
  std::error_code ec;
  const bool replace = fs::exists(r.archive, ec);
  const int rc = replace ? ::renameat2(AT_FDCWD, r.building.c_str(), AT_FDCWD, r.archive.c_str(), RENAME_EXCHANGE)
                         : std::rename(r.building.c_str(), r.archive.c_str());
  if (rc != 0) {
    const std::string why = std::strerror(errno);
    abandon_archive_rebuild(r);
    return Error{ErrorCode::kIo, r.archive + ": cannot swap in the rebuilt archive: " + why,
                 "the archive is unchanged"};
  }
  // Release the old archive's lock only now: a run waiting for it opens the new one.
  if (r.lock) r.lock->release();
  if (replace) {
    fs::remove_all(r.building, ec);  // the old archive, after the exchange
    if (ec) spdlog::warn("{}: could not remove the previous archive: {}", r.building, ec.message());
  }
  return Ok{};
}

void abandon_archive_rebuild(ArchiveRebuild& r) {
  std::error_code ec;
  fs::remove_all(r.building, ec);
}

PartitionedWriter::PartitionedWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PartitionedWriter::~PartitionedWriter() = default;

Result<std::unique_ptr<PartitionedWriter>> PartitionedWriter::open(const std::string& archive,
                                                                   PartitionScheme scheme,
                                                                   const WriterOptions& options) {
  const fs::path root = fs::path(archive).lexically_normal();
  if (auto st = check_archive_folder(root); !st) return st.error();
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return Error{ErrorCode::kIo, archive + ": cannot create the archive folder: " + ec.message(), ""};
  auto impl = std::make_unique<Impl>();
  impl->archive = root;
  impl->scheme = scheme;
  impl->options = options;
  // The state database's lock is the archive's lock: a second run waits here.
  auto st = open_writer(root / kStateDbName, options);
  if (!st) return st.error();
  impl->state = std::move(st).value();
  auto scheme_entry = impl->state->metadata(std::string(kSchemeKey));
  if (!scheme_entry) return scheme_entry.error();
  const std::string recorded = *scheme_entry;
  if (recorded.empty()) {
    if (auto s = impl->state->set_metadata(std::string(kSchemeKey), partition_scheme_name(scheme)); !s)
      return s.error();
  } else if (recorded != partition_scheme_name(scheme)) {
    return Error{ErrorCode::kUsage,
                 archive + ": archive is partitioned by " + recorded + ", not " + partition_scheme_name(scheme),
                 "run with --partition " + recorded + ", or --rebuild into a new folder"};
  }
  impl->existing = partitions_in(root);
  impl->stub_stale = !fs::exists(root / kArchiveStubName, ec);
  return std::unique_ptr<PartitionedWriter>(new PartitionedWriter(std::move(impl)));
}

Status PartitionedWriter::begin_file(const std::string& file_key, const std::string& root) {
  auto parts = impl_->parts_of(file_key);
  if (!parts) return parts.error();
  impl_->file = Impl::OpenFile{file_key, root, std::move(parts).value(), {}, {}, 0};
  return Ok{};
}

Status PartitionedWriter::write_articles(std::vector<BuiltArticle> chunk) {
  if (!impl_->file) return Error{ErrorCode::kDatabase, impl_->archive.string() + ": internal error: write_articles without begin_file", ""};
  auto& file = *impl_->file;
  std::map<std::string, std::vector<BuiltArticle>> groups;
  // Articles written to the partition their id is in, not their date's one.
  struct Away {
    std::string id_term, home, date_part, source_before;
  };
  std::vector<Away> away;
  for (auto& a : chunk) {
    std::string p = partition_of(a.article.doc.get_value(schema::slot(schema::Slot::kDate)), impl_->scheme);
    auto home = impl_->home_of(a.article.id_term);
    if (!home) return home.error();
    if (home->empty()) {
      if (auto s = impl_->state->set_metadata(home_key(a.article.id_term), p); !s) return s;
    } else if (*home != p) {
      auto w = impl_->partition(*home);
      if (!w) return w.error();
      away.push_back({a.article.id_term, *home, p, (*w)->source_of(a.article.id_term)});
      p = *home;
    }
    groups[p].push_back(std::move(a));
  }
  for (auto& [p, g] : groups) {
    auto w = impl_->file_write(p);
    if (!w) return w.error();
    impl_->pending += g.size();
    if (auto st = (*w)->write_articles(std::move(g)); !st) return st.error();
    if (auto st = impl_->collect_rereads(**w); !st) return st;
  }
  // Where this file's record is now the article, it goes to its date's partition.
  const std::string fterm = schema::file_term(file.key);
  for (const auto& a : away) {
    auto w = impl_->partition(a.home);
    if (!w) return w.error();
    if ((*w)->source_of(a.id_term) != fterm) continue;
    if (auto dst = impl_->file_write(a.date_part); !dst) return dst.error();  // the file has an article there now
    // This file's own record changing its date is counted as a move (added there, removed
    // here); another file's record taking over stays the update it is.
    if (auto st = impl_->move_article(a.id_term, a.home, a.date_part, a.source_before == fterm); !st) return st;
  }
  if (impl_->pending >= impl_->options.batch_size)
    if (auto c = commit(); !c) return c.error();
  return Ok{};
}

Result<WriteCounts> PartitionedWriter::end_file(const FileState& state) {
  if (!impl_->file) return Error{ErrorCode::kDatabase, impl_->archive.string() + ": internal error: end_file without begin_file", ""};
  // The file stays open while its partitions end it (a partition opened again gets its progress
  // back), and is closed however this ends (on success, before the commit below).
  struct Close {
    std::optional<Impl::OpenFile>& file;
    ~Close() { file.reset(); }
  } close{impl_->file};
  const Impl::OpenFile& file = *impl_->file;
  WriteCounts total;
  std::vector<std::string> parts;
  for (const auto& p : file.parts) {
    auto w = impl_->partition(p);
    if (!w) return w.error();
    auto c = (*w)->end_file(state);
    if (!c) return c.error();
    if (auto st = impl_->collect_rereads(**w); !st) return st.error();
    total += *c;
    parts.push_back(p);
  }
  // An article moved by its date counts as added to its new partition and removed from its old
  // one, not as the update its old partition counted.
  total.updated -= std::min(total.updated, file.moved);
  total.added += file.moved;
  total.removed += file.moved;
  // Partitions that held the file before and got none of its articles now.
  for (const auto& p : file.before) {
    if (file.parts.count(p)) continue;
    auto w = impl_->partition(p);
    if (!w) return w.error();
    auto c = (*w)->remove_file(file.key);
    if (!c) return c.error();
    if (auto st = impl_->collect_rereads(**w); !st) return st.error();
    total += *c;
  }
  if (auto s = impl_->state->record_state(file.key, state); !s) return s.error();
  if (auto s = impl_->state->clear_reread(file.key); !s) return s.error();
  if (auto s = impl_->state->set_metadata(parts_key(file.key), parts_value(parts)); !s) return s.error();
  // Ended before the commit below, which would otherwise record the file as provisional again.
  impl_->file.reset();
  impl_->pending += total.removed;
  if (impl_->pending >= impl_->options.batch_size)
    if (auto c = commit(); !c) return c.error();
  return total;
}

Status PartitionedWriter::record_state(const std::string& file_key, const FileState& state) {
  return impl_->state->record_state(file_key, state);
}

Result<WriteCounts> PartitionedWriter::remove_file(const std::string& file_key) {
  WriteCounts total;
  auto parts = impl_->parts_of(file_key);
  if (!parts) return parts.error();
  for (const auto& p : *parts) {
    if (!impl_->existing.count(p)) continue;
    auto w = impl_->partition(p);
    if (!w) return w.error();
    auto c = (*w)->remove_file(file_key);
    if (!c) return c.error();
    if (auto st = impl_->collect_rereads(**w); !st) return st.error();
    total += *c;
  }
  if (auto c = impl_->state->remove_file(file_key); !c) return c.error();
  if (auto s = impl_->state->set_metadata(moved_key(schema::file_term(file_key)), ""); !s) return s.error();
  if (auto s = impl_->state->set_metadata(parts_key(file_key), ""); !s) return s.error();
  return total;
}

Result<std::unordered_map<std::string, FileState>> PartitionedWriter::file_states() const {
  auto states = impl_->state->file_states();
  if (!states) return states;
  // A partition's marks of holders to read again that a killed run committed there and not yet
  // in the state database (see Impl::collect_rereads).
  std::set<std::string> marked;
  for (const auto& p : impl_->existing) {
    auto marks = load_reread_marks((impl_->archive / p).string());
    if (!marks) return marks.error();
    marked.insert(marks->begin(), marks->end());
  }
  if (marked.empty()) return states;
  for (auto& [key, st] : *states)
    if (marked.count(schema::file_term(key))) st = FileState::provisional(st.root);
  return states;
}

std::vector<Restore> PartitionedWriter::take_restores() { return impl_->state->take_restores(); }

Status PartitionedWriter::commit() {
  impl_->pending = 0;
  if (impl_->file) {
    // A commit inside a file: its provisional state, and every partition it may now have
    // articles in, so that the next run redoes it or, if it is gone, finds all of them.
    const Impl::OpenFile& f = *impl_->file;
    std::set<std::string> parts = f.before;
    parts.insert(f.parts.begin(), f.parts.end());
    if (auto s = impl_->state->record_state(f.key, FileState::provisional(f.root)); !s) return s;
    if (auto s = impl_->state->set_metadata(parts_key(f.key), parts_value(parts)); !s) return s;
  }
  // One partition's database error commits nothing anywhere (see ArchiveWriter::commit).
  for (auto& [name, w] : impl_->open)
    if (auto e = w->failure()) return *e;
  if (auto e = impl_->state->failure()) return *e;
  for (auto& [name, w] : impl_->open)
    if (auto c = w->commit(); !c) return c;
  if (auto c = impl_->state->commit(); !c) return c;
  if (impl_->stub_stale && !impl_->existing.empty()) {
    if (auto s = write_stub(impl_->archive, impl_->existing); !s) return s;
    impl_->stub_stale = false;
  }
  return Ok{};
}

Status PartitionedWriter::set_archive_metadata(const std::string& key, const std::string& value) {
  return impl_->state->set_archive_metadata(key, value);
}

Result<std::map<std::string, std::string>> PartitionedWriter::archive_metadata(const std::string& prefix) const {
  return impl_->state->archive_metadata(prefix);
}

Result<std::vector<std::string>> PartitionedWriter::compact_closed(const std::string& current_period) {
  std::vector<std::string> done;
  const std::set<std::string> names = impl_->existing;
  for (const auto& p : names) {
    if (p == kUndatedPartition || p >= current_period) continue;
    const fs::path path = impl_->archive / p;
    const std::string key = std::string(kCompactedKeyPrefix) + p;
    auto revision = revision_of(path);
    if (!revision) return revision.error();
    auto compacted = impl_->state->metadata(key);
    if (!compacted) return compacted.error();
    if (*compacted == *revision) continue;  // unchanged since its compaction
    auto w = impl_->partition(p);  // holds the partition's lock until the swap is done
    if (!w) return w.error();
    if (auto c = (*w)->commit(); !c) return c.error();
    std::error_code ec;
    // A partition moved to another disk and left as a symlink is compacted on that disk.
    const fs::path real = fs::canonical(path, ec);
    if (ec) return Error{ErrorCode::kIo, path.string() + ": " + ec.message(), ""};
    const fs::path tmp = real.parent_path() / (real.filename().string() + std::string(kCompactSuffix));
    fs::remove_all(tmp, ec);  // a leftover of an interrupted run; the state lock is ours
    auto st = xapian_db::guarded(path.string(), [&] { Xapian::Database(path.string()).compact(tmp.string()); });
    if (!st) {
      fs::remove_all(tmp, ec);
      return st.error();
    }
    // One atomic step for readers: a search opening the partition sees the old or the new one;
    // one already reading the old files keeps them until it reopens.
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, real.c_str(), RENAME_EXCHANGE) != 0) {
      const std::string why = std::strerror(errno);
      fs::remove_all(tmp, ec);
      return Error{ErrorCode::kIo, path.string() + ": cannot swap in the compacted copy: " + why,
                   "the partition is unchanged; xapian-compact can be used instead (docs/operations.md)"};
    }
    impl_->open.erase(p);  // closes the old copy, releasing its lock
    fs::remove_all(tmp, ec);
    if (ec) spdlog::warn("{}: could not remove the old copy: {}", tmp.string(), ec.message());
    revision = revision_of(path);
    if (!revision) return revision.error();
    if (auto s = impl_->state->set_metadata(key, *revision); !s) return s.error();
    if (auto c = impl_->state->commit(); !c) return c.error();
    done.push_back(p);
  }
  return done;
}

Result<std::vector<Xapian::WritableDatabase>> PartitionedWriter::databases() {
  std::vector<Xapian::WritableDatabase> out;
  for (const auto& name : impl_->existing) {
    auto it = impl_->open.find(name);
    if (it == impl_->open.end()) {
      auto w = open_writer(impl_->archive / name, impl_->options);
      if (!w) return w.error();
      it = impl_->open.emplace(name, std::move(w).value()).first;
    }
    auto dbs = it->second->databases();
    if (!dbs) return dbs.error();
    out.push_back(dbs->front());
  }
  return out;
}

}  // namespace newsidx::indexer
