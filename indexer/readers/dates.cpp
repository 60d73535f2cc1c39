// Date parsing and path-encoded dates and sections (see dates.hpp).
#include "indexer/readers/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "common/numeric_dates.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// True when `word` (a trailing '.' allowed) is at least three letters long and begins one of the
// `names`; returns that name's 1-based index, 0 otherwise. "Jan", "Sept." and "JANUARY" match.
int match_name(std::string_view word, const std::string_view* names, std::size_t count) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view name = names[i];
    if (word.size() > name.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (lower(word[k]) != name[k]) {
        same = false;
        break;
      }
    }
    if (same) return static_cast<int>(i) + 1;
  }
  return 0;
}

int month_number(std::string_view word) { return match_name(word, kMonths.data(), kMonths.size()); }

bool is_weekday(std::string_view word) {
  return match_name(word, kWeekdays.data(), kWeekdays.size()) != 0;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// What may follow a date: nothing, or a time part.
bool ends_date(std::string_view rest) {
  return rest.empty() || rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ';
}

int year_from(std::string_view digits) {
  const int y = to_int(digits);
  if (digits.size() == 2) return y < 50 ? 2000 + y : 1900 + y;
  return digits.size() == 4 ? y : 0;
}

// A day token: "19", "3rd", "19th".
int day_from(std::string_view word) {
  std::size_t n = 0;
  while (n < word.size() && is_digit(word[n])) ++n;
  if (n == 0 || n > 2) return 0;
  const std::string_view suffix = word.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  return to_int(word.substr(0, n));
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// "YYYY-MM-DD..." or "YYYYMMDD..." at the start of `s`, followed by a non-digit or the end.
std::string date_prefix(std::string_view s) {
  if (s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' && all_digits(s.substr(5, 2)) &&
      s[7] == '-' && all_digits(s.substr(8, 2)) && (s.size() == 10 || !is_digit(s[10]))) {
    return format_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)));
  }
  if (s.size() >= 8 && all_digits(s.substr(0, 8)) && (s.size() == 8 || !is_digit(s[8]))) {
    return format_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
  }
  return {};
}

// The date a numeric date ("2022/01/19", "19.01.2022") before its time part names, "" when it
// names none or two (day and month either way round); `numeric` tells whether it was one.
std::string numeric_date(std::string_view t, bool& numeric) {
  const auto r = numeric_dates::read(t.substr(0, std::min(t.size(), t.find_first_of(" Tt"))));
  numeric = r.numeric;
  if (r.dates.size() != 1 || r.dates[0].day == 0) return {};
  return format_date(r.dates[0].year, r.dates[0].month, r.dates[0].day);
}

