// Unit tests for the speech-cue rules of quote attribution (indexer/entities/speech_cues).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quotes_test_util.hpp"

using namespace quotes_test;

TEST_CASE("speech cues: speaker cue patterns", "[speech_cues][quotes]") {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      // "...," X said / "...," said X / X said, "..." / X said: "..."
      {"\"We will win,\" Jane Doe said.", {"Jane Doe|We will win,"}},
      {"\"We will win,\" said Jane Doe, a Democrat.", {"Jane Doe|We will win,"}},
      {"Jane Doe said, \"We will win.\"", {"Jane Doe|We will win."}},
      {"Jane Doe said: \"We will win.\"", {"Jane Doe|We will win."}},
      {"\"Why now?\" asked Jane Doe.", {"Jane Doe|Why now?"}},
      // X told VOA: X speaks, VOA listens.
      {"Mark Lane told VOA, \"It is over.\"", {"Mark Lane|It is over."}},
      {"\"It is over,\" Mark Lane told VOA.", {"Mark Lane|It is over,"}},
      // Titles and appositives.
      {"U.S. Senator Amy Klobuchar, a Democrat, told VOA, \"We stand with them.\"",
       {"Amy Klobuchar|We stand with them."}},
      {"\"No,\" Sen. Ted Cruz, the Texas Republican, said.", {"Ted Cruz|No,"}},
      // according to X
      {"The plan is \"dead on arrival,\" according to Jane Doe.",
       {"Jane Doe|dead on arrival,"}},
      // A partial quotation after the cue in the same sentence.
      {"Jane Doe called the deal a \"historic mistake\" on Monday.",
       {"Jane Doe|historic mistake"}},
      // Organisation speakers.
      {"\"Talks continue,\" the State Department said.", {"State Department|Talks continue,"}},
      {"\"Talks continue,\" a State Department spokesman said.",
       {"State Department|Talks continue,"}},
      // Unnamed sources give a quotation without a speaker.
      {"\"Talks continue,\" a senior official said.", {"-|Talks continue,"}},
      {"\"Talks continue,\" a senior State Department official told reporters.",
       {"-|Talks continue,"}},
      {"\"Talks continue,\" officials said.", {"-|Talks continue,"}},
      // No cue at all: no speaker.
      {"The crowd chanted \"lock her up\" all night.", {"-|lock her up"}},
      {"The administration accused Moscow of a \"false flag operation.\"",
       {"-|false flag operation."}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(summary(c.text, {}) == c.expected);
  }
}

TEST_CASE("speech cues: a byline dash after the quotation names the speaker", "[speech_cues][quotes]") {
  CHECK(summary("\"We will vote.\" \xE2\x80\x95 Carla Sanchez.", {}) ==
        std::vector<std::string>{"Carla Sanchez|We will vote."});
  CHECK(summary("\"We will vote.\" -- Jane Doe", {}) ==
        std::vector<std::string>{"Jane Doe|We will vote."});
  // A day after the name is when it was said, not part of the name.
  CHECK(summary("\"We will win,\" said Jane Doe Tuesday.", {}) ==
        std::vector<std::string>{"Jane Doe|We will win,"});
}

TEST_CASE("speech cues: party and state in brackets or 'of <place>' do not hide the speaker",
          "[speech_cues][quotes]") {
  const std::string text =
      "\"We will vote no,\" Rep. John Mica (R-Fla.) said.\n\n"
      "Sen. Sherrod Brown of Ohio, another possible choice, said: \"I am not interested.\"\n\n"
      "Former Gov. Howard Dean (D), a party veteran, said: \"Not yet.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "John Mica", "John Mica");
  add_mentions(mentions, text, "Sherrod Brown", "Sherrod Brown");
  add_mentions(mentions, text, "Howard Dean", "Howard Dean");
  add_mentions(mentions, text, "Ohio", "Ohio", MentionType::kPlace);
  CHECK(summary(text, mentions) == std::vector<std::string>{"John Mica|We will vote no,",
                                                            "Sherrod Brown|I am not interested.",
                                                            "Howard Dean|Not yet."});
}

TEST_CASE("speech cues: a participle names its sentence's subject", "[speech_cues][quotes]") {
  const std::string text =
      "Then Tom Hale went after Lee Ford, saying, \"He has no plan at all.\"\n\n"
      "Opening the rally in Dover, Paul Stone turned to taxes, calling them \"a burden.\"\n\n"
      "Ann Reed immediately posted a note of her own, saying, \"See you in May.\"\n\n"
      "They spoke later, adding, \"We will win.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Tom Hale", "Tom Hale");
  add_mentions(mentions, text, "Lee Ford", "Lee Ford");
  add_mentions(mentions, text, "Paul Stone", "Paul Stone");
  add_mentions(mentions, text, "Ann Reed", "Ann Reed");
  // "They" names nobody: the quotation stays without a speaker.
  CHECK(summary(text, mentions) == std::vector<std::string>{"Tom Hale|He has no plan at all.",
                                                            "Paul Stone|a burden.",
                                                            "Ann Reed|See you in May.",
                                                            "-|We will win."});
}

