"""The tables (bảng) behind every output of the metrics: one :class:`thads.write.Table`
per layout, which the shared writers of :mod:`thads.write` print (text, CSV, frames).

Each layout chooses its columns, their kinds and headings; no figure is formatted
here. Money in triệu đồng for people is a ``number`` cell of three places
(``32,000``); exact ratios stay :class:`~fractions.Fraction` (``549/2`` in CSV, a float
in frames, beside the exact text in an ``_exact`` column).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter
from typing import Any, Final, TypeAlias

from thads.metrics._compute import FlowsTable, MetricsTable, Row
from thads.metrics._flows import Flow, MonthFlows
from thads.metrics._indicators import AGE_BANDS, CLOSINGS, Metrics
from thads.metrics._outlook import Outlook, Projection
from thads.metrics._reconcile import Reconciliation
from thads.records import level_name
from thads.values import Rate, round_half_up
from thads.write import Cell, Column, Kind, Table, csv_cell

# --- metrics: one column per figure, chosen by each layout ------------------------------

_Get: TypeAlias = Callable[[MetricsTable, Row[Metrics]], Cell]


def _day(value: date | None) -> str | None:
    """A day as ISO text, as the metrics frames have always given it (not a date cell)."""
    return None if value is None else value.isoformat()


def _exact(value: Fraction | None) -> str | None:
    """An exact ratio as text, ``"549/2"`` or ``"244"`` (the CSV writer's exact form)."""
    return None if value is None else csv_cell(value)


def _terms(rate: Rate | None) -> str | None:
    """A rate's own terms as text, ``"77000000/190000000"`` (not reduced)."""
    return None if rate is None else f"{rate.numerator}/{rate.denominator}"


def _percent(rate: Rate | None) -> Fraction | None:
    return None if rate is None else rate.exact_percent


def _of(attribute: str, convert: Callable[[Any], Cell] | None = None) -> _Get:
    """The getter of a row's ``attribute`` of its :class:`Metrics`, through ``convert``."""

    def get(table: MetricsTable, row: Row[Metrics]) -> Cell:
        value = getattr(row.value, attribute)
        return value if convert is None else convert(value)

    return get


def _figures() -> dict[str, tuple[Kind, _Get]]:
    """Every column a metrics layout may hold: its kind and how a row gives its cell."""
    figures: dict[str, tuple[Kind, _Get]] = {
        "start": ("text", lambda t, r: _day(t.range.start)),
        "end": ("text", lambda t, r: _day(t.range.end)),
        "drawn_on": ("text", lambda t, r: _day(t.drawn_on)),
        "code": ("text", lambda t, r: r.code),
        "name": ("text", lambda t, r: r.name),
        "level": ("text", lambda t, r: level_name(r.level)),
        "depth": ("count", lambda t, r: r.depth),
        "parent": ("text", lambda t, r: r.parent),
        "executors": ("count", _of("executor_count")),
    }
    counts = ("carried_over", "incoming", "disposed", "resolved", "pending", "backlog_change")
    for name in (*counts, "p50", "p75", "p90"):
        figures[name] = ("count", _of(name))
    for name in ("accepted", "completed", "terminated", "reduced", "resolved"):
        figures[f"money_{name}"] = ("money", _of(f"money_{name}"))
    for name in ("clearance_rate", "collection_rate"):  # a Rate
        figures[name] = ("rate", _of(name))
        figures[f"{name}_percent"] = ("number", _of(name, _percent))
        figures[f"{name}_exact"] = ("text", _of(name, _terms))
    for name, attribute in (
        ("disposition_time_days", "disposition_time"),
        ("caseload_per_executor", "caseload_per_executor"),
    ):  # an exact Fraction
        figures[name] = ("number", _of(attribute))
        figures[f"{name}_exact"] = ("text", _of(attribute, _exact))
    for i, closing in enumerate(CLOSINGS):
        figures[f"disposed_{closing}"] = ("count", _of("disposed_by", itemgetter(i)))
    for i, band in enumerate(AGE_BANDS):
        figures[f"age_{band}"] = ("count", _of("age_bands", itemgetter(i)))
    return figures


_FIGURES: Final = _figures()

CSV_COLUMNS: Final = (
    "code", "name", "carried_over", "incoming", "disposed", "pending", "backlog_change",
    "clearance_rate", "disposition_time_days", *(f"age_{band}" for band in AGE_BANDS),
    "p50", "p75", "p90", "money_accepted", "money_completed", "collection_rate",
    "executors", "caseload_per_executor",
)  # fmt: skip
"""Columns of :func:`to_csv`; rates are percents rounded half-up, ratios exact a/b."""

FRAME_COLUMNS: Final = (
    "start", "end", "drawn_on", "code", "name", "level", "depth", "parent",
    "carried_over", "incoming", "disposed", *(f"disposed_{c}" for c in CLOSINGS),
    "resolved", "pending", "backlog_change", "clearance_rate_percent",
    "clearance_rate_exact", "disposition_time_days", "disposition_time_days_exact",
    *(f"age_{band}" for band in AGE_BANDS), "p50", "p75", "p90", "money_accepted",
    "money_completed", "money_terminated", "money_reduced", "money_resolved",
    "collection_rate_percent", "collection_rate_exact", "executors",
    "caseload_per_executor", "caseload_per_executor_exact",
)  # fmt: skip
"""Columns of a metrics frame, in order (rates as percents: 150.0 for 3/2)."""


def metrics_table(table: MetricsTable, names: Iterable[str]) -> Table:
    """The metrics table with the columns ``names`` (from CSV_COLUMNS, FRAME_COLUMNS)."""
    chosen = [(name, *_FIGURES[name]) for name in names]
    return Table(
        [Column(name, kind=kind) for name, kind, _ in chosen],
        [[get(table, row) for _, _, get in chosen] for row in table.rows],
    )


def _tenths(value: Fraction | None) -> Decimal | None:
    return None if value is None else round_half_up(value, 1)


def metrics_text_table(table: MetricsTable) -> Table:
    """The metrics for people: Vietnamese headings, CEPEJ abbreviations, rates in
    percent and days to one place, under a title that says what CR and DT are."""
    columns = [
        Column("name", "Đơn vị"), Column("carried_over", "Tồn đầu", "count"),
        Column("incoming", "Nhận", "count"), Column("disposed", "Xử lý", "count"),
        Column("pending", "Tồn cuối", "count"), Column("backlog_change", "± tồn", "count"),
        Column("clearance_rate", "CR %", "number"),
        Column("disposition_time", "DT ngày", "number"),
        Column("over_two_years", "Tồn >2 năm", "count"), Column("p50", "p50", "count"),
        Column("p90", "p90", "count"), Column("collection_rate", "Thu %", "number"),
        Column("caseload", "Việc/CHV", "number"),
    ]  # fmt: skip
    rows = []
    for row in table.rows:
        m = row.value
        cr, col = m.clearance_rate, m.collection_rate
        rows.append(
            (
                row.name, m.carried_over, m.incoming, m.disposed, m.pending,
                m.backlog_change, None if cr is None else cr.percent,
                _tenths(m.disposition_time), m.age_bands[3] + m.age_bands[4], m.p50, m.p90,
                None if col is None else col.percent, _tenths(m.caseload_per_executor),
            )
        )  # fmt: skip
    title = (
        f"Chỉ số CourTools / CEPEJ, {table.range.label} "
        "(CR = xử lý / nhận, không phải tỷ lệ thi hành xong; DT = số ngày × tồn cuối / xử lý)"
    )
    return Table(columns, rows, title=title, depths=[row.depth for row in table.rows])


# --- monthly flows ------------------------------------------------------------------------

_FLOW_ROWS: Final = (
    "new", "completed", "terminated", "reduced", "resolved", "entrusted", "withdrawn"
)  # fmt: skip

FLOW_FRAME_COLUMNS: Final = (
    "year", "month", "drawn_on", "code", "name", "level", "depth", "parent", "unit",
    *_FLOW_ROWS,
)  # fmt: skip
"""Columns of a monthly flows frame, in order (``month`` is its first day)."""


def _flow_lines(table: FlowsTable) -> Iterator[tuple[Row[MonthFlows], date, str, Flow]]:
    """(row, first day of the month, unit, flow): per row and month, cases then money."""
    for row in table.rows:
        flows = row.value
        for first, cases, money in zip(flows.months(), flows.cases, flows.money, strict=True):
            yield row, first, "cases", cases
            yield row, first, "money", money


def _flow_cells(flow: Flow) -> list[Cell]:
    return [getattr(flow, name) for name in _FLOW_ROWS]


def flows_csv_table(table: FlowsTable) -> Table:
    """The flows for CSV: code, name, month (``YYYY-MM``), unit and the seven rows."""
    columns = [Column(name) for name in ("code", "name", "month", "unit")]
    columns += [Column(name, kind="count") for name in _FLOW_ROWS]
    rows = [
        [row.code, row.name, f"{first:%Y-%m}", unit, *_flow_cells(flow)]
        for row, first, unit, flow in _flow_lines(table)
    ]
    return Table(columns, rows)


def flows_frame_table(table: FlowsTable) -> Table:
    """The flows for data frames (:data:`FLOW_FRAME_COLUMNS`)."""
    kinds: dict[str, Kind] = {"year": "count", "depth": "count"}
    columns = [Column(name, kind=kinds.get(name, "text")) for name in FLOW_FRAME_COLUMNS[:9]]
    columns += [Column(name, kind="count") for name in _FLOW_ROWS]
    rows = []
    for row, first, unit, flow in _flow_lines(table):
        rows.append(
            [
                table.year, _day(first), _day(table.drawn_on), row.code, row.name,
                level_name(row.level), row.depth, row.parent, unit, *_flow_cells(flow),
            ]
        )  # fmt: skip
    return Table(columns, rows)


# --- reconciliation -----------------------------------------------------------------------

RECONCILIATION_COLUMNS: Final = (
    "code", "name", "level", "depth", "carried_forward_cases", "carried_forward_money",
    "carried_over_cases", "carried_over_money", "difference_cases", "difference_money",
    "separate_register_cases", "separate_register_money", "unexplained_cases",
    "unexplained_money", "explained",
)  # fmt: skip
"""Columns of :func:`reconciliation_csv` (money in đồng)."""


def _yes(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def reconciliation_csv_table(result: Reconciliation) -> Table:
    """The reconciliation for CSV (:data:`RECONCILIATION_COLUMNS`, money in đồng)."""
    kinds: list[Kind] = ["text", "text", "text", "count"]
    kinds += ["count", "money"] * 5
    kinds.append("text")
    columns = [Column(n, kind=k) for n, k in zip(RECONCILIATION_COLUMNS, kinds, strict=True)]
    rows = []
    for row in result.rows:
        moves = row.separate_register
        rows.append(
            [
                row.code, row.name, level_name(row.level), row.depth, *row.carried_forward,
                *row.carried_over, *row.difference, len(moves), sum(m.money for m in moves),
                *row.unexplained, _yes(row.explained),
            ]
        )  # fmt: skip
    return Table(columns, rows)


def _millions(dong: int | None) -> Decimal | None:
    """Đồng in triệu đồng, three places (the tables' ``(tr.đ)`` columns)."""
    return None if dong is None else round_half_up(Fraction(dong, 1_000_000), 3)


def reconciliation_text_table(result: Reconciliation) -> Table:
    """The reconciliation for people: cases carried forward, carried over, the
    difference, the moves, what is unexplained; money in triệu đồng."""
    columns = [
        Column("name", "Đơn vị"), Column("carried_forward", "Chuyển kỳ sau (việc)", "count"),
        Column("carried_over", "Năm trước chuyển sang (việc)", "count"),
        Column("difference", "Chênh lệch", "count"), Column("moved", "Sổ riêng", "count"),
        Column("unexplained", "Chưa giải thích", "count"),
        Column("carried_forward_money", "Tiền chuyển kỳ sau (tr.đ)", "number"),
        Column("carried_over_money", "Tiền năm trước chuyển sang (tr.đ)", "number"),
        Column("unexplained_money", "Tiền chưa giải thích (tr.đ)", "number"),
    ]  # fmt: skip
    rows = []
    for row in result.rows:
        rows.append(
            (
                row.name, row.carried_forward[0], row.carried_over[0], row.difference[0],
                len(row.separate_register), row.unexplained[0],
                _millions(row.carried_forward[1]), _millions(row.carried_over[1]),
                _millions(row.unexplained[1]),
            )
        )  # fmt: skip
    source = "báo cáo đã lưu" if result.saved else "cùng dữ liệu việc"
    drawn = "" if result.drawn_on is None else f", cây đơn vị ngày {result.drawn_on:%d/%m/%Y}"
    title = (
        f"Đối chiếu số chuyển kỳ sau năm {result.year - 1} ({source}) với số năm trước "
        f"chuyển sang năm {result.year}{drawn}"
    )
    return Table(columns, rows, title=title, depths=[row.depth for row in result.rows])


# --- the year-end outlook (a projection) ------------------------------------------------

PROJECTION_MARK: Final = "DỰ BÁO (projection)"
"""The mark every output of an :class:`Outlook` carries: projected, not counted."""

_PROJECTED: Final[tuple[tuple[str, Kind], ...]] = (
    ("counted_resolved", "count"),
    ("counted_enforceable", "count"),
    ("projected_resolved", "number"),
    ("projected_enforceable", "number"),
    ("projected_percent", "percent"),
    ("projected_percent_exact", "number"),
    ("quota", "percent"),
    ("projected_points", "number"),
    ("reaches_quota", "text"),
    ("needed", "count"),
    ("needed_per_month", "number"),
)
"""The figures of one projection, as the CSV and the JSON name them."""

OUTLOOK_COLUMNS: Final = (
    "kind", "year", "months_counted", "method", "code", "name", "unit",
    *(name for name, _ in _PROJECTED),
)  # fmt: skip
"""Columns of :func:`outlook_csv`; ``kind`` is :data:`PROJECTION_MARK` on every line."""


def projected_cells(p: Projection) -> list[Cell]:
    """The figures of ``p`` in the order of the projection's columns (exact)."""
    return [
        p.counted_resolved, p.counted_enforceable, p.resolved, p.enforceable, p.percent,
        p.exact_percent, p.quota, p.points, _yes(p.reaches_quota), p.needed,
        p.needed_per_month,
    ]  # fmt: skip


def projected_names() -> tuple[str, ...]:
    """The names of the projection's columns."""
    return tuple(name for name, _ in _PROJECTED)


def outlook_csv_table(result: Outlook) -> Table:
    """The outlook for CSV: one line per row and unit, each marked as a projection."""
    kinds: list[Kind] = ["text", "number", "count", "text", "text", "text", "text"]
    kinds += [kind for _, kind in _PROJECTED]
    columns = [Column(n, kind=k) for n, k in zip(OUTLOOK_COLUMNS, kinds, strict=True)]
    rows = []
    for row in result.rows:
        for p in (row.cases, row.money):
            rows.append(
                [
                    PROJECTION_MARK, result.year, result.months, result.method, row.code,
                    row.name, p.unit, *projected_cells(p),
                ]
            )  # fmt: skip
    return Table(columns, rows)


_METHOD_TEXT: Final = {
    "average": "mỗi tháng còn lại như bình quân các tháng đã qua",
    "last_year": "các tháng còn lại như cùng các tháng năm trước",
}


def _so_far(p: Projection) -> Fraction | None:
    """The rate counted so far × 100, exact; None when nothing has conditions."""
    if p.counted_enforceable == 0:
        return None
    return Fraction(100 * p.counted_resolved, p.counted_enforceable)


def outlook_text_table(result: Outlook) -> Table:
    """The outlook for people, under a title that says it is a projection: per unit the
    rate so far (counted), the projected year-end rate, the quota and the planner's
    needed (cases; money in triệu đồng)."""
    columns = [Column("name", "Đơn vị")]
    needs: tuple[tuple[str, str, str, Kind], ...] = (
        ("cases", "việc", "(việc)", "count"),
        ("money", "tiền", "(tr.đ)", "number"),
    )
    for unit, word, needed, kind in needs:
        columns += [
            Column(f"{unit}_so_far", f"Tỷ lệ {word} đến nay", "number"),
            Column(f"{unit}_projected", f"Dự báo {word}", "number"),
            Column(f"{unit}_quota", f"Chỉ tiêu {word}", "number"),
            Column(f"{unit}_needed", f"Cần thêm {needed}", kind),
        ]
    rows = []
    for row in result.rows:
        cells: list[Cell] = [row.name]
        for p in (row.cases, row.money):
            needed_cell = p.needed if p.unit == "cases" else _millions(p.needed)
            cells += [_so_far(p), p.percent, p.quota, needed_cell]
        rows.append(cells)
    title = (
        f"{PROJECTION_MARK} — tỷ lệ cuối năm {result.year} nếu "
        f"{_METHOD_TEXT[result.method]} ({result.months} tháng đã qua, "
        f"{12 - result.months} tháng còn lại); không phải số liệu thống kê"
    )
    return Table(columns, rows, title=title, depths=[row.depth for row in result.rows])
