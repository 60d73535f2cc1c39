// THE layout of a newsidx document in Xapian: every term prefix, value slot, the data record and
// the schema version. This is the only file that spells a prefix or a slot number.
//
// A newsidx database holds two kinds of document, told apart by a type term:
//
//  * An article (term "XTYPEarticle").
//    Terms:
//      Q<id>            unique id term; writes are replace_document(Q<id>, doc)
//      XFILE<path>      each file holding the article's id, by its key: its absolute path with
//                       the archive folder resolved (schema 7; relative to it before) (an id several files
//                       hold keeps all their terms; its content is from the one holding the
//                       newest version, kVersion, ties going to the last in walk order, the
//                       greatest path); the article is removed with its last holder
//      S... / ZS...     headline words (also indexed unprefixed, weighted above the body)
//      ... / Z...       body words: unstemmed with positions, stemmed with a Z prefix
//                       (every word with its accents folded: analysis::fold_accents)
//      D<YYYYMMDD>, M<YYYYMM>, Y<YYYY>   publication day, month, year (boolean)
//      XSECTION<s>, XSOURCE<s>, XTAG<t>  section, source, editorial tag (boolean, folded by
//                       canonical::fold_key: the tag "places:usa" is "XTAGplaces usa"; value_term)
//      XLANG<l>         language: the primary subtag of the source's tag ("en" for "en-GB")
//      XAUTHOR<k>       each name of the byline (author_names: "Ana Lima, Bo Chen" is two),
//                       folded like the entity facets (value_term)
//      XDATELINE<place>                 dateline place (boolean, folded)
//      XSITE<host>      the host of the article's URL and each domain above it with two labels
//                       or more ("news.bbc.co.uk", "bbc.co.uk", "co.uk"; "www." dropped), in
//                       lower case (site_terms; schema 9)
//      XPERSON<k>, XORG<k>, XPLACE<k>, XCOUNTRY<cc>, XSPEAKER<k>
//                       entity facets; k is the canonical name folded by canonical::fold_key
//                       (lower case, accents removed), cc the lower-case ISO 3166-1 code
//      XMH<b><hhhh>     one per LSH band of the body's fingerprint (b the band number, hhhh
//                       its minimum hash, hex; indexer/clusters): candidate copies share one
//    Values:
//      kDate            "YYYYMMDD" (sorts and ranges as a string)
//      kPerson.. kSpeaker  the facet's canonical display names, serialised as a list
//                       (see encode_list), so that facet counts see every value of a document
//      kSource, kSection, kAuthor, kLang  the same for the metadata facets: source, section and
//                       author names as written (white space normalised: display_value), the
//                       language as its lower-case primary subtag ("fr")
//      kVersion         the record's version key (Article::version; absent when the format
//                       carries none): of several holders, the newest version is the article
//      kContentFile     the XFILE term of the holder whose record is the content; absent while
//                       the content is that of a file that no longer holds the id (to restore)
//      kCluster         only on an article with copies: its story's label, the id of the
//                       earliest-dated copy (set by the indexer's cluster step; the collapse key)
//      kFingerprint     the body's MinHash fingerprint (indexer/clusters encode_fingerprint)
//      kPreviousCluster only on an article written again (a changed or redone file) while the
//                       cluster step has not settled it yet: the kCluster it had (schema 7), so
//                       that the step counts it as joining a story only once
//      kOwnNames        the article's own person, organisation and place names, as extraction
//                       gave them (before aliases and archive-level linking), and the names it
//                       used as titles of works: a list of three or four lists
//                       (entities::encode_own_names), read by the link step (schema 5)
//    Data: a JSON object {"id","path","line","offset","title","date","dateline","url","source",
//          "author","section","lang","tags","body","facets":{...}} — what results display. "path" is
//          the absolute path of the file holding the article (schema 3; relative to the
//          indexer's working folder before), plus "path_hex", its bytes in hex, when the name
//          is not valid UTF-8; "offset" is the byte offset of a WARC record, only for articles
//          read from a WARC.
//
//  * A quotation (term "XTYPEquote"), one per direct quote of an article.
//      Q<id>#q<n>       unique id term
//      XPARENT<id>      the article it belongs to: re-indexing an article deletes by this term
//      words of the quote text (as body words), XSPEAKER<k>, D/M/Y, kDate like the article,
//      and the article's XSOURCE, XSECTION, XAUTHOR, XLANG, XTAG and XSITE terms (schema 9)
//      kQuoteKey        only on a quotation of an article with copies: the story's label and a
//                       hash of the speaker and the quote's words (set by the cluster step), so
//                       the same quotation carried by several copies of a story is one hit
//    Data: {"article","title","date","path"(,"path_hex"),"text","speaker","speaker_type"
//          (,"speaker_description": "a senior official", when the Source is described, not named)}.
//
// Database metadata: "newsidx.schema" = kSchemaVersion; the indexer also keeps per-file state
// under keys starting with "newsidx.file:" (see indexer/storage/writer), each file skipped for bad
// input under "newsidx.skipped:<file key>" (its path and reasons, until it indexes), and the
// last run under "newsidx.run.*" (start, end, outcome, detail; see indexer/status), and each
// file to read again because an article it holds lost its source under "newsidx.reread:<XFILE
// term>" (see indexer/storage/archive_writer.hpp). A partitioned archive keeps these in its state
// database.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsidx::schema {

