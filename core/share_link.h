// core/share_link.h: the share-link format, minus the compression itself.
//
// Index
//   kLinkPrefix                the versioned fragment prefix (the bounds are in data_limits.h)
//   canonical_json             the invocation as compact JSON, members in API-model order
//   base64url_encode/_decode   RFC 4648 section 5, no padding (padding tolerated on decode)
//   make_link                  base URL + "#" + prefix + payload
//   share_json_refusal, share_payload_refusal   the sender's side of the bounds: why a report
//                              is too large for a link ("" = it is not)
//   extract_link_payload       a pasted link, fragment or bare payload -> the compressed bytes
//
// A link is  <base>#v1.<base64url(deflate-raw(canonical_json(invocation)))>. Everything after '#'
// stays in the browser: no server ever sees the report. Compression lives outside the core
// because it is platform work (zlib natively in cli/raw_deflate.*, DecompressionStream in the
// browser); both speak raw deflate (RFC 1951), so links made on one side open on the other.
// After inflating, the JSON goes through analyze() like any paste, so a crafted link gets the
// same validation as a paste.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "invocation.h"
#include "data_limits.h"

namespace ssmview {

constexpr const char* kLinkPrefix = "v1.";

std::string canonical_json(const Invocation& inv);

std::string base64url_encode(std::string_view bytes);
// False (with a reason) on a character outside the alphabet or an impossible length.
bool base64url_decode(std::string_view text, std::string& out, std::string& error);

std::string make_link(std::string_view base_url, std::string_view compressed);

// A link opens only what inflates to at most kMaxLinkDecodedBytes of JSON and has a payload of at
// most kMaxLinkPayloadChars: a report over either is refused before (JSON) or after (payload)
// compression, with a sentence that says the size, the limit and what to do instead. The payload
// is measured as extract_link_payload measures it: the base64url text of `compressed_bytes`.
std::string share_json_refusal(std::size_t json_bytes);
std::string share_payload_refusal(std::size_t compressed_bytes);

struct LinkPayload {
    bool        ok = false;
    std::string compressed;  // raw-deflate bytes to inflate (bounded by kMaxLinkDecodedBytes)
    std::string error;       // a sentence for people when !ok
};
// Accepts "https://host/path/#v1.XXXX", "#v1.XXXX" or "v1.XXXX"; whitespace around is ignored.
LinkPayload extract_link_payload(std::string_view link);

}  // namespace ssmview
