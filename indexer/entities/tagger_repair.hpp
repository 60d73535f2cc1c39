// Rules applied to the tagger's spans after decoding: general repairs of errors a sequence
// model makes one sentence at a time (a name broken at a middle initial, a title read as a
// person, one name given several types in one document). Each is chosen by cross-validation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tagger.hpp"

namespace newsidx::entities {

/// The repairs the built-in tagger runs (chosen by cross-validation, QUALITY.md).
SpanRepairs default_repairs();

/// True for a middle initial: one capital letter, alone or with a full stop ("W", "F.").
bool is_initial(std::string_view word);

/// True for an honorific that stands before a name and is never one ("Mr", "Mrs.", "Dr", "Sir");
/// not titles that are also surnames ("King", "Judge").
bool is_honorific(std::string_view word);

/// Applies `which` to `spans` (token spans into `words`, in order, not overlapping); spans stay
/// in order.
void repair_spans(const std::vector<std::string_view>& words, std::vector<EntitySpan>& spans,
                  const SpanRepairs& which);

}  // namespace newsidx::entities
