// newsidx-eval-speakers: scores quotation speaker attribution against PolNeAR's attribution gold
// (direct quotes only): coverage, precision, and document-level named-speaker P/R/F1.
//
// Usage: newsidx-eval-speakers DATA_DIR [--mentions tagger|none] [--precise 0|1] [--margin BYTES]
//                              [--errors N] [--context BYTES] [--referents FILE]
//                              [--pronoun-tasks FILE]
//   DATA_DIR is an unpacked PolNeAR compartment (data/dev or data/train) holding text/ and
//   attributions/. With --mentions tagger (the default) the person and organisation mentions
//   come from the article analysis (NER tagger + in-article resolution), as when indexing; with
//   none, speakers are found from the text alone. Figures go to stdout; with --errors, up to N
//   wrong or missing attributions are printed to stderr (they quote corpus text: look, do not
//   commit), with --context also the BYTES of text before each. --referents reads annotated
//   referents of pronoun Sources (tools/data/README.md); --pronoun-tasks writes the blind
//   annotation tasks for them (corpus text: keep out of the repository).
//
// Definitions (see QUALITY.md, "## Quote speakers"):
// - A gold attribution is a DIRECT quote when at least half of the letters of its Content span
//   lie between double quotation marks (straight or curly).
// - Its gold speaker key is the set of capitalised words of its Source span (lower-cased,
//   possessive removed, pronouns and function words dropped). A Source that is only a personal
//   pronoun takes the key of its annotated referent (--referents; "-" there: unnamed); without
//   an annotation, the key of the nearest preceding Source with a key (the old stand-in). Any
//   other Source without such words ("a senior official", "officials") is unnamed, and so is a
//   missing Source.
// - A system quotation answers for a gold quote when their spans overlap (largest overlap wins).
// - A system speaker matches a key when one of its words (3+ letters, titles dropped) is in it.
// Coverage = gold direct quotes with a named key that get a speaker / gold direct quotes with a
// named key. Precision = those given a speaker whose speaker matches / all gold direct quotes
// given a speaker (a speaker for an unnamed gold source counts as wrong).
// Document level: gold = the distinct keys of an article's direct quotes, a key contained in
// another key of the article dropped ("trump" beside "donald trump"); system = the article's
// speaker facet (the speakers of quotations that counts_for_speaker_facet accepts); matched by
// the same word overlap; micro-averaged.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/analyzer.hpp"
#include "indexer/entities/quotes.hpp"

namespace fs = std::filesystem;
using newsidx::Quote;
using newsidx::Span;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte offset of every code point index (plus one past the end).
std::vector<std::size_t> char_to_byte(const std::string& s) {
  std::vector<std::size_t> map;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) map.push_back(i);
  }
  map.push_back(s.size());
  return map;
}

struct GoldSpan {
  std::string label;
  std::vector<Span> ranges;  // bytes
};

struct GoldAttribution {
  std::vector<Span> content, source;
};

std::vector<GoldAttribution> read_ann(const std::string& ann, const std::vector<std::size_t>& cb) {
  std::map<std::string, GoldSpan> spans;
  std::vector<std::vector<std::pair<std::string, std::string>>> events;
  std::istringstream in(ann);
  std::string line;
  auto to_byte = [&](std::size_t c) { return c < cb.size() ? cb[c] : cb.back(); };
  while (std::getline(in, line)) {
    if (line.size() < 2 || (line[0] != 'T' && line[0] != 'E')) continue;
    const auto tab1 = line.find('\t');
    if (tab1 == std::string::npos) continue;
    const std::string id = line.substr(0, tab1);
    if (id.find_first_not_of("0123456789", 1) != std::string::npos) continue;
    const auto tab2 = line.find('\t', tab1 + 1);
    const std::string body = line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos
                                                                             : tab2 - tab1 - 1);
    if (line[0] == 'T') {
      std::istringstream b(body);
      GoldSpan g;
      b >> g.label;
      std::string rest;
      std::getline(b, rest);
      std::replace(rest.begin(), rest.end(), ';', ' ');
      std::istringstream r(rest);
      std::size_t s = 0, e = 0;
      while (r >> s >> e) g.ranges.push_back({to_byte(s), to_byte(e)});
      spans[id] = g;
    } else {
      std::istringstream b(body);
      std::string role;
      std::vector<std::pair<std::string, std::string>> ev;
      while (b >> role) {
        const auto colon = role.find(':');
        if (colon != std::string::npos) ev.emplace_back(role.substr(0, colon), role.substr(colon + 1));
      }
      events.push_back(ev);
    }
  }
  std::vector<GoldAttribution> out;
  for (const auto& ev : events) {
    GoldAttribution a;
    for (const auto& [role, id] : ev) {
      auto it = spans.find(id);
      if (it == spans.end()) continue;
      if (role.rfind("Content", 0) == 0) a.content.insert(a.content.end(), it->second.ranges.begin(), it->second.ranges.end());
      if (role.rfind("Source", 0) == 0) a.source.insert(a.source.end(), it->second.ranges.begin(), it->second.ranges.end());
    }
    if (!a.content.empty()) out.push_back(a);
  }
  return out;
}

