// Making stored text safe and tidy for a terminal, a shell or a spreadsheet: escaping control
// characters, display widths, word wrapping, shell quoting of paths, CSV fields, and the choice
// of colour and width from the environment. Pure: values in, values out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::query {

/// Highlight markers placed around matched words in snippets (searcher) and read by the
/// printers. Bytes 0xFE and 0xFF never occur in UTF-8, and stored records are valid UTF-8 (the
/// indexer writes them with invalid bytes replaced), so no stored text can pass for a marker.
inline constexpr char kHighlightStart = '\xFE';
inline constexpr char kHighlightEnd = '\xFF';

/// `text` with every character a terminal could act on shown as an escape: C0 controls and DEL
/// as `\x1b`, C1 controls (U+0080-U+009F) as `\u009b`, and each byte of invalid UTF-8 as `\xe9`
/// (a terminal in an 8-bit mode would take a lone 0x9B for CSI). Tab, line feed, carriage
/// return, vertical tab and form feed become a space when `spaces` (a one-line layout), else
/// line feed and tab are kept and the others escaped. Highlight markers pass through when
/// `markers`. Everything else, backslashes included, is left as it is.
std::string escape_controls(std::string_view text, bool spaces = true, bool markers = false);

/// The number of terminal columns `text` takes: a code point is one column, East Asian wide
/// and emoji two, combining marks and highlight markers none. Meant for escaped text.
std::size_t display_width(std::string_view text);

/// Breaks `text` into lines at spaces so that the first line takes at most `first` columns and
/// the others at most `rest`; runs of spaces collapse to one. A word is never cut: one longer
/// than its line stands alone on it. Empty text gives no lines.
std::vector<std::string> wrap_words(std::string_view text, std::size_t first, std::size_t rest);

/// `path` as a shell reads it back: unchanged when it is printable UTF-8 without control
/// characters, else in bash's $'...' quoting as GNU ls shows such names (`$'two\nlines.txt'`,
/// `$'caf\xe9.txt'`), so that the printed name is the real one.
std::string shell_quote_path(std::string_view path);

/// One CSV field by RFC 4180: quoted (with quotes doubled) when it holds a comma, a quote, a
/// line break or leading or trailing spaces.
std::string csv_field(std::string_view value);

/// Whether to colour the output: only on a terminal, never with NO_COLOR set (non-empty) or
/// TERM=dumb. The environment values are null when unset.
bool use_color(bool is_terminal, const char* no_color, const char* term);

/// The width to lay text out for: $COLUMNS when it is a number, else the terminal's width when
/// standard output is one (`terminal_columns` > 0), else 80; never under 20.
std::size_t output_width(const char* columns, int terminal_columns);

/// "1 match", "2 matches": `n` and the singular or plural noun.
std::string count_noun(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace newsidx::query
