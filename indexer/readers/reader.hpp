// Readers: bytes of one archive file in, Articles out. Pure functions: no file access, no
// logging; problems come back as ReadWarnings naming the file, line and reason.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"

namespace newsidx::readers {

/// The input formats newsidx understands, chosen by file name.
enum class Format { kText, kJsonLines, kSgml, kHtml, kUnsupported };

/// `*.txt` -> kText, `*.jsonl`/`*.ndjson` -> kJsonLines, `*.sgm`/`*.sgml` -> kSgml,
/// `*.html`/`*.htm`/`*.xhtml` -> kHtml.
/// Extensions match in lower case only, so an archive's README.TXT is not taken for an article.
Format format_for(std::string_view path);

/// A problem with part of a file. `line` is 1-based, 0 when it concerns the whole file.
/// `skipped` is true when an article (or the whole file) was left out because of it; false for
/// a notice that did not stop the article being indexed (e.g. a Latin-1 fallback).
struct ReadWarning {
  std::string path;
  std::size_t line = 0;
  std::string reason;
  bool skipped = true;
  /// True when the input holds no article (an index page, a gallery, a login wall): counted as
  /// "not an article", apart from bad input; `skipped` is then false.
  bool not_article = false;
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<ReadWarning> warnings;
};

struct ReaderOptions {
  /// Articles whose text is larger than this are skipped with a warning.
  std::size_t max_article_bytes = 4 * 1024 * 1024;
};

/// Reads every article in one file.
///  - `rel_path`: the path relative to the archive root (used for ids, dates and sections)
///  - `display_path`: the path shown in warnings and stored in results
///  - `bytes`: the file's contents
ReadResult read_file(std::string_view rel_path, std::string_view display_path,
                     std::string_view bytes, const ReaderOptions& options = {});

}  // namespace newsidx::readers
