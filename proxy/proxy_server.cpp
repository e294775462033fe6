// proxy/proxy_server.cpp: see proxy_server.h.
//
// Index
//   RequestContext      what one request's handlers share (the worker thread runs them in turn)
//   Conversions         httplib::Request -> RequestHead, ProxyAnswer -> httplib::Response
//   HttpServer          httplib::Server with our connection loop (DeadlineStream, keep-alive)
//   Impl                handlers: pre-routing (decide), POST / (forward), error (awsJson), logger
//   ProxyServer         bind, port, run, stop
#include "proxy_server.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cassert>
#include <chrono>
#include <functional>

#include <httplib.h>

#include "front.h"
#include "healthz.h"
#include "request_limits.h"
#include "routes.h"

namespace ssmview::proxy {

namespace {

using SteadyClock = std::chrono::steady_clock;

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// ---- RequestContext ---------------------------------------------------------------------------

// cpp-httplib calls the pre-routing handler, the route handler, the error handler and the logger
// of one request on the connection's worker thread, one after the other; they share this through a
// thread_local pointer that the connection loop sets and clears.
struct RequestContext {
    DeadlineStream* stream = nullptr;
    std::int64_t    started_wall_ms = 0;
    FrontDecision   decision;
    bool            decided = false;
    bool            close_after = false;  // the connection must not carry another request
};
thread_local RequestContext* t_request = nullptr;

// ---- Conversions ------------------------------------------------------------------------------

RequestHead head_of(const httplib::Request& req) {
    RequestHead h;
    h.method = req.method;
    const std::size_t q = req.target.find('?');
    h.path = req.target.substr(0, q);
    if (q != std::string::npos) h.query = req.target.substr(q + 1);
    for (const auto& [name, value] : req.headers) {
        // cpp-httplib adds these itself; they are not the client's.
        if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
        h.headers.push_back({name, value});
    }
    h.remote_addr = req.remote_addr;
    return h;
}

// By value: an answer from upstream is moved in and its body moved on, never copied (an S3 object
// can be megabytes).
void write_answer(ProxyAnswer a, const std::vector<aws::Header>& extra, httplib::Response& res) {
    res.status = a.status;
    res.headers.clear();
    for (const aws::Header& h : a.headers) res.set_header(h.name, h.value);
    for (const aws::Header& h : extra) res.set_header(h.name, h.value);
    res.body = std::move(a.body);
}

bool has_body(const httplib::Request& req) {
    const std::string length = req.get_header_value("Content-Length");
    return (!length.empty() && length != "0") || req.has_header("Transfer-Encoding");
}

// An answer written straight to the socket, for a request cut off before cpp-httplib parsed its
// request line (it then writes nothing itself).
void write_raw(DeadlineStream& s, const ProxyAnswer& a) {
    const char* reason = a.status == 408 ? "Request Timeout" : a.status == 413 ? "Payload Too Large" : "Error";
    std::string out = "HTTP/1.1 " + std::to_string(a.status) + " " + reason + "\r\n";
    for (const aws::Header& h : a.headers) out += h.name + ": " + h.value + "\r\n";
    out += "Content-Length: " + std::to_string(a.body.size()) + "\r\nConnection: close\r\n\r\n" + a.body;
    s.write(out.data(), out.size());
}

// ---- HttpServer -------------------------------------------------------------------------------

class HttpServer final : public httplib::Server {
public:
    using CutOff = std::function<void(DeadlineStream&, const std::string& peer)>;

    HttpServer(const ConnectionLimits& limits, CutOff cut_off) : limits_(limits), cut_off_(std::move(cut_off)) {}

    // The kernel's accept queue: cpp-httplib listens with a backlog of 5, which drops connections
    // under a burst (each drop costs the client a one-second SYN retry).
    void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

private:
    bool process_and_close_socket(socket_t sock) override {
        int one = 1;
        // Answers go out in two writes (head, body): without NODELAY, Nagle's algorithm and the
        // peer's delayed ACK add up to 40 ms to each.
        ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        DeadlineStream stream(sock, limits_);
        for (int n = 0; n < limits_.max_requests_per_connection && is_running(); ++n) {
            const int wait_ms = n == 0 ? limits_.request_timeout_ms : limits_.idle_timeout_ms;
            if (!stream.wait_for_request(wait_ms)) break;
            stream.begin_request();
            RequestContext ctx;
            ctx.stream = &stream;
            ctx.started_wall_ms = wall_ms();
            t_request = &ctx;
            bool closed = false;
            const bool last = n + 1 >= limits_.max_requests_per_connection;
            const bool ok = process_request(stream, last, closed,
                                            // Never let cpp-httplib cut an answer to a Range header:
                                            // answers pass through as upstream sent them.
                                            [](httplib::Request& req) { req.ranges.clear(); });
            t_request = nullptr;
            if (!ok && !ctx.decided && stream.request_bytes() > 0 &&
                (stream.read_failure() == ReadFailure::Deadline || stream.read_failure() == ReadFailure::Budget)) {
                std::string ip;
                int port = 0;
                stream.get_remote_ip_and_port(ip, port);
                cut_off_(stream, ip);
            }
            if (!ok || closed || ctx.close_after || stream.read_failure() != ReadFailure::None) break;
        }
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        return true;
    }

