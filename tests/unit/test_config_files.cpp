// The configuration files both tools look for.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "common/config_files.hpp"
#include "test_util.hpp"

namespace {

// Sets an environment variable for the scope, restoring it after.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~EnvVar() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("config files: the user's file, then /etc/newsidx.conf, only existing ones are read", "[config]") {
  newsidx::test::TempDir dir;
  {
    EnvVar xdg("XDG_CONFIG_HOME", dir.str("cfg").c_str());
    CHECK(newsidx::config::default_files() ==
          std::vector<std::string>{dir.str("cfg") + "/newsidx/newsidx.conf", "/etc/newsidx.conf"});
    newsidx::test::write_file(dir.path() / "cfg/newsidx/newsidx.conf", "db = x\n");
    const auto found = newsidx::config::existing_default_files();
    REQUIRE_FALSE(found.empty());
    CHECK(found[0] == dir.str("cfg") + "/newsidx/newsidx.conf");
  }
  EnvVar no_xdg("XDG_CONFIG_HOME", nullptr);
  EnvVar home("HOME", dir.str("home").c_str());
  CHECK(newsidx::config::default_files()[0] == dir.str("home") + "/.config/newsidx/newsidx.conf");
}
