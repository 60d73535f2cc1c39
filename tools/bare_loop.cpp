// newsidx-bare-loop: the "bare single-threaded Xapian loop" peer of the benchmarks (issue 7).
//
// It is a yardstick, not part of newsidx: it walks folders, runs TermGenerator (English stemmer,
// positions) over headline and body and writes each story with replace_document on its id term
// (or add_document with --add), with no extraction and no stored record beyond the id. What it
// costs is roughly the floor for any indexer that writes through one Xapian WritableDatabase;
// XAPIAN_FLUSH_THRESHOLD in the environment is honoured by Xapian itself.
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
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

namespace newsidx::tools {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string db;
  std::vector<std::string> inputs;
  bool add = false;  ///< add_document instead of replace_document
};

struct Counts {
  std::size_t stories = 0;
  std::size_t bytes = 0;  ///< headline + body bytes analysed
};

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

class Loop {
 public:
  Loop(const Options& options)
      : db_(options.db, Xapian::DB_CREATE_OR_OPEN), add_(options.add) {
    termgen_.set_stemmer(Xapian::Stem("english"));
  }

  void index_path(const fs::path& root) {
    std::vector<fs::path> files;
    if (fs::is_directory(root)) {
      for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(root);
    }
    for (const auto& file : files) index_file(file, fs::relative(file, root.parent_path()).string());
  }

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

int usage() {
  std::cerr << "usage: newsidx-bare-loop --db PATH [--add] PATH...\n"
               "  Indexes *.txt, Reuters *.sgm and *.jsonl under each PATH with a plain\n"
               "  TermGenerator + replace_document loop (add_document with --add).\n"
               "  XAPIAN_FLUSH_THRESHOLD in the environment sets Xapian's batch size.\n";
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
    else if (arg == "-h" || arg == "--help") return usage();
    else if (!arg.empty() && arg[0] == '-') return usage();
    else options.inputs.emplace_back(arg);
  }
  if (options.db.empty() || options.inputs.empty()) return usage();
  try {
    const auto start = std::chrono::steady_clock::now();
    Loop loop(options);
    for (const auto& input : options.inputs) loop.index_path(input);
    loop.finish();
    const std::chrono::duration<double> secs = std::chrono::steady_clock::now() - start;
    const auto& c = loop.counts();
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
