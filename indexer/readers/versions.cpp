// Version keys for records of one item (see versions.hpp).
#include "indexer/readers/versions.hpp"

#include <chrono>
#include <algorithm>
#include <cstdio>

#include "indexer/readers/dates.hpp"

namespace newsidx::readers {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

int two(std::string_view s, std::size_t i) { return (s[i] - '0') * 10 + (s[i + 1] - '0'); }

// The first "H:MM" or "HH:MM" (":SS" and a fraction optional) in `s`, as seconds of the day,
// and where it ends; -1 when there is none.
int time_of_day(std::string_view s, std::size_t& end) {
  const auto at = [&](std::size_t k) { return k < s.size() ? s[k] : '\0'; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!digit(s[i]) || (i > 0 && digit(s[i - 1]))) continue;
    const std::size_t j = digit(at(i + 1)) ? i + 2 : i + 1;  // the colon
    if (at(j) != ':' || !digit(at(j + 1)) || !digit(at(j + 2))) continue;
    const int h = j == i + 2 ? two(s, i) : s[i] - '0';
    const int m = two(s, j + 1);
    int sec = 0;
    end = j + 3;
    if (at(end) == ':' && digit(at(end + 1)) && digit(at(end + 2))) {
      sec = two(s, end + 1);
      end += 3;
    }
    while ((at(end) == '.' || at(end) == ',') && digit(at(end + 1)))
      for (++end; digit(at(end));) ++end;  // a fraction of a second
    if (h > 23 || m > 59 || sec > 60) return -1;
    return h * 3600 + m * 60 + std::min(sec, 59);
  }
  return -1;
}

// The zone after a time, as seconds east of UTC (0 for none or one not known).
int zone_offset(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return 0;
  if (s[i] == '+' || s[i] == '-') {
    std::string_view d = s.substr(i + 1);
    int hh = 0, mm = 0;
    if (d.size() >= 2 && digit(d[0]) && digit(d[1])) {
      hh = two(d, 0);
      std::size_t k = d.size() > 2 && d[2] == ':' ? 3 : 2;
      if (d.size() >= k + 2 && digit(d[k]) && digit(d[k + 1])) mm = two(d, k);
    }
    const int off = hh * 3600 + mm * 60;
    return s[i] == '-' ? -off : off;
  }
  static constexpr struct {
    std::string_view name;
    int hours;
  } kZones[] = {{"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
  for (const auto& z : kZones)
    if (s.substr(i, 3) == z.name) return z.hours * 3600;
  return 0;  // Z, UT, UTC, GMT, or no zone
}

}  // namespace

std::string timestamp_key(std::string_view text) {
  const std::string date = parse_date(text);
  if (date.empty()) return "";
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  long long seconds = duration_cast<std::chrono::seconds>(sys_days{ymd}.time_since_epoch()).count();
  // The time follows the date: in ISO 8601 after the 'T', in RFC 2822 after the year.
  std::size_t end = 0;
  if (const int t = time_of_day(text, end); t >= 0) seconds += t - zone_offset(text, end);
  const sys_seconds utc{std::chrono::seconds{seconds}};
  const sys_days day_part = floor<days>(utc);
  const year_month_day out{day_part};
  const hh_mm_ss hms{utc - day_part};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(out.year()),
                static_cast<unsigned>(out.month()), static_cast<unsigned>(out.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string newsml_version_key(std::string_view version_attribute, std::string_view version_created) {
  unsigned long long v = 0;
  bool number = !version_attribute.empty() && version_attribute.size() <= 18;
  for (char c : version_attribute) {
    if (!digit(c)) {
      number = false;
      break;
    }
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (!number) v = 1;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%018llu", v);
  return std::string(buf) + " " + timestamp_key(version_created);
}

}  // namespace newsidx::readers
