// Version keys: how a reader marks which of several records of one item is the newest, where the
// format carries versions or revision times (NewsML-G2 version, a feed item's updated/pubDate).
#pragma once

#include <string>
#include <string_view>

namespace newsidx::readers {

/// A revision time as a key that sorts in time order: "YYYY-MM-DDTHH:MM:SSZ" in UTC. Accepts
/// what parse_date accepts, with an optional time ("10:00", "10:00:00.5") and zone after the
/// date ("Z", "+01:00", "-0500", "GMT", "UT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT",
/// "PST", "PDT"; none is UTC). A date without a time is its midnight. "" when `text` is no date.
std::string timestamp_key(std::string_view text);

/// The version key of a NewsML-G2 item: its `version` attribute (1 when absent or not a number,
/// as the standard defaults it), zero-padded to sort as a number, then the timestamp_key of its
/// versionCreated. So version 10 sorts after version 9, and equal versions by creation time.
std::string newsml_version_key(std::string_view version_attribute, std::string_view version_created);

/// Whether record `a` (version key, position) is a newer version of the same item than `b`: the
/// greater version key wins and a record with none sorts before any with one; equal keys fall
/// back to position (walk order: the later file, the later record in a file).
template <typename Pos>
bool newer_version(std::string_view a_key, const Pos& a_pos, std::string_view b_key, const Pos& b_pos) {
  if (a_key != b_key) return a_key > b_key;
  return b_pos < a_pos;
}

}  // namespace newsidx::readers
