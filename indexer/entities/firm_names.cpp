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
// unless one of them is a country or nationality or reaches outside `span`. True when done.
bool replace_with_org(std::string_view text, std::vector<Mention>& mentions, Span span, const std::string& entity) {
  for (const Mention& m : mentions) {
    const bool overlap = m.span.start < span.end && span.start < m.span.end;
    if (overlap && (is_country_like(m) || m.span.start < span.start || m.span.end > span.end)) return false;
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [&](const Mention& m) { return m.span.start < span.end && span.start < m.span.end; }),
                 mentions.end());
  Mention org;
  org.type = MentionType::kOrg;
  org.span = span;
  org.text = std::string(text.substr(span.start, span.end - span.start));
  org.entity = entity.empty() ? normalise_space(org.text) : entity;
  auto at = std::lower_bound(mentions.begin(), mentions.end(), span.start,
                             [](const Mention& m, std::size_t pos) { return m.span.start < pos; });
  mentions.insert(at, std::move(org));
  return true;
}

// "X and Y Corp", "X, Y and Z Securities Corp": the span from X to the end of `m`, or none.
// `alone` remembers stands_alone's answer per word: it reads the whole text, and a text of
// thousands of firm names asked it once per mention.
std::optional<Span> joined_span(std::string_view text, const std::vector<Mention>& mentions, const Mention& m,
                                std::unordered_map<std::string, bool>& alone) {
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
  auto known = alone.find(std::string(w[0]));
  if (known == alone.end()) known = alone.emplace(std::string(w[0]), stands_alone(text, w[0])).first;
  if (known->second) return std::nullopt;
  std::size_t conj = conjunction_before(text, m.span.start);
  if (conj == std::string_view::npos) return std::nullopt;
  std::size_t start = capitalised_word_before(text, conj);
  if (start == std::string_view::npos) return std::nullopt;
  // "Donaldson, Lufkin and": up to two more names before, each after a comma.
  for (int k = 0; k < 2; ++k) {
    std::size_t e = start;
    while (e > 0 && is_space(text[e - 1])) --e;
    if (e == 0 || text[e - 1] != ',') break;
    const std::size_t b = capitalised_word_before(text, e - 1);
    if (b == std::string_view::npos) break;
    start = b;
  }
  // The names before the conjunction are no organisations of their own ("Texaco and Pennzoil
  // Co" are two firms), and no country.
  for (const Mention& o : mentions)
    if (o.span.start < m.span.start && o.span.end > start &&
        (is_country_like(o) || (o.type == MentionType::kOrg && !only_before_conjunction(text, o.text)) ||
         (possessive && o.type != MentionType::kOrg)))  // "Reagan and Baker's" are two persons
      return std::nullopt;
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

// Every other place the text writes `core` (white space as it comes) becomes the organisation
// `entity`.
void name_elsewhere(std::string_view text, std::vector<Mention>& mentions, const std::string& core,
                    const std::string& entity) {
  std::string norm;
  std::vector<std::size_t> pos;  // norm index -> text index
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i]) && (norm.empty() || norm.back() == ' ')) continue;
    norm.push_back(is_space(text[i]) ? ' ' : text[i]);
    pos.push_back(i);
  }
  for (std::size_t at = norm.find(core); at != std::string::npos; at = norm.find(core, at + 1)) {
    const std::size_t end = at + core.size();
    if ((at > 0 && word_char(norm[at - 1])) || (end < norm.size() && std::isalnum(static_cast<unsigned char>(norm[end]))))
      continue;
    const Span span{pos[at], pos[end - 1] + 1};
    if (std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
          return m.type == MentionType::kOrg && m.entity == entity && m.span.start <= span.start && m.span.end >= span.end;
        }))
      continue;
    // Widen over the mentions it cuts ("Poor's Corp" after "Standard and").
    Span wide = span;
    for (const Mention& m : mentions)
      if (m.span.start < wide.end && wide.start < m.span.end && !is_country_like(m))
        wide = {std::min(wide.start, m.span.start), std::max(wide.end, m.span.end)};
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

void join_firm_names(std::string_view text, std::vector<Mention>& mentions) {
  std::vector<std::string> joined;  // entities of the joins made
  std::unordered_map<std::string, bool> alone;
  for (std::size_t k = 0; k < mentions.size();) {
    const auto span = joined_span(text, mentions, mentions[k], alone);
    if (span && replace_with_org(text, mentions, *span, "")) {
      joined.push_back(normalise_space(text.substr(span->start, span->end - span->start)));
      // The list changed from the join on: go on from the new organisation. The mentions before
      // it end before the join and look only at text and mentions before themselves, so their
      // answers stand (starting over cost a text of thousands of firms the cube of their number).
      k = static_cast<std::size_t>(
          std::find_if(mentions.begin(), mentions.end(), [&](const Mention& x) { return x.span.start == span->start && x.span.end == span->end; }) -
          mentions.begin());
    } else {
      ++k;
    }
  }
  // Reuters writes the name of a company in angle brackets: "<Wagner and Brown>".
  for (std::size_t open = text.find('<'); open != std::string_view::npos; open = text.find('<', open + 1)) {
    const std::size_t close = text.find_first_of("<>", open + 1);
    if (close == std::string_view::npos || text[close] != '>' || close - open > 100 || close - open < 4) continue;
    const Span inner{open + 1, close};
    const std::string name = normalise_space(text.substr(inner.start, inner.end - inner.start));
    if (name.empty() || !is_upper(name.front()) || core_of(name).empty()) continue;
    if (std::none_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
          // A mention may hold the bracket itself ("<Wagner"): the tokenizer keeps it on the word.
          return m.span.start + 1 >= inner.start && m.span.end <= inner.end + 1 && m.text != name;
        }))
      continue;
    Span wide = inner;  // over the brackets a mention holds
    for (const Mention& m : mentions)
      if (m.span.start < inner.end && inner.start < m.span.end)
        wide = {std::min(wide.start, std::max(m.span.start, open)), std::max(wide.end, std::min(m.span.end, close + 1))};
    if (replace_with_org(text, mentions, wide, name)) joined.push_back(name);
  }
  std::sort(joined.begin(), joined.end());
  joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
  for (const std::string& entity : joined)
    if (const std::string core = core_of(entity); !core.empty()) name_elsewhere(text, mentions, core, entity);
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
