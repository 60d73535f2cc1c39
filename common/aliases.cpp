// The alias table: parsing alias TSV files, the built-in default, and applying it to facets.
#include "aliases.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <fstream>
#include <sstream>

#include "common/canonical.hpp"
#include "common/tsv.hpp"

extern "C" const char newsidx_aliases_tsv_begin[];
extern "C" const char newsidx_aliases_tsv_end[];

namespace newsidx::aliases {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

bool known_facet(std::string_view f) { return f == "person" || f == "org" || f == "place"; }

void apply_list(const Table& t, std::string_view facet, const std::vector<std::string>& in,
                std::vector<std::string>& out) {
  // A set beside the list: an article of tens of thousands of names must not cost the square
  // of their number.
  std::unordered_set<std::string> seen(out.begin(), out.end());
  for (const auto& v : in) {
    std::string c = t.canonical(facet, v);
    if (seen.insert(c).second) out.push_back(std::move(c));
  }
}

}  // namespace

namespace {

// The leading ASCII letters and digits of `text` in lower case, and whether they end the text or
// stop at an ASCII byte (false: at a byte outside ASCII, which fold_key may map to a letter).
std::pair<std::string, bool> leading_run(std::string_view text) {
  std::string run;
  std::size_t i = 0;
  for (; i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])); ++i)
    run += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  return {run, i == text.size() || static_cast<unsigned char>(text[i]) < 0x80};
}

}  // namespace

std::vector<Problem> Table::add_tsv(std::string_view text) {
  std::vector<Problem> problems;
  std::size_t line_no = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (trim(line).empty() || line.front() == '#') continue;
    auto f = tsv::split(line, '\t');
    if (f.size() != 3) {
      problems.push_back({line_no, "expected 3 tab-separated fields (alias, canonical name, facet), found " +
                                       std::to_string(f.size())});
      continue;
    }
    const std::string alias = trim(f[0]), name = trim(f[1]), facet = trim(f[2]);
    if (!known_facet(facet)) {
      problems.push_back({line_no, "facet \"" + facet + "\" is not person, org or place"});
      continue;
    }
    const std::string key = canonical::fold_key(alias);
    if (key.empty() || name.empty()) {
      problems.push_back({line_no, "empty alias or canonical name"});
      continue;
    }
    map_[{facet, key}] = name;
    heads_.insert(leading_run(key).first);
  }
  return problems;
}

std::string Table::canonical(std::string_view facet, std::string_view value) const {
  if (map_.empty()) return std::string(value);
  auto it = map_.find({std::string(facet), canonical::fold_key(value)});
  return it == map_.end() ? std::string(value) : it->second;
}

std::string Table::speaker(std::string_view value) const {
  return has("person", value) || !has("org", value) ? canonical("person", value) : canonical("org", value);
}

std::string_view Table::filed_facet(std::string_view facet, std::string_view value) const {
  if (map_.empty() || has(facet, value)) return facet;
  for (std::string_view other : {std::string_view("person"), std::string_view("org"), std::string_view("place")})
    if (other != facet && has(other, value)) return other;
  return facet;
}

bool Table::may_begin(std::string_view text) const {
  const auto [run, whole] = leading_run(text);
  return !whole || heads_.count(run) > 0;
}

bool Table::has(std::string_view facet, std::string_view value) const {
  return !map_.empty() && map_.count({std::string(facet), canonical::fold_key(value)}) > 0;
}

Facets Table::apply(const Facets& f) const {
  Facets out;
  apply_list(*this, "person", f.person, out.person);
  apply_list(*this, "org", f.org, out.org);
  apply_list(*this, "place", f.place, out.place);
  out.country = f.country;
  std::unordered_set<std::string> seen;
  for (const auto& v : f.speaker)
    if (std::string c = speaker(v); seen.insert(c).second) out.speaker.push_back(std::move(c));
  return out;
}

const Table& builtin() {
  static const Table table = [] {
    Table t;
    t.add_tsv(std::string_view(newsidx_aliases_tsv_begin,
                               static_cast<std::size_t>(newsidx_aliases_tsv_end - newsidx_aliases_tsv_begin)));
    return t;
  }();
  return table;
}

Result<Table> load(const std::string& path, std::vector<std::string>& warnings) {
  Table t = builtin();
  if (path.empty()) return t;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error{ErrorCode::kIo, "cannot read alias file " + path,
                 "check the --aliases path (or the \"aliases\" configuration key)"};
  std::ostringstream ss;
  ss << in.rdbuf();
  for (const auto& p : t.add_tsv(ss.str()))
    warnings.push_back(path + ":" + std::to_string(p.line) + ": skipped: " + p.reason);
  return t;
}

}  // namespace newsidx::aliases
