// Archive-level linking of facet values: statistics over every article's own names, then the
// value each name is stored under.
#include "linking.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_set>

#include "common/canonical.hpp"
#include "common/schema.hpp"

namespace newsidx::entities {

namespace {

constexpr std::string_view kPerson = "person", kOrg = "org", kPlace = "place";
constexpr std::array<std::string_view, 3> kFacetNames{kPerson, kOrg, kPlace};
constexpr int kNoFacet = -1;  // moved_: the name is no entity (a title of a work)

// Company-form words that do not tell two organisations apart ("Exxon Corp" is "Exxon"), and
// the words that name a body's arm as well as the body ("Moody's Investors Service Inc" is
// "Moody's", "Federal Reserve Board" the "Federal Reserve").
constexpr std::array<std::string_view, 19> kCompanySuffixes{
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
    "ltd", "ltd.", "limited", "plc", "llc", "&", "party", "board", "service", "services", "investors"};

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> out;
  while (!key.empty()) {
    const std::size_t sp = key.find(' ');
    out.push_back(key.substr(0, sp));
    key = sp == std::string_view::npos ? std::string_view() : key.substr(sp + 1);
  }
  return out;
}

// The surnames a full-name key is found by: its last word, and that word without an Arabic
// article ("al-maliki" is also "maliki": news writes "Nouri al-Maliki", then "Maliki").
std::vector<std::string> surnames_of(std::string_view key) {
  const std::string last(words_of(key).back());
  std::vector<std::string> out{last};
  for (std::string_view article : {"al-", "el-"})
    if (last.size() > article.size() + 2 && last.compare(0, article.size(), article) == 0)
      out.push_back(last.substr(article.size()));
  return out;
}

// A key without a trailing possessive: "poor's" and the group key's "poor'" -> "poor".
std::string_view bare(std::string_view key) {
  if (key.size() > 2 && key.substr(key.size() - 2) == "'s") key.remove_suffix(2);
  if (key.size() > 1 && key.back() == '\'') key.remove_suffix(1);
  return key;
}

// Appends values not appended before, in order (a set beside the list: an article of tens of
// thousands of names must not cost the square of their number).
class UniqueList {
 public:
  explicit UniqueList(std::vector<std::string>& out) : out_(out) {}
  void push(std::string v) {
    if (seen_.insert(v).second) out_.push_back(std::move(v));
  }

 private:
  std::vector<std::string>& out_;
  std::unordered_set<std::string> seen_;
};

// The most frequent of `counts`; ties go to the longer spelling, then the smaller key, so that
// the choice never depends on the order articles were counted in.
template <typename Len>
std::string best_of(const std::map<std::string, std::size_t>& counts, Len len) {
  const std::string* best = nullptr;
  std::size_t best_n = 0;
  for (const auto& [k, n] : counts) {
    if (!best || n > best_n || (n == best_n && len(k) > len(*best))) best = &k, best_n = n;
  }
  return best ? *best : std::string();
}

}  // namespace

std::string encode_own_names(const std::vector<std::string>& person, const std::vector<std::string>& org,
                             const std::vector<std::string>& place, const std::vector<std::string>& works) {
  std::vector<std::string> parts{schema::encode_list(person), schema::encode_list(org), schema::encode_list(place)};
  if (!works.empty()) parts.push_back(schema::encode_list(works));
  return schema::encode_list(parts);
}

ArticleNames decode_own_names(std::string_view value) {
  ArticleNames a;
  std::vector<std::string> parts = schema::decode_list(value);
  parts.resize(4);
  a.person = schema::decode_list(parts[0]);
  a.org = schema::decode_list(parts[1]);
  a.place = schema::decode_list(parts[2]);
  a.works = schema::decode_list(parts[3]);
  return a;
}

std::string org_group_key(std::string_view name) {
  const std::string key = canonical::fold_key(name);
  std::vector<std::string_view> w = words_of(key);
  // "The Liberal Democrats", "U.S. Treasury": the same body as without the article or "U.S.".
  while (w.size() > 1 && (w.front() == "the" || w.front() == "u.s." || w.front() == "us")) w.erase(w.begin());
  while (w.size() > 1 && std::find(kCompanySuffixes.begin(), kCompanySuffixes.end(), w.back()) != kCompanySuffixes.end())
    w.pop_back();
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    std::string_view word = w[i] == "&" ? std::string_view("and") : w[i];  // "Standard & Poor's"
    // A possessive: "Standard and Poor's" is the firm "Standard and Poor".
    if (i + 1 == w.size() && word.size() > 3 && word.substr(word.size() - 2) == "'s") word.remove_suffix(2);
    // A plural: "Democrats" is "Democrat", "Airways" "Airway" ("Press" keeps its "s"). A
    // singular ending in "s" loses it too, alike in every spelling, which is all a key needs.
    if (i + 1 == w.size() && word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's')
      word.remove_suffix(1);
    if (i) out += ' ';
    out += word;
  }
  return out;
}

