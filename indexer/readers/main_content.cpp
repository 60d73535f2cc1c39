// The main content of a web page (see main_content.hpp).
#include "indexer/readers/main_content.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/readers/html_dom.hpp"

namespace newsidx::readers::html {
namespace {

enum class BlockKind { kParagraph, kHeading, kListItem, kLoose };

// One run of text that reads as a unit: a paragraph, heading, list item, or text that sits
// directly in a container.
struct Block {
  const GumboNode* node = nullptr;  // the element the text belongs to
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::size_t link_bytes = 0;  // bytes of `text` inside links
  bool space = false;          // a space is pending before the next word
};

// Text and link bytes under an element, summed from its blocks.
struct Totals {
  std::size_t text = 0, links = 0;
  std::size_t prose = 0;  // bytes of paragraphs of 25 bytes or more that are mostly not links
  double score = 0;
  bool scored = false;
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Class and id words that mark what is never article text, whatever its size. Matched as
// substrings of the lower-cased class and id, so "comments" and "cookie-consent" are caught.
constexpr std::array<std::string_view, 8> kAlwaysBoilerplate = {
    "comment", "disqus", "cookie", "consent", "gdpr", "paywall", "outbrain", "taboola"};

// Class and id words of boxes around an article: share bars, newsletter sign-ups, bylines,
// captions. Layout wrappers carry such words too ("panel-two-col-sidebar", id "ad-portal",
// "gigya-share-btns_containerParent" around a whole article), so an element with one of these
// is left out only when it holds little text (kMaxBoxText).
constexpr std::array<std::string_view, 30> kBoilerplateHints = {
    "share",     "social",   "related",    "newsletter", "subscri",  "signup",    "sign-up",
    "promo",     "sponsor",  "advert",     "recommend",  "most-read", "mostread", "popular",
    "trending",  "sidebar",  "breadcrumb", "footer",     "masthead", "byline",    "caption",
    "credit",    "skip-link", "pagination", "pager",     "toolbar",  "tags",      "widget",
    "modal",     "popup"};
constexpr std::size_t kMaxBoxText = 1000;

// The best container is widened to its parent while it holds less than this share of the
// parent's prose.
constexpr double kClimbShare = 0.85;

// Class and id words of containers that hold the article.
constexpr std::array<std::string_view, 10> kContentHints = {
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose"};

// Short words matched as whole class names or ids only ("ad" must not match "header" or "load").
constexpr std::array<std::string_view, 6> kBoilerplateTokens = {"ad", "ads", "nav", "menu", "meta", "hidden"};

bool contains_any(std::string_view s, auto const& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

bool has_token(std::string_view s, auto const& tokens) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    const std::string_view tok = s.substr(i, j - i);
    if (!tok.empty() && std::find(tokens.begin(), tokens.end(), tok) != tokens.end()) return true;
    i = j;
  }
  return false;
}

std::string class_and_id(const GumboNode* n) {
  std::string s = lower(attribute(n, "class"));
  s += ' ';
  s += lower(attribute(n, "id"));
  return s;
}

// -2 for never-content hints, -1 for boilerplate hints, +1 for content hints, 0 for neither or
// both.
int hint_of(const GumboNode* n) {
  const std::string s = class_and_id(n);
  if (s.size() <= 1) return 0;
  if (contains_any(s, kAlwaysBoilerplate)) return -2;
  const bool bad = contains_any(s, kBoilerplateHints) || has_token(s, kBoilerplateTokens);
  const bool good = contains_any(s, kContentHints);
  return bad == good ? 0 : bad ? -1 : 1;
}

// True when the text under `root` is longer than `limit` bytes; stops counting there.
bool text_longer_than(const GumboNode* root, std::size_t limit) {
  std::size_t total = 0;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) {
      total += std::string_view(n->v.text.text).size();
      if (total > limit) return true;
    } else if (is_element(n) && n->v.element.tag != GUMBO_TAG_SCRIPT && n->v.element.tag != GUMBO_TAG_STYLE) {
      const GumboVector& kids = children_of(n);
      for (unsigned i = 0; i < kids.length; ++i) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
    }
  }
  return false;
}

// A box around the article that is left out: a never-content hint, or a boilerplate hint on an
// element with little text.
bool is_boilerplate_box(const GumboNode* n) {
  const int hint = hint_of(n);
  return hint == -2 || (hint == -1 && !text_longer_than(n, kMaxBoxText));
}

bool is_hidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
  if (attribute(n, "aria-hidden") == "true") return true;
  std::string style = lower(attribute(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

// Elements whose content is never article text.
bool never_content(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MENU: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements that are the outer frame of a page: their class names describe the page, not a part
// of it, so hints on them do not remove anything.
bool is_frame(GumboTag t) {
  return t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN;
}

bool is_text_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_LI:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

// Collects the blocks of a page in document order.
class BlockCollector {
 public:
  std::vector<Block> blocks;

  void walk(const GumboNode* n, int depth) {
    if (depth > 1500) return;  // deeper than any page the depth guard lets through
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      add_text(n, n->v.text.text);
      return;
    }
    if (!is_element(n)) return;
    const GumboTag t = n->v.element.tag;
    if (never_content(t) || is_hidden(n) || (!is_frame(t) && is_boilerplate_box(n))) return;
    if (t == GUMBO_TAG_BR) {
      if (current_ >= 0) blocks[current_].space = true;
      return;
    }
    if (is_inline(t)) {
      const bool was_link = in_link_;
      if (t == GUMBO_TAG_A) in_link_ = true;
      walk_children(n, depth);
      in_link_ = was_link;
      return;
    }
    // A block element: its text is a block of its own, and text after it starts another.
    const GumboNode* outer_container = container_;
    if (is_text_block(t)) {
      blocks.push_back(Block{n, kind_of(t), {}, 0, false});
      current_ = static_cast<long>(blocks.size()) - 1;
    } else {
      current_ = -1;
      container_ = n;
    }
    walk_children(n, depth);
    current_ = -1;
    container_ = outer_container;
  }

 private:
  long current_ = -1;
  const GumboNode* container_ = nullptr;
  bool in_link_ = false;

  static BlockKind kind_of(GumboTag t) {
    if (is_heading(t)) return BlockKind::kHeading;
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD || t == GUMBO_TAG_DT) return BlockKind::kListItem;
    return BlockKind::kParagraph;
  }

  void walk_children(const GumboNode* n, int depth) {
    const GumboVector& kids = children_of(n);
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
  }

  void add_text(const GumboNode* n, std::string_view text) {
    if (current_ < 0) {
      if (n->type == GUMBO_NODE_WHITESPACE || !container_) return;
      blocks.push_back(Block{container_, BlockKind::kLoose, {}, 0, false});
      current_ = static_cast<long>(blocks.size()) - 1;
    }
    Block& b = blocks[current_];
    const std::size_t before = b.text.size();
    append_collapsed(b.text, text, b.space);
    if (in_link_) b.link_bytes += b.text.size() - before;
  }
};

std::size_t count_char(std::string_view s, char c) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), c)); }

