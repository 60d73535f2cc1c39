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
  target_compile_options(newsidx_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(newsidx_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
