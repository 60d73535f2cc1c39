// Direct quotations and their speakers: the public entry points over quote_marks (pairing the
// marks), speech_cues and pronouns (the rules) and attribution (which applies them in order).
#include "quotes.hpp"

#include <algorithm>

#include "attribution.hpp"
#include "quote_marks.hpp"

namespace newsidx::entities {

std::vector<QuoteParts> find_quote_parts(std::string_view text) {
  const std::vector<quoting::Tok> toks = quoting::quote_tokens(text);
  std::vector<QuoteParts> out;
  for (quoting::RawQuote& q : quoting::pair_marks(text, toks)) out.push_back({std::move(q.parts)});
  return out;
}

bool counts_for_speaker_facet(const Quote& q) {
  if (!q.speaker) return false;
  // Words as the quotation finder reads them: "It's" and "It\u2019s" are one word, a dash none.
  const std::vector<quoting::Tok> toks = quoting::quote_tokens(q.text);
  const auto words = std::count_if(toks.begin(), toks.end(), [](const quoting::Tok& t) {
    return t.kind == quoting::TokKind::kWord;
  });
  return static_cast<std::size_t>(words) >= kSpeakerFacetMinWords;
}

std::vector<Quote> find_quotes(std::string_view text, const std::vector<Mention>& mentions,
                               const QuoteOptions& options) {
  if (!quoting::has_quote_marks(text)) return {};
  quoting::Attributor a(text, mentions, options);
  return a.run();
}

}  // namespace newsidx::entities
