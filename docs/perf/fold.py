#!/usr/bin/env python3
"""Folds JFR execution samples into collapsed stacks ("thread;frame;frame count" lines, the input of
flamegraph.pl, speedscope or https://www.speedscope.app), one .collapsed.gz file per .jfr file, and prints each
process's top frames by self and total samples.

Usage: docs/perf/fold.py FILE.jfr...   (needs `jfr` of a JDK 21+ on the PATH or under /usr/lib/jvm/*25*)
"""
import collections, glob, gzip, os, re, shutil, subprocess, sys

JFR = shutil.which("jfr") or glob.glob("/usr/lib/jvm/*25*/bin/jfr")[0]
FRAME = re.compile(r"^\s+(\S+?)\(.*\)\s+line:")


def samples(path):
    text = subprocess.run([JFR, "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    thread, frames, in_stack = None, [], False
    for line in text.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif "sampledThread = " in line:
            thread = re.sub(r"[-#]?\d+", "N", line.split('"')[1]) if '"' in line else "?"
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
            yield [thread or "?"] + list(reversed(frames))
        elif in_stack:
            m = FRAME.match(line)
            if m:
                frames.append(m.group(1))
            elif line.strip() == "...":
                frames.append("[truncated]")


def main():
    for path in sys.argv[1:]:
        stacks = collections.Counter(";".join(s) for s in samples(path))
        total = sum(stacks.values())
        out = os.path.splitext(path)[0] + ".collapsed.gz"
        with gzip.open(out, "wt") as f:
            for stack, n in sorted(stacks.items()):
                f.write(f"{stack} {n}\n")
        self_count, incl = collections.Counter(), collections.Counter()
        for stack, n in stacks.items():
            frames = stack.split(";")
            self_count[frames[-1]] += n
            for frame in set(frames[1:]):
                incl[frame] += n
        print(f"== {os.path.basename(path)}: {total} samples -> {out}")
        print("  top self:")
        for frame, n in self_count.most_common(15):
            print(f"    {100 * n / total:5.1f}%  {frame}")
        print("  top total (io.newswatch frames):")
        for frame, n in [x for x in incl.most_common() if x[0].startswith("io.newswatch")][:20]:
            print(f"    {100 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
