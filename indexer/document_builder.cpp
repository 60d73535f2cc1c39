// Turning an analysed article into Xapian documents.
#include "document_builder.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/analysis.hpp"
#include "common/schema.hpp"
#include "indexer/clusters.hpp"
#include "indexer/entities/facet_values.hpp"
#include "indexer/entities/linking.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::indexer {

namespace {

using nlohmann::json;

json facets_json(const Facets& f) {
  // Person, org and place are read from their value slots (schema::kLinkedFacets).
  return json{{"country", f.country}, {"speaker", f.speaker}};
}

const std::vector<std::string>& facet_values(const Facets& f, std::string_view name) {
  if (name == "person") return f.person;
  if (name == "org") return f.org;
  if (name == "place") return f.place;
  if (name == "country") return f.country;
  return f.speaker;
}

// A boolean field's or facet's term, spelled by the schema as the query tool spells it.
void add_boolean(Xapian::Document& doc, std::string_view field, const std::string& raw) {
  if (auto term = schema::value_term(field, raw); !term.empty()) doc.add_boolean_term(term);
}

void add_dates(Xapian::Document& doc, const std::string& date) {
  for (const auto& t : schema::date_terms(date)) doc.add_boolean_term(t);
  if (auto v = schema::date_value(date); !v.empty()) doc.add_value(schema::slot(schema::Slot::kDate), v);
}

// Stores the file's absolute path as "path", and its bytes in hex as "path_hex" when the name
// is not UTF-8 (JSON would replace those bytes), so that the query tool prints the real name.
void add_path(json& rec, const std::string& path) {
  const std::string abs = absolute_path(path);
  rec["path"] = abs;
  if (readers::is_valid_utf8(abs)) return;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : abs) hex += {kHex[c >> 4], kHex[c & 15]};
  rec["path_hex"] = hex;
}

// The article's metadata as filter terms (value_term: the language by its primary subtag, so
// lang:en finds "en-GB" pages): source, section, each author name, language, editorial tags and
// the URL's site. Its quotations carry them too, so --quotes --section politics finds them.
std::vector<std::string> metadata_filter_terms(const Article& a) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view field, const std::string& raw) {
    if (auto term = schema::value_term(field, raw); !term.empty()) out.push_back(std::move(term));
  };
  add("source", a.source);
  add("section", a.section);
  for (const auto& n : schema::author_names(a.author)) add("author", n);
  add("lang", a.lang);
  for (const auto& t : a.tags) add("tag", t);
  for (auto& t : schema::site_terms(a.url)) out.push_back(std::move(t));
  return out;
}

// Source, section, author names and language as facets: a value slot each for facet counts,
// holding the values as written (display_value) that have a filter term.
void add_metadata_facets(Xapian::Document& doc, const Article& a) {
  auto add = [&doc](std::string_view name, const std::vector<std::string>& values) {
    std::vector<std::string> shown;
    for (const auto& v : values)
      if (auto d = schema::display_value(name, v); !d.empty() && !schema::value_term(name, d).empty()) shown.push_back(d);
    if (!shown.empty()) doc.add_value(schema::slot(schema::find_facet(name)->slot), schema::encode_list(shown));
  };
  add("source", {a.source});
  add("section", {a.section});
  add("author", schema::author_names(a.author));
  add("lang", {a.lang});
  add("site", {a.url});
}

}  // namespace

std::string absolute_path(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) return path;
  // Each worker resolves a folder once in a row: the articles of a file, and the files of a
  // folder, come one after another, so this is one look-up per folder, not per article.
  thread_local std::string last_dir, last_resolved;
  const fs::path p(path);
  const std::string dir = p.parent_path().string();
  if (dir != last_dir || last_resolved.empty()) {
    std::error_code ec;
    const fs::path abs = fs::absolute(dir.empty() ? fs::path(".") : p.parent_path(), ec);
    const fs::path canon = ec ? fs::path() : fs::weakly_canonical(abs, ec);
    last_resolved = ec || canon.empty() ? abs.lexically_normal().string() : canon.string();
    last_dir = dir;
  }
  return (fs::path(last_resolved) / p.filename()).string();
}

