// --show: one article as it was indexed, read back from its stored record (schema.hpp), for
// people (text wrapped to the width, control characters escaped) or scripts (one JSON object,
// docs/json-output.md). A page of a WARC crawl has no file to open; this is how it is read.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "query/printers.hpp"

namespace newsidx::query {

/// The body's paragraphs: split at blank lines and before an indented line (typed copy such as
/// Reuters' stories indents each paragraph), each with its line breaks and runs of white space
/// made one space (a text file's hard-wrapped lines are one paragraph), empty ones left out.
std::vector<std::string> paragraphs(const std::string& body);

/// The article in text: the headline, then one "label: value" line per metadata field it has
/// (date, author, source, section, url, lang, dateline, id, file), the body by paragraphs, and
/// every value of each facet and the tags; wrapped to options.width, stored text escaped.
void print_article_text(std::ostream& out, const nlohmann::json& record, const PrintOptions& options);

/// The article as the documented JSON object: {"schema","type":"article","id","title","date",
/// "author","source","section","url","lang","dateline","path","body","facets":{person, org,
/// place, country, speaker, tags}}; "offset" for a WARC record, "line" for a line of a feed.
nlohmann::json article_json(const nlohmann::json& record);

}  // namespace newsidx::query
