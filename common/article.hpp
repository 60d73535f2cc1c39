// Plain aggregates passed between stages: an Article as read, and what analysis finds in it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newsidx {

/// A byte range [start, end) into Article::text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

/// One article as a reader produced it. Analysis offsets refer to `text`: for a plain-text file
/// that is the whole file (headline line included); for a JSON Lines record it is the body field;
/// for an SGML story it is the story's body text.
struct Article {
  std::string id;        ///< stable unique id (JSON id, else the file's path [+ "#" story id]: absolute when indexed, relative in --extract-only)
  std::string path;      ///< path of the file it came from, as given on the command line
  std::size_t line = 0;  ///< 1-based line of the record in a multi-record file (0 if n/a)
  std::optional<std::size_t> offset;  ///< byte offset of the record in a WARC file
  std::string title;     ///< headline
  std::string text;      ///< the original text that offsets refer to
  Span body;             ///< where the body (after headline and dateline) lies in `text`
  Span dateline;         ///< the dateline's range in `text` (empty if none)
  std::string dateline_text;  ///< e.g. "WASHINGTON", "KYIV, Ukraine", "NEW YORK, March 3"
  std::string date;      ///< publication date as YYYY-MM-DD, empty if unknown
  std::string url, source, author, section;
  std::string lang;  ///< language tag as the source gives it, lower case ("en", "en-gb"), or ""
  std::vector<std::string> tags;  ///< editorial tags kept apart from extraction ("places:usa")
  /// Where the format carries versions or revision times of one item (NewsML-G2 version, a
  /// feed item's updated or pubDate): a key that sorts later for a newer version
  /// (indexer/readers/versions.hpp); "" when it carries none. Of records sharing an id, the
  /// newest wins, without a warning (see the id rule in README).
  std::string version;

  std::string_view body_text() const {
    return std::string_view(text).substr(body.start, body.end - body.start);
  }
};

/// True when entity extraction applies to `a`: its language is English or unknown (the tagger,
/// gazetteers and quotation rules are English-only; other pages are indexed as text alone).
bool analysed_for_entities(const Article& a);

/// What a mention names. The strings are the extract-format's "type" values.
enum class MentionType { kPerson, kOrg, kPlace, kCountry, kNationality };
const char* to_string(MentionType t);

/// A named entity found in Article::text.
struct Mention {
  MentionType type = MentionType::kPerson;
  Span span;
  std::string text;     ///< the bytes of `span`
  std::string entity;   ///< canonical name (one spelling per entity within the article)
  std::string country;  ///< ISO 3166-1 alpha-2 where known (places, countries, nationalities)
};

/// A direct quotation and, where found, who said it.
struct Quote {
  Span span;                          ///< the quoted text, marks excluded
  std::string text;                   ///< the quotation's words (paragraphs joined by a space)
  std::optional<std::string> speaker; ///< canonical entity, or nullopt when unnamed/unknown
  std::string speaker_type;           ///< "person", "org" or "" when no speaker
  std::optional<Span> speaker_mention;///< the span that named the speaker (may be a pronoun)
  std::optional<Span> cue;            ///< the speech verb
  std::optional<std::string> speaker_description; ///< "a senior official" when no name is given
};

/// The values an article carries in each facet (display form, canonical spelling).
struct Facets {
  std::vector<std::string> person, org, place, country, speaker;
};

/// The dateline as analysed: its text, and the place and country it names where known.
struct DatelineInfo {
  std::string text, place, country;
};

/// Everything analysis derives from one Article.
struct Analysis {
  std::optional<DatelineInfo> dateline;
  std::vector<Mention> mentions;
  std::vector<Quote> quotes;
  Facets facets;
};

}  // namespace newsidx
