// Unit tests for query/options: what the parsed options ask the searcher to do.
#include <catch2/catch.hpp>

#include "query/options.hpp"

using namespace newsidx;
using namespace newsidx::query;

namespace {
Result<QueryOptions> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "newsidx-query");
  return parse_options(static_cast<int>(args.size()), args.data());
}
}  // namespace

TEST_CASE("query options: snippets are made only for output that shows them", "[query]") {
  CHECK(parse({"--db", "x.db", "oil"})->request.snippets);
  CHECK(parse({"--db", "x.db", "--json", "oil"})->request.snippets);
  CHECK(parse({"--db", "x.db", "--format", "json", "--facets-only", "--facets", "person", "oil"})->request.snippets);
  CHECK_FALSE(parse({"--db", "x.db", "--format", "ids", "oil"})->request.snippets);
  CHECK_FALSE(parse({"--db", "x.db", "--format", "paths", "oil"})->request.snippets);
  CHECK_FALSE(parse({"--db", "x.db", "--facets-only", "--facets", "person", "oil"})->request.snippets);
}

TEST_CASE("query options: the help text is there when asked for", "[query]") {
  auto o = parse({"--help"});
  REQUIRE(o.ok());
  CHECK(o->show_help);
  CHECK(o->help_text.find("--facets") != std::string::npos);
}

