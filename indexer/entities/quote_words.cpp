// Comparisons of person names for the quote attribution: surnames, first names, short forms.
#include "quote_words.hpp"

namespace newsidx::entities::quoting {

std::string strip_possessive(std::string_view w) {
  for (std::string_view s : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s) {
      return std::string(w.substr(0, w.size() - s.size()));
    }
  }
  return std::string(w);
}

std::string last_word(std::string_view name) {
  const auto p = name.rfind(' ');
  return strip_possessive(p == std::string_view::npos ? name : name.substr(p + 1));
}

std::string first_word(std::string_view name) {
  const auto p = name.find(' ');
  return std::string(p == std::string_view::npos ? name : name.substr(0, p));
}

bool same_person(std::string_view a, std::string_view b) {
  if (last_word(a) != last_word(b)) return false;
  if (a.find(' ') == std::string_view::npos || b.find(' ') == std::string_view::npos) return true;
  return first_word(a) == first_word(b);
}

bool abbreviates(std::string_view w, std::string_view full) {
  const auto dash = w.find('-');
  if (dash != std::string_view::npos) w = w.substr(dash + 1);
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.size() < 2 || w.size() > 5 || full.size() <= w.size() || w[0] != full[0]) return false;
  std::size_t i = 1;
  for (std::size_t j = 1; j < full.size() && i < w.size(); ++j) {
    if (full[j] == w[i]) ++i;
  }
  return i == w.size();
}

// A definite description as speaker: "the Vermont senator said" names the person the article
// introduced with that title ("Sen. Bernie Sanders") or that head word ("Trump, the
// businessman"). Capitalised modifiers ("Vermont") pick among several such persons; when more
// than one person remains, nobody is named.

}  // namespace newsidx::entities::quoting
