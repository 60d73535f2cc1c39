// Tokenizer: one pass over the bytes for tokens, a second over the tokens for sentences and
// paragraphs. Everything is a view into the caller's text; no allocation per token.
#include "tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace newsidx::entities {
namespace {

enum class Cls : std::uint8_t {
  kSpace, kNewline, kLetter, kDigit, kApostrophe, kHyphen, kPeriod, kComma, kOther, kOpenQuote,
  kCloseQuote, kDash
};

struct Char {
  Cls cls;
  std::size_t len;
};

// Classifies the code point starting at text[i]. Punctuation outside ASCII is what news uses:
// Latin-1 symbols, the General Punctuation block (dashes, curly quotes, ellipsis, bullets),
// currency and arrows, CJK punctuation. Any other non-ASCII code point counts as a letter, so
// accented names, Cyrillic and Greek stay words. Invalid UTF-8 is read one byte at a time.
Char classify(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    const char c = static_cast<char>(b0);
    if (c == '\n') return {Cls::kNewline, 1};
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return {Cls::kSpace, 1};
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {Cls::kLetter, 1};
    if (c >= '0' && c <= '9') return {Cls::kDigit, 1};
    if (c == '\'') return {Cls::kApostrophe, 1};
    if (c == '-') return {Cls::kHyphen, 1};
    if (c == '.') return {Cls::kPeriod, 1};
    if (c == ',') return {Cls::kComma, 1};
    if (c < 0x20 || c == 0x7f) return {Cls::kSpace, 1};
    return {Cls::kOther, 1};
  }
  const std::size_t n = text.size();
  std::size_t len = 1;
  if (b0 >= 0xC2 && b0 < 0xE0) len = 2;
  else if (b0 >= 0xE0 && b0 < 0xF0) len = 3;
  else if (b0 >= 0xF0 && b0 < 0xF5) len = 4;
  if (i + len > n) return {Cls::kLetter, 1};
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return {Cls::kLetter, 1};
  }
  if (len == 2) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b0 == 0xC2) {
      if (b1 == 0xA0) return {Cls::kSpace, 2};      // no-break space
      if (b1 == 0xAB) return {Cls::kOpenQuote, 2};  // «
      if (b1 == 0xBB) return {Cls::kCloseQuote, 2}; // »
      if (b1 == 0xAA || b1 == 0xB5 || b1 == 0xBA) return {Cls::kLetter, 2};
      if (b1 == 0x85) return {Cls::kNewline, 2};    // NEL
      return {Cls::kOther, 2};
    }
    if (b0 == 0xC3 && (b1 == 0x97 || b1 == 0xB7)) return {Cls::kOther, 2};  // × ÷
    return {Cls::kLetter, 2};
  }
  if (len == 3) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const std::uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if (cp >= 0x2000 && cp <= 0x200B) return {Cls::kSpace, 3};
    if (cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x200C ||
        cp == 0x200D || cp == 0x2060) {
      return {Cls::kSpace, 3};
    }
    if (cp == 0x2028 || cp == 0x2029) return {Cls::kNewline, 3};
    if (cp == 0x2010 || cp == 0x2011) return {Cls::kHyphen, 3};
    if (cp >= 0x2012 && cp <= 0x2015) return {Cls::kDash, 3};
    if (cp == 0x2019) return {Cls::kApostrophe, 3};  // ’ is both apostrophe and closing quote
    if (cp == 0x2018 || cp == 0x201C || cp == 0x201A || cp == 0x201E || cp == 0x2039) {
      return {Cls::kOpenQuote, 3};
    }
    if (cp == 0x201D || cp == 0x203A) return {Cls::kCloseQuote, 3};
    if (cp >= 0x2000 && cp <= 0x2BFF) return {Cls::kOther, 3};
    if (cp >= 0x3001 && cp <= 0x303F) return {Cls::kOther, 3};
    if (cp >= 0xFF01 && cp <= 0xFF0F) return {Cls::kOther, 3};
    return {Cls::kLetter, 3};
  }
  return {Cls::kLetter, len};
}

bool is_alnum(Cls c) { return c == Cls::kLetter || c == Cls::kDigit; }

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

// Abbreviations (without the period) that never end a sentence: titles, months, days, "St.".
constexpr std::array<std::string_view, 52> kNonFinalAbbrevs = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm",
    "cmdr", "rep", "reps", "sen", "sens", "gov", "pres", "rev", "hon", "st", "mt", "ft", "messrs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "vs", "approx", "fig",
    "supt"};

