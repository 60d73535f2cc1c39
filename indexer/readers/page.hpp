// Web pages as the readers see them: where a page's bytes came from (a saved file, a WARC
// record, a feed item) and what reading it gave. Shared by the HTML reader, which turns one page
// into one article, and the container readers (WARC, RSS/Atom, NewsML-G2) that hand it pages.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// Where one page's bytes come from.
struct PageSource {
  std::string path;          ///< the file shown in warnings (a .html file, a .warc, a feed)
  std::string rel_path;      ///< the path relative to the archive root (id fallback, dates)
  std::string url;           ///< the URL the page was fetched from (WARC target, feed link), or ""
  std::string content_type;  ///< the transport's Content-Type header value, or "" (charset source)
  std::size_t offset = 0;    ///< byte offset of the WARC record or line of the feed item, 0 if none
  /// The bytes are an item's own body (a feed item's HTML content, a NewsML-G2 XHTML body), not
  /// a whole page: however short, it is the story, never "not an article".
  bool fragment = false;
  /// What ids made from the path start with (ReaderOptions::id_path: in the indexer the file's
  /// key); "" for `rel_path`. See path_id_base.
  std::string id_base = {};
};

/// What an id made from the page's path starts with: `source.id_base`, else its `rel_path`.
inline const std::string& path_id_base(const PageSource& source) {
  return source.id_base.empty() ? source.rel_path : source.id_base;
}

/// What one page gave: an article, or the reason it is not one (an index page, a gallery, a login
/// wall: counted as "not an article", not as bad input), plus any warnings.
struct PageResult {
  std::optional<Article> article;
  std::string not_article;  ///< why the page is no article; empty when `article` is set
  std::vector<ReadWarning> warnings;
};

/// Turns one HTML page into an article; the container readers take it as a parameter so that they
/// stay independent of how pages are read.
using PageReader = std::function<PageResult(std::string_view bytes, const PageSource& source)>;

}  // namespace newsidx::readers
