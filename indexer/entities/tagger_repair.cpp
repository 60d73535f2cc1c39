// Repairs of the tagger's spans after decoding (tagger_repair.hpp).
#include "tagger_repair.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "common/canonical.hpp"
#include "gazetteer.hpp"

namespace newsidx::entities {

std::optional<SpanRepairs> SpanRepairs::parse(std::string_view spec) {
  SpanRepairs r;
  if (spec == "none") return r;
  if (spec.empty()) return std::nullopt;
  for (char c : spec) {
    switch (c) {
      case 'i': r.join_initials = true; break;
      case 't': r.drop_titles = true; break;
      case 'n': r.one_type = true; break;
      case 's': r.one_type_single = true; break;
      case 'p': r.place_alone = 'p'; break;
      case 'l': r.place_alone = 'l'; break;
      case 'w': r.cut_lower = true; break;
      case 'a': r.join_ampersand = true; break;
      case 'o': r.join_of = true; break;
      case 'j':
        if (r.join_adjective == 0) r.join_adjective = 'j';
        break;
      case 'k': r.join_adjective = 'k'; break;
      case 'h': r.drop_lead = true; break;
      case 'c': r.extend_start = true; break;
      case 'e': r.extend_end = true; break;
      case 'm': r.whole_name = true; break;
      default: return std::nullopt;
    }
  }
  return r;
}

std::string SpanRepairs::spec() const {
  std::string s;
  if (join_initials) s += 'i';
  if (drop_titles) s += 't';
  if (one_type) s += 'n';
  if (one_type_single) s += 's';
  if (place_alone) s += place_alone;
  if (cut_lower) s += 'w';
  if (join_ampersand) s += 'a';
  if (join_of) s += 'o';
  if (join_adjective) s += join_adjective;
  if (drop_lead) s += 'h';
  if (extend_start) s += 'c';
  if (extend_end) s += 'e';
  if (whole_name) s += 'm';
  return s.empty() ? "none" : s;
}

SpanRepairs default_repairs() { return *SpanRepairs::parse("itw"); }

Tagger Tagger::with_repairs(const SpanRepairs& repairs) const {
  Tagger copy = *this;
  copy.repairs_ = repairs;
  return copy;
}

bool is_initial(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
}

bool is_honorific(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "madam", "messrs", "mme", "mlle", "prof", "rev"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.empty() || w.size() > 6 || w[0] < 'A' || w[0] > 'Z') return false;
  const std::string l = canonical::ascii_lower(w);
  return std::find(kWords.begin(), kWords.end(), l) != kWords.end();
}

namespace {

// A capitalised word that may end a name: "Bush", not "W" or "Mr".
bool name_word(std::string_view w) {
  return w.size() > 1 && w[0] >= 'A' && w[0] <= 'Z' && !is_initial(w) && !is_honorific(w);
}

// A person, then middle initials, then a name ("George" "W" "Bush", "John F." "Kennedy"): one
// person, whatever the tagger made of the words after the initials (a second person, another
// type, "W Bush" as one span, or nothing). Sentence ends do not matter here: a tokenizer may end
// a sentence at "W.".
void join_initials(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  std::vector<EntitySpan> out;
  out.reserve(spans.size());
  std::size_t next = 0;  // spans[next...] not yet copied
  while (next < spans.size()) {
    EntitySpan s = spans[next++];
    if (s.type == EntityType::kPer) {
      // Initials after the person, outside any span or opening the next one.
      std::size_t k = s.end;
      const std::size_t limit = next < spans.size() ? spans[next].begin : words.size();
      while (k < limit && k < s.end + 2 && is_initial(words[k])) ++k;
      const bool initials_before = k > s.end || is_initial(words[s.end - 1]);
      if (next < spans.size() && spans[next].begin == k && spans[next].end - spans[next].begin <= 2) {
        const EntitySpan& t = spans[next];
        std::size_t j = t.begin;
        while (j < t.end && is_initial(words[j])) ++j;
        if ((initials_before || j > t.begin) && j + 1 == t.end && name_word(words[j])) {
          s.end = t.end;
          ++next;
        }
      } else if (initials_before && k > s.end && k < limit && name_word(words[k])) {
        s.end = k + 1;
      }
    }
    out.push_back(s);
  }
  spans = std::move(out);
}

void drop_titles(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const EntitySpan& s) {
                               if (s.type != EntityType::kPer) return false;
                               for (std::size_t k = s.begin; k < s.end; ++k)
                                 if (!is_honorific(words[k])) return false;
                               return true;
                             }),
              spans.end());
}

