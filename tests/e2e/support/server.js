// tests/e2e/support/server.js: a tiny static file server for the built site, on 127.0.0.1.
//
// Index
//   MIME        content types the site needs (application/wasm enables streaming compilation)
//   serve       startServer({root, prefix, port, precompressed}) -> {url, port, requests, encodings,
//               close()}: an ephemeral port by default, loopback only; precompressed serves FILE.br
//               or FILE.gz with its Content-Encoding when the browser accepts it, as nginx's
//               brotli_static / gzip_static and Caddy's `precompressed` do
//   command     node server.js DIR [PREFIX] [PORT]: serve by hand (e.g. dist/ on 8080), prints the URL
//
// Why our own: tests must not depend on a server being installed, and they serve dist/ under a
// nested path prefix (/some/deep/path/) to prove the site uses relative URLs only. GET and HEAD
// only; anything outside `root` (.., absolute, encoded tricks) is a 404.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

function startServer({root, prefix = '/', port = 0, precompressed = false} = {}) {
  const base = path.resolve(root);
  if (!prefix.endsWith('/')) prefix += '/';
  const requests = [];
  const encodings = {};  // file name -> the Content-Encoding it was last served with
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    let pathname;
    try { pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { pathname = '/'; }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !pathname.startsWith(prefix)) {
      res.writeHead(404); res.end(); return;
    }
    let rel = pathname.slice(prefix.length) || 'index.html';
    const file = path.resolve(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) { res.writeHead(404); res.end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404); res.end(); return; }
      const accepts = String(req.headers['accept-encoding'] || '');
      let body = file, size = st.size, encoding = null;
      for (const [enc, ext] of precompressed ? [['br', '.br'], ['gzip', '.gz']] : []) {
        if (!accepts.includes(enc)) continue;
        try { size = fs.statSync(file + ext).size; body = file + ext; encoding = enc; break; } catch { /* not there */ }
      }
      encodings[path.basename(file)] = encoding;
      const headers = {
        'Content-Type': MIME[path.extname(file)] || 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-store',
      };
      if (encoding) { headers['Content-Encoding'] = encoding; headers['Vary'] = 'Accept-Encoding'; }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(body).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const {port} = server.address();
      resolve({
        port,
        url: `http://127.0.0.1:${port}${prefix}`,
        requests,
        encodings,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

module.exports = {startServer};

if (require.main === module) {
  const [root = '.', prefix = '/', port = '0'] = process.argv.slice(2);
  startServer({root, prefix, port: Number(port)}).then((s) => console.log(s.url), (e) => { console.error(String(e)); process.exit(1); });
}
