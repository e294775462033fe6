// fuzz/fuzz_analyze.cpp: core analyze() on arbitrary bytes, as a paste reaches it.
//
// Index
//   LLVMFuzzerTestOneInput   analyze(bytes) -> check_report (report_checks.h lists the invariants)
//
// Call flow: the whole input is the pasted text. analyze() must return a complete Report for
// anything (never throw, crash or hang); check_report then holds it to the invariants that make
// its diagnostics usable: places that match the text, codes from the catalogue, an error whenever
// there is no invocation, and a share link that survives being opened and shared again.
// Seeds: fuzz/corpus/fuzz_analyze (the AWS CLI's five output formats and pasted terminal text);
// dictionary: fuzz/dict/json.dict.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report.h"
#include "report_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ssmview::Report r = ssmview::analyze(text);
    ssmview_fuzz::check_report(text, r);
    return 0;
}
