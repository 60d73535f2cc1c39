// Reader for plain-text articles (see text_reader.hpp).
#include "indexer/readers/text_reader.hpp"

#include <utility>

#include "indexer/readers/dateline.hpp"
#include "indexer/readers/dates.hpp"
#include "indexer/readers/encoding.hpp"

namespace newsidx::readers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v'; }

// Skips white space (no-break spaces included) from `pos`.
std::size_t skip_space(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    const std::size_t n = space_length_at(s, pos);
    if (n == 0) break;
    pos += n;
  }
  return pos;
}

}  // namespace

ReadResult read_text_article(std::string_view rel_path, std::string_view display_path,
                             std::string text, std::string_view id_base) {
  ReadResult result;
  // Text saved from web pages keeps HTML's character references (`Beyonc&#233;`, `&#163;8m`);
  // the words are indexed and shown as the page showed them.
  if (text.find('&') != std::string::npos) text = decode_character_references(text);
  const std::string_view view = text;
  const std::size_t title_start = skip_space(view, 0);
  std::size_t title_end = view.find('\n', title_start);
  if (title_end == std::string_view::npos) title_end = view.size();
  std::size_t body_start = skip_space(view, title_end);
  // A line under the headline that holds only a date ("Monday, January 7, 2019") is the date.
  std::size_t line_end = view.find('\n', body_start);
  if (line_end == std::string_view::npos) line_end = view.size();
  std::string line_date = date_line(view.substr(body_start, line_end - body_start));
  if (!line_date.empty()) body_start = skip_space(view, line_end);
  std::size_t body_end = view.size();
  while (body_end > body_start && is_space(view[body_end - 1])) --body_end;
  if (body_start >= body_end) {
    result.warnings.push_back({std::string(display_path), 0, "no body after the headline", true});
    return result;
  }

  Article article;
  article.id = std::string(id_base.empty() ? rel_path : id_base);
  article.path = std::string(display_path);
  article.title = std::string(trim(view.substr(title_start, title_end - title_start)));
  article.body = {body_start, body_end};
  if (const auto dateline = find_dateline(view.substr(0, body_end), body_start)) {
    article.dateline = dateline->text;
    article.dateline_text =
        std::string(view.substr(dateline->text.start, dateline->text.end - dateline->text.start));
    article.body.start = dateline->body_start;
    if (line_date.empty()) line_date = dateline_date(view, *dateline);
  }
  PathMetadata meta = path_metadata(rel_path);
  // The archive's folders name the date first; the date line, else a dateline's year, is the
  // fallback.
  article.date = meta.date.empty() ? std::move(line_date) : std::move(meta.date);
  article.section = std::move(meta.section);
  article.text = std::move(text);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsidx::readers
