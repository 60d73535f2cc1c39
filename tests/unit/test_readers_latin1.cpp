// Reuters SGML is read as Latin-1, as the README says, without the "not valid UTF-8" notice that
// a text file gets (reut2-017.sgm warned on every build).
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/reader.hpp"
#include "test_util.hpp"
#include "unit/readers_test_files.hpp"

using newsidx::readers::read_file;
using newsidx::readers::ReadResult;

namespace {

const std::string kStory =
    "<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>\n<TITLE>SUGAR PRICES RISE</TITLE>\n"
    "<BODY>Sugar rose in M\xFCnchen trading, dealers said. Prices were firmer.\n&#3;</BODY></TEXT>\n</REUTERS>\n";

}  // namespace

TEST_CASE("readers: Reuters SGML is decoded as Latin-1 without a notice", "[readers][encoding]") {
  const ReadResult r = read_file("reut2-017.sgm", "reuters/reut2-017.sgm", kStory);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.warnings.empty());
  CHECK(r.articles[0].body_text().find("M\xC3\xBCnchen") != std::string::npos);
  // A text file with the same byte still gets its notice.
  const ReadResult text = read_file("a.txt", "a.txt", "Title\n\nM\xFCnchen trading was firm today.\n");
  REQUIRE(text.warnings.size() == 1);
  CHECK_THAT(text.warnings[0].reason, Catch::Contains("Latin-1"));
}

TEST_CASE("readers: reut2-017.sgm of the shared corpus reads without a UTF-8 warning", "[readers][corpora]") {
  const std::string corpora = newsidx::test::shared_corpora();
  if (corpora.empty()) {
    WARN("SKIPPED: ../shared/corpora is absent");
    return;
  }
  const std::string gz = corpora + "/reuters21578/reut2-017.sgm.gz";
  if (!newsidx::test::slurp_file(gz)) {
    WARN("SKIPPED: " << gz << " is absent");
    return;
  }
  const auto bytes = newsidx::test::command_output("gzip -dc '" + gz + "'");
  REQUIRE(bytes);
  const ReadResult r = read_file("reut2-017.sgm", "reut2-017.sgm", *bytes);
  CHECK(r.articles.size() > 900);
  for (const auto& w : r.warnings) CHECK_THAT(w.reason, !Catch::Contains("UTF-8"));
}
