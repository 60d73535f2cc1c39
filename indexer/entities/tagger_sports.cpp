// Results pages: score lines found in one pass, and the sports features of a flagged document.
#include "tagger_sports.hpp"

#include <algorithm>
#include <array>

namespace newsidx::entities {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A capitalised word: an ASCII capital, then a letter or a full stop ("Leeds", "BOSTON", "U.S.").
bool is_capitalised(std::string_view w) {
  return w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' &&
         ((w[1] >= 'a' && w[1] <= 'z') || (w[1] >= 'A' && w[1] <= 'Z') || w[1] == '.');
}

// A number of one to three digits: a team's goals or runs, never a year or a price.
bool is_small_number(std::string_view w) {
  return !w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), is_digit);
}

// "2-1", "532-8", "6-4"; not a date (1996-08-22) nor a season (1995-96).
bool is_score(std::string_view w) {
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos) return false;
  return is_small_number(w.substr(0, dash)) && is_small_number(w.substr(dash + 1));
}

// A score whose first number is not below its second ("4-1", "236-4", "1-1").
bool first_not_below_second(std::string_view w) {
  const std::size_t dash = w.find('-');
  const auto number = [](std::string_view d) {
    int v = 0;
    for (char c : d) v = v * 10 + (c - '0');
    return v;
  };
  return number(w.substr(0, dash)) >= number(w.substr(dash + 1));
}

// Months and their abbreviations, whose "Cap N" is a date ("August 31").
bool is_month(std::string_view w) {
  static constexpr std::array<std::string_view, 21> kMonths = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept",
      "Sep"};
  if (w.size() > 3 && w.back() == '.') w.remove_suffix(1);
  return std::find(kMonths.begin(), kMonths.end(), w) != kMonths.end() || w == "Oct" || w == "Nov" ||
         w == "Dec";
}

bool is_lower_word(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

// A team's score at word i of the sentence ending at e: a capitalised word, not a month, then a
// number of at most three digits, then no lower-case word ("Leeds 2 Arsenal", "Durham 326 (";
// not "Boeing 747 jets", "August 31").
bool is_team_score(const std::vector<std::string_view>& words, std::size_t i, std::size_t e) {
  return is_capitalised(words[i]) && i + 1 < e && is_small_number(words[i + 1]) && !is_month(words[i]) &&
         (i + 2 >= e || !is_lower_word(words[i + 2]));
}

// True if words [b, e) are a score line.
bool is_score_line(const std::vector<std::string_view>& words, std::size_t b, std::size_t e) {
  std::size_t teams = 0;
  bool capital = false;
  for (std::size_t i = b; i < e; ++i) {
    const std::string_view w = words[i];
    if (capital && is_score(w)) return true;
    if (!is_capitalised(w)) continue;
    capital = true;
    if (is_team_score(words, i, e) && ++teams == 2) return true;
  }
  return false;
}

// A number: digits, perhaps with inner separators ("4", "1,250", "3.5", "2-1"); not a word.
bool is_number(std::string_view w) {
  return !w.empty() && is_digit(w[0]) &&
         std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c) || c == '.' || c == ',' || c == '-'; });
}

// Three numbers or more, and more numbers than lower-case words: a row of a table.
bool is_table_line(const std::vector<std::string_view>& words, std::size_t b, std::size_t e) {
  std::size_t numbers = 0, lower = 0;
  for (std::size_t i = b; i < e; ++i) {
    numbers += is_number(words[i]) ? 1 : 0;
    lower += is_lower_word(words[i]) ? 1 : 0;
  }
  return numbers >= 3 && numbers > lower;
}

bool is_all_caps(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::vector<std::uint8_t> line_kinds(const std::vector<std::string_view>& words,
                                     const std::vector<std::size_t>& sentence_ends) {
  const std::size_t n = words.size();
  std::vector<std::uint8_t> out(n, 0);
  std::size_t b = 0;
  for (std::size_t end : sentence_ends) {
    end = std::min(end, n);
    if (end <= b) continue;
    const std::uint8_t kind = is_score_line(words, b, end) ? 1 : is_table_line(words, b, end) ? 2 : 0;
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(b), out.begin() + static_cast<std::ptrdiff_t>(end), kind);
    b = end;
  }
  return out;
}

