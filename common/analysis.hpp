// ONE text-analysis setup (stemmer, stopper, strategies) for both TermGenerator and QueryParser,
// so that what the indexer writes and what the query tool looks for cannot drift apart.
#pragma once

#include <xapian.h>

namespace newsidx::analysis {

/// The English Snowball stemmer used on both sides.
Xapian::Stem stemmer();

/// The shared stop-word list (English function words). Owned for the process lifetime.
const Xapian::Stopper* stopper();

/// A TermGenerator set up for indexing: stemmer, STEM_SOME (unstemmed terms with positions plus
/// Z-prefixed stems, so exact forms stay searchable) and STOP_STEMMED (stop words keep their
/// positions for phrases but get no stemmed term).
Xapian::TermGenerator term_generator();

/// A QueryParser set up like the indexer, with every schema field registered: free-text fields
/// as add_prefix, boolean ones as add_boolean_prefix. The database enables wildcards and
/// spelling; pass a default-constructed Database when there is none (tests).
Xapian::QueryParser query_parser(const Xapian::Database& db);

/// Within-document frequency weight of headline words relative to body words.
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace newsidx::analysis
