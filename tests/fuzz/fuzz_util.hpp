// Deterministic mutation fuzzing for CTest: seeds (files of corpus/ and inputs written in the
// tests) are mutated by byte flips, insertions of special bytes and format tokens, deletions,
// truncations, duplications and splices, with a fixed random seed, so that every run feeds the
// same inputs and a failure is reproducible. A failure names the seed and iteration and prints
// the input as a C string; a crash prints it (in hex) from a signal or sanitizer death handler.
//
// Longer runs: NEWSIDX_FUZZ_ITERATIONS=N (per target; default is each target's CI budget) and
// NEWSIDX_FUZZ_SEED=S (another sequence of inputs), e.g.
//   NEWSIDX_FUZZ_ITERATIONS=200000 NEWSIDX_FUZZ_SEED=7 build-test/tests/newsidx_fuzz_tests
#pragma once

#include <cctype>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "test_util.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define NEWSIDX_FUZZ_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/common_interface_defs.h>
#define NEWSIDX_FUZZ_SANITIZED 1
#endif
#endif

namespace newsidx::fuzz {

/// The input being run, for the crash handlers (a plain buffer: they may only call write(2)).
struct Current {
  const char* name = "";
  const char* data = nullptr;
  std::size_t size = 0;
  unsigned long long seed = 0;
  std::size_t iteration = 0;
};
inline Current g_current;

inline void write_all(const char* s, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(2, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<std::size_t>(w);
  }
}

inline void write_number(unsigned long long v) {
  char buf[24];
  int i = sizeof buf;
  do {
    buf[--i] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  write_all(buf + i, sizeof buf - static_cast<std::size_t>(i));
}

// Async-signal-safe: names the target, seed and iteration and dumps the input in hex.
inline void report_crash() {
  static const char kHex[] = "0123456789abcdef";
  const Current& c = g_current;
  if (!c.data) return;
  write_all("\nfuzz: crash in target ", 23);
  write_all(c.name, std::char_traits<char>::length(c.name));
  write_all(" (NEWSIDX_FUZZ_SEED=", 20);
  write_number(c.seed);
  write_all(", iteration ", 12);
  write_number(c.iteration);
  write_all("); input of ", 12);
  write_number(c.size);
  write_all(" bytes in hex:\n", 15);
  char line[64];
  for (std::size_t i = 0; i < c.size;) {
    std::size_t n = 0;
    for (; n < 32 && i < c.size; ++i) {
      const auto b = static_cast<unsigned char>(c.data[i]);
      line[n * 2] = kHex[b >> 4];
      line[n * 2 + 1] = kHex[b & 15];
      ++n;
    }
    write_all(line, n * 2);
    write_all("\n", 1);
  }
}

inline void on_signal(int sig) {
  report_crash();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

inline void install_crash_handlers() {
  static bool done = false;
  if (done) return;
  done = true;
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, on_signal);
#ifdef NEWSIDX_FUZZ_SANITIZED
  __sanitizer_set_death_callback(report_crash);
#endif
}

/// `s` as a C string literal (printable ASCII kept, everything else \xHH), for failure messages.
inline std::string c_literal(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += s[i];
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c >= 0x20 && c < 0x7f) {
      out += s[i];
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      // End the literal when a hex digit follows, so that it is not read into the escape.
      if (i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1]))) out += "\"\"";
    }
  }
  return out + "\"";
}

inline std::size_t env_number(const char* name, std::size_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  return static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
}

/// The random seed of every loop: NEWSIDX_FUZZ_SEED, else a fixed one.
inline unsigned long long seed() { return env_number("NEWSIDX_FUZZ_SEED", 20261206); }

/// Iterations for one target: NEWSIDX_FUZZ_ITERATIONS, else `ci_default`.
inline std::size_t iterations(std::size_t ci_default) { return env_number("NEWSIDX_FUZZ_ITERATIONS", ci_default); }

/// Reads a file of the repository (seeds from corpus/).
inline std::string source_file(const std::string& rel) {
  return test::read_file(std::filesystem::path(NEWSIDX_SOURCE_DIR) / rel);
}