// 2: words are indexed with their accents folded ("café" as "cafe"); skipped files and the
//    last run are recorded in the metadata.
// 3: records store the absolute path of the article's file (and "path_hex" for a name that is
//    not UTF-8), where 2 stored it relative to the indexer's working folder, and "offset" of
//    WARC articles; long terms end in a hash instead of being cut, and an article carries the
//    XFILE term of every file holding its id; web pages: the record's "lang" and the XLANG term.
// 4: facet values are whitespace-normalised ("Paul Volcker", never "Paul\nVolcker"), names
//    read out of tables and figures give no facet values, and aliases are stored under their
//    canonical name ("Kiev" as "Kyiv").
// 5: source, section, author and language are facets: value slots kSource..kLang, and each
//    author name is a boolean XAUTHOR term (author words were free text under "A").
//    Also 5: the id rule keeps the newest version where formats carry one: articles store their version
//    key (kVersion) and the file their content came from (kContentFile); a holder to read again
//    after its article's source went is marked under "newsidx.reread:"; a partitioned archive
//    keeps each id in one partition (indexer/storage/partition.cpp).
//    Also 5: articles carry a body fingerprint (kFingerprint, XMH band terms) and, when they have
//    copies, their story's label (kCluster); quotations a collapse key (kQuoteKey).
//    Also 5: person, organisation and place facets are linked across the archive after each run (a
//    surname to the full name the archive knows, "Lib Dems" and "Liberal Democrat" to "Liberal
//    Democrats", one spelling per value); each article keeps its own names in kOwnNames.
// 6: a quotation whose Source is a description stores it ("speaker_description" in its record).
// 7: a file's key (its recorded state, skipped-file record, XFILE term, and the ids made from
//    its path: a text file's id, "path#NEWID" of an SGML story) is its absolute path with the
//    archive folder resolved, where 6 used the path relative to the folder given, so files of
//    two folders with the same relative path were one article. Also 7: kPreviousCluster.
// 8: a fingerprint has 5 bands (8 before), keeps 8 bits of each minimum that is not a band (16
//    before), and a band term spells the band's minimum as two raw bytes (four hex digits).
//    Also 8: an article's record no longer holds its person, org and place facets
//    (kLinkedFacets), which are read from their value slots, so the link step rewrites no record.
// 9: articles with a URL carry XSITE terms (site:bbc.co.uk, --site); quotations carry their
//    article's source, section, author, language, tag and site terms (--quotes --section x).
// 10: a hyphenated word is also indexed joined, without positions ("e-mail" also as "email",
//    stemmed and not), so "email" finds "e-mail" (analysis::hyphen_joined).
inline constexpr int kSchemaVersion = 10;
inline constexpr std::string_view kSchemaKey = "newsidx.schema";
inline constexpr std::string_view kFileStateKeyPrefix = "newsidx.file:";
inline constexpr std::string_view kSkippedKeyPrefix = "newsidx.skipped:";
inline constexpr std::string_view kRunStartKey = "newsidx.run.start";
inline constexpr std::string_view kRunEndKey = "newsidx.run.end";
inline constexpr std::string_view kRunOutcomeKey = "newsidx.run.outcome";
inline constexpr std::string_view kRunDetailKey = "newsidx.run.detail";
/// "newsidx.reread:<XFILE term>": a file holding an article whose content came from a file that
/// no longer holds it; the next run reads it again even if unchanged (a crash-safe restore).
inline constexpr std::string_view kRereadKeyPrefix = "newsidx.reread:";
// Set while a run's clusters are not settled (committed with its first commit, cleared with
// its last): the next run then settles every article's story (indexer/cluster_step).
inline constexpr std::string_view kClustersStaleKey = "newsidx.clusters.stale";
/// Set while a run may leave the archive's facet links unsettled (indexer/link_step).
inline constexpr std::string_view kLinksStaleKey = "newsidx.links.stale";

