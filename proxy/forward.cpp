// proxy/forward.cpp: see forward.h.
//
// Index
//   CredentialStatus   what /healthz says about credentials (never a key)
//   AwsUpstream        send (credentials -> sign -> send), describe
//   make_aws_upstream  region, endpoints, provider, first resolution
#include "forward.h"

#include <algorithm>
#include <mutex>
#include <utility>

#include "credentials.h"
#include "endpoint.h"
#include "exchange.h"
#include "region.h"
#include "routes.h"
#include "service_error.h"
#include "shared_config.h"
#include "sigv4.h"

namespace ssmview::proxy {

namespace {

// ---- CredentialStatus -------------------------------------------------------------------------

struct CredentialStatus {
    bool                     resolved = false;
    std::string              source;         // "environment", "profile dev (credential_process)"
    std::int64_t             expires_at_ms = 0;
    std::string              error;          // the chain's sentence when !resolved
    std::vector<std::string> tried;

    static CredentialStatus of(const aws::CredentialResult& r) {
        CredentialStatus s;
        s.resolved = r.ok;
        s.tried = r.tried;
        if (r.ok) {
            s.source = r.credentials.source;
            s.expires_at_ms = r.credentials.expires_at_ms;
        } else {
            s.error = r.error;
        }
        return s;
    }
};

aws::HttpResponse as_response(const ProxyAnswer& a) {
    aws::HttpResponse r;
    r.status = a.status;
    r.headers = a.headers;
    r.body = a.body;
    return r;
}

// ---- AwsUpstream ------------------------------------------------------------------------------

struct ServiceEndpoint {
    Service       service;
    aws::Endpoint endpoint;
};

class AwsUpstream final : public Upstream {
public:
    AwsUpstream(aws::Environment env, std::string region, std::string region_source,
                std::vector<ServiceEndpoint> endpoints, aws::CredentialOptions credential_options,
                aws::HttpOptions http_options, aws::SharedConfig shared, aws::ProfileSelection profile,
                aws::EndpointOptions endpoint_options)
        : env_(env),
          region_(std::move(region)),
          region_source_(std::move(region_source)),
          endpoints_(std::move(endpoints)),
          shared_(std::move(shared)),
          profile_(std::move(profile)),
          endpoint_options_(std::move(endpoint_options)),
          provider_(std::move(env), std::move(credential_options)),
          http_options_(http_options) {}

    // Asks the provider once (at start) so /healthz knows, and returns the status.
    CredentialStatus warm_up() { return record(provider_.get()); }

    aws::HttpResponse send(const ProxyRequest& request) override {
        const aws::CredentialResult credentials = provider_.get();
        record(credentials);
        if (!credentials.ok) {
            return as_response(aws_json_error(errors::kCredentialsUnavailable,
                                              "ssmview-proxy has no usable AWS credentials, so it did not send " +
                                                  request.action + ": " + credentials.error));
        }
        const aws::ServiceInfo& info = service_info(request.service);
        const std::string& region = request.region.empty() ? region_ : request.region;
        aws::Endpoint regional;  // S3: the bucket's region names the endpoint (AWS_ENDPOINT_URL_S3 still wins)
        const aws::Endpoint* endpoint = endpoint_of(request.service);
        if (region != region_) {
            const aws::EndpointResult e = aws::resolve_endpoint(env_, info, region, endpoint_options_, shared_, profile_);
            if (!e.ok) return as_response(aws_json_error(errors::kUpstreamUnreachable, "ssmview-proxy: " + e.error));
            regional = e.endpoint;
            endpoint = &regional;
        }
        if (!endpoint) {
            return as_response(aws_json_error(errors::kUpstreamUnreachable,
                                              std::string("ssmview-proxy has no endpoint for ") +
                                                  service_name(request.service)));
        }
        aws::HttpRequest http = request.http;
        aws::SigningScope scope;
        scope.region = region;
        scope.service = info.signing_name;
        scope.now_ms = env_.now_ms();
        scope.s3 = info.s3_signing;
        aws::sigv4_sign(http, *endpoint, credentials.credentials, scope);
        aws::HttpResponse response = env_.http(*endpoint, http, http_options_);
        // Temporary credentials revoked or expired early: resolve afresh next time. The core's
        // reader of AWS errors says so (the header or the body's __type, every spelling).
        if (response.status >= 400) {
            const ServiceError e = read_service_error(response.status, aws::header_value(response.headers, "x-amzn-ErrorType"),
                                                      {}, response.body, {}, info.signing_name);
            if (e.kind == ErrorKind::ExpiredCredentials) provider_.invalidate();
        }
        return response;
    }

