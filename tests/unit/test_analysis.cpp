// Unit tests for common/analysis: accent folding, the same for the index and the query.
#include <catch2/catch.hpp>

#include "common/analysis.hpp"
#include "indexer/document_builder.hpp"

using namespace newsidx;

TEST_CASE("analysis: accents fold to base letters, case and everything else kept", "[analysis]") {
  CHECK(analysis::fold_accents("café") == "cafe");
  CHECK(analysis::fold_accents("CAFÉ au lait") == "CAFE au lait");
  CHECK(analysis::fold_accents("Igor Matovič") == "Igor Matovic");
  CHECK(analysis::fold_accents("São Paulo, Łódź, Straße") == "Sao Paulo, Lodz, Strase");
  CHECK(analysis::fold_accents("\"état\" AND title:Genève") == "\"etat\" AND title:Geneve");
  CHECK(analysis::fold_accents("plain ASCII") == "plain ASCII");
  // Letters without a Latin base, punctuation and stray bytes pass through unchanged.
  CHECK(analysis::fold_accents("Москва “quoted” — 東京") == "Москва “quoted” — 東京");
  CHECK(analysis::fold_accents(std::string("a\x80" "é", 4)) == std::string("a\x80" "e", 3));
}

namespace {

// The document the indexer builds for an article of `title` and `body`, with no entities.
Xapian::Document built_document(std::string title, std::string body) {
  Article a;
  a.id = "x";
  a.title = std::move(title);
  a.text = std::move(body);
  a.body = {0, a.text.size()};
  return indexer::build_documents(a, Analysis{}, "x.txt").article.doc;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("analysis: the indexer stores folded words, so either spelling finds the article", "[analysis]") {
  const Xapian::Document doc = built_document("Café reopens", "Matovič visited the café.");
  auto has = [&](const std::string& t) { return has_term(doc, t); };
  CHECK(has("cafe"));
  CHECK(has("Scafe"));
  CHECK(has("matovic"));
  CHECK_FALSE(has("café"));
  // The snippet stemmer folds too: "café" in a text stems like the query word "cafe".
  CHECK(analysis::folding_stemmer()("café") == analysis::stemmer()("cafe"));
}

TEST_CASE("analysis: a hyphenated word's parts joined", "[analysis]") {
  CHECK(analysis::hyphen_joined("e-mail") == "email");
  CHECK(analysis::hyphen_joined("co-operation") == "cooperation");
  CHECK(analysis::hyphen_joined("Al-Qaeda") == "AlQaeda");
  CHECK(analysis::hyphen_joined("mother-in-law") == "motherinlaw");
  CHECK(analysis::hyphen_joined("mid-1980s") == "mid1980s");
  for (const char* none : {"email", "covid-19", "1987-88", "-mail", "e-", "e--mail", "U.S.-led", ""}) {
    INFO(none);
    CHECK(analysis::hyphen_joined(none).empty());
  }
  CHECK(analysis::hyphen_joined_words("An e-mail on co-operation, well- and ill-informed, 1987-88.") ==
        "email cooperation illinformed");
  CHECK(analysis::hyphen_joined_words("no hyphens here").empty());
}

TEST_CASE("analysis: the indexer stores a hyphenated word joined too, so 'email' finds 'e-mail'", "[analysis]") {
  const Xapian::Document doc = built_document("Spam e-mail grows", "Firms sent co-operation notes by e-mail.");
  auto has = [&](const std::string& t) { return has_term(doc, t); };
  CHECK(has("email"));
  CHECK(has("Zemail"));
  CHECK(has("Semail"));  // the headline's title: field
  CHECK(has("cooperation"));
  CHECK(has("Zcooper"));
  CHECK(has("mail"));  // and the parts, as before
  // The joined form has no position: the phrase "e-mail" is still the words e and mail.
  auto email = doc.termlist_begin();
  email.skip_to("email");
  CHECK(email.positionlist_count() == 0);
}