TEST_CASE("speech cues: a block quotation after a colon belongs to the sentence before it", "[speech_cues][quotes]") {
  const std::string text =
      "Sen. Ann Reed, R-Wis., said in a letter to the committee:\n\n"
      "\"The budget leaves the bridges to rot.\"\n\n"
      "Hale continued:\n\n"
      "\"Ask any driver in the county.\"\n\n"
      "The crowd was loud.\n\n"
      "\"Nobody here knows it.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Ann Reed", "Ann Reed");
  add_mentions(mentions, text, "Hale", "Tom Hale");
  // The third quotation follows a sentence without a colon or a speech verb: no speaker.
  CHECK(summary(text, mentions) ==
        std::vector<std::string>{"Ann Reed|The budget leaves the bridges to rot.",
                                 "Tom Hale|Ask any driver in the county.",
                                 "-|Nobody here knows it."});
}

TEST_CASE("speech cues: descriptors before the name, a name between commas after an opening phrase",
          "[speech_cues][quotes]") {
  const std::string text =
      "\"The roof still leaks,\" said retired teacher Carl Webb.\n\n"
      "\"Nobody asked us,\" said Ohio delegate Dan Price, who left early.\n\n"
      "After the vote in Dover, Gov. Mark Olsen (R-OH), said, \"We lost fairly.\"\n\n"
      "\"Not now,\" said the senior official in a call.";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Carl Webb", "Carl Webb");
  add_mentions(mentions, text, "Ohio", "Ohio", MentionType::kPlace);
  add_mentions(mentions, text, "Dan Price", "Dan Price");
  add_mentions(mentions, text, "Mark Olsen", "Mark Olsen");
  CHECK(summary(text, mentions) == std::vector<std::string>{"Carl Webb|The roof still leaks,",
                                                            "Dan Price|Nobody asked us,",
                                                            "Mark Olsen|We lost fairly.",
                                                            "-|Not now,"});
}

TEST_CASE("speech cues: a colon or a coordinated verb hands the quotation to the sentence's subject",
          "[speech_cues][quotes]") {
  const std::string text =
      "In a speech on Friday, Mark Olsen condemned the vote: \"This is a sad day.\"\n\n"
      "Then Carl Webb met voters and joked, \"I still grade papers.\"\n\n"
      "The list of demands was long: \"More jobs, more pay.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Mark Olsen", "Mark Olsen");
  add_mentions(mentions, text, "Carl Webb", "Carl Webb");
  // A subject the article does not know as a person or organisation names nobody.
  CHECK(summary(text, mentions) == std::vector<std::string>{"Mark Olsen|This is a sad day.",
                                                            "Carl Webb|I still grade papers.",
                                                            "-|More jobs, more pay."});
}

TEST_CASE("speech cues: a long paragraph's speech verbs are analysed once, not once per quotation",
          "[speech_cues][quotes]") {
  // Quotations no direct rule attributes, each with a speech verb nearby, all in one paragraph:
  // 2,000 such lines took 20 s when every quotation analysed every verb of the paragraph.
  auto run = [](std::size_t lines) { return counted_quotes("Mary Smith said she was happy. \"It was fine for all of us today\" and ", lines); };
  const auto [small_quotes, small] = run(1000);
  const auto [large_quotes, large] = run(4000);
  REQUIRE(large_quotes.size() == 4000);
  CHECK(large_quotes.front().speaker == "Mary Smith");
  CHECK(large_quotes.back().speaker == "Mary Smith");
  REQUIRE(small.paragraph_cues > 0);
  CHECK(large.paragraph_cues <= small.paragraph_cues * 9 / 2);
}

TEST_CASE("speech cues: a quotation without a cue takes the subject opening its own sentence",
          "[speech_cues][quotes]") {
  const std::string text =
      "Kerry Washington praised the plan.\n\n"
      "Mike Moore thanked him for \"taking these steps to make us all safer.\"\n\n"
      "Louisiana Gov. Bobby Jindal signed an order, while Mike Huckabee proposed \"a new wall.\"\n\n"
      "The list of demands was long and ended with \"more pay for all.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Kerry Washington", "Kerry Washington");
  add_mentions(mentions, text, "Mike Moore", "Mike Moore");
  add_mentions(mentions, text, "Bobby Jindal", "Bobby Jindal");
  add_mentions(mentions, text, "Mike Huckabee", "Mike Huckabee");
  // A clause of its own ("while Mike Huckabee proposed") between the subject and the quotation
  // may have its own subject: no speaker rather than Jindal. A subject the article does not
  // know as a person or organisation names nobody.
  const std::vector<std::string> expected = {"Mike Moore|taking these steps to make us all safer.",
                                             "-|a new wall.", "-|more pay for all."};
  CHECK(summary(text, mentions) == expected);
  std::vector<std::string> rules;
  newsidx::entities::QuoteOptions options;
  options.rules = &rules;
  const auto quotes = find_quotes(text, mentions, options);
  REQUIRE(quotes.size() == 3);
  CHECK(rules[0] == "subject");
  REQUIRE(quotes[0].cue);
  CHECK(text.substr(quotes[0].cue->start, quotes[0].cue->end - quotes[0].cue->start) == "thanked");
  // The switch the cross-validation weighs: off, the quotation keeps no speaker.
  options.sentence_subjects = false;
  options.rules = nullptr;
  CHECK_FALSE(find_quotes(text, mentions, options)[0].speaker);
}

