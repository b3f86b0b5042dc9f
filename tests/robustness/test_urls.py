"""Sources and outputs as fsspec URLs on one machine: ``memory://`` and ``file://`` give what the
same files as paths give (the same output bytes, the same lines with the URL in place of the
path, the same exit code), reads keep their size bound, writes are atomic, and a missing URL, an
unknown protocol or a missing fsspec is one line and exit 2."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pytest
from click.testing import CliRunner, Result
from fsspec.implementations.memory import MemoryFile

from teikit import remote
from teikit.cli import main
from teikit.convert import CONVERTERS, convert
from teikit.errors import InputError, OutputError
from teikit.io import expand_sources, file_sizes, read_bytes, write_atomic

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "editions" / "stalin-1924-01-09-the-discussion" / "stalin-1924-01-09-the-discussion"
MEMORY = fsspec.filesystem("memory")
TEI = "http://www.tei-c.org/ns/1.0"

# Tags spread over lines: re-serialising the tree would move the errors' columns, so an error
# position read from anything but the file itself shows.
INVALID = f"""<?xml version="1.0"?>
<TEI   xmlns="{TEI}"
     xml:lang="en"   >
  <teiHeader
   >
<bogus   a = "1"
/>
</teiHeader><text><body><p>x</p></body></text></TEI>
"""
SCHEMA = """<element name="TEI" ns="http://www.tei-c.org/ns/1.0"
  xmlns="http://relaxng.org/ns/structure/1.0"><element name="p"><text/></element></element>
"""
DECLARES = f"""<?xml-model href="schema.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="{TEI}"><p>one</p><p>two</p></TEI>
"""


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def memory_root() -> Iterator[str]:
    """A folder of its own in this process's memory file system, removed afterwards."""
    root = f"/teikit-test-{uuid.uuid4().hex}"
    yield root
    if MEMORY.exists(root):
        MEMORY.rm(root, recursive=True)


def put_tree(local: Path, memory: str) -> None:
    for path in local.rglob("*"):
        if path.is_file():
            MEMORY.pipe_file(f"{memory}/{path.relative_to(local).as_posix()}", path.read_bytes())


def memory_tree(memory: str) -> dict[str, bytes]:
    return {name[len(memory) + 1 :]: MEMORY.cat_file(name) for name in MEMORY.find(memory)}


def local_tree(local: Path) -> dict[str, bytes]:
    return {
        p.relative_to(local).as_posix(): p.read_bytes() for p in local.rglob("*") if p.is_file()
    }


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """Transcriptions in a project (teikit.toml), one with a sidecar, in a nested folder, a
    Markdown file, a Word document, a broken file and a file that is not a transcription."""
    folder = tmp_path / "texts"
    (folder / "more").mkdir(parents=True)
    (folder / "teikit.toml").write_text('publisher = "URL Test Press"\n')
    (folder / "seed.txt").write_bytes(SEED.with_suffix(".txt").read_bytes())
    (folder / "seed.meta.toml").write_text('id = "seed-from-sidecar"\n')
    (folder / "more" / "short.txt").write_text("A Short Title\n\nOne paragraph, that is all.\n")
    (folder / "more" / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "notes.md").write_text("# Notes\n\nA paragraph with a note.[^1]\n\n[^1]: The note.\n")
    docx = convert(SEED.with_suffix(".xml"), "docx").output
    assert isinstance(docx, bytes)
    (folder / "letter.docx").write_bytes(docx)
    (folder / "ignored.xml").write_text("<not-a-text/>")
    return folder


def same_run(path_run: Result, url_run: Result, path_prefix: str, url_prefix: str) -> None:
    """The URL run printed what the path run printed, with the URL where the path was."""
    assert url_run.exit_code == path_run.exit_code
    assert url_run.stdout == path_run.stdout.replace(path_prefix, url_prefix)
    assert url_run.stderr == path_run.stderr.replace(path_prefix, url_prefix)


def test_encode_of_memory_and_file_urls_gives_the_path_run(
    texts: Path, tmp_path: Path, memory_root: str
) -> None:
    put_tree(texts, memory_root + "/texts")
    options = ["--date", "2026-01-01"]
    sources = ["texts/seed.txt", "texts/more", "texts/notes.md", "texts/letter.docx"]
    alone = run("encode", *(tmp_path / s for s in sources), "--out-dir", tmp_path / "out", *options)
    assert alone.exit_code == 2 and "broken.txt:1:1: binary file" in alone.stderr
    expected = local_tree(tmp_path / "out")
    assert set(expected) == {"seed.xml", "short.xml", "notes.xml", "letter.xml"}
    assert b"URL Test Press" in expected["short.xml"]  # the project file, found upwards
    assert b'xml:id="seed-from-sidecar"' in expected["seed.xml"]  # the sidecar
    memory = f"memory://{memory_root}"
    in_memory = run(
        "encode", *(f"{memory}/{s}" for s in sources), "--out-dir", f"{memory}/out", *options
    )
    same_run(alone, in_memory, str(tmp_path), memory)
    assert memory_tree(memory_root + "/out") == expected
    local = f"file://{tmp_path}"
    on_disk = run("encode", *(f"{local}/{s}" for s in sources), "--out-dir", f"{local}/url-out")
    assert on_disk.exit_code == 2
    on_disk = run(
        "encode", *(f"{local}/{s}" for s in sources), "--out-dir", f"{local}/url-out", *options
    )
    same_run(alone, on_disk, str(tmp_path), local)
    assert local_tree(tmp_path / "url-out") == expected


