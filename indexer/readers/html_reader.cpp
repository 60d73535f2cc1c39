// Reader for web pages (see html_reader.hpp).
#include "indexer/readers/html_reader.hpp"

#include <utility>

#include "indexer/readers/charset.hpp"
#include "indexer/readers/dateline.hpp"
#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/html_dom.hpp"
#include "indexer/readers/html_meta.hpp"
#include "indexer/readers/main_content.hpp"

namespace newsidx::readers {
namespace {

// More than this share of bytes invalid in the page's charset: the page is not that charset,
// and reading it would index mojibake.
constexpr double kMaxInvalidShare = 0.02;

// JSON-LD's articleBody as blocks: its own line breaks become paragraph breaks.
std::string body_paragraphs(std::string_view body) {
  std::string out;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = trim(body.substr(start, end - start));
    if (!line.empty()) out += (out.empty() ? "" : "\n\n") + std::string(line);
    start = end + 1;
  }
  return out;
}

Article make_article(const html::PageMeta& meta, std::string text, const PageSource& source) {
  Article a;
  a.url = !meta.canonical_url.empty() ? meta.canonical_url : source.url;
  a.id = !a.url.empty() ? a.url : path_id_base(source);
  a.path = source.path;
  a.title = meta.title;
  a.body = {0, text.size()};
  if (const auto dl = find_dateline(text, 0)) {
    a.dateline = dl->text;
    a.dateline_text = text.substr(dl->text.start, dl->text.end - dl->text.start);
    a.body.start = dl->body_start;
  }
  a.text = std::move(text);
  const PathMetadata from_path = path_metadata(source.rel_path);
  a.date = !meta.date.empty() ? meta.date : from_path.date;
  a.section = !meta.section.empty() ? meta.section : from_path.section;
  a.author = meta.author;
  a.source = meta.site_name;
  a.lang = meta.lang;
  return a;
}

}  // namespace

PageResult read_html_page(std::string_view bytes, const PageSource& source, const ReaderOptions& options) {
  PageResult r;
  const auto warn = [&](std::string reason, bool skipped) {
    r.warnings.push_back({source.path, source.offset, std::move(reason), skipped});
  };
  if (trim(bytes).empty()) {
    warn("empty page", true);
    return r;
  }
  const CharsetChoice charset = choose_charset(bytes, source.content_type);
  if (charset.source != CharsetSource::kBom && looks_binary(bytes)) {
    warn("binary data (NUL or control bytes), not an HTML page", true);
    return r;
  }
  if (!charset.ignored.empty())
    warn("unknown character set \"" + charset.ignored + "\" declared; read as " + charset.label, false);
  const DecodedPage decoded = decode_to_utf8(bytes, charset.label);
  if (static_cast<double>(decoded.replaced) > kMaxInvalidShare * static_cast<double>(bytes.size())) {
    warn("not valid " + charset.label + " (" + std::to_string(decoded.replaced) + " invalid bytes)", true);
    return r;
  }
  if (const std::size_t depth = html::estimated_nesting_depth(decoded.text); depth > html::kMaxNestingDepth) {
    warn("elements nested " + std::to_string(depth) + " deep (more than " +
             std::to_string(html::kMaxNestingDepth) + "): not parsed",
         true);
    return r;
  }

  const html::Tree tree(decoded.text);
  const html::PageMeta meta = html::read_page_meta(tree.root(), source.url);
  // A page whose structured data calls it a list of other pages is an index, however much of
  // its teasers' text reads like prose.
  if (meta.type == "collectionpage" || meta.type == "searchresultspage" || meta.type == "itemlist") {
    r.not_article = "an index page (its JSON-LD says " + meta.type + ")";
    return r;
  }
  // A page that calls itself a website, not an article, at the address of the site's home or a
  // section is a front page, even when a story is open on it (a saved front page with a story
  // in an overlay): the story has an address of its own, where it is indexed as an article.
  const std::string& address = !meta.declared_url.empty() ? meta.declared_url : source.url;
  if (meta.type == "website" && html::is_section_root(address)) {
    r.not_article = "a front page (og:type website at " + address + ")";
    return r;
  }
  html::MainContent content = html::extract_main_content(tree.body(), {meta.title, meta.author});
  // Pages whose body is built by scripts often carry the whole text in their JSON-LD.
  if (html::count_words(meta.article_body) > 2 * content.words) {
    content.text = body_paragraphs(meta.article_body);
    content.words = html::count_words(content.text);
  }
  if (source.fragment && content.words < kMinArticleWords) {
    // An item's own body is the story however short: all of its text.
    std::string whole = html::text_of(tree.body());
    if (html::count_words(whole) > content.words) content.text = std::move(whole);
    content.words = html::count_words(content.text);
  }
  if (content.words < (source.fragment ? 1 : kMinArticleWords)) {
    r.not_article = content.words == 0 ? "no article text found"
                                       : "too little article text (" + std::to_string(content.words) +
                                             " words; an index page, gallery or login wall?)";
    return r;
  }
  if (content.text.size() > options.max_article_bytes) {
    warn("article of " + std::to_string(content.text.size()) + " bytes exceeds the limit of " +
             std::to_string(options.max_article_bytes) + " bytes",
         true);
    return r;
  }
  r.article = make_article(meta, std::move(content.text), source);
  return r;
}

}  // namespace newsidx::readers
