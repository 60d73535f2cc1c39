// Unit tests for facet-value hygiene: white space in names, tables and figures.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/entities/facet_values.hpp"

using namespace newsidx;
using namespace newsidx::entities;

namespace {

// The lines table_lines marks, joined by "|", for compact expectations.
std::string tables_of(const std::string& text) {
  std::string out;
  for (const Span& s : table_lines(text)) {
    if (!out.empty()) out += "|";
    out += text.substr(s.start, s.end - s.start);
  }
  return out;
}

}  // namespace

TEST_CASE("facet values: white space inside a name becomes one space", "[facet_values]") {
  CHECK(normalise_space("Paul\nVolcker") == "Paul Volcker");
  CHECK(normalise_space("Securities and\n    Exchange  Commission") == "Securities and Exchange Commission");
  CHECK(normalise_space("  Tony\tBlair \r\n") == "Tony Blair");
  CHECK(normalise_space("Jos\xC3\xA9\xC2\xA0Manuel") == "Jos\xC3\xA9 Manuel");
  CHECK(normalise_space("Kyiv") == "Kyiv");
  CHECK(normalise_space(" \n ").empty());
}

TEST_CASE("facet values: an earnings table's lines and labels are a table", "[facet_values]") {
  const std::string text =
      "BROWN-FORMAN INC 4TH QTR NET\n"
      "    Shr one dlr vs 73 cts\n"
      "    Net 12.6 mln vs 15.8 mln\n"
      "    Nine mths\n"
      "    Shr 3.07 dlrs vs 3.08 dlrs\n"
      " Reuter\n";
  CHECK(tables_of(text) ==
        "    Shr one dlr vs 73 cts|    Net 12.6 mln vs 15.8 mln|    Nine mths|    Shr 3.07 dlrs vs 3.08 dlrs");
}

TEST_CASE("facet values: sports results and price lists are tables", "[facet_values]") {
  CHECK(tables_of("Leading scores:\nErnie Els 67 68 70 205\nNick Price 69 70 68 207\n") ==
        "Ernie Els 67 68 70 205|Nick Price 69 70 68 207");
  CHECK(tables_of("Wheat 3.12 3.15\nCorn 1.50 1.52\n") == "Wheat 3.12 3.15|Corn 1.50 1.52");
  CHECK(tables_of("Fixtures\nArsenal vs Chelsea\nOper shr loss two cts vs profit seven cts\n") ==
        "Fixtures|Arsenal vs Chelsea|Oper shr loss two cts vs profit seven cts");
}

TEST_CASE("facet values: prose with figures is not a table", "[facet_values]") {
  CHECK(tables_of("Ohio Mattress Co said its first quarter profits may be below the 2.4 mln\n"
                  "dlrs, or 15 cts a share, earned in the first quarter of fiscal\n"
                  "1986.\n"
                  "Paul Volcker said on March 3 that rates of 7.5 pct would stay.\n")
            .empty());
  // A short line ending a sentence is no label, even above a table.
  CHECK(tables_of("Results were as follows:\nShr 39 cts vs 50 cts\n") == "Shr 39 cts vs 50 cts");
}

TEST_CASE("facet values: a span touching a table line is in the table", "[facet_values]") {
  const std::string text = "Prose line here.\n    Nine mths\n    Shr 3.07 dlrs vs 3.08 dlrs\nMore prose.\n";
  const auto tables = table_lines(text);
  const std::size_t mths = text.find("mths");
  const std::size_t shr = text.find("Shr");
  CHECK(in_table(tables, {mths, shr + 3}));  // "Mths\n    Shr" across the line break
  CHECK(in_table(tables, {shr, shr + 3}));
  CHECK_FALSE(in_table(tables, {0, 5}));
  CHECK_FALSE(in_table(tables, {text.find("More"), text.find("More") + 4}));
}

TEST_CASE("facet values: a stock symbol in angle brackets is no value, a name in them is", "[facet_values]") {
  const std::string text = "Exxon Corp <XON> and Volkswagen AG <VOWG.F> agreed; <Woodco Inc> and <WX> too. XON";
  const auto at = [&](const std::string& w, std::size_t from = 0) {
    const std::size_t p = text.find(w, from);
    return Span{p, p + w.size()};
  };
  CHECK(stock_symbol(text, at("XON")));
  CHECK(stock_symbol(text, at("VOWG.F")));
  CHECK(stock_symbol(text, at("WX")));
  CHECK_FALSE(stock_symbol(text, at("Woodco Inc")));  // an unlisted company's name
  CHECK_FALSE(stock_symbol(text, at("Woodco")));      // a part of a bracketed name
  CHECK_FALSE(stock_symbol(text, at("XON", text.rfind("XON"))));  // no brackets, at the end
  CHECK_FALSE(stock_symbol(text, at("Exxon Corp")));
}

TEST_CASE("facet values: a one-word last line is a sign-off, a last sentence is not", "[facet_values]") {
  const std::string reuters = "Title\n\nThe company said profit rose.\n Reuter\n\n";
  auto s = sign_off_line(reuters);
  REQUIRE(s);
  CHECK(reuters.substr(s->start, s->end - s->start) == " Reuter");
  CHECK_FALSE(sign_off_line("Title\n\nThe company said profit rose.\n"));
  CHECK_FALSE(sign_off_line("Title\n\nBlair said.\nFinished.\n"));
  CHECK_FALSE(sign_off_line("Reuter"));  // a one-line text has no sign-off
}

