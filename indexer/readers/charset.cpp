// Character sets of web pages (see charset.hpp).
#include "indexer/readers/charset.hpp"

#include <algorithm>
#include <cerrno>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[pos + i]) != prefix[i]) return false;
  return true;
}

// The WHATWG "get an encoding" step for the labels pages use: aliases of Latin-1 and ASCII are
// read as windows-1252 (browsers do), "utf8" and friends as utf-8.
std::string normalise_label(std::string_view label) {
  std::string l = lower(label);
  while (!l.empty() && (is_space(l.back()) || l.back() == '"' || l.back() == '\'')) l.pop_back();
  std::size_t b = 0;
  while (b < l.size() && (is_space(l[b]) || l[b] == '"' || l[b] == '\'')) ++b;
  l.erase(0, b);
  if (l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "utf-8";
  if (l == "latin1" || l == "iso-8859-1" || l == "iso8859-1" || l == "l1" || l == "ascii" ||
      l == "us-ascii" || l == "cp1252" || l == "x-cp1252" || l == "iso_8859-1" || l == "cp819")
    return "windows-1252";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "chinese") return "gb18030";
  return l;
}

// The value after "charset=" in a Content-Type-like string, or "".
std::string charset_param(std::string_view s) {
  const std::string l = lower(s);
  std::size_t pos = l.find("charset");
  while (pos != std::string::npos) {
    std::size_t i = pos + 7;
    while (i < l.size() && is_space(l[i])) ++i;
    if (i < l.size() && l[i] == '=') {
      ++i;
      while (i < l.size() && is_space(l[i])) ++i;
      char quote = 0;
      if (i < l.size() && (l[i] == '"' || l[i] == '\'')) quote = l[i++];
      std::size_t end = i;
      while (end < l.size() && (quote ? l[end] != quote : !(is_space(l[end]) || l[end] == ';')))
        ++end;
      return normalise_label(l.substr(i, end - i));
    }
    pos = l.find("charset", pos + 7);
  }
  return {};
}

struct MetaAttrs {
  std::string charset, http_equiv, content;
};

// Reads the attributes of a tag starting after its name at `pos`; returns the position after '>'.
std::size_t read_attributes(std::string_view s, std::size_t pos, MetaAttrs& attrs) {
  while (pos < s.size() && s[pos] != '>') {
    while (pos < s.size() && (is_space(s[pos]) || s[pos] == '/')) ++pos;
    std::size_t name_start = pos;
    while (pos < s.size() && !is_space(s[pos]) && s[pos] != '=' && s[pos] != '>' && s[pos] != '/') ++pos;
    const std::string name = lower(s.substr(name_start, pos - name_start));
    while (pos < s.size() && is_space(s[pos])) ++pos;
    std::string value;
    if (pos < s.size() && s[pos] == '=') {
      ++pos;
      while (pos < s.size() && is_space(s[pos])) ++pos;
      if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
        const char quote = s[pos++];
        const std::size_t end = s.find(quote, pos);
        if (end == std::string_view::npos) return s.size();
        value = s.substr(pos, end - pos);
        pos = end + 1;
      } else {
        std::size_t start = pos;
        while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') ++pos;
        value = s.substr(start, pos - start);
      }
    }
    if (name == "charset") attrs.charset = value;
    else if (name == "http-equiv") attrs.http_equiv = lower(value);
    else if (name == "content") attrs.content = value;
    if (name.empty() && pos < s.size() && s[pos] != '>') ++pos;  // stray character
  }
  return pos < s.size() ? pos + 1 : pos;
}

std::string detect_with_uchardet(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return {};
  std::string label;
  if (uchardet_handle_data(ud, bytes.data(), bytes.size()) == 0) {
    uchardet_data_end(ud);
    if (const char* cs = uchardet_get_charset(ud)) label = normalise_label(cs);
  }
  uchardet_delete(ud);
  return label;
}

std::string_view bom_charset(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (bytes.starts_with("\xFF\xFE")) return "utf-16le";
  if (bytes.starts_with("\xFE\xFF")) return "utf-16be";
  return {};
}

