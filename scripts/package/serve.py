#!/usr/bin/env python3
"""Serve the book from this folder: python3 serve.py [port]  (default 8000).

Any static web server works; this one only makes sure that JavaScript modules are sent
with a JavaScript type (some systems map .js to text/plain, which browsers refuse for
modules) and that unknown addresses get the book's 404 page.
"""
import functools
import http.server
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SITE = os.path.join(HERE, "site")
BASE = "{{BASE}}"  # the base path the book was built for


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".wasm": "application/wasm",
        ".ttf": "font/ttf",
        ".html": "text/html; charset=utf-8",
    }

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(SITE, BASE.strip("/"), "404.html")
        if code == 404 and os.path.exists(page):
            with open(page, "rb") as f:
                body = f.read()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    handler = functools.partial(Handler, directory=SITE)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Inside I/O: http://localhost:{port}{BASE}  (Ctrl+C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
