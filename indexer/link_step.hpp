// The link step: after a run's articles are written (and for `newsidx-index --relink`), links the
// person, organisation and place facets across the whole archive (entities::Linker) and rewrites
// the articles whose stored values change: their facet terms and value slots (the record holds
// none of the linked facets).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/aliases.hpp"
#include "common/result.hpp"
#include "indexer/storage/archive_writer.hpp"

namespace newsidx::indexer {

struct LinkOutcome {
  std::size_t articles = 0;  ///< articles whose own names were read
  std::size_t relinked = 0;  ///< articles rewritten because their stored values changed
};

/// Links the archive made of `shards` (one database, or every partition): reads each article's
/// own names (schema kOwnNames) and year, builds the Linker from all of them, and rewrites the
/// articles whose stored person, org or place values differ from the linked ones. The result
/// depends only on the archive's content. Every few hundred rewrites (in document order) it
/// calls `checkpoint` (the writer's commit; none: left uncommitted), and stops at its error; the
/// last ones are left uncommitted. Xapian errors become an Error naming `context`.
Result<LinkOutcome> link_archive(std::vector<Xapian::WritableDatabase>& shards, const aliases::Table& names,
                                 const std::string& context, const std::function<Status()>& checkpoint = {});

/// Marks the archive's links unsettled (schema::kLinksStaleKey, committed with the run's first
/// commit) and says whether an earlier run left them so: killed or failed before its link step.
Result<bool> begin_links(ArchiveWriter& writer);

/// The link step of a run: link_archive over `writer`'s databases when `needed` (the run
/// changed articles, --relink, or begin_links said an earlier run left them unsettled), then
/// clears the mark, which commits with the run's last commit (the rewrites commit as they go, so
/// a run stopped inside the step leaves the mark for the next one). Errors name `db`.
Result<LinkOutcome> finish_links(ArchiveWriter& writer, const aliases::Table& names, bool needed,
                                 const std::string& db);

}  // namespace newsidx::indexer
