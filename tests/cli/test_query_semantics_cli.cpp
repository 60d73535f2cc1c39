// CLI tests for what a query means (issue 16 "wrong answers", issue 15 items 11 and 14): unknown
// field values, operators, tags, counts, --quotes, suggestions, accents, repeated filters, empty
// queries and the bounds on a query, through the real binaries on small archives.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/schema.hpp"
#include "integration/query_fixture.hpp"
#include "test_util.hpp"

using namespace newsidx;
using namespace newsidx::test;

namespace {

const std::string kIndex = NEWSIDX_INDEX_BIN;
const std::string kQuery = NEWSIDX_QUERY_BIN;

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// A query tool run: stdout, stderr and the exit status apart.
struct Run {
  int status = -1;
  std::string out, err;
};

Run query(const std::string& db, const std::string& args) {
  TempDir tmp;
  auto r = run_command(kQuery + " --db " + sh_quote(db) + " --today 2022-03-01 " + args + " 2>" +
                       sh_quote(tmp.str("err")));
  return {r.status, r.out, read_file(tmp.path() / "err")};
}

std::string record(const std::string& id, const std::string& date, const std::string& title,
                   const std::string& body, const std::vector<std::string>& tags = {}) {
  nlohmann::json j{{"id", id}, {"date", date}, {"title", title}, {"body", body}};
  if (!tags.empty()) j["tags"] = tags;
  return j.dump() + "\n";
}

// Articles written for these tests, indexed by the real newsidx-index.
std::string semantics_feed() {
  std::string f;
  f += record("plea1", "2022-01-03", "Court hearing", "The defendant pleaded not guilty to all charges in court on Monday.");
  f += record("plea2", "2022-01-04", "Second hearing", "Another defendant pleaded guilty to a lesser charge.");
  f += record("bw1", "2022-01-05", "Gallery opens", "An exhibition of black and white photographs opened in the gallery.");
  f += record("bw2", "2022-01-06", "Siege ends", "The garrison raised a white flag over the fort.");
  f += record("cafe1", "2022-01-07", "Café reopens", "The old café on the square reopened after repairs.");
  f += record("cafe2", "2022-01-08", "Owners protest", "Cafe owners protested against the new rent rules.");
  f += record("mat1", "2022-01-09", "Minister resigns", "Igor Matovič resigned as finance minister on Wednesday.");
  f += record("tag1", "2022-01-10", "Crude output", "Output of crude rose in Texas.", {"places:usa", "topics:crude"});
  f += record("tag2", "2022-01-11", "Grain exports", "Grain exports rose from Kansas.", {"places:usa", "topics:grain"});
  f += record("tag3", "2022-01-12", "North Sea crude", "North Sea crude output fell.", {"places:uk", "topics:crude"});
  for (int i = 1; i <= 5; ++i) {
    f += record("quota" + std::to_string(i), "2022-02-0" + std::to_string(i), "Fishing quotas",
                "Fishing quotas were cut again for rich fleets, Paul said in San Diego.");
    f += record("vote" + std::to_string(i), "2022-02-1" + std::to_string(i), "Blair and the election",
                "Tony Blair called the election early.");
  }
  f += record("quokka", "2022-02-20", "Island wildlife", "Quokkas thrive on the island.");
  f += record("zurich", "2022-02-21", "Banking", "Banks in Zurich reported profits.");
  f += record("saopaulo", "2022-02-22", "Rain in Brazil", "Heavy rain fell on São Paulo on Tuesday.");
  return f;
}

// One database per test binary run: indexing takes a moment.
const std::string& semantics_db() {
  static TempDir dir;
  static const std::string db = [] {
    write_file(dir.path() / "archive/feed.jsonl", semantics_feed());
    auto r = run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive")), true);
    if (r.status != 0) throw std::runtime_error("indexing the semantics feed failed: " + r.out);
    return dir.str("db");
  }();
  return db;
}

// The hand-built fixture archive of query_fixture.hpp (facets and quotes set by hand).
const std::string& fixture_db() {
  static TempDir dir;
  static const std::string db = [] {
    write_query_fixture(dir.str("db"));
    return dir.str("db");
  }();
  return db;
}

}  // namespace

