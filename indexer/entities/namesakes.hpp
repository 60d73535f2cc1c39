// Places whose name is a city of one country and a region of another ("Manchester": the English
// city and a Jamaican parish; "Santiago": Chile's capital and a Dominican province): which one an
// article means, from the countries it names elsewhere, else from their sizes.
#pragma once

#include <vector>

#include "common/article.hpp"
#include "indexer/entities/gazetteer.hpp"

namespace newsidx::entities {

/// Settles each place mention of `mentions` whose name is a city of one country and a region of
/// another. One named as the dateline's place (`dateline`, may be null) is what the dateline
/// made of it ("MANCHESTER, N.H." then "Manchester": New Hampshire's). A town the gazetteer
/// marks ambiguous never outranks one of the authors' well-known regions ("Florida",
/// "Ontario"). Otherwise the one whose country alone the article names elsewhere (as a country,
/// an adjective, a place not itself such a namesake: "Canadian", "Toronto"; the dateline's
/// country counts); when it names both or neither, the city if it has 100,000 people or more and
/// more than the region (any region of unknown size), is not marked ambiguous and the region is
/// not a well-known one, else the region.
void settle_namesakes(std::vector<Mention>& mentions, const Gazetteer& gaz, const Mention* dateline);

}  // namespace newsidx::entities
