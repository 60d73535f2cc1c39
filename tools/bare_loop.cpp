// newsidx-bare-loop: the "bare single-threaded Xapian loop" peer of the benchmarks (issue 7).
//
// It is a yardstick, not part of newsidx: it walks folders, runs TermGenerator (English stemmer,
// positions) over headline and body and writes each story with replace_document on its id term
// (or add_document with --add), with no extraction and no stored record beyond the id. What it
// costs is roughly the floor for any indexer that writes through one Xapian WritableDatabase;
// XAPIAN_FLUSH_THRESHOLD in the environment is honoured by Xapian itself.
//
// --writers N (issue 7, "several writers into separate databases") runs N threads, each with its
// own TermGenerator and WritableDatabase (PATH/shardK), files dealt round-robin in sorted order;
// the shards are then kept behind a stub PATH/XAPIANDB ("auto shardK" lines) so they search as
// one, or with --merge compacted into PATH by Xapian::Database::compact and deleted.
//
// Inputs: *.txt (whole file: line 1 headline, rest body), Reuters *.sgm (TITLE and BODY of each
// <REUTERS> story that has a BODY) and *.jsonl (title and body of each JSON line).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace newsidx::tools {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string db;
  std::vector<std::string> inputs;
  bool add = false;  ///< add_document instead of replace_document
  unsigned writers = 1;  ///< threads, each with its own database
  bool merge = false;    ///< compact the shards into one database at the end
};

struct Counts {
  std::size_t stories = 0;
  std::size_t bytes = 0;  ///< headline + body bytes analysed
  std::vector<double> writer_cpu;  ///< CPU seconds of each writer thread (--writers > 1)
};

