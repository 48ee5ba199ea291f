"""Analyses (``joblens classify`` JSONL records) into the tables of ``tables.json``.

This builds, from each record, the rows the command line's CSV and SQLite writers write for it
(``AnalysisTables`` in the Swift library), column by column, so that a chunk of records becomes
DataFrames without a Python object per row. The local and the Spark paths both use it.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Sequence

import numpy as np
import pandas as pd

from ._schema import TABLES, types

class TableBuilder:
    """Collects the rows of records as tuples, one list per table; :meth:`frames` turns each
    list into columns (``zip(*rows)``, in C) and the columns into a DataFrame."""

    def __init__(self, first_ordinal: int = 1, tables: Sequence[str] = TABLES):
        self.ordinal = first_ordinal - 1
        self.count = 0
        self.tables = tuple(tables)
        self.rows: Dict[str, List[tuple]] = {table: [] for table in TABLES}

    def add_line(self, line: bytes) -> None:
        """Adds one JSONL line (a manifest line is skipped)."""
        record = json.loads(line)
        if "manifest" in record and len(record) == 1:
            return
        self.add(record)

    def add(self, record: Dict[str, Any], ordinal: Optional[int] = None) -> None:
        """Adds one analysis or error record, at ``ordinal`` (default: the next)."""
        self.ordinal = self.ordinal + 1 if ordinal is None else ordinal
        self.count += 1
        n = self.ordinal
        key = record.get("id")
        wanted = self.tables
        if "error" in record and "isco" not in record:
            if "postings" in wanted:
                self.rows["postings"].append(
                    (n, key, record.get("source")) + _FAILURE_GAP + (record.get("error"),))
            return
        if "postings" in wanted:
            self._posting(n, key, record)
        if "skills" in wanted:
            self._skills(n, key, record)
        if "occupations" in wanted:
            self._occupations(n, key, record)
        if "mix" in wanted:
            self._mix(n, key, record)
        if "evidence" in wanted:
            self._evidence(n, key, record)
        if "zones" in wanted:
            self._zones(n, key, record)

    # One method per table; each row is a tuple in the schema's column order.

    def _posting(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        isco = r.get("isco") or {}
        levels = {level.get("level"): level.get("code") for level in isco.get("levels") or ()}
        occupations = r.get("occupations") or ()
        top = occupations[0] if occupations else {}
        mix = r.get("mix") or {}
        duplicate = r.get("duplicate") or {}
        self.rows["postings"].append((
            n, key, r.get("source"), r.get("title"), r.get("coded_title"), isco.get("code"),
            isco.get("level"), isco.get("label"), isco.get("confidence"), isco.get("reason"),
            levels.get(1), levels.get(2), levels.get(3), levels.get(4), top.get("uri"),
            top.get("label"), top.get("isco"), top.get("score"), len(r.get("skills") or ()),
            mix.get("top_share"), mix.get("herfindahl"), r.get("phrase_count"),
            duplicate.get("of"), r.get("text"), None))

    def _skills(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        append = self.rows["skills"].append
        for rank, skill in enumerate(r.get("skills") or (), 1):
            spans = skill.get("evidence")
            span = spans[0] if spans else _EMPTY
            get = skill.get
            append((n, key, rank, get("uri"), get("label"), get("type"), get("skill_group"),
                    get("skill_group_label"), get("score"), get("literal"), get("context"),
                    span.get("field"), span.get("start"), span.get("end"), span.get("text")))

    def _occupations(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        append = self.rows["occupations"].append
        for rank, o in enumerate(r.get("occupations") or (), 1):
            append((n, key, rank, o.get("uri"), o.get("label"), o.get("isco"), o.get("score"),
                    o.get("margin")))

    def _mix(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        append = self.rows["mix"].append
        for rank, share in enumerate((r.get("mix") or _EMPTY).get("shares") or (), 1):
            count = share.get("phrase_count")
            if count is None:
                count = len(share.get("phrases") or ())
            append((n, key, rank, share.get("isco"), share.get("label"), share.get("share"),
                    count))

    def _evidence(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        append = self.rows["evidence"].append
        for skill in r.get("skills") or ():
            code = skill.get("uri")
            for span in skill.get("evidence") or ():
                start, end = span.get("start"), span.get("end")
                append((n, key, "skill", code, span.get("field"), start, end, span.get("text"),
                        span.get("label"), span.get("phrase_start", start),
                        span.get("phrase_end", end)))
        for occupation in r.get("occupations") or ():
            code = occupation.get("uri")
            for support in occupation.get("evidence") or ():
                span = support.get("span")
                if span is not None:
                    start, end = span.get("start"), span.get("end")
                    append((n, key, "occupation", code, span.get("field"), start, end,
                            span.get("text"), span.get("label"), span.get("phrase_start", start),
                            span.get("phrase_end", end)))
        for share in (r.get("mix") or _EMPTY).get("shares") or ():
            code = share.get("isco")
            for span in share.get("phrases") or ():
                start, end = span.get("start"), span.get("end")
                append((n, key, "mix", code, span.get("field"), start, end, span.get("text"),
                        span.get("label"), span.get("phrase_start", start),
                        span.get("phrase_end", end)))

    def _zones(self, n: int, key: Optional[str], r: Dict[str, Any]) -> None:
        append = self.rows["zones"].append
        for place, phrase in enumerate(r.get("zones") or (), 1):
            append((n, key, place, phrase.get("zone"), phrase.get("start"), phrase.get("end"),
                    bool(phrase.get("heading"))))

    def frames(self) -> Dict[str, pd.DataFrame]:
        """The tables as DataFrames with the schema's dtypes."""
        result = {}
        for table in TABLES:
            names = list(types(table))
            rows = self.rows[table]
            values = list(zip(*rows)) if rows else [() for _ in names]
            result[table] = frame(table, dict(zip(names, values)))
        return result


_EMPTY: Dict[str, Any] = {}
#: The postings columns of a failed record between its source and its error.
_FAILURE_GAP = (None,) * (len(types("postings")) - 4)


def frame(table: str, columns: Dict[str, Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame of a table from its columns' values, with the schema's dtypes."""
    data = {}
    for name, kind in types(table).items():
        values = columns[name]
        if not isinstance(values, list):
            values = list(values)
        if kind == "string":
            # An empty text is a missing value, as in the CSV tables.
            if "" in values:
                values = [None if value == "" else value for value in values]
            data[name] = pd.array(values, dtype="string")
        elif kind == "integer":
            data[name] = pd.array(values, dtype="Int64")
        elif kind == "boolean":
            data[name] = pd.array(values, dtype="boolean")
        else:
            data[name] = np.asarray(values, dtype=np.float64)  # None becomes NaN
    return pd.DataFrame(data)


def empty(table: str) -> pd.DataFrame:
    """A table without rows, with its columns and dtypes."""
    return frame(table, {name: [] for name in types(table)})


def tables_of(lines: Iterable[bytes]) -> Dict[str, pd.DataFrame]:
    """The tables of JSONL lines."""
    builder = TableBuilder()
    for line in lines:
        if line.strip():
            builder.add_line(line)
    return builder.frames()
