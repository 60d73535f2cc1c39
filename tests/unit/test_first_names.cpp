// Unit tests for given names and their bearers' sex (common/first_names.hpp).
#include <catch2/catch.hpp>

#include "common/first_names.hpp"

using newsidx::first_names::Sex;
using newsidx::first_names::sex_of;

TEST_CASE("first names: the table's sex of a given name, case aside", "[common][first_names]") {
  CHECK(sex_of("Cherie") == Sex::kFemale);
  CHECK(sex_of("tony") == Sex::kMale);
  CHECK(sex_of("MARGARET") == Sex::kFemale);
  CHECK(sex_of("Qwzxv") == Sex::kUnknown);
  CHECK(sex_of("") == Sex::kUnknown);
  CHECK(newsidx::first_names::table().size() > 100000);
  CHECK(newsidx::first_names::sex_of_code("B") == Sex::kBoth);
  CHECK(newsidx::first_names::sex_of_code("U") == Sex::kUnknown);
}