std::vector<std::uint8_t> number_neighbours(const std::vector<std::string_view>& words,
                                            const std::vector<std::size_t>& sentence_ends) {
  const std::size_t n = words.size();
  std::vector<std::uint8_t> out(n, 0);
  std::size_t b = 0;
  for (std::size_t end : sentence_ends) {
    end = std::min(end, n);
    for (std::size_t i = b; i < end; ++i) {
      if (i + 1 < end && is_number(words[i + 1])) out[i] = 1;
      else if (i > b && is_number(words[i - 1])) out[i] = 2;
    }
    b = std::max(b, end);
  }
  return out;
}

bool opens_with_slug(const std::vector<std::string_view>& words, const std::vector<std::size_t>& sentence_ends) {
  const std::size_t e = sentence_ends.empty() ? words.size() : std::min(sentence_ends.front(), words.size());
  std::size_t i = 0;
  while (i < e && i < 2 && is_all_caps(words[i])) ++i;
  return i > 0 && i < e && words[i] == "-";
}

ScoreEvidence score_evidence(const std::vector<std::string_view>& words,
                             const std::vector<std::size_t>& sentence_ends) {
  ScoreEvidence e;
  const std::size_t n = words.size();
  std::size_t b = 0;
  for (std::size_t end : sentence_ends) {
    end = std::min(end, n);
    if (end <= b) continue;
    ++e.sentences;
    if (is_score_line(words, b, end)) ++e.score_lines;
    b = end;
  }
  return e;
}

std::vector<bool> team_words(const std::vector<std::string_view>& words,
                             const std::vector<std::size_t>& sentence_ends, bool before_scores) {
  const std::size_t n = words.size();
  std::vector<std::string_view> names;
  std::vector<std::size_t> at;
  // The run of capitalised words that ends with word i ("Queens Park Rangers").
  auto add_run = [&](std::size_t b, std::size_t i) {
    for (std::size_t j = i + 1; j > b && is_capitalised(words[j - 1]); --j) names.push_back(words[j - 1]);
  };
  std::size_t b = 0;
  for (std::size_t end : sentence_ends) {
    end = std::min(end, n);
    at.clear();
    for (std::size_t i = b; i < end; ++i) {
      if (is_team_score(words, i, end)) at.push_back(i);
      // "Somerset 236-4", "PSV 4-1"; not a bowler's figures ("Rose 7-73": wickets first).
      if (before_scores && i > b && is_score(words[i]) && is_capitalised(words[i - 1]) &&
          first_not_below_second(words[i])) {
        add_run(b, i - 1);
      }
    }
    if (at.size() >= 2) {
      for (std::size_t i : at) add_run(b, i);
    }
    b = std::max(b, end);
  }
  std::vector<bool> out(n, false);
  if (names.empty()) return out;
  std::sort(names.begin(), names.end());
  for (std::size_t i = 0; i < n; ++i) out[i] = std::binary_search(names.begin(), names.end(), words[i]);
  return out;
}

std::optional<SportsFeatures> SportsFeatures::parse(std::string_view spec) {
  SportsFeatures s;
  std::size_t i = 0;
  auto take = [&](char c, bool& field) {
    if (i < spec.size() && spec[i] == c) {
      field = true;
      ++i;
    }
  };
  take('f', s.flag);
  take('g', s.gazetteer);
  take('c', s.classes);
  take('h', s.shape);
  take('t', s.teams);
  if (s.teams) take('s', s.team_scores);
  take('l', s.line);
  take('k', s.line_joined);
  take('n', s.number);
  take('m', s.number_joined);
  take('d', s.slug);
  if (!s.flag && !s.gazetteer && !s.classes && !s.shape && !s.teams && !s.line && !s.line_joined && !s.number &&
      !s.number_joined && !s.slug)
    return std::nullopt;
  take('r', s.results_only);
  if (i != spec.size()) return std::nullopt;
  return s;
}

