#!/usr/bin/env python3
"""Reads `perf script -F comm,tid,ip,sym` output of one process (see docs/PERFORMANCE.md, "Where a streamed
request's CPU goes") and prints: the share of samples per thread name, the share under the bench's own client
and mock, and for samples under gateway code (Majordomo.Core / majordomo) the innermost gateway frame, which
is charged with its own time and that of the framework code it called."""
import collections
import re
import sys

OURS = re.compile(r"\[(Majordomo\.Core|majordomo)\]")
BENCH = re.compile(r"\[Majordomo\.Bench\]")
NAME = re.compile(r"\[(Majordomo[.\w]*|majordomo)\] ([\w.+<>`]+)(::[\w<>.`|]+)?")


def samples(path):
    thread, stack = None, None
    for line in open(path, errors="replace"):
        if not line.strip():
            if stack is not None:
                yield thread, stack
            stack = None
        elif not line.startswith(("\t", " ")):
            thread, stack = line.split("  ")[0].strip(), []
        elif stack is not None:
            parts = line.strip().split(" ", 1)
            stack.append(parts[1] if len(parts) > 1 else "?")
    if stack:
        yield thread, stack


def short(frame):
    m = NAME.search(frame)
    return f"{m.group(2)}{m.group(3) or ''}" if m else frame[:120]


def main(path, top=30):
    threads, kinds, inner = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, stack in samples(path):
        total += 1
        threads[re.sub(r"\s*\d+$", "", thread)[:15]] += 1
        ours = [f for f in stack if OURS.search(f)]
        if ours:
            kinds["under gateway frames"] += 1
            inner[short(ours[0])] += 1
        elif any(BENCH.search(f) for f in stack):
            kinds["bench client and mock"] += 1
        else:
            kinds["other (kernel, Kestrel, sockets, thread pool)"] += 1
    print(f"{total} samples")
    for title, counts, n in (("by thread", threads, 10), ("by kind", kinds, 5), ("innermost gateway frame", inner, top)):
        print(f"-- {title}")
        for key, count in counts.most_common(n):
            print(f"{count / total * 100:6.2f} %  {key}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
