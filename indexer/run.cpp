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
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "indexer/archive_writer.hpp"
#include "indexer/db_files.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/entities/analyzer.hpp"
#include "indexer/extract_json.hpp"
#include "indexer/partition.hpp"
#include "indexer/progress.hpp"
#include "indexer/readers/reader.hpp"
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

// Reads, analyses and builds one file; its built articles go to `emit` in order, in chunks.
FileOutcome process_file(const InputFile& f, const std::optional<FileState>& old,
                         const IndexOptions& o,
                         const std::function<void(std::vector<BuiltArticle>)>& emit) {
  FileOutcome r;
  r.state = FileState{f.size, f.mtime_ns, "", f.root};
  if (old && !o.extract_only && same_stat(*old, f)) {
    r.unchanged = true;
    return r;
  }
  std::string bytes, err;
  if (!read_whole_file(f.path, bytes, err)) {
    r.failed = true;
    r.error = err;
    return r;
  }
  r.state.hash = content_hash(bytes);
  if (old && !o.extract_only && same_content(*old, f, r.state.hash)) {
    r.unchanged = true;
    r.state_only = true;
    return r;
  }
  readers::ReaderOptions ro;
  ro.max_article_bytes = o.max_article_bytes;
  readers::ReadResult rr = readers::read_file(f.key, f.path, bytes, ro);
  r.warnings = std::move(rr.warnings);
  r.articles_read = rr.articles.size();
  std::vector<BuiltArticle> chunk;
  std::size_t chunk_text = 0;
  for (const auto& a : rr.articles) {
    // Entity extraction is English-only; --no-entities stops after the readers.
    Analysis an = o.no_entities || !analysed_for_entities(a) ? Analysis{} : entities::analyze(a);
    if (o.extract_only) {
      r.extract_lines.push_back(extract_json(a, an, o.with_text));
      continue;
    }
    chunk.push_back(build_documents(a, an, f.key));
    chunk_text += a.text.size();
    if (chunk_text >= kChunkTextBytes) {
      emit(std::move(chunk));
      chunk = {};
      chunk_text = 0;
    }
  }
  if (!chunk.empty()) emit(std::move(chunk));
  return r;
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
    std::string bytes, err;
    if (!read_whole_file(f.path, bytes, err)) {
      spdlog::warn("{}: skipped: cannot read: {}", f.path, err);
      ++s.skipped;
      continue;
    }
    if (same_content(old, f, content_hash(bytes))) {
      ++s.files_unchanged;
      continue;
    }
    out << "update " << f.path << '\n';
    ++s.updated;
  }
  if (o.prune) {
    for (const auto& key : vanished_files(walked, *known, seen)) {
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

std::string summary_line(const Summary& s) {
  if (s.dry_run)
    return fmt::format(
        "newsidx-index: dry run: {} files, {} to add, {} to update, {} to remove, {} unchanged, "
        "{} skipped, {:.1f} s",
        s.files, s.added, s.updated, s.removed, s.files_unchanged, s.skipped, s.seconds);
  double rate = s.seconds > 0 ? static_cast<double>(s.added + s.updated) / s.seconds : 0.0;
  return fmt::format(
      "newsidx-index: {} files ({} unchanged), {} articles read, {} added, {} updated, "
      "{} removed, {} skipped{}, {:.1f} s, {:.0f} articles/s{}{}",
      s.files, s.files_unchanged, s.articles_read, s.added, s.updated, s.removed, s.skipped,
      s.not_articles ? fmt::format(", {} not articles", s.not_articles) : "", s.seconds, rate, s.compacted ? fmt::format(", {} partitions compacted", s.compacted) : "",
      s.interrupted ? " (interrupted: committed what was done)" : s.rebuilt ? " (rebuilt)" : "");
}

int summary_exit_code(const Summary& s) {
  if (s.interrupted) return 128 + s.signal;
  return s.skipped > 0 ? 1 : 0;
}

Result<Summary> run_index(const IndexOptions& o, std::ostream& out) {
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  Summary s;
  WalkResult walked = walk(o.archives);
  for (const auto& p : walked.problems) {
    spdlog::warn("{}: skipped: {}", p.path, p.reason);
    ++s.skipped;
  }
  for (const auto& u : walked.unsupported) spdlog::debug("{}: not an article file, ignored", u);
  s.files = walked.files.size();

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
  std::unordered_map<std::string, FileState> known;
  if (!o.extract_only) {
    const WriterOptions wo{o.lock_timeout_s * 1000, &g_signal, o.batch_size};
    auto scheme = run_scheme(o);
    if (!scheme) return scheme.error();
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
  }

  const std::size_t n = walked.files.size();
  // Files whose size and mtime match their recorded state are settled here, without a worker:
  // on a nightly run that is nearly every file, and handing each to a thread costs more than
  // the check itself.
  auto quick_unchanged = [&](const InputFile& f) {
    if (o.extract_only) return false;
    auto it = known.find(f.key);
    return it != known.end() && same_stat(it->second, f);
  };
  std::vector<std::size_t> todo;  // indices of the files workers must read, in file order
  std::vector<bool> settled(n);
  for (std::size_t i = 0; i < n; ++i) {
    settled[i] = quick_unchanged(walked.files[i]);
    if (!settled[i]) todo.push_back(i);
  }

  // Workers fill slots[i] in any order; this thread consumes them in file order. A window
  // bounds how far workers may run ahead, and so the memory held by finished-but-unwritten files.
  const std::size_t window = std::max<std::size_t>(4, 4 * o.jobs);
  // The window also holds at most kInflightBytes of input, counted from a worker taking a file
  // until the writer has written it; a file larger than that runs alone. A file's built documents
  // take about forty times its text, and multi-article files (a Reuters .sgm, a JSON Lines feed)
  // hold a thousand articles each: a window counted in files let two or three 2.5 MB feeds be in
  // memory at once (445 MB peak on the 200,000-article archive, 175 MB before its feeds).
  constexpr std::uint64_t kInflightBytes = 4u << 20;
  std::uint64_t inflight = 0;  // bytes of the files taken by workers and not yet written
  // A file's built articles reach the writer through its slot as they are built, a few chunks
  // at most ahead of the writer, so one large file is never held built whole.
  constexpr std::size_t kChunksAhead = 2;
  struct Slot {
    std::deque<std::vector<BuiltArticle>> chunks;
    std::optional<FileOutcome> outcome;  // set when the worker is done with the file
  };
  std::vector<Slot> slots(n);
  std::mutex mu;
  std::condition_variable produced, consumed;
  std::size_t next = 0, done_upto = 0;  // positions in `todo`
  bool writer_stopped = false;  // the writer consumes no more chunks (fatal error, or done)
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lk(mu);
        consumed.wait(lk, [&] {
          if (next >= todo.size() || g_signal.load() || inflight == 0) return true;
          return next < done_upto + window && inflight + walked.files[todo[next]].size <= kInflightBytes;
        });
        if (next >= todo.size() || g_signal.load()) {
          lk.unlock();
          produced.notify_all();  // the writer may be waiting for a file nobody will start
          return;
        }
        i = todo[next++];
        inflight += walked.files[i].size;
      }
      const InputFile& f = walked.files[i];
      std::optional<FileState> old;
      if (auto it = known.find(f.key); it != known.end()) old = it->second;
      auto emit = [&](std::vector<BuiltArticle> chunk) {
        {
          std::unique_lock lk(mu);
          consumed.wait(lk, [&] { return slots[i].chunks.size() < kChunksAhead || writer_stopped; });
          if (writer_stopped) return;  // nothing more is written: the chunk is dropped
          slots[i].chunks.push_back(std::move(chunk));
        }
        produced.notify_all();
      };
      FileOutcome r = process_file(f, old, o, emit);
      {
        std::lock_guard lk(mu);
        slots[i].outcome = std::move(r);
      }
      produced.notify_all();
    }
  };
  std::vector<std::thread> threads;
  const unsigned nthreads = todo.empty() ? 0u : std::min<unsigned>(std::max(1u, o.jobs), static_cast<unsigned>(todo.size()));
  for (unsigned j = 0; j < nthreads; ++j) threads.emplace_back(worker);

  ProgressBar bar(n, o.progress && !o.extract_only && o.log_level != LogLevel::kQuiet &&
                         stderr_is_terminal());
  std::optional<Error> fatal;
  std::set<std::string> seen;
  std::size_t taken = 0;  // position in `todo` of the next file this thread waits for
  for (std::size_t i = 0; i < n && !fatal; ++i) {
    bar.update(i);
    if (settled[i]) {
      if (g_signal.load()) break;
      seen.insert(walked.files[i].key);
      ++s.files_unchanged;
      continue;
    }
    // The file's chunks are written as they come; the worker's outcome ends the file. A file
    // a worker has started is finished even after a signal.
    FileOutcome r;
    bool begun = false, interrupted_before = false;
    std::size_t chunks = 0;
    for (;;) {
      std::vector<BuiltArticle> chunk;
      {
        std::unique_lock lk(mu);
        const std::size_t pos = taken;
        produced.wait(lk, [&] {
          return !slots[i].chunks.empty() || slots[i].outcome.has_value() ||
                 (g_signal.load() && next <= pos);
        });
        if (!slots[i].chunks.empty()) {
          chunk = std::move(slots[i].chunks.front());
          slots[i].chunks.pop_front();
        } else if (slots[i].outcome) {
          r = std::move(*slots[i].outcome);
          slots[i].outcome.reset();
          done_upto = ++taken;
        } else {
          interrupted_before = true;  // interrupted before this file was started
        }
      }
      consumed.notify_all();
      if (interrupted_before || chunk.empty()) break;
      if (fatal) continue;  // drain the worker's chunks; nothing more is written
      if (!begun) {
        if (auto st = writer->begin_file(walked.files[i].key, walked.files[i].root); !st) {
          fatal = st.error();
          continue;
        }
        begun = true;
      }
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
    } release{mu, consumed, inflight, walked.files[i].size};
    const InputFile& f = walked.files[i];
    seen.insert(f.key);
    if (r.failed) {
      spdlog::warn("{}: skipped: cannot read: {}", f.path, r.error);
      ++s.skipped;
      continue;
    }
    log_warnings(r, s);
    if (r.unchanged) {
      ++s.files_unchanged;
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
  }
  bar.update(seen.size());
  bar.finish();
  {
    std::lock_guard lk(mu);
    next = todo.size();     // stop workers that have not started another file
    writer_stopped = true;  // and let those in the middle of one finish it unwritten
  }
  consumed.notify_all();
  for (auto& t : threads) t.join();
  if (g_signal.load()) {
    s.interrupted = true;
    s.signal = g_signal.load();
  }

  if (writer && !fatal && o.prune && !s.interrupted && !rebuild) {
    for (const auto& key : vanished_files(walked, known, seen)) {
      auto wc = writer->remove_file(key);
      if (!wc) {
        fatal = wc.error();
        break;
      }
      spdlog::debug("{}: gone from {}, {} articles removed", key, known.at(key).root, wc->removed);
      s.removed += wc->removed;
    }
  }
  if (writer) {
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
      spdlog::warn("--rebuild {}: {} is unchanged", fatal ? "failed" : "interrupted", o.db);
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
