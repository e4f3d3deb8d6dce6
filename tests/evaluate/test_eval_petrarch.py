from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.evaluate.petrarch import coding_of, evaluate_petrarch, score_record
from realpolitik.evaluate.petrarch_xml import GoldEvent, read_suite

# A hand-written file in the PETRARCH validation layout, with its irregularities:
# a '#' banner, a self-closing <Sentence/> followed by its children, comments, a record
# commented out, `noevents = "True"` with spaces, `~` actors, an empty <Text> with a parse.
SUITE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
####################
#  banner line
####################
<Environment>
    <Include>valid ALPHA BETA </Include>
</Environment>
<Sentences>
<Sentence category="ALPHA" date="20080804" id="A-1" evaluate="true"/>
<!-- a note with <EventCoding eventcode="999" sourcecode="XXX" targetcode="YYY" /> -->
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHNGOV" />
<EventCoding eventcode="043" sourcecode="CHNGOV" targetcode="USA" />
<Text>
The US leader visited
Beijing.
</Text>
<Parse>
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
</Parse></Sentence>
<Sentence category="ALPHA" date="121108" id="A-2" evaluate="true">
<EventCoding noevents = "True" />
<Text>
Nothing happened.
</Text>
</Sentence>
<!--
<Sentence category="ALPHA" date="20080804" id="A-GONE" evaluate="true">
<EventCoding eventcode="010" sourcecode="USA" targetcode="CHN" />
<Text>Commented out.</Text>
</Sentence>
-->
<Sentence category="BETA" date="20150609" id="B-1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="~REB" targetcode="" />
<Text>
</Text>
<Parse>
1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tfought\tfight\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
</Parse></Sentence>
<Sentence category="BETA" date="20150609" id="B-SKIP" evaluate="false"/>
<EventCoding eventcode="010" sourcecode="USA" targetcode="CHN" />
<Text>Skipped.</Text>
</Sentence>
<Sentence category="GAMMA" date="20150609" id="G-1" evaluate="true"/>
<EventCoding eventcode="010" sourcecode="USA" targetcode="CHN" />
<Text>Not an included category.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def suite_file(tmp_path: Path) -> Path:
    path = tmp_path / "suite.xml"
    path.write_text(SUITE, encoding="utf-8")
    return path


def test_reader_handles_the_irregular_layout(suite_file: Path) -> None:
    suite = read_suite(suite_file)
    assert [r.id for r in suite.records] == ["A-1", "A-2", "B-1", "B-SKIP", "G-1"]
    assert suite.include == {"ALPHA", "BETA"}
    assert [r.id for r in suite.evaluated()] == ["A-1", "A-2", "B-1"]
    a1, a2, b1 = suite.evaluated()
    assert a1.events == (GoldEvent("042", "USA", "CHNGOV"), GoldEvent("043", "CHNGOV", "USA"))
    assert a1.text == "The US leader visited Beijing."
    assert a2.noevents and not a2.events and a2.date.year == 2012
    assert b1.events == (GoldEvent("190", "---REB", "---"),)
    assert b1.text == "Rebels fought."  # rebuilt from the parse, SpaceAfter=No honoured
    assert a1.line == 10


def test_score_record_counts_like_petrarch() -> None:
    gold = [GoldEvent("042", "USA", "CHNGOV"), GoldEvent("043", "CHNGOV", "USA")]
    # one right (twice: a duplicate counts once), one wrong, one null event
    coded = [("042", "USA", "CHNGOV"), ("042", "USA", "CHNGOV"), ("040", "USA", "CHN"), None]
    full = score_record(gold, False, coded, level="full")
    assert (full.correct, full.uncoded, full.extra, full.null) == (1, 1, 1, 1)
    # at root + country level 042 and 040 are both root 04 with USA -> CHN
    root = score_record(gold, False, coded, level="root_country")
    assert (root.correct, root.uncoded, root.extra) == (1, 1, 0)


