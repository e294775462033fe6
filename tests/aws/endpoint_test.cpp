// tests/aws/endpoint_test.cpp: endpoint URLs, partitions, FIPS, and the resolution order.
#include <catch2/catch.hpp>

#include "endpoint.h"
#include "fake_env.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;

namespace {

EndpointResult resolve(FakeEnv& fake, const ServiceInfo& service, std::string_view region = "us-east-1",
                       EndpointOptions options = {}) {
    const Environment env = fake.environment();
    return resolve_endpoint(env, service, region, options, load_shared_config(env), select_profile(env, ""));
}

}  // namespace

TEST_CASE("endpoint URLs: scheme, host, port and base path are read and checked", "[endpoint]") {
    EndpointResult r = parse_endpoint_url("http://127.0.0.1:8787", "--endpoint-url");
    REQUIRE(r.ok);
    CHECK(r.endpoint.scheme == "http");
    CHECK(r.endpoint.host == "127.0.0.1");
    CHECK(r.endpoint.port == 8787);
    CHECK(r.endpoint.base_path == "");
    CHECK(r.endpoint.source == "--endpoint-url");
    CHECK(r.endpoint.url() == "http://127.0.0.1:8787");

    r = parse_endpoint_url("HTTPS://VPCE-1.SSM.us-east-1.vpce.amazonaws.com/prefix/", "x");
    REQUIRE(r.ok);
    CHECK(r.endpoint.scheme == "https");
    CHECK(r.endpoint.host == "vpce-1.ssm.us-east-1.vpce.amazonaws.com");
    CHECK(r.endpoint.port == 443);
    CHECK(r.endpoint.base_path == "/prefix");
    CHECK(r.endpoint.host_header() == "vpce-1.ssm.us-east-1.vpce.amazonaws.com");
    CHECK(r.endpoint.url() == "https://vpce-1.ssm.us-east-1.vpce.amazonaws.com/prefix");

    r = parse_endpoint_url("http://[::1]:9000", "x");
    REQUIRE(r.ok);
    CHECK(r.endpoint.host == "[::1]");
    CHECK(r.endpoint.host_header() == "[::1]:9000");
}

TEST_CASE("endpoint URLs: every refusal says what is wrong", "[endpoint]") {
    struct Case {
        const char* url;
        const char* error;
    };
    const Case cases[] = {
        {"", "S: the URL is empty"},
        {"localhost:8787", "S: 'localhost:8787' is not an absolute URL (expected http://host or https://host)"},
        {"ftp://h", "S: 'ftp://h' is not an http or https URL"},
        {"http://", "S: 'http://' has no host"},
        {"http://:80", "S: 'http://:80' has no host"},
        {"http://h:", "S: 'http://h:' has ':' but no port number"},
        {"http://h:0", "S: 'http://h:0' has a port that is not a number from 1 to 65535"},
        {"http://h:65536", "S: 'http://h:65536' has a port that is not a number from 1 to 65535"},
        {"http://h:8x", "S: 'http://h:8x' has a port that is not a number from 1 to 65535"},
        {"http://h_ost!", "S: 'http://h_ost!' has an invalid host name"},
        {"http://[::1", "S: 'http://[::1' has an IPv6 address without its closing ']'"},
        {"http://[::1]x", "S: 'http://[::1]x' has text after the IPv6 address"},
        {"http://h/a b", "S: 'http://h/a b' holds a space or a control character"},
        {"http://h/?a=1", "S: 'http://h/?a=1' has a query string or fragment; an endpoint URL is scheme://host[:port][/path]"},
        {"http://h/#x", "S: 'http://h/#x' has a query string or fragment; an endpoint URL is scheme://host[:port][/path]"},
        {"http://user:pw@h/", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
    };
    for (const Case& c : cases) {
        INFO(c.url);
        const EndpointResult r = parse_endpoint_url(c.url, "S");
        CHECK_FALSE(r.ok);
        CHECK(r.error == c.error);
    }
}

TEST_CASE("endpoint URLs: no refusal quotes the password of user:password@, whatever else is wrong", "[endpoint]") {
    // The password halves: a secret access key may hold '/', which ends the authority early, so
    // "AKID:wJalr/XUtnFEMI@host" splits as host "akid", port "wJalr" and path "/XUtnFEMI@host".
    struct Case {
        const char* url;
        const char* error;
    };
    const Case cases[] = {
        {"https://AKID:wJalrXUtnFEMI@host:0", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"AKID:wJalrXUtnFEMI@host", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"ftp://AKID:wJalrXUtnFEMI@h", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"https://AKID:wJalr XUtnFEMI@h", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"https://AKID:wJalrXUtnFEMI@[::1", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"https://AKID:wJalrXUtnFEMI@h/?a=1", "S: the URL holds user:password@, which ssmview does not send (use credentials instead)"},
        {"https://AKID:wJalr/XUtnFEMI@host:0", "S: 'https://***@host:0' has a port that is not a number from 1 to 65535"},
        {"https://:wJalr/XUtnFEMI@h", "S: 'https://***@h' has no host"},
        {"https://AKID:wJalr/XUtnFEMI@h x", "S: 'https://***@h x' holds a space or a control character"},
        {"https://AKID:wJalr/XUtnFEMI@h?a=1", "S: 'https://***@h?a=1' has a port that is not a number from 1 to 65535"},
        {"https://h:443/wJalr/XUtnFEMI@h?a=1", "S: 'https://***@h?a=1' has a query string or fragment; an endpoint URL is scheme://host[:port][/path]"},
        {"https://[::1]x:wJalr/XUtnFEMI@h", "S: 'https://***@h' has text after the IPv6 address"},
        {"https://h!:wJalr/XUtnFEMI@h", "S: 'https://***@h' has an invalid host name"},
        {"ftp://AKID:wJalr/XUtnFEMI@h", "S: 'ftp://***@h' is not an http or https URL"},
        {"AKID:wJalr/XUtnFEMI@h", "S: '***@h' is not an absolute URL (expected http://host or https://host)"},
    };
    for (const Case& c : cases) {
        INFO(c.url);
        const EndpointResult r = parse_endpoint_url(c.url, "S");
        CHECK_FALSE(r.ok);
        CHECK(r.error == c.error);
        CHECK(r.error.find("wJalr") == std::string::npos);
        CHECK(r.error.find("XUtnFEMI") == std::string::npos);
    }
    // The same through the resolution order (what the CLI prints and the proxy logs at start-up).
    FakeEnv fake;
    fake.vars = {{"AWS_ENDPOINT_URL", "https://AKID:wJalr/XUtnFEMI@host:0"}};
    const EndpointResult r = resolve(fake, kSsm);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "AWS_ENDPOINT_URL: 'https://***@host:0' has a port that is not a number from 1 to 65535");
}

