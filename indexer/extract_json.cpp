// Serialising an Analysis in the documented extract format.
#include "extract_json.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "indexer/clusters.hpp"

namespace newsidx::indexer {

using nlohmann::json;

namespace {

json span_json(const std::optional<Span>& s) {
  if (!s) return nullptr;
  return json::array({s->start, s->end});
}

// The length of the well-formed UTF-8 sequence at `s[i]` (a byte of 0x80 or more), or 0 when
// it is not one (Unicode's table 3-7: no overlong form, no surrogate, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned c = at(0);
  if (in(c, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
  if (in(c, 0xE0, 0xEF)) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(c, 0xF0, 0xF4)) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Writes the extract format's JSON directly, byte for byte as nlohmann's dump(-1, ' ', false)
// of the same object writes it: keys in byte order (nlohmann keeps an object's keys in a
// std::map), no spaces, unsigned numbers in decimal, strings escaped as its dump_escaped does
// with ensure_ascii off ('"', '\\', \b \f \n \r \t, other bytes below 0x20 as \u00xx in lower
// case, everything else as it is). Building nlohmann's tree of maps and then dumping it was
// 8% of --extract-only's instructions on Reuters (perf31). A string that is not well-formed
// UTF-8 sets `failed`: nlohmann's replacement of its bad bytes is then used (extract_json).
class Writer {
 public:
  std::string out;
  bool failed = false;

  void raw(std::string_view s) { out.append(s); }
  void key(std::string_view k) {
    out.push_back(first_ ? '{' : ',');
    first_ = false;
    string(k);
    out.push_back(':');
  }
  // Objects and arrays open with their first member: an empty one is written whole.
  void begin() { first_ = true; }
  void end_object() {
    out.append(first_ ? "{}" : "}");
    first_ = false;
  }
  void number(std::size_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr);
  }
  void null() { out.append("null"); }
  void string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0, i = 0;
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const std::size_t n = utf8_length(s, i);
        if (n == 0) failed = true;
        i += n == 0 ? 1 : n;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out.append(s.substr(run, i - run));
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
      }
      run = ++i;
    }
    out.append(s.substr(run));
    out.push_back('"');
  }
  void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
  void strings(const std::vector<std::string>& v) {
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out.push_back(',');
      string(v[i]);
    }
    out.push_back(']');
  }
  void span(const std::optional<Span>& s) {
    if (!s) return null();
    out.push_back('[');
    number(s->start);
    out.push_back(',');
    number(s->end);
    out.push_back(']');
  }

 private:
  bool first_ = true;
};

void write_dateline(Writer& w, const std::optional<DatelineInfo>& d) {
  if (!d) return w.null();
  w.begin();
  w.key("country");
  w.string_or_null(d->country);
  w.key("place");
  w.string_or_null(d->place);
  w.key("text");
  w.string(d->text);
  w.end_object();
}

void write_mentions(Writer& w, const std::vector<Mention>& mentions) {
  w.raw("[");
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (i) w.raw(",");
    w.begin();
    if (!m.country.empty()) {
      w.key("country");
      w.string(m.country);
    }
    w.key("end");
    w.number(m.span.end);
    w.key("entity");
    w.string(m.entity);
    w.key("start");
    w.number(m.span.start);
    w.key("text");
    w.string(m.text);
    w.key("type");
    w.string(to_string(m.type));
    w.end_object();
  }
  w.raw("]");
}

void write_quotes(Writer& w, const std::vector<Quote>& quotes) {
  w.raw("[");
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    if (i) w.raw(",");
    w.begin();
    w.key("cue");
    w.span(q.cue);
    w.key("end");
    w.number(q.span.end);
    w.key("speaker");
    q.speaker ? w.string(*q.speaker) : w.null();
    w.key("speaker_description");
    q.speaker_description ? w.string(*q.speaker_description) : w.null();
    w.key("speaker_mention");
    w.span(q.speaker_mention);
    w.key("speaker_type");
    w.string_or_null(q.speaker_type);
    w.key("start");
    w.number(q.span.start);
    w.key("text");
    w.string(q.text);
    w.end_object();
  }
  w.raw("]");
}

void write_facets(Writer& w, const Facets& f) {
  w.begin();
  w.key("country");
  w.strings(f.country);
  w.key("org");
  w.strings(f.org);
  w.key("person");
  w.strings(f.person);
  w.key("place");
  w.strings(f.place);
  w.key("speaker");
  w.strings(f.speaker);
  w.end_object();
}

