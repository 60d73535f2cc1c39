// The cross-validation reports of newsidx-train-ner: the tagger alone and the two-stage tagger,
// k folds by document over the training data (declared in train_ner_cv.hpp).
#include "train_ner_cv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/core.h>

#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/tagger_sports.hpp"

namespace newsidx::train_ner {

namespace {

// --org-errors: the ORG errors of a held-out fold, counted by kind (missed, spurious, wrong type,
// wrong boundary), length (one word or more), document (a sports headline or not) and whether
// every word of the span occurs in the training folds. A one-off analysis for QUALITY.md (issue
// 19, fifth round); `names` collects the spans of each kind, for reading.
struct OrgErrors {
  std::map<std::string, std::size_t> counts;
  std::map<std::string, std::map<std::string, std::size_t>> names;
};

bool sports_document(const ent::TrainingDocument& d) {
  static const std::set<std::string> kSports = {
      "SOCCER", "CRICKET", "BASEBALL", "TENNIS", "RUGBY", "CYCLING", "GOLF", "ATHLETICS", "RALLYING", "MOTOR",
      "BASKETBALL", "SQUASH", "BOXING", "NFL", "NHL", "NBA", "HORSE", "ICE", "SKIING", "SWIMMING", "FORMULA",
      "BADMINTON", "HOCKEY", "MOTORCYCLING", "ROWING", "SAILING", "YACHTING", "VOLLEYBALL", "HANDBALL", "JUDO",
      "SPEEDWAY", "SNOOKER", "GYMNASTICS", "NORDIC", "ALPINE", "TRIATHLON", "CANOEING", "SPORTS", "SPORT"};
  if (d.words.empty()) return false;
  std::string w = d.words[0];
  for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return kSports.count(w) > 0;
}

// --org-errors: the shape of a boundary error (issue 19, sixth round). `span` is the error (gold
// or predicted), `other` the spans of the other side; shapes read as the prediction against gold:
// "extra at end" ("NATO Allies" for "NATO"), "extra at start", "cut at end", "cut at start" (a
// word of the name missing; "cut at connector" when the missing part starts or ends at one of
// kConnectors; "designator missing" when the one word missing is one of kDesignators),
// "names run together" (one prediction over several gold names), "split" (one gold name in
// several predictions), "other" (both ends wrong).
std::string boundary_shape(const std::vector<std::string>& words, const ent::EntitySpan& span, bool gold_side,
                           const std::vector<ent::EntitySpan>& other) {
  static const std::set<std::string> kConnectors = {"of", "and", "&", "for", "de", "du", "des", "la", "the"};
  static const std::set<std::string> kDesignators = {"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.",
                                                     "Plc", "PLC", "plc", "AG", "SA", "S.A.", "NV", "N.V.", "Group",
                                                     "Corporation", "Company", "Holdings", "Bhd", "GmbH", "Cos"};
  std::vector<ent::EntitySpan> over;
  for (const auto& o : other)
    if (o.begin < span.end && span.begin < o.end) over.push_back(o);
  if (over.size() >= 2) return gold_side ? "split" : "names run together";
  const ent::EntitySpan& g = gold_side ? span : over.front();
  const ent::EntitySpan& p = gold_side ? over.front() : span;
  auto cut = [&](std::size_t from, std::size_t to, bool at_end) {  // gold words [from, to) missing
    if (to - from == 1 && kDesignators.count(words[from])) return std::string("designator missing");
    const std::string& edge = at_end ? words[from] : words[to - 1];
    if (kConnectors.count(edge)) return std::string("cut at connector");
    return std::string(at_end ? "cut at end" : "cut at start");
  };
  if (p.begin == g.begin) return p.end > g.end ? "extra at end" : cut(p.end, g.end, true);
  if (p.end == g.end) return p.begin < g.begin ? "extra at start" : cut(g.begin, p.begin, false);
  return "other";
}

// --org-errors (issue 19, ninth round): a gold ORG read as a place (or a gold place read as an
// ORG) is a country's name when the gazetteer knows the whole span as a country ("Australia"
// the cricket side), else a town's or region's ("Leeds", "Essex").
std::string place_kind(const ent::TrainingDocument& d, const ent::EntitySpan& s) {
  std::vector<std::string_view> words(d.words.begin() + static_cast<std::ptrdiff_t>(s.begin),
                                      d.words.begin() + static_cast<std::ptrdiff_t>(s.end));
  for (const auto& m : ent::Gazetteer::instance().match(words))
    if (m.kind == ent::GazKind::kCountry && m.begin == 0 && m.end == words.size() && !m.partial) return "country";
  return "other place";
}

void count_org_errors(const ent::TrainingDocument& d, const std::vector<ent::EntitySpan>& pred,
                      const std::unordered_set<std::string>& seen, std::size_t fold, OrgErrors& out) {
  auto text = [&](const ent::EntitySpan& s) {
    std::string t;
    for (std::size_t i = s.begin; i < s.end; ++i) t += (t.empty() ? "" : " ") + d.words[i];
    return t;
  };
  auto overlaps = [](const ent::EntitySpan& a, const ent::EntitySpan& b) { return a.begin < b.end && b.begin < a.end; };
  const std::string doc = sports_document(d) ? "sports" : "other";
  auto add = [&](const std::string& kind, const ent::EntitySpan& s) {
    bool all_seen = true;
    for (std::size_t i = s.begin; i < s.end; ++i) all_seen = all_seen && seen.count(d.words[i]) > 0;
    const std::string len = s.end - s.begin == 1 ? "one-word" : "multi-word";
    for (const std::string& key : {kind, kind + " " + len, kind + " " + doc, kind + (all_seen ? " seen" : " unseen"),
                                   "all " + len, "all " + doc, std::string("all ") + (all_seen ? "seen" : "unseen"), std::string("all")})
      ++out.counts[key];
    ++out.names[kind][text(s)];
    // By fold (1-based) and document, and an ORG read for a place or the reverse by what the place is.
    const std::string in_fold = fmt::format("fold {} ", fold + 1);
    ++out.counts[in_fold + kind];
    ++out.counts[in_fold + kind + " " + doc];
    ++out.counts[in_fold + "all"];
    ++out.counts[in_fold + "all " + doc];
    if (kind == "gold ORG tagged LOC" || kind == "ORG for gold LOC") {
      const std::string sub = kind + ": " + place_kind(d, s);
      ++out.counts[sub];
      ++out.counts[in_fold + sub];
      ++out.names[sub][text(s)];
    }
  };
  // A boundary error by shape, named "error text <- other side's overlapping text".
  auto boundary = [&](const std::string& shape, const ent::EntitySpan& s, const std::vector<ent::EntitySpan>& other) {
    const std::size_t n = s.end - s.begin;
    ++out.counts["boundary " + shape];
    ++out.counts["boundary " + shape + (n == 1 ? " one-word" : " multi-word")];
    std::string with;
    for (const auto& o : other)
      if (o.begin < s.end && s.begin < o.end) with += (with.empty() ? "" : " + ") + text(o);
    ++out.names["boundary " + shape][text(s) + " <- " + with];
  };
  for (const auto& g : d.entities) {
    if (g.type != ent::EntityType::kOrg || std::find(pred.begin(), pred.end(), g) != pred.end()) continue;
    const auto same = std::find_if(pred.begin(), pred.end(), [&](const auto& p) { return p.begin == g.begin && p.end == g.end; });
    const bool over = std::any_of(pred.begin(), pred.end(), [&](const auto& p) { return overlaps(p, g); });
    if (same != pred.end()) add(std::string("gold ORG tagged ") + ent::to_string(same->type), g);
    else add(over ? "gold ORG, wrong boundary" : "gold ORG missed", g);
    if (same == pred.end() && over) boundary(boundary_shape(d.words, g, true, pred), g, pred);
  }
  for (const auto& p : pred) {
    if (p.type != ent::EntityType::kOrg || std::find(d.entities.begin(), d.entities.end(), p) != d.entities.end()) continue;
    const auto same = std::find_if(d.entities.begin(), d.entities.end(), [&](const auto& g) { return p.begin == g.begin && p.end == g.end; });
    const bool over = std::any_of(d.entities.begin(), d.entities.end(), [&](const auto& g) { return overlaps(p, g); });
    if (same != d.entities.end()) add(std::string("ORG for gold ") + ent::to_string(same->type), p);
    else add(over ? "ORG, wrong boundary" : "ORG spurious", p);
    if (same == d.entities.end() && over) boundary(boundary_shape(d.words, p, false, d.entities), p, d.entities);
  }
}

void print_org_errors(const OrgErrors& e) {
  for (const auto& [key, n] : e.counts) fmt::print("org-errors\t{}\t{}\n", key, n);
  for (const auto& [kind, names] : e.names) {
    std::vector<std::pair<std::size_t, std::string>> top;
    for (const auto& [name, n] : names) top.emplace_back(n, name);
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::string list;
    for (std::size_t i = 0; i < top.size() && i < 25; ++i) list += fmt::format("{}{} ({})", i ? ", " : "", top[i].second, top[i].first);
    fmt::print("org-error names\t{}\t{}\n", kind, list);
  }
}

// --two-stage --repair A,B,...: the shipped variant (second pass on the disagreeing sentences)
// scored with each repair spec on one fold (the repairs act on both passes' spans, so the
// aggregation reads them too); appends PER/LOC/ORG and ORG F1 to each spec's row.
void score_repairs_two_stage(const std::vector<ent::TrainingDocument>& docs, std::size_t b, std::size_t e,
                             const ent::Tagger& t1, const ent::Tagger& t2, const Options& o,
                             std::vector<std::vector<std::array<double, 2>>>& rows) {
  rows.resize(o.repairs.size());
  for (std::size_t r = 0; r < o.repairs.size(); ++r) {
    const ent::Tagger t = t1.with_repairs(o.repairs[r]).with_second_pass(t2, ent::SecondPass::kDisagreeing,
                                                                            o.train_options.stage_extras);
    Eval ev;
    for (std::size_t d = b; d < e; ++d) ent::score_spans(docs[d].entities, t.tag(ent::to_tagger_input(docs[d])), ev.by_type);
    rows[r].push_back({sum(ev, 3).f1(), ev.by_type[2].f1()});
    fmt::print("fold {} repairs {}: PER/LOC/ORG {:.2f} (ORG {:.2f})\n", rows[r].size(),
               o.repairs[r].spec(), rows[r].back()[0], rows[r].back()[1]);
  }
}

// The means of score_repairs_two_stage's rows, and on how many folds each spec beats the first.
void print_repairs_two_stage(const Options& o, const std::vector<std::vector<std::array<double, 2>>>& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    double m = 0, var = 0, org = 0;
    std::size_t better = 0;
    const double n = static_cast<double>(rows[r].size());
    for (std::size_t f = 0; f < rows[r].size(); ++f) {
      m += rows[r][f][0] / n;
      org += rows[r][f][1] / n;
      better += rows[r][f][0] > rows[0][f][0] ? 1 : 0;
    }
    for (const auto& row : rows[r]) var += (row[0] - m) * (row[0] - m) / (n > 1 ? n - 1 : 1);
    fmt::print("mean repairs {}: PER/LOC/ORG {:.2f}+-{:.2f} (ORG {:.2f}), better than {} on {}/{} folds\n",
               o.repairs[r].spec(), m, std::sqrt(var), org, o.repairs[0].spec(), better, rows[r].size());
  }
}

}  // namespace

