// Article + Analysis -> Xapian documents (the article and one per quotation). Pure: no database.
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
/// `file_key` is the archive-relative path of the source file (for the XFILE term).
BuiltArticle build_documents(const Article& article, const Analysis& analysis,
                             const std::string& file_key);

/// The JSON record stored as an article's document data (also used by --extract-only).
std::string article_record(const Article& article, const Analysis& analysis);

}  // namespace newsidx::indexer
