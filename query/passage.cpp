// Finding the window of a body that a snippet is made from.
#include "passage.hpp"

#include <algorithm>

namespace newsidx::query {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_folded(std::string_view text, std::size_t at, const std::string& word) {
  if (text.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(text[at + k]) != word[k]) return false;
  return true;
}

}  // namespace

std::vector<std::string> passage_words(const Xapian::Query& query) {
  std::vector<std::string> out;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    std::string term = *t;
    if (term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z')) {
      term.erase(0, 1);
      if (term.size() > 3 && term.back() == 'i') term.pop_back();
    } else if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) {
      continue;  // a prefixed term: a filter or a field, not words of the body
    }
    if (term.size() < 2) continue;
    for (auto& c : term) c = lower(c);
    if (std::find(out.begin(), out.end(), term) == out.end()) out.push_back(std::move(term));
  }
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return out;
}

PassageWindow passage_window(std::string_view text, const std::vector<std::string>& words, std::size_t length) {
  const std::size_t n = text.size();
  if (n <= 3 * length) return {0, n};
  std::size_t pos = 0;
  bool found = false;
  for (std::size_t i = 0; i < n && !found; ++i) {
    if (i > 0 && is_word_byte(text[i - 1])) continue;
    for (const auto& w : words)
      if (starts_with_folded(text, i, w)) {
        pos = i;
        found = true;
        break;
      }
  }
  PassageWindow win{0, n};
  const std::size_t before = length / 2;
  if (pos > before) {
    // Start after a space between pos - before and pos; pos itself starts a word (the byte
    // before it is ASCII), so it is a safe start when there is no space.
    std::size_t b = pos - before;
    while (b < pos && !is_space(text[b])) ++b;
    win.begin = b < pos ? b + 1 : pos;
  }
  const std::size_t want_end = pos + before + 2 * length;
  if (want_end < n) {
    std::size_t e = want_end;
    while (e > pos && !is_space(text[e])) --e;
    if (e == pos) {  // one very long word: end at the next space instead
      e = want_end;
      while (e < n && !is_space(text[e])) ++e;
    }
    win.end = e;
  }
  return win;
}

std::string mark_cut_ends(std::string snippet, PassageWindow window, std::size_t text_size, const std::string& omit) {
  if (snippet.empty() || omit.empty()) return snippet;
  if (window.begin > 0 && snippet.compare(0, omit.size(), omit) != 0) snippet.insert(0, omit);
  if (window.end < text_size &&
      (snippet.size() < omit.size() || snippet.compare(snippet.size() - omit.size(), omit.size(), omit) != 0))
    snippet += omit;
  return snippet;
}

QueryStemmer::QueryStemmer(Xapian::Stem stem, const Xapian::Query& query) : stem_(std::move(stem)) {
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.size() > 1 && term[0] == 'Z') first_[static_cast<unsigned char>(term[1])] = true;
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) first_[static_cast<unsigned char>(term[0])] = true;
  }
}

std::string QueryStemmer::operator()(const std::string& word) {
  if (word.empty() || !first_[static_cast<unsigned char>(word[0])]) return word;
  auto it = cache_.find(word);
  if (it == cache_.end()) it = cache_.emplace(word, stem_(word)).first;
  return it->second;
}

}  // namespace newsidx::query