// The name of a span as the document spells it: its words joined by spaces.
std::string span_name(const std::vector<std::string_view>& words, const EntitySpan& s) {
  std::string name;
  for (std::size_t k = s.begin; k < s.end; ++k) {
    if (k > s.begin) name.push_back(' ');
    name.append(words[k]);
  }
  return name;
}

// Every span of a name gets the type most of its spans in the document have, when one type has
// more than any other ("Chelsea" as a club five times and a person once).
void one_type(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans, bool single_only) {
  std::unordered_map<std::string, std::array<unsigned, 4>> counts;
  for (const EntitySpan& s : spans) {
    if (single_only && s.end - s.begin != 1) continue;
    ++counts[span_name(words, s)][static_cast<std::size_t>(s.type)];
  }
  for (EntitySpan& s : spans) {
    if (single_only && s.end - s.begin != 1) continue;
    const auto& c = counts[span_name(words, s)];
    const auto top = static_cast<std::size_t>(std::max_element(c.begin(), c.end()) - c.begin());
    const bool unique = std::count(c.begin(), c.end(), c[top]) == 1;
    if (unique) s.type = static_cast<EntityType>(top);
  }
}

// A town's name alone read as a person ("Chelsea", "whose Chelsea team") is the town's namesake
// club (`to` ORG) or the town (LOC), unless an honorific precedes it ("Mr Lincoln") or a person
// named in more words in the document holds it ("Chelsea Clinton").
void place_alone(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans, EntityType to) {
  std::vector<std::string_view> in_full;
  for (const EntitySpan& s : spans)
    if (s.type == EntityType::kPer && s.end - s.begin >= 2)
      for (std::size_t k = s.begin; k < s.end; ++k) in_full.push_back(words[k]);
  const Gazetteer& gaz = Gazetteer::instance();
  for (EntitySpan& s : spans) {
    if (s.type != EntityType::kPer || s.end - s.begin != 1) continue;
    if (s.begin > 0 && is_honorific(words[s.begin - 1])) continue;
    if (std::find(in_full.begin(), in_full.end(), words[s.begin]) != in_full.end()) continue;
    const City* town = gaz.city(words[s.begin]);
    if (town != nullptr && town->ambiguous) s.type = to;
  }
}