TEST_CASE("cli semantics: an unknown value in a field matches nothing and says so as typed", "[query][cli]") {
  const auto& db = fixture_db();
  REQUIRE(query(db, "--count sanctions").out == "4\n");
  auto country = query(db, "--count 'sanctions country:narnia'");
  CHECK(country.out == "0\n");
  CHECK(country.status == 1);
  CHECK(contains(country.err, "country:narnia"));
  CHECK_FALSE(contains(country.err, "--country narnia"));
  auto person = query(db, "--count 'sanctions person:zzzzqqq'");
  CHECK(person.out == "0\n");
  CHECK(person.status == 1);
  CHECK(contains(person.err, "person:zzzzqqq"));
  auto option = query(db, "--count --country narnia sanctions");
  CHECK(option.out == "0\n");
  CHECK(contains(option.err, "--country narnia"));
  auto explain = query(db, "--explain 'sanctions country:narnia'");
  CHECK_FALSE(contains(explain.out, "alldocuments"));
  CHECK(explain.status == 1);
}

TEST_CASE("cli semantics: only upper-case AND, OR and NOT are operators", "[query][cli]") {
  const auto& db = semantics_db();
  CHECK(query(db, "--format ids 'pleaded not guilty'").out == "plea1\n");
  CHECK(query(db, "--format ids 'black or white'").out == "bw1\n");
  CHECK(query(db, "--format ids --sort oldest 'black OR white'").out == "bw1\nbw2\n");
  CHECK(query(db, "--format ids 'guilty NOT not'").out == "plea2\n");
  // A pasted sentence, with its lower-case "or" first and "and" last.
  auto pasted = query(db, "--format ids 'or the defendant pleaded not guilty to all charges in court on Monday, and'");
  CHECK(pasted.status == 0);
  CHECK(pasted.out == "plea1\n");
}

TEST_CASE("cli semantics: a misplaced operator is one sentence and a hint, never Xapian's text", "[query][cli]") {
  const auto& db = semantics_db();
  for (std::string q : {"'crude AND'", "'OR crude'", "'crude AND NOT'"}) {
    INFO(q);
    auto r = query(db, q);
    CHECK(r.status == 2);
    auto ls = lines(r.err);
    REQUIRE(ls.size() == 2);
    CHECK(ls[0].rfind("newsidx-query: ", 0) == 0);
    CHECK_FALSE(contains(ls[0], "Syntax"));
    CHECK_FALSE(contains(ls[0], "<expression>"));
    CHECK(ls[1].rfind("hint: ", 0) == 0);
  }
}

TEST_CASE("cli semantics: tag:places:usa in the query matches what --tag places:usa matches", "[query][cli]") {
  const auto& db = semantics_db();
  CHECK(query(db, "--format ids --sort oldest tag:places:usa").out == "tag1\ntag2\n");
  CHECK(query(db, "--format ids --sort oldest --tag places:usa").out == "tag1\ntag2\n");
  CHECK(query(db, "--format ids --sort oldest 'crude tag:PLACES:USA'").out == "tag1\n");
  auto unknown = query(db, "--count 'crude tag:places:narnia'");
  CHECK(unknown.out == "0\n");
  CHECK(contains(unknown.err, "tag:places:narnia: no tag of that name in the archive"));
}

TEST_CASE("cli semantics: repeated tags and fields are OR-ed, --all-of requires each, as --help says", "[query][cli]") {
  const auto& db = semantics_db();
  CHECK(query(db, "--format ids --sort oldest --tag places:uk --tag topics:grain").out == "tag2\ntag3\n");
  CHECK(query(db, "--format ids --sort oldest --all-of --tag places:usa --tag topics:crude").out == "tag1\n");
  CHECK(query(db, "--format ids --sort oldest 'tag:places:uk tag:topics:grain'").out == "tag2\ntag3\n");
  CHECK(query(fixture_db(), "--format ids --sort oldest 'person:lavrov person:baerbock'").out == "a2\na3\n");
  auto help = run_command(kQuery + " --help").out;
  CHECK(contains(help, "Repeated values of one filter\nor field are OR-ed"));
  CHECK(contains(help, "--all-of"));
}

