// The words the quote attribution reads cues by: speech verbs, participles, titles, organisation
// words, function words, descriptions, dates; and the comparisons of person names it makes.
//
// These lists are the quote finder's own, not the gazetteer's (data/titles.tsv, org_suffixes.tsv)
// or the tokenizer's: they are case-sensitive and much shorter on purpose. The gazetteer's
// 585 titles include "actor", "adviser" and "manager" in any case, which here would strip a
// description off a name or end a speaker phrase early; its organisation suffixes lack the heads
// that make a speaker an organisation here ("Campaign", "Pentagon", "Kremlin"). Each list was
// chosen for precision on PolNeAR (QUALITY.md, "## Quote speakers"); sharing the broader lists
// would change the speakers found.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace newsidx::entities::quoting {

// Linear search, asked for nearly every token: the length and first byte are compared before the
// bytes, so most entries cost no memcmp call (a fifth of the quote finder's time otherwise).
template <std::size_t N>
inline bool in(const std::array<std::string_view, N>& list, std::string_view w) {
  if (w.empty()) return std::find(list.begin(), list.end(), w) != list.end();
  return std::any_of(list.begin(), list.end(), [w](std::string_view x) {
    return x.size() == w.size() && x[0] == w[0] && x == w;
  });
}

inline std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

// Finite speech verbs: the subject stands before them ("X said") or, for the inverted list,
// after them ("said X").
inline constexpr auto kSpeechVerbs = std::to_array<std::string_view>({
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes",
    "explained", "explains", "noted", "notes", "stated", "states", "declared", "declares",
    "insisted", "insists", "argued", "argues", "replied", "replies", "pointed", "posted",
    "responded", "responds", "warned", "warns", "tweeted", "tweets", "recalled", "recalls",
    "acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims", "announced",
    "announces", "remarked", "quipped", "joked", "conceded", "concedes", "shouted", "yelled",
    "called", "calls", "described", "describes", "stressed", "stresses", "emphasized",
    "emphasizes", "predicted", "promised", "vowed", "countered",
    "reiterated", "testified", "answered", "cautioned", "observed", "charged", "boasted",
    "complained", "lamented", "proclaimed", "exclaimed", "pledged", "touted", "retorted",
    "mused", "agreed", "interjected", "scoffed", "griped", "thundered", "reiterates",
    "recounted", "confirmed", "denied", "suggested", "suggests", "wondered", "praised",
    // Gold cues of PolNeAR train direct quotes that the list above missed. Verbs aimed at
    // someone else ("accused Moscow of a \"false flag\"", "blamed", "urged") stay out: their
    // quotations are mostly scare quotes or the target's words.
    "reported", "concluded", "concludes", "promises", "assured", "assures", "asserted",
    "chanted", "reads", "echoed", "pondered", "demurred", "jokes", "quips", "yelled"});
// Verbs that name what someone called something or published ("Meg Whitman, ..., labeled him
// \"a dishonest demagogue\"", "Mr. Singer published \"...\""): the cue of the quotation they
// introduce only (Attributor::naming_cue), never of a paragraph's other quotations nor a subject
// for "he"/"she", and not in the passive ("Originally dubbed \"...\"", "referred to as the
// \"...\""). Gold cues of train quotations no cue had read (issue 19, third round).
inline constexpr auto kNamingVerbs = std::to_array<std::string_view>(
    {"dubbed", "labeled", "labelled", "characterized", "referred", "published"});
// Verbs that are speech only right after a quotation (`"...," the editorial read`, `"...!" the
// crowd cried`, `"...," Trump barked`): elsewhere "read" or "cried" report no words.
inline constexpr auto kTrailingOnlyVerbs = std::to_array<std::string_view>(
    {"read", "shot", "started", "points", "agrees", "barked", "screamed", "cried", "roared", "beamed",
     "reacted", "opined", "jeered", "whispered", "questioned"});
// Speech verbs that may put their subject after them right after a quotation only (`"...,"
// declared Senator Jeff Flake`, `"...," reads a Wednesday editorial in The Des Moines Register`).
inline constexpr auto kTrailingInvertingVerbs = std::to_array<std::string_view>(
    {"declared", "stated", "warned", "reads", "read", "opined", "agrees", "agreed", "reacted",
     "beamed", "insisted", "argued", "quipped", "joked", "shouted", "cautioned", "concluded"});
