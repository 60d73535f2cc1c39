// The tagger's weight table (ModelData, tagger_model.hpp): filing features, dense rows.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tagger_model.hpp"

namespace newsidx::entities {

void ModelData::reserve_slots(std::size_t keys) {
  std::size_t cap = 16;
  while (cap * 7 < keys * 10) cap *= 2;
  slots.assign(cap, {});
  filter.assign((1u << 20) / 64, 0);
}

bool ModelData::place(std::uint32_t key, std::size_t first, std::size_t n) {
  const std::size_t mask = slots.size() - 1;
  std::size_t k = key & mask;
  while (slots[k].key != 0) {
    if (slots[k].key == key) return false;
    k = (k + 1) & mask;
  }
  slots[k] = Slot{key, static_cast<std::uint32_t>(first << kCountBits) | static_cast<std::uint32_t>(n)};
  const std::uint32_t bit = filter_bit(key);
  filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  return true;
}

namespace {

// True if the entries of one feature may become a dense row: tags increasing (each once, so the
// row holds every weight, and for_each_weight gives them back in the order filed) within the
// row, and no zero weight (a row cannot tell a zero weight from an absent one).
bool row_ready(const ModelData::Entry* e, std::uint32_t n, std::size_t width) {
  for (std::uint32_t j = 0; j < n; ++j) {
    if (e[j].tag >= width || e[j].weight == 0) return false;
    if (j > 0 && e[j].tag <= e[j - 1].tag) return false;
  }
  return true;
}

}  // namespace

void ModelData::densify(std::size_t width) {
  row_width = width;
  std::vector<Entry> packed;
  packed.reserve(entries.size());
  rows.clear();
  for (Slot& s : slots) {
    if (s.key == 0) continue;
    const Entry* e = entries.data() + (s.where >> kCountBits);
    const std::uint32_t n = s.where & kCountMask;
    if (n >= kDenseFrom && n != kDense && row_ready(e, n, width)) {
      const std::size_t row = rows.size() / width;
      rows.resize(rows.size() + width, 0);
      for (std::uint32_t j = 0; j < n; ++j) rows[row * width + e[j].tag] = e[j].weight;
      s.where = static_cast<std::uint32_t>(row << kCountBits) | kDense;
    } else {
      s.where = static_cast<std::uint32_t>(packed.size() << kCountBits) | n;
      packed.insert(packed.end(), e, e + n);
    }
  }
  entries = std::move(packed);
}

}  // namespace newsidx::entities
