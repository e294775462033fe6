// tests/aws/credential_provider_test.cpp: the caching provider: reuse, refresh before expiry,
// riding out a failed refresh, back-off after failures, and many threads at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "credentials.h"
#include "fake_env.h"
#include "iso_time.h"

using namespace ssmview::aws;
using ssmview::test::FakeEnv;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;

// A credential_process whose answers the test scripts: each run returns a fresh key that
// expires `lifetime_ms` after the fake clock's now, or fails when `fail` is set.
struct ScriptedHelper {
    FakeEnv                   fake;
    std::atomic<int>          runs{0};
    std::atomic<bool>         fail{false};
    std::int64_t              lifetime_ms = 60 * kMinute;
    int                       delay_ms = 0;

    Environment environment() {
        fake.vars = {{"AWS_SHARED_CREDENTIALS_FILE", "/k"}, {"AWS_EC2_METADATA_DISABLED", "true"}};
        fake.files = {{"/k", "[default]\ncredential_process = helper\n"}};
        Environment env = fake.environment();
        env.run = [this](const ProcessRequest&) {
            const int n = ++runs;
            if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            ProcessResult p;
            p.started = true;
            if (fail) {
                p.exit_code = 1;
                p.err = "helper is down";
                return p;
            }
            p.exit_code = 0;
            std::string expiration = lifetime_ms ? ssmview::format_timestamp_utc(fake.now + lifetime_ms) : "";
            // format_timestamp_utc writes "YYYY-MM-DD HH:MM:SS.mmm UTC"; ISO-8601 wants T and Z.
            if (!expiration.empty()) expiration = expiration.substr(0, 10) + "T" + expiration.substr(11, 12) + "Z";
            p.out = R"({"Version":1,"AccessKeyId":"KEY)" + std::to_string(n) + R"(","SecretAccessKey":"S")" +
                    (expiration.empty() ? "" : R"(,"Expiration":")" + expiration + "\"") + "}";
            return p;
        };
        return env;
    }
};

}  // namespace

TEST_CASE("provider: cached until 5 minutes before expiry, then resolved again", "[credentials][provider]") {
    ScriptedHelper h;
    CredentialProvider provider(h.environment());
    CHECK(provider.get().credentials.access_key_id == "KEY1");
    CHECK(provider.source() == "profile default (credential_process)");
    h.fake.now += 54 * kMinute;
    CHECK(provider.get().credentials.access_key_id == "KEY1");
    CHECK(h.runs == 1);
    h.fake.now += 2 * kMinute;  // 4 minutes left: inside the refresh window
    CHECK(provider.get().credentials.access_key_id == "KEY2");
    CHECK(provider.get().credentials.access_key_id == "KEY2");
    CHECK(h.runs == 2);
}

TEST_CASE("provider: long-term keys are never refreshed", "[credentials][provider]") {
    ScriptedHelper h;
    h.lifetime_ms = 0;
    CredentialProvider provider(h.environment());
    CHECK(provider.get().ok);
    h.fake.now += 1000 * kMinute;
    CHECK(provider.get().credentials.access_key_id == "KEY1");
    CHECK(h.runs == 1);
}

TEST_CASE("provider: a failed refresh keeps serving still-valid credentials, then reports the failure", "[credentials][provider]") {
    ScriptedHelper h;
    CredentialProvider provider(h.environment());
    REQUIRE(provider.get().ok);
    h.fail = true;
    h.fake.now += 57 * kMinute;  // refresh due, 3 minutes left
    CredentialResult r = provider.get();
    CHECK(r.ok);
    CHECK(r.credentials.access_key_id == "KEY1");
    CHECK(h.runs == 2);
    CHECK(provider.get().ok);
    CHECK(h.runs == 2);  // not retried within the back-off
    h.fake.now += 4 * kMinute;  // expired now
    r = provider.get();
    CHECK_FALSE(r.ok);
    CHECK(r.error == "AWS credentials from profile default failed: credential_process 'helper' exited with status 1 (its error output is not repeated here, since it may hold secrets: run it yourself to see it)");
    CHECK(provider.source() == "");
}

TEST_CASE("provider: after a failure it waits before trying again; invalidate() forgets", "[credentials][provider]") {
    ScriptedHelper h;
    h.fail = true;
    CredentialProvider provider(h.environment());
    CHECK_FALSE(provider.get().ok);
    CHECK_FALSE(provider.get().ok);
    CHECK(h.runs == 1);
    h.fail = false;
    h.fake.now += 4999;
    CHECK_FALSE(provider.get().ok);
    h.fake.now += 1;
    CHECK(provider.get().ok);
    CHECK(h.runs == 2);
    provider.invalidate();
    CHECK(provider.get().credentials.access_key_id == "KEY3");
}

TEST_CASE("provider: many threads at once share one resolution", "[credentials][provider]") {
    ScriptedHelper h;
    h.delay_ms = 200;
    CredentialProvider provider(h.environment());
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int j = 0; j < 50; ++j) ok += provider.get().credentials.access_key_id == "KEY1";
        });
    for (auto& t : threads) t.join();
    CHECK(ok == 400);
    CHECK(h.runs == 1);
}

TEST_CASE("provider: while one thread refreshes, the others keep the still-valid credentials", "[credentials][provider]") {
    ScriptedHelper h;
    CredentialProvider provider(h.environment());
    REQUIRE(provider.get().ok);
    h.fake.now += 56 * kMinute;
    h.delay_ms = 500;
    std::thread refresher([&] { CHECK(provider.get().credentials.access_key_id == "KEY2"); });
    while (h.runs < 2) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const auto start = std::chrono::steady_clock::now();
    CHECK(provider.get().credentials.access_key_id == "KEY1");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(300));
    refresher.join();
    CHECK(provider.get().credentials.access_key_id == "KEY2");
}
