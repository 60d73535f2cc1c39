// Quote attribution: the state shared by the cue rules, the speaker phrases and pronoun
// resolution while one article's quotations are attributed (internal to indexer/entities).
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/article.hpp"
#include "gazetteer.hpp"
#include "pronouns.hpp"
#include "quote_marks.hpp"
#include "quote_words.hpp"
#include "quotes.hpp"

namespace newsidx::entities::quoting {

/// Quotations of fewer words than this inside a sentence are mostly scare quotes, titles or
/// names ("governed under the \"one country, two systems\" model"): no speech verb elsewhere in
/// the paragraph attributes them, nor a described subject without a speech cue.
inline constexpr std::size_t kScareQuoteWords = 5;

/// What a rule found for one quotation.
struct Attribution {
  bool decided = false;               // a rule fired (speaker may still be unnamed)
  std::string rule;                   // which one, for evaluation
  std::optional<std::string> speaker;
  std::string type;
  std::optional<Span> mention;
  std::optional<Span> cue;
  std::optional<Span> description;    // the speaker phrase when it describes, not names, a Source
  std::optional<Span> described_as;   // the text standing for it, when not the phrase itself ("it"
                                      // said: the email it refers to)
};

/// Attributes the quotations of one article: the cue rules (speech_cues.cpp, and
/// speech_cues_after.cpp for the tag after a quotation), pronoun resolution (pronouns.cpp),
/// speaker noun phrases and the order of the rules (attribution.cpp).
class Attributor {
 public:
  Attributor(std::string_view text, const std::vector<Mention>& mentions,
             const QuoteOptions& options)
      : t_(text), mentions_(mentions), options_(options), toks_(quote_tokens(text)) {
    raw_ = pair_marks(t_, toks_);
    // Most articles quote nobody: nothing to index for them (5.5% of a worker's instructions on
    // Reuters went to indexing sentences and mentions of texts without a quotation; issue 21).
    if (raw_.empty()) return;
    for (std::size_t q = 0; q < raw_.size(); ++q) {
      for (std::size_t k = raw_[q].open_tok; k <= raw_[q].close_tok; ++k) {
        toks_[k].quote = static_cast<int>(q);
      }
    }
    index_quotes_and_persons();
    index_sentences();
    index_mentions();
    collect_text_names();
  }

  const std::vector<RawQuote>& raw() const { return raw_; }

  std::vector<Quote> run();

