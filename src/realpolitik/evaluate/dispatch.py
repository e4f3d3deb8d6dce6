"""One entry point for every gold set: ``run(dataset, path, ...)``.

The coder (``realpolitik.coding.Pipeline``) and the actor base are loaded only when a
dataset needs them, and the ``acled`` and ``ngec-actors`` evaluators (written apart) are
imported only when asked for, so importing this package stays cheap.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from realpolitik.errors import DataError, InputError, UsageError
from realpolitik.evaluate.base import Coder, Confusion, Evaluation, Progress, render_table

DATASETS = ("plover-gsr", "petrarch", "conflibert", "acled", "ngec-actors")
#: Datasets with a development split besides the test split (ConfliBERT: train = dev;
#: ACLED: a fixed hash split of its rows).
SPLITS: dict[str, tuple[str, ...]] = {"conflibert": ("test", "dev"), "acled": ("test", "dev")}


def load_pipeline() -> Coder:
    """The real coder, loaded once (spaCy, actors, gazetteer)."""
    try:
        from realpolitik.coding import Pipeline  # type: ignore[attr-defined,unused-ignore]
    except ImportError as err:
        raise DataError(
            f"the event coder cannot be loaded ({err}); check that realpolitik.coding "
            "provides Pipeline"
        ) from err
    pipeline: Coder = Pipeline.load()
    return pipeline


def load_actor_base() -> Any:
    try:
        from realpolitik.actors.base import ActorBase
    except ImportError as err:
        raise DataError(
            f"the actor base cannot be loaded ({err}); check realpolitik.actors"
        ) from err
    return ActorBase.load()


def run(
    dataset: str,
    path: Path,
    *,
    split: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    load_coder: Callable[[], Coder] | None = None,
    load_kb: Callable[[], Any] | None = None,
) -> Evaluation:
    """Score the coder (or, for ``ngec-actors``, the actor base) on one gold set.

    ``load_coder`` / ``load_kb`` build what is scored (default: :func:`load_pipeline`,
    :func:`load_actor_base`); they are called only for the datasets that need them.
    """
    load_coder = load_coder or load_pipeline
    load_kb = load_kb or load_actor_base
    if dataset not in DATASETS:
        raise UsageError(f"unknown dataset {dataset!r}; choose one of {', '.join(DATASETS)}")
    splits = SPLITS.get(dataset, ("test",))
    if split is not None and split not in splits:
        raise UsageError(f"{dataset} has no {split!r} split (it has: {', '.join(splits)})")
    if not path.exists():
        raise InputError("no such file or folder", origin=str(path))
    if dataset == "plover-gsr":
        from realpolitik.evaluate.plover_gsr import evaluate_plover_gsr

        return evaluate_plover_gsr(path, coder=load_coder(), limit=limit, progress=progress)
    if dataset == "petrarch":
        from realpolitik.evaluate.petrarch import evaluate_petrarch

        return evaluate_petrarch(path, coder=load_coder(), limit=limit, progress=progress)
    if dataset == "conflibert":
        from realpolitik.evaluate.conflibert import evaluate_conflibert

        return evaluate_conflibert(
            path, coder=load_coder(), split=split or "test", limit=limit, progress=progress
        )
    if dataset == "acled":
        options = {
            "pipeline": load_coder,
            "limit": lambda: limit,
            "split": lambda: split,
            "progress": lambda: progress,
        }
        return _foreign("acled", path, options)
    return _foreign("ngec_actors", path, {"kb": load_kb})


def _foreign(name: str, path: Path, options: dict[str, Callable[[], Any]]) -> Evaluation:
    """Run ``realpolitik.evaluate.<name>.evaluate_<name>``, imported only now, with the
    options its signature takes (each built only if taken; None values left out), and
    render its metrics with the module's ``format_table``/``render_<name>`` if it has one."""
    module = importlib.import_module(f"realpolitik.evaluate.{name}")
    evaluate = getattr(module, f"evaluate_{name}")
    accepted = inspect.signature(evaluate).parameters
    kwargs = {key: build() for key, build in options.items() if key in accepted}
    result = evaluate(path, **{k: v for k, v in kwargs.items() if v is not None})
    dataset = name.replace("_", "-")
    evaluation = as_evaluation(result, dataset=dataset)
    for renderer in ("format_table", f"render_{name}"):
        if callable(render := getattr(module, renderer, None)) and isinstance(result, Mapping):
            table = render(result)
            return dataclasses.replace(evaluation, table=str(table))
    return evaluation


def as_evaluation(result: object, *, dataset: str) -> Evaluation:
    """An :class:`Evaluation` from what another evaluator returns: an Evaluation, a
    mapping of metrics, an object with ``to_dict()``/``to_record()``/``metrics``, or a
    dataclass.  A ``table`` (or ``render()``) on the result is used when present."""
    if isinstance(result, Evaluation):
        return result
    metrics: Any = result
    for name in ("to_dict", "to_record", "as_dict"):
        if callable(getattr(result, name, None)):
            metrics = getattr(result, name)()
            break
    else:
        if isinstance(getattr(result, "metrics", None), Mapping):
            metrics = result.metrics  # type: ignore[attr-defined]
        elif dataclasses.is_dataclass(result) and not isinstance(result, type):
            metrics = dataclasses.asdict(result)
    if not isinstance(metrics, Mapping):
        raise DataError(f"the {dataset} evaluator returned {type(result).__name__}, not metrics")
    metrics = {"dataset": dataset, **json.loads(json.dumps(metrics, default=str))}
    table = getattr(result, "table", None)
    if callable(getattr(result, "render", None)):
        table = result.render()  # type: ignore[attr-defined]
    if not isinstance(table, str):
        table = metrics_table(metrics)
    confusion = getattr(result, "confusion", None)
    return Evaluation(
        dataset, metrics, table, confusion if isinstance(confusion, Confusion) else None
    )


def metrics_table(metrics: Mapping[str, Any]) -> str:
    """A two-column table of the scalar metrics (nested objects flattened with dots)."""
    rows: list[list[object]] = []

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        elif not isinstance(value, list):
            rows.append([prefix, value])

    walk("", metrics)
    return render_table(("metric", "value"), rows)
