import http.server, socketserver, sys, json
COUNT = 0
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_POST(self):
        n = int(self.headers.get('Content-Length', 0)); self.rfile.read(n)
        global COUNT; COUNT += 1
        size = (20 + (COUNT * 7) % 51) * 1024 * 1024
        head = b'{"id":"c","object":"chat.completion","created":1,"model":"a","choices":[{"index":0,"message":{"role":"assistant","content":"'
        end = b'"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}'
        self.send_response(200); self.send_header("Content-Type","application/json")
        self.send_header("Content-Length", str(len(head)+size+len(end))); self.end_headers()
        self.wfile.write(head); block = b'x'*(1024*1024)
        for _ in range(size//(1024*1024)): self.wfile.write(block)
        self.wfile.write(end)
    def handle(self):
        try: super().handle()
        except (BrokenPipeError, ConnectionResetError): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
