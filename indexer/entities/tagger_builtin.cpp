// What ties the tagger to data built into the binary: the feature hooks (gazetteer hits, word
// classes) and the embedded models (indexer/entities/data/ner.model and ner2.model, the first and
// second pass; see embed.cmake).
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

#include "common/canonical.hpp"
#include "gazetteer.hpp"
#include "tagger.hpp"
#include "tagger_classes.hpp"
#include "tagger_stage.hpp"

extern "C" const char newsidx_ner_model_begin[];
extern "C" const char newsidx_ner_model_end[];
extern "C" const char newsidx_ner2_model_begin[];
extern "C" const char newsidx_ner2_model_end[];

namespace newsidx::entities {

namespace {

// Features of one sentence's gazetteer hits: kind and B/I/L/U position; and a flag on
// capitalised words that are also ordinary English words ("Will", "May"; "Sunday" is not),
// which are often capitalised only because they open a sentence or a headline.
void add_gazetteer_features(const Gazetteer& gaz, const std::vector<std::string_view>& words,
                            const std::vector<GazMatch>& matches,
                            std::vector<std::vector<std::string>>& out) {
  for (const GazMatch& m : matches) {
    const std::string kind = to_string(m.kind);
    if (m.end - m.begin == 1) {
      out[m.begin].push_back(kind + ":U");
      continue;
    }
    out[m.begin].push_back(kind + ":B");
    for (std::size_t i = m.begin + 1; i + 1 < m.end; ++i) out[i].push_back(kind + ":I");
    out[m.end - 1].push_back(kind + ":L");
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') continue;
    if (gaz.is_common_word(canonical::ascii_lower(w))) out[i].push_back("common");
  }
}

// add_gazetteer_features with the names hashed (hash_name), in the same order.
void add_gazetteer_hashes(const Gazetteer& gaz, const std::vector<std::string_view>& words,
                          const std::vector<GazMatch>& matches, std::vector<std::vector<std::uint64_t>>& out) {
  for (const GazMatch& m : matches) {
    const std::uint64_t kind = hash_name(to_string(m.kind));
    if (m.end - m.begin == 1) {
      out[m.begin].push_back(hash_name(":U", kind));
      continue;
    }
    out[m.begin].push_back(hash_name(":B", kind));
    const std::uint64_t inside = hash_name(":I", kind);
    for (std::size_t i = m.begin + 1; i + 1 < m.end; ++i) out[i].push_back(inside);
    out[m.end - 1].push_back(hash_name(":L", kind));
  }
  const std::uint64_t common = hash_name("common");
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.empty() || w[0] < 'A' || w[0] > 'Z') continue;
    if (gaz.is_common_word(canonical::ascii_lower(w))) out[i].push_back(common);
  }
}

constexpr std::string_view kGazetteer = "gazetteer";
constexpr std::string_view kClasses = "+classes=";

// The word-class part of a hook name ("gazetteer+classes=012w2" -> 012w2): nullopt when the name
// has none, a spec with no levels when it is malformed.
std::optional<ClassFeatures> class_spec(std::string_view name) {
  if (name.substr(0, kGazetteer.size()) != kGazetteer) return ClassFeatures{0, false};
  name.remove_prefix(kGazetteer.size());
  if (name.empty()) return std::nullopt;
  if (name.substr(0, kClasses.size()) != kClasses) return ClassFeatures{0, false};
  return ClassFeatures::parse(name.substr(kClasses.size())).value_or(ClassFeatures{0, false});
}

constexpr std::string_view kSports = "+sport=";
constexpr std::string_view kContext = "+ctx=";

// A hook name split at one of its "+part=SPEC" parts: the rest before it, the features read
// (Features::parse of SPEC), and whether the part (if any) was well-formed.
template <typename Features>
struct SplitPart {
  std::string_view base;
  std::optional<Features> features;
  bool ok = true;
};
template <typename Features>
SplitPart<Features> split_part(std::string_view name, std::string_view marker) {
  const std::size_t at = name.find(marker);
  if (at == std::string_view::npos) return {name, std::nullopt, true};
  auto parsed = Features::parse(name.substr(at + marker.size()));
  return {name.substr(0, at), parsed, parsed.has_value()};
}

// "+sport=SPEC" comes last in a name, "+ctx=SPEC" before it.
SplitPart<SportsFeatures> split_sports(std::string_view name) { return split_part<SportsFeatures>(name, kSports); }
SplitPart<ContextFeatures> split_context(std::string_view base) { return split_part<ContextFeatures>(base, kContext); }

// Appends a sentence's gazetteer matches to `hits` (when given) as token indices of the whole
// text: `offset` is the sentence's first token there, moved past its `words` tokens.
void collect_hits(const std::vector<GazMatch>& matches, std::size_t words, std::size_t& offset,
                  std::vector<GazMatch>* hits) {
  if (hits != nullptr)
    for (GazMatch m : matches) {
      m.begin += offset;
      m.end += offset;
      hits->push_back(std::move(m));
    }
  offset += words;
}

