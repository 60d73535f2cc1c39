// What ties the tagger to data built into the binary: the gazetteer feature hook and the
// embedded model (indexer/entities/data/ner.model, see embed.cmake).
#include <stdexcept>
#include <string>

#include "common/canonical.hpp"
#include "gazetteer.hpp"
#include "tagger.hpp"

extern "C" const char newsidx_ner_model_begin[];
extern "C" const char newsidx_ner_model_end[];

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

}  // namespace

NamedHook gazetteer_hook() {
  NamedHook h;
  h.name = "gazetteer";
  h.hook = [](const std::vector<std::string_view>& words, std::vector<std::vector<std::string>>& out) {
    const Gazetteer& gaz = Gazetteer::instance();
    add_gazetteer_features(gaz, words, gaz.match(words), out);
  };
  return h;
}

std::vector<EntitySpan> Tagger::tag(const TokenizedText& text, std::vector<GazMatch>& hits) const {
  if (hook_.name != "gazetteer") return tag(text);
  const Gazetteer& gaz = Gazetteer::instance();
  std::size_t offset = 0;  // the hook sees one sentence after another, in order
  const FeatureHook collecting = [&](const std::vector<std::string_view>& words,
                                     std::vector<std::vector<std::string>>& out) {
    const std::vector<GazMatch> matches = gaz.match(words);
    add_gazetteer_features(gaz, words, matches, out);
    for (GazMatch m : matches) {
      m.begin += offset;
      m.end += offset;
      hits.push_back(std::move(m));
    }
    offset += words.size();
  };
  return tag_with(to_tagger_input(text), collecting);
}

const Tagger& Tagger::instance() {
  static const Tagger tagger = [] {
    const std::string_view bytes(newsidx_ner_model_begin,
                                 static_cast<std::size_t>(newsidx_ner_model_end - newsidx_ner_model_begin));
    auto loaded = Tagger::load(bytes, {gazetteer_hook()});
    if (!loaded) throw std::runtime_error("embedded " + loaded.error().message);
    return std::move(loaded).value();
  }();
  return tagger;
}

}  // namespace newsidx::entities