TEST_CASE("speech cues: a known name alone before a colon names the quotation after it",
          "[speech_cues][quotes]") {
  const std::string text =
      "Polls agree - Carl Webb: \"Turnout was higher than expected.\"\n\n"
      "Mark Olsen:\n\n"
      "\"We counted every vote.\"\n\n"
      "Stated Olsen: \"Nobody was turned away.\"\n\n"
      "Results as follows: \"Webb 52, Olsen 48.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Carl Webb", "Carl Webb");
  add_mentions(mentions, text, "Mark Olsen", "Mark Olsen");
  add_mentions(mentions, text, "Olsen", "Mark Olsen");
  // A phrase that is no name the article knows ("Results as follows") names nobody.
  CHECK(summary(text, mentions) == std::vector<std::string>{"Carl Webb|Turnout was higher than expected.",
                                                            "Mark Olsen|We counted every vote.",
                                                            "Mark Olsen|Nobody was turned away.",
                                                            "-|Webb 52, Olsen 48."});
}

TEST_CASE("speech cues: put it is a speech verb and a long appositive still reaches its verb",
          "[speech_cues][quotes]") {
  const std::string text =
      "As Carl Webb put it, \"Nobody reads the fine print.\"\n\n"
      "Mark Olsen, who ran the small map and book shop on the corner of Main Street in Dover for "
      "thirty years, said \"times are hard.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Carl Webb", "Carl Webb");
  add_mentions(mentions, text, "Mark Olsen", "Mark Olsen");
  CHECK(summary(text, mentions) == std::vector<std::string>{"Carl Webb|Nobody reads the fine print.",
                                                            "Mark Olsen|times are hard."});
  // "put it" is the cue itself, not the sentence-subject fallback.
  std::vector<std::string> rules;
  newsidx::entities::QuoteOptions no_subjects;
  no_subjects.sentence_subjects = false;
  no_subjects.rules = &rules;
  CHECK(find_quotes(text, mentions, no_subjects)[0].speaker == "Carl Webb");
  CHECK(rules[0] == "before");
  // The window is the option the cross-validation chose; at the old 14 tokens the second
  // quotation's speaker is out of reach.
  newsidx::entities::QuoteOptions narrow;
  narrow.appositive_window = 14;
  CHECK_FALSE(find_quotes(text, mentions, narrow)[1].speaker);
}

TEST_CASE("speech cues: an inverting verb that ends the text reads no word past it", "[speech_cues][quotes]") {
  // np_after's description rule read the token after the verb without checking the clause's end:
  // past the last token, whatever memory held (a Reuters story once threw out of range there).
  CHECK(summary("Jane Doe arrived. \"We will win,\" said", {}).size() == 1);
  CHECK(summary("\"We will win,\" said", {}).size() == 1);
  CHECK(summary("Jane Doe said", {}).empty());
}

