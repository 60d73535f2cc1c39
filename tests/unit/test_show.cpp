// Unit tests for --show's printers (query/show): paragraphs, the text layout and the JSON object.
#include <catch2/catch.hpp>

#include <sstream>

#include "query/show.hpp"

using namespace newsidx::query;

namespace {

nlohmann::json record() {
  return nlohmann::json{{"id", "https://example.org/a"},
                        {"title", "Storm \x1b[2J closes the port"},
                        {"date", "2024-03-05"},
                        {"author", "Ana Lima, Bo Chen"},
                        {"source", "Harbour Gazette"},
                        {"section", ""},
                        {"url", "https://example.org/a"},
                        {"lang", "en"},
                        {"dateline", "ROTTERDAM"},
                        {"path", "/data/crawl.warc"},
                        {"offset", 1234},
                        {"tags", {"places:nl"}},
                        {"body", "First paragraph,\nwrapped by hand.\n\n\n  Second one \x07 rings.  \n"},
                        {"facets", {{"person", {"Ana Lima"}}, {"country", {"NL"}}, {"org", nlohmann::json::array()}}}};
}

std::string text(const nlohmann::json& rec, std::size_t width = 40) {
  std::ostringstream out;
  print_article_text(out, rec, PrintOptions{false, false, width, false});
  return out.str();
}

}  // namespace

TEST_CASE("show: paragraphs split at blank lines, lines within one joined", "[show]") {
  CHECK(paragraphs("a\nb\n\nc") == std::vector<std::string>{"a b", "c"});
  CHECK(paragraphs("\n\n  a  \r\n \t\n\n\nb c\n") == std::vector<std::string>{"a", "b c"});
  CHECK(paragraphs("").empty());
  CHECK(paragraphs(" \n \n").empty());
  // Typed copy (Reuters) indents each paragraph instead of leaving a blank line.
  CHECK(paragraphs("Icahn's bid for\nUSAir clouded it.\n    Yesterday, TWA\nmade an offer.\n\tToday, no.") ==
        std::vector<std::string>{"Icahn's bid for USAir clouded it.", "Yesterday, TWA made an offer.", "Today, no."});
}

TEST_CASE("show: the text lists metadata, paragraphs and facets, escaped and wrapped", "[show]") {
  const std::string t = text(record());
  CHECK(t ==
        "Storm \\x1b[2J closes the port\n"
        "date:     2024-03-05\n"
        "author:   Ana Lima, Bo Chen\n"
        "source:   Harbour Gazette\n"
        "url:      https://example.org/a\n"
        "lang:     en\n"
        "dateline: ROTTERDAM\n"
        "id:       https://example.org/a\n"
        "file:     /data/crawl.warc (record at\n"
        "          byte 1234)\n"
        "\n"
        "First paragraph, wrapped by hand.\n"
        "\n"
        "Second one \\x07 rings.\n"
        "\n"
        "person:   Ana Lima\n"
        "country:  NL Netherlands\n"
        "tags:     places:nl\n");
  CHECK(t.find('\x1b') == std::string::npos);
  CHECK(t.find('\x07') == std::string::npos);
}

TEST_CASE("show: an article without facets or headline says so", "[show]") {
  const std::string t = text(nlohmann::json{{"id", "a.txt"}, {"body", "Words."}});
  CHECK(t == "(no headline)\nid:       a.txt\n\nWords.\n\n(no facets)\n");
}

TEST_CASE("show: the JSON object carries every documented field", "[show]") {
  const auto j = article_json(record());
  CHECK(j["type"] == "article");
  CHECK(j["schema"] == kJsonSchemaVersion);
  for (const char* key : {"id", "title", "date", "author", "source", "section", "url", "lang", "body"})
    CHECK(j[key] == record()[key]);
  CHECK(j["offset"] == 1234);
  CHECK(j["facets"]["person"] == nlohmann::json::array({"Ana Lima"}));
  CHECK(j["facets"]["org"] == nlohmann::json::array());
  CHECK(j["facets"]["speaker"] == nlohmann::json::array());  // missing in the record: empty
  CHECK(j["facets"]["tags"] == nlohmann::json::array({"places:nl"}));
  CHECK(article_json(nlohmann::json{{"id", "x"}})["date"].is_null());
}
