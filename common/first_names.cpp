// Given names and their bearers' sex (first_names.hpp).
#include "common/first_names.hpp"

#include <string>
#include <unordered_map>

#include "common/canonical.hpp"
#include "common/tsv.hpp"

extern "C" const char newsidx_gaz_first_names_begin[];
extern "C" const char newsidx_gaz_first_names_end[];

namespace newsidx::first_names {

std::string_view table() { return tsv::embedded(newsidx_gaz_first_names_begin, newsidx_gaz_first_names_end); }

Sex sex_of_code(std::string_view code) {
  return code == "F" ? Sex::kFemale : code == "M" ? Sex::kMale : code == "B" ? Sex::kBoth : Sex::kUnknown;
}

Sex sex_of(std::string_view first) {
  static const std::unordered_map<std::string, Sex> kSexes = [] {
    std::unordered_map<std::string, Sex> out;
    tsv::for_each_row(table(), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2) return;
      out.emplace(canonical::fold_key(f[0]), sex_of_code(f[1]));
    });
    return out;
  }();
  const auto it = kSexes.find(canonical::fold_key(first));
  return it == kSexes.end() ? Sex::kUnknown : it->second;
}

}  // namespace newsidx::first_names
