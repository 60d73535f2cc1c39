// Whole numbers typed as option values.
#include "cli_values.hpp"

#include <charconv>

namespace newsidx {

namespace {

// "1,000,000": ranges in messages are read by people.
std::string grouped(std::size_t n) {
  std::string s = std::to_string(n);
  for (std::size_t i = s.size(); i > 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

}  // namespace

std::optional<std::size_t> whole_number(std::string_view text, std::size_t lo, std::size_t hi) {
  std::size_t v = 0;
  const char* end = text.data() + text.size();
  const auto r = std::from_chars(text.data(), end, v);
  if (text.empty() || r.ec != std::errc{} || r.ptr != end || v < lo || v > hi) return std::nullopt;
  return v;
}

std::string range_message(std::string_view option, std::string_view text, std::size_t lo, std::size_t hi) {
  return std::string(option) + " takes a whole number from " + grouped(lo) + " to " + grouped(hi) + ", not '" +
         std::string(text) + "'";
}

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace newsidx
