"""Previewing the documents a case prints, then printing them or saving them as PDF.

``DocumentPreview`` shows one or more PDFs (bytes from ``printing.render``) with QtPdf, a list to
switch between them (ticked documents are the ones printed), and three buttons: 打印, 另存为PDF,
关闭. Nothing here talks to the database: the case form records what was printed when the
dialog reports it (``printed`` / ``saved``).

Printing draws each page with ``QPdfDocument.render`` into the QPrinter's painter, at most
300 dpi, fitted to the paper. When the printer writes a PDF file (QPrinter.OutputFormat.
PdfFormat, e.g. "print to file" in the print dialog), the page text is also laid invisibly over
each image, so the file stays searchable like the original. A printer that is missing, offline
or refuses the job gives a clear message; the documents stay in the preview to try again or to
save.

The printer and the file name come from replaceable choosers (``choose_printer``,
``choose_save_path``), so tests print to a PDF file and save without any modal dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import restyle
from printing.documents import Document
from printing.render import render, renderer_for

log = logging.getLogger(__name__)

RASTER_DPI_LIMIT = 300  # more only makes bigger print jobs; office printers print 300–600 dpi

PrinterChooser = Callable[[QWidget], QPrinter | None]
SavePathChooser = Callable[[QWidget, str], str]


@dataclass(frozen=True)
class PreviewDocument:
    """One printable document: its title (受理通知书 …), what it is about, and its PDF."""

    title: str
    pdf: bytes
    subtitle: str = ""  # e.g. the item name when a case prints one notice per item
    number: str = ""  # the document number, for the suggested file name
    pages: int = field(default=0, compare=False)  # filled in by the preview

    @property
    def label(self) -> str:
        return f"{self.title}（{self.subtitle}）" if self.subtitle else self.title

    @property
    def filename(self) -> str:
        stem = " ".join(p for p in (self.label, self.number) if p)
        return "".join("_" if c in '\\/:*?"<>|' else c for c in stem) + ".pdf"


def preview_documents(docs: Sequence[Document]) -> list[PreviewDocument]:
    """Render ``printing`` documents for the preview (pure Python: may run on a worker).

    Documents of the same kind (one 受理通知书 per item) are told apart by their item's name."""
    titles = [renderer_for(doc).title for doc in docs]
    out = []
    for doc, title in zip(docs, titles, strict=True):
        header = getattr(doc, "header", None)
        out.append(
            PreviewDocument(
                title=title,
                pdf=render(doc),
                subtitle=getattr(doc, "item_name", "") if titles.count(title) > 1 else "",
                number=header.document_no if header is not None else "",
            )
        )
    return out