TEST_CASE("facet values: table abbreviations, holidays, awards, formats, bonds, numerals, the planet and DNA are no names",
          "[facet_values]") {
  for (const char* bad : {"Oper", "N.Z. Dlrs", "Qtr Net", "Mths Shr", "Qtly", "Christmas", "EASTER", "Oscar",
                          "DVD", "PCs", "GNP", "Year Oper", "April One", "May One", "Treasuries", "III", "VIII", "Earth", "God", "DNA"})
    CHECK(not_a_name(bad));
  for (const char* good : {"Oscar Wilde", "Tony Blair", "Liberal Democrats", "Shrewsbury", "Operation Desert Storm",
                           "PCCW", "Christmas Island", "Reuters", "April Smith", "May", "Xi", "Henry VIII",
                           "US Treasury", "Friends of the Earth", "Earth Liberation Front"})
    CHECK_FALSE(not_a_name(good));
}

TEST_CASE("facet values: a name used as the title of a film, book or game is no entity", "[facet_values]") {
  auto at = [](const std::string& text, const std::string& name) {
    const std::size_t p = text.find(name);
    return names_a_work(text, Span{p, p + name.size()});
  };
  CHECK(at("Emma Watson, who plays Hermione in the Harry Potter films, said so.", "Harry Potter"));
  CHECK_FALSE(at("He praised the Martin Scorsese film on Monday.", "Martin Scorsese"));
  CHECK(at("She starred in Mike Leigh's latest film Vera Drake, which won.", "Vera Drake"));
  CHECK(at("Oscar contenders include the movie \"The Aviator\" this year.", "The Aviator"));
  CHECK_FALSE(at("Tony Blair said the film industry needed help.", "Tony Blair"));
  CHECK_FALSE(at("Chelsea won the match against Arsenal on Sunday.", "Arsenal"));
  CHECK(at("Quirky comedy Sideways entered the top ten.", "Sideways"));
  CHECK(at("It was the teen drama Napoleon Dynamite that won.", "Napoleon Dynamite"));
  CHECK_FALSE(at("The BBC head of drama Jane Tranter said so.", "Jane Tranter"));
}

TEST_CASE("facet values: a person's name before author, or between the and games, is a franchise",
          "[facet_values]") {
  auto at = [](const std::string& text, const std::string& name) {
    const std::size_t p = text.find(name);
    return person_names_a_work(text, Span{p, p + name.size()});
  };
  CHECK(at("The firm was behind the Harry Potter games for the PlayStation.", "Harry Potter"));
  CHECK(at("Harry Potter author JK Rowling will receive an award.", "Harry Potter"));
  CHECK_FALSE(at("said Dr Mark Tuffy games systems director at the firm.", "Mark Tuffy"));
  CHECK_FALSE(at("Sebastian Coe said the games would be a success.", "Sebastian Coe"));
  CHECK_FALSE(at("Fans of Roger Federer games queued.", "Roger Federer"));
  CHECK_FALSE(at("Scythe Tom Jones games were sold.", "Tom Jones"));  // "the" must be a word
  CHECK_FALSE(at("Tony Blair said the author was right.", "Tony Blair"));
  CHECK_FALSE(at("Chief executive Tony Smith author\nof the report said so.", "Tony Smith"));
  CHECK(at("The firm made the Harry Potter\ngames for consoles.", "Harry Potter"));  // a line wrap
  CHECK_FALSE(at("Fans met Harry Potter\n\nAuthor events were held.", "Harry Potter"));
  CHECK_FALSE(at("Chief executive Tony Smith author of the report said so.", "Tony Smith"));
}

TEST_CASE("facet values: a person name that begins a firm's name is no person", "[facet_values]") {
  auto at = [](const std::string& text, const std::string& name) {
    const std::size_t p = text.find(name);
    return begins_firm_name(text, Span{p, p + name.size()});
  };
  CHECK(at("said analyst John Smith of E.F. Hutton and Co Inc.", "E.F. Hutton"));
  CHECK(at("underwritten by Kidder, Peabody and Co, the company said.", "Kidder"));
  CHECK(at("J.P. Morgan &amp; Co said it would.", "J.P. Morgan"));
  CHECK(at("E.F. Hutton Group Inc said.", "E.F. Hutton"));
  // A second name of two words before "and Co": "Smith Barney, Harris Upham and Co".
  CHECK(at("analysts at Smith Barney, Harris Upham and Co said.", "Smith Barney"));
  CHECK_FALSE(at("Smith Barney, Harris Upham and others met.", "Smith Barney"));
  CHECK_FALSE(at("Ronald Reagan and George Shultz met on Monday.", "Ronald Reagan"));
  CHECK_FALSE(at("James Baker, Treasury Secretary, and Co-chairman Smith said.", "James Baker"));
}

TEST_CASE("facet values: a generic head alone names no body", "[facet_values]") {
  for (const char* n : {"Bank", "Central Bank", "central bank", "National Bank", "Federal", "The Commission", "Ltd",
                        "PLC", "Group PLC"})
    CHECK(not_a_name(n));
  for (const char* n : {"Bank of England", "Federal Reserve", "World Bank", "EC Commission", "Senate", "House",
                        "Dome Petroleum Ltd", "Lloyds Bank PLC"})
    CHECK_FALSE(not_a_name(n));
}

TEST_CASE("facet values: City alone names no place", "[facet_values]") {
  CHECK(not_a_name("City"));
  CHECK(not_a_name("the City"));
  for (const char* n : {"Mexico City", "Kansas City", "National City Corp", "City of London", "Manchester City"})
    CHECK_FALSE(not_a_name(n));
}

TEST_CASE("facet values: a dividend's payment and record dates under its figures are a table", "[facet_values]") {
  const std::string text = "Qtly div 30 cts vs 25 cts\n    Pay Jan 19\n    Record Jan Four\n Reuter\n";
  CHECK(tables_of(text) == "Qtly div 30 cts vs 25 cts|    Pay Jan 19|    Record Jan Four");
}
