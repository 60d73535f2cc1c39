// Gazetteer: hash maps built once from the tables embedded from indexer/entities/data.
#include "indexer/entities/gazetteer.hpp"

#include <xapian.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "common/canonical.hpp"
#include "common/tsv.hpp"
#include "common/countries.hpp"
#include "common/first_names.hpp"

#define NEWSIDX_GAZ_TABLE(name)                      \
  extern "C" const char newsidx_gaz_##name##_begin[]; \
  extern "C" const char newsidx_gaz_##name##_end[];
NEWSIDX_GAZ_TABLE(cities)
NEWSIDX_GAZ_TABLE(regions)
NEWSIDX_GAZ_TABLE(titles)
NEWSIDX_GAZ_TABLE(org_suffixes)
NEWSIDX_GAZ_TABLE(agencies)
NEWSIDX_GAZ_TABLE(metonyms)
NEWSIDX_GAZ_TABLE(common_words)
#undef NEWSIDX_GAZ_TABLE

namespace newsidx::entities {

namespace {

constexpr std::size_t kKinds = 9;

using tsv::embedded;
using tsv::for_each_row;
using tsv::split;

std::string without_dots(std::string_view key) {
  std::string out;
  for (char c : key)
    if (c != '.') out.push_back(c);
  return out;
}

std::string strip_the(std::string key) {
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

std::string fold_token(std::string_view text) { return canonical::fold_key(text); }

// True if the text has two or more letters and none of them is lower case ("US", "AFP").
bool all_caps(std::string_view text) {
  int upper = 0;
  bool ascii = true;
  for (char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') ++upper;
  }
  if (ascii) return upper >= 2;
  upper = 0;
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    auto cat = Xapian::Unicode::get_category(*it);
    if (cat == Xapian::Unicode::LOWERCASE_LETTER) return false;
    if (cat == Xapian::Unicode::UPPERCASE_LETTER) ++upper;
  }
  return upper >= 2;
}

bool starts_upper(std::string_view text) {
  if (!text.empty() && static_cast<unsigned char>(text[0]) < 0x80) return text[0] >= 'A' && text[0] <= 'Z';
  Xapian::Utf8Iterator it(text.data(), text.size());
  if (it == Xapian::Utf8Iterator()) return false;
  auto cat = Xapian::Unicode::get_category(*it);
  return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::TITLECASE_LETTER;
}

// One gazetteer phrase: its kind, its country, and whether it must be written in capitals.
struct Entry {
  GazKind kind;
  bool caps;  // the entry is an acronym ("US", "AP"): the token may not have lower-case letters
  std::string country;
  bool capital = false;  // a city that is a national capital ("Manila")
};

// A key of the phrase dictionary: its entries, and whether longer phrases start with it.
struct Phrase {
  std::vector<Entry> entries;
  bool prefix = false;
};

bool proper(GazKind kind) { return kind != GazKind::kTitle && kind != GazKind::kOrgSuffix; }

}  // namespace

const char* to_string(GazKind kind) {
  switch (kind) {
    case GazKind::kCountry: return "country";
    case GazKind::kDemonym: return "demonym";
    case GazKind::kCity: return "city";
    case GazKind::kRegion: return "region";
    case GazKind::kFirstName: return "first_name";
    case GazKind::kTitle: return "title";
    case GazKind::kOrgSuffix: return "org_suffix";
    case GazKind::kAgency: return "agency";
    case GazKind::kMetonym: return "metonym";
  }
  return "unknown";
}

struct Gazetteer::Impl {
  std::vector<City> cities;
  std::vector<Region> regions;
  std::unordered_map<std::string, std::size_t> city_by_key, region_by_key;
  std::vector<std::vector<std::string>> region_names;  // name and aliases, for the phrase table
  std::unordered_map<std::string, std::string> metonyms;
  std::unordered_map<std::string, FirstName> first_names;
  std::unordered_set<std::string> titles, org_suffixes, agencies;
  std::unordered_set<std::string_view> common_words;  // views into the embedded table
  // Phrase dictionary for match(): the folded tokens joined by one space. Every proper prefix of
  // a multi-word phrase is a key too, marked `prefix` (with no entries if it is no phrase itself),
  // so that a scan stops as soon as no phrase can follow, with one lookup per token.
  std::unordered_map<std::string, Phrase> phrases;
  // One bit per bucket of the phrase keys' hashes (2^20 bits, 128 KB: stays in the L2 cache).
  // Four of five look-ups in match() are of a word that starts no phrase, and the hash table
  // answers each with two or three cache misses (a tenth of extraction time in a profile); the
  // filter answers most of them alone.
  std::vector<std::uint64_t> phrase_bits;

