#!/usr/bin/env python3
"""Which of this repository's own files read as sensitive (docs/CLASSIFIER.md, "This repository's own source").

Every *.cs and *.md under src/, tests/, tools/, bench/ and docs/ becomes one prompt labelled not sensitive, read raw and
as a JSON-escaped tool result ({"path": …, "content": …} as a string); `route --eval` scores both and the files read as
sensitive are printed. Usage, from the repository root after a build:
    python3 tools/source-scan.py [src/Majordomo/bin/Debug/net10.0/majordomo.dll]
"""
import glob
import json
import subprocess
import sys
import tempfile

dll = sys.argv[1] if len(sys.argv) > 1 else "src/Majordomo/bin/Debug/net10.0/majordomo.dll"
files = sorted(f for d in ("src", "tests", "tools", "bench", "docs") for ext in ("cs", "md")
               for f in glob.glob(f"{d}/**/*.{ext}", recursive=True) if "/bin/" not in f and "/obj/" not in f)
for reading in ("raw", "escaped"):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for name in files:
            text = open(name, encoding="utf-8").read()
            prompt = text if reading == "raw" else json.dumps({"path": name, "content": text})
            out.write(json.dumps({"prompt": prompt, "sensitive": False}, ensure_ascii=False) + "\n")
    result = json.loads(subprocess.run(["dotnet", dll, "route", "--eval", out.name, "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    flagged = [files[e["line"] - 1] for e in result["errors"] if e["got"].get("sensitive")]
    print(f"{reading}: {len(flagged)} of {len(files)} files read as sensitive")
    for name in flagged:
        print("  " + name)
