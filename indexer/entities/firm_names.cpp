// Firm names joined from the pieces the tagger splits them into, and a firm's short forms.
#include "firm_names.hpp"

#include <algorithm>
#include <unordered_map>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "indexer/entities/facet_values.hpp"

namespace newsidx::entities {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '\'' || c == '-';
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t b = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// The start of the capitalised word ending at `end` (white space before `end` skipped), or npos.
std::size_t capitalised_word_before(std::string_view text, std::size_t end) {
  while (end > 0 && is_space(text[end - 1])) --end;
  std::size_t b = end;
  while (b > 0 && word_char(text[b - 1])) --b;
  return b < end && is_upper(text[b]) ? b : std::string_view::npos;
}

// The start of a conjunction ("and", "&", SGML's "&amp;") ending at `end`, or npos.
std::size_t conjunction_before(std::string_view text, std::size_t end) {
  while (end > 0 && is_space(text[end - 1])) --end;
  for (std::string_view c : {std::string_view("and"), std::string_view("&amp;"), std::string_view("&")})
    if (end >= c.size() && text.substr(end - c.size(), c.size()) == c &&
        (end == c.size() || is_space(text[end - c.size() - 1])))
      return end - c.size();
  return std::string_view::npos;
}

bool is_country_like(const Mention& m) {
  return m.type == MentionType::kCountry || m.type == MentionType::kNationality;
}

// The mentions (sorted by start) of an article, and the length of its longest one: a mention
// that starts more than that before a position ends before it, so the mentions near a span are
// found by a binary search instead of a scan of all of them (a text of thousands of firms made
// each join cost the number of mentions: issue 21's hostile texts).
struct Sorted {
  std::vector<Mention>& list;
  std::size_t longest = 0;

  // Index of the first mention starting at or after `pos`.
  std::size_t first_from(std::size_t pos) const {
    return static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), pos, [](const Mention& m, std::size_t p) {
                                      return m.span.start < p;
                                    }) - list.begin());
  }
  // Index of the first mention that may reach `pos` or beyond (starts at most `longest` before it).
  std::size_t first_reaching(std::size_t pos) const { return first_from(pos > longest ? pos - longest : 0); }
  void grew(const Span& s) { longest = std::max(longest, s.end - s.start); }
};

// True when `word` stands in `text` somewhere not right after a conjunction: a firm of its own.
bool stands_alone(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool bounded = (at == 0 || !word_char(text[at - 1])) &&
                         (at + word.size() >= text.size() || !std::isalnum(static_cast<unsigned char>(text[at + word.size()])));
    if (bounded && conjunction_before(text, at) == std::string_view::npos) return true;
  }
  return false;
}

// True when `word` is one word and every place `text` writes it, a conjunction follows: the
// tagger's "Standard" of "Standard and Poor's", never a firm named on its own.
bool only_before_conjunction(std::string_view text, std::string_view word) {
  if (word.empty() || word.find(' ') != std::string_view::npos) return false;
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at > 0 && word_char(text[at - 1])) || (end < text.size() && word_char(text[end]))) continue;
    std::size_t i = end;
    while (i < text.size() && is_space(text[i])) ++i;
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, 4) != "and " && rest.substr(0, 4) != "and\n" && rest.substr(0, 1) != "&") return false;
  }
  return true;
}

