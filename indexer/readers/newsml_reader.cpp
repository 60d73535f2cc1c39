// Reader for IPTC NewsML-G2 (see newsml_reader.hpp).
#include "indexer/readers/newsml_reader.hpp"

#include <array>
#include <cstdlib>
#include <map>
#include <utility>

#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/nitf_reader.hpp"
#include "indexer/readers/page.hpp"
#include "indexer/readers/versions.hpp"
#include "indexer/readers/xml.hpp"

namespace newsidx::readers {
namespace {

struct Context {
  std::string_view rel_path, display_path;
  const ReaderOptions& options;
  ReadResult& result;
  void warn(std::size_t line, std::string reason, bool skipped = true) {
    result.warnings.push_back({std::string(display_path), line, std::move(reason), skipped});
  }
};

void join(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ", ";
  out += part;
}

// The body from contentSet: inline NITF, inline XHTML or inline plain text. Fills what the
// body gives and contentMeta did not.
bool read_content(XmlNode item, Article& a, Context& ctx) {
  const XmlNode set = child(item, "contentSet");
  for (XmlNode inline_xml : children(set, "inlineXML")) {
    if (XmlNode nitf = child(inline_xml, "nitf")) {
      NitfArticle n = nitf_article(nitf);
      if (!n.article) continue;
      if (a.title.empty()) a.title = n.article->title;
      if (a.author.empty()) a.author = n.article->author;
      if (a.date.empty()) a.date = n.article->date;
      const std::string dateline = a.dateline_text;
      a.text = std::move(n.article->text);
      a.body = n.article->body;
      a.dateline = n.article->dateline;
      a.dateline_text = dateline.empty() ? n.article->dateline_text : dateline;
      for (std::string& t : n.article->tags) a.tags.push_back(std::move(t));
      return true;
    }
    if (XmlNode html = child(inline_xml, "html")) {
      if (ctx.options.pages) {
        PageSource source{std::string(ctx.display_path), std::string(ctx.rel_path), "",
                          "application/xhtml+xml; charset=utf-8", line_of(html)};
        source.fragment = true;
        source.id_base = std::string(id_base(ctx.rel_path, ctx.options));
        PageResult page = ctx.options.pages(inner_xml(inline_xml), source);
        for (ReadWarning& w : page.warnings) ctx.result.warnings.push_back(std::move(w));
        if (!page.article) continue;
        const std::string dateline = a.dateline_text;
        a.text = std::move(page.article->text);
        a.body = page.article->body;
        a.dateline = page.article->dateline;
        a.dateline_text = dateline.empty() ? page.article->dateline_text : dateline;
        if (a.title.empty()) a.title = page.article->title;
        return true;
      }
      const XmlNode body = child(html, "body");
      std::string text = block_text(body ? body : html);
      if (trim(text).empty()) continue;
      const std::string dateline = a.dateline_text;
      set_body(a, std::move(text));
      if (!dateline.empty()) a.dateline_text = dateline;
      return true;
    }
  }
  for (XmlNode data : children(set, "inlineData")) {
    std::string text = block_text(data);
    if (trim(text).empty()) continue;
    const std::string dateline = a.dateline_text;
    set_body(a, std::move(text));
    if (!dateline.empty()) a.dateline_text = dateline;
    return true;
  }
  return false;
}

// Reads one newsItem; false (with a warning or notice) when it gives no article.
bool read_item(XmlNode item, Context& ctx, Article& a) {
  const std::size_t line = line_of(item);
  const std::string guid = attribute(item, "guid");
  const XmlNode meta = child(item, "itemMeta");
  const std::string item_class = attribute(child(meta, "itemClass"), "qcode");
  const std::string kind = item_class.substr(item_class.find(':') + 1);
  if (!item_class.empty() && kind != "text" && kind != "composite") {
    ctx.warn(line, "news item " + guid + " is not text news (itemClass " + item_class + ")");
    return false;
  }
  const std::string status = attribute(child(meta, "pubStatus"), "qcode");
  if (status.find("canceled") != std::string::npos || status.find("withheld") != std::string::npos) {
    ctx.warn(line, "news item " + guid + " has pubStatus " + status + ": not indexed", false);
    return false;
  }
  const XmlNode cm = child(item, "contentMeta");
  a.title = text_of(child(cm, "headline"));
  for (XmlNode by : children(cm, "by")) join(a.author, text_of(by));
  if (a.author.empty()) {
    for (XmlNode creator : children(cm, "creator")) join(a.author, text_of(child(creator, "name")));
  }
  a.dateline_text = text_of(child(cm, "dateline"));
  const std::string located = text_of(child(child(cm, "located"), "name"));
  if (a.dateline_text.empty()) a.dateline_text = located;
  a.lang = attribute(child(cm, "language"), "tag");
  const std::string created = text_of(child(meta, "versionCreated"));
  std::string date = created;
  if (date.empty()) date = text_of(child(meta, "firstCreated"));
  a.date = parse_date(date);
  a.version = newsml_version_key(attribute(item, "version"), created);
  for (XmlNode subject : children(cm, "subject")) {
    if (std::string qcode = attribute(subject, "qcode"); !qcode.empty()) a.tags.push_back("subject:" + qcode);
  }
  if (!located.empty()) a.tags.push_back("located:" + located);
  if (!read_content(item, a, ctx)) {
    ctx.warn(line, "news item " + guid + " has no text content (inlineXML or inlineData)");
    return false;
  }
  a.id = guid.empty() ? std::string(id_base(ctx.rel_path, ctx.options)) + "#" + std::to_string(line) : guid;
  a.path = std::string(ctx.display_path);
  a.line = line;
  return true;
}

}  // namespace

bool is_newsml_root(std::string_view root) {
  static constexpr std::array<std::string_view, 8> kRoots = {
      "newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalog",
      "catalogItem"};
  for (std::string_view r : kRoots)
    if (r == root) return true;
  return false;
}

ReadResult read_newsml(std::string_view bytes, std::string_view rel_path, std::string_view display_path,
                       const ReaderOptions& options) {
  ReadResult result;
  Context ctx{rel_path, display_path, options, result};
  const XmlDoc doc = parse_xml(bytes);
  if (!doc.doc) {
    ctx.warn(doc.line, doc.error);
    return result;
  }
  const XmlNode root = doc.root();
  std::vector<XmlNode> items;
  if (local_name(root) == "newsMessage") {
    for (XmlNode set : children(root, "itemSet")) {
      for (XmlNode item : children(set)) items.push_back(item);
    }
  } else {
    items.push_back(root);
  }
  // The newest version of each guid in this document wins (ties: the later item), as across
  // files (see versions.hpp).
  std::map<std::string, std::size_t> newest;  // guid -> article index
  for (XmlNode item : items) {
    if (local_name(item) != "newsItem") {
      const std::string guid = attribute(item, "guid");
      ctx.warn(line_of(item), std::string(local_name(item)) + (guid.empty() ? "" : " " + guid) + " is not a news item");
      continue;
    }
    Article a;
    if (!read_item(item, ctx, a)) continue;
    auto [it, fresh] = newest.try_emplace(a.id, result.articles.size());
    if (fresh) {
      result.articles.push_back(std::move(a));
    } else if (Article& kept = result.articles[it->second]; newer_version(a.version, a.line, kept.version, kept.line)) {
      kept = std::move(a);
    }
  }
  if (items.empty()) ctx.warn(line_of(root), "newsMessage holds no items");
  return result;
}

}  // namespace newsidx::readers
