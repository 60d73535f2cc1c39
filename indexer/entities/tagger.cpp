// Tagger inference: feature hashing, the packed weight table, model (de)serialisation (Viterbi:
// tagger_viterbi.cpp).
#include "tagger.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <span>
#include <stdexcept>

#include "tagger_context.hpp"
#include "tagger_model.hpp"
#include "tagger_repair.hpp"
#include "tagger_stage.hpp"

namespace newsidx::entities {

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::kPer: return "PER";
    case EntityType::kLoc: return "LOC";
    case EntityType::kOrg: return "ORG";
    case EntityType::kMisc: return "MISC";
  }
  return "?";
}

TaggerInput to_tagger_input(const TokenizedText& text) {
  TaggerInput in;
  in.words.reserve(text.tokens.size());
  for (const auto& t : text.tokens) in.words.push_back(t.text);
  in.sentence_ends.reserve(text.sentences.size());
  for (const auto& s : text.sentences) in.sentence_ends.push_back(s.end);
  return in;
}
// ---------------------------------------------------------------------------------------------
// Tags.
namespace {
int tag_kind(int tag) { return tag == 0 ? -1 : (tag - 1) % 4; }  // 0 B, 1 I, 2 L, 3 U
int tag_type(int tag) { return tag == 0 ? -1 : (tag - 1) / 4; }
constexpr float kForbidden = -1e30f;
}  // namespace

bool tag_transition_allowed(int prev, int cur) {
  const bool prev_open = prev != kNumTags && (tag_kind(prev) == 0 || tag_kind(prev) == 1);
  if (prev_open) {
    return (tag_kind(cur) == 1 || tag_kind(cur) == 2) && tag_type(cur) == tag_type(prev);
  }
  return cur == 0 || tag_kind(cur) == 0 || tag_kind(cur) == 3;
}

bool tag_can_end(int tag) { return tag == 0 || tag_kind(tag) == 2 || tag_kind(tag) == 3; }

void spans_to_tags(const std::vector<EntitySpan>& spans, std::size_t offset, std::size_t n,
                   std::uint8_t* tags) {
  std::fill(tags, tags + n, std::uint8_t{0});
  for (const auto& s : spans) {
    if (s.begin < offset || s.end > offset + n || s.begin >= s.end) continue;
    const int base = 1 + 4 * static_cast<int>(s.type);
    const std::size_t b = s.begin - offset;
    const std::size_t e = s.end - offset;
    if (e - b == 1) {
      tags[b] = static_cast<std::uint8_t>(base + 3);
      continue;
    }
    tags[b] = static_cast<std::uint8_t>(base);
    for (std::size_t i = b + 1; i + 1 < e; ++i) tags[i] = static_cast<std::uint8_t>(base + 1);
    tags[e - 1] = static_cast<std::uint8_t>(base + 2);
  }
}

void tags_to_spans(const std::uint8_t* tags, std::size_t n, std::size_t offset,
                   std::vector<EntitySpan>& out) {
  std::size_t i = 0;
  while (i < n) {
    const int t = tags[i];
    if (t == 0) {
      ++i;
      continue;
    }
    const int type = tag_type(t);
    std::size_t j = i + 1;
    if (tag_kind(t) == 0 || tag_kind(t) == 1) {
      while (j < n && tag_type(tags[j]) == type && tag_kind(tags[j]) == 1) ++j;
      if (j < n && tag_type(tags[j]) == type && tag_kind(tags[j]) == 2) ++j;
    }
    out.push_back(EntitySpan{offset + i, offset + j, static_cast<EntityType>(type)});
    i = j;
  }
}

// ---------------------------------------------------------------------------------------------
// Features.

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

std::uint64_t hash_bytes(std::string_view s, std::uint64_t h = kFnvOffset) { return hash_name(s, h); }

