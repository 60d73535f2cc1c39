// Filtering spelling corrections.
#include "spelling.hpp"

#include <algorithm>
#include <vector>

#include "common/schema.hpp"
#include "query/query_builder.hpp"

namespace newsidx::query {

namespace {

struct Word {
  std::size_t begin, end;
};

// Words as the suggestion compares them: runs of ASCII letters and digits and non-ASCII bytes.
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  std::size_t i = 0;
  auto is_word = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
  };
  while (i < text.size()) {
    if (!is_word(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_word(text[j])) ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

// `words` of `text` with a possessive's "s" joined to its word: "blair's" is one word, as
// Xapian's correction may drop the "'s" ("blair's budgte" -> "blair budget").
std::vector<Word> with_possessives_joined(std::string_view text, std::vector<Word> words) {
  std::vector<Word> out;
  for (const Word& w : words) {
    const bool possessive = !out.empty() && w.end - w.begin == 1 && (text[w.begin] == 's' || text[w.begin] == 'S') &&
                            w.begin >= 1 && text[w.begin - 1] == '\'' && out.back().end == w.begin - 1;
    if (possessive) out.back().end = w.end;
    else out.push_back(w);
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The word `w` of `text` is a field name as typed: right before a ':'.
bool before_colon(std::string_view text, const Word& w) { return w.end < text.size() && text[w.end] == ':'; }

// The fields a query may name: the schema's table (as make_parser registers it), and date.
const std::vector<std::string_view>& query_fields() {
  static const std::vector<std::string_view> fields = [] {
    std::vector<std::string_view> out{kDateField};
    for (const auto& f : schema::kFields) out.push_back(f.name);
    return out;
  }();
  return fields;
}

bool is_query_field(std::string_view name) {
  const auto& fields = query_fields();
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

// A word whose "'s" is "is" or "us": "It's", "That's", "Let's".
bool contraction_head(std::string_view w) {
  static constexpr const char* kWords[] = {"it", "he", "she", "that", "what", "let", "there", "here",
                                           "who", "where", "how", "when", "why", "this", "everyone", "nobody"};
  const std::string l = lower(w);
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return l == k; });
}

}  // namespace

std::string_view nearest_field(std::string_view name) {
  const auto& kQueryFields = query_fields();
  constexpr std::size_t kShortest = 3;  // "it:" or "re:" in pasted text is no field meant
  if (name.size() < kShortest || is_query_field(name)) return {};
  const std::string typed = lower(name);
  std::string_view best;
  std::size_t best_distance = allowed_edits(typed.size()) + 1;
  for (std::string_view field : kQueryFields) {
    const std::size_t d = osa_distance(typed, field, best_distance - 1);
    if (d < best_distance) {
      best = field;
      best_distance = d;
      if (d == 0) break;  // "Country": the field in other letters' case
    }
  }
  return best;
}

std::string with_field_names(std::string_view typed, std::string corrected) {
  const auto from = words_of(typed), to = words_of(corrected);
  if (from.size() != to.size()) return corrected;
  // From the last word back, so that earlier offsets into `corrected` stay valid.
  for (std::size_t i = from.size(); i-- > 0;) {
    if (!before_colon(typed, from[i])) continue;
    const std::string_view field = nearest_field(typed.substr(from[i].begin, from[i].end - from[i].begin));
    if (!field.empty()) corrected.replace(to[i].begin, to[i].end - to[i].begin, field);
  }
  return corrected;
}

std::string with_fields_as_meant(std::string text) {
  const auto words = words_of(text);
  // From the last word back, so that earlier offsets stay valid.
  for (std::size_t k = words.size(); k-- > 0;) {
    const Word& w = words[k];
    if (!before_colon(text, w) || (w.begin > 0 && text[w.begin - 1] == ':')) continue;
    const std::string_view typed = std::string_view(text).substr(w.begin, w.end - w.begin);
    const std::string low = lower(typed);
    if (!is_query_field(low)) continue;
    // "person: blair": the value after the blanks is the field's, unless it is the next field
    // ("person: title:blair": the first has no value).
    std::size_t v = w.end + 1;
    while (v < text.size() && (text[v] == ' ' || text[v] == '\t')) ++v;
    const bool next_is_field = k + 1 < words.size() && words[k + 1].begin == v && before_colon(text, words[k + 1]) &&
                               is_query_field(lower(std::string_view(text).substr(v, words[k + 1].end - v)));
    if (v > w.end + 1 && v < text.size() && !next_is_field) text.erase(w.end + 1, v - w.end - 1);
    if (low != typed) text.replace(w.begin, w.end - w.begin, low);
  }
  return text;
}

std::string with_abbreviations_in_capitals(std::string text) {
  auto lower_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  auto word_byte = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (!lower_letter(text[i]) || (i > 0 && (word_byte(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    // "x.y." at i: a letter and a dot, again and again; the last dot may be missing ("u.s").
    std::size_t j = i, letters = 0;
    while (j < n && lower_letter(text[j])) {
      if (j + 1 < n && text[j + 1] == '.') {
        j += 2;
        ++letters;
        continue;
      }
      if (letters > 0 && (j + 1 == n || !word_byte(text[j + 1]))) {
        ++j;
        ++letters;
      }
      break;
    }
    const std::string_view run = std::string_view(text).substr(i, j - i);
    const bool clean_end = j == n || (!word_byte(text[j]) && text[j] != '.');
    const bool lower_case_use = run == "e.g." || run == "i.e." || run == "a.m." || run == "p.m.";
    if (letters >= 2 && clean_end && !lower_case_use) {
      for (std::size_t k = i; k < j; ++k)
        if (lower_letter(text[k])) text[k] = static_cast<char>(text[k] - 'a' + 'A');
    }
    i = j > i ? j : i + 1;
  }
  return text;
}

std::string with_possessives_widened(std::string text) {
  static constexpr std::string_view kCurly = "\xE2\x80\x99";  // U+2019
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string out;
  bool quoted = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') quoted = !quoted;
    const bool starts = !quoted && text[i] >= 'A' && text[i] <= 'Z' &&
                        (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '(');
    std::size_t j = i;
    while (starts && j < text.size() && letter(text[j])) ++j;
    std::size_t apostrophe = 0;
    if (j > i + 1 && j < text.size() && text[j] == '\'') apostrophe = 1;
    else if (j > i + 1 && std::string_view(text).substr(j, kCurly.size()) == kCurly) apostrophe = kCurly.size();
    const std::size_t end = j + apostrophe + 1;
    const bool possessive = apostrophe > 0 && end <= text.size() && text[end - 1] == 's' &&
                            (end == text.size() || text[end] == ' ' || text[end] == '\t' || text[end] == ')') &&
                            !contraction_head(std::string_view(text).substr(i, j - i));
    if (!possessive) {
      out += text[i++];
      continue;
    }
    out += "(" + text.substr(i, j - i) + " OR " + text.substr(i, end - i) + ")";
    i = end;
  }
  return out;
}

std::string with_hyphens_widened(std::string text) {
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '(' || c == ')'; };
  std::string out;
  bool quoted = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') quoted = !quoted;
    if (quoted || !alnum(text[i]) || (i > 0 && !blank(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    // Parts of letters and digits joined by single hyphens, each part with a letter.
    std::size_t j = i, parts = 0;
    bool lettered = true;
    std::string joined;
    while (true) {
      const std::size_t b = j;
      bool has_letter = false;
      for (; j < text.size() && alnum(text[j]); ++j) has_letter = has_letter || letter(text[j]);
      lettered = lettered && has_letter;
      joined.append(text, b, j - b);
      ++parts;
      if (j + 1 < text.size() && text[j] == '-' && alnum(text[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    if (parts >= 2 && lettered && (j == text.size() || blank(text[j])))
      out += "(" + text.substr(i, j - i) + " OR " + joined + ")";
    else
      out.append(text, i, j - i);
    i = j;
  }
  return out;
}

std::vector<std::string> unknown_fields(std::string_view text) {
  std::vector<std::string> out;
  bool quoted = false;
  std::size_t from = 0;  // words are looked at outside quotes only
  for (const Word& w : words_of(text)) {
    for (std::size_t k = from; k < w.begin; ++k)
      if (text[k] == '"') quoted = !quoted;
    from = w.begin;
    if (quoted || !before_colon(text, w) || w.end + 1 >= text.size()) continue;
    const char next = text[w.end + 1];
    if (next == ' ' || next == '\t' || next == ':' || (w.begin > 0 && text[w.begin - 1] == ':')) continue;
    const std::string_view typed = text.substr(w.begin, w.end - w.begin);
    constexpr std::size_t kShortest = 3;  // "a:b", "re:x": no field meant
    if (typed.size() < kShortest) continue;
    if (std::any_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;  // "10:30"
    if (is_query_field(lower(typed)) || !nearest_field(typed).empty()) continue;
    if (std::find(out.begin(), out.end(), typed) == out.end()) out.emplace_back(typed);
  }
  return out;
}

WithoutEmptyFields without_empty_fields(std::string text) {
  WithoutEmptyFields out;
  const auto words = words_of(text);
  // From the last word back, so that earlier offsets stay valid.
  for (std::size_t k = words.size(); k-- > 0;) {
    const Word& w = words[k];
    if (!before_colon(text, w) || (w.begin > 0 && text[w.begin - 1] == ':')) continue;
    const std::string typed = text.substr(w.begin, w.end - w.begin);
    if (!is_query_field(lower(typed))) continue;
    std::size_t v = w.end + 1;
    while (v < text.size() && (text[v] == ' ' || text[v] == '\t' || text[v] == '\r' || text[v] == '\n')) ++v;
    // Nothing but blanks to the end, or the next field right after them: no value.
    const bool next_is_field = k + 1 < words.size() && words[k + 1].begin == v && before_colon(text, words[k + 1]) &&
                               is_query_field(lower(std::string_view(text).substr(v, words[k + 1].end - v)));
    if (v < text.size() && !next_is_field) continue;
    out.fields.insert(out.fields.begin(), typed);
    text.erase(w.begin, v - w.begin);
  }
  out.text = std::move(text);
  return out;
}

std::string accepted_correction(std::string_view typed, std::string_view corrected,
                                const std::function<bool(const std::string&)>& known) {
  const auto from = with_possessives_joined(typed, words_of(typed));
  const auto to = with_possessives_joined(corrected, words_of(corrected));
  if (from.size() != to.size()) return {};
  std::string out;
  std::size_t copied = 0;  // bytes of `typed` already in `out`
  bool replaced = false;
  for (std::size_t i = 0; i < from.size(); ++i) {
    const std::string was = lower(typed.substr(from[i].begin, from[i].end - from[i].begin));
    const std::string now = lower(corrected.substr(to[i].begin, to[i].end - to[i].begin));
    // A mistyped field name is corrected from the schema, even when it is also a word of the
    // archive ("persons:blair") or the field in capitals ("Country:ua").
    const bool field =
        before_colon(typed, from[i]) && nearest_field(typed.substr(from[i].begin, from[i].end - from[i].begin)) == now;
    const bool possessive_dropped = was.size() > 2 && was.compare(was.size() - 2, 2, "'s") == 0 &&
                                    was.compare(0, was.size() - 2, now) == 0;
    if (!field && (was == now || possessive_dropped || known(was))) continue;
    const std::size_t limit = allowed_edits(was.size());
    if (osa_distance(was, now, limit) > limit) continue;
    out.append(typed.substr(copied, from[i].begin - copied));
    out += now;
    copied = from[i].end;
    replaced = true;
  }
  if (!replaced) return {};
  out.append(typed.substr(copied));
  return out;
}

}  // namespace newsidx::query
