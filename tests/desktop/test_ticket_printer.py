"""Ticket printers: the slip built from an issued ticket, a real PDF file, the system printer
path (QPrinter to its own PDF output), ESC/POS bytes on escpos's Dummy, and failures that
come back as PrinterError with a message for the lobby."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy
from PySide6.QtPrintSupport import QPrinter

from desktop.ticket_printer import (
    EscposTarget,
    EscposTicketPrinter,
    PdfTicketPrinter,
    PrinterError,
    SystemTicketPrinter,
    UnavailablePrinter,
    escpos_ticket_bytes,
    parse_escpos_target,
    printer_for,
    ticket_slip,
    wrap_columns,
)
from yichuang.config import PCConfig
from yichuang.errors import ConfigError
from yichuang.queue import PriorityGroup, TicketKind


def text_of(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def slip(services):
    services.engine.issue("SCJG-001")
    issued = services.engine.issue(
        "RSJ-001", kind=TicketKind.PRIORITY, priority_group=PriorityGroup.ELDERLY
    )
    return ticket_slip(
        issued,
        hall=services.directory.hall(),
        service_name="社会保障卡申领",
        kiosk_id="kiosk-7",
        notice="过号请到导办台重新取号。",
    )


def test_slip_carries_what_the_citizen_needs(slip):
    assert slip.ticket_no == "B001"
    assert slip.service_name == "社会保障卡申领"
    assert slip.header.hall_name == "测试区政务服务中心"
    assert slip.header.document_no == "T20260302-B001"
    assert slip.header.clerk_no == "kiosk-7"
    assert slip.green_channel
    assert (slip.waiting_ahead, slip.estimated_wait_minutes) == (0, 0)
    assert slip.notice == "过号请到导办台重新取号。"


def test_pdf_printer_writes_a_readable_80mm_slip(slip, tmp_path):
    printer = PdfTicketPrinter(tmp_path / "slips")
    printer.print_slip(slip)
    assert printer.last_path == tmp_path / "slips" / "T20260302-B001.pdf"
    reader = pypdf.PdfReader(printer.last_path)
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 80
    text = text_of(printer.last_path)
    for expected in (
        "测试区政务服务中心",
        "B001",
        "社会保障卡申领",
        "绿色通道",
        "您前面没有人等候",
    ):
        assert expected in text


def test_pdf_printer_reports_a_folder_it_cannot_write(slip, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(PrinterError) as err:
        PdfTicketPrinter(blocker).print_slip(slip)
    assert "无法保存凭条" in err.value.user_message()


def test_system_printer_draws_the_slip_page(qapp, slip, tmp_path):
    out = tmp_path / "system.pdf"

    def pdf_output() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    SystemTicketPrinter(printer_factory=pdf_output).print_slip(slip)
    page = pypdf.PdfReader(out).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 80
    assert 80 < float(page.mediabox.height) / 72 * 25.4 < 200  # as long as the content
    assert page["/Resources"]["/XObject"]  # the rendered slip


def test_system_printer_that_does_not_exist(qapp, slip):
    with pytest.raises(PrinterError) as err:
        SystemTicketPrinter("没有这台打印机").print_slip(slip)
    assert err.value.user_message() == "找不到打印机“没有这台打印机”"


def test_escpos_bytes_hold_number_and_chinese_in_gb18030(slip):
    dummy = Dummy()
    EscposTicketPrinter(device_factory=lambda: dummy).print_slip(slip)
    data = dummy.output
    assert data.startswith(b"\x1b@")  # initialise
    assert b"\x1c\x26" in data  # Chinese mode
    assert b"\x1d!\x33B001" in data  # the number at 4x size
    assert "社会保障卡申领".encode("gb18030") in data
    assert "测试区政务服务中心".encode("gb18030") in data
    assert "绿色通道".encode("gb18030") in data
    assert "社会保障卡申领".encode() not in data
    assert b"\x1dV" in data  # cut
    assert data == escpos_ticket_bytes(slip)  # one write of the whole slip


def test_escpos_device_failures_become_printer_errors(slip):
    def unreachable():
        raise DeviceNotFoundError("Could not open socket for 10.0.0.9:\ntimed out")

    with pytest.raises(PrinterError) as err:
        EscposTicketPrinter("network:10.0.0.9", device_factory=unreachable).print_slip(slip)
    assert "打印机故障" in err.value.user_message()
    assert "10.0.0.9" in err.value.user_message()

    class OutOfPaper(Dummy):
        def _raw(self, msg: bytes) -> None:
            raise OSError(5, "Input/output error")

    with pytest.raises(PrinterError):
        EscposTicketPrinter(device_factory=OutOfPaper).print_slip(slip)


@pytest.mark.parametrize(
    ("spec", "target"),
    [
        ("network:192.168.1.50", EscposTarget("network", host="192.168.1.50", port=9100)),
        ("network:printer.hall:9101", EscposTarget("network", host="printer.hall", port=9101)),
        ("usb:0x0416:0x5011", EscposTarget("usb", vendor=0x0416, product=0x5011)),
        ("USB:04b8:0202", EscposTarget("usb", vendor=0x04B8, product=0x0202)),
        ("file:/dev/usb/lp0", EscposTarget("file", path="/dev/usb/lp0")),
    ],
)
def test_escpos_targets(spec, target):
    assert parse_escpos_target(spec) == target


@pytest.mark.parametrize("spec", ["", "network:", "usb:0416", "usb:zz:11", "serial:/dev/ttyS0"])
def test_bad_escpos_targets_are_configuration_errors(spec):
    with pytest.raises(ConfigError) as err:
        parse_escpos_target(spec)
    assert "配置有误" in err.value.user_message()


def test_printer_for_pc_settings(tmp_path, slip):
    assert isinstance(printer_for(PCConfig(escpos="network:10.1.1.1")), EscposTicketPrinter)
    pdf = printer_for(PCConfig(printer=f"pdf:{tmp_path}"))
    assert isinstance(pdf, PdfTicketPrinter) and pdf.folder == tmp_path
    system = printer_for(PCConfig(printer="XP-80C"))
    assert isinstance(system, SystemTicketPrinter) and system.printer_name == "XP-80C"
    broken = printer_for(PCConfig(escpos="bluetooth:abc"))
    assert isinstance(broken, UnavailablePrinter)
    with pytest.raises(PrinterError) as err:
        broken.print_slip(slip)
    assert "bluetooth:abc" in err.value.user_message()


def test_wrap_columns_counts_chinese_double_and_keeps_punctuation_off_line_starts():
    assert wrap_columns("一二三四五", 4) == ["一二", "三四", "五"]
    assert wrap_columns("ab一二", 4) == ["ab一", "二"]
    assert wrap_columns("一二三。四", 6) == ["一二", "三。四"]
    assert wrap_columns("", 10) == []
