// proxy/simulate_clock.cpp: the real clock (the manual one is all in the header).
//
// Index
//   SystemClock::now_ms   std::chrono::system_clock, which counts from the Unix epoch (C++20
//                         guarantees it; libstdc++ has always done so)
#include "simulate_clock.h"

#include <chrono>

namespace ssmview::proxy {

std::int64_t SystemClock::now_ms() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace ssmview::proxy
