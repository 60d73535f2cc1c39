// Dates written as numbers with a separator (see numeric_dates.hpp).
#include "common/numeric_dates.hpp"

#include <algorithm>

namespace newsidx::numeric_dates {
namespace {

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The runs of digits of `t` between its separators, when `t` is only digits and one kind of
// separator among "/.-", with two or three runs of one to four digits; none otherwise.
std::vector<std::string_view> runs(std::string_view t) {
  const std::size_t first = t.find_first_of("/.-");
  if (first == std::string_view::npos || t.find_first_not_of("0123456789/.-") != std::string_view::npos) return {};
  std::vector<std::string_view> parts;
  for (std::size_t i = 0; i <= t.size();) {
    const std::size_t j = std::min(t.size(), t.find(t[first], i));
    parts.push_back(t.substr(i, j - i));
    i = j + 1;
  }
  const bool digits = std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
    return !p.empty() && p.size() <= 4 && p.find_first_not_of("0123456789") == std::string_view::npos;
  });
  return digits && (parts.size() == 2 || parts.size() == 3) ? parts : std::vector<std::string_view>{};
}

void add_if_valid(std::vector<Ymd>& dates, const Ymd& d) {
  if (valid(d)) dates.push_back(d);
}

}  // namespace

bool valid(const Ymd& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12) return false;
  const int last = d.month == 2 && leap(d.year) ? 29 : kDays[d.month - 1];
  return d.day == 0 || (d.day >= 1 && d.day <= last);
}

Reading read(std::string_view t) {
  const auto n = runs(t);
  Reading r;
  r.numeric = !n.empty();
  if (!r.numeric) return r;
  if (n[0].size() == 4 && n[1].size() <= 2 && (n.size() == 2 || n[2].size() <= 2)) {
    const Ymd d{to_int(n[0]), to_int(n[1]), n.size() == 3 ? to_int(n[2]) : 0};
    if (n.size() == 2 || d.day != 0) add_if_valid(r.dates, d);
  } else if (n.size() == 3 && n[2].size() == 4 && n[0].size() <= 2 && n[1].size() <= 2) {
    const int a = to_int(n[0]), b = to_int(n[1]), y = to_int(n[2]);
    if (a != 0 && b != 0) {
      add_if_valid(r.dates, {y, b, a});
      if (a != b) add_if_valid(r.dates, {y, a, b});
    }
  }
  return r;
}

}  // namespace newsidx::numeric_dates
