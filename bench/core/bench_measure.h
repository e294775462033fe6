// bench/core/bench_measure.h: interleaved timing and the printed table, shared by both programs.
//
// Index
//   Plan          warm-up runs, measured runs, block size of the interleaving
//   Contender     a name and a TimedBlock: "run `count` times, write each run's seconds"; timed()
//                 makes one of a native callable
//   measure       warm up every contender, then alternate blocks until each has `runs` samples
//   median, percentile
//   format_time   "812.4 us" / "43.210 ms"
//   print_table   bytes, median per run, MB/s, ratio; the first contender is ours, the second the anchor
//   Options       --quick, --runs-a N, --runs-b N, shared by both programs
//
// Call flow: main() (bench_native.cpp or bench_wasm.cpp) builds one Contender per parser for an
// input, calls measure(), then print_table(). Contenders time themselves (C++ with a monotonic
// clock, the JS anchor inside JS with performance.now), so call overhead between the languages
// never lands in a sample. Alternating blocks means a slow phase of the machine (another build
// on the second core, frequency changes) hits ours and the anchor alike: the RATIO stays honest
// even when the absolute times move.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "bench_inputs.h"

namespace ssmview::bench {

struct Plan {
    int warmup = 0;
    int runs = 0;
    int block = 1;
};

using TimedBlock = std::function<void(int count, double* seconds)>;

// A TimedBlock for native code: each run of `f` timed with the monotonic clock.
template <typename F>
TimedBlock timed(F f) {
    return [f](int count, double* seconds) mutable {
        for (int i = 0; i < count; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            f();
            const auto t1 = std::chrono::steady_clock::now();
            seconds[i] = std::chrono::duration<double>(t1 - t0).count();
        }
    };
}

struct Contender {
    std::string         name;
    TimedBlock          run;
    std::vector<double> seconds;  // one per measured run
};

inline void measure(std::vector<Contender>& contenders, const Plan& plan) {
    std::vector<double> scratch(static_cast<std::size_t>(std::max(plan.warmup, plan.block)));
    for (auto& c : contenders) {
        c.seconds.clear();
        if (plan.warmup > 0) c.run(plan.warmup, scratch.data());
    }
    for (int done = 0; done < plan.runs;) {
        const int n = std::min(plan.block, plan.runs - done);
        for (auto& c : contenders) {
            c.run(n, scratch.data());
            c.seconds.insert(c.seconds.end(), scratch.begin(), scratch.begin() + n);
        }
        done += n;
    }
}

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double at = p * static_cast<double>(v.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(at);
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (at - static_cast<double>(lo));
}
inline double median(const std::vector<double>& v) { return percentile(v, 0.5); }

inline std::string format_time(double seconds) {
    char buf[32];
    if (seconds < 1e-3) std::snprintf(buf, sizeof buf, "%.1f us", seconds * 1e6);
    else std::snprintf(buf, sizeof buf, "%.3f ms", seconds * 1e3);
    return buf;
}

inline std::string with_commas(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

inline void print_input_header(const BenchInput& in, const Plan& plan, const char* format = "JSON") {
    std::printf("\n%s: %s bytes of %s (FNV-1a 64: %016llx)\n", in.label.c_str(), with_commas(in.json.size()).c_str(), format,
                static_cast<unsigned long long>(fnv1a64(in.json)));
    if (in.invocations > 0)
        std::printf("  %s CommandInvocations with --details, one plugin each\n", with_commas(in.invocations).c_str());
    else
        std::printf("  StandardOutputContent %s characters (%s bytes unescaped), StandardErrorContent %s characters\n",
                    with_commas(in.stdout_chars).c_str(), with_commas(in.stdout_bytes).c_str(),
                    with_commas(in.stderr_chars).c_str());
    std::printf("  %d runs each after %d warm-up runs, ours and the anchors alternating in blocks of %d\n", plan.runs,
                plan.warmup, plan.block);
}

// contenders[0] is ours, contenders[1] the anchor; any further ones are second references.
inline void print_table(const BenchInput& in, const std::vector<Contender>& contenders) {
    const double mb = static_cast<double>(in.json.size()) / 1e6;
    const double ours = median(contenders[0].seconds);
    std::printf("  %-44s %12s %12s %10s %12s\n", "", "median/run", "fastest", "MB/s", "ours/this");
    for (const auto& c : contenders) {
        const double m = median(c.seconds);
        const double lo = percentile(c.seconds, 0.0);
        std::printf("  %-44s %12s %12s %10.1f %12.2f\n", c.name.c_str(), format_time(m).c_str(), format_time(lo).c_str(),
                    mb / m, ours / m);
    }
    std::printf("  RATIO ours/anchor (%s) = %.2f\n", contenders[1].name.c_str(), ours / median(contenders[1].seconds));
}

// ---- Options --------------------------------------------------------------------------------

struct Options {
    Plan a{300, 3000, 10};  // ~45 KB: a run is tens of microseconds, so many runs
    Plan b{3, 31, 1};       // 10 MB: a run is tens of milliseconds
    Plan c{3, 31, 1};       // the 10,000-invocation fleet (about 17 MB)
};

inline bool parse_options(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            o.a = {100, 500, 10};
            o.b = {2, 5, 1};
            o.c = {2, 5, 1};
        } else if ((arg == "--runs-a" || arg == "--runs-b" || arg == "--runs-c") && i + 1 < argc) {
            const int n = std::atoi(argv[++i]);
            if (n <= 0) return false;
            (arg == "--runs-a" ? o.a : arg == "--runs-b" ? o.b : o.c).runs = n;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace ssmview::bench
