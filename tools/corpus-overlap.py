#!/usr/bin/env python3
"""Near-duplicate check between two corpus splits (docs/LABELLING.md, Splits).

Compares the user-authored text of every prompt in A with every prompt in B (lower-cased, punctuation
removed; system prompts and the agents' envelope blocks inside user turns — Claude Code's `<system-reminder>`, Codex's
`<environment_context>` — left out, since they are shared by design) by the Jaccard
similarity of character 4-grams, and prints only ids and scores, never text: it can be run against the
held-out test split without reading it.

    python3 tools/corpus-overlap.py 'corpus/train/*.jsonl' 'corpus/test/*.jsonl' 0.5
"""
import glob
import json
import re
import sys

ENVELOPE = re.compile(r'<(system-reminder|environment_context)>.*?</\1>', re.S)


def user_text(o):
    out = []

    def walk(x):
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, list):
            for y in x:
                walk(y)
        elif isinstance(x, dict) and isinstance(x.get('text'), str):
            out.append(x['text'])

    walk(o.get('prompt'))
    body = o.get('body') or {}
    messages = list(o.get('messages') or []) + list(body.get('messages') or [])
    inp = body.get('input')
    if isinstance(inp, str):
        out.append(inp)
    elif isinstance(inp, list):
        messages += [m for m in inp if isinstance(m, dict)]
    for m in messages:
        if isinstance(m, dict) and m.get('role') == 'user':
            walk(m.get('content'))
    return ENVELOPE.sub(' ', ' '.join(out))


def normalise(s):
    return ' '.join(''.join(c for c in s.lower() if c.isalnum() or c.isspace()).split())


def load(pattern):
    rows = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    o = json.loads(line)
                    t = normalise(user_text(o))
                    rows.append((o.get('id', f'{path}:{n}'), path.split('/')[-1], t, {t[i:i + 4] for i in range(len(t) - 3)}))
    return rows


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    hits = []
    for id_a, file_a, text_a, grams_a in a:
        best = (0.0, None)
        for id_b, _, text_b, grams_b in b:
            if text_a == text_b:
                best = (1.0, id_b)
                break
            if not grams_a or not grams_b or min(len(text_a), len(text_b)) < 0.4 * max(len(text_a), len(text_b)):
                continue
            score = len(grams_a & grams_b) / len(grams_a | grams_b)
            if score > best[0]:
                best = (score, id_b)
        if best[0] >= threshold:
            hits.append((best[0], id_a, file_a, best[1]))
    print(f'{len(a)} vs {len(b)} prompts: {len(hits)} at or above {threshold}')
    for score, id_a, file_a, id_b in sorted(hits, reverse=True):
        print(f'{score:.2f} {id_a} ({file_a}) ~ {id_b}')
    sys.exit(1 if hits else 0)


if __name__ == '__main__':
    main()
