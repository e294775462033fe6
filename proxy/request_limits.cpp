// proxy/request_limits.cpp: see request_limits.h.
//
// Index
//   make_connection_limits
//   DeadlineStream     waiting (poll), reading (buffered, deadline + budget), writing (all or nothing)
//   limit_refusal, body_refusal
#include "request_limits.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>

namespace ssmview::proxy {

using Clock = std::chrono::steady_clock;

ConnectionLimits make_connection_limits(const ProxyConfig& config) {
    ConnectionLimits l;
    l.request_timeout_ms = config.request_timeout_ms;
    l.idle_timeout_ms = config.idle_timeout_ms;
    // Answers are small and the client asked for them; a client that does not read its answer
    // within the request timeout is as stuck as one that does not send.
    l.write_timeout_ms = config.request_timeout_ms;
    // Chunked framing costs a few bytes per chunk; twice the body leaves room for any sane sender.
    l.max_request_bytes = kMaxRequestHeadBytes + 2 * config.max_body_bytes;
    return l;
}

// ---- DeadlineStream ---------------------------------------------------------------------------

DeadlineStream::DeadlineStream(int fd, const ConnectionLimits& limits) : fd_(fd), limits_(limits) {
    assert(fd >= 0);
}

bool DeadlineStream::wait(short events, Clock::time_point until) const {
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd_, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
        if (n > 0) return true;  // readable, writable, or an error/hangup the next call reports
        if (n == 0) return false;
        if (errno != EINTR) return false;
    }
}

bool DeadlineStream::wait_for_request(int wait_ms) {
    if (begin_ < end_) return true;
    if (!wait(POLLIN, Clock::now() + std::chrono::milliseconds(wait_ms))) return false;
    // Peek by filling the buffer: 0 means the peer closed between requests (the normal end).
    const ssize_t n = ::recv(fd_, buffer_, sizeof buffer_, 0);
    if (n <= 0) return false;
    begin_ = 0;
    end_ = static_cast<std::size_t>(n);
    return true;
}

void DeadlineStream::begin_request() {
    started_ = Clock::now();
    deadline_ = started_ + std::chrono::milliseconds(limits_.request_timeout_ms);
    request_bytes_ = 0;
    failure_ = ReadFailure::None;
}

bool DeadlineStream::is_readable() const { return begin_ < end_ || wait(POLLIN, deadline_); }

bool DeadlineStream::is_writable() const {
    return wait(POLLOUT, Clock::now() + std::chrono::milliseconds(limits_.write_timeout_ms));
}

ssize_t DeadlineStream::read(char* ptr, size_t size) {
    if (failure_ != ReadFailure::None) return -1;
    if (begin_ == end_) {
        if (!wait(POLLIN, deadline_)) {
            failure_ = ReadFailure::Deadline;
            return -1;
        }
        ssize_t n;
        do n = ::recv(fd_, buffer_, sizeof buffer_, 0);
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            failure_ = ReadFailure::Closed;
            return n < 0 ? -1 : 0;
        }
        begin_ = 0;
        end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, end_ - begin_);
    if (request_bytes_ + n > limits_.max_request_bytes) {
        failure_ = ReadFailure::Budget;
        return -1;
    }
    std::memcpy(ptr, buffer_ + begin_, n);
    begin_ += n;
    request_bytes_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, size_t size) {
    const Clock::time_point until = Clock::now() + std::chrono::milliseconds(limits_.write_timeout_ms);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::send(fd_, ptr + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait(POLLOUT, until)) continue;
        return -1;  // peer gone, or it stopped reading for the whole write timeout
    }
    return static_cast<ssize_t>(size);
}

namespace {

void address_of(const sockaddr_storage& ss, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (ss.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
        inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        port = ntohs(a->sin_port);
    } else if (ss.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
        inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        port = ntohs(a->sin6_port);
    }
    ip = text;
}

}  // namespace

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) address_of(ss, ip, port);
}

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) address_of(ss, ip, port);
}

// ---- limit_refusal ----------------------------------------------------------------------------

ProxyAnswer limit_refusal(ReadFailure failure, const ConnectionLimits& limits) {
    if (failure == ReadFailure::Deadline) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%g", limits.request_timeout_ms / 1000.0);
        return aws_json_error(errors::kRequestTimeout, std::string("ssmview-proxy did not receive the whole request within ") +
                                                           seconds + " s (--request-timeout); closing the connection");
    }
    assert(failure == ReadFailure::Budget);
    return aws_json_error(errors::kTooLarge, "the request is larger than ssmview-proxy accepts (" +
                                                 std::to_string(limits.max_request_bytes) +
                                                 " bytes with its headers; --max-body sets the body's share)");
}

ProxyAnswer body_refusal(std::size_t body_bytes, std::size_t max_body_bytes) {
    const std::string size = body_bytes ? " (" + std::to_string(body_bytes) + " bytes)" : std::string();
    return aws_json_error(errors::kTooLarge, "the request body" + size + " is larger than ssmview-proxy accepts (--max-body " +
                                                 std::to_string(max_body_bytes) + ")");
}

}  // namespace ssmview::proxy
