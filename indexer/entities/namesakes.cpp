// City or region of the same name in two countries: settled by the article's other countries.
#include "namesakes.hpp"

#include <set>
#include <string>

#include "common/canonical.hpp"

namespace newsidx::entities {

namespace {

constexpr std::uint32_t kLargeCity = 100000;

struct Namesake {
  const City* city = nullptr;
  const Region* region = nullptr;
};

// The city and region `m` may name when they lie in different countries; both null otherwise.
Namesake namesake_of(const Mention& m, const Gazetteer& gaz) {
  if (m.type != MentionType::kPlace) return {};
  const City* city = gaz.city(m.text);
  const Region* region = gaz.region(m.text);
  if (city == nullptr || region == nullptr || city->country == region->country) return {};
  return {city, region};
}

// Whether the city outranks the region when the article names both countries or neither.
// Only a large city does (Portland, Oregon, against a Jamaican parish), never a town
// (Bethlehem, South Africa, 83,654 people; Yukon, Oklahoma, against Canada's territory): a
// region's size here is the sum of the table's cities filed under it, which undercounts a
// sparse one, and a region no city is filed under has no size at all (Bethlehem, the
// Palestinian governorate).
bool larger_city(const City& city, const Region& region) {
  if (city.ambiguous || region.ours || city.population < kLargeCity) return false;
  return region.population == 0 || city.population > region.population;
}

}  // namespace

void settle_namesakes(std::vector<Mention>& mentions, const Gazetteer& gaz, const Mention* dateline) {
  std::vector<Namesake> namesakes;  // one a mention, looked up once
  namesakes.reserve(mentions.size());
  for (const Mention& m : mentions) namesakes.push_back(namesake_of(m, gaz));
  // Whether, not how often: Reuters names the US in most stories ("U.S.", its cities), and
  // counting made "Ontario" of a Canadian mine story a town in California.
  std::set<std::string> named;  // countries the article names without doubt
  if (dateline != nullptr && !dateline->country.empty()) named.insert(dateline->country);
  for (std::size_t i = 0; i < mentions.size(); ++i)
    if (!mentions[i].country.empty() && namesakes[i].city == nullptr) named.insert(mentions[i].country);
  const std::string dateline_key = dateline ? canonical::fold_key(dateline->text) : std::string();
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    const Namesake& n = namesakes[i];
    if (n.city == nullptr) continue;
    if (!dateline_key.empty() && canonical::fold_key(m.text) == dateline_key) {
      m.entity = dateline->entity;
      m.country = dateline->country;
      continue;
    }
    const bool city_named = named.count(n.city->country) > 0, region_named = named.count(n.region->country) > 0;
    // A town marked ambiguous is one named like a well-known region elsewhere: against that
    // region, no country named decides ("Florida" of a Cuban story is the US state).
    const bool city = !(n.city->ambiguous && n.region->ours) &&
                      (city_named != region_named ? city_named : larger_city(*n.city, *n.region));
    m.entity = city ? n.city->name : n.region->name;
    m.country = city ? n.city->country : n.region->country;
  }
}

}  // namespace newsidx::entities
