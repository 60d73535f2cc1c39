// Which "did you mean" corrections to offer. Xapian's spelling table proposes a more frequent
// word for any word it can, even one the archive holds ("zurich" -> "rich", "sao" -> "san"); this
// keeps only the replacements of words the archive does not hold that change the word little.
// Pure: the archive is asked through a callback.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/edit_distance.hpp"

namespace newsidx::query {

/// `typed` with the replacements of Xapian's `corrected` (the same text with some words
/// replaced) that are worth offering: a word is replaced only when `known` (asked with the
/// lower-case word) says the archive does not hold it and the replacement is within
/// allowed_edits of it; a field name before ':' (contry:ua) by the field of nearest_field
/// whatever `known` says. "" when no replacement is left or the two texts do not align word by
/// word.
std::string accepted_correction(std::string_view typed, std::string_view corrected,
                                const std::function<bool(const std::string&)>& known);

/// The field (or facet) a user means by `lower_name`, a plural or a common synonym of its name
/// ("people", "persons" -> "person"; "organisations" -> "org"; "locations" -> "place";
/// "headline" -> "title"); "" for any other word, the names themselves included.
std::string_view field_synonym(std::string_view lower_name);

/// The field of the query language (the schema's table, and date) that `name`, typed before a
/// ':', most likely means: its field_synonym, else the nearest within allowed_edits of its lower
/// case ("contry" -> "country", "persn" -> "person"); "" for a field's own name, a name of fewer
/// than 3 bytes, or one near no field. Needs no archive: a one-article archive gets the same hint
/// as a large one.
std::string_view nearest_field(std::string_view name);

/// `text` with each field typed before a ':' as the parser reads fields: its name in the case the
/// parser knows ("TITLE:blair", "Person:blair") and its value right after the ':' ("person:
/// blair"); the rest untouched.
std::string with_fields_as_meant(std::string text);

/// `text` with typographic quotation marks as the parser's: double ones (U+201C, U+201D, U+201E,
/// guillemets) as '"', single ones and the modifier apostrophe (U+2018, U+2019, U+02BC) as "'".
/// A query pasted from a web page or a word processor ("“tony blair” iraq", "O’Driscoll") then
/// reads as the same query typed on a keyboard: its phrase is checked for balance, and its
/// names widened to their possessives, as the typed one's are.
std::string with_straight_quotes(std::string_view text);

/// `text` with each abbreviation of single letters typed in lower case ("u.s.", "u.k.", "u.s.a")
/// in capitals ("U.S."), as the indexer reads it in news copy: Xapian's parser reads only
/// capitals as an abbreviation and searched "u.s." as the phrase "u s". "e.g.", "i.e.", "a.m."
/// and "p.m." stay: news writes them in lower case.
std::string with_abbreviations_in_capitals(std::string text);

/// `text` (its apostrophes straight: with_straight_quotes) with each capitalised word in the
/// possessive outside quotes ("Blair's")
/// widened to the name or its possessive: "(Blair OR Blair's)". Xapian's parser searches a
/// capitalised word unstemmed, so "Blair's" found only the articles writing "Blair's" (48 of
/// BBC's 166 about Blair). Words after a field's ':' or a sign ('+', '-') stay. With
/// `possessive_indexed`, a capitalised name typed bare ("Blair", "O'Neill") is widened the same
/// way when the archive holds its possessive (the predicate is asked for the term "blair's"), as
/// "Blair" found only the 155 articles that write it bare.
std::string with_possessives_widened(std::string text,
                                     const std::function<bool(const std::string&)>& possessive_indexed = {});

/// `text` with each hyphenated word outside quotes ("e-mail", "co-operation") widened to the
/// word or its parts written together: "(e-mail OR email)". News spells such words both ways
/// (BBC: 49 articles with "e-mail", 10 with "email"). Parts must hold letters; words after a
/// field's ':' or a sign stay.
std::string with_hyphens_widened(std::string text);

/// A word typed as a field that is none, as typed, with the field it is a slip for, if any.
struct UnknownField {
  std::string typed;
  std::string_view nearest;  ///< nearest_field(typed): "title" for "tittle"; empty for "inurl"
  bool operator==(const UnknownField&) const = default;
};

/// The words typed as fields that are none ("inurl:bbc.co.uk", "tittle:kyiv", outside quotes),
/// each once: Xapian searches them as words, which a note should say. The "did you mean" of a
/// near miss is shown only when the corrected query finds more, so the note names the field too.
std::vector<UnknownField> unknown_fields(std::string_view text);

/// A query's text without its fields typed with no value (a trailing "person:"), and those fields.
struct WithoutEmptyFields {
  std::string text;
  std::vector<std::string> fields;  ///< as typed, in the order of the text
};

/// `text` (after with_fields_as_meant) without each field whose ':' only blanks follow to the
/// end ("election person:", "person:  "): Xapian would search the field's name as a word.
WithoutEmptyFields without_empty_fields(std::string text);

/// `corrected` (Xapian's correction of `typed`, or `typed` itself) with each word that is typed
/// before a ':' and names no field replaced by its nearest_field. Unchanged when the texts do
/// not align word by word.
std::string with_field_names(std::string_view typed, std::string corrected);

}  // namespace newsidx::query
