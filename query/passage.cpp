// Finding the window of a body that a snippet is made from.
#include "passage.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "common/analysis.hpp"
#include "common/countries.hpp"
#include "common/schema.hpp"

namespace newsidx::query {

namespace {

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

namespace {

void add_unique(std::vector<std::string>& v, std::string s) {
  if (s.size() >= 2 && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

void longest_first(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

// The entity name a filter term stands for, lower case, or "" for any other term.
std::string entity_name(const std::string& term) {
  for (const char* field : {"person", "org", "place", "speaker"}) {
    const std::string prefix = schema::prefix(field);
    if (term.size() > prefix.size() && term.compare(0, prefix.size(), prefix) == 0) return term.substr(prefix.size());
  }
  const std::string country = schema::prefix("country");
  if (term.size() > country.size() && term.compare(0, country.size(), country) == 0) {
    std::string code = term.substr(country.size());
    for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (const auto* c = countries::by_code(code)) return lower_ascii(c->name);
  }
  return {};
}

// The end of `name` (lower case, words separated by single spaces) in `text` when it starts at
// text[at] and ends a word there, any run of white space standing for a space; else npos.
std::size_t name_end(std::string_view text, std::size_t at, std::string_view name) {
  std::size_t i = at;
  for (char c : name) {
    if (i >= text.size()) return std::string_view::npos;
    if (c == ' ') {
      if (!is_space(text[i])) return std::string_view::npos;
      while (i < text.size() && is_space(text[i])) ++i;
      continue;
    }
    if (lower(text[i]) != c) return std::string_view::npos;
    ++i;
  }
  // The whole word: "Russia" is not the start of "Russian".
  return i < text.size() && is_word_byte(text[i]) ? std::string_view::npos : i;
}

// Calls fn(begin, end) for each word of `text` (a run of word bytes) until fn returns true;
// returns the begin of that word, or npos.
template <typename Fn>
std::size_t find_word(std::string_view text, Fn&& fn) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_word_byte(text[j])) ++j;
    if (fn(i, j)) return i;
    i = j;
  }
  return std::string_view::npos;
}

// The window for a snippet of `length` around a match at `pos` (see passage_window).
PassageWindow window_around(std::string_view text, std::size_t pos, std::size_t before, std::size_t after) {
  const std::size_t n = text.size();
  PassageWindow win{0, n};
  if (pos > before) {
    // Start after a space between pos - before and pos; pos itself starts a word (the byte
    // before it is ASCII), so it is a safe start when there is no space.
    std::size_t b = pos - before;
    while (b < pos && !is_space(text[b])) ++b;
    win.begin = b < pos ? b + 1 : pos;
  }
  const std::size_t want_end = pos + after;
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

}  // namespace

PassageTerms passage_terms(const Xapian::Query& query) {
  PassageTerms out;
  std::vector<std::string> filters;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string term = *t;
    if (term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z'))
      add_unique(out.stems, lower_ascii(term.substr(1)));
    else if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))
      add_unique(out.words, lower_ascii(term));
    else
      filters.push_back(term);
  }
  // Entity names serve only a search by filters alone (its snippet shows the passage naming the
  // entity); a country's name would cost building the country tables on every filtered query.
  if (out.words.empty() && out.stems.empty())
    for (const auto& term : filters) add_unique(out.names, entity_name(term));
  longest_first(out.words);
  longest_first(out.stems);
  longest_first(out.names);
  return out;
}

PassageWindow passage_window(std::string_view text, const PassageTerms& terms, const Xapian::Stem& stem,
                             std::size_t length) {
  const std::size_t n = text.size();
  if (n <= 3 * length) return {0, n};
  // A word is looked at only when its first letter starts a word or stem of the query (stemming
  // keeps the first letter), so that most words of a long body cost a byte comparison.
  bool first[256] = {}, stem_first[256] = {};
  for (const auto& s : terms.stems)
    first[static_cast<unsigned char>(s[0])] = stem_first[static_cast<unsigned char>(s[0])] = true;
  for (const auto& w : terms.words) first[static_cast<unsigned char>(w[0])] = true;
  const std::size_t pos = find_word(text, [&](std::size_t b, std::size_t e) {
    // A word starting with a non-ASCII letter may fold to any ASCII one ("École" to "ecole").
    const bool ascii = static_cast<unsigned char>(text[b]) < 0x80;
    if (ascii && !first[static_cast<unsigned char>(lower(text[b]))]) return false;
    std::string word = lower_ascii(text.substr(b, e - b));
    // Index and query fold accents (common/analysis): so does the comparison.
    if (!std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      word = Xapian::Unicode::tolower(analysis::fold_accents(word));
    if (std::find(terms.words.begin(), terms.words.end(), word) != terms.words.end()) return true;
    if (!stem_first[static_cast<unsigned char>(word[0])]) return false;
    const std::string stemmed = stem(word);
    return std::find(terms.stems.begin(), terms.stems.end(), stemmed) != terms.stems.end();
  });
  if (pos == std::string_view::npos) return window_around(text, 0, 0, length / 2 + 2 * length);
  return window_around(text, pos, length / 2, length / 2 + 2 * length);
}

std::string mention_snippet(std::string_view text, const std::vector<std::string>& names, std::size_t length,
                            char mark_start, char mark_end, const std::string& omit) {
  // The whole name first ("sergey lavrov"), then its last word ("lavrov"): later mentions of a
  // person usually give the surname alone.
  std::size_t at = std::string_view::npos, end = 0;
  for (int pass = 0; pass < 2 && at == std::string_view::npos; ++pass)
    for (const auto& name : names) {
      const std::size_t space = name.rfind(' ');
      if (pass == 1 && space == std::string::npos) continue;
      const std::string_view want = pass == 0 ? std::string_view(name) : std::string_view(name).substr(space + 1);
      at = find_word(text, [&](std::size_t b, std::size_t) {
        end = name_end(text, b, want);
        return end != std::string_view::npos;
      });
      if (at != std::string_view::npos) break;
    }
  if (at == std::string_view::npos) return {};
  // A quarter before the mention, the rest after: the sentence leading to a name matters less.
  const PassageWindow win =
      text.size() <= length ? PassageWindow{0, text.size()} : window_around(text, at, length / 4, length - length / 4);
  std::string out(text.substr(win.begin, at - win.begin));
  out += mark_start;
  out.append(text.substr(at, end - at));
  out += mark_end;
  out.append(text.substr(end, win.end > end ? win.end - end : 0));
  return mark_cut_ends(std::move(out), win, text.size(), omit);
}

std::string unescape_snippet(std::string_view snippet) {
  static constexpr std::pair<std::string_view, char> kEscapes[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
  std::string out;
  out.reserve(snippet.size());
  for (std::size_t i = 0; i < snippet.size();) {
    const auto* e = std::find_if(std::begin(kEscapes), std::end(kEscapes),
                                 [&](const auto& x) { return snippet.compare(i, x.first.size(), x.first) == 0; });
    if (snippet[i] == '&' && e != std::end(kEscapes)) {
      out += e->second;
      i += e->first.size();
    } else {
      out += snippet[i++];
    }
  }
  return out;
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
