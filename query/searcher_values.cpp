// Searcher's reading of filter values: the names of a facet a typed value means (aliases,
// surnames, titles, initials, countries), and the notes that say how it was read.
#include "searcher.hpp"
#include "searcher_impl.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "common/canonical.hpp"
#include "common/countries.hpp"
#include "common/edit_distance.hpp"
#include "common/schema.hpp"
#include "query/entity_names.hpp"
#include "query/spelling.hpp"

namespace newsidx::query {

std::string Searcher::matched_names(const std::string& field, std::vector<std::string> terms) {
  if (terms.size() == 1) return display_name(field, terms.front());
  // Most articles first, so the name meant is near the front: "Tony Blair (150), Cherie Blair
  // (12), ...", and at most kShown of them. Articles only: a speaker's term is on quotations too.
  constexpr std::size_t kShown = 12;
  const Xapian::Query articles(schema::type_term(schema::kTypeArticle));
  Xapian::Enquire enquire(impl_->db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<std::pair<Xapian::doccount, std::string>> by_count;
  for (auto& t : terms) {
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(t), articles));
    by_count.emplace_back(enquire.get_mset(0, 0, impl_->db.get_doccount()).get_matches_estimated(), std::move(t));
  }
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string names;
  for (std::size_t i = 0; i < by_count.size() && i < kShown; ++i)
    names += (names.empty() ? "" : ", ") + display_name(field, by_count[i].second) + " (" +
             std::to_string(by_count[i].first) + ")";
  if (by_count.size() > kShown) names += " and " + std::to_string(by_count.size() - kShown) + " more";
  return names;
}

std::string Searcher::display_name(const std::string& field, const std::string& term) {
  const std::string prefix = schema::prefix(field);
  std::string key = term.substr(prefix.size());
  if (field == "country") {
    const auto* c = countries::by_code(key);
    return c ? c->name : key;
  }
  const schema::FacetDef* facet = schema::find_facet(field);
  if (!facet) return key;
  // The key is folded; the display form lives in the value slot of a document carrying it.
  auto p = impl_->db.postlist_begin(term);
  if (p == impl_->db.postlist_end(term)) return key;
  Xapian::Document d = impl_->db.get_document(*p, Xapian::DOC_ASSUME_VALID);
  for (const auto& v : schema::decode_list(d.get_value(schema::slot(facet->slot))))
    if (canonical::fold_key(v) == key) return v;
  return key;
}

std::vector<std::string> Searcher::names_with_words(const std::string& prefix, const std::vector<std::string>& want) {
  std::vector<std::string> names;
  for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
    if (holds_words(words_of((*t).substr(prefix.size())), want)) names.push_back(*t);
  }
  return names;
}

std::string Searcher::loosened(const std::string& field, const std::string& value, const std::string& label,
                               SearchResult& out) {
  const std::string prefix = schema::prefix(field);
  const auto held = [&](const std::string& name) {
    const std::string t = schema::value_term(field, name);
    return !t.empty() && impl_->db.term_exists(t);
  };
  const auto finds_some = [&](const std::string& name) {
    const std::string t = schema::value_term(field, name);
    return !t.empty() && !names_with_words(prefix, words_of(t.substr(prefix.size()))).empty();
  };
  if ((field != "org" && field != "place") || held(value)) return value;
  // "the bbc": the archive holds "BBC" ("The Hague", held as typed, stays). Not a person's:
  // "An Wang" is no "Wang".
  if (const std::string bare = without_article(value); !bare.empty() && held(bare)) return bare;
  // "new york, ny", "paris, france": a place's name before the comma. Not an organisation's
  // nor a person's ("smith, adam" is no Smith).
  if (const std::string head = before_comma(value);
      field == "place" && !head.empty() && !finds_some(value) && finds_some(head)) {
    add_note(out, label + " read as " + head);
    return head;
  }
  return value;
}