std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// A feature id from a template number and up to three component hashes.
std::uint32_t feat(std::uint32_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) {
  std::uint64_t h = mix64(a + 0x9E3779B97F4A7C15ULL * (tmpl + 1));
  h = mix64(h ^ (b + 0x632BE59BD9B4E019ULL));
  if (c != 0) h = mix64(h ^ c);
  const auto r = static_cast<std::uint32_t>(h ^ (h >> 32));
  return r == 0 ? 1 : r;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Lower-cases ASCII and Latin-1 capitals (curly quotes are already ASCII via ascii_marks).
void append_lower(std::string_view w, std::string& out) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (is_upper(c)) {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' &&
               (w[i + 2] == '\x98' || w[i + 2] == '\x99')) {
      out += '\'';
      i += 2;
    } else if (c == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80' &&
               (w[i + 2] == '\x9C' || w[i + 2] == '\x9D')) {
      out += '"';
      i += 2;
    } else if (c == '\xC3' && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(w[i + 1]) <= 0x9E && w[i + 1] != '\x97') {
      out += c;
      out += static_cast<char>(w[i + 1] + 0x20);
      ++i;
    } else {
      out += c;
    }
  }
}

// News text has typographic marks where CoNLL's Reuters text (the training data) has ASCII:
// read curly quotes, dashes, guillemets and the ellipsis as their ASCII forms.
std::string_view ascii_marks(std::string_view w, std::string& buf) {
  if (w.find('\xE2') == std::string_view::npos && w.find('\xC2') == std::string_view::npos) return w;
  buf.clear();
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '\xE2' && i + 2 < w.size() && w[i + 1] == '\x80') {
      const char c = w[i + 2];
      const char* ascii = nullptr;
      if (c >= '\x98' && c <= '\x9B') ascii = "'";
      else if (c >= '\x9C' && c <= '\x9F') ascii = "\"";
      else if (c >= '\x93' && c <= '\x95') ascii = "-";
      else if (c == '\xA6') ascii = "...";
      if (ascii != nullptr) {
        buf += ascii;
        i += 2;
        continue;
      }
    }
    if (w[i] == '\xC2' && i + 1 < w.size() && (w[i + 1] == '\xAB' || w[i + 1] == '\xBB')) {
      buf += '"';
      ++i;
      continue;
    }
    buf += w[i];
  }
  return buf;
}

// Word shape with runs collapsed: "Blinken" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d".
std::uint64_t shape_hash(std::string_view w, bool& has_letter, bool& has_lower, bool& init_upper) {
  char buf[16];
  std::size_t n = 0;
  has_letter = has_lower = init_upper = false;
  for (std::size_t i = 0; i < w.size() && n < sizeof buf; ++i) {
    const auto u = static_cast<unsigned char>(w[i]);
    char s;
    if (is_upper(w[i])) {
      s = 'X';
    } else if (is_lower(w[i])) {
      s = 'x';
    } else if (is_digit(w[i])) {
      s = 'd';
    } else if (u >= 0xC0) {
      const bool up = u == 0xC3 && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) < 0x9F;
      s = up ? 'X' : 'x';
    } else if (u >= 0x80) {
      continue;  // continuation byte
    } else {
      s = w[i];
    }
    if (s == 'X' || s == 'x') {
      has_letter = true;
      if (n == 0 && s == 'X') init_upper = true;
      if (s == 'x') has_lower = true;
    }
    if (n > 0 && buf[n - 1] == s && (s == 'X' || s == 'x' || s == 'd')) continue;
    buf[n++] = s;
  }
  return hash_bytes(std::string_view(buf, n), 0x84222325cbf29ce4ULL);
}

bool is_opening_mark(std::string_view w) {
  return w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "(" || w == ":" ||
         w == "'" || w == "\xC2\xAB" || w == "-" || w == "--" || w == "\xE2\x80\x94";
}

enum Tmpl : std::uint32_t {
  kBias, kW0, kWm1, kWp1, kWm2, kWp2, kS0, kSm1, kSp1, kSm1S0, kS0Sp1, kPrefix, kSuffix,
  kWm1W0, kW0Wp1, kWm1S0, kS0Wp1, kPosS0, kDocCase, kDocCaseW0, kHook0, kHookM1, kHookP1,
  kWm1Wp1, kLen, kHistory, kContext
};

}  // namespace

