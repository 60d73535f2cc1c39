// Result<T>: a value or an Error (the subset of std::expected we need; GCC 12 lacks it).
#pragma once

#include <utility>
#include <variant>

#include "error.hpp"

namespace newsidx {

/// Holds either a T or an Error. Check with ok() / operator bool before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}        // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// The value-less case: success or an Error.
struct Ok {};
using Status = Result<Ok>;

}  // namespace newsidx
