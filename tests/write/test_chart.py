"""Charts are PNG images of the requested size, drawn headless; labels in Vietnamese."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

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


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The figures the chart functions draw, kept as they are saved."""
    figures: list[Any] = []
    real_save = _chart._save

    def keep(figure: Any, path: str | Path) -> Path:
        figures.append(figure)
        return real_save(figure, path)

    monkeypatch.setattr(_chart, "_save", keep)
    return figures


def _bars(figure: Any) -> dict[str, Any]:
    """What a bar chart shows: bar heights, their labels, quota lines, office names."""
    axes = figure.axes[0]
    return {
        "heights": [bar.get_height() for bar in axes.patches],
        "labels": [text.get_text() for text in axes.texts],
        "quota": [  # each line as x0, y0, x1, y1
            float(v)
            for lines in axes.collections
            for segment in lines.get_segments()
            for point in segment
            for v in point
        ],
        "names": [label.get_text() for label in axes.get_xticklabels()],
    }


# The tutorial's year 2023 (docs/examples; docs/tutorial.md), worked by hand:
# office A: T1 (carried over, 200 tr, completed), T2 (15 tr, completed), T3 (900 tr,
#   enforceable, 300 tr collected): cases 2/3 = 66,666..%; money (200 + 15 + 300) /
#   (200 + 15 + 900) = 515/1115 = 46,188..% → 46,19%.
# office B: T4 without conditions, T5 stayed (48.1.a), T6 postponed on 48.1.c (with
#   conditions, 50 tr): cases 0/1 = 0%, money 0/50 = 0%.
# Quota of P (82,80 / 45,80) applies to A and B, its offices.
NAMES = ["Chi cục THADS huyện A", "Chi cục THADS huyện B"]


def _quota_lines(y: float) -> list[float]:
    # one line per bar, across the bar's width (bar at x = 0, 1; line from x − 0,4 to x + 0,4)
    return [-0.4, y, 0.4, y, 0.6, y, 1.4, y]


def test_office_rates_png(tmp_path: Path, drawn: list[Any]) -> None:
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
    by_cases, by_money = (_bars(figure) for figure in drawn)
    assert by_cases["names"] == NAMES and by_money["names"] == NAMES
    assert by_cases["heights"] == pytest.approx([200 / 3, 0.0])
    assert by_cases["labels"] == ["66,67%", "0,00%"]
    assert by_cases["quota"] == pytest.approx(_quota_lines(82.8))
    assert by_money["heights"] == pytest.approx([51500 / 1115, 0.0])
    assert by_money["labels"] == ["46,19%", "0,00%"]
    assert by_money["quota"] == pytest.approx(_quota_lines(45.8))


def test_monthly_path_png(tmp_path: Path, drawn: list[Any]) -> None:
    reports = thads.reports(
        _reader(),
        thads.StatisticalPeriod(2023).months_of_year(),
        offices=read_offices(EXAMPLES / "offices.csv"),
        quotas=read_quotas(EXAMPLES / "quota.csv"),
    )
    out = chart.monthly_path(reports, tmp_path / "path.png", code="P", width=1000, height=600)
    assert png_size(out) == (1000, 600)
    (figure,) = drawn
    rates, quota = figure.axes[0].get_lines()
    # P's cumulative rate by cases, month by month (month 1 = October 2022), by hand:
    # m1 T1, T2 with conditions, none resolved: 0/2; m2 + T3: 0/3; m3 T2 completed
    # (1/12/2022), + T5: 1/4 = 25%; m4 + T4: 1/5 = 20%; m5 T1 completed (14/2/2023), T5
    # stayed: 2/4 = 50%; m6 T4 without conditions, + T6: 2/4; m7-12 T6 postponed on
    # 48.1.c, still with conditions: 2/4 = 50%.
    assert list(rates.get_xdata()) == list(range(1, 13))
    assert list(rates.get_ydata()) == pytest.approx([0, 0, 25, 20] + [50] * 8)
    # the pro-rata quota: 82,80 × n / 12 = 6,90 × n
    assert list(quota.get_xdata()) == list(range(1, 13))
    assert list(quota.get_ydata()) == pytest.approx([6.9 * n for n in range(1, 13)])
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert labels == ["0,00%", "0,00%", "25,00%", "20,00%"] + ["50,00%"] * 8


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


def test_cli_chart(tmp_path: Path, drawn: list[Any]) -> None:
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
    (figure,) = drawn  # the offices' rates by cases, as worked above
    bars = _bars(figure)
    assert bars["names"] == NAMES
    assert bars["heights"] == pytest.approx([200 / 3, 0.0])
    assert bars["labels"] == ["66,67%", "0,00%"]
    assert bars["quota"] == pytest.approx(_quota_lines(82.8))


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
