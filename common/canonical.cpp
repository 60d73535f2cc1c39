// Folding of names to lookup keys.
#include "canonical.hpp"

#include <xapian.h>

namespace newsidx::canonical {

char strip_accent(unsigned ch) {
  // Lower-case forms of U+00E0..U+00FF.
  static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  if (ch >= 0xE0 && ch <= 0xFF) {
    char c = kLatin1[ch - 0xE0];
    return c == '/' ? 0 : c;
  }
  if (ch == 0xDF) return 's';  // sharp s -> s (then "ss" is not needed for matching)
  // Latin Extended-A pairs U+0100..U+017F, lower case only after tolower.
  static constexpr char kExtA[] =
      "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
      "llllllllll" "nnnnnnn" "nn" "oooooo" "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww"
      "yyy" "zzzzzz" "s";
  static_assert(sizeof(kExtA) == 0x80 + 1, "one base letter per code point U+0100..U+017F");
  static_assert(sizeof(kLatin1) == 0x20 + 1, "one entry per code point U+00E0..U+00FF");
  if (ch >= 0x100 && ch <= 0x17F) return kExtA[ch - 0x100];
  return 0;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {

// Appends folded characters to a key: kept characters as given, every run of others as one
// inner space. Shared by the ASCII fast path and the Unicode path of fold_key.
struct KeyBuilder {
  std::string& out;
  bool pending_space = false;
  void skip() { pending_space = !out.empty(); }
  void keep(std::string_view bytes) {
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += bytes;
  }
  void keep(char c) {  // one byte: push_back, not an append call per character
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
};

// fold_key for pure ASCII text, which is most of news text: the same result without decoding
// UTF-8. Returns false (leaving `out` unspecified) when the text has a non-ASCII byte.
bool fold_ascii(std::string_view text, std::string& out) {
  KeyBuilder key{out};
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return false;
    bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '-' || c == '&' || c == '\'' || c == '_';
    if (!kept) key.skip();
    else key.keep(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return true;
}

}  // namespace

std::string fold_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  if (fold_ascii(text, out)) return out;
  out.clear();
  KeyBuilder key{out};
  for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
    unsigned ch = Xapian::Unicode::tolower(*it);
    // Typographic apostrophes and dashes fold to their ASCII forms.
    if (ch == 0x2019 || ch == 0x2018 || ch == 0x02BC) ch = '\'';
    if (ch == 0x2010 || ch == 0x2011 || ch == 0x2013 || ch == 0x2014) ch = '-';
    bool kept = Xapian::Unicode::is_wordchar(ch) || ch == '.' || ch == '-' || ch == '&' || ch == '\'';
    if (!kept) {
      key.skip();
    } else if (ch < 0x80) {
      key.keep(static_cast<char>(ch));
    } else if (char base = strip_accent(ch)) {
      key.keep(base);
    } else {
      char buf[4];
      key.keep(std::string_view(buf, Xapian::Unicode::to_utf8(ch, buf)));
    }
  }
  return out;
}

}  // namespace newsidx::canonical
