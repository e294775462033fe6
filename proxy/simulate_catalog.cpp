// proxy/simulate_catalog.cpp: the simulated commands and the functions of time that report them.
//
// Index
//   the commands      deploy (live success), pre-flight (success / failed / undeliverable on three
//                     nodes), warm-up (execution timed out), log rotation (delivery timed out),
//                     pg_dump (cancelling, then cancelled), install-and-verify (two steps: needs
//                     PluginName), Windows services (hybrid node, CRLF)
//   catalog, find_command, command_index
//   (the export and the translation dump, the long outputs: simulate_catalog_long.cpp)
//   (the fleets of 12, 6 and 2,000 nodes: simulate_catalog_fleet.cpp)
//   view_step, view_invocation, view_command, command_ends_at
//   output_url, invocation_content, plugin_output
//
// Call flow: simulate_ssm.cpp finds the command a request names, asks simulate_runs.h for the
// command's `t` and renders view_step / view_invocation / view_command in SSM's wire format.
//
// Why these stories. Each one is a state the viewer must explain, reached live: a newcomer who
// follows any of them sees Pending, then (for those delivered) InProgress with output arriving,
// then the ending. The ids follow the service's formats (a version-4 UUID; i- and 17 hex digits;
// mi- for a hybrid node). Output carries what real output carries: ANSI colours (16, 256 and
// 24-bit), Latin accents, Greek, Cyrillic, CJK, Korean, emoji, box drawing, CRLF, and the agent's
// own words ("failed to run commands: exit status 2", its _script.sh path). Times were chosen
// with milliseconds so the elapsed times read like real ones (PT30.878S).
#include "simulate_catalog.h"

#include <algorithm>
#include <cassert>

#include "classify.h"
#include "data_limits.h"
#include "simulate_catalog_fleet.h"
#include "simulate_catalog_long.h"
#include "text_encoding.h"
#include "truncation.h"

namespace ssmview::proxy {

namespace {

const char* const kShell = "aws:runShellScript";
const char* const kPowerShell = "aws:runPowerShellScript";

// ---- deploy: the live success --------------------------------------------------------------

SimCommand deploy() {
    SimCommand c;
    c.command_id = "7c1e2b9a-4f3d-4e8a-9b61-2d5f0c3a8e17";
    c.comment = "deploy web 2026.11.4 (simulated)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["/opt/web/bin/deploy --release 2026.11.4"],"executionTimeout":["3600"],"workingDirectory":[""]})";
    c.output_s3_bucket = "ssmview-sim-output";
    c.output_s3_prefix = "deploy";
    c.cloudwatch_log_group = "/ssmview/simulated/deploy";
    c.cloudwatch_enabled = true;
    c.story = "Pending, then InProgress for about 31 s with coloured, multilingual output growing line by "
              "line, then Success (ResponseCode 0)";

    SimInvocation inv;
    inv.instance_id = "i-0a3f5c9e71b2d4086";
    inv.instance_name = "ip-10-20-7-88.ec2.internal";
    inv.visible_ms = 3000;
    Step s;
    s.name = kShell;
    s.start_ms = 7412;
    s.end_ms = 7412 + 30878;
    s.ending = Ending::Success;
    s.response_code = 0;
    s.out = {
        {180, "\x1b[1;34m==>\x1b[0m \x1b[1mDeploying web 2026.11.4 to ip-10-20-7-88.ec2.internal\x1b[0m\n"},
        {2350, "\x1b[2m[1/6]\x1b[0m Fetching s3://ssmview-sim-releases/web/2026.11.4.tar.gz … \x1b[32mok\x1b[0m "
               "(48.2 MiB in 2.1 s)\n"},
        {4960, "\x1b[2m[2/6]\x1b[0m Verifying sha256 9f2c4e1a…07e41a \x1b[32m✔\x1b[0m\n"},
        {7720, "\x1b[2m[3/6]\x1b[0m Unpacking into /opt/web/releases/2026.11.4\n"},
        {8900, "      café-menu.json  résumé-templates/  naïve-bayes.pkl  Straße.csv  Ørsted-ÅÄÖ.txt\n"},
        {11600, "\x1b[2m[4/6]\x1b[0m Running database migrations\n"},
        {13850, "      \x1b[36m→\x1b[0m 0042_add_orders_index ........ \x1b[32mdone\x1b[0m (2.2 s)\n"},
        {16700, "      \x1b[36m→\x1b[0m 0043_i18n_labels ............. \x1b[32mdone\x1b[0m (2.8 s)\n"},
        {17050, "        Ελληνικά: Καλωσορίσατε · Русский: Добро пожаловать · 日本語: ようこそ · 中文: 欢迎 · "
                "한국어: 환영합니다\n"},
        {20300, "\x1b[2m[5/6]\x1b[0m Restarting web.service\n"},
        {23900, "      \x1b[33m⚠\x1b[0m  drained 2 slow connections in 3.5 s\n"},
        {24400, "\x1b[2m[6/6]\x1b[0m Health check http://127.0.0.1:8080/healthz\n"},
        {25100, "      attempt 1: \x1b[31m503 Service Unavailable\x1b[0m\n"},
        {27150, "      attempt 2: \x1b[32m200 OK\x1b[0m (41 ms)  \x1b[38;2;120;200;255m▁▂▃▅▇\x1b[0m\n"},
        {30120, "\x1b[1;32m✅ Deployed web 2026.11.4\x1b[0m in 30.1 s 🚀  \x1b[38;5;244m(previous: 2026.11.3)\x1b[0m\n"},
    };
    s.err = {
        {23900, "\x1b[33mwarning:\x1b[0m web.service took 3.5 s to stop (2 connections drained)\n"},
    };
    inv.steps.push_back(s);
    c.invocations.push_back(inv);
    return c;
}

// ---- pre-flight: one command, three nodes, three endings ------------------------------------

SimCommand preflight() {
    SimCommand c;
    c.command_id = "3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35";
    c.comment = "release 2026.11.4 pre-flight check";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["set -e","echo \"== $(hostname -f) ==\"","uname -r","/opt/ops/preflight.sh /srv/releases"],"executionTimeout":["600"],"workingDirectory":[""]})";
    c.timeout_seconds = 600;
    c.story = "one command on three nodes: Success on the first; Failed on the second (exit status 2, "
              "stderr from df and the agent's _script.sh); Undeliverable on the third";

