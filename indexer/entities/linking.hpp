// Archive-level linking: one facet value per entity across the whole archive. A one-word person
// name the archive knows in full ("Blair" -> "Tony Blair"; "Bush" only where one Bush dominates
// the article's year), organisation short forms, plurals and acronyms ("Liberal Democrat",
// "Exxon", "EU" -> "Liberal Democrats", "Exxon Corp", "European Union"), one type per name
// (a name filed mostly as an organisation is one everywhere; a full name that begins the names
// of firms filed more often is that firm: "Shearson Lehman"), the alias table, and one spelling
// per value; the pieces of a firm the archive names "X and Y" are that firm. Pure: built from
// every article's own names, so its result depends only on the archive's content, never on the
// order files were indexed or on partitions.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/aliases.hpp"

namespace newsidx::entities {

/// One article's names as the link step sees them: its own person, organisation and place
/// values (as extraction gave them, before any alias) and its period: the year of its date,
/// "" when undated.
struct ArticleNames {
  std::string period;
  std::vector<std::string> person, org, place;
  std::vector<std::string> works;  ///< names the article used as titles of works (no values)
  bool operator==(const ArticleNames&) const = default;
};

/// A surname is linked to a full name only when that name has at least this many times the
/// articles of the next full name with the same surname in the article's year (or in the whole
/// archive, for an undated article): "one Bush dominates the period".
inline constexpr double kDominance = 3.0;

/// A name filed under several facets in the archive ("Sony" a person in some articles, an
/// organisation in most) is moved to the facet that has at least this many times the articles
/// of each other one, and at least kTypeMinimum articles: one entity, one type.
inline constexpr double kTypeDominance = 3.0;
inline constexpr std::size_t kTypeMinimum = 3;

/// A name the articles use as the title of a work (a film, a book series: "the Harry Potter
/// films") in at least kWorkMinimum articles, and in at least one of every kWorkShare articles
/// that file it as an entity, gives no facet value anywhere.
inline constexpr std::size_t kWorkMinimum = 2;
inline constexpr double kWorkShare = 8.0;

/// The archive's statistics and the links they decide. Use: add() every article, finish(),
/// then link() any of them.
class Linker {
 public:
  explicit Linker(const aliases::Table& names) : names_(&names) {}

  /// Counts one article's own names (pass one).
  void add(const ArticleNames& a);

  /// Decides the links from what add() counted.
  void finish();

  /// The values the archive stores for an article whose own names are `a` (its period kept):
  /// aliases applied, names linked, one spelling per value, duplicates dropped (order of
  /// first appearance kept).
  ArticleNames link(const ArticleNames& a) const;

 private:
  using Counts = std::map<std::string, std::size_t>;
  using Keyed = std::vector<std::pair<std::string, std::string>>;  // (key, spelling)
  /// The article's distinct names per facet (person, org, place) after aliases: keys and
  /// spellings, a name the alias table files under another facet moved there.
  std::array<Keyed, 3> filed(const ArticleNames& a) const;
  void decide_types();
  void merge_acronyms();
  std::string person_key(const std::string& key, const std::string& period) const;
  /// Replaces the two pieces of a firm the archive names as "X and Y" (both in the article,
  /// under any facet: "Standard", "Poor") by that firm.
  void join_pieces(std::array<Keyed, 3>& lists) const;
  /// The spelling shown for `key` of `facet`, or `fallback` for a key no article added.
  std::string display(std::string_view facet, const std::string& key, const std::string& fallback) const;

  const aliases::Table* names_;
  // facet -> key (canonical::fold_key) -> spelling -> articles
  std::map<std::string, std::map<std::string, Counts>, std::less<>> spellings_;
  // facet -> key -> the spelling shown (the most frequent; finish())
  std::map<std::string, std::map<std::string, std::string>, std::less<>> shown_;
  Counts full_names_;                                   // multi-word person key -> articles
  std::map<std::pair<std::string, std::string>, std::size_t> full_in_period_;  // (key, year)
  std::map<std::string, std::set<std::string>> by_surname_;  // surname (surnames_of) -> full-name keys
  std::map<std::string, Counts> org_groups_;            // group key -> org key -> articles
  std::map<std::string, std::string> merged_;           // acronym group -> the group it spells
  std::map<std::string, std::string> group_canon_;      // group key -> key of its shown name
  std::map<std::pair<std::string, std::string>, std::string> pieces_;  // ("standard", "poor") -> group
  std::map<std::string, std::string> firm_of_person_;   // full-name key -> org group it begins
  std::map<std::string, std::array<std::size_t, 3>> type_votes_;  // group key -> articles per facet
  Counts works_;                                        // group key -> articles using it as a title
  std::map<std::pair<int, std::string>, int> moved_;   // (facet, group key) -> facet it belongs to
};

/// The schema's kOwnNames value of an article: its person, organisation and place names, and
/// back (the period is not stored there: it comes from the date).
std::string encode_own_names(const std::vector<std::string>& person, const std::vector<std::string>& org,
                             const std::vector<std::string>& place, const std::vector<std::string>& works = {});
ArticleNames decode_own_names(std::string_view value);

/// The key organisation names are grouped by (and names of any facet are type-voted by): the
/// folded name without a leading "The" or "U.S.", without a trailing company suffix ("Corp",
/// "Inc.", "plc", "Party", "Board", "Investors Service", ...), with "&" read as "and" and a
/// possessive or plural "s" of its last word dropped: "Exxon Corp."
/// and "Exxon" -> "exxon"; "Liberal Democrats" -> "liberal democrat"; "Labour Party" -> "labour".
std::string org_group_key(std::string_view name);

}  // namespace newsidx::entities
