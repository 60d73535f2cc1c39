// Unit tests for the NER tagger's word classes: the table's parser, the built-in table, the
// features, and the hook names that select them.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_classes.hpp"
#include "indexer/entities/tagger_train.hpp"
#include "indexer/entities/tokenizer.hpp"

namespace ent = newsidx::entities;

namespace {

// The features add_class_features gives each word of `sentence` (space-separated), joined as
// "word[f f ...]" so that a whole sentence compares in one string.
std::string features_of(const ent::WordClasses& table, std::string_view spec, const std::string& sentence) {
  std::vector<std::string> storage;
  std::string w;
  for (char c : sentence + " ") {
    if (c != ' ') {
      w += c;
    } else if (!w.empty()) {
      storage.push_back(w);
      w.clear();
    }
  }
  const std::vector<std::string_view> words(storage.begin(), storage.end());
  std::vector<std::vector<std::string>> out(words.size());
  ent::add_class_features(table, ent::ClassFeatures::parse(spec).value(), words, out);
  std::string s;
  for (std::size_t i = 0; i < words.size(); ++i) {
    s += (i ? " " : "") + storage[i] + "[";
    for (std::size_t k = 0; k < out[i].size(); ++k) s += (k ? " " : "") + out[i][k];
    s += "]";
  }
  return s;
}

}  // namespace

TEST_CASE("tagger classes: the table is read from tab-separated rows, malformed ones skipped", "[tagger]") {
  const auto t = ent::WordClasses::parse(
      "# comment\nminister\t3\t12\t400\nsaid\t1\t5\t7\nbad\t1\t2\nworse\t1\tx\t3\n\t1\t2\t3\n"
      "toolong\t1\t2\t3\t4\nlast\t2\t9\t1000");
  CHECK(t.size() == 3);
  REQUIRE(t.find("Minister") != nullptr);
  CHECK(*t.find("MINISTER") == ent::ClassPath{3, 12, 400});
  REQUIRE(t.find("last") != nullptr);
  CHECK(*t.find("last") == ent::ClassPath{2, 9, 1000});
  CHECK(t.find("bad") == nullptr);
  CHECK(t.find("worse") == nullptr);
  CHECK(t.find("toolong") == nullptr);
}

TEST_CASE("tagger classes: features name the chosen levels of the word and, with w2, of words two away", "[tagger]") {
  const auto t = ent::WordClasses::parse("minister\t3\t12\t400\nsaid\t1\t5\t7\nthe\t0\t0\t0\n");
  CHECK(features_of(t, "012", "the minister Zorg said") ==
        "the[c0:0 c1:0 c2:0] minister[c0:3 c1:12 c2:400] Zorg[] said[c0:1 c1:5 c2:7]");
  CHECK(features_of(t, "2w2", "the minister Zorg said") ==
        "the[c2:0] minister[c2:400 c2>2:7] Zorg[c2<2:0] said[c2:7 c2<2:400]");
  CHECK(features_of(t, "0b", "the minister Zorg said") ==
        "the[c0:0 c0b:^,0] minister[c0:3 c0b:0,3] Zorg[] said[c0:1 c0b:?,1]");
  CHECK(features_of(t, "1x", "The minister Zorg said") ==
        "The[c1:0 c1X:0] minister[c1:12 c1x:12] Zorg[c?X] said[c1:5 c1x:5]");
}

TEST_CASE("tagger classes: specs and hook names are read back or refused", "[tagger]") {
  CHECK(ent::ClassFeatures::parse("012")->spec() == "012");
  CHECK(ent::ClassFeatures::parse("12w2")->spec() == "12w2");
  CHECK(ent::ClassFeatures::parse("0bw2")->spec() == "0bw2");
  CHECK(ent::ClassFeatures::parse("2xbw2")->spec() == "2xbw2");
  CHECK_FALSE(ent::ClassFeatures::parse("b0").has_value());
  CHECK_FALSE(ent::ClassFeatures::parse("2bx").has_value());
  CHECK_FALSE(ent::ClassFeatures::parse("3").has_value());
  CHECK_FALSE(ent::ClassFeatures::parse("w2").has_value());
  CHECK_FALSE(ent::ClassFeatures::parse("").has_value());
  CHECK(ent::builtin_hook("gazetteer").name == "gazetteer");
  CHECK(ent::builtin_hook("gazetteer+classes=12").name == "gazetteer+classes=12");
  CHECK(ent::builtin_hook("gazetteer+classes=9").name.empty());
  CHECK(ent::builtin_hook("gazetteer+words").name.empty());
  CHECK(ent::builtin_hook("other").name.empty());
}

