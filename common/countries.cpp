// Countries: the table common/data/countries.tsv (embedded at build time) and its lookups.
#include "countries.hpp"

#include "tsv.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "canonical.hpp"

extern "C" const char newsidx_countries_tsv_begin[];
extern "C" const char newsidx_countries_tsv_end[];

namespace newsidx::countries {

namespace {

using tsv::split;

// Calls fn(fields) for every data line of the embedded country table.
template <typename Fn>
void for_each_row(const char* begin, const char* end, Fn fn) {
  tsv::for_each_row(tsv::embedded(begin, end), fn);
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  if (field.empty()) return out;
  for (std::string_view v : split(field, '|')) out.emplace_back(v);
  return out;
}

// The key without full stops, so that "U.K." also finds "UK" and "St. Lucia" finds "St Lucia".
std::string without_dots(std::string key) {
  std::string out;
  for (char c : key)
    if (c != '.') out.push_back(c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Tables {
  std::vector<Country> countries;
  std::unordered_map<std::string, std::size_t> by_code;  // upper-case alpha-2 (and alpha-4)
  std::unordered_map<std::string, std::size_t> by_key;   // folded names, aliases, codes
  std::unordered_map<std::string, std::string> reuters;  // lower-case place -> alpha-2

  void add_key(const std::string& text, std::size_t index) {
    std::string key = canonical::fold_key(text);
    if (key.empty()) return;
    // The first claim wins: current countries come first in the table, so "Burma" stays MM.
    by_key.emplace(key, index);
    by_key.emplace(without_dots(key), index);
  }

  Tables() {
    for_each_row(newsidx_countries_tsv_begin, newsidx_countries_tsv_end,
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 8) return;
                   Country c;
                   c.code = std::string(f[0]);
                   c.alpha3 = f[7] == "former" ? std::string() : std::string(f[1]);
                   c.name = std::string(f[2]);
                   c.capital = std::string(f[3]);
                   c.aliases = split_list(f[4]);
                   c.demonyms = split_list(f[5]);
                   c.successor = std::string(f[6]);
                   countries.push_back(std::move(c));
                 });
    // Keys in order of strength: short names, then codes, then aliases and demonyms.
    for (std::size_t i = 0; i < countries.size(); ++i) add_key(countries[i].name, i);
    for (std::size_t i = 0; i < countries.size(); ++i) {
      const Country& c = countries[i];
      by_code.emplace(c.code, i);
      if (!c.alpha3.empty()) {
        add_key(c.code, i);
        add_key(c.alpha3, i);
      }
    }
    for (std::size_t i = 0; i < countries.size(); ++i) {
      for (const std::string& a : countries[i].aliases) add_key(a, i);
      for (const std::string& d : countries[i].demonyms) add_key(d, i);
    }
    // Former countries also answer to their ISO 3166-3 alpha-2 code where no current country
    // holds it ("SU", "YU", "DD"; not "BY", which is Belarus).
    for_each_row(newsidx_countries_tsv_begin, newsidx_countries_tsv_end,
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 8 || f[7] != "former") return;
                   std::string alpha2(f[0].substr(0, 2));
                   by_code.emplace(alpha2, by_code.at(std::string(f[0])));
                 });
    // The last column lists the Reuters-21578 <PLACES> values filed under each current country.
    for_each_row(newsidx_countries_tsv_begin, newsidx_countries_tsv_end,
                 [this](const std::vector<std::string_view>& f) {
                   if (f.size() < 9) return;
                   for (const std::string& place : split_list(f[8]))
                     reuters.emplace(place, std::string(f[0]));
                 });
  }
};

const Tables& tables() {
  static const Tables kTables;  // function-local static: built once, thread-safe
  return kTables;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace

const std::vector<Country>& all() { return tables().countries; }

const Country* by_code(std::string_view alpha2) {
  const Tables& t = tables();
  auto it = t.by_code.find(upper(alpha2));
  return it == t.by_code.end() ? nullptr : &t.countries[it->second];
}

const Country* lookup(std::string_view text) {
  const Tables& t = tables();
  std::string key = canonical::fold_key(text);
  // News writes "the United States" and "the Kremlin": a leading article does not name anything.
  if (key.rfind("the ", 0) == 0 && !t.by_key.count(key)) key.erase(0, 4);
  auto it = t.by_key.find(key);
  if (it == t.by_key.end()) it = t.by_key.find(without_dots(key));
  return it == t.by_key.end() ? nullptr : &t.countries[it->second];
}

std::optional<std::string> resolve(std::string_view text) {
  const Country* c = lookup(text);
  if (!c) return std::nullopt;
  if (c->alpha3.empty()) {
    if (c->successor.empty()) return std::nullopt;
    return c->successor;
  }
  return c->code;
}

namespace {

std::vector<std::string> key_words(std::string_view text) {
  std::vector<std::string> words;
  std::string w;
  for (char c : canonical::fold_key(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w += c;
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

}  // namespace

std::vector<const Country*> named_in_part(std::string_view text) {
  // The small words of names ("the", "of", "and") name no country by themselves.
  static constexpr std::string_view kSmall[] = {"the", "of", "and", "da", "de", "del", "des", "du", "la", "le", "et"};
  std::vector<std::string> want = key_words(text);
  std::erase_if(want, [](const std::string& w) { return std::find(std::begin(kSmall), std::end(kSmall), w) != std::end(kSmall); });
  std::vector<const Country*> out;
  if (want.empty()) return out;
  for (const Country& c : tables().countries) {
    if (c.alpha3.empty()) continue;  // former countries file under their successors
    const std::vector<std::string> have = key_words(c.name);
    if (std::all_of(want.begin(), want.end(),
                    [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); }))
      out.push_back(&c);
  }
  return out;
}

std::optional<std::string> reuters_place(std::string_view place) {
  const Tables& t = tables();
  auto it = t.reuters.find(canonical::ascii_lower(place));
  if (it == t.reuters.end()) return std::nullopt;
  return it->second;
}

}  // namespace newsidx::countries
