// CLI test for the NER trainer newsidx-train-ner (tools/train_ner.cpp): the learning-curve option
// --cv-train-share of its two-stage cross-validation, on a tiny CoNLL-style file written here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "test_util.hpp"

using namespace newsidx::test;

namespace {

// newsidx-train-ner is a tools/ executable in the same build tree as newsidx-index (indexer/).
std::filesystem::path train_ner_bin() {
  return std::filesystem::path(NEWSIDX_INDEX_BIN).parent_path().parent_path() / "tools" / "newsidx-train-ner";
}

// `n` documents in CoNLL-2003's column format (word, two unused columns, IOB1 label), two
// sentences each, with names of our own.
std::string conll_documents(int n) {
  static const char* const kPeople[] = {"Anna Berg", "Tom Hale", "Rita Moss", "Jan Kool"};
  static const char* const kPlaces[] = {"Oslo", "Lima", "Perth", "Quito"};
  std::string out;
  for (int d = 0; d < n; ++d) {
    out += "-DOCSTART- -X- -X- O\n\n";
    const std::string person = kPeople[d % 4];
    const auto space = person.find(' ');
    out += person.substr(0, space) + " x x I-PER\n" + person.substr(space + 1) + " x x I-PER\n";
    out += fmt::format("flew x x O\nto x x O\n{} x x I-LOC\n. x x O\n\n", kPlaces[d % 4]);
    out += fmt::format("The x x O\nAcme x x I-ORG\nBank x x I-ORG\nagreed x x O\n. x x O\n\n");
  }
  return out;
}

}  // namespace

TEST_CASE("train ner cli: --cv-train-share trains each fold on the first share of its documents",
          "[train_ner][cli]") {
  const auto bin = train_ner_bin();
  if (!std::filesystem::exists(bin)) {
    WARN("SKIPPED: " << bin.string() << " is not built (cmake --build ... --target newsidx-train-ner)");
    return;
  }
  TempDir dir;
  write_file(dir.path() / "train.conll", conll_documents(10));
  const std::string cmd = sh_quote(bin.string()) + " --train " + sh_quote(dir.str("train.conll")) +
                          " --epochs 1 --cv 2 --two-stage";
  // Two folds of 5 documents: each trains on the other 5, or on the first 3 of them at 0.6.
  const auto cut = run_command(cmd + " --cv-train-share 0.6", true);
  INFO(cut.out);
  REQUIRE(cut.status == 0);
  CHECK(cut.out.find("fold 1: training on the first 3 of its 5 training documents (share 0.60)") != std::string::npos);
  CHECK(cut.out.find("fold 2: training on the first 3 of its 5 training documents (share 0.60)") != std::string::npos);
  CHECK(cut.out.find("fold 2: PER/LOC/ORG first pass") != std::string::npos);
  // Without the option every fold trains on all its documents and says nothing of a share.
  const auto all = run_command(cmd, true);
  INFO(all.out);
  REQUIRE(all.status == 0);
  CHECK(all.out.find("training on the first") == std::string::npos);
  CHECK(all.out.find("fold 2: PER/LOC/ORG first pass") != std::string::npos);
  // Out of range, or without --two-stage: refused.
  CHECK(run_command(cmd + " --cv-train-share 0", true).status != 0);
  CHECK(run_command(cmd + " --cv-train-share 1.5", true).status != 0);
  CHECK(run_command(sh_quote(bin.string()) + " --train " + sh_quote(dir.str("train.conll")) +
                        " --epochs 1 --cv 2 --cv-train-share 0.6", true).status != 0);
}
