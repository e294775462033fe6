// fuzz/fuzz_share_link.cpp: a pasted share link, the way `ssmview open` and the page read it.
//
// Index
//   check_inflate_bound      the inflater's bound is exact: size-1 refuses, size accepts
//   LLVMFuzzerTestOneInput   link text -> extract_link_payload -> inflate_raw -> analyze
//
// Call flow (the same steps as cli/main.cpp open_link; the page inflates with the browser's
// DecompressionStream instead of zlib, both raw deflate):
//   extract_link_payload(text)                 prefix, fragment, base64url, payload bound
//   inflate_raw(compressed, kMaxLinkDecodedBytes)   bounded: a zip bomb stops at the limit
//   analyze(json) + check_report               the same invariants as a paste (report_checks.h)
// and, when the link carried an invocation, the share round trip: a new link made from it
// (canonical JSON, deflate_raw, make_link) opens to the same canonical JSON.
// Seeds: fuzz/corpus/fuzz_share_link, links made by `ssmview link` from the AWS CLI fixtures.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check.h"
#include "raw_deflate.h"
#include "report.h"
#include "report_checks.h"
#include "share_link.h"

namespace {

using ssmview_fuzz::is_valid_utf8;

void check_inflate_bound(const std::string& compressed, const std::string& inflated) {
    if (inflated.empty()) return;
    const ssmview::Inflated exact = ssmview::inflate_raw(compressed, inflated.size());
    FUZZ_CHECK(exact.ok && exact.data == inflated, "inflating with the exact size as the bound failed: " + exact.error);
    const ssmview::Inflated under = ssmview::inflate_raw(compressed, inflated.size() - 1);
    FUZZ_CHECK(!under.ok && under.data.empty() && !under.error.empty(),
               "inflating with a bound one byte short did not refuse (" + std::to_string(inflated.size()) + " bytes)");
}

// The CLI's `link` after `open`: the new link must carry exactly the canonical JSON.
void check_link_round_trip(const ssmview::Report& r) {
    const std::string canonical = ssmview::canonical_json(r.invocation);
    const std::string link = ssmview::make_link("https://example.com/ssmview/", ssmview::deflate_raw(canonical));
    const ssmview::LinkPayload payload = ssmview::extract_link_payload(link);
    FUZZ_CHECK(payload.ok, "a link made by make_link does not extract: " + payload.error);
    const ssmview::Inflated back = ssmview::inflate_raw(payload.compressed, ssmview::kMaxLinkDecodedBytes);
    FUZZ_CHECK(back.ok && back.data == canonical, "a link made from canonical JSON does not inflate back to it: " + back.error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ssmview::LinkPayload payload = ssmview::extract_link_payload(text);
    FUZZ_CHECK(payload.ok == payload.error.empty(), "ok and error disagree: " + payload.error);
    if (!payload.ok) {
        FUZZ_CHECK(payload.compressed.empty(), "a refused link still carries bytes");
        FUZZ_CHECK(is_valid_utf8(payload.error), "the refusal is not valid UTF-8: " + payload.error);
        return 0;
    }
    // base64url: the decoded bytes encode to a payload that decodes to the same bytes.
    std::string again, error;
    FUZZ_CHECK(ssmview::base64url_decode(ssmview::base64url_encode(payload.compressed), again, error) &&
                   again == payload.compressed,
               "base64url does not round-trip the payload: " + error);

    const ssmview::Inflated inflated = ssmview::inflate_raw(payload.compressed, ssmview::kMaxLinkDecodedBytes);
    FUZZ_CHECK(inflated.ok == inflated.error.empty(), "ok and error disagree: " + inflated.error);
    FUZZ_CHECK(inflated.ok || inflated.data.empty(), "a refused payload still carries bytes");
    FUZZ_CHECK(inflated.data.size() <= ssmview::kMaxLinkDecodedBytes, "inflated past kMaxLinkDecodedBytes");
    if (!inflated.ok) return 0;
    check_inflate_bound(payload.compressed, inflated.data);

    const ssmview::Report r = ssmview::analyze(inflated.data);
    ssmview_fuzz::check_report(inflated.data, r);
    if (r.has_invocation) check_link_round_trip(r);
    return 0;
}
