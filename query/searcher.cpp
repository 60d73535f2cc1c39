// Searching a newsidx database.
#include "searcher.hpp"
#include "searcher_impl.hpp"

#include <algorithm>

#include "common/analysis.hpp"
#include "common/schema.hpp"
#include "query/spelling.hpp"
#include "query/collapse.hpp"
#include "common/xapian_db.hpp"
#include "query/passage.hpp"
#include "query/record.hpp"

namespace newsidx::query {

void add_note(SearchResult& out, std::string note) {
  if (std::find(out.notes.begin(), out.notes.end(), note) == out.notes.end()) out.notes.push_back(std::move(note));
}

namespace {

// --like: the words worth expanding with; prefixed terms (facets, ids, stems) would make the
// "similar" articles those sharing a file or a date.
class PlainWordDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || term.size() > 30) return false;
    unsigned char c = static_cast<unsigned char>(term[0]);
    if (c >= 'A' && c <= 'Z') return false;
    if (std::all_of(term.begin(), term.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return false;
    return !(*analysis::stopper())(term);
  }
};

// The date of the newest (or oldest) dated article, "YYYYMMDD", or "" when none is dated.
std::string archive_date(const Xapian::Database& db, bool newest) {
  const auto slot = schema::slot(schema::Slot::kDate);
  Xapian::Enquire e(db);
  e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(schema::type_term(schema::kTypeArticle)),
                            Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, "0")));
  e.set_weighting_scheme(Xapian::BoolWeight());
  e.set_sort_by_value(slot, newest);
  Xapian::MSet m = e.get_mset(0, 1);
  return m.empty() ? std::string() : m.begin().get_document().get_value(slot);
}

std::string iso_date(const std::string& yyyymmdd) {
  return yyyymmdd.size() == 8 ? yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2)
                              : yyyymmdd;
}

// Nothing since --since (or until --until): say where the archive's dates end, so that a user
// sees at once that the archive is older (or newer) than the period asked for.
void add_date_note(const Xapian::Database& db, const DateRange& dates, SearchResult& res) {
  if (!dates.from.empty()) {
    const std::string newest = archive_date(db, true);
    if (!newest.empty() && newest < dates.from)
      add_note(res,
               "no article is dated on or after " + iso_date(dates.from) + "; the newest is dated " + iso_date(newest));
  }
  if (!dates.to.empty()) {
    const std::string oldest = archive_date(db, false);
    if (!oldest.empty() && oldest > dates.to)
      add_note(res,
               "no article is dated on or before " + iso_date(dates.to) + "; the oldest is dated " + iso_date(oldest));
  }
}

// Snippets come from a window of the body around the first query word: Xapian's snippet
// tokenises and stems every word it is given, which made long bodies the largest cost of a
// plain query. A search by filters alone shows the passage naming the entity instead.
class SnippetMaker {
 public:
  SnippetMaker(const Xapian::Query& query, const SearchRequest& req)
      : req_(req),
        terms_(req.quotes ? PassageTerms() : passage_terms(query)),
        by_mention_(terms_.words.empty() && terms_.stems.empty() && !terms_.names.empty()),
        stem_(new QueryStemmer(analysis::folding_stemmer(), query)) {}

  std::string make(const Xapian::MSet& mset, const nlohmann::json& record) const {
    static const std::string kEmpty, kOmit = "...";
    const auto field = record.find(req_.quotes ? "text" : "body");
    const std::string& text =
        field != record.end() && field->is_string() ? field->get_ref<const std::string&>() : kEmpty;
    // A quotation is shown whole; an article by its best passage.
    const std::size_t length = req_.quotes ? std::max(req_.snippet_length, text.size() + 1) : req_.snippet_length;
    if (by_mention_) {
      std::string s = mention_snippet(text, terms_.names, length, kHighlightStart, kHighlightEnd, kOmit);
      if (!s.empty()) return s;
    }
    const PassageWindow win = req_.quotes ? PassageWindow{0, text.size()} : passage_window(text, terms_, stem_, length);
    std::string s = unescape_snippet(mset.snippet(
        win.begin == 0 && win.end == text.size() ? text : text.substr(win.begin, win.end - win.begin), length, stem_,
        Xapian::MSet::SNIPPET_EXHAUSTIVE, std::string(1, kHighlightStart), std::string(1, kHighlightEnd), kOmit));
    return mark_cut_ends(std::move(s), win, text.size(), kOmit);
  }

