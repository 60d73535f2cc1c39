// newsidx-eval-speakers: scores quotation speaker attribution against PolNeAR's attribution gold
// (direct quotes only): coverage, precision, accuracy, document-level named-speaker P/R/F1, a
// breakdown of the errors, and k-fold cross-validation of the attribution's operating point.
//
// Usage: newsidx-eval-speakers DATA_DIR [--mentions tagger|none] [--precise 0|1] [--margin BYTES]
//                              [--errors N] [--context BYTES] [--referents FILE]
//                              [--pronoun-tasks FILE] [--breakdown 0|1] [--subjects 0|1]
//                              [--appositive N] [--subordinate 0|1] [--objects 0|1]
//                              [--surnames 0|1] [--chains 0|1] [--genders 0|1]
//                              [--asked 0|1] [--cv K]
//   DATA_DIR is an unpacked PolNeAR compartment (data/dev or data/train) holding text/ and
//   attributions/. With --mentions tagger (the default) the person and organisation mentions
//   come from the article analysis (NER tagger + in-article resolution), as when indexing; with
//   none, speakers are found from the text alone. Figures go to stdout; with --errors, up to N
//   wrong or missing attributions are printed to stderr (they quote corpus text: look, do not
//   commit), with --context also the BYTES of text before each (and half as many after it). --referents reads annotated
//   referents of pronoun Sources (tools/data/README.md); --pronoun-tasks writes the blind
//   annotation tasks for them (corpus text: keep out of the repository). --breakdown prints
//   where the gold quotations that are not right come from. --cv K splits the articles into K
//   folds (article i, in name order, goes to fold i mod K), chooses the operating point (precise,
//   pronoun margin, sentence subjects, appositive window, subordinate subjects, object exclusion,
//   shared surnames, appositive chains) on K-1 folds and scores it on the held-out one (see kGrid and choose()).
//   --genders and --asked switch QuoteOptions::learned_genders and ::asked_persons (off by
//   default) on, at every grid point under --cv.
//
// Definitions (see QUALITY.md, "## Quote speakers"):
// - A gold attribution is a DIRECT quote when at least half of the letters of its Content span
//   lie between double quotation marks (straight, curly, '' pairs, guillemets).
// - Its gold speaker key is the set of capitalised words of its Source span (lower-cased,
//   possessive removed, pronouns and function words dropped). A Source that is only a personal
//   pronoun takes the key of its annotated referent (--referents; "-" there: unnamed); without
//   an annotation, the key of the nearest preceding Source with a key (the old stand-in). Any
//   other Source without such words ("a senior official", "officials") is DESCRIBED, and a
//   missing Source is NONE.
// - A system quotation answers for a gold quote when their spans overlap (largest overlap wins).
// - A system speaker matches a key when one of its words (3+ letters, titles dropped) is in it.
// Coverage = gold direct quotes with a named key that get a speaker / gold direct quotes with a
// named key. Precision = those given a speaker whose speaker matches / all gold direct quotes
// given a speaker (a speaker for a described or missing gold source counts as wrong).
// Accuracy = right / ALL gold direct quotes, where a quote is right when
//   - its key is named and the system's speaker matches it (as for precision);
//   - its Source is described, or named but reading as a description (it opens with a
//     determiner or ends in a lower-case word: "a senior Cruz adviser", "the Florida senator"),
//     and the system gives no speaker but a speaker_mention whose last
//     word (the description's head noun) lies inside the gold Source span ("a senior official"
//     against gold "a senior State Department official": right; no description: wrong);
//   - it has no Source and the system gives neither a speaker nor a speaker_mention.
//   A gold quote the quote finder misses is never right.
// Document level: gold = the distinct keys of an article's direct quotes, a key contained in
// another key of the article dropped ("trump" beside "donald trump"); system = the article's
// speaker facet (the speakers of quotations that counts_for_speaker_facet accepts); matched by
// the same word overlap; micro-averaged.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/analyzer.hpp"
#include "indexer/entities/quotes.hpp"
#include "polnear_gold.hpp"

namespace fs = std::filesystem;
using newsidx::Quote;
using newsidx::Span;

