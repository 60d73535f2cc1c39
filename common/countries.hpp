// Countries shared by the indexer and the query tool: ISO 3166-1 codes from names, aliases,
// codes and demonyms, so that "--country russia", "RU" and the indexer's "Russian" agree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::countries {

/// One country of ISO 3166-1 (plus Kosovo, XK), or a former country of ISO 3166-3 (see
/// common/data/README.md).
struct Country {
  std::string code;     ///< ISO 3166-1 alpha-2 ("RU"); former countries: 3166-3 alpha-4 ("SUHH")
  std::string alpha3;   ///< ISO 3166-1 alpha-3 ("RUS"), empty for former countries
  std::string name;     ///< short name as news writes it ("Russia", "South Korea")
  std::string capital;  ///< capital city ("Moscow"), empty if none
  std::vector<std::string> aliases;   ///< other names ("Russian Federation", "U.S.", "Britain")
  std::vector<std::string> demonyms;  ///< adjectives and demonyms ("Russian", "British")
  std::string successor;  ///< former countries: the alpha-2 code they count as ("SU" -> "RU")
};

/// Every country of the table, current ones first (in alpha-2 order), then former ones.
const std::vector<Country>& all();

/// The current country with that alpha-2 code, case-insensitive ("ru", "RU"), or null. A
/// former country's ISO 3166-3 alpha-2 or alpha-4 code ("SU", "SUHH", "DD") not held by a
/// current country gives the former country.
const Country* by_code(std::string_view alpha2);

/// The country that `text` names: short name, alias, alpha-2 or alpha-3 code, or demonym. Case
/// and accents are ignored. A former country's name gives the former country; use
/// `successor` (or `resolve`) for the code to file it under. Null if nothing matches.
const Country* lookup(std::string_view text);

/// The alpha-2 code to file `text` under: lookup() then, for a former country, its successor.
/// "Soviet Union" -> "RU", "West Germany" -> "DE", "russian" -> "RU".
std::optional<std::string> resolve(std::string_view text);

/// The current countries whose short name holds every word of `text` ("korea" -> North Korea,
/// South Korea; "macedonia" -> North Macedonia), in table order; case and accents ignored. For
/// a name lookup() does not know; empty when `text` has no word but the small words of names
/// ("the", "of", "and").
std::vector<const Country*> named_in_part(std::string_view text);

/// The alpha-2 code of a Reuters-21578 <PLACES> value ("usa" -> "US", "west-germany" -> "DE",
/// "ussr" -> "RU", "hong-kong" -> "HK"), or nullopt for values that are not countries or
/// territories with a code. Case-insensitive.
std::optional<std::string> reuters_place(std::string_view place);

}  // namespace newsidx::countries
