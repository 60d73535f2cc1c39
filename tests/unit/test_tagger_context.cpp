// Unit tests for context aggregation: the contexts of a word's other occurrences in a document,
// the specs and hook names that select them, and what they add to a document's features.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_context.hpp"
#include "indexer/entities/tagger_model.hpp"

namespace ent = newsidx::entities;

namespace {

// A document of sentences separated by " | ", words by spaces; the words view `storage`.
struct Doc {
  std::vector<std::string> storage;
  ent::TaggerInput input;
  explicit Doc(const std::string& text) {
    std::string w;
    for (const char c : text + " ") {
      if (c != ' ') {
        w += c;
        continue;
      }
      if (w == "|") input.sentence_ends.push_back(storage.size());
      else if (!w.empty()) storage.push_back(w);
      w.clear();
    }
    input.sentence_ends.push_back(storage.size());
    input.words.assign(storage.begin(), storage.end());
  }
  // Each word's items as "word[item item]", words without items left out.
  std::string items(const std::string& spec) const {
    const auto which = ent::ContextFeatures::parse(spec);
    REQUIRE(which.has_value());
    const auto all = ent::context_items(*which, input.words, input.sentence_ends);
    std::string out;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].empty()) continue;
      if (!out.empty()) out += ' ';
      out += storage[i] + '[';
      for (std::size_t k = 0; k < all[i].size(); ++k) out += (k ? " " : "") + all[i][k];
      out += ']';
    }
    return out;
  }
};

}  // namespace

TEST_CASE("tagger context: a repeated word has the words around its other occurrences", "[tagger_context]") {
  // The Hamburg of the score line learns "fans" and the sentence start; the other learns the score.
  CHECK(Doc("Bayern beat Hamburg 2-1 | Hamburg fans wept").items("w") ==
        "Hamburg[<w:^ >w:fans] Hamburg[<w:beat >w:0-0]");
  // A context every occurrence shares is still the others' (the count is more than its own).
  CHECK(Doc("Leeds won | Leeds won").items("w") == "Leeds[<w:^ >w:won] Leeds[<w:^ >w:won]");
  // Words met once, lower-case words and words of other case get none.
  CHECK(Doc("Leeds beat leeds and LEEDS | the man and the dog").items("w").empty());
  // Two words away too.
  CHECK(Doc("at Old Trafford , Leeds won | Leeds lost at home").items("w2") ==
        "Leeds[<w:^ >w:lost <2w:^ >2w:at] Leeds[<w:, >w:won <2w:trafford >2w:$]");
}

TEST_CASE("tagger context: the classes of the words around other occurrences", "[tagger_context]") {
  // Word classes of the table built into the binary; a word it lacks is "?".
  const std::string items = Doc("Acme qxzvw | Acme said").items("c");
  CHECK(items.rfind("Acme[<c:^ >c:", 0) == 0);
  CHECK(items.find("Acme[<c:^ >c:?]") != std::string::npos);
  CHECK(items.find("Acme[<c:^ >c:?] Acme[<c:^ >c:?]") == std::string::npos);  // "said" has a class
}

TEST_CASE("tagger context: a word repeated thousands of times keeps a bounded bag", "[tagger_context]") {
  std::string text;
  // 100 different words after it (letters: digits are one form).
  for (int i = 0; i < 20000; ++i) text += "Acme w" + std::string(1, static_cast<char>('a' + i % 26)) + std::string(1, static_cast<char>('a' + i / 26 % 4)) + " | ";
  const Doc doc(text);
  const auto which = ent::ContextFeatures::parse("w");
  const auto all = ent::context_items(*which, doc.input.words, doc.input.sentence_ends);
  CHECK(all[0].size() <= ent::kMaxContextItems);
  CHECK(all[0].size() >= ent::kMaxContextItems - 2);
  CHECK(all[1].empty());
}

TEST_CASE("tagger context: specs and hook names", "[tagger_context]") {
  for (const char* spec : {"w", "c", "wc", "w2", "wc2", "c2"}) {
    const auto f = ent::ContextFeatures::parse(spec);
    REQUIRE(f.has_value());
    CHECK(f->spec() == spec);
  }
  for (const char* bad : {"", "2", "cw", "x", "w3"}) CHECK_FALSE(ent::ContextFeatures::parse(bad).has_value());
  const ent::NamedHook hook = ent::builtin_hook("gazetteer+classes=012+ctx=w");
  CHECK(hook.name == "gazetteer+classes=012+ctx=w");
  REQUIRE(hook.context.has_value());
  CHECK(hook.context->words);
  CHECK(ent::builtin_hook("gazetteer+classes=012+ctx=w+sport=f").sports.has_value());
  CHECK(ent::builtin_hook("gazetteer+classes=012+ctx=q").name.empty());
  CHECK_FALSE(ent::builtin_hook("gazetteer+classes=012").context.has_value());
}

TEST_CASE("tagger context: the items are features of the repeated word alone", "[tagger_context]") {
  const Doc doc("Bayern beat Hamburg 2-1 | Hamburg fans wept");
  const auto which = ent::ContextFeatures::parse("w");
  ent::DocumentFeatures plain, context;
  ent::extract_features(doc.input, {}, plain);
  ent::extract_features(doc.input, {}, context, nullptr, nullptr, &*which);
  for (std::size_t i = 0; i < doc.storage.size(); ++i) {
    const std::size_t a = plain.offsets[i + 1] - plain.offsets[i], b = context.offsets[i + 1] - context.offsets[i];
    // Two items for each Hamburg, none for the other words (not even their neighbours).
    CHECK(b == a + (doc.storage[i] == "Hamburg" ? 2 : 0));
  }
}
