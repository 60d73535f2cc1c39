// Where in an article body a snippet is looked for: a bounded window around the first word of
// the query, so that making a snippet costs the same for a long article as for a short one; and
// for a search by filters alone, the passage that mentions the entity. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsidx::query {

/// A byte range [begin, end) of a text.
struct PassageWindow {
  std::size_t begin = 0, end = 0;
  bool operator==(const PassageWindow&) const = default;
};

/// What a snippet looks for in a body, from a query's terms.
struct PassageTerms {
  std::vector<std::string> words;  ///< unstemmed terms ("oil"), lower case
  std::vector<std::string> stems;  ///< stemmed terms without their "Z" ("countri")
  /// Names of the entity filters (person, org, place, speaker: the folded name; country: its
  /// name), lower case: what a filter-only search shows the passage of. Empty when the query has
  /// words or stems, as the snippet then looks for those.
  std::vector<std::string> names;
  bool operator==(const PassageTerms&) const = default;
};

/// The words, stems and entity names of `query`, each list without duplicates, longest first.
PassageTerms passage_terms(const Xapian::Query& query);

/// The window of `text` in which to make a snippet of `length` bytes: from `length` / 2 bytes
/// before the first word of the text that is one of `terms.words` or whose stem by `stem` is
/// one of `terms.stems` (compared in lower case; "economist" is not "economy") to 2.5 *
/// `length` bytes after it, both ends moved inwards to a space so that no word or UTF-8
/// character is cut. Without a match the window starts the text. A text of at most 3 *
/// `length` bytes is returned whole.
PassageWindow passage_window(std::string_view text, const PassageTerms& terms, const Xapian::Stem& stem,
                             std::size_t length);

/// For a search by filters alone: about `length` bytes of `text` around the first mention of
/// one of `names` (the whole name at the start of a word, case ignored, any white space
/// between its words; else its last word, the surname), starting a little before it at a
/// space, the mention between `mark_start` and `mark_end`, `omit` where the text was cut. "" when
/// no name is mentioned.
std::string mention_snippet(std::string_view text, const std::vector<std::string>& names, std::size_t length,
                            char mark_start, char mark_end, const std::string& omit);

/// `snippet` (made from the window of `text`) with the omission mark `omit` added at either end
/// where the window cut the text and the snippet does not already say so.
std::string mark_cut_ends(std::string snippet, PassageWindow window, std::size_t text_size,
                          const std::string& omit);

/// `snippet` as Xapian's MSet::snippet made it, with the HTML escapes it writes for '&', '<'
/// and '>' undone: the terminal and JSON show the text ("AT&T", not "AT&amp;T"). Every '&' of
/// such a snippet starts an escape, so one pass restores the text exactly.
std::string unescape_snippet(std::string_view snippet);

/// The stemmer snippets use: it stems only words whose first letter starts one of the query's
/// stems, and returns any other word as it is. English Snowball stemming only rewrites the end
/// of a word, so such a word cannot stem to a query term and need not be stemmed; snippets call
/// the stemmer on every word of every passage, which made stemming their largest cost.
class QueryStemmer : public Xapian::StemImplementation {
 public:
  /// `stem` does the real work for words that could match an unprefixed term of `query`.
  QueryStemmer(Xapian::Stem stem, const Xapian::Query& query);
  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return "QueryStemmer(" + stem_.get_description() + ")"; }

 private:
  Xapian::Stem stem_;
  bool first_[256] = {};
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace newsidx::query
