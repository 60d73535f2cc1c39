// newsidx-train-ner: trains the NER tagger on CoNLL-2003 (and optionally GMB), evaluates it on
// the dev split with conlleval semantics, measures its speed, and writes the model file.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_stage.hpp"
#include "indexer/entities/tagger_sports.hpp"
#include "indexer/entities/tagger_train.hpp"
#include "indexer/entities/tokenizer.hpp"
#include "train_ner_cv.hpp"

namespace ent = newsidx::entities;
using newsidx::train_ner::Eval;
using newsidx::train_ner::Options;
using newsidx::train_ner::print_cross_validation;
using newsidx::train_ner::print_two_stage;
using newsidx::train_ner::sum;
using newsidx::train_ner::train_second_pass;

namespace {

// CPU seconds of this process: the machine is shared, so wall-clock time would measure the
// neighbours' load rather than our speed.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }


std::string read_file(const std::string& path) {
  std::string data;
  if (path.size() > 3 && path.substr(path.size() - 3) == ".gz") {
    const std::string cmd = "gzip -dc '" + path + "'";
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) throw std::runtime_error("cannot run " + cmd);
    char buf[1 << 16];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) data.append(buf, n);
    if (pclose(p) != 0) throw std::runtime_error("gzip failed on " + path);
    return data;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool type_of(std::string_view t, ent::EntityType& out) {
  if (t == "PER") out = ent::EntityType::kPer;
  else if (t == "LOC") out = ent::EntityType::kLoc;
  else if (t == "ORG") out = ent::EntityType::kOrg;
  else if (t == "MISC") out = ent::EntityType::kMisc;
  else return false;
  return true;
}

// Builds entity spans from per-token IOB labels ("O", "I-PER", "B-LOC"). IOB1 and IOB2 both:
// a span starts at B-, or at I- after O or another type.
void add_iob(std::vector<ent::TrainingDocument>& docs, const std::vector<std::string>& labels) {
  auto& doc = docs.back();
  const std::size_t base = doc.words.size() - labels.size();
  std::string prev = "O";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    ent::EntityType type;
    if (l == "O" || l.size() < 3 || !type_of(std::string_view(l).substr(2), type)) {
      prev = "O";
      continue;
    }
    const bool cont = l[0] == 'I' && prev != "O" && prev.substr(2) == l.substr(2);
    if (cont) {
      doc.entities.back().end = base + i + 1;
    } else {
      doc.entities.push_back({base + i, base + i + 1, type});
    }
    prev = l;
  }
}

std::vector<ent::TrainingDocument> read_conll(const std::string& path) {
  const std::string data = read_file(path);
  std::vector<ent::TrainingDocument> docs;
  std::vector<std::string> labels;
  auto end_sentence = [&]() {
    if (labels.empty()) return;
    if (docs.empty()) docs.emplace_back();
    add_iob(docs, labels);
    docs.back().sentence_ends.push_back(docs.back().words.size());
    labels.clear();
  };
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_sentence();
      docs.emplace_back();
      continue;
    }
    const auto sp = line.find(' ');
    const auto last = line.rfind(' ');
    if (sp == std::string::npos) continue;
    if (docs.empty()) docs.emplace_back();
    docs.back().words.push_back(line.substr(0, sp));
    labels.push_back(line.substr(last + 1));
  }
  end_sentence();
  std::erase_if(docs, [](const auto& d) { return d.words.empty(); });
  return docs;
}

// Windows-1252 to UTF-8 (the GMB CSV's encoding).
std::string cp1252_to_utf8(std::string_view s) {
  static const char16_t kHigh[32] = {
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      out += c;
      continue;
    }
    const unsigned cp = (u < 0xA0) ? kHigh[u - 0x80] : u;
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// GMB has no document boundaries: every sentence becomes its own document.
std::vector<ent::TrainingDocument> read_gmb(const Options& o) {
  const std::string data = read_file(o.gmb);
  std::vector<ent::TrainingDocument> docs;
  std::vector<std::string> labels;
  auto end_sentence = [&]() {
    if (labels.empty()) return;
    add_iob(docs, labels);
    docs.back().sentence_ends.push_back(docs.back().words.size());
    labels.clear();
  };
  std::istringstream in(data);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto f = split_csv(line);
    if (f.size() != 4) continue;
    if (!f[0].empty()) {
      end_sentence();
      if (o.gmb_max > 0 && docs.size() >= o.gmb_max) break;
      docs.emplace_back();
    }
    if (docs.empty()) continue;
    docs.back().words.push_back(cp1252_to_utf8(f[1]));
    std::string tag = f[3];
    std::string type = tag.size() > 2 ? tag.substr(2) : "";
    std::string mapped = "O";
    if (type == "per") mapped = "PER";
    else if (type == "org") mapped = "ORG";
    else if (type == "geo") mapped = "LOC";
    else if (type == "gpe" && o.gmb_gpe == "loc") mapped = "LOC";
    else if (type == "gpe" && o.gmb_gpe == "misc") mapped = "MISC";
    labels.push_back(mapped == "O" ? "O" : tag.substr(0, 2) + mapped);
  }
  end_sentence();
  if (o.gmb_max > 0 && docs.size() > o.gmb_max) docs.resize(o.gmb_max);
  return docs;
}


