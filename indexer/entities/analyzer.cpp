// Joins the extraction stages into one Analysis per article: dateline, tokens, tagger spans
// typed and normalised with the gazetteer, gazetteer hits the tagger missed, in-article
// resolution, quotations and facets.
#include "analyzer.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "common/aliases.hpp"
#include "common/canonical.hpp"
#include "common/countries.hpp"
#include "indexer/entities/facet_values.hpp"
#include "indexer/entities/firm_names.hpp"
#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/namesakes.hpp"
#include "indexer/entities/quotes.hpp"
#include "indexer/entities/resolution.hpp"
#include "indexer/entities/span_context.hpp"
#include "indexer/entities/span_shapes.hpp"
#include "indexer/entities/state_abbreviations.hpp"
#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace newsidx::entities {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ','))
    s.remove_suffix(1);
  return std::string(s);
}

bool all_caps(std::string_view s) {
  bool letters = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letters = true;
  }
  return letters;
}

// "NEW YORK" -> "New York", "ST. LOUIS" -> "St. Louis"; other text unchanged.
std::string title_case(std::string_view s) {
  if (!all_caps(s)) return std::string(s);
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    start = (c == ' ' || c == '-' || c == '.' || c == '\'');
  }
  return out;
}

bool is_month(std::string_view w) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                            "aug", "sep", "oct", "nov", "dec"};
  std::string l = canonical::ascii_lower(w.substr(0, 3));
  for (const char* m : kMonths)
    if (l == m) return true;
  return false;
}

// The dateline's place and country, and a mention for the place.
std::optional<DatelineInfo> analyse_dateline(const Article& a, const Gazetteer& gaz,
                                             std::optional<Mention>& mention) {
  if (a.dateline_text.empty()) return std::nullopt;
  DatelineInfo info{a.dateline_text, "", ""};
  std::string_view t = a.dateline_text;
  auto comma = t.find(',');
  std::string place_raw = trim(t.substr(0, comma));
  std::string second;
  if (comma != std::string_view::npos) {
    std::string rest = trim(t.substr(comma + 1));
    auto c2 = rest.find(',');
    std::string first_part = trim(std::string_view(rest).substr(0, c2));
    if (!first_part.empty() && !is_month(first_part)) second = first_part;
  }
  std::string country;
  if (!second.empty()) {
    const bool code_like = second.size() <= 3 || second.back() == '.';
    if (const StateAbbreviation* st = state_abbreviation(second)) country = st->country;
    else if (auto c = countries::resolve(second); c && !code_like) country = *c;
    else if (const Region* r = gaz.region(second)) country = r->country;
  }
  std::string place;
  if (const City* city = gaz.city(place_raw); city && (country.empty() || city->country == country)) {
    place = city->name;
    country = city->country;
  } else if (auto c = countries::resolve(place_raw); c && country.empty()) {
    // A dateline naming a country ("UKRAINE -"): the country is the place.
    country = *c;
  } else if (const Region* r = gaz.region(place_raw)) {
    place = r->name;
    if (country.empty()) country = r->country;
  }
  // A dateline whose place no table knows ("GOLF - LEADING SCORES" is a sports headline, not a
  // dateline) gives no place: a wrong place facet is worse than a missing one.
  info.place = place;
  info.country = country;
  if (!place.empty() || !country.empty()) {
    Mention m;
    m.type = place.empty() ? MentionType::kCountry : MentionType::kPlace;
    m.span = {a.dateline.start, a.dateline.start + place_raw.size()};
    m.text = a.text.substr(m.span.start, m.span.end - m.span.start);
    m.entity = place.empty() ? countries::by_code(country)->name : place;
    m.country = country;
    mention = m;
  }
  return info;
}

