// Unit tests for the NER tagger's sports features: the score-line detector, team words, the
// specs and hook names that select them, and what they add to a document's features.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_model.hpp"
#include "indexer/entities/tagger_sports.hpp"
#include "indexer/entities/tagger_train.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace ent = newsidx::entities;

namespace {

// A document of one sentence a line, words split at spaces; the words view `storage`.
struct Doc {
  std::vector<std::string> storage;
  ent::TaggerInput input;
  explicit Doc(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
      std::string w;
      for (char c : line + " ") {
        if (c != ' ') {
          w += c;
        } else if (!w.empty()) {
          storage.push_back(w);
          w.clear();
        }
      }
      input.sentence_ends.push_back(storage.size());
    }
    input.words.assign(storage.begin(), storage.end());
  }
  ent::ScoreEvidence evidence() const { return ent::score_evidence(input.words, input.sentence_ends); }
  // The words team_words marks, joined by spaces.
  std::string teams(bool before_scores = false) const {
    const auto marks = ent::team_words(input.words, input.sentence_ends, before_scores);
    std::string s;
    for (std::size_t i = 0; i < marks.size(); ++i)
      if (marks[i]) s += (s.empty() ? "" : " ") + storage[i];
    return s;
  }
};

}  // namespace

TEST_CASE("tagger sports: results lines count as score lines, dates, prices and aircraft do not", "[tagger]") {
  CHECK(Doc({"Leeds 2 Arsenal 1"}).evidence().score_lines == 1);
  CHECK(Doc({"Portsmouth 1 Queens Park Rangers 2 ( halftime 0-1 )"}).evidence().score_lines == 1);
  CHECK(Doc({"Essex 532-8 declared"}).evidence().score_lines == 1);
  CHECK(Doc({"Sampras beat Henman 6-4 7-5 on Monday ."}).evidence().score_lines == 1);
  CHECK(Doc({"BOSTON 2 Oakland 1"}).evidence().score_lines == 1);

  CHECK(Doc({"The talks resume on August 31 and end on September 2 ."}).evidence().score_lines == 0);
  CHECK(Doc({"Qantas ordered Boeing 747 jets and Airbus 320 planes ."}).evidence().score_lines == 0);
  CHECK(Doc({"Shr 12 cts vs 10 cts"}).evidence().score_lines == 0);
  CHECK(Doc({"Profit rose to 1996-08-22 levels , said Mr Smith ."}).evidence().score_lines == 0);
  CHECK(Doc({"the 1995-96 season"}).evidence().score_lines == 0);
  CHECK(Doc({"a 2-1 vote"}).evidence().score_lines == 0);  // no name before the score
  CHECK(Doc({"Durham 326 ( Cox 95 not out )"}).evidence().score_lines == 0);  // one team

  const Doc page({"SOCCER - ENGLISH LEAGUE RESULTS .", "Leeds 2 Arsenal 1", "Tranmere 3 Grimsby 2",
                  "East Stirling 0 Albion 1"});
  CHECK(page.evidence().sentences == 4);
  CHECK(page.evidence().score_lines == 3);
}

TEST_CASE("tagger sports: a document is flagged from two score lines, or a fifth of its sentences with r", "[tagger]") {
  const auto f = ent::SportsFeatures::parse("f").value();
  const auto fr = ent::SportsFeatures::parse("fr").value();
  CHECK_FALSE(f.fires({10, 1}));
  CHECK(f.fires({10, 2}));
  CHECK(f.fires({100, 2}));
  CHECK_FALSE(fr.fires({100, 2}));
  CHECK(fr.fires({10, 2}));
  CHECK_FALSE(fr.fires({11, 2}));
}

