"""Fixtures: the joblens binary, an index, the development corpus and the command line's output
for it, so that every test compares the package with the command line."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("JOBLENS_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus_dev.jsonl"
ESCO = SHARED / "esco" / "v1.1.1"


@pytest.fixture(scope="session")
def binary() -> str:
    """The binary under test: $JOBLENS_BINARY (scripts/test-python.sh sets it), else the wheel's."""
    import joblens

    try:
        return joblens.binary_path()
    except FileNotFoundError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def index(binary, tmp_path_factory) -> str:
    """$JOBLENS_INDEX when it exists, else an index built from ../shared/esco/v1.1.1."""
    given = os.environ.get("JOBLENS_INDEX")
    if given and os.path.exists(given):
        return given
    if not (ESCO / "skills_en.csv").exists():
        pytest.skip(f"needs the ESCO download at {ESCO}")
    path = tmp_path_factory.mktemp("index") / "esco.jlidx"
    subprocess.run([binary, "index", "build", "--esco", str(ESCO), "--out", str(path)],
                   check=True, capture_output=True)
    return str(path)


@pytest.fixture(autouse=True)
def _index_environment(monkeypatch, request):
    """Every test finds the index through $JOBLENS_INDEX, as a user's session would."""
    if "index" in request.fixturenames:
        monkeypatch.setenv("JOBLENS_INDEX", request.getfixturevalue("index"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"needs {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def cli_output(binary, index, corpus, tmp_path_factory) -> Path:
    """`joblens classify corpus_dev.jsonl` as the command line writes it (JSONL)."""
    out = tmp_path_factory.mktemp("cli") / "corpus.jsonl"
    subprocess.run([binary, "classify", str(corpus), "--index", index, "--out", str(out),
                    "--quiet"], check=True)
    return out