    SimInvocation ok;
    ok.instance_id = "i-04c7e1a9b3f28d650";
    ok.instance_name = "ip-10-20-5-11.ec2.internal";
    ok.visible_ms = 2600;
    Step s;
    s.name = kShell;
    s.start_ms = 4105;
    s.end_ms = 4105 + 5702;
    s.ending = Ending::Success;
    s.response_code = 0;
    s.out = {
        {90, "== ip-10-20-5-11.ec2.internal ==\n"},
        {640, "6.1.112-124.190.amzn2023.x86_64\n"},
        {1480, "/var: 61% used (38G free)\n"},
        {3900, "/srv/releases: present, writable\n"},
        {5210, "pre-flight: all 4 checks passed\n"},
    };
    ok.steps.push_back(s);
    c.invocations.push_back(ok);

    SimInvocation failed;
    failed.instance_id = "i-0e92b6d4a1c37f058";
    failed.instance_name = "ip-10-20-5-17.ec2.internal";
    failed.visible_ms = 2900;
    Step f;
    f.name = kShell;
    f.start_ms = 4388;
    f.end_ms = 4388 + 8317;
    f.ending = Ending::Failed;
    f.response_code = 2;
    f.out = {
        {120, "== ip-10-20-5-17.ec2.internal ==\n"},
        {710, "6.1.112-124.190.amzn2023.x86_64\n"},
        {1650, "/var: 87% used (4.1G free)\n"},
        {8200, "checking free space under /srv/releases\n"},
    };
    f.err = {
        {8240, "df: /srv/releases: No such file or directory\n"},
        {8250, "/var/lib/amazon/ssm/i-0e92b6d4a1c37f058/document/orchestration/"
               "3b8d6f21-90ae-4c57-a1e4-6f2c9d0b7a35/awsrunShellScript/0.awsrunShellScript/_script.sh: "
               "line 7: [: : integer expression expected\n"},
        {8300, "failed to run commands: exit status 2"},
    };
    failed.steps.push_back(f);
    c.invocations.push_back(failed);

