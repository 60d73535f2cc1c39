// The metadata of a web page (see html_meta.hpp).
#include "indexer/readers/html_meta.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/readers/dates.hpp"
#include "indexer/readers/html_dom.hpp"

namespace newsidx::readers::html {
namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  append_collapsed(out, s, space);
  return out;
}

// The content of the page's <meta> elements by lower-case property, name or itemprop; the
// first wins. <meta> in the body counts too (pages put Open Graph tags anywhere).
std::map<std::string, std::string> meta_tags(const GumboNode* root) {
  std::map<std::string, std::string> out;
  for (const GumboNode* m : find_all(root, GUMBO_TAG_META)) {
    const std::string_view content = attribute(m, "content");
    if (content.empty()) continue;
    for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
      const std::string k = lower(attribute(m, key));
      if (!k.empty()) out.emplace(k, collapse(content));
    }
  }
  return out;
}

std::string first_of(const std::map<std::string, std::string>& tags, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = tags.find(k); it != tags.end() && !it->second.empty()) return it->second;
  return {};
}

bool is_article_type(const json& type) {
  const auto check = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
           t == "SocialMediaPosting" || t == "LiveBlogPosting";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array())
    return std::any_of(type.begin(), type.end(), [&](const json& t) { return t.is_string() && check(t.get<std::string>()); });
  return false;
}

// Every object of a JSON-LD block, descending into arrays and @graph.
void collect_items(const json& j, std::vector<const json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const json& e : j) collect_items(e, out, depth + 1);
  } else if (j.is_object()) {
    out.push_back(&j);
    if (auto g = j.find("@graph"); g != j.end()) collect_items(*g, out, depth + 1);
  }
}

std::string string_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return collapse(it->get<std::string>());
  if (it->is_array() && !it->empty() && it->front().is_string()) return collapse(it->front().get<std::string>());
  return {};
}

