// The alias table both tools read: other names of one entity ("Kiev" for "Kyiv", "Lib Dems"
// for "Liberal Democrats"), so that the indexer stores one facet value per entity and a query
// for either name finds both. A built-in default, extended by a user's TSV file (--aliases FILE
// or the configuration key "aliases").
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/article.hpp"
#include "common/result.hpp"

namespace newsidx::aliases {

/// A line of an alias file that could not be used, and why (it is skipped).
struct Problem {
  std::size_t line = 0;
  std::string reason;
};

/// Alias -> canonical name, per facet (person, org, place). Looked up by canonical::fold_key of
/// the alias, so case, accents and punctuation runs do not matter.
class Table {
 public:
  /// Adds the rows of a TSV text (`alias`, `canonical name`, `facet`; '#' lines and empty lines
  /// skipped). A later row for the same alias replaces an earlier one. Bad rows are skipped
  /// and returned.
  std::vector<Problem> add_tsv(std::string_view text);

  /// The canonical name of `value` in `facet`, or `value` itself when it is no alias.
  std::string canonical(std::string_view facet, std::string_view value) const;

  /// The canonical name of a speaker, who may be a person or an organisation ("Tories" ->
  /// "Conservatives", as the org facet files them): the person row where there is one, else the
  /// org row, else `value` itself.
  std::string speaker(std::string_view value) const;

  /// True when the table has a row for `value` (as an alias) in `facet`.
  bool has(std::string_view facet, std::string_view value) const;

  /// The facet `value`, found under `facet`, belongs to: `facet` when the table has a row for it
  /// there or none anywhere; else the first of person, org and place that has one ("Tories" is no
  /// place, "Sony" no person: "org").
  std::string_view filed_facet(std::string_view facet, std::string_view value) const;

  /// False when no alias can begin where `text` begins (compared by the leading ASCII letters
  /// and digits, case aside): a cheap test before has() for every capitalised word of a text.
  /// Give the text from the word on, not a token ("Don't" may be the tokens "Do", "n't"). True
  /// when it cannot tell (the first letters run into a byte outside ASCII).
  bool may_begin(std::string_view text) const;

  /// Facets with every alias replaced by its canonical name (speakers as speaker() says),
  /// duplicates dropped (order of first appearance kept).
  Facets apply(const Facets& facets) const;

  std::size_t size() const { return map_.size(); }

 private:
  std::map<std::pair<std::string, std::string>, std::string> map_;
  std::unordered_set<std::string> heads_;  // each alias key's leading ASCII letters and digits
};

/// The built-in table (common/data/aliases.tsv, built into the binaries).
const Table& builtin();

/// The built-in table extended by the file at `path` ("" = the built-in table alone). An
/// unreadable file is an error; a bad line is a warning naming the file, line and reason
/// (returned in `warnings`) and is skipped.
Result<Table> load(const std::string& path, std::vector<std::string>& warnings);

}  // namespace newsidx::aliases
