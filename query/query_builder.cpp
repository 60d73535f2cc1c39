// Building Xapian queries from a QuerySpec.
#include "query_builder.hpp"

#include <cctype>
#include <optional>

#include "common/analysis.hpp"
#include "common/canonical.hpp"
#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "query/spelling.hpp"

namespace newsidx::query {

namespace {

// Shared by the field processors of one parse: what they resolved, and the first error.
struct ParseState {
  const Resolver* resolve = nullptr;
  Day today;
  bool ignore_dates = false;  // second parse for the undated count: date: matches everything
  ParseInfo* info = nullptr;
  std::optional<Error> error;
  std::size_t field_values = 0;  // field:value pairs met so far, the filter options included
};

// Counts one field:value of the query; past kMaxFieldValues it records the error and returns
// false, and the processor answers without resolving (resolving a name reads the facet's whole
// vocabulary). A processor never throws out of Xapian 1.4's parser: that leaks the parse state
// (and crashed on '-date:bad'); build_query reports the error once the parse is over.
bool count_field_value(ParseState* st) {
  if (++st->field_values <= kMaxFieldValues) return true;
  if (!st->error) st->error = too_many_field_values(st->field_values);
  return false;
}

// A query that matches nothing and still says what was asked for: the value's term, which no
// document carries (the resolver found none), or the field's bare prefix. Xapian's empty query
// would instead vanish from the parsed query and so widen it.
Xapian::Query unknown_value(const std::string& field, const std::string& value) {
  std::string term = schema::value_term(field, value);
  return Xapian::Query(term.empty() ? schema::prefix(field) : term);
}

// How the user typed a field of the query, for notes: country:narnia, org:"state department".
std::string as_typed(const std::string& field, const std::string& value) {
  return field + ":" + (value.find(' ') != std::string::npos ? "\"" + value + "\"" : value);
}

Xapian::Query date_query(const DateRange& r) {
  const auto slot = schema::slot(schema::Slot::kDate);
  if (r.from.empty() && r.to.empty()) return Xapian::Query::MatchAll;
  if (r.from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, r.to);
  if (r.to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, r.from);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, r.from, r.to);
}

std::string readable(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return yyyymmdd;
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

std::string describe_range(const DateRange& r) {
  return "date: " + (r.from.empty() ? std::string("(any)") : readable(r.from)) + " .. " +
         (r.to.empty() ? std::string("(any)") : readable(r.to));
}

Xapian::Query any_of(const std::vector<std::string>& terms) {
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// person:blinken, country:britain, org:"state department", source:bbc, lang:fr: resolved like
// --person etc.
class FacetProcessor : public Xapian::FieldProcessor {
 public:
  FacetProcessor(std::string field, ParseState* st) : field_(std::move(field)), st_(st) {}
  Xapian::Query operator()(const std::string& value) override {
    if (!count_field_value(st_)) return Xapian::Query::MatchNothing;
    auto terms = (*st_->resolve)(field_, value, as_typed(field_, value));
    if (!st_->ignore_dates) {
      std::string desc = field_ + ": " + value + " ->";
      for (const auto& t : terms) desc += " " + t.substr(schema::prefix(field_).size()) + ";";
      if (terms.empty()) desc += " (nothing in the archive)";
      else desc.pop_back();
      st_->info->filters.push_back(desc);
    }
    return terms.empty() ? unknown_value(field_, value) : any_of(terms);
  }

 private:
  std::string field_;
  ParseState* st_;
};

// tag:places:usa, dateline:: the value spelled as the indexer spells it.
class KeyProcessor : public Xapian::FieldProcessor {
 public:
  KeyProcessor(std::string field, ParseState* st) : field_(std::move(field)), st_(st) {}
  Xapian::Query operator()(const std::string& value) override {
    if (!count_field_value(st_)) return Xapian::Query::MatchNothing;
    // The resolver spells the term (schema::value_term) and notes a value the archive lacks.
    auto terms = (*st_->resolve)(field_, value, as_typed(field_, value));
    return terms.empty() ? unknown_value(field_, value) : any_of(terms);
  }

 private:
  std::string field_;
  ParseState* st_;
};

// date:2022-01-01..2022-02-15, date:2022-01, date:2022, date:last-week.
class DateProcessor : public Xapian::FieldProcessor {
 public:
  explicit DateProcessor(ParseState* st) : st_(st) {}
  Xapian::Query operator()(const std::string& value) override {
    if (!count_field_value(st_)) return Xapian::Query::MatchNothing;
    auto r = parse_date_field(value, st_->today);
    if (!r) {
      // Never throw out of Xapian 1.4's parser: it then leaks its parse state, and crashes on
      // '-date:bad' or '+date:bad'. build_query reports the error once the parse is over.
      if (!st_->error) st_->error = r.error();
      return Xapian::Query::MatchNothing;
    }
    st_->info->date_filter = true;
    if (st_->ignore_dates) return Xapian::Query::MatchAll;
    st_->info->filters.push_back(describe_range(*r));
    return date_query(*r);
  }

 private:
  ParseState* st_;
};

// The shared analysis setup (text fields from common/analysis), with field processors for the
// boolean fields users type: facets resolve names, tag/dateline spell their
// value as the indexer does. Xapian does not allow a processor and a prefix on one field name,
// so this walks the schema table itself; id:, file:, type: and parent: stay literal.
Xapian::QueryParser make_parser(const Xapian::Database& db, ParseState* st) {
  Xapian::QueryParser qp = analysis::text_parser(db);
  // A wildcard stands for at most its kMaxWildcardTerms most frequent words ("a*" has thousands).
  qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const auto& f : schema::kFields) {
    const std::string name(f.name);
    if (f.kind == schema::FieldKind::kFreeText) continue;
    if (schema::find_facet(f.name))
      qp.add_boolean_prefix(name, (new FacetProcessor(name, st))->release());
    else if (name == "tag" || name == "dateline")
      qp.add_boolean_prefix(name, (new KeyProcessor(name, st))->release());
    else
      qp.add_boolean_prefix(name, std::string(f.prefix));
  }
  qp.add_boolean_prefix(std::string(kDateField), (new DateProcessor(st))->release());
  return qp;
}

// Xapian's "Syntax: <expression> AND <expression>" as a sentence a user understands.
Error syntax_error(const std::string& xapian_message) {
  static const std::string kHead = "Syntax: <expression> ", kTail = " <expression>";
  std::string what;
  const std::string& m = xapian_message;
  if (m.size() > kHead.size() + kTail.size() && m.compare(0, kHead.size(), kHead) == 0 &&
      m.compare(m.size() - kTail.size(), kTail.size(), kTail) == 0)
    what = m.substr(kHead.size(), m.size() - kHead.size() - kTail.size());
  if (what == "NOT") what += " needs a word or phrase after it";  // 'NOT oil' alone is allowed
  else if (!what.empty()) what += " needs a word or phrase on each side";
  else what = "the query could not be understood";
  return Error{ErrorCode::kUsage, "query syntax error: " + what,
               "AND, OR and NOT in capitals join words, e.g. 'oil AND (opec OR saudi)'; "
               "to search for the word itself, write it in lower case"};
}

std::size_t count_words(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool word = std::isalnum(u) || u >= 0x80;
    if (word && !in_word) ++n;
    in_word = word;
  }
  return n;
}

}  // namespace