    SimInvocation gone;
    gone.instance_id = "i-07d15f3c8e2a9b461";
    gone.instance_name = "ip-10-20-5-23.ec2.internal";
    gone.visible_ms = 3100;
    Step g;
    g.name = kShell;
    gone.steps.push_back(g);
    gone.delivered = false;
    gone.undelivered_ending = Ending::Undeliverable;
    gone.undelivered_ms = 14500;
    c.invocations.push_back(gone);
    return c;
}

// ---- warm-up: killed by its execution time-out ---------------------------------------------

SimCommand warmup() {
    SimCommand c;
    c.command_id = "e4a90c7d-2b16-4f8e-8d3a-51c7b0e9f624";
    c.comment = "wait for app warm-up";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["for i in $(seq 1 20); do echo \"waiting for http://127.0.0.1:9090/ready (attempt $i/20)\"; curl -fsS http://127.0.0.1:9090/ready && exit 0; sleep 3; done; exit 1"],"executionTimeout":["30"],"workingDirectory":[""]})";
    c.timeout_seconds = 600;
    c.story = "InProgress with a retry loop writing stdout and stderr every 3 s, then TimedOut / "
              "ExecutionTimedOut when its 30 s executionTimeout kills it (ResponseCode 137)";

    SimInvocation inv;
    inv.instance_id = "i-0b68e2f4d9a1c7035";
    inv.instance_name = "ip-10-20-8-31.ec2.internal";
    inv.visible_ms = 3000;
    Step s;
    s.name = kShell;
    s.start_ms = 5204;
    s.end_ms = 5204 + 30317;
    s.ending = Ending::ExecutionTimedOut;
    s.response_code = 137;
    for (int attempt = 1; attempt <= 10; ++attempt) {
        std::int64_t at = 100 + (attempt - 1) * 3000;
        s.out.write(at, "waiting for http://127.0.0.1:9090/ready (attempt " + std::to_string(attempt) + "/20)\n");
        s.err.write(at + 12, "curl: (7) Failed to connect to 127.0.0.1 port 9090 after 0 ms: Couldn't connect to "
                             "server\n");
    }
    inv.steps.push_back(s);
    c.invocations.push_back(inv);
    return c;
}

// ---- log rotation: never delivered before TimeoutSeconds ------------------------------------

SimCommand rotate() {
    SimCommand c;
    c.command_id = "91f5d3b8-6c2a-4e07-b4d9-0a8e7f1c2d53";
    c.comment = "rotate nginx logs";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["logrotate -f /etc/logrotate.d/nginx"],"executionTimeout":["3600"],"workingDirectory":[""]})";
    c.timeout_seconds = 30;
    c.story = "the node is stopped: Pending until the command's 30 s TimeoutSeconds, then TimedOut / "
              "DeliveryTimedOut (ResponseCode -1, never started)";

    SimInvocation inv;
    inv.instance_id = "i-0f2a7c5e1b9d38461";
    inv.instance_name = "ip-10-20-6-54.ec2.internal";
    inv.visible_ms = 3000;
    Step s;
    s.name = kShell;
    inv.steps.push_back(s);
    inv.delivered = false;
    inv.undelivered_ending = Ending::DeliveryTimedOut;
    inv.undelivered_ms = 31200;
    c.invocations.push_back(inv);
    return c;
}

// ---- pg_dump: cancelled while it runs --------------------------------------------------------

SimCommand pg_dump() {
    SimCommand c;
    c.command_id = "5d2c8e46-a71b-4f93-8e05-c39b6a4d1f78";
    c.comment = "nightly pg_dump (manual run)";
    c.document_name = "AWS-RunShellScript";
    c.document_version = "$DEFAULT";
    c.parameters_json =
        R"({"commands":["sudo -u postgres pg_dump --verbose --format=custom --file=/backup/shop.dump shop 2>&1"],"executionTimeout":["7200"],"workingDirectory":["/backup"]})";
    c.story = "InProgress with output, a cancel request at 22 s (Cancelling for 3.5 s), then Cancelled "
              "(ResponseCode 137)";

    SimInvocation inv;
    inv.instance_id = "i-09c4e8a2f6b1d5073";
    inv.instance_name = "ip-10-20-3-7.ec2.internal";
    inv.visible_ms = 3000;
    inv.cancel_requested_ms = 22000;
    Step s;
    s.name = kShell;
    s.start_ms = 4630;
    s.end_ms = 25480;
    s.ending = Ending::Cancelled;
    s.response_code = 137;
    s.out = {
        {150, "pg_dump: last built-in OID is 16383\n"},
        {1200, "pg_dump: reading extensions\n"},
        {2900, "pg_dump: reading schemas\n"},
        {4800, "pg_dump: reading user-defined tables\n"},
        {7600, "pg_dump: dumping contents of table \"public.customers\"\n"},
        {11200, "pg_dump: dumping contents of table \"public.orders\"\n"},
        {15800, "pg_dump: dumping contents of table \"public.order_items\"\n"},
    };
    inv.steps.push_back(s);
    c.invocations.push_back(inv);
    return c;
}