namespace {

// What extract_features knows of each token before it emits features: the lower-cased words
// (one buffer, `lstart` into it) and their hashes, shape hashes, case facts (bit0 letter, bit1
// lower, bit2 initial capital), sentence facts, and the document's case evidence.
struct TokenFacts {
  std::string lower;
  std::vector<std::uint32_t> lstart;
  std::vector<std::uint64_t> hw, hs;
  std::vector<std::uint8_t> info, first, caps;
  std::vector<std::pair<std::uint64_t, std::uint8_t>> doc_case;  // open addressing, power of two
  // Hook features, hashed, of all tokens in one buffer: token i's are hook_hashes[hook_start[i],
  // hook_start[i + 1]) (one allocation a document, not a few a token); both empty without a hook.
  std::vector<std::uint64_t> hook_hashes;
  std::vector<std::uint32_t> hook_start;
  std::vector<std::vector<std::uint64_t>> context_hashes;        // context_items, hashed; empty without

  std::span<const std::uint64_t> hooks(std::size_t i) const {
    return std::span<const std::uint64_t>(hook_hashes).subspan(hook_start[i], hook_start[i + 1] - hook_start[i]);
  }
  std::string_view lc(std::size_t i) const {
    return std::string_view(lower).substr(lstart[i], lstart[i + 1] - lstart[i]);
  }
  // Slot of word hash h in doc_case: its own, or the empty one where it would go.
  std::size_t doc_slot(std::uint64_t h) const {
    const std::size_t mask = doc_case.size() - 1;
    std::size_t k = static_cast<std::size_t>(mix64(h)) & mask;
    const std::uint64_t key = h == 0 ? 1 : h;
    while (doc_case[k].first != 0 && doc_case[k].first != key) k = (k + 1) & mask;
    return k;
  }
};

// Per token: lower-cased word and its hash, shape hash and case facts.
void word_facts(const TaggerInput& input, TokenFacts& f) {
  const std::size_t n = input.words.size();
  std::size_t total = 0;
  for (auto w : input.words) total += w.size();
  f.lower.reserve(total);
  f.lstart.resize(n + 1);
  f.hw.resize(n);
  f.hs.resize(n);
  f.info.resize(n);
  std::string marks;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = ascii_marks(input.words[i], marks);
    f.lstart[i] = static_cast<std::uint32_t>(f.lower.size());
    append_lower(w, f.lower);
    bool l = false, lo = false, up = false;
    f.hs[i] = shape_hash(w, l, lo, up);
    f.info[i] = static_cast<std::uint8_t>((l ? 1 : 0) | (lo ? 2 : 0) | (up ? 4 : 0));
  }
  f.lstart[n] = static_cast<std::uint32_t>(f.lower.size());
  for (std::size_t i = 0; i < n; ++i) f.hw[i] = hash_bytes(f.lc(i));
}

// Sentence facts: first-position flags and ALL-CAPS sentences.
void sentence_facts(const TaggerInput& input, TokenFacts& f) {
  const std::size_t n = input.words.size();
  f.first.resize(n);
  f.caps.resize(n);
  std::size_t sb = 0;
  for (std::size_t se : input.sentence_ends) {
    se = std::min(se, n);
    bool any_lower = false;
    std::size_t caps_words = 0;
    for (std::size_t i = sb; i < se; ++i) {
      if (f.info[i] & 2) any_lower = true;
      if ((f.info[i] & 1) && !(f.info[i] & 2) && input.words[i].size() >= 2) ++caps_words;
    }
    const bool all_caps = !any_lower && caps_words > 0;
    for (std::size_t i = sb; i < se; ++i) {
      f.caps[i] = all_caps ? 1 : 0;
      f.first[i] = (i == sb || is_opening_mark(input.words[i - 1])) ? 1 : 0;
    }
    sb = se;
  }
}