namespace {

using namespace newsidx::eval;

// --- The evaluation's inputs -------------------------------------------------------------------

struct Args {
  fs::path dir;
  std::size_t max_errors = 0;
  std::size_t context = 0;  // bytes of text before a wrong/missed quote to print with it
  bool use_tagger = true;
  bool precise = false;
  std::size_t margin = newsidx::entities::QuoteOptions{}.pronoun_margin;
  std::string referents_path, tasks_path;
  bool breakdown = false;
  bool subjects = newsidx::entities::QuoteOptions{}.sentence_subjects;
  std::size_t appositive = newsidx::entities::QuoteOptions{}.appositive_window;
  bool subordinate = newsidx::entities::QuoteOptions{}.subordinate_subjects;
  bool objects = newsidx::entities::QuoteOptions{}.object_exclusion;
  bool surnames = newsidx::entities::QuoteOptions{}.shared_surnames;
  bool chains = newsidx::entities::QuoteOptions{}.appositive_chains;
  bool genders = newsidx::entities::QuoteOptions{}.learned_genders;
  bool asked = newsidx::entities::QuoteOptions{}.asked_persons;
  std::size_t folds = 0;
};

std::optional<Args> parse_args(int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  Args a;
  a.dir = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--referents") a.referents_path = v;
    else if (k == "--pronoun-tasks") a.tasks_path = v;
    else if (k == "--errors") a.max_errors = std::stoul(v);
    else if (k == "--mentions") a.use_tagger = v != "none";
    else if (k == "--precise") a.precise = v == "1";
    else if (k == "--margin") a.margin = std::stoul(v);
    else if (k == "--context") a.context = std::stoul(v);
    else if (k == "--breakdown") a.breakdown = v == "1";
    else if (k == "--cv") a.folds = std::stoul(v);
    else if (k == "--subjects") a.subjects = v == "1";
    else if (k == "--appositive") a.appositive = std::stoul(v);
    else if (k == "--subordinate") a.subordinate = v == "1";
    else if (k == "--objects") a.objects = v == "1";
    else if (k == "--surnames") a.surnames = v == "1";
    else if (k == "--chains") a.chains = v == "1";
    else if (k == "--genders") a.genders = v == "1";
    else if (k == "--asked") a.asked = v == "1";
    else return std::nullopt;
  }
  return a;
}

using Referents = std::map<std::pair<std::string, std::size_t>, std::string>;

// Annotated referents of pronoun Sources: "article<TAB>byte<TAB>pronoun<TAB>referent[<TAB>...]",
// the referent "-" when it has no name in the article (the author, "protesters"); further fields
// (the single annotators' answers) are not read. An error message, or nothing.
std::optional<std::string> read_referents(const std::string& path, Referents& out) {
  std::ifstream in(path);
  if (!in) return "cannot read " + path;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    std::string art, at, pron, ref;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (!std::getline(f, art, '\t') || !std::getline(f, at, '\t') ||
        !std::getline(f, pron, '\t') || !std::getline(f, ref, '\t') || ref.empty()) {
      return where + "expected 4 tab-separated fields";
    }
    try {
      out[{art, std::stoul(at)}] = ref;
    } catch (const std::exception&) {
      return where + "byte offset is not a number";
    }
  }
  return std::nullopt;
}

enum class SourceKind { kNamed, kDescribed, kNone };

// A gold direct quotation, its Source read: what every configuration is scored against.
struct GoldQuote {
  std::vector<Span> content, source;
  std::string source_text;
  Key key;
  bool via_pronoun = false;  // the key is a pronoun's referent (or stand-in)
  bool via_standin = false;  // ... the stand-in: no annotated referent (the NYT '' quotations)
  SourceKind kind = SourceKind::kNone;
  // A named Source that reads as a description ("a senior Cruz adviser", "the Florida senator"):
  // a right description of it is right too (see reads_as_description).
  bool descriptive = false;
};

// Whether a Source span reads as a description rather than a name: it opens with a determiner
// ("the Florida senator", "Another child", "a State Department official") or ends in a lower-case
// word ("Clinton campaign spokesman"). Pronouns are not descriptions.
bool reads_as_description(const std::string& source_text) {
  static const std::set<std::string> kDeterminers = {"the", "a", "an", "one", "another", "two",
                                                     "three", "some", "several", "many", "most"};
  const auto ws = words(source_text);
  if (ws.empty() || pronoun_only(source_text)) return false;
  const std::string& last = ws.back();
  return kDeterminers.count(lower(ws.front())) > 0 || (last[0] >= 'a' && last[0] <= 'z');
}

struct Doc {
  std::string name, text;
  std::vector<newsidx::Mention> mentions;
  std::vector<GoldQuote> gold;
};

struct LoadStats {
  std::size_t skipped = 0, referents_used = 0, referents_missing = 0, tasks_written = 0;
};

// For a blind annotator: the headline and up to 2,500 bytes before the quotation's end, the
// pronoun marked; nothing of the system's answer.
void write_task(std::ofstream& tasks, const Doc& d, const GoldAttribution& g,
                const std::string& source_text) {
  const std::string& text = d.text;
  const std::size_t at = g.source.front().start;
  const std::size_t qe = g.content.back().end;
  const std::size_t head_end = std::min(text.find('\n'), qe);
  std::size_t from = qe > 2500 ? std::max(qe - 2500, head_end) : 0;
  from = std::min(from, at);  // the pronoun itself is always shown
  while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  const std::size_t se = g.source.back().end;
  tasks << "### ITEM " << d.name << "\t" << at << "\t" << source_text << "\n"
        << text.substr(0, head_end) << "\n" << (from > head_end ? "[...]\n" : "")
        << text.substr(from, at - from) << "[[" << source_text << "]]"
        << text.substr(se, qe > se ? qe - se : 0) << "\n\n";
}

