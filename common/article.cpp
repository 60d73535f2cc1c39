// String forms of the article enums.
#include "article.hpp"

namespace newsidx {

const char* to_string(MentionType t) {
  switch (t) {
    case MentionType::kPerson: return "person";
    case MentionType::kOrg: return "org";
    case MentionType::kPlace: return "place";
    case MentionType::kCountry: return "country";
    case MentionType::kNationality: return "nationality";
  }
  return "person";
}

bool analysed_for_entities(const Article& a) {
  const std::string_view lang = a.lang;
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  return primary.empty() || primary == "en";
}

}  // namespace newsidx
