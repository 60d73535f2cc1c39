// Xapian stub database files ("auto PATH", "remote HOST:PORT", "remote :PROGRAM ARGS"), parsed
// by newsidx itself so that a bad line is named with its file and line, and so that the query
// tool can open the partitions one by one (--partial leaves out the remote ones that fail).
// Pure: text in, lines out; opening them is xapian_db's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace newsidx::stub_file {

/// One partition named by a stub file.
struct StubLine {
  enum class Kind {
    kLocal,    ///< "auto PATH" (also "glass PATH", "chert PATH"): a database on this machine
    kTcp,      ///< "remote HOST:PORT": a xapian-tcpsrv server
    kProgram,  ///< "remote :PROGRAM ARGS": a program spoken to over stdin/stdout, e.g.
               ///< "remote :ssh search1 xapian-progsrv /srv/news/2024"
  };
  Kind kind = Kind::kLocal;
  int line = 0;          ///< 1-based line number in the file
  std::string text;      ///< the line as written (trimmed), for messages
  std::string target;    ///< kLocal: the path as written; kTcp: the host; kProgram: the program
  std::string args;      ///< kProgram: its arguments (Xapian splits them on spaces)
  unsigned port = 0;     ///< kTcp
  bool remote() const { return kind != Kind::kLocal; }
};

/// The stub file inside a folder that Xapian opens as the databases it lists (a partitioned
/// archive's folder, or one holding a stub): the one place the name is spelled.
inline constexpr std::string_view kFolderStubName = "XAPIANDB";

/// The largest stub file read; anything bigger is not a stub (a list of partitions is tiny).
inline constexpr std::size_t kMaxStubBytes = 1 << 20;

/// Parses the text of the stub file `file` (named in messages) the way Xapian 1.4 reads it:
/// blank lines and lines starting with '#' are skipped; a line is a type, one space, and its
/// target. A file whose first partition line is not one is "not a Xapian stub database"; a later
/// bad line is named by number. Both are kDatabase Errors (exit 3) with a hint; control bytes
/// of the offending line are shown escaped. A stub listing no partition is an error too.
Result<std::vector<StubLine>> parse(std::string_view text, const std::string& file);

/// True when `head` (the first bytes of a file) starts like a single-file glass database, which
/// Xapian opens itself (xapian-compact --single-file).
bool is_single_file_database(std::string_view head);

/// `text` cut to `max` bytes, with control characters (C0, DEL, C1) and bytes that are not UTF-8
/// shown as \xHH: safe to print on a terminal.
std::string printable(std::string_view text, std::size_t max = 60);

}  // namespace newsidx::stub_file