TEST_CASE("tagger sports: the detector reads text as the tagger gets it from the tokenizer", "[tagger]") {
  const ent::TokenizedText results = ent::tokenize(
      "Results of English league matches on Saturday:\n\nLeeds 2 Arsenal 1\n\nTranmere 3 Grimsby 2\n");
  const ent::TaggerInput in = ent::to_tagger_input(results);
  CHECK(ent::score_evidence(in.words, in.sentence_ends).score_lines == 2);
  CHECK(ent::SportsFeatures::parse("f")->fires(ent::score_evidence(in.words, in.sentence_ends)));

  const ent::TokenizedText news = ent::tokenize(
      "Boeing said on March 3 that Qantas ordered four 747 jets. Talks resume on August 31.\n");
  const ent::TaggerInput n = ent::to_tagger_input(news);
  CHECK(ent::score_evidence(n.words, n.sentence_ends).score_lines == 0);
}

TEST_CASE("tagger sports: team words are the names before two scores, wherever they recur", "[tagger]") {
  const Doc d({"Portsmouth 1 Queens Park Rangers 2", "Rangers manager Ray Wilkins said Portsmouth played well ."});
  CHECK(d.teams() == "Portsmouth Queens Park Rangers Rangers Portsmouth");
  // One name and its score is no results line: a golfer's round, a county's total.
  CHECK(Doc({"62 Paul Broadhurst 66", "Durham 326 ( Cox 95 not out )"}).teams().empty());
  // With before_scores, a name before a score joins them; a bowler's figures do not.
  const Doc c({"Somerset 236-4 ( Lathwell 85 ) .", "Rose 7-73 ."});
  CHECK(c.teams(true) == "Somerset");
  CHECK(c.teams(false).empty());
}

TEST_CASE("tagger sports: specs and hook names are read back or refused", "[tagger]") {
  CHECK(ent::SportsFeatures::parse("f")->spec() == "f");
  CHECK(ent::SportsFeatures::parse("fgchtsr")->spec() == "fgchtsr");
  CHECK(ent::SportsFeatures::parse("ts")->spec() == "ts");
  CHECK_FALSE(ent::SportsFeatures::parse("").has_value());
  CHECK_FALSE(ent::SportsFeatures::parse("r").has_value());
  CHECK_FALSE(ent::SportsFeatures::parse("gf").has_value());
  CHECK_FALSE(ent::SportsFeatures::parse("fs").has_value());
  CHECK_FALSE(ent::SportsFeatures::parse("fx").has_value());

  const ent::NamedHook h = ent::builtin_hook("gazetteer+classes=012+sport=fh");
  CHECK(h.name == "gazetteer+classes=012+sport=fh");
  REQUIRE(h.sports.has_value());
  CHECK(h.sports->spec() == "fh");
  CHECK(ent::builtin_hook("gazetteer+sport=t").sports->teams);
  CHECK_FALSE(ent::builtin_hook("gazetteer+classes=012").sports.has_value());
  CHECK(ent::builtin_hook("gazetteer+classes=012+sport=x").name.empty());
  CHECK(ent::builtin_hook("gazetteer+classes=9+sport=f").name.empty());
}

TEST_CASE("tagger sports: a flagged document's capitalised words get more features, other documents none", "[tagger]") {
  const ent::NamedHook h = ent::builtin_hook("gazetteer+sport=fg");
  REQUIRE(h.sports.has_value());
  auto features = [&](const Doc& d, const ent::SportsFeatures* sports) {
    ent::DocumentFeatures f;
    ent::extract_features(d.input, h.hook, f, sports);
    return f;
  };
  const Doc page({"Leeds 2 Arsenal 1", "Tranmere 3 Grimsby 2", "Leeds won in London ."});
  const auto plain = features(page, nullptr);
  const auto sport = features(page, &*h.sports);
  REQUIRE(plain.offsets.size() == sport.offsets.size());
  auto count = [](const ent::DocumentFeatures& f, std::size_t i) { return f.offsets[i + 1] - f.offsets[i]; };
  // "Leeds" (word 0; a city in the gazetteer): the flag and the flag joined with its hit.
  CHECK(count(sport, 0) >= count(plain, 0) + 2);
  CHECK(count(sport, 8) > count(plain, 8));  // "Leeds" again, in the prose line

  const Doc news({"Leeds 2 Arsenal 1", "Leeds won in London ."});  // one score line: not flagged
  const auto a = features(news, nullptr);
  const auto b = features(news, &*h.sports);
  CHECK(a.hashes == b.hashes);
}

