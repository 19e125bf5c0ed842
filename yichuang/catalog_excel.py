"""The service catalog as an Excel workbook, for the offices that keep their item lists in Excel.

Why openpyxl: it reads and writes .xlsx in pure Python, so a hall PC needs neither Excel nor
LibreOffice, and it gives us what an office expects in the exported file (bold frozen headers,
column widths, drop-down lists for the enumerations, header comments).

One sheet per table, with Chinese sheet names and a Chinese header row: 大厅, 服务领域, 部门,
队列, 事项, 材料 (one row per material, tied to its item by 事项编码) and 窗口. Columns are
found by their header text, so an office may reorder columns or add its own. Staff are not part
of the workbook (it travels between offices, PINs must not), so ``import_catalog`` returns a
catalog with no staff.

Every problem in an imported workbook is a ``CatalogError`` naming the sheet, the row as Excel
numbers it and the column header, e.g. 事项表第 12 行“承诺时限”不是整数：abc.
"""

from __future__ import annotations

import os
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from yichuang.catalog import (
    ITEM_TYPES,
    Catalog,
    CounterSpec,
    Department,
    HallInfo,
    Handling,
    Material,
    Necessity,
    Queue,
    Scope,
    ServiceArea,
    ServiceItem,
)
from yichuang.errors import CatalogError
from yichuang.i18n import QT_TRANSLATE_NOOP

