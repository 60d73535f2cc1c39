// The link step: archive statistics from the own-names value stream, then rewrites of the
// articles whose linked values changed.
#include "link_step.hpp"

#include <array>
#include <functional>
#include <set>
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

// The filter terms of a list of facet values (the terms document_builder adds for them).
std::set<std::string> terms_of(std::string_view facet, const std::vector<std::string>& values) {
  std::set<std::string> out;
  for (const auto& v : values)
    if (auto term = schema::value_term(facet, v); !term.empty()) out.insert(std::move(term));
  return out;
}

// What a relinked article needs: its new values, and whether its filter terms change too (a
// new spelling of the same name keeps its term: value_term folds case and accents).
struct Relink {
  Xapian::docid did = 0;
  ArticleNames linked;
  bool terms_change = false;
};

// Replaces the linked facets' slots of `doc` by `linked`'s, and their terms when they change.
// The record is left alone (it holds no linked facet), so Xapian writes no record again:
// rewriting them doubled the records' part of a new archive's file (BENCHMARKS.md, copies, third
// round). A document whose terms are not touched is written back without Xapian reading its
// terms and positions, which is most of a rewrite's cost (issue 21).
void rewrite(Xapian::Document& doc, ArticleNames& linked, bool terms_change) {
  for (const auto& f : schema::kLinkedFacets) {
    const std::string_view facet = f.name;
    const auto& values = values_of(linked, facet);
    if (terms_change) {
      const std::string prefix = schema::prefix(facet);
      std::vector<std::string> old;
      auto t = doc.termlist_begin();
      for (t.skip_to(prefix); t != doc.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t)
        old.push_back(*t);
      for (const auto& term : old) doc.remove_term(term);
      for (const auto& term : terms_of(facet, values)) doc.add_boolean_term(term);
    }
    // An empty value removes the slot (remove_value throws for an absent one).
    doc.add_value(schema::slot(f.slot), values.empty() ? std::string() : schema::encode_list(values));
  }
}

// The articles of `db` whose stored linked values differ from what `linker` gives them.
std::vector<Relink> changed_articles(Xapian::Database& db, const entities::Linker& linker) {
  std::array<Xapian::ValueIterator, 3> stored;
  for (std::size_t i = 0; i < schema::kLinkedFacets.size(); ++i)
    stored[i] = db.valuestream_begin(schema::slot(schema::kLinkedFacets[i].slot));
  std::vector<Relink> changed;
  for_each_article(db, [&](Xapian::docid did, const ArticleNames& own) {
    Relink r{did, linker.link(own), false};
    bool same = true;
    for (std::size_t i = 0; i < schema::kLinkedFacets.size(); ++i) {
      const auto& f = schema::kLinkedFacets[i];
      const auto& now = values_of(r.linked, f.name);
      const auto before = schema::decode_list(value_at(db, stored[i], schema::slot(f.slot), did));
      if (before == now) continue;
      same = false;
      r.terms_change = r.terms_change || terms_of(f.name, before) != terms_of(f.name, now);
    }
    if (!same) changed.push_back(std::move(r));
  });
  return changed;
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
      // Rewritten after the scan: replacing documents while their value streams are read would
      // move the streams under the iterators.
      for (auto& r : changed_articles(db, linker)) {
        Xapian::Document doc = db.get_document(r.did);
        rewrite(doc, r.linked, r.terms_change);
        db.replace_document(r.did, doc);
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
