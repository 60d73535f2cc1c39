// Byte-level text clean-up shared by the readers: UTF-8 checks, Windows-1252 fallback, BOM and
// line-ending normalisation, binary detection and SGML/HTML character references.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsidx::readers {

/// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above
/// U+10FFFF). ASCII is valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// Appends the UTF-8 encoding of `code_point` to `out`. Invalid code points (surrogates, values
/// above U+10FFFF) become U+FFFD so that the output stays valid UTF-8.
void append_utf8(std::string& out, char32_t code_point);

/// Decodes Windows-1252 bytes to UTF-8. Windows-1252 is a superset of the printable part of
/// Latin-1, so Latin-1 text decodes the same way; 0x80-0x9F use the Windows-1252 characters
/// (the five undefined ones map to the C1 code points, as Latin-1 would).
std::string windows1252_to_utf8(std::string_view bytes);

/// The UTF-8 text of UTF-16 bytes that open with a byte-order mark (FF FE little-endian, as
/// Windows Notepad saves "Unicode" text; FE FF big-endian), the mark dropped; nullopt for bytes
/// without one. Unpaired surrogates and a trailing odd byte become U+FFFD.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

/// A file's text after decoding.
struct DecodedText {
  std::string text;          ///< UTF-8, no BOM, "\n" line endings
  bool fell_back = false;    ///< true when the bytes were not UTF-8 and were read as Windows-1252
};

/// Turns a file's bytes into the text readers work on: strips a UTF-8 byte-order mark, reads the
/// bytes as UTF-8 when they are valid UTF-8 and as Windows-1252 otherwise, and turns CRLF and
/// lone CR line endings into LF. Offsets that readers report refer to this decoded text.
DecodedText decode_text(std::string_view bytes);

/// Turns CRLF and lone CR into LF.
std::string normalise_newlines(std::string_view text);

/// True when `bytes` does not look like text: it contains a NUL byte, or more than a tenth of
/// its first 8 KiB are control bytes other than tab, newline, carriage return and form feed.
bool looks_binary(std::string_view bytes);

/// looks_binary's second test alone: more than a tenth of the first 8 KiB are control bytes
/// (NUL included). Line-based formats check for NUL bytes line by line instead.
bool mostly_control_bytes(std::string_view bytes);

/// Decodes SGML/HTML character references: HTML 4's named ones (`&amp; &lt; &quot; &apos;`,
/// Latin-1's `&nbsp; &eacute; &pound;`..., the typography's `&rsquo; &mdash; &euro;`...) and
/// numeric ones `&#38;` / `&#x26;`, those of 128-159 read as Windows-1252 (`&#146;` is ’), as
/// browsers do. References to control characters (other than tab and newline), as Reuters-21578
/// uses for its wire framing (`&#2;`, `&#3;`, `&#22;`), are dropped. Unknown or malformed
/// references are kept as written.
std::string decode_character_references(std::string_view text);

/// True for the ASCII white space bytes and the UTF-8 no-break space (U+00A0) at `text[pos]`;
/// returns the number of bytes it occupies there, 0 when it is not white space.
std::size_t space_length_at(std::string_view text, std::size_t pos);

/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

}  // namespace newsidx::readers
