// Unit tests for archive-level linking (indexer/entities/linking): surnames, organisation short
// forms and plurals, aliases, one spelling per value, independence from order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/aliases.hpp"
#include "indexer/entities/linking.hpp"

using namespace newsidx;
using namespace newsidx::entities;

namespace {

ArticleNames persons(std::string period, std::vector<std::string> p) {
  ArticleNames a;
  a.period = std::move(period);
  a.person = std::move(p);
  return a;
}

ArticleNames orgs(std::vector<std::string> o) {
  ArticleNames a;
  a.org = std::move(o);
  return a;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

// Every article's linked values, joined, for a Linker built from `archive` in its order.
std::vector<std::string> linked(const std::vector<ArticleNames>& archive, const aliases::Table& names) {
  Linker l(names);
  for (const auto& a : archive) l.add(a);
  l.finish();
  std::vector<std::string> out;
  for (const auto& a : archive) {
    ArticleNames r = l.link(a);
    out.push_back(joined(r.person) + "/" + joined(r.org) + "/" + joined(r.place));
  }
  return out;
}

}  // namespace

TEST_CASE("linking: a surname the archive knows in one full name becomes that name", "[linking]") {
  const aliases::Table none;
  auto r = linked({persons("2005", {"Blair"}), persons("2005", {"Tony Blair", "Gordon Brown"}),
                   persons("2005", {"Brown", "Blair"}), persons("", {"Smith"})},
                  none);
  CHECK(r[0] == "Tony Blair//");
  CHECK(r[1] == "Tony Blair|Gordon Brown//");
  CHECK(r[2] == "Gordon Brown|Tony Blair//");
  CHECK(r[3] == "Smith//");  // no full name ends in Smith: kept as it is
}

TEST_CASE("linking: a surname without its Arabic article is the full name written with it", "[linking]") {
  const aliases::Table none;
  auto r = linked({persons("2006", {"Nouri al-Maliki"}), persons("2006", {"Maliki"}), persons("2006", {"al-Maliki"}),
                   persons("2006", {"Mohamed ElBaradei"}), persons("2006", {"Baradei"})},
                  none);
  CHECK(r[1] == "Nouri al-Maliki//");
  CHECK(r[2] == "Nouri al-Maliki//");
  CHECK(r[4] == "Baradei//");  // only a hyphen ends the article: "ElBaradei" is one word
}

TEST_CASE("linking: a surname of several full names goes to the one dominating its year", "[linking]") {
  const aliases::Table none;
  std::vector<ArticleNames> archive;
  for (int i = 0; i < 3; ++i) archive.push_back(persons("1987", {"George Bush"}));
  archive.push_back(persons("2003", {"George W. Bush"}));
  archive.push_back(persons("2003", {"George W. Bush"}));
  archive.push_back(persons("2003", {"Jeb Bush"}));
  archive.push_back(persons("1987", {"Bush"}));
  archive.push_back(persons("2003", {"Bush"}));
  archive.push_back(persons("1995", {"Bush"}));  // no Bush at all that year
  auto r = linked(archive, none);
  CHECK(r[6] == "George Bush//");
  CHECK(r[7] == "Bush//");  // 2 against 1: nobody dominates 2003
  CHECK(r[8] == "Bush//");
}

TEST_CASE("linking: organisation short forms, plurals and aliases are one value", "[linking]") {
  aliases::Table names;
  names.add_tsv("Lib Dems\tLiberal Democrats\torg\n");
  auto r = linked({orgs({"Lib Dems"}), orgs({"Liberal Democrat"}), orgs({"Liberal Democrats"}),
                   orgs({"Exxon Corp"}), orgs({"Exxon"}), orgs({"Exxon Corp."}), orgs({"Exxon Corp"}),
                   orgs({"Press Association"})},
                  names);
  CHECK(r[0] == "/Liberal Democrats/");
  CHECK(r[1] == "/Liberal Democrats/");
  CHECK(r[2] == "/Liberal Democrats/");
  CHECK(r[4] == "/Exxon Corp/");
  CHECK(r[5] == "/Exxon Corp/");
  CHECK(r[7] == "/Press Association/");
  CHECK(org_group_key("Exxon Corp.") == "exxon");
  CHECK(org_group_key("Liberal Democrats") == "liberal democrat");
  CHECK(org_group_key("Press") == "press");
  CHECK(org_group_key("Inc") == "inc");
}

TEST_CASE("linking: one spelling per value, the most frequent in mixed case", "[linking]") {
  const aliases::Table none;
  ArticleNames a, b, c;
  a.place = {"ST. LOUIS"};
  b.place = {"ST. LOUIS"};  // the capitals of a dateline, though more frequent, are not shown
  c.place = {"St. Louis", "Kiev"};
  aliases::Table names;
  names.add_tsv("Kiev\tKyiv\tplace\n");
  auto r = linked({a, b, c}, names);
  CHECK(r[0] == "//St. Louis");
  CHECK(r[2] == "//St. Louis|Kyiv");
  // An acronym keeps its capitals though a headline writes it "Opec".
  auto o = linked({orgs({"OPEC"}), orgs({"OPEC"}), orgs({"Opec"})}, none);
  CHECK(o[2] == "/OPEC/");
}

TEST_CASE("linking: the result does not depend on the order articles are counted in", "[linking]") {
  const aliases::Table none;
  std::vector<ArticleNames> archive{persons("2005", {"Blair"}), persons("2005", {"Tony Blair"}),
                                    persons("2005", {"Lionel Blair"}), persons("2005", {"Tony Blair"}),
                                    persons("2005", {"Tony Blair"}), orgs({"Exxon"}), orgs({"Exxon Corp"})};
  archive[5].org = {"Exxon Corp."};
  const auto first = linked(archive, none);
  CHECK(first[0] == "Tony Blair//");
  std::vector<std::size_t> order(archive.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::reverse(order.begin(), order.end());
  for (int round = 0; round < 3; ++round) {
    std::vector<ArticleNames> shuffled;
    for (auto i : order) shuffled.push_back(archive[i]);
    const auto again = linked(shuffled, none);
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(again[i] == first[order[i]]);
    std::rotate(order.begin(), order.begin() + 2, order.end());
  }
}

TEST_CASE("linking: a name filed mostly under another facet moves there", "[linking]") {
  const aliases::Table none;
  std::vector<ArticleNames> archive;
  for (int i = 0; i < 3; ++i) archive.push_back(orgs({"Sony"}));
  archive.push_back(persons("2005", {"Sony", "Gordon Brown"}));
  ArticleNames place;
  place.place = {"Sony"};
  archive.push_back(place);
  archive.push_back(persons("2005", {"Chrysler"}));  // one article against none: stays
  auto r = linked(archive, none);
  CHECK(r[3] == "Gordon Brown/Sony/");
  CHECK(r[4] == "/Sony/");
  CHECK(r[5] == "Chrysler//");
  // With fewer than kTypeMinimum articles in the dominant facet, nothing moves.
  auto few = linked({orgs({"Acme"}), orgs({"Acme"}), persons("", {"Acme"})}, none);
  CHECK(few[2] == "Acme//");
}

TEST_CASE("linking: an acronym joins the one organisation name it spells, party names their plural", "[linking]") {
  const aliases::Table none;
  auto r = linked({orgs({"European Union"}), orgs({"EU"}), orgs({"European Union"}), orgs({"Labour Party"}),
                   orgs({"Labour"}), orgs({"Labour"}), orgs({"IMF"}), orgs({"U.S. Treasury"}), orgs({"Treasury"}),
                   orgs({"Treasury"})},
                  none);
  CHECK(r[1] == "/European Union/");
  CHECK(r[3] == "/Labour/");
  CHECK(r[6] == "/IMF/");  // no name in the archive spells it
  CHECK(r[7] == "/Treasury/");
}

TEST_CASE("linking: a name the alias table files under another facet moves there", "[linking]") {
  aliases::Table names;
  names.add_tsv("Tories\tConservatives\torg\nTory\tConservatives\torg\nSony\tSony\torg\n");
  ArticleNames a;
  a.person = {"Tory", "Michael Howard"};
  a.place = {"Tories", "London", "Sony"};
  auto r = linked({a}, names);
  CHECK(r[0] == "Michael Howard/Conservatives|Sony/London");
}

TEST_CASE("linking: a name the archive often uses as the title of a work gives no value", "[linking]") {
  const aliases::Table none;
  std::vector<ArticleNames> archive;
  for (int i = 0; i < 6; ++i) archive.push_back(persons("2005", {"Harry Potter", "Emma Watson"}));
  ArticleNames work = persons("2005", {"Emma Watson"});
  work.works = {"Harry Potter"};
  archive.push_back(work);
  archive.push_back(work);
  auto r = linked(archive, none);
  CHECK(r[0] == "Emma Watson//");
  // Once only: it stays.
  archive.pop_back();
  CHECK(linked(archive, none)[0] == "Harry Potter|Emma Watson//");
  // The works list survives the schema value.
  ArticleNames back = decode_own_names(encode_own_names({"A B"}, {"C"}, {}, {"Harry Potter"}));
  CHECK(back.person == std::vector<std::string>{"A B"});
  CHECK(back.works == std::vector<std::string>{"Harry Potter"});
  CHECK(decode_own_names(encode_own_names({"A B"}, {}, {"D"})).place == std::vector<std::string>{"D"});
}

TEST_CASE("linking: a surname whose only full name is no person's stays as it is", "[linking]") {
  const aliases::Table none;
  std::vector<ArticleNames> archive;
  for (int i = 0; i < 3; ++i) archive.push_back(orgs({"Royal Dutch"}));
  archive.push_back(persons("1987", {"Royal Dutch"}));
  archive.push_back(persons("1987", {"Dutch"}));
  auto r = linked(archive, none);
  CHECK(r[3] == "/Royal Dutch/");
  CHECK(r[4] == "Dutch//");
}

TEST_CASE("linking: a body's arm and designators are the body, and & is and", "[linking]") {
  const aliases::Table none;
  CHECK(org_group_key("Moody's Investors Service Inc") == org_group_key("Moody's"));
  CHECK(org_group_key("Federal Reserve Board") == org_group_key("Federal Reserve"));
  CHECK(org_group_key("Standard & Poor's") == org_group_key("Standard and Poor's Corp"));
  CHECK(org_group_key("Board") == "board");  // a generic word alone keeps itself
  auto r = linked({orgs({"Moody's Investors Service Inc"}), orgs({"Moody's"}), orgs({"Moody's"}),
                   orgs({"Federal Reserve Board"}), orgs({"Federal Reserve"}), orgs({"Federal Reserve"}),
                   orgs({"Standard & Poor's"}), orgs({"Standard and Poor's Corp"}), orgs({"Standard and Poor's Corp"})},
                  none);
  CHECK(r[0] == "/Moody's/");
  CHECK(r[3] == "/Federal Reserve/");
  CHECK(r[6] == "/Standard and Poor's Corp/");
}

TEST_CASE("linking: the two pieces of a firm the archive names X and Y are that firm", "[linking]") {
  const aliases::Table none;
  ArticleNames split, wagner, other;
  split.org = {"Standard", "Poor", "Exxon"};
  wagner.person = {"Wagner"};
  wagner.place = {"Brown"};
  other.person = {"Richard Wagner"};
  other.org = {"Standard"};  // one piece alone is no firm of two
  auto r = linked({orgs({"Standard and Poor's Corp"}), split, orgs({"Wagner and Brown"}), wagner, other}, none);
  CHECK(r[1] == "/Exxon|Standard and Poor's Corp/");
  CHECK(r[3] == "/Wagner and Brown/");
  CHECK(r[4] == "Richard Wagner/Standard/");
  // The same whatever the order the articles were counted in.
  auto back = linked({other, wagner, orgs({"Wagner and Brown"}), split, orgs({"Standard and Poor's Corp"})}, none);
  CHECK(back[1] == r[3]);
  CHECK(back[3] == r[1]);
}

TEST_CASE("linking: a full name that begins the names of firms filed more often is that firm", "[linking]") {
  const aliases::Table none;
  ArticleNames misread, person, lehman;
  misread.person = {"Shearson Lehman"};
  person.person = {"Henry Ford"};
  lehman.person = {"Lehman"};
  const ArticleNames firm = orgs({"Shearson Lehman Brothers Inc"});
  auto r = linked({misread, firm, firm, firm, person, person, orgs({"Henry Ford Hospital"}), lehman}, none);
  CHECK(r[0] == "/Shearson Lehman Brothers Inc/");
  CHECK(r[4] == "Henry Ford//");  // the person is filed more often than the hospital
  CHECK(r[7] == "Lehman//");      // no full name of a person ends in Lehman now
}

TEST_CASE("linking: a name led by an acronym joins the name it abbreviates", "[linking]") {
  const aliases::Table none;
  auto r = linked({orgs({"U.N. Security Council"}), orgs({"U.N. Security Council"}), orgs({"U.N. Security Council"}),
                   orgs({"United Nations Security Council"}), orgs({"UN Security Council"}),
                   orgs({"National Security Council"}), orgs({"NBA Finals"}), orgs({"Agency for International Development"}),
                   orgs({"AID Corp"}), orgs({"American Medical International"}), orgs({"AM International"})},
                  none);
  CHECK(r[3] == "/U.N. Security Council/");
  CHECK(r[4] == "/U.N. Security Council/");
  CHECK(r[5] == "/National Security Council/");  // initials "NS": no name in the archive
  CHECK(r[6] == "/NBA Finals/");
  CHECK(r[8] == "/AID Corp/");  // a firm's name, not an acronym of the agency's
  CHECK(r[10] == "/AM International/");  // one word after the acronym: a firm of its own
}
