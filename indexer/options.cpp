// Parsing newsidx-index's options with Boost.Program_options.
#include "options.hpp"

#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

namespace newsidx::indexer {

namespace po = boost::program_options;

Result<IndexOptions> parse_options(int argc, const char* const argv[]) {
  IndexOptions o;
  po::options_description desc(
      "Usage: newsidx-index --db PATH ARCHIVE...\n"
      "       newsidx-index --extract-only ARCHIVE...\n\n"
      "Indexes folders of news articles (*.txt, *.jsonl/*.ndjson, Reuters *.sgm) into a Xapian\n"
      "database. Re-running over the same archive updates it in place.\n\n"
      "Example: newsidx-index --db ~/news.db ~/archive\n\nOptions");
  // clang-format off
  desc.add_options()
    ("help,h", "show this help")
    ("version", "show the version")
    ("db,d", po::value<std::string>(&o.db), "database to create or update (e.g. --db news.db)")
    ("jobs,j", po::value<unsigned>(&o.jobs)->default_value(0),
       "worker threads for reading and analysis; 0 = one per core")
    ("batch-size", po::value<std::size_t>(&o.batch_size)->default_value(1000),
       "documents per commit; bounds the writer's memory (e.g. --batch-size 500)")
    ("max-article-bytes", po::value<std::size_t>(&o.max_article_bytes)->default_value(4 * 1024 * 1024),
       "skip articles larger than this, with a warning")
    ("lock-timeout", po::value<int>(&o.lock_timeout_s)->default_value(60),
       "seconds to wait for another run's write lock before exiting with status 75")
    ("no-prune", "keep articles of files that no longer exist under a folder given")
    ("extract-only", "print each article's analysis as JSON Lines; write no database")
    ("verbose,v", "log more (each file)")
    ("quiet,q", "log errors only");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("archive", po::value<std::vector<std::string>>(&o.archives), "");
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("archive", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Error{ErrorCode::kUsage, std::string("newsidx-index: ") + e.what(),
                 "see newsidx-index --help"};
  }
  std::ostringstream help;
  help << desc;
  o.help_text = help.str();
  o.show_help = vm.count("help") > 0;
  o.show_version = vm.count("version") > 0;
  if (o.show_help || o.show_version) return o;
  o.prune = vm.count("no-prune") == 0;
  o.extract_only = vm.count("extract-only") > 0;
  if (vm.count("verbose")) o.log_level = LogLevel::kVerbose;
  if (vm.count("quiet")) o.log_level = LogLevel::kQuiet;
  if (o.archives.empty())
    return Error{ErrorCode::kUsage, "newsidx-index: no archive given",
                 "name one or more folders or files: newsidx-index --db news.db ARCHIVE"};
  if (o.db.empty() && !o.extract_only)
    return Error{ErrorCode::kUsage, "newsidx-index: --db is required",
                 "e.g. newsidx-index --db news.db ARCHIVE (or --extract-only to only analyse)"};
  if (o.jobs == 0) o.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (o.batch_size == 0) o.batch_size = 1;
  return o;
}

}  // namespace newsidx::indexer