// ---- install and verify: a schema 2.2 document with two steps -------------------------------

SimCommand install_and_verify() {
    SimCommand c;
    c.command_id = "a6e3f0b9-15d4-4c8a-9f27-8b0d2e6c4a91";
    c.comment = "install and verify nginx (2 steps)";
    c.document_name = "ssmview-InstallAndVerify";
    c.document_version = "3";
    c.parameters_json = R"({"package":["nginx"]})";
    // Output to S3 and to the default log group: each step has its own objects (the step name as
    // the folder) and streams (the step name as the plugin segment); neither writes stderr, so
    // neither ever gets a stderr stream or object.
    c.output_s3_bucket = "ssmview-sim-output";
    c.output_s3_prefix = "install";
    c.cloudwatch_enabled = true;
    c.story = "a schema 2.2 document with two steps, installPackages then verifyService: "
              "GetCommandInvocation needs PluginName (InvalidPluginName without it); both steps succeed";

    SimInvocation inv;
    inv.instance_id = "i-0d5b9f1e3a7c2e864";
    inv.instance_name = "ip-10-20-9-4.ec2.internal";
    inv.visible_ms = 3200;
    Step install;
    install.name = "installPackages";
    install.start_ms = 6020;
    install.end_ms = 6020 + 15480;
    install.ending = Ending::Success;
    install.response_code = 0;
    install.out = {
        {120, "Last metadata expiration check: 0:12:31 ago on Fri 20 Nov 2026 14:02:11 UTC.\n"},
        {1900, "Dependencies resolved.\n"},
        {2100, "================================================================================\n"
               " Package              Arch     Version                    Repository       Size\n"
               "================================================================================\n"
               "Installing:\n"
               " nginx                x86_64   1:1.24.0-1.amzn2023.0.4    amazonlinux      32 k\n"},
        {5400, "Downloading Packages:\n"},
        {9800, "Running transaction\n"
               "  Installing       : nginx-filesystem-1:1.24.0-1.amzn2023.0.4.noarch         1/3\n"},
        {12600, "  Installing       : nginx-core-1:1.24.0-1.amzn2023.0.4.x86_64               2/3\n"
                "  Installing       : nginx-1:1.24.0-1.amzn2023.0.4.x86_64                    3/3\n"},
        {15100, "Installed:\n  nginx-1:1.24.0-1.amzn2023.0.4.x86_64\n\nComplete!\n"},
    };
    inv.steps.push_back(install);
    Step verify;
    verify.name = "verifyService";
    verify.start_ms = 21930;
    verify.end_ms = 21930 + 7390;
    verify.ending = Ending::Success;
    verify.response_code = 0;
    verify.out = {
        {200, "Created symlink /etc/systemd/system/multi-user.target.wants/nginx.service → "
              "/usr/lib/systemd/system/nginx.service.\n"},
        {2400, "\x1b[0;1;32m●\x1b[0m nginx.service - The nginx HTTP and reverse proxy server\n"
               "     Loaded: loaded (/usr/lib/systemd/system/nginx.service; \x1b[0;1;32menabled\x1b[0m; "
               "preset: \x1b[0;1;38;5;185mdisabled\x1b[0m)\n"
               "     Active: \x1b[0;1;32mactive (running)\x1b[0m since Fri 2026-11-20 14:15:09 UTC; 2s ago\n"},
        {5100, "HTTP/1.1 200 OK\nServer: nginx/1.24.0\n"},
    };
    inv.steps.push_back(verify);
    c.invocations.push_back(inv);
    return c;
}

// ---- Windows services: a hybrid node, PowerShell, CRLF --------------------------------------