// Replaces the mentions inside `span` by one organisation mention named as the text writes it,
// unless one of them is a country or nationality or reaches outside `span`. The index of the new
// mention when done.
std::optional<std::size_t> replace_with_org(std::string_view text, Sorted& mentions, Span span, const std::string& entity) {
  auto& list = mentions.list;
  const auto lo = list.begin() + static_cast<std::ptrdiff_t>(mentions.first_reaching(span.start));
  const auto hi = list.begin() + static_cast<std::ptrdiff_t>(mentions.first_from(span.end));
  const auto overlaps = [&](const Mention& m) { return m.span.start < span.end && span.start < m.span.end; };
  for (auto it = lo; it != hi; ++it)
    if (overlaps(*it) && (is_country_like(*it) || it->span.start < span.start || it->span.end > span.end)) return std::nullopt;
  const auto kept_end = std::remove_if(lo, hi, overlaps);
  Mention org;
  org.type = MentionType::kOrg;
  org.span = span;
  org.text = std::string(text.substr(span.start, span.end - span.start));
  org.entity = entity.empty() ? normalise_space(org.text) : entity;
  // After the kept mentions that start before it (all of them, unless one is empty): written
  // over the first removed one when it goes there, which saves moving the list's tail twice.
  const auto pos = std::lower_bound(lo, kept_end, span.start, [](const Mention& m, std::size_t p) { return m.span.start < p; });
  const auto at = static_cast<std::size_t>(pos - list.begin());
  if (pos == kept_end && kept_end != hi) {
    *kept_end = std::move(org);
    list.erase(kept_end + 1, hi);
  } else {
    list.erase(kept_end, hi);
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), std::move(org));
  }
  mentions.grew(span);
  return at;
}

// What joined_span asks of the whole text, remembered per word: a text of thousands of firm
// names asked it once per mention.
struct Memo {
  std::unordered_map<std::string, bool> alone;       // stands_alone
  std::unordered_map<std::string, bool> only_before;  // only_before_conjunction
  template <typename Fn>
  static bool ask(std::unordered_map<std::string, bool>& memo, std::string_view word, Fn&& fn) {
    auto it = memo.find(std::string(word));
    if (it == memo.end()) it = memo.emplace(std::string(word), fn()).first;
    return it->second;
  }
};

// "X and Y Corp", "X, Y and Z Securities Corp": the span from X to the end of mention `k`, or none.
std::optional<Span> joined_span(std::string_view text, const Sorted& mentions, std::size_t k, Memo& memo) {
  const Mention& m = mentions.list[k];
  if (m.type != MentionType::kOrg) return std::nullopt;
  const auto w = words_of(m.text);
  // "Poor's" after "Standard and": a possessive ends a firm's name as a designator does.
  std::size_t end = m.span.end;
  if (w.size() == 1 && text.substr(end, 2) == "'s") end += 2;
  const bool possessive = w.size() == 1 && w[0].size() > 2 && (end > m.span.end || w[0].substr(w[0].size() - 2) == "'s");
  if (w.empty() || !is_upper(w[0].front()) ||
      (!possessive && (w.size() < 2 || !std::all_of(w.begin() + 1, w.end(), [](std::string_view x) {
                         return is_corporate_designator(x);
                       }))))
    return std::nullopt;
  if (Memo::ask(memo.alone, w[0], [&] { return stands_alone(text, w[0]); })) return std::nullopt;
  std::size_t conj = conjunction_before(text, m.span.start);
  if (conj == std::string_view::npos) return std::nullopt;
  std::size_t start = capitalised_word_before(text, conj);
  if (start == std::string_view::npos) return std::nullopt;
  // "Donaldson, Lufkin and": up to two more names before, each after a comma.
  for (int c = 0; c < 2; ++c) {
    std::size_t e = start;
    while (e > 0 && is_space(text[e - 1])) --e;
    if (e == 0 || text[e - 1] != ',') break;
    const std::size_t b = capitalised_word_before(text, e - 1);
    if (b == std::string_view::npos) break;
    start = b;
  }
  // The names before the conjunction are no organisations of their own ("Texaco and Pennzoil
  // Co" are two firms), and no country. Those before `k` that reach past `start`, from the
  // nearest back to the first that cannot.
  for (std::size_t j = k; j-- > 0;) {
    const Mention& o = mentions.list[j];
    if (o.span.start + mentions.longest <= start) break;
    if (o.span.start < m.span.start && o.span.end > start &&
        (is_country_like(o) ||
         (o.type == MentionType::kOrg &&
          !Memo::ask(memo.only_before, o.text, [&] { return only_before_conjunction(text, o.text); })) ||
         (possessive && o.type != MentionType::kOrg)))  // "Reagan and Baker's" are two persons
      return std::nullopt;
  }
  return Span{start, end};
}

