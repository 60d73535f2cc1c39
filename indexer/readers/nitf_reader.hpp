// Reader for IPTC NITF 3.x documents (*.nitf, or *.xml whose root is nitf).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/readers/reader.hpp"
#include "indexer/readers/xml.hpp"

namespace newsidx::readers {

/// The article an <nitf> element holds (also used for NITF inside a NewsML-G2 item), or the
/// reason there is none. Fields:
///  - title: `hedline/hl1`, else `head/title`; id: `docdata/doc-id/@id-string` ("" when absent)
///  - date: `date.release/@norm`, else `date.issue/@norm`
///  - author: `byline` (its `person`s when it marks them, else its text without "By ")
///  - dateline: `dateline` as written (kept as dateline_text; the body starts after it)
///  - body: the paragraphs of `body.content`, a blank line between them
///  - tags: inline `person`, `org`, `location` (and `classifier`s of `head/tobject`) markup
///    anywhere in the body, as "person:NAME", "org:NAME", "location:NAME" (editorial tags,
///    kept apart from the entities newsidx extracts)
struct NitfArticle {
  std::optional<Article> article;
  std::string problem;  ///< why there is no article
};
NitfArticle nitf_article(XmlNode nitf);

/// Reads an NITF file: one article, id `doc-id` else `id_base` (the path relative to the archive,
/// or ReaderOptions::id_path). Invalid XML, a DTD declaring entities, a root that is not <nitf>
/// or an empty body give one skipping warning.
ReadResult read_nitf(std::string_view bytes, std::string_view id_base, std::string_view display_path);

}  // namespace newsidx::readers
