// Reader for web pages: one saved HTML page (a .html file, a WARC payload, a feed item's HTML)
// in, its article out, or the reason it holds none.
#pragma once

#include <string_view>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// A page whose main content has fewer words than this is not an article (an index page, a
/// gallery, a login wall, an error page).
inline constexpr std::size_t kMinArticleWords = 50;

/// Reads one HTML page: decodes it (byte-order mark, `source.content_type`, <meta> prescan,
/// detection, windows-1252), parses it with gumbo, reads its metadata (html_meta.hpp) and its
/// main content (main_content.hpp).
///
/// The article's `text` is the main content, UTF-8, blocks separated by a blank line; its id is
/// the canonical URL, else `source.url`, else `source.rel_path`. Empty, binary, undecodable or
/// pathologically nested pages come back as skipped warnings naming `source.path` (and
/// `source.offset` as the warning's line, when set); a page without article text comes back
/// with `not_article` saying why. Never throws for any input.
PageResult read_html_page(std::string_view bytes, const PageSource& source, const ReaderOptions& options);

}  // namespace newsidx::readers
