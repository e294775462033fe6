// proxy/simulate_s3.cpp: S3's object reads, from the catalog's outputs.
//
// Index
//   Wire forms      request ids, RFC 1123 dates (Last-Modified), XML escaping, S3's error document
//   Range           bytes=a-b | a- | -n -> a part, the whole object, or unsatisfiable
//   Path            "/<bucket>/<key>" with the key percent-decoded strictly (core/percent_encoding.h)
//   answer_s3       method -> path -> bucket -> region -> object at t -> range -> the answer
//   s3_internal_error
#include "simulate_s3.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "iso_time.h"
#include "percent_encoding.h"
#include "simulate_catalog.h"
#include "simulate_uploads.h"
#include "simulate_wire.h"

namespace ssmview::proxy {

namespace {

// ---- Wire forms -------------------------------------------------------------------------------

// S3's request ids are 16 upper-case hex digits; x-amz-id-2 is an opaque token.
struct Ids {
    std::string request_id, host_id;
};
Ids ids_for(std::uint64_t n) {
    std::string id = fingerprint("s3 request " + std::to_string(n));
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return {id, fingerprint(id) + fingerprint("host " + id)};
}

// "Fri, 20 Nov 2026 14:00:38 GMT" (RFC 7231's IMF-fixdate), from the core's ISO form of the instant.
std::string http_date(std::int64_t epoch_ms) {
    static const char* const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    assert(epoch_ms >= 0);
    const std::string iso = format_iso8601_utc(epoch_ms);  // 2026-11-20T14:00:38.123Z
    const int month = std::stoi(iso.substr(5, 2));
    return std::string(kDays[(epoch_ms / 86400000) % 7]) + ", " + iso.substr(8, 2) + " " + kMonths[month - 1] + " " +
           iso.substr(0, 4) + " " + iso.substr(11, 8) + " GMT";
}

// Text content needs only these three (S3 writes quotes and apostrophes as they are).
std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

struct Detail {
    const char* name;
    std::string value;
};

// S3's error document; the details go between Message and RequestId, as S3 writes them.
aws::HttpResponse s3_error(const ProxyRequest& request, std::uint64_t n, int status, const char* code,
                           const char* message, std::initializer_list<Detail> details = {},
                           std::vector<aws::Header> extra = {}) {
    const Ids ids = ids_for(n);
    aws::HttpResponse r;
    r.status = status;
    r.headers = {{"x-amz-request-id", ids.request_id}, {"x-amz-id-2", ids.host_id}, {"Content-Type", "application/xml"}};
    for (aws::Header& h : extra) r.headers.push_back(std::move(h));
    if (request.http.method != "HEAD") {
        r.body = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>") + code + "</Code><Message>" +
                 xml_escape(message) + "</Message>";
        for (const Detail& d : details) r.body += std::string("<") + d.name + ">" + xml_escape(d.value) + "</" + d.name + ">";
        r.body += "<RequestId>" + ids.request_id + "</RequestId><HostId>" + ids.host_id + "</HostId></Error>";
    }
    r.headers.push_back({"Content-Length", std::to_string(r.body.size())});
    return r;
}

// ---- Range ------------------------------------------------------------------------------------

struct Span {
    enum Kind { Whole, Part, Unsatisfiable } kind = Whole;
    std::size_t first = 0, last = 0;  // inclusive, when Part
};

std::optional<std::size_t> read_number(std::string_view d) {
    if (d.empty() || d.size() > 15 || d.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return static_cast<std::size_t>(std::stoull(std::string(d)));
}

// RFC 7233 as S3 applies it to one range; size > 0 (objects are never empty).
Span parse_range(std::string_view header, std::size_t size) {
    assert(size > 0);
    Span whole;
    if (header.substr(0, 6) != "bytes=") return whole;
    const std::string_view spec = header.substr(6);
    const std::size_t dash = spec.find('-');
    if (dash == std::string_view::npos || spec.find(',') != std::string_view::npos) return whole;
    const std::optional<std::size_t> a = read_number(spec.substr(0, dash));
    const std::optional<std::size_t> b = read_number(spec.substr(dash + 1));
    Span s;
    if (a) {
        if (!b && dash + 1 != spec.size()) return whole;  // "a-junk"
        if (b && *b < *a) return whole;                   // invalid: ignored
        if (*a >= size) return Span{Span::Unsatisfiable};
        return Span{Span::Part, *a, b ? std::min(*b, size - 1) : size - 1};
    }
    if (dash != 0 || !b) return whole;
    if (*b == 0) return Span{Span::Unsatisfiable};
    return Span{Span::Part, size - std::min(*b, size), size - 1};
}

// ---- Path -------------------------------------------------------------------------------------

// "/<bucket>/<key>": the key percent-decoded by the core's strict rule (nullopt for a malformed escape).
std::optional<std::pair<std::string, std::string>> read_path(std::string_view path) {
    if (path.size() < 2 || path[0] != '/') return std::nullopt;
    const std::size_t slash = path.find('/', 1);
    if (slash == std::string_view::npos || slash == 1 || slash + 1 == path.size()) return std::nullopt;
    std::string key;
    if (!percent_decode_strict(path.substr(slash + 1), key, /*plus_is_space=*/false, /*refuse_nul=*/false))
        return std::nullopt;
    return std::make_pair(std::string(path.substr(1, slash - 1)), key);
}

}  // namespace

// ---- answer_s3 --------------------------------------------------------------------------------

aws::HttpResponse answer_s3(const ProxyRequest& request, Runs& runs, std::int64_t now_ms, std::uint64_t n) {
    assert(request.service == Service::S3);
    const std::string& method = request.http.method;
    if (method != "GET" && method != "HEAD")
        return s3_error(request, n, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                        {{"Method", method}, {"ResourceType", "OBJECT"}});
    const auto location = read_path(request.http.path);
    if (!location) return s3_error(request, n, 400, "InvalidURI", "Couldn't parse the specified URI.");
    const auto& [bucket, key] = *location;
    if (!s3_bucket_exists(bucket))
        return s3_error(request, n, 404, "NoSuchBucket", "The specified bucket does not exist", {{"BucketName", bucket}});
    if (!request.region.empty() && request.region != kSimRegion) {
        const std::string message = "The authorization header is malformed; the region '" + request.region +
                                    "' is wrong; expecting '" + kSimRegion + "'";
        return s3_error(request, n, 400, "AuthorizationHeaderMalformed", message.c_str(), {{"Region", kSimRegion}},
                        {{"x-amz-bucket-region", kSimRegion}});
    }

    const SimObject* object = nullptr;
    const Run* run = nullptr;
    for (const SimObject& o : s3_objects()) {
        if (o.bucket != bucket || o.key != key) continue;
        run = runs.touch(*o.command, now_ms);
        if (run && run->t(now_ms) >= o.put_at_ms()) object = &o;
        break;
    }
    if (!object) return s3_error(request, n, 403, "AccessDenied", "Access Denied");

    const std::string_view data = object->data();
    const std::string_view range = aws::header_value(request.http.headers, "Range");
    const Span span = range.empty() ? Span{} : parse_range(range, data.size());
    if (span.kind == Span::Unsatisfiable)
        return s3_error(request, n, 416, "InvalidRange", "The requested range is not satisfiable",
                        {{"RangeRequested", std::string(range)}, {"ActualObjectSize", std::to_string(data.size())}});

    const Ids ids = ids_for(n);
    aws::HttpResponse r;
    r.headers = {{"x-amz-id-2", ids.host_id},
                 {"x-amz-request-id", ids.request_id},
                 {"Last-Modified", http_date(run->at(object->put_at_ms()))},
                 {"ETag", object->etag},
                 {"Accept-Ranges", "bytes"}};
    std::string_view part = data;
    if (span.kind == Span::Part) {
        r.status = 206;
        part = data.substr(span.first, span.last - span.first + 1);
        r.headers.push_back({"Content-Range", "bytes " + std::to_string(span.first) + "-" + std::to_string(span.last) +
                                                  "/" + std::to_string(data.size())});
    } else {
        r.status = 200;
    }
    r.headers.push_back({"Content-Type", kSimObjectContentType});
    r.headers.push_back({"Content-Length", std::to_string(part.size())});
    if (method == "GET") r.body = std::string(part);
    return r;
}

aws::HttpResponse s3_internal_error(const ProxyRequest& request, std::uint64_t request_number) {
    return s3_error(request, request_number, 500, "InternalError", "We encountered an internal error. Please try again.");
}

}  // namespace ssmview::proxy
