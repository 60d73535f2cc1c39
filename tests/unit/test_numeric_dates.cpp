// Unit tests for common/numeric_dates: dates written in numbers, read once for the readers and
// the query.
#include <catch2/catch.hpp>

#include <string>

#include "common/numeric_dates.hpp"
#include "indexer/readers/dates.hpp"
#include "query/dates.hpp"

using newsidx::numeric_dates::read;
using newsidx::numeric_dates::valid;
using newsidx::numeric_dates::Ymd;

TEST_CASE("numeric dates: the year first has one meaning, a month when the day is left out", "[numeric_dates]") {
  CHECK(read("2022/01/19").dates == std::vector<Ymd>{{2022, 1, 19}});
  CHECK(read("2022-1-9").dates == std::vector<Ymd>{{2022, 1, 9}});
  CHECK(read("2022.01.19").dates == std::vector<Ymd>{{2022, 1, 19}});
  CHECK(read("2022/01").dates == std::vector<Ymd>{{2022, 1, 0}});
  // A form of numbers that names no day: numeric, no meaning.
  for (const char* t : {"2022/13/01", "2022/02/30", "2022/01/00", "2022/001/19", "0999/01/01"}) {
    INFO(t);
    CHECK(read(t).numeric);
    CHECK(read(t).dates.empty());
  }
}

TEST_CASE("numeric dates: the year last reads the day and the month either way round", "[numeric_dates]") {
  CHECK(read("19/01/2022").dates == std::vector<Ymd>{{2022, 1, 19}});
  CHECK(read("01/19/2022").dates == std::vector<Ymd>{{2022, 1, 19}});
  CHECK(read("25.12.1987").dates == std::vector<Ymd>{{1987, 12, 25}});
  CHECK(read("25-12-1987").dates == std::vector<Ymd>{{1987, 12, 25}});
  // Both readings are dates: the day first, then the month first.
  CHECK(read("03/04/2022").dates == std::vector<Ymd>{{2022, 4, 3}, {2022, 3, 4}});
  CHECK(read("04/04/2022").dates == std::vector<Ymd>{{2022, 4, 4}});
  // Neither is: a month 13 either way, a 30th of February, a day 0, a year of two digits.
  for (const char* t : {"13/13/2022", "30/02/2022", "00/05/2022", "05/00/2022", "19/01/22"}) {
    INFO(t);
    CHECK(read(t).numeric);
    CHECK(read(t).dates.empty());
  }
  // 29 February only in a leap year.
  CHECK(read("29/02/2024").dates == std::vector<Ymd>{{2024, 2, 29}});
  CHECK(read("29/02/2023").dates.empty());
  CHECK(read("29/02/1900").dates.empty());
  CHECK(read("29/02/2000").dates == std::vector<Ymd>{{2000, 2, 29}});
}

TEST_CASE("numeric dates: other texts are no numeric date", "[numeric_dates]") {
  for (const char* t : {"", "2022", "20220119", "2022/01-19", "19/01/2022 10:00", "jan/2022", "1/2/3/2022", "2022//19",
                        "/01/2022", "12345/1/1", "-3"}) {
    INFO(t);
    CHECK_FALSE(read(t).numeric);
    CHECK(read(t).dates.empty());
  }
}

TEST_CASE("numeric dates: valid days of the Gregorian calendar", "[numeric_dates]") {
  CHECK(valid({2022, 12, 31}));
  CHECK(valid({2022, 2, 0}));
  CHECK_FALSE(valid({2022, 4, 31}));
  CHECK_FALSE(valid({2022, 0, 1}));
  CHECK_FALSE(valid({999, 1, 1}));
  CHECK_FALSE(valid({10000, 1, 1}));
}

TEST_CASE("numeric dates: a file's date and a typed date read the same text as the same day", "[numeric_dates]") {
  // The readers (a date in a file) and --date (a date a user types) must agree, or a story dated
  // "25.12.1987" in its file is not found by --date 25.12.1987.
  const newsidx::query::Day today{2022, 3, 2};
  for (const char* t : {"2022/01/19", "2022-1-9", "2022.01.19", "19/01/2022", "01/19/2022", "25.12.1987", "25-12-1987",
                        "03/04/2022", "04/04/2022", "29/02/2023", "2022/13/01", "13/13/2022", "2022/01"}) {
    INFO(t);
    const std::string file = newsidx::readers::parse_date(t);
    const auto typed = newsidx::query::parse_period(t, today);
    const bool one_day = typed.ok() && typed->from == typed->to;
    CHECK(file.empty() == !one_day);
    if (one_day) {
      std::string iso = typed->from;
      CHECK(file == iso.insert(4, "-").insert(7, "-"));
    }
    CHECK(newsidx::readers::ambiguous_date(t) == (!typed.ok() && typed.error().message.rfind("ambiguous", 0) == 0));
  }
}