/// CPU seconds (user + system) the calling thread has used so far.
double thread_cpu_seconds() {
  rusage usage{};
  if (getrusage(RUSAGE_THREAD, &usage) != 0) return 0.0;
  const auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

/// Reads a whole file as bytes; an unreadable file gives "".
std::string read_file(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return {};
  std::string bytes(size, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

/// The text between the first <tag> and its </tag> inside `block`, or "" when absent.
std::string_view element(std::string_view block, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const auto start = block.find(open);
  if (start == std::string_view::npos) return {};
  const auto body = start + open.size();
  const auto end = block.find(close, body);
  if (end == std::string_view::npos) return {};
  return block.substr(body, end - body);
}

/// Undoes the few SGML references Reuters uses: &lt; &gt; &amp; decoded, &#N; dropped
/// (they are control characters).
std::string decode_sgml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      const auto semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 6) {
        const auto name = text.substr(i + 1, semi - i - 1);
        if (name == "lt") out += '<';
        else if (name == "gt") out += '>';
        else if (name == "amp") out += '&';
        else if (name.empty() || name[0] != '#') out.append(text.substr(i, semi - i + 1));
        i = semi;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

/// One input file and the id prefix its stories get (its path relative to the input's parent).
struct InputFile {
  fs::path path;
  std::string id;
};

/// Every file under the inputs, each input's files in sorted order, inputs in the order given.
std::vector<InputFile> list_files(const std::vector<std::string>& inputs) {
  std::vector<InputFile> out;
  for (const auto& input : inputs) {
    const fs::path root(input);
    std::vector<fs::path> files;
    if (fs::is_directory(root)) {
      for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(root);
    }
    for (auto& file : files) {
      auto id = fs::relative(file, root.parent_path()).string();
      out.push_back({std::move(file), std::move(id)});
    }
  }
  return out;
}

class Loop {
 public:
  Loop(const std::string& db, bool add) : db_(db, Xapian::DB_CREATE_OR_OPEN), add_(add) {
    termgen_.set_stemmer(Xapian::Stem("english"));
  }

  void index_file(const InputFile& file) { index_file(file.path, file.id); }

  void finish() { db_.commit(); }
  [[nodiscard]] const Counts& counts() const { return counts_; }

 private:
  void index_file(const fs::path& file, const std::string& id) {
    const auto ext = file.extension().string();
    if (ext == ".txt") {
      const std::string text = read_file(file);
      const auto nl = text.find('\n');
      const auto title = std::string_view(text).substr(0, nl);
      const auto body = nl == std::string::npos ? std::string_view() : std::string_view(text).substr(nl + 1);
      write(id, title, body);
    } else if (ext == ".sgm") {
      index_sgml(read_file(file), id);
    } else if (ext == ".jsonl") {
      std::ifstream in(file, std::ios::binary);
      std::string line;
      std::size_t n = 0;
      while (std::getline(in, line)) {
        ++n;
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object()) continue;
        const auto get = [&](const char* key) {
          const auto it = record.find(key);
          return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        std::string story_id = get("id");
        if (story_id.empty()) story_id = id + "#" + std::to_string(n);
        write(story_id, get("title"), get("body"));
      }
    }
  }

  void index_sgml(const std::string& text, const std::string& id) {
    const std::string_view all(text);
    std::size_t pos = 0;
    while ((pos = all.find("<REUTERS", pos)) != std::string_view::npos) {
      const auto end = all.find("</REUTERS>", pos);
      if (end == std::string_view::npos) break;
      const auto block = all.substr(pos, end - pos);
      pos = end;
      const auto body = element(block, "BODY");
      if (body.empty()) continue;
      std::string newid;
      if (const auto at = block.find("NEWID=\""); at != std::string_view::npos) {
        const auto from = at + 7;
        newid = std::string(block.substr(from, block.find('"', from) - from));
      }
      write(id + "#" + newid, decode_sgml(element(block, "TITLE")), decode_sgml(body));
    }
  }

  void write(const std::string& id, std::string_view title, std::string_view body) {
    Xapian::Document doc;
    termgen_.set_document(doc);
    // Utf8Iterator reads the views in place; index_text(std::string) would copy them.
    termgen_.index_text(Xapian::Utf8Iterator(title.data(), title.size()), 1, "S");
    termgen_.index_text(Xapian::Utf8Iterator(title.data(), title.size()));
    termgen_.increase_termpos();
    termgen_.index_text(Xapian::Utf8Iterator(body.data(), body.size()));
    const std::string idterm = "Q" + id.substr(0, 240);
    doc.add_boolean_term(idterm);
    doc.set_data(id);
    if (add_) db_.add_document(doc);
    else db_.replace_document(idterm, doc);
    ++counts_.stories;
    counts_.bytes += title.size() + body.size();
  }

  Xapian::WritableDatabase db_;
  Xapian::TermGenerator termgen_;
  bool add_;
  Counts counts_;
};

/// The database writer `k` of `n` fills: the --db path itself for one writer, else a shard,
/// inside the --db folder (kept behind a stub) or beside it (merged into it, then deleted).
fs::path shard_path(const Options& options, unsigned k) {
  if (options.writers == 1) return options.db;
  const std::string name = "shard" + std::to_string(k);
  if (options.merge) return options.db + "." + name;
  return fs::path(options.db) / name;
}

/// Runs the writers, file i going to writer i mod N; returns the stories and bytes of all of them.
Counts build(const Options& options) {
  const auto files = list_files(options.inputs);
  if (options.writers == 1) {
    // The original single-threaded loop, unchanged: no thread, the --db path written directly.
    Loop loop(options.db, options.add);
    for (const auto& file : files) loop.index_file(file);
    loop.finish();
    return loop.counts();
  }
  if (!options.merge) fs::create_directories(options.db);
  std::vector<Counts> counts(options.writers);
  std::vector<std::exception_ptr> errors(options.writers);
  std::vector<std::thread> threads;
  for (unsigned k = 0; k < options.writers; ++k) {
    threads.emplace_back([&, k] {
      try {
        Loop loop(shard_path(options, k).string(), options.add);
        for (std::size_t i = k; i < files.size(); i += options.writers) loop.index_file(files[i]);
        loop.finish();
        counts[k] = loop.counts();
        // The largest of these is the build's critical path on idle cores, whatever the load now.
        counts[k].writer_cpu = {thread_cpu_seconds()};
      } catch (...) {
        errors[k] = std::current_exception();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
  Counts total;
  for (const auto& c : counts) {
    total.stories += c.stories;
    total.bytes += c.bytes;
    total.writer_cpu.insert(total.writer_cpu.end(), c.writer_cpu.begin(), c.writer_cpu.end());
  }
  return total;
}

/// After build(): with --merge, compacts the shards into the --db path and deletes them;
/// otherwise writes the stub that opens the shards as one database.
void join_shards(const Options& options) {
  if (options.merge) {
    Xapian::Database all;
    for (unsigned k = 0; k < options.writers; ++k) all.add_database(Xapian::Database(shard_path(options, k).string()));
    all.compact(options.db);
    all.close();
    for (unsigned k = 0; k < options.writers; ++k) fs::remove_all(shard_path(options, k));
    return;
  }
  // Relative paths in a stub are resolved against the stub's folder, so the folder can move.
  std::ofstream stub(fs::path(options.db) / "XAPIANDB");
  for (unsigned k = 0; k < options.writers; ++k) stub << "auto " << shard_path(options, k).filename().string() << "\n";
  if (!stub) throw std::runtime_error("cannot write the stub " + options.db + "/XAPIANDB");
}

int usage() {
  std::cerr << "usage: newsidx-bare-loop --db PATH [--add] [--writers N [--merge]] PATH...\n"
               "  Indexes *.txt, Reuters *.sgm and *.jsonl under each PATH with a plain\n"
               "  TermGenerator + replace_document loop (add_document with --add).\n"
               "  --writers N: N threads, each writing its own shard PATH/shardK (files dealt\n"
               "  round-robin), opened as one through the stub PATH/XAPIANDB; with --merge the\n"
               "  shards (PATH.shardK) are compacted into PATH and deleted.\n"
               "  XAPIAN_FLUSH_THRESHOLD in the environment sets Xapian's batch size.\n"
               "  Prints the build and merge times on stderr.\n";
  return 2;
}

}  // namespace
}  // namespace newsidx::tools

int main(int argc, char** argv) {
  using namespace newsidx::tools;
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--db" && i + 1 < argc) options.db = argv[++i];
    else if (arg == "--add") options.add = true;
    else if (arg == "--merge") options.merge = true;
    else if (arg == "--writers" && i + 1 < argc) {
      const int n = std::atoi(argv[++i]);
      if (n < 1 || n > 64) return usage();
      options.writers = static_cast<unsigned>(n);
    }
    else if (arg == "-h" || arg == "--help") return usage();
    else if (!arg.empty() && arg[0] == '-') return usage();
    else options.inputs.emplace_back(arg);
  }
  if (options.db.empty() || options.inputs.empty()) return usage();
  if (options.merge && options.writers == 1) return usage();
  try {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const Counts c = build(options);
    const auto built = Clock::now();
    if (options.writers > 1) join_shards(options);
    const auto end = Clock::now();
    const std::chrono::duration<double> secs = end - start;
    const std::chrono::duration<double> build_secs = built - start;
    const std::chrono::duration<double> merge_secs = end - built;
    if (options.writers == 1)
      std::fprintf(stderr, "writers 1, build seconds %.2f\n", build_secs.count());
    else {
      std::fprintf(stderr, "writers %u, build seconds %.2f, %s seconds %.2f, writer CPU seconds", options.writers,
                   build_secs.count(), options.merge ? "merge" : "stub", merge_secs.count());
      for (const double cpu : c.writer_cpu) std::fprintf(stderr, " %.2f", cpu);
      std::fprintf(stderr, "\n");
    }
    std::printf("stories %zu, bytes %zu, seconds %.2f, stories/s %.0f\n", c.stories, c.bytes, secs.count(),
                secs.count() > 0 ? static_cast<double>(c.stories) / secs.count() : 0.0);
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "newsidx-bare-loop: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "newsidx-bare-loop: " << e.what() << "\n";
  }
  return 1;
}