// Document-level case evidence: how the same word is written where case is informative
// (not first in its sentence, not in an ALL-CAPS sentence). bit0 lower, bit1 Title, bit2 CAPS.
void document_case(std::size_t n, TokenFacts& f) {
  const std::size_t cap = std::max<std::size_t>(16, std::bit_ceil(2 * n + 1));
  f.doc_case.assign(cap, {0, 0});
  for (std::size_t i = 0; i < n; ++i) {
    if (!(f.info[i] & 1) || f.first[i] || f.caps[i]) continue;
    std::uint8_t bit = 0;
    if (!(f.info[i] & 4)) bit = 1;
    else if (f.info[i] & 2) bit = 2;
    else bit = 4;
    const std::size_t k = f.doc_slot(f.hw[i]);
    f.doc_case[k].first = f.hw[i] == 0 ? 1 : f.hw[i];
    f.doc_case[k].second |= bit;
  }
}

// Hook features and the sports features (tagger_sports.hpp), one sentence at a time, hashed;
// with `hashed`, its features stand for the hook's names.
void hook_facts(const TaggerInput& input, const FeatureHook& hook, const HashedHook* hashed,
                const SportsFeatures* sports, const std::vector<std::int8_t>* stage, TokenFacts& f) {
  if (hashed != nullptr && !*hashed) hashed = nullptr;
  if (!hook && !hashed && !stage) return;
  const std::size_t n = input.words.size();
  f.hook_start.assign(n + 1, 0);
  const SportsMarks marks = sports ? sports_marks(*sports, input.words, input.sentence_ends) : SportsMarks{};
  std::vector<std::string_view> words;
  std::vector<std::vector<std::string>> extra;
  std::vector<std::vector<std::uint64_t>> ids;  // the hashed hook's
  std::size_t sb = 0;
  for (std::size_t se : input.sentence_ends) {
    se = std::min(se, n);
    words.assign(input.words.begin() + static_cast<std::ptrdiff_t>(sb),
                 input.words.begin() + static_cast<std::ptrdiff_t>(se));
    // Emptied, not rebuilt: each token's list keeps its storage for the next sentence.
    extra.resize(se - sb);
    for (auto& x : extra) x.clear();
    if (hashed != nullptr) {
      // Grown, never shrunk: a shorter sentence leaves the lists past its words alone, so that
      // each keeps its storage (a resize down freed them, and the next longer sentence
      // allocated them again, list by list).
      if (ids.size() < se - sb) ids.resize(se - sb);
      for (std::size_t i = 0; i < se - sb; ++i) ids[i].clear();
      (*hashed)(words, ids);
    } else if (hook) {
      hook(words, extra);
    }
    for (std::size_t i = 0; i < extra.size(); ++i) {
      // After the hook's own features, before the sports ones: the order training has always used.
      if (stage && sb + i < stage->size()) {
        std::array<std::string_view, 3> names;
        for (std::size_t k = 0, m = stage_feature_names((*stage)[sb + i], names); k < m; ++k) extra[i].emplace_back(names[k]);
      }
      if (sports) add_sports_features(*sports, marks, sb + i, (f.info[sb + i] & 4) != 0, f.hs[sb + i], extra[i]);
      f.hook_start[sb + i] = static_cast<std::uint32_t>(f.hook_hashes.size());
      if (hashed != nullptr) f.hook_hashes.insert(f.hook_hashes.end(), ids[i].begin(), ids[i].end());
      for (const auto& x : extra[i]) f.hook_hashes.push_back(hash_bytes(x));
    }
    sb = std::max(sb, se);
  }
  // Tokens after the last sentence end have none.
  for (std::size_t i = sb; i <= n; ++i) f.hook_start[i] = static_cast<std::uint32_t>(f.hook_hashes.size());
}

// At most this many features of a token depend on its lower-cased word alone (word_features).
constexpr std::size_t kMaxWordFeatures = 9;

// The prefixes and suffixes of token i (a word with a letter) written to out; returns their number.
std::size_t affix_features(const TokenFacts& f, std::size_t i, std::uint32_t* out) {
  const std::string_view l = f.lc(i);
  const std::size_t len = l.size();
  std::size_t m = 0;
  for (std::size_t k = 1; k <= 4 && k < len; ++k) {
    out[m++] = feat(kPrefix, hash_bytes(l.substr(0, k)), k);
    out[m++] = feat(kSuffix, hash_bytes(l.substr(len - k)), k);
  }
  return m;
}