def test_encode_of_a_url_to_stdout_and_to_one_file(texts: Path, memory_root: str) -> None:
    put_tree(texts, memory_root)
    alone = run("encode", texts / "seed.txt", "--date", "2026-01-01")
    url = f"memory://{memory_root}/seed.txt"
    assert run("encode", url, "--date", "2026-01-01").stdout == alone.stdout
    written = run(
        "encode", url, "-o", f"memory://{memory_root}/one/seed.xml", "--date", "2026-01-01"
    )
    assert written.exit_code == 0
    assert MEMORY.cat_file(f"{memory_root}/one/seed.xml").decode() == alone.stdout


@pytest.fixture
def tei(tmp_path: Path) -> Path:
    folder = tmp_path / "tei"
    (folder / "sub").mkdir(parents=True)
    (folder / "seed.xml").write_bytes(SEED.with_suffix(".xml").read_bytes())
    (folder / "sub" / "invalid.xml").write_text(INVALID)
    (folder / "sub" / "broken.xml").write_text(f'<TEI xmlns="{TEI}"><teiHeader>')
    (folder / "declares.xml").write_text(DECLARES)
    (folder / "schema.rng").write_text(SCHEMA)
    (folder / "notes.txt").write_text("not TEI, and not *.xml")
    return folder


@pytest.mark.parametrize(
    "options", [["--schema", "teikit"], ["--schema", "teikit", "--format", "junit"], []]
)
def test_validate_of_urls_gives_the_path_run(
    tei: Path, tmp_path: Path, memory_root: str, options: list[str]
) -> None:
    alone = run("validate", tei, *options)
    assert alone.exit_code == 1
    local = f"file://{tmp_path}"
    on_disk = run("validate", f"{local}/tei", *options)
    same_run(alone, on_disk, str(tmp_path), local)
    if not options:  # declares.xml's relative schema, beside it on disk, was checked
        assert "declares.xml:2:55: error[rng-element-not-allowed]" in on_disk.stdout
        assert "declares.xml:1:1: warning[schema-remote]" not in on_disk.stdout
    put_tree(tei, memory_root + "/tei")
    memory = f"memory://{memory_root}"
    in_memory = run("validate", f"{memory}/tei", *options)
    if options:
        same_run(alone, in_memory, str(tmp_path), memory)
    else:  # in memory the schema beside it is remote: reported, never fetched
        assert in_memory.exit_code == 1
        assert f"{memory}/tei/declares.xml:1:1: warning[schema-remote]" in in_memory.stdout


def test_validate_reports_error_positions_from_the_url(tei: Path, memory_root: str) -> None:
    MEMORY.pipe_file(f"{memory_root}/invalid.xml", INVALID.encode())
    url = f"memory://{memory_root}/invalid.xml"
    result = run("validate", url, "--schema", "teikit")
    assert f"{url}:7:3: error[rng-element-not-allowed]" in result.stdout


@pytest.mark.parametrize("to", ["html", "text", "epub"])
def test_convert_of_urls_gives_the_path_run(
    tei: Path, tmp_path: Path, memory_root: str, to: str
) -> None:
    (tei / "declares.xml").unlink()
    alone = run("convert", tei, "--to", to, "--out-dir", tmp_path / "out")
    assert alone.exit_code == 2 and "broken.xml:1:" in alone.stderr
    expected = local_tree(tmp_path / "out")
    assert len(expected) == 2
    put_tree(tei, memory_root + "/tei")
    memory = f"memory://{memory_root}"
    in_memory = run("convert", f"{memory}/tei", "--to", to, "--out-dir", f"{memory}/out")
    same_run(alone, in_memory, str(tmp_path), memory)
    assert memory_tree(memory_root + "/out") == expected
    local = f"file://{tmp_path}"
    on_disk = run("convert", f"{local}/tei", "--to", to, "--out-dir", f"{local}/url-out")
    same_run(alone, on_disk, str(tmp_path), local)
    assert local_tree(tmp_path / "url-out") == expected
    one = run("convert", f"{memory}/tei/seed.xml", "--to", to, "-o", tmp_path / "one")
    assert one.exit_code == 0
    assert (tmp_path / "one").read_bytes() == expected["seed" + CONVERTERS[to].extension]


