"""Printing a ticket slip (取号凭条): system printer, ESC/POS thermal printer, or a PDF file.

The kiosk issues the ticket in the database first and prints afterwards, on a worker thread. A
printer that fails raises ``PrinterError`` (a message for the lobby screen); the ticket stays
issued and can be printed again. The slip's layout belongs to ``printing`` (an 80 mm PDF); the
system printer draws that PDF page with QtPdf, the ESC/POS printer gets the same content as
text lines in GB18030 (what Chinese thermal printers understand), the PDF printer saves it.

``printer_for(pc)`` picks one from the PC settings: ``escpos`` if set, else ``printer``, where
``pdf:FOLDER`` saves files and any other value names a system printer (empty: the default one).
"""

from __future__ import annotations

import contextlib
import logging
import re
import tempfile
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from printing import DocumentHeader, TicketSlip, render
from printing.documents import DEFAULT_TICKET_NOTICE
from yichuang.catalog import HallInfo
from yichuang.config import PCConfig
from yichuang.errors import ConfigError, YichuangError
from yichuang.i18n import QT_TRANSLATE_NOOP
from yichuang.queue import IssuedTicket, TicketKind

log = logging.getLogger(__name__)


class PrinterError(YichuangError):
    """The slip could not be printed; the ticket itself is issued and can be reprinted."""

    zh = QT_TRANSLATE_NOOP("errors", "打印机故障：{detail}")
    en = "printer failure: {detail}"

    @classmethod
    def not_found(cls, name: str) -> PrinterError:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "找不到打印机“{name}”"),
            en="printer {name!r} not found",
            name=name,
        )

    @classmethod
    def no_printer(cls) -> PrinterError:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "本机没有可用的打印机，请在设置中指定"),
            en="no printer available on this PC",
        )

    @classmethod
    def not_saved(cls, path: Path, detail: str) -> PrinterError:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "无法保存凭条 {path}：{detail}"),
            en="cannot save the slip to {path}: {detail}",
            path=str(path),
            detail=detail,
        )


def ticket_slip(
    issued: IssuedTicket,
    *,
    hall: HallInfo,
    service_name: str,
    kiosk_id: str,
    notice: str = "",
) -> TicketSlip:
    """The slip of an issued ticket, as ``printing`` lays it out."""
    ticket = issued.ticket
    return TicketSlip(
        header=DocumentHeader(
            hall_name=hall.name,
            hall_phone=hall.phone,
            document_no=f"T{ticket.business_date:%Y%m%d}-{ticket.number}",
            issued_at=ticket.issued_at,
            clerk_no=kiosk_id,
        ),
        ticket_no=ticket.number,
        service_name=service_name or ticket.queue_name,
        waiting_ahead=issued.ahead,
        estimated_wait_minutes=issued.estimated_minutes,
        notice=notice or DEFAULT_TICKET_NOTICE,
        green_channel=ticket.kind is TicketKind.PRIORITY,
        appointment_no=ticket.appointment_no or "",
    )


class TicketPrinter(ABC):
    """Where slips go. ``print_slip`` blocks (run it off the UI thread) and raises PrinterError."""

    description: str = ""

    @abstractmethod
    def print_slip(self, slip: TicketSlip) -> None: ...


# ---- system printer (Qt) ---------------------------------------------------------------------

RASTER_DPI_LIMIT = 300  # a thermal head has 203 dpi; more only makes a bigger image


