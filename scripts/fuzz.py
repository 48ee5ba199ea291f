#!/usr/bin/env python3
"""Mutation fuzzing of the joblens command line (run through scripts/fuzz.sh).

Mutates real postings (../shared/corpus_dev.jsonl by default) and the default curriculum, and
runs them through the readers and the analyser: classify on JSONL, CSV, TSV, gzip and
directories of .txt/.html/.json files (two jobs), explain, tokenize (tokens and phrases),
skills, and curriculum check. A run fails on

- a crash: a signal, or an exit status the command never gives (classify: 0, 1 or 3);
- a hang: no exit within the per-run timeout;
- a lost record: classify's closing counts where read != analysed + failed, or an output
  whose record count differs from the count read (one output record per input record).

Each failure is saved under the output folder (its input, command and output) and named on
standard error; the exit status is 1 when there was any. The seed is printed so that a run
can be repeated exactly (same seed, same corpus, same joblens).
"""

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

COUNTS = re.compile(r"^read (\d+)(?:, skipped \d+ \(already written\))?, analysed (\d+), "
                    r"failed (\d+), duplicates (\d+)", re.M)

# Bytes and snippets that have broken readers before: control characters and terminal
# escapes, line ends of every kind, byte-order marks, invalid UTF-8, JSON and HTML syntax.
SNIPPETS = [
    b"\x00", b"\x1b[2J", b"\x1b]0;title\x07", b"\r", b"\r\n", b"\n", b"\t", b"\x7f", b"\xc2\x9b",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80", b"\\u0000", b"\\ud800", b"\\udc00\\ud800", b"\\", b'"', b"{", b"}", b"[",
    b"]", b",", b":", b"null", b"true", b"1e400", b"-0", b"9007199254740993",
    b"12345678901234567890", b"<", b">", b"&amp;", b"&#0;", b"&#x110000;", b"<script>",
    b"<!--", b"<![CDATA[", b"</p>", b"<br/>", "\u202e".encode(), "\u0301".encode(),
    "\u0e20\u0e32\u0e29\u0e32".encode(), "C++ C# .NET e-mail@example.com".encode(),
    b"1. ", b"- ", b"\xe2\x80\xa2 ", b"Responsibilities:", b"### ", b"**", b";", b"|",
]


def mutate_bytes(rng, data, rounds):
    """Byte-level mutations of `data`."""
    data = bytearray(data)
    for _ in range(rounds):
        kind = rng.randrange(9)
        position = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip bits
            index = min(position, len(data) - 1)
            data[index] ^= 1 << rng.randrange(8)
        elif kind == 1:  # insert a snippet
            data[position:position] = rng.choice(SNIPPETS)
        elif kind == 2 and data:  # delete a range
            end = min(len(data), position + rng.randrange(1, 64))
            del data[position:end]
        elif kind == 3 and data:  # repeat a range
            end = min(len(data), position + rng.randrange(1, 256))
            data[position:position] = data[position:end] * rng.randrange(1, 20)
        elif kind == 4:  # random bytes
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        elif kind == 5 and data:  # truncate
            del data[position:]
        elif kind == 6:  # a long run of one byte (words, spaces or nothing to split on)
            data[position:position] = bytes([rng.choice(b"a .\n-\xe2")]) * rng.randrange(1, 200_000)
        elif kind == 7 and data:  # swap two ranges
            other = rng.randrange(len(data))
            size = rng.randrange(1, 32)
            first, second = data[position:position + size], data[other:other + size]
            data[position:position + size], data[other:other + size] = second, first
        else:  # replace a byte by a snippet
            index = min(position, max(len(data) - 1, 0))
            data[index:index + 1] = rng.choice(SNIPPETS)
    return bytes(data)


