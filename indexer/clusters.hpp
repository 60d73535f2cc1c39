// Near-duplicate copies of one story: the body's MinHash fingerprint, its LSH band terms, the
// copy test of two fingerprints, and the order-independent grouping of verified pairs into
// stories. Pure: values in, values out; indexer/cluster_step applies it to a database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsidx::indexer::clusters {

/// Minimum hashes per fingerprint, and how they are cut into LSH bands (kBands of kRows).
inline constexpr std::size_t kHashes = 32;
inline constexpr std::size_t kRows = 2;
inline constexpr std::size_t kBands = kHashes / kRows;
static_assert(kBands <= 16, "a band term spells its band in one hex digit");
/// Words per shingle.
inline constexpr std::size_t kShingleWords = 4;
/// Two bodies are copies when the estimated share of the shorter one's shingles found in the
/// longer one reaches this (chosen on the first half of scripts/eval-copies.sh; QUALITY.md).
inline constexpr double kCopyContainment = 0.5;
/// ... and the estimated Jaccard resemblance reaches this (guards chaining through a short
/// body contained in several long ones).
inline constexpr double kCopyResemblance = 0.25;

/// A body's fingerprint: the minimum of each of kHashes hash functions over its shingles, and
/// how many distinct shingles it has. Empty (no shingles) for a body too short to compare.
/// Minimums are 16 bits wide (b-bit MinHash: a chance agreement is 1 in 65,536).
struct Fingerprint {
  std::vector<std::uint32_t> mins;
  std::uint32_t shingles = 0;
  bool empty() const { return mins.empty(); }
  bool operator==(const Fingerprint&) const = default;
};

/// The text a fingerprint is made from: the body without the paragraphs outlets add or cut
/// freely (bylines, credit lines, "read more" and other lines under 10 words), unless that
/// leaves too little, then the whole body. The dateline is not in Article::body_text.
std::string comparable_text(std::string_view body);

/// The fingerprint of an article body (comparable_text, lower-cased words, kShingleWords-word
/// shingles, MinHash); empty for a body under 30 words, too short to tell a copy.
Fingerprint fingerprint(std::string_view body);

/// Serialised for a value slot (little-endian: the shingle count in 4 bytes, then the low 16
/// bits of each minimum, which is all the copy test compares), and back; nullopt for bytes
/// that are not one.
std::string encode(const Fingerprint& f);
std::optional<Fingerprint> decode(std::string_view bytes);
/// Lower-case hex of encode(), as --extract-only prints it.
std::string to_hex(const Fingerprint& f);

/// The band terms (schema::kBandPrefix, band number, hash of its rows) of a fingerprint.
std::vector<std::string> band_terms(const Fingerprint& f);

/// Estimated Jaccard resemblance and containment (share of the smaller shingle set found in
/// the larger) of two fingerprints.
struct Similarity {
  double resemblance = 0, containment = 0;
};
Similarity similarity(const Fingerprint& a, const Fingerprint& b);
/// Whether two fingerprints are copies of one story (kCopyContainment, kCopyResemblance).
bool is_copy(const Fingerprint& a, const Fingerprint& b);

/// The collapse key of a quotation: a hash (hex) of its speaker and its lower-cased words, so
/// that the same quotation carried by several copies is one hit of --quotes.
std::string quote_key(std::string_view text, std::string_view speaker);

/// An article as clustering sees it.
struct Member {
  std::string id;
  std::string date;  ///< "YYYYMMDD" or "" (undated)
};

/// The label of each member's story given the verified copy pairs (indexes into `members`):
/// connected groups, each labelled with the id of its earliest-dated member (undated after
/// dated, ties by id); "" for a member with no copy. Depends on neither order.
std::vector<std::string> label(const std::vector<Member>& members,
                               const std::vector<std::pair<std::size_t, std::size_t>>& pairs);

}  // namespace newsidx::indexer::clusters
