// Unit tests for firm names joined from the tagger's pieces and a firm's short forms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/entities/firm_names.hpp"

using namespace newsidx;
using namespace newsidx::entities;

namespace {

// A mention of `type` over the first occurrence of `name` at or after `from` in `text`.
Mention at(const std::string& text, const std::string& name, MentionType type, std::size_t from = 0) {
  Mention m;
  m.type = type;
  m.span.start = text.find(name, from);
  m.span.end = m.span.start + name.size();
  m.text = name;
  m.entity = name;
  return m;
}

// The mentions as "type:entity", joined by "|", for compact expectations.
std::string listed(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions) {
    if (!out.empty()) out += "|";
    out += m.type == MentionType::kPerson ? "per:" : m.type == MentionType::kOrg ? "org:" : m.type == MentionType::kPlace ? "loc:" : "ctry:";
    out += m.entity;
  }
  return out;
}

}  // namespace

TEST_CASE("firm names: X and Y Corp is one organisation", "[firm_names]") {
  const std::string text = "Standard and Poor's Corp said it cut the ratings.";
  std::vector<Mention> m{at(text, "Standard", MentionType::kOrg), at(text, "Poor's Corp", MentionType::kOrg)};
  m[0].type = MentionType::kPerson;
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Standard and Poor's Corp");
  CHECK(m[0].span.start == 0);
  CHECK(m[0].span.end == text.find(" said"));
}

TEST_CASE("firm names: commas and an ampersand join too, line breaks become one space", "[firm_names]") {
  const std::string text = "Donaldson, Lufkin and\nJenrette Securities Corp advised. Smith & Wesson Inc fell.";
  std::vector<Mention> m{at(text, "Donaldson", MentionType::kPerson), at(text, "Lufkin", MentionType::kPlace),
                         at(text, "Jenrette Securities Corp", MentionType::kOrg),
                         at(text, "Smith", MentionType::kPerson), at(text, "Wesson Inc", MentionType::kOrg)};
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Donaldson, Lufkin and Jenrette Securities Corp|org:Smith & Wesson Inc");
}

TEST_CASE("firm names: two firms named side by side stay two", "[firm_names]") {
  // Texaco is an organisation of its own; Pennzoil stands alone elsewhere in the text.
  const std::string a = "Texaco and Pennzoil Co met. Texaco said no.";
  std::vector<Mention> m{at(a, "Texaco", MentionType::kOrg), at(a, "Pennzoil Co", MentionType::kOrg)};
  join_firm_names(a, m);
  CHECK(listed(m) == "org:Texaco|org:Pennzoil Co");
  // The tagger's own "Standard" of "Standard and Poor's Corp" is no firm of its own.
  const std::string s = "Standard and Poor's Corp said.";
  m = {at(s, "Standard", MentionType::kOrg), at(s, "Poor's Corp", MentionType::kOrg)};
  join_firm_names(s, m);
  CHECK(listed(m) == "org:Standard and Poor's Corp");
  const std::string b = "Icahn and Pennzoil Co met. Pennzoil said no.";
  m = {at(b, "Icahn", MentionType::kPerson), at(b, "Pennzoil Co", MentionType::kOrg),
       at(b, "Pennzoil", MentionType::kOrg, 20)};
  join_firm_names(b, m);
  CHECK(listed(m) == "per:Icahn|org:Pennzoil Co|org:Pennzoil");
  // A country is never swallowed.
  const std::string c = "Britain and Unilever Plc agreed.";
  m = {at(c, "Britain", MentionType::kCountry), at(c, "Unilever Plc", MentionType::kOrg)};
  join_firm_names(c, m);
  CHECK(listed(m) == "ctry:Britain|org:Unilever Plc");
}

