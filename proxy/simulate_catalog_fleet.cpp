// proxy/simulate_catalog_fleet.cpp: the fleets of the simulated catalog.
//
// Index
//   made instances    mix (a fixed 64-bit hash), made_instance_id, made_host
//   patch_fleet       12 nodes: 7 with nothing to do, 3 upgraded (reboot required), 2 failed on a
//                     repository time-out; three distinct stdouts
//   baseline_fleet    6 nodes, steps checkAgent then applyBaseline; node 4's second step fails
//   web_fleet         2,000 nodes in 8 waves of 250 (MaxConcurrency): mostly Success with a
//                     latency figure in the output, some on the old release, curl failures,
//                     execution time-outs, delivery time-outs and unmanaged nodes
//
// Call flow: catalog() (simulate_catalog.cpp) calls each maker once; the catalog's views read the
// commands like any other. What makes a fleet a fleet for the rest of the simulator is only the
// number of invocations and, here, Targets: these commands were sent to tags, so ListCommands
// shows Targets and an empty InstanceIds, as the service does.
//
// Why these shapes. The fleet view must answer "which failed, and did they all fail the same
// way?": the 12-node fleet has exactly three distinct outputs; the 2,000-node fleet has about
// 40 outputs that differ only in a number (grouping exactly shows them apart, grouping while
// ignoring digits shows two), and pages at any MaxResults (50: 40 pages).
#include "simulate_catalog_fleet.h"

#include <cstdint>
#include <string>

namespace ssmview::proxy {

namespace {

const char* const kShell = "aws:runShellScript";

// ---- made instances -------------------------------------------------------------------------

// splitmix64's finalizer: a fixed, well-mixed hash, so a made fleet is the same everywhere.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// "i-0" and 16 hex digits: the model's 17-digit form.
std::string made_instance_id(std::uint64_t h) {
    static const char kHex[] = "0123456789abcdef";
    std::string id = "i-0";
    for (int shift = 60; shift >= 0; shift -= 4) id += kHex[(h >> shift) & 0xf];
    return id;
}

std::string made_host(int subnet, int host) {
    return "ip-10-" + std::to_string(subnet) + "-" + std::to_string(host / 250) + "-" + std::to_string(host % 250 + 4) +
           ".ec2.internal";
}

SimInvocation made_invocation(std::uint64_t seed, int i, int subnet) {
    SimInvocation inv;
    std::uint64_t h = mix(seed * 1000003u + static_cast<std::uint64_t>(i));
    inv.instance_id = made_instance_id(h);
    inv.instance_name = made_host(subnet, i);
    return inv;
}

Step shell_step(std::int64_t start_ms, std::int64_t duration_ms, Ending ending, int code) {
    Step s;
    s.name = kShell;
    s.start_ms = start_ms;
    s.end_ms = start_ms + duration_ms;
    s.ending = ending;
    s.response_code = code;
    return s;
}

const char* const kRepoCheck = "Last metadata expiration check: 0:41:07 ago on Wed 02 Dec 2026 03:12:44 UTC.\n";

}  // namespace

// ---- patch_fleet ----------------------------------------------------------------------------

SimCommand patch_fleet() {
    SimCommand c;
    c.command_id = "6f1d2c84-3a5b-4e97-8c20-b7e4a9d1f356";
    c.comment = "security updates (batch nodes)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["dnf -y upgrade --security","needs-restarting -r || echo \"reboot required: the kernel was updated\""],"executionTimeout":["600"],"workingDirectory":[""]})";
    c.targets_json = R"([{"Key":"tag:Role","Values":["batch"]}])";
    c.timeout_seconds = 600;
    c.story = "a fleet of 12 nodes: 7 with nothing to do, 3 upgraded (reboot required), 2 Failed "
              "(exit status 1) on a repository time-out; three distinct outputs";

    for (int i = 0; i < 12; ++i) {
        SimInvocation inv = made_invocation(12, i, 30);
        inv.visible_ms = 2500 + i * 60;
        const std::int64_t start = 4000 + i * 350;
        if (i == 4 || i == 10) {
            Step s = shell_step(start, 7400 + i * 40, Ending::Failed, 1);
            s.out.write(150, "Refreshing repository metadata\n");
            s.err.write(7000,
                        "Errors during downloading metadata for repository 'amazonlinux':\n"
                        "  - Curl error (28): Timeout was reached for https://al2023-repos-us-east-1-de612dc2.s3."
                        "dualstack.us-east-1.amazonaws.com/core/mirrors/2023.6.20241121/x86_64/mirror.list "
                        "[Connection timed out after 30000 milliseconds]\n"
                        "Error: Failed to download metadata for repo 'amazonlinux': Cannot download repomd.xml: "
                        "Curl error (28): Timeout was reached\n");
            s.err.write(7050, "failed to run commands: exit status 1");
            inv.steps.push_back(s);
        } else if (i == 2 || i == 6 || i == 9) {
            Step s = shell_step(start, 11800 + i * 90, Ending::Success, 0);
            s.out.write(150, kRepoCheck);
            s.out.write(2100, "Dependencies resolved.\n"
                              "================================================================================\n"
                              " Package         Arch     Version                          Repository     Size\n"
                              "================================================================================\n"
                              "Upgrading:\n"
                              " kernel          x86_64   6.1.115-126.197.amzn2023         amazonlinux    34 M\n"
                              " openssl-libs    x86_64   1:3.0.8-1.amzn2023.0.18          amazonlinux   2.2 M\n");
            s.out.write(9400, "Upgraded:\n  kernel-6.1.115-126.197.amzn2023.x86_64\n"
                              "  openssl-libs-1:3.0.8-1.amzn2023.0.18.x86_64\n\nComplete!\n");
            s.out.write(11500, "\x1b[33mreboot required\x1b[0m: the kernel was updated\n");
            inv.steps.push_back(s);
        } else {
            Step s = shell_step(start, 5200 + (i * 137) % 900, Ending::Success, 0);
            s.out.write(150, kRepoCheck);
            s.out.write(2300, "Dependencies resolved.\nNothing to do.\nComplete!\n");
            inv.steps.push_back(s);
        }
        c.invocations.push_back(inv);
    }
    return c;
}

