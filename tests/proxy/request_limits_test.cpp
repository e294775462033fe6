// tests/proxy/request_limits_test.cpp: DeadlineStream keeps a slow or greedy client from holding a
// worker: one deadline per request, a byte budget, a bounded write; and what a cut-off request is told.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "request_limits.h"

using namespace ssmview::proxy;
using Clock = std::chrono::steady_clock;

namespace {

struct Pair {
    int server = -1, client = -1;
    Pair() {
        int fds[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        server = fds[0];
        client = fds[1];
    }
    ~Pair() {
        if (server >= 0) ::close(server);
        if (client >= 0) ::close(client);
    }
    void send(const std::string& s) const { REQUIRE(::send(client, s.data(), s.size(), 0) == static_cast<ssize_t>(s.size())); }
};

ConnectionLimits limits(int request_ms = 300, std::size_t budget = 1000) {
    ConnectionLimits l;
    l.request_timeout_ms = request_ms;
    l.idle_timeout_ms = request_ms;
    l.write_timeout_ms = request_ms;
    l.max_request_bytes = budget;
    return l;
}

long long ms_since(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

}  // namespace

TEST_CASE("a request's bytes are read through the stream's buffer") {
    Pair p;
    DeadlineStream s(p.server, limits());
    p.send("GET / HTTP/1.1\r\n");
    REQUIRE(s.wait_for_request(1000));
    s.begin_request();
    std::string got;
    char c;
    while (got.size() < 16 && s.read(&c, 1) == 1) got += c;
    CHECK(got == "GET / HTTP/1.1\r\n");
    CHECK(s.request_bytes() == 16);
    CHECK(s.read_failure() == ReadFailure::None);
}

TEST_CASE("waiting for a request gives up after the wait, and on a closed connection") {
    Pair p;
    DeadlineStream s(p.server, limits());
    const auto t = Clock::now();
    CHECK_FALSE(s.wait_for_request(200));
    CHECK(ms_since(t) >= 190);
    ::close(p.client);
    p.client = -1;
    CHECK_FALSE(s.wait_for_request(1000));
}

TEST_CASE("a request that trickles in is cut off at its deadline, however regular the trickle") {
    Pair p;
    DeadlineStream s(p.server, limits(300));
    p.send("P");
    REQUIRE(s.wait_for_request(1000));
    s.begin_request();
    const auto t = Clock::now();
    std::thread trickle([&] {
        for (int i = 0; i < 20; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            ::send(p.client, "x", 1, MSG_NOSIGNAL);
        }
    });
    char c;
    ssize_t n;
    while ((n = s.read(&c, 1)) == 1) {
    }
    const long long took = ms_since(t);
    trickle.join();
    CHECK(n == -1);
    CHECK(s.read_failure() == ReadFailure::Deadline);
    CHECK(took >= 280);
    CHECK(took < 900);
    CHECK(s.read(&c, 1) == -1);  // stays failed
    // The next request starts a fresh deadline.
    s.begin_request();
    CHECK(s.read_failure() == ReadFailure::None);
}

TEST_CASE("a request over its byte budget fails the read that crosses it") {
    Pair p;
    DeadlineStream s(p.server, limits(1000, 10));
    p.send(std::string(20, 'a'));
    REQUIRE(s.wait_for_request(1000));
    s.begin_request();
    char buf[64];
    CHECK(s.read(buf, 8) == 8);
    CHECK(s.read(buf, 8) == -1);
    CHECK(s.read_failure() == ReadFailure::Budget);
    CHECK(s.request_bytes() == 8);
}

TEST_CASE("a peer that closes mid-request reads as end of stream") {
    Pair p;
    DeadlineStream s(p.server, limits());
    p.send("GE");
    REQUIRE(s.wait_for_request(1000));
    s.begin_request();
    char buf[8];
    CHECK(s.read(buf, 8) == 2);
    ::close(p.client);
    p.client = -1;
    CHECK(s.read(buf, 8) == 0);
    CHECK(s.read_failure() == ReadFailure::Closed);
}

TEST_CASE("write sends everything, past the socket buffer, to a reading peer") {
    Pair p;
    DeadlineStream s(p.server, limits(2000));
    const std::string big(4 * 1024 * 1024, 'z');
    std::size_t received = 0;
    std::thread reader([&] {
        char buf[65536];
        ssize_t n;
        while ((n = ::recv(p.client, buf, sizeof buf, 0)) > 0) received += static_cast<std::size_t>(n);
    });
    CHECK(s.write(big.data(), big.size()) == static_cast<ssize_t>(big.size()));
    ::shutdown(p.server, SHUT_WR);
    reader.join();
    CHECK(received == big.size());
}

TEST_CASE("write gives up on a peer that stops reading") {
    Pair p;
    DeadlineStream s(p.server, limits(200));
    const std::string big(16 * 1024 * 1024, 'z');
    const auto t = Clock::now();
    CHECK(s.write(big.data(), big.size()) == -1);
    CHECK(ms_since(t) < 1500);
}

TEST_CASE("what a cut-off request is told") {
    const auto message = [](const ProxyAnswer& a) { return nlohmann::json::parse(a.body)["message"].get<std::string>(); };
    ProxyAnswer a = limit_refusal(ReadFailure::Deadline, limits(1500));
    CHECK(a.status == 408);
    CHECK(message(a) == "ssmview-proxy did not receive the whole request within 1.5 s (--request-timeout); closing the connection");
    a = limit_refusal(ReadFailure::Budget, limits(1000, 4096));
    CHECK(a.status == 413);
    CHECK(message(a) == "the request is larger than ssmview-proxy accepts (4096 bytes with its headers; --max-body sets "
                        "the body's share)");
    CHECK(message(body_refusal(0, 10)) == "the request body is larger than ssmview-proxy accepts (--max-body 10)");
}

TEST_CASE("the limits follow the configuration") {
    ProxyConfig c;
    c.request_timeout_ms = 1234;
    c.idle_timeout_ms = 99;
    c.max_body_bytes = 100;
    const ConnectionLimits l = make_connection_limits(c);
    CHECK(l.request_timeout_ms == 1234);
    CHECK(l.idle_timeout_ms == 99);
    CHECK(l.write_timeout_ms == 1234);
    CHECK(l.max_request_bytes == kMaxRequestHeadBytes + 200);
}
