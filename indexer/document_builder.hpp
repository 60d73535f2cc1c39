// Article + Analysis -> Xapian documents (the article and one per quotation). No database; the
// only look-up outside the article is the absolute path of its folder (absolute_path).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/article.hpp"

namespace newsidx::indexer {

/// The documents one article becomes, with the unique id term each is written under.
struct BuiltDocument {
  std::string id_term;
  Xapian::Document doc;
};

struct BuiltArticle {
  BuiltDocument article;
  std::vector<BuiltDocument> quotes;
  std::string parent_term;  ///< term shared by the article's quote documents
  /// The article's words for Xapian's spelling table ("did you mean") with their wdf: plain
  /// lower-case words of 3-30 bytes, no prefixed or stemmed terms, no numbers.
  std::vector<std::pair<std::string, Xapian::termcount>> spelling;
};

/// Builds the article document and its quotation documents as common/schema.hpp lays them out.
/// `file_key` is the source file's key, its absolute path, (for the XFILE term). `own`: the
/// article's own facets before aliases (schema kOwnNames, read by the link step); nullptr when
/// they are analysis.facets.
BuiltArticle build_documents(const Article& article, const Analysis& analysis,
                             const std::string& file_key, const Facets* own = nullptr);

/// The JSON record stored as an article's document data (also used by --extract-only).
std::string article_record(const Article& article, const Analysis& analysis);

/// The absolute form of `path` (as the indexer was given it, relative to its working folder):
/// the folder resolved (".." and symbolic links), the file name kept. What records store as
/// "path", so that newsidx-query --format paths names the file wherever it runs. The one
/// file-system look-up of this file, once per folder and worker.
std::string absolute_path(const std::string& path);

}  // namespace newsidx::indexer