// The joined name without its trailing designators: "Standard and Poor's Corp" -> "Standard
// and Poor's". Empty when it holds no conjunction or comma (nothing joined to look for).
std::string core_of(const std::string& entity) {
  auto w = words_of(entity);
  while (w.size() > 1 && is_corporate_designator(w.back())) w.pop_back();
  while (w.size() > 1 && (w.back() == "and" || w.back() == "&")) w.pop_back();
  std::string out;
  for (auto x : w) out += (out.empty() ? "" : " ") + std::string(x);
  const bool joined = out.find(" and ") != std::string::npos || out.find(" & ") != std::string::npos ||
                      out.find(", ") != std::string::npos;
  return joined && w.size() >= 3 ? out : std::string();
}

// The text with each run of white space as one space, where each of its bytes comes from, and
// where each capitalised word starts (after no word byte), by the word: the joined names are
// looked up there, where searching the whole text for each cost a text of thousands of firms
// the square of its size.
class Normalised {
 public:
  explicit Normalised(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (is_space(text[i]) && (norm_.empty() || norm_.back() == ' ')) continue;
      norm_.push_back(is_space(text[i]) ? ' ' : text[i]);
      pos_.push_back(i);
    }
    const std::string_view n(norm_);
    for (std::size_t p = 0; p < n.size(); ++p)
      if (is_upper(n[p]) && (p == 0 || !word_char(n[p - 1]))) starts_[n.substr(p, n.find(' ', p) - p)].push_back(p);
  }
  Normalised(const Normalised&) = delete;
  Normalised& operator=(const Normalised&) = delete;

  // The spans of the text where `core` (capitalised, of several words) stands as written.
  std::vector<Span> find(const std::string& core) const {
    std::vector<Span> out;
    const auto it = starts_.find(std::string_view(core).substr(0, core.find(' ')));
    if (it == starts_.end()) return out;
    for (std::size_t at : it->second) {
      const std::size_t end = at + core.size();
      if (norm_.compare(at, core.size(), core) != 0) continue;
      if (end < norm_.size() && std::isalnum(static_cast<unsigned char>(norm_[end]))) continue;
      out.push_back(Span{pos_[at], pos_[end - 1] + 1});
    }
    return out;
  }

 private:
  std::string norm_;
  std::vector<std::size_t> pos_;  // norm index -> text index
  std::unordered_map<std::string_view, std::vector<std::size_t>> starts_;
};

// Every other place the text writes `core` (white space as it comes) becomes the organisation
// `entity`.
void name_elsewhere(std::string_view text, const Normalised& norm, Sorted& mentions, const std::string& core,
                    const std::string& entity) {
  auto& list = mentions.list;
  for (const Span& span : norm.find(core)) {
    bool named = false;  // a mention of `entity` already covers it
    for (std::size_t j = mentions.first_reaching(span.end); j < list.size() && list[j].span.start <= span.start; ++j) {
      const Mention& m = list[j];
      named = named || (m.type == MentionType::kOrg && m.entity == entity && m.span.end >= span.end);
    }
    if (named) continue;
    // Widen over the mentions it cuts ("Poor's Corp" after "Standard and").
    Span wide = span;
    for (std::size_t j = mentions.first_reaching(span.start); j < list.size() && list[j].span.start < wide.end; ++j) {
      const Mention& m = list[j];
      if (wide.start < m.span.end && !is_country_like(m))
        wide = {std::min(wide.start, m.span.start), std::max(wide.end, m.span.end)};
    }
    replace_with_org(text, mentions, wide, entity);
  }
}

}  // namespace

