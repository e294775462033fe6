// aws/process.cpp: split a command line without a shell; run it with a timeout.
//
// Index
//   split_command_line   a small POSIX-quoting state machine (no expansion of any kind)
//   run_process          posix_spawnp in its own process group, stdin from /dev/null,
//                        stdout and stderr drained through poll() until both close, the
//                        deadline passes or the output bound is hit; then waitpid
//
// Why posix_spawn and not fork: the proxy runs this from a worker thread while other threads
// hold locks; posix_spawn (vfork + exec in glibc) runs no code of ours in the child. The child
// gets its own process group so a timeout kills the helper and anything it started.
#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

extern char** environ;

namespace ssmview::aws {

bool split_command_line(std::string_view text, std::vector<std::string>& argv, std::string& error) {
    argv.clear();
    std::string word;
    bool in_word = false;
    enum { Plain, Single, Double } state = Plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (state) {
        case Plain:
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (in_word) argv.push_back(std::move(word));
                word.clear();
                in_word = false;
            } else if (c == '\'') {
                state = Single;
                in_word = true;
            } else if (c == '"') {
                state = Double;
                in_word = true;
            } else if (c == '\\') {
                if (i + 1 >= text.size()) {
                    error = "the command ends with a lone backslash";
                    return false;
                }
                word += text[++i];
                in_word = true;
            } else {
                word += c;
                in_word = true;
            }
            break;
        case Single:
            if (c == '\'') state = Plain;
            else word += c;
            break;
        case Double:
            if (c == '"') {
                state = Plain;
            } else if (c == '\\' && i + 1 < text.size() &&
                       (text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$' || text[i + 1] == '`')) {
                word += text[++i];
            } else {
                word += c;
            }
            break;
        }
    }
    if (state == Single) {
        error = "the command has an unterminated single quote";
        return false;
    }
    if (state == Double) {
        error = "the command has an unterminated double quote";
        return false;
    }
    if (in_word) argv.push_back(std::move(word));
    if (argv.empty()) {
        error = "the command is empty";
        return false;
    }
    return true;
}

namespace {

struct Pipe {
    int fd[2] = {-1, -1};
    ~Pipe() {
        for (int f : fd)
            if (f >= 0) close(f);
    }
    void close_end(int i) {
        if (fd[i] >= 0) close(fd[i]);
        fd[i] = -1;
    }
};

}  // namespace

ProcessResult run_process(const ProcessRequest& request) {
    ProcessResult r;
    if (request.argv.empty() || request.argv[0].empty()) {
        r.error = "no program to run";
        return r;
    }
    Pipe out, err;
    if (pipe2(out.fd, O_CLOEXEC) != 0 || pipe2(err.fd, O_CLOEXEC) != 0) {
        r.error = std::string("cannot create a pipe: ") + std::strerror(errno);
        return r;
    }

    // Environment: ours, with request.env replacing or adding variables.
    std::vector<std::string> env_strings;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view kv(*e);
        const std::string_view name = kv.substr(0, kv.find('='));
        bool replaced = false;
        for (const auto& [k, v] : request.env) replaced = replaced || k == name;
        if (!replaced) env_strings.emplace_back(kv);
    }
    for (const auto& [k, v] : request.env) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = request.argv;
    std::vector<char*> argv;
    for (auto& a : argv_copy) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err.fd[1], 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);  // no listening socket leaks into the helper
#endif
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0], &fa, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        r.error = std::strerror(rc);
        return r;
    }
    r.started = true;
    out.close_end(1);
    err.close_end(1);

    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(request.timeout_ms);
    bool killed = false;
    auto kill_group = [&] {
        if (!killed) kill(-pid, SIGKILL);
        killed = true;
    };
    while (out.fd[0] >= 0 || err.fd[0] >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) {
            r.timed_out = true;
            kill_group();
            break;
        }
        pollfd fds[2];
        int n = 0;
        if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
        if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
        const int p = poll(fds, static_cast<nfds_t>(n), static_cast<int>(left));
        if (p < 0 && errno == EINTR) continue;
        if (p < 0) break;
        for (int i = 0; i < n; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            Pipe& which = fds[i].fd == out.fd[0] ? out : err;
            std::string& into = fds[i].fd == out.fd[0] ? r.out : r.err;
            char buf[4096];
            const ssize_t got = read(fds[i].fd, buf, sizeof buf);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                which.close_end(0);
                continue;
            }
            if (into.size() + static_cast<std::size_t>(got) > request.max_output_bytes) {
                r.output_too_large = true;
                kill_group();
                which.close_end(0);
                continue;
            }
            into.append(buf, static_cast<std::size_t>(got));
        }
        if (r.output_too_large) break;
    }
    // The pipes are closed (or we gave up on them): the process has exited, or is about to be
    // killed. A helper that closed its output but keeps running past the deadline is killed too.
    int status = 0;
    for (;;) {
        const pid_t w = waitpid(pid, &status, killed ? 0 : WNOHANG);
        if (w == pid) break;
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) break;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) {
            r.timed_out = true;
            kill_group();
            continue;
        }
        usleep(static_cast<useconds_t>(std::min<long long>(left, 10) * 1000));
    }
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.term_signal = WTERMSIG(status);
    return r;
}

}  // namespace ssmview::aws
