#!/usr/bin/env python3
"""Drives `argmap serve` over its live socket the way the editor does, and prints the figures.

    python3 Benchmarks/serve/run.py [--argmap PATH] [--edits 500] [--memory-edits 10000]

Starts the server (release build by default, `.build/release/argmap`) on a temporary folder
holding the Stalin map, a generated 500-node map and the Weimar map, and measures:
  - edit-to-new-SVG latency: one edit sent, the time until the picture of that edit arrives
    (p50, p95), for the Stalin map and the 500-node map;
  - the resident memory of the server and of its drawing process while a small map is edited
    10,000 times;
  - 20 clients editing at once, each its own text (the server draws the text it is sent,
    saved or not), every reply checked (p50 and p95).
Each edit changes a statement's text, so every reply is a new SVG. Standard library only: the
WebSocket client (Scripts/websocket_client.py) is the few lines of RFC 6455 a text-only client
needs.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts"))
from websocket_client import WebSocket  # noqa: E402 - found through the path set just above


def Socket(port):
    """The editor's live socket, opened as the page opens it (with the server's Origin)."""
    return WebSocket(port, "/api/live", origin="http://127.0.0.1:%d" % port)


def edit(client, text, sequence):
    """Sends one edit and waits for its picture; returns seconds and the preview."""
    started = time.perf_counter()
    client.send(json.dumps({"sequence": sequence, "text": text, "view": "map"}))
    while True:
        reply = json.loads(client.receive())
        if reply.get("type") == "preview" and reply.get("sequence") == sequence:
            if not reply.get("svg"):
                raise RuntimeError("no picture: %s" % reply.get("problem"))
            return time.perf_counter() - started, reply


def edited(text, marker, number):
    """The text with one statement's text changed, so the picture changes."""
    return text.replace(marker, marker + " (edit %d)" % number, 1)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def resident_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def children(pid):
    """The server's child processes: its drawing process, replaced every 200 drawings. Each
    thread lists the children it started, so every thread is asked."""
    found = []
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/children" % (pid, task)) as listing:
                found += [int(child) for child in listing.read().split()]
        except FileNotFoundError:
            pass
    return found


def generated_map(count):
    lines = ["aim thesis: The thesis the generated statements argue about", ""]
    for number in range(1, count):
        parent = "thesis" if number < 10 else "c%d" % (number // 10)
        sign = "+" if number % 3 else "-"
        lines += ["claim c%d: Generated claim number %d about the thesis" % (number, number),
                  "  %s %s: reason %d" % (sign, parent, number), ""]
    return "\n".join(lines)


def latency(port, text, marker, edits, label):
    client = Socket(port)
    times = []
    for number in range(edits):
        seconds, _ = edit(client, edited(text, marker, number), number + 1)
        times.append(seconds * 1000)
    print("%-22s edits %5d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms" % (
        label, edits, statistics.median(times), percentile(times, 0.95), max(times)))
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--argmap", default=os.path.join(ROOT, ".build/release/argmap"))
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--large-edits", type=int, default=100)
    parser.add_argument("--memory-edits", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=20)
    options = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="argmap-serve-bench-")
    stalin = open(os.path.join(ROOT, "Graphs/stalin-foreign-policy.argmap"), encoding="utf-8").read()
    weimar = open(os.path.join(ROOT, "Graphs/weimar-collapse.argmap"), encoding="utf-8").read()
    large = generated_map(500)
    for name, text in [("stalin.argmap", stalin), ("large.argmap", large), ("weimar.argmap", weimar)]:
        with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
            file.write(text)
    server = subprocess.Popen([options.argmap, "serve", folder, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        address = server.stdout.readline().strip().split()[-1]
        port = int(address.rstrip("/").rsplit(":", 1)[1])
        print("argmap serve at %s (pid %d), %d cores" % (address, server.pid, os.cpu_count()))
        latency(port, stalin, "Political recognition of the USSR", options.edits, "Stalin map (51 nodes)")
        latency(port, large, "Generated claim number 250 ", options.large_edits, "generated, 500 nodes")

        # Memory: a small map edited many times; resident memory sampled as it goes. The
        # drawing process is replaced every 200 drawings, so its figure is the largest seen
        # (sampled every 25 edits) since the sample before.
        client = Socket(port)
        samples, child_peak = [], 0
        for number in range(options.memory_edits):
            edit(client, edited(weimar, "Weimar", number), number + 1)
            if (number + 1) % 25 == 0:
                child_peak = max([child_peak] + [resident_kib(child) for child in children(server.pid)])
            if (number + 1) in (100, 1000, options.memory_edits // 2, options.memory_edits):
                samples.append((number + 1, resident_kib(server.pid), child_peak))
                child_peak = 0
        print("memory (Weimar map)    " + "  ".join(
            "after %d edits %.1f MiB (drawing process at most %.1f MiB)" % (count, kib / 1024, child / 1024)
            for count, kib, child in samples))

        # Concurrent clients, each editing its own text.
        times, errors, lock = [], [], threading.Lock()

        def one_client(index):
            try:
                client = Socket(port)
                for number in range(25):
                    seconds, _ = edit(client, edited(weimar, "Weimar", index * 100 + number), number + 1)
                    with lock:
                        times.append(seconds * 1000)
            except Exception as error:  # noqa: BLE001 - any failure is reported
                with lock:
                    errors.append(repr(error))

        threads = [threading.Thread(target=one_client, args=(index,)) for index in range(options.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print("%d clients x 25 edits  p50 %7.1f ms  p95 %7.1f ms  errors %d  wall %.1f s" % (
            options.clients, statistics.median(times), percentile(times, 0.95), len(errors),
            time.perf_counter() - started))
        if errors:
            print("errors:", errors[:3])
            return 1
        return 0
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