  static std::uint32_t phrase_bit(std::size_t hash) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(hash) * 0x9E3779B97F4A7C15ULL) >> 44);
  }
  // Sets the filter bit of every phrase key; after the last add_phrase.
  void index_phrases() {
    phrase_bits.assign((std::size_t{1} << 20) / 64, 0);
    for (const auto& [key, phrase] : phrases) {
      const std::uint32_t bit = phrase_bit(std::hash<std::string>{}(key));
      phrase_bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
  }
  // The phrase-table entry of a folded key, or null.
  const Phrase* find_phrase(const std::string& key) const {
    const std::uint32_t bit = phrase_bit(std::hash<std::string>{}(key));
    if ((phrase_bits[bit >> 6] >> (bit & 63) & 1u) == 0) return nullptr;
    const auto it = phrases.find(key);
    return it == phrases.end() ? nullptr : &it->second;
  }

  void add_phrase(std::string_view surface, GazKind kind, const std::string& country,
                  bool capital = false) {
    std::string key = canonical::fold_key(surface);
    if (key.empty()) return;
    Entry e{kind, all_caps(surface), country, capital};
    auto add = [&](const std::string& k) {
      auto& list = phrases[k].entries;
      for (const Entry& x : list)
        if (x.kind == kind) return;  // the first entry of a kind wins ("Georgia" stays one region)
      list.push_back(e);
      for (std::size_t sp = k.find(' '); sp != std::string::npos; sp = k.find(' ', sp + 1))
        phrases[k.substr(0, sp)].prefix = true;
    };
    add(key);
    // "U.S." may reach us as "U.S" or "US" depending on the tokenizer; titles as "Gen" or "Gen.".
    if (key.find('.') != std::string::npos) {
      std::string bare = without_dots(key);
      if (!bare.empty()) add(bare);
    }
  }

  // "Russian-backed", "pro-Russian", "Soviet-made": news glues demonyms and country names to other
  // words. Each part is looked up on its own, for countries and demonyms only, and needs a capital.
  void add_hyphen_parts(std::string_view token, std::size_t i,
                        std::array<std::size_t, kKinds>& next_free,
                        std::vector<GazMatch>& out) const {
    std::size_t start = 0;
    while (start <= token.size()) {
      std::size_t dash = token.find('-', start);
      std::string_view part = token.substr(start, dash == std::string_view::npos ? dash : dash - start);
      start = dash == std::string_view::npos ? token.size() + 1 : dash + 1;
      if (part.size() == token.size() || !starts_upper(part)) continue;
      const Phrase* phrase = find_phrase(fold_token(part));
      if (phrase == nullptr) continue;
      for (const Entry& e : phrase->entries) {
        if (e.kind != GazKind::kCountry && e.kind != GazKind::kDemonym) continue;
        if (e.caps && !all_caps(part)) continue;
        auto k = static_cast<std::size_t>(e.kind);
        if (i < next_free[k]) continue;
        out.push_back(GazMatch{i, i + 1, e.kind, e.country, true});
        next_free[k] = i + 1;
      }
    }
  }

  Impl() {
    const std::vector<std::vector<std::string>> city_names = load_cities();
    load_regions();
    load_names();
    // Countries and demonyms come from the shared table, so the indexer and the query tool agree.
    for (const countries::Country& c : countries::all()) {
      std::string code = c.alpha3.empty() ? c.successor : c.code;
      add_phrase(c.name, GazKind::kCountry, code);
      for (const std::string& a : c.aliases) add_phrase(a, GazKind::kCountry, code);
      for (const std::string& d : c.demonyms) add_phrase(d, GazKind::kDemonym, code);
    }
    for (std::size_t r = 0; r < regions.size(); ++r)
      for (const std::string& n : region_names[r]) add_phrase(n, GazKind::kRegion, regions[r].country);
    add_city_phrases(city_names);
    index_phrases();
  }

  // Cities, most populous first in the table; our alternate names are keyed first so that
  // "Washington" is the capital and not the larger of two towns of that name. Returns each
  // city's names (alternates, name, ASCII name) for the phrase table.
  std::vector<std::vector<std::string>> load_cities() {
    for_each_row(embedded(newsidx_gaz_cities_begin, newsidx_gaz_cities_end),
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 6) return;
                   City c{std::string(f[0]), std::string(f[3]), std::string(f[4]), 0,
                          f.size() > 6 && f[6] == "1"};
                   std::from_chars(f[5].data(), f[5].data() + f[5].size(), c.population);
                   cities.push_back(std::move(c));
                 });
    std::vector<std::vector<std::string>> city_names(cities.size());
    std::size_t i = 0;
    for_each_row(embedded(newsidx_gaz_cities_begin, newsidx_gaz_cities_end),
                 [&](const std::vector<std::string_view>& f) {
                   if (f.size() < 6) return;
                   for (std::string_view alt : split(f[2], '|')) {
                     if (alt.empty()) continue;
                     city_by_key.emplace(canonical::fold_key(alt), i);
                     city_names[i].emplace_back(alt);
                   }
                   city_names[i].emplace_back(f[0]);
                   if (!f[1].empty()) city_names[i].emplace_back(f[1]);
                   ++i;
                 });
    for (std::size_t c = 0; c < cities.size(); ++c)
      for (const std::string& n : city_names[c]) {
        city_by_key.emplace(canonical::fold_key(n), c);
      }
    return city_names;
  }

  void load_regions() {
    for_each_row(embedded(newsidx_gaz_regions_begin, newsidx_gaz_regions_end),
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 3) return;
                   Region r{std::string(f[0]), std::string(f[1]), std::string(f[2])};
                   r.ours = f.size() > 3 && f[3] == "ours";
                   regions.push_back(std::move(r));
                   std::vector<std::string> names{std::string(f[0])};
                   if (f.size() > 4)
                     for (std::string_view a : split(f[4], '|'))
                       if (!a.empty()) names.emplace_back(a);
                   region_names.push_back(std::move(names));
                 });
    count_region_people();
    // A name several countries give a region ("Montana": a US state and a Bulgarian province)
    // means the most populous (the table's order is by country code); at a tie, the first.
    for (std::size_t r = 0; r < regions.size(); ++r)
      for (const std::string& n : region_names[r]) {
        auto [it, added] = region_by_key.emplace(canonical::fold_key(n), r);
        if (!added && regions[r].population > regions[it->second].population) it->second = r;
      }
  }

  // Region::population: the cities' people summed by country and first-level region name, that
  // name also cut at each blank ("Kharkiv Oblast" counts for "Kharkiv"; "New South Wales" also
  // for "New South" and "New", which no region of that country is named).
  void count_region_people() {
    std::unordered_map<std::string, std::uint64_t> people;  // country '\t' folded region name
    for (const City& c : cities) {
      const std::string key = c.country + '\t' + canonical::fold_key(c.region);
      people[key] += c.population;
      for (std::size_t sp = key.find(' '); sp != std::string::npos; sp = key.find(' ', sp + 1))
        people[key.substr(0, sp)] += c.population;
    }
    for (std::size_t r = 0; r < regions.size(); ++r) {
      std::uint64_t most = 0;
      for (const std::string& n : region_names[r])
        if (auto it = people.find(regions[r].country + '\t' + canonical::fold_key(n)); it != people.end())
          most = std::max(most, it->second);
      regions[r].population = most;
    }
  }

  // Metonyms, first names, titles, organisation suffixes, agencies and common words.
  void load_names() {
    for_each_row(embedded(newsidx_gaz_metonyms_begin, newsidx_gaz_metonyms_end),
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 2) return;
                   metonyms.emplace(strip_the(canonical::fold_key(f[0])), std::string(f[1]));
                   add_phrase(f[0], GazKind::kMetonym, std::string(f[1]));
                 });
    for_each_row(newsidx::first_names::table(),
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 3) return;
                   FirstName n;
                   n.name = std::string(f[0]);
                   n.gender = newsidx::first_names::sex_of_code(f[1]);
                   n.frequency = std::stod(std::string(f[2]));
                   first_names.emplace(canonical::fold_key(f[0]), n);
                   add_phrase(f[0], GazKind::kFirstName, {});
                 });
    auto add_words = [this](std::string_view table, std::unordered_set<std::string>& set,
                            GazKind kind) {
      for_each_row(table, [&](const std::vector<std::string_view>& f) {
        std::string key = canonical::fold_key(f[0]);
        set.insert(key);
        set.insert(without_dots(key));
        add_phrase(f[0], kind, {});
      });
    };
    add_words(embedded(newsidx_gaz_titles_begin, newsidx_gaz_titles_end), titles, GazKind::kTitle);
    add_words(embedded(newsidx_gaz_org_suffixes_begin, newsidx_gaz_org_suffixes_end), org_suffixes,
              GazKind::kOrgSuffix);
    for_each_row(embedded(newsidx_gaz_agencies_begin, newsidx_gaz_agencies_end),
                 [this](const std::vector<std::string_view>& f) {
                   std::vector<std::string_view> names{f[0]};
                   if (f.size() > 1)
                     for (std::string_view a : split(f[1], '|'))
                       if (!a.empty()) names.push_back(a);
                   for (std::string_view n : names) {
                     agencies.insert(strip_the(canonical::fold_key(n)));
                     add_phrase(n, GazKind::kAgency, {});
                   }
                 });

    std::string_view words = embedded(newsidx_gaz_common_words_begin, newsidx_gaz_common_words_end);
    common_words.reserve(words.size() / 9);
    for (std::string_view w : split(words, '\n'))
      if (!w.empty()) common_words.insert(w);
  }

  // A name offers a city hit only if its most populous city (the one city() returns) is not
  // marked ambiguous; the names are added in table order so the phrase set is deterministic.
  void add_city_phrases(const std::vector<std::vector<std::string>>& city_names) {
    std::unordered_set<std::string> capitals;
    for (const countries::Country& c : countries::all())
      if (!c.capital.empty()) capitals.insert(canonical::fold_key(c.capital));
    for (std::size_t c = 0; c < cities.size(); ++c)
      for (const std::string& n : city_names[c]) {
        std::string key = canonical::fold_key(n);
        auto it = city_by_key.find(key);
        if (it == city_by_key.end() || it->second != c || cities[c].ambiguous) continue;
        bool capital = capitals.count(key) > 0 || capitals.count(canonical::fold_key(cities[c].name)) > 0;
        add_phrase(n, GazKind::kCity, cities[c].country, capital);
      }
  }
};

