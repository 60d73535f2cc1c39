// Quotation marks: the quote finder's tokenizer, and quotation marks paired over paragraphs.
#include "quote_marks.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace newsidx::entities::quoting {
namespace {

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Length of the UTF-8 sequence at i if it is punctuation or space we know (dashes, curly quotes,
// ellipsis, no-break space, guillemets); 0 if it is a letter or anything else.
std::size_t punct_seq(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == 0xE2 && i + 2 < t.size()) {
    const auto c1 = static_cast<unsigned char>(t[i + 1]);
    if (c1 == 0x80 || c1 == 0x81) return 3;  // general punctuation block
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    const auto c1 = static_cast<unsigned char>(t[i + 1]);
    if (c1 == 0xA0 || c1 == 0xAB || c1 == 0xBB || c1 == 0xA1 || c1 == 0xBF) return 2;
  }
  return 0;
}

bool is_open_curly(std::string_view t, std::size_t i) {
  return t.compare(i, 3, "\xE2\x80\x9C") == 0;
}
bool is_close_curly(std::string_view t, std::size_t i) {
  return t.compare(i, 3, "\xE2\x80\x9D") == 0;
}
bool is_open_guillemet(std::string_view t, std::size_t i) {
  return t.compare(i, 2, "\xC2\xAB") == 0;
}
bool is_close_guillemet(std::string_view t, std::size_t i) {
  return t.compare(i, 2, "\xC2\xBB") == 0;
}
// Two apostrophes used as one double quotation mark (''like this'', as some New York Times copy
// has); returns the length of the apostrophe run starting at i when it is 2 or 3, else 0. A
// single apostrophe is never a mark: "don't", "the Smiths' house" and "'90s" stay words.
std::size_t apostrophe_run_at(std::string_view t, std::size_t i) {
  if (t.compare(i, 2, "''") != 0 || (i > 0 && t[i - 1] == '\'')) return 0;
  std::size_t run = 2;
  while (i + run < t.size() && t[i + run] == '\'') ++run;
  return run > 3 ? 0 : run;
}
bool is_right_single(std::string_view t, std::size_t i) {
  return t.compare(i, 3, "\xE2\x80\x99") == 0;
}
bool is_space_seq(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return true;
  if (t.compare(i, 2, "\xC2\xA0") == 0) return true;
  if (t.compare(i, 2, "\xE2\x80") == 0 && i + 2 < t.size()) {
    const auto c2 = static_cast<unsigned char>(t[i + 2]);
    return c2 <= 0x8A || c2 == 0xAF;  // en/em/thin spaces
  }
  return false;
}

// A letter-like byte: ASCII alphanumerics and any non-ASCII byte that is not known punctuation.
bool word_start(std::string_view t, std::size_t i) {
  const auto c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return is_ascii_alnum(c);
  return punct_seq(t, i) == 0;
}

constexpr auto kAbbrevs = std::to_array<std::string_view>({
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Jr", "Sr",
    "St", "Capt", "Adm", "Prof", "Rev", "Maj", "Cmdr", "Pres", "Atty", "Inc", "Corp", "Co",
    "Ltd", "Dept", "No", "vs", "Sens", "Reps", "Mt", "Ft", "Gens", "Del"});

}  // namespace

