// newsidx-query: parse options, run, return the exit status.
#include <cstdlib>
#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

#include "query/display.hpp"
#include "query/options.hpp"
#include "query/run.hpp"

int main(int argc, char** argv) {
  using namespace newsidx;
  auto opts = query::parse_options(argc, argv);
  if (!opts) {
    std::cerr << opts.error().message << "\n";
    if (!opts.error().hint.empty()) std::cerr << "hint: " << opts.error().hint << "\n";
    return exit_code(opts.error().code);
  }
  if (opts->show_help) {
    std::cout << opts->help_text;
    return 0;
  }
  if (opts->show_version) {
    std::cout << "newsidx-query 0.1.0\n";
    return 0;
  }
  const bool tty = isatty(STDOUT_FILENO);
  winsize ws{};
  const int columns = tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
  return query::run(*opts, std::cout, std::cerr, query::use_color(tty, std::getenv("NO_COLOR"), std::getenv("TERM")),
                    query::output_width(std::getenv("COLUMNS"), columns));
}