inline constexpr std::array<std::string_view, 16> kInvertingVerbs = {
    "said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "explained",
    "continued", "noted", "recalled", "replied", "responded", "countered", "tweeted"};
inline constexpr std::array<std::string_view, 6> kParticiples = {"adding", "saying", "telling",
                                                          "noting", "asking", "writing"};
// Participles that attribute a quotation to the subject of their sentence: "Trump went on the
// attack, saying, \"...\"", "he cut into Bush, calling him \"...\"".
inline constexpr auto kSubjectParticiples = std::to_array<std::string_view>({
    "saying", "adding", "writing", "calling", "declaring", "insisting", "promising", "noting",
    "telling", "asking", "arguing", "explaining", "warning", "stating", "tweeting", "describing",
    "claiming", "vowing", "joking", "proclaiming", "predicting", "urging", "responding",
    "citing", "remarking", "quipping", "recalling", "complaining", "concluding", "shouting",
    "announcing", "boasting", "acknowledging", "admitting", "lamenting", "replying",
    "countering", "stressing", "insisting", "suggesting", "conceding"});
// Irregular past tenses that may follow a described subject as its verb ("His office put out a
// statement saying", "The president left no doubt ..., saying"): Attributor::verb_inside_phrase.
inline constexpr auto kIrregularPasts = std::to_array<std::string_view>(
    {"put", "sent", "left", "took", "made", "gave", "went", "came", "got", "held", "kept", "spent",
     "brought", "began", "ran", "found", "met", "stood", "led", "won", "lost", "paid", "sought",
     "struck", "felt", "drew", "threw", "wore", "spoke", "broke", "chose", "rose", "fell", "hit"});
// Words in "-ing" that are no participle of saying before a quotation: prepositions, nouns, and
// participles that present a work or report an effect (Attributor::unlisted_participle).
inline constexpr auto kNotParticiples = std::to_array<std::string_view>(
    {"including", "according", "regarding", "concerning", "following", "during", "notwithstanding", "excluding",
     "something", "anything", "nothing", "everything", "evening", "morning", "meeting", "building", "hearing",
     "briefing", "spending", "funding", "polling", "ruling", "wording", "reading", "heading", "feeling", "thinking",
     "bearing", "gathering", "meaning", "beginning", "opening", "ending", "ceiling", "setting", "wedding", "housing",
     "training", "shooting",
     // Participles that present a work or report an effect, not words said: "featuring
     // \"Yesterday\"", "with Beyonce performing \"Halo\"", "prompting \"a crisis\"".
     "featuring", "starring", "showing", "performing", "playing", "singing", "unveiling", "releasing", "launching",
     "displaying", "wearing", "carrying", "holding", "using", "prompting", "leaving", "causing", "sparking",
     "triggering", "drawing", "raising", "bringing", "making", "creating", "earning", "winning", "receiving",
     "producing", "sending", "giving", "taking", "getting", "becoming", "marking", "costing", "forcing", "hitting",
     "reaching", "topping", "beating", "attracting", "generating", "provoking", "inspiring", "fuelling", "fueling"});
// Forms of "be" that make a verb in -ed after them passive ("the election is called").
inline constexpr auto kBeForms = std::to_array<std::string_view>(
    {"is", "was", "are", "were", "be", "been", "being"});
// Words that may stand between a subject and its verb: "X also said", "X has said".
inline constexpr std::array<std::string_view, 33> kBetween = {
    "also", "then", "later", "previously", "once", "repeatedly", "reportedly", "recently",
    "has", "had", "have", "would", "will", "was", "is", "never", "often", "again", "just",
    "publicly", "privately", "first", "subsequently", "earlier", "further", "even", "still",
    "simply", "famously", "frequently", "meanwhile", "however", "too"};
inline constexpr std::array<std::string_view, 9> kPronouns = {"he",  "she", "i",  "we", "they",
                                                       "you", "it",  "He", "She"};
