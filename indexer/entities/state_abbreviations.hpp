// AP-style abbreviations of US states and Canadian provinces ("Ky.", "Ont."): after a town in a
// dateline or a sentence ("Savannah, Ga."), never the country whose ISO code they spell ("Ga." is
// not Gabon, "Ind." not India, "N.C." not New Caledonia).
#pragma once

#include <string_view>

namespace newsidx::entities {

struct StateAbbreviation {
  std::string_view abbreviation;  ///< as AP style writes it: "Ga.", "N.C.", "Calif"
  std::string_view name;          ///< "Georgia", "North Carolina", "California"
  std::string_view country;       ///< "US" or "CA"
};

/// The state or province `text` abbreviates, ignoring case, or null.
const StateAbbreviation* state_abbreviation(std::string_view text);

}  // namespace newsidx::entities
