// Unit tests for query/query_builder: what a typed query means (operators, unknown values, tags,
// accents, empty queries), its bounds, and the sentences its syntax errors become.
#include <catch2/catch.hpp>

#include "common/schema.hpp"
#include "query/query_builder.hpp"

using namespace newsidx;
using namespace newsidx::query;

namespace {

// Names the archive "knows": blinken; any other value resolves to nothing.
std::vector<std::string> resolved_as;
Resolver resolver() {
  return [](const std::string& field, const std::string& value, const std::string& typed) -> std::vector<std::string> {
    resolved_as.push_back(typed);
    if (value == "blinken") return {schema::filter_term(field, "antony blinken")};
    return {};
  };
}

Result<BuiltQuery> build(const std::string& text, bool any = false) {
  QuerySpec spec;
  spec.text = text;
  spec.any = any;
  return build_query(spec, Xapian::Database(), resolver(), Day{2022, 3, 1});
}

std::string described(const std::string& text) {
  auto q = build(text);
  REQUIRE(q.ok());
  return q->query.get_description();
}

}  // namespace

TEST_CASE("query builder: only upper-case AND, OR and NOT are operators", "[query]") {
  const std::string words = described("pleaded not guilty");
  CHECK(words.find("AND_NOT") == std::string::npos);
  CHECK(words.find("Znot") != std::string::npos);
  CHECK(described("black or white").find(" OR ") == std::string::npos);
  CHECK(described("black OR white").find(" OR ") != std::string::npos);
  CHECK(described("guilty NOT innocent").find("AND_NOT") != std::string::npos);
}

TEST_CASE("query builder: a misplaced operator is a sentence with a hint", "[query]") {
  for (std::string text : {"oil AND", "OR oil", "oil AND NOT", "oil NOT", "oil XOR"}) {
    INFO(text);
    auto q = build(text);
    REQUIRE_FALSE(q.ok());
    CHECK(q.error().code == ErrorCode::kUsage);
    CHECK(q.error().message.find("Syntax") == std::string::npos);
    CHECK(q.error().message.find("<expression>") == std::string::npos);
    CHECK(q.error().message.find("needs a word or phrase") != std::string::npos);
    CHECK(q.error().hint.find("lower case") != std::string::npos);
  }
  CHECK(build("oil AND").error().message == "query syntax error: AND needs a word or phrase on each side");
  CHECK(build("oil NOT").error().message == "query syntax error: NOT needs a word or phrase after it");
  CHECK(build("NOT oil").ok());
}

TEST_CASE("query builder: text with no word to search for is an error, not the whole archive", "[query]") {
  for (std::string text : {"-", "*", ".", "!", "&", ":", "+ -", "\" - \""}) {
    INFO(text);
    auto q = build(text);
    REQUIRE_FALSE(q.ok());
    CHECK(q.error().code == ErrorCode::kUsage);
    CHECK(q.error().message == "the query '" + text + "' has no word to search for");
    CHECK(q.error().hint.find("give no query") != std::string::npos);
  }
  // No text, or an empty phrase (README: '""'), lists every article.
  for (std::string text : {"", "  ", "\"\""}) {
    INFO(text);
    auto q = build(text);
    REQUIRE(q.ok());
    CHECK(q->query.get_description().find("<alldocuments>") != std::string::npos);
  }
  CHECK(build("e-mail").ok());
}

TEST_CASE("query builder: an unknown field value matches nothing and never widens the query", "[query]") {
  resolved_as.clear();
  const std::string d = described("election person:zzzzqqq");
  CHECK(d.find("<alldocuments>") == std::string::npos);
  CHECK(d.find("XPERSONzzzzqqq") != std::string::npos);  // a term no document carries
  CHECK(resolved_as == std::vector<std::string>{"person:zzzzqqq"});
  CHECK(described("election country:narnia").find("XCOUNTRYnarnia") != std::string::npos);
  // A filter option whose value resolved to nothing: the field's bare prefix, never empty.
  QuerySpec spec;
  spec.text = "election";
  spec.filters = {{"person", {{}}, false}};
  auto q = build_query(spec, Xapian::Database(), resolver(), Day{2022, 3, 1});
  REQUIRE(q.ok());
  CHECK(q->query.get_description().find("XPERSON)") != std::string::npos);
  resolved_as.clear();
  CHECK(build("org:\"state department\"").ok());
  CHECK(resolved_as == std::vector<std::string>{"org:\"state department\""});
}