YES, NO = "是", "否"
_TRUE = {"是", "y", "yes", "true", "1", "√", "✓"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗"}
_QUEUE_SEPARATORS = re.compile(r"[、,，;；\s]+")
_INTEGER = re.compile(r"[+-]?\d+")


@dataclass(frozen=True)
class Column:
    zh: str  # the header text, which is how a column is found
    en: str  # the data model's field name, for the English message
    required: bool = True  # the header must be present (a value may still be optional)
    width: int = 16
    choices: tuple[str, ...] = ()  # drop-down list in the exported workbook
    note: str = ""  # header comment in the exported workbook


@dataclass(frozen=True)
class SheetSpec:
    zh: str
    en: str
    columns: tuple[Column, ...]

    def column(self, zh: str) -> Column:
        return next(c for c in self.columns if c.zh == zh)


HALL = SheetSpec(
    "大厅",
    "hall",
    (
        Column("大厅名称", "name", width=30),
        Column("地址", "address", False, 48),
        Column("电话", "phone", False),
        Column("办公时间", "hours", False, 48),
    ),
)
AREAS = SheetSpec(
    "服务领域",
    "areas",
    (Column("领域编码", "code"), Column("领域名称", "name", width=30)),
)
DEPARTMENTS = SheetSpec(
    "部门",
    "departments",
    (
        Column("部门编码", "code"),
        Column("部门名称", "name", width=36),
        Column("所属领域", "area", note="填写“服务领域”表中的领域编码"),
        Column("办公地点", "place", False, 40),
        Column("联系电话", "phone", False),
        Column("办公时间", "hours", False, 48),
    ),
)
QUEUES = SheetSpec(
    "队列",
    "queues",
    (
        Column("队列编码", "code", note="取号字母，如 A（号码为 A001、A002…）"),
        Column("队列名称", "name", width=24),
        Column("每日号源上限", "daily_cap", False, note="留空表示不限"),
    ),
)
ITEMS = SheetSpec(
    "事项",
    "items",
    (
        Column("事项编码", "code", width=20),
        Column("事项名称", "name", width=40),
        Column("实施部门", "department", note="填写“部门”表中的部门编码"),
        Column("队列", "queue", width=8, note="填写“队列”表中的队列编码"),
        Column("事项类型", "type", width=14, choices=ITEM_TYPES),
        Column("办件类型", "handling", width=10, choices=tuple(h.value for h in Handling)),
        Column("法定时限", "statutory_limit_days", width=10, note="工作日"),
        Column("承诺时限", "promised_limit_days", width=10, note="工作日；即办件填 0"),
        Column("设定依据", "legal_basis", False, 48),
        Column("受理条件", "conditions", False, 48),
        Column("收费", "fee", False, 24),
        Column("办理地点", "place", False, 36),
        Column("办理时间", "hours", False, 36),
        Column("咨询电话", "phone", False),
        Column("办事指南", "guide_url", False, 40, note="网上办事指南地址，打印在明白纸的二维码中"),
        Column("一次办好", "one_visit", False, 10, choices=(YES, NO)),
        Column(
            "通办范围",
            "scope",
            False,
            12,
            choices=tuple(s.value for s in Scope if s.value),
            note="跨省通办、全省通办、市域通办；留空表示无",
        ),
    ),
)
MATERIALS = SheetSpec(
    "材料",
    "materials",
    (
        Column(
            "事项编码", "item", width=20, note="填写“事项”表中的事项编码；同一事项的材料按行序排列"
        ),
        Column("材料名称", "name", width=40),
        Column(
            "必要性",
            "necessity",
            width=10,
            choices=tuple(n.value for n in Necessity),
            note="只有“容缺后补”的材料可在容缺受理时暂缺",
        ),
        Column("原件份数", "originals", False, 10),
        Column("复印件份数", "copies", False, 10),
        Column("来源渠道", "source", False, 24),
        Column("样表", "sample_form", False, 28),
        Column("合格标准", "standard", False, 48),
    ),
)
COUNTERS = SheetSpec(
    "窗口",
    "counters",
    (
        Column("窗口号", "number", width=8),
        Column("窗口名称", "name", False, 28),
        Column("服务队列", "queues", width=16, note="队列编码，按优先顺序，用顿号分隔，如 A、F"),
        Column("位置", "place", False, 28),
    ),
)
SHEETS = (HALL, AREAS, DEPARTMENTS, QUEUES, ITEMS, MATERIALS, COUNTERS)


# -- errors ----------------------------------------------------------------------------------


def _where_en(spec: SheetSpec, row: int, column: Column) -> str:
    return f"sheet {spec.zh} ({spec.en}), row {row}, column {column.zh} ({column.en})"


def _cell_error(
    zh: str, en: str, spec: SheetSpec, row: int, column: Column, **params: Any
) -> CatalogError:
    return CatalogError(
        zh=zh,
        en=en,
        sheet=spec.zh,
        row=row,
        column=column.zh,
        where=_where_en(spec, row, column),
        **params,
    )


def _file_error(path: os.PathLike[str] | str, exc: BaseException, *, writing: bool) -> CatalogError:
    if isinstance(exc, FileNotFoundError):
        reason, reason_en = "文件或文件夹不存在", "no such file or folder"
    elif isinstance(exc, PermissionError):
        reason, reason_en = "没有访问权限（文件是否在 Excel 中打开？）", "permission denied"
    elif isinstance(exc, (InvalidFileException, zipfile.BadZipFile)):
        reason = "不是有效的 .xlsx 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）"
        reason_en = f"not a valid .xlsx file ({exc})"
    else:
        reason, reason_en = f"文件已损坏或格式不受支持（{exc}）", str(exc) or type(exc).__name__
    if writing:
        zh = QT_TRANSLATE_NOOP("errors", "无法保存目录文件 {path}：{reason}")
        en = "cannot write catalog workbook {path}: {reason_en}"
    else:
        zh = QT_TRANSLATE_NOOP("errors", "无法打开目录文件 {path}：{reason}")
        en = "cannot open catalog workbook {path}: {reason_en}"
    return CatalogError(zh=zh, en=en, path=os.fspath(path), reason=reason, reason_en=reason_en)


# -- export ----------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def _blank(value: str) -> str | None:
    return value if value else None


def _write_sheet(wb: Workbook, spec: SheetSpec, rows: Sequence[dict[str, Any]]) -> None:
    ws = wb.create_sheet(spec.zh)
    ws.append([c.zh for c in spec.columns])
    for index, column in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        if column.note:
            cell.comment = Comment(column.note, "一窗")
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for number, values in enumerate(rows, start=2):
        for index, column in enumerate(spec.columns, start=1):
            value = values.get(column.en)
            try:
                cell = ws.cell(row=number, column=index, value=value)
            except IllegalCharacterError as exc:
                raise _cell_error(
                    QT_TRANSLATE_NOOP(
                        "errors", "{sheet}表第 {row} 行“{column}”含有 Excel 不支持的控制字符"
                    ),
                    "{where}: contains a control character Excel cannot store",
                    spec,
                    number,
                    column,
                ) from exc
            if isinstance(value, str):
                # Text that looks like a formula stays text, so a round trip gives it back.
                if value.startswith("="):
                    cell.data_type = "s"
                if len(value) > 30:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(spec.columns, start=1):
        if column.choices:
            letter = get_column_letter(index)
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="取值无效",
                error="请从下拉列表中选择：" + "、".join(column.choices),
            )
            dv.add(f"{letter}2:{letter}1048576")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions


