// Exit codes for each kind of error.
#include "error.hpp"

namespace newsidx {

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUsage: return 2;
    case ErrorCode::kBadInput: return 2;
    case ErrorCode::kNotFound: return 3;
    case ErrorCode::kSchemaMismatch: return 3;
    case ErrorCode::kDatabase: return 3;
    case ErrorCode::kIo: return 4;
    case ErrorCode::kLocked: return 75;
    case ErrorCode::kInterrupted: return 130;
  }
  return 3;
}

}  // namespace newsidx