namespace {

// The ISO code of the country `value` names by its name, an alias or an adjective ("britain",
// "uk", "mexican"); none for a bare code ("la" is Los Angeles as a place, not Laos).
std::optional<std::string> country_named(const std::string& value) {
  const countries::Country* c = countries::lookup(value);
  if (!c) return std::nullopt;
  const std::string key = canonical::fold_key(value);
  const auto same = [&](const std::string& n) { return canonical::fold_key(n) == key; };
  if (!same(c->name) && std::none_of(c->aliases.begin(), c->aliases.end(), same) &&
      std::none_of(c->demonyms.begin(), c->demonyms.end(), same))
    return std::nullopt;
  return countries::resolve(value);
}

}  // namespace

std::vector<std::string> Searcher::names_with_initials(const std::string& prefix, const std::string& initials) {
  std::vector<std::string> names;
  for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t)
    if (initials_of((*t).substr(prefix.size())) == initials) names.push_back(*t);
  return names;
}

std::vector<std::string> Searcher::resolve_values(const std::string& field, const std::string& typed,
                                                  SearchResult& out, const std::string& as_typed) {
  return resolve_values(field, typed, out, as_typed, true);
}

std::vector<std::string> Searcher::resolve_values(const std::string& field, const std::string& typed,
                                                  SearchResult& out, const std::string& as_typed,
                                                  bool follow_aliases) {
  const std::string prefix = schema::prefix(field);
  const std::string label = as_typed.empty() ? "--" + field + " " + typed : as_typed;
  const schema::FacetDef* facet = schema::find_facet(field);
  // An alias means its canonical name, the one value the indexer stored for both ("kiev").
  std::string value = typed;
  if (follow_aliases && facet && facet->entity && field != "country") {
    const std::string canon =
        field == "speaker" ? impl_->aliases->speaker(typed) : impl_->aliases->canonical(field, typed);
    // "--org taliban" is the canonical "Taliban" in other letters' case: no alias to name.
    if (canonical::fold_key(canon) != canonical::fold_key(typed)) {
      add_note(out, label + " means " + canon + " (alias)");
      // Files indexed before the alias was in the table (or before speakers took their
      // canonical names) hold the alias itself.
      const std::string as_stored = schema::value_term(field, typed);
      if (!as_stored.empty() && impl_->db.term_exists(as_stored)) {
        // The canonical name's own notes only when it is in the archive too: an archive of
        // older files alone holds the alias, and "no org of that name" would be wrong.
        SearchResult scratch;
        // The canonical name is not looked up as an alias again: two rows naming each other
        // (a user's "Kyiv -> Kiev" beside the built-in "Kiev -> Kyiv") would never end.
        std::vector<std::string> terms = resolve_values(field, canon, scratch, label, false);
        if (!terms.empty())
          for (auto& n : scratch.notes) add_note(out, std::move(n));
        if (std::find(terms.begin(), terms.end(), as_stored) == terms.end()) terms.push_back(as_stored);
        return terms;
      }
    }
    value = canon;
  }
  if (field == "country") {
    // A two-letter code that the archive files under needs no look-up: building the country
    // tables costs more than the rest of a filtered query. (Every current code resolves to
    // itself; a former one, "SU", files under its successor and has no term of its own.)
    if (value.size() == 2 && std::isalpha(static_cast<unsigned char>(value[0])) &&
        std::isalpha(static_cast<unsigned char>(value[1]))) {
      std::string term = schema::filter_term(field, canonical::ascii_lower(value));
      if (impl_->db.term_exists(term)) return {term};
    }
    // Names, aliases, codes and adjectives all mean the ISO code the indexer files under.
    auto code = countries::resolve(value);
    if (!code) return countries_in_part(value, label, out);
    std::string term = schema::filter_term(field, canonical::ascii_lower(*code));
    if (canonical::ascii_lower(value) != canonical::ascii_lower(*code))
      add_note(out, label + " means " + *code + " (" + display_name(field, term) + ")");
    return {term};
  }
  std::string exact = schema::value_term(field, value);
  if (exact.empty()) {
    if (field == "site") add_note(out, label + ": not a site; a site is a host, e.g. bbc.co.uk");
    return {};
  }
  if (!facet) {
    if (!impl_->db.term_exists(exact)) add_note(out, label + ": no " + field + " of that name in the archive");
    return {exact};
  }
  if (facet->entity) {
    value = loosened(field, value, label, out);
    exact = schema::value_term(field, value);
  }
  const std::string key = exact.substr(prefix.size());

  // Names containing every word typed ("blinken" -> "antony blinken"), the way people search
  // for a person by surname. The exact name is one of them; a lone "Blair" an article named
  // without a first name must not hide "Tony Blair".
  const auto want = words_of(key);
  std::vector<std::string> found = names_with_words(prefix, want);
  // The words the "did you mean" below compares: the name without its title once that is read
  // ("mr blar" suggests "Tony Blair" as "blar" does).
  std::vector<std::string> near_words = want;
  if (found.empty() && facet->entity && !want.empty()) {
    // "Mr Blair", "Blair's": the name without its titles (a person's) or possessive.
    const bool titled = field == "person" || field == "speaker";
    const auto bare = name_words(want, titled);
    if (bare != want) {
      found = names_with_words(prefix, bare);
      // "Mr Blair": a title before one word names a surname ("Tony Blair", not "Blair Walsh").
      // "Mrs Blair": Cherie Blair, not Tony.
      if (bare.size() == 1 && bare.size() < want.size())
        found = fitting_title(ending_with(std::move(found), prefix, bare.front()), prefix, want.front());
      near_words = bare;
      if (found.size() == 1) {
        add_note(out, label + " matched " + matched_names(field, found) + " (read without its title or 's)");
        return found;
      }
    }
  }
  // "B.B.C.", "U.N.": an abbreviation typed with dots, as names are not written ("BBC").
  const std::string undotted = without_dots(key);
  if (found.empty() && facet->entity && !undotted.empty()) found = names_with_words(prefix, {undotted});
  // "who", "IAEA": an organisation by its initials ("World Health Organization"), beside any
  // name holding the word itself ("The Man Who Knew Too Much").
  const std::string letters = undotted.empty() ? key : undotted;
  if (field == "org" && want.size() == 1 && may_be_initials(letters))
    for (std::string& t : names_with_initials(prefix, letters))
      if (std::find(found.begin(), found.end(), t) == found.end()) found.push_back(std::move(t));
  if (found.size() == 1 && found.front() == exact) return found;
  // A source, section, author or language typed in full means that one ("--source reuters"
  // is not also "Thomson Reuters"); a part of one finds those containing it, with a note.
  if (!facet->entity && std::find(found.begin(), found.end(), exact) != found.end()) return {exact};
  // "--place britain": the place facet holds no countries; the country too, with any places
  // holding the name ("--place mexico": Mexico and New Mexico). A place of that very name in
  // the archive ("Georgia", the state) is what it means.
  if (field == "place" && !impl_->db.term_exists(exact))
    if (auto code = country_named(value)) return with_country(*code, std::move(found), label, out);
  if (!found.empty()) {
    add_note(out, label + (found.size() > 1 ? " is ambiguous; matched: " : " matched ") + matched_names(field, found));
    return found;
  }

  note_nothing_found(field, typed, value, near_words, label, out);
  return {};
}

