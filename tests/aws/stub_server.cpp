// tests/aws/stub_server.cpp: StubServer over httplib::Server (see stub_server.h).
//
// Index
//   Impl          the server, its thread, the recorded requests
//   StubServer    start (bind + listen_after_bind on a thread, wait until running), stop
#include "stub_server.h"

#include <httplib.h>

#include <cassert>
#include <chrono>
#include <mutex>
#include <thread>

namespace ssmview::test {

struct StubServer::Impl {
    std::unique_ptr<httplib::Server> owned;
    httplib::Server&              server;
    bool                          tls = false;
    explicit Impl(std::unique_ptr<httplib::Server> s, bool t) : owned(std::move(s)), server(*owned), tls(t) {}
    std::thread                   thread;
    int                           port = 0;
    Handler                       handler;
    mutable std::mutex            mutex;
    std::vector<aws::HttpRequest> received;
};

StubServer::StubServer(Handler handler)
    : impl_(std::make_unique<Impl>(std::make_unique<httplib::Server>(), false)) {
    start(std::move(handler));
}

StubServer::StubServer(Handler handler, const std::string& cert_path, const std::string& key_path)
    : impl_(std::make_unique<Impl>(std::make_unique<httplib::SSLServer>(cert_path.c_str(), key_path.c_str()), true)) {
    assert(impl_->server.is_valid());
    start(std::move(handler));
}

void StubServer::start(Handler handler) {
    impl_->handler = std::move(handler);
    Impl* impl = impl_.get();
    auto serve = [impl](const httplib::Request& req, httplib::Response& res) {
        aws::HttpRequest r;
        r.method = req.method;
        const std::size_t q = req.target.find('?');
        r.path = req.target.substr(0, q);
        if (q != std::string::npos) r.query = req.target.substr(q + 1);
        for (const auto& [name, value] : req.headers)
            if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT")
                r.headers.push_back({name, value});
        r.body = req.body;
        {
            std::lock_guard<std::mutex> lock(impl->mutex);
            impl->received.push_back(r);
        }
        const aws::HttpResponse answer = impl->handler(r);
        res.status = answer.status;
        std::string content_type = "application/octet-stream";
        for (const aws::Header& h : answer.headers) {
            if (h.name == "Content-Type") content_type = h.value;
            else res.set_header(h.name.c_str(), h.value);
        }
        res.set_content(answer.body, content_type.c_str());
    };
    impl->server.Get(".*", serve);
    impl->server.Post(".*", serve);
    impl->server.Put(".*", serve);
    impl->server.set_read_timeout(5, 0);
    impl->server.set_write_timeout(5, 0);
    impl->port = impl->server.bind_to_any_port("127.0.0.1");
    assert(impl->port > 0);
    impl->thread = std::thread([impl] { impl->server.listen_after_bind(); });
    for (int i = 0; i < 500 && !impl->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

StubServer::~StubServer() {
    impl_->server.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

int StubServer::port() const { return impl_->port; }

aws::Endpoint StubServer::endpoint() const {
    aws::Endpoint e;
    e.scheme = impl_->tls ? "https" : "http";
    e.host = "127.0.0.1";
    e.port = impl_->port;
    e.source = "stub";
    return e;
}

std::vector<aws::HttpRequest> StubServer::requests() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->received;
}

}  // namespace ssmview::test
