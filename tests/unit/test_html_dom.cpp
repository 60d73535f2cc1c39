// Unit tests for the HTML tree helpers and the nesting guard.
#include <catch2/catch.hpp>

#include <string>

#include "indexer/readers/html_dom.hpp"

using namespace newsidx::readers::html;

TEST_CASE("html_dom: the nesting estimate counts open elements, not void or optional-end ones", "[html_dom]") {
  CHECK(estimated_nesting_depth("<html><body><div><div><span>x</span></div></div></body></html>") == 5);
  CHECK(estimated_nesting_depth("<ul><li>a<li>b<li>c</ul><p>one<p>two<br><img src=x><hr>") == 1);
  CHECK(estimated_nesting_depth("<script>if (a<b) { x = '<div><div><div>'; }</script><div></div>") == 1);
  CHECK(estimated_nesting_depth("<!-- <div><div><div> --><div/>") == 0);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  CHECK(estimated_nesting_depth(deep) == 5000);
}

TEST_CASE("html_dom: broken markup still gives html, head and body", "[html_dom]") {
  const std::string page = "<title>T</title><p>one <b>two<p>three";
  const Tree tree(page);
  REQUIRE(tree.head());
  REQUIRE(tree.body());
  CHECK(find_all(tree.root(), GUMBO_TAG_P).size() == 2);
  CHECK(text_of(tree.body()) == "one two three");
}

TEST_CASE("html_dom: text_of collapses white space, separates blocks and skips scripts", "[html_dom]") {
  const std::string page =
      "<body><div>Alpha\n\n  beta&nbsp;gamma</div><div>delta<script>var x=1;</script></div>"
      "<span>ep</span><span>silon</span></body>";
  const Tree tree(page);
  CHECK(text_of(tree.body()) == "Alpha beta gamma delta epsilon");
}

TEST_CASE("html_dom: attributes and first elements", "[html_dom]") {
  const std::string page = "<html lang=\"en-GB\"><body><a href=\"/x\" class=\"k\">x</a><h1>H</h1></body></html>";
  const Tree tree(page);
  CHECK(attribute(tree.root(), "lang") == "en-GB");
  const GumboNode* a = find_first(tree.root(), GUMBO_TAG_A);
  REQUIRE(a);
  CHECK(attribute(a, "href") == "/x");
  CHECK(attribute(a, "title").empty());
  CHECK(find_first(tree.root(), GUMBO_TAG_TABLE) == nullptr);
}
