// Unit tests for indexer/clusters: fingerprints, the copy test, and story labels.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

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

TEST_CASE("clusters: two reports on one template with other figures and names are not one story", "[clusters]") {
  const auto a = fingerprint(test::kSugarTenderWeek1);
  const auto b = fingerprint(test::kSugarTenderWeek2);
  REQUIRE_FALSE(a.empty());
  // Their words are mostly the same: shingles alone would call them copies...
  const Similarity s = similarity(a, b);
  CHECK(s.containment >= kCopyContainment);
  CHECK(s.resemblance >= kCopyResemblance);
  // ... but the figures and names of one are not in the other.
  CHECK(s.numbers.compared >= kMinNumbers);
  CHECK(s.numbers.share < kNumberContainment);
  CHECK_FALSE(is_copy(a, b));
  CHECK_FALSE(is_copy(b, a));
  // A copy of one week's report (byline, credit line, tail cut) is still its copy.
  CHECK(is_copy(a, fingerprint("By Sam Rivers\n\n" + test::kSugarTenderWeek1.substr(0, 420) + "\n\n(c) Example Syndicate\n")));
}

TEST_CASE("clusters: the numbers and names of a body are its figures and capitalised words inside sentences", "[clusters]") {
  const auto n = salient_words("Council leader Maria Okafor said 1,500 lorries cross it. The Road Haulage Association "
                          "objected on Tuesday, adding that \"Hauliers\" pay 12.5 pounds more a trip and more.");
  CHECK(n.names == std::vector<std::string>{"maria", "okafor", "road", "haulage", "association", "tuesday", "hauliers"});
  CHECK(n.numbers == std::vector<std::string>{"1500", "12.5"});
}

