// Typed entity names as the facets hold them (entity_names.hpp).
#include "query/entity_names.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>

#include "common/canonical.hpp"
#include "common/first_names.hpp"

namespace newsidx::query {

std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(key);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<std::string> name_words(std::vector<std::string> words, bool titles) {
  static constexpr std::string_view kTitles[] = {
      "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "president", "pres", "senator", "sen",
      "rep", "gov", "governor", "prime", "minister", "chancellor", "secretary", "general", "gen", "judge",
      "justice", "professor", "prof", "rev", "mayor"};
  auto title = [](std::string w) {
    if (!w.empty() && w.back() == '.') w.pop_back();
    return std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles);
  };
  if (words.empty()) return words;
  std::size_t first = 0;
  while (titles && first + 1 < words.size() && title(words[first])) ++first;
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  std::string& last = words.back();
  for (std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"), std::string_view("'")})
    if (last.size() > s.size() + 1 && last.compare(last.size() - s.size(), s.size(), s) == 0) {
      last.resize(last.size() - s.size());
      break;
    }
  return words;
}

bool may_be_initials(std::string_view key) {
  return key.size() >= 3 && key.size() <= 6 && std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string initials_of(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      "of", "the", "and", "for", "on", "in", "de", "&", "corp", "corp.", "inc", "inc.", "co", "co.", "plc",
      "ltd", "ltd.", "llc", "ag", "sa", "nv", "n.v.", "bv", "gmbh", "spa", "group", "holdings", "company", "cos"};
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    const std::string_view w = name.substr(i, j - i);
    i = j + 1;
    if (w.empty() || std::find(std::begin(kSkipped), std::end(kSkipped), w) != std::end(kSkipped)) continue;
    if (w[0] < 'a' || w[0] > 'z') return {};
    out += w[0];
  }
  return out;
}

bool is_initial(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  return word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
}

bool holds_words(const std::vector<std::string>& have, const std::vector<std::string>& want) {
  const bool by_initials = std::any_of(want.begin(), want.end(), [](const std::string& w) { return !is_initial(w); });
  return std::all_of(want.begin(), want.end(), [&](const std::string& w) {
    if (std::find(have.begin(), have.end(), w) != have.end()) return true;
    return by_initials && is_initial(w) &&
           std::any_of(have.begin(), have.end(), [&](const std::string& h) { return !h.empty() && h[0] == w[0]; });
  });
}

std::vector<std::string> ending_with(std::vector<std::string> found, const std::string& prefix,
                                     const std::string& word) {
  std::vector<std::string> out;
  for (const std::string& term : found) {
    const std::vector<std::string> w = words_of(term.substr(std::min(prefix.size(), term.size())));
    if (!w.empty() && w.back() == word) out.push_back(term);
  }
  return out.empty() ? found : out;
}

std::vector<std::string> fitting_title(std::vector<std::string> found, const std::string& prefix,
                                       std::string_view title) {
  static constexpr std::string_view kMen[] = {"mr", "sir", "lord", "baron"};
  static constexpr std::string_view kWomen[] = {"mrs", "ms", "miss", "lady", "dame", "baroness"};
  if (!title.empty() && title.back() == '.') title.remove_suffix(1);
  const bool man = std::find(std::begin(kMen), std::end(kMen), title) != std::end(kMen);
  const bool woman = std::find(std::begin(kWomen), std::end(kWomen), title) != std::end(kWomen);
  if (!man && !woman) return found;
  const first_names::Sex other = man ? first_names::Sex::kFemale : first_names::Sex::kMale;
  std::vector<std::string> out;
  for (const std::string& term : found) {
    const std::vector<std::string> w = words_of(term.substr(std::min(prefix.size(), term.size())));
    if (w.size() < 2 || first_names::sex_of(w.front()) != other) out.push_back(term);
  }
  return out.empty() ? found : out;
}

std::string without_dots(std::string_view key) {
  if (key.find('.') == std::string_view::npos) return {};
  std::string out;
  for (char c : key) {
    if (c == '.') continue;
    if (c < 'a' || c > 'z') return {};
    out.push_back(c);
  }
  return out.size() >= 2 ? out : std::string();
}

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string without_article(std::string_view typed) {
  const std::string_view t = trimmed(typed);
  const std::size_t space = t.find_first_of(" \t");
  if (space == std::string_view::npos) return {};
  const std::string first = canonical::ascii_lower(t.substr(0, space));
  if (first != "the" && first != "a" && first != "an") return {};
  return std::string(trimmed(t.substr(space)));
}

std::string before_comma(std::string_view typed) {
  const std::size_t comma = typed.find(',');
  if (comma == std::string_view::npos) return {};
  return std::string(trimmed(typed.substr(0, comma)));
}

}  // namespace newsidx::query
