// Optimal string alignment distance, and the nearest option name.
#include "edit_distance.hpp"

#include <algorithm>

namespace newsidx {

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

std::string nearest_option(std::string_view typed, const std::vector<std::string>& names) {
  const std::size_t dashes = std::min(typed.find_first_not_of('-'), typed.size());
  std::string_view name = typed.substr(dashes);
  name = name.substr(0, name.find('='));
  std::string best;
  std::size_t best_d = allowed_edits(name.size()) + 1;
  for (const auto& known : names) {
    if (known.empty()) continue;
    const std::size_t d = osa_distance(name, known, best_d - 1);
    if (d < best_d) {
      best = known;
      best_d = d;
    }
  }
  return best;
}

}  // namespace newsidx
