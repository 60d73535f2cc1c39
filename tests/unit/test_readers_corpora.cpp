// Reader tests on the shared research corpora (Reuters-21578 SGML, the BBC plain-text set); each
// skips with a message when ../shared/corpora is absent.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "indexer/readers/encoding.hpp"
#include "indexer/readers/reader.hpp"
#include "indexer/readers/sgml_reader.hpp"
#include "unit/readers_test_files.hpp"

using namespace newsidx::readers;
namespace fs = std::filesystem;

namespace {

const std::string kCorpora = std::string(NEWSIDX_SHARED_DIR) + "/corpora";

bool ends_with_reuter(std::string_view body) {
  std::string tail(body.substr(body.size() >= 6 ? body.size() - 6 : 0));
  for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return tail == "reuter";
}

}  // namespace

TEST_CASE("readers: Reuters-21578 gives 21,578 stories, 19,043 with a body", "[readers][corpus]") {
  const std::string dir = kCorpora + "/reuters21578";
  if (!fs::exists(dir + "/reut2-000.sgm.gz")) {
    WARN("skipped: " << dir << " is absent");
    return;
  }
  std::size_t articles = 0, skipped = 0, notices = 0, stories = 0, with_body = 0;
  std::size_t with_dateline = 0, with_places = 0, with_topics = 0, dated = 0, trailer_left = 0;
  std::set<std::string> ids;
  for (int i = 0; i <= 21; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.sgm", i);
    const std::string gz = dir + "/" + name + ".gz";
    const auto bytes = newsidx::test::command_output("gzip -dc '" + gz + "'");
    REQUIRE(bytes);
    const ReadResult r = read_file(name, gz, *bytes);
    for (const ReadWarning& w : r.warnings) (w.skipped ? skipped : notices) += 1;
    articles += r.articles.size();
    for (const newsidx::Article& a : r.articles) {
      ids.insert(a.id);
      if (!a.dateline_text.empty()) ++with_dateline;
      if (a.date >= "1987-02-26" && a.date <= "1987-10-20") ++dated;
      if (ends_with_reuter(a.body_text())) ++trailer_left;
      bool places = false, topics = false;
      for (const std::string& tag : a.tags) {
        places = places || tag.rfind("places:", 0) == 0;
        topics = topics || tag.rfind("topics:", 0) == 0;
      }
      with_places += places ? 1 : 0;
      with_topics += topics ? 1 : 0;
    }
    for (const SgmlStory& s : parse_sgml_stories(decode_text(*bytes).text)) {
      ++stories;
      with_body += s.body ? 1 : 0;
    }
  }
  CHECK(stories == 21578);
  CHECK(with_body == 19043);
  CHECK(articles + skipped == 21578);
  CHECK(skipped == 1);  // NEWID 12793 is an UNPROC story with no text at all
  CHECK(articles == 21577);
  CHECK(ids.size() == articles);
  CHECK(notices == 0);  // reut2-017.sgm's one 0xFC byte is Latin-1, as SGML is read: no notice
  CHECK(with_dateline == 19042);  // NEWID 14725's DATELINE is just "--"
  CHECK(dated == articles);
  CHECK(trailer_left == 0);
  // Figures from the corpus's SOURCE.md.
  CHECK(with_places == 18798);
  CHECK(with_topics == 11367);
}

TEST_CASE("readers: the BBC set gives 2,225 articles and one Latin-1 notice", "[readers][corpus]") {
  const std::string tarball = kCorpora + "/bbc/bbc-fulltext.tar.gz";
  if (!fs::exists(tarball)) {
    WARN("skipped: " << tarball << " is absent");
    return;
  }
  std::string tmpl = (fs::temp_directory_path() / "newsidx-bbc-XXXXXX").string();
  REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
  const fs::path tmp = tmpl;
  REQUIRE(newsidx::test::command_output("tar -xzf '" + tarball + "' -C '" + tmp.string() + "'"));

  const fs::path root = tmp / "bbc";
  std::size_t articles = 0, skipped = 0, datelines = 0;
  std::vector<ReadWarning> notices;
  std::map<std::string, std::size_t> sections;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), root).generic_string();
    if (format_for(rel) == Format::kUnsupported) continue;
    const auto bytes = newsidx::test::slurp_file(entry.path().string());
    REQUIRE(bytes);
    const ReadResult r = read_file(rel, entry.path().string(), *bytes);
    for (const ReadWarning& w : r.warnings) {
      if (w.skipped) {
        ++skipped;
      } else {
        notices.push_back(w);
      }
    }
    for (const newsidx::Article& a : r.articles) {
      ++articles;
      ++sections[a.section];
      if (!a.dateline_text.empty()) ++datelines;
      CHECK(!a.title.empty());
      CHECK(is_valid_utf8(a.text));
    }
  }
  fs::remove_all(tmp);

  CHECK(articles == 2225);
  CHECK(skipped == 0);
  REQUIRE(notices.size() == 1);
  CHECK_THAT(notices[0].path, Catch::EndsWith("sport/199.txt"));
  CHECK(sections == std::map<std::string, std::size_t>{{"business", 510},
                                                       {"entertainment", 386},
                                                       {"politics", 417},
                                                       {"sport", 511},
                                                       {"tech", 401}});
  // BBC stories carry no datelines, so anything found would be a false positive.
  CHECK(datelines == 0);
}
