// Results pages: a document-level flag for the NER tagger. In sports copy a place's name is
// usually a team ("Leeds 2 Arsenal 1", "Essex 532-8"), which CoNLL labels ORG; nothing in a
// word's window says so, but the document's score lines do. One pass over the words finds them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace newsidx::entities {

/// What one pass over a document found: its sentences and, among them, its score lines.
struct ScoreEvidence {
  std::size_t sentences = 0;
  /// Sentences with two teams' scores ("Leeds 2 Arsenal 1": two capitalised words each followed
  /// by a number of at most three digits, not a month's day), or a score ("2-1", "532-8", "6-4":
  /// numbers of at most three digits joined by a hyphen) after a capitalised word.
  std::size_t score_lines = 0;
};

/// The score lines of a document: its words and the (exclusive, ascending) ends of its
/// sentences, as TaggerInput holds them.
ScoreEvidence score_evidence(const std::vector<std::string_view>& words,
                             const std::vector<std::size_t>& sentence_ends);

/// Per word of a document: true when the same word (exactly) fills a team's place in a
/// two-team score line somewhere in it: the run of capitalised words before each of two scores
/// ("Queens Park Rangers 2 Leeds 1" makes "Queens", "Park", "Rangers" and "Leeds" team words,
/// wherever they occur: "Leeds manager Howard Wilkinson").
/// With `before_scores`, the run of capitalised words before a score whose first number is not
/// below its second is a team too ("Somerset 236-4", "PSV 4-1"; not "Rose 7-73").
std::vector<bool> team_words(const std::vector<std::string_view>& words,
                             const std::vector<std::size_t>& sentence_ends, bool before_scores = false);

/// Which sports features a tagger hook adds, and when a document counts as sports copy. None
/// is in a shipped model (QUALITY.md, NER: third and ninth rounds, tried by cross-validation).
/// The joined letters (g, c, k, m, d) are read off the hook's feature names, which only the
/// named hook gives (training); tagging through the hashed hook would lack them, so a model
/// trained with them must not ship before hook_facts (tagger.cpp) joins the hashed ids too.
struct SportsFeatures {
  bool flag = false;       ///< "f": a flag on every capitalised word
  bool gazetteer = false;  ///< "g": the flag joined with each gazetteer hit of the word
  bool classes = false;    ///< "c": the flag joined with the word's coarsest word class
  bool shape = false;      ///< "h": the flag joined with the word's shape ("Xx", "XX", "X.X.")
  /// "t": a flag on every word that fills a team's place in a two-team score line of the
  /// document (team_words), whether or not the document is flagged
  bool teams = false;
  bool team_scores = false;  ///< "s" after "t": team_words with before_scores
  /// Line and headline context (issue 19, ninth round), on capitalised words of any document:
  /// "l" the kind of the word's sentence, "ln:s" in a score line, "ln:t" in a table line (three
  /// numbers or more, and more numbers than lower-case words: "Barnsley 4 3 1 0 9 4 10"); "k"
  /// that kind joined with each feature the word already has (its gazetteer hits and classes,
  /// and a second pass's aggregation: "city:U&ln:s").
  bool line = false;
  bool line_joined = false;
  /// "n" a number beside the word: "nb:n" when the next word is a number or a score ("Leeds 2"),
  /// "nb:p" when only the word before is ("1 Chelsea"); "m" that joined with the word's features.
  bool number = false;
  bool number_joined = false;
  /// "d": in a document whose first sentence opens with a slug (an ALL-CAPS word or two, then
  /// "-": "SOCCER - ..."), a flag "slug" and the word's features joined with "&slug".
  bool slug = false;
  /// Score lines a document needs to be flagged, and the share of its sentences ("r": also a
  /// fifth of them, a results page; without it two score lines anywhere suffice).
  std::size_t min_lines = 2;
  bool results_only = false;
  /// Reads letters among "fgcht" (in that order; "s" may follow "t"), then among "lknmd" (in
  /// that order), at least one in all, then optionally "r"; nullopt if malformed.
  static std::optional<SportsFeatures> parse(std::string_view spec);
  /// The spec parse() reads back.
  std::string spec() const;
  /// True when a document with this evidence is flagged.
  bool fires(const ScoreEvidence& e) const;
  /// True when a letter joins a sports feature with the hook's features ("g", "c", "k", "m",
  /// "d"): only training's named hook makes those, so the indexer refuses such a model.
  bool joined() const { return gazetteer || classes || line_joined || number_joined || slug; }
};

/// What one pass over a document decides for its sports features.
struct SportsMarks {
  bool flagged = false;     ///< the document fires and a flag feature (f, g, c, h) is chosen
  std::vector<bool> teams;  ///< team_words, when "t" is chosen; else empty
  /// Per word, when "l" or "k" is chosen (else empty): 0 prose, 1 a score line, 2 a table line.
  std::vector<std::uint8_t> line;
  /// Per word, when "n" or "m" is chosen (else empty): 1 a number after it, 2 only one before it.
  std::vector<std::uint8_t> number;
  bool slug = false;  ///< "d" is chosen and the document opens with a slug
};

/// Per word: 0 prose, 1 in a score line, 2 in a table line (SportsFeatures::line).
std::vector<std::uint8_t> line_kinds(const std::vector<std::string_view>& words,
                                     const std::vector<std::size_t>& sentence_ends);
/// Per word: 1 when the next word of its sentence is a number or a score, else 2 when the word
/// before is, else 0 (SportsFeatures::number).
std::vector<std::uint8_t> number_neighbours(const std::vector<std::string_view>& words,
                                            const std::vector<std::size_t>& sentence_ends);
/// True when the first sentence opens with one or two ALL-CAPS words, then "-" ("SOCCER -",
/// "RUGBY UNION -").
bool opens_with_slug(const std::vector<std::string_view>& words, const std::vector<std::size_t>& sentence_ends);
/// The marks of a document (words and sentence ends as TaggerInput holds them).
SportsMarks sports_marks(const SportsFeatures& which, const std::vector<std::string_view>& words,
                         const std::vector<std::size_t>& sentence_ends);

/// Appends to `features` (the hook's features of word i of the document) the sports features
/// `which` selects: "team" for a team word; for a capitalised word of a flagged document
/// "sport", "sport&" joined with each of its gazetteer hits ("city:U") or coarsest class
/// ("c0:12"), and "sport&shape:" with `shape` (the word's shape, as a number).
void add_sports_features(const SportsFeatures& which, const SportsMarks& marks, std::size_t i, bool capitalised,
                         std::uint64_t shape, std::vector<std::string>& features);

}  // namespace newsidx::entities
