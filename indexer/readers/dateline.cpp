// Dateline recognition at the start of an article body (see dateline.hpp).
#include "indexer/readers/dateline.hpp"

#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
constexpr int kMaxPlaceWords = 5;
constexpr int kMaxRegionWords = 3;
constexpr std::size_t kMaxAgencyBytes = 40;

unsigned char at(std::string_view s, std::size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Letter case of a two-byte UTF-8 letter at `i`: 'U' upper (À-Þ), 'L' lower (ß-ÿ), 'N' a letter
// of another script or block whose case we do not track, 0 when not a two-byte letter.
char multibyte_letter(std::string_view s, std::size_t i) {
  const unsigned char lead = at(s, i);
  const unsigned char next = at(s, i + 1);
  if ((next & 0xC0U) != 0x80U) return 0;
  if (lead == 0xC3) {
    if (next == 0x97 || next == 0xB7) return 0;  // multiplication and division signs
    return next <= 0x9E ? 'U' : 'L';
  }
  return (lead >= 0xC4 && lead <= 0xDF) ? 'N' : 0;
}

bool starts_upper_word(std::string_view s, std::size_t i) {
  return is_upper(at(s, i)) || multibyte_letter(s, i) == 'U';
}

// Horizontal white space, including no-break spaces; newlines end a dateline.
std::size_t skip_inline_space(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] != '\n') {
    const std::size_t n = space_length_at(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

// An all-capitals word starting at `i` ("WASHINGTON", "ST.", "WINSTON-SALEM", "N'DJAMENA").
// Returns its end, or kNone when the word has a lower-case letter or does not start with a
// capital. `longest_run` is raised to the longest run of consecutive capitals seen.
std::size_t caps_word_end(std::string_view s, std::size_t i, std::size_t& longest_run) {
  if (!starts_upper_word(s, i)) return kNone;
  std::size_t run = 0;
  std::size_t best = 0;
  while (i < s.size()) {
    const unsigned char c = at(s, i);
    if (is_upper(c)) {
      ++run, ++i;
    } else if (is_lower(c)) {
      return kNone;
    } else if (const char kind = multibyte_letter(s, i); kind != 0) {
      if (kind == 'L') return kNone;
      ++run, i += 2;
    } else if (c == '.' || c == '\'' || c == '&' || (c == '-' && is_upper(at(s, i + 1)))) {
      run = 0, ++i;
    } else {
      break;
    }
    best = run > best ? run : best;
  }
  longest_run = best > longest_run ? best : longest_run;
  return i;
}

// A capitalised word ("Ukraine", "Calif.", "D.C.", "UKRAINE"): a capital, then letters, '.',
// '\'' or '-'; no digits.
std::size_t region_word_end(std::string_view s, std::size_t i) {
  if (!starts_upper_word(s, i)) return kNone;
  while (i < s.size()) {
    const unsigned char c = at(s, i);
    if (is_upper(c) || is_lower(c) || c == '.' || c == '\'' || c == '-') {
      ++i;
    } else if (multibyte_letter(s, i) != 0) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// The end of a year after a date's day or month at `i` (", 2019" or " 2019"), else `i`.
std::size_t with_year(std::string_view s, std::size_t i) {
  std::size_t k = i < s.size() && s[i] == ',' ? i + 1 : i;
  const std::size_t y = skip_inline_space(s, k);
  if (y == k || y + 4 > s.size()) return i;
  for (std::size_t d = y; d < y + 4; ++d)
    if (!is_digit(at(s, d))) return i;
  if (y + 4 < s.size() && (is_digit(at(s, y + 4)) || is_upper(at(s, y + 4)) || is_lower(at(s, y + 4)))) return i;
  return y + 4;
}

// "March 3", "Feb. 26", "Sept 1" or "2 March" at `i`, with a year or not ("Jan. 7, 2019",
// "7 January 2019"); returns the end or kNone.
std::size_t date_end(std::string_view s, std::size_t i) {
  const auto word_end = [&](std::size_t from) {
    while (from < s.size() && (is_upper(at(s, from)) || is_lower(at(s, from)) || s[from] == '.')) {
      ++from;
    }
    return from;
  };
  const auto day_end = [&](std::size_t from) {
    std::size_t k = from;
    while (k < s.size() && is_digit(at(s, k))) ++k;
    if (k == from || k - from > 2) return kNone;
    if (k < s.size() && (is_upper(at(s, k)) || is_lower(at(s, k)))) return kNone;
    return k;
  };
  if (is_digit(at(s, i))) {  // day first
    const std::size_t d = day_end(i);
    if (d == kNone) return kNone;
    const std::size_t w = skip_inline_space(s, d);
    const std::size_t e = word_end(w);
    if (w == d || e == w || month_from_name(s.substr(w, e - w)) == 0) return kNone;
    return with_year(s, e);
  }
  const std::size_t j = word_end(i);
  if (j == i || month_from_name(s.substr(i, j - i)) == 0) return kNone;
  const std::size_t k = skip_inline_space(s, j);
  if (k == j) return kNone;
  const std::size_t d = day_end(k);
  return d == kNone ? kNone : with_year(s, d);
}

// A dash at `i`: returns its length in bytes, 0 when there is none. `spaced` tells whether white
// space came before it, which a hyphen needs (so that "WINSTON-SALEM" stays one word).
std::size_t dash_length(std::string_view s, std::size_t i, bool spaced) {
  if (at(s, i) == 0xE2 && at(s, i + 1) == 0x80 &&
      (at(s, i + 2) == 0x93 || at(s, i + 2) == 0x94 || at(s, i + 2) == 0x95)) {
    return 3;
  }
  if (at(s, i) == '-' && spaced) return at(s, i + 1) == '-' ? 2 : 1;
  return 0;
}

// Where the white space (including line breaks) starting at i ends.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const std::size_t n = space_length_at(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

// Where the dateline's place starting at `start` ends, or kNone: upper-case words separated by
// single spaces, else (needs_date set) a mixed-case place that only counts before a date.
std::size_t place_end(std::string_view s, std::size_t start, bool& needs_date) {
  std::size_t i = start;
  std::size_t longest_run = 0;
  int words = 0;
  std::size_t end = i;
  while (words < kMaxPlaceWords) {
    const std::size_t word_end = caps_word_end(s, i, longest_run);
    if (word_end == kNone) break;
    ++words;
    end = word_end;
    if (at(s, word_end) != ' ' || !starts_upper_word(s, word_end + 1)) break;
    std::size_t probe = 0;
    if (caps_word_end(s, word_end + 1, probe) == kNone) break;
    i = word_end + 1;
  }
  // Wire copy also writes places in mixed case ("Toronto, Feb 26 -"); such a place only counts
  // when a date follows, since capitalised words start ordinary sentences too.
  if (words == 0 || longest_run < 3) {
    end = region_word_end(s, start);
    if (end == kNone) return kNone;
    for (int w = 1; w < kMaxRegionWords && at(s, end) == ' '; ++w) {
      const std::size_t next = region_word_end(s, end + 1);
      if (next == kNone) break;
      end = next;
    }
    needs_date = true;
  }
  return end;
}

// ", Region" and/or ", Month Day" after the place, which ends at i; the date may also follow the
// region after a space only ("RICHMOND, Va. Feb 26"). Sets m's place end, date and text end, and
// `qualified` when there is either; returns where they end, or kNone when a comma is followed by
// neither.
std::size_t qualifiers(std::string_view s, std::size_t i, DatelineMatch& m, bool& qualified) {
  for (int part = 0; part < 2 && at(s, i) == ','; ++part) {
    const std::size_t j = skip_inline_space(s, i + 1);
    if (const std::size_t d = date_end(s, j); d != kNone) {
      m.date = {j, d};
      m.text.end = d;
      qualified = true;
      return d;
    }
    if (part == 1) break;
    std::size_t k = region_word_end(s, j);
    if (k == kNone) return kNone;
    for (int w = 1; w < kMaxRegionWords && at(s, k) == ' '; ++w) {
      if (date_end(s, k + 1) != kNone) break;
      const std::size_t next = region_word_end(s, k + 1);
      if (next == kNone) break;
      k = next;
    }
    m.place.end = m.text.end = k;
    i = k;
    qualified = true;
    if (at(s, k) == ' ') {
      if (const std::size_t d = date_end(s, k + 1); d != kNone) {
        m.date = {k + 1, d};
        m.text.end = d;
        return d;
      }
    }
  }
  return i;
}

}  // namespace

std::optional<DatelineMatch> find_dateline(std::string_view s, std::size_t pos) {
  DatelineMatch m;
  m.place.start = skip_spaces(s, pos);
  bool needs_date = false;
  const std::size_t end = place_end(s, m.place.start, needs_date);
  if (end == kNone) return std::nullopt;
  m.place.end = end;
  m.text = m.place;
  bool qualified = false;  // region, date or agency seen
  std::size_t i = qualifiers(s, end, m, qualified);
  if (i == kNone) return std::nullopt;
  if (needs_date && m.date.end == 0) return std::nullopt;

  // "(Agency)".
  std::size_t j = skip_inline_space(s, i);
  if (at(s, j) == '(') {
    const std::size_t close = s.find(')', j + 1);
    if (close == kNone || close - j - 1 > kMaxAgencyBytes || !is_upper(at(s, j + 1)) ||
        s.substr(j, close - j).find('\n') != kNone) {
      return std::nullopt;
    }
    m.agency = {j + 1, close};
    qualified = true;
    i = close + 1;
    j = skip_inline_space(s, i);
  }

  // A hyphen needs white space before it, except straight after a date or agency ("Feb 26-").
  const bool after_date_or_agency = m.agency.end != 0 || (m.date.end != 0 && m.date.end == i);
  const std::size_t dash = dash_length(s, j, j > i || after_date_or_agency);
  if (dash == 0) return std::nullopt;
  const std::size_t body = skip_spaces(s, j + dash);
  if (body >= s.size()) return std::nullopt;
  if (!qualified) {
    const unsigned char c = at(s, body);
    if (!(is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c >= 0x80)) return std::nullopt;
  }
  m.body_start = body;
  return m;
}

void set_body(Article& article, std::string body) {
  article.text = normalise_newlines(body);
  const std::string_view text = article.text;
  std::size_t start = 0;
  while (start < text.size() && space_length_at(text, start) != 0) start += space_length_at(text, start);
  const std::size_t end = start + trim(text.substr(start)).size();
  article.body = {start, end};
  if (const auto dateline = find_dateline(text.substr(0, end), start)) {
    article.dateline = dateline->text;
    article.dateline_text =
        std::string(text.substr(dateline->text.start, dateline->text.end - dateline->text.start));
    article.body.start = dateline->body_start;
    if (article.date.empty()) article.date = dateline_date(text, *dateline);
  }
}

std::string dateline_date(std::string_view text, const DatelineMatch& m) {
  if (m.date.end <= m.date.start) return {};
  return parse_date(text.substr(m.date.start, m.date.end - m.date.start));
}

}  // namespace newsidx::readers
