// Edit distance for the hints both tools give a mistyped word: a query word, a field name, a
// command-line option.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx {

/// Edit distance counting an insertion, deletion, substitution or swap of two neighbouring
/// bytes as one edit (optimal string alignment), or `limit` + 1 when it is larger than `limit`.
std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The edits a correction may make to a word of `length` bytes: 1 below 8 bytes, else 2.
std::size_t allowed_edits(std::size_t length);

/// The name of `names` nearest to `typed` within allowed_edits of it (the first of equals), or
/// "" when none is that near. "--persn=x" is read as "persn": the leading dashes and an
/// "=value" are not part of an option's name.
std::string nearest_option(std::string_view typed, const std::vector<std::string>& names);

}  // namespace newsidx