TEST_CASE("cli semantics: accents are folded alike in the archive and in the query", "[query][cli]") {
  const auto& db = semantics_db();
  CHECK(query(db, "--format ids --sort oldest café").out == "cafe1\ncafe2\n");
  CHECK(query(db, "--format ids --sort oldest cafe").out == "cafe1\ncafe2\n");
  CHECK(query(db, "--format ids --sort oldest CAFÉ").out == "cafe1\ncafe2\n");
  CHECK(query(db, "--format ids Matovic").out == "mat1\n");
  CHECK(query(db, "--format ids Matovič").out == "mat1\n");
  CHECK(query(db, "--format ids 'title:cafe'").out == "cafe1\n");
  CHECK(query(db, "--format ids '\"the old cafe on the square\"'").out == "cafe1\n");
  // The matched word is highlighted in the snippet whichever way it was typed.
  auto json = query(db, "--json --limit 1 'cafe square'");
  REQUIRE(json.status == 0);
  auto hit = nlohmann::json::parse(lines(json.out).front());
  CHECK_FALSE(hit["highlights"].empty());
}

TEST_CASE("cli semantics: did you mean only for unknown words, and only towards more matches", "[query][cli]") {
  const auto& db = semantics_db();
  for (std::string q : {"quokkas", "zurich", "'São Paulo'", "'sao paulo'"}) {
    INFO(q);
    auto r = query(db, q);
    CHECK(r.status == 0);
    CHECK_FALSE(contains(r.err, "did you mean"));
  }
  auto typo = query(db, "'tony blaire electoin'");
  CHECK(typo.status == 1);
  CHECK(contains(typo.err, "did you mean: tony blair election"));
  // A word too far from any known word gets no suggestion.
  CHECK_FALSE(contains(query(db, "quokkaz").err, "did you mean: quotas"));
}

TEST_CASE("cli semantics: a mistyped field name gets did you mean from the field table, on a one-article archive too",
          "[query][cli]") {
  TempDir dir;
  // The seed article alone: Xapian's spelling data holds only its words ("country" is one of
  // them, "person", "place" and "speaker" are not); the field table knows every field.
  write_file(dir.path() / "archive/blinken-kyiv.txt",
             read_file(std::filesystem::path(NEWSIDX_SOURCE_DIR) / "corpus/2022/01/19/blinken-kyiv.txt"));
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  const std::string db = dir.str("db");
  for (const auto& [typed, meant] : std::vector<std::pair<std::string, std::string>>{
           {"persn:blinken", "person:blinken"},
           {"plce:kyiv", "place:kyiv"},
           {"kyiv speakr:blinken", "kyiv speaker:blinken"},
           {"contry:ua", "country:ua"},
           {"blinken Contry:ua", "blinken country:ua"}}) {
    INFO(typed);
    auto r = query(db, sh_quote(typed));
    CHECK(r.status == 1);
    CHECK(contains(r.err, "did you mean: " + meant + "\n"));
    CHECK_FALSE(contains(r.err, "is no field"));  // the suggestion names the field already
    CHECK(contains(query(db, sh_quote(meant)).out, "1 match; showing 1-1"));  // the hint finds it
  }
  // A slip whose correction finds nothing either (no headline has Kyiv) still gets its field named.
  auto none = query(db, "tittle:kyiv");
  CHECK(contains(none.err, "note: 'tittle:' is no field, so it was searched as a word; did you mean title:?"));
  CHECK_FALSE(contains(none.err, "did you mean: title:kyiv"));
  // Real fields as before: a match, no hint.
  auto real = query(db, "country:ua");
  CHECK(real.status == 0);
  CHECK_FALSE(contains(real.err, "did you mean"));
}