// Names of a JSON-LD author value: a string, an object with "name", or a list of those.
std::string names_of(const json& j) {
  std::vector<std::string> names;
  const auto add = [&](const json& e) {
    std::string n = e.is_string() ? e.get<std::string>() : e.is_object() ? string_of(e, "name") : "";
    n = collapse(n);
    if (!n.empty() && n.find("://") == std::string::npos && std::find(names.begin(), names.end(), n) == names.end())
      names.push_back(n);
  };
  if (j.is_array()) for (const json& e : j) add(e);
  else add(j);
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// What the page's JSON-LD says about its main article.
struct JsonLd {
  std::string headline, date, author, section, publisher, body, type, url, lang;
  std::string index_type;  // "collectionpage", "searchresultspage" or "itemlist", if any item is one
};

JsonLd read_json_ld(const GumboNode* root) {
  JsonLd out;
  for (const GumboNode* s : find_all(root, GUMBO_TAG_SCRIPT)) {
    if (lower(attribute(s, "type")) != "application/ld+json" || children_of(s).length == 0) continue;
    const auto* text = static_cast<const GumboNode*>(children_of(s).data[0]);
    if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_WHITESPACE) continue;
    // Some pages wrap the JSON in a CDATA section (for XHTML parsers); JSON has no such thing.
    std::string_view src = text->v.text.text;
    while (!src.empty() && std::isspace(static_cast<unsigned char>(src.front()))) src.remove_prefix(1);
    while (!src.empty() && std::isspace(static_cast<unsigned char>(src.back()))) src.remove_suffix(1);
    if (src.starts_with("<![CDATA[") && src.ends_with("]]>")) src = src.substr(9, src.size() - 12);
    const json j = json::parse(src, nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<const json*> items;
    collect_items(j, items);
    // The page's own date may sit on a WebPage item when no item is typed as an article.
    for (const json* item : items) {
      if (out.date.empty()) out.date = string_of(*item, "datePublished");
      // A page that describes itself as a list of other pages.
      const std::string type = lower(string_of(*item, "@type"));
      if (out.index_type.empty() && (type == "collectionpage" || type == "searchresultspage" || type == "itemlist"))
        out.index_type = type;
    }
    for (const json* item : items) {
      const json& it = *item;
      if (!is_article_type(it.value("@type", json())) || !out.headline.empty()) continue;
      out.headline = string_of(it, "headline");
      if (out.headline.empty()) out.headline = string_of(it, "name");
      if (auto d = string_of(it, "datePublished"); !d.empty()) out.date = d;
      if (auto a = it.find("author"); a != it.end()) out.author = names_of(*a);
      out.section = string_of(it, "articleSection");
      if (auto p = it.find("publisher"); p != it.end() && p->is_object()) out.publisher = string_of(*p, "name");
      // The body keeps its line breaks: they are its paragraphs.
      if (auto b = it.find("articleBody"); b != it.end() && b->is_string()) out.body = b->get<std::string>();
      out.url = string_of(it, "url");
      out.lang = string_of(it, "inLanguage");
      const json& t = it["@type"];
      out.type = lower(t.is_string() ? t.get<std::string>() : "article");
    }
  }
  return out;
}

std::string canonical_link(const GumboNode* root) {
  for (const GumboNode* l : find_all(root, GUMBO_TAG_LINK))
    if (lower(attribute(l, "rel")) == "canonical") return std::string(attribute(l, "href"));
  return {};
}

// The byline as the page shows it: a link marked rel="author", else an element whose class
// says byline, without a leading "By".
std::string byline_names(const GumboNode* root) {
  std::string names;
  for (const GumboNode* a : find_all(root, GUMBO_TAG_A))
    if (lower(attribute(a, "rel")) == "author") {
      names = text_of(a);
      break;
    }
  if (names.empty()) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty() && names.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (!is_element(n)) continue;
      if (lower(attribute(n, "class")).find("byline") != std::string::npos) names = text_of(n);
      const GumboVector& kids = children_of(n);
      for (unsigned i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }
  if (lower(names).starts_with("by ")) names.erase(0, 3);
  // A byline box that holds more than names (a date, a bio) is not a byline to trust.
  return names.size() <= 80 ? names : std::string();
}

bool is_absolute_url(std::string_view u) { return u.starts_with("http://") || u.starts_with("https://"); }

// The headline as the page shows it: the <h1> inside <article>, else the page's only <h1>.
std::string main_heading(const GumboNode* root) {
  if (const GumboNode* a = find_first(root, GUMBO_TAG_ARTICLE))
    if (const GumboNode* h = find_first(a, GUMBO_TAG_H1)) return text_of(h);
  const auto h1s = find_all(root, GUMBO_TAG_H1);
  return h1s.size() == 1 ? text_of(h1s.front()) : std::string();
}

// The first <time datetime> of the body that parses as a date (one marked pubdate first).
std::string time_element_date(const GumboNode* root) {
  const auto times = find_all(root, GUMBO_TAG_TIME);
  for (const GumboNode* t : times)
    if (gumbo_get_attribute(&t->v.element.attributes, "pubdate"))
      if (auto d = parse_date(attribute(t, "datetime")); !d.empty()) return d;
  for (const GumboNode* t : times)
    if (auto d = parse_date(attribute(t, "datetime")); !d.empty()) return d;
  return {};
}

// The path of a URL ("https://host/2022/01/19/x.html?q" -> "2022/01/19/x.html").
std::string_view url_path(std::string_view url) {
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    const auto slash = url.find('/');
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash + 1);
  }
  return url.substr(0, std::min(url.find('?'), url.find('#')));
}

// The host of a URL ("https://www.host.com:8080/x" -> "www.host.com"), lower case; "" if none.
std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  return lower(url.substr(0, url.find_first_of("/:?#")));
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

// The words of a title, its separators (" | ", " - ", ...) not counted.
std::size_t headline_words(std::string_view title);

}  // namespace