// The features of token i that depend on its lower-cased word alone (and on whether it has a
// letter, which that word decides): the word, its prefixes and suffixes. Written to out (room for
// kMaxWordFeatures); returns their number.
std::size_t word_features(const TokenFacts& f, std::size_t i, std::uint32_t* out) {
  out[0] = feat(kW0, f.hw[i]);
  return 1 + ((f.info[i] & 1) ? affix_features(f, i, out + 1) : 0);
}

// The features of token i of the sentence [sb, se), appended to out.hashes; with `words`, without
// its word_features (extract_features keeps those once per distinct word).
void token_features(const TokenFacts& f, std::size_t i, std::size_t sb, std::size_t se, bool words,
                    DocumentFeatures& out) {
  constexpr std::uint64_t kBos = 0x1234567ULL;
  constexpr std::uint64_t kEos = 0x7654321ULL;
  auto W = [&](std::ptrdiff_t d) -> std::uint64_t {
    const auto j = static_cast<std::ptrdiff_t>(i) + d;
    if (j < static_cast<std::ptrdiff_t>(sb)) return kBos + static_cast<std::uint64_t>(-d);
    if (j >= static_cast<std::ptrdiff_t>(se)) return kEos + static_cast<std::uint64_t>(d);
    return f.hw[static_cast<std::size_t>(j)];
  };
  auto S = [&](std::ptrdiff_t d) -> std::uint64_t {
    const auto j = static_cast<std::ptrdiff_t>(i) + d;
    if (j < static_cast<std::ptrdiff_t>(sb)) return kBos;
    if (j >= static_cast<std::ptrdiff_t>(se)) return kEos;
    return f.hs[static_cast<std::size_t>(j)];
  };
  const std::uint64_t w0 = f.hw[i], s0 = f.hs[i];
  const std::uint64_t ctx = 1 + f.first[i] + 2 * f.caps[i];
  out.contexts[i] = static_cast<std::uint8_t>(ctx);
  if ((f.info[i] & 4) != 0) out.name_keys[i] = w0;
  // The fixed features go through a local buffer: one append instead of a push_back each.
  std::array<std::uint32_t, 28> buf;
  std::size_t m = 0;
  buf[m++] = feat(kBias, 1);
  if (!words) buf[m++] = feat(kW0, w0);
  buf[m++] = feat(kWm1, W(-1));
  buf[m++] = feat(kWp1, W(1));
  buf[m++] = feat(kWm2, W(-2));
  buf[m++] = feat(kWp2, W(2));
  buf[m++] = feat(kS0, s0, ctx);
  buf[m++] = feat(kSm1, S(-1));
  buf[m++] = feat(kSp1, S(1));
  buf[m++] = feat(kSm1S0, S(-1), s0, ctx);
  buf[m++] = feat(kS0Sp1, s0, S(1), ctx);
  buf[m++] = feat(kWm1W0, W(-1), w0);
  buf[m++] = feat(kW0Wp1, w0, W(1));
  buf[m++] = feat(kWm1Wp1, W(-1), W(1));
  buf[m++] = feat(kWm1S0, W(-1), s0);
  buf[m++] = feat(kS0Wp1, s0, W(1));
  buf[m++] = feat(kPosS0, ctx, s0);
  buf[m++] = feat(kLen, std::min<std::size_t>(f.lstart[i + 1] - f.lstart[i], 12), ctx);
  if (f.info[i] & 1) {
    if (!words) m += affix_features(f, i, buf.data() + m);
    const std::uint8_t dc = f.doc_case[f.doc_slot(w0)].second;  // 0 in an empty slot
    buf[m++] = feat(kDocCase, dc + 8u * (f.info[i] >> 1), ctx);
    buf[m++] = feat(kDocCaseW0, dc + 8u * ctx, w0);
  }
  auto& h = out.hashes;
  h.insert(h.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(m));
  // Context aggregation items describe the word's other occurrences: the token's own, no neighbours'.
  if (!f.context_hashes.empty())
    for (auto x : f.context_hashes[i]) h.push_back(feat(kContext, x));
  if (!f.hook_start.empty()) {
    for (auto x : f.hooks(i)) h.push_back(feat(kHook0, x));
    if (i > sb) {
      for (auto x : f.hooks(i - 1)) h.push_back(feat(kHookM1, x));
    }
    if (i + 1 < se) {
      for (auto x : f.hooks(i + 1)) h.push_back(feat(kHookP1, x));
    }
  }
}

}  // namespace

