// Canonical names, country salience and facets within one article.
#include "resolution.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <string_view>
#include <unordered_set>

#include "common/canonical.hpp"
#include "indexer/entities/facet_values.hpp"
#include "indexer/entities/gazetteer.hpp"
#include "indexer/entities/quotes.hpp"
#include "indexer/entities/span_context.hpp"

namespace newsidx::entities {

namespace {

std::string lower(const std::string& s) { return canonical::fold_key(s); }

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
  for (const auto& w : words) {
    if (w.empty() || kSkip.count(lower(w))) continue;
    if (w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  }
  return out;
}

std::string strip_dots(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '.') out.push_back(c);
  return out;
}

// A mention's name as the resolver compares it: its words, and the folded first and last word.
struct NameKey {
  std::vector<std::string> words;
  std::string first, last;
};

NameKey key_of(const std::string& entity) {
  NameKey k;
  k.words = name_words(entity);
  if (!k.words.empty()) {
    k.first = lower(k.words.front());
    k.last = lower(k.words.back());
  }
  return k;
}

// A full name led by an English word that is no first name ("Vote Blair" of a slogan, "Get
// Brown"): it names its surname's person no better than the full names around it.
bool weak_full_name(const NameKey& k) {
  if (k.words.size() < 2) return false;
  const Gazetteer& gaz = Gazetteer::instance();
  return gaz.is_common_word(k.first) && !gaz.is_first_name(k.words.front());
}

// Records `entity` as the full name ending in its key's last word, unless it is a weak one and
// another is recorded already.
void record_ending(std::unordered_map<std::string, std::string>& endings, const NameKey& k, const std::string& entity) {
  auto [it, fresh] = endings.try_emplace(k.last, entity);
  if (!fresh && !weak_full_name(k)) it->second = entity;
}

// Counts the resolver's look-ups and index entries, when asked (tests of its growth).
struct Counter {
  std::size_t* n = nullptr;
  void operator()(std::size_t k = 1) const {
    if (n) *n += k;
  }
};

// Each step below gives what comparing every pair of mentions in article order gave, with the
// candidates indexed by key, so that the work grows with the number of mentions, not its square
// ('John Smith Said ' 20,000 times took 46 s).
void resolve_persons(std::vector<Mention>& ms, const Counter& count) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i].type == MentionType::kPerson) idx.push_back(i);
  std::vector<NameKey> keys;
  keys.reserve(idx.size());
  for (std::size_t i : idx) keys.push_back(key_of(ms[i].entity));
  // A full name joins the longest full name with its first and last word ("George Bush" ->
  // "George W. Bush"); of several equally long, the first in the article.
  struct Longest {
    std::size_t len = 0;
    std::string entity;
  };
  std::unordered_map<std::string, Longest> longest;
  for (std::size_t k = 0; k < idx.size(); ++k) {
    if (keys[k].words.size() < 2) continue;
    count();
    Longest& l = longest[keys[k].first + '\x1f' + keys[k].last];
    if (keys[k].words.size() > l.len) l = {keys[k].words.size(), ms[idx[k]].entity};
  }
  for (std::size_t k = 0; k < idx.size(); ++k) {
    if (keys[k].words.size() < 2) continue;
    count();
    const Longest& l = longest[keys[k].first + '\x1f' + keys[k].last];
    if (l.len > keys[k].words.size()) {
      ms[idx[k]].entity = l.entity;
      keys[k] = key_of(l.entity);
    }
  }
  // A single word joins the nearest earlier full name ending in it, else the last full name
  // ending in it (a weak full name, weak_full_name, only where no other ends in it); a first name alone joins the one full name starting with it. Full names are
  // only ever copied, so the later and first-name indexes are made once; the nearest earlier
  // one follows the article.
  std::unordered_map<std::string, std::string> last_ending;
  std::unordered_map<std::string, std::pair<std::string, bool>> starting;  // entity, unique
  for (std::size_t k = 0; k < idx.size(); ++k) {
    if (keys[k].words.size() < 2) continue;
    count();
    record_ending(last_ending, keys[k], ms[idx[k]].entity);
    auto [it, fresh] = starting.try_emplace(keys[k].first, ms[idx[k]].entity, true);
    if (!fresh && it->second.first != ms[idx[k]].entity) it->second.second = false;
  }
  std::unordered_map<std::string, std::string> earlier_ending;
  for (std::size_t k = 0; k < idx.size(); ++k) {
    Mention& m = ms[idx[k]];
    // A weak full name of two words is the person another full name ending in its surname
    // names ("Vote Blair" in an article about Tony Blair, "De Clercq" of Willy De Clercq), when
    // that one is not weak too ("Cor van der Klugt" is kept: longer names are not guessed at).
    if (keys[k].words.size() == 2 && weak_full_name(keys[k])) {
      count();
      if (auto it = last_ending.find(keys[k].last);
          it != last_ending.end() && it->second != m.entity && !weak_full_name(key_of(it->second))) {
        m.entity = it->second;
        keys[k] = key_of(m.entity);
      }
    }
    if (keys[k].words.size() == 1) {
      const std::string& w = keys[k].first;
      count(3);
      const std::string* match = nullptr;
      if (auto it = earlier_ending.find(w); it != earlier_ending.end()) match = &it->second;
      else if (auto it2 = last_ending.find(w); it2 != last_ending.end()) match = &it2->second;
      else if (auto it3 = starting.find(w); it3 != starting.end() && it3->second.second) match = &it3->second.first;
      if (match) {
        m.entity = *match;
        keys[k] = key_of(m.entity);
      }
    }
    if (keys[k].words.size() >= 2) record_ending(earlier_ending, keys[k], m.entity);
  }
}