TEST_CASE("loopback hosts: localhost, 127.0.0.0/8 and [::1], nothing that merely looks like them", "[endpoint]") {
    for (const char* yes : {"localhost", "127.0.0.1", "127.255.0.9", "[::1]"}) CHECK(is_loopback_host(yes));
    for (const char* no : {"127.0.0.1.evil.com", "127.0.0", "127.0.0.256", "128.0.0.1", "localhost.evil.com", "0.0.0.0",
                           "[::2]", "127.0.0.1a", "127..0.1"})
        CHECK_FALSE(is_loopback_host(no));
}

TEST_CASE("regional endpoints: partitions and FIPS", "[endpoint]") {
    CHECK(regional_endpoint(kSsm, "us-east-1", false).url() == "https://ssm.us-east-1.amazonaws.com");
    CHECK(regional_endpoint(kSsm, "us-east-1", true).url() == "https://ssm-fips.us-east-1.amazonaws.com");
    CHECK(regional_endpoint(kSsm, "cn-north-1", false).url() == "https://ssm.cn-north-1.amazonaws.com.cn");
    CHECK(regional_endpoint(kLogs, "cn-northwest-1", true).url() == "https://logs-fips.cn-northwest-1.amazonaws.com.cn");
    CHECK(regional_endpoint(kSsm, "us-gov-west-1", true).url() == "https://ssm.us-gov-west-1.amazonaws.com");
    CHECK(regional_endpoint(kS3, "us-gov-west-1", true).url() == "https://s3-fips.us-gov-west-1.amazonaws.com");
    CHECK(regional_endpoint(kSsm, "us-iso-east-1", false).url() == "https://ssm.us-iso-east-1.c2s.ic.gov");
    CHECK(regional_endpoint(kSsm, "us-isob-east-1", false).url() == "https://ssm.us-isob-east-1.sc2s.sgov.gov");
    CHECK(regional_endpoint(kSsm, "eu-isoe-west-1", false).url() == "https://ssm.eu-isoe-west-1.cloud.adc-e.uk");
    CHECK(regional_endpoint(kSsm, "us-isof-south-1", false).url() == "https://ssm.us-isof-south-1.csp.hci.ic.gov");
    CHECK(regional_endpoint(kSsm, "us-east-1", false).source == "regional endpoint");
    CHECK(regional_endpoint(kSsm, "us-east-1", true).source == "regional endpoint (FIPS)");
}