TEST_CASE("query builder: section, source, tag and dateline values are spelled as the indexer spells them", "[query]") {
  CHECK(described("tag:places:usa").find(schema::value_term("tag", "places:usa")) != std::string::npos);
  CHECK(schema::value_term("tag", "places:usa") == "XTAGplaces usa");
  CHECK(described("tag:PLACES:USA").find("XTAGplaces usa") != std::string::npos);
  CHECK(described("section:Politics").find("XSECTIONpolitics") != std::string::npos);
  CHECK(described("dateline:Kyiv").find("XDATELINEkyiv") != std::string::npos);
  CHECK(described("oil id:reut2-000.sgm#5").find("Qreut2-000.sgm#5") != std::string::npos);  // literal
}

TEST_CASE("query builder: accents in the query are folded as the indexer folds them", "[query]") {
  CHECK(described("café") == described("cafe"));
  CHECK(described("Matovič") == described("Matovic"));
  CHECK(described("\"café au lait\"") == described("\"cafe au lait\""));
}

TEST_CASE("query builder: a query is bounded in bytes, words and field values", "[query]") {
  CHECK(check_query_size(std::string(kMaxQueryBytes, 'a'), 0).ok());
  auto bytes = check_query_size(std::string(kMaxQueryBytes + 1, 'a'), 0);
  REQUIRE_FALSE(bytes.ok());
  CHECK(bytes.error().message == "query too long: 4097 bytes (the limit is 4096 bytes)");
  std::string words;
  for (std::size_t i = 0; i <= kMaxQueryWords; ++i) words += "w ";
  auto many = check_query_size(words, 0);
  REQUIRE_FALSE(many.ok());
  CHECK(many.error().message == "query too long: 257 words (the limit is 256 words)");
  CHECK(check_query_size("oil", kMaxFieldValues).ok());
  CHECK_FALSE(check_query_size("oil", kMaxFieldValues + 1).ok());

  // Field values of the query count with those of the options, and parsing stops at the limit.
  std::string fields;
  for (std::size_t i = 0; i < 30; ++i) fields += "person:p" + std::to_string(i) + " ";
  resolved_as.clear();
  auto q = build(fields + "tag:a date:2022 section:b");  // 33
  REQUIRE_FALSE(q.ok());
  CHECK(q.error().message.find("the limit is 32 field values") != std::string::npos);
  CHECK(resolved_as.size() <= kMaxFieldValues);
}

TEST_CASE("query builder: a query without words is empty and matches everything", "[query]") {
  for (std::string text : {"", "  ", "\"\"", "*", "-"}) {
    INFO(text);
    CHECK_FALSE(has_words(text));
  }
  CHECK(has_words("oil"));
  CHECK(has_words("café"));
  auto q = build("");
  REQUIRE(q.ok());
  CHECK(q->query.get_description() == "Query((<alldocuments> FILTER XTYPEarticle))");
}

TEST_CASE("query builder: a wildcard stands for at most its most frequent words", "[query]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (Xapian::termcount i = 0; i < kMaxWildcardTerms + 100; ++i) {
    Xapian::Document d;
    d.add_term("w" + std::to_string(i));
    d.add_boolean_term(schema::type_term(schema::kTypeArticle));
    db.add_document(d);
  }
  QuerySpec spec;
  spec.text = "w*";
  auto q = build_query(spec, db, resolver(), Day{2022, 3, 1});
  REQUIRE(q.ok());
  Xapian::Enquire enquire(db);
  enquire.set_query(q->query);
  CHECK(enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated() == kMaxWildcardTerms);
}

