// The archive target: plain, partitioned or rebuild, chosen once; compaction and the rebuild
// swap behind it.
#include "target.hpp"

#include <ctime>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/xapian_db.hpp"
#include "indexer/storage/db_files.hpp"
#include "indexer/storage/partition.hpp"

namespace newsidx::indexer {

namespace {

// The partition scheme of this run: the one asked for, or the archive's own (`existing`). An
// archive already partitioned another way, or a partitioned archive with --rebuild, is a usage
// error.
Result<PartitionScheme> run_scheme(const IndexOptions& o, const std::optional<PartitionScheme>& existing) {
  const auto asked = o.partition.empty() ? existing.value_or(PartitionScheme::kNone)
                                         : parse_partition_scheme(o.partition).value_or(PartitionScheme::kNone);
  // A rebuild may re-partition (into a new archive swapped in whole), not un-partition in place.
  if (existing && asked != *existing && !(o.rebuild && asked != PartitionScheme::kNone))
    return Error{ErrorCode::kUsage,
                 o.db + ": archive is partitioned by " + partition_scheme_name(*existing) + ", not " +
                     partition_scheme_name(asked),
                 "run with --partition " + partition_scheme_name(*existing) + " or index into a new path"};
  if (asked == PartitionScheme::kNone && o.compact)
    return Error{ErrorCode::kUsage, o.db + ": --compact applies to archives indexed with --partition",
                 "compact a single database with xapian-compact (docs/operations.md)"};
  return asked;
}

// The scheme of the partitioned archive at --db whose state database cannot be read
// (`unreadable`, from archive_scheme): with --rebuild the archive is built again from the folders
// given, partitioned as --partition says or else as its partitions' names show; without, the
// error stands.
Result<std::optional<PartitionScheme>> damaged_archive_scheme(const IndexOptions& o, const Error& unreadable) {
  if (!o.rebuild || unreadable.code != ErrorCode::kDatabase) return unreadable;
  const auto on_disk = partitions_on_disk(o.db);
  if (!on_disk) return unreadable;
  // A partitioned archive is rebuilt partitioned (as run_scheme has it), never as one database.
  if (!o.partition.empty()) {
    const auto asked = parse_partition_scheme(o.partition);
    if (!asked || *asked == PartitionScheme::kNone) return unreadable;
    return asked;
  }
  if (*on_disk == PartitionScheme::kNone)
    return Error{ErrorCode::kUsage, o.db + ": cannot tell how the archive was partitioned (its state database is damaged)",
                 "say it: newsidx-index --rebuild --partition year (or month) --db " + o.db + " FOLDER..."};
  spdlog::warn("{}: rebuilding the archive by {} from the folders given (its state database is damaged)", o.db,
               partition_scheme_name(*on_disk));
  return on_disk;
}

// --relink links an existing archive: a mistyped --db must not create an empty one. `loc` is
// what lies at --db when it is not a partitioned archive.
Status check_relink_target(const IndexOptions& o, const std::optional<Result<DbLocation>>& loc) {
  if (o.relink && o.archives.empty() && loc) {
    if (*loc && (*loc)->kind == DbKind::kAbsent)
      return Error{ErrorCode::kNotFound, o.db + ": no database to relink", "check the --db path"};
  }
  return Ok{};
}

// What --rebuild holds while it builds: the lock of the database being replaced and where the
// new generation goes.
struct RebuildPlan {
  DbLocation current;
  std::string generation;
  std::unique_ptr<WriteLock> lock;
  std::unique_ptr<Writer> placeholder;  // an empty database created to lock a new path
};

Result<RebuildPlan> start_rebuild(const IndexOptions& o, DbLocation loc, const WriterOptions& wo) {
  RebuildPlan plan;
  if (loc.kind == DbKind::kAbsent) {
    // Nothing to replace yet: an empty database holds the path (and its lock) until the swap,
    // so searches meanwhile find no articles rather than some. Xapian creates it as a folder
    // at the path.
    auto w = Writer::open(loc, wo);
    if (!w) return w.error();
    plan.placeholder = std::move(w).value();
    loc.kind = DbKind::kDirectory;
  } else {
    // Another program's database is never replaced: only one carrying newsidx's schema mark, or
    // one too damaged to tell.
    if (xapian_db::foreign_database(o.db))
      return Error{ErrorCode::kSchemaMismatch, o.db + ": not a newsidx database (no schema mark); --rebuild refused",
                   "point --db at a database written by newsidx-index, or at a new path; nothing was changed"};
    auto lock = WriteLock::acquire(loc, wo);
    if (!lock) return lock.error();
    plan.lock = std::move(lock).value();
    if (!plan.lock->held()) spdlog::warn("{}: the database cannot be opened; replacing it", o.db);
  }
  plan.current = loc;
  plan.generation = new_generation_dir(o.db);
  if (auto st = check_writable(DbLocation{DbKind::kAbsent, plan.generation, plan.generation}); !st)
    return st.error();
  // Only a holder of the lock gets here, so no other rebuild is using these leftovers.
  for (const auto& d : remove_stale_generations(o.db, plan.current.kind == DbKind::kStub ? plan.current.dir : ""))
    spdlog::info("removed {} left by an interrupted --rebuild", d);
  return plan;
}

// Removes the partial new generation; the previous database stays as it was.
void abandon_rebuild(const RebuildPlan& plan) {
  std::error_code ec;
  std::filesystem::remove_all(plan.generation, ec);
}

Status finish_rebuild(RebuildPlan& plan) {
  auto old = swap_in_generation(plan.current, plan.generation);
  if (!old) return old.error();
  // Release the old database's lock only now: a run waiting for it opens the new one.
  if (plan.lock) plan.lock->release();
  plan.placeholder.reset();
  if (!old->empty()) {
    std::error_code ec;
    std::filesystem::remove_all(*old, ec);
    if (ec) spdlog::warn("{}: could not remove the previous database: {}", *old, ec.message());
  }
  spdlog::debug("{}: now {}", plan.current.path, plan.generation);
  return Ok{};
}

}  // namespace

// Declared in this order so that, as before the split, a rebuild's lock is let go before the
// writer is closed when a run fails early.
struct ArchiveTarget::Impl {
  std::unique_ptr<ArchiveWriter> writer;
  PartitionedWriter* parts = nullptr;  // the writer, when the archive is partitioned
  PartitionScheme scheme = PartitionScheme::kNone;
  std::optional<RebuildPlan> rebuild;
  std::optional<ArchiveRebuild> archive_rebuild;  // --rebuild of a partitioned archive
};

ArchiveTarget::ArchiveTarget(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ArchiveTarget::~ArchiveTarget() = default;

ArchiveWriter& ArchiveTarget::writer() { return *impl_->writer; }

bool ArchiveTarget::plain_rebuild() const { return impl_->rebuild.has_value(); }

bool ArchiveTarget::rebuilding() const { return impl_->rebuild || impl_->archive_rebuild; }

Result<std::vector<std::string>> ArchiveTarget::compact() {
  if (!impl_->parts) return std::vector<std::string>{};
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const std::string today = fmt::format("{:04}{:02}{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  return impl_->parts->compact_closed(partition_of(today, impl_->scheme));
}

Status ArchiveTarget::settle(bool ok) {
  impl_->parts = nullptr;
  impl_->writer.reset();
  if (auto& plan = impl_->archive_rebuild) {
    if (!ok) abandon_archive_rebuild(*plan);
    else if (auto st = finish_archive_rebuild(*plan); !st) return st;
  }
  if (auto& plan = impl_->rebuild) {
    if (!ok) abandon_rebuild(*plan);
    else if (auto st = finish_rebuild(*plan); !st) return st;
  }
  return Ok{};
}

Result<std::unique_ptr<ArchiveTarget>> open_target(const IndexOptions& o, WriterOptions wo) {
  // --db is looked at once here: a partitioned archive, or else what locate_db finds there
  // (its error is reported only where a single database is written).
  auto found = archive_scheme(o.db);
  if (!found) found = damaged_archive_scheme(o, found.error());
  if (!found) return found.error();
  const std::optional<PartitionScheme> existing = found.value();
  std::optional<Result<DbLocation>> loc;
  if (!existing) loc.emplace(locate_db(o.db));
  if (auto st = check_relink_target(o, loc); !st) return st.error();
  auto scheme = run_scheme(o, existing);
  if (!scheme) return scheme.error();
  auto t = std::make_unique<ArchiveTarget::Impl>();
  t->scheme = *scheme;
  std::string target = o.db;
  if (*scheme != PartitionScheme::kNone) {
    wo.before_commit = nullptr;  // a batch's stories are settled by the run's last step
    if (o.rebuild) {
      auto plan = start_archive_rebuild(o.db, existing.has_value(), wo);
      if (!plan) return plan.error();
      t->archive_rebuild = std::move(plan).value();
      target = t->archive_rebuild->building;
    }
    auto w = PartitionedWriter::open(target, *scheme, wo);
    if (!w) return w.error();
    t->parts = w->get();
    t->writer = std::move(w).value();
  } else {
    // A single database is never an archive already partitioned (run_scheme refuses that).
    if (!*loc) return loc->error();
    DbLocation where = **loc;
    if (o.rebuild) {
      auto plan = start_rebuild(o, where, wo);
      if (!plan) return plan.error();
      t->rebuild = std::move(plan).value();
      where = DbLocation{DbKind::kAbsent, t->rebuild->generation, t->rebuild->generation};
    }
    auto w = Writer::open(where, wo);
    if (!w) return w.error();
    t->writer = std::move(w).value();
  }
  return std::unique_ptr<ArchiveTarget>(new ArchiveTarget(std::move(t)));
}

}  // namespace newsidx::indexer