ent::SpanScores sum(const Eval& e, int types) {
  ent::SpanScores s;
  for (int t = 0; t < types; ++t) {
    s.gold += e.by_type[t].gold;
    s.predicted += e.by_type[t].predicted;
    s.correct += e.by_type[t].correct;
  }
  return s;
}

// K-fold cross-validation by document over `docs` (contiguous blocks in file order, so a fold
// holds stories of its own days, as unseen news would): trains on K-1 folds, scores the held-out
// one, prints each fold and the mean and sample standard deviation of the F1 figures.
void print_cross_validation(const std::vector<ent::TrainingDocument>& docs, const Options& o) {
  const auto k = static_cast<std::size_t>(o.cv);
  const char* names[] = {"PER", "LOC", "ORG", "MISC", "PER+LOC+ORG", "all 4"};
  fmt::print("{}-fold cross-validation over {} training documents, {} epochs (exact-span F1)\n", k,
             docs.size(), o.train_options.epochs);
  fmt::print("{:<5} {:>7} {:>7} {:>7} {:>7} {:>12} {:>7} {}\n", "fold", names[0], names[1], names[2],
             names[3], names[4], names[5], "repairs");
  std::vector<ent::SpanRepairs> specs = o.repairs;
  if (specs.empty()) specs.push_back(o.train_options.repairs);
  if (const auto& sports = o.train_options.hook.sports) {
    // How often the sports detector fires, fold by fold (it reads the documents as the tagger does).
    std::string counts;
    for (std::size_t f = 0; f < k; ++f) {
      std::size_t flagged = 0;
      const std::size_t b = docs.size() * f / k, end = docs.size() * (f + 1) / k;
      for (std::size_t d = b; d < end; ++d) {
        const ent::TaggerInput in = ent::to_tagger_input(docs[d]);
        flagged += sports->fires(ent::score_evidence(in.words, in.sentence_ends)) ? 1 : 0;
      }
      counts += fmt::format(" {}/{}", flagged, end - b);
    }
    fmt::print("sports detector ({}) flags documents by fold:{}\n", sports->spec(), counts);
  }
  // One trained tagger a fold, scored with each repair spec (repairs act after decoding).
  std::vector<std::vector<std::array<double, 6>>> rows(specs.size());
  ent::for_each_fold(docs, k, o.train_options, [&](std::size_t f, const ent::Tagger& trained, std::size_t b, std::size_t end) {
    for (std::size_t r = 0; r < specs.size(); ++r) {
      const ent::Tagger tagger = trained.with_repairs(specs[r]);
      Eval e;
      for (std::size_t d = b; d < end; ++d)
        ent::score_spans(docs[d].entities, tagger.tag(ent::to_tagger_input(docs[d])), e.by_type);
      std::array<double, 6> row{};
      for (std::size_t t = 0; t < 4; ++t) row[t] = e.by_type[t].f1();
      row[4] = sum(e, 3).f1();
      row[5] = sum(e, 4).f1();
      rows[r].push_back(row);
      fmt::print("{:<5} {:>7.2f} {:>7.2f} {:>7.2f} {:>7.2f} {:>12.2f} {:>7.2f} {}\n", f + 1, row[0], row[1],
                 row[2], row[3], row[4], row[5], specs[r].spec());
    }
    std::fflush(stdout);
  });
  for (std::size_t r = 0; r < specs.size(); ++r) {
    std::array<std::string, 6> cells;
    for (std::size_t c = 0; c < 6; ++c) {
      double mean = 0, var = 0;
      for (const auto& row : rows[r]) mean += row[c] / static_cast<double>(k);
      for (const auto& row : rows[r]) var += (row[c] - mean) * (row[c] - mean) / static_cast<double>(k > 1 ? k - 1 : 1);
      cells[c] = fmt::format("{:.2f}+-{:.2f}", mean, std::sqrt(var));
    }
    fmt::print("{:<5} {:>7} {:>7} {:>7} {:>7} {:>12} {:>7} {}\n", "mean", cells[0], cells[1], cells[2],
               cells[3], cells[4], cells[5], specs[r].spec());
  }
}