def test_noevents_record_scoring() -> None:
    nothing = score_record([], True, [], level="full")
    assert (nothing.correct, nothing.uncoded, nothing.extra) == (1, 0, 0)
    only_null = score_record([], True, [None], level="full")
    assert (only_null.correct, only_null.null) == (1, 1)
    coded = score_record([], True, [("010", "USA", "CHN"), ("020", "USA", "RUS")], level="full")
    assert (coded.correct, coded.uncoded, coded.extra) == (0, 1, 2)
    # codings with a missing side are left out, as the reference scorer does in English mode
    one_sided = score_record([], True, [("010", "USA", "---"), ("020", "---", "RUS")], level="full")
    assert (one_sided.correct, one_sided.uncoded, one_sided.extra, one_sided.null) == (1, 0, 0, 2)


def test_one_sided_codings_count_only_when_the_gold_has_them() -> None:
    gold = [GoldEvent("190", "---REB", "---")]
    met = score_record(gold, False, [("190", "---REB", "---")], level="full")
    assert (met.correct, met.uncoded, met.extra) == (1, 0, 0)
    missed = score_record(gold, False, [("173", "---REB", "---")], level="full")
    assert (missed.correct, missed.uncoded, missed.extra, missed.null) == (0, 1, 0, 1)


def test_country_aliases_and_null_countries() -> None:
    gold = [GoldEvent("190", "---REB", "TMPGOV")]
    assert score_record(gold, False, [("193", "---REB", "TLS")], level="root_country").correct
    assert score_record(gold, False, [("190", "---REB", "TLSGOV")], level="full").correct
    assert not score_record(gold, False, [("190", "---", "TLSGOV")], level="full").correct


def test_evaluate_petrarch_end_to_end(suite_file: Path, event, fake_coder) -> None:
    coder = fake_coder(
        {
            "The US leader visited Beijing.": [
                event(code="042", source=("USA", "GOV"), target=("CHN", "GOV"), confidence=0.9),
                event(code="043", source=("CHN", "GOV"), target=("USA", None)),
            ],
            "Nothing happened.": [event(code="010", source=("USA", None), target=None)],
            "Rebels fought.": [event(code="190", source=(None, "REB"), target=None)],
        }
    )
    result = evaluate_petrarch(suite_file, coder=coder)
    m = result.metrics
    assert m["dataset"] == "petrarch" and m["records"] == 3
    assert m["noevents_records"] == 1 and m["gold_events"] == 3
    rc = m["root_country"]
    # 2 correct; A-2: its one-sided coding left out, so correct; B-1: 1 correct
    assert (rc["correct"], rc["uncoded"], rc["extra"], rc["null"]) == (4, 0, 0, 1)
    assert rc["tp_rate"] == 1.0 and rc["fp_rate"] == 0.0
    full = m["full"]
    # full codes: USAGOV != USA for the 042 source, so A-1 has 1 correct, 1 uncoded, 1 extra
    assert (full["correct"], full["uncoded"], full["extra"]) == (3, 1, 1)
    assert full["by_category"]["BETA"]["correct"] == 1
    assert [a.date.isoformat() for a in coder.seen] == ["2008-08-04", "2012-11-08", "2015-06-09"]
    assert "Total" in result.table


def test_coding_of_null_event(event) -> None:
    assert coding_of(event(code="")) is None
    assert coding_of(event(code="042", source=("USA", "GOV"), target=None)) == (
        "042",
        "USAGOV",
        "---",
    )


@pytest.mark.slow
def test_real_validation_files_parse(shared: Path) -> None:
    folder = shared / "data/eventcoding/udpetrarch_validation"
    gsr = read_suite(folder / "PETR2_GSR_validation.xml").evaluated()
    assert len(gsr) == 78
    assert sum(len(r.events) for r in gsr) == 80 and sum(r.noevents for r in gsr) == 12
    assert all(r.text for r in gsr)
    tabari = read_suite(folder / "PETR_Validate_records_2_02.xml")
    assert len(tabari.records) == 274 and len(tabari.evaluated()) == 245
