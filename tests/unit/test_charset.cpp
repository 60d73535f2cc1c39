// Unit tests for web-page character sets: the WHATWG order and decoding to UTF-8.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/charset.hpp"

using namespace newsidx::readers;

TEST_CASE("charset: the byte-order mark beats the header and the <meta>", "[charset]") {
  const std::string page = "\xEF\xBB\xBF<meta charset=\"iso-8859-2\"><p>caf\xC3\xA9</p>";
  const auto c = choose_charset(page, "text/html; charset=shift_jis");
  CHECK(c.label == "utf-8");
  CHECK(c.source == CharsetSource::kBom);
  CHECK(decode_to_utf8(page, c.label).text == "<meta charset=\"iso-8859-2\"><p>caf\xC3\xA9</p>");
}

TEST_CASE("charset: the transport header beats the <meta> prescan", "[charset]") {
  const auto c = choose_charset("<meta charset=\"utf-8\"><p>caf\xE9</p>", "text/html;charset=\"ISO-8859-15\"");
  CHECK(c.label == "iso-8859-15");
  CHECK(c.source == CharsetSource::kTransport);
}

TEST_CASE("charset: the <meta> prescan reads charset and http-equiv, skips comments, stops at 1,024 bytes", "[charset]") {
  CHECK(prescan_meta_charset("<html><head><META CHARSET=Shift_JIS>") == "shift_jis");
  CHECK(prescan_meta_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-jp\">") == "euc-jp");
  CHECK(prescan_meta_charset("<!-- <meta charset=\"koi8-r\"> --><meta charset='iso-8859-7'>") == "iso-8859-7");
  CHECK(prescan_meta_charset(std::string(1100, ' ') + "<meta charset=\"koi8-r\">").empty());
  // Latin-1 and ASCII labels are read as windows-1252, as browsers do; UTF-16 in a prescan is UTF-8.
  CHECK(prescan_meta_charset("<meta charset=\"ISO-8859-1\">") == "windows-1252");
  CHECK(prescan_meta_charset("<meta charset=\"utf-16\">") == "utf-8");
}

TEST_CASE("charset: a declared legacy charset decodes through iconv", "[charset]") {
  const std::string page = "<meta charset=\"koi8-r\"><p>\xEC\xC9\xD3</p>";  // "Лис" in KOI8-R
  const auto c = choose_charset(page, "");
  REQUIRE(c.label == "koi8-r");
  CHECK(c.source == CharsetSource::kMeta);
  CHECK(decode_to_utf8(page, c.label).text == "<meta charset=\"koi8-r\"><p>Лис</p>");
}

TEST_CASE("charset: undeclared bytes are UTF-8 when valid, else detected, else windows-1252", "[charset]") {
  CHECK(choose_charset("<p>caf\xC3\xA9 cr\xC3\xA8me</p>", "").label == "utf-8");
  const std::string latin = "<p>Le caf\xE9 \xE9tait ferm\xE9 et la cr\xE8me br\xFBl\xE9" "e aussi, d\xE9j\xE0 "
                            "\xE0 midi; les \xE9l\xE8ves l'ont not\xE9 tr\xE8s t\xF4t.</p>";
  const auto c = choose_charset(latin, "");
  CHECK(c.source != CharsetSource::kMeta);
  const auto d = decode_to_utf8(latin, c.label);
  CHECK(d.text.find("caf\xC3\xA9") != std::string::npos);
  CHECK(d.replaced == 0);
}

TEST_CASE("charset: a stale legacy <meta> on a page re-saved as UTF-8 is overruled", "[charset]") {
  const auto c = choose_charset("<meta charset=\"gb2312\"><p>\xE4\xBA\xBA\xE5\xB7\xA5</p>", "");
  CHECK(c.label == "utf-8");
}

TEST_CASE("charset: an unknown declared label is skipped and reported", "[charset]") {
  const auto c = choose_charset("<meta charset=\"x-klingon\"><p>plain</p>", "");
  CHECK(c.ignored == "x-klingon");
  CHECK(c.label == "utf-8");
  CHECK_FALSE(is_known_charset("x-klingon"));
  CHECK(is_known_charset("shift_jis"));
}

TEST_CASE("charset: invalid bytes become U+FFFD and are counted", "[charset]") {
  const auto u = decode_to_utf8("ok \xFF\xFE ok", "utf-8");
  CHECK(u.text == "ok \xEF\xBF\xBD\xEF\xBF\xBD ok");
  CHECK(u.replaced == 2);
  const auto s = decode_to_utf8("a\x81\xFF", "shift_jis");
  CHECK(s.replaced >= 1);
  CHECK(s.text.starts_with("a"));
}

TEST_CASE("charset: UTF-16 with a byte-order mark decodes", "[charset]") {
  const std::string page("\xFF\xFE<\0p\0>\0h\0i\0", 12);
  const auto c = choose_charset(page, "");
  REQUIRE(c.label == "utf-16le");
  CHECK(decode_to_utf8(page, c.label).text == "<p>hi");
}