TEST_CASE("tagger sports: a model trained with sports features loads back with them and tags alike", "[tagger]") {
  ent::TrainingDocument page;
  page.words = {"Leeds", "2", "Arsenal", "1", "Tranmere", "3", "Grimsby", "2", "Leeds", "won", "."};
  page.sentence_ends = {4, 8, 11};
  page.entities = {{0, 1, ent::EntityType::kOrg}, {2, 3, ent::EntityType::kOrg}, {4, 5, ent::EntityType::kOrg},
                   {6, 7, ent::EntityType::kOrg}, {8, 9, ent::EntityType::kOrg}};
  ent::TrainingDocument news;
  news.words = {"Leeds", "is", "a", "city", "in", "England", "."};
  news.sentence_ends = {7};
  news.entities = {{0, 1, ent::EntityType::kLoc}, {5, 6, ent::EntityType::kLoc}};
  ent::TrainOptions o;
  o.epochs = 3;
  o.hook = ent::builtin_hook("gazetteer+sport=ft");
  const ent::Tagger trained = ent::train({page, news}, o);
  auto loaded = ent::load_builtin_model(trained.save());
  REQUIRE(loaded);
  CHECK(loaded->hook_name() == "gazetteer+sport=ft");
  for (const auto* d : {&page, &news}) {
    CHECK(loaded->tag(ent::to_tagger_input(*d)) == trained.tag(ent::to_tagger_input(*d)));
  }
  // A letter that joins sports features with the hook's own: the hashed hook of tagging lacks
  // them, so such a model is refused rather than tagging without them.
  for (const char* hook : {"gazetteer+sport=fg", "gazetteer+sport=lk", "gazetteer+sport=d"}) {
    INFO(hook);
    o.hook = ent::builtin_hook(hook);
    auto refused = ent::load_builtin_model(ent::train({page, news}, o).save());
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("joins sports features"));
  }
}

TEST_CASE("tagger sports: a word's sports features join the flag with its gazetteer hits, coarse class and shape", "[tagger]") {
  const auto all = ent::SportsFeatures::parse("fgcht").value();
  ent::SportsMarks marks;
  marks.flagged = true;
  marks.teams = {true, false, false};
  auto features_of = [&](const ent::SportsFeatures& which, std::size_t i, bool capitalised) {
    std::vector<std::string> f = {"city:U", "common", "c0:3", "c1:7"};
    ent::add_sports_features(which, marks, i, capitalised, 42, f);
    std::string s;
    for (std::size_t k = 4; k < f.size(); ++k) s += (s.empty() ? "" : " ") + f[k];
    return s;
  };
  CHECK(features_of(all, 0, true) == "team sport&city:U sport&c0:3 sport sport&shape:42");
  CHECK(features_of(all, 1, true) == "sport&city:U sport&c0:3 sport sport&shape:42");
  CHECK(features_of(all, 2, false).empty());  // not capitalised, not a team word
  CHECK(features_of(ent::SportsFeatures::parse("g").value(), 1, true) == "sport&city:U");
  marks.flagged = false;
  CHECK(features_of(all, 0, true) == "team");
  CHECK(features_of(all, 1, true).empty());
}

TEST_CASE("tagger sports: score lines, table rows and prose are told apart, line by line", "[tagger]") {
  const Doc d({"Leeds 2 Arsenal 1", "Barnsley 4 3 1 0 9 4 10", "Leeds beat Arsenal at home on Saturday .",
               "Profits rose 12 pct to 340 mln dlrs in 1996 ."});
  const auto kinds = ent::line_kinds(d.input.words, d.input.sentence_ends);
  REQUIRE(kinds.size() == d.storage.size());
  CHECK(kinds[0] == 1);   // "Leeds" of the score line
  CHECK(kinds[3] == 1);
  CHECK(kinds[4] == 2);   // "Barnsley" of the table row
  CHECK(kinds[12] == 0);  // "Leeds" in prose
  CHECK(kinds[20] == 0);  // numbers amid more lower-case words: prose
}

