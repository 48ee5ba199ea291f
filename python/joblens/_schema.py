"""The tables' schema: columns, types and meanings, as ``tables.json`` documents them.

The same file is the reference of the command line's CSV and SQLite writers (a Swift test holds
them together), so the DataFrames built here have exactly the command line's columns.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Dict, List

#: The tables of a classify run, in order (``analyses`` is the JSONL record they come from).
TABLES = ("postings", "skills", "occupations", "mix", "evidence", "zones")

#: pandas dtypes of the schema's column types; integers and Booleans are nullable.
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


@functools.lru_cache(maxsize=None)
def schema() -> Dict[str, Any]:
    """The schema: ``{"version", "about", "tables": {name: {"about", "columns": [...]}}}``."""
    with open(Path(__file__).with_name("tables.json"), encoding="utf-8") as file:
        return json.load(file)


def columns(table: str) -> List[str]:
    """The column names of ``table`` (``postings``, ``skills``, ``occupations``, ``mix``,
    ``evidence``, ``zones`` or ``analyses``), in order."""
    return [column["name"] for column in _table(table)["columns"]]


def types(table: str) -> Dict[str, str]:
    """Column name → schema type (``string``, ``integer``, ``number``, ``boolean``, ``object``)."""
    return {column["name"]: column["type"] for column in _table(table)["columns"]}


def dtypes(table: str) -> Dict[str, str]:
    """The pandas dtypes of a table's columns, for reading the command line's CSV tables or JSONL
    with plain pandas: ``pandas.read_csv("skills.csv", dtype=joblens.dtypes("skills"))`` keeps
    codes as strings (``"0110"`` stays ``"0110"``) and ranks as integers. Nested JSON columns of
    ``analyses`` are left out (pandas keeps them as objects)."""
    return {
        name: PANDAS_DTYPES[kind] for name, kind in types(table).items() if kind in PANDAS_DTYPES
    }


def describe(table: str) -> str:
    """A table's meaning and its columns' meanings, as text."""
    entry = _table(table)
    lines = [f"{table}: {entry['about']}"]
    lines += [f"  {c['name']} ({c['type']}): {c['about']}" for c in entry["columns"]]
    return "\n".join(lines)


def _table(table: str) -> Dict[str, Any]:
    tables = schema()["tables"]
    if table not in tables:
        raise KeyError(f"no table {table!r}; the tables are {', '.join(tables)}")
    return tables[table]
