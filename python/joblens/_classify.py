"""``classify``: postings through the bundled binary into DataFrames, streamed in chunks."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

import pandas as pd

from ._binary import JobLensError, command, error_from
from ._schema import TABLES, columns, dtypes
from ._tables import TableBuilder, empty

PathLike = Union[str, "os.PathLike[str]"]
#: What ``classify`` reads: a path (file or folder; JSONL, CSV/TSV, gzip or not), several paths,
#: a pandas DataFrame, or an iterable of mappings (dicts) with the posting fields.
Data = Union[PathLike, Sequence[PathLike], pd.DataFrame, Iterable[Mapping[str, Any]]]


@dataclass
class Analyses:
    """The tables of a classify run, as DataFrames keyed by ``ordinal`` (the posting's position
    in the input, from 1) and ``id``: see :func:`joblens.describe` for every column.

    A record that could not be read or analysed is a row of ``postings`` with its ``error``
    (see :attr:`errors`), not an exception.
    """

    #: One row per input record, in input order.
    postings: pd.DataFrame
    #: One row per posting and ESCO skill, best first.
    skills: pd.DataFrame
    #: One row per posting and ranked ESCO occupation.
    occupations: pd.DataFrame
    #: One row per posting and ISCO-08 unit group of its occupation mix.
    mix: pd.DataFrame
    #: One row per evidence span (skill, occupation, mix), with code point offsets.
    evidence: pd.DataFrame
    #: One row per phrase of a posting's text, with its zone (duty, requirement, company…).
    zones: pd.DataFrame
    #: The run manifest: versions, index checksum, options.
    manifest: Dict[str, Any] = field(default_factory=dict)
    #: The run's closing counts: read, analysed, failed, duplicates.
    counts: Dict[str, int] = field(default_factory=dict)
    #: Tables the schema does not describe, by name (from a newer binary).
    extra: Dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def errors(self) -> pd.DataFrame:
        """The records that failed: ``ordinal``, ``id``, ``source``, ``error``."""
        failed = self.postings[self.postings["error"].notna()]
        return failed[["ordinal", "id", "source", "error"]].reset_index(drop=True)

    def tables(self) -> Dict[str, pd.DataFrame]:
        """The tables by name."""
        return {name: getattr(self, name) for name in TABLES} | dict(self.extra)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}: {len(table)} rows" for name, table in self.tables().items())
        return f"<joblens.Analyses {sizes}>"

    @staticmethod
    def concat(parts: Sequence["Analyses"]) -> "Analyses":
        """One result of consecutive chunks."""
        if not parts:
            return Analyses(*(empty(table) for table in TABLES))
        if len(parts) == 1:
            return parts[0]
        tables = [pd.concat([getattr(p, t) for p in parts], ignore_index=True) for t in TABLES]
        counts: Dict[str, int] = {}
        for part in parts:
            for name, value in part.counts.items():
                counts[name] = counts.get(name, 0) + value
        extra_names = {name for part in parts for name in part.extra}
        extra = {
            name: pd.concat([p.extra[name] for p in parts if name in p.extra], ignore_index=True)
            for name in extra_names
        }
        return Analyses(*tables, manifest=parts[0].manifest, counts=counts, extra=extra)

    def write_jsonl(self, path: PathLike) -> None:
        """Writes the analyses back as ``joblens classify`` JSONL (manifest line first), with
        what ``joblens coverage`` reads: codes, skills with their first evidence text, the mix
        with its phrases, near-duplicate marks. (Not the full analyses: for those, keep the
        command line's output.)"""
        skills = _grouped(self.skills)
        mix = _grouped(self.mix)
        phrases = _grouped(self.evidence[self.evidence["kind"] == "mix"])
        with open(path, "w", encoding="utf-8") as out:
            out.write(json.dumps({"manifest": self.manifest}, ensure_ascii=False) + "\n")
            for row in self.postings.itertuples(index=False):
                ordinal = int(row.ordinal)
                if not pd.isna(row.error):
                    record: Dict[str, Any] = {
                        "id": _value(row.id), "error": row.error, "source": _value(row.source)}
                else:
                    record = _coverage_record(row, skills.get(ordinal), mix.get(ordinal),
                                              phrases.get(ordinal))
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


def classify(
    data: Data,
    *,
    id: str = "id",
    title: str = "title",
    text: str = "text",
    jobs: Optional[int] = None,
    index: Optional[PathLike] = None,
    text_html: str = "auto",
    lean: bool = False,
    dedup: bool = False,
    skill_threshold: Optional[float] = None,
    occupations: Optional[int] = None,
    input_format: Optional[str] = None,
    chunk_size: int = 10_000,
    binary: Optional[str] = None,
) -> Analyses:
    """Analyses postings: ESCO skills with evidence, ranked occupations, the ISCO-08 code with
    back-off, the occupation mix.

    ``data`` is a path (a JSONL, CSV or TSV file, gzip-compressed or not, or a folder of posting
    files), a list of paths, a pandas DataFrame or an iterable of dicts; ``id``, ``title`` and
    ``text`` name its fields (a missing text field falls back to ``description``, ``body``,
    ``content``). Postings stream through the bundled ``joblens`` binary (as JSON Lines on its
    standard input, or read from the path by the binary) in input order; its tables come back
    as CSV blocks (``--format tables``) that become DataFrames every ``chunk_size`` postings
    (rounded up to the binary's batches of 64), so the raw output is never held whole. The
    codes are the command line's (same binary, same options).

    ``text_html``: ``auto`` reads a title or text field with HTML tags as HTML (``yes``:
    always; ``no``: never). ``lean`` leaves out evidence texts, phrase lists and derived texts.
    ``jobs`` is the number of threads (default: all cores), ``index`` the index file (default:
    ``$JOBLENS_INDEX``, then ``~/.local/share/joblens/esco.jlidx``; see :func:`build_index`).

    Returns :class:`Analyses`; a record that cannot be read or analysed is a ``postings`` row
    with its ``error``. Raises :class:`JobLensError` when the run cannot start or stops (no
    index, a missing file, bad options).
    """
    return Analyses.concat(list(classify_chunks(
        data, id=id, title=title, text=text, jobs=jobs, index=index, text_html=text_html,
        lean=lean, dedup=dedup, skill_threshold=skill_threshold, occupations=occupations,
        input_format=input_format, chunk_size=chunk_size, binary=binary)))


def classify_chunks(
    data: Data,
    *,
    id: str = "id",
    title: str = "title",
    text: str = "text",
    jobs: Optional[int] = None,
    index: Optional[PathLike] = None,
    text_html: str = "auto",
    lean: bool = False,
    dedup: bool = False,
    skill_threshold: Optional[float] = None,
    occupations: Optional[int] = None,
    input_format: Optional[str] = None,
    chunk_size: int = 10_000,
    binary: Optional[str] = None,
) -> Iterator[Analyses]:
    """Like :func:`classify`, but yields an :class:`Analyses` per ``chunk_size`` postings
    (rounded up to a multiple of 64) as they come, ordinals running on across chunks, so that a
    corpus of any size can be written away chunk by chunk (to Parquet, a database) in constant
    memory. The last chunk carries the run's ``counts``."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    paths = _paths(data)
    arguments = ["classify", "--format", "tables", "--text-html", text_html]
    if paths is not None:
        arguments += ["--id-field", id, "--title-field", title, "--text-field", text]
        if input_format:
            arguments += ["--input-format", input_format]
        arguments += ["--", *paths]
        feed = None
    else:
        arguments += ["-"]
        feed = _rows(data, id, title, text)
    options: List[str] = []
    if jobs is not None:
        options += ["--jobs", str(jobs)]
    if index is not None:
        options += ["--index", os.fspath(index)]
    if lean:
        options.append("--lean")
    if dedup:
        options.append("--dedup")
    if skill_threshold is not None:
        options += ["--skill-threshold", str(skill_threshold)]
    if occupations is not None:
        options += ["--occupations", str(occupations)]
    split = arguments.index("--") if "--" in arguments else arguments.index("-")
    arguments = arguments[:split] + options + arguments[split:]
    yield from _stream(arguments, feed, chunk_size, binary)


def read_output(path: PathLike) -> Analyses:
    """The tables of a ``joblens classify`` JSONL output already written (gzip or not, with its
    manifest line or without)."""
    import gzip

    opener = gzip.open if _is_gzip(path) else open
    builder = TableBuilder()
    manifest: Dict[str, Any] = {}
    with opener(path, "rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            if not manifest and line.startswith(b'{"manifest":'):
                manifest = json.loads(line)["manifest"]
                continue
            builder.add_line(line)
    frames = builder.frames()
    return Analyses(*(frames.pop(t) for t in TABLES), manifest=manifest, extra=frames)


# MARK: - Running the binary


def _stream(
    arguments: List[str], feed: Optional[Iterator[bytes]], chunk_size: int,
    binary: Optional[str],
) -> Iterator[Analyses]:
    """Runs ``joblens classify --format tables`` and yields a chunk of tables per
    ``chunk_size`` postings: the binary writes, per batch of records, one block per table
    (``@TABLE ROWS BYTES`` and the CSV rows), which pandas' CSV reader parses in C."""
    process = subprocess.Popen(
        command(arguments, binary),
        stdin=subprocess.PIPE if feed is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=1 << 20)
    errors: List[bytes] = []
    threads = [threading.Thread(target=_drain, args=(process.stderr, errors), daemon=True)]
    if feed is not None:
        threads.append(threading.Thread(target=_write, args=(process.stdin, feed), daemon=True))
    for thread in threads:
        thread.start()
    manifest: Dict[str, Any] = {}
    names: Dict[str, List[str]] = {}
    blocks: Dict[str, List[bytes]] = {table: [] for table in TABLES}
    last = TABLES[-1]  # the table whose block ends a batch
    records = 0
    chunks = 0
    finished = False
    try:
        stdout = process.stdout
        while True:
            header = stdout.readline()
            if not header:
                break
            name, rows, size = _block_header(header)
            data = stdout.read(size)
            if name == "manifest":
                manifest = json.loads(data)
                continue
            if name == "columns":
                for row in csv.reader(io.StringIO(data.decode("utf-8"))):
                    names[row[0]] = row[1:]
                last = list(names)[-1]
                continue
            blocks.setdefault(name, []).append(data)
            if name == "postings":
                records += rows
            elif name == last and records >= chunk_size:
                yield _chunk(blocks, names, manifest, {})
                chunks += 1
                blocks = {table: [] for table in blocks}
                records = 0
        finished = True
    finally:
        if not finished and process.poll() is None:
            process.kill()  # the caller stopped reading, or the stream was broken
        status = process.wait()
        for thread in threads:
            thread.join()
    if status not in (0, 3):
        raise error_from(b"".join(errors), status)
    if records or not chunks:
        yield _chunk(blocks, names, manifest, _counts(b"".join(errors)))


def _block_header(line: bytes):
    """``@TABLE ROWS BYTES``."""
    try:
        marker, rows, size = line.decode("ascii").split()
        if not marker.startswith("@"):
            raise ValueError(line)
        return marker[1:], int(rows), int(size)
    except ValueError:
        raise JobLensError(f"unexpected output from joblens: {line[:80]!r}", 1) from None


def _chunk(blocks: Dict[str, List[bytes]], names: Dict[str, List[str]],
           manifest: Dict[str, Any], counts: Dict[str, int]) -> Analyses:
    tables = [_read_csv(table, b"".join(blocks.get(table, ())), names.get(table))
              for table in TABLES]
    # Tables the schema does not know (from a newer binary).
    extra = {table: _read_csv(table, b"".join(parts), names.get(table))
             for table, parts in blocks.items() if table not in TABLES}
    return Analyses(*tables, manifest=manifest, counts=counts, extra=extra)


def _read_csv(table: str, data: bytes, names: Optional[List[str]] = None) -> pd.DataFrame:
    """A table's CSV rows (no header) as a DataFrame with the schema's dtypes; ``names`` are
    the columns the binary named (the schema's, unless the binary has more)."""
    known = table in TABLES
    names = names or (columns(table) if known else None)
    types = {name: kind for name, kind in dtypes(table).items() if name in names} if known else {}
    if not data:
        return empty(table) if known and names == columns(table) else pd.DataFrame(
            {name: pd.Series(dtype=types.get(name, "object")) for name in names or ()})
    return pd.read_csv(
        io.BytesIO(data), header=None, names=names, dtype=types,
        keep_default_na=False, na_values=[""], **_PRECISE)


#: Numbers parsed as Python parses them (pandas 3 does by default and deprecates the option).
_PRECISE = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}


