"""The applicant part of the case form: a person or an enterprise, numbers checked as typed.

A resident ID is checked by its GB 11643 check digit, a unified social credit code by its
GB 32100 check character, a phone by its shape, with the core's own messages (``idcheck``).
Checking never blocks typing: while a number is still short a grey count shows how far it is;
a full-length number (or leaving the field) shows the verdict under it. Numbers are shown in
full here; only printed documents mask them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import restyle, tr_error
from yichuang.citizens import Citizen, CitizenKind
from yichuang.errors import YichuangError
from yichuang.idcheck import (
    ID_TYPE_NAMES,
    IdType,
    validate_credit_code,
    validate_id_number,
    validate_phone,
)

FULL_LENGTH = 18  # resident ID numbers and credit codes


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field for the form's style sheet (a red frame) and re-apply the style."""
    if bool(widget.property("invalid")) == invalid:
        return
    restyle(widget, "invalid", invalid)


class CheckedField(QWidget):
    """A line edit with a one-line verdict under it.

    ``check(text)`` raises a ``YichuangError`` for a wrong value; ``complete(text)`` says when
    the value is long enough to judge while typing (before that a progress hint shows).

    Signals: verdict_changed(bool) — True when the value is empty or valid.
    """

    verdict_changed = Signal(bool)

    def __init__(
        self,
        check: Callable[[str], object],
        complete: Callable[[str], bool],
        progress: Callable[[str], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.complete = complete
        self.progress = progress
        self.edit = QLineEdit()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self.validate)
        self._ok = True

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.edit.setText(text)
        self.validate()

    def message(self) -> str:
        """The verdict shown (an error, a hint, or "")."""
        return self.note.text() if self.note.isVisible() else ""

    def is_ok(self) -> bool:
        return self._ok

    def _show(self, text: str, role: str) -> None:
        self.note.setText(text)
        restyle(self.note, "role", role)
        self.note.setVisible(bool(text))

    def _typed(self, text: str) -> None:
        set_invalid(self.edit, False)
        if not text.strip():
            self._verdict(True, "", "hint")
        elif self.complete(text) or not self._ok:
            self.validate()  # long enough, or an error is showing: judge at once
        elif self.progress is not None:
            self._show(self.progress(text), "hint")

    def validate(self) -> bool:
        text = self.edit.text()
        if not text.strip():
            self._verdict(True, "", "hint")
            return True
        try:
            self.check(text)
        except YichuangError as err:
            self._verdict(False, tr_error(err), "error")
            return False
        self._verdict(True, self.tr("✓ 校验通过"), "ok")
        return True

    def _verdict(self, ok: bool, text: str, role: str) -> None:
        self._show(text, role)
        if ok != self._ok:
            self._ok = ok
            self.verdict_changed.emit(ok)


def _compact_length(text: str) -> int:
    return len("".join(text.split()))


class CitizenSection(QWidget):
    """Who the case is about: person (name, ID type and number, phone, address) or enterprise
    (name, credit code, contact person, phone, address).

    Signals: changed() — any field changed (the outcome pages use the address and phone).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        toggle = QHBoxLayout()
        toggle.setSpacing(0)
        self.kind_group = QButtonGroup(self)
        self.person_button = QPushButton(self.tr("个人"))
        self.enterprise_button = QPushButton(self.tr("企业"))
        for i, button in enumerate((self.person_button, self.enterprise_button)):
            button.setCheckable(True)
            button.setProperty("role", "segment")
            button.setProperty("position", "left" if i == 0 else "right")
            self.kind_group.addButton(button, i)
            toggle.addWidget(button)
        toggle.addStretch(1)
        self.person_button.setChecked(True)
        layout.addLayout(toggle)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)

        self.name_edit = QLineEdit()
        self.name_label = QLabel()
        self.id_type_combo = QComboBox()
        for id_type in IdType:
            self.id_type_combo.addItem(
                QCoreApplication.translate("idtype", ID_TYPE_NAMES[id_type]), id_type.value
            )
        self.id_field = CheckedField(
            self._check_id,
            lambda t: self.id_type() is not IdType.RESIDENT_ID or _compact_length(t) >= 18,
            lambda t: self.tr("已录入 {n}/18 位").format(n=_compact_length(t)),
        )
        self.credit_field = CheckedField(
            validate_credit_code,
            lambda t: _compact_length(t) >= FULL_LENGTH,
            lambda t: self.tr("已录入 {n}/18 位").format(n=_compact_length(t)),
        )
        self.contact_edit = QLineEdit()
        self.phone_field = CheckedField(
            validate_phone, lambda t: sum(c.isdigit() for c in t) >= 11 and t.startswith("1")
        )
        self.address_edit = QLineEdit()

        self.form.addRow(self.name_label, self.name_edit)
        self.form.addRow(self.tr("证件类型"), self.id_type_combo)
        self.form.addRow(self.tr("证件号码"), self.id_field)
        self.form.addRow(self.tr("统一社会信用代码"), self.credit_field)
        self.form.addRow(self.tr("联系人"), self.contact_edit)
        self.form.addRow(self.tr("联系电话"), self.phone_field)
        self.form.addRow(self.tr("地址"), self.address_edit)

        self.kind_group.idToggled.connect(lambda _id, on: on and self._kind_changed())
        self.id_type_combo.currentIndexChanged.connect(lambda _i: self.id_field.validate())
        for edit in (self.name_edit, self.contact_edit, self.address_edit):
            edit.textChanged.connect(self.changed)
        for checked in (self.id_field, self.credit_field, self.phone_field):
            checked.edit.textChanged.connect(self.changed)
        self._kind_changed()

    # ---- reading and writing -------------------------------------------------------------

    def kind(self) -> CitizenKind:
        return CitizenKind.ENTERPRISE if self.enterprise_button.isChecked() else CitizenKind.PERSON

    def set_kind(self, kind: CitizenKind) -> None:
        button = self.enterprise_button if kind is CitizenKind.ENTERPRISE else self.person_button
        button.setChecked(True)

    def id_type(self) -> IdType:
        return IdType(self.id_type_combo.currentData())

    def set_id_type(self, id_type: IdType) -> None:
        self.id_type_combo.setCurrentIndex(self.id_type_combo.findData(IdType(id_type).value))

    def citizen(self) -> Citizen:
        """The citizen as typed (unchecked: the core checks the numbers when registering)."""
        if self.kind() is CitizenKind.ENTERPRISE:
            return Citizen.enterprise(
                self.name_edit.text().strip(),
                self.credit_field.text().strip(),
                contact_name=self.contact_edit.text().strip(),
                phone=self.phone_field.text().strip(),
                address=self.address_edit.text().strip(),
            )
        return Citizen.person(
            self.name_edit.text().strip(),
            self.id_field.text().strip(),
            self.phone_field.text().strip(),
            id_type=self.id_type(),
            address=self.address_edit.text().strip(),
        )

    def set_citizen(self, citizen: Citizen) -> None:
        self.set_kind(citizen.kind)
        self.name_edit.setText(citizen.name)
        self.set_id_type(citizen.id_type)
        self.id_field.setText(citizen.id_number)
        self.credit_field.setText(citizen.credit_code)
        self.contact_edit.setText(citizen.contact_name)
        self.phone_field.setText(citizen.phone)
        self.address_edit.setText(citizen.address)

    def field_for(self, label: str) -> QWidget | None:
        """The input behind a field label the core names (``MissingField``)."""
        mapping: dict[str, QWidget] = {
            "申请人姓名": self.name_edit,
            "企业名称": self.name_edit,
            "预约人姓名": self.name_edit,
            "证件号码": self.id_field.edit,
            "统一社会信用代码": self.credit_field.edit,
            "联系电话": self.phone_field.edit,
            "预约人联系电话": self.phone_field.edit,
        }
        return mapping.get(label)

    # ---- behaviour -----------------------------------------------------------------------

    def _check_id(self, text: str) -> object:
        return validate_id_number(self.id_type(), text)

    def _kind_changed(self) -> None:
        enterprise = self.kind() is CitizenKind.ENTERPRISE
        self.name_label.setText(self.tr("企业名称") if enterprise else self.tr("姓名"))
        self.name_edit.setPlaceholderText(
            self.tr("营业执照上的名称") if enterprise else self.tr("申请人姓名")
        )
        self.form.setRowVisible(self.id_type_combo, not enterprise)
        self.form.setRowVisible(self.id_field, not enterprise)
        self.form.setRowVisible(self.credit_field, enterprise)
        self.form.setRowVisible(self.contact_edit, enterprise)
        self.address_edit.setPlaceholderText(
            self.tr("企业住所（上门办时为上门地址）")
            if enterprise
            else self.tr("住址（上门办时为上门地址）")
        )
        self.phone_field.edit.setPlaceholderText(
            self.tr("联系人手机或固定电话") if enterprise else self.tr("手机或带区号的固定电话")
        )
        self.changed.emit()