 private:
  std::string_view word(std::size_t k) const {
    return t_.substr(toks_[k].b, toks_[k].e - toks_[k].b);
  }
  bool is_word(std::size_t k) const { return toks_[k].kind == TokKind::kWord; }
  bool outside(std::size_t k) const { return toks_[k].quote < 0; }
  bool is_cap(std::size_t k) const {
    if (!is_word(k)) return false;
    const auto c = static_cast<unsigned char>(t_[toks_[k].b]);
    return (c >= 'A' && c <= 'Z') || c == 0xC3;
  }
  bool is_punct(std::size_t k, std::string_view p) const {
    return toks_[k].kind == TokKind::kPunct && word(k) == p;
  }
  bool is_dash(std::size_t k) const {
    if (toks_[k].kind != TokKind::kPunct) return false;
    const std::string_view w = word(k);
    return w == "\xE2\x80\x94" || w == "\xE2\x80\x95" || w == "\xE2\x80\x93" || w == "--" ||
           w == "-";
  }
  bool sentence_end(std::size_t k) const {
    // "(R-Fla.)": an abbreviation's full stop inside brackets ends no sentence.
    if (k + 1 < toks_.size() && is_punct(k + 1, ")") && word(k) == ".") return false;
    return toks_[k].kind == TokKind::kPunct &&
           (word(k) == "." || word(k) == "?" || word(k) == "!" || word(k) == ";");
  }
  NameGender gender_of(std::string_view first) const {
    if (options_.gender_of) return options_.gender_of(first);
    const FirstName* f = Gazetteer::instance().first_name(first);
    if (f == nullptr) return NameGender::kUnknown;
    if (f->gender == Gender::kFemale) return NameGender::kFemale;
    if (f->gender == Gender::kMale) return NameGender::kMale;
    return NameGender::kUnknown;
  }
  // A lower-case word that may belong to a speaker noun phrase ("the Vermont senator").
  bool np_word(std::size_t k) const {
    const std::string w = lower(word(k));
    if (in(kNpWords, w)) return true;
    return std::any_of(kDescriptionHeads.begin(), kDescriptionHeads.end(),
                       [&](const DescriptionHead& d) { return d.head == w; });
  }
  // A lower-case word of a description in front of a name: "governor", "pollster", "campaign
  // spokesman", "political science professor" (role nouns by their ending, or speaker-phrase words).
  bool role_word(std::size_t k) const {
    if (!is_word(k) || is_cap(k) || !outside(k)) return false;
    const std::string w = lower(word(k));
    if (w == "a" || w == "an" || w == "the" || w == "of" || w == "for") return false;
    if (np_word(k)) return true;
    for (std::string_view suffix : {"er", "or", "ist", "ian", "ant", "ent", "man", "woman",
                                    "ive", "ee", "ress", "ain", "ary"}) {
      if (w.size() > suffix.size() + 2 && w.ends_with(suffix)) return true;
    }
    return false;
  }
  // A word that may stand inside a description read whole ("one former senior agency official",
  // "the retired neurosurgeon"): not a verb ("was", "have", a speech verb), a determiner, a word
  // that ends a noun phrase ("in", "who"), nor an "-ed" or "-ing" form or adverb that no word
  // of the phrase follows ("the town released", "the chancellor also", "delegates attending").
  bool description_word(std::size_t k) const {
    if (!is_word(k) || !outside(k)) return false;
    if (is_cap(k)) return true;
    const std::string w = lower(word(k));
    static constexpr auto kVerbs = std::to_array<std::string_view>(
        {"are", "were", "be", "been", "do", "did", "have", "has", "had",
         // particles of phrasal verbs: "the prime minister shrugged off"
         "off", "up", "out", "down", "back", "away"});
    if (in(kNpStop, w) || in(kVerbs, w) || in(kDeterminers, w) || is_trailing_verb(k)) {
      return false;
    }
    // "-ed" forms, adverbs ("famously gruff") and "first" ("the former first lady") stand inside
    // the phrase only before another word of it; "the chancellor also said" ends at "also".
    const bool adverb = in(kBetween, w) || (w.size() > 4 && w.ends_with("ly"));
    const bool participle = w.size() > 5 && w.ends_with("ing");  // "a leading economist"
    if (!adverb && !participle && !verb_like(k)) return true;
    if (in(kVerbs, w) || w == "was" || w == "is" || w == "will" || w == "would") return false;
    return (adverb || participle || w.ends_with("ed")) && k + 1 < toks_.size() && is_word(k + 1) &&
           !is_cap(k + 1) && !verb_like(k + 1) && description_word(k + 1);
  }
  bool is_speech_verb(std::size_t k) const {
    // Asked for every token: a hash set instead of a walk over the list's 70-odd words.
    static const std::unordered_set<std::string_view> kSet(kSpeechVerbs.begin(), kSpeechVerbs.end());
    return is_word(k) && outside(k) && kSet.count(word(k)) > 0;
  }
  // A lower-case word that reads as a finite verb: a past tense ("continued"), an auxiliary
  // ("has", "was", "will"), or a present tense other than a plural noun's -s is hard to tell,
  // so only "-ed" forms and auxiliaries count.
  bool verb_like(std::size_t k) const {
    static constexpr auto kAux = std::to_array<std::string_view>(
        {"is", "was", "has", "had", "will", "would", "can", "could", "should", "did", "does",
         "may", "might", "must"});
    const std::string_view w = word(k);
    return in(kAux, w) || (w.size() > 4 && w.ends_with("ed"));
  }
  // Verbs that are speech only right after a quotation: `"...," he continued`.
  bool is_trailing_verb(std::size_t k) const {
    return is_speech_verb(k) ||
           (is_word(k) && (word(k) == "continued" || word(k) == "continues"));
  }
  // The same with the verbs that report words only there (kTrailingOnlyVerbs: `"...," the
  // editorial read`, `"...!" the crowd cried`); "The protesters' signs read \"...\"" is no cue.
  bool is_after_quote_verb(std::size_t k) const {
    return is_trailing_verb(k) || (is_word(k) && outside(k) && in(kTrailingOnlyVerbs, word(k)));
  }

