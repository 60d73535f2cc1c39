// Speech cues: the rules that find a quotation's speaker next to a speech verb before it
// (`X said, "..."`), in `according to X`, or elsewhere in the paragraph (after it:
// speech_cues_after.cpp).
#include "attribution.hpp"

#include <iterator>

namespace newsidx::entities::quoting {

// The most tokens between an opening person's comma and its speech verb (opening_person).
constexpr std::size_t kLongAppositive = 40;

// The subject noun phrase ending right before `verb` (not before token `floor`).
Attribution Attributor::subject_before(std::size_t verb, std::size_t floor) {
  std::size_t e = verb;
  // Adverbs between subject and verb: "X also said", "X immediately posted" (lower-case "-ly").
  auto adverb = [&](std::size_t j) {
    if (!is_word(j) || is_cap(j)) return false;
    const std::string_view w = word(j);
    return in(kBetween, w) || (w.size() > 4 && w.substr(w.size() - 2) == "ly") || modal(j);
  };
  while (e > floor && adverb(e - 1)) --e;
  // A name a preposition governs says where the words went, not who said them: "Trump ... and on
  // Twitter referred to the vote as", "Parrilla via Twitter said"; the subject stands before it.
  if (const std::size_t p = governed_name_start(e, floor); p < e) {
    e = p;
    while (e > floor && adverb(e - 1)) --e;
  }
  // A verb coordinated with an earlier one: "Trump met voters and joked, ..." names the
  // sentence's subject.
  if (e > floor + 1 && is_word(e - 1) && word(e - 1) == "and" && !is_cap(e - 2)) {
    return sentence_subject(floor, e - 1);
  }
  // The same after a capitalised object ("She greeted supporters in Houston and told them",
  // "Silverman was joined on stage by Al Franken and joked"), when the sentence opens with its
  // subject; "Trump and Cruz said" has none there and is read as one phrase below.
  if (e > floor + 1 && is_word(e - 1) && word(e - 1) == "and" && is_cap(e - 2)) {
    Attribution a = sentence_subject(floor, e - 1);
    if (a.decided) return a;
  }
  // Party and state in brackets: "Rep. John Mica (R-Fla.) said", "Howard Dean (D), a ...".
  auto skip_brackets = [&](std::size_t end) {
    if (end <= floor || !is_punct(end - 1, ")")) return end;
    for (std::size_t j = end - 1; j > floor && end - j <= 8; --j) {
      if (is_punct(j - 1, "(")) return j - 1;
      if (!outside(j - 1)) break;
    }
    return end;
  };
  e = skip_brackets(e);
  // An appositive between subject and verb: "Klobuchar, a Democrat, told", of fewer than
  // QuoteOptions::appositive_window tokens.
  if (e > floor && is_punct(e - 1, ",")) {
    std::size_t c = e - 1;
    std::size_t j = c;
    while (j > floor && c - j < options_.appositive_window && !is_punct(j - 1, ",") && outside(j - 1) &&
           !sentence_end(j - 1)) {
      --j;
    }
    // The part between the commas may itself be the subject after an introductory phrase:
    // "After the primary, Gov. John Kasich (R-OH), said".
    const std::size_t se = skip_brackets(c);
    bool name_only = se > j;
    for (std::size_t i = j; i < se; ++i) name_only = name_only && is_cap(i) && outside(i);
    bool person = false;
    if (name_only) {
      for (const Mention* m : overlapping({toks_[j].b, toks_[se - 1].e})) {
        person = person || m->type == MentionType::kPerson;
      }
    }
    if (person) return analyse_np(j, se, verb);
    // A person further back through a chain of appositives: "Giovanni Maria Vian, the editor in
    // chief of the Vatican's official newspaper, L'Osservatore Romano, said".
    if (options_.appositive_chains && j > floor && is_punct(j - 1, ",")) {
      const Attribution a = person_through_appositives(j - 1, floor, verb);
      if (a.decided) return a;
    }
    if (j > floor && is_punct(j - 1, ",") && j < c) {
      e = skip_brackets(j - 1);
    } else {
      return opening_person(floor, verb);
    }
  }
  // "he said", and "he's said" (read as the pronoun, as analyse_np reads it).
  if (e > floor && is_word(e - 1) &&
      (in(kPronouns, word(e - 1)) || in(kPronouns, strip_possessive(word(e - 1))))) {
    return analyse_np(e - 1, e, verb);
  }
  // An indefinite pronoun alone as the subject ("Another said", "\"...,\" one read", "Some
  // chanted", "Most said they were \"...\""), opening its clause: a described Source, the
  // word itself ("No one said" is not one).
  const std::size_t p = e > floor ? e - 1 : e;
  const bool opens_clause = p == floor || !is_word(p - 1) || lower(word(p - 1)) == "and" || lower(word(p - 1)) == "but";
  if (p < e && is_word(p) && outside(p) && in(kIndefiniteSources, lower(word(p))) && opens_clause) {
    Attribution a;
    a.decided = true;
    a.cue = Span{toks_[verb].b, toks_[verb].e};
    a.description = Span{toks_[p].b, toks_[p].e};
    return a;
  }
  std::size_t b = e;
  while (b > floor && e - b < 10 && is_word(b - 1) && outside(b - 1) &&
         (is_cap(b - 1) || np_word(b - 1))) {
    --b;
  }
  // A whole noun phrase opening its clause ("\"...,\" the agency said", "One party activist
  // said"): its lower-case words need not be speaker-phrase words ("agency", "activist") when a
  // determiner opens it right at the clause's start; it is then a description of its Source.
  std::size_t d = b;
  // Capitalised modifiers may stand inside it ("the Gawker employee", "one Clinton ad"): a
  // determiner must open it.
  while (d > floor && e - d < 10 && description_word(d - 1)) --d;
  // The clause may open after a conjunction ("Cruz said as the heckler yelled: \"...\"",
  // "and the crowd chanted"), not in the passive ("as soon as the election is called").
  const bool passive = e < verb && in(kBeForms, lower(word(verb - 1))) && word(verb).ends_with("ed");
  if (d > floor && d < b && is_word(d - 1) && in(kDeterminers, lower(word(d - 1))) &&
      (d - 1 == floor || !is_word(d - 2) || (!passive && in(kClauseOpeners, lower(word(d - 2)))))) {
    b = d - 1;
  } else if (d == floor && d < b && in(kDeterminers, lower(word(d)))) {
    b = d;
  }
  // Only a phrase that ends the clause before it: "what he called", "Trump said".
  if (b == e && e > 0 && toks_[e - 1].kind == TokKind::kQuoteMark) return opening_person(floor, verb);
  return analyse_np(b, e, verb);
}

// The person named at the opening of the sentence from `floor` (after "As", "But", "And"), then a
// comma and a long appositive without a verb of its own up to the speech verb at `verb`: "As
// Akhil Amar, professor of law at Yale and author of ''America's Unwritten Constitution,'' put
// it," (an appositive holding a quotation or longer than the appositive window); undecided when
// the sentence has no such shape.
Attribution Attributor::opening_person(std::size_t floor, std::size_t verb) {
  static constexpr auto kOpeners = std::to_array<std::string_view>({"As", "But", "And"});
  // The sentence's start: `floor` stops at a quotation inside the appositive (a title).
  std::size_t b = std::min(floor, verb);
  while (b > 0 && toks_[b - 1].para == toks_[verb].para && !(sentence_end(b - 1) && outside(b - 1))) --b;
  if (b < verb && is_word(b) && in(kOpeners, word(b))) ++b;
  if (b < verb && is_word(b) && in(kPrepositionOpeners, word(b))) return {};  // "Unlike X, ..."
  std::size_t e = b;
  while (e < verb && e - b < 6 && is_cap(e) && outside(e)) ++e;
  if (e == b || e + 2 >= verb || !is_punct(e, ",") || verb - e > kLongAppositive) return {};
  bool person = false;
  for (const Mention* m : overlapping({toks_[b].b, toks_[e - 1].e})) person = person || m->type == MentionType::kPerson;
  if (!person) return {};
  for (std::size_t k = e + 1; k < verb; ++k) {
    if (!outside(k)) continue;
    if (sentence_end(k) || is_punct(k, "(")) return {};
    // "and" joins the appositive's nouns ("professor ... and author of"); other openers a clause.
    const bool opener = in(kClauseOpeners, word(k)) && word(k) != "and";
    if (is_word(k) && !is_cap(k) && (verb_like(k) || is_speech_verb(k) || opener)) return {};
  }
  return analyse_np(b, e, verb);
}

// Where a capitalised run ending right before token `e` is governed by "on", "via" or "in"
// (kPlacePrepositions) that follows the clause's subject: the preposition's token; `e` when
// there is none. The subject before it is a pronoun, a name the article knows, or stands before
// "and" ("... and on Twitter referred"); "Officials in Kyiv said" keeps its place.
std::size_t Attributor::governed_name_start(std::size_t e, std::size_t floor) const {
  std::size_t b = e;
  while (b > floor && e - b < 6 && is_cap(b - 1) && outside(b - 1)) --b;
  if (b == e || b == floor || !is_word(b - 1) || !in(kPlacePrepositions, word(b - 1))) return e;
  const std::size_t p = b - 1;
  if (p == floor) return e;
  return is_word(p - 1) && (word(p - 1) == "and" || in(kPronouns, word(p - 1))) ? p : e;
}

// The person named alone between the sentence's start or a comma and the comma at `c` or one
// of the two commas before it, each part within the appositive window ("Vian, the editor in
// chief of ..., L'Osservatore Romano, said"); undecided when there is none.
Attribution Attributor::person_through_appositives(std::size_t c, std::size_t floor, std::size_t verb) {
  for (int parts = 0; parts < 3 && c > floor; ++parts) {
    std::size_t j = c;
    while (j > floor && c - j < options_.appositive_window && !is_punct(j - 1, ",") && outside(j - 1) &&
           !sentence_end(j - 1)) {
      --j;
    }
    if (j == c || (j > floor && !is_punct(j - 1, ","))) return {};
    // "Unlike Barack Obama, the leadership ... said": a preposition's object is no subject.
    bool name_only = !(is_word(j) && in(kPrepositionOpeners, word(j)));
    for (std::size_t i = j; i < c; ++i) name_only = name_only && is_cap(i) && outside(i);
    if (name_only) {
      for (const Mention* m : overlapping({toks_[j].b, toks_[c - 1].e})) {
        if (m->type == MentionType::kPerson) return analyse_np(j, c, verb);
      }
    }
    if (j == floor) return {};
    c = j - 1;
  }
  return {};
}

Attribution Attributor::leading(const RawQuote& q, std::size_t q_index) {
  const std::size_t open = q.open_tok;
  if (open == 0) return {};
  // A block quotation that opens its paragraph after a colon ending the previous one
  // ("Cruz continued:" / "Trump said in a statement:"): its cue is that sentence.
  const bool colon_block = toks_[open - 1].para != toks_[open].para && is_punct(open - 1, ":") &&
                           outside(open - 1);
  if (toks_[open - 1].para != toks_[open].para && !colon_block) return {};
  const std::size_t floor = sentence_floor(open, q_index);
  // A subordinate clause opening the sentence ("When Trump suggested ...,") holds no cue of
  // the main clause's quotation.
  std::size_t main_from = floor;
  if (floor < open && is_word(floor) && in(kSubordinators, word(floor))) {
    std::size_t c = floor;
    while (c < open && !is_punct(c, ",")) ++c;
    if (c + 1 < open) main_from = c + 1;
  }
  // The last speech verb before the quotation; a participle ("adding that") defers to a
  // finite verb further left, and without one names the sentence's subject.
  std::optional<std::size_t> participle;
  for (std::size_t v = open; v > main_from; --v) {
    const std::size_t k = v - 1;
    if (!participle && is_word(k) && outside(k) && (in(kSubjectParticiples, word(k)) || unlisted_participle(k, open, floor)) &&
        k > floor && (is_punct(k - 1, ",") || word(k - 1) == "by")) {
      participle = k;
    }
    const bool listed = in(kSubjectParticiples, word(k));
    if (!participle && is_word(k) && outside(k) && (listed || unlisted_participle(k, open, floor)) && k > floor) {
      // "with Sen. John McCain calling it a \"...\"", "- Ryan saying he was \"...\"": the
      // participle's own subject stands right before it.
      Attribution a = absolute_subject(floor, k);
      if (a.decided) return a;
      // ("a sign reading", "a hat reading": only a listed participle after an object.)
      if (listed && object_participle(k, floor)) participle = k;
    }
    // "Cruz continued:": verbs that are speech only right before the quotation.
    const bool continued = (word(k) == "continued" || word(k) == "continues") &&
                           (k + 1 == open ||
                            (k + 2 == open && (is_punct(k + 1, ":") || is_punct(k + 1, ","))));
    // "As Akhil Amar put it, "..."": "put it" is a speech verb.
    const bool put_it = word(k) == "put" && k + 1 < open && word(k + 1) == "it" && outside(k);
    // "his wife whispered to him:", "The headline reads:": verbs that report words only right
    // after a quotation do so right before its colon too.
    const bool before_colon = is_word(k) && outside(k) &&
                              (in(kTrailingOnlyVerbs, word(k)) || in(kTrailingInvertingVerbs, word(k))) &&
                              is_punct(open - 1, ":") && open - k <= 4 && commas_before_[open] == commas_before_[k];
    if (!is_speech_verb(k) && !continued && !put_it && !before_colon && !naming_cue(k, open)) continue;
    // "Sanders was asked by host Bill Maher, \"...\"": in the passive the subject is the one
    // spoken to; the speaker is the agent after "by", or nobody the sentence names.
    if (k > floor && is_word(k - 1) && in(kBeForms, word(k - 1)) && word(k).ends_with("ed")) {
      // Unless the passive is reported by an earlier speech verb of the sentence ("The
      // spokeswoman said the leave was agreed by an advisor \"...\""): that verb is the cue.
      bool reported = false;
      for (std::size_t j = floor; j + 1 < k && !reported; ++j) reported = is_speech_verb(j);
      if (reported) continue;
      return passive_agent(k, open);
    }
    Attribution a = subject_before(infinitive_head(k, floor), floor);
    if (a.decided) {
      a.cue = Span{toks_[k].b, toks_[k].e};
      return a;
    }
    if (word(k) == "said" || word(k) == "says") {
      // "..., said X, "..."": inverted before the quotation.
      Attribution b = np_after(k, open);
      if (b.decided) return b;
    }
    return {};
  }
  if (participle) {
    Attribution a = sentence_subject(floor, *participle, true, true);
    // After an object the participle joins the sentence's verb: the subject read must stand
    // before one ("Newcastle boss Graeme Souness has ..." is not "Newcastle" with the verb "boss").
    const bool after_object = !is_punct(*participle - 1, ",") && word(*participle - 1) != "by";
    if (!after_object || verb_after_subject(a, *participle)) return a;
  }
  if (open > floor + 1 && is_punct(open - 1, ":")) {
    // "Pollsters agree - Carl Bialik: "..."", "Stated Stone: "..."": a name alone before the colon.
    Attribution a = name_before_colon(floor, open - 1);
    if (a.decided) return a;
    // "Hollande condemned the attack: "..."": the subject of the sentence the colon ends.
    return sentence_subject(floor, open - 1, true, true);
  }
  return {};
}

// The finite verb whose subject speaks through the infinitive speech verb at `k`: "The email
// went on to say:", "a paper ... had this to say about ...:", "Trump was prompted to say,"; `k`
// itself when it is no such infinitive.
std::size_t Attributor::infinitive_head(std::size_t k, std::size_t floor) const {
  static constexpr auto kHeads = std::to_array<std::string_view>(
      {"went", "goes", "go", "had", "has", "have", "was", "is", "continued", "continues"});
  if (k < floor + 2 || !is_word(k - 1) || word(k - 1) != "to") return k;
  for (std::size_t j = k - 1; j > floor && k - j <= 3; --j) {
    if (is_word(j - 1) && in(kHeads, word(j - 1))) return j - 1;
  }
  return k;
}

// Whether the participle at token `k` follows a lower-case word of its own clause: an object or
// adverb of the sentence's verb ("released a statement saying", "emailed supporters saying",
// "deflected questions before saying", "privately saying"), so the participle's subject is the
// sentence's (the participle after a comma or "by" is read in leading()).
bool Attributor::object_participle(std::size_t k, std::size_t floor) const {
  if (k < floor + 2 || !is_word(k - 1) || !outside(k - 1) || is_cap(k - 1)) return false;
  // "quoted X as saying": the one quoted speaks, not the subject.
  if (word(k - 1) == "as" || word(k - 1) == "of") return false;
  // Another clause before it may have a subject of its own ("Obama did visit, but not until the
  // week after the newspaper's editorial telling"); "and" and "as" join too much else to count.
  for (std::size_t j = floor; j + 1 < k; ++j) {
    if (!is_word(j) || !outside(j)) continue;
    const std::string w = lower(word(j));
    if (w != "and" && w != "as" && in(kClauseOpeners, w)) return false;
  }
  return true;
}

// Whether a finite verb follows the subject `a` read before the participle at token `k`: adverbs
// and auxiliaries ("also", "later", "-ly") skipped, an "-ed" form, an auxiliary, a speech verb or
// a present tense in -s ("tries", not "boss"), or an appositive's comma.
bool Attributor::verb_after_subject(const Attribution& a, std::size_t k) const {
  const std::optional<Span> subject = a.mention ? a.mention : a.description;
  if (!a.decided || !subject) return a.decided;
  std::size_t t = 0;
  while (t < k && toks_[t].b < subject->end) ++t;
  for (; t < k; ++t) {
    if (is_punct(t, ",")) return true;
    if (!is_word(t) || is_cap(t)) return false;
    const std::string_view w = word(t);
    if (verb_like(t) || is_speech_verb(t) || (w.size() > 3 && w.back() == 's' && !w.ends_with("ss"))) return true;
    if (!in(kBetween, w) && !(w.size() > 4 && w.ends_with("ly"))) return false;
  }
  return false;
}

// The agent of a passive speech verb at `k` before the quotation opening at `open` ("was asked
// by host Bill Maher, who ...,"): the name after "by", else a decided quotation without speaker.
Attribution Attributor::passive_agent(std::size_t k, std::size_t open) {
  if (k + 2 < open && is_word(k + 1) && word(k + 1) == "by") {
    Attribution a = np_after(k + 1, open);
    if (a.decided) {
      a.cue = Span{toks_[k].b, toks_[k].e};
      return a;
    }
  }
  Attribution none;
  none.decided = true;
  none.cue = Span{toks_[k].b, toks_[k].e};
  return none;
}

// Whether token `k` is a naming verb (kNamingVerbs) that introduces the quotation opening at
// `open` in the active voice: an object stands between them ("dubbed the sequel \"...\"", not
// "dubbed the \"McLibel Two\"" nor "referred to as the \"...\""); "published" needs none.
bool Attributor::naming_cue(std::size_t k, std::size_t open) const {
  if (!is_word(k) || !outside(k) || !in(kNamingVerbs, word(k))) return false;
  if (word(k) == "published") return true;
  static constexpr auto kPassiveLinks = std::to_array<std::string_view>({"to", "as", "the", "a", "an"});
  for (std::size_t j = k + 1; j < open; ++j) {
    if (is_word(j) && !in(kPassiveLinks, lower(word(j)))) return true;
  }
  return false;
}

// The first token of the sentence before the quotation opening at token `open`, bounded by the
// previous quotation of the paragraph.
std::size_t Attributor::sentence_floor(std::size_t open, std::size_t q_index) const {
  const std::size_t para = toks_[open - 1].para;
  std::size_t floor = open;
  while (floor > 0 && toks_[floor - 1].para == para && !sentence_end(floor - 1)) {
    if (toks_[floor - 1].quote >= 0 && toks_[floor - 1].quote != static_cast<int>(q_index)) break;
    --floor;
  }
  return floor;
}

// A quotation inside a sentence whose verb is not a speech verb ("Moore thanked him for
// \"...\"", "Clinton's campaign slogan is \"...\""): the sentence's subject, when it opens the
// sentence as a known name or a pronoun followed by a lower-case word; that word is the cue.
Attribution Attributor::own_sentence_subject(const RawQuote& q, std::size_t q_index) {
  const std::size_t open = q.open_tok;
  if (open == 0 || toks_[open - 1].para != toks_[open].para) return {};
  const std::size_t floor = sentence_floor(open, q_index);
  if (floor >= open) return {};
  Attribution a = sentence_subject(floor, open);
  const std::optional<Span> subject = a.speaker ? a.mention : a.description;
  if (!a.decided || !subject) return {};
  // A short phrase quoted inside a sentence that no speech cue introduces, after a described
  // subject, is a scare quote, a title or a name ("the territory has been governed under the
  // \"one country, two systems\" model", "her name was shortened to \"Doris Day\""), not words
  // the description's Source said. (Named subjects keep theirs: PolNeAR counts "Trump ... a
  // \"disaster\"" as his words.)
  // Decided without a Source: no neighbour's speaker is lent to it either.
  // A voice ("the statement cited \"calm on all sides.\"") says its words whatever its verb.
  const std::string head =
      a.description ? lower(last_word(t_.substr(a.description->start, a.description->end - a.description->start))) : "";
  const bool voice = in(kOrgVoices, head);
  if (!a.speaker && !voice && short_uncued(q, floor)) {
    Attribution none;
    none.decided = true;
    return none;
  }
  // The verb: the first lower-case word after the subject that is no part of its phrase.
  std::size_t verb = tok_at(subject->end);
  while (verb < open && (!is_word(verb) || is_cap(verb) || np_word(verb))) ++verb;
  for (std::size_t k = verb; k < open; ++k) {
    // "derided and insulted": "and" between two verbs of the subject opens no clause.
    if (word(k) == "and" && coordinated_verbs(verb, k)) continue;
    if (is_word(k) && in(kClauseOpeners, lower(word(k)))) return {};
  }
  // Verbs aimed at someone else ("accused Moscow of preparing a \"false flag operation\""):
  // their quotations are mostly scare quotes or the target's words (as in kSpeechVerbs).
  // A text speaks whatever its verb ("the statement urged voters to \"...\"", "The petition
  // accuses the campaign of \"...\""): the words quoted are its own.
  const bool text = in(kTextHeads, head);
  if (verb < open && is_word(verb) && in(kTargetVerbs, word(verb)) && !text) return {};
  if (verb < open && is_word(verb)) a.cue = Span{toks_[verb].b, toks_[verb].e};
  return a;
}

// Whether quotation `q` has fewer than kScareQuoteWords words and no speech verb or speech
// participle stands between `floor` and it ("released a statement saying \"growth is strong.\""
// has one).
bool Attributor::short_uncued(const RawQuote& q, std::size_t floor) const {
  std::size_t words = 0;
  for (std::size_t k = q.open_tok; k <= q.close_tok && k < toks_.size(); ++k) words += is_word(k) ? 1 : 0;
  if (words >= kScareQuoteWords) return false;
  for (std::size_t k = floor; k < q.open_tok; ++k) {
    if (is_speech_verb(k) || (is_word(k) && outside(k) && in(kSubjectParticiples, word(k)))) return false;
  }
  return true;
}

// A description opening a clause at token `s` as its subject ("The narrator continues", "the
// statement urged", "The town released a statement saying"): a determiner, up to five words, a
// lower-case head noun, adverbs or auxiliaries ("also", "has"), then the clause's verb (an "-ed"
// form or auxiliary, a speech verb, or a present tense in -s after a head that is not a plural).
// The token after the phrase, or `s`.
std::size_t Attributor::described_subject_end(std::size_t s, std::size_t limit, bool cued) const {
  if (s >= limit || !is_word(s) || !outside(s) || !in(kDeterminers, lower(word(s)))) return s;
  std::size_t f = s + 1;
  while (f < limit && f - s <= 6 && description_word(f)) ++f;
  f = text_head_verb(s, f);
  // Read whole, the phrase may have run over its verb ("The senator emailed supporters saying",
  // "His office put out a statement saying"): its verb is then inside it. Only where a participle
  // or colon cues the quotation: a short one after a described subject without a cue is a scare
  // quote (own_sentence_subject), and reading the verb there too turned two BBC quotations that a
  // paragraph rule had lent the right name into quotations without one (QUALITY.md).
  const auto inside = [&] {
    if (!cued) return s;
    const std::size_t v = verb_inside_phrase(s, f);
    return v > s ? v : postmodified_subject_end(s, f, limit);
  };
  if (f >= limit || f - s < 2 || f - s > 6 || !is_word(f) || is_cap(f) || is_cap(f - 1)) return inside();
  const std::string head = lower(word(f - 1));
  if (strip_possessive(head) != head) return inside();
  // Adverbs and auxiliaries before the verb: "The chancellor also said", "the report has found".
  std::size_t g = f;
  while (g < limit && is_word(g) && !is_cap(g) &&
         (in(kBetween, word(g)) || (word(g).size() > 4 && word(g).ends_with("ly")))) {
    ++g;
  }
  if (g >= limit || !is_word(g) || is_cap(g)) return inside();
  const std::string_view v = word(g);
  const bool present = v.size() > 3 && v.back() == 's' && head.back() != 's';
  const bool copula = v == "been" || v == "are" || v == "were" || v == "be";
  return verb_like(g) || is_trailing_verb(g) || present || copula ? f : inside();
}

// Whether token `k` may follow a text's verb: a determiner or "that" ("contends that", "targets
// a", "accuses the campaign"), a name ("targets Obama"), punctuation or a quotation (the tag
// after one: "..., the paper beams, adding"); not another word ("The poll workers stood").
bool Attributor::object_after(std::size_t k) const {
  if (k >= toks_.size() || !is_word(k) || !outside(k) || is_cap(k)) return true;
  static constexpr auto kMore = std::to_array<std::string_view>(
      {"that", "this", "these", "those", "our", "my", "your", "no", "every", "all", "any"});
  return is_word(k) && (in(kDeterminers, lower(word(k))) || in(kMore, lower(word(k))));
}

// A text or document speaks only by what it says, so the word after its head noun is its verb
// ("The lawsuit contends that", "The new ad targets a", "the statement urged voters to"), not a
// word of the phrase as description_word reads it: the token of that verb inside [s, f), or `f`.
// A word that a verb follows stays in the phrase ("the letter writers said").
std::size_t Attributor::text_head_verb(std::size_t s, std::size_t f) const {
  for (std::size_t j = s + 2; j < f; ++j) {
    if (!in(kTextHeads, lower(word(j - 1))) || is_cap(j)) continue;
    const std::string_view w = word(j);
    const bool present = w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && strip_possessive(w) == w;
    // "the newspaper quotes a source close to the firm": the one quoted speaks, not the text.
    if ((!present && !verb_like(j)) || in(kQuotingVerbs, w)) return f;
    // A plural after the text noun is the phrase's head ("The poll workers stood", "The survey
    // results show"): a present in -s is the text's verb only before its object.
    if (present && !verb_like(j) && !object_after(j + 1)) return f;
    const bool verb_follows = j + 1 < toks_.size() && is_word(j + 1) && (verb_like(j + 1) || is_trailing_verb(j + 1));
    return verb_follows ? f : j;
  }
  return f;
}

// Whether token `b` is a lower-case "the" before a name that a verb follows ("the NRA was
// going", "the Illinois Board of Elections was", "the Hollywood columnist Louella Parsons had
// written"), not a description's modifier ("the Tory leader will argue").
bool Attributor::the_name(std::size_t b, std::size_t limit) const {
  if (word(b) != "the" || b + 1 >= limit || !is_cap(b + 1)) return false;
  std::size_t e = b + 1;
  while (e < limit && is_cap(e) && outside(e)) ++e;
  // Role words may stand between it and a name ("the Hollywood columnist Louella Parsons").
  std::size_t r = e;
  while (r < limit && r - e < 4 && role_word(r)) ++r;
  return r < limit && (r == e || is_cap(r));
}

// How many commas of introductory phrases sentence_subject looks past for the subject.
constexpr std::size_t kIntroCommas = 3;

// A name the article knows standing alone before a colon at `colon`: the whole sentence from
// `floor` ("Cecile Richards:"), after a dash ("HEADLINE - Philip Bump:"), or after a capitalised
// speech verb ("Stated Stone:", "Continued Stone:").
Attribution Attributor::name_before_colon(std::size_t floor, std::size_t colon) {
  std::size_t b = colon;
  while (b > floor && colon - b < 6 && is_cap(b - 1) && outside(b - 1)) --b;
  // The run must open the sentence or follow a dash.
  if (b == colon || (b > floor && !is_dash(b - 1))) return {};
  std::size_t nb = b;
  const bool speech = is_word(nb) && (in(kSpeechVerbs, lower(word(nb))) || lower(word(nb)) == "continued");
  if (nb == floor && speech) ++nb;  // "Stated Stone:"
  if (nb >= colon) return {};
  if (!names_someone({toks_[nb].b, toks_[colon - 1].e})) return {};
  Attribution a = analyse_np(nb, colon, colon);
  return a.speaker ? a : Attribution{};
}

bool Attributor::names_someone(Span run) const {
  const auto found = overlapping(run);
  if (std::any_of(found.begin(), found.end(), [](const Mention* m) {
        return m->type == MentionType::kPerson || m->type == MentionType::kOrg;
      }) || text_name_overlaps(run)) {
    return true;
  }
  // A surname alone that the tagger left untagged in this sentence ("Trump leaned in and
  // boomed:") names the article's person of that surname, as named_speaker reads it.
  const std::string_view text = t_.substr(run.start, run.end - run.start);
  const std::size_t sp = text.find_last_of(" \t\n");
  return person_by_surname_.count(strip_possessive(sp == std::string_view::npos ? text : text.substr(sp + 1))) > 0;
}

// The subject of an absolute construction whose participle is token `k`: a name the article
// knows right before it (a "-ly" adverb between allowed), after "with", "and" or a dash
// ("with Gorka noting", "and Trump calling", "- Ryan saying").
Attribution Attributor::absolute_subject(std::size_t floor, std::size_t k) {
  std::size_t e = k;
  if (e > floor && is_word(e - 1) && !is_cap(e - 1) && word(e - 1).size() > 4 && word(e - 1).ends_with("ly")) --e;
  std::size_t b = e;
  while (b > floor && e - b < 6 && is_cap(b - 1) && outside(b - 1)) --b;
  if (b == e || b == floor) return {};
  const bool opener = is_dash(b - 1) || (is_word(b - 1) && (word(b - 1) == "with" || word(b - 1) == "and"));
  if (!opener) return {};
  if (!names_someone({toks_[b].b, toks_[e - 1].e})) return {};
  Attribution a = analyse_np(b, e, k);
  return a.speaker ? a : Attribution{};
}

// Whether the comma at `c` after a subject opens an appositive ("Christie, New Jersey's sitting
// governor, repeated ..."): words without a verb or quotation up to the next comma, within the
// appositive window, then a lower-case word that is not a conjunction (a list "X, Y, and Z" is
// no appositive).
bool Attributor::appositive_verb(std::size_t c, std::size_t limit) const {
  std::size_t k = c + 1;
  while (k < limit && k - c <= options_.appositive_window && !is_punct(k, ",")) {
    if (!outside(k) || toks_[k].kind == TokKind::kQuoteMark || is_punct(k, "(") || sentence_end(k)) return false;
    if (is_word(k) && !is_cap(k) && (verb_like(k) || is_speech_verb(k))) return false;
    ++k;
  }
  if (k + 1 >= limit || k == c + 1 || !is_punct(k, ",")) return false;
  const std::size_t v = k + 1;
  return is_word(v) && !is_cap(v) && outside(v) && word(v) != "and" && word(v) != "or" &&
         word(v) != "but" && !in(kSubjectParticiples, word(v)) && !in(kClauseOpeners, lower(word(v)));
}

// The subject of the sentence starting at token `floor`, for a participle at `limit`: a pronoun
// or capitalised name at the sentence start (after "Then", "And", ...) or right after an
// introductory phrase's comma (only when `intro`), followed by a lower-case word (its verb).
Attribution Attributor::sentence_subject(std::size_t floor, std::size_t limit, bool intro, bool cued) {
  std::size_t s = floor;
  // "When Trump suggested ..., Rubio fired back:": a subordinate clause in front holds no
  // subject of the main verb; start after its comma.
  // "As Blumenthal spoke, the NRA was ...": "As" opens such a clause too (a cue of its own, "As
  // Amar put it,", is read before this rule).
  if (s < limit && is_word(s) && (in(kSubordinators, word(s)) || word(s) == "As")) {
    std::size_t c = s;
    while (c < limit && !is_punct(c, ",")) ++c;
    if (c + 1 < limit) s = c + 1;
  }
  std::size_t commas_tried = 0;
  while (s < limit) {
    std::size_t b = s;
    while (b < limit && is_word(b) && outside(b) &&
           ((in(kCapFunction, word(b)) && !in(kPronouns, word(b))) || in(kBetween, word(b)) ||
            the_name(b, limit))) {
      ++b;
    }
    if (b < limit && is_word(b) && in(kPronouns, word(b)) && b + 1 < limit && is_word(b + 1) &&
        !is_cap(b + 1)) {
      return analyse_np(b, b + 1, limit);
    }
    if (const std::size_t f = described_subject_end(s, limit, cued); f > s) return analyse_np(s, f, limit);
    // The capitalised run, titles with "of" inside ("Former Secretary of State Madeleine
    // Albright").
    std::size_t e = b;
    for (;;) {
      while (e < limit && e - b < 8 && is_cap(e) && outside(e)) ++e;
      if (!(e > b && e + 1 < limit && e - b < 7 && word(e) == "of" && is_cap(e + 1) && outside(e + 1))) break;
      ++e;
    }
    // A description in front of the name: "Republican presidential front-runner Donald Trump is
    // insisting", "Band member Flea shared the news, writing".
    if (e > b) {
      std::size_t r = e;
      // ("Priebus later Thursday told", "Shortly after Murphy's call ended" are no descriptions.)
      auto role = [&](std::size_t k) {
        if (!role_word(k)) return false;
        const std::string w = lower(word(k));
        return !in(kBetween, w) && !in(kClauseOpeners, w) && w != "under" && w != "over";
      };
      while (r < limit && r - e < 4 && role(r)) ++r;
      std::size_t n = r;
      while (n < limit && n - r < 5 && is_cap(n) && outside(n)) ++n;
      // A possessive ends no subject: "Libertarian presidential candidate Gary Johnson's doctor
      // is calling the candidate \"...\"" is the doctor's.
      if (r > e && n > r && strip_possessive(word(n - 1)) == word(n - 1)) e = n;
    }
    // The name must be one the article knows ("Kicking off the day, ..." is no subject).
    const bool known = e > b && names_someone({toks_[b].b, toks_[e - 1].e});
    // Party and state in brackets between the name and its verb: "Sen. Bernie Sanders (I-Vt.)
    // on Saturday criticized ...".
    std::size_t v = e;
    if (v < limit && is_punct(v, "(")) {
      while (v < limit && v - e < 8 && !is_punct(v, ")")) ++v;
      if (v < limit && is_punct(v, ")")) ++v;
    }
    if (known && v < limit && is_word(v) && !is_cap(v) && word(v) != "of" && word(v) != "and") {
      return analyse_np(b, e, limit);
    }
    // An appositive between the name and its verb: "Christie, New Jersey's sitting governor,
    // repeated accusations ..., calling".
    if (known && v < limit && is_punct(v, ",") && appositive_verb(v, limit)) return analyse_np(b, e, limit);
    // Not a subject: try after the next comma (introductory phrases: "At a campaign event in
    // Ames, Iowa, on Sunday, Mrs. Clinton tried ..."), up to kIntroCommas of them.
    if (!intro || commas_tried++ == kIntroCommas) break;
    while (s < limit && !is_punct(s, ",")) ++s;
    ++s;
  }
  return {};
}

// The Source after "according" at token `k`, read as a name or speaker phrase up to `e`, or as
// a description ("according to the newspaper", "according to her lawyers in a court filing")
// where a determiner opens one that the speaker-phrase words cut short.
Attribution Attributor::according_np(std::size_t k, std::size_t e, std::size_t ceil) {
  std::size_t c = k + 2;
  while (c < ceil && c - k < 12 && !sentence_end(c) && !is_punct(c, ",") && outside(c)) ++c;
  const std::size_t f = described_np_end(k + 2, c);
  if (f > k + 2 && (f > e || !ends_np(f, c))) e = f;
  return analyse_np(k + 2, e, k);
}

Attribution Attributor::according_to(const RawQuote& q) {
  // "according to X" in the clause after the quotation or in the sentence before it.
  const std::size_t end = para_end(toks_, q.close_tok);
  for (std::size_t k = q.close_tok + 1; k + 2 < end; ++k) {
    if (sentence_end(k) || toks_[k].kind == TokKind::kQuoteMark) break;
    if (lower(word(k)) == "according" && word(k + 1) == "to") {
      std::size_t e = k + 2;
      while (e < end && e - k < 12 && is_word(e) && (is_cap(e) || np_word(e))) {
        ++e;
      }
      return according_np(k, e, end);
    }
  }
  std::size_t k = q.open_tok;
  while (k > 0 && toks_[k - 1].para == toks_[q.open_tok].para && !sentence_end(k - 1) &&
         toks_[k - 1].quote < 0) {
    --k;
    if (k + 2 < q.open_tok && lower(word(k)) == "according" && word(k + 1) == "to") {
      std::size_t e = k + 2;
      while (e < q.open_tok && e - k < 12 && is_word(e) &&
             (is_cap(e) || np_word(e))) {
        ++e;
      }
      return according_np(k, e, q.open_tok);
    }
  }
  return {};
}

// The speech verbs of paragraph `para` (outside quotations) that have a subject, with their
// attributions, in text order. Computed once per paragraph: a verb's subject does not depend on
// the quotation asking, and asking again for every quotation of a long paragraph was quadratic.
const std::vector<std::pair<std::size_t, Attribution>>& Attributor::paragraph_cues(
    std::size_t para, std::size_t open) {
  const auto found = paragraph_cues_.find(para);
  if (found != paragraph_cues_.end()) return found->second;
  std::vector<std::pair<std::size_t, Attribution>>& cues = paragraph_cues_[para];
  std::size_t b = open;
  while (b > 0 && toks_[b - 1].para == para) --b;
  const std::size_t e = para_end(toks_, open);
  for (std::size_t v = b; v < e; ++v) {
    if (!is_speech_verb(v)) continue;
    if (options_.stats) ++options_.stats->paragraph_cues;
    std::size_t floor = v;
    while (floor > b && !sentence_end(floor - 1) && outside(floor - 1)) --floor;
    Attribution a = subject_before(v, floor);
    if (!a.decided && in(kInvertingVerbs, word(v))) {
      std::size_t ce = v + 1;
      while (ce < e && !sentence_end(ce) && outside(ce)) ++ce;
      a = np_after(v, ce);
    }
    // "Some reported wanting ..." speaks for its own sentence only: an indefinite pronoun is no
    // Source of another sentence's quotation (Wikinews: "..., telling the Nevada Independent:").
    const std::size_t d = a.description ? tok_at(a.description->start) : 0;
    const bool indefinite =
        a.description && !a.speaker && d + 1 == tok_at(a.description->end) && in(kIndefiniteSources, lower(word(d)));
    // Still a cue decided with no Source, as before the pronoun was read: a named cue farther off
    // must not speak for the quotation ("Jane Smith said ... Another said ... \"...\"").
    if (indefinite) {
      a.description.reset();
      a.described_as.reset();
    }
    if (a.decided) cues.emplace_back(v, std::move(a));
  }
  return cues;
}

Attribution Attributor::paragraph_verb(const RawQuote& q) {
  // A speech verb anywhere in the quotation's paragraph, outside quotations, with a subject:
  // the one nearest the quotation wins, the earlier one at equal distance.
  const auto& cues = paragraph_cues(toks_[q.open_tok].para, q.open_tok);
  const auto after = std::lower_bound(
      cues.begin(), cues.end(), q.open_tok,
      [](const std::pair<std::size_t, Attribution>& c, std::size_t k) { return c.first < k; });
  if (after == cues.begin()) return after == cues.end() ? Attribution{} : after->second;
  const auto before = std::prev(after);
  if (after == cues.end() || q.open_tok - before->first <= after->first - q.open_tok) {
    return before->second;
  }
  return after->second;
}

void Attributor::collect_speech_subjects() {
  collecting_subjects_ = true;
  for (std::size_t v = 0; v < toks_.size(); ++v) {
    if (!is_speech_verb(v)) continue;
    std::size_t floor = v;
    while (floor > 0 && toks_[floor - 1].para == toks_[v].para && !sentence_end(floor - 1) &&
           outside(floor - 1)) {
      --floor;
    }
    Attribution a = subject_before(v, floor);
    // "he said Ryan.": a pronoun right before the verb is its subject (resolved later), so the
    // name after it is what was said, not an inverted speaker.
    const bool pronoun_subject = v > 0 && is_word(v - 1) && in(kPronouns, word(v - 1));
    if (!a.decided && !pronoun_subject && in(kInvertingVerbs, word(v))) {
      std::size_t ce = v + 1;
      while (ce < toks_.size() && toks_[ce].para == toks_[v].para && !sentence_end(ce) &&
             outside(ce)) {
        ++ce;
      }
      a = np_after(v, ce);
    }
    if (a.decided && a.speaker && a.type == "person" && a.mention) {
      speech_subjects_.emplace_back(*a.mention, *a.speaker);
    }
  }
  collecting_subjects_ = false;
}

}  // namespace newsidx::entities::quoting
