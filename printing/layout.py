"""The renderer skeleton every document shares: page template, page furniture, styles, helpers.

After pretix's invoice renderer: a document is plain data; a renderer turns it into a story of
platypus flowables in small steps a subclass may override (page size and margins, stylesheet,
header, footer, story). Page furniture is drawn once the last page is known, so footers can say
"第 x / y 页" — counted per copy (联) when a document prints in several copies.

User text reaches a Paragraph only through ``para``/``esc``; text drawn straight on the canvas
(header, footer, headings) is not markup and is never escaped.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from .documents import DocumentHeader
from .qr import QRCodeFlowable
from .text import cn_datetime, esc

D = TypeVar("D")

INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#808080")
LABEL_BG = colors.HexColor("#F0F0F0")
ACCENT_HEX = "#B22222"  # the red of official paper, used sparingly
ACCENT = colors.HexColor(ACCENT_HEX)

CREATOR = "一窗 Yichuang"
CELL_PADDING = 6  # points, left and right of a table cell (reportlab's default)


@dataclass(frozen=True)
class PageInfo:
    """Where a page sits: its number and the page count within its copy (联)."""

    number: int
    count: int
    copy_label: str = ""


@dataclass(frozen=True)
class Margins:
    left: float
    right: float
    top: float
    bottom: float


class FurnishedCanvas(Canvas):
    """A canvas that holds pages back until the end, then lets ``furnish`` decorate each one.

    Holding back is what makes "page x of y" possible in one layout pass.
    """

    def __init__(self, *args: Any, furnish: Callable[[Canvas, PageInfo], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._furnish = furnish
        self._held_pages: list[dict[str, Any]] = []
        self.copy_index = 0
        self.copy_label = ""

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        counts = Counter(state["copy_index"] for state in self._held_pages)
        numbers: Counter[int] = Counter()
        for state in self._held_pages:
            self.__dict__.update(state)
            numbers[self.copy_index] += 1
            info = PageInfo(numbers[self.copy_index], counts[self.copy_index], self.copy_label)
            self._furnish(self, info)
            super().showPage()
        super().save()


class CopyStart(Flowable):
    """Zero-size marker: the pages from here on are the copy (联) called ``label``."""

    _ZEROSIZE = True

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, FurnishedCanvas):
            canvas.copy_index += 1
            canvas.copy_label = self.label


def draw_bold_string(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, centre: bool = False
) -> None:
    """Draw text in faux bold (fill plus a thin stroke): CJK TrueType fonts rarely ship a bold face."""
    if centre:
        x -= stringWidth(text, font, size) / 2
    canvas.saveState()
    canvas.setLineWidth(size * 0.035)
    text_object = canvas.beginText(x, y)
    text_object.setFont(font, size)
    text_object.setTextRenderMode(2)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()


class Heading(Flowable):
    """A centred title in faux bold, shrunk to fit the width, with an optional subtitle."""

    def __init__(
        self,
        text: str,
        font: str,
        size: float,
        subtitle: str = "",
        subtitle_size: float | None = None,
        space_after: float = 4 * mm,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.size = size
        self.subtitle = subtitle
        self.subtitle_size = subtitle_size or size * 0.5
        self.spaceAfter = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._size = min(self.size, avail_width / max(stringWidth(self.text, self.font, 1), 1))
        self.height = self._size * 1.25 + (self.subtitle_size * 1.8 if self.subtitle else 0)
        return self.width, self.height

    def draw(self) -> None:
        mid = self.width / 2
        baseline = self.height - self._size
        draw_bold_string(self.canv, mid, baseline, self.text, self.font, self._size, centre=True)
        if self.subtitle:
            self.canv.setFont(self.font, self.subtitle_size)
            self.canv.setFillColor(GREY)
            self.canv.drawCentredString(mid, self.subtitle_size * 0.3, self.subtitle)


class DocumentRenderer(Generic[D]):
    """Turns one kind of document into PDF bytes. Override the small steps, not ``render``."""

    pagesize: tuple[float, float] = A4
    margins = Margins(left=18 * mm, right=18 * mm, top=22 * mm, bottom=20 * mm)
    base_font_size = 10.5
    title = ""

    def __init__(self, font_name: str | None = None) -> None:
        self.font = font_name or fonts.cjk_font_name()
        self.styles = self.stylesheet()

    # -- the steps -----------------------------------------------------------------------

    def render(self, doc: D) -> bytes:
        """The finished PDF."""
        story = self.story(doc)
        buffer = io.BytesIO()
        template = self.doc_template(buffer, doc, self.page_size(doc, story))
        template.build(
            story, canvasmaker=partial(FurnishedCanvas, furnish=partial(self.furnish, doc))
        )
        return buffer.getvalue()

    def header_of(self, doc: D) -> DocumentHeader:
        header = getattr(doc, "header", None)
        if not isinstance(header, DocumentHeader):
            raise TypeError(f"{type(doc).__name__} has no DocumentHeader")
        return header

    def page_size(self, doc: D, story: list[Flowable]) -> tuple[float, float]:
        return self.pagesize

    def doc_template(
        self, buffer: io.BytesIO, doc: D, pagesize: tuple[float, float]
    ) -> BaseDocTemplate:
        header = self.header_of(doc)
        m = self.margins
        frame = Frame(
            m.left,
            m.bottom,
            pagesize[0] - m.left - m.right,
            pagesize[1] - m.top - m.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        template = BaseDocTemplate(
            buffer,
            pagesize=pagesize,
            leftMargin=m.left,
            rightMargin=m.right,
            topMargin=m.top,
            bottomMargin=m.bottom,
            title=f"{self.title} {header.document_no}".strip(),
            author=header.hall_name,
            subject=header.document_no,
            creator=CREATOR,
            producer=CREATOR,
            lang="zh-CN",
            invariant=1,  # same data, same bytes: reprints and tests compare equal
            pageCompression=1,
            initialFontName=self.font,  # else an unembedded Helvetica lands in every page
        )
        template.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=pagesize)])
        return template

    def furnish(self, doc: D, canvas: Canvas, page: PageInfo) -> None:
        """Draw what every page carries: hall name, document number, date, clerk, phone."""
        header = self.header_of(doc)
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        self.draw_header(canvas, header, page)
        self.draw_footer(canvas, header, page)
        canvas.restoreState()

    def draw_header(self, canvas: Canvas, header: DocumentHeader, page: PageInfo) -> None:
        width, height = canvas._pagesize
        left, right = self.margins.left, width - self.margins.right
        y = height - self.margins.top + 7 * mm
        size = self.base_font_size * 0.9
        number = f"编号：{header.document_no}"
        number_width = stringWidth(number, self.font, size * 0.9)
        room = right - left - number_width - 4 * mm
        name_size = min(size * 1.05, room / max(stringWidth(header.hall_name, self.font, 1), 1))
        draw_bold_string(canvas, left, y, header.hall_name, self.font, name_size)
        canvas.setFont(self.font, size * 0.9)
        canvas.drawRightString(right, y, number)
        if page.copy_label:
            canvas.setFillColor(ACCENT)
            canvas.drawRightString(right, y + size * 1.3, page.copy_label)
            canvas.setFillColor(INK)
        canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)

    def footer_parts(self, header: DocumentHeader) -> list[str]:
        parts = [f"经办人工号：{header.clerk_no}"]
        if header.counter:
            parts.append(header.counter)
        parts.append(f"咨询电话：{header.hall_phone}")
        parts.append(f"出具时间：{cn_datetime(header.issued_at)}")
        return parts

    def draw_footer(self, canvas: Canvas, header: DocumentHeader, page: PageInfo) -> None:
        width, _ = canvas._pagesize
        left, right = self.margins.left, width - self.margins.right
        size = self.base_font_size * 0.78
        page_text = f"第 {page.number} / {page.count} 页"
        room = right - left - stringWidth(page_text, self.font, size) - 5 * mm
        lines = pack_line(self.footer_parts(header), "\u3000", self.font, size, room)
        top = self.margins.bottom - 5 * mm
        canvas.line(left, top + size * 1.4, right, top + size * 1.4)
        canvas.setFont(self.font, size)
        canvas.setFillColor(GREY)
        for i, line in enumerate(lines):
            canvas.drawString(left, top - i * size * 1.45, line)
        canvas.drawRightString(right, top, page_text)

    def stylesheet(self) -> dict[str, ParagraphStyle]:
        size = self.base_font_size
        body = ParagraphStyle(
            "body",
            fontName=self.font,
            fontSize=size,
            leading=size * 1.6,
            textColor=INK,
            wordWrap="CJK",
            spaceAfter=size * 0.4,
        )
        return {
            "body": body,
            "indent": ParagraphStyle("indent", body, firstLineIndent=size * 2),
            "section": ParagraphStyle(
                "section", body, fontSize=size * 1.1, leading=size * 1.6, spaceBefore=size * 0.9
            ),
            "cell": ParagraphStyle(
                "cell", body, fontSize=size * 0.9, leading=size * 1.3, spaceAfter=0
            ),
            "cell_head": ParagraphStyle(
                "cell_head",
                body,
                fontSize=size * 0.9,
                leading=size * 1.3,
                spaceAfter=0,
                alignment=TA_CENTER,
            ),
            "cell_centre": ParagraphStyle(
                "cell_centre", body, fontSize=size * 0.9, leading=size * 1.3, alignment=TA_CENTER
            ),
            "label": ParagraphStyle(
                "label", body, fontSize=size * 0.9, leading=size * 1.3, textColor=GREY, spaceAfter=0
            ),
            "note": ParagraphStyle(
                "note", body, fontSize=size * 0.85, leading=size * 1.35, textColor=GREY
            ),
            "centre": ParagraphStyle("centre", body, alignment=TA_CENTER),
            "left": ParagraphStyle("left", body, alignment=TA_LEFT),
        }

    def story(self, doc: D) -> list[Flowable]:
        raise NotImplementedError

    # -- helpers for stories -------------------------------------------------------------

    @property
    def content_width(self) -> float:
        return self.pagesize[0] - self.margins.left - self.margins.right

    def para(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of user text (escaped)."""
        return Paragraph(esc(text), self.styles[style])

    def markup(self, xml: str, style: str = "body") -> Paragraph:
        """A paragraph of trusted markup; user parts must already be ``esc``-aped."""
        return Paragraph(xml, self.styles[style])

    def heading(self, text: str, subtitle: str = "") -> Heading:
        return Heading(text, self.font, self.base_font_size * 2, subtitle=subtitle)

    def section(self, text: str) -> Paragraph:
        return Paragraph(
            f'<font color="{ACCENT_HEX}">■</font>&nbsp;{esc(text)}',
            self.styles["section"],
        )

    def cell(self, text: str, width: float, style: str = "cell") -> str | Paragraph:
        """Table cell content: text that fits on one line stays a plain string, which a Table
        draws without parsing markup (so it needs no escaping) and several times faster than a
        Paragraph; anything longer becomes a wrapping Paragraph of escaped text."""
        size = self.styles[style].fontSize
        if "\n" not in text and stringWidth(text, self.font, size) <= width - 2 * CELL_PADDING:
            return text
        return self.para(text, style)

    def cell_commands(self, style: str = "cell") -> list[tuple[Any, ...]]:
        """How plain-string cells look: like the Paragraph ``style``."""
        st = self.styles[style]
        return [
            ("FONTSIZE", (0, 0), (-1, -1), st.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]

    def fields(
        self, rows: Sequence[Sequence[tuple[str, str]]], label_width: float | None = None
    ) -> Table:
        """A ruled label/value table; a row holds one pair (spanning) or two pairs side by side."""
        label_width = label_width or self.base_font_size * 8.4
        value_width = (self.content_width - 2 * label_width) / 2
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            *self.cell_commands(),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
            ("TEXTCOLOR", (0, 0), (0, -1), GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        for r, row in enumerate(rows):
            if len(row) == 1:
                ((label, value),) = row
                cells = [label, self.cell(value, self.content_width - label_width), "", ""]
                commands.append(("SPAN", (1, r), (3, r)))
            else:
                cells = []
                for label, value in row:
                    cells += [self.cell(label, label_width, "label"), self.cell(value, value_width)]
                commands += [
                    ("BACKGROUND", (2, r), (2, r), LABEL_BG),
                    ("TEXTCOLOR", (2, r), (2, r), GREY),
                ]
            cells[0] = self.cell(cells[0], label_width, "label")
            data.append(cells)
        return self.table(data, [label_width, value_width, label_width, value_width], commands)

    def list_table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centred_columns: Sequence[int] = (0,),
    ) -> Table:
        """A ruled list whose header row repeats on every page it flows onto."""
        scale = self.content_width / sum(widths)
        col_widths = [w * scale for w in widths]
        data: list[list[Any]] = [
            [self.cell(h, w, "cell_head") for h, w in zip(head, col_widths, strict=True)]
        ]
        for row in rows:
            data.append(
                [
                    self.cell(v, w, "cell_centre" if c in centred_columns else "cell")
                    for c, (v, w) in enumerate(zip(row, col_widths, strict=True))
                ]
            )
        return self.table(
            data,
            col_widths,
            [
                *self.cell_commands(),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                *[("ALIGN", (c, 1), (c, -1), "CENTER") for c in centred_columns],
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ],
            repeatRows=1,
        )

    def numbered(self, items: Sequence[str], style: str = "body") -> list[Flowable]:
        """``1. …`` lines with a hanging indent."""
        base = self.styles[style]
        hanging = ParagraphStyle(
            f"{style}_numbered",
            base,
            leftIndent=base.fontSize * 1.6,
            firstLineIndent=-base.fontSize * 1.6,
            spaceAfter=1,
        )
        return [Paragraph(f"{i}.&nbsp;{esc(item)}", hanging) for i, item in enumerate(items, 1)]

    def signatures(self, left: Sequence[str], right: Sequence[str]) -> Table:
        """Two columns of signature lines (e.g. the citizen left, the hall's seal right)."""
        style = self.styles["body"]
        roomy = ParagraphStyle("signature", style, leading=style.fontSize * 2.2, spaceAfter=0)
        seal = ParagraphStyle("seal", roomy, alignment=TA_CENTER)
        return self.table(
            [
                [
                    [Paragraph(esc(line), roomy) for line in left],
                    [Paragraph(esc(line), seal) for line in right],
                ]
            ],
            [self.content_width * 0.45, self.content_width * 0.55],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        )

    def qr_beside(self, payload: str, caption: str, size: float) -> Table:
        """A boxed QR code with a caption and the payload (a URL) written out beside it."""
        return self.table(
            [[QRCodeFlowable(payload, size), [self.para(caption), self.para(payload, "cell")]]],
            [size + 4 * mm, self.content_width - size - 4 * mm],
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (0, 0), 2 * mm),
            ],
        )

    def table(
        self,
        data: list[list[Any]],
        col_widths: Sequence[float],
        commands: Sequence[tuple[Any, ...]],
        **kwargs: Any,
    ) -> Table:
        """A Table in the document font (reportlab would otherwise pull in Helvetica)."""
        kwargs.setdefault("hAlign", "LEFT")
        style = TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font), *commands])
        return Table(data, colWidths=list(col_widths), style=style, **kwargs)

    def rule(self, space: float = 3 * mm) -> HRFlowable:
        return HRFlowable(
            width="100%", thickness=0.5, color=RULE, spaceBefore=space, spaceAfter=space
        )

    def gap(self, height: float = 3 * mm) -> Spacer:
        return Spacer(1, height)


def pack_line(parts: Sequence[str], sep: str, font: str, size: float, width: float) -> list[str]:
    """Greedily join ``parts`` into lines no wider than ``width`` (a part is never split)."""
    lines: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}{sep}{part}" if current else part
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = part
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines
