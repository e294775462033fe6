// tests/proxy/access_log_test.cpp: one line per request, key=value, nothing a client can forge.
#include <catch2/catch.hpp>

#include <cstdio>

#include "access_log.h"

using namespace ssmview::proxy;

namespace {
AccessRecord record() {
    AccessRecord r;
    r.time_ms = 1764586800123;  // 2025-12-01T11:00:00.123Z
    r.peer = "127.0.0.1";
    r.method = "POST";
    r.path = "/";
    r.origin = "http://127.0.0.1:8080";
    r.action = "ssm:GetCommandInvocation";
    r.status = 200;
    r.latency_ms = 1.23456;
    return r;
}
}  // namespace

TEST_CASE("an access line names time, peer, method, path, origin, action, status and latency") {
    CHECK(format_access_line(record()) ==
          "2025-12-01T11:00:00.123Z peer=127.0.0.1 method=POST path=/ origin=http://127.0.0.1:8080 "
          "action=ssm:GetCommandInvocation status=200 latency_ms=1.235");
}

TEST_CASE("absent values are '-', request input is escaped, spaces included") {
    AccessRecord r = record();
    r.origin = "";
    r.path = "/a b\r\nforged status=200";
    r.action = "Amazon\x1b[31mSSM";
    CHECK(format_access_line(r) ==
          "2025-12-01T11:00:00.123Z peer=127.0.0.1 method=POST path=/a\\x20b\\x0D\\x0Aforged\\x20status=200 origin=- "
          "action=Amazon\\x1B[31mSSM status=200 latency_ms=1.235");
}

TEST_CASE("AccessLog writes whole lines") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    AccessLog log(f);
    log.write(record());
    log.write(record());
    std::rewind(f);
    char buf[1024] = {};
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    const std::string text(buf, n);
    const std::string line = format_access_line(record()) + "\n";
    CHECK(text == line + line);
}