bool is_mark(const std::string& t, std::size_t i, std::size_t* len) {
  if (t[i] == '"') {
    *len = 1;
    return true;
  }
  if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x9D") == 0) {
    *len = 3;
    return true;
  }
  // Two apostrophes as one double mark (New York Times copy) and guillemets are marks too.
  if (t.compare(i, 2, "''") == 0 || t.compare(i, 2, "\xC2\xAB") == 0 || t.compare(i, 2, "\xC2\xBB") == 0) {
    *len = 2;
    return true;
  }
  return false;
}

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether at least half of the content's letters lie between quotation marks.
bool is_direct(const std::string& t, const std::vector<Span>& content) {
  std::size_t inside = 0, total = 0;
  for (const Span& s : content) {
    bool open = false;
    for (std::size_t i = s.start; i < s.end && i < t.size();) {
      std::size_t len = 0;
      if (is_mark(t, i, &len)) {
        open = !open;
        i += len;
        continue;
      }
      if (is_letter(static_cast<unsigned char>(t[i]))) {
        ++total;
        if (open) ++inside;
      }
      ++i;
    }
  }
  return total > 0 && 2 * inside >= total;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    for (const std::string suffix : {"'s", "\xE2\x80\x99s"}) {
      if (cur.size() > suffix.size() && cur.compare(cur.size() - suffix.size(), suffix.size(), suffix) == 0) {
        cur.resize(cur.size() - suffix.size());
      }
    }
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_letter(c) || c >= 0x80 || c == '\'' || c == '-' || c == '.') {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // O\u2019Neill is O'Neill
        cur += '\'';
        i += 2;
        continue;
      }
      if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) {
        flush();
        i += 2;
        continue;
      }
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

const std::set<std::string> kFunction = {"the", "a", "an", "he", "she", "i", "we", "they", "it",
                                         "you", "his", "her", "their", "its", "our", "my", "in",
                                         "on", "at", "and", "but", "of", "for", "to", "this",
                                         "that", "these", "those", "one", "some", "many"};
const std::set<std::string> kVerbOnly = {"said", "says", "say", "told", "wrote", "added",
                                         "asked", "tweeted"};
const std::set<std::string> kPersonalPronouns = {"he", "she", "his", "her", "him", "hers", "i",
                                                 "me", "my", "we", "us", "our", "they", "them",
                                                 "their"};
const std::set<std::string> kTitles = {"president", "sen.", "senator", "rep.", "gov.", "governor",
                                       "secretary", "mr.", "mrs.", "ms.", "dr.", "gen.", "u.s.",
                                       "former", "vice", "chairman", "speaker", "state", "house",
                                       "republican", "democratic", "democrat", "campaign"};

std::set<std::string> name_key(const std::string& source_text) {
  std::set<std::string> key;
  for (const std::string& w : words(source_text)) {
    if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) continue;
    const std::string l = lower(w);
    if (kFunction.count(l)) continue;
    key.insert(l);
  }
  return key;
}

bool pronoun_only(const std::string& source_text) {
  const auto ws = words(source_text);
  if (ws.empty()) return false;
  for (const auto& w : ws) {
    if (!kPersonalPronouns.count(lower(w))) return false;
  }
  return true;
}

bool matches(const std::string& speaker, const std::set<std::string>& key) {
  for (const std::string& w : words(speaker)) {
    const std::string l = lower(w);
    if (l.size() < 3 || kTitles.count(l) || kFunction.count(l)) continue;
    if (key.count(l)) return true;
  }
  return false;
}

std::string join_text(const std::string& t, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += " ";
    out += t.substr(s.start, s.end - s.start);
  }
  return out;
}

std::size_t overlap(const Span& a, const std::vector<Span>& bs) {
  std::size_t o = 0;
  for (const Span& b : bs) {
    const std::size_t s = std::max(a.start, b.start), e = std::min(a.end, b.end);
    if (e > s) o += e - s;
  }
  return o;
}

