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

NamedHook gazetteer_hook() {
  NamedHook h;
  h.name = "gazetteer";
  h.hook = [](const std::vector<std::string_view>& words, std::vector<std::vector<std::string>>& out) {
    const Gazetteer& gaz = Gazetteer::instance();
    for (const GazMatch& m : gaz.match(words)) {
      const std::string kind = to_string(m.kind);
      if (m.end - m.begin == 1) {
        out[m.begin].push_back(kind + ":U");
        continue;
      }
      out[m.begin].push_back(kind + ":B");
      for (std::size_t i = m.begin + 1; i + 1 < m.end; ++i) out[i].push_back(kind + ":I");
      out[m.end - 1].push_back(kind + ":L");
    }
    // A capitalised word that is also an ordinary English word ("Will", "May", "Sunday" is
    // not) is often capitalised only because it opens a sentence or a headline.
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string_view w = words[i];
      if (w.empty() || w[0] < 'A' || w[0] > 'Z') continue;
      if (gaz.is_common_word(canonical::ascii_lower(w))) out[i].push_back("common");
    }
  };
  return h;
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
