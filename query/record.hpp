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

}  // namespace newsidx::query
