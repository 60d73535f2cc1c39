// Dates as users type them (--since, --until, date:...) turned into inclusive "YYYYMMDD" bounds on
// the date slot. Pure: "today" is passed in, so relative forms are testable.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace newsidx::query {

/// A calendar day.
struct Day {
  int year = 1970, month = 1, day = 1;
  bool operator==(const Day&) const = default;
};

/// An inclusive range of days as "YYYYMMDD" strings; an empty bound is open.
struct DateRange {
  std::string from, to;
  bool empty() const { return from.empty() && to.empty(); }
  bool operator==(const DateRange&) const = default;
};

/// Today in the local time zone.
Day local_today();

/// Days since 1970-01-01 (negative before), and back.
long days_from_civil(const Day& d);
Day civil_from_days(long days);

/// "YYYYMMDD".
std::string slot_value(const Day& d);

/// The days a period names: "2022-01-05" (that day), "2022-01" (the month), "2022" (the year),
/// "today", "yesterday", "monday" or "last monday" (the latest Monday on or before `today`,
/// strictly before it after "last"), "this-week", "last-week" (Monday to Sunday), "this-month",
/// "last-month", "this-year", "last-year", and "7d", "2w", "3m", "1y" (the single day that long
/// before `today`), also as typed in words ("last month", "This Year", "3 weeks ago", "30 days",
/// "past week" = 1w); written out, "march 1987", "1 March 1987", "March 1, 1987", and "25/12/1987"
/// or "12/25/1987" where only one order of day and month is a date. A bad form is a kUsage Error
/// naming the text, with a hint ("3/1/1987", either way round, names both readings).
Result<DateRange> parse_period(std::string_view text, const Day& today);

/// --since TEXT: from the first day of the period on.
Result<std::string> parse_since(std::string_view text, const Day& today);

/// --until TEXT: up to and including the last day of the period.
Result<std::string> parse_until(std::string_view text, const Day& today);

/// The value of date:TEXT in the query language: "A..B", "A..", "..B" or a single period "A";
/// A and B are any form parse_period accepts. A range that ends before it starts is an error.
Result<DateRange> parse_date_field(std::string_view text, const Day& today);

/// Intersection of two ranges (open bounds give way to closed ones).
DateRange intersect(const DateRange& a, const DateRange& b);

/// The hint shown with every bad date.
inline constexpr const char* kDateHint =
    "use YYYY-MM-DD, YYYY-MM, YYYY, 'march 2022', '1 march 2022', 7d, 2w, 3m, 1y, today, yesterday, "
    "monday, last-week or 'last month', '3 weeks ago', e.g. --since 2022-01 or 'date:2022-01-01..2022-02-15'";

}  // namespace newsidx::query
