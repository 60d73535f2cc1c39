// Tagger spans judged by what they name in their context (span_context.hpp).
#include "indexer/entities/span_context.hpp"

#include <xapian.h>

#include "common/analysis.hpp"
#include "common/countries.hpp"

namespace newsidx::entities {

namespace {

// A word that names storms before a name: "Hurricane", "Typhoons", "Cyclone", "Tropical Storm".
bool storm_word(const std::vector<std::string_view>& words, std::size_t k) {
  static constexpr const char* kWords[] = {"hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones"};
  const std::string_view w = words[k];
  if (w == "Storm") return k > 0 && (words[k - 1] == "Tropical" || words[k - 1] == "Winter");
  return w.size() > 1 && w[0] >= 'A' && w[0] <= 'Z' && lower_in(w, kWords);
}

// A word for a faith, a branch of one, or a people without a country of its name ("Sunni",
// "Shiite", "Muslim", "Arab", "Kurdish", "Islam"), or a country's demonym ("Iraqi").
bool faith_or_people(std::string_view w) {
  static constexpr const char* kWords[] = {
      "sunni",       "sunnis",   "shiite",      "shiites",   "shia",         "shi'ite",  "shi'ites",  "alawite",
      "druze",       "muslim",   "muslims",     "christian", "christians",   "catholic", "catholics", "protestant",
      "protestants", "orthodox", "evangelical", "jewish",    "jew",          "jews",     "hindu",     "hindus",
      "sikh",        "sikhs",    "buddhist",    "buddhists", "islamic",      "arab",     "arabs",     "kurd",
      "kurds",       "kurdish",  "pashtun",     "pashtuns",  "tamil",        "tamils",   "hutu",      "hutus",
      "tutsi",       "tutsis",   "uighur",      "uighurs",   "uyghur",       "baluch",   "baloch",    "berber",
      "bedouin",     "copt",     "copts",       "coptic",    "christianity", "islam",    "judaism",   "hinduism",
      "buddhism",    "sikhism"};
  if (lower_in(w, kWords)) return true;
  const countries::Country* c = countries::lookup(w);
  return c && std::any_of(c->demonyms.begin(), c->demonyms.end(),
                          [&](const std::string& d) { return canonical::fold_key(d) == canonical::fold_key(w); });
}

// An acronym in capitals, dots allowed: "NATO", "EU", "U.N.".
bool is_acronym(std::string_view w) {
  std::size_t letters = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.') return false;
  }
  return letters >= 2 && letters <= 6;
}

// A capitalised plural naming members of a body or people who speak for it: "Allies",
// "Leaders", "Officials", "Ministers", "Members". Not the trades firms are named after
// ("Investors", "Bankers"), nor a word that ends organisations' names ("Forces", "Industries"):
// the list is closed.
bool members_plural(std::string_view w) {
  static constexpr const char* kMembers[] = {
      "allies", "officials", "members", "leaders", "ministers", "delegates", "envoys", "diplomats", "troops",
      "soldiers", "inspectors", "monitors", "observers", "peacekeepers", "lawmakers", "negotiators", "countries",
      "commanders", "chiefs", "governors", "presidents", "ambassadors", "spokesmen"};
  return w.size() >= 4 && w[0] >= 'A' && w[0] <= 'Z' && lower_in(w, kMembers);
}

}  // namespace

