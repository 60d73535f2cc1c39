// Firm names the tagger splits into pieces: "Standard and Poor's Corp", "Donaldson, Lufkin and
// Jenrette Securities Corp", Reuters' "<Wagner and Brown>", and a firm's short form ("Merrill"
// for "Merrill Lynch"). Pure functions over an article's text and its mentions.
#pragma once

#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::entities {

/// True for a word that only says a name is a company's: "Corp", "Inc.", "Co", "Ltd", "plc",
/// "Securities", "Group", "Holdings", "Partners" (case as written).
bool is_corporate_designator(std::string_view word);

/// Joins, in `mentions` (sorted by start), the pieces of firm names into one organisation
/// mention each, and leaves every other mention as it was:
/// - a name of the form "X and Y Corp", "X & Y Inc", "X, Y and Z Securities Corp": the last
///   piece is one word followed only by corporate designators that the text never writes on
///   its own, and X (and Y) are capitalised words that no country covers, nor an organisation
///   the text writes other than before "and" ("Texaco and Pennzoil Co" stays two when Texaco or
///   Pennzoil stands alone elsewhere); so is "X and Y's" when the tagger read Y as an
///   organisation and X as nothing else ("Standard and Poor's said");
/// - a company name Reuters writes in angle brackets that holds "and", "&" or a comma
///   ("<Wagner and Brown>", "<Goldman, Sachs and Co>");
/// - any other place in the article that writes such a joined name without its designators
///   ("Standard and Poor's said" beside "Standard and Poor's Corp"): the text names the firm.
/// A join never swallows a country or nationality mention. The joined mention's entity is the
/// name as written, white space normalised.
void join_firm_names(std::string_view text, std::vector<Mention>& mentions);

/// A one-word person mention that is the first word of an organisation the article names in
/// more words ("Merrill said" beside "Merrill Lynch"), or a one-word organisation mention that
/// begins a firm's name (one ending in a designator or joined from pieces: "Standard" beside
/// "Standard and Poor's Corp"; not "NATO" beside "NATO Allies"), becomes that organisation: the shortest such name, when every
/// other one begins with it. A word that ends a person's full name in the article is left
/// alone ("Ford" beside "Gerald Ford").
void firm_short_forms(std::vector<Mention>& mentions);

}  // namespace newsidx::entities
