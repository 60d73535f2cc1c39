// Unit tests for common/cli_values: whole numbers typed as option values.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/cli_values.hpp"

using namespace newsidx;

TEST_CASE("cli values: a whole number within its range, nothing else", "[cli_values]") {
  CHECK(whole_number("0", 0, 256) == 0u);
  CHECK(whole_number("256", 0, 256) == 256u);
  CHECK_FALSE(whole_number("257", 0, 256));
  CHECK_FALSE(whole_number("-1", 0, 256));  // Boost reads it as the largest unsigned number
  CHECK_FALSE(whole_number("", 0, 256));
  CHECK_FALSE(whole_number("2x", 0, 256));
  CHECK_FALSE(whole_number("1e3", 0, 1'000'000));
  CHECK_FALSE(whole_number(" 2", 0, 256));
  CHECK_FALSE(whole_number("99999999999999999999999", 0, 256));  // past the type: refused, not wrapped
  CHECK(range_message("--jobs", "-1", 0, 256) == "--jobs takes a whole number from 0 to 256, not '-1'");
  CHECK(range_message("--limit", "x", 0, 1'000'000) == "--limit takes a whole number from 0 to 1,000,000, not 'x'");
}

namespace {
struct Typed {  // the two members of Boost's parsed option that blank_valued_option reads
  std::string string_key;
  std::vector<std::string> value;
};
}  // namespace

TEST_CASE("cli values: the first option typed with an empty or blank value", "[cli_values]") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t "));
  CHECK_FALSE(is_blank(" a "));
  const std::vector<Typed> typed{{"db", {"x.db"}}, {"json", {}}, {"words", {""}}, {"date", {" "}}, {"person", {""}}};
  CHECK(blank_valued_option(typed) == "words");
  CHECK(blank_valued_option(typed, "words") == "date");  // a switch (no value) is not blank-valued
  CHECK(blank_valued_option(std::vector<Typed>{{"db", {"x.db"}}, {"json", {}}}).empty());
}