Eval evaluate(const ent::Tagger& tagger, const std::vector<ent::TrainingDocument>& docs) {
  Eval e;
  const double t0 = cpu_seconds();
  for (const auto& d : docs) {
    const auto pred = tagger.tag(ent::to_tagger_input(d));
    ent::score_spans(d.entities, pred, e.by_type);
    e.tokens += d.words.size();
  }
  e.seconds = cpu_seconds() - t0;
  return e;
}


void print_table(const Eval& e) {
  fmt::print("{:<16} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n", "type", "gold", "pred", "right",
             "P", "R", "F1");
  auto row = [](const char* name, const ent::SpanScores& s) {
    fmt::print("{:<16} {:>6} {:>6} {:>6} {:>7.2f} {:>7.2f} {:>7.2f}\n", name, s.gold, s.predicted,
               s.correct, s.precision(), s.recall(), s.f1());
  };
  for (int t = 0; t < 4; ++t) row(ent::to_string(static_cast<ent::EntityType>(t)), e.by_type[t]);
  row("all (4 types)", sum(e, 4));
  row("PER+LOC+ORG", sum(e, 3));
}

// Rebuilds plain text from the dev documents (words joined by spaces, one sentence a line) and
// times tokenize + tag on it: the speed a user sees on real text.
void measure_speed(const ent::Tagger& tagger, const std::vector<ent::TrainingDocument>& docs) {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& d : docs) {
    std::string t;
    std::size_t s = 0;
    for (std::size_t i = 0; i < d.words.size(); ++i) {
      t += d.words[i];
      t += (s < d.sentence_ends.size() && d.sentence_ends[s] == i + 1) ? '\n' : ' ';
      if (s < d.sentence_ends.size() && d.sentence_ends[s] == i + 1) ++s;
    }
    bytes += t.size();
    texts.push_back(std::move(t));
  }
  std::size_t tokens = 0, entities = 0;
  const int rounds = 3;
  const double tt0 = cpu_seconds();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& t : texts) tokens += ent::tokenize(t).tokens.size();
  }
  const double tsec = cpu_seconds() - tt0;
  fmt::print("speed (tokenize only, dev text x{}, CPU time): {:.0f} tokens/s, {:.1f} MB/s\n", rounds,
             tokens / tsec, rounds * bytes / tsec / 1e6);
  tokens = 0;
  const double t0 = cpu_seconds();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& t : texts) {
      const auto tok = ent::tokenize(t);
      tokens += tok.tokens.size();
      entities += tagger.tag(tok).size();
    }
  }
  const double sec = cpu_seconds() - t0;
  fmt::print("speed (tokenize + tag, dev text x{}, CPU time): {:.0f} tokens/s, {:.2f} MB/s ({} entities)\n",
             rounds, tokens / sec, rounds * bytes / sec / 1e6, entities / rounds);
}


// --sport-rate: which articles of `newsidx-index --extract-only --text` output (JSON Lines) the
// sports detector flags, as the tagger sees them (the real tokenizer); one line per flagged
// article (id, score lines, sentences) and a total, with the same rule as `spec` (a
// SportsFeatures spec, e.g. "f" or "fr").
int print_sport_rate(const std::string& path, std::string_view spec) {
  const auto which = ent::SportsFeatures::parse(spec);
  if (!which) throw std::runtime_error("bad sports spec " + std::string(spec));
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::size_t articles = 0, flagged = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("body") || !j["body"].is_string()) continue;
    const std::string body = j["body"].get<std::string>();
    const ent::TokenizedText t = ent::tokenize(body);
    const ent::TaggerInput input = ent::to_tagger_input(t);
    const ent::ScoreEvidence e = ent::score_evidence(input.words, input.sentence_ends);
    ++articles;
    if (!which->fires(e)) continue;
    ++flagged;
    fmt::print("flagged\t{}\t{}\t{}\n", j.value("id", std::string("?")), e.score_lines, e.sentences);
  }
  fmt::print("total\t{} of {} articles flagged\n", flagged, articles);
  return 0;
}

