// Parsing newsidx-index's options (command line, then configuration files) with
// Boost.Program_options.
#include "options.hpp"

#ifndef NEWSIDX_DOCDIR
#define NEWSIDX_DOCDIR "/usr/local/share/doc/newsidx"
#endif

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

#include "common/canonical.hpp"
#include "common/cli_values.hpp"
#include "common/config_files.hpp"
#include "common/edit_distance.hpp"
#include "indexer/walker.hpp"

namespace newsidx::indexer {

namespace po = boost::program_options;

namespace {

Error usage(const std::string& message, const std::string& hint = "see newsidx-index --help") {
  return Error{ErrorCode::kUsage, "newsidx-index: " + message, hint};
}

// The long option a mistyped one most likely means, on the command line ("--rebiuld") or in a
// configuration file ("bacth-size = 500"): the nearest within the edits a spelling correction
// may make, or "".
std::string option_meant(const po::options_description& desc, const std::string& typed) {
  // The names other tools give these options ("--threads 4", "-j 4", "--output news.db").
  static constexpr std::pair<std::string_view, std::string_view> kSynonyms[] = {
      {"threads", "jobs"}, {"workers", "jobs"},   {"j", "jobs"},        {"parallel", "jobs"},
      {"database", "db"},  {"out", "db"},         {"output", "db"},     {"index", "db"},
      {"recreate", "rebuild"}, {"reindex", "rebuild"}};
  const std::size_t dashes = std::min(typed.find_first_not_of('-'), typed.size());
  std::string name = canonical::ascii_lower(std::string_view(typed).substr(dashes));
  name = name.substr(0, name.find('='));
  for (const auto& [word, option] : kSynonyms)
    if (name == word) return std::string(option);
  std::vector<std::string> names;
  for (const auto& opt : desc.options()) names.push_back(opt->long_name());
  return nearest_option(typed, names);
}

}  // namespace

std::optional<MaxPrune> parse_max_prune(std::string_view text) {
  MaxPrune m;
  m.percent = !text.empty() && text.back() == '%';
  if (m.percent) text.remove_suffix(1);
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string_view::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    m.amount = std::stod(std::string(text), &used);
    if (used != text.size()) return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (m.amount < 0 || (m.percent && m.amount > 100)) return std::nullopt;
  return m;
}

bool prune_allowed(const MaxPrune& limit, std::size_t articles, std::size_t total) {
  if (articles == 0) return true;
  if (!limit.percent) return static_cast<double>(articles) <= limit.amount;
  return total > 0 && static_cast<double>(articles) * 100.0 <= limit.amount * static_cast<double>(total);
}

std::string describe(const MaxPrune& limit) {
  std::ostringstream s;
  s << limit.amount;
  return limit.percent ? s.str() + "%" : s.str() + " articles";
}

std::vector<std::string> default_config_files() { return config::default_files(); }

namespace {

// Bounds of --jobs and --batch-size: more threads than this only add memory and switches, and
// Xapian holds a whole batch in memory.
constexpr std::size_t kMaxJobs = 256;
constexpr std::size_t kMaxBatch = 1'000'000;

// The values parse_options reads before it turns them into IndexOptions fields.
struct RawOptions {
  std::string config, max_prune = "50%", jobs = "0", batch_size = "1000";
  bool no_prune = false, prune = false, verbose = false, quiet = false, no_progress = false;
};

// --help's text above the option table.
const char* const kUsage =
      "Usage: newsidx-index [OPTION]... --db PATH ARCHIVE...\n"
      "  or:  newsidx-index --extract-only ARCHIVE...   ('-' reads standard input)\n\n"
      "Indexes folders of news articles (*.txt, *.jsonl/*.ndjson, *.csv/*.tsv exports with a header\n"
      "row, Reuters *.sgm, saved web pages *.html/*.htm/*.xhtml: their main content only, NITF\n"
      "*.nitf, NewsML-G2 *.newsml, RSS *.rss, Atom *.atom, *.xml told apart by its root element,\n"
      "WARC *.warc, ARC *.arc; any of them gzipped as *.gz) into a Xapian database. Nothing is\n"
      "fetched from the network: feeds and XML are read without external entities or DTDs.\n"
      "Re-running over the same archive updates it in place: unchanged files are not read again,\n"
      "changed ones are re-indexed, vanished ones removed.\n"
      "Several folders may share one database, given together or in separate runs: a file is\n"
      "known by its absolute path (so is a text file's article), and a run prunes only under the\n"
      "folders it walks. Safe to run from cron.\n\n"
      "Examples:\n"
      "  $ newsidx-index --db ~/news.db ~/archive\n"
      "  $ newsidx-index --db news.db --exclude '*.bak' --exclude tmp/ archive\n"
      "  $ newsidx-index --status --db ~/news.db\n\n"
      "Status: newsidx-index --status --db PATH [--json] prints the archive's counts, the folders\n"
      "its files come from, the last run and the files skipped so far (with their reasons), and\n"
      "indexes nothing.\n\n"
      "Exit status: 0 all indexed (web pages that hold no article are named and counted\n"
      "apart); 1 some input skipped (named on stderr); 2 usage error;\n"
      "3 database error (corrupt, foreign, other schema, disk full); 4 file-system error\n"
      "(unwritable or missing database folder, log file); 5 pruning refused: more articles would\n"
      "be removed than --max-prune allows (archive folder empty or unmounted?), nothing removed; 75 database\n"
      "locked by another run past --lock-timeout; 128+N stopped by signal N after committing\n"
      "the work done (130 for Ctrl-C).\n\n"
      "Options are also read from --config FILE, else from ~/.config/newsidx/newsidx.conf and\n"
      "/etc/newsidx.conf (lines \"name = value\", e.g. \"lock-timeout = 600\"); the command line\n"
      "overrides them.\n\n"
      "Documentation: " NEWSIDX_DOCDIR "/operations.md (nightly runs, exit statuses, --status\n"
      "JSON), " NEWSIDX_DOCDIR "/examples/ (configuration, crontab, systemd units).\n\nOptions";

// The option table, storing into `o` and `raw`.
po::options_description describe_options(IndexOptions& o, RawOptions& raw) {
  po::options_description desc(kUsage);
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("version", "show the version")
    ("config,c", po::value<std::string>(&raw.config), "read options from FILE instead of the default files")
    ("db,d", po::value<std::string>(&o.db), "database to create or update (e.g. --db news.db)")
    ("archive", po::value<std::vector<std::string>>(&o.archives),
       "folder or file to index; also given as plain arguments (repeatable)")
    ("jobs,j", po::value<std::string>(&raw.jobs)->default_value("0"),
       "worker threads for reading and analysis, 0 to 256; 0 = one per core")
    ("batch-size", po::value<std::string>(&raw.batch_size)->default_value("1000"),
       "documents per commit, 1 to 1,000,000; bounds the writer's memory (e.g. --batch-size 500)")
    ("max-article-bytes", po::value<std::size_t>(&o.max_article_bytes)->default_value(4 * 1024 * 1024),
       "skip articles larger than this, with a warning (a .txt file larger than this is not read)")
    ("lock-timeout", po::value<int>(&o.lock_timeout_s)->default_value(60),
       "seconds to wait for another run's write lock before exiting with status 75")
    ("rebuild", po::bool_switch(&o.rebuild),
       "index everything into a new database and swap it in atomically when complete (a "
       "partitioned archive is rebuilt beside it and swapped in whole; with --partition it may "
       "change scheme)")
    ("partition", po::value<std::string>(&o.partition),
       "year|month|none: --db becomes a folder of one database per period, searched as one "
       "(e.g. --partition year); later runs keep the archive's scheme")
    ("compact", po::bool_switch(&o.compact),
       "after indexing, compact the partitions of past periods changed since their last "
       "compaction (partitioned archives; no ARCHIVE needed)")
    ("relink", po::bool_switch(&o.relink),
       "link the facets of the archive at --db again (the last step of every run): a surname "
       "to the full name the archive knows, short forms, plurals and pieces of organisations "
       "(Standard, Poor -> Standard and Poor's Corp), the alias table (e.g. after changing --aliases); no ARCHIVE needed")
    ("dry-run,n", po::bool_switch(&o.dry_run),
       "print the files that would be added, updated or removed; write nothing")
    ("prune", po::bool_switch(&raw.prune), "remove articles of files gone from a folder given (default)")
    ("no-prune", po::bool_switch(&raw.no_prune), "keep articles of files that no longer exist")
    ("max-prune", po::value<std::string>(&raw.max_prune)->default_value("50%"),
       "refuse (exit 5, nothing removed) to prune more than this share of the articles (\"50%\") "
       "or this many (\"200\"): an empty or unmounted archive folder must not empty the index")
    ("prune-all", po::bool_switch(&o.prune_all), "prune whatever vanished, beyond --max-prune")
    ("exclude", po::value<std::vector<std::string>>(&o.exclude),
       "leave matching files and folders out of the walk (repeatable); fnmatch glob matched "
       "against each entry's name when it has no '/' (\"*.bak\", \"drafts\"), else against the "
       "path relative to the archive folder (\"desk/tmp\"; '*' does not cross '/'); a "
       "trailing '/' matches folders only (\"tmp/\")")
    ("aliases", po::value<std::string>(&o.aliases),
       "TSV file of other names (alias, canonical name, facet: person, org or place) added to "
       "the built-in table (Kiev -> Kyiv); facets store the canonical name")
    ("status", po::bool_switch(&o.status),
       "print the archive's counts, folders, last run and skipped files (see --json); index nothing")
    ("json", po::bool_switch(&o.json), "with --status: print it as JSON (fields in " NEWSIDX_DOCDIR "/operations.md)")
    ("extract-only", "print each article's analysis as JSON Lines; write no database")
    ("text", po::bool_switch(&o.with_text),
       "with --extract-only: add each article's text as read (for web pages, the main content)")
    ("no-entities", po::bool_switch(&o.no_entities),
       "no entity extraction: --extract-only shows what the readers read, an index gets no facets")
    ("log-file", po::value<std::string>(&o.log_file), "also log to FILE, rotated by size")
    ("log-max-size", po::value<std::size_t>(&o.log_max_bytes)->default_value(10 * 1024 * 1024),
       "rotate the log file at this many bytes")
    ("log-keep", po::value<std::size_t>(&o.log_keep)->default_value(5), "rotated log files kept")
    ("no-progress", po::bool_switch(&raw.no_progress), "no progress bar, even on a terminal")
    ("verbose,v", po::bool_switch(&raw.verbose), "log more (each file)")
    ("quiet,q", po::bool_switch(&raw.quiet), "log errors only");
  // clang-format on
  return desc;
}

// Stores the command line into `cli` and `vm`, then the configuration files into `vm` (the
// command line first, so its values win over the files': Boost keeps the first), and notifies.
Status read_layers(int argc, const char* const argv[], const po::options_description& desc, IndexOptions& o,
                   po::variables_map& vm, po::variables_map& cli) {
  po::positional_options_description pos;
  pos.add("archive", -1);
  try {
    auto parsed = po::command_line_parser(argc, argv).options(desc).positional(pos).run();
    if (const std::string blank = blank_valued_option(parsed.options); blank == "archive")
      return usage("an archive was named by an empty path ('')", "name one or more folders or files");
    else if (!blank.empty())
      return usage("--" + blank + " was given an empty value", "give it a value or leave it out (see newsidx-index --help)");
    po::store(parsed, vm);
    po::store(parsed, cli);
    const bool help = vm.count("help") > 0 || vm.count("version") > 0;
    if (vm.count("config")) {
      o.config_files.push_back(vm["config"].as<std::string>());
      std::ifstream probe(o.config_files.back());
      if (!probe)
        return usage("cannot read configuration file " + o.config_files.back(),
                     "check the --config path");
    } else if (!help) {
      o.config_files = config::existing_default_files();
    }
    for (const auto& f : o.config_files) {
      std::ifstream in(f);
      try {
        po::store(po::parse_config_file(in, desc), vm);
      } catch (const po::unknown_option& e) {
        const std::string meant = option_meant(desc, e.get_option_name());
        const std::string lines = "its lines are \"name = value\" with the long option names";
        return usage(f + ": " + e.what(), meant.empty() ? lines : "did you mean " + meant + "? (" + lines + ")");
      } catch (const po::error& e) {
        return usage(f + ": " + e.what(), "fix the file; its lines are \"name = value\" with the long option names");
      }
    }
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    const std::string meant = option_meant(desc, e.get_option_name());
    return usage(e.what(), meant.empty() ? "see newsidx-index --help"
                                         : "did you mean --" + meant + "? (see newsidx-index --help)");
  } catch (const po::ambiguous_option& e) {
    // "--j 2": a prefix of --jobs and --json, which another tool's -j means the first of.
    const std::string meant = option_meant(desc, e.get_option_name());
    return usage(e.what(), meant.empty() ? "see newsidx-index --help"
                                         : "did you mean --" + meant + "? (see newsidx-index --help)");
  } catch (const po::error& e) {
    return usage(e.what());
  }
  return Ok{};
}

// The option combinations that make no run, and the defaults that depend on the machine.
Status check_combinations(IndexOptions& o) {
  if (o.relink && (o.dry_run || o.extract_only || o.rebuild))
    return usage("--relink cannot be combined with --dry-run, --extract-only or --rebuild");
  if (o.archives.empty() && !o.compact && !o.relink)
    return usage("no archive given",
                 "name one or more folders or files: newsidx-index --db news.db ARCHIVE");
  if (o.db.empty() && !o.extract_only)
    return usage("--db is required",
                 "e.g. newsidx-index --db news.db ARCHIVE (or --extract-only to only analyse)");
  if (o.rebuild && o.dry_run) return usage("--rebuild and --dry-run cannot be combined");
  if (!o.extract_only && std::find(o.archives.begin(), o.archives.end(), kStandardInput) != o.archives.end())
    return usage("'-' (standard input) is read only with --extract-only: the archive knows a file by its path",
                 "save it as a file, or analyse it: newsidx-index --extract-only - < story.txt");
  if (!o.partition.empty() && o.partition != "year" && o.partition != "month" && o.partition != "none")
    return usage("--partition must be year, month or none", "e.g. --partition year");
  if (o.compact && (o.dry_run || o.extract_only || o.rebuild))
    return usage("--compact cannot be combined with --dry-run, --extract-only or --rebuild");
  if (o.lock_timeout_s < 0) return usage("--lock-timeout must be 0 or more seconds");
  if (o.jobs == 0) o.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (o.log_keep == 0) o.log_keep = 1;
  return Ok{};
}

}  // namespace

Result<IndexOptions> parse_options(int argc, const char* const argv[]) {
  IndexOptions o;
  RawOptions raw;
  const po::options_description desc = describe_options(o, raw);
  po::variables_map vm, cli;
  if (auto st = read_layers(argc, argv, desc, o, vm, cli); !st) return st.error();
  std::ostringstream help;
  help << desc;
  o.help_text = help.str();
  o.show_help = vm.count("help") > 0;
  o.show_version = vm.count("version") > 0;
  if (o.show_help || o.show_version) return o;

  // A switch given on the command line beats its opposite from a configuration file.
  auto from_cli = [&](const char* name) { return cli.count(name) && cli[name].as<bool>(); };
  if (from_cli("prune") || from_cli("no-prune")) o.prune = !from_cli("no-prune");
  else o.prune = raw.prune || !raw.no_prune;
  if (from_cli("verbose") || from_cli("quiet")) {
    raw.verbose = from_cli("verbose");
    raw.quiet = from_cli("quiet");
  }
  if (raw.verbose) o.log_level = LogLevel::kVerbose;
  if (raw.quiet) o.log_level = LogLevel::kQuiet;
  o.progress = !raw.no_progress;
  o.extract_only = vm.count("extract-only") > 0;
  // Read here rather than by Boost, which takes "-1" for 4,294,967,295 threads.
  if (auto j = whole_number(raw.jobs, 0, kMaxJobs)) o.jobs = static_cast<unsigned>(*j);
  else return usage(range_message("--jobs", raw.jobs, 0, kMaxJobs), "e.g. --jobs 2 (0: one per core)");
  if (auto b = whole_number(raw.batch_size, 1, kMaxBatch)) o.batch_size = *b;
  else return usage(range_message("--batch-size", raw.batch_size, 1, kMaxBatch), "e.g. --batch-size 500");
  if (auto m = parse_max_prune(raw.max_prune)) o.max_prune = *m;
  else return usage("--max-prune must be a share such as 50% (0-100%) or a number of articles, not \"" +
                    raw.max_prune + "\"");
  if (o.json && !o.status) return usage("--json goes with --status");
  if (o.status) {
    if (o.db.empty()) return usage("--status needs --db", "e.g. newsidx-index --status --db news.db");
    return o;
  }
  if (auto st = check_combinations(o); !st) return st.error();
  return o;
}

}  // namespace newsidx::indexer