constexpr std::size_t kLongestEnding = 12;

void resolve_orgs(std::vector<Mention>& ms, const Counter& count) {
  // An organisation joins the longest name that ends with its words ("State Department" ->
  // "U.S. State Department") or, for an acronym, whose initials it spells; of several equally
  // long, the first in the article. Names already resolved count with their new name, as when
  // all pairs were compared in order: the index holds each mention's current name.
  using Entries = std::map<std::pair<std::size_t, std::size_t>, std::string>;  // (-len, pos) -> name
  std::unordered_map<std::string, Entries> index;
  const auto index_keys = [&](const std::vector<std::string>& words) {
    std::vector<std::string> out;
    std::string suffix;
    if (!words.empty()) out.push_back("s");  // every name ends with no words at all
    // Endings of up to kLongestEnding words: a longer one names no organisation another joins,
    // and every ending of a hostile run of thousands of words would cost the square of their
    // number in memory.
    for (std::size_t s = 1; s < words.size() && s <= kLongestEnding; ++s) {
      suffix = lower(words[words.size() - s]) + (s > 1 ? "\x1f" : "") + suffix;
      out.push_back("s" + suffix);
    }
    if (words.size() >= 2) out.push_back("i" + initials(words));
    return out;
  };
  const auto add = [&](std::size_t pos, const std::string& name, bool insert) {
    const auto words = name_words(name);
    const std::pair<std::size_t, std::size_t> at{~words.size(), pos};
    for (const auto& key : index_keys(words)) {
      count();
      if (insert) index[key].emplace(at, name);
      else index[key].erase(at);
    }
  };
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i].type == MentionType::kOrg) add(i, ms[i].entity, true);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (ms[i].type != MentionType::kOrg) continue;
    const std::string name = ms[i].entity;
    const auto wi = name_words(name);
    std::string suffix;
    for (std::size_t s = 0; s < wi.size(); ++s) suffix += (s ? "\x1f" : "") + lower(wi[s]);
    const Entries* best = nullptr;
    const auto consider = [&](const std::string& key) {
      count();
      auto it = index.find(key);
      if (it == index.end() || it->second.empty()) return;
      if (!best || it->second.begin()->first < best->begin()->first) best = &it->second;
    };
    consider("s" + suffix);
    if (is_acronym(name)) consider("i" + strip_dots(name));
    if (!best) continue;
    const std::string found = best->begin()->second;
    add(i, name, false);
    ms[i].entity = found;
    add(i, found, true);
  }
}

// Appends x unless `seen` has it: distinct values in order of first appearance, in linear time.
void push_unique(std::vector<std::string>& v, std::unordered_set<std::string>& seen, const std::string& x) {
  if (seen.insert(x).second) v.push_back(x);
}

}  // namespace

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    // Drop a possessive: "Blinken's", "Blinken’s".
    for (const char* suf : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
      std::string s(suf);
      if (cur.size() > s.size() && cur.compare(cur.size() - s.size(), s.size(), s) == 0) {
        cur.resize(cur.size() - s.size());
        break;
      }
    }
    while (!cur.empty() && (cur.back() == ',' || cur.back() == ';' || cur.back() == ':')) cur.pop_back();
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '\n' || c == '\t') flush();
    else cur.push_back(c);
  }
  flush();
  return out;
}

// One name keeps one type within an article: a single word the tagger read as an organisation
// or place ("Blinken Visits Ukraine" in a headline) that is the surname of a person named in
// full elsewhere is that person (the first such person in the article).
void retype_surnames(std::vector<Mention>& ms, const Counter& count) {
  std::unordered_map<std::string, std::string> first_ending;
  for (const auto& p : ms) {
    if (p.type != MentionType::kPerson) continue;
    auto pw = name_words(p.entity);
    count();
    if (pw.size() >= 2) first_ending.try_emplace(lower(pw.back()), p.entity);
  }
  for (auto& m : ms) {
    if (m.type != MentionType::kOrg && m.type != MentionType::kPlace) continue;
    auto w = name_words(m.text);
    if (w.size() != 1) continue;
    count();
    auto it = first_ending.find(lower(w[0]));
    if (it == first_ending.end()) continue;
    m.type = MentionType::kPerson;
    m.entity = it->second;
    m.country.clear();
  }
}

