// Unit tests of indexer/document_builder: an Article and its Analysis become Xapian documents laid
// out as common/schema.hpp says (no database involved).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/schema.hpp"
#include "indexer/document_builder.hpp"

using newsidx::Analysis;
using newsidx::Article;
using newsidx::Quote;
namespace schema = newsidx::schema;

namespace {

std::set<std::string> terms(const Xapian::Document& d) {
  std::set<std::string> out;
  for (auto it = d.termlist_begin(); it != d.termlist_end(); ++it) out.insert(*it);
  return out;
}

Article article() {
  Article a;
  a.id = "world/talks.txt";
  a.path = "world/talks.txt";
  a.title = "Sanctions talks";
  a.text = "Sanctions talks\n\nMinisters met. \"We will act,\" Klobuchar said.\n";
  a.body = {17, a.text.size()};
  a.date = "2022-01-19";
  a.source = "Example News";
  return a;
}

Analysis analysis(const Article& a) {
  Analysis an;
  an.facets.person = {"Amy Klobuchar"};
  an.facets.country = {"UA"};
  an.facets.speaker = {"Amy Klobuchar"};
  Quote q;
  q.span = {a.text.find("We"), a.text.find(",\"")};
  q.text = "We will act";
  q.speaker = "Amy Klobuchar";
  q.speaker_type = "person";
  an.quotes.push_back(q);
  return an;
}

}  // namespace

TEST_CASE("document builder: the article document carries its id, file, type, date and facet terms", "[document_builder]") {
  const Article a = article();
  const auto built = newsidx::indexer::build_documents(a, analysis(a), "world/talks.txt");
  CHECK(built.article.id_term == schema::id_term(a.id));
  const auto t = terms(built.article.doc);
  CHECK(t.count(schema::id_term(a.id)));
  CHECK(t.count(schema::file_term("world/talks.txt")));
  CHECK(t.count(schema::type_term(schema::kTypeArticle)));
  CHECK(t.count(schema::value_term("person", "Amy Klobuchar")));
  CHECK(t.count(schema::value_term("speaker", "Amy Klobuchar")));
  CHECK(t.count(schema::value_term("country", "UA")));
  for (const auto& d : schema::date_terms(a.date)) CHECK(t.count(d));
  CHECK(built.article.doc.get_value(schema::slot(schema::Slot::kDate)) == schema::date_value(a.date));
  // Words of the title and body are indexed, stemmed forms too.
  CHECK(t.count("sanctions"));
  CHECK(t.count("minist") + t.count("Zminist") >= 1);
}

TEST_CASE("document builder: each quotation is a document of its own under the article's parent term", "[document_builder]") {
  const Article a = article();
  const auto built = newsidx::indexer::build_documents(a, analysis(a), "world/talks.txt");
  REQUIRE(built.quotes.size() == 1);
  const auto t = terms(built.quotes[0].doc);
  CHECK(built.quotes[0].id_term == schema::id_term(schema::quote_id(a.id, 1)));
  CHECK(t.count(built.parent_term));
  CHECK(built.parent_term == schema::parent_term(a.id));
  CHECK(t.count(schema::type_term(schema::kTypeQuote)));
  CHECK(t.count(schema::value_term("speaker", "Amy Klobuchar")));
}

TEST_CASE("document builder: an article and its quotations carry its metadata filters, its site among them", "[document_builder]") {
  Article a = article();
  a.section = "World";
  a.author = "Ana Lima and Bo Chen";
  a.lang = "en-GB";
  a.tags = {"places:ua"};
  a.url = "https://news.example.co.uk/world/talks";
  const auto built = newsidx::indexer::build_documents(a, analysis(a), "world/talks.txt");
  REQUIRE(built.quotes.size() == 1);
  for (const auto* doc : {&built.article.doc, &built.quotes[0].doc}) {
    const auto t = terms(*doc);
    CHECK(t.count(schema::value_term("source", "Example News")));
    CHECK(t.count(schema::value_term("section", "world")));
    CHECK(t.count(schema::value_term("author", "Bo Chen")));
    CHECK(t.count(schema::value_term("lang", "en")));
    CHECK(t.count(schema::value_term("tag", "places:ua")));
    CHECK(t.count("XSITEnews.example.co.uk"));
    CHECK(t.count("XSITEexample.co.uk"));
  }
  // Only the article counts facets: the quotation has no metadata value slots.
  CHECK_FALSE(built.article.doc.get_value(schema::slot(schema::Slot::kSection)).empty());
  CHECK(built.quotes[0].doc.get_value(schema::slot(schema::Slot::kSection)).empty());
}

TEST_CASE("document builder: the stored record is JSON holding title, date and the whole body", "[document_builder]") {
  const Article a = article();
  const Analysis an = analysis(a);
  const auto built = newsidx::indexer::build_documents(a, an, "world/talks.txt");
  const auto rec = nlohmann::json::parse(built.article.doc.get_data());
  CHECK(rec["title"] == "Sanctions talks");
  CHECK(rec["date"] == "2022-01-19");
  CHECK(rec.dump().find("We will act") != std::string::npos);
  CHECK(newsidx::indexer::article_record(a, an) == built.article.doc.get_data());
}

TEST_CASE("document builder: the spelling words are plain lower-case words of 3 to 30 bytes", "[document_builder]") {
  const Article a = article();
  const auto built = newsidx::indexer::build_documents(a, analysis(a), "world/talks.txt");
  REQUIRE_FALSE(built.spelling.empty());
  for (const auto& [word, wdf] : built.spelling) {
    INFO(word);
    CHECK(word.size() >= 3);
    CHECK(word.size() <= 30);
    CHECK(std::none_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }));
    CHECK(wdf >= 1);
  }
  const bool has_ministers = std::any_of(built.spelling.begin(), built.spelling.end(),
                                         [](const auto& p) { return p.first == "ministers"; });
  CHECK(has_ministers);
}

TEST_CASE("document builder: a quotation's described Source is in its record, not in the speaker facet",
          "[document_builder]") {
  const Article a = article();
  Analysis an = analysis(a);
  an.quotes[0].speaker.reset();
  an.quotes[0].speaker_type.clear();
  an.quotes[0].speaker_description = "the spokesman";
  const auto built = newsidx::indexer::build_documents(a, an, "world/talks.txt");
  REQUIRE(built.quotes.size() == 1);
  const auto rec = nlohmann::json::parse(built.quotes[0].doc.get_data());
  CHECK(rec["speaker"].is_null());
  CHECK(rec["speaker_description"] == "the spokesman");
  std::string_view speaker_prefix;
  for (const auto& f : schema::kFields)
    if (f.name == "speaker") speaker_prefix = f.prefix;
  REQUIRE_FALSE(speaker_prefix.empty());
  for (const auto& term : terms(built.quotes[0].doc)) CHECK(term.rfind(speaker_prefix, 0) != 0);
}
