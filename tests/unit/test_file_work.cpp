// One file's work in a run (indexer/file_work): unchanged files are not read, changed ones are
// read, analysed and built in chunks, and a file that must not be read whole is refused.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/file_work.hpp"
#include "test_util.hpp"

using newsidx::indexer::BuiltArticle;
using newsidx::indexer::FileOutcome;
using newsidx::indexer::FileState;
using newsidx::indexer::IndexOptions;
using newsidx::indexer::InputFile;
using newsidx::indexer::process_file;
using newsidx::test::TempDir;
using newsidx::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string kStory =
    "Harbour reopens after storm\n\nPORTSMOUTH - The harbour reopened on Monday after a week of repairs.\n";

InputFile input_for(const fs::path& path, const std::string& root) {
  InputFile f;
  f.path = path.string();
  f.key = fs::absolute(path).string();
  f.root = root;
  f.rel = path.filename().string();
  f.size = fs::file_size(path);
  f.mtime_ns = 1'700'000'000'000'000'000;
  return f;
}

struct Worked {
  FileOutcome outcome;
  std::vector<std::vector<BuiltArticle>> chunks;
};

Worked work(const InputFile& f, const std::optional<FileState>& old, const IndexOptions& o, int stop = 0) {
  const std::atomic<int> signal{stop};
  Worked w;
  w.outcome = process_file(f, old, o, newsidx::aliases::builtin(), signal,
                           [&](std::vector<BuiltArticle> chunk) { w.chunks.push_back(std::move(chunk)); });
  return w;
}

IndexOptions plain() {
  IndexOptions o;
  o.no_entities = true;  // the readers and the builder are under test here, not extraction
  return o;
}

}  // namespace

TEST_CASE("file work: a new file is read, built and its state recorded", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "harbour.txt", kStory);
  const InputFile f = input_for(dir.path() / "harbour.txt", dir.path().string());
  const Worked w = work(f, std::nullopt, plain());
  CHECK_FALSE(w.outcome.failed);
  CHECK_FALSE(w.outcome.unchanged);
  CHECK(w.outcome.articles_read == 1);
  REQUIRE(w.chunks.size() == 1);
  REQUIRE(w.chunks[0].size() == 1);
  CHECK(w.outcome.state.size == f.size);
  CHECK(w.outcome.state.root == f.root);
  CHECK(w.outcome.state.hash.size() > 8);
}

TEST_CASE("file work: a file whose size and time match its record is not read", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "harbour.txt", kStory);
  InputFile f = input_for(dir.path() / "harbour.txt", dir.path().string());
  const FileState old{f.size, f.mtime_ns, "recorded-hash", f.root};
  fs::remove(dir.path() / "harbour.txt");  // reading it would fail: it must not be read
  const Worked w = work(f, old, plain());
  CHECK(w.outcome.unchanged);
  CHECK_FALSE(w.outcome.failed);
  CHECK_FALSE(w.outcome.state_only);
  CHECK(w.outcome.state.hash == "recorded-hash");
  CHECK(w.chunks.empty());
  // Found under another folder now: only its state is recorded anew (its pruning scope).
  f.root = "/elsewhere";
  CHECK(work(f, old, plain()).outcome.state_only);
}

TEST_CASE("file work: a touched file of the same content is unchanged, its new state recorded", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "harbour.txt", kStory);
  const InputFile f = input_for(dir.path() / "harbour.txt", dir.path().string());
  const std::string hash = work(f, std::nullopt, plain()).outcome.state.hash;
  const FileState old{f.size, f.mtime_ns - 5, hash, f.root};
  const Worked w = work(f, old, plain());
  CHECK(w.outcome.unchanged);
  CHECK(w.outcome.state_only);
  CHECK(w.outcome.state.mtime_ns == f.mtime_ns);
  CHECK(w.chunks.empty());
}

TEST_CASE("file work: an article file over --max-article-bytes is refused unread", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "long.txt", kStory + std::string(3000, 'x'));
  const InputFile f = input_for(dir.path() / "long.txt", dir.path().string());
  IndexOptions o = plain();
  o.max_article_bytes = 1000;
  CHECK(newsidx::indexer::too_large(f, o) ==
        "file of " + std::to_string(f.size) + " bytes exceeds the article limit of 1000 bytes (--max-article-bytes)");
  const Worked w = work(f, std::nullopt, o);
  CHECK(w.outcome.failed);
  CHECK(w.outcome.error == newsidx::indexer::too_large(f, o));
  CHECK(w.chunks.empty());
}

TEST_CASE("file work: after a signal no article is analysed", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "harbour.txt", kStory);
  const InputFile f = input_for(dir.path() / "harbour.txt", dir.path().string());
  const Worked w = work(f, std::nullopt, plain(), 15);
  CHECK(w.outcome.articles_read == 0);
  CHECK(w.chunks.empty());
}

TEST_CASE("file work: --extract-only gives JSON lines and builds nothing, even for an unchanged file", "[file_work]") {
  TempDir dir;
  write_file(dir.path() / "harbour.txt", kStory);
  const InputFile f = input_for(dir.path() / "harbour.txt", dir.path().string());
  IndexOptions o = plain();
  o.extract_only = true;
  const FileState old{f.size, f.mtime_ns, "recorded-hash", f.root};
  const Worked w = work(f, old, o);
  CHECK_FALSE(w.outcome.unchanged);
  REQUIRE(w.outcome.extract_lines.size() == 1);
  CHECK(w.outcome.extract_lines[0].find("Harbour reopens after storm") != std::string::npos);
  CHECK(w.chunks.empty());
}
