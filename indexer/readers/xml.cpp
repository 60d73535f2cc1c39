// Safe XML parsing and tree helpers (see xml.hpp).
#include "indexer/readers/xml.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <array>
#include <cctype>
#include <mutex>

#include "indexer/readers/dateline.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_element(XmlNode n) { return n && n->type == XML_ELEMENT_NODE; }

// The first entity declared in the document's internal subset, described, or "".
std::string declared_entity(xmlDocPtr doc) {
  if (!doc || !doc->intSubset) return {};
  for (xmlNodePtr n = doc->intSubset->children; n; n = n->next) {
    if (n->type != XML_ENTITY_DECL) continue;
    const auto* e = reinterpret_cast<xmlEntityPtr>(n);
    if (e->etype == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
        e->etype == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY || e->etype == XML_EXTERNAL_PARAMETER_ENTITY) {
      return "declares the external entity '" + std::string(sv(e->name)) + "' (" +
             std::string(sv(e->SystemID)) + "): not loaded, file skipped";
    }
    return "declares the entity '" + std::string(sv(e->name)) +
           "' in its DTD: entities are not expanded, file skipped";
  }
  return {};
}

void collapse_into(std::string& out, std::string_view text, bool& space) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty() && out.back() != '\n';
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
}

// Text nodes only: entity references are never followed (nothing is expanded).
void gather_text(XmlNode n, std::string& out, bool& space) {
  for (XmlNode c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      collapse_into(out, sv(c->content), space);
    } else if (c->type == XML_ELEMENT_NODE) {
      gather_text(c, out, space);
    }
  }
}

bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 20> kBlocks = {
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "hl1", "hl2",
      "pre", "section", "article", "table", "tr", "ul", "ol", "block"};
  for (std::string_view b : kBlocks)
    if (b == name) return true;
  return false;
}

void end_paragraph(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty()) return;
  if (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") return;
  out += out.back() == '\n' ? "\n" : "\n\n";
}

void gather_blocks(XmlNode n, std::string& out, bool& space) {
  for (XmlNode c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      collapse_into(out, sv(c->content), space);
    } else if (c->type == XML_ELEMENT_NODE) {
      const std::string_view name = local_name(c);
      if (name == "br") {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out.push_back('\n');
        space = false;
        continue;
      }
      const bool block = is_block(name);
      if (block) {
        end_paragraph(out);
        space = false;
      }
      gather_blocks(c, out, space);
      if (block) {
        end_paragraph(out);
        space = false;
      }
    }
  }
}

// The first error of a parse, kept by the structured error handler set on the parser context
// (so libxml2 prints nothing, and the message is the first problem, not the last).
struct FirstError {
  bool set = false;
  std::string message;
  int line = 0;
};
thread_local FirstError t_first_error;

void keep_first_error(void*, xmlErrorPtr e) {
  if (t_first_error.set || !e || e->level < XML_ERR_ERROR) return;
  t_first_error.set = true;
  t_first_error.message = e->message ? e->message : "not well-formed";
  t_first_error.line = e->line;
}

}  // namespace

XmlNode XmlDoc::root() const { return doc ? xmlDocGetRootElement(doc.get()) : nullptr; }

XmlDoc parse_xml(std::string_view bytes) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  XmlDoc out;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) {
    out.error = "out of memory";
    return out;
  }
  // No XML_PARSE_NOENT (entity substitution) and no XML_PARSE_DTDLOAD/DTDATTR: an external
  // DTD or entity is never fetched; NONET forbids the network even so. The structured error
  // handler keeps libxml2 from printing: errors come back as values.
  const int flags = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;
  ctxt->sax->serror = keep_first_error;
  t_first_error = FirstError{};
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) {
    out.error = "invalid XML: file too large";
    xmlFreeParserCtxt(ctxt);
    return out;
  }
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                    nullptr, flags);
  const std::string entity = declared_entity(doc ? doc : ctxt->myDoc);
  if (!entity.empty()) {
    out.error = entity;
  } else if (!doc || !ctxt->wellFormed) {
    std::string message = t_first_error.set ? t_first_error.message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    // An entity bomb that libxml2 stops while declaring it still fails here; say so plainly.
    if (bytes.find("<!ENTITY") != std::string_view::npos) {
      out.error = "declares entities in its DTD (" + message + "): not expanded, file skipped";
    } else {
      out.error = "invalid XML: " + message;
    }
    out.line = t_first_error.line > 0 ? static_cast<std::size_t>(t_first_error.line) : 0;
  }
  if (out.error.empty()) {
    out.doc.reset(doc, xmlFreeDoc);
  } else if (doc) {
    xmlFreeDoc(doc);
  }
  if (!doc && ctxt->myDoc) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  xmlFreeParserCtxt(ctxt);
  return out;
}

