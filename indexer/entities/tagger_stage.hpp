// Two-stage tagging (Ratinov & Roth 2009, prediction aggregation): what a first-pass tagger said
// about the other occurrences of a word in the document, the extra feature of a second pass.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tagger.hpp"

namespace newsidx::entities {

/// A token's aggregation feature: no feature, or the type the first pass gave most of the other
/// occurrences of its word (kStageO: most were no entity).
inline constexpr std::int8_t kStageNone = -1;
inline constexpr std::int8_t kStageO = 0;
/// The aggregation value of an entity type: 1 + its EntityType.
inline constexpr std::int8_t stage_value(EntityType type) { return static_cast<std::int8_t>(1 + static_cast<int>(type)); }

/// Per token of `words`: for a capitalised word (its first byte 'A'-'Z') that occurs more than
/// once in the document (the same bytes, case included), the type that `first` (the first pass's
/// spans, token indices into `words`) gave most of its OTHER occurrences, a token outside every
/// span counting as kStageO, and a one-word span of another type whose word ends a person's name
/// of several words in the document as a person ("Lynch" read as ORG after "Loretta E. Lynch":
/// the analysis files such a surname under the person, and without this one error of the first
/// pass spread to every occurrence); kStageNone for other words, a word met once, a tie at the
/// top among the other occurrences, or a word whose occurrences the first pass split evenly
/// between types (each would be told the other's type).
/// Linear in the document's length (a word repeated thousands of times costs no square).
/// Training (newsidx-train-ner) and tagging both call this, so they cannot drift apart.
std::vector<std::int8_t> aggregate_types(const std::vector<std::string_view>& words,
                                         const std::vector<EntitySpan>& first);

/// The feature name of an aggregation value ("tsm:O", "tsm:PER", ...); "" for kStageNone.
std::string_view stage_feature_name(std::int8_t value);

}  // namespace newsidx::entities