TEST_CASE("tagger classes: the built-in table puts news words of a kind together", "[tagger]") {
  const auto& t = ent::WordClasses::instance();
  CHECK(t.size() > 20000);
  for (const char* w : {"monday", "tuesday", "london", "chelsea", "arsenal", "said", "told", "inc", "corp"}) {
    INFO(w);
    REQUIRE(t.find(w) != nullptr);
  }
  // Words used alike share even the finest class; a weekday and a city differ even at the coarsest.
  CHECK((*t.find("monday"))[2] == (*t.find("tuesday"))[2]);
  CHECK((*t.find("chelsea"))[2] == (*t.find("arsenal"))[2]);
  CHECK((*t.find("said"))[2] == (*t.find("told"))[2]);
  CHECK((*t.find("inc"))[2] == (*t.find("corp"))[2]);
  CHECK((*t.find("monday"))[0] != (*t.find("london"))[0]);
}

TEST_CASE("tagger classes: a model trained with word classes loads by the hook it names and tags as trained", "[tagger]") {
  ent::TrainingDocument doc;
  doc.words = {"Arsenal", "beat", "Chelsea", "in", "London", "on", "Monday", "."};
  doc.sentence_ends = {doc.words.size()};
  doc.entities = {{0, 1, ent::EntityType::kOrg}, {2, 3, ent::EntityType::kOrg}, {4, 5, ent::EntityType::kLoc}};
  ent::TrainOptions opts;
  opts.epochs = 5;
  opts.hook = ent::builtin_hook("gazetteer+classes=2w2");
  REQUIRE(opts.hook.name == "gazetteer+classes=2w2");
  const ent::Tagger tagger = ent::train({doc}, opts);
  const std::string bytes = tagger.save();
  CHECK_FALSE(ent::Tagger::load(bytes, {ent::gazetteer_hook()}).ok());
  auto loaded = ent::load_builtin_model(bytes);
  REQUIRE(loaded.ok());
  CHECK(loaded->hook_name() == "gazetteer+classes=2w2");
  CHECK(loaded->tag(ent::to_tagger_input(doc)) == doc.entities);
  // Tagging that hands back the gazetteer hits gives the same entities with the class features.
  const auto tok = ent::tokenize("Arsenal beat Chelsea in London on Monday.");
  std::vector<ent::GazMatch> hits;
  CHECK(loaded->tag(tok, hits) == loaded->tag(tok));
  CHECK_FALSE(hits.empty());
}

TEST_CASE("tagger classes: hashed class features are the ids of the named ones, in order", "[tagger]") {
  const ent::WordClasses& table = ent::WordClasses::instance();
  // Known words, an unknown one ("Zqxjv"), capitals and lower case, and a sentence start.
  const std::vector<std::string_view> words = {"Shares", "of", "Zqxjv", "rose", "in", "London", "on", "Monday", "."};
  for (const char* spec : {"012", "1", "02x", "12b", "012xbw2", "0w2"}) {
    CAPTURE(spec);
    const auto which = ent::ClassFeatures::parse(spec);
    REQUIRE(which);
    std::vector<std::vector<std::string>> names(words.size());
    std::vector<std::vector<std::uint64_t>> ids(words.size());
    ent::add_class_features(table, *which, words, names);
    ent::add_class_hashes(table, *which, words, ids);
    std::size_t total = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::vector<std::uint64_t> expected;
      for (const auto& n : names[i]) expected.push_back(ent::hash_name(n));
      CHECK(ids[i] == expected);
      total += expected.size();
    }
    CHECK(total >= 4);  // the table knows most of these words
  }
}
