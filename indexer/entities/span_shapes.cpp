// Tagger spans judged by the shape of the words in and around them (see span_shapes.hpp).
#include "indexer/entities/span_shapes.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "common/canonical.hpp"
#include "common/countries.hpp"

namespace newsidx::entities {

namespace {

bool lower_letter(char c) { return c >= 'a' && c <= 'z'; }
bool upper_letter(char c) { return c >= 'A' && c <= 'Z'; }

// The prefixes of surnames and first names written with a second capital: "McCain", "MacArthur",
// "DeLay", "DiMaggio", "DaSilva", "DuPont", "LaToya", "LeBron", "VanLandingham", "VonDerAhe".
bool after_name_prefix(std::string_view word, std::size_t capital) {
  static constexpr std::string_view kPrefixes[] = {"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von"};
  const std::string_view head = word.substr(0, capital);
  return std::find(std::begin(kPrefixes), std::end(kPrefixes), head) != std::end(kPrefixes);
}

// The tokens after `span` are ", X." (a comma, then one capital and a dot): "Jones, I. (2001)".
bool initial_follows(const TokenizedText& tt, const EntitySpan& span) {
  if (span.end + 1 >= tt.tokens.size() || tt.tokens[span.end].text != ",") return false;
  const std::string_view next = tt.tokens[span.end + 1].text;
  return next.size() == 2 && upper_letter(next[0]) && next[1] == '.';
}

// The span's words from `from` to its end, joined by one space.
std::string joined(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out;
}

// The number of words a person's span opens with that name a region or country and are no part
// of the name: "Vermont" of "Vermont Bernie Sanders", "New Hampshire" of "New Hampshire John
// Lynch". The words after them must be a first name and at least one more word, and the place's
// first word no first name itself ("Georgia May Jagger" keeps "Georgia").
std::size_t leading_place_words(const std::vector<std::string_view>& words, const EntitySpan& span,
                                const Gazetteer& gaz) {
  if (gaz.is_first_name(words[span.begin])) return 0;
  for (std::size_t len = 1; len <= 2 && span.begin + len + 2 <= span.end; ++len) {
    const std::string place = joined(words, span.begin, span.begin + len);
    if ((gaz.region(place) || countries::lookup(place)) && gaz.is_first_name(words[span.begin + len])) return len;
  }
  return 0;
}

// True when the tokens `begin`..`end` hold the whole label of an interview's turn, on a line of
// their own up to the label's end: "((Dorsa Derakhshani)) I sing", "Frido Welker: We found". The
// turn goes on on the label's line.
bool labels_turn(const TokenizedText& tt, std::size_t begin, std::size_t end) {
  const auto& toks = tt.tokens;
  const std::string_view text = tt.text;
  auto text_is = [&](std::size_t k, std::string_view s) { return k < toks.size() && toks[k].text == s; };
  const bool brackets = begin >= 2 && text_is(begin - 1, "(") && text_is(begin - 2, "(");
  if (brackets ? !(text_is(end, ")") && text_is(end + 1, ")")) : !text_is(end, ":")) return false;
  const std::size_t first = brackets ? begin - 2 : begin;
  const std::size_t last = brackets ? end + 1 : end;
  const std::size_t line_start = first == 0 ? 0 : toks[first - 1].end;
  if (first > 0 && text.substr(line_start, toks[first].start - line_start).find('\n') == std::string_view::npos)
    return false;
  return last + 1 < toks.size() &&
         text.substr(toks[last].end, toks[last + 1].start - toks[last].end).find('\n') == std::string_view::npos;
}

// True when the three words of `span` are a first name the gazetteer knows, a middle initial and
// a capitalised word: "Loretta E. Lynch", "Franklin D. Roosevelt" (a person's name's shape).
bool first_initial_surname(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  if (span.end - span.begin != 3) return false;
  const std::string_view initial = words[span.begin + 1];
  const std::string_view last = words[span.begin + 2];
  return gaz.is_first_name(words[span.begin]) && initial.size() == 2 && upper_letter(initial[0]) && initial[1] == '.' &&
         last.size() >= 2 && upper_letter(last[0]) && lower_letter(last[1]) && !gaz.is_org_suffix(last);
}

// True when the one word at `k` is in capitals and the whole label of a turn in double brackets:
// a transcript's interviewer by initials ("((WSS))", "((WN))"), no organisation.
bool initials_label(const TokenizedText& tt, const std::vector<std::string_view>& words, std::size_t k) {
  const std::string_view w = words[k];
  if (w.size() < 2 || !std::all_of(w.begin(), w.end(), upper_letter)) return false;
  return k >= 2 && words[k - 1] == "(" && words[k - 2] == "(" && labels_turn(tt, k, k + 1);
}

// True when the words of a turn's label read as a person's name: two or three words with a
// capital and small letters, the last no place the tables know ("Bayern Munich: Kahn, ..." names a
// club), and the first a known first name or no word an ordinary English word ("Dorsa
// Derakhshani", "Christian Keysers"; not "Indian Railway").
bool label_names_person(const std::vector<std::string_view>& words, const EntitySpan& span, const Gazetteer& gaz) {
  const std::size_t n = span.end - span.begin;
  if (n < 2 || n > 3) return false;
  bool common = false;
  for (std::size_t k = span.begin; k < span.end; ++k) {
    const std::string_view w = words[k];
    if (w.size() < 2 || !upper_letter(w[0]) || !std::any_of(w.begin() + 1, w.end(), lower_letter)) return false;
    common = common || gaz.is_common_word(canonical::ascii_lower(w));
  }
  const std::string_view last = words[span.end - 1];
  if (gaz.region(last) || gaz.city(last) || countries::lookup(last)) return false;
  return !common || gaz.is_first_name(words[span.begin]);
}

// True when a line break lies between the ends of tokens `a` and `b` (a < b).
bool line_break_between(const TokenizedText& tt, std::size_t a, std::size_t b) {
  return tt.text.substr(tt.tokens[a].end, tt.tokens[b].start - tt.tokens[a].end).find('\n') != std::string_view::npos;
}

// A word with a capital first and a small letter after it: "Schwarzer", "Van", "O'Neill".
bool capitalised_word(const Token& t) {
  return t.kind == TokenKind::kWord && t.text.size() >= 2 && upper_letter(t.text[0]) &&
         std::any_of(t.text.begin() + 1, t.text.end(), lower_letter);
}

// The items [begin, end) of the labelled list whose colon is token `colon`, or none: one or two
// capitalised words each, separated by commas, up to a full stop, a semicolon or the line's end.
std::vector<std::pair<std::size_t, std::size_t>> list_items(const TokenizedText& tt, std::size_t colon) {
  constexpr std::size_t kLongestLabel = 4;
  constexpr std::size_t kLongestItem = 2;
  const auto& toks = tt.tokens;
  // The label: one to four words from the line's start, each with a capital ("Subs Not Used",
  // "Middlesbrough"; not "He named the team").
  std::size_t label = colon;
  while (label > 0 && colon - label < kLongestLabel && toks[label - 1].kind == TokenKind::kWord &&
         upper_letter(toks[label - 1].text[0])) {
    --label;
    if (label == 0 || line_break_between(tt, label - 1, label)) break;
  }
  if (label == colon || (label > 0 && !line_break_between(tt, label - 1, label))) return {};
  std::vector<std::pair<std::size_t, std::size_t>> items;
  std::size_t k = colon + 1;
  while (k < toks.size() && !line_break_between(tt, k - 1, k)) {
    std::size_t e = k;
    while (e < toks.size() && e - k < kLongestItem && capitalised_word(toks[e]) &&
           (e == k || !line_break_between(tt, e - 1, e)))
      ++e;
    if (e == k) return {};
    items.emplace_back(k, e);
    if (e == toks.size() || line_break_between(tt, e - 1, e) || toks[e].text == "." || toks[e].text == ";")
      return items;
    if (toks[e].text != ",") return {};
    k = e + 1;
  }
  return {};
}

}  // namespace

void complete_name_lists(const TokenizedText& tt, std::vector<EntitySpan>& spans) {
  constexpr std::size_t kShortestList = 3;
  bool added = false;
  for (std::size_t colon = 1; colon < tt.tokens.size(); ++colon) {
    if (tt.tokens[colon].text != ":") continue;
    const auto items = list_items(tt, colon);
    if (items.size() < kShortestList) continue;
    auto exact = [&](const std::pair<std::size_t, std::size_t>& it) {
      return std::find_if(spans.begin(), spans.end(),
                          [&](const EntitySpan& s) { return s.begin == it.first && s.end == it.second; });
    };
    auto touched = [&](const std::pair<std::size_t, std::size_t>& it) {
      return std::any_of(spans.begin(), spans.end(),
                         [&](const EntitySpan& s) { return s.begin < it.second && it.first < s.end; });
    };
    const auto persons = std::count_if(items.begin(), items.end(), [&](const auto& it) {
      const auto s = exact(it);
      return s != spans.end() && s->type == EntityType::kPer;
    });
    if (static_cast<std::size_t>(persons) * 2 <= items.size()) continue;
    for (const auto& it : items) {
      if (const auto s = exact(it); s != spans.end()) {
        if (s->type == EntityType::kLoc || s->type == EntityType::kOrg) s->type = EntityType::kPer;
      } else if (!touched(it)) {
        spans.push_back(EntitySpan{it.first, it.second, EntityType::kPer});
        added = true;
      }
    }
  }
  if (added)
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
}

void add_possessive_firms(const TokenizedText& tt, std::vector<EntitySpan>& spans) {
  static constexpr std::string_view kVerbs[] = {
      "said",   "says",    "has", "had",      "is",         "was",      "will",   "would",    "rated",
      "raised", "lowered", "cut", "affirmed", "downgraded", "upgraded", "placed", "reported", "announced"};
  constexpr std::size_t kLength = 4;  // "Standard" "and" "Poor" "'s"
  const auto& toks = tt.tokens;
  bool added = false;
  for (std::size_t i = 0; i + kLength < toks.size(); ++i) {
    if (!capitalised_word(toks[i]) || (toks[i + 1].text != "and" && toks[i + 1].text != "&") ||
        !capitalised_word(toks[i + 2]) || (toks[i + 3].text != "'s" && toks[i + 3].text != "\u2019s") ||
        std::find(std::begin(kVerbs), std::end(kVerbs), toks[i + kLength].text) == std::end(kVerbs))
      continue;
    if (std::any_of(spans.begin(), spans.end(),
                    [&](const EntitySpan& s) { return s.begin < i + kLength && i < s.end; }))
      continue;
    spans.push_back(EntitySpan{i, i + kLength, EntityType::kOrg});
    added = true;
  }
  if (added)
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
}

bool is_ordinal(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || word.size() != digits + 2) return false;
  const std::string suffix = canonical::ascii_lower(word.substr(digits));
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

bool is_sentence_adverb(std::string_view word, const Gazetteer& gaz) {
  constexpr std::size_t kShortestStem = 4;
  if (word.size() < kShortestStem + 2 || !upper_letter(word[0])) return false;
  const std::string lower = canonical::ascii_lower(word);
  if (lower.compare(lower.size() - 2, 2, "ly") != 0 || !gaz.is_common_word(lower)) return false;
  return gaz.is_common_word(std::string_view(lower).substr(0, lower.size() - 2));
}

bool is_exit_blend(std::string_view word) {
  constexpr std::string_view kExit = "xit";
  return word.size() > 4 && upper_letter(word[0]) && word.substr(word.size() - kExit.size()) == kExit;
}

bool is_camel_case(std::string_view word) {
  for (std::size_t k = 1; k < word.size(); ++k)
    if (upper_letter(word[k]) && lower_letter(word[k - 1])) return !after_name_prefix(word, k);
  return false;
}

std::optional<EntitySpan> shaped_span(const TokenizedText& tt, const std::vector<std::string_view>& words,
                                      EntitySpan span, const Gazetteer& gaz) {
  const bool one_word = span.end - span.begin == 1;
  if (one_word && (is_ordinal(words[span.begin]) || is_sentence_adverb(words[span.begin], gaz) ||
                   is_exit_blend(words[span.begin]) || initials_label(tt, words, span.begin)))
    return std::nullopt;
  if (one_word && span.type == EntityType::kPer && is_camel_case(words[span.begin])) span.type = EntityType::kOrg;
  else if (one_word && span.type == EntityType::kOrg && initial_follows(tt, span)) span.type = EntityType::kPer;
  else if (span.type == EntityType::kOrg && first_initial_surname(words, span, gaz)) span.type = EntityType::kPer;
  if (span.type != EntityType::kPer && labels_turn(tt, span.begin, span.end) && label_names_person(words, span, gaz))
    span.type = EntityType::kPer;
  if (span.type == EntityType::kPer && span.end - span.begin >= 3) span.begin += leading_place_words(words, span, gaz);
  return span;
}

}  // namespace newsidx::entities
