// Whole numbers typed as option values, read the same way by both tools: Boost reads "-1" as
// the largest unsigned number, which for --jobs or --limit is no user's meaning.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsidx {

/// `text` as a whole number in [lo, hi] (digits only), or nullopt.
std::optional<std::size_t> whole_number(std::string_view text, std::size_t lo, std::size_t hi);

/// "--jobs takes a whole number from 0 to 256, not '-1'": the message for a value
/// whole_number refused.
std::string range_message(std::string_view option, std::string_view text, std::size_t lo, std::size_t hi);

}  // namespace newsidx