double link_density(const Totals& t) { return t.text ? static_cast<double>(t.links) / static_cast<double>(t.text) : 0.0; }

// The element whose score a block's text adds to first: the container it sits in.
const GumboNode* scoring_parent(const Block& b) {
  return b.kind == BlockKind::kLoose ? b.node : b.node->parent;
}

bool is_ancestor(const GumboNode* a, const GumboNode* n) {
  for (; n; n = n->parent)
    if (n == a) return true;
  return false;
}

// Sums text and links up the tree and scores containers from their paragraphs.
std::unordered_map<const GumboNode*, Totals> score_containers(const std::vector<Block>& blocks) {
  std::unordered_map<const GumboNode*, Totals> totals;
  for (const Block& b : blocks) {
    for (const GumboNode* n = b.node; n; n = n->parent) {
      Totals& t = totals[n];
      t.text += b.text.size();
      t.links += b.link_bytes;
    }
    if (b.kind == BlockKind::kHeading || b.text.size() < 25) continue;
    if (b.link_bytes * 3 < b.text.size())
      for (const GumboNode* n = b.node; n; n = n->parent) totals[n].prose += b.text.size();
    const double s = 1.0 + static_cast<double>(count_char(b.text, ',')) +
                     std::min(3.0, static_cast<double>(b.text.size() / 100));
    int level = 0;
    for (const GumboNode* n = scoring_parent(b); n && level < 5; n = n->parent, ++level) {
      if (n->type != GUMBO_NODE_ELEMENT) break;
      Totals& t = totals[n];
      if (!t.scored) {
        t.scored = true;
        t.score = 25.0 * std::clamp(hint_of(n), -1, 1);
      }
      t.score += level == 0 ? s : level == 1 ? s / 2 : s / (3.0 * level);
    }
  }
  for (auto& [node, t] : totals)
    if (t.scored) t.score *= 1.0 - link_density(t);
  return totals;
}