TEST_CASE("speech cues: a participle names a subject with a title of several words or an appositive",
          "[speech_cues][quotes]") {
  // "Former Secretary of State Madeleine Albright": the title's "of" stays inside the subject.
  CHECK(speakers("Former Secretary of State Madeleine Albright recently urged women to vote, "
                 "saying, \"There is a special place for them.\"",
                 {"Madeleine Albright"}) == std::vector<std::string>{"Madeleine Albright"});
  // "Christie, New Jersey's sitting governor, repeated ...": an appositive before the verb.
  CHECK(speakers("Christie, New Jersey's sitting governor, repeated his attacks on Rubio, calling "
                 "him a \"talented guy\" who was not ready.",
                 {"Christie", "Rubio"}) == std::vector<std::string>{"Christie"});
  // A list is no appositive: "Trump, Cruz, and Rubio" names nobody as the subject.
  CHECK(speakers("Trump, Cruz, and Rubio met voters, saying, \"We will win this state.\"",
                 {"Trump", "Cruz", "Rubio"}) == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: a participle after 'with', 'and' or a dash names the name before it",
          "[speech_cues][quotes]") {
  // Absolute constructions: the participle's own subject stands right before it.
  CHECK(speakers("Republicans were irritated by the plan, with Sen. John McCain calling it a "
                 "\"Chinese menu\" of options.",
                 {"John McCain"}) == std::vector<std::string>{"John McCain"});
  CHECK(speakers("Both men issued a statement - Ryan saying he was \"very encouraged\" and Trump "
                 "calling it a \"great meeting.\"",
                 {"Ryan", "Trump"}) == std::vector<std::string>{"Ryan", "Trump"});
  // A name that the article does not know is no subject.
  CHECK(speakers("Voters were angry, with Tuesday bringing \"more of the same\" again.", {}) ==
        std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: a description opened by his, her, their or its is the Source",
          "[speech_cues][quotes]") {
  const std::string text =
      "Mary Smith won the primary.\n\nHer campaign quickly released a statement, saying, "
      "\"We will win in November.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Mary Smith", "Mary Smith");
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK_FALSE(quotes[0].speaker);
  CHECK(quotes[0].speaker_description == "Her campaign");
}

TEST_CASE("speech cues: a person before a chain of appositives is the speaker, not an organisation in it",
          "[speech_cues][quotes]") {
  const std::string text =
      "Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, "
      "L'Osservatore Romano, said \"the election was a surprise to many.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, text, "Giovanni Maria Vian", "Giovanni Maria Vian");
  add_mentions(mentions, text, "L'Osservatore Romano", "L'Osservatore Romano", MentionType::kOrg);
  newsidx::entities::QuoteOptions options;
  CHECK(find_quotes(text, mentions, options).at(0).speaker == "Giovanni Maria Vian");
  // Without the rule the chain's last part, the organisation, is no person: nobody is given.
  options.appositive_chains = false;
  CHECK_FALSE(find_quotes(text, mentions, options).at(0).speaker);
}

TEST_CASE("speech cues: 'labeled' or 'published' after an appositive names the speaker",
          "[speech_cues][quotes]") {
  // A relative clause in the appositive keeps the sentence-subject rule away; the verb is a cue.
  CHECK(speakers("Meg Whitman, a former candidate for governor who now runs a large firm, labeled "
                 "the candidate \"a dishonest demagogue\" on Monday.",
                 {"Meg Whitman"}) == std::vector<std::string>{"Meg Whitman"});
  CHECK(speakers("Jane Doe, who worked for the company for three years, published \"Trumped!\" in "
                 "1991.",
                 {"Jane Doe"}) == std::vector<std::string>{"Jane Doe"});
}

TEST_CASE("speech cues: a naming verb in the passive or elsewhere in the paragraph names nobody",
          "[speech_cues][quotes]") {
  // Passive: the quotation is what the subject was called, not what it said.
  CHECK(speakers("Helen Steel and Jane Doe, from north London, dubbed the \"McLibel Two\", were "
                 "found guilty.",
                 {"Helen Steel", "Jane Doe"}) == std::vector<std::string>{"-"});
  CHECK(speakers("Originally dubbed \"Jerry's Guide to the World Wide Web\" the site grew fast.", {}) ==
        std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: verbs that report words only right after a quotation", "[speech_cues][quotes]") {
  auto source = [](const std::string& text) {
    const auto quotes = find_quotes(text, {});
    REQUIRE(quotes.size() == 1);
    if (quotes[0].speaker) return "name " + *quotes[0].speaker;
    return quotes[0].speaker_description.value_or("-");
  };
  CHECK(source("\"Build the wall!\" the crowd cried.") == "the crowd");
  CHECK(source("\"Louisiana's crisis is a call to conscience,\" the editorial read.") == "the editorial");
  CHECK(source("Trump met Jeb Bush. \"Let me talk,\" Trump barked.") == "name Trump");
  // Inverted there: the Source after the verb.
  CHECK(source("\"It is a mistake,\" declared Senator Jeff Flake, who spoke first.") ==
        "name Jeff Flake");
  CHECK(source("\"Enough,\" reads a Wednesday editorial in the paper.") == "a Wednesday editorial");
  CHECK(source("Jeb Bush spoke first. \"Let me talk,\" Trump shot back.") == "name Trump");
  CHECK(source("Bozell spoke. \"Can you name one?\" Bozell points out.") == "name Bozell");
  // Capitalised modifiers inside a description that a determiner opens.
  CHECK(source("\"So it begins,\" the Gawker employee wrote.") == "the Gawker employee");
  // Before a quotation such a verb is no cue: the signs do not speak.
  CHECK(source("The protesters' signs read \"go home.\"") == "-");
}

namespace {
// Who said the one quotation of `text`: "name X", its description, or "-".
std::string single_source(const std::string& text, const std::vector<Mention>& mentions) {
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 1);
  if (quotes[0].speaker) return "name " + *quotes[0].speaker;
  return quotes[0].speaker_description.value_or("-");
}

std::vector<Mention> persons_in(const std::string& text, const std::vector<std::string>& names) {
  std::vector<Mention> mentions;
  for (const std::string& n : names) add_mentions(mentions, text, n, n);
  return mentions;
}
}  // namespace

TEST_CASE("speech cues: a surname the tagger left untagged names the article's person",
          "[speech_cues][quotes]") {
  // Only the full name is a mention: "Trump" of the second sentence is known by its surname.
  const std::string text =
      "Donald Trump spoke in Ohio.\n\nTrump leaned in and boomed: \"Let's defeat her in November.\"";
  CHECK(single_source(text, persons_in(text, {"Donald Trump"})) == "name Donald Trump");
  // A capitalised word that is no person's surname stays nobody.
  const std::string other =
      "Donald Trump spoke in Ohio.\n\nSunday leaned in and boomed: \"Let's defeat her in November.\"";
  CHECK(single_source(other, persons_in(other, {"Donald Trump"})) == "-");
}

TEST_CASE("speech cues: a description in front of a name leaves the name the sentence's subject",
          "[speech_cues][quotes]") {
  const std::string statement =
      "Republican presidential nominee Donald Trump issued the following statement: \"Our prayers "
      "are with all those affected.\"";
  CHECK(single_source(statement, persons_in(statement, {"Donald Trump"})) == "name Donald Trump");
  const std::string band =
      "Band member Flea shared the news on social media, writing \"We are playing for Bernie.\"";
  CHECK(single_source(band, persons_in(band, {"Flea"})) == "name Flea");
  // An adverb or a conjunction ending like a role noun ("later", "after") is no description.
  const std::string intro =
      "Shortly after Murphy's call ended, the campaign sent out a release saying Murphy owes "
      "\"Florida an explanation for his votes.\"";
  CHECK(single_source(intro, persons_in(intro, {"Murphy"})) != "name Murphy");
  // A possessive name is the possessor, not the subject.
  const std::string doctor =
      "Libertarian presidential candidate Gary Johnson's doctor is calling the candidate "
      "\"extremely physically fit.\"";
  CHECK(single_source(doctor, persons_in(doctor, {"Gary Johnson"})) != "name Gary Johnson");
}

TEST_CASE("speech cues: in the passive the one asked is not the speaker", "[speech_cues][quotes]") {
  const std::string maher =
      "Bernie Sanders was asked by host Bill Maher, who is supporting Sanders, \"Are you tired of "
      "hearing about the emails?\"";
  CHECK(single_source(maher, persons_in(maher, {"Bernie Sanders", "Bill Maher"})) == "name Bill Maher");
  const std::string asked =
      "In an interview published online Wednesday, Donald Trump was asked, \"What is the most "
      "dangerous place in the world you have been to?\"";
  CHECK(single_source(asked, persons_in(asked, {"Donald Trump"})) == "-");
  // A passive inside what an earlier verb of the sentence reports leaves that verb the cue.
  CHECK(single_source("The executive spokeswoman said the leave was agreed by a psychiatric advisor "
                      "\"in conjunction with officials on behalf of ministers\".",
                      {}) == "The executive spokeswoman");
  // The active voice still names its subject.
  const std::string active = "Donald Trump asked, \"What is the most dangerous place?\"";
  CHECK(single_source(active, persons_in(active, {"Donald Trump"})) == "name Donald Trump");
}

TEST_CASE("speech cues: verbs that report words only after a quotation do so before its colon",
          "[speech_cues][quotes]") {
  const std::string wife =
      "As the crowd cheered Sanders, Robert Costa reported, his wife whispered to him: \"They're "
      "still with you.\"";
  CHECK(single_source(wife, persons_in(wife, {"Robert Costa", "Sanders"})) == "his wife");
  CHECK(single_source("The headline reads: \"Repeat after me: all is well.\"", {}) == "The headline");
  // Not without the colon: "The protesters' signs read \"go home.\"" reports no words.
  CHECK(single_source("The signs read \"go home\" all day.", {}) == "-");
}

TEST_CASE("speech cues: an infinitive speech verb speaks for the subject of its finite verb",
          "[speech_cues][quotes]") {
  CHECK(single_source("The email goes on to say: \"Trump wants to write racism into law.\"", {}) ==
        "The email");
  const std::string prompted =
      "The debate was so subdued that Mr. Trump was prompted to say, \"It is very civil up here.\"";
  CHECK(single_source(prompted, persons_in(prompted, {"Trump"})) == "name Trump");
  const std::string paper =
      "Likewise, a paper from the Brookings Institution had this to say about the plan: \"Families "
      "from the top would receive more.\"";
  std::vector<Mention> org;
  add_mentions(org, paper, "Brookings Institution", "Brookings Institution", MentionType::kOrg);
  CHECK(single_source(paper, org) == "name Brookings Institution");
}

TEST_CASE("speech cues: the subject of a sentence opening with an 'As' clause stands after its comma",
          "[speech_cues][quotes]") {
  // "As Blumenthal spoke" holds no subject of the main clause: the NRA is the one whipping.
  const std::string nra =
      "As Richard Blumenthal spoke, the NRA was going into overdrive, whipping lawmakers against "
      "\"any and all gun control.\"";
  std::vector<Mention> mentions = persons_in(nra, {"Richard Blumenthal"});
  add_mentions(mentions, nra, "NRA", "NRA", MentionType::kOrg);
  CHECK(single_source(nra, mentions) == "name NRA");
}

TEST_CASE("speech cues: a name after a lower-case 'the' opens its sentence as its subject",
          "[speech_cues][quotes]") {
  const std::string board =
      "As if addressing him directly, the Illinois Board of Elections was conclusive in its "
      "findings: \"Further discussion on this issue is unnecessary.\"";
  std::vector<Mention> mentions;
  add_mentions(mentions, board, "Illinois Board of Elections", "Illinois Board of Elections",
               MentionType::kOrg);
  CHECK(single_source(board, mentions) == "name Illinois Board of Elections");
  // A name that modifies a description is no subject: "the Tory leader" is no "Tory".
  const std::string leader =
      "But the Tory leader will argue against positive discrimination saying it is \"outdated and "
      "unjust\".";
  std::vector<Mention> tory;
  add_mentions(tory, leader, "Tory", "Tory", MentionType::kOrg);
  CHECK(single_source(leader, tory) != "name Tory");
}

TEST_CASE("speech cues: a name after 'on', 'via' or 'in' says where the words went, not who said them",
          "[speech_cues][quotes]") {
  // Wikinews: "Twitter" had been the speaker of the second quotation; the sentence's subject is.
  const std::string text =
      "Donald Trump repeatedly called the inquiry a \"witch hunt\", and on Twitter referred to the "
      "vote as \"The Impeachment Hoax\".";
  std::vector<Mention> mentions = persons_in(text, {"Donald Trump"});
  add_mentions(mentions, text, "Twitter", "Twitter", MentionType::kOrg);
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 2);
  CHECK(quotes[1].speaker.value_or("-") == "Donald Trump");
  // After a pronoun too: "He via Facebook" is his post.
  const std::string post = "Smith spoke first. He via Facebook wrote \"We will rebuild the town.\"";
  std::vector<Mention> smith = persons_in(post, {"Smith"});
  add_mentions(smith, post, "Facebook", "Facebook", MentionType::kOrg);
  CHECK(single_source(post, smith) == "name Smith");
}

