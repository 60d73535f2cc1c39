// Speech cues read off the verb phrase before a quotation: a described subject whose verb the
// phrase ran over ("The senator emailed supporters saying"), and a participle of saying that no
// list holds right before the quotation ("..., interjecting, \"...\"").
#include "attribution.hpp"

#include <algorithm>

namespace newsidx::entities::quoting {
namespace {
// Prepositions after which a past participle modifies the noun before it ("sent from", "made by").
constexpr auto kReducedLinks = std::to_array<std::string_view>(
    {"by", "from", "in", "on", "at", "to", "for", "with", "into", "during", "under"});
// Words of degree and time before a participle that modifies the noun after it ("The much loved
// actor", "the low paid workers", "The long awaited report", "The far left group") or stand
// between a head and its verb ("The actor then took"): no head noun.
constexpr auto kNoHeads = std::to_array<std::string_view>(
    {"much", "well", "long", "far",   "low",   "high",  "so",   "hard",    "ill",   "best", "most", "least",
     "then", "also", "now",  "later", "again", "still", "just", "already", "never", "once", "first"});
// What opens the object of a second verb joined by "and" ("derided and mocked the plan", "... him",
// "... as"); a bare noun there makes the verb a modifier of a new subject ("resigned and retired
// officers called it").
constexpr auto kObjectOpeners = std::to_array<std::string_view>(
    {"the",   "a",     "an",   "his", "her",  "their",   "its",  "him", "them", "it",   "this",  "that",
     "these", "those", "as",   "by",  "in",   "on",      "at",   "to",  "for",  "with", "about", "our",
     "my",    "your",  "what", "how", "over", "against", "both", "all", "each", "every"});
}  // namespace

// The end of a described subject opening at token `s` (a determiner) whose verb stands inside the
// words [s, f) read as its phrase: the first past tense after a lower-case head noun, an "-ed"
// form or an irregular past (kIrregularPasts): "The Vermont senator emailed supporters",
// "his campaign sent out a text message", "The president left no doubt". `s` when there is none.
std::size_t Attributor::verb_inside_phrase(std::size_t s, std::size_t f) const {
  for (std::size_t j = s + 2; j < f && j - s <= 6; ++j) {
    if (!is_word(j) || !outside(j) || is_cap(j)) continue;
    const std::string_view w = word(j);
    const bool past = in(kIrregularPasts, w) || (w.size() > 4 && w.ends_with("ed"));
    if (!past) continue;
    // The head before it: a lower-case word that is no possessive, nor a word of degree or
    // time, nor an adverb in -ly (the participle modifies the noun after it: "The much loved
    // actor", "The newly elected members").
    const std::string_view h = word(j - 1);
    if (is_word(j - 1) && !is_cap(j - 1) && (in(kNoHeads, lower(h)) || (h.size() > 4 && h.ends_with("ly")))) continue;
    if (!is_word(j - 1) || is_cap(j - 1) || strip_possessive(h) != h) return s;
    // A participle before a preposition modifies the head ("A tweet sent from his account
    // repeated"): no verb of the phrase.
    if (j + 1 < toks_.size() && is_word(j + 1) && in(kReducedLinks, word(j + 1))) return s;
    return j;
  }
  return s;
}

// The end of a described subject opening at token `s` whose words read as its phrase, [s, f), end
// at a preposition before a name, the phrase's post-modifier, and the name is followed by a verb:
// "A spokeswoman for the Armed Services Committee emailed reporters". The token after the name,
// or `s`.
std::size_t Attributor::postmodified_subject_end(std::size_t s, std::size_t f, std::size_t limit) const {
  static constexpr auto kLinks = std::to_array<std::string_view>({"for", "of", "at", "inside", "with", "from"});
  if (f - s < 2 || f + 1 >= limit || !is_word(f) || !in(kLinks, word(f))) return s;
  // The head is a person's word of a speaker phrase ("spokeswoman", "official", "aide"), not an
  // organisation's or a quantity's ("The government of American Samoa issued", "A number of
  // Senators condemned": Wikinews, CC BY 2.5).
  const std::string h = lower(word(f - 1));
  if (is_cap(f - 1) || !np_word(f - 1) || in(kOrgHeads, h) || in(kOrgNounHeads, h) || h == "statement" ||
      in(kDeterminers, h)) {
    return s;
  }
  std::size_t j = f + 1;
  if (word(j) == "the") ++j;
  std::size_t e = j;
  while (e < limit && e - j < 6 && is_cap(e) && outside(e)) ++e;
  // The name must be a person or organisation the article's mentions know.
  if (e == j) return s;
  const auto found = overlapping({toks_[j].b, toks_[e - 1].e});
  if (std::none_of(found.begin(), found.end(), [](const Mention* m) {
        return m->type == MentionType::kPerson || m->type == MentionType::kOrg;
      })) {
    return s;
  }
  std::size_t g = e;
  while (g < limit && is_word(g) && !is_cap(g) && (in(kBetween, word(g)) || (word(g).size() > 4 && word(g).ends_with("ly")))) {
    ++g;
  }
  if (g >= limit || !is_word(g) || is_cap(g) || !outside(g)) return s;
  // A present in -s is left out: after a name it is as often a plural ("an army of HP workers").
  return verb_like(g) || is_trailing_verb(g) || in(kIrregularPasts, word(g)) ? e : s;
}

// Whether token `k` is a participle that no list holds, ending its clause right before the
// quotation opening at `open` (a comma or colon between allowed): "tried to laugh it off by
// interjecting, \"...\"", "released a statement ..., offering \"...\"". Prepositions and nouns in
// "-ing" are none ("including", "according", "during", "something", "the evening"), and another
// clause between the sentence's start `floor` and it may hold its subject ("Clinton spoke where
// protesters had gathered, chanting": "and" and "as" join too much else to count).
bool Attributor::unlisted_participle(std::size_t k, std::size_t open, std::size_t floor) const {
  if (!is_word(k) || !outside(k) || is_cap(k)) return false;
  const std::string_view w = word(k);
  if (w.size() <= 6 || !w.ends_with("ing") || in(kNotParticiples, w)) return false;
  if (!(k + 1 == open || (k + 2 == open && (is_punct(k + 1, ",") || is_punct(k + 1, ":"))))) return false;
  for (std::size_t j = floor; j < k; ++j) {
    if (!is_word(j) || !outside(j)) continue;
    const std::string l = lower(word(j));
    if (l != "and" && l != "as" && in(kClauseOpeners, l)) return false;
  }
  return true;
}

// Whether the "and" at token `k` joins the verb at `verb` right before it to another past tense
// right after it ("Tom Baker derided and mocked \"...\""): one subject for both, when what follows
// the second opens its object, a quotation or nothing.
bool Attributor::coordinated_verbs(std::size_t verb, std::size_t k) const {
  if (!(k == verb + 1 && k + 1 < toks_.size() && is_word(k + 1) && outside(k + 1) && !is_cap(k + 1) &&
        verb_like(verb) && verb_like(k + 1)))
    return false;
  // The second verb's object, a quotation or the sentence's end follows it; a bare noun makes it
  // a modifier of a new subject ("resigned and retired officers called it").
  const std::size_t o = k + 2;
  return o >= toks_.size() || !is_word(o) || is_cap(o) || in(kObjectOpeners, lower(word(o)));
}

// Whether token `j` is a modal of the perfect between a subject and its verb ("Ed Jones may have
// said it best"): it reports words said. A modal before a bare infinitive ("you can say", "Some
// might say") reports none (read off BBC, where both stood inside quotations whose marks were
// paired wrongly).
bool Attributor::modal(std::size_t j) const {
  static constexpr auto kModals = std::to_array<std::string_view>({"may", "might", "could", "can", "should", "must"});
  return is_word(j) && outside(j) && in(kModals, word(j)) && j + 1 < toks_.size() && word(j + 1) == "have";
}

}  // namespace newsidx::entities::quoting