def mutate_record(rng, record):
    """Structure-aware mutations of one posting object."""
    record = dict(record)
    choice = rng.randrange(10)
    odd_values = [None, 0, -1, 1.5, 9007199254740993, 12345678901234567890, True, [], {},
                  [1, [2, [3]]], "", " ", "\u0000", "\x1b[31mred\x1b[0m", "a" * 5000,
                  {"nested": {"deeper": ["x"] * 3}}]
    if choice == 0:
        record["id"] = rng.choice(odd_values)
    elif choice == 1:
        record["title"] = rng.choice(odd_values)
    elif choice == 2:
        record["description"] = rng.choice(odd_values)
    elif choice == 3:
        record.pop(rng.choice(["id", "title", "description"]), None)
    elif choice == 4:  # the text as HTML
        text = str(record.get("description", ""))
        record["description"] = "<html><body><ul><li>" + text.replace(". ", "</li><li>") + \
            "</li></ul></body></html>"
    elif choice == 5:  # text of many short lines, bullets and headings
        text = str(record.get("description", ""))
        record["description"] = "\n".join(
            rng.choice(["- ", "• ", "1. ", "", "### ", "**"]) + part for part in text.split(". "))
    elif choice == 6:  # nesting
        depth = rng.randrange(1, 700)
        record["extra"] = json.loads("[" * depth + "]" * depth) if depth < 500 else None
    elif choice == 7:  # every character of the text doubled by a combining mark
        record["title"] = "".join(c + "\u0301" for c in str(record.get("title", "")))
    elif choice == 8:  # a long text
        record["description"] = str(record.get("description", "")) * rng.randrange(1, 60)
    return record


def jsonl_input(rng, corpus, count):
    """JSONL bytes: mutated records, some lines mutated as bytes, assorted line ends."""
    lines = []
    for _ in range(count):
        record = rng.choice(corpus)
        if rng.random() < 0.5:
            record = mutate_record(rng, record)
        line = json.dumps(record, ensure_ascii=rng.random() < 0.5).encode()
        if rng.random() < 0.3:
            line = mutate_bytes(rng, line, rng.randrange(1, 6))
        lines.append(line)
    end = rng.choice([b"\n", b"\n", b"\n", b"\r\n", b"\r", b"\n\n"])
    data = end.join(lines) + (end if rng.random() < 0.8 else b"")
    if rng.random() < 0.1:
        data = mutate_bytes(rng, data, rng.randrange(1, 4))
    return data


def csv_input(rng, corpus, count, delimiter):
    """CSV or TSV bytes with a header, quoted fields, mutated now and then."""
    def quote(value):
        text = "" if value is None else str(value)
        if rng.random() < 0.7 or any(c in text for c in [delimiter, '"', "\n", "\r"]):
            return '"' + text.replace('"', '""') + '"'
        return text
    rows = [delimiter.join(["id", "title", "description"])]
    for _ in range(count):
        record = rng.choice(corpus)
        if rng.random() < 0.3:
            record = mutate_record(rng, record)
        rows.append(delimiter.join(quote(record.get(k)) for k in ["id", "title", "description"]))
    data = (rng.choice(["\n", "\r\n", "\r"]).join(rows) + "\n").encode()
    if rng.random() < 0.3:
        data = mutate_bytes(rng, data, rng.randrange(1, 6))
    return data


