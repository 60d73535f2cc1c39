// Request -> Xapian::Query, pure: the text goes through the shared QueryParser; filters are
// boolean terms combined with OP_FILTER, so they restrict the matches and never change ranking.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/result.hpp"

namespace newsidx::query {

/// A filter group: the document must carry at least one of `terms` (values of one facet are
/// OR-ed); groups are AND-ed with each other.
struct TermGroup {
  std::string field;               ///< schema field name, for messages
  std::vector<std::string> terms;  ///< full terms (prefix included)
};

struct QuerySpec {
  std::string text;                 ///< the user's query in Xapian's query language
  bool any = false;                 ///< OR the words instead of requiring all of them
  std::vector<TermGroup> filters;   ///< boolean filters
  std::string date_from, date_to;   ///< "YYYYMMDD" bounds on the date slot, empty = open
  bool quotes = false;              ///< search quotation documents instead of articles
};

/// Builds the query. `qp` must be analysis::query_parser(db). A syntax error comes back as a
/// kUsage Error with a hint. An empty text with filters matches every filtered document.
Result<Xapian::Query> build_query(const QuerySpec& spec, Xapian::QueryParser& qp);

/// Fails with a kUsage Error when quotes or brackets in `text` do not balance.
Status check_balanced(const std::string& text);

/// The QueryParser flags newsidx uses (phrases, boolean operators, +/-, wildcards, ...).
unsigned parser_flags(bool any);

}  // namespace newsidx::query
