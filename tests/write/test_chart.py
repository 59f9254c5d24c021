"""Charts are PNG images of the requested size, drawn headless; labels in Vietnamese."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import thads
from thads.cli import main
from thads.errors import MissingExtraError
from thads.read import read_offices, read_quotas

pytest.importorskip("matplotlib")

from thads import write as chart
from thads.write import _chart

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the IHDR chunk (PNG spec: signature, length, 'IHDR', w, h)."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _reader() -> thads.CaseReader:
    return thads.read_cases(EXAMPLES / "cases.csv", EXAMPLES / "events.csv")


def test_office_rates_png(tmp_path: Path) -> None:
    report = thads.report(
        _reader(),
        thads.StatisticalPeriod(2023),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )
    out = chart.office_rates(report, tmp_path / "bars.png")
    assert png_size(out) == (chart.WIDTH, chart.HEIGHT) == (1200, 700)
    money = chart.office_rates(report, tmp_path / "m.png", unit="money", width=800, height=500)
    assert png_size(money) == (800, 500)


def test_monthly_path_png(tmp_path: Path) -> None:
    reports = thads.reports(
        _reader(),
        thads.StatisticalPeriod(2023).months_of_year(),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )
    out = chart.monthly_path(reports, tmp_path / "path.png", code="P", width=1000, height=600)
    assert png_size(out) == (1000, 600)


def test_percent_ticks_are_vietnamese() -> None:
    assert _chart._percent_tick(82.5) == "82,5%"
    assert _chart._percent_tick(40.0) == "40%"
    assert _chart._percent_tick(66.666) == "66,67%"


def test_bad_arguments(tmp_path: Path) -> None:
    report = thads.report(_reader(), thads.StatisticalPeriod(2023))
    with pytest.raises(ValueError, match="unknown unit 'items'; use cases, money"):
        chart.office_rates(report, tmp_path / "x.png", unit="items")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no row 'Z'"):
        chart.office_rates(report, tmp_path / "x.png", codes=["Z"])
    other = thads.report(_reader(), thads.StatisticalPeriod(2022))
    with pytest.raises(ValueError, match=r"one statistical year expected, got \[2022, 2023\]"):
        chart.monthly_path([report, other], tmp_path / "x.png")


def test_cli_chart(tmp_path: Path) -> None:
    png = tmp_path / "chart.png"
    code = main(
        [
            "report",
            "--cases",
            str(EXAMPLES / "cases.csv"),
            "--events",
            str(EXAMPLES / "events.csv"),
            "--year",
            "2023",
            "--offices",
            str(EXAMPLES / "offices.csv"),
            "--quota",
            str(EXAMPLES / "quota.csv"),
            "--chart",
            str(png),
        ],
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert code == 0
    assert png_size(png) == (1200, 700)


def test_headless_and_missing_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No display in a fresh interpreter: drawing still works and pyplot is never loaded.
    script = (
        "import sys, thads\n"
        "from thads.samples import province_2023\n"
        "s = province_2023()\n"
        "r = thads.report(s.cases, thads.StatisticalPeriod(2023), offices=s.offices,"
        " quotas=s.quotas)\n"
        f"thads.write.office_rates(r, {str(tmp_path / 'p.png')!r})\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(thads.__file__).parent.parent)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    assert png_size(tmp_path / "p.png") == (1200, 700)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    report = thads.report(_reader(), thads.StatisticalPeriod(2023))
    with pytest.raises(MissingExtraError, match=r"thads\[chart\]"):
        chart.office_rates(report, tmp_path / "x.png")


def test_labels_are_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # keep the figure that office_rates draws, and read its texts
    drawn: list[object] = []
    real_save = _chart._save

    def keep(figure: object, path: str | Path) -> Path:
        drawn.append(figure)
        return real_save(figure, path)

    monkeypatch.setattr(_chart, "_save", keep)
    report = thads.report(
        _reader(),
        thads.StatisticalPeriod(2023),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )
    chart.office_rates(report, tmp_path / "bars.png")
    (figure,) = drawn
    axes = figure.axes[0]  # type: ignore[attr-defined]
    assert axes.get_ylabel() == "Tỷ lệ thi hành xong về việc (%)"
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert "Chỉ tiêu" in legend and "Tỷ lệ đạt" in legend