Error too_many_field_values(std::size_t n) {
  return Error{ErrorCode::kUsage,
               "query too large: " + std::to_string(n) + " field values and filters (the limit is " +
                   std::to_string(kMaxFieldValues) + " field values)",
               "split it into several queries, or use one facet value per filter"};
}

bool has_words(std::string_view text) { return count_words(text) > 0; }

Status check_query_size(std::string_view text, std::size_t filter_values) {
  if (text.size() > kMaxQueryBytes)
    return Error{ErrorCode::kUsage,
                 "query too long: " + std::to_string(text.size()) + " bytes (the limit is " +
                     std::to_string(kMaxQueryBytes) + " bytes)",
                 "search for the few words that matter, or a phrase of them"};
  if (const auto words = count_words(text); words > kMaxQueryWords)
    return Error{ErrorCode::kUsage,
                 "query too long: " + std::to_string(words) + " words (the limit is " +
                     std::to_string(kMaxQueryWords) + " words)",
                 "search for the few words that matter, or a phrase of them"};
  if (filter_values > kMaxFieldValues) return too_many_field_values(filter_values);
  return Ok{};
}

Status check_balanced(const std::string& text) {
  // Xapian's parser forgives unbalanced quotes and brackets by guessing; a user is better served
  // by being told, since the guess silently changes what is searched.
  int depth = 0;
  bool in_quotes = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    else if (!in_quotes && c == '(') ++depth;
    else if (!in_quotes && c == ')' && --depth < 0) break;
  }
  if (in_quotes)
    return Error{ErrorCode::kUsage, "query syntax error: unbalanced quotes",
                 "close the phrase, e.g. '\"state department\" sanctions'"};
  if (depth != 0)
    return Error{ErrorCode::kUsage, "query syntax error: unbalanced brackets",
                 "match every '(' with a ')', e.g. 'sanctions AND (russia OR belarus)'"};
  return Ok{};
}