/// Value slots.
enum class Slot : Xapian::valueno {
  kDate = 0,
  kPerson = 1,
  kOrg = 2,
  kPlace = 3,
  kCountry = 4,
  kSpeaker = 5,
  kSource = 6,
  kSection = 7,
  kAuthor = 8,
  kLang = 9,
  kVersion = 10,
  kContentFile = 11,
  kCluster = 12,
  kFingerprint = 13,
  kQuoteKey = 14,
  kOwnNames = 15,
  kPreviousCluster = 16,
};
constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// How a field's terms are made and matched.
enum class FieldKind {
  kFreeText,  ///< words, stemmed, with positions; searched with field:word
  kBoolean,   ///< whole values used as filters; never affect ranking
};

/// One row of the schema table: the name users type in queries, and the term prefix.
struct Field {
  std::string_view name;
  std::string_view prefix;
  FieldKind kind;
};

/// Every prefixed field. Facets come from entity extraction; the others from the readers.
inline constexpr std::array<Field, 17> kFields{{
    {"title", "S", FieldKind::kFreeText},
    {"author", "XAUTHOR", FieldKind::kBoolean},
    {"id", "Q", FieldKind::kBoolean},
    {"file", "XFILE", FieldKind::kBoolean},
    {"type", "XTYPE", FieldKind::kBoolean},
    {"parent", "XPARENT", FieldKind::kBoolean},
    {"section", "XSECTION", FieldKind::kBoolean},
    {"source", "XSOURCE", FieldKind::kBoolean},
    {"tag", "XTAG", FieldKind::kBoolean},
    {"lang", "XLANG", FieldKind::kBoolean},
    {"dateline", "XDATELINE", FieldKind::kBoolean},
    {"person", "XPERSON", FieldKind::kBoolean},
    {"org", "XORG", FieldKind::kBoolean},
    {"place", "XPLACE", FieldKind::kBoolean},
    {"country", "XCOUNTRY", FieldKind::kBoolean},
    {"speaker", "XSPEAKER", FieldKind::kBoolean},
    {"site", "XSITE", FieldKind::kBoolean},
}};

// Date terms are made by the indexer and matched by the date filters, not typed by users.
inline constexpr std::string_view kDayPrefix = "D";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kYearPrefix = "Y";
// MinHash band terms are made and matched by the indexer's cluster step only.
inline constexpr std::string_view kBandPrefix = "XMH";

inline constexpr std::string_view kTypeArticle = "article";
inline constexpr std::string_view kTypeQuote = "quote";

namespace detail {
constexpr bool unique_names_and_prefixes() {
  for (std::size_t i = 0; i < kFields.size(); ++i)
    for (std::size_t j = i + 1; j < kFields.size(); ++j)
      if (kFields[i].name == kFields[j].name || kFields[i].prefix == kFields[j].prefix) return false;
  for (const auto& f : kFields)
    if (f.prefix == kDayPrefix || f.prefix == kMonthPrefix || f.prefix == kYearPrefix || f.prefix == kBandPrefix)
      return false;
  return true;
}
}  // namespace detail
static_assert(detail::unique_names_and_prefixes(), "schema field names and prefixes must be unique");

/// The field called `name`, or nullptr.
const Field* find_field(std::string_view name);

/// The prefix of the field called `name`; throws std::logic_error for a name not in kFields
/// (a programming error: names are compile-time constants in callers).
std::string prefix(std::string_view name);

