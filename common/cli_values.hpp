// Whole numbers typed as option values, read the same way by both tools: Boost reads "-1" as
// the largest unsigned number, which for --jobs or --limit is no user's meaning.
#pragma once

#include <algorithm>
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

/// True for "" and text of spaces and tabs only.
bool is_blank(std::string_view text);

/// The name of the first option in `options` (Boost's `parsed_options::options`) typed with an
/// empty or blank value ("--date ''", "--person \"$NAME\"" with the variable unset), "" when
/// none was: such a filter would silently filter nothing or find nothing. Positional arguments
/// come under their option's name ("archive"); `allowed` names one that may be blank.
template <class Options>
std::string blank_valued_option(const Options& options, std::string_view allowed = {}) {
  for (const auto& opt : options)
    if (opt.string_key != allowed &&
        std::any_of(opt.value.begin(), opt.value.end(), [](const std::string& v) { return is_blank(v); }))
      return opt.string_key;
  return {};
}

}  // namespace newsidx
