"""A run's stderr is teikit's diagnostics alone: Dask's client warnings ("Couldn't gather 1 keys,
rescheduling" when a worker dies mid-batch) are off while teikit holds a client, and back after.
Without this, the killed-worker test failed now and then on that one extra line."""

from __future__ import annotations

import logging

import pytest

from teikit.dask.connect import _quiet_dask_logs


def test_dask_warnings_are_off_during_a_run_and_restored_after(
    capfd: pytest.CaptureFixture[str],
) -> None:
    client_log = logging.getLogger("distributed.client")
    before = client_log.level
    client_log.setLevel(logging.WARNING)
    try:
        with _quiet_dask_logs():
            client_log.warning("Couldn't gather 1 keys, rescheduling")
            assert not client_log.isEnabledFor(logging.WARNING)
        assert client_log.level == logging.WARNING
    finally:
        client_log.setLevel(before)
    assert "rescheduling" not in capfd.readouterr().err