bool is_corporate_designator(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kWords{
      "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Company", "Ltd", "Ltd.",
      "Limited", "LLC", "LP", "plc", "PLC", "AG", "NV", "N.V.", "Securities", "Group", "Holdings", "Partners", "Cos"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

void join_firm_names(std::string_view text, std::vector<Mention>& list) {
  Sorted mentions{list};
  for (const Mention& m : list) mentions.grew(m.span);
  std::vector<std::string> joined;  // entities of the joins made
  Memo memo;
  for (std::size_t k = 0; k < list.size();) {
    const auto span = joined_span(text, mentions, k, memo);
    const auto org = span ? replace_with_org(text, mentions, *span, "") : std::nullopt;
    if (!org) {
      ++k;
      continue;
    }
    joined.push_back(normalise_space(text.substr(span->start, span->end - span->start)));
    // The list changed from the join on: go on from the new organisation. The mentions before
    // it end before the join and look only at text and mentions before themselves, so their
    // answers stand (starting over cost a text of thousands of firms the cube of their number).
    k = *org;
  }
  // Reuters writes the name of a company in angle brackets: "<Wagner and Brown>".
  for (std::size_t open = text.find('<'); open != std::string_view::npos; open = text.find('<', open + 1)) {
    const std::size_t close = text.find_first_of("<>", open + 1);
    if (close == std::string_view::npos || text[close] != '>' || close - open > 100 || close - open < 4) continue;
    const Span inner{open + 1, close};
    const std::string name = normalise_space(text.substr(inner.start, inner.end - inner.start));
    if (name.empty() || !is_upper(name.front()) || core_of(name).empty()) continue;
    // A mention inside the brackets other than the name itself; it may hold the bracket
    // ("<Wagner"): the tokenizer keeps it on the word.
    bool piece = false;
    for (std::size_t j = mentions.first_from(inner.start - 1); j < list.size() && list[j].span.start <= inner.end + 1; ++j)
      piece = piece || (list[j].span.end <= inner.end + 1 && list[j].text != name);
    if (!piece) continue;
    Span wide = inner;  // over the brackets a mention holds
    for (std::size_t j = mentions.first_reaching(inner.start); j < list.size() && list[j].span.start < inner.end; ++j)
      if (inner.start < list[j].span.end)
        wide = {std::min(wide.start, std::max(list[j].span.start, open)), std::max(wide.end, std::min(list[j].span.end, close + 1))};
    if (replace_with_org(text, mentions, wide, name)) joined.push_back(name);
  }
  std::sort(joined.begin(), joined.end());
  joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
  if (joined.empty()) return;
  const Normalised norm(text);
  for (const std::string& entity : joined)
    if (const std::string core = core_of(entity); !core.empty()) name_elsewhere(text, norm, mentions, core, entity);
}

void firm_short_forms(std::vector<Mention>& mentions) {
  std::vector<std::string> orgs, surnames;
  for (const Mention& m : mentions) {
    const auto w = words_of(m.entity);
    if (w.size() < 2) continue;
    if (m.type == MentionType::kOrg) orgs.push_back(m.entity);
    if (m.type == MentionType::kPerson) surnames.emplace_back(w.back());
  }
  if (orgs.empty()) return;
  std::sort(orgs.begin(), orgs.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  for (Mention& m : mentions) {
    if (m.type != MentionType::kPerson && m.type != MentionType::kOrg) continue;
    std::string word = m.entity;
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) word.resize(word.size() - 2);
    if (word.empty() || word.find(' ') != std::string::npos) continue;
    if (std::find(surnames.begin(), surnames.end(), word) != surnames.end()) continue;
    const std::string head = word + " ";
    const std::string* first = nullptr;
    bool one = true, firm = false;
    for (const std::string& o : orgs) {
      if (o.compare(0, head.size(), head) != 0) continue;
      if (!first) first = &o;
      else if (o.compare(0, first->size() + 1, *first + " ") != 0) one = false;
      firm = firm || is_corporate_designator(words_of(o).back()) || !core_of(o).empty();
    }
    if (!first || !one) continue;
    // An organisation's own one-word name joins only a firm's name ("Merrill" -> "Merrill
    // Lynch and Co Inc", "Standard" -> "Standard and Poor's"): "NATO" is no short form of
    // "NATO Allies".
    if (m.type == MentionType::kOrg && !firm) continue;
    m.type = MentionType::kOrg;
    m.entity = *first;
  }
}

}  // namespace newsidx::entities
