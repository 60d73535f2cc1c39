# Warning and sanitizer flags as INTERFACE targets, linked PRIVATE by each of our targets.
add_library(newsidx_warnings INTERFACE)
target_compile_options(newsidx_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  # GCC 12 at -O2/-O3 reports impossible memcpy overlaps inside std::string (GCC bug 105329):
  # a false positive in the standard library, not in our code.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${NEWSIDX_WERROR}>:-Werror>)

add_library(newsidx_sanitizers INTERFACE)
if(NEWSIDX_SANITIZE)
  # -O1 -g1 (after the build type's -O2 -g, so they win): with the sanitizers' instrumentation,
  # -O2 and full debug information made each file compile 2.5-3x slower than this (searcher.cpp
  # 17.8 s against 7.6 s), and that build was most of scripts/test.sh's time. -g1 keeps the
  # functions and line tables the sanitizers' stack traces print.
  target_compile_options(newsidx_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -O1 -g1)
  target_link_options(newsidx_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
