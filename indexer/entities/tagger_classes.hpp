// Word classes learned from unlabelled news (indexer/entities/data/word_classes.tsv, made by
// scripts/train-clusters.sh): features that let the NER tagger treat a word it never saw in its
// labelled data like the words it did see in the same contexts (Ratinov & Roth 2009).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::entities {

/// Number of class granularities in the table (coarse to fine, e.g. 64, 256, 1024 classes).
inline constexpr std::size_t kClassLevels = 3;
/// A word's class at each granularity, coarse to fine; the classes nest.
using ClassPath = std::array<std::uint16_t, kClassLevels>;

/// Lower-cased word -> class path. The words are kept as 64-bit hashes in an open-addressing
/// table (two words of 42,000 sharing a hash is a one in ten billion chance; the lookup is on
/// every token the tagger reads, so it has to be cheap).
class WordClasses {
 public:
  /// The table built into the binary (parsed once, thread-safe).
  static const WordClasses& instance();
  /// Reads "word<TAB>coarse<TAB>middle<TAB>fine" rows; '#' lines and malformed rows are skipped.
  static WordClasses parse(std::string_view tsv);
  /// The classes of `word` (any case: it is lower-cased here), or nullptr for an unknown word.
  const ClassPath* find(std::string_view word) const;
  /// Number of words in the table.
  std::size_t size() const { return size_; }

 private:
  void insert(std::uint64_t key, const ClassPath& path);
  std::vector<std::uint64_t> keys_;  // 0: empty slot; size a power of two, at most half full
  std::vector<ClassPath> paths_;
  std::size_t size_ = 0;
};

/// Which class features a tagger hook adds.
struct ClassFeatures {
  unsigned levels = 0b111;  ///< bit l: granularity l (0 coarsest)
  bool far = false;         ///< also the classes of the words two to the left and right
  bool pairs = false;       ///< also the pair (class of the word before, class of the word)
  bool cased = false;       ///< also the word's classes joined with its initial capital or not
  /// Reads "012" (levels), then optionally "x" (cased), "b" (pairs), "w2" (far), in that order;
  /// nullopt if malformed.
  static std::optional<ClassFeatures> parse(std::string_view spec);
  /// The spec parse() reads back.
  std::string spec() const;
};

/// Appends to out[i] the class features of sentence word i: "c<level>:<class>" for the word
/// itself (the tagger adds the neighbours' hook features on its own), and with `far` the
/// classes of words i-2 and i+2 ("c<level><2:<class>", "c<level>>2:<class>"), with `pairs`
/// the previous word's class and its own ("c<level>b:<class>,<class>"; "^" at the sentence
/// start, "?" after an unknown word), with `cased` "c<level>X:<class>" or "c<level>x:<class>"
/// by the word's first letter, and "c?X" or "c?x" for a word the table lacks.
void add_class_features(const WordClasses& table, const ClassFeatures& which,
                        const std::vector<std::string_view>& words,
                        std::vector<std::vector<std::string>>& out);

/// add_class_features with each feature's name hashed (hash_name of tagger.hpp) instead of
/// written: out[i] receives the same ids in the same order, and no string is made.
void add_class_hashes(const WordClasses& table, const ClassFeatures& which,
                      const std::vector<std::string_view>& words,
                      std::vector<std::vector<std::uint64_t>>& out);

}  // namespace newsidx::entities