// ---- baseline_fleet -------------------------------------------------------------------------

SimCommand baseline_fleet() {
    SimCommand c;
    c.command_id = "b2f8c6a1-4d73-4e09-9a5c-e16d0f7b2c83";
    c.comment = "apply the CIS level 1 baseline (2 steps)";
    c.document_name = "ssmview-Baseline";
    c.document_version = "2";
    c.parameters_json = R"({"profile":["cis-level1"]})";
    c.targets_json = R"([{"Key":"tag:Baseline","Values":["cis-level1"]}])";
    c.timeout_seconds = 600;
    c.story = "a schema 2.2 document with two steps, checkAgent then applyBaseline, on 6 nodes: the "
              "4th node's applyBaseline fails (exit status 3), the others succeed";

    for (int i = 0; i < 6; ++i) {
        SimInvocation inv = made_invocation(6, i, 50);
        inv.visible_ms = 2700 + i * 80;
        Step check;
        check.name = "checkAgent";
        check.start_ms = 4200 + i * 250;
        check.end_ms = check.start_ms + 1500;
        check.out.write(300, "amazon-ssm-agent 3.3.1142.0: running\n");
        inv.steps.push_back(check);

        Step apply;
        apply.name = "applyBaseline";
        apply.start_ms = check.end_ms + 500;
        apply.out.write(200, "applying cis-level1 (14 settings)\n");
        apply.out.write(1800, "net.ipv4.conf.all.send_redirects = 0\n");
        if (i == 3) {
            apply.end_ms = apply.start_ms + 2900;
            apply.ending = Ending::Failed;
            apply.response_code = 3;
            apply.err.write(2600, "sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory\n");
            apply.err.write(2650, "failed to run commands: exit status 3");
        } else {
            apply.end_ms = apply.start_ms + 4200;
            apply.out.write(2400, "net.ipv4.tcp_syncookies = 1\n");
            apply.out.write(3600, "14 of 14 settings applied\n");
        }
        inv.steps.push_back(apply);
        c.invocations.push_back(inv);
    }
    return c;
}

// ---- web_fleet ------------------------------------------------------------------------------

SimCommand web_fleet() {
    SimCommand c;
    c.command_id = "d93a7e15-0c48-4b6f-a2e9-5f81c6b3d704";
    c.comment = "web fleet health check (2,000 nodes)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["systemctl is-active web.service","/opt/web/bin/health --release"],"executionTimeout":["5"],"workingDirectory":[""]})";
    c.targets_json = R"([{"Key":"tag:Role","Values":["web"]}])";
    c.max_concurrency = "250";
    c.timeout_seconds = 36;
    c.story = "a fleet of 2,000 nodes in 8 waves of 250: most Success with output that differs only in "
              "a latency figure, some on the previous release, curl failures (exit status 7), "
              "execution time-outs, delivery time-outs at the 36 s TimeoutSeconds, unmanaged nodes";

    for (int i = 0; i < 2000; ++i) {
        SimInvocation inv = made_invocation(2000, i, 40);
        const std::uint64_t h = mix(0x5eed0000u + static_cast<std::uint64_t>(i));
        const int r = static_cast<int>(h % 1000);
        inv.visible_ms = 2500 + static_cast<std::int64_t>((h >> 20) % 700);
        const std::int64_t start = 3500 + (i / 250) * 4200 + static_cast<std::int64_t>((h >> 32) % 900);
        const std::int64_t run = 1500 + static_cast<std::int64_t>((h >> 44) % 2300);
        Step s;
        if (r < 18) {
            s.name = kShell;
            inv.delivered = false;
            inv.undelivered_ending = Ending::DeliveryTimedOut;
            inv.undelivered_ms = 36000 + static_cast<std::int64_t>((h >> 40) % 1200);
        } else if (r < 21) {
            s.name = kShell;
            inv.delivered = false;
            inv.undelivered_ending = Ending::Undeliverable;
            inv.undelivered_ms = inv.visible_ms + 8000 + static_cast<std::int64_t>((h >> 40) % 3000);
        } else if (r < 53) {
            s = shell_step(start, run, Ending::Failed, 7);
            s.out.write(100, "web.service: active\n");
            s.err.write(900, "curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server\n");
            s.err.write(950, "failed to run commands: exit status 7");
        } else if (r < 60) {
            s = shell_step(start, 5000 + static_cast<std::int64_t>((h >> 40) % 300), Ending::ExecutionTimedOut, 124);
            s.out.write(100, "web.service: activating\n");
            s.out.write(1200, "waiting for /healthz\n");
        } else {
            s = shell_step(start, run, Ending::Success, 0);
            const std::string ms = std::to_string(3 + (h >> 50) % 38);
            s.out.write(100, "web.service: active\n");
            s.out.write(600, r < 200 ? "release 2026.11.3 (2026.11.4 is staged; restart pending)\n" : "release 2026.11.4\n");
            s.out.write(1200, "healthz: 200 OK in " + ms + " ms\n");
        }
        inv.steps.push_back(s);
        c.invocations.push_back(inv);
    }
    return c;
}

}  // namespace ssmview::proxy
