// proxy/routes.cpp: see routes.h.
//
// Index
//   service_info, service_name, service_routes   the table
//   Allowlist, default_allowlist, narrow_allowlist
//   Matching helpers                    media type, target split
//   route_request                       path + method -> X-Amz-Target -> service -> allowlist -> media type
//   make_proxy_request                  only the protocol's headers, rebuilt from the route
#include "routes.h"
#include "ascii.h"

#include <cassert>
#include <cctype>

#include "ssm_api.h"  // kSsmActions: the read-only SSM actions ssmview uses (one home)

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

// ---- route_request ----------------------------------------------------------------------------

Route route_request(const Allowlist& allowlist, const RequestHead& head) {
    if (head.path != "/" || head.method != "POST") {
        return refuse(aws_json_error(errors::kNotFound,
                                     "ssmview-proxy answers POST / (the AWS JSON protocol) and GET /healthz, not " +
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

ProxyRequest make_proxy_request(const Route& route, std::string body) {
    assert(route.ok);
    const aws::ServiceInfo& info = service_info(route.service);
    ProxyRequest p;
    p.service = route.service;
    p.action = route.action;
    p.http.method = "POST";
    p.http.path = "/";
    p.http.headers.push_back({"Content-Type", info.json_content_type});
    p.http.headers.push_back({"X-Amz-Target", std::string(info.json_target_prefix) + "." + route.action});
    p.http.body = std::move(body);
    return p;
}

}  // namespace ssmview::proxy
