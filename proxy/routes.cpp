// proxy/routes.cpp: see routes.h.
//
// Index
//   service_info, service_name, service_routes   the table
//   Allowlist, default_allowlist, narrow_allowlist
//   Matching helpers                    media type, target split
//   route_request                       path + method -> X-Amz-Target -> service -> allowlist -> media type
//   check_route_body                    Logs: core/logs_api's rule; the canonical body is what is sent
//   make_proxy_request                  only the protocol's headers, rebuilt from the route
#include "routes.h"
#include "ascii.h"

#include <cassert>
#include <cctype>

#include "logs_api.h"
#include "output_location.h"  // s3_bucket_name_ok, s3_output_key_ok: the agent's layout
#include "percent_encoding.h"
#include "region.h"           // valid_region_name  // kLogsActions, check_logs_request: which Logs reads may be signed (one home)
#include "ssm_api.h"   // kSsmActions: the read-only SSM actions ssmview uses (one home)

namespace ssmview::proxy {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

}  // namespace

const aws::ServiceInfo& service_info(Service s) {
    switch (s) {
        case Service::Ssm: return aws::kSsm;
        case Service::Logs: return aws::kLogs;
        case Service::S3: return aws::kS3;
    }
    return aws::kSsm;
}

const char* service_name(Service s) { return service_info(s).id; }

const std::vector<ServiceRoutes>& service_routes() {
    static const std::vector<ServiceRoutes> table = [] {
        std::vector<ServiceRoutes> t;
        ServiceRoutes ssm{Service::Ssm, &aws::kSsm, {}};
        for (const char* a : kSsmActions) ssm.read_only_actions.emplace_back(a);
        t.push_back(std::move(ssm));
        ServiceRoutes logs{Service::Logs, &aws::kLogs, {}};
        for (const char* a : kLogsActions) logs.read_only_actions.emplace_back(a);
        t.push_back(std::move(logs));
        // S3 object reads: HEAD is its own action name here so --allow-action can tell them apart.
        t.push_back(ServiceRoutes{Service::S3, &aws::kS3, {"GetObject", "HeadObject"}});
        return t;
    }();
    return table;
}

// ---- Allowlist --------------------------------------------------------------------------------

bool Allowlist::allows(Service service, std::string_view action) const {
    for (const AllowedAction& a : actions)
        if (a.service == service && a.action == action) return true;
    return false;
}

std::vector<std::string> Allowlist::actions_of(Service service) const {
    std::vector<std::string> out;
    for (const AllowedAction& a : actions)
        if (a.service == service) out.push_back(a.action);
    return out;
}

Allowlist default_allowlist() {
    Allowlist out;
    for (const ServiceRoutes& r : service_routes())
        for (const std::string& a : r.read_only_actions) out.actions.push_back({r.service, a});
    return out;
}

bool narrow_allowlist(const std::vector<std::string>& names, Allowlist& out, std::string& error) {
    const Allowlist all = default_allowlist();
    if (names.empty()) {
        out = all;
        return true;
    }
    Allowlist narrowed;
    for (const std::string& name : names) {
        std::string_view service_id, action = name;
        const std::size_t colon = name.find(':');
        if (colon != std::string::npos) {
            service_id = std::string_view(name).substr(0, colon);
            action = std::string_view(name).substr(colon + 1);
        }
        bool found = false;
        for (const ServiceRoutes& r : service_routes()) {
            if (!service_id.empty() && service_id != r.info->id) continue;
            for (const std::string& a : r.read_only_actions) {
                if (a != action) continue;
                found = true;
                if (!narrowed.allows(r.service, a)) narrowed.actions.push_back({r.service, a});
            }
        }
        if (!found) {
            std::vector<std::string> known;
            for (const AllowedAction& a : all.actions) known.push_back(std::string(service_name(a.service)) + ":" + a.action);
            error = "--allow-action " + quoted_input(name) + ": not one of the read-only actions ssmview-proxy can forward (" +
                    join(known, ", ") + "); the flag narrows the allowlist, it cannot widen it";
            return false;
        }
    }
    // Table order, whatever the order of the flags: /healthz and messages list them alike.
    for (const AllowedAction& a : all.actions)
        if (narrowed.allows(a.service, a.action)) out.actions.push_back(a);
    return true;
}

