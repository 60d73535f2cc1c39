// Developer tool for scripts/eval-countries.sh: prints "id<TAB>split<TAB>ISO codes" for every
// Reuters-21578 story in the .sgm files of a folder, from the editorial <PLACES> tags (mapped to
// ISO 3166-1 with countries::reuters_place) and the LEWISSPLIT attribute.
#include <filesystem>
#include <iostream>
#include <set>
#include <string>

#include "common/countries.hpp"
#include "indexer/walker.hpp"

namespace {

std::string attribute(const std::string& tag, const std::string& name) {
  auto p = tag.find(name + "=\"");
  if (p == std::string::npos) return {};
  p += name.size() + 2;
  return tag.substr(p, tag.find('"', p) - p);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: newsidx-reuters-places FOLDER\n";
    return 2;
  }
  std::set<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".sgm") files.insert(e.path());
  for (const auto& f : files) {
    std::string text, err;
    if (!newsidx::indexer::read_whole_file(f.string(), text, err)) {
      std::cerr << f << ": " << err << "\n";
      return 1;
    }
    std::size_t pos = 0;
    while ((pos = text.find("<REUTERS ", pos)) != std::string::npos) {
      auto tag_end = text.find('>', pos);
      auto story_end = text.find("</REUTERS>", pos);
      std::string tag = text.substr(pos, tag_end - pos);
      std::string codes;
      auto ps = text.find("<PLACES>", pos);
      if (ps != std::string::npos && ps < story_end) {
        auto pe = text.find("</PLACES>", ps);
        std::string places = text.substr(ps, pe - ps);
        std::set<std::string> seen;
        for (std::size_t d = 0; (d = places.find("<D>", d)) != std::string::npos;) {
          auto de = places.find("</D>", d);
          std::string place = places.substr(d + 3, de - d - 3);
          if (auto code = newsidx::countries::reuters_place(place); code && seen.insert(*code).second)
            codes += (codes.empty() ? "" : ",") + *code;
          d = de;
        }
      }
      std::cout << f.filename().string() << "#" << attribute(tag, "NEWID") << "\t"
                << attribute(tag, "LEWISSPLIT") << "\t" << codes << "\n";
      pos = story_end == std::string::npos ? text.size() : story_end;
    }
  }
  return 0;
}
