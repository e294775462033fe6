// tests/core/share_link_test.cpp: the link's framing (compression is tested in tests/cli).
#include <catch2/catch.hpp>

#include "share_link.h"
#include "test_support.h"

using namespace ssmview;
using namespace ssmview_test;

TEST_CASE("base64url round-trips every byte value and every length", "[link]") {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    for (std::size_t n = 0; n <= bytes.size(); n += 1) {
        const std::string enc = base64url_encode(bytes.substr(0, n));
        CHECK(enc.find_first_of("+/=") == std::string::npos);
        std::string dec, err;
        REQUIRE(base64url_decode(enc, dec, err));
        CHECK(dec == bytes.substr(0, n));
    }
    CHECK(base64url_encode("hello") == "aGVsbG8");
}

TEST_CASE("base64url refuses foreign characters and impossible lengths", "[link]") {
    std::string out, err;
    CHECK_FALSE(base64url_decode("aGV*bG8", out, err));
    CHECK(err.find("position 4") != std::string::npos);
    CHECK_FALSE(base64url_decode("aGVsb", out, err));
    CHECK(err.find("cut off") != std::string::npos);
    CHECK(base64url_decode("aGVsbG8=", out, err));  // padding is tolerated
}

TEST_CASE("links carry the versioned prefix in the fragment of the given base", "[link]") {
    CHECK(make_link("https://example.com/ssmview/", "\x01\x02") == "https://example.com/ssmview/#v1.AQI");
    CHECK(make_link("https://example.com/x#old", "\x01") == "https://example.com/x#v1.AQ");
}

TEST_CASE("a link, a fragment or a bare payload all extract", "[link]") {
    for (const char* link : {"https://h/p/#v1.AQI", "#v1.AQI", "v1.AQI", "  https://h/#v1.AQI\n"}) {
        INFO(link);
        const LinkPayload p = extract_link_payload(link);
        REQUIRE(p.ok);
        CHECK(p.compressed == "\x01\x02");
    }
}

TEST_CASE("wrong, future, empty, damaged and oversized links are refused in words", "[link]") {
    CHECK(extract_link_payload("https://h/p/").error.find("no #v1.") != std::string::npos);
    CHECK(extract_link_payload("https://h/p/#").error.find("empty fragment") != std::string::npos);
    CHECK(extract_link_payload("https://h/#v2.AQI").error.find("v2") != std::string::npos);
    CHECK(extract_link_payload("https://h/#hello").error.find("not an ssmview link") != std::string::npos);
    CHECK(extract_link_payload("https://h/#v1.").error.find("cut off") != std::string::npos);
    CHECK(extract_link_payload("https://h/#v1.A!B").error.find("damaged") != std::string::npos);
    const std::string huge = "#v1." + std::string(kMaxLinkPayloadChars + 1, 'A');
    CHECK(extract_link_payload(huge).error.find("characters long") != std::string::npos);
}

TEST_CASE("canonical JSON is compact, in model order, and reads back to the same invocation", "[link]") {
    const Report r = analyze(read_fixture("aws-cli/success_rich.json"));
    REQUIRE(r.has_invocation);
    const std::string canon = canonical_json(r.invocation);
    CHECK(canon.find('\n') == std::string::npos);
    CHECK(canon.rfind("{\"CommandId\":", 0) == 0);
    const Report back = analyze(canon);
    CHECK(back.valid());
    CHECK(canonical_json(back.invocation) == canon);
}

TEST_CASE("the sender measures a link's payload as the opener does, and refuses past either bound in words", "[link]") {
    for (std::size_t n = 0; n < 64; ++n) {
        INFO(n << " compressed bytes");
        CHECK(share_payload_refusal(n).empty());
        // What the opener counts after "v1." is the base64url text of the compressed bytes.
        const std::string payload = base64url_encode(std::string(n, '\xA5'));
        CHECK(extract_link_payload("#v1." + payload).ok == (n > 0));
    }
    const std::size_t at_limit = kMaxLinkPayloadChars / 4 * 3;  // exactly kMaxLinkPayloadChars characters
    REQUIRE(base64url_encode(std::string(at_limit, 'a')).size() == kMaxLinkPayloadChars);
    CHECK(share_payload_refusal(at_limit).empty());
    CHECK(extract_link_payload("#v1." + base64url_encode(std::string(at_limit + 1, 'a'))).ok == false);
    CHECK(share_payload_refusal(at_limit + 1) ==
          "The report is too large for a link (2048 KiB after compression; a link carries at most 2048 KiB). Download the "
          "output instead, share the cut output, or redact the output.");
    CHECK(share_json_refusal(kMaxLinkDecodedBytes).empty());
    CHECK(share_json_refusal(kMaxLinkDecodedBytes + 1) ==
          "The report is too large for a link: 16384 KiB of JSON, and a link carries at most 16384 KiB. Download the output "
          "instead, or share the cut output.");
}
