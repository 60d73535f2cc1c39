// Printing one stored article for --show.
#include "show.hpp"

#include <algorithm>
#include <string_view>

#include "query/display.hpp"
#include "query/record.hpp"

namespace newsidx::query {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kFacetNames[] = {"person", "org", "place", "country", "speaker"};

std::string text_of(const nlohmann::json& rec, const char* key) {
  auto it = rec.find(key);
  return it != rec.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The strings of an array member (facet values, tags); anything else gives none.
std::vector<std::string> strings_of(const nlohmann::json& obj, const char* key) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

nlohmann::json facets_of(const nlohmann::json& rec) {
  auto it = rec.find("facets");
  return it != rec.end() && it->is_object() ? *it : nlohmann::json::object();
}

// "file: /abs/crawl.warc.gz (record at byte 1234)": where the article was read from.
std::string file_line(const nlohmann::json& rec) {
  std::string where = stored_path(rec);
  if (where.empty()) return where;
  where = shell_quote_path(where);
  if (auto o = rec.find("offset"); o != rec.end() && o->is_number_integer())
    where += " (record at byte " + std::to_string(o->get<std::uint64_t>()) + ")";
  else if (auto l = rec.find("line"); l != rec.end() && l->is_number_integer())
    where += " (line " + std::to_string(l->get<std::uint64_t>()) + ")";
  return where;
}

// One "label:   value" line (hanging-indented when it wraps), left out when value is empty.
void labelled(std::ostream& out, const std::string& label, const std::string& value, std::size_t width) {
  if (value.empty()) return;
  constexpr std::size_t kLabel = 10;  // "dateline: " is the longest label
  std::string lead = label + ":";
  lead += std::string(kLabel > lead.size() ? kLabel - lead.size() : 1, ' ');
  out << hanging(lead, value, width);
}

std::string joined(const std::vector<std::string>& values, const std::string& facet) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + facet_label(facet, v);
  return out;
}

}  // namespace

std::vector<std::string> paragraphs(const std::string& body) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  std::size_t i = 0;
  while (i < body.size()) {
    const std::size_t eol = std::min(body.find('\n', i), body.size());
    const std::string_view line(body.data() + i, eol - i);
    i = eol + 1;
    const std::size_t first = line.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) {  // an empty line closes the paragraph
      flush();
      continue;
    }
    // An indented line opens one, as in typed copy (Reuters' stories): "\n    Yesterday, ...".
    if (first > 0 && line[0] != '\r') flush();
    bool space = !cur.empty();
    for (char c : line.substr(first)) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space = true;
        continue;
      }
      if (space && !cur.empty()) cur += ' ';
      space = false;
      cur += c;
    }
  }
  flush();
  return out;
}

void print_article_text(std::ostream& out, const nlohmann::json& rec, const PrintOptions& o) {
  std::string title = escape_controls(text_of(rec, "title"));
  if (title.empty()) title = "(no headline)";
  for (const auto& line : wrap_words(title, o.width, o.width))
    out << (o.color ? kBold : "") << line << (o.color ? kReset : "") << "\n";
  for (const char* key : {"date", "author", "source", "section", "url", "lang", "dateline", "id"})
    labelled(out, key, text_of(rec, key), o.width);
  // shell_quote_path already made the name printable; hanging() escapes, which it leaves alone.
  labelled(out, "file", file_line(rec), o.width);
  out << "\n";
  for (const auto& p : paragraphs(text_of(rec, "body"))) {
    for (const auto& line : wrap_words(escape_controls(p), o.width, o.width)) out << line << "\n";
    out << "\n";
  }
  const nlohmann::json facets = facets_of(rec);
  bool any = false;
  for (const char* name : kFacetNames) {
    const std::string values = joined(strings_of(facets, name), name);
    any = any || !values.empty();
    labelled(out, name, values, o.width);
  }
  const std::string tags = joined(strings_of(rec, "tags"), "tag");
  labelled(out, "tags", tags, o.width);
  if (!any && tags.empty()) out << "(no facets)\n";
}

nlohmann::json article_json(const nlohmann::json& rec) {
  using nlohmann::json;
  json j{{"schema", kJsonSchemaVersion}, {"type", "article"}};
  for (const char* key : {"id", "title"}) j[key] = text_of(rec, key);
  const std::string date = text_of(rec, "date");
  j["date"] = date.empty() ? json() : json(date);
  for (const char* key : {"author", "source", "section", "url", "lang", "dateline"}) j[key] = text_of(rec, key);
  j["path"] = text_of(rec, "path");
  if (auto o = rec.find("offset"); o != rec.end() && o->is_number_integer()) j["offset"] = *o;
  if (auto l = rec.find("line"); l != rec.end() && l->is_number_integer()) j["line"] = *l;
  j["body"] = text_of(rec, "body");
  const json stored = facets_of(rec);
  json facets = json::object();
  for (const char* name : kFacetNames) facets[name] = strings_of(stored, name);
  facets["tags"] = strings_of(rec, "tags");
  j["facets"] = std::move(facets);
  return j;
}

}  // namespace newsidx::query
