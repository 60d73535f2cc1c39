// Reader for JSON Lines archives (see jsonl_reader.hpp).
#include "indexer/readers/jsonl_reader.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/canonical.hpp"
#include "indexer/readers/dateline.hpp"
#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"
#include "indexer/readers/jsonl_fields.hpp"
#include "indexer/readers/page.hpp"

namespace newsidx::readers {
namespace {

using nlohmann::json;

// nlohmann's messages start with "[json.exception.parse_error.101] "; the reader's warning
// already says what kind of problem it is.
// `text` as a warning quotes it: whole when short, else its start and its length.
std::string quoted_start(const std::string& text) {
  constexpr std::size_t kLongest = 48;
  if (text.size() <= kLongest) return "\"" + text + "\"";
  std::size_t cut = kLongest;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole character
  return "\"" + text.substr(0, cut) + "...\" (" + std::to_string(text.size()) + " bytes)";
}

std::string short_message(const std::string& what) {
  const std::size_t close = what.find("] ");
  std::string m = close == std::string::npos ? what : what.substr(close + 2);
  // The parser quotes what it read ("number overflow parsing '1000...'"): a token of hundreds of
  // characters is cut to its start, with its length, so that the warning stays one short line.
  constexpr std::size_t kLongest = 48;
  // The token ends at the quote before "; " or at the message's end: it may hold quotes itself
  // ("last read: 'it's bbbb...'; expected ...").
  const std::size_t open = m.find('\'');
  std::size_t end = open == std::string::npos ? std::string::npos : m.find("'; ", open + 1);
  if (open != std::string::npos && end == std::string::npos && m.size() > open + 1 && m.back() == '\'')
    end = m.size() - 1;
  if (end != std::string::npos && end - open - 1 > kLongest) {
    std::size_t cut = open + 1 + kLongest;
    while (cut > open + 1 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;  // a whole character
    m = m.substr(0, cut) + "...' (" + std::to_string(end - open - 1) + " bytes)" + m.substr(end + 1);
  }
  return m;
}

// Whether a body is HTML: it closes one of the elements a CMS export or a scraper leaves
// (`</p>`, `</div>`, `</a>`), breaks lines with `<br>`, or opens a paragraph or link with an
// attribute. An opening tag alone is no proof: Reuters copy writes tickers as `<P>` (Phillips
// Petroleum), `<EM>` and firms as `<AMERICAN EXPRESS CO>`.
bool holds_html_markup(std::string_view body) {
  static constexpr std::string_view kMarks[] = {
      "</p>",  "</div>", "</li>",  "</a>",  "</em>",  "</strong>", "</span>", "</b>",   "</i>",     "</h1>",
      "</h2>", "</h3>",  "</h4>",  "<br>",  "<br/>",  "<br />",    "<p class=", "<p style=", "<a href="};
  if (body.find('<') == std::string_view::npos) return false;  // most records: no copy made
  const std::string low = canonical::ascii_lower(body.substr(0, 8192));
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](std::string_view m) { return low.find(m) != std::string::npos; });
}

// The article's body from an HTML body through the page reader, as a feed item's; false when the
// markup holds no text. A dateline that writes its year dates an undated record, as in a plain
// body (set_body).
bool set_html_body(Article& article, const std::string& html, std::string_view id_base, std::string_view display_path,
                   const PageReader& pages, std::vector<ReadWarning>& warnings) {
  PageSource source{std::string(display_path), std::string(id_base), article.url, "text/html; charset=utf-8",
                    article.line};
  source.fragment = true;
  source.id_base = std::string(id_base);
  PageResult page = pages(html, source);
  for (ReadWarning& w : page.warnings) warnings.push_back(std::move(w));
  if (!page.article || trim(page.article->body_text()).empty()) return false;
  article.text = std::move(page.article->text);
  article.body = page.article->body;
  article.dateline = page.article->dateline;
  article.dateline_text = std::move(page.article->dateline_text);
  if (article.date.empty() && article.dateline.end > article.dateline.start) {
    const std::string_view text = article.text;
    if (const auto m = find_dateline(text.substr(0, article.body.end), article.dateline.start))
      article.date = dateline_date(text, *m);
  }
  return true;
}

// Gives `article` its body: HTML through `pages` when it is HTML (escaped once, `&lt;p&gt;`, as
// some exports write it, or not) and a page reader is given, else the text with its character
// references decoded. False, with a warning, when the HTML holds no text.
bool read_body(Article& article, const std::string& body, std::string_view id_base, std::string_view display_path,
               const PageReader& pages, std::vector<ReadWarning>& warnings) {
  // Scraped records keep HTML's character references (`Beyonc&#233;`), as text files do.
  std::string decoded = decode_character_references(body);
  const bool html = pages && holds_html_markup(body);
  // Escaped HTML is markup from its first byte; prose about a tag ("stop using the &lt;br&gt;
  // tag") stays prose.
  const bool escaped = !html && pages && trim(decoded).substr(0, 1) == "<" && holds_html_markup(decoded);
  if (!html && !escaped) {
    set_body(article, std::move(decoded));
    return true;
  }
  if (set_html_body(article, html ? body : decoded, id_base, display_path, pages, warnings)) return true;
  warnings.push_back({std::string(display_path), article.line, "record's HTML body holds no text", true});
  return false;
}

// The record's date from the first of its date keys that gives one: a string parse_date reads,
// or a number (or a string of digits) date_from_number reads: "date": 1642586400, 20220119. A
// warning names the first value that gives none; an empty string or a zero is no date and no
// warning (a placeholder).
void read_date(const json& obj, Article& article, std::string_view display_path, std::vector<ReadWarning>& warnings) {
  std::string unread;
  for (const char* key : jsonl_fields::kDate) {
    const auto it = obj.find(key);
    if (it == obj.end()) continue;
    std::string typed;
    if (it->is_number()) {
      typed = it->dump();
      const double v = it->get<double>();  // a float's fraction of a second dropped
      if (v == 0) continue;                 // a placeholder, as an empty string is
      constexpr double kLargest = 1e15;    // no date has more digits: nothing to overflow
      if (v >= 1 && v < kLargest) article.date = date_from_number(std::to_string(static_cast<long long>(v)));
    } else if (it->is_string()) {
      typed = it->get<std::string>();
      if (trim(typed).find_first_not_of('0') == std::string_view::npos) continue;  // "", "0000000000"
      article.date = parse_date(typed);
      if (article.date.empty()) article.date = date_from_number(typed);
    } else {
      continue;
    }
    if (!article.date.empty()) return;
    if (unread.empty())
      unread = ambiguous_date(typed) ? "ambiguous date " + quoted_start(typed) + " (day and month either way round)"
                                     : "unrecognised date " + quoted_start(typed);
  }
  if (!unread.empty()) warnings.push_back({std::string(display_path), article.line, unread, false});
}

// The record's own id: the first of the id keys holding a string, a whole number or an
// object's "$oid" (a database export's "_id"); "" for none.
std::string record_id(const json& obj) {
  for (const char* key : jsonl_fields::kId) {
    const auto it = obj.find(key);
    if (it == obj.end()) continue;
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (std::string id = it->is_array() ? std::string() : jsonl_fields::text_of(*it, ""); !id.empty()) return id;
  }
  return {};
}

}  // namespace