TEST_CASE("clusters: copies run within days of each other, undated ones at any time", "[clusters]") {
  CHECK(close_in_time("20220110", "20220113"));
  CHECK_FALSE(close_in_time("20220110", "20220114"));
  CHECK(close_in_time("20220131", "20220202"));  // across a month
  CHECK(close_in_time("19871231", "19880101"));  // and a year
  CHECK_FALSE(close_in_time("19870402", "19870409"));  // one weekly report and the next
  CHECK(close_in_time("", "20220110"));
  CHECK(close_in_time("20220110", ""));
  CHECK(close_in_time("2022", "20220110"));
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

TEST_CASE("clusters: a copy shares band terms with its original, an unrelated story hardly any", "[clusters]") {
  auto bands = [](const std::string& body) {
    auto t = band_terms(fingerprint(body));
    std::sort(t.begin(), t.end());
    return t;
  };
  const auto a = bands(test::kHarbourStory);
  REQUIRE(a.size() == kBands);
  CHECK(a.front().rfind(std::string(newsidx::schema::kBandPrefix), 0) == 0);
  auto shared = [&](const std::vector<std::string>& other) {
    std::vector<std::string> both;
    std::set_intersection(a.begin(), a.end(), other.begin(), other.end(), std::back_inserter(both));
    return both.size();
  };
  // One shared band makes a candidate; the copy test then decides. Every copy is a candidate,
  // another story of the subject shares at most one band by chance.
  for (double keep : {0.7, 0.8, 0.9, 1.0}) {
    INFO("tail kept: " << keep);
    CHECK(shared(bands(test::syndicated_copy(test::kHarbourStory, keep))) >= 1);
  }
  CHECK(shared(bands(test::kOtherHarbourStory)) <= 1);
}

TEST_CASE("clusters: a fingerprint survives its value slot and prints as hex", "[clusters]") {
  const auto f = fingerprint(test::kHarbourStory);
  CHECK(decode(encode(f)) == f);
  // A body with more names than a sketch keeps: the smallest hashes, and how many there are.
  const auto many = fingerprint(test::kHarbourStory + "\nDelegates came from Austria, Belgium, Chile, Denmark, Egypt, "
                                "Finland, Ghana, Hungary, India, Jamaica and Kenya to see the bridge.\n");
  CHECK(decode(encode(many)) == many);
  CHECK(many.names.hashes.size() == kSketchHashes);
  CHECK(many.names.count > kSketchHashes);
  CHECK(std::is_sorted(many.names.hashes.begin(), many.names.hashes.end()));
  const auto few = fingerprint(test::kSugarTenderWeek1);
  CHECK(decode(encode(few)) == few);
  CHECK_FALSE(decode("short").has_value());
  CHECK(to_hex(f).size() == 2 * encode(f).size());
  CHECK(fingerprint("too short").empty());
  CHECK(encode(Fingerprint{}).empty());
}

TEST_CASE("clusters: a fingerprint is the one the stored archives carry", "[clusters]") {
  // The minimums of the first fingerprint code (a string per word, the comparable text made
  // twice), checked then over every Reuters-21578 and BBC article; since schema 8 the 27
  // minimums that are not bands keep their low byte (these strings are the schema 7 ones with
  // the high byte of those minimums dropped).
  CHECK(to_hex(fingerprint(test::kHarbourStory)) ==
        "f100da7c950bfc0208e789d5e1d95e565298eccad4be3c8b3ce49fc36b9afac7676cadc8f0e03b00073e03a049b862286aae"
        "b2f4d502ea");
  CHECK(to_hex(fingerprint("Line one of a caf\xc3\xa9 story, BY A WRITER\n\n" + test::kSugarTenderWeek1 +
                           "\nREAD MORE: x\n")) ==
        "6e0090e0dec105e5afec464b5ced7602e997dfef329489e01f76912d61d720403fd787f8cc917a0609f04629531e8f799a14"
        "c146d0ad093755a76f979b289c98b0debb5cde");
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

namespace {

// salient_words as it was written with <cctype> (isalnum, isdigit, isupper and tolower of the
// "C" locale, find_first_of for the blanks): the reference for its byte tables.
Salient salient_reference(std::string_view text) {
  auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  Salient out;
  std::vector<std::string> seen;
  bool sentence_start = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = text.find_first_not_of(" \t\r\n", pos);
    if (begin == std::string_view::npos) break;
    if (text.substr(pos, begin - pos).find('\n') != std::string_view::npos) sentence_start = true;
    std::size_t end = text.find_first_of(" \t\r\n", begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(begin, end - begin);
    pos = end;
    std::size_t a = 0, b = raw.size();
    while (a < b && !word_byte(static_cast<unsigned char>(raw[a]))) ++a;
    while (b > a && !word_byte(static_cast<unsigned char>(raw[b - 1]))) --b;
    const std::string_view w = raw.substr(a, b - a);
    const bool opens = sentence_start;
    const char last = raw.back();
    sentence_start = last == '.' || last == '!' || last == '?' || last == ':' || last == '"';
    if (w.empty()) continue;
    const bool number = std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    const bool name = !opens && std::isupper(static_cast<unsigned char>(w.front()));
    if (!number && !name) continue;
    std::string key;
    for (char c : w)
      if (c != ',') key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
      seen.push_back(key);
      (number ? out.numbers : out.names).push_back(key);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("clusters: the byte tables split, case and sort words as the C library does", "[clusters]") {
  // Every byte value once inside words, and words around tabs, carriage returns and blank lines,
  // UTF-8 names, capitals after punctuation, figures with commas.
  std::string every;
  for (int c = 1; c < 256; ++c) {
    every += "Xa";
    every.push_back(static_cast<char>(c));
    every += "Q9 ";
  }
  const std::vector<std::string> texts = {
      every,
      "The Board of Zürich\tBank met ÉCOLE staff.\r\nShares fell 3,200 points:\n\nOslo and Ålesund \"Traders\" "
      "said ~Quarter-end~ (Reuters) [Q3] profits_rose #1 @Acme {Beta} |Gamma| 1987's Öresund.",
      "\t\r\n  (Lead) line\n\n\n Second PARA. Third Word? Fourth: Fifth! \"Sixth\" seventh"};
  for (const auto& text : texts) {
    CAPTURE(text.substr(0, 60));
    const Salient got = salient_words(text), expected = salient_reference(comparable_text(text));
    CHECK(got.names == expected.names);
    CHECK(got.numbers == expected.numbers);
    CHECK_FALSE(got.names.empty());
  }
  // Capitals are folded as the C library folds them (ASCII only): the fingerprint of a text in
  // capitals is that of its lower-cased copy; bytes of UTF-8 sequences are left as they are.
  std::string lower = texts[1] + " " + texts[1] + " " + texts[2];
  std::string upper = lower;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  REQUIRE_FALSE(fingerprint(lower).empty());
  CHECK(fingerprint(lower).mins == fingerprint(upper).mins);
  CHECK(fingerprint(lower).shingles == fingerprint(upper).shingles);
}
