// tests/proxy/exchange_test.cpp: the one error shape, and request input made safe to quote.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "exchange.h"

using namespace ssmview;
using namespace ssmview::proxy;

TEST_CASE("aws_json_error writes the awsJson 1.1 error: compact body, media type, x-amzn-ErrorType") {
    const ProxyAnswer a = aws_json_error(errors::kAccessDenied, "X is not allowed by ssmview-proxy");
    CHECK(a.status == 403);
    CHECK(a.body == R"({"__type":"AccessDeniedException","message":"X is not allowed by ssmview-proxy"})");
    CHECK(aws::header_value(a.headers, "content-type") == "application/x-amz-json-1.1");
    CHECK(aws::header_value(a.headers, "x-amzn-errortype") == "AccessDeniedException");
    CHECK(a.headers.size() == 2);
}

TEST_CASE("aws_json_error escapes any message and survives invalid UTF-8") {
    const ProxyAnswer a = aws_json_error(errors::kBadRequest, std::string("quote \" backslash \\ nl \n bad \xff end"));
    const auto j = nlohmann::json::parse(a.body);
    CHECK(j["message"] == "quote \" backslash \\ nl \n bad \xEF\xBF\xBD end");
}

TEST_CASE("every error type of the proxy is a 4xx or 5xx with a name") {
    for (const ErrorType& t : {errors::kAccessDenied, errors::kUnauthorized, errors::kTooLarge, errors::kRequestTimeout,
                               errors::kUnknownOperation, errors::kNotFound, errors::kBadRequest, errors::kUriTooLong,
                               errors::kBadRange, errors::kUpstreamTimeout, errors::kUpstreamUnreachable,
                               errors::kCredentialsUnavailable, errors::kInternal}) {
        CHECK(t.status >= 400);
        CHECK(t.status <= 599);
        CHECK(std::string(t.name).size() > 3);
    }
}

TEST_CASE("quoted_input keeps printable ASCII and writes every other byte as \\xHH") {
    CHECK(quoted_input("https://a.example:8080") == "https://a.example:8080");
    CHECK(quoted_input("a\r\nb") == "a\\x0D\\x0Ab");
    CHECK(quoted_input("\x1b[31m") == "\\x1B[31m");
    CHECK(quoted_input("back\\slash") == "back\\x5Cslash");
    CHECK(quoted_input("\xc3\xa9") == "\\xC3\\xA9");
    CHECK(quoted_input("") == "");
}

TEST_CASE("quoted_input is bounded") {
    CHECK(quoted_input(std::string(1000, 'a')) == std::string(kMaxQuotedInput, 'a') + "...");
    CHECK(quoted_input("abcdef", 3) == "abc...");
    CHECK(quoted_input("abc", 3) == "abc");
}
