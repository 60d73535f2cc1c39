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

/// Minimum hashes per fingerprint. The first kBands of them are the LSH bands (one row each):
/// a band term is a minimum's 16 bits, so copies at resemblance 0.5 share one with
/// probability 1 - 0.5^5 (0.97; 0.998 at 0.7), and the terms of a small archive are few and
/// shared (a posting list each, not one per article). Five bands, not eight, for the size
/// target (BENCHMARKS.md): Reuters-21578 keeps 847 of the 866 copy pairs eight found, and the
/// generated copies all their pairs (`eval_copies.py tune`; QUALITY.md). The other minimums keep 8 bits (kNarrowMask):
/// they only count agreements, where a chance one (1 in 256) moves the resemblance of
/// unrelated bodies by 0.3 points on average, and each saves a stored byte.
inline constexpr std::size_t kHashes = 32;
inline constexpr std::size_t kBands = 5;
inline constexpr std::uint32_t kBandMask = 0xFFFF;
inline constexpr std::uint32_t kNarrowMask = 0xFF;
static_assert(kBands <= 16 && kBands <= kHashes, "a band term spells its band in one hex digit");
/// Hashes kept of the body's numbers, and of its names (bottom-k sketches, 16 bits each).
inline constexpr std::size_t kSketchHashes = 8;
/// Words per shingle.
inline constexpr std::size_t kShingleWords = 4;
/// Two bodies are copies when the estimated share of the shorter one's shingles found in the
/// longer one reaches this (chosen on the first half of scripts/eval-copies.sh; QUALITY.md).
inline constexpr double kCopyContainment = 0.5;
/// ... and the estimated Jaccard resemblance reaches this (guards chaining through a short
/// body contained in several long ones).
inline constexpr double kCopyResemblance = 0.25;
/// ... and this share of the numbers of the body with fewer numbers is found in the other, and
/// as much of its names: reports written on one template (levies, auctions, bond issues) share
/// most shingles but not their figures and names, which copies of one story keep.
/// Chosen on the first half of the generated copies and pairs of Reuters-21578 (QUALITY.md):
/// a single differing figure already tells two weekly reports apart, while names shared by a
/// whole genre ("Securities and Exchange Commission") need at least three compared.
inline constexpr double kNumberContainment = 0.6;
inline constexpr std::size_t kMinNumbers = 1;
inline constexpr double kNameContainment = 0.5;
inline constexpr std::size_t kMinNames = 3;

/// The kSketchHashes smallest 16-bit hashes of a set of words (increasing; all of them when
/// there are fewer) and how many distinct hashes the set has (at most 255).
struct Sketch {
  std::vector<std::uint16_t> hashes;
  std::uint32_t count = 0;
  bool operator==(const Sketch&) const = default;
};

/// Two dated articles more days apart than this are not copies, however alike: wire copies,
/// corrections and repeats run within a day or two, while the same template recurs every
/// week (central bank tenders, auction results). Chosen on Reuters-21578 (QUALITY.md).
inline constexpr int kMaxDaysApart = 3;

/// Whether two dates ("YYYYMMDD", "" when undated) are at most kMaxDaysApart days apart; an
/// undated article (or a date that is not one) may be a copy of any.
bool close_in_time(std::string_view a, std::string_view b);

/// A body's fingerprint: the minimum of each of kHashes hash functions over its shingles, and
/// how many distinct shingles it has. Empty (no shingles) for a body too short to compare.
/// Minimums are b-bit (b-bit MinHash): 16 bits for the bands, 8 for the others. Sketches of its
/// numbers (words with a digit) and names (capitalised words not opening a sentence).
struct Fingerprint {
  std::vector<std::uint32_t> mins;
  std::uint32_t shingles = 0;
  Sketch numbers, names;
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

/// The numbers and the names of a body as the fingerprint sketches them (lower-cased, distinct,
/// in order of first appearance; "1,500" as "1500").
struct Salient {
  std::vector<std::string> numbers, names;
};
Salient salient_words(std::string_view body);

/// Serialised for a value slot (little-endian: the shingle count in 2 bytes (at most 65,535),
/// the bands' minimums in 2 bytes each, the other minimums in one byte each, the numbers' and
/// the names' counts in one byte each, then their 16-bit hashes: 41 to 73 bytes), and back;
/// nullopt for bytes that are not one.
std::string encode(const Fingerprint& f);
std::optional<Fingerprint> decode(std::string_view bytes);
/// Lower-case hex of encode(), as --extract-only prints it.
std::string to_hex(const Fingerprint& f);

/// The band terms of a fingerprint: schema::kBandPrefix, the band number as a hex digit, then
/// the band's minimum as two raw bytes (big-endian; two bytes fewer than hex in every key).
std::vector<std::string> band_terms(const Fingerprint& f);

/// The share of one sketch's words found in the other's set (of the one with fewer words), over
/// the hashes both sketches hold in full; `compared` hashes (share 1 when none).
struct Share {
  double share = 1;
  std::size_t compared = 0;
};
Share share(const Sketch& a, const Sketch& b);

/// Estimated Jaccard resemblance and containment (share of the smaller shingle set found in
/// the larger) of two fingerprints, and the shares of their numbers and names.
struct Similarity {
  double resemblance = 0, containment = 0;
  Share numbers, names;
};
Similarity similarity(const Fingerprint& a, const Fingerprint& b);
/// Whether two fingerprints are copies of one story (kCopyContainment, kCopyResemblance, and
/// kNumberContainment and kNameContainment where at least kMinNumbers and kMinNames hashes
/// are compared).
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
