"""Widgets of the clerk console: the current-ticket card, action buttons bound to actions, and
small figure tiles. They show values; the console decides what to show and when.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.clerk_models import kind_text, minutes_between, status_text
from yichuang.catalog import Handling, Necessity, ServiceItem
from yichuang.queue import Ticket, TicketKind, TicketStatus

# Clerk-specific looks on top of resources/styles/hall.qss (which stays the hall-wide base).
CLERK_QSS = """
QFrame#clerkHeader { background: #0f3d7a; }
QFrame#clerkHeader QLabel { color: white; }
QLabel#hallName { font-size: 15pt; font-weight: bold; }
QLabel#counterName { font-size: 15pt; font-weight: bold; }
QLabel#counterQueues { color: #c9d8ee; font-size: 11pt; }
QLabel#clerkName { font-size: 12pt; }
QFrame#clerkHeader QToolBar { background: transparent; border: none; spacing: 8px; }
QFrame#clerkHeader QToolButton {
    color: white; background: rgba(255, 255, 255, 0.10);
    border: 1px solid rgba(255, 255, 255, 0.45); border-radius: 6px;
    padding: 6px 14px; font-size: 11pt;
}
QFrame#clerkHeader QToolButton:hover { background: rgba(255, 255, 255, 0.22); }
QFrame#clerkHeader QToolButton:disabled {
    color: rgba(255, 255, 255, 0.45); border-color: rgba(255, 255, 255, 0.2);
}
QFrame#clerkHeader QPushButton {
    background: transparent; color: white; border: 1px solid rgba(255, 255, 255, 0.7);
    padding: 6px 16px; font-size: 11pt;
}
QFrame#clerkHeader QPushButton:hover { background: rgba(255, 255, 255, 0.18); }
QFrame#clerkHeader QPushButton:disabled {
    color: rgba(255, 255, 255, 0.45); border-color: rgba(255, 255, 255, 0.25);
}
QLabel[chip="true"] {
    border-radius: 11px; padding: 2px 12px; font-size: 11pt; font-weight: bold;
}
QLabel[tone="open"], QFrame#clerkHeader QLabel[tone="open"] {
    background: #2e9d5b; color: white;
}
QLabel[tone="paused"], QFrame#clerkHeader QLabel[tone="paused"] {
    background: #f0a030; color: #3b2200;
}
QLabel[tone="called"] { background: #fff1d6; color: #8a5a00; }
QLabel[tone="serving"] { background: #dff3e6; color: #1f6b3d; }
QLabel[tone="priority"] { background: #1f8a4c; color: white; }
QLabel[tone="appointment"] { background: #1257b0; color: white; }
QLabel[tone="normal"] { background: #e8eef6; color: #38495e; }
QLabel[tone="transfer"] { background: #f3e8ff; color: #5b2a8c; }
QLabel#cardCaption { color: #6b7a8c; font-size: 12pt; font-weight: bold; }
QLabel#ticketNumber { font-size: 96px; font-weight: bold; color: #0f3d7a; }
QLabel#ticketNumber[kind="priority"] { color: #1f8a4c; }
QLabel#ticketNumber[kind="none"] { color: #b4c0ce; font-size: 64px; }
QLabel#idleHint { color: #4a5a6e; font-size: 13pt; }
QLabel#idleFigures { color: #6b7a8c; font-size: 12pt; }
QFrame#cardRule { background: #e1e8f1; max-height: 1px; min-height: 1px; border: none; }
QLabel#itemTerms { font-size: 11pt; color: #38495e; }
QLabel#materials { font-size: 12pt; color: #1d2733; }
QLabel#timerCaption { color: #6b7a8c; font-size: 11pt; }
QLabel#timer { font-size: 40px; font-weight: bold; color: #1d2733; }
QLabel#detailKey { color: #6b7a8c; font-size: 13pt; }
QLabel#detailValue { font-size: 13pt; }
QFrame#pausedStrip { background: #fff4e0; border: 1px solid #f0c987; border-radius: 8px; }
QFrame#pausedStrip QLabel { color: #8a4b00; font-size: 13pt; font-weight: bold; }
QPushButton#actionButton { padding: 6px 8px; min-height: 58px; }
QPushButton#actionButton:disabled, QPushButton#actionButton[role="primary"]:disabled,
QPushButton#actionButton[role="danger"]:disabled {
    background: #eef1f5; border: 1px solid #dde3eb;
}
QPushButton#actionButton QLabel { background: transparent; }
QLabel#actionTitle { font-size: 14pt; font-weight: bold; color: #1d2733; }
QLabel#actionKey { font-size: 9pt; color: #6b7a8c; }
QPushButton#actionButton[role="primary"] QLabel { color: white; }
QPushButton#actionButton[role="danger"] QLabel#actionTitle { color: #9c1f18; }
QPushButton#actionButton QLabel:disabled,
QPushButton#actionButton[role="primary"] QLabel:disabled,
QPushButton#actionButton[role="danger"] QLabel#actionTitle:disabled { color: #a3afbd; }
QStatusBar { background: #e8eef6; border-top: 1px solid #d5dde8; }
QStatusBar::item { border: none; }
QLabel#notice { padding: 6px 12px; font-size: 12pt; }
QLabel#notice[tone="info"] { color: #0f3d7a; }
QLabel#notice[tone="error"] { background: #fdecea; color: #9c1f18; font-weight: bold; }
QLabel#connection { padding: 6px 12px; color: #6b7a8c; font-size: 10pt; }
QLabel#connection[tone="error"] { color: #9c1f18; font-weight: bold; }
QLabel#panelTitle { font-size: 13pt; font-weight: bold; color: #0f3d7a; }
QLabel#panelCount { color: #6b7a8c; font-size: 11pt; }
QFrame#statTile { background: #f6f9fc; border: 1px solid #e1e8f1; border-radius: 8px; }
QLabel#statValue { font-size: 20pt; font-weight: bold; color: #0f3d7a; }
QLabel#statLabel { color: #6b7a8c; font-size: 10pt; }
QLabel#emptyHint { color: #8a98a8; font-size: 11pt; }
QLabel#signedOutTitle { font-size: 26pt; font-weight: bold; color: #0f3d7a; }
QFrame#clerkBanner { background: #b3261e; }
QFrame#clerkBanner QLabel { color: white; font-size: 13pt; font-weight: bold; }
"""


def repolish(widget: QWidget) -> None:
    """Re-apply the style after a dynamic property (tone, kind) changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_tone(label: QLabel, tone: str) -> None:
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        repolish(label)


def chip(text: str = "", tone: str = "normal") -> QLabel:
    label = QLabel(text)
    label.setProperty("chip", "true")
    label.setProperty("tone", tone)
    label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return label


def named(label: QLabel, name: str) -> QLabel:
    label.setObjectName(name)
    return label


class ActionButton(QPushButton):
    """A big push button that mirrors a ``QAction`` (text, enabled state, shortcut hint) and
    triggers it. The action owns the shortcut, so a key and a click run the same code."""

    def __init__(self, action: QAction, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setObjectName("actionButton")
        if role:
            self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the shortcuts
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(0)
        self.title = named(QLabel(), "actionTitle")
        self.key = named(QLabel(), "actionKey")
        for label in (self.title, self.key):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.clicked.connect(action.trigger)
        self._base_role = role
        action.changed.connect(self._sync)
        self._sync()

    def emphasize(self, on: bool) -> None:
        """Show the button as the one to press now (e.g. 恢复 while paused)."""
        role = "primary" if on else self._base_role
        if self.property("role") != role:
            self.setProperty("role", role)
            for widget in (self, self.title, self.key):
                repolish(widget)

    def _sync(self) -> None:
        self.title.setText(self.action.text())
        self.key.setText(self.action.shortcut().toString())
        self.setEnabled(self.action.isEnabled())
        self.setAccessibleName(self.action.text())
        self.setToolTip(self.action.toolTip())


class StatTile(QFrame):
    """One figure with its caption (已办结 12)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        self.value = named(QLabel("0"), "statValue")
        self.caption = named(QLabel(caption), "statLabel")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str) -> None:
        self.value.setText(text)


class TicketCard(QFrame):
    """The counter's current ticket: the number in large type, what it is for, how often it was
    called, a service timer, and the item's time limit and materials to check. When idle or
    paused it says so and what to press next.

    No signals.
    """

    MAX_MATERIALS = 6
    idle_title = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 18)
        outer.setSpacing(8)

        self.paused_strip = QFrame()
        self.paused_strip.setObjectName("pausedStrip")
        strip_layout = QHBoxLayout(self.paused_strip)
        strip_layout.setContentsMargins(12, 6, 12, 6)
        self.paused_label = QLabel()
        strip_layout.addWidget(self.paused_label)
        self.paused_strip.hide()
        outer.addWidget(self.paused_strip)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(named(QLabel(self.tr("当前号")), "cardCaption"))
        self.status_chip = chip()
        self.kind_chip = chip()
        self.transfer_chip = chip(tone="transfer")
        top.addWidget(self.status_chip)
        top.addWidget(self.kind_chip)
        top.addWidget(self.transfer_chip)
        top.addStretch(1)
        outer.addLayout(top)

        middle = QHBoxLayout()
        self.number = named(QLabel(), "ticketNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        middle.addWidget(self.number, 1, Qt.AlignmentFlag.AlignVCenter)
        timer_box = QVBoxLayout()
        timer_box.setSpacing(0)
        self.timer_caption = named(QLabel(), "timerCaption")
        self.timer = named(QLabel(), "timer")
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight)
        timer_box.addStretch(1)
        timer_box.addWidget(self.timer_caption)
        timer_box.addWidget(self.timer)
        timer_box.addStretch(1)
        middle.addLayout(timer_box)
        outer.addLayout(middle)

        self.idle_hint = named(QLabel(), "idleHint")
        self.idle_hint.setWordWrap(True)
        self.idle_figures = named(QLabel(), "idleFigures")
        outer.addWidget(self.idle_hint)
        outer.addWidget(self.idle_figures)

        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(8)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self._values: dict[str, QLabel] = {}
        rows = [
            ("queue", self.tr("业务"), "item", self.tr("事项")),
            ("calls", self.tr("叫号"), "issued", self.tr("取号")),
        ]
        for row, (key_a, text_a, key_b, text_b) in enumerate(rows):
            for col, (key, text) in enumerate(((key_a, text_a), (key_b, text_b))):
                top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                key_label = named(QLabel(text), "detailKey")
                key_label.setAlignment(top_left)
                grid.addWidget(key_label, row, col * 2)
                value = named(QLabel(), "detailValue")
                value.setAlignment(top_left)
                value.setWordWrap(True)
                self._values[key] = value
                grid.addWidget(value, row, col * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        details.addLayout(grid)
        rule = QFrame()
        rule.setObjectName("cardRule")
        details.addWidget(rule)
        self.terms = named(QLabel(), "itemTerms")
        self.terms.setWordWrap(True)
        self.materials = named(QLabel(), "materials")
        self.materials.setWordWrap(True)
        self.materials.setTextFormat(Qt.TextFormat.RichText)
        details.addWidget(self.terms)
        details.addWidget(self.materials)
        outer.addWidget(self.details)
        outer.addStretch(1)
        self.show_ticket(None, None)

    def value_text(self, key: str) -> str:
        return self._values[key].text()

    def show_ticket(self, ticket: Ticket | None, item: ServiceItem | None) -> None:
        has = ticket is not None
        self.details.setVisible(has)
        self.idle_hint.setVisible(not has)
        self.idle_figures.setVisible(not has)
        self.status_chip.setVisible(has)
        self.kind_chip.setVisible(has)
        self.timer.setVisible(has)
        self.timer_caption.setVisible(has)
        if ticket is None:
            self.number.setText(self.idle_title)
            self._set_kind("none")
            self.transfer_chip.hide()
            return
        self.number.setText(ticket.number)
        self._set_kind("priority" if ticket.kind is TicketKind.PRIORITY else "normal")
        self.status_chip.setText(status_text(ticket.status))
        set_tone(self.status_chip, "serving" if ticket.status is TicketStatus.SERVING else "called")
        self.kind_chip.setText(kind_text(ticket))
        set_tone(
            self.kind_chip,
            {TicketKind.PRIORITY: "priority", TicketKind.APPOINTMENT: "appointment"}.get(
                ticket.kind, "normal"
            ),
        )
        self.transfer_chip.setVisible(ticket.transfer_count > 0)
        self.transfer_chip.setText(self.tr("转办 {n} 次").format(n=ticket.transfer_count))
        self._values["queue"].setText(ticket.queue_name)
        self._values["item"].setText(item.name if item else self.tr("未选具体事项"))
        self._values["calls"].setText(self.tr("{n} 次").format(n=ticket.call_count))
        waited = minutes_between(ticket.issued_at, ticket.first_called_at)
        self._values["issued"].setText(
            self.tr("{time}（等候 {minutes} 分钟）").format(
                time=ticket.issued_at.strftime("%H:%M"), minutes=waited
            )
        )
        self.timer_caption.setText(
            self.tr("办理用时") if ticket.status is TicketStatus.SERVING else self.tr("叫号后")
        )
        self._show_item(item)

    def _show_item(self, item: ServiceItem | None) -> None:
        if item is None:
            self.terms.setText(self.tr("群众按业务取号，请询问所办事项后在办件登记中选择。"))
            self.materials.hide()
            return
        if item.handling is Handling.ON_THE_SPOT:
            terms = self.tr("即办件 · 当场办结")
        else:
            terms = self.tr("承诺件 · 承诺 {promised} 个工作日（法定 {statutory} 个）").format(
                promised=item.promised_limit_days, statutory=item.statutory_limit_days
            )
        if item.one_visit:
            terms += self.tr(" · 一次办好")
        if item.scope:
            terms += " · " + str(item.scope)
        self.terms.setText(terms)
        if not item.materials:
            self.materials.hide()
            return
        shown = item.materials[: self.MAX_MATERIALS]
        lines = []
        for material in shown:
            line = escape(material.name)
            if material.necessity is Necessity.DEFERRABLE:
                line += ' <span style="color:#1f8a4c;">' + escape(self.tr("〔可容缺〕")) + "</span>"
            elif material.necessity is Necessity.OPTIONAL:
                line += ' <span style="color:#6b7a8c;">' + escape(self.tr("〔非必要〕")) + "</span>"
            lines.append("· " + line)
        more = len(item.materials) - len(shown)
        if more > 0:
            lines.append(escape(self.tr("……另有 {n} 项").format(n=more)))
        title = escape(self.tr("所需材料（{n} 项）").format(n=len(item.materials)))
        self.materials.setText(
            f'<p style="line-height:135%;"><span style="color:#6b7a8c;">{title}</span><br>'
            + "<br>".join(lines)
            + "</p>"
        )
        self.materials.show()

    def show_idle(self, title: str, hint: str, figures: str) -> None:
        """What the card says without a current ticket (空闲 / 暂停中)."""
        self.idle_title = title
        if self.number.property("kind") == "none":
            self.number.setText(title)
        self.idle_hint.setText(hint)
        self.idle_figures.setText(figures)

    def show_paused(self, text: str | None) -> None:
        """A strip over the card while the counter is paused (None hides it)."""
        self.paused_strip.setVisible(text is not None)
        self.paused_label.setText(text or "")

    def set_timer(self, text: str) -> None:
        self.timer.setText(text)

    def _set_kind(self, kind: str) -> None:
        if self.number.property("kind") != kind:
            self.number.setProperty("kind", kind)
            repolish(self.number)
