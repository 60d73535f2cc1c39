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
