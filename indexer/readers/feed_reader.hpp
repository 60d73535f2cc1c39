// Reader for RSS 2.0 and Atom feeds (*.rss, *.atom, or *.xml whose root is rss or feed).
#pragma once

#include <string_view>

#include "indexer/readers/page.hpp"
#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// Reads every item (RSS) or entry (Atom) of a feed as one article. Nothing is ever fetched.
///
///  - id: `guid` / Atom `id`, else `link`, else `rel_path#LINE`; `line` is the item's line
///  - title; url from `link` (Atom: the alternate link's href); source: the channel's title
///  - date: `pubDate`, `dc:date`, Atom `published`, else `updated`
///  - author: `dc:creator`, `author` (Atom: `author/name`), joined with ", "
///  - tags: each `category` (Atom: its `term`) as written
///  - body: `content:encoded` / Atom `content` (HTML handed to `options.pages`), else
///    `description` / `summary` (handed to it too when it looks like HTML, else read as text)
/// An item without a body, or whose only body is HTML when `options.pages` is empty ("no HTML
/// reader"), gives a skipping warning; the other items are still read. Invalid XML and a DTD
/// declaring entities are named with their line and skip the whole file.
ReadResult read_feed(std::string_view bytes, const PageSource& file, const ReaderOptions& options);

}  // namespace newsidx::readers
