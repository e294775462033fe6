// tests/aws/sigv4_sign_tool.cpp: sign requests read as JSON lines, print what we computed.
//
// Index
//   main   one JSON object per input line -> one JSON object per output line
//
// Input:  {"method","scheme","host","port","base_path","path","query","headers":[[name,value],...],
//          "body_hex","access_key","secret_key","token","region","service","now_ms","s3"}
// Output: {"canonical_request","string_to_sign","signature","authorization","signed_headers",
//          "headers":[[name,value],...]}  (the request's headers after signing)
// sigv4_botocore.py drives it with thousands of generated requests and compares each answer with
// botocore's. Test-only: it prints secrets it was given, as a signer's debug output would.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "sigv4.h"

using namespace ssmview::aws;

namespace {

std::string from_hex(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

}  // namespace

int main() {
    std::string line;
    int n = 0;
    while (std::getline(std::cin, line)) {
        ++n;
        const nlohmann::json in = nlohmann::json::parse(line, nullptr, false);
        if (!in.is_object()) {
            std::cerr << "sigv4_sign_tool: line " << n << " is not a JSON object\n";
            return 2;
        }
        HttpRequest r;
        r.method = in.at("method").get<std::string>();
        r.path = in.at("path").get<std::string>();
        r.query = in.value("query", "");
        for (const auto& h : in.at("headers")) r.headers.push_back({h.at(0).get<std::string>(), h.at(1).get<std::string>()});
        r.body = from_hex(in.value("body_hex", ""));
        Endpoint e;
        e.scheme = in.at("scheme").get<std::string>();
        e.host = in.at("host").get<std::string>();
        e.port = in.at("port").get<int>();
        e.base_path = in.value("base_path", "");
        Credentials c;
        c.access_key_id = in.at("access_key").get<std::string>();
        c.secret_access_key = in.at("secret_key").get<std::string>();
        c.session_token = in.value("token", "");
        SigningScope s;
        s.region = in.at("region").get<std::string>();
        s.service = in.at("service").get<std::string>();
        s.now_ms = in.at("now_ms").get<std::int64_t>();
        s.s3 = in.value("s3", false);
        const SignedParts p = sigv4_sign(r, e, c, s);
        nlohmann::json out;
        out["canonical_request"] = p.canonical_request;
        out["string_to_sign"] = p.string_to_sign;
        out["signature"] = p.signature;
        out["authorization"] = p.authorization;
        out["signed_headers"] = p.signed_headers;
        out["headers"] = nlohmann::json::array();
        for (const Header& h : r.headers) out["headers"].push_back({h.name, h.value});
        // Bytes that are not UTF-8 cannot be dumped strictly: replace them (only the canonical
        // request of a request with raw bytes in its path is affected, and it is compared hashed).
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return 0;
}
