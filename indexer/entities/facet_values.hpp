// What may become a facet value: whitespace-normalised names, and no names read out of tables
// and figures (earnings tables, sports results, price lists). Pure functions over text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::entities {

/// `s` with every run of white space (ASCII blanks and line breaks, no-break space) replaced by
/// one space, and none at either end: "Paul\n   Volcker" -> "Paul Volcker".
std::string normalise_space(std::string_view s);

/// The byte ranges of the lines of `text` that are tables or figures rather than prose: a line
/// with at least two numbers that make up at least 30% of its words ("Net 12.6 mln vs 15.8
/// mln", "Ernie Els 67 68 70 205"), a line of at most ten words comparing with "vs" ("Shr loss
/// two cts vs profit seven cts", "Arsenal vs Chelsea"), and a label line of at most three words
/// without a sentence end that heads or ends such lines ("Nine mths", "12 mths", "Year"; a
/// dividend's "Pay Jan 19", "Record Jan Four" under its figures, two words or three). Sorted, disjoint.
std::vector<Span> table_lines(std::string_view text);

/// The article's last non-empty line when it is a sign-off: one word and no sentence end
/// (Reuters' " Reuter"). Names there are the agency signing, not what the article is about.
std::optional<Span> sign_off_line(std::string_view text);

/// True when `name` names no person, organisation or place, whatever the tagger read: it holds
/// a word of the Reuters earnings tables ("Oper", "N.Z. Dlrs", "Qtr Net", "Mths Shr") or "MPs"
/// ("Labour MPs"), or the whole of it is a holiday, an award, a product or format, a sports
/// event or an economic figure ("Christmas", "Oscar", "DVD", "Xbox", "Six Nations", "GNP"), the
/// planet, a deity or a molecule ("Earth", "God", "DNA"), or a
/// date in words ("April One"), or every word of it is a generic head ("Bank", "Central Bank",
/// "National Bank", "Federal": no one body).
/// Case does not matter.
bool not_a_name(std::string_view name);

/// True when the name at `span` of `text` is the title of a work rather than an entity: the
/// next word is "films", "movies", "books", "sequel", ... ("the Harry Potter films") or
/// the word before is "film", "movie", "biopic", "musical", "comedy", ... ("Mike Leigh's film
/// Vera Drake", "quirky comedy Sideways"). Case does not matter.
bool names_a_work(std::string_view text, Span span);

/// True when the person name at `span` of `text` is followed by "author", or comes between "the"
/// and "games": a franchise named after its hero ("Harry Potter author JK Rowling", "the Harry
/// Potter games").
bool person_names_a_work(std::string_view text, Span span);

/// True when the person name at `span` of `text` begins a firm's name: "E.F. Hutton and Co",
/// "Kidder, Peabody and Co", "Harris Upham and Co Inc", "E.F. Hutton Group".
bool begins_firm_name(std::string_view text, Span span);

/// The entities of the person, organisation and place mentions of `text` that one of their
/// mentions uses as the title of a work (names_a_work, person_names_a_work), and of the person
/// mentions that begin a firm's name (begins_firm_name): names that are no entity of their own. Sorted.
std::vector<std::string> works_in(std::string_view text, const std::vector<Mention>& mentions);

/// True when `span` touches any of `tables` (as table_lines returns them).
bool in_table(const std::vector<Span>& tables, Span span);

/// True when `span` of `text` is a stock symbol in angle brackets, as Reuters marks a listed
/// company after its name ("Exxon Corp <XON>", "<VOWG.F>", "<BPCL.L>"): one word of at most 10
/// characters, with a capital letter and no small one. It names the company's share, not a value
/// of its own: the name beside it is the facet. A name in brackets ("<Woodco Inc>", an unlisted
/// company) has small letters or spaces and is no symbol.
bool stock_symbol(std::string_view text, Span span);

}  // namespace newsidx::entities