// True when the capitalised common word at `begin` of a name ending before `end` ends a title's
// portfolio: "and" or "of" comes before it, or "of the" with a name of two words left ("Minister
// of Energy and Mines Subroto", "Chancellor of the Exchequer Gordon Brown"; not "chairman of the
// Mountain Bell board"), and a title a few words before that.
bool ends_portfolio(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end,
                    const Gazetteer& gaz) {
  const bool of_the = begin >= 3 && end >= begin + 3 && words[begin - 1] == "the" && words[begin - 2] == "of";
  if (begin < 2 || (words[begin - 1] != "and" && words[begin - 1] != "of" && !of_the)) return false;
  if (!gaz.is_common_word(canonical::ascii_lower(words[begin]))) return false;
  for (std::size_t k = begin - 1; k-- > 0 && k + 6 >= begin;)
    if (gaz.is_title(words[k])) return true;
  return false;
}

// A city of at least this many people is what its name means, before a region of the same
// name in its country.
constexpr std::uint32_t kBigCity = 500000;

// A word that heads firms' names in French, Spanish, Italian, Portuguese, German or Dutch:
// "Banque Paribas", "Banco Central", "Usines Renault", "Compagnie Generale".
bool heads_firm_name(std::string_view w) {
  static constexpr const char* kWords[] = {"banque", "banco", "banca", "usines", "compagnie", "cie",
                                           "societe", "caisse", "credit", "compania", "companhia",
                                           "industrias", "groupe", "gruppo", "nederlandsche", "deutsche"};
  return lower_in(w, kWords);
}

// A word that names a part of the world: "Latin America", "Eastern Europe", "Southeast Asia".
bool names_world_region(std::string_view w) {
  static constexpr const char* kWords[] = {"america", "americas", "europe", "asia", "africa"};
  return lower_in(w, kWords);
}

// True when the gazetteer knows `name` as a country, region or (unambiguous) city.
bool place_known(std::string_view name, const Gazetteer& gaz) {
  if (countries::lookup(name) || gaz.region(name)) return true;
  const City* city = gaz.city(name);
  return city && !city->ambiguous;
}

// Words that end names of geographic features: "Crimean Peninsula", "Black Sea".
bool is_feature_word(std::string_view w) {
  static constexpr const char* kWords[] = {"peninsula", "island", "islands", "mountains", "river",
                                           "sea", "valley", "strait", "gulf", "bay", "lake",
                                           "desert", "ocean", "coast", "basin", "plateau"};
  return lower_in(w, kWords);
}

// Feature words that end surnames too: "Ricki Lake", "Michael Bay".
constexpr const char* kSurnameFeatures[] = {"lake", "bay", "sea", "coast", "strait", "ocean"};

// A feature word that ends places, not surnames: "Island", "River", "Basin".
bool ends_feature(std::string_view w) { return is_feature_word(w) && !lower_in(w, kSurnameFeatures); }

// A place named by a feature or an adjective: "Crimean Peninsula" -> Crimea.
const Region* region_of_feature(std::string_view name, const Gazetteer& gaz) {
  auto sp = name.find(' ');
  std::string first(name.substr(0, sp));
  if (const Region* r = gaz.region(first)) return r;
  for (std::string_view suffix : {"n", "an", "ian"}) {
    if (first.size() > suffix.size() + 3 && first.compare(first.size() - suffix.size(), suffix.size(), suffix) == 0)
      if (const Region* r = gaz.region(first.substr(0, first.size() - suffix.size()))) return r;
  }
  return nullptr;
}

// The first word of a span after the titles that open it: "Lord Chief Justice" is titles alone.
std::size_t after_titles(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  std::size_t k = span.begin;
  while (k < span.end) {
    const std::size_t t = gaz.title_length(words, k);
    if (t == 0) break;
    k += t;
  }
  return k;
}

