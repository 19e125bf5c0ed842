"""Catalog ⇄ Excel: the round trip, and a clear message for every malformed workbook."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from yichuang.catalog import (
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
    demo_catalog,
)
from yichuang.catalog_excel import export_catalog, import_catalog
from yichuang.errors import CatalogError

SHEET_NAMES = ["大厅", "服务领域", "部门", "队列", "事项", "材料", "窗口"]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return demo_catalog()


@pytest.fixture(scope="module")
def demo_bytes(demo: Catalog, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("export") / "目录.xlsx"
    export_catalog(demo, path)
    return path.read_bytes()


@pytest.fixture
def demo_xlsx(demo_bytes: bytes, tmp_path: Path) -> Path:
    """A fresh copy of the exported demo catalog that a test may damage."""
    path = tmp_path / "目录.xlsx"
    path.write_bytes(demo_bytes)
    return path


def without_staff(catalog: Catalog) -> Catalog:
    return dataclasses.replace(catalog, staff=[])


def column_of(ws: Worksheet, header: str) -> int:
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise AssertionError(f"no column {header} in {ws.title}")


def test_round_trip_gives_an_equal_catalog(demo: Catalog, demo_xlsx: Path) -> None:
    assert import_catalog(demo_xlsx) == without_staff(demo)


def test_workbook_is_chinese_and_has_no_staff_or_pins(demo: Catalog, demo_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(demo_xlsx)
    assert wb.sheetnames == SHEET_NAMES
    assert [c.value for c in wb["事项"][1]][:8] == [
        "事项编码",
        "事项名称",
        "实施部门",
        "队列",
        "事项类型",
        "办件类型",
        "法定时限",
        "承诺时限",
    ]
    materials = wb["材料"]
    assert materials.max_row - 1 == sum(len(it.materials) for it in demo.items)
    everything = {str(cell.value) for ws in wb.worksheets for row in ws.iter_rows() for cell in row}
    assert not {s.name for s in demo.staff} & everything
    assert not any("密码" in v or "PIN" in v for v in everything)


def test_round_trip_keeps_awkward_values(tmp_path: Path) -> None:
    catalog = Catalog(
        hall=HallInfo(name="测试大厅"),
        areas=[ServiceArea("QY", "企业服务")],
        departments=[Department("SCJG", "市场监管局", "QY")],
        queues=[Queue("A", "企业开办", daily_cap=120), Queue("G", "办不成事反映窗口")],
        items=[
            ServiceItem(
                code="0001",  # leading zero must survive
                name="=看起来像公式的名称",
                department="SCJG",
                queue="A",
                item_type="行政备案",
                handling=Handling.ON_THE_SPOT,
                statutory_limit_days=0,
                promised_limit_days=0,
                materials=(
                    Material("申请书", Necessity.DEFERRABLE, originals=0, copies=3),
                    Material("身份证", standard="正反面\n复印"),
                ),
                fee="",
                one_visit=True,
                scope=Scope.CITY,
            ),
            ServiceItem(code="0002", name="没有材料的事项", department="SCJG", queue="A"),
        ],
        counters=[CounterSpec(1, "1号窗口", ("A", "G")), CounterSpec(2, "备用窗口", ())],
    )
    path = tmp_path / "c.xlsx"
    export_catalog(catalog, path)
    assert import_catalog(path) == catalog


def test_reordered_and_extra_columns_are_accepted(demo: Catalog, demo_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(demo_xlsx)
    ws = wb["队列"]
    ws.insert_cols(1)
    ws.cell(1, 1, "备注")
    ws.cell(2, 1, "本地说明")
    ws.cell(1, column_of(ws, "队列名称"), "队列名称*")
    wb.save(demo_xlsx)
    assert import_catalog(demo_xlsx) == without_staff(demo)


def set_cell(
    sheet: str, row: int, header: str, value: object
) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[sheet]
        ws.cell(row, column_of(ws, header)).value = value

    return change


def delete_sheet(sheet: str) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        del wb[sheet]

    return change


def delete_column(sheet: str, header: str) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb[sheet]
        ws.delete_cols(column_of(ws, header))

    return change


def duplicate_code(wb: openpyxl.Workbook) -> None:
    ws = wb["事项"]
    col = column_of(ws, "事项编码")
    ws.cell(10, col, ws.cell(2, col).value)


@pytest.mark.parametrize(
    ("change", "message", "english"),
    [
        (delete_sheet("材料"), "目录文件缺少“材料”工作表", "no sheet 材料 (materials)"),
        (
            delete_column("事项", "承诺时限"),
            "事项表缺少“承诺时限”列",
            "no column 承诺时限 (promised_limit_days)",
        ),
        (
            set_cell("事项", 12, "承诺时限", "abc"),
            "事项表第 12 行“承诺时限”不是整数：abc",
            "row 12, column 承诺时限 (promised_limit_days): not an integer: 'abc'",
        ),
        (
            set_cell("事项", 5, "法定时限", 2.5),
            "事项表第 5 行“法定时限”不是整数：2.5",
            "row 5",
        ),
        (
            set_cell("事项", 6, "法定时限", None),
            "事项表第 6 行“法定时限”不能为空",
            "row 6, column 法定时限 (statutory_limit_days): must not be empty",
        ),
        (
            set_cell("事项", 8, "法定时限", -1),
            "事项表第 8 行“法定时限”不能小于 0：-1",
            "row 8",
        ),
        (
            set_cell("事项", 9, "承诺时限", 99),
            "事项表第 9 行“承诺时限”（99）不能超过“法定时限”",
            "row 9",
        ),
        (
            set_cell("材料", 5, "必要性", "可以缺"),
            "材料表第 5 行“必要性”的值“可以缺”无效，应为：必要、非必要、容缺后补",
            "row 5, column 必要性 (necessity): invalid value '可以缺'",
        ),
        (
            set_cell("事项", 3, "办件类型", "马上办"),
            "事项表第 3 行“办件类型”的值“马上办”无效，应为：即办件、承诺件",
            "row 3",
        ),
        (
            set_cell("事项", 4, "通办范围", "全国通办"),
            "事项表第 4 行“通办范围”的值“全国通办”无效",
            "row 4, column 通办范围 (scope)",
        ),
        (
            set_cell("事项", 4, "事项类型", "行政审批"),
            "事项表第 4 行“事项类型”的值“行政审批”无效",
            "row 4",
        ),
        (
            set_cell("事项", 11, "一次办好", "也许"),
            "事项表第 11 行“一次办好”的值“也许”无效，应为：是、否",
            "row 11",
        ),
        (
            set_cell("事项", 7, "实施部门", "NOPE"),
            "事项表第 7 行“实施部门”引用了不存在的部门：NOPE",
            "row 7, column 实施部门 (department): 'NOPE' is not in sheet 部门 (departments)",
        ),
        (
            set_cell("部门", 3, "所属领域", "XX"),
            "部门表第 3 行“所属领域”引用了不存在的服务领域：XX",
            "row 3",
        ),
        (
            set_cell("窗口", 5, "服务队列", "A、Z"),
            "窗口表第 5 行“服务队列”引用了不存在的队列：Z",
            "row 5",
        ),
        (
            set_cell("材料", 2, "事项编码", "370112-XX-999"),
            "材料表第 2 行“事项编码”引用了不存在的事项：370112-XX-999",
            "row 2",
        ),
        (
            set_cell("窗口", 3, "窗口号", "三"),
            "窗口表第 3 行“窗口号”不是整数：三",
            "row 3",
        ),
        (duplicate_code, "事项表第 10 行“事项编码”与第 2 行重复", "repeats row 2"),
        (set_cell("大厅", 2, "大厅名称", None), "大厅表第 2 行“大厅名称”不能为空", "row 2"),
    ],
)
def test_malformed_workbook_names_sheet_row_and_column(
    demo_xlsx: Path, change: Callable[[openpyxl.Workbook], None], message: str, english: str
) -> None:
    wb = openpyxl.load_workbook(demo_xlsx)
    change(wb)
    wb.save(demo_xlsx)
    with pytest.raises(CatalogError) as info:
        import_catalog(demo_xlsx)
    assert message in info.value.user_message()
    assert english in str(info.value)


def test_empty_rows_are_skipped(demo: Catalog, demo_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(demo_xlsx)
    ws = wb["材料"]
    ws.insert_rows(3, amount=2)
    ws.cell(3, 2, "   ")
    wb.save(demo_xlsx)
    assert import_catalog(demo_xlsx) == without_staff(demo)


def test_not_an_xlsx_file(tmp_path: Path) -> None:
    path = tmp_path / "目录.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    with pytest.raises(CatalogError) as info:
        import_catalog(path)
    message = info.value.user_message()
    assert message.startswith("无法打开目录文件") and ".xlsx" in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        import_catalog(tmp_path / "nope.xlsx")
    assert "不存在" in info.value.user_message()


def test_export_to_a_missing_folder_is_a_catalog_error(demo: Catalog, tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        export_catalog(demo, tmp_path / "no" / "such" / "folder.xlsx")
    assert info.value.user_message().startswith("无法保存目录文件")


def test_messages_are_chinese_for_the_user(demo_xlsx: Path) -> None:
    wb = openpyxl.load_workbook(demo_xlsx)
    set_cell("事项", 2, "承诺时限", "三天")(wb)
    wb.save(demo_xlsx)
    with pytest.raises(CatalogError) as info:
        import_catalog(demo_xlsx)
    assert CJK.search(info.value.user_message())
    assert not CJK.search(
        str(info.value).replace("事项", "").replace("承诺时限", "").replace("三天", "")
    )
