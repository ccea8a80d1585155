"""Grounded labelling against clingo, and DF-QuAD on a large acyclic map.

Run through Benchmarks/analysis/run, which makes the virtual environment and builds the Swift
benchmark executable in release mode. Instances follow the research note's generator (seed
20240601 + m, n = m/2, uniform pairs without self-attacks or duplicates), so their SHA-256 can be
checked against the note's table.
"""

import hashlib
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", "out", "analysis")
ENCODING = os.path.join(HERE, "grounded.lp")
# First 16 hex digits of the SHA-256 of each .af file, from the research note (section 5.2).
EXPECTED_SHA = {10_000: "c9a9c7f67c7b62a0", 100_000: "5681c0279f8a43a5", 1_000_000: "22b4f2969daf3335"}


def generate(m):
    """Writes er_m<m>.af (ICCMA'23) and er_m<m>.lp (ASP facts); returns their paths and n."""
    n = m // 2
    af = os.path.join(WORK, "er_m%d.af" % m)
    lp = os.path.join(WORK, "er_m%d.lp" % m)
    if os.path.exists(af) and os.path.exists(lp):
        return af, lp, n
    rng = random.Random(20240601 + m)
    seen = set()
    pairs = []
    while len(pairs) < m:
        a = rng.randrange(n)
        b = rng.randrange(n)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        pairs.append((a, b))
    with open(af + ".tmp", "w") as out:
        out.write("p af %d\n" % n)
        out.write("".join("%d %d\n" % (a + 1, b + 1) for a, b in pairs))
    with open(lp + ".tmp", "w") as out:
        out.write("arg(1..%d).\n" % n)
        out.write("".join("att(%d,%d).\n" % (a + 1, b + 1) for a, b in pairs))
    os.replace(af + ".tmp", af)
    os.replace(lp + ".tmp", lp)
    return af, lp, n


def sha16(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def run_clingo(lp):
    """The grounded extension by clingo's Python API, timed from loading to the model."""
    import clingo

    start = time.perf_counter()
    control = clingo.Control(["--models=1"])
    control.load(ENCODING)
    control.load(lp)
    control.ground([("base", [])])
    extension = set()

    def on_model(model):
        for symbol in model.symbols(shown=True):
            extension.add(symbol.arguments[0].number)

    control.solve(on_model=on_model)
    return time.perf_counter() - start, extension


def run_swift(binary, af):
    out = af + ".grounded.txt"
    start = time.perf_counter()
    result = subprocess.run([binary, "grounded", af, out], check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    phases = json.loads(result.stdout)
    with open(out) as handle:
        words = handle.read().split()
    assert words and words[0] == "w", "unexpected witness line"
    return wall, phases, set(int(word) for word in words[1:])


def main():
    binary = sys.argv[1]
    sizes = [int(arg) for arg in sys.argv[2:]] or [10_000, 100_000, 1_000_000]
    os.makedirs(WORK, exist_ok=True)
    import clingo

    print("clingo %s (PyPI), encoding %s" % (clingo.__version__, os.path.relpath(ENCODING)))
    print()
    header = "%9s %8s %9s %10s %10s %10s %8s %8s %10s %9s" % (
        "attacks", "args", "grounded", "clingo s", "ours s", "ours solve", "ratio", "agree",
        "peak MB", "B/attack")
    print(header)
    failures = 0
    for m in sizes:
        af, lp, n = generate(m)
        digest = sha16(af)
        if m in EXPECTED_SHA and digest != EXPECTED_SHA[m]:
            print("instance er_m%d has sha %s, expected %s" % (m, digest, EXPECTED_SHA[m]))
            failures += 1
        clingo_time, clingo_extension = run_clingo(lp)
        wall, phases, ours = run_swift(binary, af)
        agree = ours == clingo_extension
        failures += 0 if agree else 1
        peak = phases["peakBytes"]
        print("%9d %8d %9d %10.3f %10.4f %10.4f %7.0fx %8s %10.1f %9.1f" % (
            m, n, len(ours), clingo_time, phases["total"], phases["solve"],
            clingo_time / phases["total"], "yes" if agree else "NO", peak / 1e6, peak / m))
        print("          ours, phases: read %.4f, parse %.4f, build %.4f, solve %.4f s; whole process %.4f s "
              "(ratio to clingo %.0fx); memory above the process baseline %.1f B/attack; sha %s" % (
                  phases["read"], phases["parse"], phases["build"], phases["solve"], wall,
                  clingo_time / wall, (peak - phases["baselineBytes"]) / m, digest))
        sys.stdout.flush()
    print()
    result = subprocess.run([binary, "dfquad", "1000000", "20240601"], check=True, capture_output=True, text=True)
    dfquad = json.loads(result.stdout)
    print("DF-QuAD, acyclic map with %d links and %d nodes (70%% supports): build %.4f s, one topological pass %.4f s, "
          "together %.4f s; peak %.1f MB" % (
              dfquad["links"], dfquad["nodes"], dfquad["build"], dfquad["solve"], dfquad["buildAndSolve"],
              dfquad["peakBytes"] / 1e6))
    if failures:
        print("%d check(s) failed" % failures)
        sys.exit(1)
    print("all extensions agree")


if __name__ == "__main__":
    main()