// The gold direct quotations of one article with their keys.
std::vector<GoldQuote> gold_quotes(const Doc& d, const std::vector<GoldAttribution>& gold,
                                   const Referents& referents, std::ofstream& tasks,
                                   LoadStats& ls) {
  // Keys for every Source (direct or not), in text order, for the pronoun stand-in.
  std::vector<std::pair<std::size_t, Key>> keyed_sources;
  for (const auto& g : gold) {
    if (g.source.empty()) continue;
    auto key = name_key(join_text(d.text, g.source));
    if (!key.empty()) keyed_sources.emplace_back(g.source.front().start, key);
  }
  std::sort(keyed_sources.begin(), keyed_sources.end());
  std::vector<GoldQuote> out;
  for (const auto& g : gold) {
    if (!is_direct(d.text, g.content)) continue;
    GoldQuote q{g.content, g.source, g.source.empty() ? "" : join_text(d.text, g.source), {},
                false, false, SourceKind::kNone};
    if (kVerbOnly.count(lower(q.source_text))) {
      // An annotation slip: the Source span holds the cue verb, so the gold names nobody and
      // says nobody is unnamed either; such quotes are left out of every figure.
      ++ls.skipped;
      continue;
    }
    if (!g.source.empty()) {
      q.key = name_key(q.source_text);
      if (q.key.empty() && pronoun_only(q.source_text)) {
        const std::size_t at = g.source.front().start;
        const auto ref = referents.find({d.name, at});
        if (ref != referents.end()) {
          ++ls.referents_used;
          if (ref->second != "-") q.key = name_key(ref->second);
        } else {
          if (!referents.empty()) ++ls.referents_missing;
          for (const auto& [pos, k] : keyed_sources) {
            if (pos < at) q.key = k;
          }
          q.via_standin = !q.key.empty();
        }
        q.via_pronoun = !q.key.empty();
        if (tasks.is_open()) {
          ++ls.tasks_written;
          write_task(tasks, d, g, q.source_text);
        }
      }
      q.kind = q.key.empty() ? SourceKind::kDescribed : SourceKind::kNamed;
      q.descriptive = q.kind == SourceKind::kNamed && !q.via_pronoun && reads_as_description(q.source_text);
    }
    out.push_back(std::move(q));
  }
  return out;
}

// Reads every annotated article of the compartment (one annotator per article: the first .ann
// by name), analyses it once when mentions come from the tagger, and reads its gold.
std::vector<Doc> load_docs(const Args& args, const Referents& referents, LoadStats& ls) {
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(args.dir / "text")) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  std::map<std::string, fs::path> anns;
  for (const auto& e : fs::directory_iterator(args.dir / "attributions")) {
    const std::string name = e.path().stem().string();
    const auto us = name.rfind('_');
    if (us == std::string::npos) continue;
    const std::string article = name.substr(0, us);
    if (!anns.count(article) || e.path() < anns[article]) anns[article] = e.path();
  }
  std::ofstream tasks;
  if (!args.tasks_path.empty()) tasks.open(args.tasks_path);
  std::vector<Doc> docs;
  for (const fs::path& tp : texts) {
    Doc d;
    d.name = tp.stem().string();
    if (!anns.count(d.name)) continue;
    d.text = slurp(tp);
    if (args.use_tagger) {
      // The analysis indexing runs; line 1 is the headline (PolNeAR's layout).
      newsidx::Article a;
      a.id = d.name;
      a.text = d.text;
      const auto nl = d.text.find('\n');
      a.title = d.text.substr(0, nl == std::string::npos ? d.text.size() : nl);
      a.body = {nl == std::string::npos ? d.text.size() : nl + 1, d.text.size()};
      d.mentions = newsidx::entities::analyze(a).mentions;
    }
    d.gold = gold_quotes(d, read_ann(slurp(anns[d.name]), char_to_byte(d.text)), referents, tasks, ls);
    docs.push_back(std::move(d));
  }
  if (tasks.is_open()) {
    std::fprintf(stderr, "%zu pronoun tasks written to %s\n", ls.tasks_written, args.tasks_path.c_str());
  }
  return docs;
}

// --- Scoring -----------------------------------------------------------------------------------