/// The facet fields, in display order: the entities (person, org, place, country, speaker:
/// from extraction, with aliases) then the metadata the readers give (source, section, author,
/// lang). Each counts from its value slot and filters by its boolean field of the same name.
struct FacetDef {
  std::string_view name;
  Slot slot;
  bool entity;  ///< extracted (aliases apply); false: read from the article's metadata
};
inline constexpr std::array<FacetDef, 9> kFacets{{
    {"person", Slot::kPerson, true},
    {"org", Slot::kOrg, true},
    {"place", Slot::kPlace, true},
    {"country", Slot::kCountry, true},
    {"speaker", Slot::kSpeaker, true},
    {"source", Slot::kSource, false},
    {"section", Slot::kSection, false},
    {"author", Slot::kAuthor, false},
    {"lang", Slot::kLang, false},
}};
/// The facets the link step (indexer/link_step) rewrites across the archive: person, org, place.
/// An article's record does not hold them (schema 8): readers take them from their value slots,
/// so relinking rewrites no record.
inline constexpr std::array<FacetDef, 3> kLinkedFacets{{kFacets[0], kFacets[1], kFacets[2]}};
const FacetDef* find_facet(std::string_view name);

/// Term helpers: each builds a full term from a raw value.
std::string id_term(std::string_view id);
std::string file_term(std::string_view path);
std::string type_term(std::string_view type);
std::string parent_term(std::string_view article_id);
std::string quote_id(std::string_view article_id, std::size_t n);

/// A boolean filter term for field `name` with a value already normalised by the caller.
std::string filter_term(std::string_view name, std::string_view normalised_value);
/// THE term of a raw value of a boolean field or facet, for the indexer and every way a user
/// types one (--tag places:usa, tag:places:usa): country codes in lower case, a language by its
/// primary subtag ("fr-FR" as "fr"), a site by its host (site_host), any other value folded by
/// canonical::fold_key (case, accents, punctuation runs). "" when nothing is left.
std::string value_term(std::string_view name, std::string_view raw_value);
/// The host a URL, or a host typed by a user, names: lower case, without scheme, user, port,
/// path, a trailing dot or a leading "www." ("https://WWW.BBC.co.uk:443/news" -> "bbc.co.uk");
/// "" when none ("/local/path", "mailto:x").
std::string site_host(std::string_view url);
/// The XSITE terms of an article's URL: its host and each domain above it with two labels or
/// more ("news.bbc.co.uk" -> news.bbc.co.uk, bbc.co.uk, co.uk); none without a host.
std::vector<std::string> site_terms(std::string_view url);
/// A metadata value as facet tables show it: white space runs as one space, trimmed ("BBC
/// News"); a language as its lower-case primary subtag ("fr" for "FR-ca").
std::string display_value(std::string_view name, std::string_view raw_value);
/// The names of a byline as readers join them ("Ana Lima, Bo Chen and Li Wei"; also ";", "&",
/// "|"), each by display_value; empty ones, repeats (case aside) and parts starting with a
/// digit (a date run into the byline: "Nathan Willis March 25, 2015") left out.
std::vector<std::string> author_names(std::string_view byline);
/// Date terms for "YYYY-MM-DD" (or "" -> none): D, M, Y.
std::vector<std::string> date_terms(std::string_view iso_date);
/// "YYYY-MM-DD" -> "YYYYMMDD" for the date slot ("" stays "").
std::string date_value(std::string_view iso_date);

/// Serialise a list of strings into one value-slot string, and back. Each item is
/// length-prefixed with Xapian's sortable-free pack format, so any bytes round-trip.
std::string encode_list(const std::vector<std::string>& items);
std::vector<std::string> decode_list(std::string_view encoded);

/// Calls fn(std::string_view) for each item of an encode_list string without copying (facet
/// counting runs this for every value of every matching document). Stops at a corrupt length.
template <typename Fn>
void for_each_list_item(std::string_view e, Fn&& fn) {
  std::size_t i = 0;
  while (i < e.size()) {
    std::size_t n = 0;
    int shift = 0;
    while (i < e.size()) {
      auto b = static_cast<unsigned char>(e[i++]);
      n |= static_cast<std::size_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
    }
    if (n > e.size() - i) return;
    fn(e.substr(i, n));
    i += n;
  }
}

/// Xapian terms are limited to 245 bytes; a term over 240 is cut at a UTF-8 boundary and ends
/// in "#" and a 64-bit hash of the whole term, so values differing past the cut stay distinct.
std::string clamp_term(std::string term);

}  // namespace newsidx::schema
