// Facet-value hygiene: white space in names, and the lines of tables and figures.
#include "facet_values.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace newsidx::entities {

namespace {

// Length of the white-space character at s[i] (0 when none): ASCII blanks and U+00A0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

// A word that is a figure: it holds a digit and no letter beyond a short unit ("1,545,160",
// "25.2", "67", "3RD" is not: ordinals are words of prose headlines).
bool is_number(std::string_view w) {
  std::size_t digits = 0, letters = 0;
  for (char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isdigit(c)) ++digits;
    else if (std::isalpha(c)) ++letters;
  }
  return digits > 0 && letters == 0;
}

struct LineInfo {
  Span span;
  std::size_t words = 0, numbers = 0;
  bool sentence_end = false;
  bool versus = false;  ///< a "vs" between figures, as earnings tables compare periods
};

LineInfo describe(std::string_view text, Span line) {
  LineInfo info{line};
  std::string_view l = text.substr(line.start, line.end - line.start);
  std::size_t i = 0;
  std::string_view last;
  while (i < l.size()) {
    while (i < l.size() && std::isspace(static_cast<unsigned char>(l[i]))) ++i;
    std::size_t b = i;
    while (i < l.size() && !std::isspace(static_cast<unsigned char>(l[i]))) ++i;
    if (i == b) break;
    last = l.substr(b, i - b);
    ++info.words;
    if (is_number(last)) ++info.numbers;
    if (last == "vs" || last == "vs.") info.versus = true;
  }
  info.sentence_end = !last.empty() && (last.back() == '.' || last.back() == '?' || last.back() == '!' ||
                                        last.back() == ':' || last.back() == '"');
  return info;
}

bool is_figure(const LineInfo& l) {
  if (l.versus && l.words <= 10) return true;
  return l.numbers >= 2 && l.numbers * 10 >= l.words * 3;
}

bool is_label(const LineInfo& l) {
  return l.words >= 1 && l.words <= 3 && !l.sentence_end;
}

}  // namespace

std::string normalise_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = space_at(s, i)) {
      pending = !out.empty();
      i += n;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i++]);
  }
  return out;
}

std::vector<Span> table_lines(std::string_view text) {
  std::vector<LineInfo> lines;
  for (std::size_t b = 0; b < text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back(describe(text, {b, e}));
    b = e + 1;
  }
  std::vector<bool> table(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) table[i] = is_figure(lines[i]);
  // A label belongs to the table it heads: the next non-label line is a figure line.
  for (std::size_t i = lines.size(); i-- > 0;) {
    if (table[i] || !is_label(lines[i])) continue;
    if (i + 1 < lines.size() && table[i + 1]) table[i] = true;
  }
  // And to the table it ends: a dividend's "Pay Jan 19", "Record Jan Four" under its figures.
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (!table[i] && table[i - 1] && is_label(lines[i]) && lines[i].words >= 2) table[i] = true;  // not " Reuter"
  std::vector<Span> out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (table[i]) out.push_back(lines[i].span);
  return out;
}

std::optional<Span> sign_off_line(std::string_view text) {
  std::size_t e = text.size();
  while (e > 0) {
    std::size_t b = text.rfind('\n', e - 1);
    b = b == std::string_view::npos ? 0 : b + 1;
    const LineInfo l = describe(text, {b, e});
    if (l.words > 0) {
      if (l.words == 1 && l.numbers == 0 && !l.sentence_end && b > 0) return l.span;
      return std::nullopt;
    }
    if (b == 0) break;
    e = b - 1;
  }
  return std::nullopt;
}