struct Counts {
  std::size_t gold_direct = 0, gold_named = 0, gold_described = 0, gold_none = 0, found = 0;
  std::size_t named_given = 0, given = 0, correct = 0, unnamed_given = 0;
  std::size_t right = 0, described_right = 0, none_right = 0, described_given = 0;
  std::size_t gold_descriptive = 0, descriptive_right = 0;
  std::size_t doc_sys = 0, doc_gold = 0, doc_sys_ok = 0, doc_gold_ok = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> per_rule;  // given, correct
  std::pair<std::size_t, std::size_t> by_name, by_pronoun;  // gold source named / a pronoun
  std::map<std::string, std::size_t> causes;  // why a gold quote is not right
  void add(const Counts& o) {
    using F = std::size_t Counts::*;
    for (F m : {&Counts::gold_direct, &Counts::gold_named, &Counts::gold_described, &Counts::gold_none,
                &Counts::found, &Counts::named_given, &Counts::given, &Counts::correct,
                &Counts::unnamed_given, &Counts::right, &Counts::described_right, &Counts::none_right,
                &Counts::described_given, &Counts::doc_sys, &Counts::doc_gold, &Counts::doc_sys_ok,
                &Counts::doc_gold_ok, &Counts::gold_descriptive, &Counts::descriptive_right}) {
      this->*m += o.*m;
    }
    for (const auto& [r, nk] : o.per_rule) {
      per_rule[r].first += nk.first;
      per_rule[r].second += nk.second;
    }
    by_name.first += o.by_name.first;
    by_name.second += o.by_name.second;
    by_pronoun.first += o.by_pronoun.first;
    by_pronoun.second += o.by_pronoun.second;
    for (const auto& [c, n] : o.causes) causes[c] += n;
  }
};

double pct(std::size_t a, std::size_t b) {
  return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
}
double accuracy(const Counts& c) { return pct(c.right, c.gold_direct); }
double precision(const Counts& c) { return pct(c.correct, c.given); }
double coverage(const Counts& c) { return pct(c.named_given, c.gold_named); }

// A described Source is right when our description's head noun (the last word of the
// speaker_mention) lies inside the gold Source span.
bool description_matches(const std::string& text, const Quote& q, const std::vector<Span>& source) {
  if (q.speaker || !q.speaker_mention) return false;
  const Span m = *q.speaker_mention;
  std::size_t head = m.end;
  while (head > m.start && is_letter(static_cast<unsigned char>(text[head - 1]))) --head;
  const Span h{head, m.end};
  return h.end > h.start && overlap(h, source) == h.end - h.start;
}

bool preceded_by(const std::string& text, std::size_t at, const std::string& what, std::size_t within) {
  const std::size_t from = at > within ? at - within : 0;
  return lower(text.substr(from, at - from)).find(what) != std::string::npos;
}

// The last character before `at` that is not white space or an opening quotation mark.
char char_before(const std::string& text, std::size_t at) {
  while (at > 0) {
    const auto c = static_cast<unsigned char>(text[at - 1]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' || c >= 0x80) {
      --at;
      continue;
    }
    return static_cast<char>(c);
  }
  return '\0';
}

// Why a named gold quote got no speaker, read off the gold (the first cause that applies).
std::string missed_cause(const std::string& text, const GoldQuote& g, const Quote& q) {
  const std::size_t cs = g.content.front().start, ce = g.content.back().end;
  const std::size_t ss = g.source.front().start;
  const bool multi = text.substr(cs, ce - cs).find('\n') != std::string::npos;
  const bool other_para = text.substr(std::min(cs, ss), std::max(cs, ss) - std::min(cs, ss)).find('\n') !=
                          std::string::npos;
  std::string c;
  if (g.via_pronoun) c = "pronoun Source not resolved";
  else if (preceded_by(text, ss, "according to", 16)) c = "\"according to\" Source";
  else if (char_before(text, cs) == ':') c = "colon-introduced";
  else if (other_para) c = "Source in another paragraph";
  else if (multi) c = "multi-paragraph quotation";
  else if (ss >= ce) c = "Source after the quotation";
  else c = "Source before the quotation";
  return "named, no speaker: " + c + (q.cue ? " (cue found)" : " (no cue)");
}

// The cause of a gold quote that is not right, or "" when it is right.
std::string cause(const std::string& text, const GoldQuote& g, const Quote* q, bool ok) {
  if (ok) return "";
  if (!q) return "quotation not found";
  if (g.kind == SourceKind::kNamed) {
    if (q->speaker) {
      if (!g.via_pronoun) return "named, wrong speaker: named Source";
      return g.via_standin ? "named, wrong speaker: pronoun Source (stand-in key)"
                           : "named, wrong speaker: pronoun Source";
    }
    if (q->speaker_mention) return g.descriptive ? "named, described: other description span" : "named, no speaker: read as a description";
    return missed_cause(text, g, *q);
  }
  if (g.kind == SourceKind::kDescribed) {
    if (q->speaker) return "described, given a name";
    if (q->speaker_mention) return "described, other description span";
    return q->cue ? "described, no description (cue found)" : "described, no description (no cue)";
  }
  return q->speaker ? "no Source, given a name" : "no Source, given a description";
}

