// Word classes for the NER tagger: the embedded table and the features it yields.
#include "tagger_classes.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <utility>

#include "tagger.hpp"

extern "C" const char newsidx_word_classes_begin[];
extern "C" const char newsidx_word_classes_end[];

namespace newsidx::entities {

const WordClasses& WordClasses::instance() {
  static const WordClasses kTable = parse(std::string_view(
      newsidx_word_classes_begin,
      static_cast<std::size_t>(newsidx_word_classes_end - newsidx_word_classes_begin)));
  return kTable;
}

namespace {

// FNV-1a of the word's bytes with ASCII capitals lowered; never 0 (the empty slot's mark).
std::uint64_t word_key(std::string_view word) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    h *= 0x100000001b3ULL;
  }
  return h == 0 ? 1 : h;
}

// The class ids of the fields after the word, or nullopt if there are not kClassLevels numbers.
std::optional<ClassPath> parse_path(std::string_view rest) {
  ClassPath path{};
  for (std::size_t l = 0; l < kClassLevels; ++l) {
    const char* end = rest.data() + rest.size();
    const auto [ptr, ec] = std::from_chars(rest.data(), end, path[l]);
    if (ec != std::errc{}) return std::nullopt;
    rest.remove_prefix(static_cast<std::size_t>(ptr - rest.data()));
    if (l + 1 < kClassLevels) {
      if (rest.empty() || rest.front() != '\t') return std::nullopt;
      rest.remove_prefix(1);
    }
  }
  if (!rest.empty()) return std::nullopt;
  return path;
}

}  // namespace

void WordClasses::insert(std::uint64_t key, const ClassPath& path) {
  const std::size_t mask = keys_.size() - 1;
  std::size_t k = key & mask;
  while (keys_[k] != 0 && keys_[k] != key) k = (k + 1) & mask;
  if (keys_[k] == key) return;  // the first row of a word counts
  keys_[k] = key;
  paths_[k] = path;
  ++size_;
}

WordClasses WordClasses::parse(std::string_view tsv) {
  std::vector<std::pair<std::uint64_t, ClassPath>> rows;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t tab = line.find('\t');
    if (line.empty() || line.front() == '#' || tab == 0 || tab == std::string_view::npos) continue;
    if (const auto path = parse_path(line.substr(tab + 1))) rows.emplace_back(word_key(line.substr(0, tab)), *path);
  }
  WordClasses t;
  t.keys_.assign(std::bit_ceil(2 * rows.size() + 2), 0);
  t.paths_.resize(t.keys_.size());
  for (const auto& [key, path] : rows) t.insert(key, path);
  return t;
}

const ClassPath* WordClasses::find(std::string_view word) const {
  const std::uint64_t key = word_key(word);
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t k = key & mask;; k = (k + 1) & mask) {
    if (keys_[k] == key) return &paths_[k];
    if (keys_[k] == 0) return nullptr;
  }
}

std::optional<ClassFeatures> ClassFeatures::parse(std::string_view spec) {
  ClassFeatures f;
  f.levels = 0;
  if (spec.size() >= 2 && spec.substr(spec.size() - 2) == "w2") {
    f.far = true;
    spec.remove_suffix(2);
  }
  if (!spec.empty() && spec.back() == 'b') {
    f.pairs = true;
    spec.remove_suffix(1);
  }
  if (!spec.empty() && spec.back() == 'x') {
    f.cased = true;
    spec.remove_suffix(1);
  }
  for (const char c : spec) {
    if (c < '0' || c >= static_cast<char>('0' + kClassLevels)) return std::nullopt;
    f.levels |= 1u << (c - '0');
  }
  if (f.levels == 0) return std::nullopt;
  return f;
}

std::string ClassFeatures::spec() const {
  std::string s;
  for (std::size_t l = 0; l < kClassLevels; ++l) {
    if (levels >> l & 1u) s += static_cast<char>('0' + l);
  }
  if (cased) s += 'x';
  if (pairs) s += 'b';
  return far ? s + "w2" : s;
}

namespace {

// The class features of each word in the order training has always used, through `add(i, path,
// where)` (the word's own classes, cased, or a word two away), `pair(i)` (with the word before)
// and `unknown(i, name)` (a cased word the table lacks): add_class_features makes names of them,
// add_class_hashes their ids, and both walk the words alike.
template <class Add, class Pair, class Unknown>
void walk_class_features(const ClassFeatures& which, const std::vector<std::string_view>& words,
                         const std::vector<const ClassPath*>& paths, Add& add, Pair& pair, Unknown unknown) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    add(i, paths[i], "");
    if (which.cased) {
      const bool upper = !words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z';
      if (paths[i] == nullptr) unknown(i, upper ? "c?X" : "c?x");
      add(i, paths[i], upper ? "X" : "x");
    }
    if (which.pairs) pair(i);
    if (!which.far) continue;
    if (i >= 2) add(i, paths[i - 2], "<2");
    if (i + 2 < words.size()) add(i, paths[i + 2], ">2");
  }
}

}  // namespace

