"""Past one machine: ingest on a Dask cluster into a partitioned Parquet event store that
DuckDB (or Spark, Trino) queries in place."""

from realpolitik.cluster.parquet import BatchFiles, ParquetStore, is_parquet_store, open_parquet
from realpolitik.cluster.run import Totals, batch_size_for, code_batch, ingest_parquet

__all__ = [
    "BatchFiles",
    "ParquetStore",
    "Totals",
    "batch_size_for",
    "code_batch",
    "ingest_parquet",
    "is_parquet_store",
    "open_parquet",
]
