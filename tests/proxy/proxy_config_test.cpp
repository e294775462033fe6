// tests/proxy/proxy_config_test.cpp: ssmview-proxy's flags, defaults and the refusals made at start.
#include <catch2/catch.hpp>

#include <map>

#include "fetch_link.h"
#include "proxy_config.h"

using namespace ssmview;
using namespace ssmview::proxy;

namespace {

std::map<std::string, std::string> g_files;

aws::FileText read_fake(const std::string& path, std::size_t) {
    aws::FileText f;
    auto it = g_files.find(path);
    if (it == g_files.end()) return f;
    f.status = aws::FileText::Status::Ok;
    f.text = it->second;
    return f;
}

ConfigParse parse(std::vector<std::string> args) { return parse_proxy_args(args, read_fake); }

std::string error_of(std::vector<std::string> args) {
    const ConfigParse p = parse(std::move(args));
    CHECK_FALSE(p.ok);
    return p.error;
}

}  // namespace

TEST_CASE("the defaults are safe: loopback, no token, the run command's page, the read-only allowlist") {
    const ConfigParse p = parse({});
    REQUIRE(p.ok);
    const ProxyConfig& c = p.config;
    CHECK(c.listen_host == "127.0.0.1");
    CHECK(c.listen_port == 8787);
    CHECK(c.listen_is_loopback());
    CHECK(c.token.empty());
    CHECK(c.allow_origins == std::vector<std::string>(std::begin(kDefaultPageOrigins), std::end(kDefaultPageOrigins)));
    CHECK(c.allowlist.actions_of(Service::Ssm).size() == 3);
    CHECK_FALSE(c.simulate);
    CHECK(c.max_body_bytes == 65536);
    CHECK(c.request_timeout_ms == 10000);
    CHECK(p.warnings.empty());
}

TEST_CASE("every flag, in both spellings") {
    g_files["/t"] = "0123456789abcdef0123\r\nsecond line ignored\n";
    const ConfigParse p = parse({"--listen=[::1]:0", "--token-file", "/t", "--allow-origin", "https://A.example/",
                                 "--allow-origin=https://a.example", "--allow-action", "ListCommands", "--region",
                                 "eu-west-1", "--profile=dev", "--endpoint-url", "http://127.0.0.1:9", "--simulate",
                                 "--simulate-speed=3", "--max-body", "2048", "--request-timeout", "0.5", "--idle-timeout=2",
                                 "--upstream-timeout", "7.25", "--max-connections", "4"});
    REQUIRE(p.ok);
    const ProxyConfig& c = p.config;
    CHECK(c.listen_host == "::1");
    CHECK(c.listen_port == 0);
    CHECK(c.listen_display() == "[::1]:0");
    CHECK(c.listen_is_loopback());
    CHECK(c.token == "0123456789abcdef0123");
    CHECK(c.token_source == "--token-file /t");
    CHECK(c.allow_origins == std::vector<std::string>{"https://a.example"});
    CHECK(c.allowlist.actions_of(Service::Ssm) == std::vector<std::string>{"ListCommands"});
    CHECK(c.region == "eu-west-1");
    CHECK(c.profile == "dev");
    CHECK(c.endpoint_url == "http://127.0.0.1:9");
    CHECK(c.simulate);
    CHECK(c.simulate_speed == 3);
    CHECK(c.max_body_bytes == 2048);
    CHECK(c.request_timeout_ms == 500);
    CHECK(c.idle_timeout_ms == 2000);
    CHECK(c.upstream_timeout_ms == 7250);
    CHECK(c.max_connections == 4);
}

TEST_CASE("listening off loopback needs a token") {
    CHECK(error_of({"--listen", "0.0.0.0:8787"}) ==
          "refusing to listen on 0.0.0.0:8787 without a bearer token: anyone who can reach that address could act "
          "with this proxy's AWS credentials. Give --token-file FILE (the page then sends the token), or listen on "
          "127.0.0.1");
    CHECK(error_of({"--listen", "[::]:1"}).find("refusing to listen on [::]:1 without a bearer token") == 0);
    CHECK(error_of({"--listen", "10.1.2.3:1"}).find("refusing to listen on 10.1.2.3:1") == 0);
    const ConfigParse p = parse({"--listen", "0.0.0.0:8787", "--token", "0123456789abcdef"});
    REQUIRE(p.ok);
    CHECK_FALSE(p.config.listen_is_loopback());
    CHECK(p.warnings == std::vector<std::string>{"--token is visible to other users of this machine (ps); --token-file is not"});
    CHECK(parse({"--listen", "localhost:1"}).config.listen_host == "127.0.0.1");
    CHECK(parse({"--listen", "127.9.9.9:1"}).ok);
}

