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

}  // namespace newsidx