void resolve_names(std::vector<Mention>& mentions, std::size_t* comparisons) {
  const Counter count{comparisons};
  resolve_persons(mentions, count);
  retype_surnames(mentions, count);
  resolve_orgs(mentions, count);
}

std::vector<std::string> salient_countries(const std::vector<Mention>& mentions,
                                           const std::optional<DatelineInfo>& dateline) {
  std::map<std::string, double> evidence;
  std::vector<std::string> order;
  for (const auto& m : mentions) {
    if (m.country.empty()) continue;
    double w = (m.type == MentionType::kPlace) ? 0.5 : 1.0;
    if (!evidence.count(m.country)) order.push_back(m.country);
    evidence[m.country] += w;
  }
  double top = 0;
  for (const auto& [c, e] : evidence) top = std::max(top, e);
  std::vector<std::string> out;
  std::string dl = dateline ? dateline->country : std::string();
  if (!dl.empty()) out.push_back(dl);
  std::stable_sort(order.begin(), order.end(),
                   [&](const std::string& a, const std::string& b) { return evidence[a] > evidence[b]; });
  for (const auto& c : order) {
    double e = evidence[c];
    if (c == dl) continue;
    // With a dateline the story's place is known: another country must be discussed, not
    // passed by. Without one, the most discussed countries are what the story is about.
    bool keep = dl.empty() ? (e >= 2.0 || e >= 0.5 * top) : e >= 2.0;
    if (keep) out.push_back(c);
  }
  return out;
}

namespace {

// A speaker that names no one: one word that no mention of the article names and that is a
// noun for a group or a role ("Authorities say", "Organizers say", "Police said", "Analysts
// said"), a post-nominal ("MP") or a generic head ("Committee"), which the attribution read off a
// sentence's subject. It stays the quotation's speaker; it is no value of the facet. The list is
// closed: firms are named by plurals and common words too ("Sears", "Boots", "Orange").
bool names_no_one(const std::string& speaker, const std::unordered_set<std::string_view>& named) {
  static constexpr std::string_view kGroups[] = {
      "authorities", "officials", "organizers", "organisers", "analysts", "police", "people", "staff",
      "residents", "witnesses", "experts", "critics", "protesters", "protestors", "demonstrators", "prosecutors",
      "investigators", "doctors", "judges", "lawmakers", "legislators", "officers", "soldiers", "troops",
      "rebels", "militants", "researchers", "scientists", "economists", "observers", "diplomats", "sources",
      "students", "teachers", "workers", "voters", "fans", "supporters", "opponents", "activists", "leaders",
      "ministers", "aides", "insiders", "executives", "traders", "dealers", "bankers", "brokers", "investors",
      "spokesmen", "spokespeople", "relatives", "neighbours", "neighbors", "villagers", "survivors", "rescuers",
      "military", "government", "commentators", "campaigners"};
  if (speaker.size() < 2 || speaker.find(' ') != std::string::npos) return false;
  if (named.count(speaker) > 0) return false;
  if (post_nominal(speaker) || not_a_name(speaker)) return true;
  const std::string lower = canonical::ascii_lower(speaker);
  return std::find(std::begin(kGroups), std::end(kGroups), lower) != std::end(kGroups);
}

}  // namespace

Facets make_facets(const std::vector<Mention>& mentions, const std::vector<Quote>& quotes,
                   const std::optional<DatelineInfo>& dateline) {
  Facets f;
  std::unordered_set<std::string> persons, orgs, places, speakers;
  if (dateline && !dateline->place.empty()) push_unique(f.place, places, dateline->place);
  for (const auto& m : mentions) {
    switch (m.type) {
      case MentionType::kPerson: push_unique(f.person, persons, m.entity); break;
      case MentionType::kOrg: push_unique(f.org, orgs, m.entity); break;
      case MentionType::kPlace: push_unique(f.place, places, m.entity); break;
      case MentionType::kCountry:
      case MentionType::kNationality: break;
    }
  }
  f.country = salient_countries(mentions, dateline);
  // What the mentions name, for names_no_one: made once, as an article may hold thousands of
  // quotations and mentions.
  std::unordered_set<std::string_view> named;
  if (!quotes.empty())  // most articles quote nobody: no set for them
    for (const auto& m : mentions) {
      named.insert(m.entity);
      named.insert(m.text);
    }
  for (const auto& q : quotes)
    if (counts_for_speaker_facet(q) && !names_no_one(*q.speaker, named))
      push_unique(f.speaker, speakers, *q.speaker);
  return f;
}

}  // namespace newsidx::entities
