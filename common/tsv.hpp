// Reading the tab-separated tables built into the binaries (countries, gazetteers).
#pragma once

#include <string_view>
#include <vector>

namespace newsidx::tsv {

/// Splits `line` at every `sep`; an empty field stays as an empty view.
inline std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = line.find(sep, start);
    out.push_back(line.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

/// Calls fn(fields) for every data line of a TSV table; empty lines and lines starting with '#'
/// (comments, headers) are skipped.
template <typename Fn>
void for_each_row(std::string_view text, Fn fn) {
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    fn(split(line, '\t'));
  }
}

/// The bytes between two symbols made by newsidx_embed (cmake/Embed.cmake).
inline std::string_view embedded(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

}  // namespace newsidx::tsv
