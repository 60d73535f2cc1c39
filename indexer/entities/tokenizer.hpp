// Tokenizer: splits UTF-8 news text into tokens, sentences and paragraphs with byte offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsidx::entities {

/// What a token is made of; the tagger and the quote finder branch on it.
enum class TokenKind : std::uint8_t {
  kWord,    ///< letters (maybe with digits, inner hyphens, apostrophes, dots): "U.S.", "pro-Western"
  kNumber,  ///< starts with a digit: "1,250.5", "1996-08-22", "3rd"
  kPunct,   ///< punctuation or a symbol: "," "." "“" "—" "$" (a split-off "'s" is a kWord)
};

/// One token: bytes [start, end) of the original text. `text` views that text, unchanged
/// (curly quotes stay curly; use normalized_apostrophes() where a straight form is wanted).
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string_view text;
  TokenKind kind = TokenKind::kWord;
};

/// A sentence: tokens [begin, end) and the bytes they cover. `all_caps` is true when every
/// word of the sentence that has letters is written in capitals (headlines, datelines):
/// capitalisation then says nothing about names.
struct Sentence {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t start = 0;  ///< byte offset of the first token
  std::size_t stop = 0;   ///< byte offset just past the last token
  bool all_caps = false;
};

/// A paragraph: sentences [first_sentence, end_sentence), tokens [begin, end), and bytes.
struct Paragraph {
  std::size_t first_sentence = 0;
  std::size_t end_sentence = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t start = 0;
  std::size_t stop = 0;
};

/// The tokens, sentences and paragraphs of one text. Views into `text`, which the caller keeps
/// alive. Every token lies in exactly one sentence and every sentence in exactly one paragraph.
struct TokenizedText {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

/// Splits `text` (UTF-8; invalid bytes are treated as letters) into tokens, sentences and
/// paragraphs. Paragraphs: if the text has a blank line anywhere, blank lines separate
/// paragraphs and single line breaks are soft wraps; otherwise every line break starts a new
/// paragraph. Sentences end at . ! ? (after closing quotes/brackets) before a capital, digit or
/// quote, and at paragraph ends; abbreviations ("Mr.", "Gen.", "Jan.", initials) do not end a
/// sentence, and "U.S."/"Inc." end one only before a typical sentence opener ("The", "He"...).
/// Splits off possessive "'s"/"’s" and the clitics n't 're 've 'll 'd 'm as their own tokens.
TokenizedText tokenize(std::string_view text);

/// True if the token (e.g. "Mr.", "Gen.", "Jan.", "U.S.", "F.") is an abbreviation that keeps
/// its final period; case-insensitive for the listed words, any single letter counts.
bool is_abbreviation(std::string_view token);

/// Copy of `s` with ’ and ‘ turned into ' and “ ” into ", so that "’s" and "'s" compare equal.
std::string normalized_apostrophes(std::string_view s);

}  // namespace newsidx::entities