 private:
  const SearchRequest& req_;
  const PassageTerms terms_;
  const bool by_mention_;
  const Xapian::Stem stem_;
};

// "Did you mean": Xapian's correction, kept to the words the archive lacks (spelling.hpp), and
// offered only when it finds more than twice the `matches` of the query as typed. `resolve`
// leaves no notes: the search already made them.
std::string suggestion(const Xapian::Database& db, const QuerySpec& spec, const Resolver& resolve,
                       const Day& today, Xapian::doccount matches) {
  QuerySpec again = spec;
  again.spelling = true;
  auto corrected = build_query(again, db, resolve, today);
  if (!corrected || corrected->info.corrected.empty()) return {};
  std::string text = accepted_correction(corrected->info.parsed_text, corrected->info.corrected,
                                         [&](const std::string& word) { return db.term_exists(word); });
  if (text.empty()) return {};
  QuerySpec trial = spec;
  trial.text = text;
  auto built = build_query(trial, db, resolve, today);
  if (!built) return {};
  Xapian::Enquire enquire(db);
  enquire.set_query(built->query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount found = enquire.get_mset(0, 0, kExactCountsUpTo).get_matches_estimated();
  return found > 2 * matches ? text : std::string();
}

const char* sort_name(SortOrder s) {
  switch (s) {
    case SortOrder::kRelevance: return "relevance (BM25)";
    case SortOrder::kNewest: return "newest first, then relevance";
    case SortOrder::kOldest: return "oldest first, then relevance";
  }
  return "";
}

// --copies ID: the articles of ID's story (ID alone when it has no copy).
Result<Xapian::Query> story_filter(const Xapian::Database& db, const std::string& id) {
  const std::string term = schema::id_term(id);
  auto p = db.postlist_begin(term);
  if (p == db.postlist_end(term))
    return Error{ErrorCode::kUsage, "--copies " + id + ": no article with that id",
                 "take an id from a result, e.g. newsidx-query --db news.db --format ids 'query'"};
  const std::string label = db.get_document(*p).get_value(schema::slot(schema::Slot::kCluster));
  if (label.empty()) return Xapian::Query(term);
  return key_filter(schema::slot(schema::Slot::kCluster), label);
}

}  // namespace

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

const std::vector<std::string>& Searcher::unreachable() const { return impl_->unreachable; }

