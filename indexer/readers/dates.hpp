// Publication dates and sections: parsing the date strings archives use, and reading the date and
// section that an archive's folder layout encodes.
#pragma once

#include <string>
#include <string_view>

namespace newsidx::readers {

/// Parses a date as news archives write it and returns it as "YYYY-MM-DD", or "" when the text
/// is not a date this function knows. Accepted forms (leading/trailing white space ignored):
///  - ISO 8601: "2022-01-19", "2022-01-19T10:00:00Z", "2022-01-19 10:00:00.5+01:00", "20220119"
///  - RFC 2822: "Wed, 19 Jan 2022 10:00:00 +0000", "19 Jan 2022", two-digit years (< 50 -> 20xx)
///  - Reuters-21578: "26-FEB-1987 15:01:01.79"
///  - "January 19, 2022", "Jan. 19, 2022", "19 January 2022"
///  - numbers with '/', '.' or '-': the year first ("2022/01/19", "2022-1-9"), or last with day
///    and month where only one order is a date ("19/01/2022", "01/19/2022", "19.01.2022")
///  - ISO 8601's basic form with a time and no 'T': "202201191030", "20220119103000"
/// The date is the calendar date as written: a time zone offset does not move it to UTC, so an
/// article keeps the date its publisher printed. Impossible dates (2022-02-30) give "".
std::string parse_date(std::string_view text);

/// True for a date of numbers that reads as a date with day and month either way round
/// ("03/04/2022"), which parse_date refuses.
bool ambiguous_date(std::string_view text);

/// The date a field of digits alone gives, as a structured record (JSON) writes it: "YYYYMMDD",
/// with the time ("YYYYMMDDhhmm[ss]"), or seconds since 1970 (UTC) of 9 or 10 digits, or
/// milliseconds of 13 ("1642586400", "1642586400000"); "" for other numbers. Not for a line
/// of text: a number alone on a line is no date (parse_date and date_line read no seconds).
std::string date_from_number(std::string_view digits);

/// The date of a line that holds a date and nothing else, as the line under a headline often does
/// ("Monday, January 7, 2019", "Published: 7 January 2019 10:42 GMT", "2019-01-07"), as
/// "YYYY-MM-DD"; "" for any other line ("January 7, 2019 was cold", a line of over 80 bytes).
/// Besides the date it allows a leading "Published", "Posted", "Updated" or "Date" (with ":" or
/// "on"), a weekday, a time ("10:42", "10.42am", "p.m."), "at", and a time zone in capitals.
std::string date_line(std::string_view line);

/// The month (1-12) that an English month name or its abbreviation names ("Jan", "Sept.",
/// "MARCH"); 0 when `word` is not one.
int month_from_name(std::string_view word);

/// Formats year, month and day as "YYYY-MM-DD"; "" unless they form a real date in 1800-2199.
std::string format_date(int year, int month, int day);

/// What an article's place in the archive says about it.
struct PathMetadata {
  std::string date;     ///< "YYYY-MM-DD", or "" when the path encodes no date
  std::string section;  ///< folder-derived section, or ""
};

/// Reads the date and section encoded in `rel_path` (relative to the archive root, '/' or '\\'
/// separated).
///
/// Date, first match wins: three consecutive folders year/month/day ("2022/01/19/slug.txt");
/// then a folder or file name that starts with "YYYY-MM-DD" or "YYYYMMDD" followed by a
/// non-digit or the end ("2022-01-19-slug.txt", "20220119_slug.txt", "2022-01-19/slug.txt").
///
/// Section: the folder that holds the file, after dropping the date folders directly above the
/// file (a year, year/month or year/month/day run, or a dated folder name). So
/// "politics/012.txt" -> "politics", "world/2022/01/19/slug.txt" -> "world",
/// "2022/01/19/slug.txt" -> "" and "slug.txt" -> "". The folder name is kept as written.
PathMetadata path_metadata(std::string_view rel_path);

}  // namespace newsidx::readers
