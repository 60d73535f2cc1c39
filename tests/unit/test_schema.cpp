// Unit tests for the schema: terms, dates, value lists, and that the query parser knows every field.
#include <catch2/catch.hpp>

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