// Abbreviations that may end a sentence ("... joined Acme Inc. The deal ..."): companies,
// suffixes, US state abbreviations in AP style, "etc.".
constexpr std::array<std::string_view, 52> kFinalAbbrevs = {
    "inc", "corp", "co", "ltd", "plc", "bros", "jr", "sr", "etc", "no", "nos", "dept", "govt",
    "ave", "blvd", "rd", "univ", "assn", "ala", "ariz", "ark", "calif", "colo", "conn", "del",
    "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss",
    "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
    "wyo"};

// Words that typically open a sentence; an abbreviation such as "U.S." before one of them ends
// the sentence, before anything else ("U.S. Embassy") it does not.
constexpr std::array<std::string_view, 62> kSentenceOpeners = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "So", "He", "She", "It", "They",
    "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "This", "That", "These",
    "Those", "There", "Here", "If", "When", "While", "After", "Before", "As", "Since", "Some",
    "Many", "Most", "Other", "Officials", "Police", "Mr.", "Mrs.", "Ms.", "Dr.", "Meanwhile",
    "However", "Also", "Yet", "Still", "Asked", "According", "For", "With", "Under", "Last",
    "Earlier", "Later", "Both", "One", "No"};

bool in_list(std::string_view word, const auto& list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return iequals(w, word); });
}

// "U.S", "a.m", "Ph.D", "e.g": dotted segments of at most three letters each.
bool is_dotted_abbrev(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  std::size_t seg = 0;
  for (char c : w) {
    if (c == '.') {
      if (seg == 0) return false;
      seg = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (++seg > 3) return false;
    } else {
      return false;
    }
  }
  return seg > 0 || w.back() == '.';
}

bool is_single_letter(std::string_view w) {
  return w.size() == 1 && (is_upper_ascii(w[0]) || is_lower_ascii(w[0]));
}

enum class AbbrevKind { kNone, kNonFinal, kFinal };

AbbrevKind abbrev_kind(std::string_view w) {  // w without the trailing period
  if (w.empty()) return AbbrevKind::kNone;
  if (is_single_letter(w)) return AbbrevKind::kNonFinal;  // initials: "John F. Kennedy"
  if (is_dotted_abbrev(w)) return AbbrevKind::kFinal;
  if (in_list(w, kNonFinalAbbrevs)) return AbbrevKind::kNonFinal;
  if (in_list(w, kFinalAbbrevs)) return AbbrevKind::kFinal;
  return AbbrevKind::kNone;
}

// Length of a clitic starting at the apostrophe at `i` ("'s", "’re", ...) if one ends a word
// there, else 0. The letters after the apostrophe must be followed by a non-letter.
std::size_t clitic_length(std::string_view text, std::size_t i, std::size_t apos_len) {
  const std::size_t j = i + apos_len;
  std::size_t k = j;
  while (k < text.size() && k - j < 3 &&
         (is_lower_ascii(text[k]) || is_upper_ascii(text[k]))) {
    ++k;
  }
  if (k < text.size() && classify(text, k).cls == Cls::kLetter) return 0;
  const std::string_view rest = text.substr(j, k - j);
  if (iequals(rest, "s") || iequals(rest, "re") || iequals(rest, "ve") || iequals(rest, "ll") ||
      iequals(rest, "d") || iequals(rest, "m")) {
    return k - i;
  }
  return 0;
}

bool starts_with_upper(std::string_view s) {
  if (s.empty()) return false;
  if (is_upper_ascii(s[0])) return true;
  // Non-ASCII capitals in Latin-1 Supplement, Latin Extended-A (even code points), Cyrillic.
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (s.size() >= 2) {
    const auto b1 = static_cast<unsigned char>(s[1]);
    if (b0 == 0xC3) return b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97;
    if (b0 == 0xC4 || b0 == 0xC5) return (b1 & 1u) == 0;
    if (b0 == 0xD0) return b1 >= 0x80 && b1 <= 0xAF;
  }
  return false;
}

bool is_terminator(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" || t == "?!" ||
         t == "!!";
}

bool is_closer(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "'" || t == ")" ||
         t == "]" || t == "\xC2\xBB";
}

bool is_opener(std::string_view t) {
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "'" || t == "(" ||
         t == "[" || t == "\xC2\xAB";
}

// True if a sentence may start at `next` after text that ended in a terminator.
bool can_open(const Token& next) {
  if (next.kind == TokenKind::kNumber) return true;
  if (is_opener(next.text)) return true;
  if (next.text.substr(0, 3) == "\xE2\x80\x94" || next.text == "-" || next.text == "--") {
    return false;
  }
  return starts_with_upper(next.text);
}