TEST_CASE("cli semantics: --quotes is a switch and the query is the positional argument", "[query][cli]") {
  const auto& db = fixture_db();
  auto r = query(db, "--quotes --speaker klobuchar sanctions");
  CHECK(r.status == 0);
  CHECK(contains(r.out, "1 quotation"));
  CHECK(contains(r.out, "We must impose sanctions on Russia now"));
  auto old = query(db, "--quotes sanctions --speaker klobuchar");
  CHECK(old.out == r.out);
  // No words: every quotation of the speaker, newest first.
  auto all = query(db, "--quotes --speaker klobuchar --json");
  CHECK(lines(all.out).size() == 3);  // two quotations and the summary (the note on the name)
}

TEST_CASE("cli semantics: counts are exact up to 10,000 and --limit 0 prints the count with exit 0", "[query][cli]") {
  TempDir dir;
  // Every third quotation mentions the storms; two articles in three do, outside the quotation
  // too: word counts that Xapian's estimates get wrong.
  std::string feed;
  for (int i = 0; i < 300; ++i)
    feed += record("h" + std::to_string(i), "2022-01-01", "Harbour works " + std::to_string(i),
                   "\u201CWe will rebuild the harbour " +
                       std::string(i % 3 == 0 ? "after the storms" : "before winter") +
                       ",\u201D said Mayor John Smith. " +
                       (i % 3 != 2 ? "Work was late because of storms and strikes." : "Work is on schedule."));
  write_file(dir.path() / "archive/harbour.jsonl", feed);
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  const std::string db = dir.str("db");

  CHECK(first_line(query(db, "--limit 2 harbour").out) == "300 matches; showing 1-2");
  CHECK(first_line(query(db, "--limit 2 'late strikes'").out) == "200 matches; showing 1-2");
  CHECK(first_line(query(db, "--quotes --limit 2 storms").out) == "100 quotations; showing 1-2");

  auto zero = query(db, "--limit 0 'late strikes'");
  CHECK(zero.status == 0);
  CHECK(first_line(zero.out) == "200 matches");
  CHECK_FALSE(contains(zero.err, "did you mean"));
  auto facets = query(db, "--limit 0 --facets person 'late strikes'");
  CHECK(contains(facets.out, "200  John Smith"));

  auto json = query(db, "--json --limit 0 'late strikes'");
  CHECK(json.status == 0);
  REQUIRE(lines(json.out).size() == 1);
  auto summary = nlohmann::json::parse(json.out);
  CHECK(summary["type"] == "summary");
  CHECK(summary["matches"] == 200);
  CHECK(summary["matches_exact"] == true);
}

TEST_CASE("cli semantics: an empty query matches every article, newest first, narrowed by filters", "[query][cli]") {
  const auto& db = fixture_db();
  const std::string newest = "a4\na3\na2\na1\na6\na7\na5\n";
  CHECK(query(db, "--format ids ''").out == newest);
  CHECK(query(db, "--format ids").out == newest);
  CHECK(query(db, "--format ids '\"\"'").out == newest);
  CHECK(query(db, "--format ids --sort oldest ''").out == "a7\na6\na1\na2\na3\na4\na5\n");
  CHECK(query(db, "--format ids --country russia ''").out == "a4\na2\na6\na5\n");
  CHECK(query(db, "--format ids --since 2022-02 ''").out == "a4\na3\n");
  auto count = query(db, "--count");
  CHECK(count.out == "7\n");
  CHECK(count.status == 0);
  auto help = run_command(kQuery + " --help").out;
  CHECK(contains(help, "An empty query"));
}

TEST_CASE("cli semantics: --date takes a period or a range as date: does, within --since and --until", "[query][cli]") {
  const auto& db = semantics_db();
  CHECK(query(db, "--format ids --date 2022-01-09 ''").out == "mat1\n");
  CHECK(query(db, "--format ids --sort oldest --date 2022-02-20..2022-02-21 ''").out == "quokka\nzurich\n");
  CHECK(query(db, "--format ids --date '9 january 2022' ''").out == "mat1\n");
  // With --until: the days both give.
  CHECK(query(db, "--format ids --date 2022-02 --until 2022-02-01 ''").out == "quota1\n");
  auto bad = query(db, "--date 2022-13 ''");
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "--date: "));
  auto apart = query(db, "--date 2022-01 --since 2022-02 ''");
  CHECK(apart.status == 2);
  CHECK(contains(apart.err, "share no day"));
}