Result<std::unique_ptr<Searcher>> Searcher::open_partial(const std::string& path) {
  auto opened = xapian_db::open_read_partial(path);
  if (!opened) return opened.error();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(opened->db);
  impl->unreachable = std::move(opened->unreachable);
  impl->path = path;
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<std::optional<nlohmann::json>> Searcher::article(const std::string& id) {
  std::optional<nlohmann::json> found;
  const std::string id_term = schema::id_term(id), type = schema::type_term(schema::kTypeArticle);
  auto st = xapian_db::guarded(impl_->path, [&] {
    Xapian::Database& db = impl_->db;
    // The id term alone could name a quotation ("id#q1"); the type term keeps to articles. A
    // clamped id term is shared only by ids equal up to its hash, so the record's id decides.
    for (auto p = db.postlist_begin(id_term); p != db.postlist_end(id_term); ++p) {
      Xapian::Document d = db.get_document(*p);
      auto t = d.termlist_begin();
      t.skip_to(type);
      if (t == d.termlist_end() || *t != type) continue;
      nlohmann::json rec = parse_record(d.get_data());
      if (rec.value("id", std::string()) != id) continue;
      add_linked_facets(rec, [&](unsigned slot) { return d.get_value(slot); });
      found = std::move(rec);
      return;
    }
  });
  if (!st) return st.error();
  return found;
}

Result<SearchResult> Searcher::search(const SearchRequest& req) {
  impl_->aliases = req.aliases ? req.aliases : &aliases::builtin();
  for (;;) {
    std::optional<Result<SearchResult>> out;
    // A nightly run committing while we read makes run_reading reopen and search again.
    auto failed = xapian_db::run_reading(impl_->db, impl_->path, [&] { out.emplace(search_once(req)); });
    if (!failed) return std::move(*out);
    // A remote server (xapian-tcpsrv) only runs the match spies it registers; count facets
    // and dates the way it knows instead (and stories by Xapian's estimate).
    if (failed->kind != xapian_db::Kind::kInvalidArgument || impl_->remote_safe_facets ||
        (req.facets.empty() && !req.timeline && !req.collapse))
      return failed->error;
    impl_->remote_safe_facets = true;
  }
}

Result<QuerySpec> Searcher::query_spec(const SearchRequest& req, SearchResult& res) {
  Xapian::Database& db = impl_->db;
  // Bounded before any value is resolved: resolving a name reads the facet's vocabulary.
  std::size_t filter_values = 0;
  for (const auto& f : req.filters) filter_values += f.second.size();
  if (auto st = check_query_size(req.text, filter_values); !st) return st.error();
  QuerySpec spec;
  spec.text = req.text;
  spec.any = req.any;
  spec.quotes = req.quotes;
  spec.dates = req.dates;
  for (const auto& [field, values] : req.filters) {
    // Quotations carry their speaker and their article's metadata, not its linked names.
    const schema::FacetDef* facet = schema::find_facet(field);
    if (req.quotes && facet && facet->entity && field != "speaker")
      add_note(res, "--quotes with --" + field + ": quotations carry their speaker, date and their article's source, "
                    "section, site, author, language and tags, not the names it mentions; --speaker finds who said it");
    TermGroup g{field, {}, req.all_of};
    for (const auto& v : values) g.values.push_back(resolve_values(field, v, res));
    spec.filters.push_back(std::move(g));
  }
  if (!req.like_id.empty()) {
    const std::string id = schema::id_term(req.like_id);
    auto p = db.postlist_begin(id);
    if (p == db.postlist_end(id))
      return Error{ErrorCode::kUsage, "--like " + req.like_id + ": no article with that id",
                   "take an id from a result, e.g. newsidx-query --db news.db --format ids 'query'"};
    Xapian::RSet rset;
    rset.add_document(*p);
    PlainWordDecider decider;
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    Xapian::ESet eset = enquire.get_eset(30, rset, &decider);
    std::vector<Xapian::Query> parts;
    for (auto it = eset.begin(); it != eset.end(); ++it) parts.emplace_back(*it);
    spec.like = parts.empty() ? Xapian::Query::MatchNothing : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    spec.exclude_terms.push_back(id);
  }
  return spec;
}

namespace {

// Newest or oldest first when asked; undated articles go last either way: an empty key sorts
// lowest, so the oldest-first order gives them a key above every date.
void sort_by_date(Xapian::Enquire& enquire, Xapian::MultiValueKeyMaker& by_date, SortOrder sort) {
  if (sort == SortOrder::kRelevance) return;
  const bool newest = sort == SortOrder::kNewest;
  by_date.add_value(schema::slot(schema::Slot::kDate), newest, newest ? std::string() : std::string("99999999"));
  enquire.set_sort_by_key_then_relevance(&by_date, false);
}

// The counts over all matches: facets, the timeline and the number of stories. Three ways to
// count facets and dates. One database: collect the matching documents and read each slot's
// value stream once afterwards (fastest). Several shards: a spy that reads each document's
// values, because a spy sees shard-local document ids. Remote: the ValueCountMatchSpy every
// server knows. Holds the spies, so it lives as long as the Enquire they are added to.
class MatchCounts {
 public:
  MatchCounts(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& req, bool collapse,
              Xapian::valueno collapse_on, bool remote_safe)
      : req_(req),
        remote_safe_(remote_safe),
        by_stream_(!remote_safe && db.size() == 1 && (!req.facets.empty() || req.timeline)),
        // Local spies see one document per story when collapsing (remote ones every copy).
        spy_stories_(collapse && !remote_safe && !by_stream_ && (!req.facets.empty() || req.timeline)),
        // Collapsing, Xapian only estimates how many stories remain: a spy counts them in the match.
        count_stories_(collapse && !by_stream_ && !remote_safe),
        stories_spy_(collapse_on),
        dates_spy_(schema::slot(schema::Slot::kDate)),
        story_count_(collapse_on) {
    if (!by_stream_) return;
    // A separate unranked pass finds every match: BoolWeight computes no weights, and the
    // ranked match may then stop early for its one page, as a plain query does.
    MatchingDocsSpy docs_spy;
    Xapian::Enquire every(db);
    every.set_query(query);
    every.set_weighting_scheme(Xapian::BoolWeight());
    every.add_matchspy(&docs_spy);
    every.get_mset(0, 0, db.get_doccount());
    // Facets, the timeline and the count see one document per story.
    matched_ = collapse ? one_per_key(db, collapse_on, docs_spy.docids()) : docs_spy.docids();
  }

  /// Whether the unranked pass counted every match already.
  bool by_stream() const { return by_stream_; }

  /// Adds the spies the ranked match needs to `enquire`.
  void attach(Xapian::Enquire& enquire) {
    if (spy_stories_) enquire.add_matchspy(&stories_spy_);
    auto add_spy = [&](Xapian::MatchSpy* spy) {
      if (spy_stories_) stories_spy_.add(spy);
      else enquire.add_matchspy(spy);
    };
    for (const auto& name : req_.facets) {
      const auto slot = schema::slot(schema::find_facet(name)->slot);
      if (by_stream_) continue;
      if (remote_safe_) {
        combo_spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(slot));
        enquire.add_matchspy(combo_spies_.back().get());
      } else {
        list_spies_.push_back(std::make_unique<ListCountMatchSpy>(slot));
        add_spy(list_spies_.back().get());
      }
    }
    if (req_.timeline && !by_stream_) add_spy(&dates_spy_);
    if (count_stories_) enquire.add_matchspy(&story_count_);
  }

  /// The match counts of `res`, made exact where these counts know better than the MSet.
  void count(const Xapian::MSet& mset, bool exhaustive, Xapian::doccount check, SearchResult& res) const {
    res.matches_estimated = mset.get_matches_estimated();
    res.matches_lower = mset.get_matches_lower_bound();
    res.matches_upper = mset.get_matches_upper_bound();
    if (count_stories_ && (exhaustive || story_count_.seen() < check))
      res.matches_estimated = res.matches_lower = res.matches_upper = story_count_.stories();
    // The unranked pass saw every match: the count is exact.
    if (by_stream_)
      res.matches_estimated = res.matches_lower = res.matches_upper = static_cast<Xapian::doccount>(matched_.size());
  }

  /// The facets and timeline of `res`, once the match has run.
  void facets(const Xapian::Database& db, SearchResult& res) const {
    for (std::size_t i = 0; i < req_.facets.size(); ++i) {
      FacetResult f{req_.facets[i], {}, 0};
      const schema::FacetDef* facet = schema::find_facet(req_.facets[i]);
      ValueCounts counts;
      if (by_stream_) {
        counts = count_list_values(db, schema::slot(facet->slot), matched_, f.with_value);
      } else if (remote_safe_) {
        counts = count_combinations(*combo_spies_[i]);
        for (auto it = combo_spies_[i]->values_begin(); it != combo_spies_[i]->values_end(); ++it)
          f.with_value += it.get_termfreq();
      } else {
        counts = list_spies_[i]->counts();
        f.with_value = list_spies_[i]->with_value();
      }
      // Values are stored as each article writes them; one row per value a filter tells apart.
      f.values = top_values(merge_folded(counts), req_.facet_size);
      res.facets.push_back(std::move(f));
    }
    if (!req_.timeline) return;
    std::map<std::string, Xapian::doccount> days;
    if (by_stream_)
      days = count_values(db, schema::slot(schema::Slot::kDate), matched_);
    else
      for (auto it = dates_spy_.values_begin(); it != dates_spy_.values_end(); ++it) days[*it] = it.get_termfreq();
    res.timeline = make_timeline(days, req_.interval);
  }

 private:
  const SearchRequest& req_;
  const bool remote_safe_, by_stream_, spy_stories_, count_stories_;
  std::vector<Xapian::docid> matched_;
  OnePerKeySpy stories_spy_;
  std::vector<std::unique_ptr<ListCountMatchSpy>> list_spies_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> combo_spies_;
  Xapian::ValueCountMatchSpy dates_spy_;
  StoryCountSpy story_count_;
};

// --explain: how the query was understood.
Explanation explain(const BuiltQuery& built, SortOrder sort) {
  Explanation e;
  e.description = built.query.get_description();
  e.terms = describe_terms(built.query);
  e.filters = built.info.filters;
  e.sort = sort_name(sort);
  return e;
}

// The page of hits, each with its record, snippet, story and count of other copies.
std::vector<Hit> hits_of(const Xapian::Database& db, const Xapian::MSet& mset, const SnippetMaker& snippets,
                         const SearchRequest& req, Xapian::valueno collapse_on) {
  std::vector<Hit> out;
  std::size_t rank = req.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit h;
    h.rank = ++rank;
    h.docid = *it;
    h.weight = it.get_weight();
    h.percent = it.get_percent();
    Xapian::Document d = it.get_document();
    h.record = parse_record(d.get_data());
    add_linked_facets(h.record, [&](unsigned slot) { return d.get_value(slot); });
    if (req.snippets) h.snippet = snippets.make(mset, h.record);
    h.cluster = d.get_value(collapse_on);
    out.push_back(std::move(h));
  }
  std::vector<std::string> keys;
  for (const auto& h : out) keys.push_back(h.cluster);
  const auto copies = other_copies(db, collapse_on, keys);
  for (auto& h : out) {
    if (auto it = copies.find(h.cluster); it != copies.end()) h.copies = it->second;
    if (h.cluster.empty() && !req.quotes) h.cluster = h.record.value("id", std::string());
  }
  return out;
}

}  // namespace