TEST_CASE("speech cues: a document or a part of one is a described Source, never a named speaker",
          "[speech_cues][quotes]") {
  CHECK(single_source("The 14th Amendment states: \"all persons born in the United States are "
                      "citizens.\"",
                      {}) == "The 14th Amendment");
  CHECK(single_source("The Constitution says: \"No Person except a natural born Citizen shall be "
                      "eligible.\"",
                      {}) == "The Constitution");
}

TEST_CASE("speech cues: a short phrase quoted after a described subject without a speech cue has no Source",
          "[speech_cues][quotes]") {
  // Names and scare quotes: Wikinews gave them "her name", "The events".
  const std::string name =
      "Reportedly, her name was shortened to \"Doris Day\" so it would fit on a sign.";
  CHECK(single_source(name, {}) == "-");
  CHECK(single_source("The events were nicknamed \"the Canadian Caper\" and later filmed.", {}) == "-");
  // A named subject keeps it (PolNeAR counts such labels as the subject's words), and so does a
  // described one with a speech cue before the quotation.
  const std::string named = "Donald Trump thanked him for \"taking these steps\".";
  CHECK(single_source(named, persons_in(named, {"Donald Trump"})) == "name Donald Trump");
  CHECK(single_source("The chancellor also released a statement saying \"growth is strong.\"", {}) ==
        "The chancellor");
  CHECK(single_source("The governor says the plan is \"a good start\".", {}) == "The governor");
  const std::string territory =
      "Since then, the territory has been governed under the \"one country, two systems\" model.";
  CHECK(single_source(territory, {}) == "-");
}

