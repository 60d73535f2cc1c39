// Dates written as numbers with a separator: "2022/01/19", "2022-1-9", "19.01.2022",
// "01/19/2022". One reading of them for the readers (a date in a file) and the query (--date, a
// date typed by a user), so that both take the same texts as the same days.
#pragma once

#include <string_view>
#include <vector>

namespace newsidx::numeric_dates {

/// A day; `day` 0 names the whole month ("2022/01").
struct Ymd {
  int year = 0, month = 0, day = 0;
  bool operator==(const Ymd&) const = default;
};

/// True when `d` is a day of the Gregorian calendar (a month when `d.day` is 0), year 1000-9999.
bool valid(const Ymd& d);

/// What a numeric date can mean.
struct Reading {
  bool numeric = false;    ///< `t` is runs of digits with one kind of separator among '/', '.', '-'
  std::vector<Ymd> dates;  ///< the valid meanings: none, one, or two (day and month either way round)
};

/// Reads `t`, which holds the date alone (no time part). The year first ("2022/01/19",
/// "2022.1.9", "2022-01" a month) has one meaning; the year last ("19/01/2022", "01-19-2022")
/// has the day first and the month first, each when it is a date, and one when day and month
/// are equal. `numeric` is false for anything else: other characters, two kinds of separator, a
/// run of more than four digits, or no separator at all.
Reading read(std::string_view t);

}  // namespace newsidx::numeric_dates
