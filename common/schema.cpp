// Term and value helpers for the schema declared in schema.hpp.
#include "schema.hpp"

#include <cstdint>
#include <stdexcept>

#include "canonical.hpp"

namespace newsidx::schema {

const Field* find_field(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string prefix(std::string_view name) {
  if (const Field* f = find_field(name)) return std::string(f->prefix);
  throw std::logic_error("schema: unknown field " + std::string(name));
}

const FacetDef* find_facet(std::string_view name) {
  for (const auto& f : kFacets)
    if (f.name == name) return &f;
  return nullptr;
}

std::string clamp_term(std::string term) {
  // Xapian refuses terms over 245 bytes. A longer term keeps a readable prefix and ends in "#"
  // and 16 hex digits of a hash of the whole term, so two long values that differ only past
  // the cut (two long URLs, two deep paths) stay two terms.
  constexpr std::size_t kMax = 240, kHash = 17;
  if (term.size() <= kMax) return term;
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a, 64 bits
  for (unsigned char c : term) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::size_t cut = kMax - kHash;
  // Step back over UTF-8 continuation bytes so the term stays valid UTF-8.
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  term.resize(cut);
  term += '#';
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i) term += kHex[(h >> (4 * i)) & 0xF];
  return term;
}

std::string id_term(std::string_view id) { return clamp_term(prefix("id") + std::string(id)); }
std::string file_term(std::string_view path) { return clamp_term(prefix("file") + std::string(path)); }
std::string type_term(std::string_view type) { return prefix("type") + std::string(type); }
std::string parent_term(std::string_view article_id) {
  return clamp_term(prefix("parent") + std::string(article_id));
}
std::string quote_id(std::string_view article_id, std::size_t n) {
  return std::string(article_id) + "#q" + std::to_string(n);
}
std::string filter_term(std::string_view name, std::string_view normalised_value) {
  return clamp_term(prefix(name) + std::string(normalised_value));
}

std::string value_term(std::string_view name, std::string_view raw_value) {
  const std::string key = name == "country" ? canonical::ascii_lower(raw_value) : canonical::fold_key(raw_value);
  return key.empty() ? std::string() : filter_term(name, key);
}

std::vector<std::string> date_terms(std::string_view d) {
  if (d.size() != 10) return {};
  std::string ymd = std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
  return {std::string(kDayPrefix) + ymd, std::string(kMonthPrefix) + ymd.substr(0, 6),
          std::string(kYearPrefix) + ymd.substr(0, 4)};
}

std::string date_value(std::string_view d) {
  if (d.size() != 10) return {};
  return std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
}

std::string encode_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    // Length as a 7-bit varint, then the bytes.
    std::size_t n = s.size();
    while (n >= 0x80) {
      out.push_back(static_cast<char>((n & 0x7F) | 0x80));
      n >>= 7;
    }
    out.push_back(static_cast<char>(n));
    out += s;
  }
  return out;
}

std::vector<std::string> decode_list(std::string_view e) {
  std::vector<std::string> out;
  for_each_list_item(e, [&](std::string_view item) { out.emplace_back(item); });
  return out;
}

}  // namespace newsidx::schema
