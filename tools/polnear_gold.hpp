// PolNeAR's attribution gold as newsidx-eval-speakers reads it: brat .ann spans and events,
// which quotations are direct, and the speaker key of a Source (definitions in eval_speakers.cpp).
// Included by tools/eval_speakers.cpp only (each tools/*.cpp is a program of its own).
#pragma once

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "common/article.hpp"

namespace newsidx::eval {

namespace fs = std::filesystem;
using newsidx::Span;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Byte offset of every code point index (plus one past the end).
inline std::vector<std::size_t> char_to_byte(const std::string& s) {
  std::vector<std::size_t> map;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) map.push_back(i);
  }
  map.push_back(s.size());
  return map;
}

struct GoldSpan {
  std::string label;
  std::vector<Span> ranges;  // bytes
};

struct GoldAttribution {
  std::vector<Span> content, source;
};

// One line of a brat .ann file: a text-bound span (T) into `spans`, an event (E) into `events`.
inline void read_ann_line(const std::string& line, const std::vector<std::size_t>& cb,
                   std::map<std::string, GoldSpan>& spans,
                   std::vector<std::vector<std::pair<std::string, std::string>>>& events) {
  if (line.size() < 2 || (line[0] != 'T' && line[0] != 'E')) return;
  const auto tab1 = line.find('\t');
  if (tab1 == std::string::npos) return;
  const std::string id = line.substr(0, tab1);
  if (id.find_first_not_of("0123456789", 1) != std::string::npos) return;
  const auto tab2 = line.find('\t', tab1 + 1);
  const std::string body =
      line.substr(tab1 + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
  auto to_byte = [&](std::size_t c) { return c < cb.size() ? cb[c] : cb.back(); };
  std::istringstream b(body);
  if (line[0] == 'T') {
    GoldSpan g;
    b >> g.label;
    std::string rest;
    std::getline(b, rest);
    std::replace(rest.begin(), rest.end(), ';', ' ');
    std::istringstream r(rest);
    std::size_t s = 0, e = 0;
    while (r >> s >> e) g.ranges.push_back({to_byte(s), to_byte(e)});
    spans[id] = g;
    return;
  }
  std::string role;
  std::vector<std::pair<std::string, std::string>> ev;
  while (b >> role) {
    const auto colon = role.find(':');
    if (colon != std::string::npos) ev.emplace_back(role.substr(0, colon), role.substr(colon + 1));
  }
  events.push_back(ev);
}

inline std::vector<GoldAttribution> read_ann(const std::string& ann, const std::vector<std::size_t>& cb) {
  std::map<std::string, GoldSpan> spans;
  std::vector<std::vector<std::pair<std::string, std::string>>> events;
  std::istringstream in(ann);
  std::string line;
  while (std::getline(in, line)) read_ann_line(line, cb, spans, events);
  std::vector<GoldAttribution> out;
  for (const auto& ev : events) {
    GoldAttribution a;
    for (const auto& [role, id] : ev) {
      auto it = spans.find(id);
      if (it == spans.end()) continue;
      const auto& r = it->second.ranges;
      if (role.rfind("Content", 0) == 0) a.content.insert(a.content.end(), r.begin(), r.end());
      if (role.rfind("Source", 0) == 0) a.source.insert(a.source.end(), r.begin(), r.end());
    }
    if (!a.content.empty()) out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.content.front().start < b.content.front().start;
  });
  return out;
}

inline bool is_mark(const std::string& t, std::size_t i, std::size_t* len) {
  if (t[i] == '"') {
    *len = 1;
    return true;
  }
  if (t.compare(i, 3, "\xE2\x80\x9C") == 0 || t.compare(i, 3, "\xE2\x80\x9D") == 0) {
    *len = 3;
    return true;
  }
  // Two apostrophes as one double mark (New York Times copy) and guillemets are marks too.
  if (t.compare(i, 2, "''") == 0 || t.compare(i, 2, "\xC2\xAB") == 0 ||
      t.compare(i, 2, "\xC2\xBB") == 0) {
    *len = 2;
    return true;
  }
  return false;
}