void Searcher::note_nothing_found(const std::string& field, const std::string& typed, const std::string& value,
                                  const std::vector<std::string>& near_words, const std::string& label,
                                  SearchResult& out) {
  std::string note = label + ": no " + field + " of that name in the archive";
  // "--org nyc", "--person apple": a name the archive files under another facet.
  for (const schema::FacetDef& other : schema::kLinkedFacets) {
    if (other.name == field || (field == "speaker" && other.name == "person")) continue;
    const std::string name(other.name);
    const std::string term = schema::value_term(name, impl_->aliases->canonical(name, typed));
    if (!term.empty() && impl_->db.term_exists(term)) {
      add_note(out, note + "; it is " + (name == "org" ? "an " : "a ") + name + ": --" + name + " " + typed);
      return;
    }
  }
  // Suggest the closest names in the facet's own vocabulary (Xapian's spelling dictionary holds
  // no prefixed terms). A typed word is compared with each word of a name, several typed words
  // with the whole name.
  const std::string prefix = schema::prefix(field);
  std::string near_key;
  for (const std::string& w : near_words) near_key += (near_key.empty() ? "" : " ") + w;
  const std::size_t limit = std::max<std::size_t>(1, near_key.size() / 4);
  std::vector<std::pair<std::pair<std::size_t, Xapian::doccount>, std::string>> near;
  for (auto t = impl_->db.allterms_begin(prefix); t != impl_->db.allterms_end(prefix); ++t) {
    const std::string name = (*t).substr(prefix.size());
    std::size_t d = osa_distance(near_key, name, limit);
    if (near_words.size() == 1)
      for (const auto& w : words_of(name)) d = std::min(d, osa_distance(near_key, w, limit));
    if (d <= limit) near.push_back({{d, t.get_termfreq()}, *t});
  }
  std::sort(near.begin(), near.end(), [](const auto& a, const auto& b) {
    return a.first.first != b.first.first ? a.first.first < b.first.first : a.first.second > b.first.second;
  });
  ValueSuggestion s{field, value, {}};
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) s.names.push_back(display_name(field, near[i].second));
  if (!s.names.empty()) {
    note += "; did you mean ";
    for (std::size_t i = 0; i < s.names.size(); ++i) note += (i ? " or \"" : "\"") + s.names[i] + "\"";
    note += "?";
    out.value_suggestions.push_back(std::move(s));
  }
  add_note(out, note);
}