std::string article_record(const Article& a, const Analysis& an) {
  json j{{"id", a.id},           {"title", a.title},
         {"date", a.date},       {"dateline", a.dateline_text},
         {"url", a.url},         {"source", a.source}, {"author", a.author},
         {"section", a.section}, {"lang", a.lang},     {"tags", a.tags},
         {"body", std::string(a.body_text())},
         {"facets", facets_json(an.facets)}};
  add_path(j, a.path);
  if (a.line) j["line"] = a.line;
  if (a.offset) j["offset"] = *a.offset;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

BuiltArticle build_documents(const Article& a, const Analysis& an, const std::string& file_key, const Facets* own) {
  BuiltArticle out;
  Xapian::TermGenerator tg = analysis::term_generator();

  Xapian::Document doc;
  tg.set_document(doc);
  // Headline words are indexed under S (for title:) and unprefixed with a higher wdf, so a match
  // in the headline outranks one in the body; a position gap keeps phrases from spanning fields.
  // Accents are folded (analysis::index_text) as the query tool folds them.
  analysis::index_text(tg, a.title, 1, schema::prefix("title"));
  analysis::index_text(tg, a.title, analysis::kTitleWeight);
  tg.increase_termpos(100);
  analysis::index_text(tg, a.body_text());

  doc.add_boolean_term(schema::type_term(schema::kTypeArticle));
  doc.add_boolean_term(schema::file_term(file_key));
  add_dates(doc, a.date);
  const std::vector<std::string> metadata = metadata_filter_terms(a);
  for (const auto& t : metadata) doc.add_boolean_term(t);
  add_metadata_facets(doc, a);
  // The id rule compares versions; the writer sets kContentFile, the holder the content is from.
  if (!a.version.empty()) doc.add_value(schema::slot(schema::Slot::kVersion), a.version);
  if (an.dateline && !an.dateline->place.empty()) add_boolean(doc, "dateline", an.dateline->place);
  else if (!a.dateline_text.empty()) add_boolean(doc, "dateline", a.dateline_text);

  for (const auto& f : schema::kFacets) {
    if (!f.entity) continue;
    const auto& values = facet_values(an.facets, f.name);
    for (const auto& v : values) add_boolean(doc, f.name, v);
    if (!values.empty()) doc.add_value(schema::slot(f.slot), schema::encode_list(values));
  }
  // The article's own names, from which the link step (indexer/link_step) derives what it stores.
  if (!own) own = &an.facets;
  const std::vector<std::string> works = entities::works_in(a.text, an.mentions);
  if (!own->person.empty() || !own->org.empty() || !own->place.empty() || !works.empty())
    doc.add_value(schema::slot(schema::Slot::kOwnNames),
                  entities::encode_own_names(own->person, own->org, own->place, works));

  // The body's fingerprint and its band terms, for the cluster step (indexer/cluster_step).
  if (const auto fp = clusters::fingerprint(a.body_text()); !fp.empty()) {
    doc.add_value(schema::slot(schema::Slot::kFingerprint), clusters::encode(fp));
    for (const auto& t : clusters::band_terms(fp)) doc.add_boolean_term(t);
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
    analysis::index_text(tg, q.text);
    qd.add_boolean_term(schema::type_term(schema::kTypeQuote));
    qd.add_boolean_term(out.parent_term);
    add_dates(qd, a.date);
    for (const auto& t : metadata) qd.add_boolean_term(t);
    if (q.speaker) {
      add_boolean(qd, "speaker", *q.speaker);
      qd.add_value(schema::slot(schema::Slot::kSpeaker), schema::encode_list({*q.speaker}));
    }
    json rec{{"article", a.id},  {"title", a.title}, {"date", a.date},
             {"text", q.text},   {"speaker", q.speaker ? json(*q.speaker) : json(nullptr)},
             {"speaker_type", q.speaker_type}};
    if (q.speaker_description) rec["speaker_description"] = *q.speaker_description;
    add_path(rec, a.path);
    qd.set_data(rec.dump(-1, ' ', false, json::error_handler_t::replace));
    std::string qid = schema::id_term(schema::quote_id(a.id, n));
    qd.add_boolean_term(qid);
    out.quotes.push_back({qid, std::move(qd)});
  }
  return out;
}

}  // namespace newsidx::indexer
