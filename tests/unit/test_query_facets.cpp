// Unit tests for query/facets, query_builder and the searcher's helpers that need no archive.
#include <catch2/catch.hpp>

#include "common/canonical.hpp"
#include "common/countries.hpp"
#include "common/schema.hpp"
#include "query/facets.hpp"
#include "query/query_builder.hpp"
#include "query/searcher.hpp"

using namespace newsidx;
using namespace newsidx::query;

namespace {
Xapian::Document doc_with(const std::vector<std::string>& people) {
  Xapian::Document d;
  if (!people.empty()) d.add_value(schema::slot(schema::Slot::kPerson), schema::encode_list(people));
  return d;
}

std::vector<std::string> no_resolve_log;
Resolver fake_resolver() {
  return [](const std::string& field, const std::string& value, const std::string&) -> std::vector<std::string> {
    no_resolve_log.push_back(field + "=" + value);
    if (value == "nobody") return {};
    return {schema::filter_term(field, value == "britain" ? "gb" : value)};
  };
}
}  // namespace

TEST_CASE("query facets: ListCountMatchSpy counts each value of a multi-valued slot", "[query]") {
  ListCountMatchSpy spy(schema::slot(schema::Slot::kPerson));
  spy(doc_with({"Antony Blinken", "Sergey Lavrov"}), 1.0);
  spy(doc_with({"Antony Blinken"}), 1.0);
  spy(doc_with({}), 1.0);
  CHECK(spy.total() == 3);
  CHECK(spy.with_value() == 2);
  CHECK(spy.counts().at("Antony Blinken") == 2);
  CHECK(spy.counts().at("Sergey Lavrov") == 1);

  SECTION("results survive serialisation and merge like shards' results") {
    ListCountMatchSpy other(schema::slot(schema::Slot::kPerson));
    other(doc_with({"Sergey Lavrov", "Vladimir Putin"}), 1.0);
    spy.merge_results(other.serialise_results());
    CHECK(spy.total() == 4);
    CHECK(spy.counts().at("Sergey Lavrov") == 2);
    CHECK(spy.counts().at("Vladimir Putin") == 1);
    std::unique_ptr<Xapian::MatchSpy> copy(spy.unserialise(spy.serialise(), Xapian::Registry()));
    CHECK(copy->name() == "newsidx::ListCountMatchSpy");
    CHECK(copy->serialise() == spy.serialise());
  }
  SECTION("top values sort by count, then by name") {
    ValueCounts c{{"b", 2}, {"a", 2}, {"c", 5}, {"d", 1}};
    CHECK(top_values(c, 3) == std::vector<FacetValue>{{"c", 5}, {"a", 2}, {"b", 2}});
    CHECK(top_values(c, 10).size() == 4);
  }
}

TEST_CASE("query facets: combination counts fold into the same per-value counts", "[query]") {
  Xapian::ValueCountMatchSpy combos(schema::slot(schema::Slot::kPerson));
  ListCountMatchSpy items(schema::slot(schema::Slot::kPerson));
  for (const auto& people : std::vector<std::vector<std::string>>{
           {"A", "B"}, {"A", "B"}, {"B"}, {"C", "A"}, {}}) {
    combos(doc_with(people), 1.0);
    items(doc_with(people), 1.0);
  }
  auto folded = count_combinations(combos);
  CHECK(folded == items.counts());
  CHECK(folded.at("A") == 3);
}

TEST_CASE("query facets: facet names are checked with a hint", "[query]") {
  CHECK(parse_facet_names("person, country").value() == std::vector<std::string>{"person", "country"});
  CHECK(parse_facet_names("speaker,speaker").value() == std::vector<std::string>{"speaker"});
  auto bad = parse_facet_names("person,humans");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "unknown facet 'humans'");
  CHECK(bad.error().hint.find("person,org,place,country,speaker") != std::string::npos);
  CHECK_FALSE(parse_facet_names(" , ").ok());
}

