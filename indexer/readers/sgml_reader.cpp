// Reader for Reuters-21578 SGML files (see sgml_reader.hpp).
#include "indexer/readers/sgml_reader.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "indexer/readers/dateline.hpp"
#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// Where one element lies: [open, close) is the whole element, [content_start, content_end)
// what is between its tags.
struct Element {
  std::size_t open = kNone, content_start = 0, content_end = 0, close = 0;
  bool found() const { return open != kNone; }
  std::string_view content(std::string_view s) const {
    return s.substr(content_start, content_end - content_start);
  }
};

// Finds the first <NAME ...>...</NAME> at or after `from`. An element whose end tag is
// missing runs to the end of `s`.
Element find_element(std::string_view s, std::string_view name, std::size_t from = 0) {
  Element e;
  std::size_t pos = from;
  while ((pos = s.find('<', pos)) != kNone) {
    if (s.substr(pos + 1, name.size()) == name && pos + 1 + name.size() < s.size() &&
        (s[pos + 1 + name.size()] == '>' || s[pos + 1 + name.size()] == ' ')) {
      break;
    }
    ++pos;
  }
  if (pos == kNone) return e;
  const std::size_t gt = s.find('>', pos);
  if (gt == kNone) return e;
  e.open = pos;
  e.content_start = gt + 1;
  const std::string end_tag = "</" + std::string(name) + ">";
  const std::size_t end = s.find(end_tag, e.content_start);
  e.content_end = end == kNone ? s.size() : end;
  e.close = end == kNone ? s.size() : end + end_tag.size();
  return e;
}

// The value of attribute `name` in a start tag, "" when absent.
std::string attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t at = tag.find(key);
  if (at == kNone) return {};
  const std::size_t start = at + key.size();
  const std::size_t end = tag.find('"', start);
  return end == kNone ? std::string() : std::string(tag.substr(start, end - start));
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// Decodes references and collapses runs of white space to single spaces.
std::string clean_line(std::string_view raw) {
  const std::string decoded = decode_character_references(raw);
  std::string out;
  bool space = false;
  for (char c : trim(decoded)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void trim_right(std::string& s) { s.resize(trim("x" + s).size() - 1); }

void trim_both(std::string& s) { s = std::string(trim(s)); }

bool ends_with_nocase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && to_lower(s.substr(s.size() - suffix.size())) == suffix;
}

// Removes the wire trailer: " Reuter", "REUTER...", "reuter^M" at the end of a story. Some
// stories carry it twice ("REUTER\n Reuter"), so it is removed while it is there.
void strip_trailer(std::string& body) {
  trim_right(body);
  for (bool again = true; again;) {
    again = false;
    std::string candidate = body;
    if (ends_with_nocase(candidate, "^m")) candidate.resize(candidate.size() - 2);
    while (!candidate.empty() && candidate.back() == '.') candidate.pop_back();
    for (std::string_view word : {"reuters", "reuter"}) {
      if (!ends_with_nocase(candidate, word)) continue;
      const std::size_t at = candidate.size() - word.size();
      if (at == 0 || trim(candidate.substr(at - 1, 1)).empty()) {
        candidate.resize(at);
        trim_right(candidate);
        body = std::move(candidate);
        again = true;
      }
      break;
    }
  }
}

// "    by Janie Gabbett, Reuters" -> "Janie Gabbett".
std::string clean_author(std::string_view raw) {
  std::string author = clean_line(raw);
  if (to_lower(author.substr(0, 3)) == "by ") author.erase(0, 3);
  if (ends_with_nocase(author, ", reuters")) author.resize(author.size() - 9);
  return author;
}

SgmlStory parse_story(std::string_view tag, std::string_view story, std::size_t line) {
  SgmlStory out;
  out.line = line;
  out.newid = attribute(tag, "NEWID");
  if (const Element date = find_element(story, "DATE"); date.found()) {
    out.date = clean_line(date.content(story));
  }
  static constexpr std::array<std::string_view, 6> kLists = {
      "TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES"};
  for (const std::string_view list : kLists) {
    const Element element = find_element(story, list);
    if (!element.found()) continue;
    const std::string_view content = element.content(story);
    const std::string prefix = to_lower(list) + ":";
    for (Element d = find_element(content, "D"); d.found(); d = find_element(content, "D", d.close)) {
      const std::string code = clean_line(d.content(content));
      if (!code.empty()) out.tags.push_back(prefix + to_lower(code));
    }
  }
  const Element text = find_element(story, "TEXT");
  if (!text.found()) return out;
  out.text_type = attribute(story.substr(text.open, text.content_start - text.open), "TYPE");
  if (out.text_type.empty()) out.text_type = "NORM";
  const std::string_view content = text.content(story);

  std::vector<Element> parts;
  if (const Element e = find_element(content, "TITLE"); e.found()) {
    out.title = clean_line(e.content(content));
    parts.push_back(e);
  }
  if (const Element e = find_element(content, "DATELINE"); e.found()) {
    out.dateline = clean_line(e.content(content));
    parts.push_back(e);
  }
  if (const Element e = find_element(content, "AUTHOR"); e.found()) {
    out.author = clean_author(e.content(content));
    parts.push_back(e);
  }
  if (const Element e = find_element(content, "BODY"); e.found()) {
    out.body = decode_character_references(e.content(content));
    parts.push_back(e);
  }
  std::sort(parts.begin(), parts.end(),
            [](const Element& a, const Element& b) { return a.open < b.open; });
  std::string rest;
  std::size_t pos = 0;
  for (const Element& e : parts) {
    if (e.open < pos) continue;
    rest.append(content.substr(pos, e.open - pos));
    pos = e.close;
  }
  rest.append(content.substr(std::min(pos, content.size())));
  out.rest = decode_character_references(rest);
  trim_both(out.rest);
  return out;
}

// Builds the Article for one story; false when the story has no text at all.
bool build_article(const SgmlStory& story, Article& article) {
  std::string body = story.body ? *story.body : story.rest;
  strip_trailer(body);
  // BRIEF stories hold their text in TITLE; the collection marks the empty rest with a
  // placeholder and asterisks.
  if (!story.body) {
    for (std::string_view junk : {"Blah blah blah."}) {
      if (const std::size_t at = body.find(junk); at != std::string::npos) body.erase(at, junk.size());
    }
    body.erase(0, body.find_first_not_of("* \t\n"));
    trim_both(body);
  } else {
    trim_both(body);
  }

  article.title = story.title;
  strip_trailer(article.title);  // a few BRIEF stories end inside their TITLE
  article.author = story.author;
  if (article.title.empty() && !story.body) {
    // UNPROC stories without a TITLE: their first line is a headline of sorts.
    const std::size_t eol = body.find('\n');
    article.title = clean_line(body.substr(0, eol));
    if (eol != std::string::npos) {
      article.text = body;
      article.body = {eol + 1, body.size()};
      while (article.body.start < article.body.end &&
             space_length_at(article.text, article.body.start) != 0) {
        article.body.start += space_length_at(article.text, article.body.start);
      }
      return !article.title.empty();
    }
    body.clear();
  }
  if (body.empty()) {
    if (article.title.empty()) return false;
    article.text = article.title;
    article.body = {0, article.text.size()};
    return true;
  }

  std::string& text = article.text;
  if (!article.title.empty()) text = article.title + "\n\n";
  const std::size_t dateline_start = text.size();
  if (!story.dateline.empty()) text += story.dateline + " ";
  const std::size_t body_start = text.size();
  text += body;
  article.body = {body_start, text.size()};
  if (story.dateline.empty()) return true;
  if (const auto found = find_dateline(text, dateline_start); found && found->body_start <= body_start) {
    article.dateline = found->text;
  } else {
    // An unusual dateline: take the element as written, without its dash.
    std::string_view written = story.dateline;
    while (!written.empty() && (written.back() == '-' || written.back() == ' ')) {
      written.remove_suffix(1);
    }
    article.dateline = {dateline_start, dateline_start + written.size()};
  }
  article.dateline_text =
      text.substr(article.dateline.start, article.dateline.end - article.dateline.start);
  return true;
}

}  // namespace

