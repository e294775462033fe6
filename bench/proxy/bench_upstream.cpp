// bench/proxy/bench_upstream.cpp: the fast fake SSM the proxy benchmark forwards to (the anchor).
//
// Index
//   kAnswer        one GetCommandInvocation answer (846 bytes: a short shell command's Success)
//   object         GET /<bucket>/<key>: a command's whole output as S3 keeps it, --object-mb MB
//                  (default 10) of numbered lines with colour, the same bytes for every request
//   Upstream       cpp-httplib's server with a wide accept queue
//   main           --threads N; binds 127.0.0.1:0, prints the port, serves until SIGTERM/SIGINT
//
// Why C++ and cpp-httplib: the figure that matters is what the proxy adds on top of this server, so
// the server must cost as little as possible and the same in both measurements (wrk hits it
// directly, then through ssmview-proxy). It checks nothing (signatures are the tests' business:
// tests/support/fake_aws.py) and answers every POST with the same bytes.
#include <signal.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include <httplib.h>

namespace {

// A Success answer of a short shell command, as SSM sends it (compact, one line).
const std::string kAnswer =
    R"({"CloudWatchOutputConfig":{"CloudWatchLogGroupName":"","CloudWatchOutputEnabled":false},)"
    R"("CommandId":"1baebe2d-ce6e-4fc8-8bff-a7a58c5c20b7","Comment":"bench","DocumentName":"AWS-RunShellScript",)"
    R"("DocumentVersion":"$DEFAULT","ExecutionElapsedTime":"PT0.029S","ExecutionEndDateTime":"2026-11-20T14:03:07.541Z",)"
    R"("ExecutionStartDateTime":"2026-11-20T14:03:07.512Z","InstanceId":"i-0802cc9316fe86d8a","PluginName":"aws:runShellScript",)"
    R"("ResponseCode":0,"StandardErrorContent":"","StandardErrorUrl":"","StandardOutputContent":"Linux ip-10-0-1-23 6.1.0-18-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64 GNU/Linux\n 14:03:07 up 12 days,  3:41,  0 user,  load average: 0.08, 0.03, 0.00\nFilesystem      Size  Used Avail Use% Mounted on\n/dev/nvme0n1p1   30G  4.1G   24G  15% /\n",)"
    R"("StandardOutputUrl":"","Status":"Success","StatusDetails":"Success"})";

class Upstream final : public httplib::Server {
public:
    void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }  // cpp-httplib's is 5
};

Upstream* g_server = nullptr;

}  // namespace

int main(int argc, char** argv) {
    int threads = 8;
    long object_mb = 10;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
        if (std::string(argv[i]) == "--object-mb" && i + 1 < argc) object_mb = std::atol(argv[++i]);
    }
    // The object: what S3 would answer for StandardOutputUrl (bench/proxy/run_s3_bench.sh).
    std::string object;
    object.reserve(static_cast<std::size_t>(object_mb) * 1024 * 1024);
    for (long n = 0; object.size() < static_cast<std::size_t>(object_mb) * 1024 * 1024; ++n)
        object += "\x1b[32m" + std::to_string(n) + "\x1b[0m line of the command's output\n";
    object.resize(static_cast<std::size_t>(object_mb) * 1024 * 1024);
    signal(SIGPIPE, SIG_IGN);
    Upstream server;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server.set_keep_alive_max_count(100000);
    server.set_tcp_nodelay(true);
    server.Post("/", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
        res.set_content(kAnswer, "application/x-amz-json-1.1");
    });
    server.Get(R"(/[^/]+/.+)", [&object](const httplib::Request&, httplib::Response& res) {
        res.set_header("x-amz-request-id", "BENCH0000000000");
        res.set_header("ETag", "\"bench\"");
        res.set_content(object, "text/plain");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    if (port <= 0) {
        std::fprintf(stderr, "bench_upstream: cannot bind 127.0.0.1\n");
        return 1;
    }
    server.widen_backlog();
    std::printf("%d\n", port);
    std::fflush(stdout);
    g_server = &server;
    auto stop = [](int) { if (g_server) g_server->stop(); };
    signal(SIGTERM, stop);
    signal(SIGINT, stop);
    server.listen_after_bind();
    return 0;
}