std::string sniff_root(std::string_view bytes) {
  std::size_t pos = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  for (int guard = 0; guard < 1000 && pos < bytes.size(); ++guard) {
    pos = bytes.find('<', pos);
    if (pos == std::string_view::npos || pos + 1 >= bytes.size()) return {};
    const char next = bytes[pos + 1];
    if (next == '?') {
      pos = bytes.find("?>", pos);
    } else if (bytes.substr(pos, 4) == "<!--") {
      pos = bytes.find("-->", pos);
    } else if (next == '!') {
      // DOCTYPE, with an internal subset in brackets when there is one.
      const std::size_t bracket = bytes.find('[', pos), gt = bytes.find('>', pos);
      pos = bracket < gt ? bytes.find("]>", bracket) : gt;
    } else {
      std::size_t end = pos + 1;
      while (end < bytes.size() && std::string_view(" \t\r\n/>").find(bytes[end]) == std::string_view::npos) ++end;
      std::string_view name = bytes.substr(pos + 1, end - pos - 1);
      if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
      return std::string(name);
    }
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  return {};
}

std::string_view local_name(XmlNode node) { return is_element(node) ? sv(node->name) : std::string_view(); }

std::size_t line_of(XmlNode node) {
  const long line = node ? xmlGetLineNo(node) : 0;
  return line > 0 ? static_cast<std::size_t>(line) : 0;
}

XmlNode child(XmlNode node, std::string_view local) {
  if (!node) return nullptr;
  for (XmlNode c = node->children; c; c = c->next)
    if (is_element(c) && sv(c->name) == local) return c;
  return nullptr;
}

std::vector<XmlNode> children(XmlNode node, std::string_view local) {
  std::vector<XmlNode> out;
  if (!node) return out;
  for (XmlNode c = node->children; c; c = c->next)
    if (is_element(c) && (local.empty() || sv(c->name) == local)) out.push_back(c);
  return out;
}

XmlNode descendant(XmlNode node, std::string_view local) {
  if (!node) return nullptr;
  for (XmlNode c = node->children; c; c = c->next) {
    if (!is_element(c)) continue;
    if (sv(c->name) == local) return c;
    if (XmlNode d = descendant(c, local)) return d;
  }
  return nullptr;
}

std::string_view namespace_of(XmlNode node) {
  return is_element(node) && node->ns ? sv(node->ns->href) : std::string_view();
}

std::string attribute(XmlNode node, std::string_view name) {
  if (!is_element(node)) return {};
  for (xmlAttrPtr a = node->properties; a; a = a->next) {
    if (sv(a->name) != name) continue;
    std::string value;
    for (xmlNodePtr t = a->children; t; t = t->next)
      if (t->type == XML_TEXT_NODE) value += sv(t->content);
    return value;
  }
  return {};
}

std::string text_of(XmlNode node) {
  std::string out;
  if (!node) return out;
  bool space = false;
  gather_text(node, out, space);
  return out;
}

std::string block_text(XmlNode node) {
  std::string out;
  if (!node) return out;
  bool space = false;
  gather_blocks(node, out, space);
  return std::string(trim(out));
}

std::string inner_xml(XmlNode node) {
  std::string out;
  if (!node) return out;
  xmlBufferPtr buf = xmlBufferCreate();
  for (XmlNode c = node->children; c; c = c->next) {
    xmlNodeDump(buf, c->doc, const_cast<xmlNodePtr>(c), 0, 0);
  }
  out.assign(reinterpret_cast<const char*>(xmlBufferContent(buf)),
             static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

void set_body(Article& article, std::string body) {
  article.text = normalise_newlines(body);
  const std::string_view text = article.text;
  std::size_t start = 0;
  while (start < text.size() && space_length_at(text, start) != 0) start += space_length_at(text, start);
  const std::size_t end = start + trim(text.substr(start)).size();
  article.body = {start, end};
  if (const auto dateline = find_dateline(text.substr(0, end), start)) {
    article.dateline = dateline->text;
    article.dateline_text =
        std::string(text.substr(dateline->text.start, dateline->text.end - dateline->text.start));
    article.body.start = dateline->body_start;
  }
}

bool looks_like_html(std::string_view text) {
  for (std::size_t pos = text.find('<'); pos != std::string_view::npos; pos = text.find('<', pos + 1)) {
    if (pos + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[pos + 1])) || text[pos + 1] == '/'))
      return true;
  }
  return text.find("&lt;") != std::string_view::npos || text.find("&amp;") != std::string_view::npos;
}

}  // namespace newsidx::readers
