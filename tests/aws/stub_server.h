// tests/aws/stub_server.h: a scripted HTTP server on 127.0.0.1 for the aws/ tests.
//
// Index
//   StubServer   binds 127.0.0.1 on an ephemeral port (plain or TLS), answers every request with
//                the handler, records what it received, stops in its destructor
//
// Only stub_server.cpp includes httplib.h; the tests see aws/http.h types alone.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http.h"

namespace ssmview::test {

class StubServer {
public:
    // The handler gets the request as received: path and query split, headers as sent (Host too).
    using Handler = std::function<aws::HttpResponse(const aws::HttpRequest&)>;
    explicit StubServer(Handler handler);
    // Over TLS with this certificate and key (PEM files).
    StubServer(Handler handler, const std::string& cert_path, const std::string& key_path);
    ~StubServer();
    StubServer(const StubServer&) = delete;
    StubServer& operator=(const StubServer&) = delete;

    int           port() const;
    aws::Endpoint endpoint() const;  // http(s)://127.0.0.1:<port>
    std::vector<aws::HttpRequest> requests() const;

private:
    void start(Handler handler);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ssmview::test