std::string clip(std::string s, std::size_t n) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  if (s.size() > n) s = s.substr(0, n) + "...";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: newsidx-eval-speakers DATA_DIR [--mentions tagger|none] [--precise 0|1] [--margin BYTES] [--errors N] [--context BYTES] [--referents FILE] [--pronoun-tasks FILE]\n";
    return 2;
  }
  const fs::path dir = argv[1];
  std::size_t max_errors = 0;
  std::size_t context = 0;  // bytes of text before a wrong/missed quote to print with it
  bool use_tagger = true;
  bool precise = false;
  std::size_t margin = newsidx::entities::QuoteOptions{}.pronoun_margin;
  std::string referents_path, tasks_path;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--referents") referents_path = argv[i + 1];
    if (std::string(argv[i]) == "--pronoun-tasks") tasks_path = argv[i + 1];
    if (std::string(argv[i]) == "--errors") max_errors = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--mentions") use_tagger = std::string(argv[i + 1]) != "none";
    if (std::string(argv[i]) == "--precise") precise = std::string(argv[i + 1]) == "1";
    if (std::string(argv[i]) == "--margin") margin = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--context") context = std::stoul(argv[i + 1]);
  }
  if (!fs::is_directory(dir / "text") || !fs::is_directory(dir / "attributions")) {
    std::cerr << "error: " << dir << " has no text/ and attributions/ folders\n";
    return 2;
  }
  // Annotated referents of pronoun Sources: "article<TAB>byte<TAB>pronoun<TAB>referent[<TAB>...]",
  // the referent "-" when it has no name in the article (the author, "protesters"); further
  // fields (the single annotators' answers) are not read.
  std::map<std::pair<std::string, std::size_t>, std::string> referents;
  if (!referents_path.empty()) {
    std::ifstream in(referents_path);
    if (!in) {
      std::cerr << "error: cannot read " << referents_path << "\n";
      return 2;
    }
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream f(line);
      std::string art, at, pron, ref;
      if (!std::getline(f, art, '\t') || !std::getline(f, at, '\t') || !std::getline(f, pron, '\t') ||
          !std::getline(f, ref, '\t') || ref.empty()) {
        std::cerr << "error: " << referents_path << ":" << line_no << ": expected 4 tab-separated fields\n";
        return 2;
      }
      std::size_t byte = 0;
      try {
        byte = std::stoul(at);
      } catch (const std::exception&) {
        std::cerr << "error: " << referents_path << ":" << line_no << ": byte offset is not a number\n";
        return 2;
      }
      referents[{art, byte}] = ref;
    }
  }
  std::ofstream tasks;
  if (!tasks_path.empty()) tasks.open(tasks_path);
  std::size_t referents_used = 0, referents_missing = 0, tasks_written = 0;
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(dir / "text")) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  std::map<std::string, fs::path> anns;  // one annotator per article: the first by name
  for (const auto& e : fs::directory_iterator(dir / "attributions")) {
    const std::string name = e.path().stem().string();
    const auto us = name.rfind('_');
    if (us == std::string::npos) continue;
    const std::string article = name.substr(0, us);
    if (!anns.count(article) || e.path() < anns[article]) anns[article] = e.path();
  }

  std::size_t gold_skipped = 0;
  std::size_t gold_direct = 0, gold_named = 0, gold_unnamed = 0, found = 0;
  std::size_t named_given = 0, given = 0, correct = 0, unnamed_given = 0;
  std::size_t doc_sys = 0, doc_gold = 0, doc_sys_ok = 0, doc_gold_ok = 0;
  std::size_t errors_shown = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> per_rule;  // given, correct
  std::pair<std::size_t, std::size_t> by_name, by_pronoun;  // gold source named / a pronoun
  for (const fs::path& tp : texts) {
    const std::string article = tp.stem().string();
    if (!anns.count(article)) continue;
    const std::string text = slurp(tp);
    const auto cb = char_to_byte(text);
    auto gold = read_ann(slurp(anns[article]), cb);
    std::sort(gold.begin(), gold.end(), [](const auto& a, const auto& b) {
      return a.content.front().start < b.content.front().start;
    });
    std::vector<newsidx::Mention> mentions;
    if (use_tagger) {
      // The analysis indexing runs; line 1 is the headline (PolNeAR's layout).
      newsidx::Article a;
      a.id = article;
      a.text = text;
      const auto nl = text.find('\n');
      a.title = text.substr(0, nl == std::string::npos ? text.size() : nl);
      a.body = {nl == std::string::npos ? text.size() : nl + 1, text.size()};
      mentions = newsidx::entities::analyze(a).mentions;
    }
    std::vector<std::string> rules;
    newsidx::entities::QuoteOptions options;
    options.rules = &rules;
    options.precise = precise;
    options.pronoun_margin = margin;
    const std::vector<Quote> quotes = newsidx::entities::find_quotes(text, mentions, options);

    // Keys for every Source (direct or not), in text order, for the pronoun stand-in.
    std::vector<std::pair<std::size_t, std::set<std::string>>> keyed_sources;
    for (const auto& g : gold) {
      if (g.source.empty()) continue;
      auto key = name_key(join_text(text, g.source));
      if (!key.empty()) keyed_sources.emplace_back(g.source.front().start, key);
    }
    std::sort(keyed_sources.begin(), keyed_sources.end());

    std::vector<std::set<std::string>> doc_keys;
    for (const auto& g : gold) {
      if (!is_direct(text, g.content)) continue;
      std::set<std::string> key;
      bool via_pronoun = false;
      std::string source_text = g.source.empty() ? "" : join_text(text, g.source);
      if (kVerbOnly.count(lower(source_text))) {
        // An annotation slip: the Source span holds the cue verb, so the gold names nobody
        // and says nobody is unnamed either; such quotes are left out of every figure.
        ++gold_skipped;
        continue;
      }
      ++gold_direct;
      if (!g.source.empty()) {
        key = name_key(source_text);
        if (key.empty() && pronoun_only(source_text)) {
          const std::size_t at = g.source.front().start;
          const auto ref = referents.find({article, at});
          if (ref != referents.end()) {
            ++referents_used;
            if (ref->second != "-") key = name_key(ref->second);
          } else {
            if (!referents.empty()) ++referents_missing;
            for (const auto& [pos, k] : keyed_sources) {
              if (pos < at) key = k;
            }
          }
          via_pronoun = !key.empty();
          if (tasks.is_open()) {
            // For a blind annotator: the headline and up to 2,500 bytes before the quotation's
            // end, the pronoun marked; nothing of the system's answer.
            const std::size_t qe = g.content.back().end;
            const std::size_t head_end = std::min(text.find('\n'), qe);
            std::size_t from = qe > 2500 ? std::max(qe - 2500, head_end) : 0;
            from = std::min(from, at);  // the pronoun itself is always shown
            while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
            ++tasks_written;
            tasks << "### ITEM " << article << "\t" << at << "\t" << source_text << "\n"
                  << text.substr(0, head_end) << "\n" << (from > head_end ? "[...]\n" : "")
                  << text.substr(from, at - from) << "[[" << source_text << "]]"
                  << text.substr(g.source.back().end, qe > g.source.back().end ? qe - g.source.back().end : 0)
                  << "\n\n";
          }
        }
      }
      if (key.empty()) {
        ++gold_unnamed;
      } else {
        ++gold_named;
        if (std::find(doc_keys.begin(), doc_keys.end(), key) == doc_keys.end()) doc_keys.push_back(key);
      }
      const Quote* best = nullptr;
      std::string rule;
      std::size_t best_o = 0;
      for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
        const std::size_t o = overlap(quotes[qi].span, g.content);
        if (o > best_o) {
          best_o = o;
          best = &quotes[qi];
          rule = rules[qi];
        }
      }
      if (best) ++found;
      const bool has_speaker = best && best->speaker;
      bool ok = false;
      if (has_speaker) {
        ++given;
        if (key.empty()) {
          ++unnamed_given;
        } else {
          ++named_given;
          ok = matches(*best->speaker, key);
          if (ok) ++correct;
          auto& [n, k] = via_pronoun ? by_pronoun : by_name;
          ++n;
          if (ok) ++k;
        }
        auto& [n, k] = per_rule[rule];
        ++n;
        if (ok) ++k;
      }
      const bool wrong = has_speaker && !ok;
      const bool missed = !key.empty() && !has_speaker;
      if ((wrong || missed) && errors_shown < max_errors) {
        ++errors_shown;
        std::cerr << (wrong ? "WRONG " : "MISSED") << " [" << article << "] gold source: \""
                  << clip(source_text, 60) << "\""
                  << (via_pronoun ? " (= " + [&] {
                        std::string j;
                        for (const auto& w : key) j += (j.empty() ? "" : " ") + w;
                        return j;
                      }() + ")" : std::string())
                  << " system: "
                  << (has_speaker ? *best->speaker + " (" + rule + ")" : std::string(best ? "(none)" : "(quote not found)"))
                  << (best && !has_speaker && best->cue
                          ? " cue: \"" + text.substr(best->cue->start, best->cue->end - best->cue->start) + "\""
                          : std::string())
                  << "\n   quote: " << clip(join_text(text, g.content), 90) << "\n";
        if (context > 0) {
          const std::size_t qb = g.content.front().start;
          const std::size_t cb0 = qb > context ? qb - context : 0;
          std::cerr << "   before: ..." << clip(text.substr(cb0, qb - cb0), context + 10) << "\n";
        }
      }
    }
    // Document level.
    std::vector<std::string> sys;
    for (const Quote& q : quotes) {
      if (newsidx::entities::counts_for_speaker_facet(q) &&
          std::find(sys.begin(), sys.end(), *q.speaker) == sys.end()) {
        sys.push_back(*q.speaker);
      }
    }
    // One speaker named in two ways ("Trump", "Donald Trump") is one gold speaker: a key that is
    // part of another key of the article is dropped.
    {
      std::vector<std::set<std::string>> kept;
      for (const auto& k : doc_keys) {
        const bool part = std::any_of(doc_keys.begin(), doc_keys.end(), [&](const std::set<std::string>& o) {
          return o.size() > k.size() && std::includes(o.begin(), o.end(), k.begin(), k.end());
        });
        if (!part) kept.push_back(k);
      }
      doc_keys = std::move(kept);
    }
    doc_sys += sys.size();
    doc_gold += doc_keys.size();
    for (const auto& s : sys) {
      if (std::any_of(doc_keys.begin(), doc_keys.end(), [&](const auto& k) { return matches(s, k); })) {
        ++doc_sys_ok;
      } else if (errors_shown < max_errors) {
        ++errors_shown;
        std::cerr << "DOC-EXTRA [" << article << "] speaker no direct gold quote names: " << s << "\n";
        for (std::size_t qi = 0; qi < quotes.size(); ++qi) {
          if (quotes[qi].speaker != s) continue;
          std::cerr << "   (" << rules[qi] << ", " << quotes[qi].span.end - quotes[qi].span.start
                    << " bytes) " << clip(text.substr(quotes[qi].span.start, quotes[qi].span.end - quotes[qi].span.start), 70) << "\n";
        }
      }
    }
    for (const auto& k : doc_keys) {
      if (std::any_of(sys.begin(), sys.end(), [&](const auto& s) { return matches(s, k); })) {
        ++doc_gold_ok;
      } else if (errors_shown < max_errors) {
        ++errors_shown;
        std::string joined;
        for (const auto& w : k) joined += (joined.empty() ? "" : " ") + w;
        std::cerr << "DOC-MISSED [" << article << "] gold speaker key: " << joined << "\n";
      }
    }
  }
  auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  const double p = pct(doc_sys_ok, doc_sys), r = pct(doc_gold_ok, doc_gold);
  std::printf("articles: %zu (mentions: %s; mode: %s, pronoun margin %zu)\n", anns.size(),
              use_tagger ? "article analysis (NER tagger)" : "none, text only",
              precise ? "precise" : "default", margin);
  std::printf("gold direct quotes: %zu (named source %zu, unnamed or no source %zu; left out: %zu "
              "whose Source span is only a verb)\n", gold_direct, gold_named, gold_unnamed,
              gold_skipped);
  if (!referents.empty()) {
    std::printf("pronoun Sources: %zu keyed by annotated referents (%s), %zu by the stand-in\n",
                referents_used, referents_path.c_str(), referents_missing);
  }
  if (tasks.is_open()) std::fprintf(stderr, "%zu pronoun tasks written to %s\n", tasks_written, tasks_path.c_str());
  std::printf("found by the quote finder: %zu (%.1f%%)\n", found, pct(found, gold_direct));
  std::printf("coverage (named gold given a speaker): %zu/%zu = %.1f%%\n", named_given, gold_named,
              pct(named_given, gold_named));
  std::printf("precision (speaker matches gold): %zu/%zu = %.1f%%\n", correct, given, pct(correct, given));
  std::printf("  of which a speaker for an unnamed gold source: %zu\n", unnamed_given);
  std::printf("  gold source a name: %.1f%% of %zu; a pronoun (%s): %.1f%% of %zu\n",
              pct(by_name.second, by_name.first), by_name.first,
              referents.empty() ? "key of the previous named source" : "annotated referent",
              pct(by_pronoun.second, by_pronoun.first), by_pronoun.first);
  for (const auto& [rule, nk] : per_rule) {
    std::printf("  rule %-16s %4zu given, precision %.1f%%\n", rule.c_str(), nk.first,
                pct(nk.second, nk.first));
  }
  std::printf("document named speakers: P %.1f%% (%zu/%zu)  R %.1f%% (%zu/%zu)  F1 %.1f\n", p,
              doc_sys_ok, doc_sys, r, doc_gold_ok, doc_gold, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
  return 0;
}
