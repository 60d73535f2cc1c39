// The printers of the output formats behind one interface (see printer.hpp).
#include "query/printer.hpp"

#include "query/display.hpp"
#include "query/show.hpp"

namespace newsidx::query {

namespace {

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Text for people: the count line, facet tables, timeline and hits (explanation first).
class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, std::ostream& err, const PrintOptions& options, bool facets_only)
      : Printer(out, err, options), facets_only_(facets_only) {}

  void result(const SearchResult& r) override {
    notes(r);
    if (r.explanation) print_explanation_text(out_, *r.explanation, options_.width);
    if (r.matches_estimated == 0) {
      err_ << "no matches\n";
      return;
    }
    out_ << count_line(r, options_.quotes) << "\n\n";
    if (!r.facets.empty()) print_facets_text(out_, r.facets, r.matches_estimated, options_);
    if (r.timeline) print_timeline_text(out_, *r.timeline, options_);
    if (!facets_only_) print_text(out_, r, options_);
  }

 private:
  bool facets_only_;
};

// JSON Lines for scripts (docs/json-output.md): notes and the explanation ride in the summary.
class JsonPrinter final : public Printer {
 public:
  JsonPrinter(std::ostream& out, std::ostream& err, const PrintOptions& options, std::size_t limit)
      : Printer(out, err, options), limit_(limit) {}

  void result(const SearchResult& r) override {
    print_json(out_, r, options_);
    // --limit 0 asks for the count: the summary carries it even when it has nothing else.
    if (limit_ == 0 && !has_summary(r)) out_ << dump(summary_json(r)) << "\n";
  }

  void article(const nlohmann::json& record) override { out_ << dump(article_json(record)) << "\n"; }

 private:
  std::size_t limit_;
};

// The formats for pipes and spreadsheets (CSV, ids, paths): the hits alone on out, written by
// the format's function of printers.hpp; notes and the explanation on err.
class PipePrinter final : public Printer {
 public:
  using Hits = void (*)(std::ostream&, const SearchResult&, const PrintOptions&);
  PipePrinter(std::ostream& out, std::ostream& err, const PrintOptions& options, Hits hits)
      : Printer(out, err, options), hits_(hits) {}

  void result(const SearchResult& r) override {
    notes(r);
    if (r.explanation) print_explanation_text(err_, *r.explanation, options_.width);
    hits_(out_, r, options_);
  }

 private:
  Hits hits_;
};

}  // namespace

Printer::Printer(std::ostream& out, std::ostream& err, const PrintOptions& options)
    : out_(out), err_(err), options_(options) {}

void Printer::count(const SearchResult& r) {
  notes(r);
  out_ << r.matches_estimated << "\n";
  // --count --facets (or --timeline): the number, then what was counted over the matches.
  if (!r.facets.empty() || r.timeline) out_ << "\n";
  if (!r.facets.empty()) print_facets_text(out_, r.facets, r.matches_estimated, options_);
  if (r.timeline) print_timeline_text(out_, *r.timeline, options_);
}

void Printer::article(const nlohmann::json& record) { print_article_text(out_, record, options_); }

void Printer::notes(const SearchResult& r) {
  // Notes quote typed values and stored names: escaped (not wrapped: one line each, for
  // whoever greps them).
  for (const auto& n : r.notes) err_ << "note: " << escape_controls(n) << "\n";
  if (r.undated_excluded && *r.undated_excluded > 0)
    err_ << "note: " << *r.undated_excluded << " matching "
         << (*r.undated_excluded == 1 ? "document has" : "documents have") << " no date and "
         << (*r.undated_excluded == 1 ? "is" : "are") << " excluded by the date filter\n";
  if (!r.suggestion.empty()) err_ << "did you mean: " << escape_controls(r.suggestion) << "\n";
}

std::unique_ptr<Printer> make_printer(const QueryOptions& o, std::ostream& out, std::ostream& err,
                                      const PrintOptions& options) {
  switch (o.format) {
    case OutputFormat::kJson: return std::make_unique<JsonPrinter>(out, err, options, o.request.limit);
    case OutputFormat::kCsv: return std::make_unique<PipePrinter>(out, err, options, print_csv);
    case OutputFormat::kIds: return std::make_unique<PipePrinter>(out, err, options, print_ids);
    case OutputFormat::kPaths: return std::make_unique<PipePrinter>(out, err, options, print_paths);
    case OutputFormat::kText: break;
  }
  return std::make_unique<TextPrinter>(out, err, options, o.facets_only);
}

}  // namespace newsidx::query
