// Parsing Xapian stub database files.
#include "stub_file.hpp"

#include <charconv>

namespace newsidx::stub_file {

namespace {

constexpr const char* kForms = "'auto PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS'";
// parse_line's answer for text that is no partition line at all (unknown type, binary bytes).
constexpr const char* kNotALine = "not a stub line";

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

bool has_control(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
  }
  return false;
}

// "HOST:PORT", "[v6]:PORT": the host and a port of 1 to 65535, or false.
bool split_tcp(std::string_view target, std::string& host, unsigned& port) {
  const auto colon = target.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == target.size()) return false;
  std::string_view h = target.substr(0, colon), p = target.substr(colon + 1);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  unsigned value = 0;
  const auto r = std::from_chars(p.data(), p.data() + p.size(), value);
  if (r.ec != std::errc() || r.ptr != p.data() + p.size() || value == 0 || value > 65535) return false;
  host = std::string(h);
  port = value;
  return !host.empty();
}

// Why `line` is not a partition line, or "" when `out` now holds it.
std::string parse_line(std::string_view line, StubLine& out) {
  if (has_control(line)) return kNotALine;
  const auto space = line.find_first_of(" \t");
  const std::string_view type = line.substr(0, space);
  const std::string_view target = space == std::string_view::npos ? std::string_view() : trim(line.substr(space + 1));
  out.text = std::string(line);
  if (type == "auto" || type == "glass" || type == "chert") {
    if (target.empty()) return "it names no database path";
    out.kind = StubLine::Kind::kLocal;
    out.target = std::string(target);
    return "";
  }
  if (type != "remote") return kNotALine;
  if (target.empty()) return "it names no server";
  if (target.front() == ':') {
    const std::string_view rest = target.substr(1);
    const auto gap = rest.find(' ');
    out.kind = StubLine::Kind::kProgram;
    out.target = std::string(rest.substr(0, gap));
    out.args = gap == std::string_view::npos ? std::string() : std::string(trim(rest.substr(gap + 1)));
    return out.target.empty() ? "it names no program after ':'" : "";
  }
  out.kind = StubLine::Kind::kTcp;
  if (!split_tcp(target, out.target, out.port)) return "a remote server is HOST:PORT with a port of 1 to 65535";
  return "";
}

// The length of the printable character `s` starts with (a printable ASCII byte, or a whole UTF-8
// sequence that is not a C1 control), or 0 for a byte to show escaped.
std::size_t utf8_length(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return b0 >= 0x20 && b0 != 0x7f ? 1 : 0;
  const std::size_t n = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
  if (n == 0 || s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) return 0;
  if (b0 == 0xc2 && static_cast<unsigned char>(s[1]) < 0xa0) return 0;  // U+0080..U+009F
  return n;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::string_view shown = text.substr(0, max);
  std::string out;
  for (std::size_t i = 0; i < shown.size();) {
    const std::size_t n = utf8_length(shown.substr(i));
    if (n > 0) {
      out.append(shown.substr(i, n));
      i += n;
      continue;
    }
    const auto c = static_cast<unsigned char>(shown[i++]);
    out += "\\x";
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  if (text.size() > max) out += "...";
  return out;
}

bool is_single_file_database(std::string_view head) {
  static constexpr std::string_view kGlassMagic("\x0f\x0dXapian Glass", 14);
  return head.substr(0, kGlassMagic.size()) == kGlassMagic;
}

Result<std::vector<StubLine>> parse(std::string_view text, const std::string& file) {
  std::vector<StubLine> out;
  int number = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    StubLine parsed;
    parsed.line = number;
    const std::string why = parse_line(line, parsed);
    if (why.empty()) {
      out.push_back(std::move(parsed));
      continue;
    }
    const std::string shown = "'" + printable(line) + "'";
    const std::string where = file + ":" + std::to_string(number);
    // Garbage before any partition line: the file is something else (a text file, a table).
    if (out.empty() && why == kNotALine)
      return Error{ErrorCode::kDatabase,
                   file + " is not a Xapian database or stub file: line " + std::to_string(number) + " reads " + shown,
                   "point --db at a database folder written by newsidx-index, or at a stub file whose "
                   "lines are " + std::string(kForms)};
    return Error{ErrorCode::kDatabase,
                 where + ": bad stub line " + shown + ": " + (why == kNotALine ? std::string("expected ") + kForms : why),
                 "fix or remove line " + std::to_string(number) + " of " + file + "; each line is " + kForms};
  }
  if (out.empty())
    return Error{ErrorCode::kDatabase, file + ": stub file lists no database",
                 "add a line per partition: " + std::string(kForms)};
  return out;
}

}  // namespace newsidx::stub_file