TEST_CASE("firm names: the joined name written without its designators is the same firm", "[firm_names]") {
  const std::string text = "Standard and Poor's Corp cut it. Standard and\nPoor's said the outlook was poor.";
  std::vector<Mention> m{at(text, "Standard", MentionType::kOrg), at(text, "Poor's Corp", MentionType::kOrg),
                         at(text, "Standard", MentionType::kOrg, 20), at(text, "Poor's", MentionType::kOrg, 40)};
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Standard and Poor's Corp|org:Standard and Poor's Corp");
}

TEST_CASE("firm names: a company in Reuters' angle brackets is one organisation", "[firm_names]") {
  const std::string text = "an offer from <Wagner and Brown>, a Texas partnership. Wagner and Brown said.";
  std::vector<Mention> m{at(text, "Wagner", MentionType::kPerson), at(text, "Brown", MentionType::kPlace),
                         at(text, "Texas", MentionType::kPlace), at(text, "Wagner", MentionType::kPerson, 40),
                         at(text, "Brown", MentionType::kPerson, 60)};
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Wagner and Brown|loc:Texas|org:Wagner and Brown");
  // A ticker or a name without a conjunction is left to the tagger.
  const std::string t = "Borg-Warner <BOR> Corp and <Acme Widgets Inc> agreed.";
  m = {at(t, "Borg-Warner", MentionType::kOrg), at(t, "Acme", MentionType::kPerson)};
  join_firm_names(t, m);
  CHECK(listed(m) == "org:Borg-Warner|per:Acme");
}

TEST_CASE("firm names: a firm's first word alone is that firm", "[firm_names]") {
  std::vector<Mention> m(5);
  m[0].type = MentionType::kOrg, m[0].entity = "Merrill Lynch";
  m[1].type = MentionType::kOrg, m[1].entity = "Merrill Lynch Capital Partners Inc";
  m[2].type = MentionType::kPerson, m[2].entity = "Merrill";
  m[3].type = MentionType::kPerson, m[3].entity = "Gerald Ford";
  m[4].type = MentionType::kPerson, m[4].entity = "Merrill's";
  firm_short_forms(m);
  CHECK(listed(m) == "org:Merrill Lynch|org:Merrill Lynch Capital Partners Inc|org:Merrill Lynch|per:Gerald Ford|org:Merrill Lynch");
  // An organisation's one-word name joins a firm name joined from pieces, and nothing else.
  std::vector<Mention> o(4);
  o[0].type = MentionType::kOrg, o[0].entity = "Standard and Poor's Corp";
  o[1].type = MentionType::kOrg, o[1].entity = "Standard";
  o[2].type = MentionType::kOrg, o[2].entity = "NATO Allies";
  o[3].type = MentionType::kOrg, o[3].entity = "NATO";
  firm_short_forms(o);
  CHECK(listed(o) == "org:Standard and Poor's Corp|org:Standard and Poor's Corp|org:NATO Allies|org:NATO");
  // A surname of a person in the article, or a word two firms begin with, stays.
  std::vector<Mention> n(4);
  n[0].type = MentionType::kOrg, n[0].entity = "Ford Motor Co";
  n[1].type = MentionType::kPerson, n[1].entity = "Gerald Ford";
  n[2].type = MentionType::kPerson, n[2].entity = "Ford";
  n[3].type = MentionType::kOrg, n[3].entity = "Bank";
  firm_short_forms(n);
  CHECK(listed(n) == "org:Ford Motor Co|per:Gerald Ford|per:Ford|org:Bank");
  std::vector<Mention> b(3);
  b[0].type = MentionType::kOrg, b[0].entity = "Bank of England";
  b[1].type = MentionType::kOrg, b[1].entity = "Bank of Japan";
  b[2].type = MentionType::kOrg, b[2].entity = "Bank";
  firm_short_forms(b);
  CHECK(listed(b) == "org:Bank of England|org:Bank of Japan|org:Bank");
}