    nlohmann::json describe() const override {
        CredentialStatus c;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            c = status_;
        }
        nlohmann::json credentials = {{"resolved", c.resolved}};
        if (c.resolved) {
            credentials["source"] = c.source;
            credentials["expires"] = c.expires_at_ms != 0;
            if (c.expires_at_ms != 0) credentials["expires_at"] = aws::sigv4_amz_date(c.expires_at_ms);
        } else {
            credentials["error"] = c.error;
        }
        credentials["tried"] = c.tried;
        nlohmann::json endpoints = nlohmann::json::object();
        for (const ServiceEndpoint& e : endpoints_)
            endpoints[service_name(e.service)] = {{"url", e.endpoint.url()}, {"source", e.endpoint.source}};
        return {{"upstream", "aws"},
                {"region", region_},
                {"region_source", region_source_},
                {"endpoints", endpoints},
                {"credentials", credentials}};
    }

private:
    const aws::Endpoint* endpoint_of(Service s) const {
        for (const ServiceEndpoint& e : endpoints_)
            if (e.service == s) return &e.endpoint;
        return nullptr;
    }

    CredentialStatus record(const aws::CredentialResult& r) {
        CredentialStatus s = CredentialStatus::of(r);
        std::lock_guard<std::mutex> lock(mutex_);
        status_ = s;
        return s;
    }

    aws::Environment             env_;
    std::string                  region_, region_source_;
    std::vector<ServiceEndpoint> endpoints_;  // in the proxy's region
    aws::SharedConfig            shared_;     // to resolve an endpoint in another region (S3 buckets)
    aws::ProfileSelection        profile_;
    aws::EndpointOptions         endpoint_options_;
    aws::CredentialProvider      provider_;
    aws::HttpOptions             http_options_;
    mutable std::mutex           mutex_;
    CredentialStatus             status_;
};

}  // namespace

// ---- make_aws_upstream ------------------------------------------------------------------------

AwsUpstreamSetup make_aws_upstream(const ProxyConfig& config, aws::Environment env) {
    AwsUpstreamSetup out;
    const aws::SharedConfig shared = aws::load_shared_config(env);
    const aws::ProfileSelection profile = aws::select_profile(env, config.profile);
    const aws::RegionResult region = aws::resolve_region(env, config.region, shared, profile);
    if (!region.ok) {
        out.error = region.error;
        return out;
    }
    std::vector<ServiceEndpoint> endpoints;
    aws::EndpointOptions options;
    options.endpoint_url = config.endpoint_url;
    for (const ServiceRoutes& r : service_routes()) {
        if (config.allowlist.actions_of(r.service).empty()) continue;
        const aws::EndpointResult e = aws::resolve_endpoint(env, *r.info, region.region, options, shared, profile);
        if (!e.ok) {
            out.error = e.error;
            return out;
        }
        endpoints.push_back({r.service, e.endpoint});
    }
    aws::CredentialOptions credential_options;
    credential_options.profile = config.profile;
    aws::HttpOptions http_options;
    http_options.read_timeout_ms = config.upstream_timeout_ms;
    http_options.connect_timeout_ms = std::min(http_options.connect_timeout_ms, config.upstream_timeout_ms);
    // Answers of the allowed read actions are at most a few hundred KiB.
    http_options.max_response_bytes = 16u * 1024u * 1024u;

    auto upstream = std::make_unique<AwsUpstream>(env, region.region, region.source, endpoints, credential_options,
                                                  http_options, shared, profile, options);
    const CredentialStatus c = upstream->warm_up();
    out.summary = "region " + region.region + " (" + region.source + ")";
    for (const ServiceEndpoint& e : endpoints)
        out.summary += ", " + std::string(service_name(e.service)) + " at " + e.endpoint.url() + " (" + e.endpoint.source + ")";
    out.summary += c.resolved ? ", credentials from " + c.source : ", NO credentials yet: " + c.error;
    out.upstream = std::move(upstream);
    return out;
}

}  // namespace ssmview::proxy
