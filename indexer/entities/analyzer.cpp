// Joins the extraction stages into one Analysis per article.
#include "analyzer.hpp"

namespace newsidx::entities {

Analysis analyze(const Article& article) {
  Analysis out;
  if (!article.dateline_text.empty()) out.dateline = DatelineInfo{article.dateline_text, "", ""};
  return out;
}

}  // namespace newsidx::entities
