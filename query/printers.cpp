// Text, JSON, CSV, id and path printers for search results.
#include "printers.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include "common/countries.hpp"
#include "query/display.hpp"
#include "query/record.hpp"

namespace newsidx::query {

namespace {
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";
constexpr std::size_t kIndent = 3;  // hit lines after the first

std::string field(const nlohmann::json& rec, const char* key) {
  auto it = rec.find(key);
  if (it == rec.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// `s` padded to `w` columns, or cut to w - 1 and an ellipsis: a table cell keeps its column.
std::string fit(const std::string& s, std::size_t w) {
  const std::size_t have = display_width(s);
  if (have <= w) return s + std::string(w - have, ' ');
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    if (display_width(out + s.substr(i, len)) + 1 > w) break;
    out += s.substr(i, len);
    i += len;
  }
  out += "\u2026";
  return out + std::string(w > display_width(out) ? w - display_width(out) : 0, ' ');
}

// A wrapped line with its highlight markers turned into bold (or dropped); `open` carries a
// highlight that goes on past the end of a line.
std::string render_line(const std::string& line, bool color, bool& open) {
  std::string out;
  if (color && open) out += kBold;
  for (char c : line) {
    if (c == kHighlightStart) {
      open = true;
      if (color) out += kBold;
    } else if (c == kHighlightEnd) {
      open = false;
      if (color) out += kReset;
    } else {
      out += c;
    }
  }
  if (color && open) out += kReset;
  return out;
}

// Writes `text` (escaped, with markers) wrapped to the width, each line indented by kIndent;
// `style` (bold, dim or none) wraps each line.
void write_wrapped(std::ostream& out, const std::string& text, const PrintOptions& o, const char* style = nullptr) {
  const std::size_t room = o.width > kIndent ? o.width - kIndent : 1;
  bool open = false;
  for (const auto& line : wrap_words(text, room, room)) {
    out << std::string(kIndent, ' ');
    if (o.color && style) out << style;
    out << render_line(line, o.color, open);
    if (o.color && style) out << kReset;
    out << "\n";
  }
}

}  // namespace

std::string render_snippet(const std::string& snippet, bool color) {
  std::string out;
  out.reserve(snippet.size() + 16);
  for (char c : snippet) {
    if (c == kHighlightStart) {
      if (color) out += kBold;
    } else if (c == kHighlightEnd) {
      if (color) out += kReset;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

nlohmann::json highlight_spans(const std::string& snippet) {
  nlohmann::json spans = nlohmann::json::array();
  std::size_t pos = 0, start = 0;
  for (char c : snippet) {
    if (c == kHighlightStart) start = pos;
    else if (c == kHighlightEnd) spans.push_back({start, pos});
    else ++pos;
  }
  return spans;
}

std::string facet_label(const std::string& facet, const std::string& value) {
  if (facet == "country")
    if (const auto* c = countries::by_code(value)) return value + " " + c->name;
  return value;
}

namespace {

// The article's facets, a few values each, so a reader sees at a glance who and where a hit is
// about: {"person: Antony Blinken, Sergey Lavrov +6", "country: US UA RU"}.
std::vector<std::string> facet_parts(const nlohmann::json& rec) {
  std::vector<std::string> parts;
  auto it = rec.find("facets");
  if (it == rec.end() || !it->is_object()) return parts;
  constexpr std::size_t kShown = 3;
  for (const char* name : {"person", "org", "place", "country", "speaker"}) {
    auto v = it->find(name);
    if (v == it->end() || !v->is_array() || v->empty()) continue;
    std::string part = std::string(name) + ": ";
    std::size_t n = 0;
    for (const auto& x : *v) {
      if (!x.is_string()) continue;
      if (n == kShown) break;
      part += (n++ ? (std::string(name) == "country" ? " " : ", ") : "") + escape_controls(x.get<std::string>());
    }
    if (v->size() > kShown) part += " +" + std::to_string(v->size() - kShown);
    parts.push_back(std::move(part));
  }
  return parts;
}

// The facet parts joined by " | ", a line broken between parts where it can be (within a
// part, at a space, only when the part alone is wider than the line).
void write_facets(std::ostream& out, const std::vector<std::string>& parts, const PrintOptions& o) {
  const std::size_t room = o.width > kIndent ? o.width - kIndent : 1;
  std::vector<std::string> lines;
  for (const auto& part : parts) {
    if (!lines.empty() && display_width(lines.back()) + 3 + display_width(part) <= room)
      lines.back() += " | " + part;
    else
      lines.push_back(part);
  }
  for (const auto& line : lines) write_wrapped(out, line, o, kDim);
}

// "12. 2022-01-19  Headline", the headline wrapped under itself from the second line on.
void print_heading(std::ostream& out, const Hit& h, const PrintOptions& o) {
  const std::string date = field(h.record, "date");
  std::string title = escape_controls(field(h.record, "title"));
  if (title.empty()) title = "(no headline)";
  const std::string lead = std::to_string(h.rank) + ". " + (date.empty() ? "----------" : escape_controls(date)) + "  ";
  const std::size_t used = display_width(lead);
  const std::size_t first = o.width > used ? o.width - used : 1, rest = o.width > kIndent ? o.width - kIndent : 1;
  const auto lines = wrap_words(title, first, rest);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out << (i == 0 ? lead : std::string(kIndent, ' '));
    if (o.color) out << kBold;
    out << lines[i];
    if (o.color) out << kReset;
    out << "\n";
  }
}

}  // namespace

std::string count_line(const SearchResult& r, bool quotes) {
  const bool exact = r.matches_lower == r.matches_upper;
  std::string line = (exact ? "" : "about ") +
                     count_noun(r.matches_estimated, quotes ? "quotation" : "match", quotes ? "quotations" : "matches");
  if (!r.hits.empty())
    line += "; showing " + std::to_string(r.hits.front().rank) + "-" + std::to_string(r.hits.back().rank);
  return line;
}

void print_text(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  for (const auto& h : r.hits) {
    const auto& rec = h.record;
    print_heading(out, h, o);
    const std::string snippet = escape_controls(h.snippet, true, true);
    if (o.quotes) {
      // A Source given only by description ("a senior official") is shown by it.
      std::string speaker = escape_controls(field(rec, "speaker"));
      if (speaker.empty()) speaker = escape_controls(field(rec, "speaker_description"));
      write_wrapped(out, (speaker.empty() ? "(unattributed)" : speaker) + ": \u201C" + snippet + "\u201D", o);
    } else {
      write_wrapped(out, snippet, o);
    }
    std::string where = escape_controls(field(rec, o.quotes ? "article" : "id"));
    const std::string dl = escape_controls(field(rec, "dateline"));
    if (!dl.empty()) where += "  [" + dl + "]";
    if (h.copies > 0) where += "  +" + std::to_string(h.copies) + (h.copies == 1 ? " copy" : " copies");
    write_wrapped(out, where, o, kDim);
    if (!o.quotes) write_facets(out, facet_parts(rec), o);
    out << "\n";
  }
}

void print_facets_text(std::ostream& out, const std::vector<FacetResult>& facets, Xapian::doccount matches,
                       const PrintOptions& o) {
  // Each facet is a column "count  value"; columns sit side by side, as many as fit (at most 3).
  constexpr std::size_t kColumn = 30;
  const std::size_t per_row = std::clamp<std::size_t>(o.width / kColumn, 1, 3);
  for (std::size_t first = 0; first < facets.size(); first += per_row) {
    std::size_t last = std::min(facets.size(), first + per_row);
    std::vector<std::vector<std::string>> cols;
    std::size_t rows = 0;
    for (std::size_t i = first; i < last; ++i) {
      const auto& f = facets[i];
      std::vector<std::string> lines;
      lines.push_back(f.name + " (" + std::to_string(f.with_value) + "/" + std::to_string(matches) + ")");
      std::size_t count_width = f.values.empty() ? 1 : std::to_string(f.values.front().count).size();
      for (const auto& v : f.values) {
        std::string n = std::to_string(v.count);
        lines.push_back(std::string(count_width - n.size(), ' ') + n + "  " +
                        escape_controls(facet_label(f.name, v.value)));
      }
      if (f.values.empty()) lines.push_back("(none)");
      rows = std::max(rows, lines.size());
      cols.push_back(std::move(lines));
    }
    // The last column takes what is left of the width; the others kColumn each.
    const std::size_t last_room =
        o.width > kColumn * (cols.size() - 1) ? o.width - kColumn * (cols.size() - 1) : kColumn;
    for (std::size_t row = 0; row < rows; ++row) {
      std::string line;
      for (std::size_t c = 0; c < cols.size(); ++c) {
        const std::string cell = row < cols[c].size() ? cols[c][row] : "";
        const bool is_last = c + 1 == cols.size();
        std::string shown =
            is_last ? (display_width(cell) > last_room ? fit(cell, last_room) : cell) : fit(cell, kColumn - 2) + "  ";
        if (row == 0 && o.color && !cell.empty()) {
          const std::size_t text_end = shown.find_last_not_of(' ') + 1;
          shown = std::string(kBold) + shown.substr(0, text_end) + kReset + shown.substr(text_end);
        }
        line += shown;
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << "\n";
    }
    out << "\n";
  }
}

void print_timeline_text(std::ostream& out, const Timeline& t, const PrintOptions& o) {
  if (t.buckets.empty()) {
    out << "timeline: no dated matches\n\n";
    return;
  }
  Xapian::doccount top = 0;
  for (const auto& b : t.buckets) top = std::max(top, b.count);
  if (o.color) out << kBold;
  out << "timeline by " << to_string(t.granularity) << " (" << count_noun(t.dated, "dated match", "dated matches")
      << ")";
  if (o.color) out << kReset;
  out << "\n";
  std::size_t label_width = 0, count_width = std::to_string(top).size();
  for (const auto& b : t.buckets) label_width = std::max(label_width, b.label.size());
  // Bars of up to 40 columns, fewer when the width leaves less room beside label and count.
  const std::size_t beside = label_width + 2 + count_width + 1;
  const std::size_t bar = std::clamp<std::size_t>(o.width > beside ? o.width - beside : 0, 10, 40);
  // Block characters on a terminal; '#' elsewhere so files and pipes stay ASCII.
  const std::string mark = o.color ? "\u2588" : "#";
  for (const auto& b : t.buckets) {
    std::size_t len = top ? (b.count * bar + top - 1) / top : 0;
    std::string n = std::to_string(b.count);
    out << b.label << std::string(label_width - b.label.size(), ' ') << "  " << std::string(count_width - n.size(), ' ')
        << n << (len ? " " : "");
    for (std::size_t i = 0; i < len; ++i) out << mark;
    out << "\n";
  }
  out << "\n";
}

std::string hanging(const std::string& lead, const std::string& text, std::size_t width) {
  const std::size_t indent = display_width(lead);
  const std::size_t first = width > indent ? width - indent : 1;
  std::string out = lead;
  const auto lines = wrap_words(escape_controls(text), first, first);
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" + std::string(indent, ' ') : "") + lines[i];
  return out + "\n";
}

void print_explanation_text(std::ostream& out, const Explanation& e, std::size_t width) {
  out << hanging("query:   ", e.description, width);
  if (e.terms.empty()) out << "terms:   (none: every document passing the filters)\n";
  for (std::size_t i = 0; i < e.terms.size(); ++i) out << hanging(i ? "         " : "terms:   ", e.terms[i], width);
  if (e.filters.empty()) out << "filters: (none)\n";
  for (std::size_t i = 0; i < e.filters.size(); ++i) out << hanging(i ? "         " : "filters: ", e.filters[i], width);
  out << "sort:    " << e.sort << "\n\n";
}

bool has_summary(const SearchResult& r) {
  return !r.facets.empty() || r.timeline || r.explanation || !r.notes.empty() || !r.suggestion.empty() ||
         !r.value_suggestions.empty() || r.undated_excluded;
}

nlohmann::json summary_json(const SearchResult& r) {
  using nlohmann::json;
  json j{{"schema", kJsonSchemaVersion},
         {"type", "summary"},
         {"matches", r.matches_estimated},
         {"matches_exact", r.matches_lower == r.matches_upper},
         {"notes", r.notes}};
  if (!r.facets.empty()) {
    json facets = json::object();
    for (const auto& f : r.facets) {
      json values = json::array();
      for (const auto& v : f.values) {
        json item{{"value", v.value}, {"count", v.count}};
        if (f.name == "country")
          if (const auto* c = countries::by_code(v.value)) item["name"] = c->name;
        values.push_back(std::move(item));
      }
      facets[f.name] = json{{"with_value", f.with_value}, {"values", std::move(values)}};
    }
    j["facets"] = std::move(facets);
  }
  if (r.timeline) {
    json buckets = json::array();
    for (const auto& b : r.timeline->buckets)
      buckets.push_back({{"label", b.label}, {"from", b.from}, {"to", b.to}, {"count", b.count}});
    j["timeline"] = {{"granularity", to_string(r.timeline->granularity)},
                     {"dated", r.timeline->dated},
                     {"buckets", std::move(buckets)}};
  }
  if (r.undated_excluded) j["undated_excluded"] = *r.undated_excluded;
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  if (!r.value_suggestions.empty()) {
    json s = json::array();
    for (const auto& v : r.value_suggestions) s.push_back({{"field", v.field}, {"value", v.value}, {"names", v.names}});
    j["value_suggestions"] = std::move(s);
  }
  if (r.explanation)
    j["explain"] = {{"query", r.explanation->description},
                    {"terms", r.explanation->terms},
                    {"filters", r.explanation->filters},
                    {"sort", r.explanation->sort}};
  return j;
}

void print_json(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  for (const auto& h : r.hits) {
    const auto& rec = h.record;
    nlohmann::json j;
    j["schema"] = kJsonSchemaVersion;
    j["type"] = o.quotes ? "quote" : "article";
    j["rank"] = h.rank;
    j["score"] = h.weight;
    j["percent"] = h.percent;
    if (o.quotes) {
      j["article"] = field(rec, "article");
      j["speaker"] = rec.value("speaker", nlohmann::json());
      j["speaker_description"] = rec.value("speaker_description", nlohmann::json());
      j["text"] = field(rec, "text");
    } else {
      j["id"] = field(rec, "id");
      j["dateline"] = field(rec, "dateline");
      j["url"] = field(rec, "url");
      j["section"] = field(rec, "section");
      j["source"] = field(rec, "source");
      j["author"] = field(rec, "author");
      j["lang"] = field(rec, "lang");
      j["facets"] = rec.value("facets", nlohmann::json::object());
    }
    j["title"] = field(rec, "title");
    std::string date = field(rec, "date");
    j["date"] = date.empty() ? nlohmann::json() : nlohmann::json(date);
    j["path"] = field(rec, "path");
    j["snippet"] = render_snippet(h.snippet, false);
    j["highlights"] = highlight_spans(h.snippet);
    if (!o.quotes) j["cluster"] = h.cluster;
    j["copies"] = h.copies;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (has_summary(r))
    out << summary_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

namespace {
// One name for a pipe (an id, a path): raw and NUL-ended with --null, as find -print0 writes
// them, else one line, in shell $'...' quoting when the name needs it.
void write_name(std::ostream& out, const std::string& name, const PrintOptions& o) {
  if (o.null)
    out << name << '\0';
  else
    out << shell_quote_path(name) << '\n';
}
}  // namespace

void print_ids(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  for (const auto& h : r.hits) write_name(out, field(h.record, o.quotes ? "article" : "id"), o);
}

void print_paths(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  // A feed or an .sgm holds many articles: name each file once, where its first hit ranks.
  std::unordered_set<std::string> seen;
  for (const auto& h : r.hits) {
    const std::string path = stored_path(h.record);
    if (!path.empty() && seen.insert(path).second) write_name(out, path, o);
  }
}

namespace {
std::string csv_cell(const std::string& value) { return csv_field(escape_controls(value, false)); }

std::string csv_list(const nlohmann::json& rec, const char* facet) {
  std::string out;
  const auto f = rec.find("facets");
  if (f == rec.end() || !f->is_object()) return out;
  const auto v = f->find(facet);
  if (v == f->end() || !v->is_array()) return out;
  for (const auto& x : *v)
    if (x.is_string()) out += (out.empty() ? "" : "; ") + x.get<std::string>();
  return out;
}
}  // namespace

void print_csv(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  // RFC 4180 ends records with CRLF; spreadsheets read it, and so do csv modules.
  constexpr const char* kEnd = "\r\n";
  if (o.quotes) {
    out << "article,date,title,speaker,text" << kEnd;
    for (const auto& h : r.hits) {
      const auto& rec = h.record;
      out << csv_cell(field(rec, "article")) << ',' << csv_cell(field(rec, "date")) << ','
          << csv_cell(field(rec, "title")) << ',' << csv_cell(field(rec, "speaker")) << ','
          << csv_cell(field(rec, "text")) << kEnd;
    }
    return;
  }
  out << "id,date,title,url,source,section,person,org,place,country,speaker" << kEnd;
  for (const auto& h : r.hits) {
    const auto& rec = h.record;
    for (const char* key : {"id", "date", "title", "url", "source", "section"}) out << csv_cell(field(rec, key)) << ',';
    out << csv_cell(csv_list(rec, "person")) << ',' << csv_cell(csv_list(rec, "org")) << ','
        << csv_cell(csv_list(rec, "place")) << ',' << csv_cell(csv_list(rec, "country")) << ','
        << csv_cell(csv_list(rec, "speaker")) << kEnd;
  }
}

}  // namespace newsidx::query