// Pages state their headline several times: in JSON-LD, og:title, twitter:title, the <h1> and
// the <title>. The page's metadata comes first, in the issue's order (Readability.js reads them
// in the same order); the <h1> only when the <title> repeats it, as the <h1> of many pages is a
// logo or a greeting ("Hi, I'm Nicolas."); then the <title> without its site-name suffix when
// that reads as a headline. Each loses only a part that names the site: its other parts (an
// author, a section) are the page's own.
std::string choose_title(const std::vector<std::string>& metadata, std::string_view heading,
                         std::string_view title_text, std::string_view site_name, std::string_view host) {
  // The page's metadata headline as the page states it (issue 17 cuts the site-name suffix from
  // the <title> only; Readability.js keeps these whole too). One that is only the site's name (a
  // template's og:title) names no story.
  for (const auto& c : metadata)
    if (std::string own = collapse(c); !own.empty() && !names_site(own, site_name, host)) return own;
  const std::string title_text_collapsed = collapse(title_text);
  const std::string h1 = strip_named_site(collapse(heading), site_name, host);
  if (!h1.empty() && contains_ci(title_text_collapsed, h1)) return h1;
  const std::string stripped = strip_site_name(title_text_collapsed, site_name, host);
  if (headline_words(stripped) >= 3 || h1.empty()) return stripped;
  return h1;
}

bool names_site(std::string_view part, std::string_view site_name, std::string_view host) {
  const std::string p = lower(part);
  if (p.empty()) return false;
  const auto same_name = [&](std::string_view name) {
    const std::string n = lower(name);
    if (n.empty()) return false;
    if (n == p) return true;
    // "Factorio.com" is the site "Factorio"; "Aktuálně.cz - Víte, co se právě děje" is
    // "Aktuálně.cz" with its motto.
    if (n.starts_with(p) && (n[p.size()] == '.' || n[p.size()] == ' ')) return true;
    return p.starts_with(n) && p.size() > n.size() && p[n.size()] == '.';
  };
  if (same_name(site_name)) return true;
  // The host's name without "www." and its top-level domain: "www.factorio.com" -> "factorio".
  std::string_view h = host;
  if (h.starts_with("www.")) h.remove_prefix(4);
  if (const auto dot = h.rfind('.'); dot != std::string_view::npos) h = h.substr(0, dot);
  return h.size() >= 3 && same_name(h);
}

namespace {

// What sites put between headline and site name.
constexpr std::array<std::string_view, 7> kSeparators = {" | ", " - ", " – ", " — ", " :: ", " » ", " · "};

// `title` cut at the separators that sites put between headline and site name.
std::vector<std::string> title_parts(std::string_view title) {
  std::vector<std::string> parts{std::string(title)};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> next;
    for (const auto& p : parts) {
      std::size_t start = 0, pos;
      while ((pos = p.find(sep, start)) != std::string::npos) {
        next.push_back(p.substr(start, pos - start));
        start = pos + sep.size();
      }
      next.push_back(p.substr(start));
    }
    parts = std::move(next);
  }
  return parts;
}

// `title` without its first or last part, and the separator beside it.
std::string without_end_part(std::string_view title, const std::vector<std::string>& parts, bool last) {
  std::string_view rest = title;
  if (last) rest.remove_suffix(parts.back().size());
  else rest.remove_prefix(parts.front().size());
  for (std::string_view sep : kSeparators) {
    if (last && rest.ends_with(sep)) rest.remove_suffix(sep.size());
    if (!last && rest.starts_with(sep)) rest.remove_prefix(sep.size());
  }
  return std::string(rest);
}

std::size_t headline_words(std::string_view title) {
  std::size_t n = 0;
  for (const auto& p : title_parts(title)) n += word_count(p);
  return n;
}

}  // namespace

std::string strip_named_site(std::string_view title, std::string_view site_name, std::string_view host) {
  std::string out(title);
  const auto parts = title_parts(out);
  if (parts.size() < 2) return out;
  if (names_site(parts.back(), site_name, host)) return without_end_part(out, parts, true);
  if (names_site(parts.front(), site_name, host)) return without_end_part(out, parts, false);
  return out;
}

std::string strip_site_name(std::string_view title, std::string_view site_name, std::string_view host) {
  const auto parts = title_parts(title);
  if (parts.size() < 2) return std::string(title);
  // Only the first or the last part can be the site's name.
  if (std::string named = strip_named_site(title, site_name, host); named.size() != title.size()) return named;
  // Without a known site name: the suffix is the last part ("Headline | Section | Site" keeps its
  // section, "Friday Facts #282 - 0.17 in sight | Site" its own dash), else the first part
  // ("Site | Headline"), whichever leaves a headline of three words or more.
  for (const bool last : {true, false}) {
    std::string rest = without_end_part(title, parts, last);
    if (headline_words(rest) >= 3) return rest;
  }
  return std::string(title);
}