TEST_CASE("speech cues: the tag after a quotation names its speaker whatever its verb",
          "[speech_cues][quotes]") {
  // A quotation that opens its sentence and ends with a comma inside its marks: the clause after
  // it is its tag, however uncommon the verb.
  const std::string named =
      "\"We have to finish the job before the winter comes,\" Carla Mendez fumed on Tuesday. "
      "\"Then we can talk.\"";
  CHECK(summary(named, persons_in(named, {"Carla Mendez"})) ==
        std::vector<std::string>{"Carla Mendez|We have to finish the job before the winter comes,",
                                 "Carla Mendez|Then we can talk."});
  const std::string pronoun =
      "Tom Reyes spoke last.\n\n\"We will not give up the fight now,\" he went on, raising his voice.";
  CHECK(single_source(pronoun, persons_in(pronoun, {"Tom Reyes"})) == "name Tom Reyes");
  CHECK(single_source("\"Let me help you out, the answer is no,\" the vice-presidential nominee "
                      "riffed.",
                      {}) == "the vice-presidential nominee");
  // A short tag after a question mark: "Hannity pressed."
  const std::string question = "\"Would it be negotiable about the wall?\" Mark Hill pressed.";
  CHECK(single_source(question, persons_in(question, {"Mark Hill"})) == "name Mark Hill");
  // Not a tag: a sentence about the subject ("is"), or a long sentence after a question or
  // exclamation mark, where a new sentence begins.
  const std::string store = "\"Is the Dalton Brody shop open on a Sunday?\" Dalton Brody is a gift store.";
  CHECK(single_source(store, persons_in(store, {"Dalton Brody"})) == "-");
  const std::string other =
      "\"The best taco bowls are made right here!\" Jeb Bush broke down what was wrong with the "
      "image in a long interview.";
  CHECK(single_source(other, persons_in(other, {"Jeb Bush"})) == "-");
}

TEST_CASE("speech cues: any speech verb right after a quotation may put its subject after it",
          "[speech_cues][quotes]") {
  const std::string mused = "\"Imagine the two of them on the same stage,\" mused Stu Park, a host.";
  CHECK(single_source(mused, persons_in(mused, {"Stu Park"})) == "name Stu Park");
  const std::string scoffed =
      "\"Silly boys acting like they have never seen a girl,\" scoffed Ana Gil, 22.";
  CHECK(single_source(scoffed, persons_in(scoffed, {"Ana Gil"})) == "name Ana Gil");
}