    ConnectionLimits limits_;
    CutOff           cut_off_;
};

}  // namespace

// ---- Impl -------------------------------------------------------------------------------------

struct ProxyServer::Impl {
    ProxyConfig      config;
    FrontPolicy      policy;
    ConnectionLimits limits;
    Upstream&        upstream;
    AccessLog&       log;
    HttpServer       http;
    int              port = 0;

    Impl(const ProxyConfig& c, Upstream& u, AccessLog& l)
        : config(c),
          policy(make_front_policy(c)),
          limits(make_connection_limits(c)),
          upstream(u),
          log(l),
          http(limits, [this](DeadlineStream& s, const std::string& peer) { cut_off(s, peer); }) {
        install();
    }

    void install() {
        const int threads = config.max_connections;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
        // What cpp-httplib advertises in Keep-Alive: matches what the connection loop enforces.
        http.set_keep_alive_timeout(std::max<time_t>(1, config.idle_timeout_ms / 1000));
        http.set_keep_alive_max_count(static_cast<std::size_t>(limits.max_requests_per_connection));
        http.set_payload_max_length(config.max_body_bytes);
        http.set_tcp_nodelay(true);
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) { return pre_route(req, res); });
        http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
            return expect_continue(req, res);
        });
        http.Post("/", [this](const httplib::Request& req, httplib::Response& res) { forward(req, res); });
        // S3 object reads (routes.cpp route_s3); cpp-httplib sends HEAD to the GET handlers.
        http.Get(R"(/s3/[\s\S]*)", [this](const httplib::Request& req, httplib::Response& res) { forward(req, res); });
        http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) { on_error(req, res); });
        http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            write_answer(aws_json_error(errors::kInternal, "ssmview-proxy failed while answering (an internal error)"), {},
                         res);
            if (t_request) t_request->close_after = true;
        });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log_request(req, res); });
    }

    // Decides once per request (pre-routing, or earlier for Expect: 100-continue).
    const FrontDecision& decision_for(const httplib::Request& req) {
        assert(t_request);
        if (!t_request->decided) {
            t_request->decision = decide(policy, head_of(req));
            t_request->decided = true;
        }
        return t_request->decision;
    }

    httplib::Server::HandlerResponse pre_route(const httplib::Request& req, httplib::Response& res) {
        const FrontDecision& d = decision_for(req);
        switch (d.verdict) {
            case FrontVerdict::Forward: return httplib::Server::HandlerResponse::Unhandled;  // -> read body -> forward()
            case FrontVerdict::Healthz: write_answer(healthz_answer(config, upstream), d.cors, res); break;
            case FrontVerdict::Answer: write_answer(d.answer, {}, res); break;
        }
        // Every verdict answered here leaves the body unread (GET /healthz with a body, too): its
        // bytes would be read as the next request, so the connection cannot carry another one.
        if (has_body(req)) close_after_this(res);
        return httplib::Server::HandlerResponse::Handled;
    }

    int expect_continue(const httplib::Request& req, httplib::Response& res) {
        const FrontDecision& d = decision_for(req);
        if (d.verdict == FrontVerdict::Forward) return 100;
        if (d.verdict == FrontVerdict::Healthz) write_answer(healthz_answer(config, upstream), d.cors, res);
        else write_answer(d.answer, {}, res);
        close_after_this(res);
        return res.status;
    }

    void forward(const httplib::Request& req, httplib::Response& res) {
        assert(t_request && t_request->decided);
        const FrontDecision& d = t_request->decision;
        if (d.verdict != FrontVerdict::Forward) {  // cannot happen: pre_route answered everything else
            write_answer(aws_json_error(errors::kInternal, "ssmview-proxy routed a request it had refused"), {}, res);
            return;
        }
        // cpp-httplib bounds a body announced by Content-Length (and front.cpp refused a large
        // one before reading it); a chunked body is only bounded by the stream's byte budget,
        // so its exact size is checked here, before anything is signed or sent.
        if (req.body.size() > config.max_body_bytes) {
            write_answer(body_refusal(req.body.size(), config.max_body_bytes), d.cors, res);
            return;
        }
        BodyCheck checked = check_route_body(d.route, req.body);
        if (!checked.ok) {
            write_answer(checked.refusal, d.cors, res);
            return;
        }
        const ProxyRequest request = make_proxy_request(d.route, std::move(checked.body));
        const auto t0 = SteadyClock::now();
        aws::HttpResponse response = upstream.send(request);
        const long long elapsed_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t0).count();
        // A HEAD answer has no body, so the server would say Content-Length: 0; say the object's.
        const std::string head_length =
            request.http.method == "HEAD" ? std::string(aws::header_value(response.headers, "Content-Length")) : std::string();
        write_answer(answer_from_upstream(std::move(response), elapsed_ms, config.upstream_timeout_ms), d.cors, res);
        if (!head_length.empty()) res.set_header("Content-Length", head_length);
    }

    // Errors cpp-httplib found itself reach us with an empty body: give them the awsJson shape.
    // Our own answers (refusals, upstream's errors) already have a body and pass unchanged.
    void on_error(const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        ProxyAnswer a;
        const ReadFailure failure = t_request && t_request->stream ? t_request->stream->read_failure() : ReadFailure::None;
        if (failure == ReadFailure::Deadline || failure == ReadFailure::Budget) {
            a = limit_refusal(failure, limits);
        } else if (res.status == 413) {
            a = body_refusal(0, config.max_body_bytes);
        } else if (res.status == 414) {
            a = aws_json_error(errors::kUriTooLong, "ssmview-proxy refuses request lines over 8192 bytes");
        } else if (res.status == 416) {
            a = aws_json_error(errors::kBadRange, "ssmview-proxy could not read the Range header");
        } else if (res.status == 404) {
            a = aws_json_error(errors::kNotFound, "ssmview-proxy answers POST / and GET /healthz");
        } else if (res.status >= 500) {
            a = aws_json_error(errors::kInternal, "ssmview-proxy failed while answering (an internal error)");
        } else {
            a = aws_json_error(errors::kBadRequest, "ssmview-proxy could not read the request (malformed HTTP)");
        }
        // Keep the CORS grant of an allowed page, so it can read why.
        std::vector<aws::Header> cors;
        if (t_request && t_request->decided) cors = t_request->decision.cors;
        write_answer(a, cors, res);
        close_after_this(res);
    }

    void close_after_this(httplib::Response& res) {
        res.set_header("Connection", "close");
        if (t_request) t_request->close_after = true;
    }

    void log_request(const httplib::Request& req, const httplib::Response& res) {
        AccessRecord r;
        r.time_ms = t_request ? t_request->started_wall_ms : wall_ms();
        r.peer = req.remote_addr;
        r.method = req.method.empty() ? "-" : req.method;
        r.path = req.target.substr(0, req.target.find('?'));
        r.origin = req.get_header_value("Origin");
        r.action = t_request && t_request->decided ? t_request->decision.log_action : "-";
        r.status = res.status;
        if (t_request && t_request->stream)
            r.latency_ms =
                std::chrono::duration<double, std::milli>(SteadyClock::now() - t_request->stream->request_started()).count();
        log.write(r);
    }

    // A request cut off before its request line was complete: answer and log it here.
    void cut_off(DeadlineStream& s, const std::string& peer) {
        write_raw(s, limit_refusal(s.read_failure(), limits));
        AccessRecord r;
        r.time_ms = wall_ms() - std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - s.request_started()).count();
        r.peer = peer;
        r.method = "-";
        r.action = "-";
        r.status = s.read_failure() == ReadFailure::Deadline ? errors::kRequestTimeout.status : errors::kTooLarge.status;
        r.latency_ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - s.request_started()).count();
        log.write(r);
    }
};

// ---- ProxyServer ------------------------------------------------------------------------------

ProxyServer::ProxyServer(const ProxyConfig& config, Upstream& upstream, AccessLog& log)
    : impl_(std::make_unique<Impl>(config, upstream, log)) {}

ProxyServer::~ProxyServer() = default;

bool ProxyServer::bind(std::string& error) {
    const std::string& host = impl_->config.listen_host;
    if (impl_->config.listen_port == 0) {
        impl_->port = impl_->http.bind_to_any_port(host);
        if (impl_->port <= 0) impl_->port = 0;
    } else if (impl_->http.bind_to_port(host, impl_->config.listen_port)) {
        impl_->port = impl_->config.listen_port;
    }
    if (impl_->port == 0) {
        error = "cannot listen on " + impl_->config.listen_display() +
                " (the port is in use, or the address is not one of this machine's)";
        return false;
    }
    impl_->http.widen_backlog();
    impl_->config.listen_port = impl_->port;  // /healthz names the port actually bound
    return true;
}

int ProxyServer::port() const { return impl_->port; }

void ProxyServer::run() {
    assert(impl_->port != 0);
    impl_->http.listen_after_bind();
}

void ProxyServer::stop() { impl_->http.stop(); }

}  // namespace ssmview::proxy
