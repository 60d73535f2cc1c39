// Unit tests for query/printer: each output format behind the one interface, what goes to the
// answer (stdout) and what to the notes (stderr).
#include <catch2/catch.hpp>

#include <sstream>

#include "query/printer.hpp"

using namespace newsidx::query;

namespace {

SearchResult two_hits() {
  SearchResult r;
  r.matches_estimated = r.matches_lower = r.matches_upper = 2;
  for (std::size_t i = 1; i <= 2; ++i) {
    Hit h;
    h.rank = i;
    h.record = {{"id", "wire-" + std::to_string(i)}, {"title", "Harbour story " + std::to_string(i)},
                {"path", "/archive/wire-" + std::to_string(i) + ".txt"}};
    r.hits.push_back(h);
  }
  r.notes = {"--person blinken matched Antony Blinken"};
  r.suggestion = "harbour";
  r.explanation = Explanation{"Query(harbour)", {"harbour"}, {}, "relevance"};
  r.facets = {FacetResult{"person", {}, 0}};
  return r;
}

struct Printed {
  std::string out, err;
};

Printed print(OutputFormat format, const SearchResult& r, bool count = false, std::size_t limit = 10) {
  QueryOptions o;
  o.format = format;
  o.request.limit = limit;
  std::ostringstream out, err;
  auto printer = make_printer(o, out, err, PrintOptions{false, false, 80, false});
  if (count) printer->count(r);
  else printer->result(r);
  return {out.str(), err.str()};
}

}  // namespace

TEST_CASE("printer: every format answers --count with the number, notes on stderr", "[query][printer]") {
  SearchResult r = two_hits();
  r.facets.clear();
  for (auto f : {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kCsv, OutputFormat::kIds, OutputFormat::kPaths}) {
    const Printed p = print(f, r, true);
    CHECK(p.out == "2\n");
    CHECK(p.err == "note: --person blinken matched Antony Blinken\ndid you mean: harbour\n");
  }
}

TEST_CASE("printer: text shows the explanation, count line and hits, notes apart", "[query][printer]") {
  const Printed p = print(OutputFormat::kText, two_hits());
  CHECK(p.out.rfind("query:", 0) == 0);
  CHECK(p.out.find("2 matches; showing 1-2\n\n") != std::string::npos);
  CHECK(p.out.find("Harbour story 2") != std::string::npos);
  CHECK(p.out.find("note:") == std::string::npos);
  CHECK(p.err.find("note: --person blinken matched Antony Blinken\n") == 0);

  SearchResult none;
  const Printed empty = print(OutputFormat::kText, none);
  CHECK(empty.out.empty());
  CHECK(empty.err == "no matches\n");
}

TEST_CASE("printer: ids, paths and CSV print only hits, the explanation goes to stderr", "[query][printer]") {
  const Printed ids = print(OutputFormat::kIds, two_hits());
  CHECK(ids.out == "wire-1\nwire-2\n");
  CHECK(ids.err.find("query:") != std::string::npos);
  CHECK(ids.err.find("did you mean: harbour\n") != std::string::npos);
  CHECK(print(OutputFormat::kPaths, two_hits()).out == "/archive/wire-1.txt\n/archive/wire-2.txt\n");
  const Printed csv = print(OutputFormat::kCsv, two_hits());
  CHECK(csv.out.rfind("id,date,title,", 0) == 0);
  CHECK(csv.out.find("wire-2,,Harbour story 2,") != std::string::npos);
  CHECK(csv.err.find("query:") != std::string::npos);
}

TEST_CASE("printer: JSON carries notes in its summary, and the count alone with --limit 0", "[query][printer]") {
  const Printed p = print(OutputFormat::kJson, two_hits());
  CHECK(p.err.empty());
  CHECK(p.out.find("\"id\":\"wire-1\"") != std::string::npos);
  CHECK(p.out.find("\"suggestion\":\"harbour\"") != std::string::npos);

  SearchResult bare;
  bare.matches_estimated = bare.matches_lower = bare.matches_upper = 7;
  CHECK(print(OutputFormat::kJson, bare, false, 10).out.empty());
  const Printed zero = print(OutputFormat::kJson, bare, false, 0);
  CHECK(zero.out.find("\"matches\":7") != std::string::npos);
}

TEST_CASE("printer: --show is text in every format but JSON, which prints one object", "[query][printer]") {
  const nlohmann::json record{{"id", "wire-1"}, {"title", "Harbour story"}, {"body", "Dock workers met."}};
  for (auto f : {OutputFormat::kText, OutputFormat::kCsv, OutputFormat::kJson}) {
    QueryOptions o;
    o.format = f;
    std::ostringstream out, err;
    make_printer(o, out, err, PrintOptions{})->article(record);
    INFO(static_cast<int>(f));
    if (f == OutputFormat::kJson) {
      CHECK(out.str().rfind("{\"", 0) == 0);
      CHECK(out.str().find("\"type\":\"article\"") != std::string::npos);
    } else {
      CHECK(out.str().rfind("Harbour story\n", 0) == 0);
      CHECK(out.str().find("Dock workers met.") != std::string::npos);
    }
    CHECK(err.str().empty());
  }
}
