// Context aggregation (Ratinov & Roth 2009): a capitalised word's features include the words
// around its OTHER occurrences in the document, so "Bayern ... beat Hamburg 2-1" informs a
// "Hamburg" elsewhere whose own window says nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::entities {

/// Which context features a tagger hook adds ("+ctx=SPEC" in the hook name).
struct ContextFeatures {
  bool words = false;    ///< "w": the words just before and after (lower-cased, digits as 0)
  bool classes = false;  ///< "c": their word classes (tagger_classes.hpp, the middle level)
  bool wide = false;     ///< "2": also the words two before and two after
  /// Reads letters among "wc" (in that order, at least one), then optionally "2"; nullopt if malformed.
  static std::optional<ContextFeatures> parse(std::string_view spec);
  /// The spec parse() reads back.
  std::string spec() const;
};

/// At most this many distinct context items are kept for one word of a document (the first
/// met), so that a word repeated thousands of times costs no more than one repeated a few times.
inline constexpr std::size_t kMaxContextItems = 16;

/// Per word of a document (its words and the exclusive, ascending ends of its sentences, as
/// TaggerInput holds them): for a capitalised word (first byte 'A'-'Z') that occurs more than
/// once (the same bytes), the context items of its other occurrences, each once, in the order
/// first met: "<w:beat" (the word before), ">w:0" (the word after, a number), "<c:17" (the class
/// of the word before), "<2w:..." (two before); "^" and "$" stand for the sentence's start and
/// end, "?" for a word without a class. An item that only its own occurrence has is left out.
/// Empty for every other word. Training and tagging both call this (extract_features).
std::vector<std::vector<std::string>> context_items(const ContextFeatures& which,
                                                    const std::vector<std::string_view>& words,
                                                    const std::vector<std::size_t>& sentence_ends);

}  // namespace newsidx::entities
