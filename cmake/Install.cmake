# Installation and packaging: binaries (installed by their own folders), man pages generated from
# the --help text with help2man, bash completion for both tools, the contrib examples and the
# operations guide; `cpack -G DEB` builds a Debian package from the same rules.
include(GNUInstallDirs)

# --help names the installed documents.
foreach(lib newsidx_indexer newsidx_query)
  target_compile_definitions(${lib} PRIVATE NEWSIDX_DOCDIR="${CMAKE_INSTALL_FULL_DOCDIR}")
endforeach()

# The examples and the man pages' extra sections name installed paths (the binaries, the
# documents), so they are generated from templates with this build's install prefix.
set(_contrib ${CMAKE_BINARY_DIR}/contrib)
configure_file(${PROJECT_SOURCE_DIR}/contrib/crontab.example.in ${_contrib}/crontab.example @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/contrib/systemd/newsidx-index.service.in ${_contrib}/newsidx-index.service @ONLY)
foreach(tool newsidx-index newsidx-query)
  configure_file(${PROJECT_SOURCE_DIR}/contrib/man/${tool}.h2m ${_contrib}/${tool}.h2m @ONLY)
endforeach()

# Man pages come from each tool's --help and --version, plus the sections in contrib/man/*.h2m,
# so they cannot drift from the program. help2man is a build dependency (scripts/install-deps.sh);
# without it the build still works and only the man pages are left out, with a warning.
find_program(NEWSIDX_HELP2MAN help2man)
if(NEWSIDX_HELP2MAN)
  set(_man_pages)
  foreach(tool newsidx-index newsidx-query)
    if(tool STREQUAL "newsidx-index")
      set(_what "index news archives into a Xapian database, incrementally and safely from cron")
    else()
      set(_what "search a newsidx news archive index")
    endif()
    set(_page ${CMAKE_BINARY_DIR}/man/${tool}.1)
    add_custom_command(
      OUTPUT ${_page}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${NEWSIDX_HELP2MAN} --no-info --no-discard-stderr --section 1
              --name "${_what}" --include ${_contrib}/${tool}.h2m
              --output ${_page} $<TARGET_FILE:${tool}>
      DEPENDS ${tool} ${_contrib}/${tool}.h2m
      COMMENT "Generating the ${tool}(1) man page from --help"
      VERBATIM)
    list(APPEND _man_pages ${_page})
  endforeach()
  add_custom_target(newsidx_man ALL DEPENDS ${_man_pages})
  install(FILES ${_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: man pages will not be built (run scripts/install-deps.sh)")
endif()

# bash-completion loads completions/<command> on demand, so the script goes in under both names.
foreach(tool newsidx-index newsidx-query)
  install(FILES ${PROJECT_SOURCE_DIR}/contrib/bash-completion/newsidx
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ${tool})
endforeach()

install(FILES
          ${PROJECT_SOURCE_DIR}/contrib/newsidx.conf
          ${_contrib}/crontab.example
          ${_contrib}/newsidx-index.service
          ${PROJECT_SOURCE_DIR}/contrib/systemd/newsidx-index.timer
          ${PROJECT_SOURCE_DIR}/common/data/aliases.tsv
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The documents --help and the man pages point to.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/operations.md
              ${PROJECT_SOURCE_DIR}/docs/json-output.md ${PROJECT_SOURCE_DIR}/docs/deployment.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian package: `cpack -G DEB` in the build folder.
set(CPACK_PACKAGE_NAME newsidx)
set(CPACK_PACKAGE_VENDOR "newsidx")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "search engine for news archives, built on Xapian")
set(CPACK_PACKAGE_CONTACT "newsidx maintainers <newsidx@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# Library dependencies (libxapian30, libboost-program-options, libfmt, ...) are computed by
# dpkg-shlibdeps from the binaries, so they match what the build linked.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Indexes folders of news articles (plain text, JSON Lines, Reuters SGML) with their people,\nplaces, organisations and quotations, and searches them with phrases, Boolean operators,\ndates and facets. newsidx-index re-indexes incrementally and safely from cron.")
set(CPACK_STRIP_FILES ON)
include(CPack)
