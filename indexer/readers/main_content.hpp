// The main content of a web page: the article's paragraphs, subheadings and lists, without
// navigation, related links, share bars, comments, bylines, captions and notices.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <gumbo.h>

namespace newsidx::readers::html {

/// What the page's metadata already says, so that the body does not repeat it.
struct ContentHints {
  std::string title;   ///< a heading with this text is the headline, not part of the body
  std::string author;  ///< a short line "By <author>" is the byline, not part of the body
};

/// The main content found.
struct MainContent {
  std::string text;            ///< blocks separated by a blank line ("\n\n")
  std::size_t words = 0;       ///< words in `text`
  std::size_t paragraphs = 0;  ///< blocks in `text` that are paragraphs (not headings)
};

/// Words in `text`: runs of non-space bytes, and each Chinese or Japanese character (those
/// scripts do not space words).
std::size_t count_words(std::string_view text);

/// Finds the article body under `body` (the <body> element).
///
/// How: the text-bearing blocks of the page (paragraphs, headings, list items, quotes, and text
/// directly in a <div>) are collected, skipping what is never content (scripts, navigation,
/// forms, asides, figures, hidden elements, and elements whose class or id says comment, share,
/// related, cookie, newsletter, ...). Each paragraph of some length scores its ancestors by its
/// length and commas, nearer ancestors more (Readability's idea); a container's score is scaled
/// down by its link density and shifted by its class and id. The best container and those of its
/// siblings that score near it hold the article; inside them, blocks that are mostly links,
/// bylines, boilerplate lines and headings with nothing under them are dropped (jusText's idea).
MainContent extract_main_content(const GumboNode* body, const ContentHints& hints);

}  // namespace newsidx::readers::html
