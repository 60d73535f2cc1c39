// Turning an analysed article into Xapian documents.
#include "document_builder.hpp"

#include <nlohmann/json.hpp>

#include "common/analysis.hpp"
#include "common/canonical.hpp"
#include "common/schema.hpp"

namespace newsidx::indexer {

namespace {

using nlohmann::json;

json facets_json(const Facets& f) {
  return json{{"person", f.person}, {"org", f.org}, {"place", f.place},
              {"country", f.country}, {"speaker", f.speaker}};
}

const std::vector<std::string>& facet_values(const Facets& f, std::string_view name) {
  if (name == "person") return f.person;
  if (name == "org") return f.org;
  if (name == "place") return f.place;
  if (name == "country") return f.country;
  return f.speaker;
}

// Facet term key: country codes lower case, names folded (case and accents ignored).
std::string facet_key(std::string_view facet, const std::string& value) {
  if (facet == "country") return canonical::ascii_lower(value);
  return canonical::fold_key(value);
}

void add_boolean(Xapian::Document& doc, std::string_view field, const std::string& raw) {
  std::string key = canonical::fold_key(raw);
  if (!key.empty()) doc.add_boolean_term(schema::filter_term(field, key));
}

void add_dates(Xapian::Document& doc, const std::string& date) {
  for (const auto& t : schema::date_terms(date)) doc.add_boolean_term(t);
  if (auto v = schema::date_value(date); !v.empty()) doc.add_value(schema::slot(schema::Slot::kDate), v);
}

}  // namespace

std::string article_record(const Article& a, const Analysis& an) {
  json j{{"id", a.id},           {"path", a.path},     {"title", a.title},
         {"date", a.date},       {"dateline", a.dateline_text},
         {"url", a.url},         {"source", a.source}, {"author", a.author},
         {"section", a.section}, {"lang", a.lang},     {"tags", a.tags},
         {"body", std::string(a.body_text())},
         {"facets", facets_json(an.facets)}};
  if (a.line) j["line"] = a.line;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

BuiltArticle build_documents(const Article& a, const Analysis& an, const std::string& file_key) {
  BuiltArticle out;
  Xapian::TermGenerator tg = analysis::term_generator();

  Xapian::Document doc;
  tg.set_document(doc);
  // Headline words are indexed under S (for title:) and unprefixed with a higher wdf, so a match
  // in the headline outranks one in the body; a position gap keeps phrases from spanning fields.
  tg.index_text(a.title, 1, schema::prefix("title"));
  tg.index_text(a.title, analysis::kTitleWeight);
  tg.increase_termpos(100);
  tg.index_text(std::string(a.body_text()));
  if (!a.author.empty()) tg.index_text(a.author, 1, schema::prefix("author"));

  doc.add_boolean_term(schema::type_term(schema::kTypeArticle));
  doc.add_boolean_term(schema::file_term(file_key));
  add_dates(doc, a.date);
  add_boolean(doc, "section", a.section);
  add_boolean(doc, "source", a.source);
  // The language term is the primary subtag: lang:en finds "en-gb" and "en-us" pages.
  add_boolean(doc, "lang", a.lang.substr(0, a.lang.find_first_of("-_")));
  for (const auto& t : a.tags) add_boolean(doc, "tag", t);
  if (an.dateline && !an.dateline->place.empty()) add_boolean(doc, "dateline", an.dateline->place);
  else if (!a.dateline_text.empty()) add_boolean(doc, "dateline", a.dateline_text);

  for (const auto& f : schema::kFacets) {
    const auto& values = facet_values(an.facets, f.name);
    for (const auto& v : values) {
      std::string key = facet_key(f.name, v);
      if (!key.empty()) doc.add_boolean_term(schema::filter_term(f.name, key));
    }
    if (!values.empty()) doc.add_value(schema::slot(f.slot), schema::encode_list(values));
  }

  // Collected here, in the worker, so the single writer only sums counts.
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string& term = *t;
    if (term.size() < 3 || term.size() > 30 || !(term[0] >= 'a' && term[0] <= 'z')) continue;
    out.spelling.emplace_back(term, t.get_wdf());
  }
  doc.set_data(article_record(a, an));
  out.article.id_term = schema::id_term(a.id);
  doc.add_boolean_term(out.article.id_term);
  out.article.doc = std::move(doc);
  out.parent_term = schema::parent_term(a.id);

  std::size_t n = 0;
  for (const auto& q : an.quotes) {
    ++n;
    Xapian::Document qd;
    tg.set_document(qd);
    tg.index_text(q.text);
    qd.add_boolean_term(schema::type_term(schema::kTypeQuote));
    qd.add_boolean_term(out.parent_term);
    add_dates(qd, a.date);
    if (q.speaker) {
      qd.add_boolean_term(schema::filter_term("speaker", canonical::fold_key(*q.speaker)));
      qd.add_value(schema::slot(schema::Slot::kSpeaker), schema::encode_list({*q.speaker}));
    }
    json rec{{"article", a.id},  {"title", a.title}, {"date", a.date}, {"path", a.path},
             {"text", q.text},   {"speaker", q.speaker ? json(*q.speaker) : json(nullptr)},
             {"speaker_type", q.speaker_type}};
    qd.set_data(rec.dump(-1, ' ', false, json::error_handler_t::replace));
    std::string qid = schema::id_term(schema::quote_id(a.id, n));
    qd.add_boolean_term(qid);
    out.quotes.push_back({qid, std::move(qd)});
  }
  return out;
}

}  // namespace newsidx::indexer
