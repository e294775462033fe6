// tests/core/service_error_test.cpp: AWS error answers -> type, message, kind, hint.
#include <string>

#include <catch2/catch.hpp>

#include "data_limits.h"
#include "service_error.h"

using namespace ssmview;

namespace {
ServiceError ssm(int status, const char* header, const char* body) {
    return read_service_error(status, header, "req-1", body, "GetCommandInvocation", "ssm");
}
}  // namespace

TEST_CASE("the type comes from the body's __type, after the namespace's '#'", "[service_error]") {
    const ServiceError e = ssm(400, "", R"({"__type":"com.amazonaws.ssm#InvocationDoesNotExist","message":"no such invocation"})");
    CHECK(e.type == "InvocationDoesNotExist");
    CHECK(e.message == "no such invocation");
    CHECK(e.kind == ErrorKind::NotYet);
    CHECK(e.retry);
    CHECK(e.request_id == "req-1");
    CHECK(service_error_title(e) == "InvocationDoesNotExist: no such invocation");
}

TEST_CASE("the x-amzn-ErrorType header wins over the body and loses its ':uri' part", "[service_error]") {
    const ServiceError e = ssm(400, "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/",
                               R"({"__type":"SomethingElse","Message":"Rate exceeded"})");
    CHECK(e.type == "ThrottlingException");
    CHECK(e.message == "Rate exceeded");
    CHECK(e.kind == ErrorKind::Throttled);
    CHECK(e.retry);
}

TEST_CASE("access denied names the IAM action to allow", "[service_error]") {
    const ServiceError e = ssm(400, "", R"({"__type":"AccessDeniedException","Message":"User: arn:aws:iam::1:user/x is not authorized"})");
    CHECK(e.kind == ErrorKind::AccessDenied);
    CHECK_FALSE(e.retry);
    CHECK(e.hint == "The credentials are not allowed to call ssm:GetCommandInvocation: allow that action in their IAM policy.");
    const ServiceError logs = read_service_error(400, "AccessDeniedException", "", "", "GetLogEvents", "logs");
    CHECK(logs.hint.find("logs:GetLogEvents") != std::string::npos);
}

TEST_CASE("S3's XML errors give their Code and Message, entities decoded", "[service_error][s3]") {
    const ServiceError e = read_service_error(
        404, "", "req-s3", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                          "<Message>The specified key does not exist &amp; &lt;never&gt; did.</Message><Key>a/b</Key></Error>",
        "GetObject", "s3");
    CHECK(e.type == "NoSuchKey");
    CHECK(e.message == "The specified key does not exist & <never> did.");
    CHECK(service_error_title(e) == "NoSuchKey: The specified key does not exist & <never> did.");
    // Only an <Error> root is read; an element that never closes gives nothing.
    CHECK(read_service_error(500, "", "", "<Other><Code>X</Code></Other>", "", "s3").type.empty());
    CHECK(read_service_error(500, "", "", "<Error><Code>X", "", "s3").type.empty());
    CHECK(read_service_error(500, "", "", "<?xml never closed <Error><Code>X</Code></Error>", "", "s3").type.empty());
}

TEST_CASE("a type with control characters or beyond 256 bytes is cleaned or dropped, as the header's is", "[service_error]") {
    // Found by fuzz_aws_answer: "\n" in __type reached the page's one-line title.
    CHECK(ssm(400, "", R"({"__type":"com.amazonaws.ssm#Throttling\nException","message":"m"})").type == "Throttling Exception");
    CHECK(ssm(400, "", (R"({"__type":")" + std::string(300, 'T') + R"(","message":"m"})").c_str()).type.empty());
}

TEST_CASE("S3's AccessDenied hint names s3:GetObject and the s3:ListBucket confusion", "[service_error][s3]") {
    const ServiceError e = read_service_error(
        403, "", "", "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", "GetObject", "s3");
    CHECK(e.kind == ErrorKind::AccessDenied);
    CHECK(e.hint ==
          "S3 answers AccessDenied both when the credentials may not call s3:GetObject and when the object does not exist "
          "(unless they may list the bucket, s3:ListBucket, which turns a missing object into NoSuchKey). The agent "
          "uploads an output only after its step ends, and only when it is not empty.");
}

TEST_CASE("a refusal by ssmview-proxy itself is told apart from one by AWS", "[service_error]") {
    const ServiceError e = ssm(403, "AccessDeniedException",
                               R"({"__type":"AccessDeniedException","message":"AmazonSSM.SendCommand is not allowed by ssmview-proxy"})");
    CHECK(e.kind == ErrorKind::ProxyRefused);
    CHECK(e.hint.find("--allow-action") != std::string::npos);
}

TEST_CASE("an expired signature is the clock, not the credentials", "[service_error]") {
    const ServiceError e = ssm(400, "", R"({"__type":"InvalidSignatureException","message":"Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z"})");
    CHECK(e.kind == ErrorKind::ClockSkew);
    CHECK(e.hint.find("clock") != std::string::npos);
    CHECK(ssm(400, "", R"({"__type":"InvalidSignatureException","message":"The request signature we calculated does not match"})").kind ==
          ErrorKind::BadCredentials);
}

TEST_CASE("expired tokens ask for a refresh and stop retrying", "[service_error]") {
    const ServiceError e = ssm(400, "", R"({"__type":"ExpiredTokenException","message":"The security token included in the request is expired"})");
    CHECK(e.kind == ErrorKind::ExpiredCredentials);
    CHECK_FALSE(e.retry);
    CHECK(e.hint.find("aws sso login") != std::string::npos);
}

TEST_CASE("a status with no readable body still classifies by status", "[service_error]") {
    CHECK(ssm(503, "", "<html>Service Unavailable</html>").kind == ErrorKind::ServerError);
    CHECK(ssm(429, "", "").kind == ErrorKind::Throttled);
    CHECK(ssm(403, "", "").kind == ErrorKind::AccessDenied);
    const ServiceError e = ssm(418, "", "not json {");
    CHECK(e.kind == ErrorKind::Unknown);
    CHECK(service_error_title(e) == "HTTP 418");
}

TEST_CASE("hostile bodies are bounded: deep nesting, huge messages, control characters", "[service_error]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(ssm(400, "", deep.c_str()).type.empty());
    const std::string long_message = R"({"__type":"ValidationException","message":")" + std::string(100000, 'x') + "\"}";
    CHECK(ssm(400, "", long_message.c_str()).message.empty());  // over the error-body bound: not read
    const std::string medium = R"({"__type":"ValidationException","message":")" + std::string(5000, 'y') + "\"}";
    const ServiceError m = ssm(400, "", medium.c_str());
    CHECK(m.message.size() < 2100);
    CHECK(m.kind == ErrorKind::InvalidRequest);
    const ServiceError c = ssm(400, "", "{\"__type\":\"X\",\"message\":\"a\\u001b[31mb\\nc\"}");
    CHECK(c.message == "a [31mb c");
}

TEST_CASE("no HTTP answer is 'unreachable', retried, with what to run and allow", "[service_error]") {
    const ServiceError e = unreachable_error("TypeError: Failed to fetch", "http://127.0.0.1:8787");
    CHECK(e.kind == ErrorKind::Unreachable);
    CHECK(e.retry);
    CHECK(e.http_status == 0);
    CHECK(service_error_title(e) == "Cannot reach the proxy: TypeError: Failed to fetch (http://127.0.0.1:8787)");
    CHECK(e.hint.find("scripts/run.sh") != std::string::npos);
    CHECK(e.hint.find("local network access") != std::string::npos);
}

TEST_CASE("a direct call that gets no answer names AWS and the endpoint settings, not a proxy", "[service_error]") {
    const ServiceError e = unreachable_error("Could not establish connection", "https://ssm.us-east-1.amazonaws.com", false);
    CHECK(service_error_title(e) == "Cannot reach AWS: Could not establish connection (https://ssm.us-east-1.amazonaws.com)");
    CHECK(e.hint.find("AWS_ENDPOINT_URL_SSM") != std::string::npos);
    CHECK(e.hint.find("proxy") != std::string::npos);  // "a proxy or firewall in the way"
    CHECK(e.hint.find("scripts/run.sh") == std::string::npos);
}

TEST_CASE("every kind has a stable name", "[service_error]") {
    CHECK(std::string(error_kind_name(ErrorKind::NotYet)) == "not_yet");
    CHECK(std::string(error_kind_name(ErrorKind::ProxyRefused)) == "proxy_refused");
    CHECK(std::string(error_kind_name(ErrorKind::Unreachable)) == "unreachable");
}

TEST_CASE("a 200 answer that is not what the action returns is an unreadable answer, asked again", "[service_error]") {
    const ServiceError e = malformed_answer_error("The answer is not JSON.", "GetLogEvents", "logs");
    CHECK(service_error_title(e) == "Unreadable answer: The answer is not JSON.");
    CHECK(e.http_status == 200);
    CHECK(e.kind == ErrorKind::ServerError);
    CHECK(e.retry);
    CHECK(e.hint == "The answer to logs:GetLogEvents was not what that call returns: the proxy or endpoint in between is "
                    "not speaking the AWS protocol, or the answer was cut. Asking again may get a good one.");
    // Bounded like every message: a megabyte of junk is not one line in a panel.
    CHECK(malformed_answer_error(std::string(1 << 20, 'x'), "GetLogEvents", "logs").message.size() <= kMaxErrorMessageBytes + 8);
}