TEST_CASE("cli semantics: a person typed with a title or a possessive finds the name", "[query][cli]") {
  const auto& db = semantics_db();
  auto mr = query(db, "--count --person 'Mr Blair'");
  CHECK(mr.out == "5\n");
  CHECK(contains(mr.err, "matched Tony Blair (read without its title or 's)"));
  CHECK(query(db, "--count --person 'Prime Minister Tony Blair'").out == "5\n");
  CHECK(query(db, "--count --person \"Matovič's\"").out == "1\n");
  CHECK(query(db, "--count --person 'Dr. Matovic'").out == "1\n");
  // A title alone is no name to strip to nothing.
  CHECK(query(db, "--count --person 'Mr'").out == "0\n");
  // A slip in the name after a title still gets its "did you mean".
  auto slip = query(db, "--count --person 'Mr Blar'");
  CHECK(slip.out == "0\n");
  CHECK(contains(slip.err, "did you mean \"Tony Blair\""));
}

TEST_CASE("cli semantics: a title before one word means a surname of a given name that fits the title",
          "[query][cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             record("b1", "2022-01-03", "Blair speaks", "Tony Blair spoke in London on Monday about the budget.") +
                 record("b2", "2022-01-04", "Kick missed",
                        "Blair Walsh missed a late field goal and Minnesota lost the game on Sunday.") +
                 record("b3", "2022-01-05", "School opens", "Cherie Blair opened a new school in Leeds on Friday."));
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  REQUIRE(query(dir.str("db"), "--format ids --person 'Blair Walsh' ''").out == "b2\n");
  auto mr = query(dir.str("db"), "--format ids --person 'Mr Blair' ''");
  CHECK(mr.out == "b1\n");
  CHECK(contains(mr.err, "matched Tony Blair"));
  // A title with a sex keeps the given names that fit it.
  CHECK(query(dir.str("db"), "--format ids --person 'Mrs Blair' ''").out == "b3\n");
  // Without a title, the word is anywhere in the name.
  CHECK(query(dir.str("db"), "--format ids --sort oldest --person blair ''").out == "b1\nb2\nb3\n");
}

TEST_CASE("cli semantics: an organisation is found by its initials beside the names holding the word", "[query][cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             record("w1", "2022-01-03", "Health body warns",
                    "The World Health Organization said on Monday that cases were rising in Europe.") +
                 record("w2", "2022-01-04", "Exports fall", "Exxon Corp said exports fell in January."));
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  auto who = query(dir.str("db"), "--format ids --org WHO ''");
  CHECK(who.out == "w1\n");
  CHECK(contains(who.err, "--org WHO matched "));
  CHECK(contains(who.err, "World Health Organization"));
  // Two letters are the initials of too many firms: no "ec" for Exxon Corp.
  CHECK(query(dir.str("db"), "--count --org ec ''").out == "0\n");
}

TEST_CASE("cli semantics: two alias rows naming each other end, both names found", "[query][cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             record("s1", "2022-01-03", "Budget", "John Smith said the budget was fair to everyone.") +
                 record("s2", "2022-01-04", "Budget", "Jack Smyth said the budget was unfair to many."));
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  write_file(dir.path() / "cyc.tsv", "John Smith\tJack Smyth\tperson\nJack Smyth\tJohn Smith\tperson\n");
  // The canonical name was looked up as an alias again, and again: the stack ran out.
  auto r = query(dir.str("db"), "--aliases " + sh_quote(dir.str("cyc.tsv")) + " --count --person 'john smith' ''");
  CHECK(r.status == 0);
  CHECK(r.out == "2\n");
}

