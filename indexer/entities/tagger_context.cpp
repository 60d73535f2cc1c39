// Context aggregation for the NER tagger: the contexts of a word's other occurrences in its document.
#include "tagger_context.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "tagger_classes.hpp"

namespace newsidx::entities {

std::optional<ContextFeatures> ContextFeatures::parse(std::string_view spec) {
  ContextFeatures f;
  if (!spec.empty() && spec.back() == '2') {
    f.wide = true;
    spec.remove_suffix(1);
  }
  if (!spec.empty() && spec.front() == 'w') {
    f.words = true;
    spec.remove_prefix(1);
  }
  if (!spec.empty() && spec.front() == 'c') {
    f.classes = true;
    spec.remove_prefix(1);
  }
  if (!spec.empty() || (!f.words && !f.classes)) return std::nullopt;
  return f;
}

std::string ContextFeatures::spec() const {
  std::string s;
  if (words) s += 'w';
  if (classes) s += 'c';
  if (wide) s += '2';
  return s;
}

namespace {

// The context word's form: ASCII lower-cased, digits as 0 ("2-1" and "3-0" are one score).
std::string form(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

// The items of the occurrence at i of the sentence [sb, se).
void items_at(const ContextFeatures& which, const std::vector<std::string_view>& words, std::size_t i,
              std::size_t sb, std::size_t se, std::vector<std::string>& out) {
  out.clear();
  const WordClasses* classes = which.classes ? &WordClasses::instance() : nullptr;
  auto add = [&](std::ptrdiff_t d, const char* side) {
    const auto j = static_cast<std::ptrdiff_t>(i) + d;
    const bool before = j < static_cast<std::ptrdiff_t>(sb), after = j >= static_cast<std::ptrdiff_t>(se);
    const std::string_view w = before || after ? std::string_view{} : words[static_cast<std::size_t>(j)];
    if (which.words) out.push_back(std::string(side) + "w:" + (before ? "^" : after ? "$" : form(w)));
    if (classes == nullptr) return;
    const ClassPath* p = before || after ? nullptr : classes->find(w);
    out.push_back(std::string(side) + "c:" + (before ? "^" : after ? "$" : p ? std::to_string((*p)[1]) : "?"));
  };
  add(-1, "<");
  add(1, ">");
  if (!which.wide) return;
  add(-2, "<2");
  add(2, ">2");
}

}  // namespace

std::vector<std::vector<std::string>> context_items(const ContextFeatures& which,
                                                    const std::vector<std::string_view>& words,
                                                    const std::vector<std::size_t>& sentence_ends) {
  const std::size_t n = words.size();
  std::vector<std::vector<std::string>> out(n);
  // Capitalised words grouped by their bytes, with each occurrence's sentence.
  std::unordered_map<std::string_view, std::vector<std::size_t>> groups;
  std::vector<std::pair<std::size_t, std::size_t>> sentence(n);
  std::size_t sb = 0;
  for (std::size_t se : sentence_ends) {
    se = std::min(se, n);
    for (std::size_t i = sb; i < se; ++i) {
      sentence[i] = {sb, se};
      if (!words[i].empty() && words[i][0] >= 'A' && words[i][0] <= 'Z') groups[words[i]].push_back(i);
    }
    sb = std::max(sb, se);
  }
  std::vector<std::string> own;
  for (const auto& [word, at] : groups) {
    if (at.size() < 2) continue;
    // The group's distinct items (the first kMaxContextItems met) and how many occurrences have each.
    std::vector<std::pair<std::string, std::uint32_t>> bag;
    for (const std::size_t i : at) {
      items_at(which, words, i, sentence[i].first, sentence[i].second, own);
      for (const std::string& item : own) {
        const auto it = std::find_if(bag.begin(), bag.end(), [&](const auto& b) { return b.first == item; });
        if (it != bag.end()) ++it->second;
        else if (bag.size() < kMaxContextItems) bag.emplace_back(item, 1);
      }
    }
    for (const std::size_t i : at) {
      items_at(which, words, i, sentence[i].first, sentence[i].second, own);
      for (const auto& [item, count] : bag) {
        const auto mine = static_cast<std::uint32_t>(std::count(own.begin(), own.end(), item));
        if (count > mine) out[i].push_back(item);
      }
    }
  }
  return out;
}

}  // namespace newsidx::entities
