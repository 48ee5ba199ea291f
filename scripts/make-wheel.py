#!/usr/bin/env python3
"""Writes the joblens wheel: python/joblens, the release binary, the default curriculum, the
man page and shell completions (when given), with metadata from python/pyproject.toml.

    scripts/make-wheel.py --binary PATH [--out dist] [--share DIR]

The wheel is tagged py3-none-<platform> (the binary is built for this machine: Linux, with the
Swift runtime linked in and ICU, Snowball, zlib and SQLite from the system, see the README's
set-up). Only the standard library is used, so no build backend needs to be downloaded.
"""
import argparse
import base64
import csv
import hashlib
import io
import os
import pathlib
import stat
import sys
import sysconfig
import tomllib
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PYTHON = ROOT / "python"


def record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def metadata(project: dict) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
        f"License: {project['license']['text']}",
        f"Keywords: {','.join(project.get('keywords', []))}",
    ]
    lines += [f"Author: {author['name']}" for author in project.get("authors", [])]
    lines += [f"Classifier: {classifier}" for classifier in project.get("classifiers", [])]
    lines += [f"Requires-Dist: {requirement}" for requirement in project.get("dependencies", [])]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    lines.append("Description-Content-Type: text/markdown")
    readme = (PYTHON / project["readme"]).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + readme


def platform_tag() -> str:
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the joblens release binary")
    parser.add_argument("--out", default="dist", help="the folder for the wheel")
    parser.add_argument("--share", help="a folder with man/man1/joblens.1 and completions/")
    args = parser.parse_args()

    project = tomllib.loads((PYTHON / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"], project["version"]
    dist_info = f"{name}-{version}.dist-info"
    data_dir = f"{name}-{version}.data"
    tag = f"py3-none-{platform_tag()}"
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wheel_path = out / f"{name}-{version}-{tag}.whl"

    files = []  # (archive name, bytes, executable)
    package = PYTHON / "joblens"
    for path in sorted(package.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if path.relative_to(package).parts[0] == "bin":
            continue
        files.append((f"joblens/{path.relative_to(package).as_posix()}", path.read_bytes(), False))
    files.append(("joblens/bin/joblens", pathlib.Path(args.binary).read_bytes(), True))
    curriculum = ROOT / "Data" / "curricula" / "va-vet.yaml"
    files.append(("joblens/curricula/va-vet.yaml", curriculum.read_bytes(), False))
    if args.share:
        share = pathlib.Path(args.share)
        for path in sorted(share.rglob("*")):
            if path.is_file():
                files.append((f"{data_dir}/data/share/{path.relative_to(share).as_posix()}",
                              path.read_bytes(), False))

    files.append((f"{dist_info}/METADATA", metadata(project).encode("utf-8"), False))
    wheel = f"Wheel-Version: 1.0\nGenerator: joblens make-wheel.py\nRoot-Is-Purelib: false\nTag: {tag}\n"
    files.append((f"{dist_info}/WHEEL", wheel.encode("utf-8"), False))
    scripts = project.get("scripts", {})
    entry_points = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())
    files.append((f"{dist_info}/entry_points.txt", entry_points.encode("utf-8"), False))
    files.append((f"{dist_info}/top_level.txt", b"joblens\n", False))
    files.append((f"{dist_info}/LICENSE", (ROOT / "LICENSE").read_bytes(), False))

    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for archive_name, data, _ in files:
        writer.writerow([archive_name, record_hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    files.append((f"{dist_info}/RECORD", record.getvalue().encode("utf-8"), False))

    with zipfile.ZipFile(wheel_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for archive_name, data, executable in files:
            info = zipfile.ZipInfo(archive_name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            mode = 0o755 if executable else 0o644
            info.external_attr = (stat.S_IFREG | mode) << 16
            archive.writestr(info, data)
    size = wheel_path.stat().st_size
    print(f"wrote {wheel_path} ({size / 1e6:.1f} MB)", file=sys.stderr)
    print(wheel_path)


if __name__ == "__main__":
    main()