TEST_CASE("cli semantics: a query past its bounds is refused with the limit named, exit 2", "[query][cli]") {
  const auto& db = fixture_db();
  std::string big;
  while (big.size() < 5000) big += "\"sanctions talks\" ";
  auto r = query(db, sh_quote(big));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "4096 bytes"));

  std::string fields;
  for (int i = 0; i < 40; ++i) fields += "person:p" + std::to_string(i) + " ";
  auto f = query(db, sh_quote(fields));
  CHECK(f.status == 2);
  CHECK(contains(f.err, "32 field values"));

  std::string options;
  for (int i = 0; i < 40; ++i) options += "--person p" + std::to_string(i) + " ";
  auto o = query(db, options + "sanctions");
  CHECK(o.status == 2);
  CHECK(contains(o.err, "32 field values"));

  std::string words;
  for (int i = 0; i < 300; ++i) words += "w" + std::to_string(i) + " ";
  auto w = query(db, "--any " + sh_quote(words));
  CHECK(w.status == 2);
  CHECK(contains(w.err, "256 words"));

  auto help = run_command(kQuery + " --help").out;
  CHECK(contains(help, "4096 bytes"));
  // A pasted paragraph well inside the bounds is an ordinary query.
  std::string paragraph;
  for (int i = 0; i < 12; ++i) paragraph += "Officials discussed sanctions and diplomacy, or so they said, and not much more. ";
  CHECK(query(db, sh_quote(paragraph)).status == 1);
}

TEST_CASE("cli semantics: a database of the previous schema version is refused with a hint to --rebuild", "[query][cli]") {
  TempDir dir;
  {
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    db.set_metadata(std::string(schema::kSchemaKey), std::to_string(schema::kSchemaVersion - 1));
    db.add_document(Xapian::Document());
    db.commit();
  }
  write_file(dir.path() / "archive/a.txt", "Title\n\nBody text.\n");
  auto q = run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " talks 2>&1");
  CHECK(q.status == 3);
  CHECK(contains(q.out, "schema version " + std::to_string(schema::kSchemaVersion - 1)));
  CHECK(contains(q.out, "--rebuild"));
  const std::string index = kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"));
  auto i = run_command(index + " 2>&1");
  CHECK(i.status == 3);
  CHECK(contains(i.out, "--rebuild"));
  CHECK(run_command(index + " --rebuild 2>&1").status == 0);
  CHECK(run_command(kQuery + " --db " + sh_quote(dir.str("db")) + " --count body").out == "1\n");
}