def test_a_missing_url_is_one_line_and_exit_2(memory_root: str) -> None:
    url = f"memory://{memory_root}/nope"
    assert run("encode", f"{url}.txt").stderr == f"teikit: error: {url}.txt: no such file\n"
    result = run("convert", f"{url}.xml", "--to", "text")
    assert (result.exit_code, result.stderr) == (2, f"teikit: error: {url}.xml: no such file\n")
    result = run("validate", f"{url}.xml")
    assert (result.exit_code, result.stderr) == (
        2,
        f"teikit: error: {url}.xml: no such file or directory\n",
    )
    result = run("encode", "nosuchprotocol://bucket/a.txt")
    assert (result.exit_code, result.stderr) == (
        2,
        "teikit: error: nosuchprotocol://bucket/a.txt: "
        "URL protocol 'nosuchprotocol' is not known to fsspec\n",
    )


@pytest.mark.parametrize(
    "args",
    [
        ["encode", "memory://texts/a.txt"],
        ["encode", str(SEED.with_suffix(".txt")), "-o", "memory://tei/a.xml"],
        ["validate", "s3://bucket/tei/"],
        ["convert", "gs://bucket/a.xml", "--to", "html"],
    ],
)
def test_without_fsspec_a_url_is_one_line_and_exit_2(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec now fails
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"teikit: {remote.MISSING}\n",
    )


def test_without_fsspec_the_library_raises_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    with pytest.raises(remote.FsspecMissing, match="pip install 'teikit\\[remote\\]'"):
        read_bytes("memory://a.xml")
    assert run("encode", SEED.with_suffix(".txt"), "--date", "2026-01-01").exit_code == 0


def test_reading_a_url_keeps_the_size_bound(
    memory_root: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"memory://{memory_root}/eleven.xml"
    MEMORY.pipe_file(f"{memory_root}/eleven.xml", b"<a>1234</a>")
    assert read_bytes(url, limit=11) == b"<a>1234</a>"
    with pytest.raises(InputError, match=r"file too large \(11 bytes; limit 10\)"):
        read_bytes(url, limit=10)
    # a store whose listing understates the size: no more than the bound is read all the same
    MEMORY.pipe_file(f"{memory_root}/eleven.xml", b"<a>" + b"1" * 1_000_000 + b"</a>")
    monkeypatch.setattr(type(MEMORY), "info", lambda self, path, **kw: {"size": 1, "type": "file"})
    got: list[int] = []
    real_read = MemoryFile.read

    def read(self: MemoryFile, size: int | None = -1) -> bytes:
        data = real_read(self, size)
        got.append(len(data))
        return data

    monkeypatch.setattr(MemoryFile, "read", read)
    with pytest.raises(InputError, match=r"file too large \(over 10 bytes; limit 10\)"):
        read_bytes(url, limit=10)
    assert sum(got) == 11
    monkeypatch.undo()
    with pytest.raises(InputError, match="is a directory"):
        read_bytes(f"memory://{memory_root}", limit=10)


def test_writing_a_url_replaces_the_file_whole(
    memory_root: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"memory://{memory_root}/out/a.xml"
    write_atomic(url, b"old")
    write_atomic(url, "new")
    assert memory_tree(memory_root) == {"out/a.xml": b"new"}  # no temporary left behind

    def fail(self: object, *args: object, **kwargs: object) -> None:
        raise OSError("the store went away")

    monkeypatch.setattr(type(MEMORY), "mv", fail)
    with pytest.raises(OutputError) as caught:
        write_atomic(url, b"never")
    assert str(caught.value) == f"{url}: cannot write: the store went away"
    assert memory_tree(memory_root) == {"out/a.xml": b"new"}  # the old file, and no temporary


def test_an_object_store_gets_one_put_of_the_final_object(
    memory_root: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remote, "OBJECT_STORES", frozenset({"memory"}))
    puts: list[str] = []
    real = type(MEMORY).pipe_file

    def pipe_file(self: object, path: str, value: bytes, **kwargs: object) -> None:
        puts.append(path)
        real(self, path, value, **kwargs)

    monkeypatch.setattr(type(MEMORY), "pipe_file", pipe_file)
    write_atomic(f"memory://{memory_root}/b.xml", b"whole")
    assert puts == [f"{memory_root}/b.xml"]
    assert MEMORY.cat_file(f"{memory_root}/b.xml") == b"whole"


def test_a_url_folder_is_listed_as_a_local_folder_is(tmp_path: Path, memory_root: str) -> None:
    names = ["a.xml", "a-b.xml", "a/b.xml", "a/c/d.xml", "B.xml", "x.XML", "a/.hidden.xml", "n.txt"]
    for name in names:
        (tmp_path / "f" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "f" / name).write_text(name)
        MEMORY.pipe_file(f"{memory_root}/f/{name}", name.encode())
    paths = [str(p) for p in expand_sources([tmp_path / "f"])]
    for url in (f"memory://{memory_root}/f", f"memory://{memory_root}/f/", f"file://{tmp_path}/f"):
        prefix = url.rstrip("/")
        assert expand_sources([url]) == [p.replace(str(tmp_path / "f"), prefix) for p in paths]
    assert len(paths) == 6
    assert file_sizes([f"memory://{memory_root}/f/a/b.xml", tmp_path / "f" / "a-b.xml"]) == [7, 7]
