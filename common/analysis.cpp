// The shared analysis setup.
#include "analysis.hpp"

#include "canonical.hpp"
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

// Folds accents, then stems: what a text's word must stem to for a folded query word to match.
class FoldingStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return stem_(fold_accents(word)); }
  std::string get_description() const override { return "folding " + stem_.get_description(); }

 private:
  Xapian::Stem stem_ = stemmer();
};

bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}
}  // namespace

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

Xapian::Stem folding_stemmer() { return Xapian::Stem(new FoldingStem()); }

const Xapian::Stopper* stopper() {
  static const Xapian::SimpleStopper* s = [] {
    auto* st = new Xapian::SimpleStopper();
    for (const char* w : kStopWords) st->add(w);
    return st;
  }();
  return s;
}

std::string fold_accents(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end;) {
    const char* from = it.raw();
    const unsigned ch = *it;
    ++it;
    const unsigned lower = Xapian::Unicode::tolower(ch);
    char base = ch >= 0xC0 ? canonical::strip_accent(lower) : 0;
    if (!base) {
      // Copy the character's bytes as they were (invalid UTF-8 included).
      out.append(from, static_cast<std::size_t>(it.raw() - from));
      continue;
    }
    if (lower != ch && base >= 'a' && base <= 'z') base = static_cast<char>(base - 'a' + 'A');
    out.push_back(base);
  }
  return out;
}

namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_alnum(char c) { return ascii_letter(c) || (c >= '0' && c <= '9'); }

}  // namespace

std::string hyphen_joined(std::string_view w) {
  std::string joined;
  std::size_t parts = 0, i = 0;
  while (i < w.size()) {
    const std::size_t b = i;
    bool has_letter = false;
    for (; i < w.size() && ascii_alnum(w[i]); ++i) has_letter = has_letter || ascii_letter(w[i]);
    if (i == b || !has_letter) return std::string();
    joined.append(w.substr(b, i - b));
    ++parts;
    if (i == w.size()) break;
    if (w[i] != '-' || i + 1 == w.size()) return std::string();
    ++i;
  }
  return parts >= 2 ? joined : std::string();
}

std::string hyphen_joined_words(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!ascii_alnum(text[i])) {
      ++i;
      continue;
    }
    // A run of letters, digits and hyphens that starts after no such byte.
    std::size_t j = i;
    while (j < text.size() && (ascii_alnum(text[j]) || text[j] == '-')) ++j;
    std::size_t end = j;
    while (end > i && text[end - 1] == '-') --end;  // "well-" of "well- and ill-informed"
    // A word that goes on in other letters ("e-mailé" unfolded) is not this word.
    const bool whole = j == text.size() || static_cast<unsigned char>(text[j]) < 0x80;
    if (whole && end - i >= 3 && text.substr(i, end - i).find('-') != std::string_view::npos) {
      const std::string joined = hyphen_joined(text.substr(i, end - i));
      if (!joined.empty()) (out += out.empty() ? "" : " ") += joined;
    }
    i = j;
  }
  return out;
}

void index_text(Xapian::TermGenerator& tg, std::string_view text, Xapian::termcount wdf_inc,
                const std::string& prefix) {
  const std::string folded = fold_accents(text);
  tg.index_text(folded, wdf_inc, prefix);
  if (const std::string joined = hyphen_joined_words(folded); !joined.empty())
    tg.index_text_without_positions(joined, wdf_inc, prefix);
}

Xapian::TermGenerator term_generator() {
  Xapian::TermGenerator tg;
  tg.set_stemmer(stemmer());
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_stopper(stopper());
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  return tg;
}

Xapian::QueryParser text_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp;
  qp.set_stemmer(stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_stopper(stopper());
  qp.set_database(db);
  for (const auto& f : schema::kFields)
    if (f.kind == schema::FieldKind::kFreeText) qp.add_prefix(std::string(f.name), std::string(f.prefix));
  return qp;
}

Xapian::QueryParser query_parser(const Xapian::Database& db) {
  Xapian::QueryParser qp = text_parser(db);
  for (const auto& f : schema::kFields)
    if (f.kind == schema::FieldKind::kBoolean) qp.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
  return qp;
}

unsigned parser_flags() {
  // Not FLAG_BOOLEAN_ANY_CASE: "pleaded not guilty" is three words, not "pleaded AND_NOT guilty".
  unsigned f = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
               Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
               Xapian::QueryParser::FLAG_PURE_NOT;
  return f;
}

}  // namespace newsidx::analysis
