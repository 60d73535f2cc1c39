// One file's work in a run: unchanged or not, then read, analysed and built in chunks.
#include "file_work.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "indexer/entities/analyzer.hpp"
#include "indexer/extract_json.hpp"
#include "indexer/file_source.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::indexer {

// A file's key is its absolute path, so the folder it was found under (the root) does not make
// it another file: a root that changed (a sub-folder given now, the folder given before) is
// only recorded.
bool same_stat(const FileState& old, const InputFile& f) {
  return old.size == f.size && old.mtime_ns == f.mtime_ns;
}

bool same_content(const FileState& old, const std::string& hash) {
  return !old.hash.empty() && old.hash == hash;
}

namespace {

// A quarter of the machine's memory, the most a file read whole may take; 0 when unknown.
std::uint64_t memory_quarter() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) / 4;
}

}  // namespace

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
  const std::uint64_t limit = memory_quarter();
  if (limit == 0 || f.size <= limit) return "";
  return fmt::format("file of {} bytes is larger than a quarter of this machine's memory ({} bytes)",
                     f.size, limit);
}

namespace {

// A file's built documents are handed to the writer in chunks of about this much article text:
// built documents take about forty times their text, and a JSON Lines feed or a Reuters .sgm
// holds a thousand articles (150 MB built whole for a 2.5 MB feed).
constexpr std::size_t kChunkTextBytes = 256u << 10;

// Reads `f` whole unless it is too large; false (with `err`) when it is not read.
bool read_input(const InputFile& f, const IndexOptions& o, std::string& bytes, std::string& err) {
  err = too_large(f, o);
  if (!err.empty()) return false;
  try {
    if (f.key == kStandardInput) {
      const std::uint64_t quarter = memory_quarter();
      if (read_standard_input(quarter == 0 ? SIZE_MAX : static_cast<std::size_t>(quarter), bytes, err)) return true;
      err = "cannot read standard input: " + err;
      return false;
    }
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
    for (Quote& q : an.quotes)
      if (q.speaker) q.speaker = names.speaker(*q.speaker);
    return build_documents(a, an, key, &own);
  } catch (const std::exception& e) {
    r.warnings.push_back({a.path, a.line, std::string("cannot analyse the article: ") + e.what(), true});
    --r.articles_read;
    return std::nullopt;
  }
}

}  // namespace

FileOutcome process_file(const InputFile& f, const std::optional<FileState>& old, const IndexOptions& o,
                         const aliases::Table& names, const std::atomic<int>& stop,
                         const std::function<void(std::vector<BuiltArticle>)>& emit) {
  FileOutcome r;
  r.state = FileState{f.size, f.mtime_ns, "", f.root};
  if (old && !o.extract_only && same_stat(*old, f)) {
    r.unchanged = true;
    r.state.hash = old->hash;
    r.state_only = old->root != f.root;  // found under another folder now: its pruning scope
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
  if (old && !o.extract_only && same_content(*old, r.state.hash)) {
    r.unchanged = true;
    r.state_only = true;
    return r;
  }
  readers::ReaderOptions ro;
  ro.max_article_bytes = o.max_article_bytes;
  ro.pages = o.page_reader;
  // The archive knows a file by its key; --extract-only keeps the id relative to the folder
  // given, as ../shared/docs/extract-format.md specifies and the evaluation scripts match.
  if (!o.extract_only) ro.id_path = f.key;
  // Standard input has no file name: its bytes name the reader, and ids made from a path are "-".
  std::string rel = f.rel;
  if (f.key == kStandardInput) {
    const std::string_view ext = readers::extension_for_bytes(bytes);
    if (ext == ".gz" || ext == ".json") {
      r.failed = true;
      r.error = ext == ".gz"
                    ? "gzip data on standard input: decompress it first (zcat FILE | newsidx-index --extract-only -)"
                    : "a JSON array or document on standard input: newsidx reads JSON Lines, one object a line "
                      "(jq -c '.[]' FILE | newsidx-index --extract-only -)";
      return r;
    }
    rel = "stdin" + std::string(ext);
    ro.id_path = std::string(kStandardInput);
  }
  std::vector<BuiltArticle> chunk;
  std::size_t chunk_text = 0;
  auto take = [&](const Article& a) {
    if (stop.load()) return;  // the writer has stopped: the file is redone by the next run
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
    r.warnings = readers::read_stream(f.rel, f.path, file.source(), ro, take);
    if (!file.error().empty()) r.warnings.push_back({f.path, 0, "read error: " + file.error(), true});
  } else {
    readers::ReadResult rr = readers::read_file(rel, f.path, bytes, ro);
    r.warnings = std::move(rr.warnings);
    for (const auto& a : rr.articles) take(a);
  }
  if (!chunk.empty()) emit(std::move(chunk));
  return r;
}

}  // namespace newsidx::indexer