def export_catalog(catalog: Catalog, path: os.PathLike[str] | str) -> None:
    """Write ``catalog`` (without staff) to an .xlsx workbook at ``path``."""
    wb = Workbook()
    wb.remove(wb.active)
    h = catalog.hall
    _write_sheet(
        wb,
        HALL,
        [
            {
                "name": h.name,
                "address": _blank(h.address),
                "phone": _blank(h.phone),
                "hours": _blank(h.hours),
            }
        ],
    )
    _write_sheet(wb, AREAS, [{"code": a.code, "name": a.name} for a in catalog.areas])
    _write_sheet(
        wb,
        DEPARTMENTS,
        [
            {
                "code": d.code,
                "name": d.name,
                "area": d.area,
                "place": _blank(d.place),
                "phone": _blank(d.phone),
                "hours": _blank(d.hours),
            }
            for d in catalog.departments
        ],
    )
    _write_sheet(
        wb,
        QUEUES,
        [{"code": q.code, "name": q.name, "daily_cap": q.daily_cap} for q in catalog.queues],
    )
    _write_sheet(
        wb,
        ITEMS,
        [
            {
                "code": it.code,
                "name": it.name,
                "department": it.department,
                "queue": it.queue,
                "type": it.item_type,
                "handling": it.handling.value,
                "statutory_limit_days": it.statutory_limit_days,
                "promised_limit_days": it.promised_limit_days,
                "legal_basis": _blank(it.legal_basis),
                "conditions": _blank(it.conditions),
                "fee": _blank(it.fee),
                "place": _blank(it.place),
                "hours": _blank(it.hours),
                "phone": _blank(it.phone),
                "guide_url": _blank(it.guide_url),
                "one_visit": YES if it.one_visit else NO,
                "scope": _blank(it.scope.value),
            }
            for it in catalog.items
        ],
    )
    _write_sheet(
        wb,
        MATERIALS,
        [
            {
                "item": it.code,
                "name": m.name,
                "necessity": m.necessity.value,
                "originals": m.originals,
                "copies": m.copies,
                "source": _blank(m.source),
                "sample_form": _blank(m.sample_form),
                "standard": _blank(m.standard),
            }
            for it in catalog.items
            for m in it.materials
        ],
    )
    _write_sheet(
        wb,
        COUNTERS,
        [
            {
                "number": c.number,
                "name": _blank(c.name),
                "queues": "、".join(c.queues) or None,
                "place": _blank(c.place),
            }
            for c in catalog.counters
        ],
    )
    try:
        wb.save(path)
    except OSError as exc:
        raise _file_error(path, exc, writing=True) from exc


# -- import ----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    return str(value).strip()


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value.strip())
    return None


_REQUIRED: Any = object()  # default meaning "a value must be given"


class _Row:
    """One data row of a sheet; each accessor reports a bad cell by sheet, row and column."""

    def __init__(self, sheet: _SheetReader, number: int, values: tuple[Any, ...]) -> None:
        self.sheet = sheet
        self.number = number
        self.values = values

    def _column(self, zh: str) -> Column:
        return self.sheet.spec.column(zh)

    def raw(self, zh: str) -> Any:
        index = self.sheet.index.get(zh)
        if index is None or index >= len(self.values):
            return None
        value = self.values[index]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def error(self, zh: str, en: str, column: str, **params: Any) -> CatalogError:
        return _cell_error(zh, en, self.sheet.spec, self.number, self._column(column), **params)

    def empty(self, column: str) -> CatalogError:
        return self.error(
            QT_TRANSLATE_NOOP("errors", "{sheet}表第 {row} 行“{column}”不能为空"),
            "{where}: must not be empty",
            column,
        )

    def text(self, column: str, *, required: bool = False) -> str:
        value = _text(self.raw(column))
        if required and not value:
            raise self.empty(column)
        return value

    def integer(self, column: str, default: Any = _REQUIRED, minimum: int = 0) -> Any:
        value = self.raw(column)
        if value is None:
            if default is _REQUIRED:
                raise self.empty(column)
            return default
        number = _integer(value)
        if number is None:
            raise self.error(
                QT_TRANSLATE_NOOP("errors", "{sheet}表第 {row} 行“{column}”不是整数：{value}"),
                "{where}: not an integer: {value!r}",
                column,
                value=_text(value),
            )
        if number < minimum:
            raise self.error(
                QT_TRANSLATE_NOOP(
                    "errors", "{sheet}表第 {row} 行“{column}”不能小于 {minimum}：{value}"
                ),
                "{where}: must be at least {minimum}: {value}",
                column,
                value=number,
                minimum=minimum,
            )
        return number

    def choice(self, column: str, choices: Sequence[str], default: str | None = None) -> str:
        value = self.text(column)
        if not value:
            if default is None:
                raise self.empty(column)
            return default
        if value not in choices:
            raise self.bad_choice(column, value, choices)
        return value

    def bad_choice(self, column: str, value: str, choices: Sequence[str]) -> CatalogError:
        return self.error(
            QT_TRANSLATE_NOOP(
                "errors", "{sheet}表第 {row} 行“{column}”的值“{value}”无效，应为：{choices}"
            ),
            "{where}: invalid value {value!r}; expected one of {choices}",
            column,
            value=value,
            choices="、".join(choices),
        )

    def flag(self, column: str) -> bool:
        value = self.raw(column)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise self.bad_choice(column, _text(value), (YES, NO))

    def unknown(self, column: str, target: SheetSpec, value: object) -> CatalogError:
        return self.error(
            QT_TRANSLATE_NOOP(
                "errors", "{sheet}表第 {row} 行“{column}”引用了不存在的{target}：{value}"
            ),
            "{where}: {value!r} is not in sheet {target} ({target_en})",
            column,
            target=target.zh,
            target_en=target.en,
            value=value,
        )


