"""Request parameters shared by the routes, each validated into a typed value or a 4xx."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request, Response

from realpolitik.api.context import Context
from realpolitik.api.prepared import dumps
from realpolitik.store import ActorQuery, Store

PLOVER_TYPES = (
    "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)  # fmt: skip
FACT_KINDS = ("killed", "injured", "displaced", "detained", "hostages", "missing", "refugees",
              "food_insecure")  # fmt: skip
_CAMEO = re.compile(r"^\d{2,4}$")
_CODE3 = re.compile(r"^[A-Za-z]{3}$")


class Period(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Level(enum.StrEnum):
    ACTOR = "actor"
    COUNTRY = "country"


class EventOrder(enum.StrEnum):
    DATE_DESC = "date_desc"
    DATE_ASC = "date_asc"
    GOLDSTEIN_ASC = "goldstein_asc"
    GOLDSTEIN_DESC = "goldstein_desc"
    CONFIDENCE_DESC = "confidence_desc"


Since = Annotated[dt.date | None, Query(description="On or after this date (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="On or before this date (YYYY-MM-DD).")]
Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
PageSize = Annotated[int, Query(ge=1, le=200, description="Rows per page (at most 200).")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
ActorText = Annotated[
    str | None,
    Query(min_length=1, max_length=200,
          description='An actor id (irn) or a name as people write it (Iran, "Islamic Jihad").'),
]  # fmt: skip
Types = Annotated[
    list[str],
    Query(description="PLOVER event types (ASSAULT) or CAMEO codes/roots (190, 04); repeatable."),
]
Quads = Annotated[
    list[int],
    Query(description="Quad classes: 1 verbal coop., 2 material coop., 3 verbal conflict, "
                      "4 material conflict; repeatable."),
]  # fmt: skip
Codes = Annotated[list[str], Query(description="ISO3 country codes (IRN); repeatable.")]


async def context(request: Request) -> Context:
    ctx: Context = request.app.state.context
    return ctx


async def store(ctx: Annotated[Context, Depends(context)]) -> AsyncIterator[Store]:
    """A store on a cursor of its own, for one request.  (Async only so that FastAPI does
    not hand it to a worker thread: opening and closing a cursor does not block.)"""
    opened = ctx.cursor()
    try:
        yield next(opened)
    finally:
        opened.close()


Ctx = Annotated[Context, Depends(context)]
Db = Annotated[Store, Depends(store)]


def reply(content: object, *, raw: Mapping[str, bytes] | None = None) -> Response:
    """JSON straight from plain data (already made JSON-safe by ``records.jsonable``);
    ``raw`` adds members to an object from JSON text encoded beforehand."""
    body = dumps(content)
    return reply_object(body, **raw) if raw else _json(body)


def reply_object(body: bytes, **members: bytes) -> Response:
    """The JSON object ``body`` with ``members`` (name -> JSON text) added at its end."""
    extra = b",".join(dumps(name) + b":" + value for name, value in members.items())
    head = body[:-1].rstrip()
    return _json(head + (b"," if extra and head != b"{" else b"") + extra + b"}")


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def bad(message: str, *, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


def window(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise bad(f"since ({since}) is after until ({until}); swap them")


def event_types(values: Sequence[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        if value.upper() in PLOVER_TYPES:
            out.append(value.upper())
        elif _CAMEO.match(value):
            out.append(value)
        else:
            raise bad(
                f"unknown event type {value!r}: use a PLOVER type "
                f"({', '.join(PLOVER_TYPES)}) or a CAMEO code such as 190"
            )
    return tuple(out)


def quad_classes(values: Sequence[int]) -> tuple[int, ...]:
    for value in values:
        if value not in (1, 2, 3, 4):
            raise bad(f"quad class must be 1, 2, 3 or 4, not {value}")
    return tuple(values)


def codes3(values: Sequence[str], *, what: str) -> tuple[str, ...]:
    for value in values:
        if not _CODE3.match(value):
            raise bad(f"{what} must be a three-letter code (IRN, GOV), not {value!r}")
    return tuple(v.upper() for v in values)


def fact_kinds(values: Sequence[str]) -> tuple[str, ...]:
    for value in values:
        if value.lower() not in FACT_KINDS:
            raise bad(f"unknown fact kind {value!r}: use one of {', '.join(FACT_KINDS)}")
    return tuple(v.lower() for v in values)


def actor_query(
    ctx: Context, store: Store, text: str | None, *, on: dt.date | None
) -> ActorQuery | None:
    """A stored actor id as is; else the knowledge base's actor on ``on``; else the name."""
    if not text:
        return None
    if text in ctx.actors():
        return ActorQuery(ids=(text,))
    actor = ctx.kb.resolve(text, on=on or dt.date.today())
    if actor is not None:
        return ActorQuery(ids=(actor.id,))
    return ActorQuery(text=text)


def bounding_box(text: str) -> tuple[float, float, float, float]:
    """``WEST,SOUTH,EAST,NORTH`` in degrees, each in range, west < east and south < north."""
    try:
        west, south, east, north = (float(x) for x in text.split(","))
    except ValueError as exc:
        raise bad(f"bbox must be four numbers WEST,SOUTH,EAST,NORTH, not {text!r}") from exc
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise bad(f"bbox {text!r} is out of range: -180 <= WEST < EAST <= 180, "
                  "-90 <= SOUTH < NORTH <= 90")  # fmt: skip
    return west, south, east, north