struct ErrorLog {
  std::size_t max = 0, shown = 0, context = 0;
  bool full() const { return shown >= max; }
};

void log_error(ErrorLog& log, const Doc& d, const GoldQuote& g, const Quote* best,
               const std::string& rule, const std::string& why) {
  ++log.shown;
  const bool has = best && best->speaker;
  std::cerr << why << " [" << d.name << "] gold source: \""
            << clip(g.source_text, 60) << "\""
            << (g.via_pronoun ? " (= " + joined(g.key) + ")" : std::string()) << " system: "
            << (has ? *best->speaker + " (" + rule + ")"
                    : best && best->speaker_description ? "description \"" + *best->speaker_description + "\""
                    : std::string(best ? "(none)" : "(quote not found)"))
            << (best && !has && best->cue
                    ? " cue: \"" + d.text.substr(best->cue->start, best->cue->end - best->cue->start) + "\""
                    : std::string())
            << "\n   quote: " << clip(join_text(d.text, g.content), 90) << "\n";
  if (!g.source.empty()) {
    // The words that join the Source and the quotation: where a cue rule would have to read.
    const std::size_t se = g.source.back().end, cs = g.content.front().start;
    const std::size_t ss = g.source.front().start, ce = g.content.back().end;
    const std::size_t from = se <= cs ? se : ce, to = se <= cs ? cs : ss;
    if (from < to) std::cerr << "   link: [" << clip(d.text.substr(from, std::min<std::size_t>(to - from, 160)), 160) << "]\n";
  }
  if (log.context > 0) {
    const std::size_t qb = g.content.front().start;
    const std::size_t from = qb > log.context ? qb - log.context : 0;
    std::cerr << "   before: ..." << clip(d.text.substr(from, qb - from), log.context + 10) << "\n";
    // The words after the quotation: where a Source after it stands ("..., said one aide").
    const std::size_t qe = std::min(g.content.back().end, d.text.size());
    std::cerr << "   after: " << clip(d.text.substr(qe, std::min<std::size_t>(log.context / 2, d.text.size() - qe)), log.context / 2 + 10) << "...\n";
  }
}

// The system quotation that answers for a gold quote (largest overlap), and its index.
std::pair<const Quote*, std::size_t> answer_for(const std::vector<Quote>& quotes, const GoldQuote& g) {
  const Quote* best = nullptr;
  std::size_t best_i = 0, best_o = 0;
  for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
    const std::size_t o = overlap(quotes[qi].span, g.content);
    if (o > best_o) {
      best_o = o;
      best = &quotes[qi];
      best_i = qi;
    }
  }
  return {best, best_i};
}

// Scores one gold quote against the system's quotations.
void score_quote(const Doc& d, const GoldQuote& g, const std::vector<Quote>& quotes,
                 const std::vector<std::string>& rules, Counts& c, ErrorLog& log) {
  ++c.gold_direct;
  ++(g.kind == SourceKind::kNamed ? c.gold_named : g.kind == SourceKind::kDescribed ? c.gold_described : c.gold_none);
  const auto [best, bi] = answer_for(quotes, g);
  const std::string rule = best ? rules[bi] : "";
  if (best) ++c.found;
  const bool has_speaker = best && best->speaker;
  bool ok = false;
  if (has_speaker) {
    ++c.given;
    if (g.kind != SourceKind::kNamed) {
      ++c.unnamed_given;
    } else {
      ++c.named_given;
      ok = matches(*best->speaker, g.key);
      if (ok) ++c.correct;
      auto& [n, k] = g.via_pronoun ? c.by_pronoun : c.by_name;
      ++n;
      if (ok) ++k;
    }
    auto& [n, k] = c.per_rule[rule];
    ++n;
    if (ok) ++k;
  } else if (best && best->speaker_mention) {
    ++c.described_given;
  }
  bool acc = ok;
  if (g.descriptive) ++c.gold_descriptive;
  if ((g.kind == SourceKind::kDescribed || g.descriptive) && !ok && best &&
      description_matches(d.text, *best, g.source)) {
    acc = true;
    ++(g.descriptive ? c.descriptive_right : c.described_right);
  }
  if (g.kind == SourceKind::kNone && best && !best->speaker && !best->speaker_mention) {
    acc = true;
    ++c.none_right;
  }
  if (acc) ++c.right;
  const std::string why = cause(d.text, g, best, acc);
  if (!why.empty()) ++c.causes[why];
  if (!why.empty() && !log.full()) log_error(log, d, g, best, rule, why);
}

