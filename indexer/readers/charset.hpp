// Character sets of web pages: which one a page's bytes are in (the WHATWG order: byte-order
// mark, transport header, <meta> prescan, detection, default) and decoding them to UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsidx::readers {

/// Where the character set of a page was found.
enum class CharsetSource { kBom, kTransport, kMeta, kDetected, kDefault };

/// The character set a page is read in: a lower-case label ("utf-8", "windows-1252",
/// "shift_jis", ...) and where it came from.
struct CharsetChoice {
  std::string label;
  CharsetSource source = CharsetSource::kDefault;
  std::string ignored;  ///< a declared label that was not understood, or ""
};

/// The `charset=` parameter of a Content-Type header value, lower case, or "".
std::string charset_from_content_type(std::string_view content_type);

/// The character set that a `<meta charset>` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` in the first 1,024 bytes declares, lower case, or "". Comments
/// are skipped; this is the HTML standard's prescan, not a parse of the page.
std::string prescan_meta_charset(std::string_view bytes);

/// Chooses the character set in the WHATWG order: a byte-order mark, `content_type`'s charset,
/// the <meta> prescan, then (for bytes that are not valid UTF-8) libuchardet's guess, else
/// windows-1252. A label that is not understood is skipped and reported in `ignored`. One
/// departure from browsers: a <meta> declaration of a legacy charset is overruled when the bytes
/// hold non-ASCII characters and are all valid UTF-8 (a page re-saved as UTF-8 that kept its old
/// declaration, as saved archives often do).
CharsetChoice choose_charset(std::string_view bytes, std::string_view content_type);

/// The outcome of decoding.
struct DecodedPage {
  std::string text;               ///< UTF-8, byte-order mark removed
  std::size_t replaced = 0;       ///< bytes that were not valid in the charset (now U+FFFD)
};

/// Decodes `bytes` in `label` to UTF-8. Invalid sequences become U+FFFD and are counted.
/// `label` must be one choose_charset() returned (utf-8, utf-16le/be, windows-1252 and the
/// charsets glibc's iconv knows).
DecodedPage decode_to_utf8(std::string_view bytes, const std::string& label);

/// True when `label` names a charset decode_to_utf8() can decode.
bool is_known_charset(const std::string& label);

}  // namespace newsidx::readers