TEST_CASE("query facets: plurals, synonyms and capitals name the facet, a slip gets its nearest", "[query]") {
  CHECK(parse_facet_names("persons,People,organisations,Places,countries,languages").value() ==
        std::vector<std::string>{"person", "org", "place", "country", "lang"});
  CHECK(parse_facet_names("Person,person").value() == std::vector<std::string>{"person"});
  auto slip = parse_facet_names("contry");
  REQUIRE_FALSE(slip.ok());
  CHECK(slip.error().message == "unknown facet 'contry'; did you mean country?");
  CHECK(parse_facet_names("CONTRY").error().message == "unknown facet 'CONTRY'; did you mean country?");
  CHECK(parse_facet_names("zzz").error().message == "unknown facet 'zzz'");
}

TEST_CASE("query builder: filters are OP_FILTER terms, date fields value ranges", "[query]") {
  Xapian::Database none;
  QuerySpec spec;
  spec.text = "sanctions country:britain";
  spec.filters = {{"person", {{"XPERSONantony blinken"}, {"XPERSONsergey lavrov"}}, false}};
  auto q = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE(q.ok());
  const std::string d = q->query.get_description();
  CHECK(d.find("FILTER") != std::string::npos);
  CHECK(d.find("XCOUNTRYgb") != std::string::npos);
  CHECK(d.find("(XPERSONantony blinken OR XPERSONsergey lavrov)") != std::string::npos);
  CHECK_FALSE(q->info.date_filter);
  CHECK(q->undated.empty());

  spec.filters[0].all_of = true;
  spec.text = "sanctions date:2022-01..2022-02";
  auto both = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE(both.ok());
  CHECK(both->query.get_description().find("(XPERSONantony blinken AND XPERSONsergey lavrov)") != std::string::npos);
  CHECK(both->query.get_description().find("VALUE_RANGE 0 20220101 20220228") != std::string::npos);
  CHECK(both->info.date_filter);
  // The undated query drops the range and keeps only documents without a date.
  CHECK(both->undated.get_description().find("VALUE_RANGE") == std::string::npos);
  CHECK(both->undated.get_description().find("AND_NOT") != std::string::npos);
}

TEST_CASE("query builder: bad dates, unbalanced quotes and unknown values", "[query]") {
  Xapian::Database none;
  QuerySpec spec;
  spec.text = "talks date:2022-02-30";
  auto bad = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "bad date '2022-02-30'");
  spec.text = "\"state department";
  auto quotes = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE_FALSE(quotes.ok());
  CHECK(quotes.error().message.find("unbalanced quotes") != std::string::npos);
  spec.text = "\xE2\x80\x9Cstate department";  // pasted, with a typographic quotation mark
  auto curly = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE_FALSE(curly.ok());
  CHECK(curly.error().message.find("unbalanced quotes") != std::string::npos);
  spec.text = "\xE2\x80\x9Cstate department\xE2\x80\x9D talks";
  auto phrase = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE(phrase.ok());
  CHECK(phrase->query.get_description().find("(state@1 PHRASE 2 department@2)") != std::string::npos);
  spec.text = "person:nobody";
  auto nothing = build_query(spec, none, fake_resolver(), Day{2022, 3, 1});
  REQUIRE(nothing.ok());
  CHECK(nothing->info.filters.at(0) == "person: nobody -> (nothing in the archive)");
}

TEST_CASE("query builder: terms described for --explain", "[query]") {
  std::vector<Xapian::Query> words{Xapian::Query("Zsanction"), Xapian::Query("kyiv"), Xapian::Query("ZSstorm")};
  Xapian::Query q(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                  Xapian::Query("XPERSONantony blinken"));
  auto lines = describe_terms(q);
  CHECK(lines == std::vector<std::string>{"person: antony blinken", "title stem: storm", "stem: sanction", "word: kyiv"});
}