def _drain(stream, into: List[bytes]) -> None:
    """Reads standard error to its end (so that the binary never blocks on it)."""
    for line in stream:
        into.append(line)


def _write(stream, feed: Iterator[bytes]) -> None:
    """Writes the postings to the binary's standard input, then closes it."""
    try:
        for piece in feed:
            stream.write(piece)
    except BrokenPipeError:
        pass  # the binary stopped; its error says why
    finally:
        try:
            stream.close()
        except BrokenPipeError:
            pass


_COUNTS = re.compile(rb"^read (\d+)(?:, skipped \d+ \(already written\))?, analysed (\d+), "
                     rb"failed (\d+), duplicates (\d+)", re.M)


def _counts(stderr: bytes) -> Dict[str, int]:
    found = _COUNTS.findall(stderr)
    if not found:
        return {}
    read, analysed, failed, duplicates = (int(value) for value in found[-1])
    return {"read": read, "analysed": analysed, "failed": failed, "duplicates": duplicates}


# MARK: - Inputs


def _paths(data: Data) -> Optional[List[str]]:
    """The paths ``data`` names, or None when it holds postings."""
    if isinstance(data, (str, os.PathLike)):
        return [_existing(data)]
    if isinstance(data, (list, tuple)) and data and all(
            isinstance(item, (str, os.PathLike)) for item in data):
        return [_existing(item) for item in data]
    return None