  void collect_text_names();
  Attribution trailing(const RawQuote& q);
  Attribution leading(const RawQuote& q, std::size_t q_index);
  Attribution according_to(const RawQuote& q);
  Attribution according_np(std::size_t k, std::size_t e, std::size_t ceil);
  Attribution own_sentence_subject(const RawQuote& q, std::size_t q_index);
  bool short_uncued(const RawQuote& q, std::size_t floor) const;
  std::size_t sentence_floor(std::size_t open, std::size_t q_index) const;
  bool naming_cue(std::size_t k, std::size_t open) const;
  bool object_participle(std::size_t k, std::size_t floor) const;
  bool verb_after_subject(const Attribution& a, std::size_t k) const;
  Attribution opening_person(std::size_t floor, std::size_t verb);
  Attribution passive_agent(std::size_t k, std::size_t open);
  std::size_t infinitive_head(std::size_t k, std::size_t floor) const;
  bool the_name(std::size_t b, std::size_t limit) const;
  // `cued`: a participle or colon at `limit` marks what follows as the subject's words, so a
  // described subject's verb may stand inside its phrase (described_subject_end).
  Attribution sentence_subject(std::size_t floor, std::size_t limit, bool intro = true, bool cued = false);
  bool inverted_subject_follows(std::size_t k, std::size_t ce) const;
  char last_char(Span last) const;
  Attribution tag_subject(const RawQuote& q, std::size_t k, std::size_t ce, bool comma);
  bool appositive_verb(std::size_t c, std::size_t limit) const;
  Attribution absolute_subject(std::size_t floor, std::size_t k);
  Attribution name_before_colon(std::size_t floor, std::size_t colon);
  std::size_t described_subject_end(std::size_t s, std::size_t limit, bool cued = false) const;
  // A described subject's verb inside the words read as its phrase, and a participle that no list
  // holds right before a quotation (speech_cues_phrases.cpp).
  std::size_t verb_inside_phrase(std::size_t s, std::size_t f) const;
  std::size_t postmodified_subject_end(std::size_t s, std::size_t f, std::size_t limit) const;
  bool unlisted_participle(std::size_t k, std::size_t open, std::size_t floor) const;
  bool coordinated_verbs(std::size_t verb, std::size_t k) const;
  bool modal(std::size_t j) const;
  // Whether token `k` opens a text verb's object (speech_cues.cpp).
  bool object_after(std::size_t k) const;
  std::size_t text_head_verb(std::size_t s, std::size_t f) const;
  Attribution subject_before(std::size_t verb, std::size_t floor);
  std::size_t governed_name_start(std::size_t e, std::size_t floor) const;
  Attribution person_through_appositives(std::size_t c, std::size_t floor, std::size_t verb);
  Attribution np_after(std::size_t verb, std::size_t ceil);
  bool ends_np(std::size_t f, std::size_t ceil) const;
  std::size_t described_np_end(std::size_t b, std::size_t ceil) const;
  Attribution analyse_np(std::size_t b, std::size_t e, std::size_t verb);
  Attribution analyse_phrase(std::size_t b, std::size_t e, std::size_t verb);
  std::optional<Span> description_of(std::size_t b, std::size_t e) const;
  void person_before_of(std::size_t b, std::size_t& e, std::size_t& rb, std::size_t& re) const;
  Attribution unnamed_np(std::size_t b, std::size_t e, std::size_t verb, const std::string& head,
                         Attribution a);
  Attribution named_speaker(Attribution a, const std::string& phrase, bool org,
                            const Mention* mention) const;
  Attribution resolve_pronoun(std::size_t k, std::size_t verb);
  Attribution resolve_it(std::size_t k, std::size_t verb, Attribution a) const;
  std::optional<std::string> previous_subject(std::size_t k, NameGender want) const;
  std::optional<std::string> asked_person(std::size_t k, NameGender want) const;
  bool compatible(const std::string& name, bool text_only, NameGender want) const;
  // The gender each person the article names gets from the article itself (QuoteOptions::
  // learned_genders); persons with no such evidence are absent.
  std::map<std::string, NameGender> learned_genders_;
  void learn_genders();
  NameGender pronoun_after_subject(std::size_t j, std::size_t person_end) const;
  // Where the article has person mentions, a speaker that none of them names ("KING-TV
  // reported") was taken for a person from the text alone: it must pass the text-only test (a
  // first name of the right gender). Without mentions every name is from the text, and a
  // surname alone ("Trump said") must stay a candidate.
  bool text_only_name(const std::string& name) const {
    return !mentions_.empty() && !person_names_.count(name);
  }
  void add_antecedent(Antecedents::Entry e, bool text_only, bool subject_like);
  void add_with_namesakes(Antecedents::Entry e, std::string_view surface, bool text_only,
                          bool subject_like);
  // The article's persons by a surname that two or more of them share (QuoteOptions::
  // shared_surnames).
  std::map<std::string, std::set<std::string>> namesakes_;
  void index_antecedents();
  void remember_speaker(const Span& span, const Attribution& att);
  bool sentence_initial(std::size_t byte) const;
  bool subordinate_subject(std::size_t j) const;
  bool main_clause(std::size_t byte) const;
  std::vector<std::string> named_later_in_sentence(std::size_t k) const;
  bool near_para(std::size_t byte, std::size_t para) const;
  bool rival_nearby(const Antecedents::Set& s, Antecedents::Set::const_iterator last,
                    const std::string& best, std::size_t para) const;
  bool rival_within_margin(std::size_t k, NameGender want, const Antecedents::Set& s,
                           Antecedents::Set::const_iterator last, const Antecedents::Entry& best,
                           bool subjects_only) const;
  // The index of the first token starting at or after `byte` (toks_.size() if none).
  std::size_t tok_at(std::size_t byte) const {
    const auto it = std::lower_bound(toks_.begin(), toks_.end(), byte,
                                     [](const Tok& tk, std::size_t v) { return tk.b < v; });
    return static_cast<std::size_t>(it - toks_.begin());
  }
  Attribution resolve_description(std::size_t b, std::size_t e, std::size_t verb);
  Attribution paragraph_verb(const RawQuote& q);
  const std::vector<std::pair<std::size_t, Attribution>>& paragraph_cues(std::size_t para,
                                                                        std::size_t open);
  std::map<std::size_t, std::vector<std::pair<std::size_t, Attribution>>> paragraph_cues_;
  // The rules that lend a quotation another one's speaker, and the quotations returned.
  void share_within_paragraphs(std::vector<Attribution>& att) const;
  void apply_paragraph_verbs(std::vector<Attribution>& att);
  void carry_speakers(std::vector<Attribution>& att) const;
  std::vector<Quote> to_quotes(const std::vector<Attribution>& att) const;
  // The paragraph where quotation q opens, and the one where it closes.
  std::size_t para_of(std::size_t q) const { return toks_[raw_[q].open_tok].para; }
  std::size_t last_para_of(std::size_t q) const { return toks_[raw_[q].close_tok].para; }
  /// The byte where each paragraph begins, by paragraph number.
  std::vector<std::size_t> para_starts() const;
  bool person_between(std::size_t from_byte, std::size_t to_byte, const std::string& except) const;