// Two-stage prediction aggregation (Ratinov & Roth 2009; indexer/entities/tagger_stage.hpp): the
// type a first-pass tagger gave most of the other occurrences of a capitalised word in the same
// document ("tsm:ORG"; none on a tie) is a feature of a second pass. (All the types seen, one
// feature each, scored +0.13, 3/5 folds.)
//
// The second pass of `first` trained on `docs` (their stage values from a 5-way jackknife inside
// them), with the options of `first_options`.
ent::Tagger train_second_pass(const std::vector<ent::TrainingDocument>& docs, const ent::TrainOptions& first_options) {
  const auto stages = ent::jackknife_stages(docs, first_options, 5);
  std::vector<ent::TrainingDocument> staged = docs;
  for (std::size_t d = 0; d < staged.size(); ++d) staged[d].stage = stages[d];
  ent::TrainOptions second = first_options;
  second.on_epoch = nullptr;
  return ent::train(staged, second);
}

std::size_t training_share(std::size_t n, double share) {
  const auto kept = static_cast<std::size_t>(std::llround(static_cast<double>(n) * share));
  return n == 0 ? 0 : std::clamp<std::size_t>(kept, 1, n);
}

// K-fold CV of the two-stage tagger, scored as the indexer tags (Tagger::with_second_pass): in
// each fold the first pass's types for the training documents come from a 5-way jackknife inside
// the training folds (a tagger never labels the documents it learnt from), those for the held-out
// fold from the first pass trained on all training folds, at tagging time. Prints each fold, the
// first pass beside the three second-pass variants (SecondPass: every sentence decoded again,
// only those with an aggregation feature, only those where it disagrees with the first pass: the
// shipped one), and the means.
void print_two_stage(const std::vector<ent::TrainingDocument>& docs, const Options& o) {
  const auto k = static_cast<std::size_t>(o.cv);
  ent::TrainOptions first = o.train_options;
  first.on_epoch = nullptr;
  const ent::SecondPass which[] = {ent::SecondPass::kAll, ent::SecondPass::kMarked, ent::SecondPass::kDisagreeing};
  constexpr std::size_t kVariants = 4;  // the first pass alone, then `which`
  std::vector<double> scores[kVariants];
  std::vector<double> orgs[kVariants];
  OrgErrors errors;
  std::vector<std::vector<std::array<double, 2>>> repair_rows;  // --repair A,B,...: per spec, per fold
  for (std::size_t f = 0; f < k; ++f) {
    const std::size_t b = docs.size() * f / k, e = docs.size() * (f + 1) / k;
    std::vector<ent::TrainingDocument> train;
    for (std::size_t d = 0; d < docs.size(); ++d)
      if (d < b || d >= e) train.push_back(docs[d]);
    if (o.cv_train_share < 1.0) {
      const std::size_t all = train.size();
      train.resize(training_share(all, o.cv_train_share));
      fmt::print("fold {}: training on the first {} of its {} training documents (share {:.2f})\n", f + 1,
                 train.size(), all, o.cv_train_share);
    }
    const ent::Tagger t1 = ent::train(train, first).with_repairs(o.train_options.repairs);
    const ent::Tagger t2 = train_second_pass(train, first);
    std::unordered_set<std::string> seen;
    if (o.org_errors)
      for (const auto& d : train) seen.insert(d.words.begin(), d.words.end());
    const unsigned x = first.stage_extras;
    const ent::Tagger taggers[] = {t1, t1.with_second_pass(t2, which[0], x), t1.with_second_pass(t2, which[1], x),
                                   t1.with_second_pass(t2, which[2], x)};
    for (std::size_t v = 0; v < kVariants; ++v) {
      Eval ev;
      for (std::size_t d = b; d < e; ++d) {
        const auto pred = taggers[v].tag(ent::to_tagger_input(docs[d]));
        ent::score_spans(docs[d].entities, pred, ev.by_type);
        if (o.org_errors && v == kVariants - 1) count_org_errors(docs[d], pred, seen, f, errors);
      }
      scores[v].push_back(sum(ev, 3).f1());
      orgs[v].push_back(ev.by_type[2].f1());
    }
    if (o.repairs.size() > 1) score_repairs_two_stage(docs, b, e, t1, t2, o, repair_rows);
    fmt::print("fold {}: PER/LOC/ORG first pass {:.2f}, two-stage every sentence {:.2f}, marked sentences {:.2f}, "
               "disagreeing sentences {:.2f} (ORG {:.2f}, {:.2f}, {:.2f}, {:.2f})\n", f + 1, scores[0].back(),
               scores[1].back(), scores[2].back(), scores[3].back(), orgs[0].back(), orgs[1].back(), orgs[2].back(),
               orgs[3].back());
    std::fflush(stdout);
  }
  auto mean_sd = [&](const std::vector<double>& v) {
    double m = 0, var = 0;
    for (double x : v) m += x / static_cast<double>(v.size());
    for (double x : v) var += (x - m) * (x - m) / static_cast<double>(v.size() > 1 ? v.size() - 1 : 1);
    return fmt::format("{:.2f}+-{:.2f}", m, std::sqrt(var));
  };
  fmt::print("mean: first pass {} (ORG {}), two-stage every sentence {} (ORG {}), marked sentences {} (ORG {}), "
             "disagreeing sentences {} (ORG {})\n", mean_sd(scores[0]), mean_sd(orgs[0]), mean_sd(scores[1]),
             mean_sd(orgs[1]), mean_sd(scores[2]), mean_sd(orgs[2]), mean_sd(scores[3]), mean_sd(orgs[3]));
  if (o.repairs.size() > 1) print_repairs_two_stage(o, repair_rows);
  if (o.org_errors) print_org_errors(errors);
}

}  // namespace newsidx::train_ner