// The containers that hold the article: the best one, and siblings that score near it or are
// plain paragraphs of text.
std::vector<const GumboNode*> choose_containers(const std::unordered_map<const GumboNode*, Totals>& totals) {
  const GumboNode* top = nullptr;
  double best = 0;
  for (const auto& [node, t] : totals)
    if (t.scored && (t.score > best || (t.score == best && top && node < top))) {
      best = t.score;
      top = node;
    }
  if (!top) return {};
  // Articles cut into sections ("steps", one <div> per subheading) score each section apart;
  // an ancestor (below <body>, not mostly links) that holds much more prose than the best
  // container is the article.
  for (const GumboNode* p = top->parent; p && p->type == GUMBO_NODE_ELEMENT && tag_of(p) != GUMBO_TAG_BODY &&
                                         tag_of(p) != GUMBO_TAG_HTML;
       p = p->parent) {
    const auto it = totals.find(p);
    if (it == totals.end() || link_density(it->second) > 0.3) break;
    if (static_cast<double>(totals.at(top).prose) < kClimbShare * static_cast<double>(it->second.prose)) top = p;
  }
  best = totals.at(top).score;
  std::vector<const GumboNode*> chosen;
  const GumboNode* parent = top->parent;
  if (!parent || tag_of(top) == GUMBO_TAG_BODY) return {top};
  const double threshold = std::max(10.0, best * 0.2);
  const GumboVector& kids = children_of(parent);
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* sib = static_cast<const GumboNode*>(kids.data[i]);
    if (sib == top) {
      chosen.push_back(sib);
      continue;
    }
    const auto it = totals.find(sib);
    if (it == totals.end()) continue;
    const Totals& t = it->second;
    const bool near = t.scored && t.score >= threshold;
    const bool paragraph = tag_of(sib) == GUMBO_TAG_P && t.text > 80 && link_density(t) < 0.25;
    if (near || paragraph) chosen.push_back(sib);
  }
  return chosen;
}

// Short lines that are page furniture whatever element they sit in.
bool is_furniture(std::string_view text) {
  if (text.size() > 40) return false;
  static constexpr std::array<std::string_view, 14> kLines = {
      "advertisement", "share", "share this", "share this article", "read more", "related",
      "related articles", "related stories", "more on this story", "follow us", "sign up",
      "subscribe", "comments", "skip to content"};
  std::string l = lower(text);
  while (!l.empty() && (l.back() == ':' || l.back() == '.')) l.pop_back();
  return std::find(kLines.begin(), kLines.end(), l) != kLines.end();
}

bool is_byline(std::string_view text, const std::string& author) {
  if (text.size() > 80) return false;
  const std::string l = lower(text);
  if (!author.empty() && (l == lower(author) || l == "by " + lower(author))) return true;
  return l.starts_with("by ") && !author.empty() && l.find(lower(author)) != std::string::npos;
}

}  // namespace

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    // U+3000-U+9FFF (kana, CJK ideographs) are three-byte sequences led by 0xE3-0xE9; those
    // scripts do not space words, so each character counts as one.
    if (c >= 0xE3 && c <= 0xE9 && i + 2 < s.size()) {
      ++n;
      in_word = false;
      i += 2;
      continue;
    }
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

MainContent extract_main_content(const GumboNode* body, const ContentHints& hints) {
  MainContent out;
  if (!body) return out;
  BlockCollector collector;
  collector.walk(body, 0);
  std::vector<Block>& blocks = collector.blocks;
  const auto totals = score_containers(blocks);
  const auto containers = choose_containers(totals);

  std::vector<const Block*> kept;
  const std::string title = lower(hints.title);
  for (const Block& b : blocks) {
    if (b.text.empty()) continue;
    if (std::none_of(containers.begin(), containers.end(), [&](const GumboNode* c) { return is_ancestor(c, b.node); }))
      continue;
    const double density = static_cast<double>(b.link_bytes) / static_cast<double>(b.text.size());
    if (density > 0.5 || is_furniture(b.text) || is_byline(b.text, hints.author)) continue;
    if (b.kind == BlockKind::kHeading && lower(b.text) == title) continue;
    kept.push_back(&b);
  }
  // A heading is kept only when text follows it before the next heading: "Related stories"
  // over a list of links that was dropped goes with it.
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const Block& b = *kept[i];
    if (b.kind == BlockKind::kHeading && (i + 1 == kept.size() || kept[i + 1]->kind == BlockKind::kHeading)) continue;
    if (!out.text.empty()) out.text += "\n\n";
    out.text += b.text;
    if (b.kind != BlockKind::kHeading) ++out.paragraphs;
  }
  out.words = count_words(out.text);
  return out;
}

}  // namespace newsidx::readers::html