std::size_t stage_features(const std::vector<std::int8_t>& stage, std::size_t i, std::size_t sb,
                           std::size_t se, std::uint32_t* out) {
  // As token_features spells them: the token's own (kHook0), its left neighbour's (kHookM1) and
  // its right neighbour's (kHookP1) within the sentence.
  std::size_t m = 0;
  auto add = [&](std::size_t j, std::uint32_t tmpl) {
    std::array<std::string_view, 3> names;
    for (std::size_t k = 0, c = stage_feature_names(stage[j], names); k < c; ++k) out[m++] = feat(tmpl, hash_bytes(names[k]));
  };
  if (i < stage.size()) add(i, kHook0);
  if (i > sb && i - 1 < stage.size()) add(i - 1, kHookM1);
  if (i + 1 < se && i + 1 < stage.size()) add(i + 1, kHookP1);
  return m;
}

namespace {

// Files each token's word_features under its distinct word (the same lower-cased bytes, and
// whether it has a letter): out.word_of, word_hashes, word_offsets. An open-addressing table of
// word indices, probed by the word's hash and confirmed by its bytes.
void distinct_words(const TokenFacts& f, std::size_t n, DocumentFeatures& out) {
  constexpr std::uint32_t kEmpty = UINT32_MAX;
  out.word_of.resize(n);
  out.word_hashes.clear();
  out.word_offsets.assign(1, 0);
  std::vector<std::uint32_t> table(std::max<std::size_t>(16, std::bit_ceil(2 * n + 1)), kEmpty);
  std::vector<std::uint32_t> first;  // per word: its first token
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = 0; i < n; ++i) {
    const bool letter = (f.info[i] & 1) != 0;
    std::size_t k = static_cast<std::size_t>(mix64(f.hw[i] + letter)) & mask;
    for (; table[k] != kEmpty; k = (k + 1) & mask) {
      const std::size_t j = first[table[k]];
      if (f.hw[j] == f.hw[i] && ((f.info[j] & 1) != 0) == letter && f.lc(j) == f.lc(i)) break;
    }
    if (table[k] == kEmpty) {
      table[k] = static_cast<std::uint32_t>(first.size());
      first.push_back(static_cast<std::uint32_t>(i));
      std::uint32_t buf[kMaxWordFeatures];
      out.word_hashes.insert(out.word_hashes.end(), buf, buf + word_features(f, i, buf));
      out.word_offsets.push_back(static_cast<std::uint32_t>(out.word_hashes.size()));
    }
    out.word_of[i] = table[k];
  }
}

}  // namespace

void extract_features(const TaggerInput& input, const FeatureHook& hook, DocumentFeatures& out,
                      const SportsFeatures* sports, const std::vector<std::int8_t>* stage,
                      const ContextFeatures* context, bool split_words, const HashedHook* hashed) {
  const std::size_t n = input.words.size();
  out.hashes.clear();
  out.offsets.assign(1, 0);
  out.name_keys.assign(n, 0);
  out.contexts.assign(n, 1);
  out.offsets.reserve(n + 1);
  out.hashes.reserve(n * 32);

  TokenFacts f;
  word_facts(input, f);
  sentence_facts(input, f);
  document_case(n, f);
  hook_facts(input, hook, hashed, sports, stage, f);
  if (context != nullptr) {
    f.context_hashes.resize(n);
    const auto items = context_items(*context, input.words, input.sentence_ends);
    for (std::size_t i = 0; i < n; ++i)
      for (const auto& x : items[i]) f.context_hashes[i].push_back(hash_bytes(x));
  }

  std::size_t sb = 0;
  std::size_t si = 0;
  for (std::size_t i = 0; i < n; ++i) {
    while (si < input.sentence_ends.size() && input.sentence_ends[si] <= i) sb = input.sentence_ends[si++];
    const std::size_t se = si < input.sentence_ends.size() ? std::min(input.sentence_ends[si], n) : n;
    token_features(f, i, sb, se, split_words, out);
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
  }
  out.word_of.clear();
  if (split_words) distinct_words(f, n, out);
}

