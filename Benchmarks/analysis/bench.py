"""Grounded labelling against clingo, and DF-QuAD on a large acyclic map.

Run through Benchmarks/analysis/run, which makes the virtual environment and builds the Swift
benchmark executable and `argmap` in release mode. Besides the in-process solver, the whole
`argmap evaluate FILE.af --semantics grounded` command is timed (reading, importing, validating,
evaluating and printing every argument's label), with its peak memory from `/usr/bin/time -v`,
and its extension is checked against clingo's. Each timing is the median of BENCH_RUNS runs
(default 3). Instances follow the research note's generator (seed
20240601 + m, n = m/2, uniform pairs without self-attacks or duplicates), so their SHA-256 can be
checked against the note's table.
"""

import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", "out", "analysis")
ENCODING = os.path.join(HERE, "grounded.lp")
# First 16 hex digits of the SHA-256 of each .af file, from the research note (section 5.2).
EXPECTED_SHA = {10_000: "c9a9c7f67c7b62a0", 100_000: "5681c0279f8a43a5", 1_000_000: "22b4f2969daf3335"}
RUNS = max(1, int(os.environ.get("BENCH_RUNS", "3")))


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


def median_clingo(lp):
    """clingo RUNS times, each in a process of its own under /usr/bin/time -v: the median time
    (loading to the model, as `run_clingo` measures it), the median peak RSS of that process in
    bytes (the Python interpreter included), the extension (the same every run), every time."""
    times = []
    peaks = []
    extension = None
    for _ in range(RUNS):
        result = subprocess.run(
            ["/usr/bin/time", "-v", sys.executable, os.path.abspath(__file__), "--clingo", lp],
            capture_output=True, text=True, check=True)
        answer = json.loads(result.stdout)
        times.append(answer["time"])
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        peaks.append(int(peak.group(1)) * 1024 if peak else 0)
        found = set(answer["extension"])
        assert extension is None or extension == found, "clingo gave two extensions"
        extension = found
    return statistics.median(times), statistics.median(peaks), extension, times


def run_argmap(argmap, af):
    """`argmap evaluate FILE.af --semantics grounded` RUNS times under /usr/bin/time -v: the
    median wall time, the median peak RSS in bytes, and the extension read from its report (the
    arguments labelled 'stands', `claim aN:` being argument N)."""
    times = []
    peaks = []
    extension = None
    out = af + ".argmap-evaluate.txt"
    for _ in range(RUNS):
        with open(out, "wb") as handle:
            start = time.perf_counter()
            result = subprocess.run(
                ["/usr/bin/time", "-v", argmap, "evaluate", af, "--semantics", "grounded"],
                stdout=handle, stderr=subprocess.PIPE, text=True)
            times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit("argmap evaluate failed:\n" + result.stderr[-2000:])
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        peaks.append(int(peak.group(1)) * 1024 if peak else 0)
        found = set()
        pattern = re.compile(r"^stands\s+claim a(\d+):")
        with open(out) as handle:
            for line in handle:
                match = pattern.match(line)
                if match:
                    found.add(int(match.group(1)))
        assert extension is None or extension == found, "argmap gave two extensions"
        extension = found
    return statistics.median(times), statistics.median(peaks), extension, times


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
    argmap = sys.argv[2]
    sizes = [int(arg) for arg in sys.argv[3:]] or [10_000, 100_000, 1_000_000]
    os.makedirs(WORK, exist_ok=True)
    import clingo

    print("clingo %s (PyPI), encoding %s; median of %d run(s) each" % (
        clingo.__version__, os.path.relpath(ENCODING), RUNS))
    print()
    header = "%9s %8s %9s %10s %10s %10s %8s %8s %10s %9s" % (
        "attacks", "args", "grounded", "clingo s", "ours s", "ours solve", "ratio", "agree",
        "peak MB", "B/attack")
    print(header)
    failures = 0
    whole = []
    for m in sizes:
        af, lp, n = generate(m)
        digest = sha16(af)
        if m in EXPECTED_SHA and digest != EXPECTED_SHA[m]:
            print("instance er_m%d has sha %s, expected %s" % (m, digest, EXPECTED_SHA[m]))
            failures += 1
        clingo_time, clingo_peak, clingo_extension, clingo_times = median_clingo(lp)
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
        command_time, command_peak, command_extension, command_times = run_argmap(argmap, af)
        command_agrees = command_extension == clingo_extension
        failures += 0 if command_agrees else 1
        whole.append((m, n, len(command_extension), clingo_time, clingo_times, clingo_peak,
                      command_time, command_times, command_peak, command_agrees))
        sys.stdout.flush()
    print()
    print("The whole command `argmap evaluate FILE.af --semantics grounded` against clingo "
          "(median of %d; each run's times in brackets):" % RUNS)
    print("%9s %8s %9s %10s %12s %8s %15s %15s %8s" % (
        "attacks", "args", "grounded", "clingo s", "argmap s", "ratio", "clingo peak MB",
        "argmap peak MB", "agree"))
    for (m, n, size, clingo_time, clingo_times, clingo_peak, command_time, command_times,
         command_peak, agrees) in whole:
        print("%9d %8d %9d %10.3f %12.3f %7.1fx %15.1f %15.1f %8s" % (
            m, n, size, clingo_time, command_time, clingo_time / command_time, clingo_peak / 1e6,
            command_peak / 1e6, "yes" if agrees else "NO"))
        print("          clingo [%s] s; argmap [%s] s" % (
            ", ".join("%.3f" % t for t in clingo_times), ", ".join("%.3f" % t for t in command_times)))
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
    if len(sys.argv) == 3 and sys.argv[1] == "--clingo":
        elapsed, found = run_clingo(sys.argv[2])
        print(json.dumps({"time": elapsed, "extension": sorted(found)}))
    else:
        main()
