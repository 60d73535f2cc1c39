// The indexing pipeline: workers read, analyse and build documents in parallel; the calling
// thread is the single writer and consumes their results in file order, so a run's outcome
// does not depend on thread timing.
#include "run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <functional>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/aliases.hpp"
#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/archive_writer.hpp"
#include "indexer/cluster_step.hpp"
#include "indexer/db_files.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/entities/analyzer.hpp"
#include "indexer/extract_json.hpp"
#include "indexer/file_source.hpp"
#include "indexer/link_step.hpp"
#include "indexer/partition.hpp"
#include "indexer/progress.hpp"
#include "indexer/readers/reader.hpp"
#include "indexer/status.hpp"
#include "indexer/walker.hpp"
#include "indexer/writer.hpp"

namespace newsidx::indexer {

namespace {

std::atomic<int> g_signal{0};

extern "C" void on_signal(int sig) { g_signal.store(sig); }

// A file whose size, mtime and root match its recorded state is taken as unchanged unread.
bool same_stat(const FileState& old, const InputFile& f) {
  return old.size == f.size && old.mtime_ns == f.mtime_ns && old.root == f.root;
}

// A file read again whose content hash and root match its recorded state is unchanged too.
bool same_content(const FileState& old, const InputFile& f, const std::string& hash) {
  return !old.hash.empty() && old.hash == hash && old.root == f.root;
}

// Everything a worker produced for one file.
struct FileOutcome {
  bool unchanged = false;       // same size+mtime, or same content hash
  bool state_only = false;      // content unchanged but mtime moved: record the new state
  bool failed = false;          // unreadable: nothing to write, old documents kept
  std::string error;
  FileState state;
  std::vector<std::string> extract_lines;
  std::vector<readers::ReadWarning> warnings;
  std::size_t articles_read = 0;
};

// A file's built documents are handed to the writer in chunks of about this much article text:
// built documents take about forty times their text, and a JSON Lines feed or a Reuters .sgm
// holds a thousand articles (150 MB built whole for a 2.5 MB feed).
constexpr std::size_t kChunkTextBytes = 256u << 10;

// Why a file must not be read whole, or "" when it may be: checked before reading, so a sparse
// or huge file (`truncate -s 1T`) is a warning, not an allocation failure. A single-article
// format holds one article, so its file may not exceed --max-article-bytes; a multi-article
// file (a feed, an .sgm) is read whole and then handed on in chunks, so it may take a quarter
// of the machine's memory.
std::string too_large(const InputFile& f, const IndexOptions& o) {
  if (readers::format_for(f.key) == readers::Format::kText) {
    if (f.size <= o.max_article_bytes) return "";
    return fmt::format("file of {} bytes exceeds the article limit of {} bytes (--max-article-bytes)",
                       f.size, o.max_article_bytes);
  }
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return "";
  const std::uint64_t limit = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) / 4;
  if (f.size <= limit) return "";
  return fmt::format("file of {} bytes is larger than a quarter of this machine's memory ({} bytes)",
                     f.size, limit);
}

// Reads `f` whole unless it is too large; false (with `err`) when it is not read.
bool read_input(const InputFile& f, const IndexOptions& o, std::string& bytes, std::string& err) {
  err = too_large(f, o);
  if (!err.empty()) return false;
  try {
    if (read_whole_file(f.path, bytes, err)) return true;
    err = "cannot read: " + err;
  } catch (const std::bad_alloc&) {
    err = fmt::format("file of {} bytes: out of memory reading it", f.size);
  }
  return false;
}

// Analyses and builds one article; a failure (memory, or a bug on some odd input) is a warning
// that skips the article, never an abort of the run.
std::optional<BuiltArticle> analyse_article(const Article& a, const std::string& key, const IndexOptions& o,
                                            const aliases::Table& names, FileOutcome& r) {
  try {
    // Entity extraction is English-only; --no-entities stops after the readers.
    Analysis an = o.no_entities || !analysed_for_entities(a) ? Analysis{} : entities::analyze(a);
    if (o.extract_only) {
      r.extract_lines.push_back(extract_json(a, an, o.with_text));
      return std::nullopt;
    }
    // --extract-only shows the article's own values; the archive stores one name per entity
    // (aliases here, archive-level links by the link step) and keeps the own ones too.
    const Facets own = an.facets;
    an.facets = names.apply(an.facets);
    return build_documents(a, an, key, &own);
  } catch (const std::exception& e) {
    r.warnings.push_back({a.path, a.line, std::string("cannot analyse the article: ") + e.what(), true});
    --r.articles_read;
    return std::nullopt;
  }
}

// Reads, analyses and builds one file; its built articles go to `emit` in order, in chunks.
FileOutcome process_file(const InputFile& f, const std::optional<FileState>& old,
                         const IndexOptions& o, const aliases::Table& names,
                         const std::function<void(std::vector<BuiltArticle>)>& emit) {
  FileOutcome r;
  r.state = FileState{f.size, f.mtime_ns, "", f.root};
  if (old && !o.extract_only && same_stat(*old, f)) {
    r.unchanged = true;
    return r;
  }
  // A streamed format (a WARC) is hashed and read a slice at a time, never held whole.
  const bool streamed = readers::is_streamed(f.key);
  std::string bytes, err;
  if (streamed ? !hash_file(f.path, r.state.hash, err) : !read_input(f, o, bytes, err)) {
    if (streamed) err = "cannot read: " + err;
    r.failed = true;
    r.error = err;
    return r;
  }
  if (!streamed) r.state.hash = content_hash(bytes);
  if (old && !o.extract_only && same_content(*old, f, r.state.hash)) {
    r.unchanged = true;
    r.state_only = true;
    return r;
  }
  readers::ReaderOptions ro;
  ro.max_article_bytes = o.max_article_bytes;
  ro.pages = o.page_reader;
  std::vector<BuiltArticle> chunk;
  std::size_t chunk_text = 0;
  auto take = [&](const Article& a) {
    if (g_signal.load()) return;  // the writer has stopped: the file is redone by the next run
    ++r.articles_read;
    auto built = analyse_article(a, f.key, o, names, r);
    if (!built) return;
    chunk.push_back(std::move(*built));
    chunk_text += a.text.size();
    if (chunk_text >= kChunkTextBytes) {
      emit(std::move(chunk));
      chunk = {};
      chunk_text = 0;
    }
  };
  if (streamed) {
    FileSource file;
    if (!file.open(f.path, err)) {
      r.failed = true;
      r.error = "cannot read: " + err;
      return r;
    }
    r.warnings = readers::read_stream(f.key, f.path, file.source(), ro, take);
    if (!file.error().empty()) r.warnings.push_back({f.path, 0, "read error: " + file.error(), true});
  } else {
    readers::ReadResult rr = readers::read_file(f.key, f.path, bytes, ro);
    r.warnings = std::move(rr.warnings);
    for (const auto& a : rr.articles) take(a);
  }
  if (!chunk.empty()) emit(std::move(chunk));
  return r;
}

// A file's built articles reach the writer through its slot as they are built, a few chunks
// at most ahead of the writer, so one large file is never held built whole.
constexpr std::size_t kChunksAhead = 2;
// The window holds at most kInflightBytes of input, counted from a worker taking a file until
// the writer has written it; a file larger than that runs alone. A file's built documents take
// about forty times its text, and multi-article files (a Reuters .sgm, a JSON Lines feed) hold
// a thousand articles each: a window counted in files let two or three 2.5 MB feeds be in
// memory at once (445 MB peak on the 200,000-article archive, 175 MB before its feeds).
constexpr std::uint64_t kInflightBytes = 4u << 20;

struct Slot {
  std::deque<std::vector<BuiltArticle>> chunks;
  std::optional<FileOutcome> outcome;  // set when the worker is done with the file
};

// What the workers share with the writer. The workers hold it through a shared_ptr: after a
// signal the writer commits and returns at once, without waiting for a worker in the middle of
// a long article, which finds the run stopped at its next article and ends.
struct Pipeline {
  IndexOptions o;
  aliases::Table names;  // the alias table facets are stored through
  std::vector<InputFile> files;
  std::unordered_map<std::string, FileState> known;
  std::vector<std::size_t> todo;  // indices of the files workers must read, in file order
  std::vector<Slot> slots;
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::size_t next = 0, done_upto = 0;  // positions in `todo`
  std::size_t window = 4;               // files workers may run ahead of the writer
  std::uint64_t inflight = 0;           // bytes of the files taken by workers and not yet written
  bool writer_stopped = false;          // the writer consumes no more chunks (fatal error, or done)
};

// One worker: takes the next file in order, within the window, and hands its chunks and outcome
// to the writer through its slot.
void work(Pipeline& p) {
  for (;;) {
    std::size_t i;
    {
      std::unique_lock lk(p.mu);
      p.consumed.wait(lk, [&] {
        if (p.next >= p.todo.size() || g_signal.load() || p.inflight == 0) return true;
        return p.next < p.done_upto + p.window && p.inflight + p.files[p.todo[p.next]].size <= kInflightBytes;
      });
      if (p.next >= p.todo.size() || g_signal.load()) {
        lk.unlock();
        p.produced.notify_all();  // the writer may be waiting for a file nobody will start
        return;
      }
      i = p.todo[p.next++];
      p.inflight += p.files[i].size;
    }
    const InputFile& f = p.files[i];
    std::optional<FileState> old;
    if (auto it = p.known.find(f.key); it != p.known.end()) old = it->second;
    auto emit = [&](std::vector<BuiltArticle> chunk) {
      {
        std::unique_lock lk(p.mu);
        p.consumed.wait(lk, [&] { return p.slots[i].chunks.size() < kChunksAhead || p.writer_stopped; });
        if (p.writer_stopped) return;  // nothing more is written: the chunk is dropped
        p.slots[i].chunks.push_back(std::move(chunk));
      }
      p.produced.notify_all();
    };
    FileOutcome r = process_file(f, old, p.o, p.names, emit);
    {
      std::lock_guard lk(p.mu);
      p.slots[i].outcome = std::move(r);
    }
    p.produced.notify_all();
  }
}

// The id rule's last step: a file holding an article whose content is stale (its source let go
// of the id) is read again, whole, and written as any changed file (its state recorded anew, its
// mark cleared); the holders decide again which is the article. A holder outside this run's
// archives, or unreadable now, keeps its mark: a later run that walks it reads it.
Status restore_from_holders(ArchiveWriter& writer, const std::vector<InputFile>& files, const IndexOptions& o,
                            const aliases::Table& names, Summary& s) {
  // Reading a holder again may mark others (its own record went back a version): a few passes.
  for (int pass = 0; pass < 4; ++pass) {
    std::map<std::string, std::set<std::string>> wanted;  // holder's XFILE term -> id terms
    for (auto& r : writer.take_restores()) wanted[r.holder_term].insert(r.id_term);
    if (wanted.empty()) return Ok{};
    for (const InputFile& f : files) {
      auto it = wanted.find(schema::file_term(f.key));
      if (it == wanted.end()) continue;
      if (auto st = writer.begin_file(f.key, f.root); !st) return st;
      Status written = Ok{};
      std::size_t restored = 0;
      FileOutcome r = process_file(f, std::nullopt, o, names, [&](std::vector<BuiltArticle> chunk) {
        for (const auto& b : chunk) restored += it->second.count(b.article.id_term);
        if (written) written = writer.write_articles(std::move(chunk));
      });
      if (!written) return written;
      // A file cut short is not ended (that would drop what it was not read to hold): its mark
      // stays, and a commit records it as provisional, so the next run reads it again.
      if (g_signal.load()) return Ok{};
      if (r.failed) {
        spdlog::warn("{}: cannot restore {} articles from it: {}", f.path, it->second.size(), r.error);
        continue;
      }
      auto wc = writer.end_file(r.state);
      if (!wc) return wc.error();
      spdlog::debug("{}: read again to restore {} articles", f.path, restored);
      s.updated += restored;
    }
  }
  return Ok{};
}

void log_warnings(const FileOutcome& r, Summary& s) {
  for (const auto& w : r.warnings) {
    if (w.skipped) ++s.skipped;
    std::string where = w.line ? fmt::format("{}:{}", w.path, w.line) : w.path;
    if (w.not_article) {
      ++s.not_articles;
      spdlog::info("{}: not an article: {}", where, w.reason);
    } else if (w.skipped) spdlog::warn("{}: skipped: {}", where, w.reason);
    else spdlog::warn("{}: {}", where, w.reason);
  }
}

// What of a file was skipped, one reason a line, as its skipped-file record keeps it.
std::vector<std::string> skip_reasons(const FileOutcome& r) {
  std::vector<std::string> out;
  for (const auto& w : r.warnings)
    if (w.skipped) out.push_back(w.line ? fmt::format("line {}: {}", w.line, w.reason) : w.reason);
  return out;
}

// An unchanged file skipped by an earlier run is not read again, but named again.
void log_still_skipped(const SkipLedger* ledger, const InputFile& f, Summary& s) {
  const SkippedFile* old = ledger ? ledger->recorded(f.key) : nullptr;
  if (!old) return;
  for (const auto& reason : old->reasons) spdlog::warn("{}: still skipped (unchanged): {}", f.path, reason);
  ++s.still_skipped;
}

// The last run's record: the outcome in one word and the summary.
RunRecord run_record(std::time_t start, const Summary& s, const std::optional<Error>& fatal) {
  std::string detail = summary_line(s);
  if (detail.rfind("newsidx-index: ", 0) == 0) detail.erase(0, 15);
  RunRecord r{utc_timestamp(start), utc_timestamp(std::time(nullptr)), "completed", detail};
  if (fatal) r.outcome = "failed", r.detail = fatal->message;
  else if (s.interrupted) r.outcome = "interrupted";
  else if (s.prune_refused) r.outcome = "prune-refused";
  else if (s.skipped) r.outcome = "skipped-input";
  return r;
}

// --max-prune: whether the articles of `gone` may be removed. A refusal is logged as an error
// (shown even with -q) and counted.
// A run commits first (`writer`), so that the share counts what the vanished files still hold:
// a moved feed's articles already carry their new file. A dry run (no writer) counts them as
// committed, as a run would before writing.
bool prune_within_limit(const IndexOptions& o, ArchiveWriter* writer, const std::vector<std::string>& gone,
                        Summary& s) {
  if (gone.empty() || o.prune_all) return true;
  if (auto c = writer ? writer->commit() : Status(Ok{}); !c) {
    spdlog::error("not removing articles of vanished files: {}", c.error().message);
    s.prune_refused = gone.size();
    return false;
  }
  auto share = prune_share(o.db, gone);
  if (!share) {
    spdlog::error("not removing articles of vanished files: {}", share.error().message);
  } else if (prune_allowed(o.max_prune, share->articles, share->total)) {
    return true;
  } else {
    spdlog::error("{}: not removing the articles of {} files gone from the archive: {} of its {} articles, more "
                  "than --max-prune {} allows (is the archive folder empty, or its disk not mounted?); nothing "
                  "was removed; run with --prune-all to remove them",
                  o.db, gone.size(), share->articles, share->total, describe(o.max_prune));
  }
  s.prune_refused = gone.size();
  return false;
}


// Files of folders walked now whose recorded state says they were there before and are gone.
// A folder that could not be fully walked is not pruned, so an unreadable sub-folder never
// loses articles.
std::vector<std::string> vanished_files(const WalkResult& walked,
                                        const std::unordered_map<std::string, FileState>& known,
                                        const std::set<std::string>& seen) {
  std::vector<std::string> out;
  if (!walked.problems.empty()) {
    if (!known.empty())
      spdlog::warn("not removing articles of vanished files: part of the archive could not be read");
    return out;
  }
  std::set<std::string> prunable(walked.roots.begin(), walked.roots.end());
  for (const auto& [key, st] : known)
    if (!seen.count(key) && !st.root.empty() && prunable.count(st.root)) out.push_back(key);
  std::sort(out.begin(), out.end());
  return out;
}

// A signal while waiting for the lock is an interruption like any other (exit 128+signal),
// with nothing written.
Result<Summary> stopped_or(const Error& e, Summary s, double seconds) {
  if (e.code != ErrorCode::kInterrupted || !g_signal.load()) return e;
  s.interrupted = true;
  s.signal = g_signal.load();
  s.seconds = seconds;
  return s;
}

// The partition scheme of this run: the one asked for, or the archive's own. An archive already
// partitioned another way, or a partitioned archive with --rebuild, is a usage error.
Result<PartitionScheme> run_scheme(const IndexOptions& o) {
  const auto existing = archive_scheme(o.db);
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

// --dry-run: the same decisions as a real run (size+mtime, then content hash), printed.
Result<Summary> dry_run(const IndexOptions& o, const WalkResult& walked, Summary s, std::ostream& out) {
  auto known = archive_scheme(o.db) ? load_archive_states(o.db) : load_file_states(o.db);
  if (!known) return known.error();
  std::set<std::string> seen;
  for (const auto& f : walked.files) {
    seen.insert(f.key);
    auto it = known->find(f.key);
    if (it == known->end()) {
      out << "add " << f.path << '\n';
      ++s.added;
      continue;
    }
    const FileState& old = it->second;
    if (same_stat(old, f)) {
      ++s.files_unchanged;
      continue;
    }
    std::string hash, err = too_large(f, o);
    if (err.empty() && !hash_file(f.path, hash, err)) err = "cannot read: " + err;
    if (!err.empty()) {
      spdlog::warn("{}: skipped: {}", f.path, err);
      ++s.skipped;
      continue;
    }
    if (same_content(old, f, hash)) {
      ++s.files_unchanged;
      continue;
    }
    out << "update " << f.path << '\n';
    ++s.updated;
  }
  if (auto gone = vanished_files(walked, *known, seen); o.prune && prune_within_limit(o, nullptr, gone, s)) {
    for (const auto& key : gone) {
      out << "remove " << (std::filesystem::path(known->at(key).root) / key).string() << '\n';
      ++s.removed;
    }
  }
  return s;
}

// What --rebuild holds while it builds: the lock of the database being replaced and where the
// new generation goes.
struct RebuildPlan {
  DbLocation current;
  std::string generation;
  std::unique_ptr<WriteLock> lock;
  std::unique_ptr<Writer> placeholder;  // an empty database created to lock a new path
};

Result<RebuildPlan> start_rebuild(const IndexOptions& o, const WriterOptions& wo) {
  RebuildPlan plan;
  auto loc = locate_db(o.db);
  if (!loc) return loc.error();
  if (loc->kind == DbKind::kAbsent) {
    // Nothing to replace yet: an empty database holds the path (and its lock) until the swap,
    // so searches meanwhile find no articles rather than some.
    auto w = Writer::open(o.db, wo);
    if (!w) return w.error();
    plan.placeholder = std::move(w).value();
    loc = locate_db(o.db);
    if (!loc) return loc.error();
  } else {
    // Another program's database is never replaced: only one carrying newsidx's schema mark, or
    // one too damaged to tell.
    if (xapian_db::foreign_database(o.db))
      return Error{ErrorCode::kSchemaMismatch, o.db + ": not a newsidx database (no schema mark); --rebuild refused",
                   "point --db at a database written by newsidx-index, or at a new path; nothing was changed"};
    auto lock = WriteLock::acquire(o.db, wo);
    if (!lock) return lock.error();
    plan.lock = std::move(lock).value();
    if (!plan.lock->held()) spdlog::warn("{}: the database cannot be opened; replacing it", o.db);
  }
  plan.current = *loc;
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

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

namespace {
// "1 file", "2 files": counts in the summary read as English.
std::string count_of(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}
}  // namespace

std::string summary_line(const Summary& s) {
  if (!s.abandoned_rebuild.empty())
    return fmt::format(
        "newsidx-index: --rebuild stopped by signal {} after {:.1f} s and abandoned: {} is left as it was, and "
        "the {} written so far went to the discarded copy",
        s.signal, s.seconds, s.abandoned_rebuild, count_of(s.added + s.updated, "article"));
  if (s.dry_run)
    return fmt::format(
        "newsidx-index: dry run: {}, {} to add, {} to update, {} to remove, {} unchanged, "
        "{} skipped, {:.1f} s{}",
        count_of(s.files, "file"), s.added, s.updated, s.removed, s.files_unchanged, s.skipped, s.seconds,
        s.prune_refused ? fmt::format(", pruning of {} refused (--max-prune)", count_of(s.prune_refused, "vanished file")) : "");
  double rate = s.seconds > 0 ? static_cast<double>(s.added + s.updated) / s.seconds : 0.0;
  return fmt::format(
      "newsidx-index: {} ({} unchanged), {} read, {} added, {} updated, "
      "{} removed, {} skipped{}{}{}, {:.1f} s, {:.0f} articles/s{}{}{}{}",
      count_of(s.files, "file"), s.files_unchanged, count_of(s.articles_read, "article"), s.added, s.updated, s.removed, s.skipped,
      s.still_skipped ? fmt::format(" ({} unchanged file{} still skipped)", s.still_skipped, s.still_skipped == 1 ? "" : "s") : "",
      s.not_articles ? fmt::format(", {} not article{}", s.not_articles, s.not_articles == 1 ? "" : "s") : "",
      s.joined ? fmt::format(", {} joined an existing story", s.joined) : "", s.seconds, rate,
      s.prune_refused ? fmt::format(", pruning of {} refused (--max-prune)", count_of(s.prune_refused, "vanished file")) : "",
      s.compacted ? fmt::format(", {} partitions compacted", s.compacted) : "",
      s.relinked ? fmt::format(", {} relinked", count_of(s.relinked, "article")) : "",
      s.interrupted ? " (interrupted: committed what was done)" : s.rebuilt ? " (rebuilt)" : "");
}

int summary_exit_code(const Summary& s) {
  if (s.interrupted) return 128 + s.signal;
  if (s.prune_refused) return 5;
  return s.skipped > 0 ? 1 : 0;
}

Result<Summary> run_index(const IndexOptions& o, std::ostream& out) {
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  const std::time_t started = std::time(nullptr);
  Summary s;
  WalkResult walked = walk(o.archives, o.exclude);
  for (const auto& p : walked.problems) {
    spdlog::warn("{}: skipped: {}", p.path, p.reason);
    ++s.skipped;
  }
  for (const auto& p : walked.ignored) {
    spdlog::warn("{}: skipped: {}", p.path, p.reason);
    ++s.skipped;
  }
  for (const auto& u : walked.unsupported) spdlog::debug("{}: not an article file, ignored", u);
  s.files = walked.files.size();
  std::vector<std::string> alias_warnings;
  auto names = aliases::load(o.aliases, alias_warnings);
  if (!names) return names.error();
  for (const auto& w : alias_warnings) spdlog::warn("{}", w);

  // --relink links an existing archive: a mistyped --db must not create an empty one.
  if (o.relink && o.archives.empty() && !archive_scheme(o.db)) {
    auto loc = locate_db(o.db);
    if (loc && loc->kind == DbKind::kAbsent)
      return Error{ErrorCode::kNotFound, o.db + ": no database to relink", "check the --db path"};
  }
  if (o.dry_run && !o.extract_only) {
    s.dry_run = true;
    auto r = dry_run(o, walked, s, out);
    if (r) r->seconds = elapsed();
    return r;
  }

  // Where the run writes: one database, or a partitioned archive.
  std::unique_ptr<ArchiveWriter> writer;
  PartitionScheme scheme_used = PartitionScheme::kNone;
  std::optional<RebuildPlan> rebuild;
  std::optional<ArchiveRebuild> archive_rebuild;  // --rebuild of a partitioned archive
  auto pipe = std::make_shared<Pipeline>();
  pipe->o = o;
  pipe->names = *names;
  auto& known = pipe->known;
  std::optional<SkipLedger> ledger;  // skipped-file records (not with --extract-only)
  std::vector<std::string> written;  // id terms of the articles written, for the cluster step
  std::size_t batch_settled = 0;     // ... of which a batch's commit settled the first ones
  bool cluster_all = false;          // an earlier run left its clusters unsettled
  bool links_stale = false;          // an earlier run left the facet links unsettled
  if (!o.extract_only) {
    WriterOptions wo{o.lock_timeout_s * 1000, &g_signal, o.batch_size, {}};
    auto scheme = run_scheme(o);
    if (!scheme) return scheme.error();
    if (*scheme == PartitionScheme::kNone)
      wo.before_commit = [&](Xapian::WritableDatabase& db) {
        // Each batch's copies get their story's label before it commits (see settle_batch);
        // the run's last step settles the rest. Not while stopping: that commit must be quick.
        if (g_signal != 0 || batch_settled == written.size()) return;
        const std::vector<std::string> batch(written.begin() + static_cast<std::ptrdiff_t>(batch_settled), written.end());
        s.joined += settle_batch(db, batch).joined;
        batch_settled = written.size();
      };
    scheme_used = *scheme;
    std::string target = o.db;
    if (*scheme != PartitionScheme::kNone) {
      if (o.rebuild) {
        auto plan = start_archive_rebuild(o.db, wo);
        if (!plan) return stopped_or(plan.error(), s, elapsed());
        archive_rebuild = std::move(plan).value();
        target = archive_rebuild->building;
      }
      auto w = PartitionedWriter::open(target, *scheme, wo);
      if (!w) return stopped_or(w.error(), s, elapsed());
      writer = std::move(w).value();
    } else {
      if (o.rebuild) {
        auto plan = start_rebuild(o, wo);
        if (!plan) return stopped_or(plan.error(), s, elapsed());
        rebuild = std::move(plan).value();
        target = rebuild->generation;
      }
      auto w = Writer::open(target, wo);
      if (!w) return stopped_or(w.error(), s, elapsed());
      writer = std::move(w).value();
    }
    auto states = writer->file_states();
    if (!states) return states.error();
    known = std::move(states).value();
    auto skips = SkipLedger::load(*writer);
    if (!skips) return skips.error();
    ledger = std::move(skips).value();
    // Committed with the run's first commit: a run killed after it shows as unfinished.
    if (auto st = record_run(*writer, RunRecord{utc_timestamp(started), "", "running", ""}); !st) return st.error();
    auto stale = begin_clusters(*writer);
    if (!stale) return stale.error();
    cluster_all = *stale;
    auto links = begin_links(*writer);
    if (!links) return links.error();
    links_stale = *links;
  }

  pipe->files = std::move(walked.files);
  const auto& files = pipe->files;
  const std::size_t n = files.size();
  // Files whose size and mtime match their recorded state are settled here, without a worker:
  // on a nightly run that is nearly every file, and handing each to a thread costs more than
  // the check itself.
  auto quick_unchanged = [&](const InputFile& f) {
    if (o.extract_only) return false;
    auto it = known.find(f.key);
    return it != known.end() && same_stat(it->second, f);
  };
  auto& todo = pipe->todo;
  std::vector<bool> settled(n);
  for (std::size_t i = 0; i < n; ++i) {
    settled[i] = quick_unchanged(files[i]);
    if (!settled[i]) todo.push_back(i);
  }

  // Workers fill slots[i] in any order; this thread consumes them in file order. A window
  // bounds how far workers may run ahead, and so the memory held by finished-but-unwritten files.
  pipe->window = std::max<std::size_t>(4, 4 * o.jobs);
  pipe->slots.resize(n);
  auto& slots = pipe->slots;
  auto& mu = pipe->mu;
  auto& produced = pipe->produced;
  auto& consumed = pipe->consumed;
  auto& next = pipe->next;
  auto& done_upto = pipe->done_upto;
  auto& inflight = pipe->inflight;
  auto& writer_stopped = pipe->writer_stopped;
  std::vector<std::thread> threads;
  const unsigned nthreads = todo.empty() ? 0u : std::min<unsigned>(std::max(1u, o.jobs), static_cast<unsigned>(todo.size()));
  for (unsigned j = 0; j < nthreads; ++j) threads.emplace_back([pipe] { work(*pipe); });

  ProgressBar bar(n, o.progress && !o.extract_only && o.log_level != LogLevel::kQuiet &&
                         stderr_is_terminal());
  std::optional<Error> fatal;
  std::set<std::string> seen;
  std::size_t taken = 0;  // position in `todo` of the next file this thread waits for
  for (std::size_t i = 0; i < n && !fatal; ++i) {
    bar.update(i);
    if (settled[i]) {
      if (g_signal.load()) break;
      seen.insert(files[i].key);
      ++s.files_unchanged;
      log_still_skipped(ledger ? &*ledger : nullptr, files[i], s);
      continue;
    }
    // The file's chunks are written as they come; the worker's outcome ends the file. A signal
    // stops the writer at once, even inside a long file: the file's state is then not recorded
    // (a commit records it as provisional), so the next run redoes it.
    FileOutcome r;
    bool begun = false, interrupted_before = false;
    std::size_t chunks = 0;
    for (;;) {
      std::vector<BuiltArticle> chunk;
      {
        std::unique_lock lk(mu);
        // A signal handler cannot notify: the wait looks at the flag ten times a second.
        while (!produced.wait_for(lk, std::chrono::milliseconds(100), [&] {
          return !slots[i].chunks.empty() || slots[i].outcome.has_value() || g_signal.load();
        })) {
        }
        if (g_signal.load()) {
          interrupted_before = true;  // stopped before this file was finished
        } else if (!slots[i].chunks.empty()) {
          chunk = std::move(slots[i].chunks.front());
          slots[i].chunks.pop_front();
        } else if (slots[i].outcome) {
          r = std::move(*slots[i].outcome);
          slots[i].outcome.reset();
          done_upto = ++taken;
        }
      }
      consumed.notify_all();
      if (interrupted_before || chunk.empty()) break;
      if (fatal) continue;  // drain the worker's chunks; nothing more is written
      if (!begun) {
        if (auto st = writer->begin_file(files[i].key, files[i].root); !st) {
          fatal = st.error();
          continue;
        }
        begun = true;
      }
      for (const auto& a : chunk) written.push_back(a.article.id_term);
      if (auto st = writer->write_articles(std::move(chunk)); !st) fatal = st.error();
      ++chunks;
    }
    if (interrupted_before) break;
    // Whatever happens to this file below, its bytes leave the budget when this iteration ends.
    struct Release {
      std::mutex& mu;
      std::condition_variable& cv;
      std::uint64_t& inflight;
      std::uint64_t bytes;
      ~Release() {
        {
          std::lock_guard lk(mu);
          inflight -= bytes;
        }
        cv.notify_all();
      }
    } release{mu, consumed, inflight, files[i].size};
    const InputFile& f = files[i];
    seen.insert(f.key);
    if (r.failed) {
      spdlog::warn("{}: skipped: {}", f.path, r.error);
      ++s.skipped;
      if (ledger)
        if (auto st = ledger->file_read(*writer, f.key, f.path, {r.error}); !st) fatal = st.error();
      continue;
    }
    log_warnings(r, s);
    if (r.unchanged) {
      ++s.files_unchanged;
      log_still_skipped(ledger ? &*ledger : nullptr, f, s);
      if (r.state_only) {
        if (auto st = writer->record_state(f.key, r.state); !st) fatal = st.error();
      }
      continue;
    }
    s.articles_read += r.articles_read;
    if (o.extract_only) {
      for (const auto& line : r.extract_lines) out << line << '\n';
      continue;
    }
    if (fatal) break;
    spdlog::debug("{}: {} articles in {} chunks", f.path, r.articles_read, chunks);
    // A file that gave no article (all skipped, or none) still drops what it held before.
    auto wc = begun ? writer->end_file(r.state) : writer->write_file(f.key, r.state, {});
    if (!wc) {
      fatal = wc.error();
      break;
    }
    s.added += wc->added;
    s.updated += wc->updated;
    s.removed += wc->removed;
    if (auto st = ledger->file_read(*writer, f.key, f.path, skip_reasons(r)); !st) fatal = st.error();
  }
  bar.update(seen.size());
  bar.finish();
  {
    std::lock_guard lk(mu);
    next = todo.size();     // stop workers that have not started another file
    writer_stopped = true;  // and let those in the middle of one finish it unwritten
  }
  consumed.notify_all();
  // After a signal a worker may be deep in a long article: it is left to notice the stop on its
  // own (it holds the pipeline), so that the run commits and ends within a second.
  for (auto& t : threads) {
    if (g_signal.load()) t.detach();
    else t.join();
  }
  if (g_signal.load()) {
    s.interrupted = true;
    s.signal = g_signal.load();
  }

  if (writer && !fatal && o.prune && !s.interrupted && !rebuild) {
    auto gone = vanished_files(walked, known, seen);
    if (!prune_within_limit(o, writer.get(), gone, s)) gone.clear();
    for (const auto& key : gone) {
      auto wc = writer->remove_file(key);
      if (auto st = wc ? ledger->forget(*writer, key) : Status(Ok{}); !st) wc = st.error();
      if (!wc) {
        fatal = wc.error();
        break;
      }
      spdlog::debug("{}: gone from {}, {} articles removed", key, known.at(key).root, wc->removed);
      s.removed += wc->removed;
    }
  }
  if (writer && !fatal && !s.interrupted) {
    if (auto st = restore_from_holders(*writer, files, o, pipe->names, s); !st) fatal = st.error();
  }
  if (ledger && !fatal && !s.interrupted && walked.problems.empty() && !o.archives.empty()) {
    // A file never indexed that could not be read, and is gone now, leaves the list.
    for (const auto& key : ledger->keys())
      if (!seen.count(key) && !known.count(key))
        if (auto st = ledger->forget(*writer, key); !st) fatal = st.error();
  }
  if (writer && !fatal && !s.interrupted) {
    // Copies of one story get its label; an interrupted run leaves that to the next one.
    // The last step sees the articles no batch settled; it runs whenever anything was written
    // (a changed article may have split a story a batch could not see).
    const std::vector<std::string> rest(written.begin() + static_cast<std::ptrdiff_t>(batch_settled), written.end());
    auto c = finish_clusters(*writer, rest, cluster_all, s.removed > 0 || !written.empty(), o.db);
    batch_settled = written.size();
    if (!c) fatal = c.error();
    else s.joined += c->joined;
  }
  if (writer) {
    // The link step, last: one value per entity across the whole archive (indexer/link_step).
    // A run that changed nothing skips it (a quiet nightly run stays fast) unless an earlier
    // run left the links unsettled; --relink forces it. Committed with the run's last commit.
    if (!fatal && !s.interrupted) {
      auto linked = finish_links(*writer, pipe->names, o.relink || links_stale || s.added + s.updated + s.removed > 0, o.db);
      if (linked) s.relinked = linked->relinked;
      else fatal = linked.error();
    }
    s.seconds = elapsed();
    if (auto st = record_run(*writer, run_record(started, s, fatal)); !st && !fatal) fatal = st.error();
    // Commit whatever was written, even after a fatal error on a later file: every file whose
    // state is recorded is whole; a file cut short has no new state, so the next run redoes it.
    if (auto c = writer->commit(); !c && !fatal) fatal = c.error();
    // Only a partitioned archive compacts (run_scheme refuses --compact without --partition).
    auto* parts = dynamic_cast<PartitionedWriter*>(writer.get());
    if (o.compact && parts && !fatal && !s.interrupted) {
      const std::time_t now = std::time(nullptr);
      std::tm local{};
      localtime_r(&now, &local);
      const std::string today = fmt::format("{:04}{:02}{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
      auto done = parts->compact_closed(partition_of(today, scheme_used));
      if (!done) fatal = done.error();
      else s.compacted = done->size();
      if (done) for (const auto& p : *done) spdlog::info("{}: partition {} compacted", o.db, p);
    }
    writer.reset();
  }
  // A rebuild is swapped in only after a whole run; a partial one is removed, and the previous
  // database or archive stays as it was.
  auto settle_rebuild = [&](auto abandon, auto finish) {
    if (fatal || s.interrupted) {
      abandon();
      // The summary line says it when interrupted; an error's own message comes after this.
      if (fatal) spdlog::warn("--rebuild failed: {} is unchanged", o.db);
      else s.abandoned_rebuild = o.db;
    } else if (auto st = finish(); !st) {
      fatal = st.error();
    } else {
      s.rebuilt = true;
    }
  };
  if (archive_rebuild)
    settle_rebuild([&] { abandon_archive_rebuild(*archive_rebuild); },
                   [&] { return finish_archive_rebuild(*archive_rebuild); });
  if (rebuild)
    settle_rebuild([&] { abandon_rebuild(*rebuild); }, [&] { return finish_rebuild(*rebuild); });
  s.seconds = elapsed();
  if (fatal) return *fatal;
  return s;
}

}  // namespace newsidx::indexer
