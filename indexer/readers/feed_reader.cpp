// Reader for RSS 2.0 and Atom feeds (see feed_reader.hpp).
#include "indexer/readers/feed_reader.hpp"

#include <optional>
#include <utility>

#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/versions.hpp"
#include "indexer/readers/xml.hpp"

namespace newsidx::readers {
namespace {

// One candidate body of an item: its text and whether it is HTML.
struct Body {
  std::string text;
  bool html = false;
};

// What an item gives before its body is read.
struct Item {
  Article article;
  std::vector<Body> bodies;  // best first
};

void add_body(std::vector<Body>& bodies, std::string text, bool html) {
  if (!trim(text).empty()) bodies.push_back({std::move(text), html});
}

// Atom text constructs: type="html" is escaped HTML, "xhtml" an inline div, else plain text.
void add_atom_body(std::vector<Body>& bodies, XmlNode node) {
  if (!node) return;
  const std::string type = attribute(node, "type");
  if (type == "xhtml") {
    add_body(bodies, inner_xml(node), true);
  } else if (type == "html" || type == "text/html") {
    add_body(bodies, text_of(node), true);
  } else if (type.empty() || type == "text" || type == "text/plain") {
    std::string text = block_text(node);
    add_body(bodies, text, looks_like_html(text));
  }
}

void append_author(std::string& authors, std::string name) {
  if (name.empty()) return;
  if (!authors.empty()) authors += ", ";
  authors += name;
}

Item rss_item(XmlNode item, const std::string& source) {
  Item out;
  Article& a = out.article;
  a.title = text_of(child(item, "title"));
  a.url = text_of(child(item, "link"));
  a.id = text_of(child(item, "guid"));
  if (a.id.empty()) a.id = a.url;
  a.source = source;
  std::string date = text_of(child(item, "pubDate"));
  if (date.empty()) date = text_of(child(item, "date"));  // dc:date
  a.date = parse_date(date);
  a.version = timestamp_key(date);
  for (XmlNode c : children(item, "creator")) append_author(a.author, text_of(c));
  if (a.author.empty()) append_author(a.author, text_of(child(item, "author")));
  for (XmlNode c : children(item, "category")) {
    if (std::string tag = text_of(c); !tag.empty()) a.tags.push_back(std::move(tag));
  }
  add_body(out.bodies, text_of(child(item, "encoded")), true);  // content:encoded
  const std::string description = block_text(child(item, "description"));
  add_body(out.bodies, description, looks_like_html(description));
  return out;
}

Item atom_entry(XmlNode entry, const std::string& source) {
  Item out;
  Article& a = out.article;
  a.title = text_of(child(entry, "title"));
  for (XmlNode link : children(entry, "link")) {
    const std::string rel = attribute(link, "rel");
    if (rel.empty() || rel == "alternate") {
      a.url = attribute(link, "href");
      break;
    }
  }
  a.id = text_of(child(entry, "id"));
  if (a.id.empty()) a.id = a.url;
  a.source = source;
  std::string date = text_of(child(entry, "published"));
  const std::string updated = text_of(child(entry, "updated"));
  if (date.empty()) date = updated;
  a.date = parse_date(date);
  a.version = timestamp_key(updated.empty() ? date : updated);  // the entry's revision time
  for (XmlNode author : children(entry, "author")) append_author(a.author, text_of(child(author, "name")));
  for (XmlNode c : children(entry, "category")) {
    if (std::string tag = attribute(c, "term"); !tag.empty()) a.tags.push_back(std::move(tag));
  }
  add_atom_body(out.bodies, child(entry, "content"));
  add_atom_body(out.bodies, child(entry, "summary"));
  return out;
}

// Gives the item its body: plain text as it is, HTML through the page reader. A reason when
// the item has none it can use.
std::optional<std::string> read_body(Item& item, const PageSource& file, const ReaderOptions& options,
                                     std::vector<ReadWarning>& warnings) {
  if (item.bodies.empty()) return "feed item has no content or description";
  for (Body& body : item.bodies) {
    if (!body.html) {
      set_body(item.article, std::move(body.text));
      return std::nullopt;
    }
    if (!options.pages) continue;
    PageSource source{file.path, file.rel_path, item.article.url, "text/html; charset=utf-8",
                      item.article.line};
    source.fragment = true;
    source.id_base = file.id_base;
    PageResult page = options.pages(body.text, source);
    for (ReadWarning& w : page.warnings) warnings.push_back(std::move(w));
    if (!page.article) return "feed item's HTML content is not an article: " + page.not_article;
    Article& a = item.article;
    a.text = std::move(page.article->text);
    a.body = page.article->body;
    a.dateline = page.article->dateline;
    a.dateline_text = std::move(page.article->dateline_text);
    if (a.title.empty()) a.title = page.article->title;
    if (a.author.empty()) a.author = page.article->author;
    if (a.date.empty()) a.date = page.article->date;
    return std::nullopt;
  }
  return "feed item's content is HTML and not read (no HTML reader)";
}

}  // namespace

ReadResult read_feed(std::string_view bytes, const PageSource& file, const ReaderOptions& options) {
  ReadResult result;
  const auto warn = [&](std::size_t line, std::string reason) {
    result.warnings.push_back({file.path, line, std::move(reason), true});
  };
  const XmlDoc doc = parse_xml(bytes);
  if (!doc.doc) {
    warn(doc.line, doc.error);
    return result;
  }
  const XmlNode root = doc.root();
  std::vector<XmlNode> items;
  std::string source;
  bool atom = false;
  if (local_name(root) == "rss") {
    const XmlNode channel = child(root, "channel");
    source = text_of(child(channel, "title"));
    items = children(channel, "item");
  } else if (local_name(root) == "feed") {
    atom = true;
    source = text_of(child(root, "title"));
    items = children(root, "entry");
  } else {
    warn(line_of(root), "root element <" + std::string(local_name(root)) + "> is not an RSS or Atom feed");
    return result;
  }
  for (XmlNode node : items) {
    Item item = atom ? atom_entry(node, source) : rss_item(node, source);
    item.article.line = line_of(node);
    item.article.path = file.path;
    if (item.article.id.empty()) item.article.id = path_id_base(file) + "#" + std::to_string(item.article.line);
    if (auto problem = read_body(item, file, options, result.warnings)) {
      warn(item.article.line, *problem);
      continue;
    }
    result.articles.push_back(std::move(item.article));
  }
  if (items.empty()) warn(line_of(root), atom ? "feed has no <entry>" : "feed has no <item>");
  return result;
}

}  // namespace newsidx::readers
