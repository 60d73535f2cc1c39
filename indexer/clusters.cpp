// MinHash fingerprints of article bodies and the grouping of copies into stories.
#include "clusters.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_set>

#include "common/schema.hpp"

namespace newsidx::indexer::clusters {

namespace {

// Paragraphs shorter than this are left out of the fingerprint: bylines, credit lines, "read
// more" links and photo captions, which outlets add, drop and rewrite.
constexpr std::size_t kMinParagraphWords = 10;
// Below this many words kept, the whole body is used instead.
constexpr std::size_t kMinKeptWords = 40;
// A body of fewer words has no fingerprint: two short notes that open alike ("A story about
// grain filed under ...") share most of their few shingles without being one story.
constexpr std::size_t kMinWords = 30;

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Lower-cased ASCII words; bytes of UTF-8 sequences are word bytes, kept as they are.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (unsigned char c : text) {
    if (word_byte(c)) {
      w.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::size_t word_count(std::string_view text) { return words(text).size(); }

bool starts_with_marker(std::string_view para) {
  static constexpr std::array<std::string_view, 9> kMarkers{
      "read more", "related:", "see also", "copyright", "reporting by", "additional reporting",
      "editing by", "click here", "(c) "};
  std::string head;
  for (char c : para.substr(0, 24)) head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  const auto start = head.find_first_not_of(" \t");
  if (start == std::string::npos) return false;
  for (auto m : kMarkers)
    if (head.compare(start, m.size(), m) == 0) return true;
  return false;
}

std::uint64_t hash_bytes(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string comparable_text(std::string_view body) {
  std::string kept;
  std::size_t kept_words = 0;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    const std::string_view para = body.substr(pos, nl - pos);
    const std::size_t n = word_count(para);
    if (n >= kMinParagraphWords && !starts_with_marker(para)) {
      kept.append(para);
      kept.push_back('\n');
      kept_words += n;
    }
    pos = nl + 1;
  }
  return kept_words >= kMinKeptWords ? kept : std::string(body);
}

Fingerprint fingerprint(std::string_view body) {
  const auto w = words(comparable_text(body));
  Fingerprint f;
  if (w.size() < kMinWords) return f;
  std::unordered_set<std::uint64_t> shingles;
  for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = hash_bytes(w[i + k], h) * 31 + 7;
    shingles.insert(mix(h));
  }
  f.shingles = static_cast<std::uint32_t>(shingles.size());
  f.mins.assign(kHashes, std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t s : shingles)
    for (std::size_t i = 0; i < kHashes; ++i)
      f.mins[i] = std::min(f.mins[i], static_cast<std::uint32_t>(mix(s ^ (0xA0761D6478BD642FULL * (i + 1))) >> 32));
  // The 16 low bits of each minimum are kept (and stored): enough to compare, a quarter the size.
  for (auto& m : f.mins) m &= 0xFFFF;
  return f;
}

std::string encode(const Fingerprint& f) {
  std::string out;
  if (f.empty()) return out;
  auto put = [&](std::uint32_t v) {
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((v >> (8 * b)) & 0xFF));
  };
  put(f.shingles);
  for (auto m : f.mins) {
    out.push_back(static_cast<char>(m & 0xFF));
    out.push_back(static_cast<char>((m >> 8) & 0xFF));
  }
  return out;
}

std::optional<Fingerprint> decode(std::string_view bytes) {
  if (bytes.size() != 4 + 2 * kHashes) return std::nullopt;
  auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
  Fingerprint f;
  for (int b = 0; b < 4; ++b) f.shingles |= byte(b) << (8 * b);
  for (std::size_t i = 0; i < kHashes; ++i) f.mins.push_back(byte(4 + 2 * i) | (byte(5 + 2 * i) << 8));
  return f;
}

std::string to_hex(const Fingerprint& f) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : encode(f)) out += {kHex[c >> 4], kHex[c & 15]};
  return out;
}

std::vector<std::string> band_terms(const Fingerprint& f) {
  std::vector<std::string> out;
  if (f.empty()) return out;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t b = 0; b < kBands; ++b) {
    std::uint64_t h = b;
    for (std::size_t r = 0; r < kRows; ++r) h = mix(h ^ f.mins[b * kRows + r]);
    std::string t(schema::kBandPrefix);
    t.push_back(kHex[b & 15]);
    // 32 bits of the band's hash: chance collisions across a million articles stay rare.
    for (int k = 7; k >= 0; --k) t.push_back(kHex[(h >> (4 * k)) & 15]);
    out.push_back(std::move(t));
  }
  return out;
}

std::string quote_key(std::string_view text, std::string_view speaker) {
  std::uint64_t h = hash_bytes(speaker);
  for (const auto& w : words(text)) h = hash_bytes(w, h * 31 + 1);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int k = 15; k >= 0; --k) out.push_back(kHex[(h >> (4 * k)) & 15]);
  return out;
}

Similarity similarity(const Fingerprint& a, const Fingerprint& b) {
  if (a.empty() || b.empty() || a.mins.size() != b.mins.size()) return {};
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.mins.size(); ++i) same += a.mins[i] == b.mins[i];
  Similarity s;
  s.resemblance = static_cast<double>(same) / static_cast<double>(a.mins.size());
  // |A and B| = J (|A| + |B|) / (1 + J), over the smaller set.
  const double inter = s.resemblance * (a.shingles + b.shingles) / (1.0 + s.resemblance);
  s.containment = std::min(1.0, inter / std::max<std::uint32_t>(1, std::min(a.shingles, b.shingles)));
  return s;
}

bool is_copy(const Fingerprint& a, const Fingerprint& b) {
  const Similarity s = similarity(a, b);
  return s.containment >= kCopyContainment && s.resemblance >= kCopyResemblance;
}

std::vector<std::string> label(const std::vector<Member>& members,
                               const std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  std::vector<std::size_t> parent(members.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  // Dated before undated, then by date, then by id.
  auto earlier = [&](std::size_t x, std::size_t y) {
    const auto& a = members[x];
    const auto& b = members[y];
    return std::make_tuple(a.date.empty(), a.date, a.id) < std::make_tuple(b.date.empty(), b.date, b.id);
  };
  std::vector<bool> paired(members.size(), false);
  for (auto [x, y] : pairs) {
    if (x >= members.size() || y >= members.size() || x == y) continue;
    paired[x] = paired[y] = true;
    std::size_t rx = find(x), ry = find(y);
    if (rx == ry) continue;
    // The root is always the group's earliest member, so the label is the root's id.
    if (earlier(ry, rx)) std::swap(rx, ry);
    parent[ry] = rx;
  }
  std::vector<std::string> out(members.size());
  for (std::size_t i = 0; i < members.size(); ++i)
    if (paired[i]) out[i] = members[find(i)].id;
  return out;
}

}  // namespace newsidx::indexer::clusters