// Collects tokens, and the newlines in the white space before each (2+ means a blank line).
struct TokenSink {
  std::string_view text;
  std::vector<Token>& tokens;
  std::vector<std::uint8_t>& gap;
  std::uint8_t newlines = 0;
  void emit(std::size_t s, std::size_t e, TokenKind kind) {
    tokens.push_back(Token{s, e, text.substr(s, e - s), kind});
    gap.push_back(newlines);
    newlines = 0;
  }
};

// Where the word that starts at `start` (a letter or digit) ends, before any abbreviation
// period: letters and digits, with inner hyphens, periods, digit commas, "AT&T", "1/2", and
// apostrophes that are no clitic. Sets nt_at where a split-off "n't" begins.
std::size_t word_end(std::string_view text, std::size_t start, std::size_t& nt_at) {
  const std::size_t n = text.size();
  std::size_t j = start + classify(text, start).len;
  while (j < n) {
    const Char d = classify(text, j);
    if (is_alnum(d.cls)) {
      j += d.len;
      continue;
    }
    if (j + d.len >= n) break;
    const Char e = classify(text, j + d.len);
    const char prev = text[j - 1];
    if (d.cls == Cls::kHyphen && is_alnum(e.cls)) {
      j += d.len + e.len;
      continue;
    }
    if ((d.cls == Cls::kPeriod) && is_alnum(e.cls)) {
      j += d.len + e.len;
      continue;
    }
    if (d.cls == Cls::kComma && e.cls == Cls::kDigit && prev >= '0' && prev <= '9') {
      j += d.len + e.len;
      continue;
    }
    if (d.len == 1 && (text[j] == '&' || text[j] == '/') && e.len == 1) {
      const char nx = text[j + 1];
      const bool caps = text[j] == '&' && is_upper_ascii(prev) && is_upper_ascii(nx);
      const bool digits = text[j] == '/' && prev >= '0' && prev <= '9' && nx >= '0' && nx <= '9';
      if (caps || digits) {
        j += 2;
        continue;
      }
    }
    if (d.cls == Cls::kApostrophe && e.cls == Cls::kLetter) {
      if (clitic_length(text, j, d.len) > 0) break;
      const char nx = text[j + d.len];
      const std::size_t after = j + d.len + 1;
      const bool t_ends = after >= n || !is_alnum(classify(text, after).cls);
      if ((prev == 'n' || prev == 'N') && (nx == 't' || nx == 'T') && t_ends && j - 1 > start) {
        nt_at = j - 1;
        return after;
      }
      j += d.len + e.len;
      continue;
    }
    break;
  }
  return j;
}

// Emits the word starting at `i` (and a split-off "n't" or clitic); returns where it ends.
std::size_t scan_word(std::string_view text, std::size_t i, TokenSink& sink) {
  const std::size_t n = text.size();
  const std::size_t start = i;
  std::size_t nt_at = std::string_view::npos;  // where a split-off "n't" begins
  std::size_t j = word_end(text, start, nt_at);
  std::size_t end = nt_at != std::string_view::npos ? nt_at : j;
  const TokenKind kind =
      classify(text, start).cls == Cls::kDigit ? TokenKind::kNumber : TokenKind::kWord;
  // Keep the period of an abbreviation inside the token.
  if (nt_at == std::string_view::npos && end < n && text[end] == '.' &&
      kind == TokenKind::kWord &&
      abbrev_kind(text.substr(start, end - start)) != AbbrevKind::kNone) {
    ++end;
    // "U.S.-led", "U.N.-backed": a hyphenated word that starts with an abbreviation.
    while (end + 1 < n && text[end] == '-' && is_alnum(classify(text, end + 1).cls)) {
      ++end;
      while (end < n) {
        const Char d = classify(text, end);
        if (!is_alnum(d.cls)) break;
        end += d.len;
      }
    }
    j = end;
  }
  sink.emit(start, end, kind);
  if (nt_at != std::string_view::npos) sink.emit(nt_at, j, TokenKind::kWord);
  i = j;
  if (i < n) {
    const Char d = classify(text, i);
    if (d.cls == Cls::kApostrophe) {
      const std::size_t cl = clitic_length(text, i, d.len);
      if (cl > 0) {
        sink.emit(i, i + cl, TokenKind::kWord);
        i += cl;
      }
    }
  }
  return i;
}