TEST_CASE("bad values are refused with the flag named") {
    CHECK(error_of({"--listen", "127.0.0.1"}) == "--listen 127.0.0.1: expected HOST:PORT, e.g. 127.0.0.1:8787 (IPv6: [::1]:8787)");
    CHECK(error_of({"--listen", "127.0.0.1:99999"}) == "--listen 127.0.0.1:99999: the port must be a number from 0 to 65535");
    CHECK(error_of({"--listen", "example.com:80"}) ==
          "--listen example.com:80: the host must be an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost");
    CHECK(error_of({"--listen", "::1:80"}).find("expected HOST:PORT") != std::string::npos);
    CHECK(error_of({"--max-body", "0"}) == "--max-body 0: expected a whole number from 1 to 67108864");
    CHECK(error_of({"--max-body", "12k"}) == "--max-body 12k: expected a whole number from 1 to 67108864");
    CHECK(error_of({"--request-timeout", "0"}) == "--request-timeout 0: expected seconds from 0.1 to 3600");
    CHECK(error_of({"--idle-timeout", "nan"}) == "--idle-timeout nan: expected seconds from 0.1 to 3600");
    CHECK(error_of({"--max-connections", "0"}) == "--max-connections 0: expected a whole number from 1 to 1024");
    CHECK(error_of({"--region"}) == "--region needs a value");
    CHECK(error_of({"--bogus"}) == "unknown argument --bogus");
    CHECK(error_of({"--simulate=yes"}) == "--simulate takes no value");
    CHECK(error_of({"--simulate-speed", "4"}) == "--simulate-speed needs --simulate");
    CHECK(error_of({"--simulate", "--simulate-speed", "21"}) == "--simulate-speed 21: expected a whole number from 1 to 20");
    CHECK(error_of({"--token", "0123456789abcdef", "--token-file", "/t"}) == "give one of --token and --token-file, once");
    CHECK(error_of({"--allow-origin", "*"}).find("a wildcard would let every web site") != std::string::npos);
    CHECK(error_of({"--allow-action", "SendCommand"}).find("cannot widen it") != std::string::npos);
}

TEST_CASE("a token that cannot be used stops the start, without being quoted") {
    g_files["/short"] = "abc\n";
    g_files["/empty"] = "\n";
    CHECK(error_of({"--token-file", "/short"}) ==
          "the token of --token-file /short is shorter than 16 characters (use a random one, e.g. `openssl rand -hex 32`)");
    CHECK(error_of({"--token-file", "/empty"}).find("is shorter than 16 characters") != std::string::npos);
    CHECK(error_of({"--token", ""}).find("the token of --token is shorter") == 0);
    CHECK(error_of({"--token-file", "/missing"}) == "--token-file /missing: no such file");
    CHECK(error_of({"--token", "abc def ghi jkl mno"}) ==
          "the token of --token contains a space, a control character or a non-ASCII byte");
}

TEST_CASE("origins are normalized and deduplicated; null is allowed with a warning") {
    const ConfigParse p = parse({"--allow-origin", "HTTP://LOCALHOST:8080/", "--allow-origin", "http://localhost:8080",
                                 "--allow-origin", "null"});
    REQUIRE(p.ok);
    CHECK(p.config.allow_origins == std::vector<std::string>{"http://localhost:8080", "null"});
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].find("--allow-origin null") == 0);
}

TEST_CASE("--help and --version stop parsing") {
    CHECK(parse({"--help"}).help);
    CHECK(parse({"-h", "--bogus"}).help);
    CHECK(parse({"--version"}).version);
    CHECK(std::string(kProxyUsage).find("--allow-origin ORIGIN") != std::string::npos);
}