// Seconds since 1970 (UTC) as "YYYY-MM-DD", "" outside what format_date accepts.
std::string epoch_date(long long seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  return format_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace

int month_from_name(std::string_view word) { return month_number(word); }

std::string date_from_number(std::string_view digits) {
  const std::string_view t = trim(digits);
  if (!all_digits(t)) return {};
  if (t.size() == 8 || t.size() == 12 || t.size() == 14) return parse_date(t);
  // Seconds since 1970 of 9 or 10 digits (1973-2286), milliseconds of 13 (2001-2286).
  // Zero is a placeholder, no date: "0000000000".
  const long long n = t.size() == 9 || t.size() == 10 || t.size() == 13 ? std::stoll(std::string(t)) : 0;
  if (n == 0) return {};
  return epoch_date(t.size() == 13 ? n / 1000 : n);
}

bool ambiguous_date(std::string_view text) {
  const std::string_view t = trim(text);
  const auto r = numeric_dates::read(t.substr(0, std::min(t.size(), t.find_first_of(" Tt"))));
  return r.dates.size() == 2 && !format_date(r.dates[0].year, r.dates[0].month, r.dates[0].day).empty();
}

std::string format_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return {};
  if (day > kDays[static_cast<std::size_t>(month - 1)]) return {};
  if (month == 2 && day == 29 && !is_leap(year)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string parse_date(std::string_view text) {
  const std::string_view t = trim(text);
  // ISO 8601, extended and basic forms.
  if (t.size() >= 10 && all_digits(t.substr(0, 4)) && t[4] == '-' && all_digits(t.substr(5, 2)) &&
      t[7] == '-' && all_digits(t.substr(8, 2)) && ends_date(t.substr(10))) {
    return format_date(to_int(t.substr(0, 4)), to_int(t.substr(5, 2)), to_int(t.substr(8, 2)));
  }
  if (t.size() >= 8 && all_digits(t.substr(0, 8)) && ends_date(t.substr(8))) {
    return format_date(to_int(t.substr(0, 4)), to_int(t.substr(4, 2)), to_int(t.substr(6, 2)));
  }
  // Reuters-21578: "26-FEB-1987 15:01:01.79".
  const std::size_t dash = t.find('-');
  if (dash != std::string_view::npos && dash >= 1 && dash <= 2 && all_digits(t.substr(0, dash))) {
    const std::size_t dash2 = t.find('-', dash + 1);
    if (dash2 != std::string_view::npos && dash2 + 5 <= t.size() &&
        all_digits(t.substr(dash2 + 1, 4)) && ends_date(t.substr(dash2 + 5))) {
      const int month = month_number(t.substr(dash + 1, dash2 - dash - 1));
      if (month != 0) {
        return format_date(to_int(t.substr(dash2 + 1, 4)), month, to_int(t.substr(0, dash)));
      }
    }
  }
  // ISO 8601's basic form with the time and no 'T': "202201191030", "20220119103000".
  if ((t.size() == 12 || t.size() == 14) && all_digits(t) && to_int(t.substr(8, 2)) < 24 && to_int(t.substr(10, 2)) < 60)
    return format_date(to_int(t.substr(0, 4)), to_int(t.substr(4, 2)), to_int(t.substr(6, 2)));
  // Numbers: the year first ("2022/01/19", "2022-1-9", "2022.01.19"), or the year last with day
  // and month either way round where only one reading is a date ("19/01/2022", "01/19/2022",
  // "19.01.2022"; "03/04/2022" is none).
  bool numeric = false;
  if (std::string date = numeric_date(t, numeric); numeric) return date;
  // Word forms: RFC 2822 "Wed, 19 Jan 2022 10:00:00 +0000", "January 19, 2022".
  std::vector<std::string_view> words = split_words(t);
  if (!words.empty() && is_weekday(words.front())) words.erase(words.begin());
  if (words.size() < 3) return {};
  const bool year_ok = all_digits(words[2]) && (words[2].size() == 4 || words[2].size() == 2);
  if (!year_ok) return {};
  const int year = year_from(words[2]);
  if (const int month = month_number(words[1]); month != 0 && day_from(words[0]) != 0) {
    return format_date(year, month, day_from(words[0]));
  }
  if (const int month = month_number(words[0]); month != 0 && day_from(words[1]) != 0) {
    return format_date(year, month, day_from(words[1]));
  }
  return {};
}

namespace {

// A word a line that is only a date may hold besides the date's own: a time ("10:42", "10.42am"),
// "am"/"pm" with or without dots, "at", a time zone in capitals ("GMT", "UTC", "EST", "+0000").
bool date_line_extra(std::string_view w) {
  if (w == "at" || w == "-" || w == "|") return true;
  std::string l;
  for (char c : w) {
    if (c != '.') l.push_back(lower(c));
  }
  if (l == "am" || l == "pm") return true;
  std::size_t digits = 0;
  for (char c : l) digits += is_digit(c) ? 1 : 0;
  if (digits > 0) {
    // A time: digits with ':' or '.' and an optional am/pm; a zone offset "+0000".
    std::string rest;
    for (char c : l) {
      if (!is_digit(c) && c != ':' && c != '+') rest.push_back(c);
    }
    return rest.empty() || rest == "am" || rest == "pm";
  }
  return w.size() >= 2 && w.size() <= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::string date_line(std::string_view line) {
  constexpr std::size_t kLongest = 80;
  if (line.size() > kLongest) return {};
  // No-break and other Unicode spaces ("2019\u00a0", as saved web pages have them) are blanks.
  std::string blanked;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = space_length_at(line, i);
    blanked.push_back(n == 0 ? line[i] : ' ');
    i += n == 0 ? 1 : n;
  }
  std::vector<std::string_view> words = split_words(blanked);
  static constexpr std::string_view kLeads[] = {"published", "posted", "updated", "date", "dated"};
  if (!words.empty()) {
    std::string first;
    for (char c : words.front()) {
      if (c != ':') first.push_back(lower(c));
    }
    if (std::find(std::begin(kLeads), std::end(kLeads), first) != std::end(kLeads)) {
      words.erase(words.begin());
      if (!words.empty() && (words.front() == ":" || words.front() == "on")) words.erase(words.begin());
    }
  }
  if (!words.empty() && is_weekday(words.front())) words.erase(words.begin());
  if (words.empty()) return {};
  // The date is the line's first word ("2019-01-07") or its first three ("7 January 2019",
  // "January 7, 2019"); every other word must be one a date line holds.
  std::string date = words[0].size() >= 8 ? parse_date(words[0]) : std::string();
  std::size_t used = 1;
  if (date.empty()) {
    if (words.size() < 3) return {};
    std::string three;
    for (std::size_t i = 0; i < 3; ++i) (three += words[i]) += ' ';
    date = parse_date(three);
    used = 3;
  }
  if (date.empty()) return {};
  for (std::size_t i = used; i < words.size(); ++i) {
    if (!date_line_extra(words[i])) return {};
  }
  return date;
}

PathMetadata path_metadata(std::string_view rel_path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= rel_path.size(); ++i) {
    if (i == rel_path.size() || rel_path[i] == '/' || rel_path[i] == '\\') {
      if (i > start && rel_path.substr(start, i - start) != ".") {
        parts.push_back(rel_path.substr(start, i - start));
      }
      start = i + 1;
    }
  }
  PathMetadata meta;
  if (parts.empty()) return meta;
  const std::size_t dirs = parts.size() - 1;  // the last part is the file name

  for (std::size_t i = 0; i + 2 < dirs; ++i) {
    if (parts[i].size() == 4 && all_digits(parts[i]) && all_digits(parts[i + 1]) &&
        parts[i + 1].size() <= 2 && all_digits(parts[i + 2]) && parts[i + 2].size() <= 2) {
      meta.date = format_date(to_int(parts[i]), to_int(parts[i + 1]), to_int(parts[i + 2]));
      if (!meta.date.empty()) break;
    }
  }
  if (meta.date.empty()) {
    for (const std::string_view part : parts) {
      meta.date = date_prefix(part);
      if (!meta.date.empty()) break;
    }
  }

  // Drop the date folders directly above the file: all-digit folders (year, month, day) and
  // folders whose name starts with a date.
  std::size_t k = dirs;
  while (k > 0 && ((all_digits(parts[k - 1]) && parts[k - 1].size() <= 4) ||
                   !date_prefix(parts[k - 1]).empty())) {
    --k;
  }
  if (k > 0) meta.section = std::string(parts[k - 1]);
  return meta;
}

}  // namespace newsidx::readers