TEST_CASE("speech cues: a post-modifier in -ed after a described Source is no verb of its own",
          "[speech_cues][quotes]") {
  CHECK(single_source("\"You are going to see a lot of ads,\" said one Republican involved in the "
                      "planning, who asked not to be named.",
                      {}) == "one Republican");
}

TEST_CASE("speech cues: a quotation nested at the end of another keeps the comma before its mark",
          "[speech_cues][quotes]") {
  // `,'"`: the comma stands before the inner closing mark, and the tag after it is the
  // quotation's own, not the paragraph's other speaker's.
  const std::string text =
      "\"Stay focused on the race,\" said Hugh Richards. \"She just thought, 'they can't think any "
      "worse of me now,'\" Liz Yelling told reporters.";
  CHECK(speakers(text, {"Hugh Richards", "Liz Yelling"}) ==
        std::vector<std::string>{"Hugh Richards", "Liz Yelling"});
}

TEST_CASE("speech cues: who quoted someone as saying is not the tag's speaker",
          "[speech_cues][quotes]") {
  // The tag rule reads no reporter as the speaker ("Reuters quoted a central bank official as
  // saying").
  std::vector<Mention> mentions;
  const std::string text =
      "\"It is above all a question of sovereignty,\" Reuters quoted a central bank official as saying.";
  add_mentions(mentions, text, "Reuters", "Reuters", MentionType::kOrg);
  const auto quotes = find_quotes(text, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].speaker.value_or("-") != "Reuters");
}

