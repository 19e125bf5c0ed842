"""Choosing the service item(s) of a case from the catalog: a search line and a ticked list.

The search understands what the kiosk understands (``ItemSearch``: names, codes, pinyin and
initials, "sbk" finds 社会保障卡申领). Ticked items stay ticked while the clerk searches for
another; they are listed above the search results.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from yichuang.catalog import Department, ServiceItem
from yichuang.itemsearch import ItemSearch

CODE_ROLE = Qt.ItemDataRole.UserRole


class ItemPicker(QWidget):
    """A searchable, tickable list of the hall's service items.

    Signals: selection_changed(tuple) — the ticked item codes, in the order they were ticked.
    """

    selection_changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, ServiceItem] = {}
        self._departments: dict[str, str] = {}
        self._search: ItemSearch | None = None
        self._selected: list[str] = []
        self._filling = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索事项：名称、编码或拼音首字母，如 sbk"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._refill)
        layout.addWidget(self.search_edit)
        self.list = QListWidget()
        self.list.setObjectName("caseItems")
        self.list.setUniformItemSizes(True)
        self.list.itemChanged.connect(self._ticked)
        layout.addWidget(self.list, 1)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._update_summary()

    def set_catalog(self, items: Sequence[ServiceItem], departments: Sequence[Department]) -> None:
        self._items = {item.code: item for item in items}
        self._departments = {d.code: d.name for d in departments}
        self._search = ItemSearch(items, departments)
        self._selected = [code for code in self._selected if code in self._items]
        self._refill()

    # ---- selection -----------------------------------------------------------------------

    def selected(self) -> tuple[str, ...]:
        return tuple(self._selected)

    def set_selected(self, codes: Sequence[str]) -> None:
        wanted = [c for c in dict.fromkeys(codes) if c in self._items or not self._items]
        if wanted == self._selected:
            return
        self._selected = wanted
        self._refill()
        self.selection_changed.emit(self.selected())

    def toggle(self, code: str, on: bool = True) -> None:
        codes = [c for c in self._selected if c != code]
        if on:
            codes.append(code)
        self.set_selected(codes)

    def shown_codes(self) -> list[str]:
        return [self.list.item(i).data(CODE_ROLE) for i in range(self.list.count())]

    # ---- list ----------------------------------------------------------------------------

    def _label(self, item: ServiceItem) -> str:
        dept = self._departments.get(item.department, item.department)
        return f"{item.name}\u3000{dept} · {item.code}"

    def _refill(self) -> None:
        query = self.search_edit.text().strip()
        if self._search is None:
            return
        found = self._search.search(query) if query else list(self._items.values())
        codes = [code for code in self._selected if code in self._items]
        codes += [item.code for item in found if item.code not in codes]
        self._filling = True
        self.list.clear()
        for code in codes:
            row = QListWidgetItem(self._label(self._items[code]))
            row.setData(CODE_ROLE, code)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if code in self._selected else Qt.CheckState.Unchecked
            )
            self.list.addItem(row)
        self._filling = False
        self._update_summary()

    def _ticked(self, row: QListWidgetItem) -> None:
        if self._filling:
            return
        code = row.data(CODE_ROLE)
        on = row.checkState() == Qt.CheckState.Checked
        if (code in self._selected) != on:
            codes = [c for c in self._selected if c != code]
            if on:
                codes.append(code)
            self._selected = codes
            self._update_summary()
            self.selection_changed.emit(self.selected())

    def _update_summary(self) -> None:
        if not self._selected:
            self.summary.setText(self.tr("未选择事项（咨询、指路可不选）"))
            return
        names = [self._items[c].name for c in self._selected if c in self._items]
        self.summary.setText(
            self.tr("已选 {n} 项：{names}").format(n=len(names), names="、".join(names))
        )