class _SheetReader:
    def __init__(self, wb: Workbook, spec: SheetSpec) -> None:
        if spec.zh not in wb.sheetnames:
            raise CatalogError(
                zh=QT_TRANSLATE_NOOP("errors", "目录文件缺少“{sheet}”工作表"),
                en="the workbook has no sheet {sheet} ({sheet_en})",
                sheet=spec.zh,
                sheet_en=spec.en,
            )
        self.spec = spec
        self.ws: Worksheet = wb[spec.zh]
        header = next(self.ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
        found: dict[str, int] = {}
        for index, value in enumerate(header):
            name = _text(value).strip("*＊ ")
            found.setdefault(name, index)
        self.index: dict[str, int] = {}
        for column in spec.columns:
            if column.zh in found:
                self.index[column.zh] = found[column.zh]
            elif column.required:
                raise CatalogError(
                    zh=QT_TRANSLATE_NOOP("errors", "{sheet}表缺少“{column}”列（表头应在第 1 行）"),
                    en="sheet {sheet} ({sheet_en}) has no column {column} ({column_en}) in row 1",
                    sheet=spec.zh,
                    sheet_en=spec.en,
                    column=column.zh,
                    column_en=column.en,
                )

    def rows(self) -> Iterator[_Row]:
        for number, values in enumerate(self.ws.iter_rows(min_row=2, values_only=True), start=2):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            yield _Row(self, number, values)


class _Codes:
    """Codes seen in one sheet, with the row each came from, to report duplicates."""

    def __init__(self) -> None:
        self.rows: dict[Any, int] = {}

    def add(self, row: _Row, column: str, code: Any) -> None:
        if code in self.rows:
            raise row.error(
                QT_TRANSLATE_NOOP(
                    "errors", "{sheet}表第 {row} 行“{column}”与第 {first} 行重复：{value}"
                ),
                "{where}: {value!r} repeats row {first}",
                column,
                value=code,
                first=self.rows[code],
            )
        self.rows[code] = row.number

    def __contains__(self, code: object) -> bool:
        return code in self.rows


def _open(path: os.PathLike[str] | str) -> Workbook:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (e.g. some extensions); we only read values.
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=True)
    except Exception as exc:  # any unreadable file must become a message, never a traceback
        raise _file_error(path, exc, writing=False) from exc


def import_catalog(path: os.PathLike[str] | str) -> Catalog:
    """Read a workbook written by ``export_catalog`` (or laid out like one) into a Catalog."""
    wb = _open(path)
    try:
        return _read(wb)
    finally:
        wb.close()


