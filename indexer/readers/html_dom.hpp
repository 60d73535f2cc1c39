// HTML pages as a tree: gumbo's HTML5 parser behind a small owning type, a guard against
// pathologically nested input, and the node helpers the content and metadata readers share.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

namespace newsidx::readers::html {

/// Pages nested deeper than this (by estimated_nesting_depth) are not parsed: HTML5 tree
/// construction scans the stack of open elements for each new element, so deep nesting costs
/// time quadratic in its depth (10,000 nested <div> take gumbo 0.9 s, 40,000 over a minute).
/// Real pages are far below: the deepest of the 130 Readability test pages estimates to 95.
inline constexpr std::size_t kMaxNestingDepth = 1000;

/// A cheap, conservative estimate of how deep a page's elements nest: start tags open, end tags
/// close, void elements and those whose end tag is optional (p, li, td, ...) do not count, and
/// comments, scripts and styles are skipped. Used only as a guard before parsing.
std::size_t estimated_nesting_depth(std::string_view html);

/// A parsed page. `utf8` must outlive it (gumbo points into the buffer).
class Tree {
 public:
  explicit Tree(std::string_view utf8);
  ~Tree();
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  /// The <html> element (gumbo always makes one, with <head> and <body>).
  const GumboNode* root() const;
  /// The <head> and <body> elements, or nullptr.
  const GumboNode* head() const;
  const GumboNode* body() const;
  /// True when the source had an explicit <body> start tag or any body content.
  bool body_has_children() const;

 private:
  GumboOutput* output_ = nullptr;
};

inline bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}
inline GumboTag tag_of(const GumboNode* n) {
  return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}
inline const GumboVector& children_of(const GumboNode* n) { return n->v.element.children; }

/// True for elements that flow inside a line of text (a, span, em, b, time, ...), and for
/// unknown tags (custom elements are most often inline wrappers).
bool is_inline(GumboTag t);

/// The value of attribute `name` (lower case), or "" when absent.
std::string_view attribute(const GumboNode* n, const char* name);

/// The first element under `root` (itself included) with tag `tag`, in document order, or
/// nullptr. Iterative: deep trees do not grow the stack.
const GumboNode* find_first(const GumboNode* root, GumboTag tag);

/// Every element under `root` (itself included) with tag `tag`, in document order.
std::vector<const GumboNode*> find_all(const GumboNode* root, GumboTag tag);

/// The text of `n` and its descendants, white space collapsed to single spaces and trimmed;
/// scripts, styles and templates are left out.
std::string text_of(const GumboNode* n);

/// Appends `text` to `out` with runs of white space (ASCII and no-break spaces) collapsed to
/// one space; `pending_space` carries a space between calls.
void append_collapsed(std::string& out, std::string_view text, bool& pending_space);

}  // namespace newsidx::readers::html
