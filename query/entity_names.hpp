// Typed entity names as the facets hold them: the words of a name, a name without the titles
// and possessive a user types around it, and an organisation's initials. Pure functions of
// lower-case keys (schema::value_term's form); the searcher matches them against the archive.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsidx::query {

/// The words of a key, split at white space: "antony blinken" -> {"antony", "blinken"}.
std::vector<std::string> words_of(const std::string& key);

/// The words of a typed name without what names no one in the facets: with `titles`, the titles
/// before it ("mr blair", "president putin", "dr. fauci": a person's), and a possessive at its
/// end ("blair's", "blair\u2019s", "jones'"). A title alone stays ("mr"); the words themselves
/// when none is such.
std::vector<std::string> name_words(std::vector<std::string> words, bool titles = true);

/// True when a one-word key may be an organisation's initials: 3 to 6 letters a-z ("who",
/// "iaea"); two letters would be the initials of hundreds of firms ("ec": Exxon Corp).
bool may_be_initials(std::string_view key);

/// The initials of a lower-case name, its words' first letters without "of", "the", "and", "for",
/// "on", "in", "de", "&" and a firm's designator ("corp", "inc", "plc", "co", "ltd", "ag",
/// "group"...): "world health organization" -> "who", "international business machines corp"
/// -> "ibm". "" when a word does not begin with a letter a-z ("3m company").
std::string initials_of(std::string_view name);

/// True when a word of a key is an initial: one letter a-z, with or without its dot ("t.", "g").
bool is_initial(std::string_view word);

/// True when the words of a name `have` hold every word of `want`, an initial standing for a
/// word that begins with its letter ("t. blair" is held by "tony blair"), when `want` holds a
/// word that is no initial ("t. j." matches no name by initials alone).
bool holds_words(const std::vector<std::string>& have, const std::vector<std::string>& want);

/// The terms of `found` (each `prefix` and a name) whose name's last word is `word`; all of
/// `found` when none is such.
std::vector<std::string> ending_with(std::vector<std::string> found, const std::string& prefix,
                                     const std::string& word);

/// The terms of `found` (each `prefix` and a name) whose name's first word the title `title`
/// (lower case, a dot allowed) does not rule out: after "mr", "sir", "lord" or "baron" no
/// woman's given name ("cherie blair"), after "mrs", "ms", "miss", "lady", "dame" or "baroness" no
/// man's (first_names.hpp); names the table does not hold, or gives both, stay. All of `found`
/// when the title has no sex or none would stay.
std::vector<std::string> fitting_title(std::vector<std::string> found, const std::string& prefix,
                                       std::string_view title);

/// A key of letters and dots alone written without its dots ("b.b.c." -> "bbc", "u.n" ->
/// "un"); "" when the key is not such an abbreviation or has no dot.
std::string without_dots(std::string_view key);

/// A typed name without its leading article: "the bbc" -> "bbc", "The Hague" -> "Hague"; ""
/// when it has none, or is the article alone.
std::string without_article(std::string_view typed);

/// What stands before the first comma of a typed name: "new york, ny" -> "new york", "Paris,
/// France" -> "Paris"; "" when it holds no comma or nothing stands before it.
std::string before_comma(std::string_view typed);

}  // namespace newsidx::query
