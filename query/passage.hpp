// Where in an article body a snippet is looked for: a bounded window around the first word of
// the query, so that making a snippet costs the same for a long article as for a short one. Pure.
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

/// The words to look for in a body: the unprefixed terms of `query`, stems without their "Z"
/// (and without a stem's final "i", which stands for "y": "countri" finds "country"), lower
/// case, longest first, no duplicates.
std::vector<std::string> passage_words(const Xapian::Query& query);

/// The window of `text` in which to make a snippet of `length` bytes: from `length` / 2 bytes
/// before the first place a word of `words` starts a word of the text (compared without ASCII
/// case) to 2.5 * `length` bytes after it, both ends moved inwards to a space so that no word
/// or UTF-8 character is cut. Without a match the window starts the text. A text of at most
/// 3 * `length` bytes is returned whole.
PassageWindow passage_window(std::string_view text, const std::vector<std::string>& words, std::size_t length);

/// `snippet` (made from the window of `text`) with the omission mark `omit` added at either end
/// where the window cut the text and the snippet does not already say so.
std::string mark_cut_ends(std::string snippet, PassageWindow window, std::size_t text_size,
                          const std::string& omit);

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
