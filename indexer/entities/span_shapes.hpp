// Tagger spans judged by the shape of the words in and around them, whatever the tagger's model
// made of them: an ordinal or a sentence adverb alone is no name, a camel-case word alone no
// person, a surname before an initial in a reference list no organisation, a place before a
// full name no part of it. Pure functions over the tokens; the analyzer applies them before it
// builds a mention (QUALITY.md, NER, issue 19, eighth round).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace newsidx::entities {

/// True for an ordinal written in figures: "3rd", "21ST", "4th" (no name, alone, of any kind).
bool is_ordinal(std::string_view word);

/// True for a capitalised adverb made of a common word and "-ly" ("Additionally",
/// "Similarly", "Finally"): a sentence adverb, no name when it stands alone. `gaz` says which
/// words are common; the word without "-ly" must be one of at least four letters, so that
/// names such as "Kelly" or "Daly" are none.
bool is_sentence_adverb(std::string_view word, const Gazetteer& gaz);

/// True for a country's exit blended into one word ("Brexit", "Grexit", "Megxit"): a process,
/// no organisation, person or place, alone. "Exit" itself is none; "Brexit Party" (two words)
/// stays a party.
bool is_exit_blend(std::string_view word);

/// True for a word written in camel case ("GoDaddy", "YouTube", "eBay"): a capital after a
/// small letter, not after a surname's prefix ("McCain", "DeLay", "LeBron", "VanLandingham",
/// "O'Neill" stay names).
bool is_camel_case(std::string_view word);

/// `span` as the shapes around it say it must be read, or nothing when it is no name:
/// - one ordinal ("3rd"), sentence adverb ("Additionally") or exit blend ("Brexit") alone, or
///   initials in capitals that label an interview's turn ("((WSS)) How did ..."): no name;
/// - two or three words that label a turn ("((Dorsa Derakhshani)) I sing", "Frido Welker: We
///   found") read as a person's name (a known first name first, or no ordinary English word, and
///   no place last): a person;
/// - a person of one camel-case word ("GoDaddy"): an organisation;
/// - an organisation of one word directly followed by ", X." ("Jones, I. (2001)" of a reference
///   list): a person;
/// - an organisation of three words, a known first name, a middle initial and a capitalised word
///   no organisation's suffix ("Loretta E. Lynch"; not "Robert W. Baird" + "& Co"): a person;
/// - a person of three words or more whose first is a region or country the gazetteer knows and
///   no first name, and whose second is a first name ("Vermont Bernie Sanders"): the name
///   without that first word.
/// `words` are the tokens' texts.
std::optional<EntitySpan> shaped_span(const TokenizedText& tt, const std::vector<std::string_view>& words,
                                      EntitySpan span, const Gazetteer& gaz);

/// Completes the persons of a labelled list of names, a team's line-up ("Middlesbrough: Schwarzer,
/// Parnaby, Riggott, ..."): on a line whose label of one to four words ends with a colon, followed
/// by three or more items of one or two capitalised words separated by commas and ended by a full
/// stop, a semicolon or the line's end, when the tagger read more than half of the items as
/// persons, every other item that no span touches becomes a person and every item read as a
/// place or organisation ("Southgate") one too. `spans` are sorted by start and stay so.
void complete_name_lists(const TokenizedText& tt, std::vector<EntitySpan>& spans);

/// Adds an organisation for a firm named in the possessive that no span touches: two capitalised
/// words joined by "and" or "&", the second with "'s", directly followed by a verb of reporting
/// or an auxiliary ("Standard and Poor's said", "Ben and Jerry's has"). A possessive followed by
/// a verb, not a noun, is the name itself; persons' names are none ("Tom and Ann's house").
/// `spans` are sorted by start and stay so.
void add_possessive_firms(const TokenizedText& tt, std::vector<EntitySpan>& spans);

}  // namespace newsidx::entities
