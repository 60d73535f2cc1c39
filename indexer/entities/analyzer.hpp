// The whole analysis of one article (dateline, entities, quotes, facets): the single entry
// point shared by indexing and --extract-only, so the two can never differ.
#pragma once

#include "common/article.hpp"

namespace newsidx::entities {

/// Analyses an article. Pure and thread-safe: any shared tables are immutable after first use.
Analysis analyze(const Article& article);

}  // namespace newsidx::entities
