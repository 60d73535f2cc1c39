// The date histogram of a result set (--timeline): per-day counts from the date slot grouped
// into days, weeks, months or years, whichever suits the span. Pure.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsidx::query {

enum class Granularity { kDay, kWeek, kMonth, kYear };

/// "day", "week", "month", "year".
const char* to_string(Granularity g);

/// Day up to 60 days, week up to 370 days, month up to 5 years, else year.
Granularity choose_granularity(long span_days);

struct TimelineBucket {
  std::string label;     ///< "2022-01-05", week: its Monday "2022-01-03", "2022-01", "2022"
  std::string from, to;  ///< first and last day, "YYYY-MM-DD"
  Xapian::doccount count = 0;
};

struct Timeline {
  Granularity granularity = Granularity::kDay;
  std::vector<TimelineBucket> buckets;  ///< consecutive, empty periods included
  Xapian::doccount dated = 0;           ///< matches with a date
};

/// Groups per-day counts (keys "YYYYMMDD", as in the date slot; malformed keys are ignored)
/// into consecutive buckets from the first dated match to the last, by `granularity` or, when
/// it is unset, by choose_granularity of their span.
Timeline make_timeline(const std::map<std::string, Xapian::doccount>& day_counts,
                       std::optional<Granularity> granularity = std::nullopt);

}  // namespace newsidx::query
