// Reading the data record stored with each document (schema.hpp) for the hits of a page.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace newsidx::query {

/// The record as JSON, the same value nlohmann::json::parse would give; an object that is not
/// valid JSON comes back as an empty object. The "body" string, most of an article's record,
/// is unescaped by a plain loop instead of the general JSON lexer, which cost several times
/// more per byte and made reading ten records dearer than the match itself.
nlohmann::json parse_record(const std::string& data);

/// The absolute path of the file a record's article came from, byte for byte: the "path_hex"
/// member (the name's bytes in hex, stored when the name is not valid UTF-8) decoded, else
/// "path"; "" when the record has neither.
std::string stored_path(const nlohmann::json& record);

}  // namespace newsidx::query
