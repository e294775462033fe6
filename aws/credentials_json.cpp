// aws/credentials_json.cpp: the credentials JSON that credential_process, the AWS CLI, the
// container endpoint and IMDS all answer with, and the shared helpers of credentials_detail.h.
//
// Index
//   parse_credentials_json    object check, Version, the three strings, Expiration (ISO-8601 via
//                             core's parse_timestamp, the one time parser of the project)
//   credential_text_problem, last_line
#include <nlohmann/json.hpp>

#include "ascii.h"
#include "credentials.h"
#include "credentials_detail.h"
#include "iso_time.h"

namespace ssmview::aws {

namespace detail {

std::string credential_text_problem(const Credentials& c) {
    auto bad = [](std::string_view s) {
        for (char ch : s) {
            const auto u = static_cast<unsigned char>(ch);
            if (u <= 0x20 || u == 0x7f) return true;
        }
        return false;
    };
    if (bad(c.access_key_id)) return "the access key id holds a space or a control character";
    if (bad(c.secret_access_key)) return "the secret access key holds a space or a control character";
    if (bad(c.session_token)) return "the session token holds a space or a control character";
    return "";
}

std::string error_document_summary(std::string_view body) {
    const nlohmann::json j = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object()) return "";
    auto member = [&](const char* a, const char* b) -> std::string {
        for (const char* k : {a, b}) {
            auto it = j.find(k);
            if (it != j.end() && it->is_string()) return last_line(it->get<std::string>());
        }
        return "";
    };
    const std::string code = member("code", "Code"), message = member("message", "Message");
    if (code.empty()) return message;
    if (message.empty()) return code;
    return (code + ": " + message).substr(0, 300);
}

std::string last_line(std::string_view text) {
    // Trailing blank lines are not the last line; the line itself is trimmed too.
    text = ascii_trim(text);
    const std::size_t nl = text.find_last_of('\n');
    if (nl != std::string_view::npos) text = ascii_trim(text.substr(nl + 1));
    std::string out(text.substr(0, 300));
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

}  // namespace detail

bool parse_credentials_json(std::string_view text, bool require_version, Credentials& out, std::string& error) {
    const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        error = "the answer is not valid JSON";
        return false;
    }
    if (!j.is_object()) {
        error = "the answer is not a JSON object";
        return false;
    }
    if (require_version) {
        auto v = j.find("Version");
        if (v == j.end()) {
            error = "the JSON has no Version (it must be 1)";
            return false;
        }
        if (!v->is_number_integer() || v->get<long long>() != 1) {
            error = "the JSON's Version is not 1 (only version 1 is defined)";
            return false;
        }
    }
    auto text_member = [&](const char* name, std::string& into, bool required) {
        auto m = j.find(name);
        if (m == j.end() || m->is_null()) {
            if (required) error = std::string("the JSON has no ") + name;
            return !required;
        }
        if (!m->is_string()) {
            error = std::string("the JSON's ") + name + " is not a string";
            return false;
        }
        into = m->get<std::string>();
        if (required && into.empty()) {
            error = std::string("the JSON's ") + name + " is empty";
            return false;
        }
        return true;
    };
    Credentials c;
    if (!text_member("AccessKeyId", c.access_key_id, true)) return false;
    if (!text_member("SecretAccessKey", c.secret_access_key, true)) return false;
    if (j.contains("SessionToken")) {
        if (!text_member("SessionToken", c.session_token, false)) return false;
    } else if (!text_member("Token", c.session_token, false)) {
        return false;
    }
    std::string expiration;
    if (!text_member("Expiration", expiration, false)) return false;
    if (!expiration.empty()) {
        const Timestamp t = parse_timestamp(expiration);
        if (!t.valid) {
            error = "the JSON's Expiration '" + expiration.substr(0, 40) + "' is not an ISO-8601 time";
            return false;
        }
        c.expires_at_ms = t.epoch_ms;
    }
    if (std::string problem = detail::credential_text_problem(c); !problem.empty()) {
        error = problem;
        return false;
    }
    out = std::move(c);
    return true;
}

}  // namespace ssmview::aws