  std::string_view t_;
  const std::vector<Mention>& mentions_;
  const QuoteOptions& options_;
  std::vector<Tok> toks_;
  std::vector<RawQuote> raw_;
  // Persons named in the text itself ("First Last" runs outside quotations), used when the
  // mention list misses them: canonical phrase and byte span.
  struct TextName {
    std::string name;
    Span span;
  };
  std::vector<TextName> text_names_;
  // Speakers found so far: antecedents for pronouns and "the statement".
  std::vector<std::pair<Span, Attribution>> named_so_far_;
  // Named persons who are the subject of any speech verb outside quotations, direct or
  // reported speech ("Cruz argued that ..."): the story's current speaker, which "he said"
  // most often continues. Filled before the rules run.
  std::vector<std::pair<Span, std::string>> speech_subjects_;
  bool collecting_subjects_ = false;
  void collect_speech_subjects();
  // The quotations' parts as sorted disjoint spans, and the person mentions' names: looked up
  // for every candidate of every pronoun, which scanning all quotations and mentions each time
  // made cubic in the article's length (1,000 quoted "she said" lines: 9 s; 4,000: 272 s).
  std::vector<Span> quoted_;
  std::unordered_set<std::string> person_names_;
  // The mentions ordered by start, and the longest one's length: the mentions overlapping a span
  // are found by binary search, where a scan of all mentions per cue was quadratic ("Mary Smith
  // said" 32,000 times: 7 s, twice the lines four times the time).
  std::vector<std::size_t> by_start_;
  std::size_t longest_mention_ = 0;
  void index_mentions();
  // The mentions overlapping `s` (start before its end, end after its start), in mentions_ order.
  std::vector<const Mention*> overlapping(Span s) const;
  // Whether a name found in the text overlaps `s`.
  bool text_name_overlaps(Span s) const;
  // Whether the bytes `run` hold a person or organisation the article's mentions know, or a
  // name of its text.
  bool names_someone(Span run) const;
  // The first person mention by surname, and the first organisation mention by text or entity.
  std::map<std::string, const Mention*> person_by_surname_, org_by_phrase_;
  // Pronoun antecedents and who has spoken where (see Antecedents and Spoken); the fullest
  // spelling of each surname among the names found in the text.
  Antecedents antecedents_;
  Spoken spoken_;
  std::map<std::string, std::string> fullest_;
  // Per token: the first token of its sentence, and how many commas stand before it; they make
  // "does this name open its sentence" a constant-time question.
  std::vector<std::size_t> sentence_start_;
  std::vector<std::size_t> commas_before_;
  void index_sentences() {
    sentence_start_.resize(toks_.size());
    commas_before_.resize(toks_.size() + 1);
    for (std::size_t j = 0; j < toks_.size(); ++j) {
      const bool starts = j == 0 || sentence_end(j - 1) || toks_[j - 1].para != toks_[j].para;
      sentence_start_[j] = starts ? j : sentence_start_[j - 1];
      commas_before_[j + 1] = commas_before_[j] + (is_punct(j, ",") ? 1 : 0);
    }
  }
  void index_quotes_and_persons() {
    for (const RawQuote& q : raw_) quoted_.insert(quoted_.end(), q.parts.begin(), q.parts.end());
    std::sort(quoted_.begin(), quoted_.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<Span> merged;
    for (const Span& sp : quoted_) {
      if (!merged.empty() && sp.start <= merged.back().end) merged.back().end = std::max(merged.back().end, sp.end);
      else merged.push_back(sp);
    }
    quoted_ = std::move(merged);
    for (const Mention& m : mentions_)
      if (m.type == MentionType::kPerson) person_names_.insert(m.entity);
  }
  bool in_quotation(std::size_t byte) const {
    auto it = std::upper_bound(quoted_.begin(), quoted_.end(), byte,
                               [](std::size_t v, const Span& sp) { return v < sp.start; });
    return it != quoted_.begin() && byte < std::prev(it)->end;
  }
};

}  // namespace newsidx::entities::quoting