TEST_CASE("query facets: CountTable keeps exact counts as it grows", "[query]") {
  CountTable table;
  for (int round = 1; round <= 3; ++round)
    for (int i = 0; i < 5000; ++i) table.add("name " + std::to_string(i), static_cast<Xapian::doccount>(round));
  table.add("", 2);  // an empty item is a value like any other
  CHECK(table.size() == 5001);
  const auto m = table.to_map();
  CHECK(m.at("name 0") == 6);
  CHECK(m.at("name 4999") == 6);
  CHECK(m.at("") == 2);
  CHECK(m.count("name 5000") == 0);
}

TEST_CASE("query facets: counts from value streams equal the spies' counts", "[query]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto person = schema::slot(schema::Slot::kPerson);
  const auto date = schema::slot(schema::Slot::kDate);
  const std::vector<std::vector<std::string>> people = {{"A", "B"}, {}, {"B"}, {"C", "A"}, {"A"}, {"D"}};
  for (std::size_t i = 0; i < people.size(); ++i) {
    Xapian::Document d = doc_with(people[i]);
    d.add_value(date, i % 2 ? "20220101" : "20220102");
    d.add_term(i == 5 ? "XTYPEquote" : "XTYPEarticle");
    db.add_document(d);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("XTYPEarticle"));
  MatchingDocsSpy docs;
  ListCountMatchSpy items(person);
  Xapian::ValueCountMatchSpy dates(date);
  enquire.add_matchspy(&docs);
  enquire.add_matchspy(&items);
  enquire.add_matchspy(&dates);
  enquire.get_mset(0, 0, db.get_doccount());
  REQUIRE(docs.docids() == std::vector<Xapian::docid>{1, 2, 3, 4, 5});

  Xapian::doccount with_value = 0;
  const auto counts = count_list_values(db, person, docs.docids(), with_value);
  CHECK(counts == items.counts());
  CHECK(counts.at("A") == 3);
  CHECK(counts.count("D") == 0);  // the quotation did not match
  CHECK(with_value == items.with_value());
  CHECK(with_value == 4);
  std::map<std::string, Xapian::doccount> by_spy;
  for (auto it = dates.values_begin(); it != dates.values_end(); ++it) by_spy[*it] = it.get_termfreq();
  CHECK(count_values(db, date, docs.docids()) == by_spy);

  SECTION("the document spy refuses to run remotely, so the search falls back") {
    CHECK_THROWS_AS(docs.serialise(), Xapian::InvalidArgumentError);
  }
}

TEST_CASE("query country filter: every current country code resolves to itself", "[query]") {
  // The searcher takes a two-letter code the archive has as it is, without the country tables.
  std::size_t current = 0;
  for (const auto& c : countries::all()) {
    if (c.alpha3.empty()) continue;
    ++current;
    CHECK(countries::resolve(c.code) == c.code);
    CHECK(countries::resolve(canonical::ascii_lower(c.code)) == c.code);
  }
  CHECK(current > 190);
}

TEST_CASE("query facets: metadata values that differ in case or spacing are one row, shown as most written", "[query][facets]") {
  ValueCounts counts{{"Bernice Napach", 1}, {"BERNICE NAPACH", 1}, {"Le  Journal", 1}, {"Le Journal", 3},
                     {"Reuters", 2}};
  const auto merged = merge_folded(counts);
  CHECK(merged.size() == 3);
  CHECK(merged.at("Bernice Napach") == 2);  // a tie: the form with lower-case letters
  CHECK(merged.at("Le Journal") == 4);      // the most counted form
  CHECK(merged.at("Reuters") == 2);
  CHECK(top_values(merged, 1) == std::vector<FacetValue>{{"Le Journal", 4}});
  // An initial with and without its dot is one name; an abbreviation's dots stay.
  const auto names = merge_folded({{"George W Bush", 44}, {"George W. Bush", 1}, {"U.S. Army", 2}, {"US Army", 1}});
  CHECK(names.size() == 3);
  CHECK(names.at("George W Bush") == 45);
  CHECK(names.at("U.S. Army") == 2);
}