// Document level: the article's speaker facet against the distinct keys of its direct quotes.
void score_document(const Doc& d, const std::vector<Quote>& quotes,
                    const std::vector<std::string>& rules, Counts& c, ErrorLog& log) {
  std::vector<std::string> sys;
  for (const Quote& q : quotes) {
    if (newsidx::entities::counts_for_speaker_facet(q) &&
        std::find(sys.begin(), sys.end(), *q.speaker) == sys.end()) {
      sys.push_back(*q.speaker);
    }
  }
  std::vector<Key> keys;
  for (const GoldQuote& g : d.gold) {
    if (g.kind == SourceKind::kNamed && std::find(keys.begin(), keys.end(), g.key) == keys.end()) {
      keys.push_back(g.key);
    }
  }
  // One speaker named in two ways ("Trump", "Donald Trump") is one gold speaker: a key that is
  // part of another key of the article is dropped.
  std::vector<Key> kept;
  for (const auto& k : keys) {
    const bool part = std::any_of(keys.begin(), keys.end(), [&](const Key& o) {
      return o.size() > k.size() && std::includes(o.begin(), o.end(), k.begin(), k.end());
    });
    if (!part) kept.push_back(k);
  }
  c.doc_sys += sys.size();
  c.doc_gold += kept.size();
  for (const auto& s : sys) {
    if (std::any_of(kept.begin(), kept.end(), [&](const auto& k) { return matches(s, k); })) {
      ++c.doc_sys_ok;
    } else if (!log.full()) {
      ++log.shown;
      std::cerr << "DOC-EXTRA [" << d.name << "] speaker no direct gold quote names: " << s << "\n";
      for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
        if (quotes[qi].speaker != s) continue;
        const Span sp = quotes[qi].span;
        std::cerr << "   (" << rules[qi] << ", " << sp.end - sp.start << " bytes) "
                  << clip(d.text.substr(sp.start, sp.end - sp.start), 70) << "\n";
      }
    }
  }
  for (const auto& k : kept) {
    if (std::any_of(sys.begin(), sys.end(), [&](const auto& s) { return matches(s, k); })) {
      ++c.doc_gold_ok;
    } else if (!log.full()) {
      ++log.shown;
      std::cerr << "DOC-MISSED [" << d.name << "] gold speaker key: " << joined(k) << "\n";
    }
  }
}

struct Config {
  bool precise = false;
  std::size_t margin = 0;
  bool subjects = true;  // QuoteOptions::sentence_subjects
  std::size_t appositive = newsidx::entities::QuoteOptions{}.appositive_window;
  bool subordinate = true;  // QuoteOptions::subordinate_subjects
  bool objects = true;      // QuoteOptions::object_exclusion
  bool surnames = true;     // QuoteOptions::shared_surnames
  bool chains = true;       // QuoteOptions::appositive_chains
  // QuoteOptions::learned_genders and ::asked_persons: not grid knobs; --genders and --asked
  // set them for every point.
  bool genders = newsidx::entities::QuoteOptions{}.learned_genders;
  bool asked = newsidx::entities::QuoteOptions{}.asked_persons;
  std::string name() const {
    return std::string(precise ? "precise" : "default") + ", margin " + std::to_string(margin) +
           (subjects ? "" : ", no sentence subjects") + ", appositive " + std::to_string(appositive) +
           (subordinate ? "" : ", no subordinate subjects") + (objects ? "" : ", no object exclusion") +
           (surnames ? "" : ", no shared surnames") + (chains ? "" : ", no appositive chains") +
           (genders ? ", learned genders" : "") + (asked ? ", asked persons" : "");
  }
  bool operator==(const Config&) const = default;
};

// Runs the attribution over one article at `cfg` and scores it.
Counts score_doc(const Doc& d, const Config& cfg, ErrorLog& log) {
  std::vector<std::string> rules;
  newsidx::entities::QuoteOptions options;
  options.rules = &rules;
  options.precise = cfg.precise;
  options.pronoun_margin = cfg.margin;
  options.sentence_subjects = cfg.subjects;
  options.appositive_window = cfg.appositive;
  options.subordinate_subjects = cfg.subordinate;
  options.object_exclusion = cfg.objects;
  options.shared_surnames = cfg.surnames;
  options.appositive_chains = cfg.chains;
  options.learned_genders = cfg.genders;
  options.asked_persons = cfg.asked;
  const std::vector<Quote> quotes = newsidx::entities::find_quotes(d.text, d.mentions, options);
  Counts c;
  for (const GoldQuote& g : d.gold) score_quote(d, g, quotes, rules, c, log);
  score_document(d, quotes, rules, c, log);
  return c;
}

// --- Reports -----------------------------------------------------------------------------------

