// proxy/main.cpp: `ssmview-proxy`, the process: flags, upstream, server, signals.
//
// Index
//   Signals   SIGINT/SIGTERM are taken by one thread (sigwait), which stops the server
//   main      parse (exit 2 on a usage error) -> upstream (AWS or --simulate; exit 2 when it
//             cannot be built) -> bind (exit 1 when it cannot listen) -> serve until a signal
//
// The start message goes to stderr like the access log, and names what /healthz names: where it
// listens, the upstream, the region, where credentials came from. Its first line always reads
// "ssmview-proxy: listening on http://HOST:PORT", which scripts and tests wait for (with port 0
// it is the only place the chosen port is printed).
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "access_log.h"
#include "environment.h"
#include "forward.h"
#include "proxy_config.h"
#include "proxy_server.h"
#include "simulate_upstream.h"

using namespace ssmview;
using namespace ssmview::proxy;

int main(int argc, char** argv) {
    // ---- Signals: block them in every thread; one thread waits for them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the process

    const std::vector<std::string> args(argv + 1, argv + argc);
    const aws::Environment env = aws::system_environment();
    const ConfigParse parsed = parse_proxy_args(args, env.read_file);
    if (!parsed.ok) {
        std::fprintf(stderr, "ssmview-proxy: %s\n\n%s", parsed.error.c_str(), kProxyUsage);
        return 2;
    }
    if (parsed.help) {
        std::fputs(kProxyUsage, stdout);
        return 0;
    }
    if (parsed.version) {
        std::printf("ssmview-proxy %s\n", SSMVIEW_VERSION);
        return 0;
    }
    const ProxyConfig& config = parsed.config;
    for (const std::string& w : parsed.warnings) std::fprintf(stderr, "ssmview-proxy: warning: %s\n", w.c_str());

    std::unique_ptr<Upstream> upstream;
    std::string summary;
    if (config.simulate) {
        SimulateOptions options;
        options.speed = config.simulate_speed;
        upstream = make_simulated_upstream(options);
        summary = "simulated SSM (built-in commands; nothing reaches AWS)";
    } else {
        AwsUpstreamSetup setup = make_aws_upstream(config, env);
        if (!setup.upstream) {
            std::fprintf(stderr, "ssmview-proxy: %s\n", setup.error.c_str());
            return 2;
        }
        upstream = std::move(setup.upstream);
        summary = "AWS: " + setup.summary;
    }

    AccessLog log(stderr);
    ProxyServer server(config, *upstream, log);
    std::string error;
    if (!server.bind(error)) {
        std::fprintf(stderr, "ssmview-proxy: %s\n", error.c_str());
        return 1;
    }
    const bool v6 = config.listen_host.find(':') != std::string::npos;
    std::fprintf(stderr, "ssmview-proxy: listening on http://%s%s%s:%d\n", v6 ? "[" : "", config.listen_host.c_str(),
                 v6 ? "]" : "", server.port());
    std::fprintf(stderr, "ssmview-proxy: upstream %s\n", summary.c_str());
    std::string origins;
    for (const std::string& o : config.allow_origins) origins += (origins.empty() ? "" : ", ") + o;
    std::fprintf(stderr, "ssmview-proxy: pages allowed: %s; bearer token %s\n", origins.c_str(),
                 config.token.empty() ? "not required (loopback)" : ("required (" + config.token_source + ")").c_str());
    std::fflush(stderr);

    std::thread waiter([&server, stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();
    });
    server.run();
    // run() also returns when listening fails; make sure the waiter can end.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::fprintf(stderr, "ssmview-proxy: stopped\n");
    return 0;
}
