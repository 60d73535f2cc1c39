// Byte-level text clean-up shared by the readers (see encoding.hpp).
#include "indexer/readers/encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace newsidx::readers {
namespace {

unsigned char byte_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

bool is_continuation(unsigned char b) { return (b & 0xC0U) == 0x80U; }

// Windows-1252 0x80-0x9F. Zero marks the five undefined positions, which keep their Latin-1
// (C1 control) code point.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};
// HTML 4's references outside Latin-1's upper half (which kLatin1Names spells): markup, and the
// typography that pages saved from word processors carry (`&rsquo;`, `&mdash;`, `&euro;`).
constexpr std::array<NamedReference, 39> kNamedReferences = {{
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122}}};

// HTML 4's names of U+00A0 to U+00FF, in code point order.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// The code point a named reference spells, or 0 for a name HTML 4 does not define.
char32_t named_reference(std::string_view name) {
  for (const auto& ref : kNamedReferences)
    if (ref.name == name) return ref.code_point;
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i)
    if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
  return 0;
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    const unsigned char b = byte_at(bytes, i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b & 0xE0U) == 0xC0U) {
      len = 2, cp = b & 0x1FU, min = 0x80;
    } else if ((b & 0xF0U) == 0xE0U) {
      len = 3, cp = b & 0x0FU, min = 0x800;
    } else if ((b & 0xF8U) == 0xF0U) {
      len = 4, cp = b & 0x07U, min = 0x10000;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char c = byte_at(bytes, i + k);
      if (!is_continuation(c)) return false;
      cp = (cp << 6U) | (c & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char b = byte_at(bytes, i);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else if (b < 0xA0 && kCp1252High[b - 0x80U] != 0) {
      append_utf8(out, kCp1252High[b - 0x80U]);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

std::string normalise_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::optional<std::string> utf16_to_utf8(std::string_view bytes) {
  if (bytes.size() < 2) return std::nullopt;
  const auto b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
  const bool little = b0 == 0xFF && b1 == 0xFE, big = b0 == 0xFE && b1 == 0xFF;
  if (!little && !big) return std::nullopt;
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto lo = static_cast<unsigned char>(bytes[i + (little ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(bytes[i + (little ? 1 : 0)]);
    return static_cast<char32_t>(hi << 8 | lo);
  };
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, u >= 0xD800 && u <= 0xDFFF ? char32_t{0xFFFD} : u);
  }
  if (i < bytes.size()) append_utf8(out, 0xFFFD);
  return out;
}

DecodedText decode_text(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  DecodedText result;
  if (is_valid_utf8(bytes)) {
    result.text = normalise_newlines(bytes);
  } else {
    result.text = normalise_newlines(windows1252_to_utf8(bytes));
    result.fell_back = true;
  }
  return result;
}

bool looks_binary(std::string_view bytes) {
  return bytes.find('\0') != std::string_view::npos || mostly_control_bytes(bytes);
}

bool mostly_control_bytes(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 8192);
  const auto controls = std::count_if(head.begin(), head.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
  });
  return static_cast<std::size_t>(controls) * 10 > head.size();
}

std::string decode_character_references(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    const std::size_t semi = text.find(';', amp + 1);
    // References are short; a far-away ';' means this '&' is a literal ampersand.
    if (semi == std::string_view::npos || semi - amp > 10) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    const std::string_view name = text.substr(amp + 1, semi - amp - 1);
    bool decoded = false;
    char32_t cp = 0;
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      if (!digits.empty() && digits.size() <= 7) {
        decoded = true;
        for (char c : digits) {
          if (hex ? !is_hex_digit(c) : !(c >= '0' && c <= '9')) {
            decoded = false;
            break;
          }
          cp = cp * (hex ? 16U : 10U) + static_cast<char32_t>(hex ? hex_value(c) : c - '0');
        }
      }
    } else {
      cp = named_reference(name);
      decoded = cp != 0;
    }
    if (!decoded) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    // 128-159 name no character; pages saved on Windows mean Windows-1252's ("Don&#146;t"), as
    // browsers read them.
    if (cp >= 0x80 && cp < 0xA0) cp = kCp1252High[cp - 0x80];
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F;
    if (!control) append_utf8(out, cp);
    i = semi + 1;
  }
  return out;
}

std::size_t space_length_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const unsigned char b = byte_at(text, pos);
  if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') return 1;
  // U+00A0 no-break space.
  if (b == 0xC2 && pos + 1 < text.size() && byte_at(text, pos + 1) == 0xA0) return 2;
  // U+2000-U+200A (en quad .. hair space) and U+202F narrow no-break space.
  if (b == 0xE2 && pos + 2 < text.size() && byte_at(text, pos + 1) == 0x80) {
    const unsigned char c = byte_at(text, pos + 2);
    if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return 3;
  }
  return 0;
}

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace newsidx::readers
