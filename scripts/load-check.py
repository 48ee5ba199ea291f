#!/usr/bin/env python3
"""Load check of `joblens serve` (not a unit test): N concurrent clients post batches of postings
to /api/classify on 127.0.0.1 for a bounded time, then it reports requests/s, postings/s,
p50/p99 latency and the server's memory, and checks that nothing was lost (every posting sent
came back, in order, analysed or as an error record).

    scripts/load-check.py [--clients 8] [--seconds 20] [--batch 10] [--corpus FILE]

Starts its own server (.build/release/joblens serve --port 0) and stops it; standard library
only. Exit status 1 when a posting was lost or a request failed.
"""
import argparse
import http.client
import json
import pathlib
import re
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def memory_kb(pid, field):
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--batch", type=int, default=10, help="postings per request")
    parser.add_argument("--corpus", default=None,
                        help="JSONL postings (default ../shared/corpus_dev.jsonl, else our samples)")
    parser.add_argument("--joblens", default=str(ROOT / ".build/release/joblens"))
    arguments = parser.parse_args()
    if not (1 <= arguments.clients <= 256 and 0 < arguments.seconds <= 600 and 1 <= arguments.batch <= 1000):
        parser.error("clients 1…256, seconds up to 600, batch 1…1000")

    corpus = pathlib.Path(arguments.corpus) if arguments.corpus else ROOT.parent / "shared/corpus_dev.jsonl"
    if not corpus.exists():
        corpus = ROOT / "Data/samples/va-postings.jsonl"
    postings = []
    for line in corpus.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            postings.append({"id": str(record.get("id", len(postings))), "title": record.get("title", ""),
                             "text": record.get("text") or record.get("description") or ""})
    # A few hostile or malformed entries, which must come back as error records or analyses.
    postings[3:3] = [{"id": "bad-1", "title": 5}, {"id": "xss", "title": "<script>alert(1)</script>", "text": "x"}]

    server = subprocess.Popen(
        [arguments.joblens, "serve", "--port", "0", "--index", str(ROOT / "Data/index/esco.jlidx")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        sys.exit("load-check: the server did not start: " + line + server.stderr.read())
    port = int(match.group(1))
    idle_kb = memory_kb(server.pid, "VmRSS")

    latencies, lock = [], threading.Lock()
    counts = {"requests": 0, "postings": 0, "analysed": 0, "errors": 0, "lost": 0, "failed": 0}
    deadline = time.monotonic() + arguments.seconds
    peak = [idle_kb]

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        position = number * arguments.batch
        while time.monotonic() < deadline:
            batch = [postings[(position + k) % len(postings)] for k in range(arguments.batch)]
            position += arguments.batch * arguments.clients
            body = json.dumps(batch)
            started = time.monotonic()
            try:
                connection.request("POST", "/api/classify", body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    counts["failed"] += 1
                continue
            elapsed = time.monotonic() - started
            results = json.loads(payload) if response.status == 200 else None
            with lock:
                latencies.append(elapsed)
                counts["requests"] += 1
                counts["postings"] += len(batch)
                if results is None or len(results) != len(batch):
                    counts["failed"] += 1
                    counts["lost"] += len(batch) - (len(results) if results else 0)
                    continue
                for sent, result in zip(batch, results):
                    if result.get("id") != sent.get("id") and "error" not in result:
                        counts["lost"] += 1
                    elif "error" in result:
                        counts["errors"] += 1
                    else:
                        counts["analysed"] += 1

    def watch():
        while time.monotonic() < deadline + 1:
            peak[0] = max(peak[0], memory_kb(server.pid, "VmRSS"))
            time.sleep(0.2)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(arguments.clients)]
    watcher = threading.Thread(target=watch)
    began = time.monotonic()
    watcher.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    watcher.join()
    hwm = memory_kb(server.pid, "VmHWM")
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

    latencies.sort()
    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
    print(f"load check: {arguments.clients} clients × batches of {arguments.batch} postings for "
          f"{wall:.1f} s against {corpus.name} ({len(postings)} postings)")
    print(f"requests: {counts['requests']} ({counts['requests'] / wall:.1f}/s), postings "
          f"{counts['postings']} ({counts['postings'] / wall:.1f}/s): analysed {counts['analysed']}, "
          f"error records {counts['errors']}, lost {counts['lost']}, failed requests {counts['failed']}")
    print(f"latency per request: p50 {percentile(0.5):.0f} ms, p99 {percentile(0.99):.0f} ms, "
          f"max {percentile(1):.0f} ms")
    print(f"server memory: {idle_kb / 1024:.0f} MB resident at start, peak {max(peak[0], hwm) / 1024:.0f} MB")
    return 1 if counts["lost"] or counts["failed"] or not counts["requests"] else 0


if __name__ == "__main__":
    sys.exit(main())