std::uint32_t NameMemory::feature(const DocumentFeatures& f, std::size_t i) const {
  const std::uint64_t key = f.name_keys[i];
  if (key == 0) return 0;
  const auto it = seen_.find(key);
  return it == seen_.end() ? 0 : feat(kHistory, it->second, f.contexts[i]);
}

void NameMemory::record(const DocumentFeatures& f, const std::vector<EntitySpan>& spans,
                        std::size_t from) {
  for (std::size_t s = from; s < spans.size(); ++s) {
    const auto bit = static_cast<std::uint8_t>(1u << static_cast<unsigned>(spans[s].type));
    for (std::size_t i = spans[s].begin; i < spans[s].end; ++i) {
      const std::uint64_t key = f.name_keys[i];
      if (key == 0) continue;
      seen_[key] |= bit;
    }
  }
}

std::vector<std::uint32_t> NameMemory::all_features() {
  std::vector<std::uint32_t> out;
  for (std::uint64_t mask = 1; mask < 16; ++mask) {
    for (std::uint64_t ctx = 1; ctx <= 4; ++ctx) out.push_back(feat(kHistory, mask, ctx));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The packed model and its file format.

namespace {

constexpr char kMagic[8] = {'N', 'X', 'N', 'E', 'R', '\x01', '\0', '\0'};

template <typename T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

struct Reader {
  std::string_view in;
  std::size_t pos = 0;
  bool ok = true;
  template <typename T>
  T get() {
    T v{};
    if (pos + sizeof(T) > in.size()) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
  }
};

}  // namespace

void constrain_transitions(Transitions& t) {
  for (int p = 0; p <= kNumTags; ++p) {
    for (int c = 0; c < kNumTags; ++c) {
      if (!tag_transition_allowed(p, c)) t.from[static_cast<std::size_t>(p)][static_cast<std::size_t>(c)] = kForbidden;
    }
  }
  for (int c = 0; c < kNumTags; ++c) {
    if (!tag_can_end(c)) t.end[static_cast<std::size_t>(c)] = kForbidden;
  }
}

std::string serialize_model(const std::vector<FeatureWeights>& features, const Transitions& trans,
                            const std::string& hook_name, float trans_scale) {
  float max_abs = 0;
  for (const auto& f : features) {
    for (const auto& [tag, w] : f.weights) max_abs = std::max(max_abs, std::fabs(w));
  }
  const float scale = max_abs > 0 ? 32000.0f / max_abs : 1.0f;
  std::string out(kMagic, sizeof kMagic);
  put<std::uint32_t>(out, kNumTags);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(hook_name.size()));
  out += hook_name;
  put<float>(out, scale);
  for (const auto& row : trans.from) {
    for (float v : row) put<float>(out, v <= kForbidden ? 0.0f : v / trans_scale);
  }
  for (float v : trans.end) put<float>(out, v <= kForbidden ? 0.0f : v / trans_scale);
  std::vector<const FeatureWeights*> sorted;
  sorted.reserve(features.size());
  std::string body;
  std::uint32_t kept = 0;
  for (const auto& f : features) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->key < b->key; });
  std::vector<std::pair<std::uint8_t, std::int16_t>> q;
  for (const auto* f : sorted) {
    q.clear();
    for (const auto& [tag, w] : f->weights) {
      const long v = std::lround(w * scale);
      if (v != 0) q.emplace_back(tag, static_cast<std::int16_t>(std::clamp(v, -32767L, 32767L)));
    }
    if (q.empty()) continue;
    ++kept;
    put<std::uint32_t>(body, f->key);
    put<std::uint8_t>(body, static_cast<std::uint8_t>(q.size()));
    for (const auto& [tag, v] : q) {
      put<std::uint8_t>(body, tag);
      put<std::int16_t>(body, v);
    }
  }
  put<std::uint32_t>(out, kept);
  out += body;
  return out;
}

