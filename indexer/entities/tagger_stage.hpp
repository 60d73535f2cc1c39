// Two-stage tagging (Ratinov & Roth 2009, prediction aggregation): what a first-pass tagger said
// about the other occurrences of a word in the document, the extra feature of a second pass.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
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

/// Extra second-pass features, bits of aggregate_types' `extras` (newsidx-train-ner
/// --stage-extras letters): none by default, as the shipped ner2.model was trained.
inline constexpr unsigned kStageStrength = 1;  ///< "s": the majority joined with its strength
inline constexpr unsigned kStageLonger = 2;    ///< "l": the type of the longer names holding the word
/// "i": a word's occurrences are grouped whatever their case ("JAPAN" of a headline with "Japan")
inline constexpr unsigned kStageCaseless = 4;
/// Reads letters among "sli" (in that order; "" or "none" for none); nullopt if malformed.
std::optional<unsigned> parse_stage_extras(std::string_view spec);

/// The parts of an aggregation value: the majority type (kStageNone, kStageO or stage_value),
/// its strength (0 none, 1 one other occurrence, 2 several others all of one type, 3 several
/// others, a majority of them), and the type the first pass gave most of the spans of two or
/// more words that hold the word at another position (kStageNone: none, a tie, or a word that
/// ends a person's name of several words in the document: a surname).
struct StageParts {
  std::int8_t majority = kStageNone;
  std::uint8_t strength = 0;
  std::int8_t longer = kStageNone;
  bool operator==(const StageParts&) const = default;
};
/// One value a token for the parts (kStageNone when every part is absent; the plain majority
/// values kStageO and stage_value(t) when only it is present).
std::int8_t pack_stage(const StageParts& parts);
/// The parts of a value pack_stage made.
StageParts unpack_stage(std::int8_t value);

/// Per token of `words`: for a capitalised word (its first byte 'A'-'Z') that occurs more than
/// once in the document (the same bytes, case included), the type that `first` (the first pass's
/// spans, token indices into `words`) gave most of its OTHER occurrences, a token outside every
/// span counting as kStageO, and a one-word span of another type whose word ends a person's name
/// of several words in the document as a person ("Lynch" read as ORG after "Loretta E. Lynch":
/// the analysis files such a surname under the person, and without this one error of the first
/// pass spread to every occurrence); kStageNone for other words, a word met once, a tie at the
/// top among the other occurrences, or a word whose occurrences the first pass split evenly
/// between types (each would be told the other's type).
/// With `extras` (kStageStrength, kStageLonger) the value packs those parts too (pack_stage);
/// with kStageCaseless the occurrences of a word are those of any case.
/// Linear in the document's length (a word repeated thousands of times costs no square).
/// Training (newsidx-train-ner) and tagging both call this, so they cannot drift apart.
std::vector<std::int8_t> aggregate_types(const std::vector<std::string_view>& words,
                                         const std::vector<EntitySpan>& first, unsigned extras = 0);

/// The feature name of a plain aggregation value ("tsm:O", "tsm:PER", ...); "" for kStageNone
/// or a value with other parts.
std::string_view stage_feature_name(std::int8_t value);

/// The feature names of any aggregation value, written to out: "tsm:ORG", with its strength
/// "tsm:ORG:2", the longer names' type "tsl:ORG"; returns their number (0 for kStageNone).
std::size_t stage_feature_names(std::int8_t value, std::array<std::string_view, 3>& out);

}  // namespace newsidx::entities
