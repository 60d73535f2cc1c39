// Parsing absolute and relative dates into date-slot ranges.
#include "dates.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

#include "common/canonical.hpp"
#include "common/numeric_dates.hpp"

namespace newsidx::query {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool number(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

Error bad_date(std::string_view text) {
  return Error{ErrorCode::kUsage, "bad date '" + std::string(text) + "'", kDateHint};
}

DateRange span(const Day& a, const Day& b) { return {slot_value(a), slot_value(b)}; }

Day add_months(Day d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  d.year = total / 12;
  d.month = total % 12 + 1;
  d.day = std::min(d.day, days_in_month(d.year, d.month));
  return d;
}

// Monday of the week holding d (1970-01-01 was a Thursday).
long monday_of(long days) {
  long weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return days - weekday;
}

// The month a name or its abbreviation means ("march", "Mar", "Sept."), 0 for none.
int month_named(std::string_view w) {
  static constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};
  std::string l = canonical::ascii_lower(w);
  l.erase(std::remove(l.begin(), l.end(), '.'), l.end());
  if (l == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (l == full || (l.size() == 3 && full.substr(0, 3) == l)) return m + 1;
  }
  return 0;
}

// The words of `t` between runs of `separators`: a written date's ("1 March 1987", "March 1,
// 1987" -> {"1", "March", "1987"} with " ,"), a relative period's ("3-weeks ago").
std::vector<std::string_view> split_words(std::string_view t, std::string_view separators) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && separators.find(t[i]) != std::string_view::npos) ++i;
    std::size_t j = i;
    while (j < t.size() && separators.find(t[j]) == std::string_view::npos) ++j;
    if (j > i) out.push_back(t.substr(i, j - i));
    i = j;
  }
  return out;
}

// A date written in numbers (see common/numeric_dates.hpp): the day or month it means, an
// ambiguous day and month named both ways round in the hint, or a bad date.
Result<DateRange> numeric_period(std::string_view t, const numeric_dates::Reading& r) {
  const auto iso = [](const numeric_dates::Ymd& d) {
    return slot_value({d.year, d.month, d.day}).insert(4, "-").insert(7, "-");
  };
  if (r.dates.size() == 2)
    return Error{ErrorCode::kUsage, "ambiguous date '" + std::string(t) + "'",
                 "write it as YYYY-MM-DD: " + iso(r.dates[0]) + " or " + iso(r.dates[1])};
  if (r.dates.size() != 1) return bad_date(t);
  const numeric_dates::Ymd& d = r.dates.front();
  if (d.day == 0) return span({d.year, d.month, 1}, {d.year, d.month, days_in_month(d.year, d.month)});
  return span({d.year, d.month, d.day}, {d.year, d.month, d.day});
}

// A date written out, as a hurried user types it: "March 1987", "1 March 1987", "March 1,
// 1987", and "25/12/1987" or "12/25/1987" where only one reading is a date. Nothing when `t`
// is no such form; an Error when it is one but names no single day or month ("march" without its
// year, "3/1/1987", read either way round).
std::optional<Result<DateRange>> parse_written(std::string_view t) {
  // The month named: "March 1987", "jan-2020", "15-Jan-2020", "1 March 1987".
  const auto words = split_words(t, " ,-");
  int y = 0, d = 0, m = 0;
  auto day_of = [&](int yy, int mm, int dd) -> Result<DateRange> {
    if (dd < 1 || dd > days_in_month(yy, mm)) return bad_date(t);
    return span({yy, mm, dd}, {yy, mm, dd});
  };
  if (words.size() == 1 && month_named(words[0]) > 0)
    return Result<DateRange>(Error{ErrorCode::kUsage, "bad date '" + std::string(t) + "': a month needs its year",
                                   "e.g. 'march 1987' or 1987-03"});
  if (words.size() == 2 && (m = month_named(words[0])) > 0 && number(words[1], y) && y >= 1000)
    return Result<DateRange>(span({y, m, 1}, {y, m, days_in_month(y, m)}));
  // A day may carry its ordinal ending: "1st March 1987", "March 2nd, 1987".
  auto day_number = [](std::string_view w, int& out) {
    for (std::string_view end : {"st", "nd", "rd", "th"})
      if (w.size() > 2 && w.substr(w.size() - 2) == end) w.remove_suffix(2);
    return number(w, out);
  };
  if (words.size() == 3 && number(words[2], y) && y >= 1000) {
    if ((m = month_named(words[1])) > 0 && day_number(words[0], d)) return day_of(y, m, d);
    if ((m = month_named(words[0])) > 0 && day_number(words[1], d)) return day_of(y, m, d);
  }
  // Numbers: "2020/01/15", "2020.1", "25/12/1987", "12-25-1987".
  if (const auto r = numeric_dates::read(t); r.numeric) return numeric_period(t, r);
  // Any other word holding a separator ("25/12-1987", "3/1987/x") is a date mistyped.
  if (split_words(t, " ,").size() == 1 && t.find_first_of("/.-") != std::string_view::npos)
    return Result<DateRange>(bad_date(t));
  return std::nullopt;
}

