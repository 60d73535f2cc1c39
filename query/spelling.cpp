// Filtering spelling corrections.
#include "spelling.hpp"

#include <algorithm>
#include <vector>

namespace newsidx::query {

namespace {

struct Word {
  std::size_t begin, end;
};

// Words as the suggestion compares them: runs of ASCII letters and digits and non-ASCII bytes.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  auto is_word = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
  };
  while (i < text.size()) {
    if (!is_word(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_word(text[j])) ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::size_t osa_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows: the one before the previous is needed for swaps.
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

std::size_t allowed_edits(std::size_t length) { return length < 8 ? 1 : 2; }

std::string accepted_correction(std::string_view typed, std::string_view corrected,
                                const std::function<bool(const std::string&)>& known) {
  const auto from = words_of(typed), to = words_of(corrected);
  if (from.size() != to.size()) return {};
  std::string out;
  std::size_t copied = 0;  // bytes of `typed` already in `out`
  bool replaced = false;
  for (std::size_t i = 0; i < from.size(); ++i) {
    const std::string was = lower(typed.substr(from[i].begin, from[i].end - from[i].begin));
    const std::string now = lower(corrected.substr(to[i].begin, to[i].end - to[i].begin));
    if (was == now || known(was)) continue;
    const std::size_t limit = allowed_edits(was.size());
    if (osa_distance(was, now, limit) > limit) continue;
    out.append(typed.substr(copied, from[i].begin - copied));
    out += now;
    copied = from[i].end;
    replaced = true;
  }
  if (!replaced) return {};
  out.append(typed.substr(copied));
  return out;
}

}  // namespace newsidx::query
