// newsidx-index's run: walk, open the target (indexer/storage/target), read, analyse and build the files
// in the ordered workers (indexer/pipeline) while this thread, the single writer, writes them in
// file order, then prune, settle stories and links, commit, settle the target and summarise.
#include "run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <csignal>
#include <functional>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/aliases.hpp"
#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/storage/archive_writer.hpp"
#include "indexer/cluster_step.hpp"
#include "indexer/storage/db_files.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/file_source.hpp"
#include "indexer/file_work.hpp"
#include "indexer/link_step.hpp"
#include "indexer/storage/partition.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/progress.hpp"
#include "indexer/readers/reader.hpp"
#include "indexer/status.hpp"
#include "indexer/storage/target.hpp"
#include "indexer/walker.hpp"
#include "indexer/storage/writer.hpp"

namespace newsidx::indexer {

namespace {

std::atomic<int> g_signal{0};

// "1 file", "2 files": counts in the summary read as English.
std::string count_of(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

extern "C" void on_signal(int sig) { g_signal.store(sig); }

// What the workers read, shared with them: after a signal the writer commits and returns at
// once, and a worker in the middle of a long article finds the run stopped at its next one.
struct Inputs {
  IndexOptions o;
  aliases::Table names;  // the alias table facets are stored through
  std::vector<InputFile> files;
  std::unordered_map<std::string, FileState> known;  // recorded states, by file key
  std::vector<std::size_t> todo;  // indices of the files workers must read, in file order
};

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
      FileOutcome r = process_file(f, std::nullopt, o, names, g_signal, [&](std::vector<BuiltArticle> chunk) {
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
  // Keys are absolute paths: a file under a folder walked now is gone when the walk did not see
  // it, whichever folder it was recorded from (a sub-folder indexed alone, an enclosing one).
  const auto under_walked_root = [&](const std::string& key) {
    return std::any_of(walked.roots.begin(), walked.roots.end(), [&](const std::string& root) {
      if (root.empty()) return false;
      const bool slash = root.back() == '/';
      return key.size() > root.size() && key.compare(0, root.size(), root) == 0 && (slash || key[root.size()] == '/');
    });
  };
  const std::set<std::string> roots(walked.roots.begin(), walked.roots.end());
  for (const auto& [key, st] : known)
    if (!seen.count(key) && !st.root.empty() && (roots.count(st.root) || under_walked_root(key))) out.push_back(key);
  std::sort(out.begin(), out.end());
  return out;
}

// Folders files were indexed from that no longer exist, with how many files each: a moved (or
// renamed) archive. Its files are never pruned by a run over other folders, and its text files'
// ids are their old paths, so the same articles under the new folder are new ones: said once a
// run, never done silently. A folder that exists (an archive on a disk not mounted leaves an
// empty mount point) is only not walked this time.
void warn_gone_folders(const WalkResult& walked, const std::unordered_map<std::string, FileState>& known,
                       const std::string& db) {
  std::map<std::string, std::size_t> files;
  for (const auto& [key, st] : known)
    if (!st.root.empty()) ++files[st.root];
  for (const auto& [root, n] : files) {
    std::error_code ec;
    if (std::find(walked.roots.begin(), walked.roots.end(), root) != walked.roots.end() ||
        std::filesystem::exists(root, ec) || ec)
      continue;
    spdlog::warn("{}: {} indexed from this folder, which no longer exists, keep their articles; if the "
                 "archive moved, its files are indexed anew under the new folder, and both are searched: "
                 "run `newsidx-index --rebuild --db {}` with the folders you index now to drop the old ones",
                 root, count_of(n, "file"), db);
  }
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

// --dry-run: the same decisions as a real run (size+mtime, then content hash), printed.
Result<Summary> dry_run(const IndexOptions& o, const WalkResult& walked, Summary s, std::ostream& out) {
  auto scheme = archive_scheme(o.db);
  if (!scheme) return scheme.error();
  auto known = *scheme ? load_archive_states(o.db) : load_file_states(o.db);
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
    if (same_content(old, hash)) {
      ++s.files_unchanged;
      continue;
    }
    out << "update " << f.path << '\n';
    ++s.updated;
  }
  if (auto gone = vanished_files(walked, *known, seen); o.prune && prune_within_limit(o, nullptr, gone, s)) {
    for (const auto& key : gone) {
      out << "remove " << key << '\n';
      ++s.removed;
    }
  }
  return s;
}


// What a run holds from the walk to its summary. The plain writer's before_commit hook points
// into it, so it stays where it was made until the target is settled.
struct Run {
  Run(const IndexOptions& options, std::ostream& output) : o(options), out(output) {}
  const IndexOptions& o;
  std::ostream& out;
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  std::time_t started = std::time(nullptr);
  Summary s;
  WalkResult walked;
  std::shared_ptr<Inputs> in;  // shared with the workers, which may outlive a stopped run
  std::unique_ptr<ArchiveTarget> target;
  ArchiveWriter* writer = nullptr;   // the target's, while it is open (not with --extract-only)
  std::optional<SkipLedger> ledger;  // skipped-file records (not with --extract-only)
  std::vector<std::string> written;  // id terms of the articles written, for the cluster step
  std::size_t batch_settled = 0;     // ... of which a batch's commit settled the first ones
  bool cluster_all = false;          // an earlier run left its clusters unsettled
  bool links_stale = false;          // an earlier run left the facet links unsettled
  std::set<std::string> seen;        // keys of the files walked and dealt with
  std::optional<Error> fatal;

  double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); }
  bool going() const { return !fatal && !s.interrupted; }
};

// The walk, its problems counted as skipped input.
WalkResult walk_archives(const IndexOptions& o, Summary& s) {
  WalkResult walked = walk(o.archives, o.exclude);
  for (const auto& p : walked.problems) {
    spdlog::warn("{}: skipped: {}", p.path, p.reason);
    ++s.skipped;
  }
  for (const auto& p : walked.ignored) {
    spdlog::warn("{}: skipped: {}", p.path, p.reason);
    ++s.skipped;
  }
  for (const auto& p : walked.packed) spdlog::warn("{}: not read: {} (or --exclude it)", p.path, p.reason);
  for (const auto& u : walked.unsupported) spdlog::debug("{}: not an article file, ignored", u);
  s.files = walked.files.size();
  return walked;
}

// The writer's options; a single database's batches settle their stories as they commit.
WriterOptions writer_options(Run& r) {
  WriterOptions wo{r.o.lock_timeout_s * 1000, &g_signal, r.o.batch_size, {}};
  wo.before_commit = [&r](Xapian::WritableDatabase& db) {
    // Each batch's copies get their story's label before it commits (see settle_batch);
    // the run's last step settles the rest. Not while stopping: that commit must be quick.
    if (g_signal != 0 || r.batch_settled == r.written.size()) return;
    const std::vector<std::string> batch(r.written.begin() + static_cast<std::ptrdiff_t>(r.batch_settled),
                                         r.written.end());
    r.s.joined += settle_batch(db, batch).joined;
    r.batch_settled = r.written.size();
  };
  return wo;
}

// What the run needs from the archive before writing: the files' recorded states, the
// skipped-file records, the run's own record, and whether an earlier run left its clusters or
// links unsettled.
Status begin_writing(Run& r) {
  auto states = r.writer->file_states();
  if (!states) return states.error();
  r.in->known = std::move(states).value();
  auto skips = SkipLedger::load(*r.writer);
  if (!skips) return skips.error();
  r.ledger = std::move(skips).value();
  // Committed with the run's first commit: a run killed after it shows as unfinished.
  if (auto st = record_run(*r.writer, RunRecord{utc_timestamp(r.started), "", "running", ""}); !st) return st;
  auto stale = begin_clusters(*r.writer);
  if (!stale) return stale.error();
  r.cluster_all = *stale;
  auto links = begin_links(*r.writer);
  if (!links) return links.error();
  r.links_stale = *links;
  return Ok{};
}

// Files whose size and mtime match their recorded state are settled here, without a worker: on
// a nightly run that is nearly every file, and handing each to a thread costs more than the
// check itself. The others are the pipeline's work (Inputs::todo), in file order.
std::vector<bool> settle_unchanged(Run& r) {
  const auto& files = r.in->files;
  std::vector<bool> settled(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!r.o.extract_only) {
      auto it = r.in->known.find(files[i].key);
      settled[i] = it != r.in->known.end() && same_stat(it->second, files[i]) && it->second.root == files[i].root;
    }
    if (!settled[i]) r.in->todo.push_back(i);
  }
  return settled;
}

// Writes file `pos` of the pipeline's chunks as they come; its outcome, or nullopt when a signal
// stopped the run first. After a fatal error its chunks are drained, not written.
std::optional<FileOutcome> take_file(Run& r, Pipeline& pipe, std::size_t pos, const InputFile& f, bool& begun,
                                     std::size_t& chunks) {
  for (;;) {
    Pipeline::Piece piece = pipe.next(pos);
    if (piece.kind == Pipeline::Piece::Kind::kStopped) return std::nullopt;
    if (piece.kind == Pipeline::Piece::Kind::kOutcome) return std::move(piece.outcome);
    if (r.fatal) continue;
    if (!begun) {
      if (auto st = r.writer->begin_file(f.key, f.root); !st) {
        r.fatal = st.error();
        continue;
      }
      begun = true;
    }
    for (const auto& a : piece.chunk) r.written.push_back(a.article.id_term);
    if (auto st = r.writer->write_articles(std::move(piece.chunk)); !st) r.fatal = st.error();
    ++chunks;
  }
}

// Ends a file whose outcome came: logs its warnings, records its state and skipped-file record,
// counts it (or prints its analysis with --extract-only). A failure sets the run's fatal error.
void end_file(Run& r, const InputFile& f, const FileOutcome& fo, bool begun, std::size_t chunks) {
  Summary& s = r.s;
  r.seen.insert(f.key);
  if (fo.failed) {
    spdlog::warn("{}: skipped: {}", f.path, fo.error);
    ++s.skipped;
    if (r.ledger)
      if (auto st = r.ledger->file_read(*r.writer, f.key, f.path, {fo.error}); !st) r.fatal = st.error();
    return;
  }
  log_warnings(fo, s);
  if (fo.unchanged) {
    ++s.files_unchanged;
    log_still_skipped(r.ledger ? &*r.ledger : nullptr, f, s);
    if (fo.state_only)
      if (auto st = r.writer->record_state(f.key, fo.state); !st) r.fatal = st.error();
    return;
  }
  s.articles_read += fo.articles_read;
  if (r.o.extract_only) {
    for (const auto& line : fo.extract_lines) r.out << line << '\n';
    return;
  }
  if (r.fatal) return;
  spdlog::debug("{}: {} articles in {} chunks", f.path, fo.articles_read, chunks);
  // A file that gave no article (all skipped, or none) still drops what it held before.
  auto wc = begun ? r.writer->end_file(fo.state) : r.writer->write_file(f.key, fo.state, {});
  if (!wc) {
    r.fatal = wc.error();
    return;
  }
  s.added += wc->added;
  s.updated += wc->updated;
  s.removed += wc->removed;
  if (auto st = r.ledger->file_read(*r.writer, f.key, f.path, skip_reasons(fo)); !st) r.fatal = st.error();
}

// The pipeline's work on one file: read, analyse and build it, against its recorded state.
FileOutcome work_on(const Inputs& in, std::size_t pos, const EmitChunk& emit) {
  const InputFile& f = in.files[in.todo[pos]];
  std::optional<FileState> old;
  if (auto it = in.known.find(f.key); it != in.known.end()) old = it->second;
  return process_file(f, old, in.o, in.names, g_signal, emit);
}

// Files a worker may be ahead of the writer. It was 4: with one-story files the workers then
// waited on the writer, and the writer on the one file still in analysis, at every slow file;
// 64 a job lets them read ahead within the byte budget (issue 21; BENCHMARKS.md).
constexpr std::size_t kFilesAheadPerJob = 64;

// Workers read, analyse and build the files in parallel; this thread writes them in file order.
// A signal stops the writer at once, even inside a long file: the file's state is then not
// recorded (a commit records it as provisional), so the next run redoes it.
void write_files(Run& r) {
  const auto& files = r.in->files;
  const std::vector<bool> settled = settle_unchanged(r);
  std::vector<std::uint64_t> sizes;
  for (std::size_t i : r.in->todo) sizes.push_back(files[i].size);
  // The window bounds how far workers may run ahead in files; the byte budget
  // (PipelineLimits::inflight_bytes) bounds the memory held by finished-but-unwritten files.
  PipelineLimits limits{std::max(1u, r.o.jobs), kFilesAheadPerJob * std::max(1u, r.o.jobs)};
  Pipeline pipe(std::move(sizes), [in = r.in](std::size_t pos, const EmitChunk& emit) { return work_on(*in, pos, emit); },
                limits, &g_signal);
  ProgressBar bar(files.size(), r.o.progress && !r.o.extract_only && r.o.log_level != LogLevel::kQuiet &&
                                    stderr_is_terminal());
  std::size_t pos = 0;  // position in Inputs::todo of the next file this thread waits for
  for (std::size_t i = 0; i < files.size() && !r.fatal; ++i) {
    bar.update(i);
    if (settled[i]) {
      if (g_signal.load()) break;
      r.seen.insert(files[i].key);
      ++r.s.files_unchanged;
      log_still_skipped(r.ledger ? &*r.ledger : nullptr, files[i], r.s);
      continue;
    }
    bool begun = false;
    std::size_t chunks = 0;
    auto fo = take_file(r, pipe, pos, files[i], begun, chunks);
    if (!fo) break;  // stopped before this file was finished
    end_file(r, files[i], *fo, begun, chunks);
    pipe.written(pos++);
  }
  bar.update(r.seen.size());
  bar.finish();
  pipe.finish();
  if (g_signal.load()) {
    r.s.interrupted = true;
    r.s.signal = g_signal.load();
  }
}

// Removes the articles of the files gone from the folders walked, within --max-prune. A
// --rebuild of one database has nothing to prune: it holds only what this run wrote.
void prune(Run& r) {
  if (!r.writer || !r.going() || !r.o.prune || r.target->plain_rebuild()) return;
  const auto& known = r.in->known;
  auto gone = vanished_files(r.walked, known, r.seen);
  if (!prune_within_limit(r.o, r.writer, gone, r.s)) gone.clear();
  for (const auto& key : gone) {
    auto wc = r.writer->remove_file(key);
    if (auto st = wc ? r.ledger->forget(*r.writer, key) : Status(Ok{}); !st) wc = st.error();
    if (!wc) {
      r.fatal = wc.error();
      return;
    }
    spdlog::debug("{}: gone from {}, {} articles removed", key, known.at(key).root, wc->removed);
    r.s.removed += wc->removed;
  }
}

// A file never indexed that could not be read, and is gone now, leaves the skipped-file list.
void forget_gone_skips(Run& r) {
  if (!r.ledger || !r.going() || !r.walked.problems.empty() || r.o.archives.empty()) return;
  for (const auto& key : r.ledger->keys())
    if (!r.seen.count(key) && !r.in->known.count(key))
      if (auto st = r.ledger->forget(*r.writer, key); !st) r.fatal = st.error();
}

// Copies of one story get its label; an interrupted run leaves that to the next one. The last
// step sees the articles no batch settled; it runs whenever anything was written (a changed
// article may have split a story a batch could not see).
void settle_stories(Run& r) {
  if (!r.writer || !r.going()) return;
  const std::vector<std::string> rest(r.written.begin() + static_cast<std::ptrdiff_t>(r.batch_settled),
                                      r.written.end());
  auto c = finish_clusters(*r.writer, rest, r.cluster_all, r.s.removed > 0 || !r.written.empty(), r.o.db);
  r.batch_settled = r.written.size();
  if (!c) r.fatal = c.error();
  else r.s.joined += c->joined;
}

// The link step, last: one value per entity across the whole archive (indexer/link_step). A run
// that changed nothing skips it (a quiet nightly run stays fast) unless an earlier run left the
// links unsettled; --relink forces it. Its rewrites are committed a few hundred at a time as it
// goes; the mark that links are settled is cleared with the run's last commit, so a run stopped
// inside the step leaves them to the next one.
void settle_links(Run& r) {
  if (!r.writer || !r.going()) return;
  const bool needed = r.o.relink || r.links_stale || r.s.added + r.s.updated + r.s.removed > 0;
  auto linked = finish_links(*r.writer, r.in->names, needed, r.o.db);
  if (linked) r.s.relinked = linked->relinked;
  else r.fatal = linked.error();
}

// Records the run and commits whatever was written, even after a fatal error on a later file:
// every file whose state is recorded is whole; a file cut short has no new state, so the next
// run redoes it. Then --compact, on a whole run.
void commit(Run& r) {
  if (!r.writer) return;
  r.s.seconds = r.elapsed();
  if (auto st = record_run(*r.writer, run_record(r.started, r.s, r.fatal)); !st && !r.fatal) r.fatal = st.error();
  if (auto c = r.writer->commit(); !c && !r.fatal) r.fatal = c.error();
  if (!r.o.compact || !r.going()) return;
  auto done = r.target->compact();
  if (!done) r.fatal = done.error();
  else r.s.compacted = done->size();
  if (done) for (const auto& p : *done) spdlog::info("{}: partition {} compacted", r.o.db, p);
}

// Closes the target. A rebuild is swapped in only after a whole run; a partial one is removed,
// and the previous database or archive stays as it was.
void settle(Run& r) {
  if (!r.target) return;
  const bool ok = r.going();
  const Status st = r.target->settle(ok);
  r.writer = nullptr;
  if (!r.target->rebuilding()) return;
  if (!ok) {
    // The summary line says it when interrupted; an error's own message comes after this.
    if (r.fatal) spdlog::warn("--rebuild failed: {} is unchanged", r.o.db);
    else r.s.abandoned_rebuild = r.o.db;
  } else if (!st) {
    r.fatal = st.error();
  } else {
    r.s.rebuilt = true;
  }
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
  Run r(o, out);
  r.walked = walk_archives(o, r.s);
  std::vector<std::string> alias_warnings;
  auto names = aliases::load(o.aliases, alias_warnings);
  if (!names) return names.error();
  for (const auto& w : alias_warnings) spdlog::warn("{}", w);
  if (o.dry_run && !o.extract_only) {
    r.s.dry_run = true;
    auto d = dry_run(o, r.walked, r.s, out);
    if (d) d->seconds = r.elapsed();
    return d;
  }
  r.in = std::make_shared<Inputs>(Inputs{o, std::move(names).value(), {}, {}, {}});
  if (!o.extract_only) {
    auto target = open_target(o, writer_options(r));
    if (!target) return stopped_or(target.error(), r.s, r.elapsed());
    r.target = std::move(target).value();
    r.writer = &r.target->writer();
    if (auto st = begin_writing(r); !st) return st.error();
    warn_gone_folders(r.walked, r.in->known, o.db);
  }
  r.in->files = std::move(r.walked.files);
  write_files(r);
  prune(r);
  if (r.writer && r.going())
    if (auto st = restore_from_holders(*r.writer, r.in->files, o, r.in->names, r.s); !st) r.fatal = st.error();
  forget_gone_skips(r);
  settle_stories(r);
  settle_links(r);
  commit(r);
  settle(r);
  r.s.seconds = r.elapsed();
  if (r.fatal) return *r.fatal;
  return r.s;
}

}  // namespace newsidx::indexer
