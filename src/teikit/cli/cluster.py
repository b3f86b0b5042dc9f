"""``--dask ADDRESS|local``: run a command's batch on a Dask cluster, with the output of ``-j``.

A command's per-file work (the function ``run_batch`` calls for each file) travels to the
workers as it is. On the worker, whatever it echoes to stdout and stderr is recorded in order,
and a teikit error becomes its one-line message; here the records are replayed file by file in
the order the files were given, so the terminal, the logs and the exit code are those of a run
on one machine. The progress bar counts files as Dask reports their batches done.

Output files (``-o``, ``--out-dir``) are written by the workers where the workers share the
files: a URL always (through fsspec), a local path when the sources are local paths too. When
every source is a URL the workers need not see this machine's files at all: a local output is
then recorded on the worker with the rest (``common.write_output``), streamed back, and written
here, atomically, as soon as its batch arrives (not held until the files before it are done).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, nullcontext, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from functools import partial
from importlib.util import find_spec
from typing import Any, TextIO, TypeVar, cast

import click

from ..errors import TeikitError
from ..io import is_url, write_atomic
from .common import fail, streaming_back

T = TypeVar("T")

MISSING = (
    "--dask needs the optional package 'distributed': pip install 'teikit[dask]' "
    "(or leave --dask out to run on this machine)"
)

dask_option = click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    help="Run on a Dask cluster: a scheduler's address (tcp://host:8786), or 'local' for "
    "one worker per core here. Needs teikit[dask]; the workers must share the files, "
    "unless they are all URLs.",
)


@contextmanager
def dask_client(address: str | None) -> Iterator[Any]:
    """A ``distributed.Client`` for ``--dask ADDRESS`` (None without the option); a missing
    package or an unreachable scheduler is one line on stderr and exit 2."""
    if address is None:
        yield None
        return
    if find_spec("distributed") is None:
        fail(MISSING)
    from ..dask import ClusterError, open_client

    with ExitStack() as stack:
        try:
            client = stack.enter_context(open_client(address))
        except ClusterError as exc:
            fail(f"error: {exc}")
        yield client


@dataclass
class Outcome:
    """What one file's work wrote, as (to stderr?, text or bytes) in order, and its error if it
    failed; with outputs streamed back, the output files it wrote, as (path, bytes)."""

    writes: list[tuple[bool, str | bytes]] = field(default_factory=list)
    error: str | None = None
    files: list[tuple[str, bytes]] = field(default_factory=list)


class _Recorder:
    """Stands in for sys.stdout or sys.stderr: text goes to ``write``, bytes (a binary output
    such as an EPUB sent to stdout) to ``buffer.write``, as click.echo sends them to real
    streams; replaying them through click.echo then takes the same path a plain run takes."""

    encoding = "utf-8"  # so click writes text here as text, not wrapped and encoded
    errors = "strict"

    def __init__(self, writes: list[tuple[bool, str | bytes]], to_stderr: bool) -> None:
        self.writes = writes
        self.to_stderr = to_stderr
        self.buffer = _BinaryRecorder(self)

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")  # how click tells text from binary
        if text:
            self.writes.append((self.to_stderr, text))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class _BinaryRecorder:
    def __init__(self, text: _Recorder) -> None:
        self.text = text

    def write(self, data: bytes) -> int:
        if data:
            self.text.writes.append((self.text.to_stderr, bytes(data)))
        return len(data)

    def flush(self) -> None:
        pass


def recorded(work: Callable[[T], None], item: T, stream_back: bool = False) -> Outcome:
    """Run ``work(item)`` on a worker, recording what it echoes (a worker runs one teikit
    batch at a time, so swapping sys.stdout and sys.stderr here catches only this work), and
    with ``stream_back`` the local files it writes."""
    outcome = Outcome()
    try:
        with (
            redirect_stdout(cast(TextIO, _Recorder(outcome.writes, False))),
            redirect_stderr(cast(TextIO, _Recorder(outcome.writes, True))),
            streaming_back(outcome.files) if stream_back else nullcontext(),
        ):
            work(item)
    except TeikitError as exc:
        outcome.error = str(exc)
    return outcome


def _write_streamed(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """Write each outcome's streamed-back files as it arrives; a file that cannot be written is
    that source's error, reported in its place as a run on one machine reports it."""
    for outcome in outcomes:
        for target, data in outcome.files:
            try:
                write_atomic(target, data)
            except TeikitError as exc:
                outcome.error = str(exc)
                break
        outcome.files = []  # written: the bytes need not wait for the files before them
        yield outcome


def run_batch_on(client: Any, items: Sequence[T], label: str, work: Callable[[T], None]) -> int:
    """``run_batch`` on a Dask cluster: the same lines in the same order; returns the failures."""
    from ..dask.batches import file_sizes
    from ..dask.mapping import map_ordered
    from .progress import track

    failed = 0
    # Sources that are all URLs need no shared file system: local outputs come back here.
    remote = all(is_url(item) for item in items)
    outcomes = map_ordered(
        client,
        partial(recorded, work, stream_back=remote),
        items,
        sizes=file_sizes([str(item) for item in items]),
        progress=lambda stream, total: track(_write_streamed(stream), total, label),
        on_lost=lambda item, message: Outcome(error=f"{item}: {message}"),
        shared_files=not remote,
    )
    try:
        for outcome in outcomes:
            for to_stderr, data in outcome.writes:
                click.echo(data, nl=False, err=to_stderr)
            if outcome.error is not None:
                click.echo(f"teikit: error: {outcome.error}", err=True)
                failed += 1
    except TeikitError as exc:  # the cluster itself failed (a worker without the files)
        fail(f"error: {exc}")
    except KeyboardInterrupt:
        fail("interrupted", 130)
    if len(items) > 1 and failed:
        click.echo(f"teikit: {failed} of {len(items)} file(s) failed", err=True)
    return failed
