// Direct quotations and their speakers: finds text between double quotation marks and attributes
// each quotation to the person or organisation that said it, precision first.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::entities {

/// Gender of a first name, as far as the caller's name lists know it.
enum class NameGender { kUnknown, kFemale, kMale };

/// Work counters of one find_quotes call: tests check with them that attribution stays linear
/// in the article's length without timing anything.
struct QuoteStats {
  std::size_t pronouns = 0;    ///< "he"/"she" cues the resolver tried to resolve
  std::size_t candidates = 0;  ///< candidate antecedents it examined for them
  std::size_t paragraph_cues = 0;  ///< speech verbs whose subject the paragraph rule analysed
  std::size_t mentions = 0;  ///< mentions looked at to name the speakers of speech cues
  std::size_t descriptions = 0;  ///< person mentions weighed for "the senator"-style speakers
};

/// Optional knowledge the attribution can use; everything has a working default.
/// Persons of one surname in an article beyond which the surname picks none of them for a
/// pronoun (QuoteOptions::shared_surnames): "Clinton" of Bill and Hillary, not a list of 40.
inline constexpr std::size_t kMaxNamesakes = 6;

struct QuoteOptions {
  /// Gender of a first name ("Amy" -> kFemale). Used to resolve "he"/"she" to the nearest
  /// compatible person. When empty, the gazetteer's census first names are used; a name whose
  /// gender is kUnknown is compatible with both pronouns.
  std::function<NameGender(std::string_view first_name)> gender_of;
  /// When set, receives for each returned quotation the rule that attributed it ("after",
  /// "before", "according", "subject", "paragraph-quote", "paragraph-verb", "carry", or "" for none);
  /// the evaluation tool reports precision per rule with it.
  std::vector<std::string>* rules = nullptr;
  /// Precision over coverage: "he"/"she" resolve only when a single compatible subject or
  /// speaker stands in this or the previous paragraph, and the weakest rules (a speech verb
  /// elsewhere in the paragraph, carrying the previous paragraph's speaker) are off. Measured
  /// operating points are in QUALITY.md ("## Quote speakers").
  bool precise = false;
  /// Ambiguous pronouns: "he"/"she" is left without a speaker when another compatible person
  /// was named less than this many bytes before the chosen antecedent. 0 (the default) never
  /// leaves it open: measured against annotated referents it gives the best coverage and
  /// document F1 at over 90% precision; 300 is the stricter middle point of QUALITY.md.
  std::size_t pronoun_margin = 0;
  /// A quotation that no cue attributes takes the subject of its own sentence when that sentence
  /// opens with a name the article knows, or a pronoun, followed by its verb ("Moore thanked him
  /// for \"taking these steps\"", "Trump went after Bush, calling him \"...\""): the rule
  /// "subject". Kept by cross-validation on PolNeAR train (QUALITY.md, "## Quote speakers").
  bool sentence_subjects = true;
  /// The longest appositive, in tokens, between a speaker and its verb ("Mr. Slinker, whose
  /// latest start-up, Paradata, uses big data to help brands find suppliers, said"). Chosen by
  /// cross-validation on PolNeAR train among 14, 20 and 30 (QUALITY.md, "## Quote speakers").
  std::size_t appositive_window = 30;
  /// A person named as the subject of a subordinate clause ("When Maddow pointed out ...,
  /// Clinton seized upon", "... when Tapper asked") is not preferred as the antecedent of a
  /// following "he"/"she" over the main clause's subject. Weighed by the cross-validation.
  bool subordinate_subjects = true;
  /// A person named after "he"/"she" in the pronoun's own sentence ("he told Hannity", "she
  /// said of Trump") is not its referent. Weighed by the cross-validation.
  bool object_exclusion = true;
  /// A surname alone ("Clinton") is a candidate for "he"/"she" as each person of the article
  /// with that surname (Bill and Hillary Clinton), whatever the resolution chose, so that the
  /// pronoun's gender picks among them. Weighed by the cross-validation.
  bool shared_surnames = true;
  /// A speaker named before a chain of appositives, one of them a name that is no person
  /// ("Vian, the editor in chief of the Vatican's official newspaper, L'Osservatore Romano,
  /// said"): the person first. Weighed by the cross-validation.
  bool appositive_chains = true;
  /// A person whose first name tells no gender ("Bernie", "Kelly", or no first name: "Obama")
  /// takes the gender the article gives it: an honorific before its name ("Mr. Sanders", "Ms.
  /// Ayotte") or "he"/"she" after it as the subject of its sentence ("Sanders said he would"),
  /// when one gender has more than twice the other's evidence. A person of the other gender is
  /// then no antecedent of "he"/"she". Off: it raised train-CV accuracy on only 3 of 5 folds,
  /// with asked_persons too (QUALITY.md, "Pronoun Sources (issue 19, eighth speakers round)").
  bool learned_genders = false;
  /// The person asked in the sentence before ("Conroy asked Sanders whether ... \"Sure it
  /// is,\" he said") is the antecedent of "he"/"she" that answers. Off, as learned_genders.
  bool asked_persons = false;
  /// When set, receives the work counters of the call (added to what it holds).
  QuoteStats* stats = nullptr;
};

/// One quotation as found in the text, before attribution: one part per paragraph it covers
/// (a quote running over several paragraphs repeats its opening mark at each paragraph).
/// Each part is a byte range with the quotation marks excluded.
struct QuoteParts {
  std::vector<Span> parts;
};

/// Finds the direct quotations of `text` (UTF-8): straight and curly double quotes, partial
/// quotes inside sentences, quotes over several paragraphs. An opening mark that is never
/// closed within its paragraph (and is not continued by the next paragraph) yields nothing, so
/// an unbalanced mark never swallows the rest of the article. Empty quotations are dropped.
std::vector<QuoteParts> find_quote_parts(std::string_view text);

/// Finds the direct quotations of `text` and attributes their speakers.
///
/// `mentions` are the article's entity mentions (persons and organisations matter; others are
/// ignored); a speaker named in the text resolves to the canonical `entity` of an overlapping
/// mention, or of a person mention sharing its surname ("Blinken" -> "Antony Blinken"). A speaker
/// the mentions miss is still found from the text (capitalised name next to the speech verb) and
/// named by that phrase (or by a fuller "First Last" form of it found in the article).
///
/// Rules, in order of precedence: a cue right after the quotation (`"...," X said`,
/// `"...," said X`), a cue before it in the same sentence (`X said, "..."`, `X told VOA, "..."`,
/// `what X called a "..."`), `according to X`, another attributed quotation of the same paragraph,
/// a speech verb elsewhere in the paragraph, and the previous paragraph's speaker when this
/// paragraph opens with the quotation and no other person is named in between.
/// Unnamed sources ("a senior official said") give a quotation with `speaker` = nullopt (and its
/// cue); so does a quotation no rule attributes. `speaker_mention` is set only with `speaker`.
std::vector<Quote> find_quotes(std::string_view text, const std::vector<Mention>& mentions,
                               const QuoteOptions& options = {});

/// Quotations shorter than this many words ("a total disaster", "extremely careless") are
/// labels rather than statements: they keep their speaker in the quote index, but do not by
/// themselves put that speaker in the article's speaker facet. Chosen on PolNeAR train
/// (QUALITY.md, "## Quote speakers").
inline constexpr std::size_t kSpeakerFacetMinWords = 4;

/// Whether `q` puts its speaker in the article's speaker facet: it has a speaker and at least
/// kSpeakerFacetMinWords words (runs of letters and digits).
bool counts_for_speaker_facet(const Quote& q);

}  // namespace newsidx::entities
