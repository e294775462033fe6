// tests/core/fetch_link_test.cpp: live links (#fetch?command=...&instance=...).
#include <catch2/catch.hpp>

#include "data_limits.h"
#include "fetch_link.h"
#include "ids.h"
#include "share_link.h"

using namespace ssmview;

namespace {
const char* kCmd = "0b2c6d7e-1a2b-4c3d-9e8f-123456789abc";
const char* kInst = "i-0123456789abcdef0";
}  // namespace

TEST_CASE("a live link round-trips ids, plugin and proxy through percent-encoding", "[fetch_link]") {
    const FetchTarget t{kCmd, kInst, "aws:runShellScript", "http://127.0.0.1:8787"};
    const std::string link = make_fetch_link("https://viewer.example/ssmview/#v1.old", t);
    CHECK(link ==
          "https://viewer.example/ssmview/#fetch?command=0b2c6d7e-1a2b-4c3d-9e8f-123456789abc&instance=i-0123456789abcdef0"
          "&plugin=aws%3ArunShellScript&proxy=http%3A%2F%2F127.0.0.1%3A8787");
    const FetchLinkParse p = parse_fetch_link(link);
    REQUIRE(p.ok);
    CHECK(p.target.command_id == kCmd);
    CHECK(p.target.instance_id == kInst);
    CHECK(p.target.plugin_name == "aws:runShellScript");
    CHECK(p.target.proxy_url == "http://127.0.0.1:8787");
    CHECK(is_fetch_link(link));
    CHECK(is_fetch_link("#fetch?command=x"));
    CHECK_FALSE(is_fetch_link("https://viewer.example/#v1.abc"));
}

TEST_CASE("a live link without optional parts keeps them empty", "[fetch_link]") {
    const FetchLinkParse p = parse_fetch_link(std::string("fetch?instance=") + kInst + "&command=" + kCmd + "&future=1");
    REQUIRE(p.ok);
    CHECK(p.target.plugin_name.empty());
    CHECK(p.target.proxy_url.empty());
}

TEST_CASE("a bad live link says which part is wrong", "[fetch_link]") {
    CHECK(parse_fetch_link("#v1.abc").error == "This is not a live link: it has no #fetch? part.");
    CHECK(parse_fetch_link("#fetch?instance=i-0123456789abcdef0").error == "The command id is missing.");
    CHECK(parse_fetch_link(std::string("#fetch?command=abc&instance=") + kInst).error ==
          "The command id \"abc\" is not a command id (36 characters, as send-command prints it).");
    CHECK(parse_fetch_link(std::string("#fetch?command=") + kCmd + "&instance=host1").error ==
          "The instance id \"host1\" is neither an EC2 instance id (i-...) nor a managed node id (mi-...).");
    CHECK(parse_fetch_link(std::string("#fetch?command=") + kCmd + "&command=" + kCmd + "&instance=" + kInst).error ==
          "The live link gives \"command\" twice.");
    CHECK(parse_fetch_link(std::string("#fetch?command=") + kCmd + "&instance=" + kInst + "&plugin=%ZZ").error ==
          "The live link's \"plugin\" has a malformed %-escape.");
    CHECK(parse_fetch_link(std::string("#fetch?command=") + kCmd + "&instance=" + kInst + "&plugin=%4").error ==
          "The live link's \"plugin\" has a malformed %-escape.");
    CHECK(parse_fetch_link(std::string("#fetch?command=") + kCmd + "&instance=" + kInst + "&proxy=javascript%3Aalert(1)").error ==
          "The proxy URL must start with http:// or https://.");
    CHECK(parse_fetch_link(std::string(9000, 'x')).error.find("characters long") != std::string::npos);
}

TEST_CASE("proxy URLs are http(s) with a host, an optional port and path, nothing else", "[fetch_link]") {
    CHECK(check_proxy_url("http://127.0.0.1:8787") == "");
    CHECK(check_proxy_url("https://proxy.internal/ssm") == "");
    CHECK(check_proxy_url("http://[::1]:8787/") == "");
    CHECK(check_proxy_url("http://user:pw@127.0.0.1:8787") == "The proxy URL must not carry a user name or password.");
    CHECK(check_proxy_url("http://127.0.0.1:0") == "The proxy URL's port is not a number from 1 to 65535.");
    CHECK(check_proxy_url("http://127.0.0.1:99999") == "The proxy URL's port is not a number from 1 to 65535.");
    CHECK(check_proxy_url("http://127.0.0.1:") == "The proxy URL's port is empty.");
    CHECK(check_proxy_url("http://") == "The proxy URL has no host.");
    CHECK(check_proxy_url("http://h/p?x=1") == "The proxy URL must not carry a query or a fragment.");
    CHECK(check_proxy_url("http://h /p") == "The proxy URL has spaces or control characters.");
    CHECK(check_proxy_url(kDefaultProxyUrl) == "");
}

TEST_CASE("the model's id patterns", "[ids]") {
    CHECK(command_id_ok(kCmd));
    CHECK_FALSE(command_id_ok("0b2c6d7e-1a2b-4c3d-9e8f-123456789ab"));
    CHECK_FALSE(command_id_ok("0b2c6d7e 1a2b-4c3d-9e8f-123456789abc"));
    CHECK(instance_id_ok("i-0123456789abcdef0"));
    CHECK(instance_id_ok("i-01234567"));
    CHECK(instance_id_ok("mi-0123456789abcdef0"));
    CHECK_FALSE(instance_id_ok("i-0123456789abcdef"));
    CHECK_FALSE(instance_id_ok("mi-01234567"));
    CHECK_FALSE(instance_id_ok("i-01234567-"));
    CHECK(uuid_shaped(kCmd));
    CHECK(uuid_shaped("0B2C6D7E-1A2B-4C3D-9E8F-123456789ABC"));
    CHECK_FALSE(uuid_shaped("0b2c6d7e-1a2b-4c3d-9e8f-123456789abg"));
    CHECK_FALSE(uuid_shaped("0b2c6d7e1-a2b-4c3d-9e8f-123456789abc"));
    CHECK_FALSE(uuid_shaped("0b2c6d7e-1a2b-4c3d-9e8f-123456789ab"));
    CHECK(command_id_ok("command-id-that-is-36-characters-ok!"));  // the model bounds only the length
    CHECK_FALSE(uuid_shaped("command-id-that-is-36-characters-ok!"));
    CHECK(std::string(kInstanceIdPattern) == "(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");
    CHECK(plugin_name_ok("aws:runShellScript"));
    CHECK(plugin_name_ok("step two"));
    CHECK_FALSE(plugin_name_ok("abc"));
    CHECK_FALSE(plugin_name_ok("step\none"));
    CHECK(plugin_name_ok(std::string(kMinPluginNameChars, 'a')));
    CHECK(plugin_name_ok(std::string(kMaxPluginNameBytes, 'a')));
    CHECK_FALSE(plugin_name_ok(std::string(kMaxPluginNameBytes + 1, 'a')));
    CHECK(word_char('a'));
    CHECK(word_char('Z'));
    CHECK(word_char('0'));
    CHECK(word_char('_'));
    CHECK_FALSE(word_char('-'));
    CHECK_FALSE(word_char('\xc3'));  // \w is ASCII only in the model's patterns
}
