// Text, JSON and id printers for search results.
#include "printers.hpp"

#include <algorithm>
#include <sstream>

#include "common/countries.hpp"

namespace newsidx::query {

namespace {
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string field(const nlohmann::json& rec, const char* key) {
  auto it = rec.find(key);
  if (it == rec.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// Display width in code points (good enough for the Latin names of a facet table).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string fit(const std::string& s, std::size_t w) {
  if (width(s) <= w) return s + std::string(w - width(s), ' ');
  std::string out;
  std::size_t n = 0;
  for (char c : s) {
    bool start = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (start && ++n > w - 1) break;
    out += c;
  }
  return out + "\u2026";
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

// The article's facets on one line, a few values each, so a reader sees at a glance who and
// where a hit is about: "\n   person: Antony Blinken, Sergey Lavrov +6 | country: US UA RU".
std::string facets_line(const nlohmann::json& rec) {
  auto it = rec.find("facets");
  if (it == rec.end() || !it->is_object()) return {};
  constexpr std::size_t kShown = 3;
  std::string line;
  for (const char* name : {"person", "org", "place", "country", "speaker"}) {
    auto v = it->find(name);
    if (v == it->end() || !v->is_array() || v->empty()) continue;
    std::string part = std::string(name) + ": ";
    std::size_t n = 0;
    for (const auto& x : *v) {
      if (!x.is_string()) continue;
      if (n == kShown) break;
      part += (n++ ? (std::string(name) == "country" ? " " : ", ") : "") + x.get<std::string>();
    }
    if (v->size() > kShown) part += " +" + std::to_string(v->size() - kShown);
    line += (line.empty() ? "" : " | ") + part;
  }
  return line.empty() ? line : "\n   " + line;
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& r, const PrintOptions& o) {
  for (const auto& h : r.hits) {
    const auto& rec = h.record;
    std::string date = field(rec, "date");
    std::string title = field(rec, "title");
    if (title.empty()) title = "(no headline)";
    out << h.rank << ". " << (date.empty() ? "----------" : date) << "  ";
    if (o.color) out << kBold;
    out << title;
    if (o.color) out << kReset;
    out << "\n";
    if (o.quotes) {
      std::string speaker = field(rec, "speaker");
      out << "   " << (speaker.empty() ? "(unattributed)" : speaker) << ": \u201C"
          << render_snippet(h.snippet, o.color) << "\u201D\n";
    } else {
      out << "   " << render_snippet(h.snippet, o.color) << "\n";
    }
    if (o.color) out << kDim;
    out << "   " << field(rec, o.quotes ? "article" : "id");
    std::string dl = field(rec, "dateline");
    if (!dl.empty()) out << "  [" << dl << "]";
    if (!o.quotes) out << facets_line(rec);
    if (o.color) out << kReset;
    out << "\n\n";
  }
}

void print_facets_text(std::ostream& out, const std::vector<FacetResult>& facets, Xapian::doccount matches,
                       bool color) {
  // Each facet is a column "count  value"; columns sit side by side, three to a row.
  constexpr std::size_t kColumn = 30, kPerRow = 3;
  for (std::size_t first = 0; first < facets.size(); first += kPerRow) {
    std::size_t last = std::min(facets.size(), first + kPerRow);
    std::vector<std::vector<std::string>> cols;
    std::size_t rows = 0;
    for (std::size_t i = first; i < last; ++i) {
      const auto& f = facets[i];
      std::vector<std::string> lines;
      lines.push_back(f.name + " (" + std::to_string(f.with_value) + "/" + std::to_string(matches) + ")");
      std::size_t count_width = f.values.empty() ? 1 : std::to_string(f.values.front().count).size();
      for (const auto& v : f.values) {
        std::string n = std::to_string(v.count);
        lines.push_back(std::string(count_width - n.size(), ' ') + n + "  " + facet_label(f.name, v.value));
      }
      if (f.values.empty()) lines.push_back("(none)");
      rows = std::max(rows, lines.size());
      cols.push_back(std::move(lines));
    }
    for (std::size_t row = 0; row < rows; ++row) {
      std::string line;
      for (std::size_t c = 0; c < cols.size(); ++c) {
        std::string cell = row < cols[c].size() ? cols[c][row] : "";
        bool is_last = c + 1 == cols.size();
        std::string shown = is_last ? cell : fit(cell, kColumn - 2) + "  ";
        if (row == 0 && color && !cell.empty()) {
          std::string padding = is_last ? "" : std::string(shown.size() - cell.size(), ' ');
          shown = std::string(kBold) + (is_last ? cell : shown.substr(0, shown.size() - padding.size())) + kReset + padding;
        }
        line += shown;
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << "\n";
    }
    out << "\n";
  }
}

void print_timeline_text(std::ostream& out, const Timeline& t, bool color) {
  if (t.buckets.empty()) {
    out << "timeline: no dated matches\n\n";
    return;
  }
  constexpr std::size_t kBar = 40;
  Xapian::doccount top = 0;
  for (const auto& b : t.buckets) top = std::max(top, b.count);
  if (color) out << kBold;
  out << "timeline by " << to_string(t.granularity) << " (" << t.dated << " dated matches)";
  if (color) out << kReset;
  out << "\n";
  std::size_t label_width = 0, count_width = std::to_string(top).size();
  for (const auto& b : t.buckets) label_width = std::max(label_width, b.label.size());
  // Block characters on a terminal; '#' elsewhere so files and pipes stay ASCII.
  const std::string mark = color ? "\u2588" : "#";
  for (const auto& b : t.buckets) {
    std::size_t len = top ? (b.count * kBar + top - 1) / top : 0;
    std::string n = std::to_string(b.count);
    out << b.label << std::string(label_width - b.label.size(), ' ') << "  "
        << std::string(count_width - n.size(), ' ') << n << " ";
    for (std::size_t i = 0; i < len; ++i) out << mark;
    out << "\n";
  }
  out << "\n";
}

void print_explanation_text(std::ostream& out, const Explanation& e) {
  out << "query:   " << e.description << "\n";
  out << "terms:   ";
  if (e.terms.empty()) out << "(none: every document passing the filters)";
  for (std::size_t i = 0; i < e.terms.size(); ++i) out << (i ? "\n         " : "") << e.terms[i];
  out << "\nfilters: ";
  if (e.filters.empty()) out << "(none)";
  for (std::size_t i = 0; i < e.filters.size(); ++i) out << (i ? "\n         " : "") << e.filters[i];
  out << "\nsort:    " << e.sort << "\n\n";
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
      j["text"] = field(rec, "text");
    } else {
      j["id"] = field(rec, "id");
      j["dateline"] = field(rec, "dateline");
      j["url"] = field(rec, "url");
      j["section"] = field(rec, "section");
      j["source"] = field(rec, "source");
      j["facets"] = rec.value("facets", nlohmann::json::object());
    }
    j["title"] = field(rec, "title");
    std::string date = field(rec, "date");
    j["date"] = date.empty() ? nlohmann::json() : nlohmann::json(date);
    j["path"] = field(rec, "path");
    j["snippet"] = render_snippet(h.snippet, false);
    j["highlights"] = highlight_spans(h.snippet);
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (has_summary(r))
    out << summary_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void print_ids(std::ostream& out, const SearchResult& r, bool paths, const PrintOptions& o) {
  for (const auto& h : r.hits)
    out << field(h.record, paths ? "path" : (o.quotes ? "article" : "id")) << "\n";
}

}  // namespace newsidx::query