std::vector<std::string> Searcher::with_country(const std::string& code, std::vector<std::string> places,
                                                const std::string& label, SearchResult& out) {
  const std::string term = schema::filter_term("country", canonical::ascii_lower(code));
  const std::string country = "--country " + code + " (" + display_name("country", term) + ")";
  if (places.empty())
    add_note(out, label + ": a country; searched as " + country);
  else
    add_note(out, label + ": searched as " + country + " and the places holding the name: " + matched_names("place", places));
  places.push_back(term);
  return places;
}

std::vector<std::string> Searcher::countries_in_part(const std::string& typed, const std::string& label,
                                                     SearchResult& out) {
  // A word of country names ("korea"): every country it names, as a surname finds its persons.
  const auto named = countries::named_in_part(typed);
  if (!named.empty()) {
    std::vector<std::string> terms;
    std::string list;
    for (const countries::Country* c : named) {
      terms.push_back(schema::filter_term("country", canonical::ascii_lower(c->code)));
      list += (list.empty() ? "" : ", ") + c->code + " (" + c->name + ")";
    }
    add_note(out, label + (named.size() > 1 ? " is ambiguous; matched: " : " means ") + list);
    return terms;
  }
  // A part of a country the facet has no code for ("england", "scotland", "texas"): that place
  // alone, not the places holding the word ("New South Wales").
  const std::string place = schema::value_term("place", typed);
  if (!place.empty() && impl_->db.term_exists(place)) {
    add_note(out, label + ": not a country of ISO 3166; searched as the place " + display_name("place", place));
    return {place};
  }
  // A typo ("ukrane"): the nearest country names, as the other facets suggest theirs.
  const std::string key = canonical::fold_key(typed);
  const std::size_t limit = allowed_edits(key.size());
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const countries::Country& c : countries::all())
    if (!c.alpha3.empty())
      if (const std::size_t d = osa_distance(key, canonical::fold_key(c.name), limit); d <= limit)
        near.push_back({d, c.name});
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string note = label + ": not a country name, code or adjective I know";
  ValueSuggestion s{"country", typed, {}};
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) {
    note += (i ? " or \"" : "; did you mean \"") + near[i].second + "\"";
    s.names.push_back(near[i].second);
  }
  if (!s.names.empty()) {
    note += "?";
    out.value_suggestions.push_back(std::move(s));
  }
  add_note(out, note);
  return {};
}

}  // namespace newsidx::query