class SystemTicketPrinter(TicketPrinter):
    """The slip PDF drawn on a system printer (a Windows/CUPS driver) with QPrinter.

    ``printer_factory`` replaces the printer lookup (tests print to a PDF file with QPrinter's
    own PDF output). QPainter on a QPrinter may run on a worker thread.
    """

    def __init__(
        self,
        printer_name: str = "",
        *,
        printer_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.printer_name = printer_name
        self._factory = printer_factory or self._system_printer
        self.description = printer_name or "default printer"

    def _system_printer(self) -> Any:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        if self.printer_name:
            info = QPrinterInfo.printerInfo(self.printer_name)
            if info.isNull():
                raise PrinterError.not_found(self.printer_name)
        else:
            info = QPrinterInfo.defaultPrinter()
            if info.isNull():
                raise PrinterError.no_printer()
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def print_slip(self, slip: TicketSlip) -> None:
        self.print_pdf(render(slip), f"{slip.header.document_no}")

    def print_pdf(self, pdf: bytes, title: str) -> None:
        from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
        from PySide6.QtGui import QPageLayout, QPageSize, QPainter
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter

        with tempfile.TemporaryDirectory(prefix="yichuang-slip-") as folder:
            path = Path(folder) / "slip.pdf"
            path.write_bytes(pdf)
            document = QPdfDocument()
            if document.load(str(path)) != QPdfDocument.Error.None_:
                raise PrinterError(
                    zh=QT_TRANSLATE_NOOP("errors", "凭条生成失败"), en="the slip PDF did not load"
                )
            printer = self._factory()
            printer.setDocName(title)
            first = document.pagePointSize(0)
            printer.setFullPage(True)
            printer.setPageLayout(
                QPageLayout(
                    QPageSize(
                        first, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch
                    ),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0),
                )
            )
            dpi = min(printer.resolution(), RASTER_DPI_LIMIT)
            painter = QPainter()
            if not painter.begin(printer):
                raise PrinterError(detail=printer.printerName() or self.description)
            try:
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                for page in range(document.pageCount()):
                    if page:
                        printer.newPage()
                    size: QSizeF = document.pagePointSize(page)
                    image = document.render(
                        page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                    )
                    painter.drawImage(target, image)
            finally:
                painter.end()
                document.close()
            if printer.printerState() == QPrinter.PrinterState.Error:
                raise PrinterError(detail=printer.printerName() or self.description)


# ---- ESC/POS thermal printer -----------------------------------------------------------------


@dataclass(frozen=True)
class EscposTarget:
    """Where an ESC/POS printer is: ``network`` (host, port), ``usb`` (vid, pid), ``file`` (path)."""

    kind: str
    host: str = ""
    port: int = 9100
    vendor: int = 0
    product: int = 0
    path: str = ""


def parse_escpos_target(spec: str) -> EscposTarget:
    """``network:HOST[:PORT]``, ``usb:VID:PID`` (hex, 0x optional) or ``file:/dev/usb/lp0``."""
    kind, _, rest = spec.strip().partition(":")
    kind = kind.lower()
    try:
        if kind == "network" and rest:
            host, _, port = rest.partition(":")
            return EscposTarget("network", host=host, port=int(port) if port else 9100)
        if kind == "usb":
            vendor, product = rest.split(":")
            return EscposTarget("usb", vendor=int(vendor, 16), product=int(product, 16))
        if kind == "file" and rest:
            return EscposTarget("file", path=rest)
    except ValueError:
        pass
    raise ConfigError(detail=f"escpos = {spec!r} (network:HOST[:PORT] | usb:VID:PID | file:PATH)")


def _open_escpos(target: EscposTarget, timeout: float) -> Any:
    from escpos import printer  # optional dependency: imported only when configured

    if target.kind == "network":
        return printer.Network(target.host, port=target.port, timeout=timeout)
    if target.kind == "usb":
        return printer.Usb(target.vendor, target.product, timeout=int(timeout * 1000))
    return printer.File(target.path)


def display_width(text: str) -> int:
    """Columns a line takes on a thermal printer: Chinese characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)"


def wrap_columns(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` printer columns; a line never starts
    with closing punctuation (the character before it moves down with it)."""
    lines: list[str] = []
    line, width = "", 0
    for char in text:
        w = display_width(char)
        if width + w > columns:
            carried = ""
            if char in NO_LINE_START and len(line) > 1:
                line, carried = line[:-1], line[-1]
            lines.append(line)
            line, width = carried, display_width(carried)
        line += char
        width += w
    if line:
        lines.append(line)
    return lines


CHINESE_MODE = b"\x1c\x26"  # FS &: two-byte (GB) characters on Chinese printers


