// Tagger spans judged by what they name in their context, whatever the tagger's model made of
// them: a function word at an interview's turn, a web platform, a storm, a people, a numbered
// part of a text, a president's administration, an acronym run into its members, an Arabic
// surname cut off. Pure functions over the tokens; the analyzer (analyzer.cpp) applies them
// before it builds a mention. Split from analyzer.cpp without a change of behaviour.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/canonical.hpp"
#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace newsidx::entities {

/// True when `w` in lower case is one of `words`.
template <std::size_t N>
bool lower_in(std::string_view w, const char* const (&words)[N]) {
  const std::string l = canonical::ascii_lower(w);
  return std::any_of(std::begin(words), std::end(words), [&](const char* k) { return l == k; });
}

/// A word that is no name when it stands alone, whatever the tagger made of it: a function word,
/// an interjection or a question's first word, typed with a capital at the start of an interview's
/// turn ("Q: Are there ...", "((WN)) Tell me ...", "Derakhshani: Oh, so ...") that the sentence
/// splitter does not see as a sentence's start. Words that are also names ("May", "Will", "Mark",
/// "Bush") are not here, and a word in capitals is an abbreviation ("US", "WHO", "IT").
bool no_name_alone(std::string_view w);

/// A post-nominal, a letters after a name for an office or an honour ("Guy Mansfield QC", "an
/// MEP", "made an OBE"): "QC", "KC", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE",
/// "DBE" and their plurals. No name of any kind alone, whatever the tagger made of it.
bool post_nominal(std::string_view w);

/// How many of the words from `begin` (before `end`) name a parliamentary office that the title
/// table does not hold: "Minority Whip", "Chief Whip", "Whip", "Majority Leader", "Opposition
/// Leader" ("Leader" only after a qualifier); 0 when they do not. The title table is a feature of
/// the tagger's model, so an office added there changes what the model reads; this one does not.
std::size_t office_words(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end);

/// True when the token before `t` ends a label that opens a line, an interview's turn: "Q: Are",
/// "Dorsa Derakhshani: Oh", "((WN)) Tell". The sentence splitter does not see such a turn as a
/// sentence's start, so its first word keeps a capital that says nothing about names.
bool opens_turn(const TokenizedText& tt, std::size_t t);

/// The words a text writes with a capital inside a sentence, not as a turn's first word
/// (opens_turn), gathered on first use: one pass over the tokens however many spans ask.
class CapitalisedInside {
 public:
  explicit CapitalisedInside(const TokenizedText& tt) : tt_(tt) {}
  bool has(std::string_view w);

 private:
  const TokenizedText& tt_;
  std::unordered_set<std::string_view> words_;
  bool made_ = false;
};

/// A one-word organisation or place that opens a turn and is an English word used nowhere else
/// with its capital: "Q: Apart from ...", "A: Well, ...", "(FAIR) Act". Persons stay: a sports
/// report's "Subs not used: Cooper, Knight." names players.
bool turn_opener(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                 const Gazetteer& gaz, CapitalisedInside& capitalised);

/// A one-word place that opens its sentence and is an English participle ("Born", a word in -ed
/// or -ing of the common-words table) the text writes with a capital nowhere inside a sentence
/// (CapitalisedInside: after an opening quotation mark counts as inside), and that no table knows
/// as a place or a country's metonym: "Born in 1942 in Tredegar". No place. Other words ("Pacific
/// nations agreed", "Kremlin sources said") are left to the tagger.
bool sentence_opener(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                     const Gazetteer& gaz, CapitalisedInside& capitalised);

/// A name behind a title that only persons bear: "Lord Ashcroft", "Sir Alex Ferguson", "Mrs
/// Thatcher", "Baroness Scotland". The first word is "Mr", "Mrs", "Ms", "Miss", "Lord", "Lady",
/// "Sir", "Dame", "Baron" or "Baroness" written as a title (a dot allowed; "MS Office" is an
/// acronym), then a capitalised word; three words only with a given name between ("Sir Alex
/// Ferguson"); no street, building or body word last ("Dame Street", "Lady Lever Art Gallery",
/// "Lady Tata Memorial Trust"). Of a firm's span (EntityType::kOrg): two words, and not "Lady" or
/// "Dame" ("Lady Vols", a team). Such a span names a person whatever the tagger typed it.
bool titled_name(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz);

/// A person span ending in a title, right before a person's span or a titled name: an office the
/// tagger cut off from the name after it ("Tory Treasurer" of "former Tory Treasurer Lord
/// Ashcroft"). No person.
bool office_cut_off(const std::vector<std::string_view>& words, const EntitySpan& span, const EntitySpan& next,
                    const Gazetteer& gaz);