namespace {

// True when `text` is plain words (letters, digits, apostrophes, spaces), each a stop word
// ("the who", "it"): the indexer keeps no stem of a stop word (analysis: STOP_STEMMED), and
// Xapian's parser searches the stems of a query of stop words alone, which match nothing. As a
// phrase, the words are searched as written.
bool only_stop_words(std::string_view text) {
  const Xapian::Stopper* stop = analysis::stopper();
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '\'')) ++j;
    if (j == i || (j < text.size() && text[j] != ' ' && text[j] != '\t')) return false;  // a sign: not plain
    const std::string word(text.substr(i, j - i));
    // Upper-case AND, OR and NOT are operators, not words.
    if (word == "AND" || word == "OR" || word == "NOT" || !(*stop)(canonical::ascii_lower(word))) return false;
    ++words;
    i = j;
  }
  return words > 0;
}

// "-blair -brown": when every item of the text is excluded, the exclusions as NOT items ("NOT
// blair NOT brown"). Xapian 1.4's parser keeps the words of a query of '-' items alone and drops
// their signs, so "-blair" found the articles about Blair instead of all the others. nullopt when
// some item is not excluded (a phrase counts as one item).
std::optional<std::string> excluded_only(std::string_view text) {
  std::string out;
  std::size_t i = 0, items = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    if (text[i] != '-' || i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\t') return std::nullopt;
    std::size_t j = i + 1;
    bool quoted = false;
    while (j < text.size() && (quoted || (text[j] != ' ' && text[j] != '\t'))) {
      if (text[j] == '"') quoted = !quoted;
      ++j;
    }
    out += (out.empty() ? "NOT " : " NOT ") + std::string(text.substr(i + 1, j - i - 1));
    ++items;
    i = j;
  }
  if (items == 0) return std::nullopt;
  return out;
}

// How a field takes its value, with an example of its kind: "a value goes right after the ':',
// e.g. person:brown".
std::string value_hint(const std::string& typed) {
  const std::string field = canonical::ascii_lower(typed);
  std::string example = "brown";
  if (field == kDateField) example = "2005-03";
  else if (field == "country") example = "ua";
  else if (field == "lang") example = "en";
  else if (field == "site") example = "bbc.co.uk";
  return "a value goes right after the ':', e.g. " + field + ":" + example;
}

