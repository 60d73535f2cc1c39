// Unit tests for in-article name resolution at scale: its work grows linearly with the mentions,
// and it gives exactly what comparing every pair of mentions in article order gave.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/canonical.hpp"
#include "indexer/entities/resolution.hpp"

using namespace newsidx;
using entities::name_words;

namespace {

Mention mention(MentionType type, const std::string& text) {
  Mention m;
  m.type = type;
  m.text = m.entity = text;
  return m;
}

// The resolver as it was before it indexed its candidates: every pair compared, in order. It is
// the reference the indexed one must match on any list of mentions.
namespace pairwise {

std::string lower(const std::string& s) { return canonical::fold_key(s); }

bool ends_with_words(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.size() >= longer.size()) return false;
  for (std::size_t i = 0; i < shorter.size(); ++i)
    if (lower(longer[longer.size() - shorter.size() + i]) != lower(shorter[i])) return false;
  return true;
}

bool is_acronym(const std::string& s) {
  std::size_t letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '&') return false;
  }
  return letters >= 2 && letters <= 7;
}

std::string initials(const std::vector<std::string>& words) {
  static const std::set<std::string> kSkip = {"of", "the", "and", "for", "on", "in", "&", "de"};
  std::string out;
  for (const auto& w : words)
    if (!w.empty() && !kSkip.count(lower(w)) && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  return out;
}

std::string strip_dots(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  return s;
}

void resolve(std::vector<Mention>& ms) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i].type == MentionType::kPerson) idx.push_back(i);
  for (std::size_t i : idx) {
    auto wi = name_words(ms[i].entity);
    if (wi.size() < 2) continue;
    std::string best;
    std::size_t best_len = wi.size();
    for (std::size_t j : idx) {
      auto wj = name_words(ms[j].entity);
      if (wj.size() > best_len && lower(wj.back()) == lower(wi.back()) && lower(wj.front()) == lower(wi.front())) {
        best = ms[j].entity;
        best_len = wj.size();
      }
    }
    if (!best.empty()) ms[i].entity = best;
  }
  for (std::size_t k = 0; k < idx.size(); ++k) {
    Mention& m = ms[idx[k]];
    auto w = name_words(m.entity);
    if (w.size() != 1) continue;
    std::string match;
    for (std::size_t pass = 0; pass < 2 && match.empty(); ++pass) {
      for (std::size_t j = 0; j < idx.size(); ++j) {
        if (pass == 0 && j >= k) break;
        auto wj = name_words(ms[idx[j]].entity);
        if (wj.size() >= 2 && lower(wj.back()) == lower(w[0])) match = ms[idx[j]].entity;
      }
    }
    if (match.empty()) {
      std::set<std::string> firsts;
      for (std::size_t j : idx) {
        auto wj = name_words(ms[j].entity);
        if (wj.size() >= 2 && lower(wj.front()) == lower(w[0])) firsts.insert(ms[j].entity);
      }
      if (firsts.size() == 1) match = *firsts.begin();
    }
    if (!match.empty()) m.entity = match;
  }
  for (auto& m : ms) {
    if (m.type != MentionType::kOrg && m.type != MentionType::kPlace) continue;
    auto w = name_words(m.text);
    if (w.size() != 1) continue;
    for (const auto& p : ms) {
      if (p.type != MentionType::kPerson) continue;
      auto pw = name_words(p.entity);
      if (pw.size() >= 2 && lower(pw.back()) == lower(w[0])) {
        m.type = MentionType::kPerson;
        m.entity = p.entity;
        m.country.clear();
        break;
      }
    }
  }
  for (auto& mi : ms) {
    if (mi.type != MentionType::kOrg) continue;
    const std::string name = mi.entity;
    auto wi = name_words(name);
    std::string best;
    std::size_t best_len = wi.size();
    for (const auto& mj : ms) {
      if (mj.type != MentionType::kOrg) continue;
      auto wj = name_words(mj.entity);
      bool expands = is_acronym(name) && wj.size() >= 2 && initials(wj) == strip_dots(name);
      bool longer = wj.size() > best_len && ends_with_words(wj, wi);
      if ((expands && wj.size() > best_len) || longer) {
        best = mj.entity;
        best_len = wj.size();
      }
    }
    if (!best.empty()) mi.entity = best;
  }
}

}  // namespace pairwise

