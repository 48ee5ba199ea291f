"""Finding and running the ``joblens`` binary that the wheel bundles."""
from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path
from typing import List, Optional, Sequence


class JobLensError(RuntimeError):
    """The command line stopped: its one-line message (``joblens: error: …``) and exit status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def binary_path(binary: Optional[str] = None) -> str:
    """The ``joblens`` executable: ``binary``, else ``$JOBLENS_BINARY``, else the one bundled in
    the wheel (``joblens/bin/joblens``)."""
    candidates = [binary, os.environ.get("JOBLENS_BINARY")]
    for candidate in candidates:
        if candidate:
            if not os.path.isfile(candidate):
                raise FileNotFoundError(f"no joblens binary at {candidate!r}")
            return candidate
    bundled = Path(__file__).with_name("bin") / "joblens"
    if bundled.is_file():
        mode = bundled.stat().st_mode
        if not mode & stat.S_IXUSR:  # an installer that dropped the executable bit
            try:
                bundled.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            except OSError:
                pass
        return str(bundled)
    raise FileNotFoundError(
        "this joblens package has no bundled binary (install a wheel built by "
        "scripts/build-wheel.sh, or set JOBLENS_BINARY to a joblens executable)"
    )


def command(arguments: Sequence[str], binary: Optional[str] = None) -> List[str]:
    """The command line for ``arguments``."""
    return [binary_path(binary), *arguments]


def run(
    arguments: Sequence[str],
    *,
    input: Optional[bytes] = None,
    binary: Optional[str] = None,
    ok_statuses: Sequence[int] = (0,),
) -> subprocess.CompletedProcess:
    """Runs ``joblens ARGUMENTS`` to the end; raises :class:`JobLensError` with its error line
    when the exit status is not one of ``ok_statuses``."""
    result = subprocess.run(
        command(arguments, binary), input=input, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    if result.returncode not in ok_statuses:
        raise error_from(result.stderr, result.returncode)
    return result


def error_from(stderr: bytes, status: int) -> JobLensError:
    """The error a failed run reports: its last ``joblens: error:`` line, else its last line."""
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("joblens: error:")]
    message = (errors or lines or [f"joblens exited with status {status}"])[-1]
    return JobLensError(message, status)
