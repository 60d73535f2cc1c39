// Unit tests of indexer/extract_json: one --extract-only line, as ../shared/docs/extract-format.md
// specifies it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "indexer/extract_json.hpp"

using newsidx::Analysis;
using newsidx::Article;
using newsidx::Mention;
using newsidx::MentionType;
using newsidx::Quote;
using newsidx::Span;
using nlohmann::json;

namespace {

// "Talks\n\nKYIV — Antony Blinken said: "We stand with Ukraine." ..." with its analysis.
std::pair<Article, Analysis> sample() {
  Article a;
  a.id = "world/talks.txt";
  a.path = "/archive/world/talks.txt";
  a.title = "Talks";
  a.text = "Talks\n\nKYIV \xE2\x80\x94 Antony Blinken said: \"We stand with Ukraine.\"\n";
  a.body = {7, a.text.size()};
  a.date = "2022-01-19";
  Analysis an;
  an.dateline = newsidx::DatelineInfo{"KYIV", "Kyiv", "UA"};
  const std::size_t who = a.text.find("Antony");
  an.mentions.push_back(Mention{MentionType::kPerson, {who, who + 14}, "Antony Blinken", "Antony Blinken", ""});
  const std::size_t ua = a.text.find("Ukraine");
  an.mentions.push_back(Mention{MentionType::kCountry, {ua, ua + 7}, "Ukraine", "Ukraine", "UA"});
  Quote q;
  const std::size_t open = a.text.find('"') + 1;
  q.span = {open, a.text.rfind('"')};
  q.text = "We stand with Ukraine.";
  q.speaker = "Antony Blinken";
  q.speaker_type = "person";
  q.speaker_mention = Span{who, who + 14};
  const std::size_t said = a.text.find("said");
  q.cue = Span{said, said + 4};
  an.quotes.push_back(q);
  an.facets.person = {"Antony Blinken"};
  an.facets.country = {"UA"};
  an.facets.speaker = {"Antony Blinken"};
  return {a, an};
}

}  // namespace

TEST_CASE("extract json: one line with the documented keys and byte offsets into the text", "[extract_json]") {
  const auto [a, an] = sample();
  const std::string line = newsidx::indexer::extract_json(a, an);
  CHECK(line.find('\n') == std::string::npos);
  const json j = json::parse(line);
  CHECK(j["id"] == "world/talks.txt");
  CHECK(j["title"] == "Talks");
  CHECK(j["date"] == "2022-01-19");
  CHECK(j["dateline"]["text"] == "KYIV");
  CHECK(j["dateline"]["country"] == "UA");
  REQUIRE(j["mentions"].size() == 2);
  const json& m = j["mentions"][0];
  CHECK(m["type"] == "person");
  CHECK(a.text.substr(m["start"].get<std::size_t>(), m["end"].get<std::size_t>() - m["start"].get<std::size_t>()) ==
        "Antony Blinken");
  CHECK(j["mentions"][1]["country"] == "UA");
  REQUIRE(j["quotes"].size() == 1);
  const json& q = j["quotes"][0];
  CHECK(q["speaker"] == "Antony Blinken");
  CHECK(q["speaker_type"] == "person");
  CHECK(q["speaker_mention"] == json::array({a.text.find("Antony"), a.text.find("Antony") + 14}));
  CHECK(q["cue"][1].get<std::size_t>() - q["cue"][0].get<std::size_t>() == 4);
  CHECK(j["facets"]["person"] == json::array({"Antony Blinken"}));
  CHECK(j["facets"]["country"] == json::array({"UA"}));
  CHECK(j["facets"]["speaker"] == json::array({"Antony Blinken"}));
  CHECK_FALSE(j.contains("body"));  // only with --text
}

TEST_CASE("extract json: --text adds the body the offsets index, and an unnamed speaker is null", "[extract_json]") {
  auto [a, an] = sample();
  an.quotes[0].speaker.reset();
  an.quotes[0].speaker_type.clear();
  const json j = json::parse(newsidx::indexer::extract_json(a, an, true));
  REQUIRE(j.contains("body"));
  CHECK(j["quotes"][0]["speaker"].is_null());
  // Every mention's offsets hold its text in the text the record names.
  const std::string body = j["body"];
  const std::string& base = body.size() == a.text.size() ? body : a.text;
  for (const auto& m : j["mentions"])
    CHECK(base.substr(m["start"].get<std::size_t>(), m["end"].get<std::size_t>() - m["start"].get<std::size_t>()) ==
          m["text"].get<std::string>());
}

