// Quotation marks: the quote finder's own tokens (words, punctuation and quotation marks with
// byte offsets and paragraph numbers) and the pairing of marks into quotations over paragraphs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::entities::quoting {

enum class TokKind : std::uint8_t { kWord, kPunct, kQuoteMark };

struct Tok {
  std::size_t b = 0, e = 0;
  TokKind kind = TokKind::kWord;
  std::size_t para = 0;  // paragraph number (lines are paragraphs)
  int quote = -1;        // index of the quotation the token lies in (marks included), else -1
};

/// The tokens of `t` as the quote finder reads them. This is not entities::tokenize on purpose:
/// that one splits "'s" and other clitics off ("Trump's" is two tokens), treats single line
/// breaks as soft wraps when the text has blank lines, and keeps its own abbreviation lists
/// (case-insensitive, with months and states). The attribution rules were tuned on PolNeAR with
/// these tokens (a possessive stays on its name, every line is a paragraph, only the titles of
/// kAbbrevs keep their full stop), and reading other tokens would change the speakers found.
std::vector<Tok> quote_tokens(std::string_view t);

/// False only when quote_tokens(t) holds no quotation mark: `t` has no straight or curly double
/// mark, no guillemet and no pair of apostrophes. A cheap scan that spares most articles (which
/// quote nobody) the quotation finder's tokens and indexes.
bool has_quote_marks(std::string_view t);

// A quotation found over the tokens: mark token indices per part.
struct RawQuote {
  std::vector<Span> parts;
  std::size_t open_tok = 0;   // token index of the first opening mark
  std::size_t close_tok = 0;  // token index of the final closing mark (or last token of it)
  bool closed = true;         // false when the last part ends at a paragraph end without mark
};

/// The quotations of `t` over its tokens `toks`: marks paired per paragraph, a quotation over
/// several paragraphs when the next paragraph opens with a mark, unbalanced marks dropped.
std::vector<RawQuote> pair_marks(std::string_view t, const std::vector<Tok>& toks);

/// One past the last token of the paragraph holding token `k`.
std::size_t para_end(const std::vector<Tok>& toks, std::size_t k);

}  // namespace newsidx::entities::quoting
