// Gazetteer: lookups over the generated tables in indexer/entities/data (cities, regions, first
// names, titles, organisation suffixes, news agencies, metonyms, common words) and countries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/first_names.hpp"

namespace newsidx::entities {

/// What a gazetteer entry names. The tagger uses these as features.
enum class GazKind : std::uint8_t {
  kCountry,    ///< a country name, alias or code ("Russia", "U.S.", "Britain")
  kDemonym,    ///< a nationality adjective or demonym ("Russian", "British")
  kCity,       ///< a GeoNames city of 15,000+ people ("Kyiv", "Geneva")
  kRegion,     ///< an ISO 3166-2 subdivision or well-known region ("Crimea", "California")
  kFirstName,  ///< a US Census first name ("Antony", "Amy")
  kTitle,      ///< a title before a name ("Secretary of State", "Gen.", "President")
  kOrgSuffix,  ///< a word that ends organisation names ("Inc", "Ministry", "Party")
  kAgency,     ///< a news agency or broadcaster ("Reuters", "AFP", "VOA")
  kMetonym,    ///< a place standing for a government ("Kremlin", "White House")
};
/// Lower-case name of a kind ("country", "first_name", ...), for features and debugging.
const char* to_string(GazKind kind);

/// A gazetteer hit over a token sequence: tokens [begin, end) with its kind.
struct GazMatch {
  std::size_t begin = 0;
  std::size_t end = 0;
  GazKind kind = GazKind::kCountry;
  std::string country;  ///< ISO 3166-1 alpha-2 where the entry has one (countries, places, metonyms)
  /// True if only a hyphen-separated part of the single token matched: "Russian" in
  /// "Russian-backed" or "pro-Russian" (countries and demonyms only).
  bool partial = false;
};

/// A city (the most populous one where several share a name).
struct City {
  std::string name;       ///< GeoNames name, e.g. "Kyiv"
  std::string country;    ///< ISO 3166-1 alpha-2
  std::string region;     ///< first-level region name where known, e.g. "Kyiv City"
  std::uint32_t population = 0;
  /// True if a town of 250,000 people or fewer whose name is also a common word, first name,
  /// country or well-known region elsewhere ("March", GB; "David", PA): match() skips it.
  bool ambiguous = false;
};

/// A first-level region (ISO 3166-2 subdivision or a well-known region such as Crimea).
struct Region {
  std::string name;     ///< canonical name, e.g. "California", "Crimea"
  std::string country;  ///< ISO 3166-1 alpha-2
  std::string code;     ///< ISO 3166-2 code where it has one, e.g. "US-CA", "UA-43"
  /// People in the table's cities of the region (`cities.tsv`, mostly of 15,000 or more, whose
  /// first-level region is this name or begins with it and a blank: "Kharkiv Oblast"): how large
  /// it is, next to a city or a region of another country with its name; 0 when no city is
  /// filed under it.
  std::uint64_t population = 0;
  bool ours = false;    ///< a well-known region the newsidx authors listed (regions_extra.tsv)
};

/// Gender of a first name in the US Census lists.
/// The sex a given name's bearers mostly have (the table is common's, first_names.hpp).
using Gender = first_names::Sex;

/// A first name with its frequency (percent of the census population) and gender.
struct FirstName {
  std::string name;
  Gender gender = Gender::kUnknown;
  double frequency = 0.0;  ///< percent of people with that first name (highest of the two lists)
};

/// Read-only lookups built once from the embedded tables. All lookups ignore case and accents
/// (they go through canonical::fold_key) unless said otherwise; all are thread-safe.
class Gazetteer {
 public:
  /// The process-wide instance, built on first use (thread-safe).
  static const Gazetteer& instance();

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  /// The most populous city of that name (name, ASCII name or English alternate name), or null.
  /// A leading "St." matches GeoNames' "St" ("ST. LOUIS" is St Louis).
  const City* city(std::string_view name) const;

  /// The region of that name or English alias ("Crimean Peninsula" -> Crimea), or null. Where
  /// several countries have a region of the same name, the one listed first in the table
  /// (well-known regions first) wins.
  const Region* region(std::string_view name) const;

  /// The country a government metonym stands for: "the Kremlin" -> "RU", "White House" -> "US".
  /// A leading "the" is optional. Metonyms that are also city names are not listed.
  std::optional<std::string> metonym_country(std::string_view phrase) const;

  /// True if `name` is a census first name.
  bool is_first_name(std::string_view name) const;
  /// The first name's gender and frequency, or null.
  const FirstName* first_name(std::string_view name) const;

  /// True if `text` (one or several words) is a title: "Senator", "Secretary of State", "Gen.".
  bool is_title(std::string_view text) const;
  /// Length in tokens of the longest title starting at tokens[begin] (0 if none).
  std::size_t title_length(const std::vector<std::string_view>& tokens, std::size_t begin) const;

  /// True if the word ends organisation names: "Inc", "Corp.", "plc", "Ministry", "Party".
  bool is_org_suffix(std::string_view word) const;

  /// True if the name (one or several words) is a news agency or broadcaster: "Reuters", "AP".
  bool is_news_agency(std::string_view name) const;

  /// True if the lower-case word is an ordinary English word ("will", "may", "sunday" is not):
  /// a capitalised token that is a common word is often only sentence-initial.
  bool is_common_word(std::string_view lower) const;

  /// All gazetteer hits over the tokens. For each kind separately, hits are leftmost-longest and
  /// do not overlap; hits of different kinds may overlap ("Georgia" is a country and a region).
  /// Proper-noun kinds need the first token of the hit to start with a capital letter (ALL-CAPS
  /// text matches too); titles and organisation suffixes match in any case. A city hit is the
  /// most populous city of the name, and none when that city is marked ambiguous. A hyphenated
  /// token with no country or demonym hit of its own gives one for a part ("pro-Russian",
  /// `partial` set). Results are sorted by begin, then by longer span first.
  std::vector<GazMatch> match(const std::vector<std::string_view>& tokens) const;

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsidx::entities