std::array<std::vector<std::pair<std::string, std::string>>, 3> Linker::filed(const ArticleNames& a) const {
  std::array<std::vector<std::pair<std::string, std::string>>, 3> out;
  // Keys already in each list: an article of tens of thousands of names (a hostile file) must
  // not cost the square of their number.
  std::array<std::unordered_set<std::string>, 3> seen;
  for (std::size_t i = 0; i < 3; ++i) {
    for (const auto& v : i == 0 ? a.person : i == 1 ? a.org : a.place) {
      // A name the alias table knows only under another facet belongs there ("Tories" is no
      // place, "Sony" no person).
      const std::string_view facet = names_->filed_facet(kFacetNames[i], v);
      const auto to = static_cast<std::size_t>(std::find(kFacetNames.begin(), kFacetNames.end(), facet) -
                                               kFacetNames.begin());
      std::string shown = names_->canonical(kFacetNames[to], v);
      std::string key = canonical::fold_key(shown);
      if (key.empty()) continue;
      if (seen[to].insert(key).second) out[to].emplace_back(std::move(key), std::move(shown));
    }
  }
  return out;
}

void Linker::add(const ArticleNames& a) {
  for (const auto& w : a.works) ++works_[org_group_key(w)];
  auto lists = filed(a);
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string_view facet = kFacetNames[i];
    for (auto& [key, shown] : lists[i]) {
      ++spellings_[std::string(facet)][key][shown];
      const std::string group = org_group_key(key);
      ++type_votes_[group][i];
      if (facet == kOrg) ++org_groups_[group][key];
      if (facet != kPerson || key.find(' ') == std::string::npos) continue;
      ++full_names_[key];
      ++full_in_period_[{key, a.period}];
      for (const std::string& surname : surnames_of(key)) by_surname_[surname].insert(key);
    }
  }
}

void Linker::decide_types() {
  for (const auto& [group, votes] : type_votes_) {
    // A name the archive uses as a title often enough is a work everywhere, no entity.
    if (auto w = works_.find(group); w != works_.end() && w->second >= kWorkMinimum &&
        static_cast<double>(w->second) * kWorkShare >= static_cast<double>(votes[0] + votes[1] + votes[2])) {
      for (int f = 0; f < 3; ++f) moved_[{f, group}] = kNoFacet;
      continue;
    }
    const auto top = static_cast<std::size_t>(std::max_element(votes.begin(), votes.end()) - votes.begin());
    if (votes[top] < kTypeMinimum) continue;
    for (std::size_t f = 0; f < votes.size(); ++f) {
      if (f == top || !votes[f]) continue;
      if (static_cast<double>(votes[top]) < kTypeDominance * static_cast<double>(votes[f])) continue;
      moved_[{static_cast<int>(f), group}] = static_cast<int>(top);
    }
  }
  // A full name that is not a person's is no full name for surnames ("Royal Dutch").
  for (const auto& [key, n] : full_names_)
    if (moved_.count({0, org_group_key(key)}))
      for (const std::string& surname : surnames_of(key)) by_surname_[surname].erase(key);
  // A full name that begins the names of firms the archive files in at least as many articles
  // ("Shearson Lehman" beside "Shearson Lehman Brothers Inc") is the most frequent of them.
  for (const auto& [key, n] : full_names_) {
    const std::string prefix = key + " ";
    std::size_t firms = 0, best_n = 0;
    const std::string* best = nullptr;
    for (auto it = org_groups_.lower_bound(prefix); it != org_groups_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      std::size_t m = 0;
      for (const auto& kv : it->second) m += kv.second;
      firms += m;
      if (m > best_n) best = &it->first, best_n = m;
    }
    if (!best || firms < n || firms < kTypeMinimum) continue;
    firm_of_person_[key] = *best;
    for (const std::string& surname : surnames_of(key)) by_surname_[surname].erase(key);
  }
}