bool not_a_name(std::string_view name) {
  // Abbreviations of the earnings tables, which turn up in prose beside them too.
  static constexpr std::array<std::string_view, 13> kTableWords{
      "shr", "shrs", "oper", "qtr", "qtly", "mths", "dlrs", "dlr", "cts", "mln", "revs",
      "mps", "mp"};  // and members of parliament: "Labour MPs" is no party
  // Capitalised words that are no entity of the three facets.
  static constexpr std::array<std::string_view, 48> kNotNames{
      "christmas", "xmas", "easter", "new year", "thanksgiving", "ramadan", "halloween",
      "oscar", "oscars", "bafta", "baftas", "grammy", "grammys", "emmy", "emmys", "golden globe",
      "golden globes", "dvd", "dvds", "pc", "pcs", "cd", "cds", "tv", "mp3", "internet", "web",
      "gnp", "gdp", "gmt", "european currency unit", "european currency units", "six nations", "world cup", "olympics", "olympic games", "playstation", "playstation 2", "psp", "xbox", "ipod", "itunes", "walkman",
      "treasuries", "bunds",  // government bonds ("Treasuries rose"), no body
      "earth", "god", "dna"};  // the planet, a deity and a molecule: no firm, person or place
  std::string key;
  for (char c : normalise_space(name)) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(kNotNames.begin(), kNotNames.end(), key) != kNotNames.end()) return true;
  // A date spelled out in a wire's words: "April One", "May Two" (month and number word).
  static constexpr std::array<std::string_view, 12> kMonths{
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december"};
  static constexpr std::array<std::string_view, 12> kNumberWords{
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "fifteen", "thirty"};
  if (const std::size_t sp = key.find(' '); sp != std::string::npos && key.find(' ', sp + 1) == std::string::npos &&
      std::find(kMonths.begin(), kMonths.end(), std::string_view(key).substr(0, sp)) != kMonths.end() &&
      std::find(kNumberWords.begin(), kNumberWords.end(), std::string_view(key).substr(sp + 1)) != kNumberWords.end())
    return true;
  // "City" alone names no one place: London's financial district ("the City"), a football club's
  // short name, or "Mexico City" cut. Not with the other heads: "National City Corp" is a bank.
  if (key == "city" || key == "the city") return true;
  // A Roman numeral alone ("III" of "Fund III", a line cut before it) names nothing; two letters
  // may be a name ("Xi").
  if (key.size() >= 3 && key.find_first_not_of("ivx") == std::string::npos) return true;
  // A generic head alone names no one body: "Bank", "Central Bank", "the Commission".
  static constexpr std::array<std::string_view, 24> kGeneric{
      "the", "bank", "banks", "central", "national", "federal", "state", "government", "ministry", "commission",
      "committee", "company", "board", "agency", "exchange", "court", "council", "group", "corp", "inc", "co",
      "ltd", "plc", "llc"};
  bool generic = true;
  std::size_t i = 0;
  while (i < key.size()) {
    std::size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    std::string_view w(key.data() + i, j - i);
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    if (std::find(kTableWords.begin(), kTableWords.end(), w) != kTableWords.end()) return true;
    generic = generic && std::find(kGeneric.begin(), kGeneric.end(), w) != kGeneric.end();
    i = j + 1;
  }
  return generic && !key.empty();
}