TEST_CASE("extract json: invalid UTF-8 in a title still gives one line of valid JSON", "[extract_json]") {
  auto [a, an] = sample();
  a.title = "Bad \xFF byte";
  const std::string line = newsidx::indexer::extract_json(a, an);
  const json j = json::parse(line);  // throws on invalid JSON
  CHECK(j["title"].get<std::string>().find("Bad") == 0);
}

TEST_CASE("extract json: a described Source has speaker null, its mention and speaker_description",
          "[extract_json]") {
  auto [a, an] = sample();
  CHECK(json::parse(newsidx::indexer::extract_json(a, an))["quotes"][0]["speaker_description"].is_null());
  an.quotes[0].speaker.reset();
  an.quotes[0].speaker_type.clear();
  an.quotes[0].speaker_description = "a senior State Department official";
  const json q = json::parse(newsidx::indexer::extract_json(a, an))["quotes"][0];
  CHECK(q["speaker"].is_null());
  CHECK(q["speaker_description"] == "a senior State Department official");
  CHECK(q["speaker_mention"].is_array());
}

namespace {

// Articles that exercise every branch of the direct writer: optional keys present and absent,
// escapes, well-formed UTF-8 at the edges of each sequence length, empty lists.
std::vector<std::pair<Article, Analysis>> writer_cases() {
  std::vector<std::pair<Article, Analysis>> out;
  out.push_back(sample());
  auto [a, an] = sample();
  a.title = "Quote \" back\\slash \b\f\n\r\t \x01\x1F\x7F end";
  a.author = "Jane Roe";
  a.url = "https://example.org/a?b=1&c=\"2\"";
  a.source = "Wire \xC2\x80\xDF\xBF";
  a.lang = "en";
  a.line = 12;
  a.offset = 4096;
  a.text += "\xE0\xA0\x80 \xED\x9F\xBF \xEF\xBF\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF \xE2\x80\x94 caf\xC3\xA9\n";
  for (int i = 0; i < 12; ++i) a.text += "The minister said the talks in the capital would go on next week.\n";
  a.body = {7, a.text.size()};
  an.dateline = newsidx::DatelineInfo{"KYIV", "", ""};
  an.mentions[0].country = "";
  an.quotes[0].cue.reset();
  an.quotes[0].speaker_mention.reset();
  an.quotes[0].speaker_description = "a \"senior\" official";
  out.emplace_back(a, an);
  Article bare;
  bare.id = "b.txt";
  bare.path = "b.txt";
  out.emplace_back(bare, Analysis{});
  return out;
}

}  // namespace

TEST_CASE("extract json: the direct writer gives the bytes of nlohmann's dump", "[extract_json]") {
  for (const auto& [a, an] : writer_cases()) {
    for (const bool text : {false, true}) {
      CAPTURE(a.id, text);
      CHECK(newsidx::indexer::extract_json(a, an, text) == newsidx::indexer::extract_json_with_nlohmann(a, an, text));
    }
  }
}

TEST_CASE("extract json: a string that is not well-formed UTF-8 gets nlohmann's replacement", "[extract_json]") {
  // A stray byte, an overlong form, a surrogate, a byte above U+10FFFF's lead, a cut sequence,
  // a code point above U+10FFFF: each is replaced as nlohmann replaces it, nothing else moves.
  for (const std::string bad :
       {"\xFF", "\xC0\x80", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xF4\x90\x80\x80"}) {
    auto [a, an] = sample();
    an.mentions[0].entity = "Antony " + bad + " Blinken";
    CAPTURE(bad);
    const std::string line = newsidx::indexer::extract_json(a, an);
    CHECK(line == newsidx::indexer::extract_json_with_nlohmann(a, an));
    CHECK(line.find(bad) == std::string::npos);
  }
}