// Lower-case words that may be part of a speaker noun phrase.
inline constexpr std::array<std::string_view, 44> kNpWords = {
    "a", "an", "the", "of", "for", "senior", "former", "top", "chief", "deputy", "press",
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
    "aide", "aides", "adviser", "advisers", "advisor", "statement", "campaign", "administration",
    "representative", "secretary", "manager", "director", "chairman", "chairwoman", "leader",
    "candidate", "nominee", "presidential", "republican", "democratic", "department",
    "ministry", "government", "team", "one", "another"};
// Lower-case words that end a speaker phrase after an inverted verb: "said Trump in ...".
inline constexpr auto kNpStop = std::to_array<std::string_view>({
    "in", "on", "at", "during", "who", "that", "to", "and", "for", "with", "after", "before",
    "when", "while", "as", "about", "from", "by", "of", "this", "last", "on", "since", "but",
    "because", "if", "than", "which", "where", "into", "over", "under"});
// Capitalised words that make a name a document or a part of one ("The 14th Amendment states:",
// "Article 2, Section 1 sets"): a described Source, never a named speaker.
inline constexpr auto kDocumentWords = std::to_array<std::string_view>(
    {"Amendment", "Article", "Section", "Subsection", "Clause", "Constitution", "Act", "Charter",
     "Treaty", "Chapter", "Paragraph"});
// Prepositions whose capitalised object says where something was said, not who said it ("on
// Twitter referred to", "via Facebook", "in Parliament said"): no Source (Attributor::
// governed_name_start).
inline constexpr auto kPlacePrepositions = std::to_array<std::string_view>({"on", "via", "in"});
// Words that open what follows the head of a Source described after its verb: "said one
// Democrat familiar with the talks", "said a former official who ...", "said an aide to Mr. X".
inline constexpr auto kPostModifiers = std::to_array<std::string_view>(
    {"who", "familiar", "with", "to", "for", "from", "at", "in", "close", "involved", "speaking"});
// Heads of descriptions that "it" may stand for as a Source (Attributor::resolve_it): texts
// ("the email", "the staff letter", "a statement") and organisations ("the company").
inline constexpr auto kTextHeads = std::to_array<std::string_view>(
    {"email", "e-mail", "statement", "letter", "memo", "report", "editorial", "newspaper", "paper",
     "post", "ad", "advertisement", "affidavit", "complaint", "lawsuit", "petition", "filing",
     "document", "release", "tweet", "message", "video", "website", "site", "poll", "survey",
     "study", "book", "article", "ruling", "cable", "readout", "transcript", "notice", "page",
     "magazine", "column", "summary", "footnote", "note", "headline", "caption", "sign", "banner",
     "flyer", "mailer", "spot", "commercial", "decision", "order"});
inline constexpr auto kOrgNounHeads = std::to_array<std::string_view>(
    {"campaign", "company", "committee", "agency", "group", "firm", "organization", "government",
     "ministry", "department", "network", "bank", "association", "union", "council", "court",
     "board", "office", "party"});
// Heads that name an organisation's voice rather than a person: "a State Department spokesman"
// speaks for the State Department.
inline constexpr std::array<std::string_view, 4> kOrgVoices = {"spokesman", "spokeswoman",
                                                        "spokesperson", "statement"};
// Lower-case heads that make "<Name> <head>" an organisation: "the Clinton campaign".
inline constexpr std::array<std::string_view, 5> kOrgHeads = {"campaign", "administration", "team",
                                                       "government", "ministry"};
// Titles stripped from the front of a name: "U.S. Senator Amy Klobuchar" -> "Amy Klobuchar".
inline constexpr auto kTitles = std::to_array<std::string_view>({
    "President", "Vice", "Sen.", "Senator", "Rep.", "Representative", "Gov.", "Governor",
    "Secretary", "Minister", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "General", "Mayor", "Judge",
    "Justice", "Ambassador", "Speaker", "Chairman", "Chairwoman", "Chief", "Prime", "Foreign",
    "Defense", "State", "Democratic", "Republican", "GOP", "U.S.", "US", "Former", "House",
    "Senate", "Majority", "Minority", "Leader", "Whip", "Attorney", "Press", "Director",
    "Commissioner", "Sheriff", "Pope", "King", "Queen", "Prince", "Lt.", "Col.", "Sgt.",
    "Capt.", "Adm.", "Rev.", "Prof.", "Presidential", "Democrat", "Sens.", "Reps.",
    "Campaign", "Manager", "Spokesman", "Spokeswoman", "Del.", "Delegate", "Lt", "Gov",
    "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Mayor-elect", "Councilman", "Councilwoman",
    "Assemblyman", "Assemblywoman", "Congressman", "Congresswoman", "Rabbi", "Father",
    "Bishop", "Archbishop", "Cardinal", "Officer", "Detective", "Trooper", "Coach"});
