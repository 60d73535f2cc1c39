// The cluster step: after a run's articles are written, finds the copies of each article
// written (the posting lists of its band terms, each candidate verified by clusters::is_copy)
// and re-labels the stories they touch, so that every copy of a story carries the story's label
// (schema kCluster value, and kQuoteKey on their quotations) as a full re-clustering would.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/result.hpp"
#include "indexer/storage/archive_writer.hpp"

namespace newsidx::indexer {

struct ClusterOutcome {
  std::size_t joined = 0;   ///< articles written by the run that are copies of an earlier one
  std::size_t stories = 0;  ///< stories with copies among those the step settled
  std::size_t relabelled = 0;  ///< articles whose label was rewritten (changed, or written again)
};

/// Settles clusters in the archive made of `shards` (one database, or the partitions of a
/// partitioned archive, in the order a stub file lists them: combined document ids interleave
/// them as Xapian does). Seeds: the articles with the id terms in `written` plus every article
/// already in a story (a changed or deleted copy may split a story or move its label); with
/// `all`, every article. Writes are left uncommitted. Xapian errors become an Error naming
/// `context`.
Result<ClusterOutcome> settle_clusters(std::vector<Xapian::WritableDatabase>& shards,
                                       const std::vector<std::string>& written, bool all,
                                       const std::string& context);

/// Settles the stories of the articles with the id terms in `written` in `db` before a batch is
/// committed (WriterOptions::before_commit): labels written then go into blocks the commit
/// writes anyway, where re-labelling committed articles copies blocks and grows the database.
/// The run's last step (finish_clusters) still settles what a batch cannot see (a change that
/// splits a story). Throws Xapian::Error: it runs inside the writer's guarded commit.
ClusterOutcome settle_batch(Xapian::WritableDatabase& db, const std::vector<std::string>& written);

/// Marks the archive's clusters unsettled (schema::kClustersStaleKey, committed with the run's
/// first commit) and says whether an earlier run left them so (then every article is settled).
Result<bool> begin_clusters(ArchiveWriter& writer);

/// The cluster step of a run over `writer`'s databases (settle_clusters with every article when
/// `all`), then clears the mark; both commit with the run's last commit. Errors name `db`. A run
/// that wrote and removed nothing (`removed` false, `written` empty, not `all`) settles nothing.
Result<ClusterOutcome> finish_clusters(ArchiveWriter& writer, const std::vector<std::string>& written, bool all,
                                       bool removed, const std::string& db);

}  // namespace newsidx::indexer
