// proxy/simulate_s3.h: S3 GetObject and HeadObject as the simulator answers them: the agent's output objects.
//
// Index
//   kSimObjectContentType   what the agent's uploads are stored as
//   answer_s3               one ProxyRequest for Service::S3 at one instant -> S3's HTTP answer
//   s3_internal_error       S3's 500 InternalError, for an exception the caller caught
//
// What it answers (the REST protocol, path-style as the proxy's routes.cpp sends it: method GET
// or HEAD, path "/<bucket>/<percent-encoded key>", an optional Range header, the bucket's region in
// ProxyRequest::region):
//   200   the object: Content-Length, Content-Type, ETag, Last-Modified (the step's end),
//         Accept-Ranges: bytes, x-amz-request-id, x-amz-id-2
//   206   Range bytes=a-b, a- or -n: the part, with Content-Range: bytes a-b/size. A header S3
//         ignores (several ranges, an unreadable one, b < a) gets the whole object, 200.
//   HEAD  the same status and headers, no body (Content-Length says what GET would send)
// and S3's XML errors (Content-Type application/xml; no body for HEAD):
//   403 AccessDenied "Access Denied"   no such object (yet: it is put when the step ends, and
//                                      never for an empty output); S3 says 403, not 404, to a
//                                      caller without s3:ListBucket
//   404 NoSuchBucket                   a bucket no simulated command writes to
//   400 AuthorizationHeaderMalformed   a region other than the bucket's (with <Region> and
//                                      x-amz-bucket-region, as S3 answers a request signed for it)
//   416 InvalidRange                   a range that starts past the end (or bytes=-0)
//   400 InvalidURI, 405 MethodNotAllowed   a path or method the proxy never sends
// Not throttled: S3 allows thousands of reads a second per prefix, far above what one viewer makes.
//
// Call flow: simulate_upstream.cpp -> answer_s3 -> s3_objects() (simulate_uploads.h: bucket and
// key from parse_s3_url of the URL GetCommandInvocation gives) -> the object's command at its `t`
// (Runs::touch: reading S3 never starts a command) -> a slice of the catalog's text.
#pragma once
#include <cstdint>

#include "http.h"
#include "simulate_runs.h"
#include "upstream.h"

namespace ssmview::proxy {

// The agent puts objects without a Content-Type; S3 stores those as binary/octet-stream.
constexpr const char* kSimObjectContentType = "binary/octet-stream";

aws::HttpResponse answer_s3(const ProxyRequest& request, Runs& runs, std::int64_t now_ms, std::uint64_t request_number);
aws::HttpResponse s3_internal_error(const ProxyRequest& request, std::uint64_t request_number);

}  // namespace ssmview::proxy