/// Mutates inputs with a fixed-seed generator: byte flips, special bytes, format tokens,
/// deletions, truncations, duplications, splices with another seed.
class Mutator {
 public:
  Mutator(unsigned long long seed, std::vector<std::string> tokens, std::size_t max_size)
      : rng_(seed), tokens_(std::move(tokens)), max_size_(max_size) {}

  std::string mutate(const std::string& base, const std::vector<std::string>& seeds) {
    std::string s = base;
    const int rounds = 1 + static_cast<int>(below(4));
    for (int r = 0; r < rounds; ++r) step(s, seeds);
    if (s.size() > max_size_) s.resize(max_size_);
    return s;
  }

  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }

 private:
  void step(std::string& s, const std::vector<std::string>& seeds) {
    static const char kSpecial[] = {'\0', '\n', '\r', '\t', ' ', '"', '\'', '\\', '<', '>', '&', ';', ':',
                                    '(', ')', '{', '}', '[', ']', '*', '.', '-', '+', '#', '\x1b', '\x7f',
                                    '\x80', '\xc3', '\xe2', '\xf0', '\xff'};
    const std::size_t pos = below(s.size() + 1);
    switch (below(8)) {
      case 0:  // flip a bit
        if (!s.empty()) s[pos % s.size()] = static_cast<char>(s[pos % s.size()] ^ (1 << below(8)));
        break;
      case 1:  // a special byte, once or repeated
        s.insert(pos, below(4) == 0 ? 1 + below(64) : 1, kSpecial[below(sizeof kSpecial)]);
        break;
      case 2:  // a token of the format
        if (!tokens_.empty()) s.insert(pos, tokens_[below(tokens_.size())]);
        break;
      case 3:  // delete a run
        s.erase(pos, 1 + below(32));
        break;
      case 4:  // truncate
        s.resize(pos);
        break;
      case 5: {  // duplicate a run
        const std::string run = s.substr(pos, 1 + below(64));
        s.insert(below(s.size() + 1), run);
        break;
      }
      case 6: {  // splice: this input's head with another seed's tail
        const std::string& other = seeds[below(seeds.size())];
        s = s.substr(0, pos) + other.substr(below(other.size() + 1));
        break;
      }
      default:  // overwrite a byte with any value
        if (!s.empty()) s[pos % s.size()] = static_cast<char>(below(256));
        break;
    }
  }

  std::mt19937_64 rng_;
  std::vector<std::string> tokens_;
  std::size_t max_size_;
};

/// Runs `check` on every seed, then on `n` mutated inputs. `check` returns "" when the input
/// was handled as promised, else what went wrong; an exception escaping it is a failure too.
/// The first failure stops the loop and is reported with the input that caused it.
inline void run(const char* name, const std::vector<std::string>& seeds, const std::vector<std::string>& tokens,
                std::size_t n, std::size_t max_size, const std::function<std::string(const std::string&)>& check) {
  install_crash_handlers();
  const unsigned long long s = seed();
  Mutator m(s, tokens, max_size);
  std::string input;
  for (std::size_t i = 0; i < seeds.size() + n; ++i) {
    input = i < seeds.size() ? seeds[i] : m.mutate(seeds[m.below(seeds.size())], seeds);
    g_current = Current{name, input.data(), input.size(), s, i};
    std::string problem;
    try {
      problem = check(input);
    } catch (const std::exception& e) {
      problem = std::string("exception escaped: ") + e.what();
    } catch (...) {
      problem = "a non-standard exception escaped";
    }
    if (!problem.empty()) {
      g_current = Current{};
      FAIL("fuzz target " << name << " (NEWSIDX_FUZZ_SEED=" << s << ", iteration " << i << "): " << problem
                          << "\ninput (" << input.size() << " bytes): " << c_literal(input));
    }
  }
  g_current = Current{};
  SUCCEED(name << ": " << seeds.size() + n << " inputs handled");
}

}  // namespace newsidx::fuzz
