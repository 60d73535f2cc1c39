// Canonical names, country salience and facets within one article.
#include "resolution.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/canonical.hpp"
#include "indexer/entities/quotes.hpp"

namespace newsidx::entities {

namespace {

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

void resolve_persons(std::vector<Mention>& ms) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i].type == MentionType::kPerson) idx.push_back(i);
  // A full name joins a longer full name ending in it ("George Bush" -> "George W. Bush").
  for (std::size_t i : idx) {
    auto wi = name_words(ms[i].entity);
    if (wi.size() < 2) continue;
    std::string best;
    std::size_t best_len = wi.size();
    for (std::size_t j : idx) {
      auto wj = name_words(ms[j].entity);
      if (wj.size() > best_len && lower(wj.back()) == lower(wi.back()) &&
          lower(wj.front()) == lower(wi.front())) {
        best = ms[j].entity;
        best_len = wj.size();
      }
    }
    if (!best.empty()) ms[i].entity = best;
  }
  // A single word joins the nearest earlier full name ending (or, failing that, any full name
  // ending) in it; a first name alone joins the one full name starting with it.
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
}

void resolve_orgs(std::vector<Mention>& ms) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (ms[i].type == MentionType::kOrg) idx.push_back(i);
  for (std::size_t i : idx) {
    const std::string name = ms[i].entity;
    auto wi = name_words(name);
    std::string best;
    std::size_t best_len = wi.size();
    for (std::size_t j : idx) {
      auto wj = name_words(ms[j].entity);
      bool expands = is_acronym(name) && wj.size() >= 2 && initials(wj) == strip_dots(name);
      bool longer = wj.size() > best_len && ends_with_words(wj, wi);
      if ((expands && wj.size() > best_len) || longer) {
        best = ms[j].entity;
        best_len = wj.size();
      }
    }
    if (!best.empty()) ms[i].entity = best;
  }
}

template <typename T>
void push_unique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
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
// full elsewhere is that person.
void retype_surnames(std::vector<Mention>& ms) {
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
}

void resolve_names(std::vector<Mention>& mentions) {
  resolve_persons(mentions);
  retype_surnames(mentions);
  resolve_orgs(mentions);
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

Facets make_facets(const std::vector<Mention>& mentions, const std::vector<Quote>& quotes,
                   const std::optional<DatelineInfo>& dateline) {
  Facets f;
  if (dateline && !dateline->place.empty()) push_unique(f.place, dateline->place);
  for (const auto& m : mentions) {
    switch (m.type) {
      case MentionType::kPerson: push_unique(f.person, m.entity); break;
      case MentionType::kOrg: push_unique(f.org, m.entity); break;
      case MentionType::kPlace: push_unique(f.place, m.entity); break;
      case MentionType::kCountry:
      case MentionType::kNationality: break;
    }
  }
  f.country = salient_countries(mentions, dateline);
  for (const auto& q : quotes)
    if (counts_for_speaker_facet(q)) push_unique(f.speaker, *q.speaker);
  return f;
}

}  // namespace newsidx::entities