bool is_section_root(std::string_view url) {
  if (url.empty()) return false;
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 1);
  if (url.starts_with("//")) {
    url.remove_prefix(2);
    const auto slash = url.find('/');
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  // A query names one item of a page ("/?p=123" is a WordPress post), never a section.
  if (url.find('?') != std::string_view::npos) return false;
  url = url.substr(0, url.find('#'));
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start < url.size()) {
    std::size_t end = url.find('/', start);
    if (end == std::string_view::npos) end = url.size();
    if (end > start) segments.push_back(url.substr(start, end - start));
    start = end + 1;
  }
  if (segments.empty()) return true;
  if (segments.size() > 1) return false;
  const std::string_view seg = segments.front();
  if (std::count(seg.begin(), seg.end(), '-') + std::count(seg.begin(), seg.end(), '_') > 1) return false;
  return std::none_of(seg.begin(), seg.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
}

std::string primary_language(std::string_view lang) {
  const std::size_t end = lang.find_first_of("-_");
  return lower(lang.substr(0, end));
}

PageMeta read_page_meta(const GumboNode* root, std::string_view url) {
  PageMeta m;
  const auto tags = meta_tags(root);
  const JsonLd ld = read_json_ld(root);

  m.site_name = first_of(tags, {"og:site_name"});
  if (m.site_name.empty()) m.site_name = ld.publisher;
  std::string canonical = canonical_link(root);
  m.declared_url = !canonical.empty() ? canonical : first_of(tags, {"og:url"});
  if (!is_absolute_url(canonical)) canonical = first_of(tags, {"og:url"});
  if (is_absolute_url(canonical)) m.canonical_url = canonical;

  const GumboNode* title_element = find_first(root, GUMBO_TAG_TITLE);
  m.title = choose_title({ld.headline, first_of(tags, {"og:title"}), first_of(tags, {"twitter:title"})},
                         main_heading(root), title_element ? text_of(title_element) : std::string(), m.site_name,
                         url_host(m.canonical_url.empty() ? url : std::string_view(m.canonical_url)));

  m.date = parse_date(ld.date);
  if (m.date.empty())
    m.date = parse_date(first_of(tags, {"article:published_time", "og:published_time", "datepublished",
                                        "parsely-pub-date", "pubdate", "publishdate", "publish-date",
                                        "date", "dc.date", "dc.date.issued", "dcterms.date",
                                        "dcterms.created", "sailthru.date", "article.published"}));
  if (m.date.empty()) m.date = time_element_date(root);
  if (m.date.empty()) m.date = path_metadata(url_path(url)).date;

  m.author = ld.author;
  if (m.author.empty()) {
    std::string a = first_of(tags, {"author", "article:author", "parsely-author", "dc.creator", "byl", "sailthru.author"});
    if (a.find("://") == std::string::npos) m.author = a;
    if (lower(m.author).starts_with("by ")) m.author.erase(0, 3);
  }
  if (m.author.empty()) m.author = byline_names(root);
  m.section = ld.section.empty() ? first_of(tags, {"article:section", "parsely-section"}) : ld.section;

  const GumboNode* html = root;
  m.lang = lower(attribute(html, "lang"));
  if (m.lang.empty()) m.lang = lower(attribute(html, "xml:lang"));
  if (m.lang.empty()) m.lang = lower(first_of(tags, {"content-language", "og:locale", "dc.language"}));
  if (m.lang.empty()) m.lang = lower(ld.lang);
  std::replace(m.lang.begin(), m.lang.end(), '_', '-');
  m.article_body = ld.body;
  m.type = !ld.type.empty() ? ld.type : !ld.index_type.empty() ? ld.index_type : lower(first_of(tags, {"og:type"}));
  return m;
}

}  // namespace newsidx::readers::html
