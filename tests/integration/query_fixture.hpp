// A small archive for the query tests, written straight through the document builder with
// hand-made analyses (facets and quotes), so the tests do not depend on entity extraction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"
#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/document_builder.hpp"
#include "test_util.hpp"

namespace newsidx::test {

struct FixtureArticle {
  std::string id, date, title, body;
  Facets facets;
  std::vector<std::pair<std::string, std::string>> quotes;  // text, speaker ("" = none)
};

inline std::vector<FixtureArticle> query_fixture_articles() {
  return {
      {"a1", "2022-01-19", "Blinken meets Zelenskiy in Kyiv",
       "The secretary of state arrived in Kyiv for talks on the crisis and promised support. "
       "Officials discussed sanctions and diplomacy.",
       {{"Antony Blinken", "Volodymyr Zelenskiy"}, {"State Department"}, {"Kyiv"}, {"UA", "US"}, {"Antony Blinken"}},
       {{"The diplomatic effort will continue as long as it can", "Antony Blinken"},
        {"We are ready for every outcome", ""}}},
      {"a2", "2022-01-21", "Blinken and Lavrov hold talks in Geneva",
       "The two ministers met in Geneva for ninety minutes of talks on security guarantees.",
       {{"Antony Blinken", "Sergey Lavrov"}, {}, {"Geneva"}, {"RU", "US", "CH"}, {}},
       {}},
      {"a3", "2022-02-10", "Baerbock and Blinken meet in Berlin",
       "Ministers met in Berlin to coordinate their response, including sanctions on banks.",
       {{"Annalena Baerbock", "Antony Blinken"}, {}, {"Berlin"}, {"DE", "UA"}, {}},
       {}},
      {"a4", "2022-02-14", "Senators press for sanctions",
       "Senators from both parties pressed for sanctions before any invasion of Ukraine.",
       {{"Amy Klobuchar", "Kevin Cramer"}, {}, {}, {"US", "RU"}, {"Amy Klobuchar", "Kevin Cramer"}},
       {{"We must impose sanctions on Russia now, before it is too late", "Amy Klobuchar"},
        {"Sanctions are the only tool we have left", "Kevin Cramer"},
        {"This is about Ukraine's freedom", "Amy Klobuchar"}}},
      {"a5", "", "Sanctions debate continues in parliament",
       "The debate on sanctions continued late into the night without a vote.",
       {{"Vladimir Putin"}, {}, {}, {"RU"}, {}},
       {}},
      {"a6", "2021-12-01", "Putin warns NATO over expansion",
       "The president warned the alliance against expansion to the east.",
       {{"Vladimir Putin"}, {"NATO"}, {}, {"RU"}, {}},
       {}},
      {"a7", "2021-06-01", "Blinken family papers go on display",
       "Papers of the former ambassador were put on display at a museum in Budapest.",
       {{"Donald Blinken"}, {}, {"Budapest"}, {"HU"}, {}},
       {}},
  };
}

inline Article fixture_article(const FixtureArticle& f) {
  Article a;
  a.id = f.id;
  a.path = "archive/" + f.id + ".txt";
  a.title = f.title;
  a.text = f.body;
  a.body = {0, f.body.size()};
  a.date = f.date;
  a.source = "fixture";
  return a;
}

/// Writes the fixture archive into a new database at `path`, with spelling data for its words
/// (what TermGenerator::FLAG_SPELLING would add).
inline void write_query_fixture(const std::string& path) {
  auto opened = xapian_db::open_write(path, 0);
  if (!opened) throw std::runtime_error("cannot create " + path + ": " + opened.error().message);
  Xapian::WritableDatabase db = opened.value();
  for (const auto& f : query_fixture_articles()) {
    Analysis an;
    an.facets = f.facets;
    for (const auto& [text, speaker] : f.quotes) {
      std::optional<std::string> who;
      if (!speaker.empty()) who = speaker;
      an.quotes.push_back(Quote{Span{}, text, who, speaker.empty() ? "" : "person", std::nullopt, std::nullopt, std::nullopt});
    }
    auto built = indexer::build_documents(fixture_article(f), an, "archive/" + f.id + ".txt");
    for (auto t = built.article.doc.termlist_begin(); t != built.article.doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (!term.empty() && term[0] >= 'a' && term[0] <= 'z') db.add_spelling(term);
    }
    db.replace_document(built.article.id_term, built.article.doc);
    for (const auto& q : built.quotes) db.replace_document(q.id_term, q.doc);
  }
  db.commit();
}

}  // namespace newsidx::test
