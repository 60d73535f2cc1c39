// Unit tests for indexer/clusters: fingerprints, the copy test, and story labels.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/schema.hpp"
#include "indexer/clusters.hpp"
#include "story_texts.hpp"

using namespace newsidx::indexer::clusters;

TEST_CASE("clusters: an outlet's edited copy of a story is a copy", "[clusters]") {
  const auto original = fingerprint(test::kHarbourStory);
  REQUIRE_FALSE(original.empty());
  for (double keep : {0.7, 0.8, 0.9, 1.0}) {
    INFO("tail kept: " << keep);
    const auto copy = fingerprint(test::syndicated_copy(test::kHarbourStory, keep));
    CHECK(is_copy(original, copy));
    CHECK(is_copy(copy, original));
  }
}

TEST_CASE("clusters: another story of the same subject is not a copy", "[clusters]") {
  const auto a = fingerprint(test::kHarbourStory);
  const auto b = fingerprint(test::kOtherHarbourStory);
  CHECK_FALSE(is_copy(a, b));
  CHECK(similarity(a, b).containment < 0.2);
  CHECK_FALSE(is_copy(fingerprint(test::syndicated_copy(test::kHarbourStory, 0.8)), b));
}

TEST_CASE("clusters: bylines, credit lines and read-more links do not reach the fingerprint", "[clusters]") {
  const std::string text = comparable_text(test::syndicated_copy(test::kHarbourStory, 1.0));
  CHECK(text.find("Sam Rivers") == std::string::npos);
  CHECK(text.find("Syndicate") == std::string::npos);
  CHECK(text.find("Read more") == std::string::npos);
  CHECK(text.find("steel girders") != std::string::npos);
  // Two copies that differ only in what is dropped have one fingerprint.
  CHECK(fingerprint("By A. Writer\n\n" + test::kHarbourStory) == fingerprint(test::kHarbourStory + "\nEditing by B.\n"));
}

TEST_CASE("clusters: a copy shares a band term with its original; an unrelated story none", "[clusters]") {
  auto bands = [](const std::string& body) {
    auto t = band_terms(fingerprint(body));
    std::sort(t.begin(), t.end());
    return t;
  };
  const auto a = bands(test::kHarbourStory);
  REQUIRE(a.size() == kBands);
  CHECK(a.front().rfind(std::string(newsidx::schema::kBandPrefix), 0) == 0);
  std::vector<std::string> shared;
  const auto c = bands(test::syndicated_copy(test::kHarbourStory, 0.7));
  std::set_intersection(a.begin(), a.end(), c.begin(), c.end(), std::back_inserter(shared));
  CHECK_FALSE(shared.empty());
  shared.clear();
  const auto o = bands(test::kOtherHarbourStory);
  std::set_intersection(a.begin(), a.end(), o.begin(), o.end(), std::back_inserter(shared));
  CHECK(shared.empty());
}

TEST_CASE("clusters: a fingerprint survives its value slot and prints as hex", "[clusters]") {
  const auto f = fingerprint(test::kHarbourStory);
  CHECK(decode(encode(f)) == f);
  CHECK_FALSE(decode("short").has_value());
  CHECK(to_hex(f).size() == 2 * encode(f).size());
  CHECK(fingerprint("too short").empty());
  CHECK(encode(Fingerprint{}).empty());
}

TEST_CASE("clusters: a story is labelled by its earliest-dated copy, in any order", "[clusters]") {
  // a-b and b-c are copies (a chain), d stands alone; e undated joins c.
  const std::vector<Member> members{{"a", "20220103"}, {"b", "20220101"}, {"c", "20220102"},
                                    {"d", "20220101"}, {"e", ""}};
  const std::vector<std::pair<std::size_t, std::size_t>> pairs{{0, 1}, {1, 2}, {2, 4}};
  const std::vector<std::string> expected{"b", "b", "b", "", "b"};
  CHECK(label(members, pairs) == expected);
  auto reversed = pairs;
  std::reverse(reversed.begin(), reversed.end());
  for (auto& [x, y] : reversed) std::swap(x, y);
  CHECK(label(members, reversed) == expected);
  // Undated after dated; ties by id.
  CHECK(label({{"z", ""}, {"y", ""}}, {{0, 1}}) == std::vector<std::string>{"y", "y"});
  CHECK(label({{"z", "20200101"}, {"a", ""}}, {{0, 1}}) == std::vector<std::string>{"z", "z"});
}

TEST_CASE("clusters: the same quotation has one key wherever it is carried", "[clusters]") {
  CHECK(quote_key("We will not back down.", "Maria Okafor") == quote_key("we will NOT back down", "Maria Okafor"));
  CHECK(quote_key("We will not back down.", "Maria Okafor") != quote_key("We will not back down.", ""));
  CHECK(quote_key("We will not back down.", "") != quote_key("We will back down.", ""));
}
