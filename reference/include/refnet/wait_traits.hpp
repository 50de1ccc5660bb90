// [timer.waittraits] wait_traits: how long a timer waits for a clock's time point.
#pragma once

namespace refnet {

template <class Clock>
struct wait_traits {
  static typename Clock::duration to_wait_duration(const typename Clock::duration& d) { return d; }

  static typename Clock::duration to_wait_duration(const typename Clock::time_point& t) {
    using duration = typename Clock::duration;
    const auto target = t.time_since_epoch().count();
    const auto now = Clock::now().time_since_epoch().count();
    // Saturate instead of overflowing for time points far from now.
    typename duration::rep difference;
    if (__builtin_sub_overflow(target, now, &difference)) return target > now ? (duration::max)() : (duration::min)();
    return duration(difference);
  }
};

}  // namespace refnet
