// AP-style state and province abbreviations and the names they stand for.
#include "state_abbreviations.hpp"

namespace newsidx::entities {

namespace {

constexpr StateAbbreviation kTable[] = {
    {"Ala.", "Alabama", "US"},        {"Ariz.", "Arizona", "US"},        {"Ark.", "Arkansas", "US"},
    {"Calif.", "California", "US"},   {"Colo.", "Colorado", "US"},       {"Conn.", "Connecticut", "US"},
    {"Del.", "Delaware", "US"},       {"D.C.", "Washington D.C.", "US"}, {"Fla.", "Florida", "US"},
    {"Ga.", "Georgia", "US"},         {"Ill.", "Illinois", "US"},        {"Ind.", "Indiana", "US"},
    {"Kan.", "Kansas", "US"},         {"Kans.", "Kansas", "US"},         {"Ky.", "Kentucky", "US"},
    {"La.", "Louisiana", "US"},       {"Md.", "Maryland", "US"},         {"Mass.", "Massachusetts", "US"},
    {"Mich.", "Michigan", "US"},      {"Minn.", "Minnesota", "US"},      {"Miss.", "Mississippi", "US"},
    {"Mo.", "Missouri", "US"},        {"Mont.", "Montana", "US"},        {"Neb.", "Nebraska", "US"},
    {"Nev.", "Nevada", "US"},         {"N.H.", "New Hampshire", "US"},   {"N.J.", "New Jersey", "US"},
    {"N.M.", "New Mexico", "US"},     {"N.Y.", "New York", "US"},        {"N.C.", "North Carolina", "US"},
    {"N.D.", "North Dakota", "US"},   {"Okla.", "Oklahoma", "US"},       {"Ore.", "Oregon", "US"},
    {"Pa.", "Pennsylvania", "US"},    {"R.I.", "Rhode Island", "US"},    {"S.C.", "South Carolina", "US"},
    {"S.D.", "South Dakota", "US"},   {"Tenn.", "Tennessee", "US"},      {"Tex.", "Texas", "US"},
    {"Vt.", "Vermont", "US"},         {"Va.", "Virginia", "US"},         {"Wash.", "Washington", "US"},
    {"W.Va.", "West Virginia", "US"}, {"Wis.", "Wisconsin", "US"},       {"Wyo.", "Wyoming", "US"},
    {"Ariz", "Arizona", "US"},        {"Calif", "California", "US"},     {"Conn", "Connecticut", "US"},
    {"Fla", "Florida", "US"},         {"Mass", "Massachusetts", "US"},   {"Mich", "Michigan", "US"},
    {"Minn", "Minnesota", "US"},      {"Okla", "Oklahoma", "US"},        {"Tenn", "Tennessee", "US"},
    {"Tex", "Texas", "US"},           {"Ont.", "Ontario", "CA"},         {"Que.", "Quebec", "CA"},
    {"B.C.", "British Columbia", "CA"}, {"Alta.", "Alberta", "CA"},      {"Man.", "Manitoba", "CA"},
    {"Sask.", "Saskatchewan", "CA"},  {"N.S.", "Nova Scotia", "CA"},     {"N.B.", "New Brunswick", "CA"},
    {"Nfld.", "Newfoundland", "CA"},  {"P.E.I.", "Prince Edward Island", "CA"},
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace

const StateAbbreviation* state_abbreviation(std::string_view text) {
  for (const StateAbbreviation& s : kTable)
    if (same_ignoring_case(text, s.abbreviation)) return &s;
  return nullptr;
}

}  // namespace newsidx::entities
