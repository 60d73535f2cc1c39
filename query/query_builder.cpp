// Building Xapian queries from a QuerySpec.
#include "query_builder.hpp"

#include "common/schema.hpp"

namespace newsidx::query {

unsigned parser_flags(bool any) {
  unsigned f = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
               Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
               Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;
  if (!any) f |= Xapian::QueryParser::FLAG_DEFAULT;
  return f;
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

Result<Xapian::Query> build_query(const QuerySpec& spec, Xapian::QueryParser& qp) {
  if (auto st = check_balanced(spec.text); !st) return st.error();
  qp.set_default_op(spec.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  Xapian::Query q;
  bool has_text = spec.text.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_text) {
    try {
      q = qp.parse_query(spec.text, parser_flags(spec.any));
    } catch (const Xapian::QueryParserError& e) {
      return Error{ErrorCode::kUsage, "query syntax error: " + e.get_msg(),
                   "check quotes and brackets, e.g. '\"state department\" AND (russia OR ukraine)'"};
    }
  }
  if (q.empty()) q = Xapian::Query::MatchAll;

  const auto type = schema::type_term(spec.quotes ? schema::kTypeQuote : schema::kTypeArticle);
  Xapian::Query filter(type);
  for (const auto& g : spec.filters) {
    std::vector<Xapian::Query> alts;
    for (const auto& t : g.terms) alts.emplace_back(t);
    // A group with no terms matches nothing: the user asked for a value the archive lacks.
    Xapian::Query group = alts.empty() ? Xapian::Query::MatchNothing
                                       : Xapian::Query(Xapian::Query::OP_OR, alts.begin(), alts.end());
    filter = Xapian::Query(Xapian::Query::OP_AND, filter, group);
  }
  if (!spec.date_from.empty() || !spec.date_to.empty()) {
    const auto slot = schema::slot(schema::Slot::kDate);
    Xapian::Query range;
    if (spec.date_from.empty()) range = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, spec.date_to);
    else if (spec.date_to.empty()) range = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, spec.date_from);
    else range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, spec.date_from, spec.date_to);
    filter = Xapian::Query(Xapian::Query::OP_AND, filter, range);
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
}

}  // namespace newsidx::query