// ---- Matching helpers -------------------------------------------------------------------------

namespace {

// "application/x-amz-json-1.1" or "Application/X-Amz-Json-1.1; charset=utf-8" -> matches.
bool media_type_is(std::string_view content_type, std::string_view wanted) {
    std::size_t end = content_type.find(';');
    std::string_view type = content_type.substr(0, end);
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
    while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
    return ascii_iequals(type, wanted);
}

bool plain_action_name(std::string_view a) {
    if (a.empty() || a.size() > 64) return false;
    for (char c : a)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

Route refuse(ProxyAnswer answer) {
    Route r;
    r.refusal = std::move(answer);
    return r;
}

}  // namespace

// ---- S3 ---------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kS3Prefix = "/s3/";

Route s3_refusal(const std::string& why) {
    return refuse(aws_json_error(errors::kAccessDenied,
                                 "ssmview-proxy reads only S3 objects of the SSM agent's output "
                                 "(GET /s3/<region>/<bucket>/<prefix>/<CommandId>/<InstanceId>/<plugin>/.../stdout|stderr): " +
                                     why + "; the request did not reach AWS"));
}

Route route_s3(const Allowlist& allowlist, const RequestHead& head) {
    const char* action = head.method == "GET" ? "GetObject" : head.method == "HEAD" ? "HeadObject" : nullptr;
    if (!action) {
        return refuse(aws_json_error(errors::kNotFound, "ssmview-proxy answers GET and HEAD under /s3/, not " +
                                                            quoted_input(head.method, 16)));
    }
    if (!allowlist.allows(Service::S3, action)) return s3_refusal(std::string("s3:") + action + " is not allowed");
    // Newer SDKs add x-id=GetObject; anything else (?acl, ?list-type=2, ?uploads) is another API.
    if (!head.query.empty() && head.query != "x-id=GetObject") return s3_refusal("a query string asks for another S3 API");
    const std::string_view rest = std::string_view(head.path).substr(kS3Prefix.size());
    const std::size_t a = rest.find('/');
    const std::size_t b = a == std::string_view::npos ? a : rest.find('/', a + 1);
    if (b == std::string_view::npos) return s3_refusal("the path does not name a region, a bucket and a key");
    Route r;
    r.region = std::string(rest.substr(0, a));
    r.bucket = std::string(rest.substr(a + 1, b - a - 1));
    if (!aws::valid_region_name(r.region)) return s3_refusal("the region is not a region name");
    if (!s3_bucket_name_ok(r.bucket)) return s3_refusal("the bucket is not a bucket name");
    if (!allowlist.buckets.empty()) {
        bool listed = false;
        for (const std::string& name : allowlist.buckets) listed = listed || name == r.bucket;
        if (!listed) return s3_refusal("the bucket is not one of --allow-bucket");
    }
    // Strictly ('+' stays '+', as S3 reads paths; %00 refused); re-encoded once before signing.
    if (!percent_decode_strict(rest.substr(b + 1), r.key, /*plus_is_space=*/false, /*refuse_nul=*/true)) return s3_refusal("the key holds a malformed %-escape");
    std::string why;
    if (!s3_output_key_ok(r.key, &why)) return s3_refusal(why);
    r.range = std::string(aws::header_value(head.headers, "Range"));
    if (r.range.size() > 64) return s3_refusal("the Range header is longer than one range");
    r.ok = true;
    r.service = Service::S3;
    r.action = action;
    return r;
}

}  // namespace

// ---- route_request ----------------------------------------------------------------------------