// The direct writer's line (Writer), with the top-level keys in byte order.
Writer write_direct(const Article& a, const Analysis& an, bool with_text, const std::string& fingerprint) {
  Writer w;
  w.out.reserve(512 + 160 * an.mentions.size() + (with_text ? a.text.size() : 0));
  w.begin();
  const auto optional_key = [&](std::string_view k, const std::string& v) {
    if (v.empty()) return;
    w.key(k);
    w.string(v);
  };
  optional_key("author", a.author);
  if (with_text) {
    w.key("body");
    w.string(a.text);
  }
  w.key("date");
  w.string_or_null(a.date);
  w.key("dateline");
  write_dateline(w, an.dateline);
  w.key("facets");
  write_facets(w, an.facets);
  w.key("fingerprint");
  w.string_or_null(fingerprint);
  w.key("id");
  w.string(a.id);
  optional_key("lang", a.lang);
  if (a.line) {
    w.key("line");
    w.number(a.line);
  }
  w.key("mentions");
  write_mentions(w, an.mentions);
  if (a.offset) {
    w.key("offset");
    w.number(*a.offset);
  }
  w.key("path");
  w.string(a.path);
  w.key("quotes");
  write_quotes(w, an.quotes);
  optional_key("source", a.source);
  w.key("title");
  w.string(a.title);
  optional_key("url", a.url);
  w.end_object();
  return w;
}

// The body's MinHash fingerprint as the index stores it (indexer/clusters), in hex; "" when the
// body is too short to have one.
std::string fingerprint_hex(const Article& a) {
  const auto fp = clusters::fingerprint(a.body_text());
  return fp.empty() ? std::string() : clusters::to_hex(fp);
}

std::string extract_json_tree(const Article& a, const Analysis& an, bool with_text, const std::string& fingerprint) {
  json j;
  j["id"] = a.id;
  j["path"] = a.path;
  if (a.line) j["line"] = a.line;
  if (a.offset) j["offset"] = *a.offset;
  j["title"] = a.title;
  j["date"] = a.date.empty() ? json(nullptr) : json(a.date);
  if (an.dateline) {
    j["dateline"] = {{"text", an.dateline->text},
                     {"place", an.dateline->place.empty() ? json(nullptr) : json(an.dateline->place)},
                     {"country", an.dateline->country.empty() ? json(nullptr) : json(an.dateline->country)}};
  } else {
    j["dateline"] = nullptr;
  }
  json mentions = json::array();
  for (const auto& m : an.mentions) {
    json mj{{"type", to_string(m.type)}, {"start", m.span.start}, {"end", m.span.end},
            {"text", m.text}, {"entity", m.entity}};
    if (!m.country.empty()) mj["country"] = m.country;
    mentions.push_back(std::move(mj));
  }
  j["mentions"] = std::move(mentions);
  json quotes = json::array();
  for (const auto& q : an.quotes) {
    quotes.push_back({{"start", q.span.start},
                      {"end", q.span.end},
                      {"text", q.text},
                      {"speaker", q.speaker ? json(*q.speaker) : json(nullptr)},
                      {"speaker_type", q.speaker_type.empty() ? json(nullptr) : json(q.speaker_type)},
                      {"speaker_mention", span_json(q.speaker_mention)},
                      {"cue", span_json(q.cue)},
                      {"speaker_description", q.speaker_description ? json(*q.speaker_description)
                                                                    : json(nullptr)}});
  }
  j["quotes"] = std::move(quotes);
  // Metadata of web and wire formats, where the source has it.
  for (const auto& [key, value] : {std::pair{"url", &a.url}, std::pair{"author", &a.author},
                                   std::pair{"source", &a.source}, std::pair{"lang", &a.lang}})
    if (!value->empty()) j[key] = *value;
  if (with_text) j["body"] = a.text;
  j["fingerprint"] = fingerprint.empty() ? json(nullptr) : json(fingerprint);
  j["facets"] = {{"person", an.facets.person}, {"org", an.facets.org}, {"place", an.facets.place},
                 {"country", an.facets.country}, {"speaker", an.facets.speaker}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string extract_json(const Article& a, const Analysis& an, bool with_text) {
  const std::string fingerprint = fingerprint_hex(a);
  Writer w = write_direct(a, an, with_text, fingerprint);
  if (!w.failed) return std::move(w.out);
  return extract_json_tree(a, an, with_text, fingerprint);
}

std::string extract_json_with_nlohmann(const Article& a, const Analysis& an, bool with_text) {
  return extract_json_tree(a, an, with_text, fingerprint_hex(a));
}

}  // namespace newsidx::indexer
