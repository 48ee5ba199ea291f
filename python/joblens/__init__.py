"""JobLens for Python: ESCO skills, ISCO-08 occupations and curriculum coverage of job postings,
as pandas DataFrames.

The wheel bundles the ``joblens`` command-line tool, which does the work; this package streams
postings through it and turns its output into tables (``postings``, ``skills``,
``occupations``, ``mix``, ``evidence``), keyed by ``ordinal`` and ``id``, with the command
line's columns and codes as strings (:func:`describe` says what every column means).

>>> import joblens
>>> joblens.build_index(esco="esco/v1.1.1")          # once; ~/.local/share/joblens/esco.jlidx
>>> result = joblens.classify("postings.jsonl")        # or a DataFrame, or dicts
>>> result.postings[["id", "isco_code", "isco_label"]]

This product uses the ESCO classification of the European Commission.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

import pandas as pd

from ._binary import JobLensError, binary_path, run
from ._classify import Analyses, Data, PathLike, classify, classify_chunks, read_output
from ._schema import TABLES, columns, describe, dtypes, schema

__version__ = "0.2.0"

__all__ = [
    "Analyses", "Coverage", "JobLensError", "TABLES", "binary_path", "build_index", "classify",
    "classify_chunks", "columns", "coverage", "default_curriculum", "describe", "dtypes",
    "read_output", "schema", "skills", "version",
]


def version(binary: Optional[str] = None) -> str:
    """The bundled binary's version line (JobLens, ICU and Snowball versions)."""
    return run(["--version"], binary=binary).stdout.decode("utf-8").strip()


def build_index(
    esco: Optional[PathLike] = None,
    out: Optional[PathLike] = None,
    *,
    esco_version: Optional[str] = None,
    language: Optional[str] = None,
    binary: Optional[str] = None,
) -> str:
    """Builds the index from an ESCO download (a folder of the ESCO CSV files, or the portal's
    zip files) and returns its path: ``out``, else ``$JOBLENS_INDEX``, else the user's data
    directory (``$XDG_DATA_HOME/joblens/esco.jlidx``, ``~/.local/share/joblens/esco.jlidx``),
    where every function looks for it. ``esco`` defaults to ``$JOBLENS_ESCO``. A few seconds."""
    arguments = ["index", "build"]
    if esco is not None:
        arguments += ["--esco", os.fspath(esco)]
    if out is not None:
        arguments += ["--out", os.fspath(out)]
    if esco_version:
        arguments += ["--esco-version", esco_version]
    if language:
        arguments += ["--lang", language]
    result = run(arguments, binary=binary)
    found = re.search(r"^wrote (.+) \(checksum ", result.stderr.decode("utf-8"), re.M)
    if found is None:
        raise JobLensError("index build did not say where it wrote the index", 1)
    return found.group(1)


def skills(
    text: str,
    *,
    index: Optional[PathLike] = None,
    skill_threshold: Optional[float] = None,
    limit: Optional[int] = None,
    binary: Optional[str] = None,
) -> pd.DataFrame:
    """The ESCO skills one text names (a posting body, a task list, a course description), best
    first, with the span of the text behind each: the columns of the ``skills`` table without
    ``ordinal`` and ``id``. Boilerplate (benefits, how to apply) is left out."""
    arguments = ["skills", "-", "--format", "json"]
    if index is not None:
        arguments += ["--index", os.fspath(index)]
    if skill_threshold is not None:
        arguments += ["--skill-threshold", str(skill_threshold)]
    if limit is not None:
        arguments += ["--limit", str(limit)]
    result = run(arguments, input=text.encode("utf-8"), binary=binary)
    from ._tables import TableBuilder

    builder = TableBuilder()
    lines = result.stdout.splitlines()
    found = [json.loads(line) for line in lines[1:] if line.strip()]
    builder.add({"id": "text", "isco": {}, "skills": found, "occupations": [], "mix": {}})
    table = builder.frames()["skills"]
    return table.drop(columns=["ordinal", "id"])


