// Named-entity tagger: averaged-perceptron weights, BILOU tags, Viterbi decoding per sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "gazetteer.hpp"
#include "tagger_context.hpp"
#include "tagger_sports.hpp"
#include "tokenizer.hpp"

namespace newsidx::entities {

/// The CoNLL-2003 entity types.
enum class EntityType : std::uint8_t { kPer, kLoc, kOrg, kMisc };
/// "PER", "LOC", "ORG" or "MISC".
const char* to_string(EntityType type);

/// An entity found by the tagger: tokens [begin, end) of the tagged token sequence.
struct EntitySpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  EntityType type = EntityType::kPer;
  bool operator==(const EntitySpan&) const = default;
};

/// Extra per-token features for one sentence (gazetteer hits and the like): the hook receives
/// the sentence's words and appends feature names to out[i] for word i (out has one empty
/// vector per word). A model records the hook's name; the same hook must be present when the
/// model is used, which Tagger::load checks.
using FeatureHook =
    std::function<void(const std::vector<std::string_view>& words,
                       std::vector<std::vector<std::string>>& out)>;

/// FNV-1a (64 bits) of a hook feature's name, continued from `h`: the id a feature hook's name
/// is hashed to (a name may be hashed in pieces, each continuing from the last).
inline std::uint64_t hash_name(std::string_view name, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// A feature hook that gives its features already hashed: out[i] receives hash_name of each name
/// the matching FeatureHook appends to word i, in the same order, with no string made (the
/// built-in hooks have one, which tagging uses; training reads the names). `out` has at least
/// one empty vector per word; lists past the sentence's words are to be left alone.
using HashedHook = std::function<void(const std::vector<std::string_view>& words,
                                      std::vector<std::vector<std::uint64_t>>& out)>;

/// A named feature hook; an empty name means none. With `sports`, a document that has score
/// lines (tagger_sports.hpp) also gives its capitalised words the sports features; with
/// `context`, a repeated capitalised word has the contexts of its other occurrences
/// (tagger_context.hpp).
struct NamedHook {
  std::string name;
  FeatureHook hook;
  std::optional<SportsFeatures> sports;
  std::optional<ContextFeatures> context;
};

/// A token sequence split into sentences, the tagger's input. Made from a TokenizedText, or
/// directly from pre-tokenised text (training data). `words` view memory the caller keeps.
struct TaggerInput {
  std::vector<std::string_view> words;
  std::vector<std::size_t> sentence_ends;  ///< exclusive end token of each sentence, ascending
};
/// The words and sentence ends of a TokenizedText.
TaggerInput to_tagger_input(const TokenizedText& text);

/// Rules applied to the decoded spans (tagger_repair.hpp), chosen by cross-validation; which
/// run are letters of a spec, as `newsidx-train-ner --repair` reads them.
struct SpanRepairs {
  bool join_initials = false;  ///< "i": PER, a middle initial, PER ("George W Bush") is one name
  bool drop_titles = false;    ///< "t": a PER span of honorifics only ("Mr") is no entity
  bool one_type = false;       ///< "n": a name keeps its document's majority type
  bool one_type_single = false;  ///< "s": as "n", for one-word names only
  /// "p" (ORG) or "l" (LOC): a one-word person that is a town's name ("Chelsea"), with no
  /// honorific before it and no fuller person name in the document holding it, is no person.
  char place_alone = 0;
  /// "w": a person span is cut before its first lower-case word that is no name particle ("Mr
  /// Blair derided Tory claims" read as one person "Blair derided Tory" is "Blair").
  bool cut_lower = false;
  /// Organisation boundaries (issue 19, sixth round): "a" two names or a name and capitalised
  /// words around "&" are one organisation ("Procter & Gamble"); "o" an organisation, "of", a
  /// place or organisation are one ("Cooperative Bank of Taiwan"); "j" a one-word MISC
  /// ("Jordanian") or, with "k", also a place just before an organisation joins it; "h" an
  /// organisation loses a leading "A", "An", "Both", weekday abbreviation or rank ("2.").
  bool join_ampersand = false;
  bool join_of = false;
  char join_adjective = 0;
  bool drop_lead = false;
  /// "c" / "e": an organisation takes in the capitalised words outside any span just before it
  /// (not at a sentence's start) / just after it, two at most ("Southern" of "Southern California
  /// Edison Co").
  bool extend_start = false;
  bool extend_end = false;
  /// "m": an organisation's name of several words tagged whole somewhere in the document is
  /// tagged whole wherever its words recur, replacing the spans inside it ("DAC Dunajska Streda").
  bool whole_name = false;
  /// Reads letters among "itnsplwaojkhcem" (any order), or "none"; nullopt if malformed.
  static std::optional<SpanRepairs> parse(std::string_view spec);
  /// The spec parse() reads back ("none" when no repair runs).
  std::string spec() const;
};

struct ModelData;  // the weights, defined in tagger_model.hpp

/// Which sentences the second pass of a two-stage tagger (tagger_stage.hpp) decodes again.
enum class SecondPass : std::uint8_t {
  kAll,     ///< every sentence
  kMarked,  ///< only sentences where some token has an aggregation feature; others keep the first pass's tags
  /// only sentences where some token's aggregation feature is not its own first-pass type (an
  /// entity type, or O outside the first pass's spans); others keep the first pass's tags
  kDisagreeing,
};

/// A trained tagger. Immutable after construction, so one instance serves all threads.
class Tagger {
 public:
  /// The process-wide tagger, from the model built into the binary (loaded once, thread-safe).
  /// Throws std::runtime_error if the embedded model is unreadable (a build error, not input).
  static const Tagger& instance();

  /// Reads a model from its serialized bytes (the `save()` format). `hooks` lists the feature
  /// hooks available; the model's hook, if it names one, must be among them.
  static Result<Tagger> load(std::string_view bytes, const std::vector<NamedHook>& hooks = {});

  /// Wraps trained weights (used by the trainer).
  Tagger(std::shared_ptr<const ModelData> model, NamedHook hook);

  /// The entities of every sentence of `text`, as token spans into text.tokens, in order.
  std::vector<EntitySpan> tag(const TokenizedText& text) const;

  /// Like tag(text), and appends to `hits` the gazetteer matches the features were built from
  /// (Gazetteer::match per sentence; token indices into text.tokens), so that a caller who needs
  /// them does not match again. A model trained without gazetteer_hook() leaves `hits` alone.
  std::vector<EntitySpan> tag(const TokenizedText& text, std::vector<GazMatch>& hits) const;

  /// The entities of pre-split words (the document is the unit for document-level features,
  /// so pass a whole article at once). Spans index `input.words`.
  std::vector<EntitySpan> tag(const TaggerInput& input) const;

  /// The model in its compact binary format (weights quantised to 16 bits, zeros pruned).
  std::string save() const;

  /// Number of features with non-zero weights; a measure of the model's size.
  std::size_t feature_count() const;

  /// A copy that applies `repairs` to its spans instead of default_repairs() (for CV).
  Tagger with_repairs(const SpanRepairs& repairs) const;
  /// The repairs applied to the decoded spans.
  const SpanRepairs& repairs() const { return repairs_; }

  /// Name of the feature hook the model was trained with ("" if none).
  const std::string& hook_name() const { return hook_.name; }

  /// A two-stage tagger (tagger_stage.hpp): this model tags first; the type it gave most of the
  /// other occurrences of each capitalised word (aggregate_types) is then a feature of `second`,
  /// trained with it (the same hook), whose tags are the result (span repairs after, as ever).
  /// The second pass reuses the first's features and adds the aggregation ones; with kAll, both
  /// models' weights are read in one look-up a feature (merge_models). Throws
  /// std::invalid_argument if the two models' hooks differ (a build error, not input).
  /// `extras` (kStageStrength, kStageLonger of tagger_stage.hpp) are the aggregation parts the
  /// second model was trained with.
  Tagger with_second_pass(const Tagger& second, SecondPass which, unsigned extras = 0) const;
  /// True for a two-stage tagger.
  bool two_stage() const { return second_ != nullptr; }
  /// The aggregation parts of the second pass (aggregate_types' extras; 0 for one stage).
  unsigned stage_extras() const { return stage_extras_; }

 private:
  // With `hashed`, its features instead of `hook`'s names (the same ids).
  std::vector<EntitySpan> tag_with(const TaggerInput& input, const FeatureHook& hook,
                                   const HashedHook* hashed = nullptr) const;

  std::shared_ptr<const ModelData> model_;
  NamedHook hook_;
  SpanRepairs repairs_;
  std::shared_ptr<const ModelData> second_;  ///< the second pass's weights, or none
  std::shared_ptr<const ModelData> both_;    ///< with SecondPass::kAll: both passes' weights in one table
  SecondPass which_ = SecondPass::kAll;
  unsigned stage_extras_ = 0;  ///< aggregate_types' extras for the second pass
};

/// The hook that adds gazetteer hits (Gazetteer::match: kind and B/I/L/U position) and
/// "capitalised common word" flags as features, under the name "gazetteer".
NamedHook gazetteer_hook();

/// A hook built into the binary, by name: "gazetteer", or "gazetteer+classes=SPEC", which adds
/// the word classes of the embedded table (tagger_classes.hpp; SPEC as ClassFeatures::parse
/// reads it, e.g. "012" or "12w2"); either followed by "+ctx=SPEC" (ContextFeatures::parse,
/// e.g. "w"), then "+sport=SPEC" (SportsFeatures::parse, e.g. "fg"). An unknown name gives a
/// hook with an empty name.
NamedHook builtin_hook(std::string_view name);

/// The hook of builtin_hook(name) in hashed form (the same ids, no string made); an empty
/// function for an unknown name.
HashedHook builtin_hashed_hook(std::string_view name);

/// Tagger::load with the built-in hook that the model names (builtin_hook).
Result<Tagger> load_builtin_model(std::string_view bytes);

}  // namespace newsidx::entities