Route route_request(const Allowlist& allowlist, const RequestHead& head) {
    if (head.path.compare(0, kS3Prefix.size(), kS3Prefix) == 0) return route_s3(allowlist, head);
    if (head.path != "/" || head.method != "POST") {
        return refuse(aws_json_error(errors::kNotFound,
                                     "ssmview-proxy answers POST / (the AWS JSON protocols), GET /s3/... and GET /healthz, not " +
                                         quoted_input(head.method, 16) + " " + quoted_input(head.path)));
    }
    const std::string_view target = aws::header_value(head.headers, "X-Amz-Target");
    if (target.empty()) {
        return refuse(aws_json_error(errors::kUnknownOperation,
                                     "ssmview-proxy forwards the AWS JSON protocol: the request needs an X-Amz-Target "
                                     "header such as AmazonSSM.GetCommandInvocation"));
    }
    const std::size_t dot = target.find('.');
    const std::string_view prefix = dot == std::string_view::npos ? std::string_view() : target.substr(0, dot);
    const std::string_view action = dot == std::string_view::npos ? target : target.substr(dot + 1);
    const ServiceRoutes* service = nullptr;
    for (const ServiceRoutes& r : service_routes())
        if (*r.info->json_target_prefix && prefix == r.info->json_target_prefix) service = &r;
    if (!service || !plain_action_name(action) || !allowlist.allows(service->service, action)) {
        std::vector<std::string> allowed;
        for (const AllowedAction& a : allowlist.actions)
            if (*service_info(a.service).json_target_prefix)
                allowed.push_back(std::string(service_info(a.service).json_target_prefix) + "." + a.action);
        return refuse(aws_json_error(errors::kAccessDenied,
                                     quoted_input(target) + " is not allowed by ssmview-proxy (it forwards only " +
                                         join(allowed, ", ") + "); the request did not reach AWS"));
    }
    const std::string_view content_type = aws::header_value(head.headers, "Content-Type");
    if (!media_type_is(content_type, service->info->json_content_type)) {
        return refuse(aws_json_error(errors::kUnknownOperation,
                                     std::string("ssmview-proxy forwards ") + service->info->json_target_prefix +
                                         ".* with Content-Type: " + service->info->json_content_type + ", not " +
                                         (content_type.empty() ? std::string("none") : quoted_input(content_type))));
    }
    Route r;
    r.ok = true;
    r.service = service->service;
    r.action = std::string(action);
    return r;
}

// ---- check_route_body -------------------------------------------------------------------------

BodyCheck check_route_body(const Route& route, std::string body) {
    assert(route.ok);
    BodyCheck c;
    if (route.service != Service::Logs) {  // SSM's read actions name one command; S3's have no body
        c.ok = true;
        c.body = std::move(body);
        return c;
    }
    LogsRequestCheck logs = check_logs_request(route.action, body);
    if (!logs.ok) {
        c.refusal = aws_json_error(errors::kAccessDenied,
                                   "ssmview-proxy signs only CloudWatch Logs reads of the SSM agent's output streams "
                                   "(<CommandId>/<InstanceId>/<plugin>/stdout|stderr): " +
                                       logs.why + "; the request did not reach AWS");
        return c;
    }
    c.ok = true;
    c.body = std::move(logs.canonical_body);
    return c;
}

ProxyRequest make_proxy_request(const Route& route, std::string body) {
    assert(route.ok);
    const aws::ServiceInfo& info = service_info(route.service);
    ProxyRequest p;
    p.service = route.service;
    p.action = route.action;
    if (route.service == Service::S3) {
        // Path-style, the key encoded by us (S3 signs the path as sent, so this is what is signed).
        p.region = route.region;
        p.http.method = route.action == "HeadObject" ? "HEAD" : "GET";
        p.http.path = "/" + route.bucket + "/" + percent_encode(route.key, true);
        if (!route.range.empty()) p.http.headers.push_back({"Range", route.range});
        return p;
    }
    p.http.method = "POST";
    p.http.path = "/";
    p.http.headers.push_back({"Content-Type", info.json_content_type});
    p.http.headers.push_back({"X-Amz-Target", std::string(info.json_target_prefix) + "." + route.action});
    p.http.body = std::move(body);
    return p;
}

}  // namespace ssmview::proxy
