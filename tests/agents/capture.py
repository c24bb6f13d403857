#!/usr/bin/env python3
"""Capture upstream: records every request a real agent client sends and answers it in the
protocol asked for (OpenAI chat, Anthropic messages), so request bodies can be captured as
fixtures. Not used by CI; how the fixtures under tests/Majordomo.FunctionalTests/Fixtures/Agents
were made. Usage: capture.py PORT OUT_DIR

The answer depends on the user's words: "LOOP" → the model calls read(notes.txt) until 3 tool
results are in the conversation; "IMAGE" → read(pixel.png) once; otherwise a short text answer."""
import json, os, sys, time, itertools
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
seq = itertools.count(1)

def words(body):
    text = json.dumps(body.get("messages", body.get("input", "")))
    return text

def tool_results(body):
    n = 0
    for m in body.get("messages", []):
        if m.get("role") == "tool":
            n += 1
        c = m.get("content")
        if isinstance(c, list):
            n += sum(1 for b in c if isinstance(b, dict) and b.get("type") == "tool_result")
    return n

def read_call(body, path):
    # Claude Code names its tool Read(file_path); OpenClaw read(path).
    names = [t.get("name") or t.get("function", {}).get("name") for t in body.get("tools", [])]
    if "Read" in names:
        return ("tool", "Read", {"file_path": os.path.join(os.getcwd(), path)})
    return ("tool", "read", {"path": path})

def plan(body):
    w = words(body)
    if "LOOP" in w and tool_results(body) < 3:
        return read_call(body, "notes.txt")
    if "IMAGE" in w and tool_results(body) < 1:
        return read_call(body, "pixel.png")
    return ("text", "Hello there, friend!", None)

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def record(self, body):
        n = next(seq)
        name = f"{n:03d}-{self.command}-{self.path.split('?')[0].strip('/').replace('/', '_')}.json"
        with open(os.path.join(out, name), "w") as f:
            json.dump({"method": self.command, "path": self.path,
                       "headers": {k.lower(): v for k, v in self.headers.items()
                                   if k.lower() not in ("authorization", "x-api-key", "host", "content-length")},
                       "body": body}, f, indent=1)
    def send(self, status, ctype, data):
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        self.record(None)
        if self.path.split("?")[0].endswith("/models"):
            data = {"object": "list", "data": [{"id": m, "object": "model"} for m in ("default", "auto")]}
            return self.send(200, "application/json", json.dumps(data).encode())
        self.send(404, "application/json", b'{"error":{"message":"not found"}}')
    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("content-length", "0")))
        body = json.loads(raw) if raw else {}
        self.record(body)
        p = self.path.split("?")[0]
        kind, a, b = plan(body)
        if p.endswith("/chat/completions"):
            return self.openai(body, kind, a, b)
        if p.endswith("/messages"):
            return self.anthropic(body, kind, a, b)
        self.send(404, "application/json", b'{"error":{"message":"not found","type":"invalid_request_error"}}')
    def sse(self, events):
        data = "".join(events).encode()
        self.send(200, "text/event-stream", data)
    def openai(self, body, kind, a, b):
        base = {"id": "chatcmpl-cap", "object": "chat.completion.chunk", "created": int(time.time()), "model": body.get("model", "")}
        def ev(choice, usage=None):
            d = dict(base, choices=[choice] if choice else [])
            if usage: d["usage"] = usage
            return "data: " + json.dumps(d) + "\n\n"
        usage = {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110}
        if not body.get("stream"):
            msg = {"role": "assistant", "content": a} if kind == "text" else {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": a, "arguments": json.dumps(b)}}]}
            d = {"id": "chatcmpl-cap", "object": "chat.completion", "created": int(time.time()), "model": body.get("model", ""),
                 "choices": [{"index": 0, "message": msg, "finish_reason": "stop" if kind == "text" else "tool_calls"}], "usage": usage}
            return self.send(200, "application/json", json.dumps(d).encode())
        if kind == "text":
            evs = [ev({"index": 0, "delta": {"role": "assistant", "content": a}, "finish_reason": None}),
                   ev({"index": 0, "delta": {}, "finish_reason": "stop"})]
        else:
            evs = [ev({"index": 0, "delta": {"role": "assistant", "tool_calls": [{"index": 0, "id": f"call_{tool_results(body)}", "type": "function",
                                                                             "function": {"name": a, "arguments": json.dumps(b)}}]}, "finish_reason": None}),
                   ev({"index": 0, "delta": {}, "finish_reason": "tool_calls"})]
        evs.append(ev(None, usage))
        evs.append("data: [DONE]\n\n")
        self.sse(evs)
    def anthropic(self, body, kind, a, b):
        def ev(name, d): return f"event: {name}\ndata: {json.dumps(d)}\n\n"
        msg = {"id": "msg_cap", "type": "message", "role": "assistant", "model": body.get("model", ""), "content": [],
               "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": 100, "output_tokens": 0}}
        if kind == "text":
            block = {"type": "text", "text": ""}
            delta = {"type": "text_delta", "text": a}
            stop = "end_turn"
        else:
            block = {"type": "tool_use", "id": f"toolu_{tool_results(body)}", "name": a, "input": {}}
            delta = {"type": "input_json_delta", "partial_json": json.dumps(b)}
            stop = "tool_use"
        if not body.get("stream"):
            content = [{"type": "text", "text": a}] if kind == "text" else [dict(block, input=b)]
            d = dict(msg, content=content, stop_reason=stop, usage={"input_tokens": 100, "output_tokens": 10})
            return self.send(200, "application/json", json.dumps(d).encode())
        self.sse([ev("message_start", {"type": "message_start", "message": msg}),
                  ev("content_block_start", {"type": "content_block_start", "index": 0, "content_block": block}),
                  ev("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}),
                  ev("content_block_stop", {"type": "content_block_stop", "index": 0}),
                  ev("message_delta", {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None}, "usage": {"output_tokens": 10}}),
                  ev("message_stop", {"type": "message_stop"})])

ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