// The query's text as the parser reads it, with notes on how it was read. Accents are folded
// as the indexer folds them (case is kept: it decides what is stemmed); abbreviations typed in
// lower case are capitals; a field typed in capitals ("TITLE:blair") or with a blank before its
// value ("person: blair") is the field (Xapian's prefixes are case-sensitive and take the value
// right after the ':'); a field with no value is left out (alone: an error); other spellings
// ("e-mail" or "email", "Blair" or "Blair's") widen the search, except for the spelling
// correction, which works on the words as typed so that its suggestion reads as the user wrote.
Result<std::string> parser_text(const QuerySpec& spec, std::size_t option_values, const Xapian::Database& db,
                                ParseInfo& info) {
  auto [typed, empty_fields] =
      without_empty_fields(with_fields_as_meant(with_abbreviations_in_capitals(analysis::fold_accents(spec.text))));
  for (const auto& f : empty_fields)
    info.notes.push_back("'" + f + ":' has no value and was left out (" + value_hint(f) + ")");
  if (!empty_fields.empty() && typed.find_first_not_of(" \t\r\n") == std::string::npos && option_values == 0)
    return Error{ErrorCode::kUsage, "'" + empty_fields.front() + ":' in the query has no value",
                 value_hint(empty_fields.front())};
  for (const auto& f : unknown_fields(typed)) {
    const std::string head = "'" + f.typed + ":' is no field, so it was searched as a word; ";
    if (f.nearest.empty())
      info.notes.push_back(head + "the fields are title:, person:, org:, place:, country:, speaker:, author:, "
                                  "source:, section:, site:, tag:, lang: and date:");
    else
      info.slip_notes.push_back(head + "did you mean " + std::string(f.nearest) + ":?");
  }
  const auto possessive_indexed = [&db](const std::string& term) { return db.term_exists(term); };
  std::string folded = spec.spelling ? typed : with_hyphens_widened(with_possessives_widened(typed, possessive_indexed));
  if (auto nots = excluded_only(folded)) folded = std::move(*nots);
  if (only_stop_words(folded)) {
    info.notes.push_back("'" + spec.text + "' holds only common words, searched as written: \"" + folded + "\"");
    folded = "\"" + folded + "\"";
  }
  return folded;
}

}  // namespace

