"""The command line's tables load with plain pandas, with the schema's dtypes."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pandas.testing as pdt

import joblens

ROOT = Path(__file__).resolve().parents[2]
#: pandas 3 parses numbers exactly by default (and deprecates the option).
PRECISE = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}

#: Postings whose ids look like numbers (and one with a leading zero), one failing record.
POSTINGS = [
    {"id": "0110", "title": "Bookkeeper", "text": "Keep the books; prepare invoices."},
    {"id": "42", "title": "Receptionist", "text": "Answer the phone and greet visitors."},
    {"id": "7", "title": 3},
    {"id": "x", "title": "Virtual Assistant", "text": "Manage the calendar. Book travel."},
]


def _input(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in POSTINGS), encoding="utf-8")
    return path


def _dtypes(frame: pd.DataFrame) -> dict:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_every_csv_table_loads_with_read_csv(binary, index, tmp_path):
    source = _input(tmp_path)
    for table in joblens.TABLES:
        out = tmp_path / f"{table}.csv.gz"
        arguments = [binary, "classify", str(source), "--out", str(out), "--quiet",
                     "--manifest", str(tmp_path / "manifest.json")]
        arguments += ["--format", "csv"] if table == "postings" else ["--explode", table]
        assert subprocess.run(arguments).returncode == 3  # one record fails
        frame = pd.read_csv(out, dtype=joblens.dtypes(table))
        assert list(frame.columns) == joblens.columns(table)
        expected = {name: str(pd.Series([], dtype=kind).dtype)
                    for name, kind in joblens.dtypes(table).items()}
        assert _dtypes(frame) == expected, table
        assert frame["id"].isin(["0110", "42", "7", "x"]).all()
        if table == "postings":
            assert frame["id"].tolist() == ["0110", "42", "7", "x"]
            assert frame["error"].notna().tolist() == [False, False, True, False]
            assert frame["isco_code"].dropna().str.fullmatch(r"\d{1,4}").all()
    # Without a dtype map, pandas still gets Booleans and the ranks as integers (item tables
    # have no placeholder rows any more).
    plain = pd.read_csv(tmp_path / "skills.csv.gz")
    assert str(plain["literal"].dtype) == "bool" and str(plain["rank"].dtype) == "int64"


def test_jsonl_loads_with_read_json(binary, index, tmp_path):
    source = _input(tmp_path)
    out = tmp_path / "analyses.jsonl"
    subprocess.run([binary, "classify", str(source), "--out", str(out), "--quiet",
                    "--manifest", str(tmp_path / "m.json")])
    frame = pd.read_json(out, lines=True, dtype=joblens.dtypes("analyses"))
    assert len(frame) == len(POSTINGS)  # no manifest row
    assert frame["id"].tolist() == ["0110", "42", "7", "x"]
    assert str(frame["id"].dtype) == "string"
    assert frame["error"].notna().tolist() == [False, False, True, False]
    codes = [isco["code"] for isco in frame["isco"].dropna()]
    assert all(code is None or isinstance(code, str) for code in codes)


def test_csv_tables_equal_the_packages_tables(binary, index, cli_output, corpus, tmp_path):
    expected = joblens.read_output(cli_output)
    for table in ("skills", "evidence"):
        out = tmp_path / f"{table}.csv"
        subprocess.run([binary, "classify", str(corpus), "--explode", table, "--out", str(out),
                        "--quiet"], check=True)
        frame = pd.read_csv(out, dtype=joblens.dtypes(table), **PRECISE)
        pdt.assert_frame_equal(frame, getattr(expected, table), obj=table)


def test_the_tables_document_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "tables-doc.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_describe_and_dtypes():
    assert joblens.dtypes("postings")["isco_code"] == "string"
    assert joblens.dtypes("skills")["literal"] == "boolean"
    assert "object" not in joblens.dtypes("analyses").values()
    assert "isco_code (string)" in joblens.describe("postings")
