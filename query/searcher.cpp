// Searching a newsidx database.
#include "searcher.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "common/analysis.hpp"
#include "common/canonical.hpp"
#include "common/schema.hpp"
#include "common/xapian_db.hpp"

namespace newsidx::query {

namespace {

std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(key);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The display name stored for a facet term: the key itself is folded, so look the name up in
// a document's value slot.
std::string display_name(const Xapian::Database& db, const std::string& term,
                         const schema::FacetDef* facet, const std::string& prefix) {
  std::string key = term.substr(prefix.size());
  if (!facet) return key;
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return key;
  Xapian::Document d = db.get_document(*p, Xapian::DOC_ASSUME_VALID);
  for (const auto& v : schema::decode_list(d.get_value(schema::slot(facet->slot)))) {
    std::string k = facet->name == "country" ? canonical::ascii_lower(v) : canonical::fold_key(v);
    if (k == key) return v;
  }
  return key;
}

}  // namespace

struct Searcher::Impl {
  Xapian::Database db;
  std::string path;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

const Xapian::Database& Searcher::database() const { return impl_->db; }

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& path) {
  auto db = xapian_db::open_read(path);
  if (!db) return db.error();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  impl->path = path;
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

std::vector<std::string> Searcher::resolve_values(const std::string& field, const std::string& value,
                                                  std::vector<std::string>& notes) {
  const std::string prefix = schema::prefix(field);
  const schema::FacetDef* facet = schema::find_facet(field);
  std::string key = field == "country" ? canonical::ascii_lower(value) : canonical::fold_key(value);
  if (key.empty()) return {};
  std::string exact = schema::filter_term(field, key);
  if (impl_->db.term_exists(exact)) return {exact};
  if (!facet || field == "country") return {exact};

  // Not an exact canonical name: match names containing every word typed ("blinken" ->
  // "antony blinken"), the way people search for a person by surname.
  const auto want = words_of(key);
  std::vector<std::string> found;
  for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
    const auto have = words_of((*t).substr(prefix.size()));
    bool all = std::all_of(want.begin(), want.end(), [&](const std::string& w) {
      return std::find(have.begin(), have.end(), w) != have.end();
    });
    if (all) found.push_back(*t);
  }
  if (found.empty()) {
    notes.push_back("--" + field + " " + value + ": no " + field + " of that name in the archive");
    return {};
  }
  std::string names;
  for (const auto& t : found) {
    if (!names.empty()) names += ", ";
    names += display_name(impl_->db, t, facet, prefix);
  }
  if (found.size() > 1)
    notes.push_back("--" + field + " " + value + " is ambiguous; matched: " + names);
  else
    notes.push_back("--" + field + " " + value + " matched " + names);
  return found;
}

Result<SearchResult> Searcher::search(const SearchRequest& req) {
  for (int attempt = 0;; ++attempt) {
    try {
      SearchResult res;
      QuerySpec spec;
      spec.text = req.text;
      spec.any = req.any;
      spec.quotes = req.quotes;
      spec.date_from = req.date_from;
      spec.date_to = req.date_to;
      for (const auto& [field, values] : req.filters) {
        TermGroup g{field, {}};
        for (const auto& v : values) {
          auto terms = resolve_values(field, v, res.notes);
          g.terms.insert(g.terms.end(), terms.begin(), terms.end());
        }
        spec.filters.push_back(std::move(g));
      }
      Xapian::QueryParser qp = analysis::query_parser(impl_->db);
      auto q = build_query(spec, qp);
      if (!q) return q.error();

      Xapian::Enquire enquire(impl_->db);
      enquire.set_query(*q);
      enquire.set_weighting_scheme(Xapian::BM25Weight());
      const Xapian::doccount limit = req.count_only ? 0 : static_cast<Xapian::doccount>(req.limit);
      Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(req.offset), limit,
                                           req.count_only ? impl_->db.get_doccount() : 0);
      res.matches_estimated = mset.get_matches_estimated();
      res.matches_lower = mset.get_matches_lower_bound();
      res.matches_upper = mset.get_matches_upper_bound();
      std::size_t rank = req.offset;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit h;
        h.rank = ++rank;
        h.docid = *it;
        h.weight = it.get_weight();
        h.percent = it.get_percent();
        Xapian::Document d = it.get_document();
        h.record = nlohmann::json::parse(d.get_data(), nullptr, false);
        if (h.record.is_discarded()) h.record = nlohmann::json::object();
        std::string text = h.record.value(req.quotes ? "text" : "body", std::string());
        h.snippet = mset.snippet(text, req.snippet_length, analysis::stemmer(),
                                 Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                 std::string(1, kHighlightStart), std::string(1, kHighlightEnd), "...");
        res.hits.push_back(std::move(h));
      }
      return res;
    } catch (const Xapian::DatabaseModifiedError&) {
      // A nightly run committed while we read: reopen at the new revision and try again.
      if (attempt >= 5) return Error{ErrorCode::kDatabase, impl_->path + ": database keeps changing", "try again"};
      impl_->db.reopen();
    } catch (const Xapian::Error& e) {
      return xapian_db::to_error(e, impl_->path);
    }
  }
}

}  // namespace newsidx::query