void print_report(const Args& args, const Counts& c, const LoadStats& ls, std::size_t articles,
                  bool referents) {
  const double p = pct(c.doc_sys_ok, c.doc_sys), r = pct(c.doc_gold_ok, c.doc_gold);
  std::printf("articles: %zu (mentions: %s; mode: %s, pronoun margin %zu, sentence subjects %s)\n", articles,
              args.use_tagger ? "article analysis (NER tagger)" : "none, text only",
              args.precise ? "precise" : "default", args.margin, args.subjects ? "on" : "off");
  std::printf("gold direct quotes: %zu (named source %zu, described %zu, no source %zu; left out: "
              "%zu whose Source span is only a verb)\n",
              c.gold_direct, c.gold_named, c.gold_described, c.gold_none, ls.skipped);
  if (referents) {
    std::printf("pronoun Sources: %zu keyed by annotated referents (%s), %zu by the stand-in\n",
                ls.referents_used, args.referents_path.c_str(), ls.referents_missing);
  }
  std::printf("found by the quote finder: %zu (%.1f%%)\n", c.found, pct(c.found, c.gold_direct));
  std::printf("coverage (named gold given a speaker): %zu/%zu = %.1f%%\n", c.named_given,
              c.gold_named, coverage(c));
  std::printf("precision (speaker matches gold): %zu/%zu = %.1f%%\n", c.correct, c.given, precision(c));
  std::printf("accuracy (right over all gold direct quotes): %zu/%zu = %.1f%%\n", c.right,
              c.gold_direct, accuracy(c));
  std::printf("  named right %zu/%zu (by the speaker; %zu more by a description of a named Source "
              "that reads as one, of %zu such); described right (head noun in the Source span) "
              "%zu/%zu; no source right (nothing given) %zu/%zu; descriptions given %zu\n",
              c.correct, c.gold_named, c.descriptive_right, c.gold_descriptive, c.described_right,
              c.gold_described, c.none_right, c.gold_none, c.described_given);
  std::printf("  of which a speaker for an unnamed gold source: %zu\n", c.unnamed_given);
  std::printf("  gold source a name: %.1f%% of %zu; a pronoun (%s): %.1f%% of %zu\n",
              pct(c.by_name.second, c.by_name.first), c.by_name.first,
              referents ? "annotated referent" : "key of the previous named source",
              pct(c.by_pronoun.second, c.by_pronoun.first), c.by_pronoun.first);
  for (const auto& [rule, nk] : c.per_rule) {
    std::printf("  rule %-16s %4zu given, precision %.1f%%\n", rule.c_str(), nk.first,
                pct(nk.second, nk.first));
  }
  std::printf("document named speakers: P %.1f%% (%zu/%zu)  R %.1f%% (%zu/%zu)  F1 %.1f\n", p,
              c.doc_sys_ok, c.doc_sys, r, c.doc_gold_ok, c.doc_gold,
              p + r > 0 ? 2 * p * r / (p + r) : 0.0);
}

void print_breakdown(const Counts& c) {
  std::vector<std::pair<std::size_t, std::string>> rows;
  std::size_t total = 0;
  for (const auto& [why, n] : c.causes) {
    rows.emplace_back(n, why);
    total += n;
  }
  std::sort(rows.rbegin(), rows.rend());
  std::printf("gold direct quotes not right: %zu of %zu\n", total, c.gold_direct);
  for (const auto& [n, why] : rows) {
    std::printf("  %5zu  %5.1f%% of all  %s\n", n, pct(n, c.gold_direct), why.c_str());
  }
}

// The operating points the attribution offers: QuoteOptions::precise, ::pronoun_margin,
// ::sentence_subjects, ::appositive_window, ::subordinate_subjects, ::object_exclusion,
// ::shared_surnames and ::appositive_chains.
const std::vector<Config> kGrid = [] {
  std::vector<Config> g;
  for (const bool chn : {true, false}) {
  for (const bool sur : {true, false}) {
  for (const bool obj : {true, false}) {
  for (const bool sub : {true, false}) {
    for (const std::size_t app : {14, 20, 30}) {
      for (const bool subjects : {true, false}) {
        for (const std::size_t m : {0, 100, 200, 300, 500}) g.push_back({false, m, subjects, app, sub, obj, sur, chn});
        g.push_back({true, 0, subjects, app, sub, obj, sur, chn});
        g.push_back({true, 300, subjects, app, sub, obj, sur, chn});
      }
    }
  }
  }
  }
  }
  return g;
}();

// The point chosen on training folds: the best accuracy among those at 90% precision or more
// (the target), or the most precise when none reaches it.
std::size_t choose(const std::vector<Counts>& per_config) {
  std::size_t best = 0;
  bool best_ok = false;
  for (std::size_t i = 0; i < per_config.size(); ++i) {
    const bool ok = precision(per_config[i]) >= 90.0;
    const bool better = ok ? (!best_ok || accuracy(per_config[i]) > accuracy(per_config[best]))
                           : (!best_ok && precision(per_config[i]) > precision(per_config[best]));
    if (i == 0 || better) {
      best = i;
      best_ok = ok;
    }
  }
  return best;
}

