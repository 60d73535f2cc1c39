// The metadata of a web page: headline, publication date, author, section, canonical URL, site
// and language, from JSON-LD, Open Graph and the usual <meta> names, <time>, <h1>, <title>.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newsidx::readers::html {

/// What a page says about itself. Empty strings where it says nothing.
struct PageMeta {
  std::string title;          ///< JSON-LD headline, og:title, the main <h1>, <title> without site name
  std::string date;           ///< "YYYY-MM-DD" as the timestamp states it in its own offset
  std::string author;         ///< JSON-LD author names, <meta name=author>, else the byline's text
  std::string section;        ///< JSON-LD articleSection, article:section
  std::string canonical_url;  ///< <link rel=canonical>, og:url (absolute http(s) URLs only)
  std::string declared_url;   ///< <link rel=canonical>, else og:url, as written (may be "//host/x")
  std::string site_name;      ///< og:site_name, JSON-LD publisher name
  std::string lang;           ///< <html lang> (or Content-Language), lower case, e.g. "en-gb"
  std::string article_body;   ///< JSON-LD articleBody, or ""
  /// The JSON-LD @type of the page's article item; else "collectionpage", "searchresultspage"
  /// or "itemlist" when an item says the page is a list of others; else og:type. Lower case.
  std::string type;
};

/// Reads the metadata of a parsed page. `root` is the <html> element; `url` is the address the
/// page came from, if known (a date in its path is the last resort for the date).
PageMeta read_page_meta(const GumboNode* root, std::string_view url);

/// True when `part` of a title names the site: it is `site_name` (og:site_name), or that name
/// without a domain ending or motto ("Factorio" for "Factorio.com", "Aktuálně.cz" for
/// "Aktuálně.cz - Víte, co se právě děje"), or the name of `host` ("factorio" for
/// "www.factorio.com"). Case is ignored.
bool names_site(std::string_view part, std::string_view site_name, std::string_view host = "");

/// `title` without a first or last part (cut at " | ", " - ", " – ", " — ", " :: ", " » ",
/// " · ") that names the site (names_site); unchanged when no end part does.
std::string strip_named_site(std::string_view title, std::string_view site_name, std::string_view host = "");

/// The <title> text without its site-name suffix ("Headline - Site", "Site | Headline"):
/// strip_named_site when an end part names the site; else without its last part ("Headline |
/// Section | Blog" -> "Headline | Section"), else without its first part, when what remains has
/// three words or more (separators are not words); else kept whole.
std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host = "");

/// Chooses the headline: the first of `metadata` (JSON-LD headline, og:title, twitter:title, in
/// that order) that is not empty or only the site's name, as the page states it (a site part
/// stays); else `heading` (the main <h1>) when the <title> repeats it; else the <title> without its
/// site-name suffix when that has three words or more (separators are not words); else `heading`.
std::string choose_title(const std::vector<std::string>& metadata, std::string_view heading,
                         std::string_view title_text, std::string_view site_name, std::string_view host = "");

/// True when `url` ("https://host/news/", "//host/", "/es/") names a site's home or one of its
/// sections rather than a story: at most one path segment, and that segment a plain word or two
/// ("news", "world-news", "es"), without digits, a file extension or a story's many-word slug,
/// and no query ("/?p=123" is a post).
bool is_section_root(std::string_view url);

/// The primary language subtag of a language tag, lower case: "en-GB" -> "en", "" -> "".
std::string primary_language(std::string_view lang);

}  // namespace newsidx::readers::html