Result<Tagger> Tagger::load(std::string_view bytes, const std::vector<NamedHook>& hooks) {
  auto bad = [](std::string msg) {
    return Error{ErrorCode::kBadInput, "NER model: " + std::move(msg), "retrain with scripts/train-ner.sh"};
  };
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return bad("not a newsidx NER model (bad magic)");
  }
  Reader r{bytes, sizeof kMagic};
  if (r.get<std::uint32_t>() != kNumTags) return bad("unexpected tag set");
  const auto name_len = r.get<std::uint32_t>();
  if (!r.ok || r.pos + name_len > bytes.size()) return bad("truncated");
  auto model = std::make_shared<ModelData>();
  model->hook_name = std::string(bytes.substr(r.pos, name_len));
  r.pos += name_len;
  model->scale = r.get<float>();
  // Transitions are stored in weight units; scores are summed in quantised units, so scale them.
  for (auto& row : model->trans.from) {
    for (float& v : row) v = r.get<float>() * model->scale;
  }
  for (float& v : model->trans.end) v = r.get<float>() * model->scale;
  constrain_transitions(model->trans);
  const auto count = r.get<std::uint32_t>();
  if (!r.ok || model->scale <= 0) return bad("truncated header");
  model->reserve_slots(count);
  model->entries.reserve(static_cast<std::size_t>(count) * 3);
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto key = r.get<std::uint32_t>();
    const auto n = r.get<std::uint8_t>();
    if (!r.ok || key == 0 || n == 0 || n > kNumTags) return bad("corrupt feature table");
    const std::size_t first = model->entries.size();
    for (std::uint8_t j = 0; j < n; ++j) {
      const auto tag = r.get<std::uint8_t>();
      const auto v = r.get<std::int16_t>();
      if (tag >= kNumTags) return bad("corrupt tag id");
      model->entries.push_back({tag, v});
    }
    if (!model->place(key, first, n)) return bad("duplicate feature");
  }
  if (!r.ok) return bad("truncated feature table");
  if (r.pos != bytes.size()) return bad("trailing bytes");
  model->features = count;
  model->densify(kNumTags);
  NamedHook hook;
  if (!model->hook_name.empty()) {
    const auto it = std::find_if(hooks.begin(), hooks.end(),
                                 [&](const NamedHook& h) { return h.name == model->hook_name; });
    if (it == hooks.end()) return bad("needs the feature hook '" + model->hook_name + "'");
    hook = *it;
  }
  return Tagger(std::move(model), std::move(hook));
}

Tagger::Tagger(std::shared_ptr<const ModelData> model, NamedHook hook)
    : model_(std::move(model)), hook_(std::move(hook)), repairs_(default_repairs()) {}

std::size_t Tagger::feature_count() const { return model_->features; }

std::string Tagger::save() const {
  // Rebuild the per-feature lists from the packed table; weights are already quantised, so a
  // save after a load reproduces the same bytes.
  std::vector<FeatureWeights> features;
  features.reserve(model_->features);
  for (const auto& s : model_->slots) {
    if (s.key == 0) continue;
    FeatureWeights f;
    f.key = s.key;
    model_->for_each_weight(s.where, [&](std::uint16_t tag, std::int16_t weight) {
      f.weights.emplace_back(static_cast<std::uint8_t>(tag), static_cast<float>(weight) / model_->scale);
    });
    features.push_back(std::move(f));
  }
  return serialize_model(features, model_->trans, model_->hook_name, model_->scale);
}

}  // namespace newsidx::entities
