// Unit tests for common/edit_distance: the distance behind every "did you mean" of both tools.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/edit_distance.hpp"

using namespace newsidx;

TEST_CASE("edit distance: a swap of neighbours is one edit", "[edit_distance]") {
  CHECK(osa_distance("electoin", "election", 2) == 1);
  CHECK(osa_distance("quokkas", "quotas", 3) == 2);
  CHECK(osa_distance("kitten", "sitting", 1) == 2);  // gave up: limit + 1
  CHECK(osa_distance("", "abc", 5) == 3);
  CHECK(allowed_edits(7) == 1);
  CHECK(allowed_edits(8) == 2);
}

TEST_CASE("edit distance: the option meant is the nearest within the edits allowed", "[edit_distance]") {
  const std::vector<std::string> names{"db", "rebuild", "relink", "batch-size", "person", "persons", ""};
  CHECK(nearest_option("--rebiuld", names) == "rebuild");
  CHECK(nearest_option("--relnk", names) == "relink");
  CHECK(nearest_option("bacth-size", names) == "batch-size");       // a configuration file's key
  CHECK(nearest_option("--persn=Blair", names) == "person");         // the value is no part of it
  CHECK(nearest_option("--persons", names) == "persons");            // itself before a neighbour
  CHECK(nearest_option("--zzzzzz", names).empty());
  CHECK(nearest_option("--", names).empty());                         // nothing typed: no guess
  CHECK(nearest_option("-x", {"db"}).empty());                        // one letter: two edits from db
}