std::vector<SgmlStory> parse_sgml_stories(std::string_view text) {
  std::vector<SgmlStory> stories;
  std::size_t line = 1;
  std::size_t counted = 0;  // newlines are counted up to here
  std::size_t pos = 0;
  while ((pos = text.find("<REUTERS", pos)) != kNone) {
    const std::size_t tag_end = text.find('>', pos);
    if (tag_end == kNone) break;
    const char after = text[pos + 8];
    if (after != ' ' && after != '>') {
      pos = tag_end;
      continue;
    }
    line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                                text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    counted = pos;
    const std::size_t end = std::min({text.find("</REUTERS>", tag_end), text.find("<REUTERS", tag_end),
                                      text.size()});
    stories.push_back(parse_story(text.substr(pos, tag_end + 1 - pos),
                                  text.substr(tag_end + 1, end - tag_end - 1), line));
    pos = end;
  }
  return stories;
}

ReadResult read_sgml(std::string_view id_base, std::string_view display_path,
                     std::string_view text) {
  ReadResult result;
  std::size_t ordinal = 0;
  for (const SgmlStory& story : parse_sgml_stories(text)) {
    ++ordinal;
    Article article;
    if (!build_article(story, article)) {
      result.warnings.push_back({std::string(display_path), story.line, "story has no text", true});
      continue;
    }
    // NEWID is unique in the collection; a file without it still gets stable ids by position.
    article.id = std::string(id_base) + "#" +
                 (story.newid.empty() ? std::to_string(ordinal) : story.newid);
    article.path = std::string(display_path);
    article.line = story.line;
    article.date = parse_date(story.date);
    article.source = "Reuters";
    article.tags = story.tags;
    result.articles.push_back(std::move(article));
  }
  if (result.articles.empty() && result.warnings.empty()) {
    result.warnings.push_back({std::string(display_path), 0, "no <REUTERS> stories found", true});
  }
  return result;
}

}  // namespace newsidx::readers
