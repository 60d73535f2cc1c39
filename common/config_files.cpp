// The configuration file search path shared by newsidx-index and newsidx-query.
#include "config_files.hpp"

#include <cstdlib>
#include <filesystem>

namespace newsidx::config {

std::vector<std::string> default_files() {
  std::vector<std::string> out;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    out.push_back(std::string(xdg) + "/newsidx/newsidx.conf");
  else if (const char* home = std::getenv("HOME"); home && *home)
    out.push_back(std::string(home) + "/.config/newsidx/newsidx.conf");
  out.push_back("/etc/newsidx.conf");
  return out;
}

std::vector<std::string> existing_default_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& f : default_files())
    if (std::filesystem::is_regular_file(f, ec)) out.push_back(f);
  return out;
}

}  // namespace newsidx::config
