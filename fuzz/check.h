// fuzz/check.h: how a fuzz target says "this input broke an invariant".
//
// Index
//   FUZZ_CHECK        the condition, or a report on stderr and abort()
//   fuzz_fail         the reporting half (out of line: keeps every check site small)
//   is_valid_utf8     RFC 3629 well-formedness, an oracle written here on purpose
//
// Call flow: a target computes something with the product code, then FUZZ_CHECKs what must hold
// about it. A failed check prints the condition and a sentence of context, then aborts; libFuzzer
// treats the abort like a crash and writes the input to its artifact folder (scripts/fuzz.sh keeps
// it under build/.../artifacts). The checks stay on in every build type: `assert` is compiled out
// by NDEBUG, and an invariant the fuzzer cannot see is only a "no crash" test.
//
// Why a second UTF-8 validator: an oracle that calls the code under test cannot catch its bugs.
// The core and the view each validate UTF-8 for their own purposes; the targets check their
// results against this independent, deliberately plain one.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ssmview_fuzz {

[[noreturn]] void fuzz_fail(const char* file, int line, const char* condition, const std::string& context);

bool is_valid_utf8(std::string_view s);

}  // namespace ssmview_fuzz

// `context` is any expression convertible to std::string; it is evaluated only on failure.
#define FUZZ_CHECK(condition, context)                                                  \
    do {                                                                                \
        if (!(condition)) ::ssmview_fuzz::fuzz_fail(__FILE__, __LINE__, #condition, (context)); \
    } while (0)
