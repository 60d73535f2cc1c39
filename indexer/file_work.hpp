// One file's work in a run: whether it changed since its recorded state, then read it, analyse
// and build its articles (or, for --extract-only, their JSON lines). No database is touched here:
// the built articles go to the caller's `emit`, the writer's side of the pipeline.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/aliases.hpp"
#include "indexer/options.hpp"
#include "indexer/pipeline.hpp"
#include "indexer/walker.hpp"

namespace newsidx::indexer {

/// A file whose size and mtime match its recorded state is taken as unchanged unread.
bool same_stat(const FileState& old, const InputFile& f);

/// A file read again whose content hash matches its recorded state is unchanged too.
bool same_content(const FileState& old, const std::string& hash);

/// Why `f` must not be read whole, or "" when it may be (checked before reading).
std::string too_large(const InputFile& f, const IndexOptions& o);

/// Reads, analyses and builds `f` against its recorded state `old` (none: a new file); its
/// built articles go to `emit` in order, in chunks of about 256 KB of article text. Once `stop`
/// is non-zero (a signal) no further article is analysed.
FileOutcome process_file(const InputFile& f, const std::optional<FileState>& old, const IndexOptions& o,
                         const aliases::Table& names, const std::atomic<int>& stop,
                         const std::function<void(std::vector<BuiltArticle>)>& emit);

}  // namespace newsidx::indexer
