// Parsing newsidx-query's options with Boost.Program_options.
#include "options.hpp"

#include <sstream>

#include <boost/program_options.hpp>

#include "common/schema.hpp"

namespace newsidx::query {

namespace po = boost::program_options;

Result<QueryOptions> parse_options(int argc, const char* const argv[]) {
  QueryOptions o;
  auto& r = o.request;
  std::vector<std::string> words;
  std::vector<std::string> person, org, place, country, speaker, section, source, tag;
  po::options_description desc(
      "Usage: newsidx-query --db PATH [OPTIONS] 'QUERY'\n\n"
      "Searches a newsidx database. All words are required unless --any is given; \"quoted\n"
      "phrases\", AND/OR/NOT, +word/-word, trailing wild* cards and field prefixes (title:,\n"
      "author:, person:, org:, place:, country:, speaker:, section:, source:, tag:) work.\n\n"
      "Examples:\n"
      "  newsidx-query --db news.db 'tony blair election'\n"
      "  newsidx-query --db news.db '\"state department\" -sanctions' --limit 5\n"
      "  newsidx-query --db news.db --speaker klobuchar --json\n\nOptions");
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("version", "show the version")
    ("db,d", po::value<std::string>(&o.db), "database to search (e.g. --db news.db)")
    ("any", "match any of the words (OR) instead of all of them")
    ("limit,n", po::value<std::size_t>(&r.limit)->default_value(10), "hits to show (e.g. --limit 20)")
    ("offset", po::value<std::size_t>(&r.offset)->default_value(0), "hits to skip first (paging)")
    ("count", "print only the number of matching articles")
    ("json", "one JSON object per hit, per line (schema in the README)")
    ("person", po::value(&person)->composing(), "only articles mentioning this person (repeatable: any of them), e.g. --person blinken")
    ("org", po::value(&org)->composing(), "only articles mentioning this organisation, e.g. --org nato")
    ("place", po::value(&place)->composing(), "only articles mentioning this place, e.g. --place kyiv")
    ("country", po::value(&country)->composing(), "only articles about this country (name, code or adjective), e.g. --country UA")
    ("speaker", po::value(&speaker)->composing(), "only articles quoting this person or organisation, e.g. --speaker klobuchar")
    ("section", po::value(&section)->composing(), "only this section (the archive folder), e.g. --section politics")
    ("source", po::value(&source)->composing(), "only this source, e.g. --source reuters")
    ("tag", po::value(&tag)->composing(), "only this editorial tag, e.g. --tag places:usa");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("words", po::value(&words), "");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("words", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Error{ErrorCode::kUsage, std::string("newsidx-query: ") + e.what(), "see newsidx-query --help"};
  }
  std::ostringstream help;
  help << desc;
  o.help_text = help.str();
  o.show_help = vm.count("help") > 0;
  o.show_version = vm.count("version") > 0;
  if (o.show_help || o.show_version) return o;
  if (o.db.empty())
    return Error{ErrorCode::kUsage, "newsidx-query: --db is required", "e.g. newsidx-query --db news.db 'query'"};
  for (const auto& w : words) r.text += (r.text.empty() ? "" : " ") + w;
  r.any = vm.count("any") > 0;
  r.count_only = vm.count("count") > 0;
  if (vm.count("json")) o.format = OutputFormat::kJson;
  auto add = [&](const char* name, const std::vector<std::string>& values) {
    if (!values.empty()) r.filters.emplace_back(name, values);
  };
  add("person", person);
  add("org", org);
  add("place", place);
  add("country", country);
  add("speaker", speaker);
  add("section", section);
  add("source", source);
  add("tag", tag);
  if (r.text.empty() && r.filters.empty())
    return Error{ErrorCode::kUsage, "newsidx-query: nothing to search for",
                 "give a query or a filter, e.g. newsidx-query --db news.db 'tony blair'"};
  return o;
}

}  // namespace newsidx::query