void Linker::merge_acronyms() {
  // Initials of multi-word organisation names ("european union" -> "eu"), small words skipped;
  // and of their first words with the rest (two words or more) kept ("united nations security
  // council" -> "un security council"), so that a name led by an acronym finds the name it
  // abbreviates.
  std::map<std::string, std::set<std::string>> by_initials;
  for (const auto& [group, members] : org_groups_) {
    const auto w = words_of(group);
    if (w.size() < 2) continue;
    std::string initials;
    for (std::size_t k = 0; k < w.size(); ++k) {
      const auto word = w[k];
      if (word != "of" && word != "and" && word != "the" && word != "for" && word != "&" && word != "de")
        initials += word.front();
      // Two words at least after the acronym: "AM International", "IC Industries" are firms of
      // their own, not "American Medical International", "Imperial Chemical Industries".
      if (k + 2 < w.size() && k >= 1 && initials.size() >= 2) {
        std::string rest;
        for (std::size_t j = k + 1; j < w.size(); ++j) rest += " " + std::string(w[j]);
        by_initials[initials + rest].insert(group);
      }
    }
    by_initials[initials].insert(group);
  }
  for (const auto& [group, members] : org_groups_) {
    const std::size_t space = group.find(' ');
    if (std::min(space, group.size()) < 2 || std::min(space, group.size()) > 6) continue;
    // An acronym is written in capitals ("EU", "U.N.", "U.N. Security Council"), not a word that
    // happens to be short.
    // Only the acronym of a longer name ("U.N. Security Council") is looked at alone: "AID Corp" is
    // no acronym of "Agency for International Development".
    if (std::none_of(members.begin(), members.end(), [this, space](const auto& m) {
          const std::string shown = display(kOrg, m.first, "");
          const auto first = shown.begin() + static_cast<std::ptrdiff_t>(
                                                 space == std::string::npos ? shown.size() : std::min(shown.find(' '), shown.size()));
          return !shown.empty() && std::none_of(shown.begin(), first, [](char c) { return c >= 'a' && c <= 'z'; });
        }))
      continue;
    // "eu", "u.n.", and "u.n. security council" (an acronym, then the rest of the name).
    std::string letters;
    for (std::size_t i = 0; i < group.size(); ++i)
      if (group[i] != '.' || (space != std::string::npos && i > space)) letters += group[i];
    auto it = by_initials.find(letters);
    if (it == by_initials.end()) continue;
    // The acronym joins the one name it spells, or the one that dominates those it spells.
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& g : it->second) {
      std::size_t n = 0;
      for (const auto& [k, c] : org_groups_.at(g)) n += c;
      ranked.emplace_back(n, g);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
      return std::tie(y.first, x.second) < std::tie(x.first, y.second);
    });
    if (ranked.size() > 1 && static_cast<double>(ranked[0].first) < kDominance * static_cast<double>(ranked[1].first))
      continue;
    merged_[group] = ranked[0].second;
  }
}

void Linker::finish() {
  decide_types();
  // The most frequent spelling, not a headline's or dateline's capitals when some article
  // writes the name otherwise: "FRANKFURT" is shown as "Frankfurt" (an acronym such as "OPEC",
  // one word of at most five letters, keeps its capitals).
  auto shouted = [](const std::string& s) {
    if (std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    std::size_t run = 0, longest = 0;
    for (char c : s) longest = std::max(longest, run = (c >= 'A' && c <= 'Z') ? run + 1 : 0);
    return s.find(' ') != std::string::npos || longest > 5;
  };
  for (const auto& [facet, keys] : spellings_)
    for (const auto& [key, counts] : keys) {
      Counts mixed;
      for (const auto& [spelling, n] : counts)
        if (!shouted(spelling)) mixed[spelling] = n;
      shown_[facet][key] = best_of(mixed.empty() ? counts : mixed, [](const std::string& s) { return s.size(); });
    }
  merge_acronyms();
  std::map<std::string, Counts> joined;
  for (const auto& [group, members] : org_groups_) {
    auto m = merged_.find(group);
    auto& into = joined[m == merged_.end() ? group : m->second];
    for (const auto& [k, n] : members) into[k] += n;
  }
  for (const auto& [group, members] : joined)
    group_canon_[group] = best_of(members, [this](const std::string& k) { return display(kOrg, k, k).size(); });
  // A firm of two one-word names ("Standard and Poor's", "Wagner and Brown") is what an article
  // naming both pieces means.
  for (const auto& [group, canon] : group_canon_) {
    const auto w = words_of(group);
    if (w.size() == 3 && (w[1] == "and" || w[1] == "&"))
      pieces_.emplace(std::make_pair(std::string(bare(w[0])), std::string(bare(w[2]))), group);
  }
}

void Linker::join_pieces(std::array<Keyed, 3>& lists) const {
  if (pieces_.empty()) return;
  std::vector<std::string> keys;
  for (const auto& list : lists)
    for (const auto& kv : list)
      if (kv.first.find(' ') == std::string::npos) keys.emplace_back(bare(kv.first));
  const std::unordered_set<std::string> present(keys.begin(), keys.end());
  for (const auto& x : keys) {
    // Only the keys that begin a known pair with x are looked at (all pairs of a hostile
    // article's tens of thousands of one-word names would be billions of look-ups).
    std::unordered_set<std::string> partners;
    for (auto p = pieces_.lower_bound({x, std::string()}); p != pieces_.end() && p->first.first == x; ++p)
      if (p->first.second != x && present.count(p->first.second)) partners.insert(p->first.second);
    if (partners.empty()) continue;
    for (const auto& y : keys) {
      if (!partners.count(y)) continue;
      auto it = pieces_.find({x, y});
      for (auto& list : lists)
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const auto& kv) { return bare(kv.first) == x || bare(kv.first) == y; }),
                   list.end());
      const std::string& key = group_canon_.at(it->second);
      lists[1].emplace_back(key, display(kOrg, key, key));
    }
  }
}