struct Spread {
  std::vector<double> xs;
  std::string str() const {
    double m = 0, v = 0;
    for (double x : xs) m += x;
    m /= static_cast<double>(xs.size());
    for (double x : xs) v += (x - m) * (x - m);
    const double sd = xs.size() > 1 ? std::sqrt(v / static_cast<double>(xs.size() - 1)) : 0.0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f +- %.1f", m, sd);
    return buf;
  }
};

// K-fold cross-validation by article: per fold, the grid point chosen on the other folds and
// the fixed default point, each scored on the held-out fold; mean +- sample sd over the folds.
void cross_validate(const std::vector<Doc>& docs, std::size_t k, bool genders, bool asked) {
  std::vector<Config> grid = kGrid;
  for (Config& c : grid) {
    c.genders = genders;
    c.asked = asked;
  }
  std::vector<std::vector<Counts>> fold(k, std::vector<Counts>(grid.size()));
  ErrorLog quiet;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (std::size_t g = 0; g < grid.size(); ++g) fold[i % k][g].add(score_doc(docs[i], grid[g], quiet));
  }
  const newsidx::entities::QuoteOptions lib;
  const Config def{lib.precise, lib.pronoun_margin, lib.sentence_subjects, lib.appositive_window,
                   lib.subordinate_subjects, lib.object_exclusion, lib.shared_surnames,
                   lib.appositive_chains, genders, asked};
  const auto def_it = std::find(grid.begin(), grid.end(), def);
  const std::size_t def_i = static_cast<std::size_t>(def_it - grid.begin());
  Spread acc, prec, cov, dacc, dprec, dcov;
  std::printf("cross-validation: %zu folds over %zu articles (article i in name order -> fold i mod %zu)\n",
              k, docs.size(), k);
  for (std::size_t f = 0; f < k; ++f) {
    std::vector<Counts> train(grid.size());
    for (std::size_t o = 0; o < k; ++o) {
      if (o == f) continue;
      for (std::size_t g = 0; g < grid.size(); ++g) train[g].add(fold[o][g]);
    }
    const std::size_t pick = choose(train);
    const Counts& held = fold[f][pick];
    acc.xs.push_back(accuracy(held));
    prec.xs.push_back(precision(held));
    cov.xs.push_back(coverage(held));
    if (def_i < grid.size()) {
      dacc.xs.push_back(accuracy(fold[f][def_i]));
      dprec.xs.push_back(precision(fold[f][def_i]));
      dcov.xs.push_back(coverage(fold[f][def_i]));
    }
    std::printf("  fold %zu: %zu gold quotes; chosen on the other folds: %s; held out: accuracy "
                "%.1f%% (%zu right), precision %.1f%% (%zu of %zu), coverage %.1f%%\n",
                f + 1, held.gold_direct, grid[pick].name().c_str(), accuracy(held), held.right,
                precision(held), held.correct, held.given, coverage(held));
  }
  std::printf("chosen point, held-out folds: accuracy %s%%, precision %s%%, coverage %s%%\n",
              acc.str().c_str(), prec.str().c_str(), cov.str().c_str());
  if (!dacc.xs.empty()) {
    std::printf("library default (%s), per fold: accuracy %s%%, precision %s%%, coverage %s%%\n",
                def.name().c_str(), dacc.str().c_str(), dprec.str().c_str(), dcov.str().c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Args> args = parse_args(argc, argv);
  if (!args) {
    std::cerr << "usage: newsidx-eval-speakers DATA_DIR [--mentions tagger|none] [--precise 0|1] "
                 "[--margin BYTES] [--errors N] [--context BYTES] [--referents FILE] "
                 "[--pronoun-tasks FILE] [--breakdown 0|1] [--subjects 0|1] [--appositive N] [--subordinate 0|1] [--objects 0|1] [--surnames 0|1] [--chains 0|1] [--genders 0|1] [--asked 0|1] [--cv K]\n";
    return 2;
  }
  if (!fs::is_directory(args->dir / "text") || !fs::is_directory(args->dir / "attributions")) {
    std::cerr << "error: " << args->dir << " has no text/ and attributions/ folders\n";
    return 2;
  }
  Referents referents;
  if (!args->referents_path.empty()) {
    if (auto err = read_referents(args->referents_path, referents)) {
      std::cerr << "error: " << *err << "\n";
      return 2;
    }
  }
  LoadStats ls;
  const std::vector<Doc> docs = load_docs(*args, referents, ls);
  if (args->folds >= 2) {
    cross_validate(docs, args->folds, args->genders, args->asked);
    return 0;
  }
  ErrorLog log{args->max_errors, 0, args->context};
  Counts total;
  const Config cfg{args->precise, args->margin, args->subjects, args->appositive, args->subordinate, args->objects, args->surnames, args->chains, args->genders, args->asked};
  for (const Doc& d : docs) total.add(score_doc(d, cfg, log));
  print_report(*args, total, ls, docs.size(), !referents.empty());
  if (args->breakdown) print_breakdown(total);
  return 0;
}
