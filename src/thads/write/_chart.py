"""Charts (biểu đồ) of resolution rates against the quota, as PNG files (thads[chart]).

- :func:`office_rates`: each office's resolution rate (tỷ lệ thi hành xong) as a bar,
  with its quota (chỉ tiêu) drawn as a line across the bar;
- :func:`monthly_path`: the cumulative monthly rate of one statistical year (lũy kế
  theo tháng, October to September) against the pro-rata quota line (target × n / 12,
  the tiến độ of docs/sources/statistics.md §7.3).

Labels are Vietnamese and numbers use the Vietnamese format (82,90%). Drawing uses
matplotlib's Agg canvas directly, so it works without a display and leaves the global
pyplot backend alone. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, Literal

from thads.count import Report, ReportRow
from thads.errors import InvalidRecordError, MissingExtraError
from thads.fmt import format_decimal, format_percent
from thads.values import Rate, round_half_up
from thads.write._guard import clean_text

Unit = Literal["cases", "money"]

WIDTH: Final = 1200
"""Default width of a chart in pixels."""
HEIGHT: Final = 700
"""Default height of a chart in pixels."""
DPI: Final = 100

_UNIT_WORDS: Final[dict[str, str]] = {"cases": "về việc", "money": "về tiền"}
_MONTH_NAMES: Final = ("T10", "T11", "T12", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")
"""Calendar months of a statistical year (1 October to 30 September), in order."""


def _figure(width: int, height: int) -> tuple[Any, Any]:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        raise MissingExtraError("matplotlib", "chart", "drawing a chart") from None
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, int) or not 100 <= value <= 10_000:
            raise InvalidRecordError("chart", name, f"pixels must be 100..10000, got {value!r}")
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.yaxis.set_major_formatter(FuncFormatter(_percent_tick))
    axes.grid(axis="y", alpha=0.3)
    return figure, axes


def _percent_tick(value: float, _position: object = None) -> str:
    """A tick in Vietnamese format: 82.5 → "82,5%" (no trailing zeros)."""
    text = format_decimal(round_half_up(Fraction(repr(float(value))), 2), None)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def chart_text(text: str) -> str:
    """``text`` as matplotlib prints it literally: control characters removed and every
    ``$`` escaped, so an office named "Phòng $1 $2" is not read as mathtext (công thức)."""
    return clean_text(text).replace("$", r"\$")


def _rate(row: ReportRow, unit: Unit) -> Rate | None:
    return row.rate("cases") if unit == "cases" else row.rate("money")


def _target(row: ReportRow, unit: Unit) -> Decimal | None:
    if row.quota is None:
        return None
    return row.quota.cases if unit == "cases" else row.quota.money


def _check_unit(unit: str) -> None:
    if unit not in _UNIT_WORDS:
        raise InvalidRecordError("chart", "unit", f"unknown unit {unit!r}; use cases, money")


def _save(figure: Any, path: str | Path) -> Path:
    out = Path(path)
    figure.savefig(out, format="png", dpi=DPI)
    return out


def office_rates(
    report: Report,
    path: str | Path,
    *,
    unit: Unit = "cases",
    codes: Iterable[str] | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Path:
    """Bars of each office's rate with its quota line; written as a PNG to ``path``.

    The offices are ``codes`` (in that order) or else the deepest rows of the report
    (the offices or executors below the total). A row with nothing enforceable has no
    rate: its bar is left empty and labelled "—".
    """
    _check_unit(unit)
    rows = _chosen_rows(report, codes)
    figure, axes = _figure(width, height)
    positions = list(range(len(rows)))
    values = []
    for row in rows:
        rate = _rate(row, unit)
        values.append(0.0 if rate is None else float(rate.exact_percent))
    bars = axes.bar(positions, values, color="#2f6db3", label="Tỷ lệ đạt", width=0.6)
    for bar, row in zip(bars, rows, strict=True):
        axes.annotate(
            format_percent(_rate(row, unit)),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    labelled = False
    for x, row in zip(positions, rows, strict=True):
        target = _target(row, unit)
        if target is None:
            continue
        axes.hlines(
            float(target),
            x - 0.4,
            x + 0.4,
            colors="#c0392b",
            linewidth=2.5,
            label=None if labelled else "Chỉ tiêu",
        )
        labelled = True
    axes.set_xticks(
        positions, [chart_text(row.name) for row in rows], rotation=30, ha="right", fontsize=8
    )
    axes.set_ylim(0, 105)
    axes.set_ylabel(f"Tỷ lệ thi hành xong {_UNIT_WORDS[unit]} (%)")
    axes.set_title(
        f"Tỷ lệ thi hành xong {_UNIT_WORDS[unit]} so với chỉ tiêu — {report.period.label}"
    )
    axes.legend(loc="upper right")
    figure.tight_layout()
    return _save(figure, path)


def _chosen_rows(report: Report, codes: Iterable[str] | None) -> list[ReportRow]:
    if codes is not None:
        chosen = []
        for code in codes:
            try:
                chosen.append(report.row(code))
            except KeyError:
                raise InvalidRecordError(
                    "chart", "codes", f"no row {code!r} in the report"
                ) from None
        rows = chosen
    else:
        deepest = max(row.depth for row in report.rows)
        rows = [row for row in report.rows if row.depth == deepest]
    if not rows:
        raise InvalidRecordError("chart", "codes", "no office to draw")
    return rows


def monthly_path(
    reports: Mapping[Any, Report] | Iterable[Report],
    path: str | Path,
    *,
    code: str | None = None,
    unit: Unit = "cases",
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Path:
    """The cumulative monthly rate of one year against the pro-rata quota line, as a PNG.

    ``reports`` are the cumulative reports of one statistical year (for example
    ``thads.reports(cases, thads.StatisticalPeriod(2023).months_of_year())``); ``code``
    is the row drawn (default: the total). The quota line is target × n / 12 for month
    n (rounded half-up to 2 places, as progress is computed); it is left out when the
    row has no quota.
    """
    _check_unit(unit)
    items = list(reports.values()) if isinstance(reports, Mapping) else list(reports)
    if not items:
        raise InvalidRecordError("chart", "reports", "no report given")
    years = {r.period.year for r in items}
    if len(years) != 1:
        raise InvalidRecordError(
            "chart", "reports", f"reports of one statistical year expected, got {sorted(years)}"
        )
    year = years.pop()
    by_month = {}
    for item in items:
        if item.period.months in by_month:
            raise InvalidRecordError("chart", "reports", f"two reports for {item.period.label}")
        by_month[item.period.months] = item
    months = sorted(by_month)
    rows = []
    for month in months:
        current = by_month[month]
        try:
            rows.append(current.row(code) if code is not None else current.total)
        except KeyError:
            raise InvalidRecordError(
                "chart", "code", f"no row {code!r} in the report of {current.period.label}"
            ) from None
    figure, axes = _figure(width, height)
    rates = [_rate(row, unit) for row in rows]
    axes.plot(
        [m for m, r in zip(months, rates, strict=True) if r is not None],
        [float(r.exact_percent) for r in rates if r is not None],
        marker="o",
        color="#2f6db3",
        label="Tỷ lệ lũy kế",
    )
    for month, rate in zip(months, rates, strict=True):
        if rate is not None:
            axes.annotate(
                format_percent(rate),
                (month, float(rate.exact_percent)),
                fontsize=8,
                xytext=(0, 6),
                textcoords="offset points",
                ha="center",
            )
    target = _target(rows[-1], unit)
    if target is not None:
        line = [round_half_up(Fraction(target) * n / 12, 2) for n in range(1, 13)]
        axes.plot(
            list(range(1, 13)),
            [float(v) for v in line],
            linestyle="--",
            color="#c0392b",
            label=f"Chỉ tiêu theo tiến độ ({format_percent(target)} cả năm)",
        )
    axes.set_xticks(list(range(1, 13)), list(_MONTH_NAMES))
    axes.set_xlim(0.5, 12.5)
    axes.set_ylim(0, 105)
    axes.set_xlabel(f"Tháng của năm thống kê {year} (01/10/{year - 1} – 30/09/{year})")
    axes.set_ylabel(f"Tỷ lệ thi hành xong {_UNIT_WORDS[unit]} (%)")
    axes.set_title(
        f"{chart_text(rows[-1].name)}: tỷ lệ lũy kế theo tháng {_UNIT_WORDS[unit]}, năm {year}"
    )
    axes.legend(loc="upper left")
    figure.tight_layout()
    return _save(figure, path)


__all__ = ["HEIGHT", "WIDTH", "chart_text", "monthly_path", "office_rates"]
