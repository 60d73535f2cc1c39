// Speech cues after a quotation: the tag that follows it (`"...," X said`, `"...," said X`,
// `"...," X fumed`) and the speaker phrase after an inverting verb.
#include "attribution.hpp"

namespace newsidx::entities::quoting {
namespace {
// The most tokens after the verb of a tag read after a question or exclamation mark ("\"...?\"
// Hannity pressed on Tuesday."): beyond it a new sentence has begun (Attributor::tag_subject).
constexpr std::size_t kShortTag = 4;
}  // namespace

// The speaker phrase after an inverting verb: "said Sen. Ted Cruz, R-Texas".
Attribution Attributor::np_after(std::size_t verb, std::size_t ceil) {
  std::size_t b = verb + 1;
  std::size_t e = b;
  while (e < ceil && e - b < 10 && is_word(e) && outside(e) &&
         (is_cap(e) || np_word(e))) {
    ++e;
  }
  // "said retired teacher Carl Webb", "said Ohio delegate Dan Price": lower-case
  // descriptors before the name, which then ends the clause.
  if (e < ceil && is_word(e) && !is_cap(e) && outside(e)) {
    std::size_t j = e;
    while (j < ceil && j - e < 3 && is_word(j) && !is_cap(j) && outside(j) &&
           !in(kNpStop, word(j))) {
      ++j;
    }
    std::size_t f = j;
    while (f < ceil && f - j < 4 && is_cap(f) && outside(f)) ++f;
    if (f > j && j > e && (f == ceil || toks_[f].kind == TokKind::kPunct)) e = f;
  }
  // "said one former senior agency official.": a determiner opens a noun phrase that ends the
  // clause; its lower-case words need not be speaker-phrase words. It describes its Source.
  // (b may be the clause's end, even the text's: "... ," said<end>.)
  // The phrase may go on after its head ("said one Democrat familiar with the discussion", "said
  // a former official who oversaw ...", "said a longtime adviser to both Clintons"): the
  // description is the part before, even where the speaker-phrase words ran on ("a spokesman for").
  // Where the speaker-phrase words ran on to a name ("said a spokesman for Ofcom"), the name is
  // the Source, as before.
  if (const std::size_t f = described_np_end(b, ceil); f > b && (f > e || !ends_np(f, ceil) || f + 1 >= e)) {
    bool name_after = false;
    for (std::size_t j = f; j < e; ++j) name_after = name_after || is_cap(j);
    if (!name_after) e = f;
  }
  if (e == b) return {};
  // "said Trump continued to ...": a name followed by its own verb is the object clause's
  // subject, not an inverted speaker ("said Trump yesterday" still is one).
  // A post-modifier in "-ed" is no such verb: "said one Republican involved in the planning".
  if (e < ceil && is_word(e) && outside(e) && !is_cap(e) && verb_like(e) &&
      !in(kPostModifiers, lower(word(e)))) {
    return {};
  }
  // "said the senior official" ends with the lowercase head; "said Trump, who..." with a name.
  return analyse_np(b, e, verb);
}

// Whether the phrase read up to token `f` ends there: the clause ends or a comma or full stop
// follows. Otherwise a post-modifier follows (described_np_end).
bool Attributor::ends_np(std::size_t f, std::size_t ceil) const {
  return f == ceil || is_punct(f, ",") || is_punct(f, ".");
}

// A description opened by a determiner at token `b` ("one former senior agency official", "the
// newspaper", "her lawyers"), ending the clause before `ceil` or followed by a post-modifier
// (kPostModifiers: "one Democrat familiar with ...", "a former official who ..."): the token
// after its head, or `b` when there is none.
std::size_t Attributor::described_np_end(std::size_t b, std::size_t ceil) const {
  if (b >= ceil || !is_word(b) || !outside(b) || !in(kDeterminers, lower(word(b)))) return b;
  std::size_t f = b + 1;
  while (f < ceil && f - b < 10 && description_word(f) &&
         !(f > b + 1 && in(kPostModifiers, lower(word(f))))) {
    ++f;
  }
  if (f - b < 2) return b;
  const bool modified = f < ceil && is_word(f) && outside(f) && in(kPostModifiers, lower(word(f)));
  return ends_np(f, ceil) || modified ? f : b;
}

Attribution Attributor::trailing(const RawQuote& q) {
  const std::size_t start = q.close_tok + 1;
  if (start >= toks_.size()) return {};
  // A byline in a paragraph of its own after a quotation that is its whole paragraph (`"..."` /
  // `- Bernie Sanders.`, `-President Obama, tweeting after ...`): the signature of the words. A
  // quotation with words before it has its cue there ("Smith said: "..."" / "- Jane Doe, ...").
  const bool own_line = toks_[start].para != toks_[q.close_tok].para;
  const bool whole_paragraph = q.open_tok == 0 || toks_[q.open_tok - 1].para != toks_[q.open_tok].para;
  if (own_line && !whole_paragraph) return {};
  // A byline dash (em dash, horizontal bar, "--"): `"..." -- Carla Sanchez.` ends the
  // paragraph with the speaker's name.
  if (is_dash(start)) {
    const std::size_t pe = para_end(toks_, start);
    std::size_t d = start;
    while (d + 1 < pe && is_dash(d + 1)) ++d;
    std::size_t e = d + 1;
    while (e < pe && e - d <= 5 && is_cap(e)) ++e;
    if (e > d + 1 && (e == pe || is_punct(e, ",") || is_punct(e, "."))) {
      Attribution a = analyse_np(d + 1, e, start);
      // On a line of its own only a person signs: "- Reuters" there credits the story.
      if (a.decided && (!own_line || a.type == "person")) return a;
    }
  }
  if (own_line) return {};
  // The last character inside the quotation, or a comma right after it, marks a quotation
  // that its attribution follows: `"...," X said` / `"...", X said` / `"...?" X asked`.
  const Span last = q.parts.back();
  const char lc = last_char(last);
  std::size_t k = start;
  const bool comma_after = is_punct(k, ",");
  if (comma_after) ++k;
  const bool dash_after = k < toks_.size() && toks_[k].kind == TokKind::kPunct &&
                          (word(k) == "\xE2\x80\x94" || word(k) == "--");
  if (!(lc == ',' || lc == '?' || lc == '!' || comma_after || dash_after ||
        (k < toks_.size() && is_after_quote_verb(k)))) {
    return {};
  }
  const std::size_t end = para_end(toks_, q.close_tok);
  // The clause after the quotation, up to its end or the next quotation.
  std::size_t ce = k;
  while (ce < end && !sentence_end(ce) && toks_[ce].kind != TokKind::kQuoteMark) ++ce;
  if (k < ce && is_after_quote_verb(k) &&
      (in(kInvertingVerbs, word(k)) || in(kTrailingInvertingVerbs, word(k)) ||
       inverted_subject_follows(k, ce))) {
    return np_after(k, ce);
  }
  for (std::size_t v = k; v < ce && v < k + 14; ++v) {
    if (is_after_quote_verb(v)) {
      Attribution a = subject_before(v, k);
      if (a.decided) return a;
      // "\"...?\" a Democratic staffer in the room wondered": a described Source may go on past
      // its head before the verb, as after it (described_np_end).
      if (const std::size_t f = described_np_end(k, v); f > k && f < v && in(kPostModifiers, lower(word(f)))) {
        return analyse_np(k, f, v);
      }
      break;
    }
    if (is_word(v) && in(kParticiples, word(v))) break;
  }
  if (lc == ',' || lc == '?' || lc == '!' || comma_after) {
    return tag_subject(q, k, ce, lc == ',' || comma_after);
  }
  return {};
}

// The last character inside the quotation part `last`, looking through a quotation nested at its
// end (`"... 'get back on the horse,'" Richards said`: the comma before the inner closing mark).
char Attributor::last_char(Span last) const {
  if (last.end <= last.start) return ' ';
  std::size_t e = last.end;
  if (t_[e - 1] == '\'' && e - 1 > last.start) {
    --e;
  } else if (e - last.start > 3 && t_.substr(e - 3, 3) == "\xE2\x80\x99") {
    e -= 3;
  }
  return t_[e - 1];
}

// Whether the subject of a speech verb at `k` right after a quotation follows it: a capitalised
// word or a determiner opens the next phrase ("\"...,\" scoffed Arianna Gil", "\"...,\" mused
// Blaze co-host Stu Burguiere").
bool Attributor::inverted_subject_follows(std::size_t k, std::size_t ce) const {
  if (k + 1 >= ce || !is_word(k + 1) || !outside(k + 1)) return false;
  return is_cap(k + 1) || in(kDeterminers, lower(word(k + 1)));
}

// The clause right after a quotation that ends with a comma, question or exclamation mark
// inside its marks and opens its sentence ("\"...,\" Gorka urged.", "\"...?\" Hannity pressed.
// \"...\"", "\"...,\" Trump went on, as if ..."): in English news that clause is the
// quotation's tag whatever its verb, when it opens with a subject, a name the article knows, a
// pronoun or a description, followed by its verb (Attributor::sentence_subject without the
// introductory phrases). Short quotations inside a sentence are left to the other rules.
Attribution Attributor::tag_subject(const RawQuote& q, std::size_t k, std::size_t ce, bool comma) {
  const std::size_t open = q.open_tok;
  const bool opens_sentence = open == 0 || toks_[open - 1].para != toks_[open].para ||
                              sentence_end(open - 1) || is_punct(open - 1, ":") ||
                              toks_[open - 1].kind == TokKind::kQuoteMark;
  if (!opens_sentence || k >= ce || !is_word(k) || in(kSubordinators, word(k)) || word(k) == "As") return {};
  std::size_t words = 0;
  for (std::size_t j = q.open_tok; j <= q.close_tok; ++j) words += is_word(j) ? 1 : 0;
  if (words < kScareQuoteWords) return {};
  Attribution a = sentence_subject(k, ce, false);
  if (!a.decided || (!a.speaker && !a.description)) return {};
  // "\"...,\" Reuters quoted a central bank official as saying": the subject reports, the one
  // quoted speaks; left to the other rules.
  for (std::size_t j = k; j + 1 < ce; ++j) {
    if (is_word(j) && word(j) == "as" && is_word(j + 1) && in(kSubjectParticiples, word(j + 1))) return {};
  }
  // The verb: the first lower-case word after the subject that is no part of its phrase.
  std::size_t verb = a.description ? tok_at(a.description->end) : k;
  while (verb < ce && (!is_word(verb) || is_cap(verb) || in(kPronouns, word(verb)) || np_word(verb))) ++verb;
  if (verb >= ce || !is_word(verb) || in(kClauseOpeners, lower(word(verb)))) return {};
  // "is", "has", "was": a sentence about the subject, not a tag ("\"Is X off Conn?\" X is a
  // store ...").
  static constexpr auto kAux = std::to_array<std::string_view>(
      {"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "does", "did"});
  if (in(kAux, word(verb))) return {};
  // After a question or exclamation mark a new sentence may begin: only a short tag ("\"...?\"
  // Hannity pressed.") is read there, not "\"...!\" Jeb Bush broke down what was wrong ...".
  if (!comma && ce - verb > kShortTag) return {};
  a.cue = Span{toks_[verb].b, toks_[verb].e};
  return a;
}

}  // namespace newsidx::entities::quoting
