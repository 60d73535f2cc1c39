// Text and JSON printers for search results.
#include "printers.hpp"

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
    if (o.color) out << kReset;
    out << "\n\n";
  }
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
}

}  // namespace newsidx::query