std::string Linker::display(std::string_view facet, const std::string& key, const std::string& fallback) const {
  auto f = shown_.find(facet);
  if (f == shown_.end()) return fallback;
  auto it = f->second.find(key);
  return it == f->second.end() ? fallback : it->second;
}

std::string Linker::person_key(const std::string& key, const std::string& period) const {
  if (key.find(' ') != std::string::npos) return key;
  auto it = by_surname_.find(key);
  if (it == by_surname_.end()) return key;
  const std::set<std::string>& full = it->second;
  if (full.empty()) return key;  // its only full names were moved to another facet
  if (full.size() == 1) return *full.begin();
  // Several full names end in this surname: the one that dominates the article's year (the
  // whole archive for an undated article), if one does.
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& f : full) {
    std::size_t n = 0;
    if (period.empty()) n = full_names_.at(f);
    else if (auto p = full_in_period_.find({f, period}); p != full_in_period_.end()) n = p->second;
    ranked.emplace_back(n, f);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return std::tie(y.first, x.second) < std::tie(x.first, y.second);
  });
  if (ranked[0].first == 0) return key;
  if (static_cast<double>(ranked[0].first) < kDominance * static_cast<double>(ranked[1].first)) return key;
  return ranked[0].second;
}

ArticleNames Linker::link(const ArticleNames& a) const {
  // Each name goes to the facet the archive files it under, then is linked there.
  auto lists = filed(a);
  std::array<std::vector<std::pair<std::string, std::string>>, 3> moved;
  for (std::size_t i = 0; i < 3; ++i)
    for (auto& kv : lists[i]) {
      auto m = moved_.find({static_cast<int>(i), org_group_key(kv.first)});
      if (m != moved_.end() && m->second == kNoFacet) continue;
      moved[m == moved_.end() ? i : static_cast<std::size_t>(m->second)].push_back(std::move(kv));
    }
  // Full names that are firms' names go to the firm ("Shearson Lehman").
  for (auto it = moved[0].begin(); it != moved[0].end();) {
    auto f = firm_of_person_.find(it->first);
    if (f == firm_of_person_.end()) {
      ++it;
      continue;
    }
    const std::string& canon = group_canon_.at(f->second);
    moved[1].emplace_back(canon, display(kOrg, canon, canon));
    it = moved[0].erase(it);
  }
  join_pieces(moved);
  ArticleNames out;
  out.period = a.period;
  UniqueList person(out.person), org(out.org), place(out.place);
  for (auto& [key, shown] : moved[0]) person.push(display(kPerson, person_key(key, a.period), shown));
  for (auto& [key, shown] : moved[1]) {
    std::string group = org_group_key(key);
    if (auto m = merged_.find(group); m != merged_.end()) group = m->second;
    auto it = group_canon_.find(group);
    org.push(display(kOrg, it == group_canon_.end() ? key : it->second, shown));
  }
  for (auto& [key, shown] : moved[2]) place.push(display(kPlace, key, shown));
  return out;
}

}  // namespace newsidx::entities