TEST_CASE("tagger sports: a number beside a word is marked after it first, else before it", "[tagger]") {
  const Doc d({"Leeds 2 Arsenal 1", "1 Chelsea won ."});
  const auto marks = ent::number_neighbours(d.input.words, d.input.sentence_ends);
  REQUIRE(marks.size() == 8);
  CHECK(marks[0] == 1);  // "Leeds" 2
  CHECK(marks[1] == 0);  // "2" has a name after it, no number
  CHECK(marks[2] == 1);  // "Arsenal" 1
  CHECK(marks[3] == 0);  // the line's end: the next line's "1" is no neighbour
  CHECK(marks[5] == 2);  // 1 "Chelsea"
  CHECK(marks[6] == 0);
}

TEST_CASE("tagger sports: a slug opens a document with one or two capitalised words and a dash", "[tagger]") {
  auto slug = [](const std::vector<std::string>& lines) {
    const Doc d(lines);
    return ent::opens_with_slug(d.input.words, d.input.sentence_ends);
  };
  CHECK(slug({"SOCCER - LEEDS WIN .", "Leeds won ."}));
  CHECK(slug({"RUGBY UNION - LIONS LOSE ."}));
  CHECK_FALSE(slug({"Soccer - Leeds win ."}));       // no capitals
  CHECK_FALSE(slug({"THE BIG FIGHT - A REPORT ."}));  // three words
  CHECK_FALSE(slug({"LEEDS WIN ."}));
  CHECK_FALSE(slug({"SOCCER", "- LEEDS WIN ."}));     // the dash in another sentence
}

TEST_CASE("tagger sports: line, number and slug features join a word's own features", "[tagger]") {
  CHECK(ent::SportsFeatures::parse("lknmd")->spec() == "lknmd");
  CHECK(ent::SportsFeatures::parse("tsk")->spec() == "tsk");
  CHECK(ent::SportsFeatures::parse("kr")->spec() == "kr");
  CHECK_FALSE(ent::SportsFeatures::parse("kl").has_value());
  ent::SportsMarks marks;
  marks.line = {1, 2, 0};
  marks.number = {1, 2, 0};
  auto features_of = [&](std::string_view spec, std::size_t i, bool capitalised, bool slug = false) {
    marks.slug = slug;
    std::vector<std::string> f = {"city:U", "c0:3"};
    ent::add_sports_features(ent::SportsFeatures::parse(spec).value(), marks, i, capitalised, 42, f);
    std::string s;
    for (std::size_t k = 2; k < f.size(); ++k) s += (s.empty() ? "" : " ") + f[k];
    return s;
  };
  CHECK(features_of("l", 0, true) == "ln:s");
  CHECK(features_of("k", 0, true) == "city:U&ln:s c0:3&ln:s");
  CHECK(features_of("lk", 1, true) == "ln:t city:U&ln:t c0:3&ln:t");
  CHECK(features_of("lk", 2, true).empty());  // prose
  CHECK(features_of("lk", 0, false).empty());  // not capitalised
  CHECK(features_of("n", 0, true) == "nb:n");
  CHECK(features_of("m", 1, true) == "city:U&nb:p c0:3&nb:p");
  CHECK(features_of("d", 2, true, true) == "slug city:U&slug c0:3&slug");
  CHECK(features_of("d", 2, true, false).empty());
  // A joined feature's id continues the hash of the feature it joins (what a hashed hook can do).
  CHECK(ent::hash_name("city:U&ln:s") == ent::hash_name("&ln:s", ent::hash_name("city:U")));
}