int usage() {
  std::cerr << "usage: newsidx-train-ner --train FILE[.gz] [--train FILE] [--gmb FILE.csv.gz]\n"
               "  [--gmb-gpe loc|misc|drop] [--gmb-max N] --dev FILE[.gz] [--output MODEL]\n"
               "  [--model MODEL (evaluate it instead of training)] [--cv K (K-fold cross-validation over --train, no model written)] [--epochs N] [--seed N] [--min-count N] [--prune X] [--curve]\n"
               "  [--seeds K (every model, jackknifed first passes too, is the mean of K trainings shuffled with seeds derived from --seed; default 1)]\n"
               "  [--gazetteer | --hook NAME (gazetteer, gazetteer+classes=012, gazetteer+classes=12w2, ...)]\n"
               "  [--repair SPEC[,SPEC...] (span repairs for dev and CV scoring: letters among itnsplwaojkhcem, or none; CV scores each)]\n"
               "  [--cv-train-share F (with --cv K --two-stage: each fold trains on the first F of its training documents, 0 < F <= 1)]\n"
               "  [--two-stage (with --cv: cross-validates the two-stage non-local feature)] [--org-errors (with --two-stage: the shipped variant's ORG errors by kind)]\n"
               "  [--stage-extras [s][l][i]|none (second-pass aggregation: the majority's strength, longer names' type, any case)]\n"
               "  [--second-output MODEL2 (also train the second pass of the two-stage tagger; dev scores both stages)]\n"
               "  [--second-model MODEL2 (with --model: the second pass to evaluate with it)] [--second-pass all|marked|disagreeing (default all; train-ner.sh: disagreeing)]\n"
               "  or: newsidx-train-ner --sport-rate EXTRACT.jsonl [SPEC] (articles of --extract-only --text output the sports detector flags)\n";
  return 2;
}

