// Helpers of the quote unit tests (test_quotes, test_quote_marks, test_speech_cues, test_pronouns,
// test_attribution): mentions, golden summaries, name genders.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/quotes.hpp"

namespace quotes_test {

using newsidx::Mention;
using newsidx::MentionType;
using newsidx::Quote;
using newsidx::entities::find_quote_parts;
using newsidx::entities::find_quotes;

// Mentions of `surface` everywhere in `text`, all naming `entity`.
inline void add_mentions(std::vector<Mention>& out, const std::string& text,
                         const std::string& surface, const std::string& entity,
                         MentionType type = MentionType::kPerson) {
  for (std::size_t p = text.find(surface); p != std::string::npos;
       p = text.find(surface, p + surface.size())) {
    bool inside_longer = false;
    for (const Mention& m : out) {
      inside_longer = inside_longer || (m.span.start <= p && m.span.end >= p + surface.size());
    }
    if (inside_longer) continue;
    Mention m;
    m.type = type;
    m.span = {p, p + surface.size()};
    m.text = surface;
    m.entity = entity;
    out.push_back(m);
  }
}

// "speaker|quote words" for each quotation: compact golden strings. "-" is no speaker.
inline std::vector<std::string> summary(const std::string& text,
                                        const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text, mentions)) {
    out.push_back((q.speaker ? *q.speaker : std::string("-")) + "|" + q.text);
  }
  return out;
}

// Options under which every first name is a man's.
inline newsidx::entities::QuoteOptions men() {
  newsidx::entities::QuoteOptions options;
  options.gender_of = [](std::string_view) { return newsidx::entities::NameGender::kMale; };
  return options;
}

// The speaker of each quotation of `text` ("-" for none), with `persons` as person mentions.
inline std::vector<std::string> speakers(const std::string& text,
                                         const std::vector<std::string>& persons,
                                         const newsidx::entities::QuoteOptions& options = men()) {
  std::vector<Mention> mentions;
  for (const std::string& p : persons) add_mentions(mentions, text, p, p);
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text, mentions, options)) out.push_back(q.speaker.value_or("-"));
  return out;
}

// The bytes of a file.
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// find_quotes over `lines` copies of `line` (Mary Smith the only person), with its work counted:
// the quotations and the QuoteStats, for the tests that check the work grows linearly.
inline std::pair<std::vector<Quote>, newsidx::entities::QuoteStats> counted_quotes(const std::string& line,
                                                                                   std::size_t lines) {
  std::string text = "Adversarial\n\n";
  for (std::size_t i = 0; i < lines; ++i) text += line;
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Mary Smith", "Mary Smith");
  newsidx::entities::QuoteStats stats;
  newsidx::entities::QuoteOptions options;
  options.stats = &stats;
  return {find_quotes(text, mentions, options), stats};
}

}  // namespace quotes_test
