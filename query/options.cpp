// Parsing newsidx-query's options with Boost.Program_options.
#include "options.hpp"

#ifndef NEWSIDX_DOCDIR
#define NEWSIDX_DOCDIR "/usr/local/share/doc/newsidx"
#endif

#include <algorithm>
#include <fstream>
#include <sstream>

#include <boost/program_options.hpp>

#include "common/cli_values.hpp"
#include "common/config_files.hpp"
#include "common/canonical.hpp"
#include "common/edit_distance.hpp"
#include "common/schema.hpp"
#include "query/facets.hpp"
#include "query/spelling.hpp"

namespace newsidx::query {

namespace po = boost::program_options;

namespace {

// The option a user most likely means by a name it does not have: the filter of a field's
// synonym ("--people", "--organisation", "--location") or a word for a date bound or a count
// ("--from", "--to", "--top"); "" for any other name.
std::string option_synonym(std::string_view typed) {
  const std::size_t dashes = std::min(typed.find_first_not_of('-'), typed.size());
  std::string name = canonical::ascii_lower(typed.substr(dashes));
  name = name.substr(0, name.find('='));
  if (const std::string_view field = field_synonym(name); !field.empty())
    return field == "title" || field == "date" ? std::string() : std::string(field);
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"from", "since"}, {"after", "since"}, {"to", "until"}, {"before", "until"},
      {"top", "limit"},  {"max", "limit"}, {"facet", "facets"}};
  for (const auto& [word, option] : kWords)
    if (name == word) return std::string(option);
  return {};
}

// The hint for an option nobody declared ("--persn"): the nearest long option within the edits
// a spelling correction may make, as a hurried user's typo most often is one.
std::string option_hint(const po::options_description& desc, const std::string& typed) {
  std::vector<std::string> names;
  for (const auto& opt : desc.options()) names.push_back(opt->long_name());
  std::string meant = option_synonym(typed);
  if (!meant.empty()) return "did you mean --" + meant + "? (see newsidx-query --help)";
  const std::string best = nearest_option(typed, names);
  if (!best.empty()) return "did you mean --" + best + "? (see newsidx-query --help)";
  // "-blair": a word to exclude, read as a bundle of short options.
  if (typed.size() > 2 && typed[0] == '-' && typed[1] != '-')
    return "a query that begins with '-' goes after --, e.g. newsidx-query --db news.db -- '" + typed + "'";
  return "see newsidx-query --help";
}

// "chelsea -mourinho" typed without quotes: an argument of one '-' and a word, that is neither a
// short option (-h, -d DB, -n N, with or without its value attached: "-n5", "-dnews.db") nor near a long option's
// name ("-limit"), is a word the query leaves out. Such words move behind a "--" (kept in their
// order), where Boost reads every argument as a query word; the rest is left as typed. Returns
// the arguments without the program's name, as Boost's parser takes a vector.
std::vector<std::string> dashed_words_to_query(int argc, const char* const argv[], const po::options_description& desc) {
  std::vector<std::string> names;
  for (const auto& opt : desc.options()) names.push_back(opt->long_name());
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto is_word = [&](const std::string& a) {
    if (a.size() < 3 || a[0] != '-' || !letter(a[1])) return false;
    // -dnews.db and -d/srv/news: a database named with its value attached.
    if (a[1] == 'd' && a.find_first_of("./") != std::string::npos) return false;
    if (a[1] == 'n' && std::all_of(a.begin() + 2, a.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return nearest_option(a.substr(1), names).empty();
  };
  std::vector<std::string> args, moved, after;
  bool past_dashes = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (past_dashes) after.push_back(a);
    else if (a == "--") past_dashes = true;
    else if (is_word(a)) moved.push_back(a);
    else args.push_back(a);
  }
  if (moved.empty()) return {argv + std::min(argc, 1), argv + argc};
  args.emplace_back("--");
  args.insert(args.end(), moved.begin(), moved.end());
  args.insert(args.end(), after.begin(), after.end());
  return args;
}

// The hint for an option given an empty value: the example its help ends with.
std::string option_example(const po::options_description& desc, const std::string& name) {
  const po::option_description* opt = desc.find_nothrow(name, false);
  const std::string help = opt ? opt->description() : std::string();
  const std::size_t eg = help.rfind("e.g. ");
  if (eg == std::string::npos) return "give it a value or leave it out (see newsidx-query --help)";
  return "give it a value or leave it out, " + help.substr(eg);
}

Error usage(std::string message, std::string hint) {
  return Error{ErrorCode::kUsage, "newsidx-query: " + std::move(message), std::move(hint)};
}

// Boost takes an option's unambiguous prefix for the option ("--lim 3"), so "--to 2022" would be
// --today, a day to pretend is today, and "--facet person" is ambiguous among --facets,
// --facet-size and --facets-only. A name that option_synonym reads as another option is refused
// with that option named, before Boost guesses (the arguments before "--" only).
Status refuse_misread_prefixes(const std::vector<std::string>& args, const po::options_description& desc) {
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a.size() < 3 || a[0] != '-' || a[1] != '-') continue;
    const std::string name = a.substr(2, a.find('=') == std::string::npos ? std::string::npos : a.find('=') - 2);
    if (desc.find_nothrow(name, false) != nullptr) continue;  // an option's full name
    if (!option_synonym(name).empty())
      return usage("unrecognised option '--" + name + "'", option_hint(desc, name));
  }
  return Ok{};
}