@dataclass
class Coverage:
    """How a curriculum covers what postings demand (``joblens coverage``)."""

    #: The headline figures: postings, failed, demand, skill_coverage, group_coverage,
    #: demanded_weight, undemanded_items, the curriculum and the concentration of the mix.
    summary: Dict[str, Any]
    #: Per curriculum item: the share of postings demanding it, its skills, example phrases.
    items: pd.DataFrame
    #: Per curriculum area.
    areas: pd.DataFrame
    #: Per top-level ESCO skill group: demand and how much of it the curriculum covers.
    groups: pd.DataFrame
    #: The most demanded skills no item covers.
    gaps: pd.DataFrame
    #: The corpus's occupation mix (mean of the postings' mixes).
    mix: pd.DataFrame
    #: The run manifest.
    manifest: Dict[str, Any] = field(default_factory=dict)
    #: The whole JSON report.
    report: Dict[str, Any] = field(default_factory=dict)


def default_curriculum() -> str:
    """The path of the default curriculum: the five-area virtual assistant curriculum for VET
    organisations (``va-vet.yaml``)."""
    here = Path(__file__).parent
    for candidate in (here / "curricula" / "va-vet.yaml",
                      here.parent.parent / "Data" / "curricula" / "va-vet.yaml"):
        if candidate.is_file():
            return str(candidate)
    raise FileNotFoundError("no default curriculum in this installation")


def coverage(
    source: Union[Data, Analyses],
    curriculum: Optional[PathLike] = None,
    *,
    id: str = "id",
    title: str = "title",
    text: str = "text",
    index: Optional[PathLike] = None,
    gaps: Optional[int] = None,
    text_html: str = "auto",
    binary: Optional[str] = None,
) -> Coverage:
    """Measures a curriculum (YAML; default: :func:`default_curriculum`) against postings:
    ``source`` is what :func:`classify` takes (postings are analysed on the way), a
    ``joblens classify`` JSONL output, or :class:`Analyses` (not analysed again; lean analyses
    lack the phrases that item phrases are matched against)."""
    curriculum_path = os.fspath(curriculum) if curriculum is not None else default_curriculum()
    arguments = ["coverage", "--curriculum", curriculum_path, "--format", "json", "--quiet",
                 "--text-html", text_html, "--id-field", id, "--title-field", title,
                 "--text-field", text]
    if index is not None:
        arguments += ["--index", os.fspath(index)]
    if gaps is not None:
        arguments += ["--gaps", str(gaps)]
    with tempfile.TemporaryDirectory(prefix="joblens-") as folder:
        if isinstance(source, Analyses):
            inputs = [os.path.join(folder, "analyses.jsonl")]
            source.write_jsonl(inputs[0])
        elif isinstance(source, (str, os.PathLike)) or (
                isinstance(source, (list, tuple)) and source
                and all(isinstance(item, (str, os.PathLike)) for item in source)):
            items = source if isinstance(source, (list, tuple)) else [source]
            inputs = [os.fspath(item) for item in items]
        else:
            from ._classify import _rows

            inputs = [os.path.join(folder, "postings.jsonl")]
            with open(inputs[0], "wb") as out:
                for piece in _rows(source, id, title, text):
                    out.write(piece)
            arguments[arguments.index("--id-field") + 1] = "id"
            arguments[arguments.index("--title-field") + 1] = "title"
            arguments[arguments.index("--text-field") + 1] = "text"
        result = run(arguments + ["--", *inputs], binary=binary, ok_statuses=(0, 3))
    report = json.loads(result.stdout)
    tables = {name: pd.DataFrame(report.get(name) or []) for name in
              ("items", "areas", "groups", "gaps", "mix")}
    summary = {key: value for key, value in report.items()
               if key not in tables and key != "manifest"}
    return Coverage(summary=summary, manifest=report.get("manifest", {}), report=report,
                    **tables)


from . import spark  # noqa: E402  (imports pyspark only when its functions are called)