def compress(rng, data):
    """gzip, sometimes with zero padding or garbage after it, or cut short."""
    packed = gzip.compress(data, mtime=0)
    choice = rng.randrange(6)
    if choice == 0:
        packed += bytes(rng.randrange(1, 1024))
    elif choice == 1:
        packed += mutate_bytes(rng, b"garbage", 2)
    elif choice == 2:
        packed = packed[:rng.randrange(1, len(packed) + 1)]
    elif choice == 3:
        packed = mutate_bytes(rng, packed, 1)
    return packed


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        with open(args.corpus, encoding="utf-8") as handle:
            self.corpus = [json.loads(line) for line in handle if line.strip()]
        with open(args.curriculum, "rb") as handle:
            self.curriculum = handle.read()
        self.work = os.path.join(args.out, "work")
        self.failures = 0
        self.runs = 0
        self.records = 0
        os.makedirs(self.work, exist_ok=True)

    def run(self, arguments, stdin=None):
        """Runs joblens; returns (status, stdout, stderr), status None on a timeout."""
        environment = dict(os.environ, JOBLENS_INDEX=self.args.index)
        self.runs += 1
        try:
            done = subprocess.run([self.args.joblens] + arguments, input=stdin,
                                  capture_output=True, timeout=self.args.timeout, env=environment)
        except subprocess.TimeoutExpired as expired:
            return None, expired.stdout or b"", expired.stderr or b""
        return done.returncode, done.stdout, done.stderr

    def fail(self, what, arguments, files, stdout, stderr):
        """Saves a failing case and says so."""
        self.failures += 1
        folder = os.path.join(self.args.out, "failure-%03d" % self.failures)
        os.makedirs(folder, exist_ok=True)
        for path in files:
            target = os.path.join(folder, os.path.basename(path))
            if os.path.isdir(path):
                shutil.copytree(path, target, dirs_exist_ok=True)
            elif os.path.exists(path):
                shutil.copy(path, target)
        with open(os.path.join(folder, "command"), "w") as handle:
            handle.write("joblens " + " ".join(arguments) + "\n")
        with open(os.path.join(folder, "stdout"), "wb") as handle:
            handle.write(stdout[-1_000_000:])
        with open(os.path.join(folder, "stderr"), "wb") as handle:
            handle.write(stderr[-100_000:])
        print("fuzz: FAILED (%s): joblens %s; saved in %s" % (what, " ".join(arguments), folder),
              file=sys.stderr)

    def check(self, arguments, files, status, stdout, stderr, allowed, counted=False):
        """Checks one run: no crash, no hang, and with `counted`, nothing lost."""
        if status is None:
            self.fail("hang: no exit within %d s" % self.args.timeout, arguments, files, stdout,
                      stderr)
            return
        if status < 0 or status >= 128:
            self.fail("crash: %s" % ("signal %d" % -status if status < 0 else "status %d" % status),
                      arguments, files, stdout, stderr)
            return
        if status not in allowed:
            self.fail("unexpected exit status %d" % status, arguments, files, stdout, stderr)
            return
        if not counted or status == 1:
            return
        counts = COUNTS.findall(stderr.decode("utf-8", "replace"))
        if not counts:
            self.fail("no closing counts", arguments, files, stdout, stderr)
            return
        read, analysed, failed, _ = map(int, counts[-1])
        self.records += read
        if read != analysed + failed:
            self.fail("read %d != analysed %d + failed %d" % (read, analysed, failed),
                      arguments, files, stdout, stderr)
            return
        if "--format" not in arguments:
            lines = stdout.splitlines()[1:]  # after the manifest line
            written = len(lines)
            errors = 0
            for line in lines:
                try:
                    errors += "error" in json.loads(line)
                except ValueError:
                    self.fail("output line that is not JSON", arguments, files, stdout, stderr)
                    return
            if written != read:
                self.fail("%d records read, %d written" % (read, written), arguments, files,
                          stdout, stderr)
            elif errors != failed:
                self.fail("%d failed, %d error records" % (failed, errors), arguments, files,
                          stdout, stderr)

    def write(self, name, data):
        path = os.path.join(self.work, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def classify(self, path, extra=()):
        arguments = ["classify", path, "--text-field", "description", "--jobs", "2"] + list(extra)
        status, stdout, stderr = self.run(arguments)
        self.check(arguments, [path], status, stdout, stderr, {0, 3}, counted=True)

    def step(self):
        rng = self.rng
        count = rng.randrange(1, 40)
        target = rng.randrange(10)
        if target <= 2:
            self.classify(self.write("in.jsonl", jsonl_input(rng, self.corpus, count)))
        elif target == 3:
            delimiter = rng.choice([",", ";", "\t"])
            name = "in.tsv" if delimiter == "\t" else "in.csv"
            self.classify(self.write(name, csv_input(rng, self.corpus, count, delimiter)))
        elif target == 4:
            data = jsonl_input(rng, self.corpus, count)
            self.classify(self.write("in.jsonl.gz", compress(rng, data)))
        elif target == 5:
            folder = os.path.join(self.work, "postings")
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            for number in range(min(count, 12)):
                record = rng.choice(self.corpus)
                text = (str(record.get("title", "")) + "\n" + str(record.get("description", ""))
                        ).encode()
                kind = rng.choice(["txt", "html", "json", "jsonl"])
                if kind == "html":
                    text = b"<html><head><title>" + text.replace(b"\n", b"</title></head><body><p>", 1) \
                        + b"</p></body></html>"
                elif kind in ("json", "jsonl"):
                    text = json.dumps(mutate_record(rng, record)).encode()
                data = mutate_bytes(rng, text, rng.randrange(0, 8))
                if rng.random() < 0.2:
                    data, kind = gzip.compress(data, mtime=0), kind + ".gz"
                with open(os.path.join(folder, "p%02d.%s" % (number, kind)), "wb") as handle:
                    handle.write(data)
            self.classify(folder, ["--dedup"] if rng.random() < 0.5 else [])
        elif target == 6:
            path = self.write("one.jsonl", jsonl_input(rng, self.corpus, rng.randrange(1, 3)))
            arguments = ["explain", path, "--text-field", "description"]
            status, stdout, stderr = self.run(arguments)
            self.check(arguments, [path], status, stdout, stderr, {0, 1})
        elif target in (7, 8):
            record = rng.choice(self.corpus)
            text = mutate_bytes(rng, str(record.get("description", "")).encode(),
                                rng.randrange(0, 12))
            path = self.write("text.txt", text)
            arguments = rng.choice([["tokenize", path], ["tokenize", "--phrases", path],
                                    ["tokenize", "--format", "table", path], ["skills", path],
                                    ["skills", "--format", "json", path]])
            status, stdout, stderr = self.run(arguments)
            self.check(arguments, [path], status, stdout, stderr, {0})
        else:
            path = self.write("curriculum.yaml",
                              mutate_bytes(rng, self.curriculum, rng.randrange(1, 12)))
            arguments = ["curriculum", "check", path]
            status, stdout, stderr = self.run(arguments)
            self.check(arguments, [path], status, stdout, stderr, {0, 1})

    def main(self):
        deadline = time.monotonic() + self.args.seconds
        while time.monotonic() < deadline and self.failures < self.args.max_failures:
            self.step()
        print("fuzz: %d runs, %d records classified, %d failures (seed %d, %d s)" % (
            self.runs, self.records, self.failures, self.args.seed, self.args.seconds),
            file=sys.stderr)
        return 1 if self.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seconds", type=int, nargs="?", default=60,
                        help="how long to fuzz (default 60)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: the time)")
    parser.add_argument("--joblens", default=".build/release/joblens")
    parser.add_argument("--index", default=os.environ.get("JOBLENS_INDEX",
                                                          "Data/index/esco.jlidx"))
    parser.add_argument("--corpus", default="../shared/corpus_dev.jsonl")
    parser.add_argument("--curriculum", default="Data/curricula/va-vet.yaml")
    parser.add_argument("--timeout", type=int, default=30,
                        help="seconds one run may take before it counts as a hang (default 30)")
    parser.add_argument("--out", default="out/fuzz", help="where failures are saved")
    parser.add_argument("--max-failures", type=int, default=20,
                        help="stop after this many failures (default 20)")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = int(time.time())
    print("fuzz: seed %d, %d s" % (args.seed, args.seconds), file=sys.stderr)
    return Fuzzer(args).main()


if __name__ == "__main__":
    sys.exit(main())