Gazetteer::Gazetteer() : impl_(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::instance() {
  // Built once (thread-safe) and never destroyed: freeing its tables at exit took 56 M
  // instructions of the writer thread on 925 Reuters files (issue 21), for nothing.
  static const Gazetteer* const kInstance = new Gazetteer;
  return *kInstance;
}

const City* Gazetteer::city(std::string_view name) const {
  std::string key = canonical::fold_key(name);
  auto it = impl_->city_by_key.find(key);
  // GeoNames writes "St Louis", "St Paul"; newswires "ST. LOUIS", "St. Paul".
  if (it == impl_->city_by_key.end() && key.compare(0, 4, "st. ") == 0)
    it = impl_->city_by_key.find(key.erase(2, 1));
  return it == impl_->city_by_key.end() ? nullptr : &impl_->cities[it->second];
}

const Region* Gazetteer::region(std::string_view name) const {
  auto it = impl_->region_by_key.find(canonical::fold_key(name));
  return it == impl_->region_by_key.end() ? nullptr : &impl_->regions[it->second];
}

std::optional<std::string> Gazetteer::metonym_country(std::string_view phrase) const {
  auto it = impl_->metonyms.find(strip_the(canonical::fold_key(phrase)));
  if (it == impl_->metonyms.end()) return std::nullopt;
  return it->second;
}

bool Gazetteer::is_first_name(std::string_view name) const { return first_name(name) != nullptr; }

const FirstName* Gazetteer::first_name(std::string_view name) const {
  auto it = impl_->first_names.find(canonical::fold_key(name));
  return it == impl_->first_names.end() ? nullptr : &it->second;
}

bool Gazetteer::is_title(std::string_view text) const {
  return impl_->titles.count(canonical::fold_key(text)) > 0;
}

std::size_t Gazetteer::title_length(const std::vector<std::string_view>& tokens,
                                    std::size_t begin) const {
  std::size_t best = 0;
  std::string key;
  for (std::size_t j = begin; j < tokens.size(); ++j) {
    if (j > begin) key.push_back(' ');
    key += canonical::fold_key(tokens[j]);
    if (impl_->titles.count(key)) best = j + 1 - begin;
    const Phrase* phrase = impl_->find_phrase(key);
    if (phrase == nullptr || !phrase->prefix) break;
  }
  return best;
}

bool Gazetteer::is_org_suffix(std::string_view word) const {
  return impl_->org_suffixes.count(canonical::fold_key(word)) > 0;
}

bool Gazetteer::is_news_agency(std::string_view name) const {
  return impl_->agencies.count(strip_the(canonical::fold_key(name))) > 0;
}

bool Gazetteer::is_common_word(std::string_view lower) const {
  return impl_->common_words.count(lower) > 0;
}

std::vector<GazMatch> Gazetteer::match(const std::vector<std::string_view>& tokens) const {
  std::vector<std::string> folded;
  std::vector<bool> not_caps;  // acronym entries ("US") match only all-capital tokens
  folded.reserve(tokens.size());
  not_caps.reserve(tokens.size());
  for (std::string_view t : tokens) {
    folded.push_back(fold_token(t));
    not_caps.push_back(!all_caps(t));
  }

  std::vector<GazMatch> out;
  std::array<std::size_t, kKinds> next_free{};  // per kind: first token not yet covered
  std::string key;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (folded[i].empty()) continue;
    bool capital = starts_upper(tokens[i]);
    // Longest hit of each kind starting at token i.
    std::array<const Entry*, kKinds> best{};
    std::array<std::size_t, kKinds> best_end{};
    key.clear();
    bool span_caps = true;
    for (std::size_t j = i; j < tokens.size(); ++j) {
      span_caps = span_caps && !not_caps[j];
      if (j > i) key.push_back(' ');
      key += folded[j];
      const Phrase* phrase = impl_->find_phrase(key);
      if (phrase == nullptr) break;  // neither a phrase nor the start of one
      for (const Entry& e : phrase->entries) {
        if (proper(e.kind) && !capital) continue;
        if (e.caps && !span_caps) continue;
        // In capitals a short place name cannot be told from an acronym ("ICO", the coffee
        // organisation, is also Icó in Brazil): single-token places of three letters or fewer
        // need mixed case, unless they are national capitals.
        if ((e.kind == GazKind::kCity || e.kind == GazKind::kRegion) && j == i && !not_caps[i] &&
            !e.caps && !e.capital && folded[i].size() <= 3)
          continue;
        auto k = static_cast<std::size_t>(e.kind);
        best[k] = &e;
        best_end[k] = j + 1;
      }
      if (!phrase->prefix) break;
    }
    std::size_t first_out = out.size();
    for (std::size_t k = 0; k < kKinds; ++k) {
      if (!best[k] || i < next_free[k]) continue;
      out.push_back(GazMatch{i, best_end[k], best[k]->kind, best[k]->country, false});
      next_free[k] = best_end[k];
    }
    if (tokens[i].find('-') != std::string_view::npos) impl_->add_hyphen_parts(tokens[i], i, next_free, out);
    // Longer spans first among hits that begin at the same token (std::stable_sort allocates a
    // buffer even for one hit, so one or none is left alone).
    if (out.size() - first_out > 1)
      std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
                       [](const GazMatch& a, const GazMatch& b) { return a.end > b.end; });
  }
  return out;
}

}  // namespace newsidx::entities
