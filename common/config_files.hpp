// Where both tools look for their shared configuration file (newsidx.conf).
#pragma once

#include <string>
#include <vector>

namespace newsidx::config {

/// The configuration files read when --config is not given, most important first:
/// $XDG_CONFIG_HOME/newsidx/newsidx.conf (or ~/.config/newsidx/newsidx.conf), then
/// /etc/newsidx.conf. Both newsidx-index and newsidx-query read them.
std::vector<std::string> default_files();

/// default_files() that exist as regular files, in the same order.
std::vector<std::string> existing_default_files();

}  // namespace newsidx::config