namespace {

std::string lower_word(std::string_view w) {
  std::string out;
  for (char c : w)
    if (std::isalpha(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A word next to a name, in lower case, and where it lies in the text.
struct Word {
  std::string word;
  std::size_t begin = 0, end = 0;
};

bool is_blank(char c, bool marks, bool lines) {
  return c == ' ' || (lines && c == '\n') || (marks && (c == '\'' || c == '"'));
}

// The word after `pos`, past blanks (a closing quote or possessive too with `marks`; a line
// break only with `lines`).
Word word_after(std::string_view text, std::size_t pos, bool marks, bool lines) {
  std::size_t i = pos;
  while (i < text.size() && is_blank(text[i], marks, lines)) ++i;
  std::size_t j = i;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
  return {lower_word(text.substr(i, j - i)), i, j};
}

// The word before `pos`, past blanks and line breaks (and quotes with `marks`).
Word word_before(std::string_view text, std::size_t pos, bool marks) {
  std::size_t e = pos;
  while (e > 0 && is_blank(text[e - 1], marks, true)) --e;
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  return {lower_word(text.substr(b, e - b)), b, e};
}

}  // namespace

bool names_a_work(std::string_view text, Span span) {
  // Not "film" or "games" after a name: "the Martin Scorsese film", "the Sony games" name a
  // director and a firm.
  static constexpr std::array<std::string_view, 7> kAfter{
      "films", "movies", "biopic", "novels", "books", "franchise", "sequel"};
  static constexpr std::array<std::string_view, 11> kBefore{
      "film", "movie", "biopic", "musical", "album", "novel", "blockbuster", "sitcom", "comedy", "drama",
      "thriller"};
  if (span.end > text.size() || span.start > span.end) return false;
  const std::string next = word_after(text, span.end, true, true).word;
  if (std::find(kAfter.begin(), kAfter.end(), next) != kAfter.end()) return true;
  const Word prev = word_before(text, span.start, true);
  // A department's name is no genre: "the BBC head of drama Jane Tranter".
  return std::find(kBefore.begin(), kBefore.end(), prev.word) != kBefore.end() &&
         word_before(text, prev.begin, false).word != "of";
}

bool begins_firm_name(std::string_view text, Span span) {
  if (span.end > text.size()) return false;
  // The next few words, punctuation apart: ",", "and", "&" are words here.
  std::vector<std::string> w;
  std::size_t i = span.end;
  while (w.size() < 5 && i < text.size() && i < span.end + 60) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t') {
      ++i;
    } else if (c == ',' || c == '&') {
      w.emplace_back(1, c);
      ++i;
      if (c == '&' && text.compare(i, 4, "amp;") == 0) i += 4;  // SGML's "&amp;"
    } else {
      std::size_t j = i;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
      if (j == i) break;
      w.emplace_back(text.substr(i, j - i));
      i = j;
    }
  }
  auto company = [](const std::string& s) {
    return s == "Inc" || s == "Inc." || s == "Corp" || s == "Corp." || s == "Co" || s == "Co." || s == "Group" ||
           s == "LBO" || s == "Company";
  };
  auto conj = [](const std::string& s) { return s == "and" || s == "&"; };
  if (w.empty()) return false;
  if (company(w[0])) return true;                                   // "E.F. Hutton Group"
  if (w.size() >= 2 && conj(w[0]) && company(w[1])) return true;    // "J.P. Morgan and Co"
  if (w.size() >= 4 && w[0] == "," && conj(w[2]) && company(w[3])) return true;  // "Kidder, Peabody and Co"
  return w.size() >= 5 && w[0] == "," && conj(w[3]) && company(w[4]);  // "Smith Barney, Harris Upham and Co"
}

bool person_names_a_work(std::string_view text, Span span) {
  // After a firm or a place, "games" is what it makes or hosts ("the Sony games", "the Athens
  // games"); after "the" and a person's name, a franchise ("the Harry Potter games"), as a
  // name before "author" is ("Harry Potter author JK Rowling"), but not one before "author of"
  // ("Tony Smith, author of the report") or with a blank line between.
  if (span.end > text.size() || span.start > span.end) return false;
  const Word next = word_after(text, span.end, false, true);
  // A line wrap may come between (Reuters, wrapped text files); a blank line ends the paragraph.
  if (text.substr(span.end, next.begin - span.end).find("\n\n") != std::string_view::npos) return false;
  if (next.word == "author") return word_after(text, next.end, false, true).word != "of";
  // "games" only after "the": "Dr Mark Tuffy games systems director" reads a job title.
  return next.word == "games" && word_before(text, span.start, false).word == "the";
}

std::vector<std::string> works_in(std::string_view text, const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions)
    if (((m.type == MentionType::kPerson || m.type == MentionType::kOrg || m.type == MentionType::kPlace) &&
         names_a_work(text, m.span)) ||
        (m.type == MentionType::kPerson &&
         (person_names_a_work(text, m.span) || begins_firm_name(text, m.span))))
      out.push_back(m.entity);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool stock_symbol(std::string_view text, Span span) {
  if (span.start == 0 || span.end >= text.size() || span.start >= span.end || span.end - span.start > 10) return false;
  if (text[span.start - 1] != '<' || text[span.end] != '>') return false;
  const std::string_view w = text.substr(span.start, span.end - span.start);
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         std::none_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '\n'; });
}

bool in_table(const std::vector<Span>& tables, Span span) {
  auto it = std::lower_bound(tables.begin(), tables.end(), span.start,
                             [](const Span& t, std::size_t pos) { return t.end < pos; });
  return it != tables.end() && it->start < span.end;
}

}  // namespace newsidx::entities
