// In-article resolution: one canonical name per entity (surnames join full names, acronyms join
// their expansions, the fullest form wins), salient countries, and the facets an article gets.
// Pure functions over mentions; no tables beyond what the caller passes in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/article.hpp"

namespace newsidx::entities {

/// Sets `entity` of every person and organisation mention to its canonical name within the
/// article. Persons: a one-word mention ("Blinken") joins the multi-word name ending in it
/// ("Antony Blinken"; the nearest earlier one when several do), a shorter full name joins a
/// longer one that ends with it. Organisations: an acronym ("NATO") joins the name whose
/// initials it spells, and a name joins a longer one that ends with it ("State Department" ->
/// "U.S. State Department"). Places and countries keep the entity the caller gave. Candidates
/// are found by key, so the work grows linearly with the mentions; `comparisons`, when given,
/// is increased by the number of look-ups and index entries made (for tests of that growth).
void resolve_names(std::vector<Mention>& mentions, std::size_t* comparisons = nullptr);

/// The ISO codes an article is about: the dateline's country always; any other country whose
/// evidence (names, adjectives, places in it; a place counts half) reaches 2, or half the
/// top country's evidence. Sorted by evidence, strongest first.
std::vector<std::string> salient_countries(const std::vector<Mention>& mentions,
                                           const std::optional<DatelineInfo>& dateline);

/// The facets: distinct canonical persons, organisations, places (with the dateline's place),
/// salient countries and named quote speakers, each in order of first appearance (countries by
/// salience).
Facets make_facets(const std::vector<Mention>& mentions, const std::vector<Quote>& quotes,
                   const std::optional<DatelineInfo>& dateline);

/// The words of a name, with a trailing possessive and punctuation removed.
std::vector<std::string> name_words(const std::string& name);

}  // namespace newsidx::entities
