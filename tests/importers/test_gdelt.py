"""GDELT 1.0/2.0 exports: widths, zips, codes as strings, FIPS places, rejects with lines."""

from __future__ import annotations

import zipfile


def _row(width: int, *, event_id: str = "1", date: str = "20240330", code: str = "043") -> str:
    cells = [""] * width
    cells[0], cells[1] = event_id, date
    cells[5:9] = ["IRNGOV", "IRAN", "IRN", ""]
    cells[12] = "GOV"
    cells[15:19] = ["PSEREBISJ", "ISLAMIC JIHAD", "PSE", "ISJ"]
    cells[22] = "REB"
    cells[26:31] = [code, code, code[:2], "1", "2.8"]
    cells[31:34] = ["6", "2", "5"]
    geo = 49 if width < 61 else 51
    cells[geo : geo + 3] = ["4", "Tehran, Tehran, Iran", "IR"]
    lat = geo + 4 if width < 61 else geo + 5
    cells[lat : lat + 2] = ["35.69", "51.42"]
    if width in (58, 61):
        cells[-1] = "https://example.org/story"
    return "\t".join(cells)


def test_all_widths_and_a_bad_row(tmp_path, run, store):
    path = tmp_path / "mixed.tsv"
    lines = [
        _row(57, event_id="1"),
        _row(58, event_id="2", code="0234"),
        _row(61, event_id="3"),
        "1\t2\t3",
        _row(61, event_id="4", date="2024-13-01"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [result] = run("gdelt", path)
    assert (result.rows, result.accepted, result.rejected) == (5, 3, 2)
    assert {r.line for r in result.rejects} == {4, 5}
    assert all(str(r).startswith(f"{path}:") for r in result.rejects)
    rows = store.con.execute(
        "SELECT original_id, cameo_code, cameo_root, quad_class, source_id, source_sector, "
        "target_id, target_name, target_country, location_country, lat FROM events "
        "ORDER BY original_id"
    ).fetchall()
    assert rows[1][1] == "0234" and rows[1][2] == "02"  # leading zeros kept
    assert rows[0][4:] == ("irn", "GOV", "palestinian-islamic-jihad", "Palestinian Islamic Jihad",
                           "PSE", "IRN", 35.69)  # fmt: skip
    meta = store.con.execute("SELECT n_articles, n_sources, report_source FROM event_meta "
                             "ORDER BY event_id").fetchall()  # fmt: skip
    assert (5, 2) in {m[:2] for m in meta}


def test_zip_and_idempotent(tmp_path, run):
    path = tmp_path / "20240330000000.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("20240330000000.export.CSV", _row(61, event_id="9") + "\n")
    [first] = run("gdelt", path)
    [again] = run("gdelt", path)
    assert first.inserted == 1 and first.origin.endswith("!20240330000000.export.CSV")
    assert again.inserted == 0 and again.unchanged == 1


def test_unknown_event_code_is_rejected(tmp_path, run):
    path = tmp_path / "bad.tsv"
    path.write_text(_row(58, code="999") + "\n", encoding="utf-8")
    [result] = run("gdelt", path)
    assert result.rejected == 1 and "CAMEO" in result.rejects[0].reason


def test_blank_lines_are_skipped_and_lines_still_counted(tmp_path, run):
    path = tmp_path / "gaps.tsv"
    lines = [_row(61, event_id="1"), "", "   ", "\t\t", _row(61, event_id="2", date="x"),
             _row(58, event_id="3")]  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    [result] = run("gdelt", path)
    assert (result.rows, result.accepted, result.rejected) == (3, 2, 1)
    assert [r.line for r in result.rejects] == [5]