Result<SearchResult> Searcher::search_once(const SearchRequest& req) {
  SearchResult res;
  Xapian::Database& db = impl_->db;
  auto made = query_spec(req, res);
  if (!made) return made.error();
  const QuerySpec& spec = *made;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight());

  Resolver resolve = [&](const std::string& f, const std::string& v, const std::string& typed) {
    return resolve_values(f, v, res, typed);
  };
  auto built = build_query(spec, db, resolve, req.today);
  if (!built) return built.error();
  for (const auto& n : req.notes) add_note(res, n);
  for (const auto& n : built->info.notes) add_note(res, n);
  const Xapian::valueno collapse_on = collapse_slot(req.quotes);
  const bool collapse = req.collapse && req.copies_of.empty();
  if (!req.copies_of.empty()) {
    auto story = story_filter(db, req.copies_of);
    if (!story) return story.error();
    built->query = Xapian::Query(Xapian::Query::OP_FILTER, built->query, *story);
  }
  if (collapse) enquire.set_collapse_key(collapse_on);
  enquire.set_query(built->query);
  Xapian::MultiValueKeyMaker by_date;
  sort_by_date(enquire, by_date, req.sort);

  const bool remote_safe = req.remote_safe_facets || impl_->remote_safe_facets;
  MatchCounts counts(db, built->query, req, collapse, collapse_on, remote_safe);
  counts.attach(enquire);
  // Counts over ALL matches need the match to look at every document, not just the page; any
  // other count is exact up to kExactCountsUpTo matches.
  const bool exhaustive = req.count_only || (!counts.by_stream() && (!req.facets.empty() || req.timeline));
  const Xapian::doccount limit = req.count_only ? 0 : static_cast<Xapian::doccount>(req.limit);
  const auto first = static_cast<Xapian::doccount>(req.offset);
  const Xapian::doccount check = exhaustive ? db.get_doccount() : std::max(kExactCountsUpTo, first + limit);
  Xapian::MSet mset = enquire.get_mset(first, limit, check);
  counts.count(mset, exhaustive, check, res);
  counts.facets(db, res);

  if (res.matches_estimated == 0 && !req.dates.empty()) add_date_note(db, req.dates, res);
  if (built->info.date_filter && !built->undated.empty()) {
    Xapian::Enquire undated(db);
    undated.set_query(built->undated);
    res.undated_excluded = undated.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  }
  // Few matches: only now pay for the spelling lookups.
  if (res.matches_estimated < req.suggest_below && has_words(spec.text)) {
    const Resolver quiet = [&](const std::string& f, const std::string& v, const std::string& typed) {
      SearchResult ignored;
      return resolve_values(f, v, ignored, typed);
    };
    res.suggestion = suggestion(db, spec, quiet, req.today, res.matches_estimated);
  }
  if (res.suggestion.empty())
    for (const auto& n : built->info.slip_notes) add_note(res, n);
  if (req.explain) res.explanation = explain(*built, req.sort);
  res.hits = hits_of(db, mset, SnippetMaker(built->query, req), req, collapse_on);
  return res;
}

}  // namespace newsidx::query
