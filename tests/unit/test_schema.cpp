// Unit tests for the schema: terms, dates, value lists, and that the query parser knows every field.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/analysis.hpp"
#include "common/canonical.hpp"
#include "common/schema.hpp"

using namespace newsidx;

TEST_CASE("schema: terms carry their field's prefix", "[schema]") {
  CHECK(schema::id_term("politics/012.txt") == "Qpolitics/012.txt");
  CHECK(schema::filter_term("person", "antony blinken") == "XPERSONantony blinken");
  CHECK(schema::filter_term("country", "ua") == "XCOUNTRYua");
  CHECK(schema::type_term(schema::kTypeQuote) == "XTYPEquote");
  CHECK(schema::parent_term("a#1") == "XPARENTa#1");
  CHECK(schema::quote_id("a", 3) == "a#q3");
  CHECK_THROWS_AS(schema::prefix("no-such-field"), std::logic_error);
}

TEST_CASE("schema: a URL's site is its host and each domain above it, however the URL is written", "[schema]") {
  CHECK(schema::site_host("https://WWW.BBC.co.uk:443/news/x?y#z") == "bbc.co.uk");
  CHECK(schema::site_host("http://user@news.example.org./a") == "news.example.org");
  CHECK(schema::site_host("//cdn.example.com/x") == "cdn.example.com");
  CHECK(schema::site_host("bbc.co.uk") == "bbc.co.uk");
  for (std::string none : {"", "/local/path.html", "mailto:a@b", "localhost", "urn:uuid:1234", "a b.com", "x..y"}) {
    INFO(none);
    CHECK(schema::site_host(none).empty());
  }
  CHECK(schema::site_terms("https://news.bbc.co.uk/1/hi") ==
        std::vector<std::string>{"XSITEnews.bbc.co.uk", "XSITEbbc.co.uk", "XSITEco.uk"});
  CHECK(schema::site_terms("feed-ferry-1").empty());
  // The value a user types finds the same term.
  CHECK(schema::value_term("site", "https://www.BBC.co.uk/") == "XSITEbbc.co.uk");
  CHECK(schema::value_term("site", "nowhere").empty());
}

TEST_CASE("schema: dates become day, month and year terms and a sortable value", "[schema]") {
  CHECK(schema::date_terms("2022-01-19") == std::vector<std::string>{"D20220119", "M202201", "Y2022"});
  CHECK(schema::date_terms("").empty());
  CHECK(schema::date_value("2022-01-19") == "20220119");
  CHECK(schema::date_value("1987-10-20") < schema::date_value("2022-01-19"));
}

TEST_CASE("schema: value lists round-trip any bytes, and stop at corruption", "[schema]") {
  std::vector<std::string> items{"Antony Blinken", "", std::string(300, 'x'), std::string("a\0b", 3), "Zelénskiy"};
  CHECK(schema::decode_list(schema::encode_list(items)) == items);
  std::string enc = schema::encode_list({"abc", "defgh"});
  CHECK(schema::decode_list(enc.substr(0, enc.size() - 2)) == std::vector<std::string>{"abc"});
}

TEST_CASE("schema: over-long terms are cut at a UTF-8 boundary", "[schema]") {
  std::string t = schema::clamp_term("Q" + std::string(238, 'a') + "\xC3\xA9\xC3\xA9");
  CHECK(t.size() <= 240);
  CHECK((static_cast<unsigned char>(t.back()) & 0xC0) != 0xC0);  // no dangling lead byte
}

TEST_CASE("schema: the query parser knows every field as the schema declares it", "[schema]") {
  Xapian::QueryParser qp = analysis::query_parser(Xapian::Database());
  auto q = qp.parse_query("title:storm section:politics", Xapian::QueryParser::FLAG_BOOLEAN);
  std::string d = q.get_description();
  CHECK(d.find("ZSstorm") != std::string::npos);       // free text: stemmed, prefixed
  CHECK(d.find("XSECTIONpolitics") != std::string::npos);  // boolean filter
}

TEST_CASE("canonical: folding ignores case, accents and punctuation runs", "[schema][canonical]") {
  CHECK(canonical::fold_key("Zelénskiy") == "zelenskiy");
  CHECK(canonical::fold_key("ZELENSKIY") == "zelenskiy");
  CHECK(canonical::fold_key("  Antony   Blinken, ") == "antony blinken");
  CHECK(canonical::fold_key("U.S. State Department") == "u.s. state department");
  CHECK(canonical::fold_key("Łódź") == "lodz");
  CHECK(canonical::fold_key("Blinken’s") == "blinken's");
}

TEST_CASE("schema: over-long terms differing past the cut stay distinct, readable and stable", "[schema]") {
  const std::string base = "Qhttps://news.example.test/" + std::string(300, 'x');
  const std::string a = schema::clamp_term(base + "/first"), b = schema::clamp_term(base + "/second");
  CHECK(a != b);
  CHECK(a.size() <= 240);
  CHECK(a.rfind("Qhttps://news.example.test/xxx", 0) == 0);  // the readable prefix is kept
  CHECK(a == schema::clamp_term(base + "/first"));
  CHECK(schema::clamp_term("Qshort") == "Qshort");
}

TEST_CASE("schema: metadata facets: a byline's names, values as written, a language by its subtag", "[schema]") {
  CHECK(schema::author_names("Ana Lima, Bo Chen and Li Wei") == std::vector<std::string>{"Ana Lima", "Bo Chen", "Li Wei"});
  CHECK(schema::author_names("  Ana\n Lima ; ANA LIMA & Bo Chen") == std::vector<std::string>{"Ana Lima", "Bo Chen"});
  CHECK(schema::author_names("").empty());
  CHECK(schema::author_names("Nathan Willis March 25, 2015 3:46 PM") == std::vector<std::string>{"Nathan Willis March 25"});
  CHECK(schema::display_value("source", " BBC \t News\n") == "BBC News");
  CHECK(schema::display_value("lang", "FR-ca") == "fr");
  CHECK(schema::value_term("lang", "fr-FR") == "XLANGfr");
  CHECK(schema::value_term("lang", "EN_gb") == "XLANGen");
  CHECK(schema::value_term("source", "BBC  News") == schema::value_term("source", "bbc news"));
  CHECK(schema::value_term("author", "Ana Lima") == "XAUTHORana lima");
  for (const char* name : {"source", "section", "author", "lang"}) {
    const auto* f = schema::find_facet(name);
    REQUIRE(f);
    CHECK_FALSE(f->entity);
    CHECK(schema::find_field(name)->kind == schema::FieldKind::kBoolean);
  }
}

TEST_CASE("schema: README and the operations guide name the schema version this build writes", "[schema]") {
  // An operator reads there which version needs a --rebuild; the two drifted twice before.
  const std::string said = "writes schema " + std::to_string(schema::kSchemaVersion) + " ";
  for (const char* doc : {"/README.md", "/docs/operations.md"}) {
    std::ifstream in(std::string(NEWSIDX_SOURCE_DIR) + doc);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    INFO(doc);
    CHECK(text.str().find(said) != std::string::npos);
  }
}