// Reads the data, then cross-validates, or trains (or loads) and evaluates, and writes the models.
int run(Options& o) {
  try {
    std::vector<ent::TrainingDocument> docs;
    std::size_t tokens = 0;
    for (const auto& path : o.train) {
      auto d = read_conll(path);
      for (auto& doc : d) tokens += doc.words.size();
      fmt::print(stderr, "read {}: {} documents\n", path, d.size());
      std::move(d.begin(), d.end(), std::back_inserter(docs));
    }
    if (!o.gmb.empty()) {
      auto g = read_gmb(o);
      fmt::print(stderr, "read {}: {} sentences (gpe -> {})\n", o.gmb, g.size(), o.gmb_gpe);
      for (auto& doc : g) tokens += doc.words.size();
      std::move(g.begin(), g.end(), std::back_inserter(docs));
    }
    fmt::print(stderr, "training on {} tokens\n", tokens);
    if (o.cv > 1) {
      if (o.two_stage) print_two_stage(docs, o);
      else print_cross_validation(docs, o);
      return 0;
    }
    std::vector<ent::TrainingDocument> dev;
    if (!o.dev.empty()) dev = read_conll(o.dev);
    if (o.curve && !dev.empty()) {
      o.train_options.on_epoch = [&](int epoch, const ent::Tagger& t) {
        const Eval e = evaluate(t, dev);
        const auto a = sum(e, 4), b = sum(e, 3);
        fmt::print(stderr, "epoch {:2}: dev F1 all {:.2f}, PER/LOC/ORG {:.2f} (P {:.2f} R {:.2f})\n",
                   epoch, a.f1(), b.f1(), b.precision(), b.recall());
      };
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = o.model.empty() ? ent::train(docs, o.train_options)
                                  : ent::load_builtin_model(read_file(o.model));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    const ent::Tagger tagger = loaded.value().with_repairs(o.train_options.repairs);
    const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const std::string bytes = tagger.save();
    fmt::print("{} in {:.1f} s: {} features, model {:.2f} MB\n", o.model.empty() ? "trained" : "loaded",
               sec, tagger.feature_count(), bytes.size() / 1e6);
    // The second pass, trained (jackknifed first-pass labels on the training documents) or read.
    std::string second_bytes;
    std::optional<ent::Tagger> two;
    if (!o.second_output.empty() || !o.second_model.empty()) {
      auto second = o.second_model.empty() ? newsidx::Result<ent::Tagger>(train_second_pass(docs, o.train_options))
                                           : ent::load_builtin_model(read_file(o.second_model));
      if (!second) throw std::runtime_error(second.error().message);
      second_bytes = second.value().save();
      two = tagger.with_second_pass(second.value(), o.second_pass, o.train_options.stage_extras);
      fmt::print("second pass: {} features, model {:.2f} MB\n", second.value().feature_count(), second_bytes.size() / 1e6);
    }
    if (!dev.empty() && two) {
      fmt::print("dev {}, first pass alone:\n", o.dev);
      print_table(evaluate(tagger, dev));
    }
    if (!dev.empty()) {
      const ent::Tagger& shipped = two ? *two : tagger;
      shipped.tag(ent::to_tagger_input(dev.front()));  // builds the gazetteer before timing
      const Eval e = evaluate(shipped, dev);
      fmt::print("dev {} ({} documents, {} tokens), exact-span entity scores:\n", o.dev,
                 dev.size(), e.tokens);
      print_table(e);
      fmt::print("speed (tag only, pre-tokenised dev, CPU time): {:.0f} tokens/s\n", e.tokens / e.seconds);
      measure_speed(shipped, dev);
    }
    if (!o.output.empty()) {
      std::ofstream out(o.output, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) throw std::runtime_error("cannot write " + o.output);
      fmt::print("wrote {}\n", o.output);
    }
    if (!o.second_output.empty()) {
      std::ofstream out(o.second_output, std::ios::binary);
      out.write(second_bytes.data(), static_cast<std::streamsize>(second_bytes.size()));
      if (!out) throw std::runtime_error("cannot write " + o.second_output);
      fmt::print("wrote {}\n", o.second_output);
    }
  } catch (const std::exception& e) {
    std::cerr << "newsidx-train-ner: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (argc >= 3 && std::string_view(argv[1]) == "--sport-rate") {
    try {
      return print_sport_rate(argv[2], argc >= 4 ? argv[3] : "f");
    } catch (const std::exception& e) {
      std::cerr << "newsidx-train-ner: " << e.what() << "\n";
      return 1;
    }
  }
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error("missing value after " + a);
      return argv[++i];
    };
    try {
      if (a == "--train") o.train.push_back(next());
      else if (a == "--gmb") o.gmb = next();
      else if (a == "--gmb-gpe") o.gmb_gpe = next();
      else if (a == "--gmb-max") o.gmb_max = std::stoul(next());
      else if (a == "--dev") o.dev = next();
      else if (a == "--output") o.output = next();
      else if (a == "--model") o.model = next();
      else if (a == "--second-output") o.second_output = next();
      else if (a == "--second-model") o.second_model = next();
      else if (a == "--second-pass") {
        const std::string v = next();
        if (v == "all") o.second_pass = ent::SecondPass::kAll;
        else if (v == "marked") o.second_pass = ent::SecondPass::kMarked;
        else if (v == "disagreeing") o.second_pass = ent::SecondPass::kDisagreeing;
        else throw std::runtime_error("--second-pass takes all, marked or disagreeing, not " + v);
      }
      else if (a == "--epochs") o.train_options.epochs = std::stoi(next());
      else if (a == "--seed") o.train_options.seed = std::stoull(next());
      else if (a == "--seeds") {
        o.train_options.seeds = std::stoi(next());
        if (o.train_options.seeds < 1) throw std::runtime_error("--seeds takes K >= 1");
      }
      else if (a == "--min-count") o.train_options.min_count = std::stoi(next());
      else if (a == "--prune") o.train_options.prune = std::stof(next());
      else if (a == "--curve") o.curve = true;
      else if (a == "--cv") o.cv = std::stoi(next());
      else if (a == "--cv-train-share") {
        o.cv_train_share = std::stod(next());
        if (!(o.cv_train_share > 0 && o.cv_train_share <= 1)) throw std::runtime_error("--cv-train-share takes 0 < F <= 1");
      }
      else if (a == "--two-stage") o.two_stage = true;
      else if (a == "--org-errors") o.org_errors = true;
      else if (a == "--stage-extras") {
        const auto x = ent::parse_stage_extras(next());
        if (!x) throw std::runtime_error("--stage-extras takes letters among sli, or none");
        o.train_options.stage_extras = *x;
      }
      else if (a == "--repair") {
        std::stringstream list(next());
        o.repairs.clear();
        for (std::string spec; std::getline(list, spec, ',');) {
          const auto r = ent::SpanRepairs::parse(spec);
          if (!r) throw std::runtime_error("--repair takes letters among itnsplwaojkhcem, or none, not " + spec);
          o.repairs.push_back(*r);
        }
        if (o.repairs.empty()) throw std::runtime_error("--repair needs a spec");
        o.train_options.repairs = o.repairs.front();
      }
      else if (a == "--gazetteer") o.train_options.hook = ent::gazetteer_hook();
      else if (a == "--hook") {
        o.train_options.hook = ent::builtin_hook(next());
        if (o.train_options.hook.name.empty()) throw std::runtime_error("unknown hook " + std::string(argv[i]));
      }
      else return usage();
    } catch (const std::exception& e) {
      std::cerr << e.what() << "\n";
      return usage();
    }
  }
  if (o.train.empty() == o.model.empty()) return usage();
  if (!o.second_model.empty() && o.model.empty()) return usage();
  if (o.cv_train_share < 1.0 && !(o.cv > 1 && o.two_stage)) return usage();
  return run(o);
}
