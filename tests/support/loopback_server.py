"""loopback_server.py: the one HTTP server the test fakes run on: 127.0.0.1 only, in a thread.

Index
    _QuietServer     ThreadingHTTPServer: daemon threads, no waiting for slow handlers at close, a
                     client that gave up (broken pipe, reset) is not reported as an error
    LoopbackServer   binds 127.0.0.1:port (0: ephemeral); every request -> self.handle(handler);
                     start()/stop() or `with`, serve_forever() in the calling thread; url, port;
                     read_body/send helpers for handle()

Flow: a subclass implements handle(handler) (and log(line) to see the request lines); the server
calls it for GET, HEAD, POST, PUT and DELETE on one of its threads; handle() reads with
read_body() and answers with send() (which sends no body to a HEAD). Built on by
tests/support/ssm_stub.py (SsmStub) and tests/support/fake_aws.py (FakeAws,
FakeContainerCredentials, FakeImds). Python 3 standard library only (scripts/make_fixtures.sh runs
ssm_stub with nothing else).
"""

import http.server
import sys
import threading


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler told to be slow must not hold the test's teardown
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that gave up (the proxy after its upstream timeout) is expected here.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class LoopbackServer:
    """A ThreadingHTTPServer on 127.0.0.1:`port` whose handler calls self.handle(handler)."""

    server_version = "loopback"

    def __init__(self, port=0):
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the SDKs expect; every answer has a length
            server_version = owner.server_version
            sys_version = ""

            def log_message(self, fmt, *args):
                owner.log(fmt % args)

            def do_GET(self):
                owner.handle(self)

            def do_POST(self):
                owner.handle(self)

            def do_PUT(self):
                owner.handle(self)

            # HEAD and DELETE reach handle() too: fake S3 answers HEAD, and records a DELETE the
            # proxy must never send.
            def do_HEAD(self):
                owner.handle(self)

            def do_DELETE(self):
                owner.handle(self)

        self._httpd = _QuietServer(("127.0.0.1", port), Handler)
        self._thread = None

    def handle(self, handler):
        raise NotImplementedError

    def log(self, line):
        """One request line of http.server's log; quiet unless a subclass wants it."""

    @property
    def port(self):
        return self._httpd.server_address[1]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def serve_forever(self):
        """Serve in the calling thread (a command-line server) until shutdown."""
        self._httpd.serve_forever()

    def start(self):
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @staticmethod
    def read_body(handler):
        length = int(handler.headers.get("Content-Length") or 0)
        return handler.rfile.read(length) if length else b""

    @staticmethod
    def send(handler, status, body, headers=()):
        handler.send_response(status)
        for n, v in headers:
            handler.send_header(n, v)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        # A HEAD answer says the length of what a GET would carry, and carries nothing (a body
        # here would be read as the start of the next answer on a kept-alive connection).
        if handler.command != "HEAD":
            handler.wfile.write(body)
