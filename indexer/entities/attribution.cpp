// Quote attribution: names found in the text, speaker noun phrases resolved to the article's
// entities, and the order in which the rules attribute each quotation.
#include "attribution.hpp"

#include <algorithm>
#include <vector>

namespace newsidx::entities::quoting {
namespace {

// A description longer than this is a clause the cue rules misread, not a Source.
constexpr std::size_t kMaxDescriptionTokens = 10;
// How far before a quotation another person named in its paragraph keeps a later speaker from
// being lent to it (share_within_paragraphs): a few sentences.
constexpr std::size_t kLendLookBack = 1000;

// Words before the determiner that are not part of the description ("But a spokesman said").
constexpr auto kLeadingConjunctions = std::to_array<std::string_view>({"but", "and", "yet", "so"});
// Last words that end no description: a phrase cut short ("the former", "director of").
constexpr auto kNotAHead = std::to_array<std::string_view>(
    {"the", "a", "an", "one", "another", "of", "for", "former", "other", "and", "or", "to",
     "in", "on", "at", "with", "by", "from", "new", "top", "senior", "chief", "said", "says",
     "others", "this", "these", "those", "his", "its", "news", "yes",
     // adverbs of time and place after a name: "the Chemical Brothers now confirmed"
     "now", "today", "yesterday", "tonight", "here", "there", "again", "already", "still", "too"});

// Capitalised heads that describe rather than name a Source after a determiner.
constexpr auto kDescribingCaps = std::to_array<std::string_view>(
    {"President", "Democrat", "Democrats", "Republican", "Republicans", "Senator", "Governor",
     "Secretary", "Minister", "Chancellor", "Speaker", "Pope", "Mayor", "Ambassador"});

// `s` with every run of white space made one space.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

namespace {
// How many person mentions before "the senator said" may be what it refers to (resolve_description).
constexpr std::size_t kDescriptionCandidates = 256;
}  // namespace

void Attributor::index_mentions() {
  by_start_.resize(mentions_.size());
  for (std::size_t i = 0; i < mentions_.size(); ++i) {
    by_start_[i] = i;
    const Mention& m = mentions_[i];
    longest_mention_ = std::max(longest_mention_, m.span.end - std::min(m.span.start, m.span.end));
    if (m.type == MentionType::kPerson) person_by_surname_.emplace(last_word(m.entity), &m);
    if (m.type == MentionType::kOrg) {
      org_by_phrase_.emplace(m.text, &m);
      org_by_phrase_.emplace(m.entity, &m);
    }
  }
  std::stable_sort(by_start_.begin(), by_start_.end(), [&](std::size_t a, std::size_t b) {
    return mentions_[a].span.start < mentions_[b].span.start;
  });
}

std::vector<const Mention*> Attributor::overlapping(Span s) const {
  const std::size_t from = s.start > longest_mention_ ? s.start - longest_mention_ : 0;
  auto it = std::lower_bound(by_start_.begin(), by_start_.end(), from,
                             [&](std::size_t i, std::size_t v) { return mentions_[i].span.start < v; });
  std::vector<std::size_t> found;
  for (; it != by_start_.end() && mentions_[*it].span.start < s.end; ++it) {
    if (options_.stats) ++options_.stats->mentions;
    if (mentions_[*it].span.end > s.start) found.push_back(*it);
  }
  std::sort(found.begin(), found.end());
  std::vector<const Mention*> out;
  out.reserve(found.size());
  for (const std::size_t i : found) out.push_back(&mentions_[i]);
  return out;
}

bool Attributor::text_name_overlaps(Span s) const {
  // Names found in the text are disjoint and in text order.
  auto it = std::lower_bound(text_names_.begin(), text_names_.end(), s.start,
                             [](const TextName& n, std::size_t v) { return n.span.end <= v; });
  return it != text_names_.end() && it->span.start < s.end && it->span.end > s.start;
}

void Attributor::collect_text_names() {
  // Runs of 2-3 capitalised words outside quotations, titles stripped, no organisation words,
  // not starting a sentence with a function word: a crude person finder for the fallback.
  std::set<std::string> lone_words;  // capitalised words standing alone: surnames used alone
  for (std::size_t j = 1; j + 1 < toks_.size(); ++j) {
    if (is_cap(j) && outside(j) && !is_cap(j - 1) && !is_cap(j + 1) && !sentence_end(j - 1) &&
        toks_[j - 1].kind != TokKind::kQuoteMark) {
      lone_words.insert(strip_possessive(word(j)));
    }
  }
  std::size_t k = 0;
  while (k < toks_.size()) {
    if (!is_cap(k) || !outside(k)) {
      ++k;
      continue;
    }
    std::size_t run_end = k;
    while (run_end < toks_.size() && is_cap(run_end) && outside(run_end) &&
           toks_[run_end].para == toks_[k].para) {
      ++run_end;
    }
    std::size_t e = run_end;
    std::size_t b = k;
    while (b < e && in(kCapFunction, word(b))) ++b;
    const std::size_t titled_from = b;
    while (b < e && in(kTitles, word(b))) ++b;
    // A title in front ("Sen. Ted Cruz") or the surname used alone elsewhere ("Cruz said")
    // makes a run a person; otherwise "South Carolina" or "Wall Street" would be one.
    const bool titled = b > titled_from || (k > 0 && is_word(k - 1) && in(kTitles, word(k - 1)));
    while (e > b && in(kDates, word(e - 1))) --e;
    bool org = false;
    for (std::size_t j = b; j < e; ++j) org = org || in(kOrgWords, word(j));
    const bool possessive_inside =
        [&] {
          for (std::size_t j = b; j + 1 < e; ++j) {
            if (strip_possessive(word(j)) != word(j)) return true;
          }
          return false;
        }();
    const bool person_like =
        e > b && (titled || lone_words.count(strip_possessive(word(e - 1))) > 0 ||
                  (e - b >= 2 && gender_of(word(b)) != NameGender::kUnknown));
    if (!org && !possessive_inside && person_like && e - b >= 2 && e - b <= 3) {
      std::string name;
      for (std::size_t j = b; j < e; ++j) {
        if (!name.empty()) name += ' ';
        name += j + 1 == e ? strip_possessive(word(j)) : std::string(word(j));
      }
      text_names_.push_back({name, {toks_[b].b, toks_[e - 1].e}});
    }
    k = run_end;
  }
  // The fullest spelling of each surname the text offers: the first of the longest.
  for (const TextName& n : text_names_) {
    std::string& full = fullest_[last_word(n.name)];
    if (n.name.size() > full.size()) full = n.name;
  }
}

bool Attributor::person_between(std::size_t from_byte, std::size_t to_byte,
                                const std::string& except) const {
  const std::string except_last = last_word(except);
  auto it = std::lower_bound(by_start_.begin(), by_start_.end(), from_byte,
                             [&](std::size_t i, std::size_t v) { return mentions_[i].span.start < v; });
  for (; it != by_start_.end() && mentions_[*it].span.start <= to_byte; ++it) {
    const Mention& m = mentions_[*it];
    if (m.type != MentionType::kPerson) continue;
    if (m.span.end <= to_byte && m.entity != except) return true;
  }
  auto n = std::lower_bound(text_names_.begin(), text_names_.end(), from_byte,
                            [](const TextName& t, std::size_t v) { return t.span.start < v; });
  for (; n != text_names_.end() && n->span.start <= to_byte; ++n) {
    if (n->span.end <= to_byte && last_word(n->name) != except_last) return true;
  }
  return false;
}

Attribution Attributor::resolve_description(std::size_t b, std::size_t e, std::size_t verb) {
  Attribution a;
  a.decided = true;
  a.cue = Span{toks_[verb].b, toks_[verb].e};
  if (e <= b + 1 || lower(word(b)) != "the") return a;
  const std::string head = lower(word(e - 1));
  const DescriptionHead* dh = nullptr;
  for (const DescriptionHead& d : kDescriptionHeads) {
    if (d.head == head) dh = &d;
  }
  if (dh == nullptr) return a;
  std::vector<std::string> modifiers;
  for (std::size_t j = b + 1; j + 1 < e; ++j) {
    if (is_cap(j) && !in(kCapFunction, word(j))) modifiers.push_back(strip_possessive(word(j)));
  }
  auto tok_index = [&](std::size_t byte) {
    const auto it = std::lower_bound(toks_.begin(), toks_.end(), byte,
                                     [](const Tok& tk, std::size_t v) { return tk.b < v; });
    return static_cast<std::size_t>(it - toks_.begin());
  };
  std::map<std::string, bool> matched;  // entity -> a modifier stands near one of its mentions
  const std::size_t limit = toks_[b].b;
  // The person mentions before the description, nearest first (by_start_ orders them by
  // position), at most kDescriptionCandidates of them: an article names far fewer people, and the
  // bound keeps a text of thousands of descriptions linear (issue 15: it was quadratic).
  const auto before = std::lower_bound(by_start_.begin(), by_start_.end(), limit,
                                       [&](std::size_t i, std::size_t v) { return mentions_[i].span.start < v; });
  std::size_t examined = 0;
  for (auto it = before; it != by_start_.begin() && examined < kDescriptionCandidates;) {
    const Mention& m = mentions_[*--it];
    if (m.type != MentionType::kPerson || m.span.end > limit) continue;
    ++examined;
    if (options_.stats) ++options_.stats->descriptions;
    const std::size_t mb = tok_index(m.span.start);
    const std::size_t me = tok_index(m.span.end);
    if (mb >= toks_.size() || !outside(mb)) continue;
    bool fits = false;
    for (std::size_t j = mb + 1; j < me; ++j) {  // the mention may include its title
      for (std::string_view title : dh->titles) {
        fits = fits || (!title.empty() && word(j - 1) == title);
      }
    }
    for (std::size_t j = mb; j-- > 0 && mb - j <= 4 && toks_[j].para == toks_[mb].para;) {
      for (std::string_view title : dh->titles) {
        fits = fits || (!title.empty() && word(j) == title);
      }
    }
    bool modifier_near = false;
    // The head word just before the name or in an appositive after it ("Trump, the
    // businessman"); a modifier just before it or in brackets after it ("Texas Sen. Ted
    // Cruz", "Bernie Sanders (I-Vt.)").
    const std::size_t lo = mb > 4 ? mb - 4 : 0;
    const std::size_t hi = std::min(toks_.size(), me + 8);
    for (std::size_t j = lo; j < hi; ++j) {
      if (toks_[j].para != toks_[mb].para || !is_word(j)) continue;
      if (lower(word(j)) == head && (j + 3 >= mb || j >= me)) fits = true;
      if (j >= me + 5) continue;
      // Before the name only a modifier joined to it by titles counts ("Texas Sen. Ted Cruz"),
      // not one that belongs to the previous name ("Sanders (I-Vt.) and Sen. Ted Cruz").
      bool joined = true;
      for (std::size_t i = j + 1; i < mb; ++i) joined = joined && is_word(i) && in(kTitles, word(i));
      if (j < mb && !joined) continue;
      for (const std::string& mod : modifiers) {
        modifier_near = modifier_near || word(j) == mod || abbreviates(word(j), mod);
      }
    }
    if (!fits) continue;
    bool& near = matched[m.entity];
    near = near || modifier_near;
  }
  std::vector<std::string> names;
  for (const auto& [entity, near] : matched) {
    if (near) names.push_back(entity);
  }
  if (names.empty()) {
    for (const auto& [entity, near] : matched) names.push_back(entity);
  }
  if (names.size() != 1) return a;
  a.speaker = names.front();
  a.type = "person";
  a.mention = Span{toks_[b].b, toks_[e - 1].e};
  return a;
}

// "Sen. Sherrod Brown of Ohio said": the person before "of", not the place after it. Moves the
// phrase's end `e` and its last capitalised run [rb, re) to the name before "of" when the run
// after it is no person and the one before is a person or titled.
void Attributor::person_before_of(std::size_t b, std::size_t& e, std::size_t& rb,
                                  std::size_t& re) const {
  if (!(rb >= b + 2 && rb < re && word(rb - 1) == "of" && is_cap(rb - 2) && re == e)) return;
  auto person_at = [&](std::size_t from, std::size_t to) {
    const auto found = overlapping({toks_[from].b, toks_[to - 1].e});
    return std::any_of(found.begin(), found.end(),
                       [](const Mention* m) { return m->type == MentionType::kPerson; });
  };
  std::size_t pb = rb - 1;
  while (pb > b && is_cap(pb - 1)) --pb;
  bool titled = false;
  for (std::size_t j = pb; j < rb - 1; ++j) titled = titled || in(kTitles, word(j));
  if (!person_at(rb, re) && (person_at(pb, rb - 1) || titled)) {
    e = rb - 1;
    re = e;
    rb = pb;
    while (rb < re && in(kCapFunction, word(rb))) ++rb;
  }
}

// A speaker phrase [b, e) without a name: a description of a person named earlier ("the Vermont
// senator"), the organisation of the previous statement ("the statement added"), or nobody
// ("a senior official", "officials").
Attribution Attributor::unnamed_np(std::size_t b, std::size_t e, std::size_t verb,
                                   const std::string& head, Attribution a) {
  if (head != "statement") {
    Attribution d = resolve_description(b, e, verb);
    if (d.speaker) return d;
  }
  if (head == "statement" || head == "department" || head == "ministry" || head == "campaign") {
    // "the statement added": the organisation that issued the previous statement.
    for (auto it = named_so_far_.rbegin(); it != named_so_far_.rend(); ++it) {
      if (it->second.type == "org" && toks_[verb].b - it->first.start < 3000) {
        a.speaker = it->second.speaker;
        a.type = "org";
        a.mention = Span{toks_[b].b, toks_[e - 1].e};
        return a;
      }
    }
  }
  return a;
}

// Analyses the speaker noun phrase tokens [b, e) of a cue `verb`. A phrase that names nobody
// ("a senior State Department official", "the spokesman") is kept as the Source's description.
Attribution Attributor::analyse_np(std::size_t b, std::size_t e, std::size_t verb) {
  if (b >= e) return {};
  // "Unlike Barack Obama, the leadership ... said": a preposition's object is no Source.
  if (is_word(b) && in(kPrepositionOpeners, word(b))) return {};
  // "he", and "He's said" (a contraction, read as the pronoun).
  if (e - b == 1 && (in(kPronouns, word(b)) || in(kPronouns, strip_possessive(word(b))) ||
                     word(b) == "It")) {
    return resolve_pronoun(b, verb);
  }
  // A day or month after the name is the time of the statement: "said Trump Tuesday".
  while (e > b && in(kDates, word(e - 1))) --e;
  if (b >= e) return {};
  Attribution a = analyse_phrase(b, e, verb);
  if (a.decided && !a.speaker && !a.description) a.description = description_of(b, e);
  return a;
}

// The part of a speaker phrase [b, e) that stands as a description of its Source, if any: a
// whole noun phrase outside quotations, opened by a determiner ("a senior State Department
// official", "the spokesman", "one trader") or a bare plural ("officials"), and ending in a
// lower-case noun. Phrases the cue rules cut short ("the", "EEF chief" of "said EEF chief
// economist, Steve Radley") and names ("Mr. King") are not descriptions. Read on PolNeAR
// train and BBC news.
std::optional<Span> Attributor::description_of(std::size_t b, std::size_t e) const {
  while (b < e && is_word(b) && in(kLeadingConjunctions, lower(word(b)))) ++b;
  if (b >= e || e - b > kMaxDescriptionTokens) return std::nullopt;
  for (std::size_t k = b; k < e; ++k) {
    if (!outside(k) || toks_[k].kind == TokKind::kQuoteMark) return std::nullopt;
  }
  if (!is_word(b) || !is_word(e - 1)) return std::nullopt;
  const bool determiner = in(kDeterminers, lower(word(b)));
  // A capitalised head is a name, except a title or party after a determiner ("the President",
  // "one senior Democrat", "the Republican"), which describes its Source as a lower-case one does.
  if (is_cap(e - 1) && !(determiner && in(kDescribingCaps, word(e - 1)))) return std::nullopt;
  const std::string last = lower(word(e - 1));
  if (in(kNotAHead, last) || strip_possessive(last) != last) return std::nullopt;
  const bool bare_plural = e - b == 1 && last.size() > 3 && last.back() == 's' && last[last.size() - 2] != 's';
  if (!(determiner && e - b >= 2) && !bare_plural) return std::nullopt;
  return Span{toks_[b].b, toks_[e - 1].e};
}

// The speaker phrase [b, e) of a cue `verb`, its pronoun and dates already handled.
Attribution Attributor::analyse_phrase(std::size_t b, std::size_t e, std::size_t verb) {
  Attribution a;
  a.decided = true;
  a.cue = Span{toks_[verb].b, toks_[verb].e};
  // The last capitalised run of the phrase, and the phrase's head (its last word).
  std::size_t re = e;
  while (re > b && !is_cap(re - 1)) --re;
  std::size_t rb = re;
  while (rb > b && is_cap(rb - 1)) --rb;
  while (rb < re && in(kCapFunction, word(rb))) ++rb;
  person_before_of(b, e, rb, re);
  // A document or a part of one ("The 14th Amendment states:", "Article 2, Section 1 sets ...:")
  // is a described Source at most, never a named speaker.
  if (re > rb && (in(kDocumentWords, word(rb)) || in(kDocumentWords, word(re - 1)))) {
    a.description = Span{toks_[b].b, toks_[e - 1].e};
    return a;
  }
  const std::string head = lower(word(e - 1));
  if (re == rb) return unnamed_np(b, e, verb, head, a);
  const bool name_is_head = re == e;
  const bool org_voice = !name_is_head && re + 1 == e && in(kOrgVoices, head);
  const bool org_head = !name_is_head && re + 1 == e && in(kOrgHeads, head);
  if (!name_is_head && !org_voice && !org_head) {
    return resolve_description(b, e, verb);  // "a State Department official": none
  }
  // Titles in front are not the name, unless the run is an organisation ("State Department").
  bool org = org_voice || org_head;
  for (std::size_t j = rb; j < re; ++j) org = org || in(kOrgWords, word(j));
  std::size_t nb = rb;
  if (!org) {
    // After an honorific the next word is the surname, even one that is a title elsewhere
    // ("Mr. King", "Mr. Prince").
    bool after_honorific = false;
    while (nb + 1 < re && in(kTitles, word(nb))) {
      after_honorific = in(kHonorifics, word(nb));
      ++nb;
      if (after_honorific) break;
    }
    if (!after_honorific && in(kTitles, word(nb))) return a;  // "the President said": no name
  }
  const Span run{toks_[nb].b, toks_[re - 1].e};
  // A mention overlapping the run's head names the speaker.
  const Mention* best = nullptr;
  const Mention* other = nullptr;  // a place or nationality mention covering the run
  for (const Mention* m : overlapping(run)) {
    if (m->type != MentionType::kPerson && m->type != MentionType::kOrg) {
      if (m->span.start <= run.start && m->span.end >= run.end) other = m;
      continue;
    }
    if (!best || m->span.end > best->span.end) best = m;
  }
  if (!best && other) {
    // A country speaks for its government ("Japan said"); a town, region or nationality that
    // the tagger found is not a speaker ("Hispanic", "Conn."), so the quotation stays open.
    if (other->type != MentionType::kCountry) return Attribution{};
    if (!org_voice && !org_head) {
      a.speaker = other->entity;
      a.type = "org";
      a.mention = run;
      return a;
    }
  }
  std::string phrase;
  for (std::size_t j = nb; j < re; ++j) {
    if (!phrase.empty()) phrase += ' ';
    phrase += j + 1 == re ? strip_possessive(word(j)) : std::string(word(j));
  }
  if (org_head) phrase += " " + head;
  a.mention = run;
  return named_speaker(std::move(a), phrase, org, org_head ? nullptr : best);
}

// The speaker named by `phrase` (a name run, or an organisation when `org`): the entity of the
// `mention` overlapping it, else the phrase as an organisation, else a person mention or an
// organisation mention that the phrase names, else the phrase itself (in its fullest spelling
// found in the text).
Attribution Attributor::named_speaker(Attribution a, const std::string& phrase, bool org,
                                      const Mention* mention) const {
  if (mention != nullptr) {
    a.speaker = mention->entity;
    a.type = mention->type == MentionType::kPerson ? "person" : "org";
    return a;
  }
  if (org) {
    a.speaker = phrase;
    a.type = "org";
    return a;
  }
  // A person the mention list may know by a fuller name: same surname.
  const std::string surname = last_word(phrase);
  if (const auto p = person_by_surname_.find(surname); p != person_by_surname_.end()) {
    a.speaker = p->second->entity;
    a.type = "person";
    return a;
  }
  // The first organisation mention whose text or entity is the phrase.
  if (const auto o = org_by_phrase_.find(phrase); o != org_by_phrase_.end()) {
    a.speaker = o->second->entity;
    a.type = "org";
    return a;
  }
  a.speaker = phrase;
  const auto full = fullest_.find(surname);
  if (full != fullest_.end() && full->second.size() > a.speaker->size()) a.speaker = full->second;
  a.type = "person";
  return a;
}

std::vector<Quote> Attributor::run() {
  if (raw_.empty()) return {};
  collect_speech_subjects();
  learn_genders();
  index_antecedents();
  std::vector<Attribution> att(raw_.size());
  // Direct rules, in text order so that pronouns and "the statement" see earlier speakers.
  for (std::size_t q = 0; q < raw_.size(); ++q) {
    att[q] = trailing(raw_[q]);
    att[q].rule = "after";
    if (!att[q].decided) {
      att[q] = leading(raw_[q], q);
      att[q].rule = "before";
    }
    if (!att[q].decided) {
      att[q] = according_to(raw_[q]);
      att[q].rule = "according";
    }
    if (!att[q].decided && options_.sentence_subjects) {
      att[q] = own_sentence_subject(raw_[q], q);
      att[q].rule = "subject";
    }
    if (att[q].decided && att[q].speaker && att[q].mention) {
      remember_speaker(*att[q].mention, att[q]);
    }
  }
  share_within_paragraphs(att);
  if (!options_.precise) {
    apply_paragraph_verbs(att);
    carry_speakers(att);
  }
  return to_quotes(att);
}

std::vector<std::size_t> Attributor::para_starts() const {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < toks_.size(); ++k)
    if (k == 0 || toks_[k].para != toks_[k - 1].para) {
      if (out.size() <= toks_[k].para) out.resize(toks_[k].para + 1, toks_[k].b);
      out[toks_[k].para] = toks_[k].b;
    }
  return out;
}

// Another attributed quotation of the same paragraph: the nearest before, else after. Quotations
// are in text order, so the nearest attributed one before (after) q is in q's paragraph exactly
// when it ends (opens) there: one pass each way instead of a scan per quotation.
void Attributor::share_within_paragraphs(std::vector<Attribution>& att) const {
  const std::size_t none = raw_.size();
  std::vector<std::size_t> prev_decided(raw_.size(), none), next_decided(raw_.size(), none);
  for (std::size_t q = 0, last = none; q < raw_.size(); ++q) {
    prev_decided[q] = last;
    if (att[q].decided) last = q;
  }
  for (std::size_t q = raw_.size(), next = none; q-- > 0;) {
    next_decided[q] = next;
    if (att[q].decided) next = q;
  }
  const std::vector<Attribution> direct = att;
  const std::vector<std::size_t> starts = para_starts();
  for (std::size_t q = 0; q < raw_.size(); ++q) {
    if (direct[q].decided) continue;
    const std::size_t p = prev_decided[q];
    const std::size_t n = next_decided[q];
    if (p != none && last_para_of(p) == para_of(q)) {
      att[q] = direct[p];
    } else if (n != none && para_of(n) == last_para_of(q)) {
      // Another person named before the quotation in its paragraph is a speaker the rules did
      // not read ("..., says Mr Pearson. \"So the gadgets ...\" ... Baroness Greenfield cautioned
      // \"...\""): the quotation is left to the rules below. A paragraph of BBC copy holds
      // several of prose. (The same test against the speaker before was tried: PolNeAR CV
      // accuracy 86.6 -> 86.5.) Looked for in the paragraph's last kLendLookBack bytes before the
      // quotation, so that a paragraph of thousands of quotations costs no more than it did.
      const std::size_t start = raw_[q].parts.front().start;
      const std::size_t from = std::max(starts[para_of(q)], start > kLendLookBack ? start - kLendLookBack : 0);
      if (person_between(from, start, direct[n].speaker.value_or(""))) continue;
      att[q] = direct[n];
    } else {
      continue;
    }
    att[q].rule = "paragraph-quote";
  }
}

// A speech verb elsewhere in the paragraph.
void Attributor::apply_paragraph_verbs(std::vector<Attribution>& att) {
  // Short phrases quoted inside a sentence ("accused Moscow of a \"false flag operation\"")
  // are mostly scare quotes or someone else's label: a verb elsewhere does not attribute them.
  auto scare_quote = [&](const RawQuote& r) {
    if (r.open_tok == 0 || !is_word(r.open_tok - 1)) return false;
    std::size_t words = 0;
    for (std::size_t k = r.open_tok; k <= r.close_tok && k < toks_.size(); ++k)
      if (is_word(k)) ++words;
    return words < kScareQuoteWords;
  };
  for (std::size_t q = 0; q < raw_.size(); ++q) {
    if (!att[q].decided && !scare_quote(raw_[q])) {
      att[q] = paragraph_verb(raw_[q]);
      att[q].rule = "paragraph-verb";
    }
  }
}

// The previous paragraph's speaker, when this paragraph opens with the quotation and no other
// person is named between the two quotations.
void Attributor::carry_speakers(std::vector<Attribution>& att) const {
  for (std::size_t q = 1; q < raw_.size(); ++q) {
    if (att[q].decided) continue;
    const std::size_t open = raw_[q].open_tok;
    const bool opens_para = open == 0 || toks_[open - 1].para != toks_[open].para;
    const Attribution& prev = att[q - 1];
    if (!opens_para || !prev.decided || !prev.speaker) continue;
    if (last_para_of(q - 1) + 1 != para_of(q)) continue;
    const std::size_t from = raw_[q - 1].parts.back().end;
    if (person_between(from, raw_[q].parts.front().start, *prev.speaker)) continue;
    // Words of its own outside the quotation ("\"Mexico!\" the crowd roared") mean the
    // paragraph names its speaker in a way the rules above did not read.
    bool own_words = false;
    for (std::size_t k = open; k < toks_.size() && toks_[k].para == toks_[open].para; ++k) {
      own_words = own_words || (is_word(k) && outside(k));
    }
    if (own_words) continue;
    att[q] = prev;
    att[q].rule = "carry";
  }
}

std::vector<Quote> Attributor::to_quotes(const std::vector<Attribution>& att) const {
  std::vector<Quote> out;
  out.reserve(raw_.size());
  for (std::size_t q = 0; q < raw_.size(); ++q) {
    Quote quote;
    quote.span = {raw_[q].parts.front().start, raw_[q].parts.back().end};
    for (const Span& s : raw_[q].parts) {
      if (s.end <= s.start) continue;
      if (!quote.text.empty()) quote.text += ' ';
      quote.text += t_.substr(s.start, s.end - s.start);
    }
    if (options_.rules) options_.rules->push_back(att[q].decided ? att[q].rule : "");
    if (att[q].decided) {
      quote.cue = att[q].cue;
      if (att[q].speaker) {
        quote.speaker = att[q].speaker;
        quote.speaker_type = att[q].type;
        quote.speaker_mention = att[q].mention;
      } else if (att[q].description) {
        quote.speaker_mention = *att[q].description;
        const Span d = att[q].described_as.value_or(*att[q].description);
        quote.speaker_description = collapse_spaces(t_.substr(d.start, d.end - d.start));
      }
    }
    out.push_back(std::move(quote));
  }
  return out;
}

}  // namespace newsidx::entities::quoting
