"""Reading articles (and, in ``importers``, existing event datasets) into records."""

from realpolitik.ingest.readers import BadRecord, Item, expand, read, read_bytes

__all__ = ["BadRecord", "Item", "expand", "read", "read_bytes"]
