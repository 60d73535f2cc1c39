// Test helpers for the reader tests: reading a file, or a command's output, into a string.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

namespace newsidx::test {

/// The bytes of `path`, or nullopt when it cannot be opened.
inline std::optional<std::string> slurp_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return std::nullopt;
  std::string out;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

/// The standard output of a shell command, or nullopt when it fails to run or exits non-zero.
inline std::optional<std::string> command_output(const std::string& command) {
  std::FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return std::nullopt;
  std::string out;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (::pclose(p) != 0) return std::nullopt;
  return out;
}

}  // namespace newsidx::test