// The hook of a "gazetteer..." name; with `hits`, it also collects the gazetteer matches, as
// token indices of the whole text (the hook sees one sentence after another, in order).
FeatureHook make_hook(std::optional<ClassFeatures> classes, std::vector<GazMatch>* hits) {
  return [classes, hits, offset = std::size_t{0}](const std::vector<std::string_view>& words,
                                                  std::vector<std::vector<std::string>>& out) mutable {
    const Gazetteer& gaz = Gazetteer::instance();
    const std::vector<GazMatch> matches = gaz.match(words);
    add_gazetteer_features(gaz, words, matches, out);
    if (classes) add_class_features(WordClasses::instance(), *classes, words, out);
    collect_hits(matches, words.size(), offset, hits);
  };
}

// make_hook's features hashed, with no string made (HashedHook); the same matches go to `hits`.
HashedHook make_hashed_hook(std::optional<ClassFeatures> classes, std::vector<GazMatch>* hits) {
  return [classes, hits, offset = std::size_t{0}](const std::vector<std::string_view>& words,
                                                  std::vector<std::vector<std::uint64_t>>& out) mutable {
    const Gazetteer& gaz = Gazetteer::instance();
    const std::vector<GazMatch> matches = gaz.match(words);
    add_gazetteer_hashes(gaz, words, matches, out);
    if (classes) add_class_hashes(WordClasses::instance(), *classes, words, out);
    collect_hits(matches, words.size(), offset, hits);
  };
}

// The hook name recorded in a model's header (serialize_model: 8 bytes of magic, the tag count
// and the name's length as 32-bit numbers, then the name), or "" if the bytes are too short.
std::string_view recorded_hook_name(std::string_view bytes) {
  std::uint32_t len = 0;
  if (bytes.size() < 16) return {};
  std::memcpy(&len, bytes.data() + 12, sizeof len);
  return bytes.size() - 16 < len ? std::string_view{} : bytes.substr(16, len);
}

}  // namespace

NamedHook gazetteer_hook() { return builtin_hook(kGazetteer); }

NamedHook builtin_hook(std::string_view name) {
  const auto split = split_sports(name);
  const auto context = split_context(split.base);
  const auto classes = class_spec(context.base);
  if ((classes && classes->levels == 0) || !split.ok || !context.ok) return {};
  return NamedHook{std::string(name), make_hook(classes, nullptr), split.features, context.features};
}

HashedHook builtin_hashed_hook(std::string_view name) {
  if (builtin_hook(name).name.empty()) return {};
  return make_hashed_hook(class_spec(split_context(split_sports(name).base).base), nullptr);
}

Result<Tagger> load_builtin_model(std::string_view bytes) {
  const std::string_view hook = recorded_hook_name(bytes);
  // Tagging hashes the hook's features (make_hashed_hook), which joins no sports feature with
  // them: a model trained with such features would tag without them, silently worse.
  if (const auto sports = split_sports(hook).features; sports && sports->joined())
    return Error{ErrorCode::kBadInput, "NER model: hook '" + std::string(hook) + "' joins sports features with the hook's own",
                 "tagging computes only the letters f, h, t, s, l, n (tagger_sports.hpp); retrain without g, c, k, m, d"};
  return Tagger::load(bytes, {builtin_hook(hook)});
}

std::vector<EntitySpan> Tagger::tag(const TokenizedText& text, std::vector<GazMatch>& hits) const {
  const auto classes = class_spec(split_context(split_sports(hook_.name).base).base);
  if (classes && classes->levels == 0) return tag(text);
  // The features hashed as they are made: the ids of make_hook's names, without the strings.
  const HashedHook hashed = make_hashed_hook(classes, &hits);
  return tag_with(to_tagger_input(text), FeatureHook{}, &hashed);
}

namespace {
Tagger load_embedded(const char* begin, const char* end, const char* what) {
  auto loaded = load_builtin_model(std::string_view(begin, static_cast<std::size_t>(end - begin)));
  if (!loaded) throw std::runtime_error(std::string("embedded ") + what + ": " + loaded.error().message);
  return std::move(loaded).value();
}
}  // namespace

const Tagger& Tagger::instance() {
  // Two stages (tagger_stage.hpp): ner.model tags first, ner2.model again with the aggregation
  // features, only the sentences where some word's aggregated type (or the type of the longer
  // names holding it) is not its own first-pass type (the others keep the first pass's tags): the
  // best of the variants in cross-validation, and the cheapest (QUALITY.md, NER). The aggregation
  // groups a word's occurrences of any case and adds the longer names' type, as ner2.model was
  // trained (scripts/train-ner.sh, --stage-extras li).
  static const Tagger tagger =
      load_embedded(newsidx_ner_model_begin, newsidx_ner_model_end, "ner.model")
          .with_second_pass(load_embedded(newsidx_ner2_model_begin, newsidx_ner2_model_end, "ner2.model"),
                            SecondPass::kDisagreeing, kStageLonger | kStageCaseless);
  return tagger;
}

}  // namespace newsidx::entities
