// Reader for Reuters-21578 SGML files (*.sgm): many <REUTERS> stories per file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/reader.hpp"

namespace newsidx::readers {

/// One <REUTERS> story's elements, character references decoded, before it becomes an Article.
struct SgmlStory {
  std::size_t line = 0;      ///< 1-based line of the <REUTERS> start tag
  std::string newid;         ///< the NEWID attribute ("" when absent)
  std::string text_type;     ///< the TEXT element's TYPE: "NORM" (default), "BRIEF", "UNPROC"
  std::string date;          ///< the DATE element as written ("26-FEB-1987 15:01:01.79")
  std::string title;         ///< TITLE, white space collapsed to single spaces
  std::string dateline;      ///< DATELINE, trimmed ("NEW YORK, Feb 26 -")
  std::string author;        ///< AUTHOR without "By " and ", Reuters"
  std::optional<std::string> body;  ///< BODY, when the story has that element
  std::string rest;          ///< TEXT content outside TITLE/DATELINE/AUTHOR/BODY, trimmed
  std::vector<std::string> tags;    ///< "topics:earn", "places:usa", ... (lower case)
};

/// Splits decoded SGML text into its stories. A <REUTERS> without its end tag runs to the next
/// start tag or the end of the file.
std::vector<SgmlStory> parse_sgml_stories(std::string_view text);

/// Reads every story of a Reuters-21578 file from decoded UTF-8 `text` (see decode_text).
///
/// Each story becomes one Article: id `id_base#NEWID` (`id_base`: the path relative to the
/// archive, or ReaderOptions::id_path), `line` its start tag's line, date from
/// DATE, source "Reuters", the editorial TOPICS/PLACES/PEOPLE/ORGS/EXCHANGES/COMPANIES codes as
/// `tags` ("places:usa"). `Article::text` is laid out like a plain-text article:
///     TITLE "\n\n" DATELINE " " BODY
/// (parts that are missing are left out with their separator), so `dateline` spans
/// "NEW YORK, Feb 26" and `body` spans BODY. The wire trailer (" Reuter" and the &#3; end mark)
/// is removed from the body. A story without BODY falls back to the rest of its TEXT (UNPROC
/// stories; the first line becomes the headline when there is no TITLE); a BRIEF story whose
/// only text is its TITLE (plus the corpus's "Blah blah blah." placeholder) gets
/// text = TITLE and a body spanning it. A story with no text at all gives a skipping warning.
ReadResult read_sgml(std::string_view id_base, std::string_view display_path,
                     std::string_view text);

}  // namespace newsidx::readers