TEST_CASE("cli semantics: --country takes a word of country names and a part of a country a user types", "[query][cli]") {
  TempDir dir;
  std::string f;
  f += record("kr", "2022-01-03", "Seoul talks", "South Korea raised rates in Seoul on Monday.");
  f += record("kp", "2022-01-04", "Missile test", "North Korea fired a missile from Pyongyang on Tuesday.");
  f += record("jp", "2022-01-05", "Tokyo shares", "Japan's shares rose in Tokyo.");
  f += record("tx", "2022-01-06", "Crude output", "Output of crude rose in Texas, where drillers in Houston hired.");
  f += record("mx", "2022-01-07", "Peso falls", "Mexico raised its interest rate in Mexico City on Friday.");
  f += record("nm", "2022-01-08", "Dry winter", "Drought hit farms in New Mexico, officials in Santa Fe said.");
  write_file(dir.path() / "archive/feed.jsonl", f);
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  const std::string db = dir.str("db");
  // "korea" is no country's name: both countries named with it, and a note naming them.
  auto korea = query(db, "--format ids --sort oldest --country korea ''");
  CHECK(korea.out == "kr\nkp\n");
  CHECK(contains(korea.err, "--country korea is ambiguous; matched: KP (North Korea), KR (South Korea)"));
  CHECK(query(db, "--format ids --sort oldest 'country:korea'").out == "kr\nkp\n");
  // The small words of names name no country ("the" of Saint Vincent and the Grenadines).
  CHECK(contains(query(db, "--count --country the ''").err, "--country the: not a country name"));
  // A state, region or nation within a country has no ISO code: the place of that name.
  auto texas = query(db, "--format ids --country texas ''");
  CHECK(texas.out == "tx\n");
  CHECK(contains(texas.err, "--country texas: not a country of ISO 3166; searched as the place Texas"));
  // A name that is neither stays unknown.
  auto narnia = query(db, "--count --country narnia ''");
  CHECK(narnia.out == "0\n");
  CHECK(contains(narnia.err, "--country narnia: not a country name, code or adjective I know"));
  CHECK_FALSE(contains(narnia.err, "did you mean"));
  // A typo gets the nearest country's name.
  auto typo = query(db, "--count --country ukrane ''");
  CHECK(typo.out == "0\n");
  CHECK(contains(typo.err, "--country ukrane: not a country name, code or adjective I know; did you mean \"Ukraine\"?"));
  // The other way round: a country typed as a place (the place facet holds no countries) is
  // searched as the country, with a note; a place stays a place.
  auto japan = query(db, "--format ids --place japan ''");
  CHECK(japan.out == "jp\n");
  CHECK(contains(japan.err, "--place japan: a country; searched as --country JP (Japan)"));
  CHECK(query(db, "--format ids --sort oldest 'place:\"south korea\"'").out == "kr\n");
  // The country and the places holding its name; a bare code is no country for a place.
  auto mexico = query(db, "--format ids --sort oldest --place mexico ''");
  CHECK(mexico.out == "mx\nnm\n");
  CHECK(contains(mexico.err, "--place mexico: searched as --country MX (Mexico) and the places holding the name: "));
  CHECK(contains(mexico.err, "New Mexico"));
  CHECK_FALSE(contains(query(db, "--count --place jp ''").err, "a country"));
  // A name typed under the wrong filter: the note names the facet that holds it.
  auto org = query(db, "--count --org houston ''");
  CHECK(org.out == "0\n");
  CHECK(contains(org.err, "--org houston: no org of that name in the archive; it is a place: --place houston"));
  auto houston = query(db, "--format ids --place houston ''");
  CHECK(houston.out == "tx\n");
  CHECK_FALSE(contains(houston.err, "a country"));
  // A place typed with its state or country after a comma is the place before it.
  auto texas_town = query(db, "--format ids --place 'houston, texas' ''");
  CHECK(texas_town.out == "tx\n");
  CHECK(contains(texas_town.err, "--place houston, texas read as houston"));
}

TEST_CASE("cli semantics: a name typed with 'the' before it finds the name the archive holds without it",
          "[query][cli]") {
  TempDir dir;
  std::string f;
  f += record("b1", "2022-01-03", "Jobs cut", "The BBC said on Monday that it would cut 400 jobs in London.");
  f += record("h1", "2022-01-04", "Court ruling", "Judges in The Hague ruled on Tuesday against the government.");
  f += record("h2", "2022-01-05", "Town fair", "Crowds filled the square in Hague on Wednesday, officials said.");
  write_file(dir.path() / "archive/feed.jsonl", f);
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  const std::string db = dir.str("db");
  REQUIRE(query(db, "--format ids --org bbc ''").out == "b1\n");
  CHECK(query(db, "--format ids --org 'the bbc' ''").out == "b1\n");
  CHECK(query(db, "--format ids --org 'The BBC' ''").out == "b1\n");
  // A name the archive holds with its article keeps it: not the town "Hague" too.
  REQUIRE(query(db, "--format ids --place hague ''").out.find("h2") != std::string::npos);
  CHECK(query(db, "--format ids --place 'the hague' ''").out == "h1\n");
}