// A lower-case word that belongs in a name: a particle of a person's name ("Ludwig van
// Beethoven", "Osama bin Laden", "Abdul-Karim al-Kabariti", "Daniel arap Moi") or a function word
// of another language inside a firm's name the tagger read as a person ("Caisse d'Epargne",
// "Kali und Salz", "Heldring en Pierson", "Medecins sans Frontieres"), or a name written with a
// lower-case first letter ("diCaprio").
bool name_particle(std::string_view w) {
  static constexpr std::array<std::string_view, 50> kWords = {
      "al",  "am",  "arap", "auf", "ben", "bin",  "cha", "da",  "dal", "das", "de",  "degli", "dei",
      "del", "della", "delle", "den", "der", "des", "di", "do",  "dos", "du",  "e",   "el",  "en",
      "et",  "fur", "für",  "i",   "ibn", "la",   "las", "le",  "les", "los", "of",  "sans", "st",
      "sur", "ten", "ter",  "the", "und", "van",  "von", "wa",  "y",   "zu",  "zur"};
  if (w.size() > 3 && (w.substr(0, 3) == "al-" || w.substr(0, 3) == "el-")) return true;
  if (w.size() > 2 && (w.substr(0, 2) == "d'" || w.substr(0, 2) == "l'")) return true;  // d'Epargne, l'Union
  if (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return true;  // diCaprio
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// An English word in lower case, hyphenated parts each one ("back-bencher"), that is no
// particle: what a person's name does not hold. A word of another language ("centrale" of
// "Caisse centrale Desjardins") is left alone.
bool english_word(std::string_view w) {
  if (w.empty() || w[0] < 'a' || w[0] > 'z' || name_particle(w)) return false;
  const Gazetteer& gaz = Gazetteer::instance();
  for (std::size_t b = 0; b <= w.size();) {
    const std::size_t e = std::min(w.find('-', b), w.size());
    if (e == b || !gaz.is_common_word(w.substr(b, e - b))) return false;
    b = e + 1;
  }
  return true;
}

// A person span is cut before its first English lower-case word, and then before the particles
// that end it: the tagger ran a name on into the words after it ("Mr Blair derided Tory claims":
// "Blair derided Tory"; "Jarvis sells Tube", "Reid for Murphy"; "Tony Blair the prime minister").
// A span left without a capital letter ("-- since Nixon") is dropped.
void cut_lower(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  const auto lower_start = [&](std::size_t k) { return !words[k].empty() && words[k][0] >= 'a' && words[k][0] <= 'z'; };
  const auto capitalised = [&](const EntitySpan& s) {  // "al-Chalabi" is
    for (std::size_t k = s.begin; k < s.end; ++k)
      if (std::any_of(words[k].begin(), words[k].end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return true;
    return false;
  };
  for (EntitySpan& s : spans) {
    if (s.type != EntityType::kPer) continue;
    for (std::size_t k = s.begin + 1; k < s.end; ++k)
      if (english_word(words[k])) {
        s.end = k;
        while (s.end > s.begin + 1 && lower_start(s.end - 1)) --s.end;
        break;
      }
  }
  spans.erase(std::remove_if(spans.begin(), spans.end(),
                             [&](const EntitySpan& s) { return s.type == EntityType::kPer && !capitalised(s); }),
              spans.end());
}

bool capitalised_word(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// Spans a and b (a before b) and the words between them become one organisation.
void merge_next(std::vector<EntitySpan>& spans, std::size_t a) {
  spans[a].end = spans[a + 1].end;
  spans[a].type = EntityType::kOrg;
  spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(a) + 1);
}

// "&" inside a firm's name ("Procter & Gamble", "Marks & Spencer", "Standard & Poor"): a name
// before it and a name after it, or capitalised words outside any span on one side, are one
// organisation; the tagger broke the name at the sign.
void join_ampersand(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  for (std::size_t a = 0; a < spans.size(); ++a) {
    const std::size_t amp = spans[a].end;
    if (amp + 1 >= words.size() || words[amp] != "&") continue;
    const bool places = spans[a].type == EntityType::kLoc && a + 1 < spans.size() && spans[a + 1].type == EntityType::kLoc;
    if (places) continue;  // "Europe & Asia"
    if (a + 1 < spans.size() && spans[a + 1].begin == amp + 1) {
      merge_next(spans, a);
      --a;  // the merged span may be followed by another "&"
      continue;
    }
    const std::size_t limit = a + 1 < spans.size() ? spans[a + 1].begin : words.size();
    std::size_t k = amp + 1;
    while (k < limit && k < amp + 4 && capitalised_word(words[k])) ++k;
    if (k > amp + 1) spans[a] = {spans[a].begin, k, EntityType::kOrg};
  }
  for (std::size_t a = 0; a < spans.size(); ++a) {  // capitalised words, "&", a name
    const std::size_t amp = spans[a].begin;
    const std::size_t floor = a > 0 ? spans[a - 1].end : 0;
    if (amp < floor + 2 || words[amp - 1] != "&") continue;
    std::size_t k = amp - 1;
    while (k > floor && k + 4 > amp && capitalised_word(words[k - 1])) --k;
    if (k < amp - 1) spans[a] = {k, spans[a].end, EntityType::kOrg};
  }
}

// An organisation, "of", a place or organisation ("Cooperative Bank" "of" "Taiwan", "Commodity
// Credit Corp" "of" "USDA") is one organisation.
void join_of(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  for (std::size_t a = 0; a + 1 < spans.size(); ++a) {
    const EntitySpan& s = spans[a];
    const EntitySpan& t = spans[a + 1];
    if (s.type == EntityType::kOrg && t.begin == s.end + 1 && words[s.end] == "of" &&
        (t.type == EntityType::kLoc || t.type == EntityType::kOrg))
      merge_next(spans, a--);
  }
}

// A one-word MISC ("Jordanian Arab Socialist Baath Party", "Dutch PTT") or, with `places`, a
// one-word place ("Australia Senate") just before an organisation is part of its name.
void join_adjective(std::vector<EntitySpan>& spans, bool places) {
  for (std::size_t a = 0; a + 1 < spans.size(); ++a) {
    const EntitySpan& s = spans[a];
    const bool adjective = s.type == EntityType::kMisc || (places && s.type == EntityType::kLoc);
    if (adjective && s.end - s.begin == 1 && spans[a + 1].begin == s.end && spans[a + 1].type == EntityType::kOrg)
      merge_next(spans, a);
  }
}

// An organisation opened by a word no name starts with: a capitalised determiner at a sentence's
// start ("An Amtrak train", "Both WorldCom Inc and"), a weekday of a results table ("MON
// Distillers"), a rank ("2. MTK").
void drop_lead(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  static constexpr std::array<std::string_view, 14> kWords = {"A",   "An",  "Both", "Each", "MON", "TUE", "WED",
                                                              "THU", "FRI", "SAT",  "SUN",  "Mon", "Tue", "Thu"};
  const auto rank = [](std::string_view w) {
    return w.size() >= 2 && w.back() == '.' && std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
  };
  for (EntitySpan& s : spans) {
    if (s.type != EntityType::kOrg || s.end - s.begin < 2) continue;
    const std::string_view w = words[s.begin];
    if (rank(w) || std::find(kWords.begin(), kWords.end(), w) != kWords.end()) ++s.begin;
  }
}

// The first word of a sentence, as far as the words tell (repairs see no sentence ends): the
// text's first word or one after a full stop, "?", "!", a colon or a quotation mark.
bool sentence_start(const std::vector<std::string_view>& words, std::size_t k) {
  if (k == 0) return true;
  const std::string_view p = words[k - 1];
  return p == "." || p == "?" || p == "!" || p == ":" || p == "\"" || p == "``" || p == "''" || p == "--";
}

// An organisation takes in up to two capitalised words outside any span next to it: before it
// (`before`; no sentence's first word, which any word may be capitalised as) or after it (not
// across a sentence's start).
void extend_org(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans, bool before) {
  for (std::size_t a = 0; a < spans.size(); ++a) {
    EntitySpan& s = spans[a];
    if (s.type != EntityType::kOrg) continue;
    if (before) {
      const std::size_t floor = a > 0 ? spans[a - 1].end : 0;
      std::size_t k = s.begin;
      while (k > floor && k + 2 > s.begin && !sentence_start(words, k) && capitalised_word(words[k - 1]) &&
             !sentence_start(words, k - 1))
        --k;
      s.begin = k;
    } else {
      const std::size_t limit = a + 1 < spans.size() ? spans[a + 1].begin : words.size();
      std::size_t k = s.end;
      while (k < limit && k < s.end + 2 && !sentence_start(words, k) && capitalised_word(words[k])) ++k;
      s.end = k;
    }
  }
}

// Every multi-word organisation of the document, tagged whole once, is tagged whole wherever its
// words recur: the spans inside an occurrence give way to it; an occurrence that a span crosses
// (starts inside and ends outside) is left alone. Longer names first.
void whole_name(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans) {
  std::vector<std::vector<std::string_view>> names;
  for (const EntitySpan& s : spans)
    if (s.type == EntityType::kOrg && s.end - s.begin >= 2)
      names.emplace_back(words.begin() + static_cast<std::ptrdiff_t>(s.begin), words.begin() + static_cast<std::ptrdiff_t>(s.end));
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (const auto& name : names) {
    for (std::size_t k = 0; k + name.size() <= words.size(); ++k) {
      if (!std::equal(name.begin(), name.end(), words.begin() + static_cast<std::ptrdiff_t>(k))) continue;
      const EntitySpan whole{k, k + name.size(), EntityType::kOrg};
      bool crossed = false, same = false;
      for (const EntitySpan& s : spans) {
        if (s.end <= whole.begin || s.begin >= whole.end) continue;
        same = same || s == whole;
        crossed = crossed || s.begin < whole.begin || s.end > whole.end;
      }
      if (crossed || same) continue;
      spans.erase(std::remove_if(spans.begin(), spans.end(), [&](const EntitySpan& s) { return s.begin >= whole.begin && s.end <= whole.end; }),
                  spans.end());
      spans.insert(std::lower_bound(spans.begin(), spans.end(), whole, [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; }),
                   whole);
    }
  }
}

}  // namespace

void repair_spans(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans,
                  const SpanRepairs& which) {
  if (which.cut_lower) cut_lower(words, spans);
  if (which.drop_titles) drop_titles(words, spans);
  if (which.join_initials) join_initials(words, spans);
  if (which.place_alone) place_alone(words, spans, which.place_alone == 'p' ? EntityType::kOrg : EntityType::kLoc);
  if (which.drop_lead) drop_lead(words, spans);
  if (which.join_ampersand) join_ampersand(words, spans);
  if (which.join_of) join_of(words, spans);
  if (which.join_adjective) join_adjective(spans, which.join_adjective == 'k');
  if (which.extend_start) extend_org(words, spans, true);
  if (which.extend_end) extend_org(words, spans, false);
  if (which.whole_name) whole_name(words, spans);
  if (which.one_type || which.one_type_single) one_type(words, spans, which.one_type_single && !which.one_type);
}

}  // namespace newsidx::entities
