// MinHash fingerprints of article bodies and the grouping of copies into stories.
#include "clusters.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
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

// The bytes of words: ASCII letters and digits (std::isalnum in the "C" locale the indexer
// runs in) and every byte of a UTF-8 sequence. A table, not a call to isalnum: the fingerprint
// tests every byte of every body several times.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
  return t;
}();
bool word_byte(unsigned char c) { return kWordBytes[c]; }

// std::tolower of the "C" locale: ASCII capitals only.
char lower_byte(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The separators of salient_in's words.
bool blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Lower-cased ASCII words; bytes of UTF-8 sequences are word bytes, kept as they are.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (unsigned char c : text) {
    if (word_byte(c)) {
      w.push_back(lower_byte(static_cast<char>(c)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The number of words of `text` as words() splits it, without making them.
std::size_t word_count(std::string_view text) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    const bool w = word_byte(c);
    n += w && !in_word;
    in_word = w;
  }
  return n;
}

// The words of `lower` (text already lower-cased as words() does) as views into it: the
// fingerprint reads every word of every body, and a string per word was most of its cost.
std::vector<std::string_view> word_views(std::string_view lower) {
  std::vector<std::string_view> out;
  out.reserve(lower.size() / 5);
  std::size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && !word_byte(static_cast<unsigned char>(lower[i]))) ++i;
    const std::size_t begin = i;
    while (i < lower.size() && word_byte(static_cast<unsigned char>(lower[i]))) ++i;
    if (i > begin) out.push_back(lower.substr(begin, i - begin));
  }
  return out;
}

bool starts_with_marker(std::string_view para) {
  static constexpr std::array<std::string_view, 9> kMarkers{
      "read more", "related:", "see also", "copyright", "reporting by", "additional reporting",
      "editing by", "click here", "(c) "};
  std::string head;
  for (char c : para.substr(0, 24)) head.push_back(lower_byte(c));
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

// The bottom-k sketch of a set of words.
Sketch sketch(const std::vector<std::string>& words) {
  Sketch s;
  for (const auto& w : words) s.hashes.push_back(static_cast<std::uint16_t>(mix(hash_bytes(w)) >> 48));
  std::sort(s.hashes.begin(), s.hashes.end());
  s.hashes.erase(std::unique(s.hashes.begin(), s.hashes.end()), s.hashes.end());
  s.count = static_cast<std::uint32_t>(std::min<std::size_t>(s.hashes.size(), 255));
  if (s.hashes.size() > kSketchHashes) s.hashes.resize(kSketchHashes);
  return s;
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

namespace {

// salient_words over a body's comparable_text, which the fingerprint has already made.
Salient salient_in(std::string_view text) {
  Salient out;
  std::unordered_set<std::string> seen;
  bool sentence_start = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // The gap to the next word; a line break in it starts a new paragraph. Only the gap is
    // read: a search to the end of the text made a body without line breaks quadratic (a 4 MB
    // line took 14 s).
    std::size_t begin = pos;
    bool line_break = false;
    for (; begin < text.size() && blank_byte(text[begin]); ++begin) line_break |= text[begin] == '\n';
    if (begin == text.size()) break;
    if (line_break) sentence_start = true;
    std::size_t end = begin;
    while (end < text.size() && !blank_byte(text[end])) ++end;
    std::string_view raw(text.data() + begin, end - begin);
    pos = end;
    // The word without the punctuation and quotes around it.
    std::size_t a = 0, b = raw.size();
    while (a < b && !word_byte(static_cast<unsigned char>(raw[a]))) ++a;
    while (b > a && !word_byte(static_cast<unsigned char>(raw[b - 1]))) --b;
    const std::string_view w = raw.substr(a, b - a);
    const bool opens = sentence_start;
    const char last = raw.empty() ? ' ' : raw.back();
    sentence_start = last == '.' || last == '!' || last == '?' || last == ':' || last == '"';
    if (w.empty()) continue;
    const bool number = std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool name = !opens && w.front() >= 'A' && w.front() <= 'Z';
    if (!number && !name) continue;
    std::string key;
    for (char c : w)
      if (c != ',') key.push_back(lower_byte(c));
    if (seen.insert(key).second) (number ? out.numbers : out.names).push_back(std::move(key));
  }
  return out;
}

}  // namespace

Salient salient_words(std::string_view body) { return salient_in(comparable_text(body)); }

Fingerprint fingerprint(std::string_view body) {
  // One comparable text, lower-cased once, its words as views: no string per word.
  const std::string text = comparable_text(body);
  std::string lower(text);
  for (char& c : lower) c = lower_byte(c);
  const std::vector<std::string_view> w = word_views(lower);
  Fingerprint f;
  if (w.size() < kMinWords) return f;
  // The distinct shingle hashes, sorted (a minimum does not depend on their order).
  std::vector<std::uint64_t> shingles;
  shingles.reserve(w.size());
  for (std::size_t i = 0; i + kShingleWords <= w.size(); ++i) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = hash_bytes(w[i + k], h) * 31 + 7;
    shingles.push_back(mix(h));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  f.shingles = static_cast<std::uint32_t>(shingles.size());
  std::array<std::uint32_t, kHashes> mins;
  mins.fill(std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t s : shingles)
    for (std::size_t i = 0; i < kHashes; ++i)
      mins[i] = std::min(mins[i], static_cast<std::uint32_t>(mix(s ^ (0xA0761D6478BD642FULL * (i + 1))) >> 32));
  // The low bits of each minimum are kept (and stored): 16 for a band, 8 for the others.
  f.mins.reserve(kHashes);
  for (std::size_t i = 0; i < kHashes; ++i) f.mins.push_back(mins[i] & (i < kBands ? kBandMask : kNarrowMask));
  const Salient words = salient_in(text);
  f.numbers = sketch(words.numbers);
  f.names = sketch(words.names);
  return f;
}

std::string encode(const Fingerprint& f) {
  std::string out;
  if (f.empty()) return out;
  auto put16 = [&](std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  put16(std::min<std::uint32_t>(f.shingles, 0xFFFF));
  for (std::size_t i = 0; i < f.mins.size(); ++i)
    if (i < kBands) put16(f.mins[i]);
    else out.push_back(static_cast<char>(f.mins[i] & kNarrowMask));
  out.push_back(static_cast<char>(std::min<std::uint32_t>(f.numbers.count, 255)));
  out.push_back(static_cast<char>(std::min<std::uint32_t>(f.names.count, 255)));
  for (auto n : f.numbers.hashes) put16(n);
  for (auto n : f.names.hashes) put16(n);
  return out;
}

std::optional<Fingerprint> decode(std::string_view bytes) {
  constexpr std::size_t kFixed = 2 + 2 * kBands + (kHashes - kBands) + 2;
  if (bytes.size() < kFixed) return std::nullopt;
  auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
  auto get16 = [&](std::size_t i) { return byte(i) | (byte(i + 1) << 8); };
  Fingerprint f;
  f.shingles = get16(0);
  for (std::size_t i = 0; i < kBands; ++i) f.mins.push_back(get16(2 + 2 * i));
  for (std::size_t i = kBands; i < kHashes; ++i) f.mins.push_back(byte(2 + kBands + i));
  f.numbers.count = byte(kFixed - 2);
  f.names.count = byte(kFixed - 1);
  const std::size_t numbers = std::min<std::size_t>(f.numbers.count, kSketchHashes);
  const std::size_t names = std::min<std::size_t>(f.names.count, kSketchHashes);
  if (bytes.size() != kFixed + 2 * (numbers + names)) return std::nullopt;
  std::size_t at = kFixed;
  for (std::size_t i = 0; i < numbers; ++i, at += 2) f.numbers.hashes.push_back(static_cast<std::uint16_t>(get16(at)));
  for (std::size_t i = 0; i < names; ++i, at += 2) f.names.hashes.push_back(static_cast<std::uint16_t>(get16(at)));
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
    // The band's minimum itself, 16 bits: on a million articles about 15 share one by chance,
    // which the copy test then turns away.
    std::string t(schema::kBandPrefix);
    t.push_back(kHex[b & 15]);
    t.push_back(static_cast<char>((f.mins[b] >> 8) & 0xFF));
    t.push_back(static_cast<char>(f.mins[b] & 0xFF));
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
  s.numbers = share(a.numbers, b.numbers);
  s.names = share(a.names, b.names);
  return s;
}

Share share(const Sketch& a, const Sketch& b) {
  // Below the smaller of the two sketches' largest hashes (of a sketch that was cut), each
  // sketch holds every hash of its set, so the share is exact over that range.
  const Sketch& few = a.count <= b.count ? a : b;
  const Sketch& many = &few == &a ? b : a;
  std::uint32_t range = 0xFFFF;
  for (const Sketch* k : {&a, &b})
    if (k->count > k->hashes.size() && !k->hashes.empty()) range = std::min<std::uint32_t>(range, k->hashes.back());
  Share out;
  std::size_t found = 0;
  for (auto h : few.hashes) {
    if (h > range) break;
    ++out.compared;
    found += std::binary_search(many.hashes.begin(), many.hashes.end(), h);
  }
  if (out.compared) out.share = static_cast<double>(found) / static_cast<double>(out.compared);
  return out;
}

bool is_copy(const Fingerprint& a, const Fingerprint& b) {
  const Similarity s = similarity(a, b);
  auto holds = [](const Share& x, std::size_t from, double at_least) { return x.compared < from || x.share >= at_least; };
  return s.containment >= kCopyContainment && s.resemblance >= kCopyResemblance &&
         holds(s.numbers, kMinNumbers, kNumberContainment) && holds(s.names, kMinNames, kNameContainment);
}

namespace {

// Days since 1970-01-01 of a "YYYYMMDD" date (Howard Hinnant's days_from_civil); nullopt for
// anything else.
std::optional<long> day_number(std::string_view d) {
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  auto num = [&](std::size_t at, std::size_t n) {
    long v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  long y = num(0, 4);
  const long m = num(4, 2), day = num(6, 2);
  if (m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

bool close_in_time(std::string_view a, std::string_view b) {
  const auto x = day_number(a), y = day_number(b);
  if (!x || !y) return true;
  return std::abs(*x - *y) <= kMaxDaysApart;
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
