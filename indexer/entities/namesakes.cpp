// City or region of the same name in two countries: settled by the article's other countries.
#include "namesakes.hpp"

#include <set>
#include <string>

namespace newsidx::entities {

namespace {

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

}  // namespace

void settle_namesakes(std::vector<Mention>& mentions, const Gazetteer& gaz, const City* dateline_city) {
  // Whether, not how often: Reuters names the US in most stories ("U.S.", its cities), and
  // counting made "Ontario" of a Canadian mine story a town in California.
  std::set<std::string> named;  // countries the article names without doubt
  for (const Mention& m : mentions)
    if (!m.country.empty() && namesake_of(m, gaz).city == nullptr) named.insert(m.country);
  for (Mention& m : mentions) {
    const Namesake n = namesake_of(m, gaz);
    if (n.city == nullptr || n.city == dateline_city) continue;
    const bool city_named = named.count(n.city->country) > 0, region_named = named.count(n.region->country) > 0;
    // A town marked ambiguous is one named like a well-known region elsewhere: against that
    // region, no country named decides ("Florida" of a Cuban story is the US state).
    bool city = false;
    if (n.city->ambiguous && n.region->ours)
      city = false;
    else if (city_named != region_named)
      city = city_named;
    else
      city = !n.city->ambiguous && !n.region->ours && n.city->population > n.region->population;
    m.entity = city ? n.city->name : n.region->name;
    m.country = city ? n.city->country : n.region->country;
  }
}

}  // namespace newsidx::entities
