#!/usr/bin/env python3
"""Writes a folder of lesson notes for the notes benchmark: N notes, two argmap blocks each.

Each block holds a different map of about a dozen statements (an aim, sub-aims, claims, a
counterclaim and dated events), like the maps a teacher puts in a lesson. Deterministic.

    python3 generate.py OUTDIR [NOTES]
"""
import os
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
os.makedirs(out, exist_ok=True)


def diagram(note, block):
    seed = note * 2 + block
    lines = [f"aim aim{seed}: Main aim {seed}: security of the state in lesson {note}"]
    for s in range(2):
        lines.append(f"subaim sub{s}: Sub-aim {s} of diagram {seed}, recognition or strength")
        lines.append(f"  + aim{seed}: sub-aim {s} serves the aim")
    for c in range(3):
        lines.append(f"claim claim{c}: Claim {c} argued in diagram {seed} about the policy")
        lines.append(f"  + sub{c % 2}: because claim {c} bears on it")
    lines.append(f"counterclaim counter: One could argue that diagram {seed} shows a failure")
    lines.append(f"  - aim{seed}: the invasion came anyway")
    for e in range(5):
        year = 1930 + (seed + e) % 11
        lines.append(f"event event{e} ({year}-0{1 + e % 9}-1{e}): Event {e} of diagram {seed} in {year}")
        relation = "-" if e == 4 else "+"
        lines.append(f"  {relation} claim{e % 3}: event {e} is evidence for claim {e % 3}")
    return "\n".join(lines) + "\n"


for note in range(count):
    with open(os.path.join(out, f"lesson-{note:03d}.md"), "w", encoding="utf-8") as f:
        f.write(f"# Lesson {note}\n\nSome notes before the first diagram.\n\n")
        f.write("```argmap\ncaption: The argument\n" + diagram(note, 0) + "```\n\n")
        f.write("Questions for the class, then the timeline.\n\n")
        f.write("```argmap\nview: timeline\n" + diagram(note, 1) + "```\n")