// The value of `key` (db, aliases) in the configuration file the indexer reads (--config FILE,
// else the first default file that sets it); the indexer's other keys are ignored. "" if none.
Result<std::string> from_config(const std::string& config, const char* key) {
  const std::vector<std::string> files = config.empty() ? config::existing_default_files() : std::vector{config};
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) return usage("cannot read configuration file " + f, "check the --config path");
    std::string db;
    po::options_description keys;
    keys.add_options()(key, po::value<std::string>(&db));
    try {
      po::variables_map vm;
      po::store(po::parse_config_file(in, keys, true), vm);
      po::notify(vm);
    } catch (const po::error& e) {
      return usage(f + ": " + e.what(), "fix the file; its lines are \"name = value\"");
    }
    if (!db.empty()) return db;
  }
  return std::string();
}

// A whole number in [lo, hi] for option `name`, else a usage error naming the range.
Result<std::size_t> bounded(const char* name, const std::string& text, std::size_t lo, std::size_t hi,
                            const char* example) {
  if (auto v = whole_number(text, lo, hi)) return *v;
  return usage(range_message(name, text, lo, hi), std::string("e.g. ") + name + " " + example);
}

// --limit, --offset and --facet-size, each within its range.
Status read_numbers(const std::string& limit, const std::string& offset, const std::string& facet_size,
                    SearchRequest& r) {
  auto n = bounded("--limit", limit, 0, 1'000'000, "20");
  if (!n) return n.error();
  r.limit = *n;
  auto off = bounded("--offset", offset, 0, 1'000'000, "10");
  if (!off) return off.error();
  r.offset = *off;
  auto fs = bounded("--facet-size", facet_size, 1, 10'000, "5");
  if (!fs) return fs.error();
  r.facet_size = *fs;
  return Ok{};
}

// --interval names the timeline's buckets, and asks for the timeline.
Status read_interval(const std::string& interval, SearchRequest& r) {
  if (interval.empty()) return Ok{};
  if (interval == "day") r.interval = Granularity::kDay;
  else if (interval == "week") r.interval = Granularity::kWeek;
  else if (interval == "month") r.interval = Granularity::kMonth;
  else if (interval == "year") r.interval = Granularity::kYear;
  else return usage("unknown interval '" + interval + "'", "use --interval day, week, month or year");
  r.timeline = true;
  return Ok{};
}

// --show ID reads one article: no query, no filters, text or JSON.
Status check_show(const QueryOptions& o) {
  const SearchRequest& r = o.request;
  if (o.show_id.empty()) return usage("--show needs an article id", "e.g. --show /news/2022/01/19/blinken-kyiv.txt");
  if (has_words(r.text) || !r.filters.empty() || !r.like_id.empty())
    return usage("--show takes an article id, not a query", "search first, then --show one id of the results");
  if (o.format != OutputFormat::kText && o.format != OutputFormat::kJson)
    return usage("--show prints text or JSON", "use --show ID, or --show ID --json");
  return Ok{};
}

// The values parse_options reads before it turns them into QueryOptions fields.
struct RawOptions {
  std::vector<std::string> words;
  std::vector<std::string> person, org, place, country, speaker, section, source, tag, author, lang, site;
  std::string format, sort = "relevance", since, until, date, today, facets, config, interval;
  std::string limit, offset, facet_size;
};

// --help's text above the option table.
const char* const kUsage =
      "Usage: newsidx-query --db PATH [OPTIONS] 'QUERY'\n\n"
      "Searches a newsidx database. All words are required unless --any is given; \"quoted\n"
      "phrases\", AND/OR/NOT (in capitals: lower-case and/or/not are words), +word/-word,\n"
      "trailing wild* cards and fields work, and accents are ignored (cafe finds café). Fields:\n"
      "  title:storm  author:smith  section:politics  source:reuters  lang:fr  tag:places:usa\n"
      "  person:blinken  org:\"state department\"  place:kyiv  country:britain  speaker:klobuchar\n"
      "  date:2022-01-01..2022-02-15  date:2022-01  date:2022  date:last-week\n"
      "Entity values are matched as typed: case and accents are ignored, a surname finds the\n"
      "full name (titles and 's dropped when none is found: 'Mr Blair'), an organisation's\n"
      "initials the organisation (who: World Health Organization), and a country may be a name,\n"
      "code or adjective (russia, RU, Russian); so are author, source and section (a part\n"
      "of the name finds those holding it: source:bbc), and lang:fr also finds fr-FR.\n"
      "Filters restrict the matches; they never change the ranking. Repeated values of one filter\n"
      "or field are OR-ed (--tag a --tag b, person:x person:y: either), different filters and\n"
      "words AND-ed; --all-of requires every value of a filter (in the query: person:x AND person:y).\n"
      "An empty query ('' or none) matches every article (every quotation with --quotes);\n"
      "filters and dates narrow it, and it lists the newest first unless --sort says otherwise.\n"
      "Counts are exact up to 10000 matches (\"about N\" past that); --limit 0 prints the count\n"
      "(and --facets) alone. A query holds at most 4096 bytes, 256 words and 32 field values and\n"
      "filter values; a larger one is refused (exit 2). A wild* card stands for its 500 most\n"
      "frequent words.\n\n"
      "Examples:\n"
      "  $ newsidx-query --db news.db 'tony blair election'\n"
      "  $ newsidx-query --db news.db '\"state department\" -sanctions' -n 5\n"
      "  $ newsidx-query --db news.db sanctions --country RU --facets person\n"
      "  $ newsidx-query --db news.db --since 2022-01 --facets source,lang\n"
      "  $ newsidx-query --db news.db --quotes --speaker klobuchar sanctions\n"
      "  $ newsidx-query --db news.db --like /news/politics/2021/budget.txt\n"
      "  $ newsidx-query --db news.db --author lima --lang fr\n"
      "  $ newsidx-query --db news.db --show /news/2022/01/19/blinken-kyiv.txt\n\n"
      "Output: text wraps at the terminal's width ($COLUMNS if set, 80 when not a terminal) and\n"
      "shows control characters escaped (\\x1b); colour only on a terminal, never with NO_COLOR or\n"
      "TERM=dumb. --format csv writes RFC 4180 with a header row: id, date, title, url, source,\n"
      "section, person, org, place, country, speaker (values of a facet joined by \"; \"; with\n"
      "--quotes: article, date, title, speaker, text). --format paths prints the absolute path of\n"
      "each file holding a hit, once per file (a feed or .sgm holds many articles); a name with a\n"
      "line break, control character or invalid UTF-8 is printed in shell $'...' quoting, as GNU\n"
      "ls does (\"$'two\\nlines.txt'\"), so that it reads back as the real name; --null prints\n"
      "names raw, each ended by a NUL byte.\n\n"
      "--show ID prints one article as it was indexed: its metadata, its body by paragraphs and all\n"
      "its facets and tags (with --json one object); ID is the id a result shows (text, JSON or\n"
      "--format ids), also for a page of a WARC crawl or an item of a feed.\n\n"
      "Exit status: 0 matches found (--show: the article), 1 none (--show: no article has that\n"
      "id), 2 usage or query error, 3 database error.\n\n"
      "Options";

// The option table, storing into `o` and `raw`.
po::options_description describe_options(QueryOptions& o, RawOptions& raw) {
  auto& r = o.request;
  po::options_description desc(kUsage);
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("version", "show the version")
    ("db,d", po::value<std::string>(&o.db), "database to search, e.g. --db news.db; may be left out when "
       "newsidx.conf sets db (~/.config/newsidx/newsidx.conf, /etc/newsidx.conf, as for newsidx-index)")
    ("config", po::value<std::string>(&raw.config), "take db from FILE instead of the default newsidx.conf files "
       "(and aliases; the indexer's other keys are ignored), e.g. --config ~/nightly.conf")
    ("any", "match any of the words (OR) instead of all of them, e.g. --any 'kyiv kiev'")
    ("limit,n", po::value(&raw.limit)->default_value("10"), "hits to show, 0 to 1,000,000, e.g. --limit 20")
    ("offset", po::value(&raw.offset)->default_value("0"), "hits to skip first (paging), 0 to 1,000,000, e.g. --offset 10")
    ("count", "print only the number of matching articles, e.g. --count sanctions")
    ("sort", po::value<std::string>(&raw.sort), "relevance (default), newest (also: date, latest, recent) or oldest, e.g. --sort newest")
    ("since", po::value<std::string>(&raw.since), "only articles dated on or after: YYYY-MM-DD, YYYY-MM, YYYY, "
                                              "'march 2022', '1 march 2022', 7d, 2w, 3m, 1y, today, yesterday, monday, last-week, "
                                              "'last month', '3 weeks ago'; e.g. --since 7d")
    ("until", po::value<std::string>(&raw.until), "only articles dated up to the end of this period (same forms), e.g. --until 2022-02")
    ("date", po::value<std::string>(&raw.date), "only articles dated in this period, or A..B (as date: in the query; with "
                                            "--since/--until, the days all give), e.g. --date 2022-01, --date 2021..2022-06")
    ("today", po::value<std::string>(&raw.today), "pretend today is this day, for reproducible relative dates, e.g. --today 2022-03-01")
    ("aliases", po::value<std::string>(&o.aliases), "TSV file of other names (alias, canonical name, facet) "
       "added to the built-in table, as given to newsidx-index (or the config key aliases); a "
       "filter for either name finds both, e.g. --aliases ~/aliases.tsv")
    ("person", po::value(&raw.person)->composing(), "only articles mentioning this person (repeatable: any of them), e.g. --person blinken")
    ("org", po::value(&raw.org)->composing(), "only articles mentioning this organisation, e.g. --org nato")
    ("place", po::value(&raw.place)->composing(), "only articles mentioning this place, e.g. --place kyiv")
    ("country", po::value(&raw.country)->composing(), "only articles about this country (name, code or adjective), e.g. --country UA")
    ("speaker", po::value(&raw.speaker)->composing(), "only articles (or quotes) by this speaker, e.g. --speaker klobuchar")
    ("all-of", "repeated values of one filter (--person, --tag, ...) must ALL match (mentions both), "
               "e.g. --all-of --person blinken --person lavrov")
    ("section", po::value(&raw.section)->composing(), "only this section (the archive folder, a web page's section), e.g. --section politics")
    ("source", po::value(&raw.source)->composing(), "only this source (a web page's site name, a feed's title; case and "
       "spacing ignored, a part of the name finds those holding it), e.g. --source 'bbc news'")
    ("author", po::value(&raw.author)->composing(), "only articles by this author (one name of the byline; a surname "
       "finds the full name), e.g. --author lima")
    ("lang", po::value(&raw.lang)->composing(), "only articles in this language (web pages' lang, NewsML-G2's "
       "language; fr finds fr-FR), e.g. --lang fr")
    ("site", po::value(&raw.site)->composing(), "only articles whose URL is on this site or below it "
       "(web pages, WARC records, feeds, JSON Lines with a url), e.g. --site bbc.co.uk")
    ("tag", po::value(&raw.tag)->composing(), "only this editorial tag, e.g. --tag places:usa")
    ("quotes", "search the quotations instead of the articles (the query words are looked for in "
               "the quoted text; each is shown with its speaker, or the description of an unnamed one: "
               "\"a senior official\"), e.g. --quotes --speaker klobuchar sanctions")
    ("facets", po::value<std::string>(&raw.facets), "count the top values of these facets over all matches "
                                                "(person,org,place,country,speaker,source,section,author,lang,site), e.g. --facets person,country")
    ("facet-size", po::value(&raw.facet_size)->default_value("10"), "values shown per facet, 1 to 10,000, e.g. --facet-size 5")
    ("facets-only", "print the facet counts (and timeline) without the hits, e.g. --facets-only --facets person")
    ("timeline", "a histogram of the matches by day, week, month or year, whichever suits their span, e.g. --timeline")
    ("interval", po::value(&raw.interval), "the timeline's buckets: day, week, month or year (implies --timeline), e.g. --interval month")
    ("show", po::value<std::string>(&o.show_id), "print the article with this id as it was indexed (metadata, "
       "body, facets) instead of searching, e.g. --show /news/2022/01/19/blinken-kyiv.txt")
    ("like", po::value<std::string>(&r.like_id), "rank articles similar to the one with this id, e.g. --like wire-1")
    ("no-collapse", "list every copy of a story (by default copies of one story, found by the indexer, are one "
                    "hit with \"+N copies\", and counts, facets and the timeline count stories), e.g. --no-collapse")
    ("copies", po::value<std::string>(&r.copies_of), "list the copies of this article's story, e.g. --copies wire-1")
    ("partial", "when a remote partition (a \"remote\" line of a stub database) does not answer, "
       "say which and search the others, e.g. --partial")
    ("explain", "show how the query was understood (terms, stems, filters) before the hits")
    ("format", po::value<std::string>(&raw.format), "text (default), json (JSON Lines, see " NEWSIDX_DOCDIR "/json-output.md), "
       "csv (for spreadsheets), ids, or paths (of the files holding the hits), e.g. --format csv")
    ("null", "with --format ids or paths: end each with a NUL byte, unquoted, as find -print0 does, "
       "e.g. --format paths --null | xargs -0 ls -l")
    ("json", "shorthand for --format json");
  // clang-format on
  return desc;
}

// --format (and --json) and --null.
Status read_format(const po::variables_map& vm, const std::string& format, QueryOptions& o) {
  if (vm.count("json")) o.format = OutputFormat::kJson;
  if (!format.empty()) {
    if (format == "text") o.format = OutputFormat::kText;
    else if (format == "json") o.format = OutputFormat::kJson;
    else if (format == "ids") o.format = OutputFormat::kIds;
    else if (format == "paths") o.format = OutputFormat::kPaths;
    else if (format == "csv") o.format = OutputFormat::kCsv;
    else return usage("unknown format '" + format + "'", "use --format text, json, csv, ids or paths");
  }
  if (o.null && o.format != OutputFormat::kIds && o.format != OutputFormat::kPaths)
    return usage("--null goes with --format ids or paths", "e.g. --format paths --null");
  return Ok{};
}

// --sort, and the newest first for an empty query unless --sort says otherwise.
Status read_sort(const po::variables_map& vm, const std::string& sort, SearchRequest& r) {
  // "date", "latest" and "recent" are what a news reader means by newest first.
  if (sort == "relevance") r.sort = SortOrder::kRelevance;
  else if (sort == "newest" || sort == "date" || sort == "latest" || sort == "recent") r.sort = SortOrder::kNewest;
  else if (sort == "oldest") r.sort = SortOrder::kOldest;
  else return usage("unknown sort order '" + sort + "'", "use --sort relevance, newest or oldest");
  // An empty query has no relevance to rank by: the newest first, unless --sort says otherwise.
  if (!vm.count("sort") && !has_words(r.text) && r.like_id.empty()) r.sort = SortOrder::kNewest;
  return Ok{};
}

// --today, --since, --until and --date.
Status read_dates(const RawOptions& raw, SearchRequest& r) {
  if (!raw.today.empty()) {
    auto t = parse_period(raw.today, r.today);
    if (!t || t->from != t->to) return usage("--today needs one day, YYYY-MM-DD", "e.g. --today 2022-03-01");
    r.today = {std::stoi(t->from.substr(0, 4)), std::stoi(t->from.substr(4, 2)), std::stoi(t->from.substr(6, 2))};
  }
  if (!raw.since.empty()) {
    auto s = parse_since(raw.since, r.today);
    if (!s) return usage("--since: " + s.error().message, s.error().hint);
    r.dates.from = *s;
  }
  if (!raw.until.empty()) {
    auto u = parse_until(raw.until, r.today);
    if (!u) return usage("--until: " + u.error().message, u.error().hint);
    r.dates.to = *u;
  }
  if (!r.dates.from.empty() && !r.dates.to.empty() && r.dates.from > r.dates.to)
    return usage("--since " + raw.since + " is after --until " + raw.until,
                 "swap them, e.g. --since 2022-01 --until 2022-02");
  if (!raw.date.empty()) {
    auto d = parse_date_field(raw.date, r.today);
    if (!d) return usage("--date: " + d.error().message, d.error().hint);
    const DateRange both = intersect(r.dates, *d);
    if (!both.from.empty() && !both.to.empty() && both.from > both.to)
      return usage("--date " + raw.date + " and --since/--until share no day", "give one of them, e.g. --date 2022-01");
    r.dates = both;
  }
  return Ok{};
}

// "--timeline week": a bucket typed after the switch, which takes none, is what --interval
// says; Boost left it among the query's words. Read so (when no --interval is given) and noted;
// "--timeline -- week" still searches the word.
Status read_timeline_bucket(int argc, const char* const argv[], RawOptions& raw, SearchRequest& r) {
  if (!raw.interval.empty()) return Ok{};
  for (int i = 1; i + 1 < argc; ++i) {
    const std::string_view flag = argv[i], word = argv[i + 1];
    if (flag != "--timeline" || (word != "day" && word != "week" && word != "month" && word != "year")) continue;
    const auto at = std::find(raw.words.begin(), raw.words.end(), word);
    if (at == raw.words.end()) return Ok{};
    raw.words.erase(at);
    r.notes.push_back("'--timeline " + std::string(word) + "' read as '--interval " + std::string(word) +
                      "'; to search for the word, type it after --");
    return read_interval(std::string(word), r);
  }
  return Ok{};
}

// The entity and metadata filters, in the order the options table lists them.
void read_filters(const RawOptions& raw, SearchRequest& r) {
  auto add = [&](const char* name, const std::vector<std::string>& values) {
    if (!values.empty()) r.filters.emplace_back(name, values);
  };
  add("person", raw.person);
  add("org", raw.org);
  add("place", raw.place);
  add("country", raw.country);
  add("speaker", raw.speaker);
  add("section", raw.section);
  add("source", raw.source);
  add("tag", raw.tag);
  add("author", raw.author);
  add("lang", raw.lang);
  add("site", raw.site);
}

}  // namespace

