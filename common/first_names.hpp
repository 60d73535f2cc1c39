// Given names and the sex their bearers mostly have: the table indexer/entities/data/first_names.tsv
// (US census and other sources, see the README beside it), built into newsidx_common so that
// both tools read one copy. The indexer's gazetteer reads the same bytes for its own lookups.
#pragma once

#include <string_view>

namespace newsidx::first_names {

/// The sex a given name's bearers mostly have, as the table says: "M", "F", "B" (both), or a
/// name the table does not hold.
enum class Sex { kUnknown, kMale, kFemale, kBoth };

/// The sex a row's code gives: "F", "M", "B"; anything else kUnknown.
Sex sex_of_code(std::string_view code);

/// The table's sex for `first` (case, accents and punctuation aside): "Cherie" -> kFemale.
Sex sex_of(std::string_view first);

/// The embedded table's bytes (TSV: name, sex, percent, source; '#' lines are comments).
std::string_view table();

}  // namespace newsidx::first_names