// Honorifics among the titles: the word after one is a surname ("Mr. King", "Mrs. Price").
inline constexpr auto kHonorifics = std::to_array<std::string_view>(
    {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms"});
// Capitalised words that make a name an organisation.
inline constexpr std::array<std::string_view, 46> kOrgWords = {
    "Department", "Ministry", "Agency", "Committee", "Party", "Campaign", "Office",
    "Commission", "Council", "Bureau", "Service", "Court", "Association", "Institute",
    "University", "Inc.", "Corp.", "Company", "News", "Times", "Post", "Press", "Network",
    "Foundation", "Center", "Union", "Organization", "Administration", "Group", "Army",
    "Police", "Senate", "House", "Kremlin", "Pentagon", "Congress", "Government", "Board",
    "Fund", "Coalition", "Council", "Journal", "Bank", "Corporation", "Authority", "Caucus"};
// Words opening a subordinate clause at a sentence's start: "When Trump suggested ..., Rubio
// fired back:" (the main clause, after the comma, holds the subject and the speech).
inline constexpr auto kSubordinators = std::to_array<std::string_view>(
    {"When", "While", "After", "Before", "Although", "Though", "If", "Because", "Since", "Once",
     "Until", "Unless", "Whereas", "Whenever"});
// Words that open a description of a Source ("a senior official", "one trader", "Her campaign",
// "its chairman").
inline constexpr auto kDeterminers = std::to_array<std::string_view>(
    {"the", "a", "an", "one", "another", "two", "three", "some", "several", "many", "most",
     "his", "her", "their", "its"});
// Indefinite pronouns that stand alone as a described Source ("Another said", "Some chanted"):
// Attributor::subject_before. "others" is left out, as description_of leaves it ("others said"
// is no description: kNotAHead).
inline constexpr auto kIndefiniteSources = std::to_array<std::string_view>(
    {"another", "one", "some", "most", "many", "several", "both", "few"});
// Verbs by which a text reports another's words ("the newspaper quotes a source"): no verb of
// the text's own words (Attributor::text_head_verb).
// "The ad features Jane Smith saying" and "The video shows Jane Smith telling" are hers too.
inline constexpr auto kQuotingVerbs = std::to_array<std::string_view>(
    {"quotes", "quoted", "cites", "cited", "shows", "showed", "features", "featured", "depicts", "depicted"});
// Verbs aimed at someone else: a quotation after "X accused Y of" is not X's own words by the
// sentence-subject rule (Attributor::own_sentence_subject).
inline constexpr auto kTargetVerbs = std::to_array<std::string_view>(
    {"accused", "accuses", "blamed", "blames", "urged", "urges"});
// Words that open another clause between a sentence's subject and a quotation ("Clinton spoke
// where protesters had gathered, chanting \"...\"", "Jindal signed an order, while Huckabee
// proposed \"...\""): that clause may have a subject of its own, so the sentence's subject does
// not name the quotation's speaker (Attributor::own_sentence_subject).
inline constexpr auto kClauseOpeners = std::to_array<std::string_view>(
    {"who", "whom", "whose", "which", "where", "while", "whereas", "when", "as", "because",
     "after", "before", "since", "although", "though", "but", "and", "until", "if", "unless"});
// Capitalised words that begin a sentence or clause but are not part of a name: "Because
// Murphy said", "Despite Ted Cruz's win", "Nobody asked".
// Prepositions that open a sentence with a person who is not its subject: "Unlike Barack
// Obama, the party's leadership said", "Like Reagan, many candidates said".
inline constexpr auto kPrepositionOpeners = std::to_array<std::string_view>({
    "Like", "Unlike", "Despite", "For", "With", "Without", "From", "By", "To", "Of", "Under", "Over",
    "Among", "Against", "Except", "Besides", "Beyond", "Alongside", "Including", "Regarding", "Toward",
    "Towards", "Behind", "Near", "Beside"});

inline constexpr auto kCapFunction = std::to_array<std::string_view>({
    "The", "A", "An", "In", "On", "At", "But", "And", "If", "As", "When", "While", "After",
    "This", "That", "For", "Because", "Despite", "Both", "Suddenly", "Meanwhile", "However",
    "Still", "Now", "Then", "Yet", "So", "Also", "Even", "Only", "Just", "Since", "Although",
    "Though", "Unlike", "Like", "With", "Without", "From", "By", "To", "Of", "Under", "Over",
    "During", "Before", "Until", "Among", "Instead", "Indeed", "Earlier", "Later", "Last",
    "Next", "Asked", "Speaking", "According", "Ahead", "Many", "Some", "Most", "Several",
    "Other", "Others", "Every", "Each", "All", "No", "Not", "What", "Why", "How", "Where", "Who",
    "It", "There", "Here", "These", "Those", "His", "Her", "Their", "Our", "My", "Your", "Its",
    "We", "They", "She", "He", "I", "You", "Or", "Nor", "Once", "Thus", "Asked", "Told",
    "Said", "Writing", "Responding", "Citing", "Addressing", "Sen", "Dear", "Oh", "Yes", "Well",
    "Mr", "Whether", "Though", "Supporters", "Critics", "Officials", "Democrats", "Republicans",
    "Another", "Nobody", "Everyone", "Everybody", "Someone", "Somebody", "Anyone", "Anybody",
    "None", "Neither", "Either", "Aides", "Voters", "Residents"});
// Descriptions that name a person mentioned earlier ("the Vermont senator"), with the titles
// that introduce such a person ("Sen. Bernie Sanders"). A description whose head has no title
// matches persons whose mentions have the head word next to them ("Trump, the businessman").
struct DescriptionHead {
  std::string_view head;
  std::array<std::string_view, 4> titles;
};
inline constexpr auto kDescriptionHeads = std::to_array<DescriptionHead>({
    {"senator", {"Sen.", "Senator", "Sen", "Sens."}},
    {"governor", {"Gov.", "Governor", "Gov", ""}},
    {"congressman", {"Rep.", "Representative", "Congressman", "Rep"}},
    {"congresswoman", {"Rep.", "Representative", "Congresswoman", "Rep"}},
    {"lawmaker", {"Rep.", "Sen.", "Representative", "Senator"}},
    {"mayor", {"Mayor", "", "", ""}},
    {"secretary", {"Secretary", "", "", ""}},
    {"businessman", {"", "", "", ""}},
    {"billionaire", {"", "", "", ""}},
    {"mogul", {"", "", "", ""}},
    {"candidate", {"", "", "", ""}},
    {"nominee", {"", "", "", ""}},
    {"front-runner", {"", "", "", ""}},
    {"frontrunner", {"", "", "", ""}},
    {"neurosurgeon", {"", "", "", ""}},
    {"senator-elect", {"", "", "", ""}},
    {"strategist", {"", "", "", ""}},
    {"speaker", {"Speaker", "", "", ""}},
    {"justice", {"Justice", "", "", ""}},
    {"judge", {"Judge", "", "", ""}}});

// Day and month names that trail a name run: "told MSNBC Monday".
inline constexpr auto kDates = std::to_array<std::string_view>({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."});

/// `w` without a final possessive "'s" or "\u2019s".
std::string strip_possessive(std::string_view w);
/// The last word of a name, possessive stripped: the surname.
std::string last_word(std::string_view name);
/// The first word of a name.
std::string first_word(std::string_view name);
/// Whether two names may be the same person: same surname, and the same first word unless one
/// of them is the surname alone ("Cruz" and "Ted Cruz"; not "Bill Clinton" and "Hillary Clinton").
bool same_person(std::string_view a, std::string_view b);
/// Whether `w` is a short form of `full`: "Fla." and "R-Fla." of "Florida", "Vt." of "Vermont"
/// (first letter equal, the other letters in order).
bool abbreviates(std::string_view w, std::string_view full);

}  // namespace newsidx::entities::quoting
