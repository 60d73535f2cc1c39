// Unit tests for common/stub_file: the lines of a Xapian stub database, and what a bad one says.
#include <catch2/catch.hpp>

#include "common/stub_file.hpp"

using namespace newsidx;
using stub_file::StubLine;

namespace {

// One compact string per parsed line: "3 tcp 10.0.0.2 33333", "1 program ssh|search1 xapian-progsrv /srv".
std::string describe(const std::vector<StubLine>& lines) {
  std::string out;
  for (const auto& l : lines) {
    out += std::to_string(l.line) + " ";
    switch (l.kind) {
      case StubLine::Kind::kLocal: out += "local " + l.target; break;
      case StubLine::Kind::kTcp: out += "tcp " + l.target + " " + std::to_string(l.port); break;
      case StubLine::Kind::kProgram: out += "program " + l.target + "|" + l.args; break;
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("stub file: every partition form Xapian accepts is read, comments and blanks skipped", "[stub_file]") {
  auto r = stub_file::parse(
      "# search hosts\n"
      "auto 2019\n"
      "\n"
      "glass /srv/news/2020\r\n"
      "remote 10.0.0.2:33333\n"
      "remote [::1]:4000\n"
      "remote :ssh search1 xapian-progsrv /srv/news/2021\n"
      "remote :xapian-progsrv /srv/news/2022\n"
      "  remote :prog\n",
      "archive/XAPIANDB");
  REQUIRE(r.ok());
  CHECK(describe(*r) ==
        "2 local 2019\n"
        "4 local /srv/news/2020\n"
        "5 tcp 10.0.0.2 33333\n"
        "6 tcp ::1 4000\n"
        "7 program ssh|search1 xapian-progsrv /srv/news/2021\n"
        "8 program xapian-progsrv|/srv/news/2022\n"
        "9 program prog|\n");
  CHECK((*r)[4].text == "remote :ssh search1 xapian-progsrv /srv/news/2021");
  CHECK((*r)[2].remote());
  CHECK_FALSE((*r)[0].remote());
}

TEST_CASE("stub file: a file that is not a stub is named as such, with the line, exit 3", "[stub_file]") {
  // The attack's case: a text file given as --db got Xapian's "file.db:1: Bad line" and a hint
  // to create it.
  for (const std::string& text : std::vector<std::string>{"hello\n", std::string("\x89PNG\r\n\x1a\n\0\0", 10), "\n\n# note\nCREATE TABLE x;\n"}) {
    INFO(stub_file::printable(text));
    auto r = stub_file::parse(text, "file.db");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kDatabase);
    CHECK(exit_code(r.error().code) == 3);
    CHECK(r.error().message.rfind("file.db is not a Xapian database or stub file: line ", 0) == 0);
    CHECK(r.error().message.find('\x1a') == std::string::npos);  // control bytes shown escaped
    CHECK(r.error().hint.find("point --db at a database folder") != std::string::npos);
    CHECK(r.error().hint.find("create") == std::string::npos);
  }
  CHECK(stub_file::parse("\n\n# note\nCREATE TABLE x;\n", "f").error().message ==
        "f is not a Xapian database or stub file: line 4 reads 'CREATE TABLE x;'");
  CHECK(stub_file::parse("\x89PNG\r\n", "f").error().message ==
        "f is not a Xapian database or stub file: line 1 reads '\\x89PNG'");
}

TEST_CASE("stub file: a bad line after good ones is named by file and line, with the reason", "[stub_file]") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"auto a\nremote 10.0.0.2\n", "s:2: bad stub line 'remote 10.0.0.2': a remote server is HOST:PORT with a port of 1 to 65535"},
      {"auto a\nremote host:99999\n", "s:2: bad stub line 'remote host:99999': a remote server is HOST:PORT with a port of 1 to 65535"},
      {"auto a\nremote host:12ab\n", "s:2: bad stub line 'remote host:12ab': a remote server is HOST:PORT with a port of 1 to 65535"},
      {"auto a\nremote :\n", "s:2: bad stub line 'remote :': it names no program after ':'"},
      {"auto a\nremote\n", "s:2: bad stub line 'remote': it names no server"},
      {"auto a\n\nauto\n", "s:3: bad stub line 'auto': it names no database path"},
      {"auto a\ninmemory\n", "s:2: bad stub line 'inmemory': expected 'auto PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS'"},
      {"auto a\nauto b\x1b[31m\n", "s:2: bad stub line 'auto b\\x1b[31m': expected 'auto PATH', 'remote HOST:PORT' or 'remote :PROGRAM ARGS'"},
      {"remote :\n", "s:1: bad stub line 'remote :': it names no program after ':'"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto r = stub_file::parse(c.text, "s");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == c.message);
    CHECK(exit_code(r.error().code) == 3);
    CHECK(r.error().hint.rfind("fix or remove line ", 0) == 0);
  }
}

TEST_CASE("stub file: an empty stub lists no database", "[stub_file]") {
  for (const char* text : {"", "\n", "# only a comment\n"}) {
    auto r = stub_file::parse(text, "s");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "s: stub file lists no database");
  }
}

TEST_CASE("stub file: single-file glass databases are recognised, printable escapes control bytes", "[stub_file]") {
  CHECK(stub_file::is_single_file_database(std::string("\x0f\x0dXapian Glass\x04n", 16)));
  CHECK_FALSE(stub_file::is_single_file_database("auto x\n"));
  CHECK_FALSE(stub_file::is_single_file_database(""));
  CHECK(stub_file::printable("a\x1b]0;x\x07") == "a\\x1b]0;x\\x07");
  CHECK(stub_file::printable(std::string(70, 'x'), 60) == std::string(60, 'x') + "...");
  // UTF-8 stays readable; C1 controls (U+0080..U+009F) and bytes that are not UTF-8 do not.
  CHECK(stub_file::printable("auto /srv/\xc3\xa9t\xc3\xa9") == "auto /srv/\xc3\xa9t\xc3\xa9");  // été
  CHECK(stub_file::printable("a\xc2\x9b" "31m\xff") == "a\\xc2\\x9b31m\\xff");
}
