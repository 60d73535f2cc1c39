// Unit tests of common/canonical: the keys facet values are stored and looked up under.
#include <catch2/catch.hpp>

#include "common/canonical.hpp"

using newsidx::canonical::ascii_lower;
using newsidx::canonical::fold_key;
using newsidx::canonical::strip_accent;

TEST_CASE("canonical: spellings of one name that differ in case, accents or spacing share a key", "[canonical]") {
  const std::string key = fold_key("Zelenskiy");
  CHECK(key == "zelenskiy");
  CHECK(fold_key("ZELENSKIY") == key);
  CHECK(fold_key("Zelénskiy") == key);
  CHECK(fold_key("  Zelenskiy \n") == key);
  CHECK(fold_key("Paul\nVolcker") == fold_key("Paul  Volcker"));
  CHECK(fold_key("Matovič") == fold_key("Matovic"));
}

TEST_CASE("canonical: the key keeps the punctuation that tells names apart", "[canonical]") {
  CHECK(fold_key("AT&T") == "at&t");
  CHECK(fold_key("O'Neill") == "o'neill");
  CHECK(fold_key("Rolls-Royce") == "rolls-royce");
  CHECK(fold_key("U.S.") == "u.s.");
  // Other punctuation folds to one space, trimmed.
  CHECK(fold_key("Smith, John") == "smith john");
  CHECK(fold_key("(Reuters)") == "reuters");
  CHECK(fold_key("") == "");
  CHECK(fold_key(" ,;: ") == "");
}

TEST_CASE("canonical: strip_accent knows the Latin letters with diacritics and nothing else", "[canonical]") {
  CHECK(strip_accent(0xE9) == 'e');   // é
  CHECK(strip_accent(0x10D) == 'c');  // č
  CHECK(strip_accent(0xDF) == 's');   // ß
  CHECK(strip_accent(0xF1) == 'n');   // ñ
  CHECK(strip_accent('e') == 0);
  CHECK(strip_accent(0x3B1) == 0);    // Greek alpha: not Latin
  CHECK(strip_accent(0x4E2D) == 0);   // a CJK character
}

TEST_CASE("canonical: ascii_lower lowers ASCII letters and leaves other bytes alone", "[canonical]") {
  CHECK(ascii_lower("Kyiv UKRAINE 2022") == "kyiv ukraine 2022");
  CHECK(ascii_lower("ÉCOLE") == "École");  // the UTF-8 bytes of É are not ASCII letters
  CHECK(ascii_lower("") == "");
}