bool no_name_alone(std::string_view w) {
  if (w.size() > 1 && std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  // Function words: the shared stop words (common/analysis.cpp) and these.
  static constexpr const char* kWords[] = {
      "we", "you", "your", "our", "my", "me", "us", "do", "does", "did", "how", "why", "where", "whose", "whom",
      "should", "could", "shall", "not", "am",
      // Interjections and a question's or an answer's first word.
      "oh", "ah", "yes", "yeah", "no", "okay", "ok", "well", "hi", "hello", "thanks", "please", "wow", "um", "uh",
      "hey", "tell", "let", "sure", "absolutely", "definitely", "exactly", "right"};
  if ((*analysis::stopper())(canonical::ascii_lower(w))) return true;
  return lower_in(w, kWords);
}

std::size_t office_words(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end) {
  static constexpr const char* kQualifiers[] = {"majority", "minority", "chief",      "deputy", "assistant",
                                                "opposition", "party",  "government"};
  static constexpr const char* kWhip[] = {"whip"};
  static constexpr const char* kLeader[] = {"leader"};
  std::size_t k = begin;
  while (k < end && lower_in(words[k], kQualifiers)) ++k;
  if (k < end && (lower_in(words[k], kWhip) || (k > begin && lower_in(words[k], kLeader)))) return k + 1 - begin;
  return 0;
}

bool post_nominal(std::string_view w) {
  static constexpr std::string_view kLetters[] = {"QC",  "KC",  "MP",  "MEP", "MSP", "MLA",
                                                  "OBE", "MBE", "CBE", "KBE", "DBE"};
  if (w.size() > 2 && w.back() == 's') w.remove_suffix(1);  // "MPs", "MEPs", "QCs"
  return std::find(std::begin(kLetters), std::end(kLetters), w) != std::end(kLetters);
}

bool opens_turn(const TokenizedText& tt, std::size_t t) {
  constexpr std::size_t kLongestLabel = 6;  // tokens: "( ( WN ) )", "Dorsa Derakhshani :"
  const auto& toks = tt.tokens;
  // A label ends with a colon or with two brackets; "(Europe) Ltd" opening a wrapped line is none.
  if (t < 3 || (toks[t - 1].text != ":" && (toks[t - 1].text != ")" || toks[t - 2].text != ")"))) return false;
  // The turn goes on on the label's line ("Third place :" then "Alba ( Germany ) 75" below is a
  // heading and a result).
  if (tt.text.substr(toks[t - 1].end, toks[t].start - toks[t - 1].end).find('\n') != std::string_view::npos) return false;
  auto label_token = [](const Token& k) { return k.kind == TokenKind::kWord || k.text == "(" || k.text == ")"; };
  for (std::size_t b = t - 1; b-- > 0 && b + kLongestLabel >= t;) {
    if (!label_token(toks[b])) return false;
    const std::size_t gap_from = b == 0 ? 0 : toks[b - 1].end;
    if (b == 0 || tt.text.substr(gap_from, toks[b].start - gap_from).find('\n') != std::string_view::npos) return true;
  }
  return false;
}

bool CapitalisedInside::has(std::string_view w) {
  if (!made_) {
    for (const Sentence& s : tt_.sentences)
      for (std::size_t i = s.begin + 1; i < s.end; ++i)
        if (const std::string_view t = tt_.tokens[i].text; !t.empty() && !(t[0] >= 'a' && t[0] <= 'z') && !opens_turn(tt_, i))
          words_.insert(t);
    made_ = true;
  }
  return words_.count(w) > 0;
}

bool turn_opener(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                 const Gazetteer& gaz, CapitalisedInside& capitalised) {
  return span.end - span.begin == 1 && span.type != EntityType::kPer && opens_turn(tt, span.begin) &&
         gaz.is_common_word(canonical::ascii_lower(words[span.begin])) && !capitalised.has(words[span.begin]);
}

bool sentence_opener(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                     const Gazetteer& gaz, CapitalisedInside& capitalised) {
  // Participles that open a clause: "Born in", "Founded in", "Asked about".
  static constexpr const char* kIrregular[] = {"born",   "found",  "made",    "known",  "held",    "seen",   "given",
                                               "taken",  "built",  "led",     "won",    "lost",    "left",   "sent",
                                               "told",   "sold",   "brought", "caught", "written", "chosen", "shown",
                                               "beaten", "broken", "spoken",  "bought", "struck",  "shot"};
  if (span.end - span.begin != 1 || span.type != EntityType::kLoc) return false;
  const std::string_view w = words[span.begin];
  const std::string lower = canonical::ascii_lower(w);
  const bool participle = lower_in(w, kIrregular) || (lower.size() > 4 && lower.ends_with("ed")) ||
                          (lower.size() > 5 && lower.ends_with("ing"));
  if (!participle || !gaz.is_common_word(lower) || capitalised.has(w) || countries::lookup(w) || gaz.city(w) ||
      gaz.region(w) || gaz.metonym_country(w))
    return false;
  // The sentences are in token order: the last one beginning at or before the span's word.
  auto sentence = std::upper_bound(tt.sentences.begin(), tt.sentences.end(), span.begin,
                                   [](std::size_t t, const Sentence& s) { return t < s.begin; });
  if (sentence == tt.sentences.begin()) return false;
  --sentence;
  if (span.begin >= sentence->end) return false;
  for (std::size_t k = sentence->begin; k < span.begin; ++k)
    if (tt.tokens[k].kind != TokenKind::kPunct) return false;
  return true;
}

bool titled_name(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  static constexpr const char* kTitles[] = {"mr",   "mrs", "ms",   "miss",  "lord",
                                            "lady", "sir", "dame", "baron", "baroness"};
  // Of firms, titles no firm's or team's name opens with ("Lady Vols", "Dame Street").
  static constexpr const char* kFirmTitles[] = {"mr", "mrs", "ms", "miss", "lord", "sir"};
  // Words that make a title's name a street, a building or a body: "Dame Street", "Lady Lever
  // Art Gallery", "Lord Street".
  static constexpr const char* kFacilities[] = {
      "street",   "st",        "road",   "avenue",  "lane",   "square",  "gallery",  "park",    "hall",
      "bridge",   "place",     "court",  "gardens", "way",    "hill",    "house",    "museum",  "theatre",
      "hospital", "college",   "school", "centre",  "center", "station", "stadium",  "ground",  "arena",
      "church",   "cathedral", "abbey",  "castle",  "palace", "estate",  "wharf",    "terrace", "crescent",
      "row",      "walk",      "drive",  "gate",    "green",  "cross",   "memorial", "trust",   "office"};
  const std::size_t n = span.end - span.begin;
  if (n < 2 || n > 3) return false;
  std::string_view title = words[span.begin];
  if (title.size() > 1 && title.back() == '.') title.remove_suffix(1);
  // Written as a title: a capital, then lower case ("MS Office" is an acronym).
  if (title.size() < 2 || !std::all_of(title.begin() + 1, title.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  if (!(span.type == EntityType::kOrg ? lower_in(title, kFirmTitles) : lower_in(title, kTitles))) return false;
  if (span.type == EntityType::kOrg && n != 2) return false;
  const std::string_view next = words[span.begin + 1];
  if (next.empty() || next[0] < 'A' || next[0] > 'Z') return false;
  // "Sir Alex Ferguson": three words are a given name and a surname.
  if (n == 3 && !gaz.is_first_name(next)) return false;
  const std::string_view last = words[span.end - 1];
  return !lower_in(last, kFacilities) && !gaz.is_org_suffix(last);
}

bool office_cut_off(const std::vector<std::string_view>& words, const EntitySpan& span, const EntitySpan& next,
                    const Gazetteer& gaz) {
  return span.type == EntityType::kPer && next.begin == span.end && gaz.is_title(words[span.end - 1]) &&
         (next.type == EntityType::kPer || titled_name(words, next, gaz));
}

bool names_platform(std::string_view name) {
  static constexpr const char* kNames[] = {"facebook", "twitter", "youtube", "instagram", "tiktok", "whatsapp",
                                           "reddit", "linkedin", "snapchat", "wikipedia", "wikinews", "google"};
  return lower_in(name, kNames);
}

bool caseless_script(std::string_view word) {
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return false;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    // The ordinal indicators are Latin ("Mª").
    if (ch != 0xAA && ch != 0xBA && Xapian::Unicode::get_category(ch) == Xapian::Unicode::OTHER_LETTER) return true;
  }
  return false;
}

bool numbered_part(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span) {
  static constexpr const char* kParts[] = {"article", "section", "chapter", "clause", "amendment", "paragraph",
                                           "annex", "appendix", "schedule", "volume", "page", "part", "level",
                                           "no.", "no", "item", "figure", "table", "proposition", "question"};
  if (span.end - span.begin != 1 || span.end >= tt.tokens.size() || !lower_in(words[span.begin], kParts)) return false;
  const Token& next = tt.tokens[span.end];
  if (next.kind == TokenKind::kNumber) return true;
  // A Roman numeral in capitals: "Volume IV", "Title IX".
  return next.kind == TokenKind::kWord &&
         std::all_of(next.text.begin(), next.text.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
}

bool names_a_presidency(const TokenizedText& tt, const std::vector<std::string_view>& words, const EntitySpan& span,
                        const Gazetteer& gaz) {
  static constexpr const char* kNext[] = {"administration", "presidency"};
  if (span.end - span.begin != 1 || span.end >= tt.tokens.size() || span.end >= words.size()) return false;
  if (span.type != EntityType::kLoc && span.type != EntityType::kOrg) return false;
  if (!lower_in(words[span.end], kNext)) return false;
  const std::string_view w = words[span.begin];
  return !countries::lookup(w) && !gaz.city(w) && !gaz.region(w) && !gaz.metonym_country(w);
}

bool names_storm(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  const bool firm_next = span.end < words.size() && gaz.is_org_suffix(words[span.end]);
  if (span.end - span.begin == 2 && storm_word(words, span.begin))
    return !firm_next && !gaz.is_org_suffix(words[span.begin + 1]);
  return span.type == EntityType::kPer && span.end - span.begin == 1 && span.begin > 0 && !firm_next &&
         storm_word(words, span.begin - 1) && words[span.begin - 1].back() != 's';
}

std::unordered_set<std::string_view> storm_names(const std::vector<std::string_view>& words,
                                                 const std::vector<EntitySpan>& spans, const Gazetteer& gaz) {
  std::unordered_set<std::string_view> out;
  for (const EntitySpan& s : spans)
    if (names_storm(words, s, gaz)) out.insert(words[s.end - 1]);
  return out;
}

namespace {

// A word for a work whose title may follow it, in lower case: "film", "comedy", "album". Not
// words that also name a match or a stage ("game", "series", "show", "single", "book", "hit",
// "play"): "the game Arsenal won".
bool work_word(std::string_view w) {
  static constexpr const char* kWords[] = {
      "film",        "films",     "movie",       "movies",        "comedy", "comedies", "drama",    "dramas",
      "sitcom",      "sitcoms",   "album",       "albums",        "song",   "songs",    "novel",    "novels",
      "musical",     "musicals",  "documentary", "documentaries", "biopic", "biopics",  "thriller", "thrillers",
      "blockbuster", "animation", "cartoon",     "farce",         "soap",   "opera",    "ballet"};
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z' && lower_in(w, kWords);
}

// A word after a span that says the span is the subject of a relative clause ("the soap
// Unilever makes", "the documentary Al Jazeera aired"): a lower-case word but a function word
// or a form of "be" or "have" ("the comedy Sideways, which", "the film Ray is").
bool clause_verb_after(const std::vector<std::string_view>& words, std::size_t k) {
  static constexpr const char* kFunction[] = {"and",  "or",   "but", "of",   "in",    "at",   "on",       "for",
                                              "with", "from", "by",  "as",   "to",    "is",   "was",      "are",
                                              "were", "has",  "had", "have", "which", "that", "starring", "about"};
  if (k >= words.size()) return false;
  const std::string_view w = words[k];
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z' && !lower_in(w, kFunction);
}

}  // namespace

bool names_a_work(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  if (span.type == EntityType::kLoc) return false;
  if (span.begin == 0 || !work_word(words[span.begin - 1])) return false;
  if (clause_verb_after(words, span.end)) return false;
  if (span.type == EntityType::kPer && span.end - span.begin >= 2 && gaz.is_first_name(words[span.begin])) return false;
  // "a downloaded movie NEC is showing": an acronym is a firm's name, seldom a title.
  if (span.end - span.begin == 1 && is_acronym(words[span.begin])) return false;
  return !gaz.is_org_suffix(words[span.end - 1]);
}

std::string span_words(const std::vector<std::string_view>& words, const EntitySpan& span) {
  std::string out;
  for (std::size_t k = span.begin; k < span.end; ++k) {
    if (k > span.begin) out += ' ';
    out += words[k];
  }
  return out;
}

std::unordered_set<std::string> work_titles(const std::vector<std::string_view>& words,
                                            const std::vector<EntitySpan>& spans, const Gazetteer& gaz) {
  std::unordered_set<std::string> out;
  for (const EntitySpan& s : spans) {
    if (!names_a_work(words, s, gaz)) continue;
    out.insert(span_words(words, s));
    // "the biopic The Aviator", then "Aviator and Vera take ...".
    if (s.end - s.begin >= 2 && words[s.begin] == "The") out.insert(span_words(words, {s.begin + 1, s.end, s.type}));
  }
  return out;
}

bool names_a_law(const std::vector<std::string_view>& words, const EntitySpan& span) {
  static constexpr std::string_view kLaws[] = {"Constitution", "Charter",   "Treaty",   "Act",
                                               "Bill",         "Amendment", "Protocol", "Declaration",
                                               "Accord",       "Directive", "Statute"};
  return span.type == EntityType::kOrg && span.end > span.begin &&
         std::find(std::begin(kLaws), std::end(kLaws), words[span.end - 1]) != std::end(kLaws);
}

bool names_a_people(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  if (span.type != EntityType::kPer && span.type != EntityType::kOrg) return false;
  // One word: a person only, and not one that is a given name too ("Christian"; the census's one
  // in 100,000 "Sunni" is none).
  if (span.end - span.begin == 1) {
    const FirstName* given = gaz.first_name(words[span.begin]);
    return span.type == EntityType::kPer && faith_or_people(words[span.begin]) && (!given || given->frequency < 0.01);
  }
  return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(span.begin),
                     words.begin() + static_cast<std::ptrdiff_t>(span.end), faith_or_people);
}

bool acronym_and_members(const std::vector<std::string_view>& words, const EntitySpan& span) {
  return span.type == EntityType::kOrg && span.end - span.begin == 2 && is_acronym(words[span.begin]) &&
         !countries::lookup(words[span.begin]) && members_plural(words[span.begin + 1]);
}

void add_arabic_surnames(const TokenizedText& tt, const std::vector<std::string_view>& words,
                         std::vector<EntitySpan>& spans) {
  // Outlets and groups written with the article are no surnames ("Hosni Mubarak al-Ahram").
  static constexpr const char* kNotSurnames[] = {"al-ahram", "al-jazeera", "al-qaeda", "al-qaida", "al-arabiya",
                                                 "al-shabaab", "al-aqsa", "al-nusra", "al-hayat", "al-manar"};
  auto surname = [](std::string_view w) {
    return w.size() > 4 && (w.substr(0, 3) == "al-" || w.substr(0, 3) == "el-") && w[3] >= 'A' && w[3] <= 'Z' &&
           !lower_in(w, kNotSurnames);
  };
  for (std::size_t i = 0; i < spans.size(); ++i) {
    EntitySpan& s = spans[i];
    const std::size_t k = s.end;
    if (s.type != EntityType::kPer || k >= words.size() || !surname(words[k])) continue;
    const std::string_view gap = tt.text.substr(tt.tokens[k - 1].end, tt.tokens[k].start - tt.tokens[k - 1].end);
    if (gap != " ") continue;
    const bool next_here = i + 1 < spans.size() && spans[i + 1].begin == k;
    if (next_here && spans[i + 1].end != k + 1) continue;
    s.end = k + 1;
    if (next_here) spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

}  // namespace newsidx::entities