inline bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether at least half of the content's letters lie between quotation marks.
inline bool is_direct(const std::string& t, const std::vector<Span>& content) {
  std::size_t inside = 0, total = 0;
  for (const Span& s : content) {
    bool open = false;
    for (std::size_t i = s.start; i < s.end && i < t.size();) {
      std::size_t len = 0;
      if (is_mark(t, i, &len)) {
        open = !open;
        i += len;
        continue;
      }
      if (is_letter(static_cast<unsigned char>(t[i]))) {
        ++total;
        if (open) ++inside;
      }
      ++i;
    }
  }
  return total > 0 && 2 * inside >= total;
}

inline std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

inline std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    for (const std::string suffix : {"'s", "\xE2\x80\x99s"}) {
      if (cur.size() > suffix.size() &&
          cur.compare(cur.size() - suffix.size(), suffix.size(), suffix) == 0) {
        cur.resize(cur.size() - suffix.size());
      }
    }
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_letter(c) || c >= 0x80 || c == '\'' || c == '-' || c == '.') {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0) {  // O\u2019Neill is O'Neill
        cur += '\'';
        i += 2;
        continue;
      }
      if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) {
        flush();
        i += 2;
        continue;
      }
      // A no-break space (U+00A0) separates words as a space does: "Trump\u00A0told" is
      // "Trump", and "He\u00A0said" the pronoun (243 train articles hold one).
      if (s.compare(i, 2, "\xC2\xA0") == 0) {
        flush();
        i += 1;
        continue;
      }
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

inline const std::set<std::string> kFunction = {"the", "a", "an", "he", "she", "i", "we", "they", "it",
                                         "you", "his", "her", "their", "its", "our", "my", "in",
                                         "on", "at", "and", "but", "of", "for", "to", "this",
                                         "that", "these", "those", "one", "some", "many"};
inline const std::set<std::string> kVerbOnly = {"said", "says", "say", "told", "wrote", "added",
                                         "asked", "tweeted"};
inline const std::set<std::string> kPersonalPronouns = {"he", "she", "his", "her", "him", "hers", "i",
                                                 "me", "my", "we", "us", "our", "they", "them",
                                                 "their"};
inline const std::set<std::string> kTitles = {"president", "sen.", "senator", "rep.", "gov.", "governor",
                                       "secretary", "mr.", "mrs.", "ms.", "dr.", "gen.", "u.s.",
                                       "former", "vice", "chairman", "speaker", "state", "house",
                                       "republican", "democratic", "democrat", "campaign"};

using Key = std::set<std::string>;

inline Key name_key(const std::string& source_text) {
  Key key;
  for (const std::string& w : words(source_text)) {
    if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) continue;
    const std::string l = lower(w);
    if (kFunction.count(l)) continue;
    key.insert(l);
  }
  return key;
}

inline bool pronoun_only(const std::string& source_text) {
  const auto ws = words(source_text);
  if (ws.empty()) return false;
  for (const auto& w : ws) {
    if (!kPersonalPronouns.count(lower(w))) return false;
  }
  return true;
}

inline bool matches(const std::string& speaker, const Key& key) {
  for (const std::string& w : words(speaker)) {
    const std::string l = lower(w);
    if (l.size() < 3 || kTitles.count(l) || kFunction.count(l)) continue;
    if (key.count(l)) return true;
  }
  return false;
}

inline std::string join_text(const std::string& t, const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += " ";
    out += t.substr(s.start, s.end - s.start);
  }
  return out;
}

inline std::size_t overlap(const Span& a, const std::vector<Span>& bs) {
  std::size_t o = 0;
  for (const Span& b : bs) {
    const std::size_t s = std::max(a.start, b.start), e = std::min(a.end, b.end);
    if (e > s) o += e - s;
  }
  return o;
}

inline std::string clip(std::string s, std::size_t n) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  if (s.size() > n) s = s.substr(0, n) + "...";
  return s;
}

inline std::string joined(const Key& k) {
  std::string j;
  for (const auto& w : k) j += (j.empty() ? "" : " ") + w;
  return j;
}

}  // namespace newsidx::eval