// The day "monday" or "last monday" (any case, or "mon") means: the latest such weekday on or
// before `now` ("monday" on a Monday is today), strictly before it after "last"; none for none.
std::optional<long> weekday_named(std::string_view t, long now) {
  static constexpr const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string lower = canonical::ascii_lower(t);
  std::vector<std::string_view> words = split_words(lower, " -_\t");
  const bool last = words.size() == 2 && words[0] == "last";
  if (words.size() != (last ? 2u : 1u)) return std::nullopt;
  const std::string_view w = words.back();
  for (long k = 0; k < 7; ++k) {
    const std::string_view name = kDays[k];
    if (w != name && w != name.substr(0, 3)) continue;
    const long back = (now - monday_of(now) - k + 7) % 7;  // days since the latest such weekday
    return now - (back == 0 && last ? 7 : back);
  }
  return std::nullopt;
}

// The spellings a user types for the relative periods, as their tokens: "last month", "Last
// Week" -> "last-month", "last-week"; "3 weeks ago", "30 days", "2 months" -> "3w", "30d", "2m";
// "past week", "past year" -> "1w", "1y". "" when `t` is none of them.
std::string relative_token(std::string_view t) {
  if (t.empty() || t.front() == '-') return "";  // "-3 days" is no period
  const std::string lower = canonical::ascii_lower(t);
  std::vector<std::string_view> words = split_words(lower, " -_\t");
  if (words.size() > 1 && words.back() == "ago") words.pop_back();
  // "last 7 days", "past 30 days": the period since that day.
  else if (words.size() == 3 && (words[0] == "last" || words[0] == "past")) words.erase(words.begin());
  if (words.size() != 2) return "";
  const auto unit = [](std::string_view u) -> char {
    if (u.size() > 1 && u.back() == 's') u.remove_suffix(1);
    return u == "day" ? 'd' : u == "week" ? 'w' : u == "month" ? 'm' : u == "year" ? 'y' : '\0';
  };
  const char u = unit(words[1]);
  if (u == '\0') return "";
  if (words[0] == "last" || words[0] == "this") {
    const std::string_view names[] = {"week", "month", "year"};
    for (std::string_view n : names)
      if (words[1] == n) return std::string(words[0]) + "-" + std::string(n);
    return "";
  }
  int n = 0;
  if (words[0] == "past" || words[0] == "a" || words[0] == "one") n = 1;
  else if (!number(words[0], n)) return "";
  return std::to_string(n) + u;
}

}  // namespace

Day local_today() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

