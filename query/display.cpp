// Escaping, widths, wrapping and quoting for what the printers write.
#include "display.hpp"

#include <charconv>
#include <cstdio>

namespace newsidx::query {

namespace {

// Decodes the UTF-8 character at text[i]: its code point and length, or length 0 when the
// bytes there are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF too).
struct Decoded {
  char32_t cp = 0;
  std::size_t len = 0;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  std::size_t len = 0;
  char32_t cp = 0, min = 0;
  if ((b & 0xE0) == 0xC0) len = 2, cp = b & 0x1F, min = 0x80;
  else if ((b & 0xF0) == 0xE0) len = 3, cp = b & 0x0F, min = 0x800;
  else if ((b & 0xF8) == 0xF0) len = 4, cp = b & 0x07, min = 0x10000;
  else return {};
  if (s.size() - i < len) return {};
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len};
}

bool is_marker(char c) { return c == kHighlightStart || c == kHighlightEnd; }

std::string hex_escape(const char* form, unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, form, v);
  return buf;
}

bool is_layout_space(char32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f'; }

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

// Two columns: the East Asian wide and fullwidth blocks and the emoji planes (wcwidth's view,
// kept to the ranges news text meets, without the locale wcwidth needs).
bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D;
}

}  // namespace

std::string escape_controls(std::string_view text, bool spaces, bool markers) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (markers && is_marker(text[i])) {
      out += text[i++];
      continue;
    }
    const Decoded d = decode(text, i);
    if (d.len == 0) {
      out += hex_escape("\\x%02x", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const char32_t cp = d.cp;
    if (spaces && is_layout_space(cp)) out += ' ';
    else if (!spaces && (cp == '\n' || cp == '\t')) out += static_cast<char>(cp);
    else if (cp < 0x20 || cp == 0x7F) out += hex_escape("\\x%02x", static_cast<unsigned>(cp));
    else if (cp >= 0x80 && cp <= 0x9F) out += hex_escape("\\u%04x", static_cast<unsigned>(cp));
    else out.append(text, i, d.len);
    i += d.len;
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (is_marker(text[i])) {
      ++i;
      continue;
    }
    const Decoded d = decode(text, i);
    if (d.len == 0) {
      ++w;  // shown as one replacement character, if at all
      ++i;
      continue;
    }
    if (!is_combining(d.cp)) w += is_wide(d.cp) ? 2 : 1;
    i += d.len;
  }
  return w;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t first, std::size_t rest) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    const std::size_t limit = lines.empty() ? first : rest;
    if (!line.empty() && used + 1 + w > limit) {
      lines.push_back(std::move(line));
      line.clear();
      used = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++used;
    }
    line.append(word);
    used += w;
    i = end;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string shell_quote_path(std::string_view path) {
  bool plain = true;
  for (std::size_t i = 0; i < path.size() && plain;) {
    const Decoded d = decode(path, i);
    plain = d.len != 0 && !is_control(d.cp);
    i += d.len ? d.len : 1;
  }
  if (plain) return std::string(path);
  std::string out = "$'";
  for (std::size_t i = 0; i < path.size();) {
    const Decoded d = decode(path, i);
    if (d.len == 0) {
      out += hex_escape("\\x%02x", static_cast<unsigned char>(path[i]));
      ++i;
      continue;
    }
    switch (d.cp) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      default:
        // A C1 control is written as its UTF-8 bytes, which is what the name holds.
        if (is_control(d.cp))
          for (std::size_t k = 0; k < d.len; ++k) out += hex_escape("\\x%02x", static_cast<unsigned char>(path[i + k]));
        else
          out.append(path, i, d.len);
    }
    i += d.len;
  }
  return out + "'";
}

std::string csv_field(std::string_view value) {
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool use_color(bool is_terminal, const char* no_color, const char* term) {
  if (!is_terminal) return false;
  if (no_color && *no_color) return false;
  return !(term && std::string_view(term) == "dumb");
}

std::size_t output_width(const char* columns, int terminal_columns) {
  constexpr std::size_t kDefault = 80, kMin = 20;
  std::size_t w = kDefault;
  bool from_env = false;
  if (columns && *columns) {
    const std::string_view s(columns);
    std::size_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc{} && r.ptr == s.data() + s.size() && v > 0) {
      w = v;
      from_env = true;
    }
  }
  if (!from_env && terminal_columns > 0) w = static_cast<std::size_t>(terminal_columns);
  return w < kMin ? kMin : w;
}

std::string count_noun(std::size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace newsidx::query