void read_record(const json& obj, std::string_view id_base, std::string_view display_path, std::size_t line,
                 const PageReader& pages, ReadResult& result) {
  // Paragraphs given as a list ("body": ["...", "..."]) are paragraphs of one body; a record
  // without a body is indexed by its summary.
  std::optional<std::string> body = jsonl_fields::first_text(obj, jsonl_fields::kBody, "\n\n");
  if (!body) body = jsonl_fields::first_text(obj, jsonl_fields::kSummary, "\n\n");
  if (body) body = jsonl_fields::without_cut_note(std::move(*body));
  if (body && trim(*body).empty()) body.reset();
  if (!body) {
    result.warnings.push_back(
        {std::string(display_path), line, "record has no body (" + jsonl_fields::body_keys_named() + ")", true});
    return;
  }
  Article article;
  article.path = std::string(display_path);
  article.line = line;
  article.id = record_id(obj);
  if (article.id.empty()) article.id = std::string(id_base) + "#" + std::to_string(line);
  article.title = decode_character_references(jsonl_fields::first_text(obj, jsonl_fields::kTitle).value_or(""));
  read_date(obj, article, display_path, result.warnings);
  article.url = jsonl_fields::first_text(obj, jsonl_fields::kUrl).value_or("");
  article.source = jsonl_fields::first_text(obj, jsonl_fields::kSource).value_or("");
  article.section = jsonl_fields::first_text(obj, jsonl_fields::kSection).value_or("");
  article.author = jsonl_fields::without_by(jsonl_fields::first_text(obj, jsonl_fields::kAuthor).value_or(""));
  article.tags = jsonl_fields::tags_of(obj);
  article.lang = jsonl_fields::language_tag(jsonl_fields::first_text(obj, jsonl_fields::kLang).value_or(""));

  if (!read_body(article, *body, id_base, display_path, pages, result.warnings)) return;
  if (const auto given = jsonl_fields::first_text(obj, {"dateline"})) {
    article.dateline_text = std::string(trim(*given));
  }
  result.articles.push_back(std::move(article));
}

ReadResult read_jsonl(std::string_view id_base, std::string_view display_path, std::string_view bytes,
                      const PageReader& pages) {
  ReadResult result;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // LF, CRLF and a lone CR (old Mac files) each end a line.
    std::size_t eol = bytes.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view raw = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    if (eol < bytes.size() && bytes[eol] == '\r' && pos < bytes.size() && bytes[pos] == '\n') ++pos;
    ++line;
    if (trim(raw).empty()) continue;
    if (raw.find('\0') != std::string_view::npos) {
      result.warnings.push_back({std::string(display_path), line, "NUL byte in the line, not text", true});
      continue;
    }
    std::string decoded;
    if (!is_valid_utf8(raw)) {
      decoded = windows1252_to_utf8(raw);
      raw = decoded;
      result.warnings.push_back({std::string(display_path), line,
                                 "not valid UTF-8; read as Windows-1252/Latin-1", false});
    }
    // Malformed input is expected here: whatever parsing or reading one line raises (a parse
    // error, a number that overflows a double, memory for a huge record) becomes a warning for
    // that line, never an abort.
    try {
      const json obj = json::parse(raw);
      if (!obj.is_object()) {
        result.warnings.push_back({std::string(display_path), line, "not a JSON object", true});
        continue;
      }
      read_record(obj, id_base, display_path, line, pages, result);
    } catch (const json::exception& e) {
      result.warnings.push_back({std::string(display_path), line,
                                 "malformed JSON: " + short_message(e.what()), true});
    } catch (const std::bad_alloc&) {
      result.warnings.push_back(
          {std::string(display_path), line, "record too large to read (out of memory)", true});
    } catch (const std::exception& e) {
      result.warnings.push_back(
          {std::string(display_path), line, std::string("cannot read the record: ") + e.what(), true});
    }
  }
  return result;
}

}  // namespace newsidx::readers