SimCommand windows_services() {
    SimCommand c;
    c.command_id = "2f9a4c61-d83e-4b05-a7c2-e15b9f8d3064";
    c.comment = "list stopped services";
    c.document_name = "AWS-RunPowerShellScript";
    c.document_version = "1";
    c.parameters_json =
        R"({"commands":["Get-Service | Where-Object Status -eq 'Stopped' | Select-Object -First 3"],"executionTimeout":["3600"],"workingDirectory":[""]})";
    c.story = "a hybrid-activated Windows node (mi-...): a short PowerShell run with CRLF output, then Success";

    SimInvocation inv;
    inv.instance_id = "mi-0c5e8f1a2b3d4e5f6";
    inv.instance_name = "WIN-7K2Q0PLS3AB";
    inv.visible_ms = 2500;
    Step s;
    s.name = kPowerShell;
    s.start_ms = 5850;
    s.end_ms = 5850 + 5430;
    s.ending = Ending::Success;
    s.response_code = 0;
    s.out = {
        {900, "\r\nStatus   Name               DisplayName                           \r\n"
              "------   ----               -----------                           \r\n"},
        {3100, "Stopped  AppReadiness       App Readiness                         \r\n"
               "Stopped  BITS               Background Intelligent Transfer Ser...\r\n"
               "Stopped  wuauserv           Windows Update                        \r\n"},
        {4700, "\r\n\r\n"},
    };
    inv.steps.push_back(s);
    c.invocations.push_back(inv);
    return c;
}

const char* ending_status(Ending e) {
    switch (e) {
        case Ending::Success: return "Success";
        case Ending::Failed: return "Failed";
        case Ending::ExecutionTimedOut: return "TimedOut";
        case Ending::Cancelled: return "Cancelled";
        case Ending::DeliveryTimedOut: return "TimedOut";
        case Ending::Undeliverable: return "Failed";
    }
    return "Failed";
}

const char* ending_details(Ending e) {
    switch (e) {
        case Ending::Success: return "Success";
        case Ending::Failed: return "Failed";
        case Ending::ExecutionTimedOut: return "ExecutionTimedOut";
        case Ending::Cancelled: return "Cancelled";
        case Ending::DeliveryTimedOut: return "DeliveryTimedOut";
        case Ending::Undeliverable: return "Undeliverable";
    }
    return "Failed";
}

void set_state(StepView& v, const char* status, const char* details, const char* plugin_status) {
    v.status = status;
    v.status_details = details;
    v.plugin_status = plugin_status;
}

// Characters in `s`, counted no further than needed to compare with `at_least`: a text of more
// than 4 * at_least bytes holds more than at_least characters (a character is at most 4 bytes), so
// a 5 MB output is not counted through on every ListCommandInvocations --details.
std::size_t length_up_to(std::string_view s, std::size_t at_least) {
    return utf8_length(s.substr(0, std::min(s.size(), 4 * at_least + 4)));
}

// The core's vocabulary says which Status words end an invocation (Cancelling does not).
bool is_terminal(const std::string& status) { return phase_is_terminal(status_phase(status)); }

}  // namespace

const std::vector<SimCommand>& catalog() {
    // Newest first when all start together: the live deploy leads ListCommands. Built once, moved
    // into place (the export's output is 5 MB).
    static const std::vector<SimCommand> commands = [] {
        std::vector<SimCommand> all;
        for (SimCommand (*make)() : {deploy, preflight, warmup, rotate, pg_dump, install_and_verify, windows_services,
                                     export_orders, translation_dump, patch_fleet, baseline_fleet, web_fleet})
            all.push_back(make());
        return all;
    }();
    return commands;
}

const SimCommand* find_command(const std::string& command_id) {
    for (const SimCommand& c : catalog())
        if (c.command_id == command_id) return &c;
    return nullptr;
}

std::size_t command_index(const SimCommand& command) {
    const auto& all = catalog();
    assert(&command >= all.data() && &command < all.data() + all.size());
    return static_cast<std::size_t>(&command - all.data());
}