def _read(wb: Workbook) -> Catalog:
    readers = {spec.zh: _SheetReader(wb, spec) for spec in SHEETS}

    hall_rows = list(readers[HALL.zh].rows())
    if not hall_rows:
        raise _Row(readers[HALL.zh], 2, ()).empty("大厅名称")
    r = hall_rows[0]
    hall = HallInfo(
        name=r.text("大厅名称", required=True),
        address=r.text("地址"),
        phone=r.text("电话"),
        hours=r.text("办公时间"),
    )

    areas: list[ServiceArea] = []
    area_codes = _Codes()
    for r in readers[AREAS.zh].rows():
        code = r.text("领域编码", required=True)
        area_codes.add(r, "领域编码", code)
        areas.append(ServiceArea(code, r.text("领域名称", required=True)))

    departments: list[Department] = []
    dept_codes = _Codes()
    for r in readers[DEPARTMENTS.zh].rows():
        code = r.text("部门编码", required=True)
        dept_codes.add(r, "部门编码", code)
        area = r.text("所属领域", required=True)
        if area not in area_codes:
            raise r.unknown("所属领域", AREAS, area)
        departments.append(
            Department(
                code=code,
                name=r.text("部门名称", required=True),
                area=area,
                place=r.text("办公地点"),
                phone=r.text("联系电话"),
                hours=r.text("办公时间"),
            )
        )

    queues: list[Queue] = []
    queue_codes = _Codes()
    for r in readers[QUEUES.zh].rows():
        code = r.text("队列编码", required=True)
        queue_codes.add(r, "队列编码", code)
        queues.append(
            Queue(
                code, r.text("队列名称", required=True), r.integer("每日号源上限", None, minimum=1)
            )
        )

    item_rows: list[tuple[_Row, dict[str, Any]]] = []
    item_codes = _Codes()
    for r in readers[ITEMS.zh].rows():
        code = r.text("事项编码", required=True)
        item_codes.add(r, "事项编码", code)
        department = r.text("实施部门", required=True)
        if department not in dept_codes:
            raise r.unknown("实施部门", DEPARTMENTS, department)
        queue = r.text("队列", required=True)
        if queue not in queue_codes:
            raise r.unknown("队列", QUEUES, queue)
        statutory = r.integer("法定时限")
        promised = r.integer("承诺时限", 0)
        if promised > statutory:
            raise r.error(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{sheet}表第 {row} 行“{column}”（{value}）不能超过“法定时限”（{statutory}）",
                ),
                "{where}: {value} exceeds the statutory limit {statutory}",
                "承诺时限",
                value=promised,
                statutory=statutory,
            )
        fields = {
            "code": code,
            "name": r.text("事项名称", required=True),
            "department": department,
            "queue": queue,
            "item_type": r.choice("事项类型", ITEM_TYPES),
            "handling": Handling(r.choice("办件类型", [h.value for h in Handling])),
            "legal_basis": r.text("设定依据"),
            "conditions": r.text("受理条件"),
            "statutory_limit_days": statutory,
            "promised_limit_days": promised,
            "fee": r.text("收费"),
            "place": r.text("办理地点"),
            "hours": r.text("办理时间"),
            "phone": r.text("咨询电话"),
            "guide_url": r.text("办事指南"),
            "one_visit": r.flag("一次办好"),
            "scope": Scope(r.choice("通办范围", [s.value for s in Scope if s.value], "")),
        }
        item_rows.append((r, fields))

    materials: dict[str, list[Material]] = {code: [] for code in item_codes.rows}
    for r in readers[MATERIALS.zh].rows():
        code = r.text("事项编码", required=True)
        if code not in item_codes:
            raise r.unknown("事项编码", ITEMS, code)
        materials[code].append(
            Material(
                name=r.text("材料名称", required=True),
                necessity=Necessity(
                    r.choice("必要性", [n.value for n in Necessity], Necessity.REQUIRED.value)
                ),
                originals=r.integer("原件份数", 1),
                copies=r.integer("复印件份数", 0),
                source=r.text("来源渠道"),
                sample_form=r.text("样表"),
                standard=r.text("合格标准"),
            )
        )
    items = [
        ServiceItem(**fields, materials=tuple(materials[fields["code"]])) for _, fields in item_rows
    ]

    counters: list[CounterSpec] = []
    counter_numbers = _Codes()
    for r in readers[COUNTERS.zh].rows():
        number = r.integer("窗口号", minimum=1)
        counter_numbers.add(r, "窗口号", number)
        served = tuple(q for q in _QUEUE_SEPARATORS.split(r.text("服务队列")) if q)
        for q in served:
            if q not in queue_codes:
                raise r.unknown("服务队列", QUEUES, q)
        counters.append(
            CounterSpec(
                number=number,
                name=r.text("窗口名称") or f"{number}号窗口",
                queues=served,
                place=r.text("位置"),
            )
        )

    catalog = Catalog(
        hall=hall,
        areas=areas,
        departments=departments,
        queues=queues,
        items=items,
        counters=counters,
    )
    catalog.validate()  # the row checks above should have caught everything; this is the net
    return catalog
