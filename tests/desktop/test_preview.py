"""The document preview: PDFs shown with QtPdf, printed through QPrinter (to a PDF file here,
read back with pypdf), saved unchanged, and printer failures told in Chinese with the documents
still there. Printers and file names come from injected choosers: no modal dialog runs.
"""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.preview import DocumentPreview, PreviewDocument, preview_documents
from printing import samples


def flat(text: str) -> str:
    return "".join(text.split())


def file_printer(path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture(scope="module")
def documents():
    """A5 指路牌 and A4 容缺受理告知书 (two pages: its two copies)."""
    return preview_documents([samples.referral_slip(), samples.deficiency_notice()])


@pytest.fixture
def make_preview(qtbot):
    def make(docs, **kwargs):
        preview = DocumentPreview(docs, title="办件的文书", **kwargs)
        qtbot.addWidget(preview)
        preview.show()
        return preview

    return make


def test_the_preview_loads_each_document(make_preview, documents):
    preview = make_preview(documents)
    assert [d.title for d in preview.documents] == ["指路牌", "容缺受理告知书（明白纸）"]
    assert [d.pages for d in preview.documents] == [1, 2]
    assert preview.list.isVisible() and preview.list.count() == 2
    assert preview.list.item(1).text() == "容缺受理告知书（明白纸）\n2 页"
    assert preview.view.document().pageCount() == 1
    preview.list.setCurrentRow(1)
    document = preview.view.document()
    assert document.status() == QPdfDocument.Status.Ready and document.pageCount() == 2
    assert preview.hint.text() == "将打印 2 份文书，共 3 页"


def test_a_single_document_needs_no_list(make_preview, documents):
    preview = make_preview(documents[:1])
    assert not preview.list.isVisible()
    assert preview.hint.text() == "共 1 页"


def test_print_to_a_pdf_file_through_qprinter(qtbot, make_preview, documents, tmp_path):
    out = tmp_path / "printed.pdf"
    preview = make_preview(documents, choose_printer=lambda parent: file_printer(out))
    with qtbot.waitSignal(preview.printed) as blocker:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == ["指路牌", "容缺受理告知书（明白纸）"]
    assert "已发送到打印机" in preview.message_text()

    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 3
    sizes = [(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages]
    assert sizes == [(420, 595), (595, 842), (595, 842)]  # A5 card, then A4 twice
    texts = [flat(p.extract_text()) for p in reader.pages]
    assert "指路牌" in texts[0] and "武侯区医疗保障局" in texts[0]
    assert "容缺受理告知书" in texts[1] and "第一联" in texts[1] and "第二联" in texts[2]
    assert "承诺" in texts[1]
    assert "/XObject" in str(reader.pages[0]["/Resources"])  # the page drawn as QtPdf renders it


def test_only_the_ticked_documents_are_printed(qtbot, make_preview, documents, tmp_path):
    out = tmp_path / "one.pdf"
    preview = make_preview(documents, choose_printer=lambda parent: file_printer(out))
    preview.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert preview.hint.text() == "将打印 1 份文书，共 2 页"
    with qtbot.waitSignal(preview.printed) as blocker:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == ["容缺受理告知书（明白纸）"]
    assert len(pypdf.PdfReader(out).pages) == 2
    preview.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not preview.print_button.isEnabled()


def test_save_as_pdf_writes_the_same_bytes(qtbot, make_preview, documents, tmp_path):
    asked = []

    def choose_path(parent, suggested):
        asked.append(suggested)
        return str(tmp_path / "保存的文书")  # the extension is added

    preview = make_preview(documents, choose_save_path=choose_path)
    preview.list.setCurrentRow(1)
    with qtbot.waitSignal(preview.saved) as blocker:
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "保存的文书.pdf"
    assert blocker.args[0] == str(path)
    assert path.read_bytes() == documents[1].pdf
    assert asked == ["容缺受理告知书（明白纸） RQ-2024-052003.pdf"]
    assert len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages) == 2


def test_saving_cancelled_or_impossible(qtbot, make_preview, documents, tmp_path):
    answers = iter(["", str(tmp_path / "missing" / "x.pdf")])
    preview = make_preview(documents, choose_save_path=lambda parent, name: next(answers))
    with qtbot.assertNotEmitted(preview.saved):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)  # cancelled
        assert preview.message_text() == ""
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert preview.message_text().startswith(f"无法保存到 {tmp_path / 'missing' / 'x.pdf'}：")


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_failing_printer_is_told_and_the_documents_stay(qtbot, make_preview, documents, tmp_path):
    broken = tmp_path / "no-such-folder" / "out.pdf"  # the printer cannot open its output
    preview = make_preview(documents, choose_printer=lambda parent: file_printer(broken))
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    message = preview.message_text()
    assert message.startswith("无法打印：打印机")
    assert "文书仍在预览中" in message and "另存为PDF" in message
    assert preview.message.property("role") == "error"
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert preview.view.document().pageCount() == 1  # still shown, ready to try again

    good = tmp_path / "again.pdf"
    preview.choose_printer = lambda parent: file_printer(good)
    with qtbot.waitSignal(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(pypdf.PdfReader(good).pages) == 3


def test_no_printer_on_this_pc(qtbot, make_preview, documents):
    def nowhere(parent):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what Qt falls back to
        return printer

    preview = make_preview(documents, choose_printer=nowhere)
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.message_text().startswith("本机没有可用的打印机")


def test_cancelling_the_print_dialog_does_nothing(qtbot, make_preview, documents):
    preview = make_preview(documents, choose_printer=lambda parent: None)
    with qtbot.assertNotEmitted(preview.printed):
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.message_text() == ""


def test_an_empty_preview_is_a_programming_error():
    with pytest.raises(ValueError):
        DocumentPreview([])


def test_document_labels_and_file_names():
    doc = PreviewDocument("受理通知书", b"%PDF", subtitle="企业设立登记", number="YC1/2")
    assert doc.label == "受理通知书（企业设立登记）"
    assert doc.filename == "受理通知书（企业设立登记） YC1_2.pdf"
