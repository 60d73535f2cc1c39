// The per-file state a run records for the next one: encoding and decoding must round-trip.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/storage/writer.hpp"

using newsidx::indexer::decode_state;
using newsidx::indexer::encode_state;
using newsidx::indexer::FileState;

TEST_CASE("file state: encoded states decode to the same size, time, hash and root", "[file_state]") {
  const std::vector<FileState> states = {
      {123, 1700000000123456789LL, "0123456789abcdef", "/srv/news archive/wire"},
      {0, 0, "", ""},
      {18446744073709551615ULL, -5, "", "/a"},
      {42, 7, "ffff", "/with  two spaces and a tab\tinside"},
  };
  for (const auto& st : states) {
    const auto back = decode_state(encode_state(st));
    REQUIRE(back.has_value());
    CHECK(*back == st);
  }
}

TEST_CASE("file state: a damaged record is not taken for a state", "[file_state]") {
  for (const std::string bad : {"", "x 1 - /a", "12", "12 y - /a", "12 34"}) {
    INFO(bad);
    CHECK_FALSE(decode_state(bad).has_value());
  }
  // The hash "-" means none; the root is the rest of the record.
  const auto st = decode_state("12 34 - /srv/a b");
  REQUIRE(st.has_value());
  CHECK(st->hash.empty());
  CHECK(st->root == "/srv/a b");
}
