// Two stories of one subject written for the copy tests (GPL-2.0-or-later, like corpus/), and
// the edits outlets make to a wire story when they run it.
#pragma once

#include <string>

namespace test {

inline const std::string kHarbourStory =
    "The city council voted on Tuesday to close the old harbour bridge to lorries from next spring, "
    "after engineers found cracks in two of the steel girders that carry the eastern span.\n\n"
    "Council leader Maria Okafor said the decision had not been taken lightly, since more than four "
    "hundred heavy vehicles cross the bridge every day on their way to the container terminal.\n\n"
    "Hauliers will be sent along the ring road instead, adding about eleven kilometres to each trip, "
    "and the council has promised to widen two junctions near the industrial estate before the ban.\n\n"
    "The Road Haulage Association called the plan rushed and warned that the detour would raise costs "
    "for local firms already struggling with fuel prices and a shortage of drivers.\n\n"
    "Engineers expect repairs to the girders to take at least eighteen months and to cost around "
    "twelve million pounds, most of which the council hopes to recover from a national fund.\n\n"
    "Cars, buses and bicycles will still be allowed to use the bridge, although a weight limit of "
    "seven tonnes will be enforced with cameras at both ends from the first of March.\n\n"
    "Residents of the harbour district welcomed the move, saying lorries had shaken their houses and "
    "filled the narrow streets with fumes for decades without anyone listening to them.\n\n"
    "A public meeting about the detour is planned for next month at the town hall, where officials will "
    "present traffic models and answer questions from businesses and residents alike.\n";

inline const std::string kOtherHarbourStory =
    "Traffic on the old harbour bridge was held up for three hours on Friday morning when a lorry "
    "broke down in the middle of the eastern span during the rush hour.\n\n"
    "Police closed one lane while a recovery vehicle towed the lorry away, and drivers heading to the "
    "container terminal reported queues stretching back to the ring road junction.\n\n"
    "The breakdown came weeks after the council announced that lorries would be banned from the "
    "bridge next spring because engineers had found cracks in its steel girders.\n\n"
    "Maria Okafor, the council leader, said the incident showed once again why heavy vehicles had to "
    "be moved off the structure, and she urged hauliers to start using the detour early.\n\n"
    "Several bus routes were diverted through the industrial estate and passengers were told to expect "
    "delays until the afternoon, when the bridge finally reopened in both directions.\n\n"
    "Local shop owners in the harbour district said the queues had kept customers away and asked the "
    "council to publish a clear timetable for the repairs and for the new weight limit.\n";

/// Two weekly reports written on one template (as Reuters ran EC sugar tenders): the same
/// sentences, other figures and other names. Not one story.
inline const std::string kSugarTenderWeek1 =
    "The European Community Commission set the export levy on white sugar at 45.12 European "
    "currency units per 100 kilos at its weekly meeting, traders said in Brussels today.\n\n"
    "The levy on raw sugar was fixed at 38.50 Ecus per 100 kilos, and the Commission granted "
    "export licences for 60,000 tonnes of white sugar at a maximum rebate of 44.82 Ecus per 100 "
    "kilos at its weekly tender, against 43.10 Ecus last week.\n\n"
    "Traders said French and West German houses took most of the tonnage, and that the market "
    "expects the rebate to stay near this level while world prices remain weak and Community "
    "stocks stay high. The next tender is on Wednesday.\n";
inline const std::string kSugarTenderWeek2 =
    "The European Community Commission set the export levy on white sugar at 46.07 European "
    "currency units per 100 kilos at its weekly meeting, traders said in Brussels today.\n\n"
    "The levy on raw sugar was fixed at 39.21 Ecus per 100 kilos, and the Commission granted "
    "export licences for 102,000 tonnes of white sugar at a maximum rebate of 45.30 Ecus per 100 "
    "kilos at its weekly tender, against 44.82 Ecus last week.\n\n"
    "Traders said British and Dutch houses took most of the tonnage, and that the market "
    "expects the rebate to stay near this level while world prices remain weak and Community "
    "stocks stay high. The next tender is on Thursday.\n";

/// A syndicated copy of `body` as an outlet runs it: a byline, the tail cut to `keep` of its
/// paragraphs, a few words changed, a "read more" paragraph inserted and a credit line added.
inline std::string syndicated_copy(const std::string& body, double keep) {
  std::string out = "By Sam Rivers, Transport Correspondent\n\n";
  std::size_t paragraphs = 0, pos = 0;
  for (std::size_t p = body.find("\n\n"); p != std::string::npos; p = body.find("\n\n", p + 2)) ++paragraphs;
  const auto kept = static_cast<std::size_t>(static_cast<double>(paragraphs) * keep + 0.5);
  for (std::size_t i = 0; i < kept; ++i) {
    std::size_t end = body.find("\n\n", pos);
    out += body.substr(pos, end - pos) + "\n\n";
    pos = end + 2;
    if (i == 1) out += "Read more: how the harbour bridge was built and why it matters to the city's economy today\n\n";
  }
  for (auto [from, to] : {std::pair<std::string, std::string>{"lorries", "trucks"}, {"Tuesday", "Tues"},
                          {"eleven", "11"}}) {
    if (auto at = out.find(from); at != std::string::npos) out.replace(at, from.size(), to);
  }
  return out + "(c) Harbour Wire Service. Distributed by Example Syndicate.\n";
}

}  // namespace test