// UTF-8 with each invalid byte replaced by U+FFFD.
DecodedPage repair_utf8(std::string_view bytes) {
  DecodedPage out;
  if (is_valid_utf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Find the longest valid prefix of at most 4 bytes starting at i.
    std::size_t len = 0;
    for (std::size_t n = 1; n <= 4 && i + n <= bytes.size(); ++n)
      if (is_valid_utf8(bytes.substr(i, n))) {
        len = n;
        break;
      }
    if (len == 0) {
      append_utf8(out.text, 0xFFFD);
      ++out.replaced;
      ++i;
    } else {
      out.text.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

DecodedPage iconv_decode(std::string_view bytes, const std::string& label) {
  DecodedPage out;
  iconv_t cd = iconv_open("UTF-8", label.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    out.text = windows1252_to_utf8(bytes);
    out.replaced = bytes.size();
    return out;
  }
  std::string buf(4096, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* o = buf.data();
    std::size_t o_left = buf.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &o, &o_left);
    out.text.append(buf.data(), buf.size() - o_left);
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    // An invalid or truncated sequence: one replacement character, then go on after its byte.
    append_utf8(out.text, 0xFFFD);
    ++out.replaced;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return out;
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  return charset_param(content_type);
}

std::string prescan_meta_charset(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024));
  std::size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    if (s.substr(pos).starts_with("<!--")) {
      const std::size_t end = s.find("-->", pos + 4);
      if (end == std::string_view::npos) return {};
      pos = end + 3;
      continue;
    }
    if (starts_with_ci(s, pos, "<meta") && pos + 5 < s.size() &&
        (is_space(s[pos + 5]) || s[pos + 5] == '/')) {
      MetaAttrs attrs;
      pos = read_attributes(s, pos + 5, attrs);
      std::string label;
      if (!attrs.charset.empty()) label = normalise_label(attrs.charset);
      else if (attrs.http_equiv == "content-type") label = charset_param(attrs.content);
      // The standard reads a UTF-16 declaration in an ASCII-compatible prescan as UTF-8.
      if (label.starts_with("utf-16")) label = "utf-8";
      if (!label.empty()) return label;
      continue;
    }
    ++pos;
  }
  return {};
}

bool is_known_charset(const std::string& label) {
  if (label == "utf-8" || label == "windows-1252") return true;
  iconv_t cd = iconv_open("UTF-8", label.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

CharsetChoice choose_charset(std::string_view bytes, std::string_view content_type) {
  CharsetChoice c;
  if (const auto bom = bom_charset(bytes); !bom.empty()) {
    c.label = std::string(bom);
    c.source = CharsetSource::kBom;
    return c;
  }
  const auto accept = [&](std::string label, CharsetSource source) {
    if (label.empty()) return false;
    if (!is_known_charset(label)) {
      if (c.ignored.empty()) c.ignored = std::move(label);
      return false;
    }
    c.label = std::move(label);
    c.source = source;
    return true;
  };
  if (accept(charset_from_content_type(content_type), CharsetSource::kTransport)) return c;
  // A saved page re-encoded as UTF-8 often keeps its old <meta> declaration; bytes with
  // non-ASCII characters that are all valid UTF-8 are almost never in a legacy charset.
  const std::string meta = prescan_meta_charset(bytes);
  const bool non_ascii = std::any_of(bytes.begin(), bytes.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
  if (!meta.empty() && !is_known_charset(meta)) {
    if (c.ignored.empty()) c.ignored = meta;
  } else if (!meta.empty() && meta != "utf-8" && non_ascii && is_valid_utf8(bytes)) {
    c.label = "utf-8";
    c.source = CharsetSource::kDetected;
    return c;
  }
  if (accept(meta, CharsetSource::kMeta)) return c;
  // Most pages that declare nothing are UTF-8 (or ASCII); detection is for the rest.
  if (is_valid_utf8(bytes)) {
    c.label = "utf-8";
    c.source = CharsetSource::kDetected;
    return c;
  }
  if (accept(detect_with_uchardet(bytes), CharsetSource::kDetected)) return c;
  c.label = "windows-1252";
  c.source = CharsetSource::kDefault;
  return c;
}

DecodedPage decode_to_utf8(std::string_view bytes, const std::string& label) {
  if (const auto bom = bom_charset(bytes); !bom.empty() && bom == label)
    bytes.remove_prefix(bom == "utf-8" ? 3 : 2);
  if (label == "utf-8") return repair_utf8(bytes);
  if (label == "windows-1252") return {windows1252_to_utf8(bytes), 0};
  return iconv_decode(bytes, label);
}

}  // namespace newsidx::readers
