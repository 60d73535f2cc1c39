// The fields of a JSON Lines record as news exports name and shape them (jsonl_fields.hpp).
#include "indexer/readers/jsonl_fields.hpp"

#include "common/canonical.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers::jsonl_fields {
namespace {

bool blank(std::string_view s) { return trim(s).empty(); }

}  // namespace

std::string text_of(const nlohmann::json& value, std::string_view separator) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    for (const char* key : {"name", "main", "original", "text", "value", "$oid"}) {
      const auto it = value.find(key);
      if (it != value.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
  }
  if (!value.is_array()) return {};
  std::string out;
  for (const auto& item : value) {
    const std::string part = item.is_array() ? std::string() : text_of(item, separator);
    if (blank(part)) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::optional<std::string> first_text(const nlohmann::json& record, Keys keys, std::string_view separator) {
  for (const char* key : keys) {
    const auto it = record.find(key);
    if (it == record.end()) continue;
    std::string text = text_of(*it, separator);
    if (!blank(text)) return text;
  }
  return std::nullopt;
}

std::string without_cut_note(std::string body) {
  // "[+" digits " chars]" at the very end, after a space.
  constexpr std::string_view kEnd = " chars]";
  if (body.size() < kEnd.size() + 3 || body.compare(body.size() - kEnd.size(), kEnd.size(), kEnd) != 0) return body;
  std::size_t k = body.size() - kEnd.size();
  const std::size_t digits_end = k;
  while (k > 0 && body[k - 1] >= '0' && body[k - 1] <= '9') --k;
  if (k == digits_end || k < 3 || body.compare(k - 3, 3, " [+") != 0) return body;
  body.resize(k - 3);
  return body;
}

std::string without_by(std::string author) {
  const std::size_t b = author.find_first_not_of(" \t");
  if (b != std::string::npos && author.size() > b + 3 && (author[b] == 'B' || author[b] == 'b') &&
      (author[b + 1] == 'y' || author[b + 1] == 'Y') && author[b + 2] == ' ')
    author.erase(0, b + 3);
  return author;
}

std::string language_tag(std::string_view given) {
  const std::string tag = canonical::ascii_lower(trim(given));
  return tag == "english" || tag == "eng" ? "en" : tag;
}

std::vector<std::string> tags_of(const nlohmann::json& record) {
  std::vector<std::string> tags;
  for (const char* key : kTags) {
    const auto it = record.find(key);
    if (it == record.end()) continue;
    if (it->is_string()) {
      const std::string s = it->get<std::string>();
      if (std::string_view(key) != "keywords") {
        if (!blank(s)) tags.push_back(s);
      } else {
        for (std::size_t i = 0; i <= s.size();) {
          const std::size_t j = std::min(s.size(), s.find(',', i));
          if (std::string t(trim(std::string_view(s).substr(i, j - i))); !t.empty()) tags.push_back(std::move(t));
          i = j + 1;
        }
      }
    } else if (it->is_array()) {
      for (const auto& item : *it) {
        const auto value = item.is_object() ? item.find("value") : item.end();
        std::string t = value != item.end() && value->is_string() ? value->get<std::string>()
                        : item.is_array()                         ? std::string()
                                                                  : text_of(item, ", ");
        if (!blank(t)) tags.push_back(std::move(t));
      }
    }
    if (!tags.empty()) return tags;
  }
  return tags;
}

std::string body_keys_named() {
  std::string out;
  for (const char* key : kBody) (out += key) += ", ";
  std::size_t left = kSummary.size();
  for (const char* key : kSummary) {
    out += key;
    if (--left > 0) out += left == 1 ? " or " : ", ";
  }
  return out;
}

}  // namespace newsidx::readers::jsonl_fields
