// Which "did you mean" corrections to offer. Xapian's spelling table proposes a more frequent
// word for any word it can, even one the archive holds ("zurich" -> "rich", "sao" -> "san"); this
// keeps only the replacements of words the archive does not hold that change the word little.
// Pure: the archive is asked through a callback.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace newsidx::query {

/// Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
/// bytes as one edit (optimal string alignment), or `limit` + 1 when it is larger than `limit`.
std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The edits a correction may make to a word of `length` bytes: 1 below 8 bytes, else 2.
std::size_t allowed_edits(std::size_t length);

/// `typed` with the replacements of Xapian's `corrected` (the same text with some words
/// replaced) that are worth offering: a word is replaced only when `known` (asked with the
/// lower-case word) says the archive does not hold it and the replacement is within
/// allowed_edits of it. "" when no replacement is left or the two texts do not align word by word.
std::string accepted_correction(std::string_view typed, std::string_view corrected,
                                const std::function<bool(const std::string&)>& known);

}  // namespace newsidx::query