std::string SportsFeatures::spec() const {
  std::string s;
  if (flag) s += 'f';
  if (gazetteer) s += 'g';
  if (classes) s += 'c';
  if (shape) s += 'h';
  if (teams) s += 't';
  if (team_scores) s += 's';
  if (line) s += 'l';
  if (line_joined) s += 'k';
  if (number) s += 'n';
  if (number_joined) s += 'm';
  if (slug) s += 'd';
  if (results_only) s += 'r';
  return s;
}

bool SportsFeatures::fires(const ScoreEvidence& e) const {
  if (e.score_lines < min_lines) return false;
  return !results_only || e.score_lines * 5 >= e.sentences;
}

SportsMarks sports_marks(const SportsFeatures& which, const std::vector<std::string_view>& words,
                         const std::vector<std::size_t>& sentence_ends) {
  SportsMarks m;
  const bool flags = which.flag || which.gazetteer || which.classes || which.shape;
  m.flagged = flags && which.fires(score_evidence(words, sentence_ends));
  if (which.teams) m.teams = team_words(words, sentence_ends, which.team_scores);
  if (which.line || which.line_joined) m.line = line_kinds(words, sentence_ends);
  if (which.number || which.number_joined) m.number = number_neighbours(words, sentence_ends);
  m.slug = which.slug && opens_with_slug(words, sentence_ends);
  return m;
}

namespace {

// The line, number and slug features of word i (capitalised), after its `own` features.
void add_context_features(const SportsFeatures& which, const SportsMarks& marks, std::size_t i, std::size_t own,
                          std::vector<std::string>& features) {
  // Joined as suffixes, so that a feature's id is hash_name(suffix, id of the feature).
  auto join = [&](std::string_view suffix) {
    for (std::size_t k = 0; k < own; ++k) features.push_back(features[k] + std::string(suffix));
  };
  const std::uint8_t line = i < marks.line.size() ? marks.line[i] : 0;
  if (line != 0) {
    const std::string_view tag = line == 1 ? "ln:s" : "ln:t";
    if (which.line) features.emplace_back(tag);
    if (which.line_joined) join(line == 1 ? "&ln:s" : "&ln:t");
  }
  const std::uint8_t number = i < marks.number.size() ? marks.number[i] : 0;
  if (number != 0) {
    if (which.number) features.emplace_back(number == 1 ? "nb:n" : "nb:p");
    if (which.number_joined) join(number == 1 ? "&nb:n" : "&nb:p");
  }
  if (marks.slug) {
    features.emplace_back("slug");
    join("&slug");
  }
}

}  // namespace

void add_sports_features(const SportsFeatures& which, const SportsMarks& marks, std::size_t i, bool capitalised,
                         std::uint64_t shape, std::vector<std::string>& features) {
  const std::size_t own = features.size();  // the features appended below are not read again
  if (i < marks.teams.size() && marks.teams[i]) features.emplace_back("team");
  if (capitalised) add_context_features(which, marks, i, own, features);
  if (!marks.flagged || !capitalised) return;
  for (std::size_t k = 0; k < own; ++k) {
    const std::string& x = features[k];
    const bool is_class = x.size() > 1 && x[0] == 'c' && is_digit(x[1]);
    const bool coarse = x.rfind("c0:", 0) == 0;
    // Gazetteer hits are "kind:B/I/L/U"; the "common" flag and class features are not.
    const bool gaz = !is_class && x.find(':') != std::string::npos;
    if ((which.gazetteer && gaz) || (which.classes && coarse)) features.push_back("sport&" + x);
  }
  if (which.flag) features.emplace_back("sport");
  if (which.shape) features.push_back("sport&shape:" + std::to_string(shape));
}

}  // namespace newsidx::entities
