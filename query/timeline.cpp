// Building the date histogram.
#include "timeline.hpp"

#include <cstdio>

#include "query/dates.hpp"

namespace newsidx::query {

namespace {

bool parse_slot(const std::string& v, Day& d) {
  if (v.size() != 8) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  // A timeline over a large archive parses thousands of days: digits, not stoi on substrings.
  auto num = [&v](std::size_t from, std::size_t n) {
    int x = 0;
    for (std::size_t i = from; i < from + n; ++i) x = x * 10 + (v[i] - '0');
    return x;
  };
  d = {num(0, 4), num(4, 2), num(6, 2)};
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
}

std::string iso(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// First day of the bucket holding `days`.
long bucket_start(long days, Granularity g) {
  Day d = civil_from_days(days);
  switch (g) {
    case Granularity::kDay: return days;
    case Granularity::kWeek: return days - (((days % 7) + 7 + 3) % 7);  // back to Monday
    case Granularity::kMonth: return days_from_civil({d.year, d.month, 1});
    case Granularity::kYear: return days_from_civil({d.year, 1, 1});
  }
  return days;
}

long next_start(long start, Granularity g) {
  Day d = civil_from_days(start);
  switch (g) {
    case Granularity::kDay: return start + 1;
    case Granularity::kWeek: return start + 7;
    case Granularity::kMonth:
      return days_from_civil(d.month == 12 ? Day{d.year + 1, 1, 1} : Day{d.year, d.month + 1, 1});
    case Granularity::kYear: return days_from_civil({d.year + 1, 1, 1});
  }
  return start + 1;
}

std::string label(long start, Granularity g) {
  std::string s = iso(civil_from_days(start));
  if (g == Granularity::kMonth) return s.substr(0, 7);
  if (g == Granularity::kYear) return s.substr(0, 4);
  return s;
}

}  // namespace

const char* to_string(Granularity g) {
  switch (g) {
    case Granularity::kDay: return "day";
    case Granularity::kWeek: return "week";
    case Granularity::kMonth: return "month";
    case Granularity::kYear: return "year";
  }
  return "day";
}

Granularity choose_granularity(long span_days) {
  if (span_days <= 60) return Granularity::kDay;
  if (span_days <= 370) return Granularity::kWeek;
  if (span_days <= 5 * 366) return Granularity::kMonth;
  return Granularity::kYear;
}

Timeline make_timeline(const std::map<std::string, Xapian::doccount>& day_counts,
                       std::optional<Granularity> granularity) {
  Timeline t;
  if (granularity) t.granularity = *granularity;
  std::map<long, Xapian::doccount> days;
  for (const auto& [v, n] : day_counts) {
    Day d;
    if (!parse_slot(v, d)) continue;
    // The slot values come in date order, so each day goes at the end of the map.
    days.emplace_hint(days.end(), days_from_civil(d), 0)->second += n;
    t.dated += n;
  }
  if (days.empty()) return t;
  const long first = days.begin()->first, last = days.rbegin()->first;
  t.granularity = granularity ? *granularity : choose_granularity(last - first + 1);
  auto it = days.begin();
  for (long start = bucket_start(first, t.granularity); start <= last;) {
    long next = next_start(start, t.granularity);
    TimelineBucket b{label(start, t.granularity), iso(civil_from_days(start)),
                     iso(civil_from_days(next - 1)), 0};
    for (; it != days.end() && it->first < next; ++it) b.count += it->second;
    t.buckets.push_back(std::move(b));
    start = next;
  }
  return t;
}

}  // namespace newsidx::query