std::vector<Tok> quote_tokens(std::string_view t) {
  std::vector<Tok> toks;
  // Paragraphs are numbered consecutively: blank lines between them do not count.
  std::size_t para = 0;
  bool new_line = false;
  std::size_t i = 0;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      new_line = !toks.empty();
      ++i;
      continue;
    }
    if (is_space_seq(t, i)) {
      i += (c < 0x80) ? 1 : (c == 0xC2 ? 2 : 3);
      continue;
    }
    if (new_line) {
      ++para;
      new_line = false;
    }
    if (c == '"' || is_open_curly(t, i) || is_close_curly(t, i) || is_open_guillemet(t, i) ||
        is_close_guillemet(t, i)) {
      const std::size_t len = (c == '"') ? 1 : (c == 0xC2 ? 2 : 3);
      toks.push_back({i, i + len, TokKind::kQuoteMark, para, -1});
      i += len;
      continue;
    }
    if (const std::size_t run = apostrophe_run_at(t, i); run > 0) {
      // Three apostrophes are a single quotation mark and the pair of a double one, the pair on
      // the outside: first when words follow (opening), last otherwise (closing).
      const bool pair_first = run == 2 || (i + run < t.size() && word_start(t, i + run));
      const std::size_t b = pair_first ? i : i + 1;
      if (!pair_first) toks.push_back({i, i + 1, TokKind::kPunct, para, -1});
      toks.push_back({b, b + 2, TokKind::kQuoteMark, para, -1});
      if (pair_first && run == 3) toks.push_back({i + 2, i + 3, TokKind::kPunct, para, -1});
      i += run;
      continue;
    }
    if (word_start(t, i)) {
      std::size_t j = i;
      bool has_dot = false;
      while (j < t.size()) {
        const auto d = static_cast<unsigned char>(t[j]);
        if (d < 0x80 && is_ascii_alnum(d)) {
          ++j;
        } else if (d >= 0x80 && punct_seq(t, j) == 0) {
          ++j;
        } else if ((d == '.' || d == '\'' || d == '-' || d == '&') && j + 1 < t.size() &&
                   word_start(t, j + 1)) {
          has_dot = has_dot || d == '.';
          ++j;
        } else if (is_right_single(t, j) && j + 3 < t.size() && word_start(t, j + 3)) {
          j += 3;
        } else {
          break;
        }
      }
      // A trailing full stop belongs to initials ("J."), dotted abbreviations ("U.S.") and
      // the titles of kAbbrevs ("Sen."), so that it does not end a sentence.
      if (j < t.size() && t[j] == '.') {
        const std::string_view w = t.substr(i, j - i);
        const bool initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
        // Party and state: "R-Wis.", "D-Fla." (the state part is a short capitalised word).
        const auto dash = w.find('-');
        const bool party_state = dash != std::string_view::npos && dash + 1 < w.size() &&
                                 w.size() - dash <= 6 && w[dash + 1] >= 'A' && w[dash + 1] <= 'Z' &&
                                 dash <= 2;
        if (initial || has_dot || party_state ||
            std::find(kAbbrevs.begin(), kAbbrevs.end(), w) != kAbbrevs.end()) {
          ++j;
        }
      }
      toks.push_back({i, j, TokKind::kWord, para, -1});
      i = j;
      continue;
    }
    const std::size_t len = c < 0x80 ? 1 : std::max<std::size_t>(1, punct_seq(t, i));
    toks.push_back({i, i + len, TokKind::kPunct, para, -1});
    i += len;
  }
  return toks;
}

namespace {

enum class Dir : std::uint8_t { kOpen, kClose, kEither };

bool opening_context_before(std::string_view t, std::size_t i) {
  if (i == 0) return true;
  const auto p = static_cast<unsigned char>(t[i - 1]);
  if (p == ' ' || p == '\n' || p == '\t' || p == '(' || p == '[' || p == ':' || p == '\r') {
    return true;
  }
  if (i >= 2 && t.compare(i - 2, 2, "\xC2\xA0") == 0) return true;
  if (i >= 3 && (t.compare(i - 3, 3, "\xE2\x80\x94") == 0 ||
                 t.compare(i - 3, 3, "\xE2\x80\x93") == 0)) {
    return true;
  }
  return false;
}

bool closing_context_after(std::string_view t, std::size_t j) {
  if (j >= t.size()) return true;
  const auto n = static_cast<unsigned char>(t[j]);
  if (n == ' ' || n == '\n' || n == '\t' || n == '\r' || n == ',' || n == '.' || n == ';' ||
      n == ':' || n == '?' || n == '!' || n == ')' || n == ']') {
    return true;
  }
  return punct_seq(t, j) > 0 && !is_open_curly(t, j);
}

Dir mark_direction(std::string_view t, const Tok& m) {
  const bool open_ctx = opening_context_before(t, m.b);
  const bool close_ctx = closing_context_after(t, m.e);
  if (open_ctx && !close_ctx) return Dir::kOpen;
  if (close_ctx && !open_ctx) return Dir::kClose;
  if (is_open_curly(t, m.b) || is_open_guillemet(t, m.b)) return Dir::kOpen;
  if (is_close_curly(t, m.b) || is_close_guillemet(t, m.b)) return Dir::kClose;
  return Dir::kEither;
}


// Marks pair only within their family: double marks (straight or curly), two apostrophes, and
// guillemets.
enum class MarkFamily : std::uint8_t { kDouble, kApostrophes, kGuillemets };

MarkFamily mark_family(std::string_view t, const Tok& m) {
  if (t[m.b] == '\'') return MarkFamily::kApostrophes;
  if (static_cast<unsigned char>(t[m.b]) == 0xC2) return MarkFamily::kGuillemets;
  return MarkFamily::kDouble;
}

Span trim_span(std::string_view t, std::size_t b, std::size_t e) {
  while (b < e && is_space_seq(t, b)) {
    const auto c = static_cast<unsigned char>(t[b]);
    b += (c < 0x80) ? 1 : (c == 0xC2 ? 2 : 3);
  }
  while (e > b) {
    const auto c = static_cast<unsigned char>(t[e - 1]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      --e;
    } else if (e >= b + 2 && t.compare(e - 2, 2, "\xC2\xA0") == 0) {
      e -= 2;  // a no-break space, as French-style spacing puts before a closing guillemet
    } else if (e >= b + 3 && t.compare(e - 3, 3, "\xE2\x80\xAF") == 0) {
      e -= 3;  // a narrow no-break space
    } else {
      break;
    }
  }
  return {b, e};
}

}  // namespace

