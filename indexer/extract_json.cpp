// Serialising an Analysis in the documented extract format.
#include "extract_json.hpp"

#include <nlohmann/json.hpp>

#include "indexer/clusters.hpp"

namespace newsidx::indexer {

using nlohmann::json;

namespace {
json span_json(const std::optional<Span>& s) {
  if (!s) return nullptr;
  return json::array({s->start, s->end});
}
}  // namespace

std::string extract_json(const Article& a, const Analysis& an, bool with_text) {
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
  // The body's MinHash fingerprint as the index stores it (indexer/clusters), in hex.
  if (const auto fp = clusters::fingerprint(a.body_text()); !fp.empty()) j["fingerprint"] = clusters::to_hex(fp);
  else j["fingerprint"] = nullptr;
  j["facets"] = {{"person", an.facets.person}, {"org", an.facets.org}, {"place", an.facets.place},
                 {"country", an.facets.country}, {"speaker", an.facets.speaker}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsidx::indexer
