// Canonical forms shared by the indexer and the query tool: the user's "--country russia" and
// the indexer's "Russian" must reach the same term.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsidx::canonical {

/// The key a facet value is stored and looked up under: NFC-ish Latin letters with accents
/// removed, lower case, runs of white space and punctuation other than '.', '-', '&' and '\''
/// folded to one space, trimmed. "Zelenskiy", "ZELENSKIY" and "Zelénskiy" give one key.
std::string fold_key(std::string_view text);

/// The base letter of a lower-case Latin letter with a diacritic (U+00E0..U+017F: "é" -> 'e',
/// "č" -> 'c', "ß" -> 's'), or 0 for any other code point. The one accent table of newsidx:
/// facet keys and the words of the text index (common/analysis) both fold with it.
char strip_accent(unsigned ch);

/// Lower-case ASCII copy.
std::string ascii_lower(std::string_view text);

}  // namespace newsidx::canonical
