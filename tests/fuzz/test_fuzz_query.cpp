// Fuzz targets for the query side: the query text through query_builder (request ->
// Xapian::Query, with the date: and facet field processors, wildcards and spelling over a small
// database), and newsidx-query's option parsing of a command line. Whatever the text, the answer
// is a query or a usage error with a message and a hint (exit 2): no exception, no crash, no
// sanitizer report (the date: processor's leak when it rejected a date was one).
#include <cctype>
#include <sstream>

#include <xapian.h>

#include "common/analysis.hpp"
#include "common/schema.hpp"
#include "fuzz/fuzz_util.hpp"
#include "query/options.hpp"
#include "query/query_builder.hpp"

using namespace newsidx;

namespace {

// A small database of the seed article's lines, so that wildcards and spelling have words to
// expand to (a glass one: the in-memory backend has no spelling table).
Xapian::Database vocabulary(const test::TempDir& dir) {
  Xapian::WritableDatabase db(dir.str("vocabulary.db"), Xapian::DB_CREATE);
  Xapian::TermGenerator tg = analysis::term_generator();
  const std::string text = fuzz::source_file("corpus/2022/01/19/blinken-kyiv.txt");
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(line);
    db.add_document(doc);
    std::istringstream words(line);
    for (std::string w; words >> w;) db.add_spelling(w);
  }
  db.commit();
  return db;
}

std::vector<std::string> query_seeds() {
  return {"sanctions",
          "\"state department\" AND (russia OR ukraine)",
          "blink* -nato +kyiv",
          "title:storm author:smith section:politics source:reuters tag:places:usa",
          "person:blinken org:\"state department\" place:kyiv country:britain speaker:klobuchar",
          "date:2022-01-01..2022-02-15 talks",
          "date:2022-01 OR date:2022 OR date:last-week OR date:7d",
          "date:..2022-02 NOT date:2021.. sanctions",
          "ukrane electoin",
          "a NOT b AND (c OR (d AND \"e f\"))",
          ""};
}

const std::vector<std::string> kQueryTokens{
    "AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "\"", "(", ")", "*", "+", "-", " ", "date:", "date:2022-13",
    "date:2022-02-30", "..", "date:..", "date:9999999999", "date:-1d", "person:", "country:", "title:", "tag:",
    "speaker:\"", "org:(", "\xe2\x80\x9c", "\xc3\xa9", "\x1b[31m", "~", "^", "NEAR/3", "ADJ/99999999999"};

}  // namespace

TEST_CASE("fuzz query: query text to a Xapian query, with field processors, wildcards and spelling",
          "[fuzz][query]") {
  const test::TempDir dir;
  const Xapian::Database db = vocabulary(dir);
  const query::Resolver resolve = [](const std::string& field, const std::string& value, const std::string&) {
    std::string folded;
    for (char c : value) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return folded.empty() ? std::vector<std::string>{} : std::vector<std::string>{schema::filter_term(field, folded)};
  };
  std::size_t i = 0;
  fuzz::run("query.build", query_seeds(), kQueryTokens, fuzz::iterations(20000), 2048, [&](const std::string& text) {
    query::QuerySpec spec;
    spec.text = text;
    spec.any = (i % 3) == 1;
    spec.quotes = (i % 5) == 2;
    spec.spelling = (i++ % 2) == 0;
    try {
      auto built = query::build_query(spec, db, resolve, query::Day{2022, 3, 1});
      if (!built) {
        const Error& e = built.error();
        if (e.code != ErrorCode::kUsage) return "an error that is not a usage error: " + e.message;
        if (e.message.empty() || e.hint.empty()) return std::string("an error without message or hint");
        return std::string();
      }
      (void)query::describe_terms(built->query);  // what --explain prints
      (void)built->query.get_description();
      return std::string();
    } catch (const Xapian::Error& e) {
      return "Xapian exception escaped: " + e.get_description();
    }
  });
}

TEST_CASE("fuzz query: newsidx-query's command line", "[fuzz][query]") {
  const std::vector<std::string> seeds{
      "--db x.db oil",
      "--db x.db --person blinken --country russia --since 2022-01 --until last-week sanctions",
      "--db x.db --facets person,org,place --facet-size 5 --facets-only --timeline --format json opec",
      "--db x.db --sort newest --limit 10 --offset 20 --any --quotes --speaker klobuchar 'oil prices'",
      "--db x.db --like some/id --explain --format ids --all-of --tag places:usa --partial"};
  const std::vector<std::string> tokens{" --db ", " --limit ", " --offset ", " --facets ", " --facet-size ",
                                        " --since ", " --until ", " --today ", " --sort ", " --format ", " --json",
                                        " --person ", " --country ", " -- ", " -", " --", "=", ",", " 4294967296",
                                        " -1", " 0", " 2022-02-30", " 7d", " --help", " --version"};
  fuzz::run("query.options", seeds, tokens, fuzz::iterations(5000), 1024, [](const std::string& line) {
    std::vector<std::string> words{"newsidx-query"};
    std::istringstream in(line);
    for (std::string w; in >> w;) words.push_back(w);
    std::vector<const char*> argv;
    for (const auto& w : words) argv.push_back(w.c_str());
    auto parsed = query::parse_options(static_cast<int>(argv.size()), argv.data());
    if (!parsed) {
      if (parsed.error().code != ErrorCode::kUsage) return "an error that is not a usage error: " + parsed.error().message;
      if (parsed.error().message.empty()) return std::string("a usage error without message");
    }
    return std::string();
  });
}