StepView view_step(const SimCommand&, const SimInvocation& inv, std::size_t step, std::int64_t t) {
    assert(step < inv.steps.size());
    const Step& s = inv.steps[step];
    StepView v;
    if (!inv.delivered) {
        if (t < inv.undelivered_ms)
            set_state(v, "Pending", "Pending", "Pending");
        else
            set_state(v, ending_status(inv.undelivered_ending), ending_details(inv.undelivered_ending),
                      ending_status(inv.undelivered_ending));
        return v;
    }
    if (t < s.start_ms) {
        set_state(v, "Pending", "Pending", "Pending");
        return v;
    }
    v.start_ms = s.start_ms;
    if (t < s.end_ms) {
        if (inv.cancel_requested_ms >= 0 && t >= inv.cancel_requested_ms)
            set_state(v, "Cancelling", "Cancelling", "InProgress");
        else
            set_state(v, "InProgress", "InProgress", "InProgress");
        v.out = s.out.until(t - s.start_ms);
        v.err = s.err.until(t - s.start_ms);
        return v;
    }
    v.end_ms = s.end_ms;
    v.response_code = s.response_code;
    set_state(v, ending_status(s.ending), ending_details(s.ending), ending_status(s.ending));
    v.out = s.out.until(s.end_ms - s.start_ms);
    v.err = s.err.until(s.end_ms - s.start_ms);
    return v;
}

InvocationView view_invocation(const SimCommand& command, const SimInvocation& inv, std::int64_t t) {
    InvocationView v;
    v.visible = t >= inv.visible_ms;
    for (std::size_t i = 0; i < inv.steps.size(); ++i) v.steps.push_back(view_step(command, inv, i, t));

    if (!inv.delivered) {
        v.status = v.steps.front().status;
        v.status_details = v.steps.front().status_details;
    } else if (t < inv.steps.front().start_ms) {
        v.status = v.status_details = "Pending";
    } else if (t < inv.steps.back().end_ms) {
        bool cancelling = inv.cancel_requested_ms >= 0 && t >= inv.cancel_requested_ms;
        v.status = v.status_details = cancelling ? "Cancelling" : "InProgress";
    } else {
        // Every step has ended: the worst ending names the invocation.
        const Ending order[] = {Ending::Cancelled, Ending::ExecutionTimedOut, Ending::Failed, Ending::Success};
        for (Ending e : order) {
            bool any = std::any_of(inv.steps.begin(), inv.steps.end(), [&](const Step& s) { return s.ending == e; });
            if (any) {
                v.status = ending_status(e);
                v.status_details = ending_details(e);
                break;
            }
        }
    }
    v.terminal = is_terminal(v.status);
    return v;
}

CommandView view_command(const SimCommand& command, std::int64_t t) {
    CommandView v;
    bool any_cancelling = false, all_pending = true, all_success = true, any_cancelled = false, any_failed = false,
         all_delivery = true;
    for (const SimInvocation& inv : command.invocations) {
        InvocationView iv = view_invocation(command, inv, t);
        ++v.target_count;
        if (iv.terminal) ++v.completed_count;
        if (iv.status == "Failed" || iv.status_details == "ExecutionTimedOut") ++v.error_count;
        if (iv.status_details == "DeliveryTimedOut") ++v.delivery_timed_out_count;
        any_cancelling |= iv.status == "Cancelling";
        all_pending &= iv.status == "Pending";
        all_success &= iv.status == "Success";
        any_cancelled |= iv.status == "Cancelled";
        any_failed |= iv.status == "Failed";
        if (iv.status == "TimedOut" && iv.status_details != "DeliveryTimedOut") all_delivery = false;
    }
    if (any_cancelling)
        v.status = v.status_details = "Cancelling";
    else if (v.completed_count < v.target_count)
        v.status = v.status_details = all_pending ? "Pending" : "InProgress";
    else if (all_success)
        v.status = v.status_details = "Success";
    else if (any_cancelled)
        v.status = v.status_details = "Cancelled";
    else if (any_failed)
        v.status = v.status_details = "Failed";
    else {
        v.status = "TimedOut";
        v.status_details = all_delivery ? "DeliveryTimedOut" : "ExecutionTimedOut";
    }
    return v;
}

std::int64_t command_ends_at(const SimCommand& command) {
    std::int64_t end = 0;
    for (const SimInvocation& inv : command.invocations)
        end = std::max(end, inv.delivered ? inv.steps.back().end_ms : inv.undelivered_ms);
    return end;
}

