// Reader for IPTC NITF 3.x (see nitf_reader.hpp).
#include "indexer/readers/nitf_reader.hpp"

#include <algorithm>
#include <utility>

#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

void add_tag(std::vector<std::string>& tags, std::string_view kind, const std::string& name) {
  if (name.empty()) return;
  std::string tag = std::string(kind) + ":" + name;
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
}

// Inline person/org/location markup; a `value` or `idsrc` attribute does not replace the name
// as written, which is what a reader of the story would search for.
void collect_markup(XmlNode node, std::vector<std::string>& tags) {
  for (XmlNode c : children(node)) {
    const std::string_view name = local_name(c);
    if (name == "person" || name == "org") {
      add_tag(tags, name, text_of(c));
    } else if (name == "location") {
      // A location may wrap city/country children; the whole is the place as written.
      add_tag(tags, "location", text_of(c));
    } else {
      collect_markup(c, tags);
    }
  }
}

std::string byline_of(XmlNode byline) {
  if (!byline) return {};
  std::string names;
  for (XmlNode p : children(byline, "person")) {
    if (!names.empty()) names += ", ";
    names += text_of(p);
  }
  if (!names.empty()) return names;
  std::string text = text_of(byline);
  if (text.size() > 3 && (text.compare(0, 3, "By ") == 0 || text.compare(0, 3, "BY ") == 0)) text.erase(0, 3);
  return text;
}

}  // namespace

NitfArticle nitf_article(XmlNode nitf) {
  NitfArticle out;
  const XmlNode head = child(nitf, "head"), body = child(nitf, "body");
  const XmlNode body_head = child(body, "body.head"), content = child(body, "body.content");
  Article a;
  a.title = text_of(descendant(child(body_head, "hedline"), "hl1"));
  if (a.title.empty()) a.title = text_of(child(head, "title"));
  const XmlNode docdata = child(head, "docdata");
  a.id = attribute(child(docdata, "doc-id"), "id-string");
  std::string date = attribute(child(docdata, "date.release"), "norm");
  if (date.empty()) date = attribute(child(docdata, "date.issue"), "norm");
  a.date = parse_date(date);
  a.author = byline_of(child(body_head, "byline"));
  const std::string dateline = text_of(child(body_head, "dateline"));
  std::string text = block_text(content);
  if (trim(text).empty()) {
    out.problem = "NITF document has no text in <body.content>";
    return out;
  }
  set_body(a, std::move(text));
  if (!dateline.empty()) a.dateline_text = dateline;
  collect_markup(body, a.tags);
  out.article = std::move(a);
  return out;
}

ReadResult read_nitf(std::string_view bytes, std::string_view id_base, std::string_view display_path) {
  ReadResult result;
  const auto warn = [&](std::size_t line, std::string reason) {
    result.warnings.push_back({std::string(display_path), line, std::move(reason), true});
  };
  const XmlDoc doc = parse_xml(bytes);
  if (!doc.doc) {
    warn(doc.line, doc.error);
    return result;
  }
  const XmlNode root = doc.root();
  if (local_name(root) != "nitf") {
    warn(line_of(root), "root element <" + std::string(local_name(root)) + "> is not <nitf>");
    return result;
  }
  NitfArticle nitf = nitf_article(root);
  if (!nitf.article) {
    warn(line_of(root), nitf.problem);
    return result;
  }
  Article& a = *nitf.article;
  if (a.id.empty()) a.id = std::string(id_base);
  a.path = std::string(display_path);
  a.line = line_of(root);
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace newsidx::readers