Result<BuiltQuery> build_query(const QuerySpec& typed, const Xapian::Database& db, const Resolver& resolve,
                               const Day& today) {
  QuerySpec spec = typed;
  spec.text = with_straight_quotes(typed.text);
  std::size_t option_values = 0;
  for (const auto& g : spec.filters) option_values += g.values.size();
  if (auto st = check_query_size(spec.text, option_values); !st) return st.error();
  if (auto st = check_balanced(spec.text); !st) return st.error();
  BuiltQuery out;
  ParseState state{&resolve, today, false, &out.info, std::nullopt, option_values};
  auto prepared = parser_text(spec, option_values, db, out.info);
  if (!prepared) return prepared.error();
  std::string folded = std::move(prepared).value();
  const bool has_text = folded.find_first_not_of(" \t\r\n") != std::string::npos;

  auto parse = [&](bool ignore_dates) -> Result<Xapian::Query> {
    if (!has_text) return Xapian::Query();
    state.ignore_dates = ignore_dates;
    state.field_values = option_values;
    Xapian::QueryParser qp = make_parser(db, &state);
    qp.set_default_op(spec.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    unsigned flags = analysis::parser_flags();
    const bool spelling = spec.spelling && !ignore_dates;
    if (spelling) flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
    auto q = xapian_db::parse_query(qp, folded, flags);
    if (state.error) return *state.error;  // a bad date: field, too many field values
    if (!q) return syntax_error(q.error().message);
    // Text with nothing to search for ("-", "*", "!") would match the whole archive, as no text
    // (or an empty phrase, '""', README) does: a hurried typo, not a request for everything.
    if (q->empty() && spec.text.find_first_not_of(" \t\r\n\"") != std::string::npos)
      return Error{ErrorCode::kUsage, "the query '" + spec.text + "' has no word to search for",
                   "words are letters or digits; to list every article (within the filters), give no query"};
    if (spelling) {
      // Xapian corrects words from the archive's spelling data only; a mistyped field name
      // (contry:ua) gets its field from the schema's table, however small the archive.
      const std::string xapian = qp.get_corrected_query_string();
      std::string corrected = with_field_names(folded, xapian.empty() ? folded : xapian);
      if (corrected == folded) corrected.clear();
      out.info.corrected = std::move(corrected);
      if (!out.info.corrected.empty()) out.info.parsed_text = folded;
    }
    return q;
  };

  auto text_query = parse(false);
  if (!text_query) return text_query.error();

  // Ranking comes from the text, or from the expanded terms of --like (the text then restricts).
  auto ranked = [&](const Xapian::Query& text) {
    if (!spec.like.empty())
      return text.empty() ? spec.like : Xapian::Query(Xapian::Query::OP_FILTER, spec.like, text);
    return text.empty() ? Xapian::Query::MatchAll : text;
  };

  Xapian::Query filter(schema::type_term(spec.quotes ? schema::kTypeQuote : schema::kTypeArticle));
  for (const auto& g : spec.filters) {
    std::vector<Xapian::Query> per_value;
    for (const auto& terms : g.values)
      per_value.push_back(terms.empty() ? Xapian::Query(schema::prefix(g.field)) : any_of(terms));
    // A group with no values matches nothing: the user asked for a value the archive lacks.
    Xapian::Query group = per_value.empty() ? Xapian::Query::MatchNothing
                          : Xapian::Query(g.all_of ? Xapian::Query::OP_AND : Xapian::Query::OP_OR,
                                          per_value.begin(), per_value.end());
    filter = Xapian::Query(Xapian::Query::OP_AND, filter, group);
    std::string desc = g.field + (g.all_of && g.values.size() > 1 ? " (all of):" : ":");
    for (std::size_t i = 0; i < g.values.size(); ++i) {
      desc += i ? (g.all_of ? " AND" : " OR") : "";
      for (const auto& t : g.values[i]) desc += " " + t.substr(schema::prefix(g.field).size()) + ";";
      if (g.values[i].empty()) desc += " (nothing in the archive)";
      else desc.pop_back();
    }
    out.info.filters.push_back(desc);
  }
  Xapian::Query filter_no_dates = filter;
  if (!spec.dates.empty()) {
    filter = Xapian::Query(Xapian::Query::OP_AND, filter, date_query(spec.dates));
    out.info.filters.push_back(describe_range(spec.dates));
    out.info.date_filter = true;
  }
  Xapian::Query exclude;
  if (!spec.exclude_terms.empty())
    exclude = Xapian::Query(Xapian::Query::OP_OR, spec.exclude_terms.begin(), spec.exclude_terms.end());
  auto finish = [&](Xapian::Query q) {
    return exclude.empty() ? q : Xapian::Query(Xapian::Query::OP_AND_NOT, q, exclude);
  };
  out.query = finish(Xapian::Query(Xapian::Query::OP_FILTER, ranked(*text_query), filter));

  if (out.info.date_filter) {
    auto no_dates = parse(true);
    if (!no_dates) return no_dates.error();
    // Every date in the slot is "YYYYMMDD", so ">= 0" means "has a date".
    Xapian::Query has_date(Xapian::Query::OP_VALUE_GE, schema::slot(schema::Slot::kDate), std::string("0"));
    out.undated = finish(Xapian::Query(
        Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_FILTER, ranked(*no_dates), filter_no_dates),
        has_date));
  }
  return out;
}

std::vector<std::string> describe_terms(const Xapian::Query& query) {
  std::vector<std::string> out;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    bool stem = term.size() > 1 && term[0] == 'Z';
    if (stem) term.erase(0, 1);
    const schema::Field* best = nullptr;
    if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z')
      for (const auto& f : schema::kFields)
        if (term.compare(0, f.prefix.size(), f.prefix) == 0 && (!best || f.prefix.size() > best->prefix.size()))
          best = &f;
    std::string value = best ? term.substr(best->prefix.size()) : term;
    std::string kind;
    if (!best) kind = stem ? "stem" : "word";
    else if (best->kind == schema::FieldKind::kFreeText) kind = std::string(best->name) + (stem ? " stem" : " word");
    else kind = std::string(best->name);
    out.push_back(kind + ": " + value);
  }
  return out;
}

}  // namespace newsidx::query
