// The fields of a JSON Lines record as news exports name and shape them: newsidx's own keys
// ("body", "date") first, then those of common exports: news-please ("maintext",
// "date_publish", "authors", "source_domain"), schema.org's NewsArticle ("articleBody",
// "datePublished", an author object's "name"), NewsAPI ("publishedAt", a "source" object's
// "name", "description"), the New York Times APIs ("headline": {"main"}, "pub_date", "byline":
// {"original"}, "abstract"). Pure: values in, text out.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace newsidx::readers::jsonl_fields {

using Keys = std::initializer_list<const char*>;

/// The keys of each field, in the order they are tried.
inline constexpr Keys kBody = {"body", "text", "content", "maintext", "articleBody", "article_body", "full_text"};
/// A record without a body is indexed by its summary (a feed's or an API's record).
inline constexpr Keys kSummary = {"lead_paragraph", "description", "summary", "abstract"};
inline constexpr Keys kTitle = {"title", "headline"};
inline constexpr Keys kDate = {"date",         "published",      "published_at",     "pubDate",
                               "publishedAt",  "datePublished",  "date_published",   "date_publish",
                               "publish_date", "published_date", "publication_date", "pub_date"};
inline constexpr Keys kId = {"id", "guid", "uuid", "_id"};
inline constexpr Keys kAuthor = {"author", "authors", "byline", "creator"};
inline constexpr Keys kUrl = {"url", "link", "web_url"};
inline constexpr Keys kSource = {"source", "source_domain", "publisher", "site_name"};
inline constexpr Keys kSection = {"section", "section_name"};
inline constexpr Keys kTags = {"tags", "keywords", "categories"};
inline constexpr Keys kLang = {"lang", "language"};

/// The text of a value: a string; an object's "name", "main", "original", "text", "value" or
/// "$oid" (the first that is a string: {"name": "BBC News"}, {"main": "Headline"}, a paragraph's
/// {"text": ...}); an array's texts joined by `separator` (paragraphs by "\n\n", authors by
/// ", "). "" for anything else.
std::string text_of(const nlohmann::json& value, std::string_view separator);

/// The first of `keys` whose text (text_of) is not blank, or nullopt.
std::optional<std::string> first_text(const nlohmann::json& record, Keys keys, std::string_view separator = ", ");

/// A body as an export cut it, without the note of what it cut: NewsAPI's "... [+2345 chars]".
std::string without_cut_note(std::string body);

/// An author as a byline writes it, without its "By " ("By Jeanna Smialek").
std::string without_by(std::string author);

/// A language as a record gives it, as a tag in lower case: "EN" -> "en", "en_GB" -> "en_gb", and
/// the name English ("english", "English", "eng", as Webhose's exports write it) -> "en".
std::string language_tag(std::string_view given);

/// The tags of the first of kTags that gives any: an array's texts (of an object, its "value"
/// before its "name": the New York Times' {"name": "subject", "value": "Interest Rates"}), a
/// string (one tag; schema.org's "keywords" string is split at its commas).
std::vector<std::string> tags_of(const nlohmann::json& record);

/// The body keys and the summary keys as a warning names them: "body, text, ... or lead_paragraph".
std::string body_keys_named();

}  // namespace newsidx::readers::jsonl_fields