/// Web platforms and publishers that news names as where something was said or shown: an
/// organisation wherever the tagger puts them ("posted on Facebook" is no place, "Twitter
/// removed the post" no person).
bool names_platform(std::string_view name);

/// True when `word` holds a letter of a script without letter case (Chinese, Japanese, Korean,
/// Thai, Arabic...): the tagger reads names by their capitals, so such a word is none it can
/// judge, and a run of Chinese without spaces is one "word" ("DeepMind的AlphaGo AI...").
bool caseless_script(std::string_view word);

/// A word naming a part of a text or a law, followed by its number ("Article 2, Section 1",
/// "Chapter 11", "Page 3", "Volume IV"): no name, whatever the tagger made of the word.
bool numbered_part(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span);

/// "the Biden administration", "the Obama presidency": a one-word place or organisation that no
/// table knows as a place, before "administration" or "presidency", is the president it names.
bool names_a_presidency(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                        const Gazetteer& gaz);

/// A storm named like a person: "Hurricane Katrina", "Typhoon Haiyan", "Cyclone Nargis", "Tropical
/// Storm Ernesto" (the tagger leaves "Tropical" out), "Hurricanes Katrina and Rita", or a one-word
/// person span right after a storm word ("Hurricane" + "Katrina"). No person, organisation or
/// place. A storm word and one name only: "Hurricane Energy Plc", "Typhoon Energy Corp" (firms)
/// and "Hurricanes Beauden Barrett" (a rugby side's player) are no storms.
bool names_storm(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz);

/// The names of the storms the spans name ("Katrina" of "Hurricane Katrina"): no person or
/// organisation where the article writes them alone either ("after Katrina struck").
std::unordered_set<std::string_view> storm_names(const std::vector<std::string_view>& words,
                                                 const std::vector<EntitySpan>& spans, const Gazetteer& gaz);

/// A work's title, which the tagger may read as a person or organisation (or as MISC, rightly): a
/// person, organisation or MISC span right after a word for a
/// film, a programme's genre, a record or a stage work ("the comedy Sideways", "biopic Ray",
/// "his album Musicology", "the drama series Desperate Housewives"). Not a given name and a
/// surname ("the film Tom Hanks made"), an acronym alone ("a downloaded movie NEC is showing",
/// a headline's run-on) nor a firm's name with its designator ("the album Sony Music Inc
/// released").
bool names_a_work(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz);

/// The words of the works the spans name (names_a_work), joined by spaces, and a title's words
/// after its "The": no person or organisation where the article writes them without the word
/// before ("Sideways won", "Aviator leads").
std::unordered_set<std::string> work_titles(const std::vector<std::string_view>& words,
                                            const std::vector<EntitySpan>& spans, const Gazetteer& gaz);

/// The words of a span joined by spaces, the key of work_titles.
std::string span_words(const std::vector<std::string_view>& words, const EntitySpan& span);

/// A law, treaty or founding text the tagger read as an organisation: a firm's span ending in
/// "Constitution", "Charter", "Treaty", "Act", "Bill", "Amendment", "Protocol", "Declaration",
/// "Accord", "Directive" or "Statute" as written ("US Constitution", "Freedom of Information Act",
/// "Kyoto Protocol"; not "ACT" in capitals). No organisation, as CoNLL holds laws MISC.
bool names_a_law(const std::vector<std::string_view>& words, const EntitySpan& span);

/// A person or organisation made only of words for faiths and peoples ("Sunni Arab leaders",
/// "Shiite Muslim clerics"), or a person of one such word that is no given name ("Sunni",
/// "Christianity"; not "Christian"): a group of people or a faith, not one person or body.
bool names_a_people(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz);

/// "NATO Allies", "EU Leaders", "UN Officials": an acronym's organisation followed by a plural
/// naming its members, which the tagger ran into the name (a State Department statement's "NATO
/// Allies and European partners"). The organisation is the acronym.
bool acronym_and_members(const std::vector<std::string_view>& words, const EntitySpan& span);

/// An Arabic surname with its article ("al-Zarqawi", "el-Baradei") right after a person span, on
/// the same line, is the rest of the name the tagger cut short: "Abu Musab al-Zarqawi". The span
/// takes it in, and a span the tagger gave the surname alone (often MISC) is dropped.
void add_arabic_surnames(const TokenizedText& tt, const std::vector<std::string_view>& words,
                         std::vector<EntitySpan>& spans);

}  // namespace newsidx::entities
