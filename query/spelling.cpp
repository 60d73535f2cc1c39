// Filtering spelling corrections.
#include "spelling.hpp"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

#include "common/analysis.hpp"
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

// The field word of `text` typed before its ':', with the blanks after the ':' skipped: the
// offset its value starts at, and whether that is where the next word `next` of `words` begins as a
// field of its own ("person: title:blair": person has no value).
struct AfterField {
  std::size_t value;
  bool next_is_field;
};
AfterField after_field(std::string_view text, const std::vector<Word>& words, std::size_t k, bool line_breaks) {
  std::size_t v = words[k].end + 1;
  while (v < text.size() && (text[v] == ' ' || text[v] == '\t' || (line_breaks && (text[v] == '\r' || text[v] == '\n'))))
    ++v;
  const bool next = k + 1 < words.size() && words[k + 1].begin == v && before_colon(text, words[k + 1]) &&
                    is_query_field(lower(text.substr(v, words[k + 1].end - v)));
  return {v, next};
}

// `text` with each word outside quotes for which `other` gives a replacement ("(e-mail OR
// email)") replaced. A word starts the text or follows a blank or a bracket (not a field's ':' or a
// sign) and runs to the next blank, bracket or quote.
std::string with_other_spellings(std::string_view text, const std::function<std::string(std::string_view)>& other) {
  auto boundary = [](char c) { return c == ' ' || c == '\t' || c == '(' || c == ')' || c == '"'; };
  std::string out;
  bool quoted = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (boundary(text[i])) {
      if (text[i] == '"') quoted = !quoted;
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !boundary(text[j])) ++j;
    const std::string_view word = text.substr(i, j - i);
    const std::string replaced = quoted ? std::string() : other(word);
    out += replaced.empty() ? std::string(word) : replaced;
    i = j;
  }
  return out;
}

// A word whose "'s" is "is" or "us": "It's", "That's", "Let's".
bool contraction_head(std::string_view w) {
  static constexpr const char* kWords[] = {"it", "he", "she", "that", "what", "let", "there", "here",
                                           "who", "where", "how", "when", "why", "this", "everyone", "nobody"};
  const std::string l = lower(w);
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return l == k; });
}

}  // namespace

std::string_view field_synonym(std::string_view lower_name) {
  // Plurals and the words a user reaches for first; the schema's names are the short forms.
  static constexpr std::pair<std::string_view, std::string_view> kSynonyms[] = {
      {"persons", "person"},      {"people", "person"},        {"orgs", "org"},
      {"organisation", "org"},    {"organisations", "org"},    {"organization", "org"},
      {"organizations", "org"},   {"places", "place"},         {"location", "place"},
      {"locations", "place"},     {"countries", "country"},    {"speakers", "speaker"},
      {"sources", "source"},      {"sections", "section"},     {"authors", "author"},
      {"language", "lang"},       {"languages", "lang"},       {"langs", "lang"},
      {"sites", "site"},          {"titles", "title"},         {"headline", "title"},
      {"tags", "tag"},            {"dates", "date"}};
  for (const auto& [word, name] : kSynonyms)
    if (lower_name == word) return name;
  return {};
}

std::string_view nearest_field(std::string_view name) {
  const auto& kQueryFields = query_fields();
  constexpr std::size_t kShortest = 3;  // "it:" or "re:" in pasted text is no field meant
  if (name.size() < kShortest || is_query_field(name)) return {};
  const std::string typed = lower(name);
  if (const std::string_view synonym = field_synonym(typed); !synonym.empty()) return synonym;
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
    const auto [v, next_is_field] = after_field(text, words, k, false);
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

std::string with_straight_quotes(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kMarks[] = {
      {"\xE2\x80\x9C", '"'},  {"\xE2\x80\x9D", '"'},  {"\xE2\x80\x9E", '"'}, {"\xC2\xAB", '"'},
      {"\xC2\xBB", '"'},       {"\xE2\x80\x98", '\''}, {"\xE2\x80\x99", '\''}, {"\xCA\xBC", '\''}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto mark = std::find_if(std::begin(kMarks), std::end(kMarks),
                                   [&](const auto& m) { return text.substr(i, m.first.size()) == m.first; });
    if (mark == std::end(kMarks)) {
      out.push_back(text[i++]);
      continue;
    }
    out.push_back(mark->second);
    i += mark->first.size();
  }
  return out;
}

std::string with_possessives_widened(std::string text, const std::function<bool(const std::string&)>& possessive_indexed) {
  return with_other_spellings(text, [&](std::string_view w) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::size_t n = 0;
    while (n < w.size() && letter(w[n])) ++n;
    const std::string_view rest = w.substr(n);
    const bool capital = n >= 2 && w[0] >= 'A' && w[0] <= 'Z';
    const bool possessive = capital && rest == "'s";  // a curly one is straight by now (with_straight_quotes)
    if (possessive && !contraction_head(w.substr(0, n))) return "(" + std::string(w.substr(0, n)) + " OR " + std::string(w) + ")";
    // A bare name, an apostrophe inside allowed ("O'Neill"); not an operator.
    if (!possessive_indexed || w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return std::string();
    static constexpr std::string_view kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    if (std::find(std::begin(kOperators), std::end(kOperators), w) != std::end(kOperators)) return std::string();
    for (std::size_t k = n; k < w.size(); ++k)
      if (!letter(w[k]) && !(w[k] == '\'' && k + 1 < w.size() && letter(w[k + 1]) && k > 0)) return std::string();
    if (w.size() >= 2 && (w.substr(w.size() - 2) == "'s")) return std::string();
    if (!possessive_indexed(lower(w) + "'s")) return std::string();
    return "(" + std::string(w) + " OR " + std::string(w) + "'s)";
  });
}

std::string with_hyphens_widened(std::string text) {
  return with_other_spellings(text, [](std::string_view w) {
    const std::string joined = analysis::hyphen_joined(w);
    return joined.empty() ? std::string() : "(" + std::string(w) + " OR " + joined + ")";
  });
}

std::vector<UnknownField> unknown_fields(std::string_view text) {
  std::vector<UnknownField> out;
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
    if (is_query_field(lower(typed))) continue;
    if (std::none_of(out.begin(), out.end(), [&](const UnknownField& u) { return u.typed == typed; }))
      out.push_back({std::string(typed), nearest_field(typed)});
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
    // Nothing but blanks to the end, or the next field right after them: no value.
    const auto [v, next_is_field] = after_field(text, words, k, true);
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
    // A field's plural or synonym ("people" -> "person") is further than a slip.
    const std::size_t limit = allowed_edits(was.size());
    if (!field && osa_distance(was, now, limit) > limit) continue;
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
