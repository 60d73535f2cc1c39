// Reader for IPTC NewsML-G2 (*.newsml, or *.xml whose root is a G2 item or newsMessage).
#pragma once

#include <string_view>

#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// True for the root elements of NewsML-G2 documents: newsItem, newsMessage, packageItem,
/// conceptItem, knowledgeItem, planningItem, catalog.
bool is_newsml_root(std::string_view root);

/// Reads the text news items of a NewsML-G2 document: a `newsItem`, or each item of a
/// `newsMessage`'s itemSet. One article per item:
///  - id: the `guid`; when one document carries several versions of a guid, the highest
///    `version` wins (across files, the file read last wins: ids are replaced, never doubled)
///  - title: contentMeta `headline`; author: each `by` (else each `creator/name`), joined
///    with ", "; dateline: `dateline`
///    (else `located/name`); lang: contentMeta `language/@tag`
///  - date: itemMeta `versionCreated`, else `firstCreated`
///  - tags: each contentMeta `subject/@qcode` ("subject:medtop:20000763"), and "located:NAME"
///  - body: contentSet `inlineXML` holding NITF (its body.content paragraphs, its hedline and
///    byline when contentMeta lacks them) or XHTML (handed to `options.pages`, the HTML reader;
///    without one, the paragraphs of its body), else `inlineData` as plain text
/// Items that are not text news (itemClass picture, graphic, video, audio, ...; concept,
/// knowledge, planning, package and catalog items) are named and skipped. An item whose
/// pubStatus is canceled or withheld is not indexed (a notice, not bad input); an indexed
/// earlier version of it is not removed.
ReadResult read_newsml(std::string_view bytes, std::string_view rel_path, std::string_view display_path,
                       const ReaderOptions& options = {});

}  // namespace newsidx::readers