// The tokens of the text, and the newlines before each.
void split_tokens(std::string_view text, std::vector<Token>& tokens, std::vector<std::uint8_t>& gap) {
  TokenSink sink{text, tokens, gap};
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const Char c = classify(text, i);
    if (c.cls == Cls::kSpace) {
      i += c.len;
      continue;
    }
    if (c.cls == Cls::kNewline) {
      if (sink.newlines < 255) ++sink.newlines;
      i += c.len;
      continue;
    }
    if (is_alnum(c.cls)) {
      i = scan_word(text, i, sink);
      continue;
    }
    // Punctuation: runs of the same ASCII mark ("--", "...", "?!") form one token.
    std::size_t j = i + c.len;
    if (c.len == 1) {
      const char ch = text[i];
      if (ch == '-' || ch == '.' || ch == '!' || ch == '?') {
        while (j < n && (text[j] == ch || ((ch == '!' || ch == '?') && (text[j] == '!' || text[j] == '?')))) ++j;
      }
    }
    sink.emit(i, j, TokenKind::kPunct);
    i = j;
  }
}

// True if a sentence that began at token `begin` ends before token t (no paragraph break there).
bool ends_sentence(const std::vector<Token>& toks, std::size_t begin, std::size_t t) {
  // Find the terminator, skipping closing quotes and brackets attached to it.
  std::size_t p = t - 1;
  while (p > begin && is_closer(toks[p].text) && toks[p].start == toks[p - 1].end) --p;
  const std::string_view pt = toks[p].text;
  const Token& next = toks[t];
  const bool attached_quote = (next.text == "\"" || next.text == "'" ||
                               next.text == "\xE2\x80\x99") && next.start == toks[t - 1].end;
  if (attached_quote) return false;
  if (is_terminator(pt)) return can_open(next);
  if (toks[p].kind == TokenKind::kWord && pt.size() >= 2 && pt.back() == '.' &&
      abbrev_kind(pt.substr(0, pt.size() - 1)) == AbbrevKind::kFinal) {
    return in_list(next.text, kSentenceOpeners) || is_opener(next.text);
  }
  return false;
}

// True when every word of tokens [begin, end) that has letters is in capitals (and one has two).
bool all_caps_sentence(const std::vector<Token>& toks, std::size_t begin, std::size_t end) {
  bool any_caps_word = false;
  for (std::size_t t = begin; t < end; ++t) {
    std::size_t upper = 0;
    for (char ch : toks[t].text) {
      if (is_lower_ascii(ch)) return false;
      if (is_upper_ascii(ch)) ++upper;
    }
    if (upper >= 2) any_caps_word = true;
  }
  return any_caps_word;
}

// Groups out.tokens into sentences and paragraphs (gap: newlines before each token).
void split_sentences(TokenizedText& out, const std::vector<std::uint8_t>& gap) {
  const auto& toks = out.tokens;
  if (toks.empty()) return;
  const bool blank_mode = std::any_of(gap.begin() + 1, gap.end(), [](std::uint8_t g) { return g >= 2; });
  std::size_t sent_begin = 0;
  std::size_t para_first_sentence = 0;
  std::size_t para_begin = 0;
  auto close_sentence = [&](std::size_t end) {
    out.sentences.push_back(Sentence{sent_begin, end, toks[sent_begin].start, toks[end - 1].end,
                                     all_caps_sentence(toks, sent_begin, end)});
    sent_begin = end;
  };
  auto close_paragraph = [&](std::size_t end) {
    out.paragraphs.push_back(Paragraph{para_first_sentence, out.sentences.size(), para_begin, end,
                                       toks[para_begin].start, toks[end - 1].end});
    para_first_sentence = out.sentences.size();
    para_begin = end;
  };
  for (std::size_t t = 1; t < toks.size(); ++t) {
    const bool para_break = gap[t] >= 2 || (!blank_mode && gap[t] >= 1);
    if (para_break || ends_sentence(toks, sent_begin, t)) close_sentence(t);
    if (para_break) close_paragraph(t);
  }
  close_sentence(toks.size());
  close_paragraph(toks.size());
}

}  // namespace

bool is_abbreviation(std::string_view token) {
  if (token.size() < 2 || token.back() != '.') return false;
  return abbrev_kind(token.substr(0, token.size() - 1)) != AbbrevKind::kNone;
}

std::string normalized_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80') {
      const char c = s[i + 2];
      if (c == '\x98' || c == '\x99') {
        out += '\'';
        i += 2;
        continue;
      }
      if (c == '\x9C' || c == '\x9D') {
        out += '"';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

TokenizedText tokenize(std::string_view text) {
  TokenizedText out;
  out.text = text;
  out.tokens.reserve(text.size() / 5 + 8);
  std::vector<std::uint8_t> gap;
  gap.reserve(text.size() / 5 + 8);
  split_tokens(text, out.tokens, gap);
  split_sentences(out, gap);
  return out;
}

}  // namespace newsidx::entities