TEST_CASE("cli semantics: a party quoted as a speaker takes its canonical name, as the org facet does", "[query][cli]") {
  TempDir dir;
  write_file(dir.path() / "archive/feed.jsonl",
             record("t1", "2022-01-03", "Tories attack minister",
                    "The Tories said the decision was a disgrace. \"We will keep pressing the minister on this "
                    "matter every single day,\" the Tories said on Monday."));
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  const std::string db = dir.str("db");
  auto facets = query(db, "--facets-only --facets speaker,org ''");
  CHECK(contains(facets.out, "1  Conservatives              1  Conservatives"));
  CHECK_FALSE(contains(facets.out, "Tories"));
  auto quotes = query(db, "--quotes --speaker tories ''");
  CHECK(contains(quotes.out, "Conservatives: \xE2\x80\x9CWe will keep pressing"));
  CHECK(contains(quotes.err, "--speaker tories means Conservatives (alias)"));
  CHECK(query(db, "--count --speaker conservatives ''").out == "1\n");

  // An archive indexed before speakers took canonical names holds "Tories": still found.
  Analysis an;
  an.facets.speaker = {"Tories"};
  an.quotes.push_back(Quote{Span{}, "We will keep pressing.", std::string("Tories"), "org", std::nullopt, std::nullopt,
                            std::nullopt});
  newsidx::Article a;
  a.id = "old1";
  a.title = "Tories attack minister";
  a.text = "We will keep pressing.";
  const auto add_old_article = [&](const std::string& path) {
    auto opened = xapian_db::open_write(path, 0);
    REQUIRE(opened);
    Xapian::WritableDatabase w = opened.value();
    auto built = indexer::build_documents(a, an, "archive/old1.txt");
    w.replace_document(built.article.id_term, built.article.doc);
    for (const auto& q : built.quotes) w.replace_document(q.id_term, q.doc);
    w.commit();
  };
  const std::string old_db = dir.str("old.db");
  add_old_article(old_db);
  auto old = query(old_db, "--quotes --count --speaker tories ''");
  CHECK(old.out == "1\n");
  // An archive of both, files indexed before and after: both spellings are found.
  add_old_article(db);
  CHECK(query(db, "--count --speaker tories ''").out == "2\n");
  CHECK(query(db, "--quotes --count --speaker tories ''").out == "2\n");

  // An organisation stored before the alias table knew its other spelling (al-Qaida, now filed
  // as al-Qaeda) is found by that spelling, with no "no org of that name" beside it.
  Analysis group;
  group.facets.org = {"al-Qaida"};
  a.id = "old2";
  a.title = "Group claims attack";
  newsidx::Article b = a;
  const std::string group_db = dir.str("group.db");
  {
    auto opened = xapian_db::open_write(group_db, 0);
    REQUIRE(opened);
    Xapian::WritableDatabase w = opened.value();
    auto built = indexer::build_documents(b, group, "archive/old2.txt");
    w.replace_document(built.article.id_term, built.article.doc);
    w.commit();
  }
  auto stored = query(group_db, "--count --org al-qaida ''");
  CHECK(stored.out == "1\n");
  CHECK(contains(stored.err, "means al-Qaeda (alias)"));
  CHECK_FALSE(contains(stored.err, "no org of that name"));
}

TEST_CASE("cli semantics: snippets show '&', '<' and '>' as written, in text and JSON", "[query][cli]") {
  TempDir dir;
  // Xapian's snippets escape them for HTML: "AT&amp;T" reached the terminal.
  write_file(dir.path() / "archive/deal.txt",
             "Phone deal\n\nAT&T agreed to buy the unit for less than $6 billion, a price < $7 billion, "
             "the M&A desk said on Monday.\n");
  REQUIRE(run_command(kIndex + " -q --db " + sh_quote(dir.str("db")) + " " + sh_quote(dir.str("archive"))).status == 0);
  auto text = query(dir.str("db"), "unit");
  CHECK(contains(text.out, "AT&T agreed"));
  CHECK(contains(text.out, "< $7 billion"));
  CHECK_FALSE(contains(text.out, "&amp;"));
  auto json = query(dir.str("db"), "--format json unit");
  const auto hit = nlohmann::json::parse(json.out.substr(0, json.out.find('\n')));
  CHECK(hit["snippet"].get<std::string>().find("the M&A desk") != std::string::npos);
}
