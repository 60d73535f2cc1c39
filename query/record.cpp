// Reading hit records with a fast path for the article body.
#include "record.hpp"

#include <string_view>

#include "common/schema.hpp"

namespace newsidx::query {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits of a \u escape at data[at] (just after "\u"), or -1.
long hex4(const std::string& data, std::size_t at) {
  if (data.size() - at < 4) return -1;
  long v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int d = hex_digit(data[at + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Unescapes the JSON string whose text starts at data[start]; returns the index of its closing
// quote, or npos if it is not a string the fast path understands.
std::size_t read_string(const std::string& data, std::size_t start, std::string& out) {
  const std::size_t n = data.size();
  std::size_t i = start;
  for (;;) {
    std::size_t run = i;
    while (run < n && data[run] != '"' && data[run] != '\\' && static_cast<unsigned char>(data[run]) >= 0x20) ++run;
    out.append(data, i, run - i);
    if (run >= n || static_cast<unsigned char>(data[run]) < 0x20) return std::string::npos;
    if (data[run] == '"') return run;
    if (run + 1 >= n) return std::string::npos;
    i = run + 2;
    switch (data[run + 1]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        long cp = hex4(data, i);
        if (cp < 0) return std::string::npos;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair: \uD83D\uDE00
          if (n - i < 6 || data[i] != '\\' || data[i + 1] != 'u') return std::string::npos;
          const long low = hex4(data, i + 2);
          if (low < 0xDC00 || low > 0xDFFF) return std::string::npos;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return std::string::npos;
        }
        append_utf8(out, static_cast<unsigned long>(cp));
        break;
      }
      default: return std::string::npos;
    }
  }
}

nlohmann::json parse_whole(const std::string& data) {
  auto j = nlohmann::json::parse(data, nullptr, false);
  return j.is_discarded() ? nlohmann::json::object() : j;
}

}  // namespace

nlohmann::json parse_record(const std::string& data) {
  // The indexer writes compact JSON, so the body is `"body":"..."`. Inside a JSON string every
  // quote is escaped, so these bytes cannot occur within another value.
  static constexpr std::string_view kKey = "\"body\":\"";
  const std::size_t at = data.find(kKey);
  if (at == std::string::npos || at == 0 || (data[at - 1] != ',' && data[at - 1] != '{')) return parse_whole(data);
  const std::size_t start = at + kKey.size();
  std::string body;
  body.reserve(data.size() - start);
  const std::size_t end = read_string(data, start, body);
  if (end == std::string::npos) return parse_whole(data);
  // The rest of the record, with an empty body, goes to the general parser.
  std::string rest;
  rest.reserve(data.size() - (end - start));
  rest.append(data, 0, start).append(data, end, std::string::npos);
  auto j = nlohmann::json::parse(rest, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return parse_whole(data);
  j["body"] = std::move(body);
  return j;
}

void add_linked_facets(nlohmann::json& record, const std::function<std::string(unsigned)>& value_of) {
  auto facets = record.find("facets");
  if (facets == record.end() || !facets->is_object()) return;
  for (const auto& f : schema::kLinkedFacets)
    (*facets)[std::string(f.name)] = schema::decode_list(value_of(schema::slot(f.slot)));
}

std::string stored_path(const nlohmann::json& rec) {
  if (auto hex = rec.find("path_hex"); hex != rec.end() && hex->is_string()) {
    const auto& h = hex->get_ref<const std::string&>();
    std::string out;
    bool ok = h.size() % 2 == 0;
    for (std::size_t i = 0; ok && i < h.size(); i += 2) {
      const int hi = hex_digit(h[i]), lo = hex_digit(h[i + 1]);
      ok = hi >= 0 && lo >= 0;
      out += static_cast<char>(hi * 16 + lo);
    }
    if (ok) return out;
  }
  auto path = rec.find("path");
  return path != rec.end() && path->is_string() ? path->get<std::string>() : std::string();
}

}  // namespace newsidx::query
