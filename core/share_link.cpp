// core/share_link.cpp: link framing: canonical JSON, base64url, prefix, bounds.
//
// Index
//   canonical_json
//   base64url_encode / base64url_decode
//   make_link
//   extract_link_payload
#include "share_link.h"

#include <cctype>

namespace ssmview {

std::string canonical_json(const Invocation& inv) {
    // Strings were repaired to valid UTF-8 by the reader; `replace` only guards hand-built values.
    return invocation_to_json(inv).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- base64url ------------------------------------------------------------------------------

namespace {
const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;  // '+' and '/': a standard-base64 payload still decodes
    if (c == '_' || c == '/') return 63;
    return -1;
}
}  // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                                static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest) {
        std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        if (rest == 2) out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

bool base64url_decode(std::string_view text, std::string& out, std::string& error) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (sextet(text[i]) < 0) {
            error = "the link's data has a character that base64url does not use at position " + std::to_string(i + 1);
            return false;
        }
    if (text.size() % 4 == 1) {
        error = "the link's data has an impossible length (" + std::to_string(text.size()) + " characters): it was cut off";
        return false;
    }
    out.clear();
    out.reserve(text.size() * 3 / 4);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int v = sextet(text[i]);
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return true;
}

// ---- make_link / extract_link_payload -------------------------------------------------------

std::string share_json_refusal(std::size_t json_bytes) {
    if (json_bytes <= kMaxLinkDecodedBytes) return {};
    return "The report is too large for a link: " + std::to_string(json_bytes / 1024) + " KiB of JSON, and a link carries at most " +
           std::to_string(kMaxLinkDecodedBytes / 1024) + " KiB. Download the output instead, or share the cut output.";
}

std::string share_payload_refusal(std::size_t compressed_bytes) {
    const std::size_t payload_chars = (4 * compressed_bytes + 2) / 3;  // base64url, unpadded
    if (payload_chars <= kMaxLinkPayloadChars) return {};
    return "The report is too large for a link (" + std::to_string(payload_chars / 1024) +
           " KiB after compression; a link carries at most " + std::to_string(kMaxLinkPayloadChars / 1024) +
           " KiB). Download the output instead, share the cut output, or redact the output.";
}

std::string make_link(std::string_view base_url, std::string_view compressed) {
    const std::size_t hash = base_url.find('#');
    if (hash != std::string_view::npos) base_url = base_url.substr(0, hash);
    return std::string(base_url) + "#" + kLinkPrefix + base64url_encode(compressed);
}

LinkPayload extract_link_payload(std::string_view link) {
    LinkPayload out;
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!link.empty() && blank(link.front())) link.remove_prefix(1);
    while (!link.empty() && blank(link.back())) link.remove_suffix(1);
    const std::size_t hash = link.find('#');
    std::string_view fragment = hash == std::string_view::npos ? link : link.substr(hash + 1);
    if (fragment.empty()) {
        out.error = hash == std::string_view::npos ? "This is not an ssmview link: it has no #v1. part."
                                                   : "The link has an empty fragment: nothing to open.";
        return out;
    }
    const std::string_view prefix = kLinkPrefix;
    if (fragment.substr(0, prefix.size()) != prefix) {
        std::size_t i = 1;
        while (i < fragment.size() && std::isdigit(static_cast<unsigned char>(fragment[i]))) ++i;
        if (fragment[0] == 'v' && i > 1 && i < fragment.size() && fragment[i] == '.')
            out.error = "This link uses format " + std::string(fragment.substr(0, i)) +
                        ", which this ssmview does not know (it reads v1). Is it from a newer version?";
        else if (hash == std::string_view::npos)
            out.error = "This is not an ssmview link: it has no #v1. part.";
        else
            out.error = "This is not an ssmview link: its fragment does not start with \"v1.\".";
        return out;
    }
    fragment.remove_prefix(prefix.size());
    if (fragment.size() > kMaxLinkPayloadChars) {
        out.error = "The link is " + std::to_string(fragment.size()) + " characters long; ssmview opens links up to " +
                    std::to_string(kMaxLinkPayloadChars) + ".";
        return out;
    }
    if (fragment.empty()) {
        out.error = "The link carries no data after \"v1.\": it was cut off.";
        return out;
    }
    std::string reason;
    if (!base64url_decode(fragment, out.compressed, reason)) {
        out.error = "The link is damaged: " + reason + ".";
        out.compressed.clear();
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace ssmview