TEST_CASE("firm names: X and Y's is one firm when the tagger read Y as one", "[firm_names]") {
  const std::string text = "Standard and Poor's said it may upgrade Chrysler Corp. Reagan and Baker's plans differ.";
  std::vector<Mention> m{at(text, "Poor", MentionType::kOrg), at(text, "Chrysler Corp", MentionType::kOrg),
                         at(text, "Reagan", MentionType::kPerson), at(text, "Baker", MentionType::kOrg)};
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Standard and Poor's|org:Chrysler Corp|per:Reagan|org:Baker");
}

TEST_CASE("firm names: a firm in angle brackets joins a mention that holds the bracket", "[firm_names]") {
  // The tokenizer keeps "<" on the word: the word-class tagger read "<Wagner" as a person.
  const std::string text = "a partnership of AFG Industries Inc and\n<Wagner and Brown>, was to go. Wagner and Brown said.";
  std::vector<Mention> m{at(text, "<Wagner", MentionType::kPerson), at(text, "Brown>", MentionType::kPerson)};
  m[1].text = m[1].entity = "Brown";
  m[1].span.end -= 1;
  join_firm_names(text, m);
  CHECK(listed(m) == "org:Wagner and Brown|org:Wagner and Brown");
}

// The join looks only at the mentions near it (those starting at most the longest mention's
// length before it): a long mention far back that reaches into the join still stops it, and one
// that ends before it does not.
TEST_CASE("firm names: a long mention reaching into a join from far back still counts", "[firm_names]") {
  const std::string filler(300, 'x');
  const std::string text = "The Big Country " + filler + " and Wagner and Brown Corp said. Wagner and Brown Co rose.";
  // A (made-up) country mention from the start of the text over "Wagner": the join must not
  // swallow it, however far back it starts.
  Mention far;
  far.type = MentionType::kCountry;
  far.span = {0, text.find(" and Brown Corp")};
  far.text = text.substr(0, far.span.end);
  far.entity = "Far";
  std::vector<Mention> m{far, at(text, "Brown Corp", MentionType::kOrg), at(text, "Wagner", MentionType::kPerson, far.span.end),
                         at(text, "Brown Co", MentionType::kOrg, far.span.end + 20)};
  std::sort(m.begin(), m.end(), [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  join_firm_names(text, m);
  CHECK(listed(m) == "ctry:Far|org:Brown Corp|org:Wagner and Brown Co");

  // Without it the first pair joins too, and the second place that writes it is named so.
  std::vector<Mention> near{at(text, "Wagner", MentionType::kPerson), at(text, "Brown Corp", MentionType::kOrg),
                            at(text, "Wagner", MentionType::kPerson, far.span.end)};
  join_firm_names(text, near);
  CHECK(listed(near) == "org:Wagner and Brown Corp|org:Wagner and Brown Corp");
}

TEST_CASE("firm names: thousands of firms in one text are joined one by one", "[firm_names]") {
  // A hostile text of 3,000 lines each naming three joined firms: every join is made, and
  // (before the look-ups were bounded) it took a minute where it now takes a fraction of a second.
  std::string text;
  std::vector<Mention> m;
  for (int i = 0; i < 3000; ++i) {
    const std::string n = std::to_string(i);
    const std::size_t line = text.size();
    text += "<Wagner" + n + " and Brown" + n + " Corp> bought Smith" + n + " and Jones" + n + " Inc.\n";
    m.push_back(at(text, "<Wagner" + n, MentionType::kPerson, line));
    m.push_back(at(text, "Brown" + n + " Corp", MentionType::kOrg, line));
    m.push_back(at(text, "Smith" + n, MentionType::kPerson, line));
    m.push_back(at(text, "Jones" + n + " Inc", MentionType::kOrg, line));
  }
  join_firm_names(text, m);
  REQUIRE(m.size() == 6000);
  CHECK(m[0].entity == "Wagner0 and Brown0 Corp");
  CHECK(m[1].entity == "Smith0 and Jones0 Inc");
  CHECK(m[5999].entity == "Smith2999 and Jones2999 Inc");
  CHECK(std::all_of(m.begin(), m.end(), [](const Mention& x) { return x.type == MentionType::kOrg; }));
}