std::vector<RawQuote> pair_marks(std::string_view t, const std::vector<Tok>& toks) {
  std::vector<RawQuote> out;
  // Index tokens by paragraph for the "does the next paragraph open with a mark" test.
  std::optional<RawQuote> cur;
  std::size_t cur_start = 0;  // byte offset where the current part's content starts
  bool open = false;
  MarkFamily family = MarkFamily::kDouble;  // the family of the mark that opened the quotation
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Tok& tk = toks[k];
    const bool last_in_para = k + 1 == toks.size() || toks[k + 1].para != tk.para;
    // Inside a quotation, marks of another family are quoted text: «He said "no" twice».
    if (tk.kind == TokKind::kQuoteMark && (!open || mark_family(t, tk) == family)) {
      const Dir d = mark_direction(t, tk);
      if (!open) {
        if (d != Dir::kClose) {
          // A paragraph that continues a quotation opens with a mark: it is a new part.
          if (!cur) {
            cur = RawQuote{};
            cur->open_tok = k;
          }
          cur_start = tk.e;
          open = true;
          family = mark_family(t, tk);
        }
      } else if (d == Dir::kOpen) {
        // An opening mark inside an open quotation: the earlier mark was unbalanced.
        cur = RawQuote{};
        cur->open_tok = k;
        cur_start = tk.e;
      } else {
        cur->parts.push_back(trim_span(t, cur_start, tk.b));
        cur->close_tok = k;
        out.push_back(std::move(*cur));
        cur.reset();
        open = false;
      }
    }
    if (last_in_para && open) {
      // The paragraph ends inside a quotation: it continues only if the next paragraph opens
      // with a quotation mark; otherwise the mark was unbalanced and is dropped.
      const bool next_opens = k + 1 < toks.size() && toks[k + 1].kind == TokKind::kQuoteMark &&
                              mark_direction(t, toks[k + 1]) != Dir::kClose &&
                              cur->parts.size() < 20;
      if (next_opens) {
        cur->parts.push_back(trim_span(t, cur_start, tk.e));
        cur->close_tok = k;
      } else {
        cur.reset();
      }
      open = false;
    } else if (last_in_para && cur && !open) {
      // A finished part list that was waiting for a continuation that did not come.
      cur.reset();
    }
  }
  std::erase_if(out, [](const RawQuote& q) {
    for (const Span& s : q.parts) {
      if (s.end > s.start) return false;
    }
    return true;
  });
  return out;
}

std::size_t para_end(const std::vector<Tok>& toks, std::size_t k) {
  std::size_t e = k;
  while (e < toks.size() && toks[e].para == toks[k].para) ++e;
  return e;
}

bool has_quote_marks(std::string_view t) {
  for (std::string_view mark : {"\"", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"})
    if (t.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace newsidx::entities::quoting