// Howard Hinnant's civil-calendar algorithms.
long days_from_civil(const Day& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Day civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

std::string slot_value(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
  return buf;
}

Result<DateRange> parse_period(std::string_view t, const Day& today) {
  if (const std::string token = relative_token(t); !token.empty() && token != t) {
    auto r = parse_period(token, today);
    if (r) return r;
    return bad_date(t);
  }
  const long now = days_from_civil(today);
  if (t == "today") return span(today, today);
  if (t == "yesterday") return span(civil_from_days(now - 1), civil_from_days(now - 1));
  if (const auto day = weekday_named(t, now)) return span(civil_from_days(*day), civil_from_days(*day));
  if (t == "this-week" || t == "last-week") {
    long monday = monday_of(now) - (t == "last-week" ? 7 : 0);
    return span(civil_from_days(monday), civil_from_days(monday + 6));
  }
  if (t == "this-month" || t == "last-month") {
    Day first = add_months({today.year, today.month, 1}, t == "last-month" ? -1 : 0);
    return span(first, {first.year, first.month, days_in_month(first.year, first.month)});
  }
  if (t == "this-year" || t == "last-year") {
    int y = today.year - (t == "last-year" ? 1 : 0);
    return span({y, 1, 1}, {y, 12, 31});
  }
  // Relative: a count and a unit, meaning the day that long ago.
  if (t.size() >= 2) {
    char unit = t.back();
    int n = 0;
    if ((unit == 'd' || unit == 'w' || unit == 'm' || unit == 'y') && number(t.substr(0, t.size() - 1), n)) {
      Day d = unit == 'd'   ? civil_from_days(now - n)
              : unit == 'w' ? civil_from_days(now - 7L * n)
              : unit == 'm' ? add_months(today, -n)
                            : add_months(today, -12 * n);
      return span(d, d);
    }
  }
  if (auto written = parse_written(t)) return std::move(*written);
  // Absolute: YYYY, YYYY-MM, YYYY-MM-DD.
  int y = 0, m = 0, d = 0;
  if (t.size() < 4 || !number(t.substr(0, 4), y) || y < 1000) return bad_date(t);
  if (t.size() == 4) return span({y, 1, 1}, {y, 12, 31});
  if (t.size() < 7 || t[4] != '-' || !number(t.substr(5, 2), m) || m < 1 || m > 12) return bad_date(t);
  if (t.size() == 7) return span({y, m, 1}, {y, m, days_in_month(y, m)});
  if (t.size() != 10 || t[7] != '-' || !number(t.substr(8, 2), d) || d < 1 || d > days_in_month(y, m))
    return bad_date(t);
  return span({y, m, d}, {y, m, d});
}

Result<std::string> parse_since(std::string_view text, const Day& today) {
  auto r = parse_period(text, today);
  if (!r) return r.error();
  return r->from;
}

Result<std::string> parse_until(std::string_view text, const Day& today) {
  auto r = parse_period(text, today);
  if (!r) return r.error();
  return r->to;
}

Result<DateRange> parse_date_field(std::string_view text, const Day& today) {
  auto dots = text.find("..");
  if (dots == std::string_view::npos) return parse_period(text, today);
  std::string_view a = text.substr(0, dots), b = text.substr(dots + 2);
  if (a.empty() && b.empty()) return bad_date(text);
  DateRange out;
  if (!a.empty()) {
    auto r = parse_period(a, today);
    if (!r) return r.error();
    out.from = r->from;
  }
  if (!b.empty()) {
    auto r = parse_period(b, today);
    if (!r) return r.error();
    out.to = r->to;
  }
  if (!out.from.empty() && !out.to.empty() && out.from > out.to)
    return Error{ErrorCode::kUsage, "date range '" + std::string(text) + "' ends before it starts",
                 "put the earlier date first, e.g. 'date:2022-01-01..2022-02-15'"};
  return out;
}

DateRange intersect(const DateRange& a, const DateRange& b) {
  DateRange r;
  r.from = a.from.empty() ? b.from : b.from.empty() ? a.from : std::max(a.from, b.from);
  r.to = a.to.empty() ? b.to : b.to.empty() ? a.to : std::min(a.to, b.to);
  return r;
}

}  // namespace newsidx::query