TEST_CASE("speech cues: a speech verb after a capitalised object and 'and' has the sentence's subject",
          "[speech_cues][quotes]") {
  // "X met voters in Springfield and told them": the verb joined by "and" after a name that is no
  // part of the subject speaks for the sentence's subject.
  const std::string text =
      "Mayor Tom Baker spoke in the morning.\n\nBaker met voters in Springfield and told them, "
      "\"We will build the new bridge next year.\"";
  CHECK(speakers(text, {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  const std::string joined =
      "Ann Cole was joined on stage by Senator Tom Baker and joked, \"You are all being ridiculous "
      "tonight.\"";
  CHECK(speakers(joined, {"Ann Cole", "Tom Baker"}) == std::vector<std::string>{"Ann Cole"});
}

TEST_CASE("speech cues: a participle after the verb's object or an adverb has the sentence's subject",
          "[speech_cues][quotes]") {
  const std::string statement =
      "On Monday, Tom Baker released a statement saying, \"We will build the new bridge next year.\"";
  CHECK(speakers(statement, {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  const std::string before =
      "Tom Baker deflected questions about the budget before saying, \"It is time to stop attacking "
      "each other.\"";
  CHECK(speakers(before, {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  // Another clause in between may have a subject of its own: no speaker from this rule.
  const std::string clause =
      "Tom Baker did visit the town, but not until the week after the editorial telling him \"to "
      "come home and see the damage for himself.\"";
  CHECK(speakers(clause, {"Tom Baker"}) == std::vector<std::string>{"-"});
  // The subject read must stand before a verb: "Northampton coach Budge Pountney has been fined"
  // is not "Northampton" with the verb "coach".
  std::vector<Mention> mentions;
  const std::string team =
      "Northampton coach Budge Pountney has been fined and banned from the touchline for calling a "
      "referee \"a disgrace\".";
  add_mentions(mentions, team, "Northampton", "Northampton", MentionType::kOrg);
  add_mentions(mentions, team, "Budge Pountney", "Budge Pountney");
  const auto quotes = find_quotes(team, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].speaker.value_or("-") != "Northampton");
}

TEST_CASE("speech cues: a byline on a line of its own after a quotation names its speaker",
          "[speech_cues][quotes]") {
  const std::string text =
      "Claims from the debate.\n\n\"We have to do something about the roads and the schools.\"\n\n"
      "- Tom Baker\n\nThe claim is mostly true.";
  CHECK(speakers(text, {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  const std::string tweeting =
      "\"Great speech. She is ready. She never quits.\"\n\n-President Tom Baker, tweeting after the "
      "speech.";
  CHECK(speakers(tweeting, {"Tom Baker"}) == std::vector<std::string>{"Tom Baker"});
  // An agency credit signs no words.
  std::vector<Mention> mentions;
  const std::string credit = "\"We have to do something about the roads and the schools.\"\n\n- Reuters";
  add_mentions(mentions, credit, "Reuters", "Reuters", MentionType::kOrg);
  const auto quotes = find_quotes(credit, mentions);
  REQUIRE(quotes.size() == 1);
  CHECK(quotes[0].speaker.value_or("-") == "-");
  // A quotation with its cue before it keeps that speaker: the next line is a list's item.
  const std::string cued =
      "Senator Tom Baker said: \"These are our three priorities for the year.\"\n\n- Ann Lee, the city "
      "treasurer, will lead the budget review.";
  CHECK(speakers(cued, {"Tom Baker", "Ann Lee"}) == std::vector<std::string>{"Tom Baker"});
}

TEST_CASE("speech cues: the person after an opening preposition is not the subject", "[speech_cues][quotes]") {
  const std::string text =
      "Unlike Tom Baker, the current leadership of the party in the House and in the Senate together "
      "with most of the party governors and many of its mayors in large cities across the country, "
      "said: \"We need a new approach to the budget this year.\"";
  CHECK(speakers(text, {"Tom Baker"}) == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: a person opening the sentence speaks after an appositive holding a title",
          "[speech_cues][quotes]") {
  // The appositive holds a quoted title, so the sentence seems to start after it: the person named
  // first, before its comma, is the subject of "put it".
  const std::string text =
      "As Anna Ruiz, professor of law at Hill College and author of \"The Open Door,\" put it, "
      "\"Voters should remember that a compromise today is better than nothing.\"";
  const auto found = speakers(text, {"Anna Ruiz"});
  REQUIRE(found.size() == 2);
  CHECK(found[1] == "Anna Ruiz");
  // An appositive with a verb of its own is a clause, not a description of the person.
  const std::string clause =
      "As Anna Ruiz, who was asked about \"The Open Door,\" put it, \"Voters should remember that a "
      "compromise today is better than nothing.\"";
  CHECK(speakers(clause, {"Anna Ruiz"}).back() == "-");
}

// The description each quotation of `text` is given ("-" for none), with no mentions.
static std::vector<std::string> descriptions(const std::string& text) {
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text, {})) out.push_back(q.speaker_description.value_or("-"));
  return out;
}

TEST_CASE("speech cues: a text speaks by the verb after its head noun", "[speech_cues][quotes]") {
  CHECK(descriptions("The lawsuit contends that \"the city failed to protect the residents for years.\"") ==
        std::vector<std::string>{"The lawsuit"});
  CHECK(descriptions("The new ad targets a \"broken system that keeps the rich in charge of everything.\"") ==
        std::vector<std::string>{"The new ad"});
  // A verb aimed at someone else keeps a text's words its own.
  CHECK(descriptions("The petition accuses the mayor of \"trying to silence the people who elected him.\"") ==
        std::vector<std::string>{"The petition"});
  // A person's noun before such a verb is no text: the rule does not read it.
  CHECK(descriptions("The lawyer contends that \"the city failed to protect the residents for years.\"") ==
        std::vector<std::string>{"-"});
  // A text that quotes someone reports another's words.
  CHECK(descriptions("\"We want the money invested in the business, not paid out,\" the newspaper quotes a "
                     "source close to the firm.") == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: an indefinite pronoun opening its clause is a described Source",
          "[speech_cues][quotes]") {
  CHECK(descriptions("Another said, \"We never expected this many people to come out in the rain.\"") ==
        std::vector<std::string>{"Another"});
  CHECK(descriptions("\"We never expected this many people to come out in the rain,\" one said.") ==
        std::vector<std::string>{"one"});
  CHECK(descriptions("Most said they were \"very worried about what comes next for the school.\"") ==
        std::vector<std::string>{"Most"});
  // After a capitalised "But" or "And" opening the sentence, too.
  CHECK(descriptions("But one said, \"We never expected this many people to come out in the rain.\"") ==
        std::vector<std::string>{"one"});
  // "No one said" describes nobody.
  CHECK(descriptions("No one said, \"We never expected this many people to come out in the rain.\"") ==
        std::vector<std::string>{"-"});
  // Nor is the pronoun the Source of another sentence's quotation in its paragraph.
  CHECK(descriptions("Some reported wanting a vote, while others preferred a review. Since then, a "
                     "Republican, has voiced support, telling a newspaper: \"I am a big fan of oversight, so "
                     "let the committees do their work.\"") == std::vector<std::string>{"-"});
}

TEST_CASE("speech cues: read-only review of the tenth round: pronoun cues, plurals after a text, texts showing a person",
          "[speech_cues][quotes]") {
  // "Another said" still decides the paragraph with no Source: the farther named cue does not
  // take the quotation after it.
  for (const char* pronoun : {"Another", "One"}) {
    INFO(pronoun);
    const std::string text = std::string("Senator Jane Smith said the plan was good. ") + pronoun +
                             " said it was a mess. \"We will fight this plan in every court in the land.\"";
    CHECK(single_source(text, persons_in(text, {"Jane Smith"})) == "-");
  }
  // A plural after a text noun is the phrase's head, not the text's verb.
  CHECK(descriptions("The poll workers stood in line for hours, chanting \"we want our jobs back and we want them "
                     "back right now.\"") == std::vector<std::string>{"-"});
  CHECK(descriptions("The survey results show voters calling the economy \"a complete and utter disaster for "
                     "everyone involved here.\"") == std::vector<std::string>{"-"});
  // A text showing a person speak gives that person's words, not its own.
  CHECK(descriptions("The ad features Jane Smith saying \"the administration has failed every family in this state "
                     "and I will fix it.\"") == std::vector<std::string>{"-"});
}

