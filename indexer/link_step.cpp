// The link step: archive statistics from the own-names value stream, then rewrites of the
// articles whose linked values changed.
#include "link_step.hpp"

#include <array>
#include <functional>
#include <string_view>

#include "common/schema.hpp"
#include "common/xapian_db.hpp"
#include "indexer/entities/linking.hpp"

namespace newsidx::indexer {

namespace {

using entities::ArticleNames;

// Rewrites committed a slice at a time, in document order. Xapian writes a rewritten document's
// value streams and term list into new blocks and frees the old ones only at a commit; one commit
// for the whole step wrote those parts of the file twice over (BENCHMARKS.md, copies, third round).
constexpr std::size_t kCommitEvery = 250;

std::vector<std::string>& values_of(ArticleNames& a, std::string_view facet) {
  return facet == "person" ? a.person : facet == "org" ? a.org : a.place;
}

// The value of `slot` for `did`, reading a value stream forwards (documents come in docid order).
std::string value_at(Xapian::Database& db, Xapian::ValueIterator& it, Xapian::valueno slot, Xapian::docid did) {
  if (it == db.valuestream_end(slot)) return "";
  if (it.get_docid() < did) it.skip_to(did);
  return it != db.valuestream_end(slot) && it.get_docid() == did ? *it : std::string();
}

// Calls fn(docid, own names with their year) for every article of `db` carrying own names.
template <typename Fn>
void for_each_article(Xapian::Database& db, Fn&& fn) {
  const auto own = schema::slot(schema::Slot::kOwnNames), date = schema::slot(schema::Slot::kDate);
  Xapian::ValueIterator dates = db.valuestream_begin(date);
  for (auto it = db.valuestream_begin(own); it != db.valuestream_end(own); ++it) {
    ArticleNames a = entities::decode_own_names(*it);
    a.period = value_at(db, dates, date, it.get_docid()).substr(0, 4);
    fn(it.get_docid(), a);
  }
}

// Replaces the facet terms and slots of `doc` by `linked`'s. The record is left alone (it holds
// no linked facet), so Xapian writes no record again: rewriting them doubled the records' part of
// a new archive's file (BENCHMARKS.md, copies, third round).
void rewrite(Xapian::Document& doc, ArticleNames& linked) {
  for (const auto& f : schema::kLinkedFacets) {
    const std::string_view facet = f.name;
    const std::string prefix = schema::prefix(facet);
    std::vector<std::string> old;
    auto t = doc.termlist_begin();
    for (t.skip_to(prefix); t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t)
      old.push_back(*t);
    for (const auto& term : old) doc.remove_term(term);
    const auto& values = values_of(linked, facet);
    for (const auto& v : values)
      if (auto term = schema::value_term(facet, v); !term.empty()) doc.add_boolean_term(term);
    // An empty value removes the slot (remove_value throws for an absent one).
    doc.add_value(schema::slot(f.slot), values.empty() ? std::string() : schema::encode_list(values));
  }
}

}  // namespace

Result<LinkOutcome> link_archive(std::vector<Xapian::WritableDatabase>& shards, const aliases::Table& names,
                                 const std::string& context, const std::function<Status()>& checkpoint) {
  LinkOutcome out;
  entities::Linker linker(names);
  Status stopped = Ok{};
  auto st = xapian_db::guarded(context, [&] {
    for (auto& db : shards)
      for_each_article(db, [&](Xapian::docid, const ArticleNames& a) {
        linker.add(a);
        ++out.articles;
      });
    linker.finish();
    for (auto& db : shards) {
      std::array<Xapian::ValueIterator, 3> stored;
      for (std::size_t i = 0; i < schema::kLinkedFacets.size(); ++i)
        stored[i] = db.valuestream_begin(schema::slot(schema::kLinkedFacets[i].slot));
      std::vector<std::pair<Xapian::docid, ArticleNames>> changed;
      for_each_article(db, [&](Xapian::docid did, const ArticleNames& own) {
        ArticleNames linked = linker.link(own);
        bool same = true;
        for (std::size_t i = 0; i < schema::kLinkedFacets.size(); ++i) {
          const auto slot = schema::slot(schema::kLinkedFacets[i].slot);
          const auto& now = values_of(linked, schema::kLinkedFacets[i].name);
          same = schema::decode_list(value_at(db, stored[i], slot, did)) == now && same;
        }
        if (!same) changed.emplace_back(did, std::move(linked));
      });
      // Rewritten after the scan: replacing documents while their value streams are read would
      // move the streams under the iterators.
      for (auto& [did, linked] : changed) {
        Xapian::Document doc = db.get_document(did);
        rewrite(doc, linked);
        db.replace_document(did, doc);
        if (++out.relinked % kCommitEvery == 0 && checkpoint && !(stopped = checkpoint())) return;
      }
    }
  });
  if (!st) return st.error();
  if (!stopped) return stopped.error();
  return out;
}

Result<bool> begin_links(ArchiveWriter& writer) {
  const std::string key(schema::kLinksStaleKey);
  auto m = writer.archive_metadata(key);
  if (!m) return m.error();
  if (auto st = writer.set_archive_metadata(key, "1"); !st) return st.error();
  return m->count(key) > 0 && !m->at(key).empty();
}

Result<LinkOutcome> finish_links(ArchiveWriter& writer, const aliases::Table& names, bool needed,
                                 const std::string& db) {
  Result<LinkOutcome> out = LinkOutcome{};
  if (needed) {
    auto dbs = writer.databases();
    if (!dbs) return dbs.error();
    out = link_archive(*dbs, names, db, [&writer] { return writer.commit(); });
    if (!out) return out;
  }
  if (auto st = writer.set_archive_metadata(std::string(schema::kLinksStaleKey), ""); !st) return st.error();
  return out;
}

}  // namespace newsidx::indexer
