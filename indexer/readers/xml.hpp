// Safe XML for the wire-format readers (NITF, NewsML-G2, RSS/Atom): libxml2 with the network,
// DTD loading and entity substitution off, and the small tree helpers those readers share.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

struct _xmlDoc;
struct _xmlNode;

namespace newsidx::readers {

using XmlNode = const _xmlNode*;

/// A parsed document, or why there is none.
struct XmlDoc {
  std::shared_ptr<_xmlDoc> doc;  ///< null when `error` is set
  std::string error;             ///< "invalid XML: <reason>" or an entity guard's reason
  std::size_t line = 0;          ///< line of the error, 0 when unknown
  XmlNode root() const;
};

/// Parses `bytes` with XML_PARSE_NONET and without DTD loading or entity substitution. A document
/// whose DTD declares entities (an XXE attempt, an entity-expansion bomb) is refused with one
/// error naming the entity: nothing is read from outside and nothing is expanded.
XmlDoc parse_xml(std::string_view bytes);

/// The name of the root element of `bytes` without its prefix ("rss", "feed", "nitf",
/// "newsItem"), or "" when the bytes are not XML. Reads only the prolog, never the whole file.
std::string sniff_root(std::string_view bytes);

/// An element's name without its namespace prefix.
std::string_view local_name(XmlNode node);
/// The 1-based line of `node` in its document.
std::size_t line_of(XmlNode node);
/// The first child element named `local` (any namespace), or nullptr.
XmlNode child(XmlNode node, std::string_view local);
/// Every child element named `local`, or every child element when `local` is empty.
std::vector<XmlNode> children(XmlNode node, std::string_view local = {});
/// The first descendant element named `local` (depth first), or nullptr.
XmlNode descendant(XmlNode node, std::string_view local);
/// The element's namespace URI, or "".
std::string_view namespace_of(XmlNode node);
/// The value of attribute `name` (unprefixed), or "".
std::string attribute(XmlNode node, std::string_view name);
/// All the text inside `node`, white space runs collapsed to one space, trimmed. "" for nullptr.
std::string text_of(XmlNode node);
/// The text of `node` laid out in paragraphs: block elements (p, div, h1-h6, li, blockquote,
/// hl2, ...) are separated by a blank line, white space inside them collapsed.
std::string block_text(XmlNode node);
/// The markup inside `node`, serialised (for handing XHTML to an HTML reader).
std::string inner_xml(XmlNode node);

/// Sets `article.text` to `body` and spans the body (white space trimmed) and a dateline at its
/// start (find_dateline), as the JSON Lines reader does.
void set_body(Article& article, std::string body);

/// True when `text` looks like HTML markup rather than plain text (a tag or an entity).
bool looks_like_html(std::string_view text);

}  // namespace newsidx::readers