def escpos_ticket_bytes(slip: TicketSlip, *, columns: int = 48, encoding: str = "gb18030") -> bytes:
    """The slip as ESC/POS commands for an 80 mm printer (48 columns of font A)."""
    from escpos.printer import Dummy

    out = Dummy()

    def size(n: int) -> None:
        # GS ! only: ESC !-based "normal" would leave a large GS ! size in force.
        out.set(custom_size=True, width=n, height=n)

    def line(text: str = "", scale: int = 1) -> None:
        for part in wrap_columns(text, columns // scale) or [""]:
            out._raw(part.encode(encoding, errors="replace") + b"\n")

    h = slip.header
    out.hw("INIT")
    out._raw(CHINESE_MODE)
    out.set(align="center", bold=True)
    size(2)
    line(h.hall_name, 2)
    size(1)
    out.set(bold=False)
    line("-" * columns)
    line("您的号码")
    out.set(bold=True)
    size(4)
    line(slip.ticket_no, 4)
    size(2)
    line(slip.service_name, 2)
    size(1)
    out.set(bold=False)
    if slip.green_channel:
        out.set(invert=True, bold=True)
        line(" 绿色通道 · 优先办理 ")
        out.set(invert=False, bold=False)
    if slip.appointment_no:
        line(f"预约号 {slip.appointment_no}")
    if slip.waiting_ahead > 0:
        line(f"您前面还有 {slip.waiting_ahead} 人等候")
        line(f"预计等候约 {slip.estimated_wait_minutes} 分钟")
    else:
        line("您前面没有人等候")
        line("请留意叫号，即将为您办理")
    line("-" * columns)
    out.set(align="left")
    line(slip.notice)
    line("-" * columns)
    issued: datetime = h.issued_at
    line(f"取号时间：{issued.year}年{issued.month}月{issued.day}日 {issued:%H:%M}")
    line(f"凭条编号：{h.document_no}")
    if h.hall_phone:
        line(f"咨询电话：{h.hall_phone}")
    out.cut()
    return out.output


class EscposTicketPrinter(TicketPrinter):
    """A thermal printer spoken to directly (python-escpos), by network, USB or device file.

    The whole slip is built first and sent in one write, so a failure never leaves half a slip
    queued. ``device_factory`` replaces the connection (tests pass escpos's ``Dummy``).
    """

    def __init__(
        self,
        target: str = "",
        *,
        device_factory: Callable[[], Any] | None = None,
        timeout: float = 10.0,
        columns: int = 48,
    ) -> None:
        self.columns = columns
        if device_factory is None:
            parsed = parse_escpos_target(target)
            self._factory: Callable[[], Any] = lambda: _open_escpos(parsed, timeout)
        else:
            self._factory = device_factory
        self.description = target or "ESC/POS"

    def print_slip(self, slip: TicketSlip) -> None:
        data = escpos_ticket_bytes(slip, columns=self.columns)
        from escpos.exceptions import Error as EscposError

        device = None
        try:
            device = self._factory()
            device._raw(data)
        except (EscposError, OSError, RuntimeError) as exc:
            log.warning("ESC/POS printer %s failed: %s", self.description, exc)
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise PrinterError(detail=f"{self.description}: {detail}") from exc
        finally:
            if device is not None:
                with contextlib.suppress(EscposError, OSError):
                    device.close()


# ---- PDF file --------------------------------------------------------------------------------


class PdfTicketPrinter(TicketPrinter):
    """Saves each slip as a PDF in a folder (a hall without a ticket printer, a demo, an archive)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.description = f"pdf:{self.folder}"
        self.last_path: Path | None = None

    def path_for(self, slip: TicketSlip) -> Path:
        safe = re.sub(r"[^0-9A-Za-z_-]+", "_", slip.header.document_no) or "slip"
        return self.folder / f"{safe}.pdf"

    def print_slip(self, slip: TicketSlip) -> None:
        path = self.path_for(slip)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render(slip))
        except OSError as exc:
            raise PrinterError.not_saved(path, exc.strerror or str(exc)) from exc
        self.last_path = path


class UnavailablePrinter(TicketPrinter):
    """Stands in for a printer whose settings are wrong: tickets are still issued, and each
    print attempt reports the setting to fix."""

    def __init__(self, error: YichuangError) -> None:
        self.error = error
        self.description = "unavailable"

    def print_slip(self, slip: TicketSlip) -> None:
        raise PrinterError(detail=self.error.user_message()) from self.error


def printer_for(pc: PCConfig) -> TicketPrinter:
    """The ticket printer this PC's settings name (see the module docstring)."""
    try:
        if pc.escpos:
            return EscposTicketPrinter(pc.escpos)
    except ConfigError as err:
        log.error("%s", err)
        return UnavailablePrinter(err)
    if pc.printer.startswith("pdf:"):
        return PdfTicketPrinter(Path(pc.printer[4:]).expanduser())
    return SystemTicketPrinter(pc.printer)
