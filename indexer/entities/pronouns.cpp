// Pronoun resolution for quote speakers: "he said" names the nearest compatible person before it,
// preferring the story's subject, found by ordered look-ups so that it stays linear in the article.
#include "attribution.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>

namespace newsidx::entities::quoting {

// How many tokens before "it said" the text it stands for may be named (Attributor::resolve_it).
constexpr std::size_t kItWindow = 80;
// How many tokens of the sentence before a pronoun are read for "X asked Y" (asked_person).
constexpr std::size_t kAskedWindow = 60;

void Antecedents::add(Entry e, Compatible fits, bool subject_like) {
  for (const bool female : {false, true}) {
    if (!(female ? fits.female : fits.male)) continue;
    if (subject_like) sets_[female][1].insert(e);
    sets_[female][0].insert(e);
  }
}

// The person who is the subject of the sentence before the one holding pronoun token `k`
// (quotations skipped; the same or the previous paragraph), when compatible with `want`; a
// subject that is itself "he"/"she" of that gender sends the search one sentence further back.
std::optional<std::string> Attributor::previous_subject(std::size_t k, NameGender want) const {
  const std::size_t para = toks_[k].para;
  auto start_of = [&](std::size_t j) { return sentence_start_[j]; };
  std::size_t s = start_of(k);
  for (int hops = 0; hops < 3 && s > 0; ++hops) {
    const std::size_t pe = s - 1;  // the previous sentence's final token
    if (toks_[pe].para + 1 < para) return std::nullopt;
    std::size_t ps = start_of(pe);
    s = ps;
    while (ps < pe && !outside(ps)) ++ps;  // a quotation opening the sentence
    while (ps < pe && toks_[ps].kind == TokKind::kPunct) ++ps;
    while (ps < pe && is_word(ps) &&
           ((in(kCapFunction, word(ps)) && !in(kPronouns, word(ps))) || in(kBetween, word(ps)))) {
      ++ps;
    }
    if (ps >= pe || !outside(ps)) return std::nullopt;
    const std::string_view w = word(ps);
    if (w == "he" || w == "He" || w == "she" || w == "She") {
      const NameGender g = (w[0] == 'h' || w[0] == 'H') ? NameGender::kMale : NameGender::kFemale;
      if (g != want) return std::nullopt;
      continue;
    }
    // The subject: capitalised words, with descriptions between them ("Former Pennsylvania
    // governor Ed Rendell"); its person is the last one named in it.
    std::size_t e = ps;
    for (;;) {
      while (e < pe && e - ps < 10 && is_cap(e) && outside(e)) ++e;
      std::size_t r = e;
      while (r < pe && r - ps < 10 && role_word(r)) ++r;
      if (r == e || r >= pe || !is_cap(r) || !outside(r)) break;
      e = r;
    }
    if (e == ps || e >= pe || !is_word(e) || is_cap(e) || word(e) == "of" || word(e) == "and") {
      return std::nullopt;
    }
    const Span run{toks_[ps].b, toks_[e - 1].e};
    const Mention* person = nullptr;
    bool other = false;
    for (const Mention* m : overlapping(run)) {
      if (m->type == MentionType::kPerson) {
        person = m;
      } else {
        other = true;
      }
    }
    if (person != nullptr) {
      if (!compatible(person->entity, false, want)) return std::nullopt;
      return person->entity;
    }
    if (other) return std::nullopt;
    if (mentions_.empty()) {
      for (const TextName& n : text_names_) {
        if (n.span.start < run.end && n.span.end > run.start && compatible(n.name, true, want)) {
          return n.name;
        }
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

void Spoken::add(std::size_t pos, const std::string& name) {
  const std::string last = last_word(name);
  lower_to(by_last_, last, pos);
  if (name.find(' ') == std::string::npos) {
    lower_to(alone_, last, pos);
  } else {
    lower_to(by_first_last_, first_word(name) + "\n" + last, pos);
  }
}

bool Spoken::before(const std::string& name, std::size_t at) const {
  const std::string last = last_word(name);
  auto earlier = [&](const std::map<std::string, std::size_t>& m, const std::string& key) {
    const auto it = m.find(key);
    return it != m.end() && it->second < at;
  };
  if (name.find(' ') == std::string::npos) return earlier(by_last_, last);
  return earlier(alone_, last) || earlier(by_first_last_, first_word(name) + "\n" + last);
}

bool Attributor::compatible(const std::string& name, bool text_only, NameGender want) const {
  // A name whose first word is a first name of the other gender is skipped. Names found in
  // the text alone (no mention, no speaker) must have a first name of the right gender, which
  // keeps "South Carolina" and "Wall Street" out. A name whose first name tells nothing takes
  // the gender the article gave it, if any (learn_genders).
  const bool alone = first_word(name) == name;
  const NameGender g = alone ? NameGender::kUnknown : gender_of(first_word(name));
  if (g == NameGender::kUnknown && !text_only) {
    const auto learned = learned_genders_.find(name);
    if (learned != learned_genders_.end() && learned->second != want) return false;
  }
  if (alone) return !text_only;
  if (text_only) return g == want;
  return g == NameGender::kUnknown || g == want;
}

// The gender of "he"/"she" (or "himself"/"herself") standing after the person that ends before
// token `person_end` and opens the sentence of token `j`, in the same clause: no comma, other
// punctuation, quotation or other capitalised name between ("Sanders said he would", "Clinton
// told reporters she"); kUnknown otherwise. Object pronouns ("him", "her") and possessives are
// left out: "Trump attacked her" says nothing of Trump.
NameGender Attributor::pronoun_after_subject(std::size_t j, std::size_t person_end) const {
  for (std::size_t k = person_end; k < toks_.size() && k - person_end < 12; ++k) {
    if (toks_[k].para != toks_[j].para || !is_word(k) || !outside(k) || is_cap(k)) {
      return NameGender::kUnknown;
    }
    const std::string_view w = word(k);
    if (w == "he" || w == "himself") return NameGender::kMale;
    if (w == "she" || w == "herself") return NameGender::kFemale;
  }
  return NameGender::kUnknown;
}

// Fills learned_genders_ from the article (QuoteOptions::learned_genders): each person mention
// outside quotations votes by an honorific before it (two votes: "Mr. Sanders", "Ms. Ayotte")
// and, when it opens its sentence and does not end in a possessive, by the pronoun after it
// (pronoun_after_subject). A gender is learned when it has more than twice the other's votes.
void Attributor::learn_genders() {
  if (!options_.learned_genders) return;
  std::map<std::string, std::array<int, 2>> votes;  // [male, female]
  for (const Mention& m : mentions_) {
    if (m.type != MentionType::kPerson || in_quotation(m.span.start)) continue;
    const std::size_t j = tok_at(m.span.start);
    if (j == toks_.size() || toks_[j].b != m.span.start) continue;
    std::array<int, 2>& v = votes[m.entity];
    // The honorific is the mention's first word or the word before it.
    for (const std::size_t h : {j, j - 1}) {
      if (h >= toks_.size() || toks_[h].para != toks_[j].para || !is_word(h)) continue;
      const std::string_view w = word(h);
      if (w == "Mr." || w == "Mr") v[0] += 2;
      if (w == "Mrs." || w == "Ms." || w == "Mrs" || w == "Ms" || w == "Miss") v[1] += 2;
    }
    const std::size_t e = tok_at(m.span.end);  // the first token after the name
    if (e == j) continue;
    const std::string_view last = word(e - 1);
    if (last.ends_with("'s") || last.ends_with("\xE2\x80\x99s") || last.ends_with("s'")) continue;
    if (!sentence_initial(m.span.start)) continue;
    const NameGender g = pronoun_after_subject(j, e);
    if (g == NameGender::kMale) ++v[0];
    if (g == NameGender::kFemale) ++v[1];
  }
  for (const auto& [name, v] : votes) {
    if (v[0] > 2 * v[1]) learned_genders_[name] = NameGender::kMale;
    if (v[1] > 2 * v[0]) learned_genders_[name] = NameGender::kFemale;
  }
}

void Attributor::add_antecedent(Antecedents::Entry e, bool text_only, bool subject_like) {
  const Antecedents::Compatible fits{compatible(e.name, text_only, NameGender::kMale),
                                     compatible(e.name, text_only, NameGender::kFemale)};
  antecedents_.add(std::move(e), fits, subject_like);
}

// Adds `e` and, when it was named by a surname alone (`surface`), the article's other persons
// of that surname ("Ebeling" of Tom and of Betsy Ebeling, "Clinton" of Bill and of Hillary):
// the resolution picked one of them, and the pronoun's gender picks among them. The others go
// only where the resolution's pick does not fit: an entry at one position is inserted once per
// set.
void Attributor::add_with_namesakes(Antecedents::Entry e, std::string_view surface,
                                    bool text_only, bool subject_like) {
  const auto same = surface.find(' ') == std::string_view::npos
                        ? namesakes_.find(std::string(surface))
                        : namesakes_.end();
  const std::string picked = e.name;
  add_antecedent(e, text_only, subject_like);
  if (same == namesakes_.end()) return;
  for (const std::string& name : same->second) {
    if (name == picked) continue;
    e.name = name;
    add_antecedent(e, text_only, subject_like);
  }
}

void Attributor::remember_speaker(const Span& span, const Attribution& att) {
  named_so_far_.emplace_back(span, att);
  if (!att.speaker || att.type != "person") return;
  add_with_namesakes({span.start, 1, named_so_far_.size() - 1, *att.speaker},
                     t_.substr(span.start, span.end - span.start), text_only_name(*att.speaker),
                     main_clause(span.start));
  spoken_.add(span.start, *att.speaker);
}

void Attributor::index_antecedents() {
  // Candidates: speech subjects, earlier named person speakers (added as they are found),
  // person mentions outside quotations and, without mentions, names found in the text.
  // Subject-like ones (speakers, and persons opening a sentence) are tried first: "he said"
  // mostly continues the story's subject, not the last name in an object position.
  if (options_.shared_surnames) {
    for (const std::string& name : person_names_) {
      if (first_word(name) != name) namesakes_[last_word(name)].insert(name);
    }
    for (auto it = namesakes_.begin(); it != namesakes_.end();) {
      // A surname of more persons than kMaxNamesakes tells a pronoun nothing, and adding all of
      // them at each mention cost the square of their number (a hostile text of 4,000 Smiths:
      // 9.6 s).
      const std::size_t n = it->second.size();
      it = n < 2 || n > kMaxNamesakes ? namesakes_.erase(it) : std::next(it);
    }
  }
  for (std::size_t i = 0; i < speech_subjects_.size(); ++i) {
    const auto& [span, name] = speech_subjects_[i];
    add_with_namesakes({span.start, 0, i, name}, t_.substr(span.start, span.end - span.start),
                       text_only_name(name), main_clause(span.start));
    spoken_.add(span.start, name);
  }
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    const Mention& m = mentions_[i];
    if (m.type != MentionType::kPerson || in_quotation(m.span.start)) continue;
    add_with_namesakes({m.span.start, 2, i, m.entity}, m.text, false, sentence_initial(m.span.start));
  }
  if (!mentions_.empty()) return;
  for (std::size_t i = 0; i < text_names_.size(); ++i) {
    const TextName& n = text_names_[i];
    add_antecedent({n.span.start, 3, i, n.name}, true, sentence_initial(n.span.start));
  }
}

// Whether the name starting at token `j` is the subject of a subordinate clause ("When Maddow
// pointed out ..., Clinton seized upon", "Ryan did not exude confidence when Tapper asked"): the
// words before it, past capitalised ones (titles, first names), are a subordinating conjunction.
// Such a subject is not the one a following "he"/"she" continues.
bool Attributor::subordinate_subject(std::size_t j) const {
  static constexpr auto kSubordinateOpeners = std::to_array<std::string_view>(
      {"when", "while", "although", "though", "because", "if", "since", "until", "once",
       "whether", "whereas", "unless"});
  std::size_t i = j;
  while (i > 0 && j - i < 6 && toks_[i - 1].para == toks_[j].para && is_cap(i - 1) &&
         !sentence_end(i - 1) && !in(kSubordinateOpeners, lower(word(i - 1)))) {
    --i;
  }
  return i > 0 && toks_[i - 1].para == toks_[j].para && is_word(i - 1) &&
         in(kSubordinateOpeners, lower(word(i - 1)));
}

// Whether a speaker named at `byte` may be taken first by "he"/"she": not one of a subordinate
// clause (see subordinate_subject).
bool Attributor::main_clause(std::size_t byte) const {
  const std::size_t j = tok_at(byte);
  return !options_.subordinate_subjects || j == toks_.size() || !subordinate_subject(j);
}

// Whether the name starting at `byte` opens its sentence, after titles and descriptions ("Sen.
// Ted Cruz", "Former Pennsylvania governor Ed Rendell") or an introductory phrase ("Asked
// whether ..., Ban declined"), or is the topic of "As for Trump, he said".
bool Attributor::sentence_initial(std::size_t byte) const {
  const std::size_t j = tok_at(byte);
  if (j == toks_.size() || j == 0) return true;
  if (toks_[j - 1].para != toks_[j].para) return true;
  if (options_.subordinate_subjects && subordinate_subject(j)) return false;
  for (std::size_t i = j; i-- > 0 && j - i <= 8;) {
    if (sentence_end(i) || toks_[i].para != toks_[j].para) return true;
    if (is_punct(i, ",")) {
      const std::size_t s0 = sentence_start_[i];
      const bool intro = s0 < i && is_word(s0) && in(kCapFunction, word(s0)) &&
                         !in(kPronouns, word(s0));
      return intro && commas_before_[i] == commas_before_[s0];
    }
    if (i >= 1 && word(i) == "for" && word(i - 1) == "As" &&
        (i == 1 || sentence_end(i - 2) || toks_[i - 2].para != toks_[i].para)) {
      return true;
    }
    if (!is_cap(i) && !role_word(i)) return false;
  }
  return false;
}

// Whether the candidate at `byte` stands in the paragraph `para` or one of the two before it.
bool Attributor::near_para(std::size_t byte, std::size_t para) const {
  const std::size_t j = tok_at(byte);
  return j != toks_.size() && toks_[j].para + 2 >= para;
}

// Precise mode: another person than `best` among the subject-like candidates of this and the
// two previous paragraphs makes the pronoun ambiguous.
bool Attributor::rival_nearby(const Antecedents::Set& s, Antecedents::Set::const_iterator last,
                              const std::string& best, std::size_t para) const {
  for (auto it = last;; --it) {
    if (options_.stats) ++options_.stats->candidates;
    if (!near_para(it->pos, para)) return false;
    if (!same_person(it->name, best)) return true;
    if (it == s.begin()) return false;
  }
}

// Pronoun margin: another compatible person named less than the margin before `best` makes the
// pronoun ambiguous, unless `best` is the subject of the sentence before, or the only one of the
// two who has spoken so far.
bool Attributor::rival_within_margin(std::size_t k, NameGender want, const Antecedents::Set& s,
                                     Antecedents::Set::const_iterator last,
                                     const Antecedents::Entry& best, bool subjects_only) const {
  const std::optional<std::string> prev = previous_subject(k, want);
  if (prev && same_person(*prev, best.name)) return false;
  const std::size_t at = toks_[k].b;
  const bool best_spoke = spoken_.before(best.name, at);
  for (auto it = last;; --it) {
    if (options_.stats) ++options_.stats->candidates;
    if (best.pos - it->pos >= options_.pronoun_margin) return false;
    if (subjects_only && !near_para(it->pos, toks_[k].para)) return false;
    if (!same_person(it->name, best.name) && !(best_spoke && !spoken_.before(it->name, at))) {
      return true;
    }
    if (it == s.begin()) return false;
  }
}

Attribution Attributor::resolve_pronoun(std::size_t k, std::size_t verb) {
  Attribution a;
  a.decided = true;
  a.cue = Span{toks_[verb].b, toks_[verb].e};
  const std::string pw = strip_possessive(word(k));  // "He's" is "He"
  const std::string_view p = pw;
  if (p == "it" || p == "It") return resolve_it(k, verb, a);
  if (p != "he" && p != "she" && p != "He" && p != "She") return a;  // I, we, they: unnamed
  if (collecting_subjects_) return Attribution{};
  if (options_.stats) ++options_.stats->pronouns;
  const NameGender want = (p[0] == 'h' || p[0] == 'H') ? NameGender::kMale : NameGender::kFemale;
  const bool female = want == NameGender::kFemale;
  const std::size_t at = toks_[k].b;
  // The nearest compatible candidate before the pronoun: first among the subject-like ones of
  // this or the previous two paragraphs, then (not in precise mode) among all.
  const Antecedents::Set* set = nullptr;
  Antecedents::Set::const_iterator last;
  bool subjects_only = true;
  for (int pass = 0; pass < (options_.precise ? 1 : 2) && set == nullptr; ++pass) {
    subjects_only = pass == 0;
    const Antecedents::Set& s = antecedents_.set(female, subjects_only);
    last = Antecedents::last_before(s, at);
    if (last == s.end()) continue;
    if (options_.stats) ++options_.stats->candidates;
    // Paragraph numbers grow with the position: when the nearest is too far, all are.
    if (subjects_only && !near_para(last->pos, toks_[k].para)) continue;
    set = &s;
  }
  if (options_.asked_persons) {
    if (std::optional<std::string> asked = asked_person(k, want)) {
      a.speaker = std::move(*asked);
      a.type = "person";
      a.mention = Span{toks_[k].b, toks_[k].e};
      return a;
    }
  }
  if (set == nullptr) return a;
  last = Antecedents::first_at(*set, last);
  // "he told Hannity": a person named after the pronoun in its own sentence is not its referent.
  const std::vector<std::string> objects = named_later_in_sentence(k);
  while (!objects.empty() && std::any_of(objects.begin(), objects.end(), [&](const std::string& o) {
           return same_person(o, last->name);
         })) {
    if (last == set->begin()) return a;
    --last;
    if (subjects_only && !near_para(last->pos, toks_[k].para)) return a;
  }
  const Antecedents::Entry& best = *last;
  if (options_.precise && rival_nearby(*set, last, best.name, toks_[k].para)) return a;
  if (options_.pronoun_margin > 0 &&
      rival_within_margin(k, want, *set, last, best, subjects_only)) {
    return a;
  }
  a.speaker = best.name;
  // Without mentions, prefer the fullest spelling of the same person the article offers.
  const auto full = mentions_.empty() ? fullest_.find(last_word(best.name)) : fullest_.end();
  if (full != fullest_.end() && full->second.size() > a.speaker->size()) a.speaker = full->second;
  a.type = "person";
  a.mention = Span{toks_[k].b, toks_[k].e};
  return a;
}

// "It said", "it reads", "\"...,\" it added": a text or organisation described just before
// ("The email includes a photo ... At the bottom it reads,", "the memo stated. It added,") is
// what "it" stands for; the quotation's Source is then that description, read at the pronoun
// (`speaker_mention` the pronoun, `speaker_description` the description). Only with a speech
// verb, and only a description whose head is a text or organisation noun (kTextHeads) within
// this or the previous paragraph, the nearest first; otherwise `a` unchanged (no Source).
Attribution Attributor::resolve_it(std::size_t k, std::size_t verb, Attribution a) const {
  if (!is_after_quote_verb(verb)) return a;
  const std::size_t para = toks_[k].para;
  for (std::size_t j = k; j-- > 0 && k - j < kItWindow && toks_[j].para + 1 >= para;) {
    if (!is_word(j) || !outside(j) || is_cap(j)) continue;
    const std::string head = lower(word(j));
    const bool text = in(kTextHeads, head);
    if (!text && !in(kOrgNounHeads, head)) continue;
    // The head ends its phrase: not "the campaign manager".
    if (j + 1 < toks_.size() && is_word(j + 1) && !is_cap(j + 1) && description_word(j + 1) &&
        !is_after_quote_verb(j + 1)) {
      continue;
    }
    // The determiner opening its phrase, with only words of the phrase between ("the staff
    // letter", "its Amazon summary").
    std::size_t d = j;
    while (d > 0 && j - d < 4 && is_word(d - 1) && outside(d - 1) &&
           !in(kDeterminers, lower(word(d - 1))) && description_word(d - 1)) {
      --d;
    }
    if (d == 0 || !is_word(d - 1) || !in(kDeterminers, lower(word(d - 1)))) continue;
    // A subject, as "it" is, or a text put out ("putting out a statement ... it said"): not an
    // organisation as an object ("paid the Jefferies firm") nor a preposition's object ("said
    // in a letter to employees").
    const std::size_t before = d - 1;
    const bool opens = before == 0 || sentence_start_[before] == before || !is_word(before - 1) ||
                       in(kClauseOpeners, lower(word(before - 1)));
    const bool preposition = before > 0 && is_word(before - 1) && in(kNpStop, lower(word(before - 1)));
    if (!opens && (!text || preposition)) continue;
    a.description = Span{toks_[k].b, toks_[k].e};
    a.described_as = Span{toks_[d - 1].b, toks_[j].e};
    return a;
  }
  return a;
}

// "Conroy asked Sanders whether questions about his age were fair game. \"Sure it is,\" he
// said.": the person asked in the sentence before the one of pronoun token `k` (quotation-only
// sentences skipped, same paragraph or the one before) answers, when compatible with the pronoun.
std::optional<std::string> Attributor::asked_person(std::size_t k, NameGender want) const {
  const std::size_t s = sentence_start_[k];
  if (s == 0) return std::nullopt;
  std::size_t pe = s - 1;
  // Sentences that are quotations alone are skipped (the question itself).
  for (int hops = 0; hops < 2 && pe > 0; ++hops) {
    const std::size_t ps = sentence_start_[pe];
    if (toks_[pe].para + 1 < toks_[k].para) return std::nullopt;
    // Both scans stop after kAskedWindow tokens, so that a long sentence costs no more per pronoun.
    bool words_outside = false;
    for (std::size_t j = ps; j <= pe && j - ps < kAskedWindow; ++j) {
      words_outside = words_outside || (is_word(j) && outside(j));
    }
    if (!words_outside) {
      if (ps == 0) return std::nullopt;
      pe = ps - 1;
      continue;
    }
    for (std::size_t j = ps + 1; j + 1 <= pe && j - ps < kAskedWindow; ++j) {
      if (!is_word(j) || !outside(j) || (word(j) != "asked" && word(j) != "pressed")) continue;
      for (const Mention* m : overlapping(Span{toks_[j + 1].b, toks_[j + 1].e})) {
        if (m->type == MentionType::kPerson && compatible(m->entity, false, want)) return m->entity;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// The persons named right after pronoun token `k`, in its clause and outside quotations ("he
// told Hannity", "she said of Trump"): none of them is the pronoun's referent.
std::vector<std::string> Attributor::named_later_in_sentence(std::size_t k) const {
  std::vector<std::string> out;
  if (!options_.object_exclusion) return out;
  std::size_t e = k + 1;
  // The pronoun's own clause, up to the first punctuation and a few words on: the verb and its
  // object ("he told Hannity", "she said of Trump"), not a later clause.
  while (e < toks_.size() && toks_[e].para == toks_[k].para && e - k < 5 && is_word(e)) ++e;
  if (e <= k + 1) return out;
  for (const Mention* m : overlapping(Span{toks_[k].e, toks_[e - 1].e})) {
    if (m->type == MentionType::kPerson && !in_quotation(m->span.start)) out.push_back(m->entity);
  }
  return out;
}

// Whether `w` is a short form of `full`: "Fla." and "R-Fla." of "Florida", "Vt." of "Vermont"
// (first letter equal, the other letters in order).

}  // namespace newsidx::entities::quoting
