"""Times commands in interleaved rounds: each round runs every command once, in a new random
order, so a shared machine's slow moments fall on all of them alike. Prints each command's median
and quartiles and the ratio of the first command's median to each one's.

    python3 Benchmarks/interleave.py [--warmup=N] ROUNDS NAME=COMMAND...

A COMMAND is split as a shell would. Each command first runs N times (3 unless given) unmeasured,
to warm the page cache.
"""
import random
import shlex
import statistics
import subprocess
import sys
import time


def main() -> None:
    arguments = sys.argv[1:]
    warmup = 3
    if arguments and arguments[0].startswith("--warmup="):
        warmup = int(arguments.pop(0).split("=", 1)[1])
    rounds = int(arguments[0])
    commands = {
        name: shlex.split(command)
        for name, command in (argument.split("=", 1) for argument in arguments[1:])
    }
    times = {name: [] for name in commands}
    for name, command in commands.items():  # warm the page cache
        for _ in range(warmup):
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    order = list(commands)
    for _ in range(rounds):
        random.shuffle(order)
        for name in order:
            start = time.perf_counter()
            subprocess.run(commands[name], check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    first = statistics.median(times[next(iter(commands))])
    for name, samples in times.items():
        quartiles = statistics.quantiles(samples, n=4)
        median = statistics.median(samples)
        print(f"  {name}: median {median * 1000:.1f} ms (quartiles {quartiles[0] * 1000:.1f}"
              f"-{quartiles[2] * 1000:.1f}), {next(iter(commands))} / {name} = {first / median:.2f}")


main()
