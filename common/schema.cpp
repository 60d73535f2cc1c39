// Term and value helpers for the schema declared in schema.hpp.
#include "schema.hpp"

#include <algorithm>
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

namespace {
// "fr" of "fr-FR", "en" of "en_GB": the language a page's tag names, whatever its region.
std::string_view primary_subtag(std::string_view lang) { return lang.substr(0, lang.find_first_of("-_")); }
}  // namespace

std::string value_term(std::string_view name, std::string_view raw_value) {
  if (name == "site") {
    const std::string host = site_host(raw_value);
    return host.empty() ? std::string() : filter_term(name, host);
  }
  if (name == "lang") raw_value = primary_subtag(raw_value);
  const std::string key = name == "country" ? canonical::ascii_lower(raw_value) : canonical::fold_key(raw_value);
  return key.empty() ? std::string() : filter_term(name, key);
}

std::string site_host(std::string_view url) {
  std::string_view u = url;
  while (!u.empty() && (u.front() == ' ' || u.front() == '\t')) u.remove_prefix(1);
  if (const auto scheme = u.find("://"); scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  else if (u.rfind("//", 0) == 0) u.remove_prefix(2);
  u = u.substr(0, u.find_first_of("/?#"));
  if (const auto at = u.rfind('@'); at != std::string_view::npos) u.remove_prefix(at + 1);
  if (const auto colon = u.find(':'); colon != std::string_view::npos) u = u.substr(0, colon);
  while (!u.empty() && u.back() == '.') u.remove_suffix(1);
  std::string host;
  for (char c : u) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    const bool upper = c >= 'A' && c <= 'Z';
    if (!ok && !upper) return {};  // a path, a blank, a mail address: no host
    host += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos || host.front() == '.' || host.find("..") != std::string::npos) return {};
  return host;
}

std::vector<std::string> site_terms(std::string_view url) {
  std::vector<std::string> out;
  std::string host = site_host(url);
  for (std::size_t dot; !host.empty() && (dot = host.find('.')) != std::string::npos; host.erase(0, dot + 1))
    out.push_back(filter_term("site", host));
  return out;
}

std::string display_value(std::string_view name, std::string_view raw) {
  if (name == "lang") return canonical::ascii_lower(primary_subtag(raw));
  if (name == "site") return site_host(raw);
  std::string out;
  bool space = false;
  for (char c : raw) {
    // ASCII blanks and line breaks; a no-break space stays (it is rare in a byline or a name).
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> author_names(std::string_view byline) {
  // Readers join several names with ", " (feeds, NewsML-G2, JSON Lines lists); bylines written
  // by hand use "and", "&" or ";".
  std::string text(byline);
  for (const char* sep : {" and ", " AND ", " & "}) {
    for (std::size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, at + 1))
      text.replace(at, std::string_view(sep).size(), ",");
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find_first_of(",;|", start), text.size());
    std::string name = display_value("author", std::string_view(text).substr(start, end - start));
    // A part that starts with a digit is the date a byline ran into ("Nathan Willis March 25,
    // 2015"), no name.
    if (!name.empty() && name[0] >= '0' && name[0] <= '9') name.clear();
    // "Ana Lima" and "ANA LIMA" in one byline are one author (one term: value_term).
    const bool seen = std::any_of(out.begin(), out.end(), [&](const std::string& o) {
      return canonical::fold_key(o) == canonical::fold_key(name);
    });
    if (!name.empty() && !seen) out.push_back(std::move(name));
    start = end + 1;
  }
  return out;
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