class PrintFailed(Exception):
    """A print job that could not be done; ``message`` is for the clerk (interface language)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when the clerk cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DocumentPreview", "打印文书"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The system save dialog; the chosen path, or "" when the clerk cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("DocumentPreview", "另存为PDF"),
        suggested,
        QCoreApplication.translate("DocumentPreview", "PDF 文件 (*.pdf)"),
    )
    return path


def _exact_layout(size: QSizeF) -> QPageLayout:
    page = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _fit(page: QSizeF, area: QRectF) -> QRectF:
    """``page`` scaled to fit in ``area``, centred, keeping its proportions."""
    scale = min(area.width() / page.width(), area.height() / page.height())
    w, h = page.width() * scale, page.height() * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


class _LoadedPdf:
    """A QPdfDocument reading from memory (the buffer must live as long as the document)."""

    def __init__(self, pdf: bytes, parent: QWidget) -> None:
        self.buffer = QBuffer(parent)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(parent)
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount()


class DocumentPreview(QDialog):
    """The documents of a case (or a schedule) on screen, with print and save as PDF.

    Signals: printed(list[str]) — the labels of the documents sent to the printer;
    saved(str) — the path a document was saved to.
    """

    printed = Signal(list)
    saved = Signal(str)

    def __init__(
        self,
        documents: Sequence[PreviewDocument],
        parent: QWidget | None = None,
        *,
        title: str = "",
        choose_printer: PrinterChooser | None = None,
        choose_save_path: SavePathChooser | None = None,
    ) -> None:
        super().__init__(parent)
        if not documents:
            raise ValueError("nothing to preview")
        self.setWindowTitle(title or self.tr("文书预览"))
        self.choose_printer: PrinterChooser = choose_printer or ask_printer
        self.choose_save_path: SavePathChooser = choose_save_path or ask_save_path
        self._loaded = [_LoadedPdf(doc.pdf, self) for doc in documents]
        self.documents = [
            PreviewDocument(d.title, d.pdf, d.subtitle, d.number, pages=pdf.page_count())
            for d, pdf in zip(documents, self._loaded, strict=True)
        ]
        self._build(title)
        self.show_document(0)
        self.resize(1100, 740)

    # ---- layout ------------------------------------------------------------------------------

    def _build(self, title: str) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 16)
        root.setSpacing(12)

        top = QHBoxLayout()
        heading = QLabel(title or self.tr("文书预览"))
        heading.setProperty("role", "subtitle")
        top.addWidget(heading, 1)
        top.addWidget(QLabel(self.tr("显示")))
        self.zoom_combo = QComboBox()
        self.zoom_combo.addItem(self.tr("适合宽度"), QPdfView.ZoomMode.FitToWidth)
        self.zoom_combo.addItem(self.tr("整页"), QPdfView.ZoomMode.FitInView)
        self.zoom_combo.addItem(self.tr("实际大小"), QPdfView.ZoomMode.Custom)
        self.zoom_combo.currentIndexChanged.connect(self._zoom)
        top.addWidget(self.zoom_combo)
        root.addLayout(top)

        body = QHBoxLayout()
        body.setSpacing(12)
        self.list = QListWidget()
        self.list.setObjectName("previewDocuments")
        for doc in self.documents:
            item = QListWidgetItem(
                self.tr("{label}\n{pages} 页").format(label=doc.label, pages=doc.pages)
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(self.tr("勾选的文书会一起打印"))
            self.list.addItem(item)
        self.list.setFixedWidth(260)
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self.show_document)
        self.list.itemChanged.connect(lambda _item: self._update_buttons())
        self.list.setVisible(len(self.documents) > 1)
        body.addWidget(self.list)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(16)
        self.view.setDocumentMargins(QMarginsF(16, 16, 16, 16).toMargins())
        self.view.setStyleSheet("QPdfView { background: #5b6775; border-radius: 6px; }")
        body.addWidget(self.view, 1)
        root.addLayout(body, 1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        root.addWidget(self.message)

        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        buttons.addWidget(self.hint, 1)
        self.print_button = QPushButton(self.tr("打印"))
        self.print_button.setProperty("role", "primary")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_documents)
        self.save_button = QPushButton(self.tr("另存为PDF"))
        self.save_button.clicked.connect(self.save_current)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setMinimumWidth(120)
            buttons.addWidget(button)
        root.addLayout(buttons)
        self._update_buttons()

    def _zoom(self) -> None:
        mode = self.zoom_combo.currentData()
        self.view.setZoomMode(mode)
        if mode == QPdfView.ZoomMode.Custom:
            self.view.setZoomFactor(1.0)

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        self.print_button.setEnabled(bool(chosen))
        if len(self.documents) > 1:
            self.hint.setText(
                self.tr("将打印 {n} 份文书，共 {pages} 页").format(
                    n=len(chosen), pages=sum(self.documents[i].pages for i in chosen)
                )
            )
        else:
            self.hint.setText(self.tr("共 {pages} 页").format(pages=self.documents[0].pages))

    # ---- state -------------------------------------------------------------------------------

    def current_index(self) -> int:
        return max(0, self.list.currentRow())

    def show_document(self, index: int) -> None:
        if not 0 <= index < len(self.documents):
            return
        if self.list.currentRow() != index:
            self.list.setCurrentRow(index)
        self.view.setDocument(self._loaded[index].document)

    def chosen(self) -> list[int]:
        """Indices of the ticked documents (what 打印 prints)."""
        return [
            i
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, indices: Sequence[int]) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(
                Qt.CheckState.Checked if i in indices else Qt.CheckState.Unchecked
            )

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def _say(self, text: str, error: bool = False) -> None:
        restyle(self.message, "role", "error" if error else "hint")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- printing ----------------------------------------------------------------------------

    def print_documents(self) -> bool:
        """Ask for a printer, then print the ticked documents. True when they were printed."""
        indices = self.chosen()
        if not indices:
            self._say(self.tr("请先勾选要打印的文书"), error=True)
            return False
        printer = self.choose_printer(self)
        if printer is None:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.print_to(printer, indices)
        except PrintFailed as failure:
            log.warning("printing failed: %s", failure.message)
            self._say(failure.message, error=True)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        labels = [self.documents[i].label for i in indices]
        self._say(self.tr("已发送到打印机：{labels}").format(labels="、".join(labels)))
        self.printed.emit(labels)
        return True

    def print_to(self, printer: QPrinter, indices: Sequence[int] | None = None) -> None:
        """Draw the documents' pages on ``printer``; raises ``PrintFailed`` with the reason."""
        chosen = list(range(len(self.documents))) if indices is None else list(indices)
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        if to_file and not printer.outputFileName():
            raise PrintFailed(
                self.tr(
                    "本机没有可用的打印机。文书仍在预览中，可以先“另存为PDF”，或安装打印机后重试。"
                )
            )
        name = printer.printerName() or printer.outputFileName() or self.tr("默认打印机")
        unavailable = self.tr(
            "无法打印：打印机“{name}”没有响应（未连接、脱机、缺纸或无权限）。"
            "文书仍在预览中，请检查打印机后重试，或先“另存为PDF”。"
        ).format(name=name)
        printer.setDocName(" ".join(self.documents[i].label for i in chosen))
        if to_file:
            printer.setFullPage(True)
        painter = QPainter()
        started = False
        try:
            for index in chosen:
                pdf = self._loaded[index].document
                for page in range(pdf.pageCount()):
                    size = pdf.pagePointSize(page)
                    self._lay_out(printer, size, to_file)
                    if not started:
                        if not painter.begin(printer):
                            raise PrintFailed(unavailable)
                        started = True
                    elif not printer.newPage():
                        raise PrintFailed(unavailable)
                    self._draw_page(painter, printer, pdf, page, size, to_file)
        finally:
            if started:
                painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed(unavailable)

    def _lay_out(self, printer: QPrinter, size: QSizeF, to_file: bool) -> None:
        if to_file:  # a PDF file gets the document's own page size
            printer.setPageLayout(_exact_layout(size))
            return
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    def _draw_page(
        self,
        painter: QPainter,
        printer: QPrinter,
        pdf: QPdfDocument,
        page: int,
        size: QSizeF,
        to_file: bool,
    ) -> None:
        resolution = printer.resolution()
        area = (
            QRectF(printer.pageLayout().fullRectPixels(resolution))
            if to_file
            else QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        )
        if not to_file:
            area.moveTo(0, 0)  # painting starts at the printable area's corner
        target = _fit(size, area)
        dpi = min(resolution, RASTER_DPI_LIMIT)
        image = pdf.render(
            page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        )
        painter.drawImage(target, image)
        if to_file:
            self._draw_text_layer(painter, pdf, page, size, target)

    def _draw_text_layer(
        self, painter: QPainter, pdf: QPdfDocument, page: int, size: QSizeF, target: QRectF
    ) -> None:
        """The page's text, invisible, line by line over the image (search and copy)."""
        text = pdf.getAllText(page).text()
        scale = target.width() / size.width()
        painter.save()
        painter.setPen(QColor(0, 0, 0, 0))
        position = 0
        for line in text.split("\r\n"):
            start, position = position, position + len(line) + 2
            if not line.strip():
                continue
            box = pdf.getSelectionAtIndex(page, start, len(line)).boundingRectangle()
            if box.isEmpty():
                continue
            rect = QRectF(
                target.x() + box.x() * scale,
                target.y() + box.y() * scale,
                box.width() * scale,
                box.height() * scale,
            )
            font = QFont(painter.font())
            font.setPixelSize(max(1, round(rect.height() * 0.8)))
            painter.setFont(font)
            width = QFontMetricsF(font).horizontalAdvance(line)
            painter.save()
            painter.translate(rect.bottomLeft() - QPointF(0, rect.height() * 0.2))
            if width > 0:
                painter.scale(rect.width() / width, 1.0)
            painter.drawText(QPointF(0, 0), line)
            painter.restore()
        painter.restore()

    # ---- saving ------------------------------------------------------------------------------

    def save_current(self) -> str:
        """Save the shown document as a PDF file (the rendered bytes, unchanged)."""
        doc = self.documents[self.current_index()]
        path = self.choose_save_path(self, doc.filename)
        if not path:
            return ""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(doc.pdf)
        except OSError as exc:
            log.warning("cannot save %s: %s", path, exc)
            self._say(
                self.tr("无法保存到 {path}：{reason}").format(
                    path=path, reason=exc.strerror or type(exc).__name__
                ),
                error=True,
            )
            return ""
        self._say(self.tr("已保存：{path}").format(path=path))
        self.saved.emit(path)
        return path
