"""Actor codes as the gold sets write them, made comparable with ours.

Our actors carry ISO 3166-1 alpha-3 countries (or CAMEO's ``IGO``/``NGO``...), gold sets
write CAMEO actor codes (country prefix + agent codes, ``---`` for no country) or, in the
PLOVER GSR, mostly-ISO codes with a few slips.  Both sides go through :func:`country` so a
comparison never fails on spelling alone.

The alias table (each entry with where it comes from):

- CAMEO/Phoenix country codes that differ from ISO 3166 (ontology/cameo_actors/
  CountryInfo.120116.txt and countrynames.txt): ``TMP`` Timor-Leste = ``TLS``;
  ``KSV`` Kosovo = ``XKX`` (the code Kosovo uses in practice, ISO has none); and the
  older TABARI codes ``ROM`` Romania = ``ROU``, ``ZAR`` Zaire = ``COD``.
- Slips in PLOVER_GSR_CAMEO (plover_gsr/SOURCE.md): ``JAP`` = ``JPN``, ``ITL`` = ``ITA``,
  ``VTN`` = ``VNM``.

Codes of no country (``IGO``, ``NGO``, ``IMG``, ``ISM``...) are kept as written; ``---``
and empty codes mean "no country" (None).
"""

from __future__ import annotations

from realpolitik.model import Participant
from realpolitik.ontology import CAMEO_AGENT_CODES

ALIASES: dict[str, str] = {
    "TMP": "TLS",
    "KSV": "XKX",
    "ROM": "ROU",
    "ZAR": "COD",
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
}

NULL = "---"

#: CAMEO agent ("role") codes (ontology/cameo_actors/cameo_actor_role_codes.csv).
AGENT_CODES = CAMEO_AGENT_CODES


def country(code: str | None) -> str | None:
    """The comparable country of a code (its first three letters), None for no country."""
    if not code:
        return None
    prefix = code.strip().upper()[:3]
    if not prefix or prefix == NULL or len(prefix) < 3:
        return None
    return ALIASES.get(prefix, prefix)


def actor_code(code: str | None) -> str:
    """A full CAMEO actor code with its country part normalised (``---`` when absent)."""
    text = (code or "").strip().upper()
    head = country(text)
    return (head or NULL) + text[3:]


def participant_code(participant: Participant | None) -> str:
    """Our participant as a CAMEO actor code: the actor's own ``cameo`` when it has one,
    else country + sector; ``---`` for no participant.  A country-less actor whose code
    starts with an agent code (``REB``) is written the PETRARCH way, ``---REB``."""
    if participant is None:
        return NULL
    actor = participant.actor
    code = (actor.cameo or "").strip().upper()
    if not code:
        return (country(actor.country) or NULL) + (actor.sector or "").strip().upper()
    if actor.country is None and code[:3] in AGENT_CODES:
        code = NULL + code
    return actor_code(code)


def participant_country(participant: Participant | None) -> str | None:
    if participant is None:
        return None
    return country(participant.actor.country)