def _existing(path: PathLike) -> str:
    name = os.fspath(path)
    if name != "-" and not os.path.exists(name):
        raise FileNotFoundError(f"no such file or folder: {name!r}")
    return name


def _rows(data: Data, id: str, title: str, text: str) -> Iterator[bytes]:
    """The postings of a DataFrame or of mappings as JSONL, in pieces of about 1 MB."""
    if isinstance(data, pd.DataFrame):
        ids = data[id].tolist() if id in data.columns else [str(i) for i in data.index]
        titles = data[title].tolist() if title in data.columns else [None] * len(data)
        texts = _column(data, text)
        records: Iterable[tuple] = zip(ids, titles, texts)
    else:
        def pick(row: Mapping[str, Any]):
            body = row.get(text)
            if body is None:
                body = next((row[name] for name in ("description", "body", "content")
                             if row.get(name) is not None), None)
            return row.get(id), row.get(title), body
        records = (pick(row) for row in data)
    buffer: List[str] = []
    size = 0
    dumps = json.dumps
    for number, (key, heading, body) in enumerate(records, 1):
        line = dumps({"id": _text(key) or str(number), "title": _text(heading),
                      "text": _text(body)}, ensure_ascii=False) + "\n"
        buffer.append(line)
        size += len(line)
        if size >= 1 << 20:
            yield "".join(buffer).encode("utf-8")
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode("utf-8")