Result<QueryOptions> parse_options(int argc, const char* const argv[]) {
  QueryOptions o;
  auto& r = o.request;
  RawOptions raw;
  const po::options_description desc = describe_options(o, raw);
  po::options_description hidden;
  hidden.add_options()("words", po::value(&raw.words), "");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("words", -1);
  po::variables_map vm;
  std::string blank;  // an option typed with an empty value, refused unless a check below says more
  try {
    const std::vector<std::string> args = dashed_words_to_query(argc, argv, desc);
    if (auto st = refuse_misread_prefixes(args, desc); !st) return st.error();
    const po::parsed_options parsed = po::command_line_parser(args).options(all).positional(pos).run();
    blank = blank_valued_option(parsed.options, "words");
    po::store(parsed, vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    return usage(e.what(), option_hint(desc, e.get_option_name()));
  } catch (const po::error& e) {
    return usage(e.what(), "see newsidx-query --help");
  }
  o.show_help = vm.count("help") > 0;
  if (o.show_help) {
    // Formatting the option table costs more than parsing the query: only for --help.
    std::ostringstream help;
    help << desc;
    o.help_text = help.str();
  }
  o.show_version = vm.count("version") > 0;
  if (o.show_help || o.show_version) return o;
  if (o.db.empty()) {
    auto db = from_config(raw.config, "db");
    if (!db) return db.error();
    o.db = std::move(db).value();
  }
  if (o.db.empty())
    return usage("--db is required (no configuration file sets db)", "e.g. newsidx-query --db news.db 'query'");
  if (o.aliases.empty()) {
    auto a = from_config(raw.config, "aliases");
    if (!a) return a.error();
    o.aliases = std::move(a).value();
  }

  r.quotes = vm.count("quotes") > 0;
  if (auto st = read_timeline_bucket(argc, argv, raw, r); !st) return st.error();
  for (const auto& w : raw.words) r.text += (r.text.empty() ? "" : " ") + w;
  r.any = vm.count("any") > 0;
  r.count_only = vm.count("count") > 0;
  r.collapse = vm.count("no-collapse") == 0;
  o.partial = vm.count("partial") > 0;
  r.all_of = vm.count("all-of") > 0;
  r.timeline = vm.count("timeline") > 0;
  r.explain = vm.count("explain") > 0;
  o.facets_only = vm.count("facets-only") > 0;
  o.null = vm.count("null") > 0;
  if (auto st = read_numbers(raw.limit, raw.offset, raw.facet_size, r); !st) return st.error();
  if (auto st = read_interval(raw.interval, r); !st) return st.error();
  if (auto st = read_format(vm, raw.format, o); !st) return st.error();
  // Ids, paths, CSV and the text facet table alone print no snippets: do not make them.
  r.snippets = !(o.format == OutputFormat::kIds || o.format == OutputFormat::kPaths ||
                 o.format == OutputFormat::kCsv || (o.format == OutputFormat::kText && o.facets_only));
  if (auto st = read_sort(vm, raw.sort, r); !st) return st.error();
  if (auto st = read_dates(raw, r); !st) return st.error();
  if (vm.count("facets")) {
    auto names = parse_facet_names(raw.facets);
    if (!names) return usage(names.error().message, names.error().hint);
    r.facets = std::move(names).value();
  }
  if (o.facets_only && r.facets.empty() && !r.timeline)
    return usage("--facets-only needs --facets (or --timeline)", "e.g. --facets-only --facets person,country");
  if (o.facets_only) r.limit = 0;
  read_filters(raw, r);
  if (vm.count("show"))
    if (auto st = check_show(o); !st) return st.error();
  if (!blank.empty()) return usage("--" + blank + " was given an empty value", option_example(desc, blank));
  return o;
}

}  // namespace newsidx::query
