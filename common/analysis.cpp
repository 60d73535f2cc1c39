// The shared analysis setup.
#include "analysis.hpp"

#include "schema.hpp"

namespace newsidx::analysis {

namespace {
// Function words that carry no meaning on their own in a news query. Kept short on purpose:
// words like "us", "may" or "will" are names or content in news text.
constexpr const char* kStopWords[] = {
    "a",    "about", "an",   "and",  "are",   "as",   "at",   "be",    "been", "but",  "by",
    "for",  "from",  "had",  "has",  "have",  "he",   "her",  "his",   "i",    "if",   "in",
    "into", "is",    "it",   "its",  "of",    "on",   "or",   "she",   "so",   "than", "that",
    "the",  "their", "them", "then", "there", "these","they", "this",  "to",   "was",  "were",
    "what", "when",  "which","who",  "with",  "would",
};
}  // namespace

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

const Xapian::Stopper* stopper() {
  static const Xapian::SimpleStopper* s = [] {
    auto* st = new Xapian::SimpleStopper();
    for (const char* w : kStopWords) st->add(w);
    return st;
  }();
  return s;
}

Xapian::TermGenerator term_generator() {
  Xapian::TermGenerator tg;
  tg.set_stemmer(stemmer());
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_stopper(stopper());
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  return tg;
}

Xapian::QueryParser query_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_stemmer(stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_stopper(stopper());
  qp.set_database(db);
  for (const auto& f : schema::kFields) {
    if (f.kind == schema::FieldKind::kFreeText)
      qp.add_prefix(std::string(f.name), std::string(f.prefix));
    else
      qp.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
  }
  return qp;
}

}  // namespace newsidx::analysis