def _column(data: pd.DataFrame, name: str) -> List[Any]:
    """A DataFrame's text column, falling back as the command line does."""
    for candidate in (name, "description", "body", "content"):
        if candidate in data.columns:
            return data[candidate].tolist()
    return [None] * len(data)


def _text(value: Any) -> Optional[str]:
    """A field's value as text; missing values (None, NaN, NA) as None."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


def _is_gzip(path: PathLike) -> bool:
    with open(path, "rb") as file:
        return file.read(2) == b"\x1f\x8b"


# MARK: - Writing analyses back


def _grouped(table: pd.DataFrame) -> Dict[int, pd.DataFrame]:
    return {int(ordinal): rows for ordinal, rows in table.groupby("ordinal", sort=False)}


def _value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _coverage_record(row, skills, mix, phrases) -> Dict[str, Any]:
    record: Dict[str, Any] = {"id": _value(row.id), "title": _value(row.title),
                              "coded_title": _value(row.coded_title),
                              "isco": {"code": _value(row.isco_code),
                                       "level": _value(row.isco_level)}}
    if _value(row.duplicate_of) is not None:
        # Coverage counts a near-duplicate once, with the posting it repeats.
        record["duplicate"] = {"of": _value(row.duplicate_of)}
    record["skills"] = [] if skills is None else [
        {"uri": s.uri, "label": s.label, "skill_group": s.skill_group,
         "skill_group_label": s.skill_group_label,
         "evidence": [] if pd.isna(s.evidence) else [{"text": s.evidence}]}
        for s in skills.itertuples(index=False)]
    texts: Dict[str, List[Dict[str, str]]] = {}
    if phrases is not None:
        for p in phrases.itertuples(index=False):
            if not pd.isna(p.text):
                texts.setdefault(p.code, []).append({"text": p.text})
    record["mix"] = {"shares": [] if mix is None else [
        {"isco": m.isco, "label": m.label, "share": float(m.share),
         "phrases": texts.get(m.isco, [])} for m in mix.itertuples(index=False)]}
    return record