void add_class_features(const WordClasses& table, const ClassFeatures& which,
                        const std::vector<std::string_view>& words,
                        std::vector<std::vector<std::string>>& out) {
  std::vector<const ClassPath*> paths(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) paths[i] = table.find(words[i]);
  auto add = [&](std::size_t i, const ClassPath* p, std::string_view where) {
    if (p == nullptr) return;
    for (std::size_t l = 0; l < kClassLevels; ++l) {
      if (!(which.levels >> l & 1u)) continue;
      std::string f = "c";
      f += static_cast<char>('0' + l);
      f += where;
      f += ':';
      f += std::to_string((*p)[l]);
      out[i].push_back(std::move(f));
    }
  };
  // The pair feature of word i; "^" stands for the sentence start, "?" for an unknown word.
  auto add_pair = [&](std::size_t i) {
    const ClassPath* p = paths[i];
    const ClassPath* prev = i > 0 ? paths[i - 1] : nullptr;
    if (p == nullptr) return;
    for (std::size_t l = 0; l < kClassLevels; ++l) {
      if (!(which.levels >> l & 1u)) continue;
      std::string f = "c";
      f += static_cast<char>('0' + l);
      f += "b:";
      f += i == 0 ? std::string("^") : prev == nullptr ? std::string("?") : std::to_string((*prev)[l]);
      f += ',';
      f += std::to_string((*p)[l]);
      out[i].push_back(std::move(f));
    }
  };
  walk_class_features(which, words, paths, add, add_pair,
                      [&](std::size_t i, const char* name) { out[i].emplace_back(name); });
}

namespace {

// hash_name of a class id's decimal digits, continued from h.
std::uint64_t hash_number(std::uint16_t id, std::uint64_t h) {
  char digits[8];
  const auto end = std::to_chars(digits, digits + sizeof digits, id).ptr;
  return hash_name(std::string_view(digits, static_cast<std::size_t>(end - digits)), h);
}

// hash_name of "c<level><where>:", the start of a class feature's name.
std::uint64_t class_head(std::size_t level, std::string_view where) {
  const char head[2] = {'c', static_cast<char>('0' + level)};
  return hash_name(":", hash_name(where, hash_name(std::string_view(head, 2))));
}

// The hashed heads of class feature names, class_head(level, where), for each `where` that
// walk_class_features and the pair feature use: made once a call, not once a word and level.
class ClassHeads {
 public:
  ClassHeads() {
    for (std::size_t w = 0; w < kWheres.size(); ++w)
      for (std::size_t l = 0; l < kClassLevels; ++l) heads_[w][l] = class_head(l, kWheres[w]);
  }
  std::uint64_t operator()(std::size_t level, std::string_view where) const {
    // The candidate by its first byte, then checked byte for byte (no call to memcmp).
    const char c = where.empty() ? '\0' : where[0];
    const std::size_t w = c == '\0' ? 0 : c == 'X' ? 1 : c == 'x' ? 2 : c == '<' ? 3 : c == '>' ? 4 : 5;
    const std::string_view known = kWheres[w];
    if (where.size() == known.size() && std::equal(where.begin(), where.end(), known.begin())) return heads_[w][level];
    return class_head(level, where);
  }

 private:
  static constexpr std::array<std::string_view, 6> kWheres{"", "X", "x", "<2", ">2", "b"};
  std::array<std::array<std::uint64_t, kClassLevels>, kWheres.size()> heads_{};
};

}  // namespace

void add_class_hashes(const WordClasses& table, const ClassFeatures& which,
                      const std::vector<std::string_view>& words,
                      std::vector<std::vector<std::uint64_t>>& out) {
  // As add_class_features, name for name.
  std::vector<const ClassPath*> paths(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) paths[i] = table.find(words[i]);
  static const ClassHeads heads;
  auto add = [&](std::size_t i, const ClassPath* p, std::string_view where) {
    if (p == nullptr) return;
    for (std::size_t l = 0; l < kClassLevels; ++l)
      if (which.levels >> l & 1u) out[i].push_back(hash_number((*p)[l], heads(l, where)));
  };
  auto add_pair = [&](std::size_t i) {
    const ClassPath* p = paths[i];
    const ClassPath* prev = i > 0 ? paths[i - 1] : nullptr;
    if (p == nullptr) return;
    for (std::size_t l = 0; l < kClassLevels; ++l) {
      if (!(which.levels >> l & 1u)) continue;
      const std::uint64_t head = heads(l, "b");  // "c<level>b:"
      const std::uint64_t before = i == 0         ? hash_name("^", head)
                                   : prev == nullptr ? hash_name("?", head)
                                                     : hash_number((*prev)[l], head);
      out[i].push_back(hash_number((*p)[l], hash_name(",", before)));
    }
  };
  walk_class_features(which, words, paths, add, add_pair,
                      [&](std::size_t i, const char* name) { out[i].push_back(hash_name(name)); });
}

}  // namespace newsidx::entities
