// core/service_error.cpp: see service_error.h.
//
// Index
//   Vocabulary        error type names -> ErrorKind (one table; matching ignores case)
//   Reading           header and body (awsJson, or S3's XML <Error>) -> type, message
//   Hints             ErrorKind (+ action) -> the sentence a person reads
//   read_service_error, unreachable_error, service_error_title, service_error_to_json_fields
#include "service_error.h"
#include "ascii.h"

#include <cassert>
#include <cctype>

#include "data_limits.h"
#include "json_reader.h"

namespace ssmview {

namespace {

// ---- Vocabulary -------------------------------------------------------------------------------

bool contains_folded(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
        if (ascii_iequals(hay.substr(i, needle.size()), needle)) return true;
    return false;
}

struct KindOfType {
    const char* type;
    ErrorKind   kind;
};
// The error codes the AWS SDKs treat alike (botocore's retry handlers list the throttling ones).
constexpr KindOfType kTypes[] = {
    {"InvocationDoesNotExist", ErrorKind::NotYet},
    {"ThrottlingException", ErrorKind::Throttled},
    {"Throttling", ErrorKind::Throttled},
    {"ThrottledException", ErrorKind::Throttled},
    {"RequestThrottledException", ErrorKind::Throttled},
    {"TooManyRequestsException", ErrorKind::Throttled},
    {"RequestLimitExceeded", ErrorKind::Throttled},
    {"LimitExceededException", ErrorKind::Throttled},
    {"SlowDown", ErrorKind::Throttled},
    {"AccessDeniedException", ErrorKind::AccessDenied},
    {"AccessDenied", ErrorKind::AccessDenied},
    {"ExpiredTokenException", ErrorKind::ExpiredCredentials},
    {"ExpiredToken", ErrorKind::ExpiredCredentials},
    {"RequestTimeTooSkewed", ErrorKind::ClockSkew},
    {"RequestExpired", ErrorKind::ClockSkew},
    {"UnrecognizedClientException", ErrorKind::BadCredentials},
    {"InvalidClientTokenId", ErrorKind::BadCredentials},
    {"InvalidSignatureException", ErrorKind::BadCredentials},
    {"SignatureDoesNotMatch", ErrorKind::BadCredentials},
    {"IncompleteSignatureException", ErrorKind::BadCredentials},
    {"MissingAuthenticationTokenException", ErrorKind::BadCredentials},
    {"InvalidAccessKeyId", ErrorKind::BadCredentials},
    {"ValidationException", ErrorKind::InvalidRequest},
    {"InvalidCommandId", ErrorKind::InvalidRequest},
    {"InvalidInstanceId", ErrorKind::InvalidRequest},
    {"InvalidPluginName", ErrorKind::InvalidRequest},
    {"InvalidFilterKey", ErrorKind::InvalidRequest},
    {"InvalidNextToken", ErrorKind::InvalidRequest},
    {"SerializationException", ErrorKind::InvalidRequest},
    {"UnknownOperationException", ErrorKind::InvalidRequest},
    {"InternalServerError", ErrorKind::ServerError},
    {"InternalFailure", ErrorKind::ServerError},
    {"ServiceUnavailable", ErrorKind::ServerError},
    {"ServiceUnavailableException", ErrorKind::ServerError},
};

ErrorKind kind_of(int status, std::string_view type, std::string_view message) {
    // A signature that expired is the clock, not the key: the hint differs.
    if (contains_folded(message, "signature expired") || contains_folded(message, "signature not yet current"))
        return ErrorKind::ClockSkew;
    if (contains_folded(message, kProxyRefusalMarker) && (status == 401 || status == 403 || status == 413))
        return ErrorKind::ProxyRefused;
    if (contains_folded(message, "security token included in the request is expired")) return ErrorKind::ExpiredCredentials;
    for (const KindOfType& k : kTypes)
        if (ascii_iequals(type, k.type)) return k.kind;
    if (status == 429) return ErrorKind::Throttled;
    if (status >= 500) return ErrorKind::ServerError;
    if (status == 401 || status == 403) return ErrorKind::AccessDenied;
    return ErrorKind::Unknown;
}

// ---- Reading ----------------------------------------------------------------------------------

// "Type:http://internal.amazon.com/coral/..." -> "Type"; "com.amazonaws.ssm#Type" -> "Type".
std::string_view short_type(std::string_view t) {
    const std::size_t colon = t.find(':');
    if (colon != std::string_view::npos) t = t.substr(0, colon);
    const std::size_t hash = t.rfind('#');
    if (hash != std::string_view::npos) t = t.substr(hash + 1);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    return t;
}

std::string clip_message(std::string m) {
    for (char& c : m)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    if (m.size() > kMaxErrorMessageBytes) {
        std::size_t cut = kMaxErrorMessageBytes;
        while (cut > 0 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        m.resize(cut);
        m += "…";
    }
    return m;
}

// S3's error document: <?xml ...?><Error><Code>NoSuchKey</Code><Message>...</Message>...</Error>.
// Only the two elements are read, and only when the root is <Error>; XML's five predefined
// entities are decoded, anything else is kept as written (a message is shown, never trusted).
std::string xml_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            bool done = false;
            for (const auto& [entity, c] : {std::pair<std::string_view, char>{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                                            {"&quot;", '"'}, {"&apos;", '\''}}) {
                if (s.substr(i, entity.size()) == entity) {
                    out.push_back(c);
                    i += entity.size() - 1;
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

std::string_view xml_element(std::string_view doc, std::string_view name) {
    const std::string open = "<" + std::string(name) + ">", close = "</" + std::string(name) + ">";
    const std::size_t a = doc.find(open);
    if (a == std::string_view::npos) return {};
    const std::size_t b = doc.find(close, a + open.size());
    if (b == std::string_view::npos) return {};
    return doc.substr(a + open.size(), b - a - open.size());
}

void read_xml_body(std::string_view body, std::string& type, std::string& message) {
    std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return;
    body = body.substr(start);
    if (body.substr(0, 5) == "<?xml") {
        const std::size_t end = body.find("?>");
        if (end == std::string_view::npos) return;
        start = body.find_first_not_of(" \t\r\n", end + 2);
        if (start == std::string_view::npos) return;
        body = body.substr(start);
    }
    if (body.substr(0, 7) != "<Error>") return;
    const std::string code = xml_text(xml_element(body, "Code"));
    if (code.size() <= 256) type = clip_message(code);
    message = clip_message(xml_text(xml_element(body, "Message")));
}

void read_body(std::string_view body, std::string& type, std::string& message) {
    Json v;
    if (body.size() > kMaxErrorBodyBytes) return;
    if (!read_json_object(body, kMaxErrorBodyBytes, v)) {
        read_xml_body(body, type, message);
        return;
    }
    for (const char* key : {"__type", "code", "Code"}) {
        auto it = v.find(key);
        if (it != v.end() && it->is_string() && type.empty()) {
            // The type is shown and matched like the header's: bounded, no control characters.
            const std::string_view t = short_type(it->get_ref<const std::string&>());
            if (t.size() <= 256) type = clip_message(std::string(t));
        }
    }
    for (const char* key : {"message", "Message", "errorMessage"}) {
        auto it = v.find(key);
        if (it != v.end() && it->is_string() && message.empty()) message = clip_message(it->get<std::string>());
    }
}

// ---- Hints ------------------------------------------------------------------------------------

std::string iam_action(std::string_view service, std::string_view action) {
    if (action.empty()) return {};
    return std::string(service.empty() ? "ssm" : service) + ":" + std::string(action);
}

std::string hint_for(ErrorKind k, std::string_view service, std::string_view action) {
    switch (k) {
        case ErrorKind::NotYet:
            return "SSM has no such invocation yet. Right after send-command it answers this for a few seconds, until "
                   "the agent on the instance receives the command; following keeps asking. If it lasts, check the "
                   "CommandId and InstanceId (and the region).";
        case ErrorKind::Throttled:
            return "AWS is limiting how often these calls are made (the limit is per account and region, shared with "
                   "every other caller). Backing off before the next try.";
        case ErrorKind::AccessDenied: {
            const std::string a = iam_action(service, action);
            if (service == "s3")
                return "S3 answers AccessDenied both when the credentials may not call " + a +
                       " and when the object does not exist (unless they may list the bucket, s3:ListBucket, "
                       "which turns a missing object into NoSuchKey). The agent uploads an output only after its step "
                       "ends, and only when it is not empty.";
            return a.empty() ? std::string("The credentials are not allowed to make this call: allow it in their IAM policy.")
                             : "The credentials are not allowed to call " + a + ": allow that action in their IAM policy.";
        }
        case ErrorKind::ProxyRefused:
            return "ssmview-proxy refused the request itself (it never reached AWS): check its allowlist "
                   "(--allow-action), the page's origin (--allow-origin) and the bearer token (--token).";
        case ErrorKind::ExpiredCredentials:
            return "The credentials have expired. Refresh them (for example `aws sso login`, or new keys in the "
                   "environment of ssmview-proxy); the proxy picks up refreshed credentials on the next request.";
        case ErrorKind::ClockSkew:
            return "AWS rejected the signature's time: the clock of the machine that signs (where ssmview-proxy or "
                   "ssmview runs) is off by more than 5 minutes. Synchronize it (NTP) and retry.";
        case ErrorKind::BadCredentials:
            return "AWS does not accept the credentials: the access key is unknown, or the secret or session token "
                   "does not belong to it. Check which source ssmview-proxy resolved (GET /healthz).";
        case ErrorKind::InvalidRequest:
            return "AWS refused the request as malformed: check the CommandId, InstanceId and, for documents with "
                   "several steps, the PluginName.";
        case ErrorKind::ServerError:
            return "AWS (or the proxy's upstream) failed on its side. This is usually transient; retrying with back-off.";
        case ErrorKind::Unreachable:
            return "Nothing answered. Start the proxy (`bash scripts/run.sh` starts a simulated one; "
                   "`ssmview-proxy` with your credentials reaches AWS). A page on a public https origin also needs "
                   "the browser's permission to reach a local address: allow \"local network access\" when asked, "
                   "and start the proxy with --allow-origin set to the page's origin.";
        case ErrorKind::Unknown: return {};
    }
    return {};
}

bool retry_for(ErrorKind k) {
    return k == ErrorKind::NotYet || k == ErrorKind::Throttled || k == ErrorKind::ServerError || k == ErrorKind::Unreachable;
}

}  // namespace

const char* error_kind_name(ErrorKind k) {
    switch (k) {
        case ErrorKind::NotYet: return "not_yet";
        case ErrorKind::Throttled: return "throttled";
        case ErrorKind::AccessDenied: return "access_denied";
        case ErrorKind::ProxyRefused: return "proxy_refused";
        case ErrorKind::ExpiredCredentials: return "expired_credentials";
        case ErrorKind::ClockSkew: return "clock_skew";
        case ErrorKind::BadCredentials: return "bad_credentials";
        case ErrorKind::InvalidRequest: return "invalid_request";
        case ErrorKind::ServerError: return "server_error";
        case ErrorKind::Unreachable: return "unreachable";
        case ErrorKind::Unknown: return "unknown";
    }
    return "unknown";
}

ServiceError read_service_error(int http_status, std::string_view error_type_header, std::string_view request_id,
                                std::string_view body, std::string_view action, std::string_view service) {
    ServiceError e;
    e.http_status = http_status;
    e.request_id = clip_message(std::string(request_id.substr(0, 256)));
    read_body(body, e.type, e.message);
    // The header wins over the body: it is what the SDKs read first.
    const std::string_view header_type = short_type(error_type_header);
    if (!header_type.empty() && header_type.size() <= 256) e.type = clip_message(std::string(header_type));
    e.kind = kind_of(http_status, e.type, e.message);
    e.retry = retry_for(e.kind);
    e.hint = hint_for(e.kind, service, action);
    return e;
}

ServiceError unreachable_error(std::string_view detail, std::string_view where, bool via_proxy) {
    ServiceError e;
    e.kind = ErrorKind::Unreachable;
    e.retry = true;
    e.via_proxy = via_proxy;
    e.message = clip_message(std::string(detail));
    if (!where.empty()) e.message += (e.message.empty() ? "" : " ") + clip_message("(" + std::string(where) + ")");
    e.hint = via_proxy ? hint_for(e.kind, {}, {})
                       : "Nothing answered at the AWS endpoint. Check the network (a proxy or firewall in the way), the "
                         "region, and any --endpoint-url, AWS_ENDPOINT_URL_SSM or AWS_ENDPOINT_URL setting.";
    return e;
}

ServiceError malformed_answer_error(std::string_view why, std::string_view action, std::string_view service) {
    ServiceError e;
    e.http_status = 200;
    e.type = "Unreadable answer";
    e.message = clip_message(std::string(why));
    e.kind = ErrorKind::ServerError;
    e.retry = retry_for(e.kind);
    e.hint = "The answer to " + iam_action(service, action) +
             " was not what that call returns: the proxy or endpoint in between is not speaking the AWS protocol, or "
             "the answer was cut. Asking again may get a good one.";
    return e;
}

std::string service_error_title(const ServiceError& e) {
    std::string head = !e.type.empty() ? e.type
                       : e.kind == ErrorKind::Unreachable ? std::string(e.via_proxy ? "Cannot reach the proxy" : "Cannot reach AWS")
                                                          : "HTTP " + std::to_string(e.http_status);
    return e.message.empty() ? head : head + ": " + e.message;
}

Json service_error_to_json_fields(const ServiceError& e) {
    Json j = Json::object();
    j["type"] = e.type;
    j["message"] = e.message;
    j["kind"] = error_kind_name(e.kind);
    j["hint"] = e.hint;
    j["httpStatus"] = e.http_status;
    j["requestId"] = e.request_id;
    return j;
}

}  // namespace ssmview