TEST_CASE("query builder: a field with no value is left out with a note, and alone it is an error", "[query]") {
  auto q = build("election person:");
  REQUIRE(q.ok());
  const std::string d = q->query.get_description();
  CHECK(d.find("elect") != std::string::npos);
  CHECK(d.find("person") == std::string::npos);  // Xapian searched the field's name as a word
  REQUIRE(q->info.notes.size() == 1);
  CHECK(q->info.notes[0] == "'person:' has no value and was left out (a value goes right after the ':', e.g. person:brown)");
  auto alone = build("Country: ");
  REQUIRE_FALSE(alone.ok());
  CHECK(alone.error().code == ErrorCode::kUsage);
  CHECK(alone.error().message == "'country:' in the query has no value");
  CHECK(alone.error().hint == "a value goes right after the ':', e.g. country:ua");
}

TEST_CASE("query builder: 'u.s.' is the abbreviation the indexer reads in 'U.S.', not the phrase 'u s'", "[query]") {
  auto q = build("u.s. trade");
  REQUIRE(q.ok());
  const std::string d = q->query.get_description();
  CHECK(d.find("us@1") != std::string::npos);
  CHECK(d.find("PHRASE") == std::string::npos);
  CHECK(build("U.S. trade")->query.get_description() == d);
}

TEST_CASE("query builder: 'Blair's' finds Blair as 'blair's' does, not only the possessive", "[query]") {
  auto q = build("Blair's");
  REQUIRE(q.ok());
  const std::string d = q->query.get_description();
  CHECK(d.find("blair@1 OR blair's@2") != std::string::npos);
}

TEST_CASE("query builder: 'e-mail' also finds 'email', and the spelling check reads the words as typed", "[query]") {
  auto q = build("e-mail");
  REQUIRE(q.ok());
  CHECK(q->query.get_description().find("Zemail") != std::string::npos);
  CHECK(q->query.get_description().find("PHRASE") != std::string::npos);
  // The spelling pass (whose correction becomes "did you mean") parses the text unwidened.
  QuerySpec spec;
  spec.text = "e-mail Blair's";
  spec.spelling = true;
  auto s = build_query(spec, Xapian::Database(), resolver(), Day{2022, 3, 1});
  REQUIRE(s.ok());
  const std::string d = s->query.get_description();
  CHECK(d.find("Zemail") == std::string::npos);
  CHECK(d.find("blair@") == std::string::npos);
}

TEST_CASE("query builder: a query of common words alone is searched as written", "[query]") {
  // The indexer keeps no stem of a stop word: "the who" as stems matched nothing, though the
  // phrase "The Who" is in the archive.
  auto q = build("the who");
  REQUIRE(q.ok());
  const std::string d = q->query.get_description();
  CHECK(d.find("PHRASE") != std::string::npos);
  CHECK(d.find("Zwho") == std::string::npos);
  CHECK(d.find("who@") != std::string::npos);
  REQUIRE(q->info.notes.size() == 1);
  CHECK(q->info.notes[0] == "'the who' holds only common words, searched as written: \"the who\"");
  // One word of substance keeps the usual reading (stems, common words dropped), and so do
  // operators and phrases typed.
  for (std::string text : {"the who blair", "the AND who", "\"the who\"", "who:x"}) {
    INFO(text);
    auto r = build(text);
    REQUIRE(r.ok());
    for (const auto& n : r->info.notes) CHECK(n.find("common words") == std::string::npos);
  }
  CHECK(build("the who blair")->query.get_description().find("Zblair") != std::string::npos);
}

TEST_CASE("query builder: field names are read whatever their case", "[query]") {
  CHECK(described("TITLE:blair") == described("title:blair"));
  CHECK(described("Title:\"blair sees\"") == described("title:\"blair sees\""));
}

TEST_CASE("query builder: a query of excluded words alone finds every article without them", "[query]") {
  // Xapian 1.4 dropped the signs of a query of '-' items alone: "-blair" found Blair.
  CHECK(described("-blair") == described("NOT blair"));
  CHECK(described("-blair -brown") == described("NOT blair NOT brown"));
  CHECK(described("-\"tony blair\"") == described("NOT \"tony blair\""));
  CHECK(described("-blair").find("AND_NOT") != std::string::npos);
  // With a word to find, '-' keeps its usual meaning.
  CHECK(described("brown -blair") == described("brown NOT blair"));
}
