"""JobLens on Spark: ``classify`` a Spark DataFrame of postings into Spark DataFrames with the
same tables and columns as :func:`joblens.classify` (``postings``, ``skills``,
``occupations``, ``mix``, ``evidence``).

Each partition goes through one ``joblens`` process on its executor (``mapInPandas``): the
postings stream in as JSON Lines, the analyses stream out, one per posting, in order. The
analyses are kept (persisted) once, and every table is read from them, so the binary runs once
per posting however many tables are used.

On a cluster, every executor needs the ``joblens`` wheel installed (for example a virtual
environment shipped with ``--archives``) and the index file: ship it with
``spark-submit --files /path/to/esco.jlidx`` (or ``spark.sparkContext.addFile``) and pass
``index="esco.jlidx"``; a relative index path that does not exist on an executor is looked up
with ``SparkFiles``. See docs/Python.md.

pyspark (with pyarrow) is imported when a function here is called, not with ``joblens``.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

import pandas as pd

from ._binary import command, error_from
from ._schema import TABLES, types
from ._tables import TableBuilder

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame

#: Spark types of the schema's column types.
_SPARK_TYPES = {"string": "string", "integer": "bigint", "number": "double", "boolean": "boolean"}


def schema(table: str) -> str:
    """The Spark schema (DDL) of a table, from ``tables.json``."""
    return ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in types(table).items())


class SparkAnalyses:
    """The tables of a Spark classify run, as Spark DataFrames keyed by ``ordinal`` (the
    posting's position in the input DataFrame, from 1) and ``id``."""

    def __init__(self, raw: "DataFrame"):
        #: The analyses: one row per posting, ``ordinal`` and the JSON ``line`` (row 0 of each
        #: partition holds the run manifest); persisted.
        self.raw = raw
        analyses = raw.where("ordinal > 0")
        for table in TABLES:
            setattr(self, table, analyses.mapInPandas(_table_rows(table), schema(table)))
        self._manifest: Optional[Dict[str, Any]] = None

    #: One row per posting (failed ones with their ``error``).
    postings: "DataFrame"
    #: One row per posting and skill.
    skills: "DataFrame"
    #: One row per posting and ranked occupation.
    occupations: "DataFrame"
    #: One row per posting and unit group of its occupation mix.
    mix: "DataFrame"
    #: One row per evidence span.
    evidence: "DataFrame"
    #: One row per phrase, with its zone.
    zones: "DataFrame"

    @property
    def manifest(self) -> Dict[str, Any]:
        """The run manifest (as one executor's binary wrote it)."""
        if self._manifest is None:
            first = self.raw.where("ordinal = 0").limit(1).collect()
            self._manifest = json.loads(first[0]["line"]) if first else {}
        return self._manifest

    def tables(self) -> Dict[str, "DataFrame"]:
        """The tables by name."""
        return {table: getattr(self, table) for table in TABLES}

    def unpersist(self) -> None:
        """Releases the persisted analyses."""
        self.raw.unpersist()


def classify(
    postings: "DataFrame",
    *,
    id: str = "id",
    title: str = "title",
    text: str = "text",
    index: Optional[str] = None,
    jobs: int = 1,
    text_html: str = "auto",
    lean: bool = False,
    skill_threshold: Optional[float] = None,
    occupations: Optional[int] = None,
    binary: Optional[str] = None,
) -> SparkAnalyses:
    """Analyses a Spark DataFrame of postings (columns ``id``, ``title``, ``text`` as named;
    the text falls back to ``description``, ``body``, ``content``) on the executors.

    ``jobs`` is the number of threads of each executor's binary (1: Spark's tasks already use
    the cores). Ordinals follow the DataFrame's order (``zipWithIndex``, one pass to count the
    partitions). Returns :class:`SparkAnalyses`, whose tables are lazy Spark DataFrames over
    persisted analyses.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    columns = postings.columns
    body = next((name for name in (text, "description", "body", "content") if name in columns),
                None)
    selected = postings.select(
        (F.col(id) if id in columns else F.lit(None)).cast("string").alias("id"),
        (F.col(title) if title in columns else F.lit(None)).cast("string").alias("title"),
        (F.col(body) if body else F.lit(None)).cast("string").alias("text"),
    )
    numbered = selected.rdd.zipWithIndex().map(
        lambda pair: (pair[1] + 1, pair[0][0], pair[0][1], pair[0][2]))
    indexed = numbered.toDF("ordinal long, id string, title string, text string")

    arguments = ["classify", "-", "--quiet", "--jobs", str(jobs), "--text-html", text_html]
    if lean:
        arguments.append("--lean")
    if skill_threshold is not None:
        arguments += ["--skill-threshold", str(skill_threshold)]
    if occupations is not None:
        arguments += ["--occupations", str(occupations)]
    raw = indexed.mapInPandas(_analyse(arguments, index, binary), "ordinal long, line string")
    raw = raw.persist(StorageLevel.MEMORY_AND_DISK)
    return SparkAnalyses(raw)


def _analyse(arguments: List[str], index: Optional[str], binary: Optional[str]):
    """The function each partition runs: its postings through one ``joblens`` process."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return
        ordinals: List[int] = []

        def feed() -> Iterator[bytes]:
            for batch in _chain(first, batches):
                ordinals.extend(int(n) for n in batch["ordinal"].tolist())
                lines = []
                for key, heading, body in zip(batch["id"].tolist(), batch["title"].tolist(),
                                              batch["text"].tolist()):
                    lines.append(json.dumps(
                        {"id": key, "title": heading, "text": body}, ensure_ascii=False))
                yield ("\n".join(lines) + "\n").encode("utf-8")

        with tempfile.TemporaryDirectory(prefix="joblens-") as folder:
            manifest = os.path.join(folder, "manifest.json")
            options = ["--manifest", manifest]
            if index is not None:
                options += ["--index", _executor_path(index)]
            process = subprocess.Popen(
                command(arguments[:2] + options + arguments[2:], binary), stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1 << 20)
            errors: List[bytes] = []
            threads = [threading.Thread(target=_drain, args=(process.stderr, errors)),
                       threading.Thread(target=_write, args=(process.stdin, feed()))]
            for thread in threads:
                thread.start()
            out_ordinals: List[int] = []
            out_lines: List[str] = []
            count = 0
            for line in process.stdout:
                # One output line per input record, in order: the i-th line is the i-th posting.
                while len(ordinals) <= count:
                    threads[1].join(0.001)  # the writer is ahead of the reader in practice
                out_ordinals.append(ordinals[count])
                out_lines.append(line.decode("utf-8").rstrip("\n"))
                count += 1
                if len(out_lines) >= 1000:
                    yield pd.DataFrame({"ordinal": out_ordinals, "line": out_lines})
                    out_ordinals, out_lines = [], []
            status = process.wait()
            for thread in threads:
                thread.join()
            if status not in (0, 3):
                raise error_from(b"".join(errors), status)
            if out_lines:
                yield pd.DataFrame({"ordinal": out_ordinals, "line": out_lines})
            with open(manifest, encoding="utf-8") as file:
                yield pd.DataFrame({"ordinal": [0], "line": [file.read().strip()]})

    return run


def _table_rows(table: str):
    """The function that turns analyses into one table's rows."""

    def rows(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            builder = TableBuilder(tables=[table])
            for ordinal, line in zip(batch["ordinal"].tolist(), batch["line"].tolist()):
                builder.add(json.loads(line), ordinal=int(ordinal))
            yield builder.frames()[table]

    return rows


def _executor_path(index: str) -> str:
    """The index on this executor: as given, else the file shipped with ``--files``."""
    if os.path.exists(index):
        return index
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(os.path.basename(index))
        if os.path.exists(shipped):
            return shipped
    except Exception:  # not on an executor, or no files shipped
        pass
    return index


def _chain(first: pd.DataFrame, rest: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield first
    yield from rest


def _drain(stream, into: List[bytes]) -> None:
    for line in stream:
        into.append(line)


def _write(stream, pieces: Iterator[bytes]) -> None:
    try:
        for piece in pieces:
            stream.write(piece)
    except BrokenPipeError:
        pass
    finally:
        try:
            stream.close()
        except BrokenPipeError:
            pass
