// Shared by the tagger's unit tests: a training document from sentences written in the tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "indexer/entities/tagger.hpp"
#include "indexer/entities/tagger_train.hpp"

namespace tagger_test {

// A training document from sentences with [TYPE words] brackets marking entities.
inline newsidx::entities::TrainingDocument doc_from(const std::vector<std::string>& sentences) {
  namespace ent = newsidx::entities;
  ent::TrainingDocument d;
  for (const auto& s : sentences) {
    std::istringstream in(s);
    std::string w;
    bool inside = false;
    ent::EntitySpan span;
    while (in >> w) {
      if (w.front() == '[') {
        const std::string type = w.substr(1);
        span.type = type == "PER"   ? ent::EntityType::kPer
                    : type == "LOC" ? ent::EntityType::kLoc
                    : type == "ORG" ? ent::EntityType::kOrg
                                    : ent::EntityType::kMisc;
        span.begin = d.words.size();
        inside = true;
        continue;
      }
      const bool closes = inside && w.back() == ']';
      if (closes) w.pop_back();
      d.words.push_back(w);
      if (closes) {
        span.end = d.words.size();
        d.entities.push_back(span);
        inside = false;
      }
    }
    d.sentence_ends.push_back(d.words.size());
  }
  return d;
}

}  // namespace tagger_test