// The agent uploads to <bucket>/<prefix>/<CommandId>/<InstanceId>/<plugin folder>/<step folder>/
// stdout|stderr: the plugin folder is the plugin name without ':' ("awsrunShellScript"); the step
// folder is "0.awsrunShellScript" for schema 1.2 documents and the step name for 2.x steps.
std::string output_url(const SimCommand& command, const SimInvocation& inv, std::size_t step, const char* stream) {
    assert(step < inv.steps.size());
    if (command.output_s3_bucket.empty() || !inv.delivered) return "";
    const Step& s = inv.steps[step];
    std::string plugin = s.name.rfind("aws:", 0) == 0 ? "aws" + s.name.substr(4) : "awsrunShellScript";
    std::string folder = s.name.rfind("aws:", 0) == 0 ? std::to_string(step) + "." + plugin : s.name;
    std::string prefix = command.output_s3_prefix.empty() ? "" : command.output_s3_prefix + "/";
    return "https://s3." + std::string(kSimRegion) + ".amazonaws.com/" + command.output_s3_bucket + "/" + prefix +
           command.command_id + "/" + inv.instance_id + "/" + plugin + "/" + folder + "/" + stream;
}

std::string invocation_content(std::string_view text, OutputMember member) {
    const std::size_t limit = output_spec(member).limit_chars;
    if (text.size() <= limit) return std::string(text);
    const std::string_view stream = member == OutputMember::StandardOutput ? "stdout" : "stderr";
    const TruncationMarker* marker = nullptr;
    for (const TruncationMarker& m : kTruncationMarkers)
        if (m.stream == stream) marker = &m;
    assert(marker);
    const std::string suffix = std::string("\n") + marker->text;
    const std::size_t keep = limit - suffix.size();
    // The last character the cut reaches into: its lead byte, and how many bytes it needs.
    std::size_t lead = keep;
    while (lead > 0 && keep - lead < 4 && (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) --lead;
    std::size_t whole = keep;
    if (lead > 0) {
        const auto b = static_cast<unsigned char>(text[lead - 1]);
        const std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (lead - 1 + need > keep) whole = lead - 1;  // broken: from its lead byte on
    }
    std::string out(text.substr(0, whole));
    for (std::size_t i = whole; i < keep; ++i) out += "\xEF\xBF\xBD";  // U+FFFD per byte, as Go's json writes them
    out += suffix;
    assert(utf8_length(out) <= limit);
    return out;
}

// stdout, then (when there is stderr) the agent's ERROR title and stderr, in at most
// kMaxPluginOutputChars characters. Too long: stderr keeps at least half the room (all it needs
// when stdout is short) and ends in the agent's "---Error truncated----" marker; stdout gets the
// rest and ends in "---Output truncated---" (the agent's iohandler shares the room the same way).
std::string plugin_output(const StepView& step) {
    const std::string title = step.err.empty() ? "" : kPluginOutputErrorTitle;
    const std::string out_marker = std::string("\n") + kTruncationMarkers[0].text;
    const std::string err_marker = std::string("\n") + kTruncationMarkers[1].text;
    // Counted up to the limit only: every comparison below is with at most kMaxPluginOutputChars.
    std::size_t out_len = length_up_to(step.out, kMaxPluginOutputChars);
    std::size_t err_len = length_up_to(step.err, kMaxPluginOutputChars);
    std::size_t title_len = utf8_length(title);
    if (out_len + title_len + err_len <= kMaxPluginOutputChars)
        return std::string(step.out) + title + std::string(step.err);

    auto prefix = [](std::string_view s, std::size_t chars) { return std::string(s.substr(0, utf8_advance(s, 0, chars))); };
    std::size_t budget = kMaxPluginOutputChars - title_len;
    std::size_t err_keep = std::min(err_len, std::max(budget / 2, budget - std::min(budget, out_len)));
    std::string err(step.err);
    if (err_keep < err_len) err = prefix(step.err, err_keep - err_marker.size()) + err_marker;
    std::size_t out_room = budget - utf8_length(err);
    std::string out(step.out);
    if (out_len > out_room) out = prefix(step.out, out_room - out_marker.size()) + out_marker;
    std::string joined = out + title + err;
    assert(utf8_length(joined) <= kMaxPluginOutputChars);
    return joined;
}

}  // namespace ssmview::proxy
