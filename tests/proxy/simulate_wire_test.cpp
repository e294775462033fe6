// tests/proxy/simulate_wire_test.cpp: the simulator writes SSM's wire forms (proxy/simulate_wire.h).
//
// Index
//   java_double        Java's Double.toString, checked on values quoted from a real SSM answer
//   wire_json          compact, raw UTF-8, escapes, member order, floats in Java form
//   uuid_from          UUID-shaped, version 4, distinct
//   error_reply/to_http the awsJson error shape and headers
#include <catch2/catch.hpp>

#include "ids.h"
#include "iso_time.h"
#include "simulate_wire.h"
#include "ssm_api.h"

using namespace ssmview::proxy;

TEST_CASE("java_double writes epoch seconds as a real ListCommandInvocations answer does") {
    // Quoted from an SSM answer body in aws/aws-cli#3707.
    CHECK(java_double(1541761816.338) == "1.541761816338E9");
    CHECK(java_double(1541991535.04) == "1.54199153504E9");
    CHECK(java_double(1541992493.965) == "1.541992493965E9");
}

TEST_CASE("java_double keeps Java's layout: plain between 1e-3 and 1e7, else one digit and an exponent") {
    CHECK(java_double(0.0) == "0.0");
    CHECK(java_double(5.0) == "5.0");
    CHECK(java_double(123.456) == "123.456");
    CHECK(java_double(-2.5) == "-2.5");
    CHECK(java_double(0.001) == "0.001");
    CHECK(java_double(0.0001) == "1.0E-4");
    CHECK(java_double(9999999.0) == "9999999.0");
    CHECK(java_double(1e7) == "1.0E7");
    CHECK(java_double(1795183200.0) == "1.7951832E9");
}

TEST_CASE("epoch_seconds round-trips every millisecond through the wire form") {
    for (std::int64_t ms = 1795183200000; ms < 1795183200000 + 5000; ms += 7) {
        std::string text = wire_json(epoch_seconds(ms));
        double back = std::stod(text);
        CHECK(static_cast<std::int64_t>(std::llround(back * 1000.0)) == ms);
    }
}

TEST_CASE("wire_json is compact, raw UTF-8, escapes control characters and keeps member order") {
    WireJson j = WireJson::object();
    j["Zeta"] = "\x1b[1mΚαλημέρα\x1b[0m 日本 🚀\n\t\"q\"\\";
    j["Alpha"] = 1;
    j["Time"] = epoch_seconds(1541761816338);
    j["List"] = WireJson::array({true, false, nullptr});
    j["Nested"] = WireJson::object();
    j["Nested"]["Enabled"] = false;
    CHECK(wire_json(j) ==
          "{\"Zeta\":\"\\u001b[1mΚαλημέρα\\u001b[0m 日本 🚀\\n\\t\\\"q\\\"\\\\\",\"Alpha\":1,"
          "\"Time\":1.541761816338E9,\"List\":[true,false,null],\"Nested\":{\"Enabled\":false}}");
}

TEST_CASE("uuid_from gives distinct version-4 UUIDs the core accepts as ids") {
    std::string a = uuid_from(1), b = uuid_from(2);
    CHECK(a != b);
    for (const std::string& u : {a, b, uuid_from(0), uuid_from(~0ull)}) {
        REQUIRE(u.size() == 36);
        CHECK(ssmview::command_id_ok(u));
        CHECK(u[8] == '-');
        CHECK(u[14] == '4');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
    }
    CHECK(uuid_from(7) == uuid_from(7));
}

TEST_CASE("error_reply is the awsJson 1.1 error shape; memberless errors have no message") {
    Reply r = error_reply("InvocationDoesNotExist");
    CHECK(r.status == 400);
    CHECK(r.body == R"({"__type":"InvocationDoesNotExist"})");
    CHECK(r.error_type == "InvocationDoesNotExist");
    Reply t = error_reply("ThrottlingException", "Rate exceeded");
    CHECK(t.body == R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
}

TEST_CASE("to_http sets the content type the core sends, the request id and the error type") {
    ssmview::aws::HttpResponse e = to_http(error_reply("InvalidPluginName"), "rid-1");
    CHECK(e.status == 400);
    CHECK(ssmview::aws::header_value(e.headers, "content-type") == ssmview::kSsmContentType);
    CHECK(ssmview::aws::header_value(e.headers, "x-amzn-requestid") == "rid-1");
    CHECK(ssmview::aws::header_value(e.headers, "x-amzn-errortype") == "InvalidPluginName");
    ssmview::aws::HttpResponse ok = to_http(Reply{200, "{}", ""}, "rid-2");
    CHECK(ok.status == 200);
    CHECK(ssmview::aws::header_value(ok.headers, "x-amzn-errortype").empty());
}