TEST_CASE("resolution order: flag, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, services section, profile, regional", "[endpoint]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"},
                 {"AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:1001"},
                 {"AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:1002"},
                 {"AWS_ENDPOINT_URL", "http://127.0.0.1:1003"}};
    fake.files = {{"/c", "[default]\nservices = local\nendpoint_url = http://127.0.0.1:1005\n"
                         "[services local]\nssm =\n  endpoint_url = http://127.0.0.1:1004\n"}};
    EndpointOptions flag;
    flag.endpoint_url = "http://127.0.0.1:1000";
    CHECK(resolve(fake, kSsm, "us-east-1", flag).endpoint.port == 1000);
    CHECK(resolve(fake, kSsm).endpoint.port == 1001);
    CHECK(resolve(fake, kSsm).endpoint.source == "AWS_ENDPOINT_URL_SSM");
    CHECK(resolve(fake, kLogs).endpoint.port == 1002);
    CHECK(resolve(fake, kS3).endpoint.port == 1003);
    fake.vars.erase("AWS_ENDPOINT_URL_SSM");
    fake.vars.erase("AWS_ENDPOINT_URL");
    CHECK(resolve(fake, kSsm).endpoint.port == 1004);
    CHECK(resolve(fake, kSsm).endpoint.source == "[services local] ssm endpoint_url");
    CHECK(resolve(fake, kS3).endpoint.port == 1005);
    CHECK(resolve(fake, kS3).endpoint.source == "endpoint_url in the profile 'default'");
    fake.files["/c"] = "[default]\n";
    const EndpointResult r = resolve(fake, kSsm, "eu-central-1");
    CHECK(r.endpoint.url() == "https://ssm.eu-central-1.amazonaws.com");
}

TEST_CASE("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS skips environment and config, never the flag", "[endpoint]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:1001"},
                 {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}};
    fake.files = {{"/c", "[default]\nendpoint_url = http://127.0.0.1:1005\n"}};
    CHECK(resolve(fake, kSsm).endpoint.url() == "https://ssm.us-east-1.amazonaws.com");
    EndpointOptions flag;
    flag.endpoint_url = "http://127.0.0.1:1000";
    CHECK(resolve(fake, kSsm, "us-east-1", flag).endpoint.port == 1000);
    fake.vars.erase("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    fake.vars.erase("AWS_ENDPOINT_URL_SSM");
    fake.files["/c"] = "[default]\nendpoint_url = http://127.0.0.1:1005\nignore_configured_endpoint_urls = TRUE\n";
    CHECK(resolve(fake, kSsm).endpoint.url() == "https://ssm.us-east-1.amazonaws.com");
    fake.vars["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "false";  // the variable wins over the profile
    CHECK(resolve(fake, kSsm).endpoint.port == 1005);
}

TEST_CASE("FIPS: the option, then AWS_USE_FIPS_ENDPOINT, then the profile", "[endpoint]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}};
    fake.files = {{"/c", "[default]\nuse_fips_endpoint = true\n"}};
    CHECK(resolve(fake, kSsm).endpoint.host == "ssm-fips.us-east-1.amazonaws.com");
    fake.vars["AWS_USE_FIPS_ENDPOINT"] = "false";
    CHECK(resolve(fake, kSsm).endpoint.host == "ssm.us-east-1.amazonaws.com");
    EndpointOptions on;
    on.fips = true;
    CHECK(resolve(fake, kSsm, "us-east-1", on).endpoint.host == "ssm-fips.us-east-1.amazonaws.com");
    fake.vars["AWS_ENDPOINT_URL_SSM"] = "http://127.0.0.1:9";
    CHECK(resolve(fake, kSsm, "us-east-1", on).endpoint.port == 9);  // an explicit endpoint is used as given
}

TEST_CASE("endpoint resolution errors name their source", "[endpoint]") {
    FakeEnv fake;
    fake.vars = {{"AWS_CONFIG_FILE", "/c"}, {"AWS_ENDPOINT_URL_SSM", "127.0.0.1:8787"}};
    fake.files = {{"/c", "[default]\nservices = missing\n"}};
    CHECK(resolve(fake, kSsm).error ==
          "AWS_ENDPOINT_URL_SSM: '127.0.0.1:8787' is not an absolute URL (expected http://host or https://host)");
    fake.vars.erase("AWS_ENDPOINT_URL_SSM");
    CHECK(resolve(fake, kSsm).error ==
          "the profile 'default' names services 'missing', but the config file has no [services missing] section");
    fake.files["/c"] = "";
    fake.vars["AWS_USE_FIPS_ENDPOINT"] = "yes";
    CHECK(resolve(fake, kSsm).error == "AWS_USE_FIPS_ENDPOINT must be true or false");
    fake.vars.erase("AWS_USE_FIPS_ENDPOINT");
    fake.vars["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "1";
    CHECK(resolve(fake, kSsm).error == "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS must be true or false");
    fake.vars.erase("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    CHECK(resolve(fake, kSsm, "fips-us-east-1").error ==
          "the region 'fips-us-east-1' is a FIPS pseudo-region: use the real region with AWS_USE_FIPS_ENDPOINT=true instead");
    CHECK(resolve(fake, kSsm, "not a region").error ==
          "cannot build the ssm endpoint: the region 'not a region' is not a valid region name");
}
