"""Every format finishes on every corpus file, in bounded memory and time, and writes each note
once: a note inside a note, or reached again through its own content, is never expanded inside
itself (detest.xml of the TEI test suite once made --to docx grow past 13 GB and --to latex die
with RecursionError).

Each TEI file is converted by ``teikit convert`` to every format in a child process of its own,
limited to 2 GB of address space and 60 s: the command must end with exit 0, or exit 2 and a
one-line error (input that is not TEI or not well-formed XML); never a traceback, never killed.
The formats of one file share a process, as starting Python costs more than converting.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree, html

from teikit.convert import CONVERTERS

FORMATS = tuple(CONVERTERS)
MEMORY = 2 * 1024**3  # bytes of address space for one child
SECONDS = 60  # for all the formats of one file
FIXTURE = Path(__file__).parent / "fixtures" / "notes_in_notes.xml"
# A warning or error the command reports about the input: ``file:line:col: warning[code] …``.
_DIAGNOSTIC = re.compile(r"^.*: (?:warning|error|info)\[[\w-]+\] ")

# Run in the child: the command once per format, in this process; one JSON line per format
# (exit code and what it wrote on stderr), so a child killed midway still tells what it did.
_CHILD = r"""
import contextlib, io, json, resource, sys, traceback
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from teikit.cli import main
source, out_dir = sys.argv[2], sys.argv[3]
for fmt in sys.argv[4].split(","):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(["convert", source, "--to", fmt, "-o", f"{out_dir}/out.{fmt}"], prog_name="teikit")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        except BaseException:  # the command would end with this traceback
            traceback.print_exc()
            code = -1
    print(json.dumps([fmt, code, err.getvalue()]), flush=True)
"""


def convert_bounded(source: Path, out_dir: Path) -> list[str]:
    """Convert ``source`` to every format in a bounded child; the problems found ([] if none)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TEIKIT_PROGRESS": "0"}
    command = [sys.executable, "-c", _CHILD, str(MEMORY), str(source), str(out_dir)]
    try:
        child = subprocess.run(
            [*command, ",".join(FORMATS)],
            capture_output=True,
            text=True,
            timeout=SECONDS,
            env=env,
            check=False,
        )
        stdout, stderr, returncode = child.stdout, child.stderr, child.returncode
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        stderr, returncode = f"killed after {SECONDS} s", None
    problems: list[str] = []
    done: set[str] = set()
    for line in stdout.splitlines():
        fmt, code, errors = json.loads(line)
        done.add(fmt)
        lines = errors.splitlines()
        if code == 0:
            if not (out_dir / f"out.{fmt}").is_file():  # empty for a text without words
                problems.append(f"{source} --to {fmt}: exit 0 and no output")
            elif any(not _DIAGNOSTIC.match(x) for x in lines):
                problems.append(f"{source} --to {fmt}: exit 0 with {errors[-600:]}")
        elif code != 2 or len(lines) != 1 or not lines[0].startswith("teikit: error: "):
            problems.append(f"{source} --to {fmt}: exit {code} with {errors[-600:]}")
    if returncode != 0 or len(done) < len(FORMATS):
        left = [f for f in FORMATS if f not in done]
        problems.append(
            f"{source}: the child ended with {returncode} before --to {', '.join(left)}; "
            f"{stderr[-600:]}"
        )
    return problems


def corpus_files(corpus: Path) -> list[Path]:
    tei = corpus / "tei"
    return sorted((tei / "samples").glob("**/*.xml")) + sorted((tei / "invalid").glob("**/*.xml"))


@pytest.mark.corpus
@pytest.mark.slow
def test_every_corpus_file_converts_to_every_format_in_bounded_memory_and_time(
    corpus: Path, tmp_path: Path
) -> None:
    files = corpus_files(corpus)
    assert any(p.name == "detest.xml" for p in files)

    def run(item: tuple[int, Path]) -> list[str]:
        index, path = item
        return convert_bounded(path, tmp_path / f"f{index:03d}")

    with ThreadPoolExecutor(2) as pool:  # the machine has two cores
        problems = [p for found in pool.map(run, enumerate(files)) for p in found]
    assert not problems, "\n".join(problems)


# Each note of the fixture holds one of these names, found nowhere else in it.
ANIMALS = (
    "aardvark bandicoot capybara dugong echidna fossa gerenuk hedgehog ibex jackal kinkajou lemur "
    "mongoose numbat okapi pangolin quokka raccoon serval tamarin uakari vicuna wombat xerus yak "
    "zebu"
).split()


def _zip_text(data: bytes, member: Callable[[str], bool]) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(
            " ".join(etree.fromstring(archive.read(name)).itertext())
            for name in archive.namelist()
            if member(name)
        )


def reading_text(fmt: str, data: bytes) -> str:
    """The words a reader of the output sees (markup and attributes left out)."""
    if fmt == "html":
        return " ".join(html.fromstring(data).itertext())
    if fmt == "epub":
        return _zip_text(data, lambda name: name.endswith(".xhtml"))
    if fmt == "docx":
        return _zip_text(data, lambda name: name in ("word/document.xml", "word/footnotes.xml"))
    if fmt == "json":
        texts: list[str] = []

        def walk(value: object) -> None:
            if isinstance(value, dict):
                texts.extend(v for k, v in value.items() if k == "text" and isinstance(v, str))
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk(json.loads(data))
        return " ".join(texts)
    return data.decode("utf-8")  # text, markdown, latex: the names are plain words in them


def test_notes_inside_notes_and_notes_pointing_at_themselves_are_written_once(
    tmp_path: Path,
) -> None:
    problems = convert_bounded(FIXTURE, tmp_path)
    assert not problems, "\n".join(problems)
    for fmt in FORMATS:
        text = reading_text(fmt, (tmp_path / f"out.{fmt}").read_bytes())
        counts = {name: len(re.findall(rf"\b{name}\b", text)) for name in ANIMALS}
        assert counts == dict.fromkeys(ANIMALS, 1), f"--to {fmt}: {counts}"

    # Every note has a number of its own: the Markdown footnotes are all defined, once each.
    markdown = (tmp_path / "out.markdown").read_text(encoding="utf-8")
    defined = re.findall(r"^\[\^(\d+)\]:", markdown, flags=re.M)
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    assert len(defined) == len(set(defined)) == 20  # uakari's note stands between blocks
    assert cited == set(defined)
    # Word: one footnote per note cited in running text; the notes inside them follow within.
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        footnotes = etree.fromstring(archive.read("word/footnotes.xml"))
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert len(footnotes.xpath("w:footnote[@w:id > 0]", namespaces=w)) == 11
    # LaTeX: the notes inside notes (in a heading and a table cell too) typeset without error.
    if shutil.which("lualatex") is None:
        pytest.skip("lualatex is not installed (Debian texlive-luatex; .ci/run installs it)")
    typeset = subprocess.run(
        ["lualatex", "--draftmode", "-interaction=nonstopmode", "-halt-on-error", "out.latex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert typeset.returncode == 0, typeset.stdout[-2000:]
