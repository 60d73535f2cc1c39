// Reading the data record stored with each document (schema.hpp) for the hits of a page.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace newsidx::query {

/// The record as JSON, the same value nlohmann::json::parse would give; an object that is not
/// valid JSON comes back as an empty object. The "body" string, most of an article's record,
/// is unescaped by a plain loop instead of the general JSON lexer, which cost several times
/// more per byte and made reading ten records dearer than the match itself.
nlohmann::json parse_record(const std::string& data);

/// An article's record with the facets the link step rewrites (schema::kLinkedFacets: person,
/// org, place) put in from their value slots, `value_of(slot)` giving a slot's bytes: the record
/// does not hold them (schema 8). A record without "facets" (a quotation's) is left as it is.
void add_linked_facets(nlohmann::json& record, const std::function<std::string(unsigned)>& value_of);

/// The absolute path of the file a record's article came from, byte for byte: the "path_hex"
/// member (the name's bytes in hex, stored when the name is not valid UTF-8) decoded, else
/// "path"; "" when the record has neither.
std::string stored_path(const nlohmann::json& record);

}  // namespace newsidx::query