// `n` mentions drawn from names that join each other in every way the resolver knows.
std::vector<Mention> random_mentions(std::mt19937& rng, std::size_t n) {
  static const std::vector<std::pair<MentionType, std::string>> kNames = {
      {MentionType::kPerson, "John Smith"},      {MentionType::kPerson, "Smith"},
      {MentionType::kPerson, "John"},            {MentionType::kPerson, "John A. Smith"},
      {MentionType::kPerson, "John B. Smith"},   {MentionType::kPerson, "Jane Smith"},
      {MentionType::kPerson, "Smith's"},         {MentionType::kPerson, "Antony Blinken"},
      {MentionType::kPerson, "Blinken"},         {MentionType::kPerson, "Antony"},
      {MentionType::kPerson, "Jane"},            {MentionType::kOrg, "Blinken"},
      {MentionType::kPlace, "Smith"},            {MentionType::kPlace, "Kyiv"},
      {MentionType::kOrg, "NATO"},               {MentionType::kOrg, "North Atlantic Treaty Organization"},
      {MentionType::kOrg, "State Department"},   {MentionType::kOrg, "U.S. State Department"},
      {MentionType::kOrg, "Department"},         {MentionType::kOrg, "SD"},
      {MentionType::kOrg, "USSD"},               {MentionType::kOrg, "U.S.S.D."},
      {MentionType::kOrg, "Department of State"}, {MentionType::kOrg, "DOS"},
      {MentionType::kOrg, "state department"},   {MentionType::kOrg, "IMF"},
  };
  std::uniform_int_distribution<std::size_t> pick(0, kNames.size() - 1);
  std::vector<Mention> out;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& [type, name] = kNames[pick(rng)];
    out.push_back(mention(type, name));
  }
  return out;
}

}  // namespace

TEST_CASE("resolution: indexed candidates give what comparing every pair gave", "[entities][resolution]") {
  std::mt19937 rng(15);
  for (int round = 0; round < 400; ++round) {
    auto ms = random_mentions(rng, 1 + round % 40);
    auto expected = ms;
    pairwise::resolve(expected);
    entities::resolve_names(ms);
    for (std::size_t i = 0; i < ms.size(); ++i) {
      INFO("round " << round << ", mention " << i << " \"" << ms[i].text << "\"");
      CHECK(ms[i].entity == expected[i].entity);
      CHECK(ms[i].type == expected[i].type);
    }
  }
}

TEST_CASE("resolution: the work grows linearly with the mentions ('John Smith Said' repeated)", "[entities][resolution]") {
  // The adversarial article of issue 15: one name over and over, read as person, org and
  // three-word person by turns. Pairwise comparison did n*n; the indexed resolver a fixed number
  // of look-ups per mention.
  const auto comparisons = [](std::size_t n) {
    std::vector<Mention> ms;
    for (std::size_t i = 0; i < n; ++i) {
      ms.push_back(mention(MentionType::kPerson, "John Smith"));
      ms.push_back(mention(i % 2 ? MentionType::kOrg : MentionType::kPlace, "Smith"));
      ms.push_back(mention(MentionType::kPerson, "John Smith Said"));
      ms.push_back(mention(MentionType::kOrg, i % 3 ? "Said" : "JSS"));
    }
    std::size_t count = 0;
    entities::resolve_names(ms, &count);
    return count;
  };
  const std::size_t c1 = comparisons(1000), c2 = comparisons(2000), c8 = comparisons(8000);
  INFO(c1 << " " << c2 << " " << c8);
  CHECK(c1 > 0);
  CHECK(c2 <= 2 * c1 + 16);
  CHECK(c8 <= 8 * c1 + 64);
  CHECK(c8 <= 40 * 4 * 8000);  // a few dozen look-ups per mention at most
}

TEST_CASE("resolution: an organisation of thousands of words costs a bounded number of look-ups",
          "[entities][resolution]") {
  // A hostile article ("Lord Lord ... Falconer said", 20,000 words typed as one firm) had every
  // ending of the name indexed: the square of its length in memory (4 GB for 100 KB of text).
  const auto comparisons = [](std::size_t words) {
    std::string name;
    for (std::size_t i = 0; i < words; ++i) name += "Lord ";
    std::vector<Mention> ms{mention(MentionType::kOrg, name + "Falconer"), mention(MentionType::kOrg, "Falconer")};
    std::size_t count = 0;
    entities::resolve_names(ms, &count);
    return count;
  };
  const std::size_t c100 = comparisons(100), c4000 = comparisons(4000);
  INFO(c100 << " " << c4000);
  CHECK(c4000 == c100);
  CHECK(c4000 < 100);
}

TEST_CASE("resolution: a speaker that names no one is no facet value, a firm named by a word is", "[entities][resolution]") {
  const auto quote = [](const std::string& speaker) {
    Quote q;
    q.text = "We will keep working on this matter every day";
    q.speaker = speaker;
    q.speaker_type = "person";
    return q;
  };
  const std::vector<Mention> mentions{mention(MentionType::kPerson, "Jane Holloway"), mention(MentionType::kOrg, "Tories")};
  const std::vector<Quote> quotes{quote("Authorities"), quote("Police"), quote("Analysts"), quote("MPs"),
                                  quote("Committee"), quote("Orange"), quote("Sears"), quote("Boots"),
                                  quote("Jane Holloway"), quote("Tories")};
  const Facets f = entities::make_facets(mentions, quotes, std::nullopt);
  // Groups, roles and a generic head go; a word no mention names may be a firm ("Orange said",
  // "Sears said", "Boots said"); a plural that a mention names is a name ("Tories").
  CHECK(f.speaker == std::vector<std::string>{"Orange", "Sears", "Boots", "Jane Holloway", "Tories"});
}
