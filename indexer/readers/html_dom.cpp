// HTML pages as a tree (see html_dom.hpp).
#include "indexer/readers/html_dom.hpp"

#include <algorithm>
#include <array>

namespace newsidx::readers::html {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == ':'; }

// Elements that never contain others, or whose end tag may be omitted: their start tags do not
// deepen the estimate.
constexpr std::array<std::string_view, 31> kFlatElements = {
    "area", "base",  "br",    "col",      "embed",  "hr",     "img",   "input",
    "link", "meta",  "param", "source",   "track",  "wbr",    "p",     "li",
    "dt",   "dd",    "option", "optgroup", "tr",    "td",     "th",    "tbody",
    "thead", "tfoot", "colgroup", "rb",    "rt",     "rp",     "image"};

bool is_flat(std::string_view name) {
  return std::find(kFlatElements.begin(), kFlatElements.end(), name) != kFlatElements.end();
}

// Skips to after the end of a raw-text element (script, style) whose start tag ended at `pos`.
std::size_t skip_raw_text(std::string_view s, std::size_t pos, std::string_view name) {
  while ((pos = s.find("</", pos)) != std::string_view::npos) {
    bool match = pos + 2 + name.size() <= s.size();
    for (std::size_t i = 0; match && i < name.size(); ++i) match = lower(s[pos + 2 + i]) == name[i];
    if (match) return pos;
    pos += 2;
  }
  return s.size();
}

bool is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

bool is_inline(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK: case GUMBO_TAG_NOBR: case GUMBO_TAG_Q:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME: case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_BIG:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

std::size_t estimated_nesting_depth(std::string_view s) {
  std::size_t depth = 0, deepest = 0, pos = 0;
  std::string name;
  while ((pos = s.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (s.substr(pos).starts_with("!--")) {
      const std::size_t end = s.find("-->", pos + 3);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = pos < s.size() && s[pos] == '/';
    if (closing) ++pos;
    if (pos >= s.size() || !is_alpha(s[pos])) continue;
    name.clear();
    while (pos < s.size() && is_name_char(s[pos])) name.push_back(lower(s[pos++]));
    const std::size_t gt = s.find('>', pos);
    if (gt == std::string_view::npos) break;
    const bool self_closing = gt > 0 && s[gt - 1] == '/';
    pos = gt + 1;
    if (is_flat(name) || self_closing) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    ++depth;
    deepest = std::max(deepest, depth);
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      pos = skip_raw_text(s, pos, name);
    }
  }
  return deepest;
}

Tree::Tree(std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, so do not collect them
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

Tree::~Tree() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* Tree::root() const { return output_->root; }

const GumboNode* Tree::head() const {
  for (unsigned i = 0; i < children_of(root()).length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children_of(root()).data[i]);
    if (tag_of(c) == GUMBO_TAG_HEAD) return c;
  }
  return nullptr;
}

const GumboNode* Tree::body() const {
  for (unsigned i = 0; i < children_of(root()).length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children_of(root()).data[i]);
    if (tag_of(c) == GUMBO_TAG_BODY) return c;
  }
  return nullptr;
}

bool Tree::body_has_children() const {
  const GumboNode* b = body();
  return b && children_of(b).length > 0;
}

std::string_view attribute(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

std::vector<const GumboNode*> find_all(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> out, stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_element(n)) continue;
    if (n->v.element.tag == tag) out.push_back(n);
    const GumboVector& kids = children_of(n);
    for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  return out;
}

const GumboNode* find_first(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!is_element(n)) continue;
    if (n->v.element.tag == tag) return n;
    const GumboVector& kids = children_of(n);
    for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  return nullptr;
}

void append_collapsed(std::string& out, std::string_view text, bool& pending_space) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ws(c)) {
      pending_space = true;
      continue;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      pending_space = true;
      ++i;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != '\n') out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
}

std::string text_of(const GumboNode* root) {
  std::string out;
  bool space = false;
  // A null entry marks the end of a block element: the text after it is a new word.
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!n) {
      space = true;
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, n->v.text.text, space);
      continue;
    }
    if (!is_element(n)) continue;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_NOSCRIPT) continue;
    if (!is_inline(t)) {
      space = true;
      stack.push_back(nullptr);
    }
    const GumboVector& kids = children_of(n);
    for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  return out;
}

}  // namespace newsidx::readers::html