// How many words (up to two) open a person span with a name the built-in alias table files as
// an organisation, when two words or more of the span follow them; 0 otherwise. A name of three
// letters or fewer counts in capitals only.
std::size_t org_alias_before_name(const TokenizedText& tt, const EntitySpan& span) {
  const aliases::Table& table = aliases::builtin();
  for (std::size_t len = 2; len >= 1; --len) {
    if (span.end - span.begin < len + 2) continue;
    const std::size_t start = tt.tokens[span.begin].start;
    const std::string_view name = std::string_view(tt.text).substr(start, tt.tokens[span.begin + len - 1].end - start);
    // A short word in capitals only: "UN Secretary-General Kofi Annan", not "Un Long Dimanche".
    if (name.size() <= 3 && std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      continue;
    if (table.has("org", name)) return len;
  }
  return 0;
}

// A person span without the words that are no part of the name (a title, the end of a
// portfolio, a state's abbreviation), retyped when it names a firm or a place.
EntitySpan person_span(const TokenizedText& tt, const std::vector<std::string_view>& words, EntitySpan span,
                       const Gazetteer& gaz) {
  std::string_view text = tt.text;
  // Nor is a party or body the alias table files as an organisation, before a full name: "Tory
  // David Heathcoat-Amory", "Lib Dem Charles Kennedy" ("Sony Ericsson" keeps its words).
  span.begin += org_alias_before_name(tt, span);
  // Titles are not part of the name: "Secretary of State Antony Blinken" -> "Antony Blinken".
  std::size_t t = gaz.title_length(words, span.begin);
  if (t > 0 && span.begin + t < span.end) span.begin += t;
  // So is an office the title table lacks: "Minority Whip Dick Durbin" -> "Dick Durbin".
  if (const std::size_t o = office_words(words, span.begin, span.end); o > 0 && span.begin + o < span.end)
    span.begin += o;
  // A party and its members' letters before a name are no part of it: "Tory MP Michael Mates",
  // "Green MEP Caroline Lucas", "MSP Karen Whitefield" -> the name after the letters.
  for (std::size_t k = span.end - 1; k-- > span.begin;)
    if (post_nominal(words[k])) {
      span.begin = k + 1;
      break;
    }
  // The end of a title's portfolio is no part of the name: "Minister of Energy and Mines
  // Subroto" -> "Subroto".
  if (span.end - span.begin >= 2 && ends_portfolio(words, span.begin, span.end, gaz)) ++span.begin;
  // A state's abbreviation ends the sentence before: "Evans City, Pa. Donaldson said".
  if (span.end - span.begin >= 2 && words[span.begin].back() == '.' && state_abbreviation(words[span.begin]))
    ++span.begin;
  // A name that begins with the word other languages head firms' names with is a firm
  // ("Banque Paribas", "Usines Renault").
  if (span.end - span.begin >= 2 && heads_firm_name(words[span.begin])) span.type = EntityType::kOrg;
  // A government named after its head is no person ("Reagan Administration").
  if (span.end - span.begin >= 2 && (words[span.end - 1] == "Administration" || words[span.end - 1] == "Government"))
    span.type = EntityType::kOrg;
  // A name the gazetteer knows as a place, or one naming a part of the world, is no person
  // ("St. Louis", "Latin America").
  if (span.end - span.begin >= 2 && (names_world_region(words[span.end - 1]) ||
                                     place_known(text.substr(tt.tokens[span.begin].start,
                                                             tt.tokens[span.end - 1].end - tt.tokens[span.begin].start), gaz)))
    span.type = EntityType::kLoc;
  return span;
}

// A mention the tagger read as a location: a country, a building standing for one, or a place
// resolved through the gazetteer (see typed_mention).
Mention location_mention(Mention m, const std::string& name, const Gazetteer& gaz, const City* dateline_city) {
  // "Savannah, Ga.": a state in AP style, not the country whose code it spells (Gabon). Only
  // then: "B.C." of "480 B.C." and "Mass" of a church are read as places too, and stay unfiled.
  if (const StateAbbreviation* st = state_abbreviation(m.text); st && countries::lookup(m.text)) {
    m.type = MentionType::kPlace;
    m.entity = std::string(st->name);
    m.country = std::string(st->country);
    return m;
  }
  if (const countries::Country* c = countries::lookup(m.text)) {
    m.type = MentionType::kCountry;
    m.country = countries::resolve(m.text).value_or(c->code);
    m.entity = countries::by_code(m.country) ? countries::by_code(m.country)->name : c->name;
    return m;
  }
  // A building that stands for a government ("White House", "Kremlin") names its country,
  // as it does when the tagger reads it as an organisation.
  if (auto code = gaz.metonym_country(m.text)) {
    m.type = MentionType::kCountry;
    m.country = *code;
    m.entity = countries::by_code(*code) ? countries::by_code(*code)->name : *code;
    return m;
  }
  m.type = MentionType::kPlace;
  // The dateline's city is what its name means elsewhere in the article ("WASHINGTON -
  // ... Washington officials" is the capital, not the state), and so is a big city's name
  // that a region of its country shares ("Washington", "Sao Paulo").
  const City* here = gaz.city(m.text);
  const Region* region = gaz.region(m.text);
  if (here && (here == dateline_city ||
               (region && region->country == here->country && here->population >= kBigCity))) {
    m.entity = here->name;
    m.country = here->country;
  } else if (region) {
    m.entity = region->name;
    m.country = region->country;
  } else if (here) {
    m.entity = here->name;
    m.country = here->country;
  } else {
    m.entity = name;
  }
  return m;
}

// Builds a mention from a tagger span, or nothing when the span is not worth a facet. Names in
// ALL-CAPS sentences (headlines, datelines) are title-cased; elsewhere they keep their case.
std::optional<Mention> typed_mention(const TokenizedText& tt, const std::vector<std::string_view>& words,
                                     EntitySpan span, const Gazetteer& gaz, bool caps_sentence,
                                     const City* dateline_city) {
  std::string_view text = tt.text;
  if (span.end - span.begin == 1 && (no_name_alone(words[span.begin]) || post_nominal(words[span.begin])))
    return std::nullopt;
  if (numbered_part(tt, words, span)) return std::nullopt;
  // An ordinal or a sentence adverb alone, "GoDaddy" as a person, "Jones, I." as a firm.
  const std::optional<EntitySpan> shaped = shaped_span(tt, words, span, gaz);
  if (!shaped) return std::nullopt;
  span = *shaped;
  // An initial alone is no name of any kind ("Smith, I. (1997)" of a reference list).
  if (span.end - span.begin == 1 && words[span.begin].size() == 2 && words[span.begin][1] == '.') return std::nullopt;
  if (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(span.begin),
                  words.begin() + static_cast<std::ptrdiff_t>(span.end), caseless_script))
    return std::nullopt;
  if (names_storm(words, span, gaz) || names_a_people(words, span, gaz) || names_a_law(words, span))
    return std::nullopt;
  if (acronym_and_members(words, span)) --span.end;
  // An article opening the sentence is no part of a firm's name: "A Ministry spokesman said".
  if (span.type == EntityType::kOrg && span.end - span.begin >= 2 &&
      (words[span.begin] == "A" || words[span.begin] == "An") && words[span.begin + 1].size() > 1)
    ++span.begin;
  if (span.end - span.begin == 1 && names_platform(words[span.begin])) span.type = EntityType::kOrg;
  if (names_a_presidency(tt, words, span, gaz)) span.type = EntityType::kPer;
  // "Lord Ashcroft" read as a place, "Mr Cable" as a firm: a person's title makes a person
  // (titled_name), when no feature word ends a place ("Lord Howe Island").
  // An office of titles alone is no place: "Lord Chancellor", "Lord Chief Justice".
  if (span.type == EntityType::kLoc && span.end - span.begin >= 2 && after_titles(words, span, gaz) == span.end)
    return std::nullopt;
  if ((span.type == EntityType::kLoc || span.type == EntityType::kOrg) && titled_name(words, span, gaz) &&
      !ends_feature(words[span.end - 1])) {
    if (after_titles(words, span, gaz) == span.end) return std::nullopt;
    span.type = EntityType::kPer;
  }
  // A geographic feature is no person: "Mississippi River", "Hainan Island", "Prince Edward
  // Island" (before its title is taken off). "Lake", "Bay", "Sea", "Coast", "Strait" and "Ocean"
  // end surnames too ("Ricki Lake", "Michael Bay", "George Strait", "Billy Ocean").
  if (span.type == EntityType::kPer && span.end - span.begin >= 2 && ends_feature(words[span.end - 1]))
    span.type = EntityType::kLoc;
  // An office alone names no one: "Whip" of "Chief Whip Patrick McLoughlin".
  if (span.type == EntityType::kPer && office_words(words, span.begin, span.end) == span.end - span.begin)
    return std::nullopt;
  if (span.type == EntityType::kPer) span = person_span(tt, words, span, gaz);
  // A part of the world is a place whatever else the tagger called it ("Latin America" as MISC).
  if (span.type == EntityType::kMisc && span.end - span.begin >= 2 && names_world_region(words[span.end - 1]))
    span.type = EntityType::kLoc;
  Mention m;
  m.span = {tt.tokens[span.begin].start, tt.tokens[span.end - 1].end};
  m.text = std::string(text.substr(m.span.start, m.span.end - m.span.start));
  const std::string name = caps_sentence ? title_case(m.text) : m.text;
  // Geographic features are places whatever the tagger called them: "Black Sea", and "Gulf of
  // Mexico", "Sea of Japan" (CoNLL holds none of the second shape, so the tagger calls them firms),
  // but not a body named after one ("Gulf of Mexico Fishery Management Council").
  const bool feature_of = span.end - span.begin >= 3 && span.end - span.begin <= 4 &&
                          is_feature_word(words[span.begin]) && canonical::ascii_lower(words[span.begin + 1]) == "of";
  if (span.type == EntityType::kOrg && feature_of) {
    m.type = MentionType::kPlace;
    m.entity = name;
    return m;
  }
  if ((span.type == EntityType::kLoc || span.type == EntityType::kOrg) && span.end - span.begin >= 2 &&
      is_feature_word(words[span.end - 1])) {
    m.type = MentionType::kPlace;
    m.entity = name;
    if (const Region* r = region_of_feature(m.text, gaz)) {
      m.entity = r->name;
      m.country = r->country;
    }
    return m;
  }
  switch (span.type) {
    case EntityType::kPer:
      // A number is no part of a person's name ("39/50 GoDaddy" of a ranked list).
      for (std::size_t k = span.begin; k < span.end; ++k)
        if (tt.tokens[k].kind == TokenKind::kNumber) return std::nullopt;
      // A state's abbreviation alone ("Dixon, Ill., from") is no person.
      if (span.end - span.begin == 1 && words[span.begin].back() == '.' && state_abbreviation(words[span.begin]))
        return std::nullopt;
      // Nor is a letter alone ("J").
      if (span.end - span.begin == 1 && words[span.begin].size() == 1) return std::nullopt;
      m.entity = name;
      // A name the alias table files as an organisation only is one, as the archive files it
      // (linking.cpp): "Tory" of "Tory Treasurer", "Sony".
      m.type = aliases::builtin().may_begin(m.text) && aliases::builtin().filed_facet("person", m.text) == "org"
                   ? MentionType::kOrg
                   : MentionType::kPerson;
      return m;
    case EntityType::kOrg:
      if (auto code = gaz.metonym_country(m.text)) {
        m.type = MentionType::kCountry;
        m.country = *code;
        m.entity = countries::by_code(*code) ? countries::by_code(*code)->name : *code;
        return m;
      }
      if (const countries::Country* c = countries::lookup(m.text); c && c->demonyms.empty() == false &&
                                                                    canonical::fold_key(c->name) == canonical::fold_key(m.text)) {
        m.type = MentionType::kCountry;
        m.country = countries::resolve(m.text).value_or(c->code);
        m.entity = c->name;
        return m;
      }
      m.type = MentionType::kOrg;
      m.entity = name;
      return m;
    case EntityType::kLoc:
      return location_mention(std::move(m), name, gaz, dateline_city);
    case EntityType::kMisc: {
      // Nationality adjectives ("Russian", "Russian-led") name a country.
      std::string w = m.text;
      if (auto dash = w.find('-'); dash != std::string::npos) w.resize(dash);
      if (const countries::Country* c = countries::lookup(w)) {
        bool demonym = std::any_of(c->demonyms.begin(), c->demonyms.end(), [&](const std::string& d) {
          return canonical::fold_key(d) == canonical::fold_key(w);
        });
        if (!demonym) return std::nullopt;
        m.type = MentionType::kNationality;
        m.span.end = m.span.start + w.size();
        m.text = w;
        m.country = countries::resolve(w).value_or(c->code);
        m.entity = countries::by_code(m.country) ? countries::by_code(m.country)->name : c->name;
        return m;
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

// True when a word of `name` is a corporate designator ("PLC.", "Inc", "CORP").
bool has_designator(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    std::string_view w = name.substr(i, j - i);
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.remove_suffix(1);
    std::string t(w);  // "PLC", "Plc", "CORP" -> the designators' own spelling
    if (t.size() > 1) std::transform(t.begin() + 1, t.end(), t.begin() + 1, [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    if (is_corporate_designator(w) || is_corporate_designator(t) || canonical::ascii_lower(w) == "plc") return true;
    i = j + 1;
  }
  return false;
}

// Names the built-in alias table files as organisations ("Lib Dems", "Tories", "Fed") that no
// mention covers are organisations (a MISC span, which gives no mention, does not count): the
// tagger may miss a short form its training data never wrote, and the archive files the name
// under its organisation anyway.
void add_alias_orgs(const Article& article, const TokenizedText& tt, std::vector<Mention>& mentions) {
  const aliases::Table& table = aliases::builtin();
  const std::size_t n = tt.tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view first = tt.tokens[i].text;
    // The text from the word on, not the token: "Don't" is the tokens "Do" and "n't".
    if (first.size() < 2 || first[0] < 'A' || first[0] > 'Z' ||
        !table.may_begin(std::string_view(article.text).substr(tt.tokens[i].start)))
      continue;
    for (std::size_t len = std::min<std::size_t>(3, n - i); len >= 1; --len) {
      // The table's keys ignore punctuation: "Taliban," would be the name "Taliban" and a comma.
      if (tt.tokens[i + len - 1].kind == TokenKind::kPunct) continue;
      const Span bytes{tt.tokens[i].start, tt.tokens[i + len - 1].end};
      const std::string_view name = std::string_view(article.text).substr(bytes.start, bytes.end - bytes.start);
      if (name.find('\n') != std::string_view::npos || !table.has("org", name)) continue;
      if (std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) { return overlaps(o.span, bytes); }))
        continue;
      Mention m;
      m.type = MentionType::kOrg;
      m.span = bytes;
      m.text = std::string(name);
      m.entity = m.text;
      mentions.push_back(std::move(m));
      i += len - 1;
      break;
    }
  }
}

// The mentions that may give facet values: none read out of a table or figure (an earnings
// table's "Oper shr" is no person), a sign-off line (" Reuter") or a stock symbol ("<XON>"),
// and no unknown place seen only in the headline (a capitalised headline's "4TH QTR NET" is no
// place). The mentions themselves are all kept.
std::vector<Mention> facet_mentions(const Article& article, const std::vector<Mention>& mentions) {
  // A table may begin on the dateline's line ("CHICAGO, Feb 26 - Oper shr 12 cts vs 10 cts"):
  // the dateline is cut off as a line of its own, offsets unchanged.
  std::string text = article.text;
  if (article.dateline.end > article.dateline.start && article.dateline.end <= text.size()) {
    std::size_t end = article.dateline.end;
    while (end < text.size() && (text[end] == ' ' || text[end] == '-')) ++end;
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(article.dateline.start),
              text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
  }
  std::vector<Span> tables = table_lines(text);
  if (auto s = sign_off_line(text)) tables.push_back(*s);  // the last line: order kept
  const std::size_t headline_end =
      (article.body.start > 0 && article.text.compare(0, article.title.size(), article.title) == 0)
          ? article.title.size() : 0;
  // A name once used as the title of a work ("the Harry Potter films") is one throughout.
  const std::vector<std::string> works = works_in(article.text, mentions);
  std::vector<Mention> out;
  for (const Mention& m : mentions) {
    if ((m.type == MentionType::kPerson || m.type == MentionType::kOrg || m.type == MentionType::kPlace) &&
        (in_table(tables, m.span) || not_a_name(m.entity) || stock_symbol(article.text, m.span) ||
         std::binary_search(works.begin(), works.end(), m.entity)))
      continue;
    // A person's name with a company's designator is a sentence split wrongly ("Holdings
    // PLC. Terms were not disclosed"): no person.
    if (m.type == MentionType::kPerson && has_designator(m.entity)) continue;
    if (m.type == MentionType::kPlace && m.country.empty() && m.span.end <= headline_end &&
        std::none_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
          return o.span.start >= headline_end && o.type == m.type && o.entity == m.entity;
        }))
      continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace

Analysis analyze(const Article& article) {
  Analysis out;
  const Gazetteer& gaz = Gazetteer::instance();
  std::optional<Mention> dateline_mention;
  out.dateline = analyse_dateline(article, gaz, dateline_mention);
  // Tagger spans inside the dateline are replaced by the dateline's own mention.
  const Span dateline_span = dateline_mention ? article.dateline : Span{};

  const TokenizedText tt = tokenize(article.text);
  std::vector<std::string_view> words;
  words.reserve(tt.tokens.size());
  for (const auto& t : tt.tokens) words.push_back(t.text);

  std::vector<Mention> mentions;
  if (dateline_mention) mentions.push_back(*dateline_mention);
  std::vector<bool> caps(tt.tokens.size(), false);
  for (const auto& s : tt.sentences)
    if (s.all_caps)
      for (std::size_t k = s.begin; k < s.end; ++k) caps[k] = true;
  std::vector<Span> covered;
  std::vector<GazMatch> gaz_hits;  // the tagger's own gazetteer pass, reused below
  // The dateline's city only if the dateline chose it: "SANTIAGO, Dominican Republic" is no
  // dateline of Chile's capital.
  const City* dateline_city = out.dateline ? gaz.city(out.dateline->place) : nullptr;
  if (dateline_city && dateline_city->country != out.dateline->country) dateline_city = nullptr;
  CapitalisedInside capitalised(tt);
  std::vector<EntitySpan> spans = Tagger::instance().tag(tt, gaz_hits);
  add_arabic_surnames(tt, words, spans);
  complete_name_lists(tt, spans);
  add_possessive_firms(tt, spans);
  const auto storms = storm_names(words, spans, gaz);
  const auto works = work_titles(words, spans, gaz);
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const EntitySpan& s = spans[i];
    if (s.type != EntityType::kLoc && s.end - s.begin == 1 && storms.count(words[s.begin])) continue;
    Span bytes{tt.tokens[s.begin].start, tt.tokens[s.end - 1].end};
    // A work's title is no person or firm, nor a country inside it ("Hotel Rwanda").
    if ((s.type == EntityType::kPer || s.type == EntityType::kOrg) && !works.empty() &&
        works.count(span_words(words, s))) {
      covered.push_back(bytes);
      continue;
    }
    if (dateline_span.end > dateline_span.start && overlaps(bytes, dateline_span)) continue;
    // A dateline names a place, never a person, even one no table knows.
    if (s.type == EntityType::kPer && article.dateline.end > article.dateline.start && overlaps(bytes, article.dateline))
      continue;
    covered.push_back(bytes);
    if (turn_opener(tt, words, s, gaz, capitalised) || sentence_opener(tt, words, s, gaz, capitalised)) continue;
    if (i + 1 < spans.size() && office_cut_off(words, s, spans[i + 1], gaz)) continue;
    if (auto m = typed_mention(tt, words, s, gaz, caps[s.begin], dateline_city)) {
      // A name broken across lines is one name: "Paul\nVolcker" is "Paul Volcker".
      m->entity = normalise_space(m->entity);
      mentions.push_back(std::move(*m));
    }
  }
  // Countries, adjectives and metonyms the tagger left out ("U.S." inside "U.S. Embassy" is
  // part of an organisation, so only uncovered words count).
  for (const GazMatch& g : gaz_hits) {
    if (g.kind != GazKind::kCountry && g.kind != GazKind::kDemonym && g.kind != GazKind::kMetonym) continue;
    Span bytes{tt.tokens[g.begin].start, tt.tokens[g.end - 1].end};
    if (std::any_of(covered.begin(), covered.end(), [&](const Span& c) { return overlaps(c, bytes); })) continue;
    if (dateline_span.end > dateline_span.start && overlaps(bytes, dateline_span)) continue;
    if (g.country.empty()) continue;
    Mention m;
    m.type = g.kind == GazKind::kDemonym ? MentionType::kNationality : MentionType::kCountry;
    m.span = bytes;
    m.text = std::string(article.text.substr(bytes.start, bytes.end - bytes.start));
    m.country = g.country;
    m.entity = countries::by_code(g.country) ? countries::by_code(g.country)->name : g.country;
    covered.push_back(bytes);
    mentions.push_back(std::move(m));
  }
  settle_namesakes(mentions, gaz, dateline_mention ? &*dateline_mention : nullptr);
  add_alias_orgs(article, tt, mentions);
  std::sort(mentions.begin(), mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  // Firm names the tagger split ("Standard and Poor's Corp") are one organisation.
  join_firm_names(article.text, mentions);
  resolve_names(mentions);

  // Headline words are capitalised throughout, so a person or organisation seen only in the
  // headline is more likely a misreading than a name: keep it only if the body names it too.
  const std::size_t headline_end =
      (article.body.start > 0 && article.text.compare(0, article.title.size(), article.title) == 0)
          ? article.title.size() : 0;
  if (headline_end > 0) {
    auto in_body = [&](const Mention& m) {
      return std::any_of(mentions.begin(), mentions.end(), [&](const Mention& o) {
        return o.span.start >= headline_end && o.type == m.type && o.entity == m.entity;
      });
    };
    mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                  [&](const Mention& m) {
                                    return m.span.end <= headline_end &&
                                           (m.type == MentionType::kPerson || m.type == MentionType::kOrg) &&
                                           !in_body(m);
                                  }),
                   mentions.end());
  }
  // A firm's first word alone ("Merrill") is that firm; after the headline's misreadings are
  // gone ("Obama Says" is no firm) and persons are resolved ("Obama" is "Barack Obama").
  firm_short_forms(mentions);

  QuoteOptions qo;
  qo.gender_of = [&gaz](std::string_view first) {
    const FirstName* f = gaz.first_name(first);
    if (!f) return NameGender::kUnknown;
    if (f->gender == Gender::kFemale) return NameGender::kFemale;
    if (f->gender == Gender::kMale) return NameGender::kMale;
    return NameGender::kUnknown;
  };
  out.quotes = find_quotes(article.text, mentions, qo);
  out.mentions = std::move(mentions);
  out.facets = make_facets(facet_mentions(article, out.mentions), out.quotes, out.dateline);
  return out;
}

}  // namespace newsidx::entities
