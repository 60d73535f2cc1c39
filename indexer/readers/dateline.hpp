// Dateline recognition: "WASHINGTON —", "KYIV, Ukraine —", "NEW YORK, March 3 (Reuters) -" at
// the start of an article body, so that it is recorded apart from the first sentence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/article.hpp"

namespace newsidx::readers {

/// A dateline found in a text. All spans are byte ranges into the text that was searched.
struct DatelineMatch {
  Span text;    ///< place and date, agency excluded: "NEW YORK, March 3", "KYIV, Ukraine"
  Span place;   ///< the place as written: "NEW YORK", "KYIV, Ukraine", "ST. LOUIS, Mo."
  Span date;    ///< "March 3", "Feb 26", "Jan. 7, 2019"; empty when the dateline has no date
  Span agency;  ///< inside the parentheses: "Reuters", "AP"; empty when there are none
  std::size_t body_start = 0;  ///< first byte after the dash and the white space that follows
};

/// Looks for a dateline at `pos` (after any white space) in `text`.
///
/// The shape is: a place of one to five upper-case words (letters, '.', '\'', '-', '&'; at
/// least one run of three capitals, so "U.S." alone is not a place), then optionally
/// ", Region" (one to three capitalised words: "Ukraine", "Calif.", "Puerto Rico"), optionally
/// ", Month Day" ("March 3", "Feb. 26", with a year or not: "Jan. 7, 2019"), optionally "(Agency)", then a dash (em dash, en dash,
/// "--" or a hyphen with white space before it), white space (no-break spaces included) and the
/// body. A dateline made of a bare upper-case word with nothing after it but the dash
/// ("NATO - ...") only counts when the body then starts with a capital, digit or quote mark,
/// which keeps out sentences like "NATO - the alliance ...".
///
/// Returns nothing for ordinary first sentences ("The U.S. - and its allies ...",
/// "Mr Blair - who ...") and when no body text follows the dash.
std::optional<DatelineMatch> find_dateline(std::string_view text, std::size_t pos = 0);

/// The date of a dateline that writes its year ("WASHINGTON, Jan. 7, 2019 —") as "YYYY-MM-DD";
/// "" when it has no date or no year ("NEW YORK, March 3 -"). `text` is the text `m` was found in.
std::string dateline_date(std::string_view text, const DatelineMatch& m);

/// Sets `article.text` to `body` and spans the body (white space trimmed) and a dateline at its
/// start (find_dateline): what the JSON Lines and XML readers do with a record's body. An
/// article without a date takes its dateline's, when that writes a year (dateline_date).
void set_body(Article& article, std::string body);

}  // namespace newsidx::readers
