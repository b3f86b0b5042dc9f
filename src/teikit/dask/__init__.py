"""Batch runs on a Dask cluster (the optional extra ``teikit[dask]``, which brings ``distributed``).

The same per-file work as a run on one machine, handed to the workers of a dask.distributed
scheduler in batches; results come back in the order the files were given, so reports,
diagnostics and outputs are the same as with ``-j``. Paths travel as given: the workers share
the caller's file system (an NFS or Lustre mount on an HPC cluster, a shared volume on
Kubernetes) and write their outputs there, atomically. fsspec URLs (``s3://…``) travel as
strings and each worker opens them; a run of URLs alone needs no shared file system.

    from distributed import Client
    from teikit.validate import validate_paths
    from teikit.build import build_editions

    with Client("tcp://scheduler:8786") as client:
        report = validate_paths(["tei/"], ["teikit"], client=client)
        build = build_editions("editions", client=client)

``map_ordered(client, work, items)`` runs any picklable per-item function the same way.
"""

from __future__ import annotations

from .connect import LOCAL, ClusterError, open_client
from .mapping import map_ordered
from .worker import WorkerSetupError

__all__ = ["LOCAL", "ClusterError", "WorkerSetupError", "map_ordered", "open_client"]
