// ONE text-analysis setup (stemmer, stopper, strategies, accent folding, parser flags) for both
// TermGenerator and QueryParser, so that what the indexer writes and what the query tool looks for
// cannot drift apart.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsidx::analysis {

/// The English Snowball stemmer used on both sides.
Xapian::Stem stemmer();

/// The stemmer after accent folding, for matching the words of stored text against a query
/// (snippets): "café" in a text stems to what the query word "cafe" stems to.
Xapian::Stem folding_stemmer();

/// The shared stop-word list (English function words). Owned for the process lifetime.
const Xapian::Stopper* stopper();

/// `text` with each Latin letter that carries a diacritic replaced by its base letter, case kept
/// ("Café" -> "Cafe", "MATOVIČ" -> "MATOVIC", canonical::strip_accent's table); every other byte,
/// query syntax included, is unchanged. The indexer folds what it indexes (index_text) and the
/// query tool folds the query text, so either spelling finds both.
std::string fold_accents(std::string_view text);

/// The parts of a hyphenated word joined ("e-mail" -> "e-mail" as "email", "co-operation" ->
/// "cooperation", "Al-Qaeda" -> "AlQaeda"): parts of ASCII letters and digits, each with a letter,
/// joined by single hyphens, two parts at least; "" for any other word ("covid-19", "-x", "a--b").
/// The indexer indexes the joined form beside the parts and the query tool searches both, so
/// either spelling finds the other.
std::string hyphen_joined(std::string_view word);

/// The hyphen_joined forms of the hyphenated words of `text`, separated by spaces.
std::string hyphen_joined_words(std::string_view text);

/// Indexes `text` with `tg` (set up by term_generator()) after fold_accents, and the
/// hyphen_joined form of each hyphenated word without positions.
void index_text(Xapian::TermGenerator& tg, std::string_view text, Xapian::termcount wdf_inc = 1,
                const std::string& prefix = std::string());

/// A TermGenerator set up for indexing: stemmer, STEM_SOME (unstemmed terms with positions plus
/// Z-prefixed stems, so exact forms stay searchable) and STOP_STEMMED (stop words keep their
/// positions for phrases but get no stemmed term). Index through index_text() to fold accents.
Xapian::TermGenerator term_generator();

/// A QueryParser with the indexer's stemmer, stemming strategy and stop words, and the free-text
/// fields of the schema (title:, author:) registered; no boolean field. The database enables
/// wildcards and spelling; pass a default-constructed Database when there is none (tests).
Xapian::QueryParser text_parser(const Xapian::Database& db);

/// text_parser() with every boolean schema field registered as add_boolean_prefix as well.
Xapian::QueryParser query_parser(const Xapian::Database& db);

/// The parse flags: phrases, boolean operators (upper case only, so "not" and "or" in a pasted
/// sentence are words), +/-, wildcards, a query of only NOT. Whether all words are required is
/// the parser's default operator.
unsigned parser_flags();

/// Within-document frequency weight of headline words relative to body words.
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace newsidx::analysis