TEST_CASE("query options: --limit, --offset and --facet-size take whole numbers within their range", "[query]") {
  auto ok = parse({"--db", "x.db", "--limit", "1000000", "--offset", "0", "--facet-size", "10000", "oil"});
  REQUIRE(ok.ok());
  CHECK(ok->request.limit == 1000000);
  CHECK(ok->request.facet_size == 10000);
  CHECK(parse({"--db", "x.db", "oil"})->request.limit == 10);
  for (std::vector<const char*> bad : {std::vector<const char*>{"--limit", "-1"}, {"--limit", "4294967296"},
                                       {"--limit", "1000001"}, {"--limit", "1e3"}, {"--limit", ""},
                                       {"--offset", "-1"}, {"--offset", "1000001"}, {"--facet-size", "0"},
                                       {"--facet-size", "10001"}}) {
    INFO(bad[0] << " " << bad[1]);
    auto r = parse({"--db", "x.db", bad[0], bad[1], "oil"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUsage);
    CHECK(r.error().message.find(std::string(bad[0]) + " takes a whole number from ") != std::string::npos);
  }
}

TEST_CASE("query options: --interval implies --timeline, --format csv, --null only for ids and paths", "[query]") {
  auto i = parse({"--db", "x.db", "--interval", "month", "oil"});
  REQUIRE(i.ok());
  CHECK(i->request.timeline);
  CHECK(i->request.interval == Granularity::kMonth);
  CHECK_FALSE(parse({"--db", "x.db", "--timeline", "oil"})->request.interval);
  CHECK_FALSE(parse({"--db", "x.db", "--interval", "quarter", "oil"}).ok());
  auto csv = parse({"--db", "x.db", "--format", "csv", "oil"});
  REQUIRE(csv.ok());
  CHECK(csv->format == OutputFormat::kCsv);
  CHECK_FALSE(csv->request.snippets);
  CHECK(parse({"--db", "x.db", "--format", "paths", "--null", "oil"})->null);
  CHECK_FALSE(parse({"--db", "x.db", "--null", "oil"}).ok());
}

TEST_CASE("query options: a bucket typed after --timeline is read as --interval, with a note", "[query]") {
  auto w = parse({"--db", "x.db", "--timeline", "week", "oil"});
  REQUIRE(w.ok());
  CHECK(w->request.interval == Granularity::kWeek);
  CHECK(w->request.timeline);
  CHECK(w->request.text == "oil");
  REQUIRE(w->request.notes.size() == 1);
  CHECK(w->request.notes[0].find("'--timeline week' read as '--interval week'") != std::string::npos);
  // After --, or with --interval given, the word is searched.
  auto word = parse({"--db", "x.db", "--timeline", "--", "week"});
  REQUIRE(word.ok());
  CHECK(word->request.text == "week");
  CHECK_FALSE(word->request.interval);
  CHECK(word->request.notes.empty());
  auto both = parse({"--db", "x.db", "--interval", "year", "--timeline", "month"});
  REQUIRE(both.ok());
  CHECK(both->request.interval == Granularity::kYear);
  CHECK(both->request.text == "month");
  CHECK(parse({"--db", "x.db", "--timeline", "oil", "week"})->request.text == "oil week");
}

TEST_CASE("query options: --show takes one id, in text or JSON, and no query", "[query]") {
  auto o = parse({"--db", "x.db", "--show", "feed-1", "--json"});
  REQUIRE(o.ok());
  CHECK(o->show_id == "feed-1");
  CHECK(o->format == OutputFormat::kJson);
  CHECK(parse({"--db", "x.db", "--show", ""}).error().message == "newsidx-query: --show needs an article id");
  CHECK(parse({"--db", "x.db", "--show", "a", "oil"}).error().message ==
        "newsidx-query: --show takes an article id, not a query");
  CHECK(parse({"--db", "x.db", "--show", "a", "--person", "x"}).error().code == ErrorCode::kUsage);
  CHECK(parse({"--db", "x.db", "--show", "a", "--format", "csv"}).error().message ==
        "newsidx-query: --show prints text or JSON");
}

TEST_CASE("query options: --author, --lang and the metadata facets", "[query]") {
  auto o = parse({"--db", "x.db", "--author", "lima", "--lang", "fr", "--facets", "source,section,author,lang"});
  REQUIRE(o.ok());
  using Filter = std::pair<std::string, std::vector<std::string>>;
  CHECK(o->request.filters == std::vector<Filter>{{"author", {"lima"}}, {"lang", {"fr"}}});
  CHECK(o->request.facets == std::vector<std::string>{"source", "section", "author", "lang"});
}

TEST_CASE("query options: a mistyped option names the option meant", "[query]") {
  const auto hint_for = [](const char* typed) {
    auto r = parse({"--db", "x.db", typed, "oil"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUsage);
    return r.error().hint;
  };
  CHECK(hint_for("--persn") == "did you mean --person? (see newsidx-query --help)");
  CHECK(hint_for("--speakr") == "did you mean --speaker? (see newsidx-query --help)");
  CHECK(hint_for("--contry=UA") == "did you mean --country? (see newsidx-query --help)");
  CHECK(hint_for("--zzzzzz") == "see newsidx-query --help");  // nothing near: no guess
  CHECK(hint_for("-limit") == "did you mean --limit? (see newsidx-query --help)");
}

TEST_CASE("query options: an option given an empty value is refused by name, an empty query is not", "[query]") {
  // "--date \"$PERIOD\"" with the variable unset filtered nothing, "--person ''" found nothing: silently.
  for (const char* option : {"--date", "--since", "--person", "--speaker", "--country", "--format"}) {
    INFO(option);
    auto r = parse({"--db", "x.db", option, "", "oil"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUsage);
    CHECK(r.error().message == "newsidx-query: " + std::string(option) + " was given an empty value");
    CHECK(r.error().hint.rfind("give it a value or leave it out, e.g. " + std::string(option), 0) == 0);
  }
  auto blank = parse({"--db", "x.db", "--org", " ", "oil"});
  REQUIRE_FALSE(blank.ok());
  CHECK(blank.error().message == "newsidx-query: --org was given an empty value");
  CHECK(parse({"--db", "x.db", ""}).ok());  // an empty query lists the newest articles
}

TEST_CASE("query options: a field's synonym or a word for a bound names the option meant", "[query]") {
  const auto refused = [](std::vector<const char*> args) {
    args.insert(args.begin(), {"--db", "x.db"});
    auto r = parse(args);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kUsage);
    return r.error().message + " | " + r.error().hint;
  };
  CHECK(refused({"--people", "blair"}) == "newsidx-query: unrecognised option '--people' | did you mean --person? (see newsidx-query --help)");
  CHECK(refused({"--Organisation", "nato"}) == "newsidx-query: unrecognised option '--Organisation' | did you mean --org? (see newsidx-query --help)");
  CHECK(refused({"--location", "kyiv"}) == "newsidx-query: unrecognised option '--location' | did you mean --place? (see newsidx-query --help)");
  CHECK(refused({"--from", "2022"}) == "newsidx-query: unrecognised option '--from' | did you mean --since? (see newsidx-query --help)");
  CHECK(refused({"--top", "5", "oil"}) == "newsidx-query: unrecognised option '--top' | did you mean --limit? (see newsidx-query --help)");
  // Boost would read "--to" as --today and call "--facet" ambiguous.
  CHECK(refused({"--to", "2022"}) == "newsidx-query: unrecognised option '--to' | did you mean --until? (see newsidx-query --help)");
  CHECK(refused({"--to=2022", "oil"}) == "newsidx-query: unrecognised option '--to' | did you mean --until? (see newsidx-query --help)");
  CHECK(refused({"--facet", "person", "oil"}) == "newsidx-query: unrecognised option '--facet' | did you mean --facets? (see newsidx-query --help)");
  // A prefix no synonym claims is still the option it begins ("--lim", "--quote"), and a word
  // after "--" is a query word.
  auto lim = parse({"--db", "x.db", "--lim", "3", "--quote", "oil"});
  REQUIRE(lim.ok());
  CHECK(lim->request.limit == 3);
  CHECK(lim->request.quotes);
  auto after = parse({"--db", "x.db", "--", "--to"});
  REQUIRE(after.ok());
}

TEST_CASE("query options: a word typed with '-' and no quotes is a word to leave out", "[query]") {
  auto o = parse({"--db", "x.db", "chelsea", "-mourinho", "--limit", "5"});
  REQUIRE(o.ok());
  CHECK(o->request.text == "chelsea -mourinho");
  CHECK(o->request.limit == 5);
  // First, or before the words, or beside words already after "--".
  auto first = parse({"--db", "x.db", "-blair", "--person", "brown"});
  REQUIRE(first.ok());
  CHECK(first->request.text == "-blair");
  auto both = parse({"--db", "x.db", "-mourinho", "chelsea", "--", "-wenger"});
  REQUIRE(both.ok());
  CHECK(both->request.text == "chelsea -mourinho -wenger");
  // The short options keep their meaning.
  auto n = parse({"--db", "x.db", "-n5", "oil"});
  REQUIRE(n.ok());
  CHECK(n->request.limit == 5);
  CHECK(n->request.text == "oil");
  auto d = parse({"-dnews.db", "oil", "-howard", "-denmark"});
  REQUIRE(d.ok());
  CHECK(d->db == "news.db");
  CHECK(d->request.text == "oil -howard -denmark");
  auto h = parse({"-h"});
  REQUIRE(h.ok());
  CHECK(h->show_help);
}
