"""Domain errors: each carries a Chinese message for the UI and an English one for the log.

The Chinese template is marked with ``QT_TRANSLATE_NOOP`` (a plain function here, so the core
stays free of Qt) so that Qt's lupdate collects it and the English UI can translate it. The front
end shows ``err.user_message(translate)``; logs use ``str(err)`` (English).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yichuang.i18n import QT_TRANSLATE_NOOP

CONTEXT = "errors"


class YichuangError(Exception):
    """Base of every error a user may see. Subclasses set ``zh`` and ``en`` templates."""

    zh: str = QT_TRANSLATE_NOOP("errors", "操作失败：{detail}")
    en: str = "operation failed: {detail}"

    def __init__(self, zh: str | None = None, en: str | None = None, **params: Any) -> None:
        if zh is not None:
            self.zh = zh
        if en is not None:
            self.en = en
        self.params = params
        super().__init__(self.en.format(**params))

    def user_message(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The message for a person at the hall, in the UI language (Chinese by default).

        A parameter ``x`` may come with ``x_en``, its English wording: when the template is
        translated (the interface is not Chinese), ``x_en`` fills ``{x}``.
        """
        template = translate(CONTEXT, self.zh) if translate else self.zh
        params = dict(self.params)
        if template != self.zh:
            for key in list(params):
                if key.endswith("_en") and key[:-3] in params:
                    params[key[:-3]] = params[key]
        return template.format(**params)


class CatalogError(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "服务目录有误：{detail}")
    en = "catalog error: {detail}"

    @classmethod
    def at(cls, where: str, fieldname: str, value: object) -> CatalogError:
        return cls(detail=f"{where}: {fieldname} = {value!r}")

    @classmethod
    def duplicate(cls, code: str) -> CatalogError:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "服务目录有误：事项编码 {code} 重复"),
            en="catalog error: duplicate item code {code}",
            code=code,
        )

    @classmethod
    def missing(cls, fieldname: str) -> CatalogError:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "服务目录有误：缺少字段 {field}"),
            en="catalog error: missing field {field}",
            field=fieldname,
        )

    @classmethod
    def malformed(cls, detail: str) -> CatalogError:
        return cls(detail=detail)


class UnknownService(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "未知的服务事项或队列：{code}")
    en = "unknown service item or queue: {code}"


class UnknownCounter(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "未知的窗口：{number}")
    en = "unknown counter: {number}"


class CounterServesNothing(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "{number} 号窗口没有配置任何业务，请联系管理员")
    en = "counter {number} serves no queue; ask the administrator to assign one"


class CounterPaused(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "{number} 号窗口已暂停（{reason}），请先恢复")
    en = "counter {number} is paused ({reason}); resume it first"


class CounterBusy(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "{number} 号窗口正在办理 {ticket}，请先结束当前号")
    en = "counter {number} is still serving {ticket}; finish it first"


class CounterInUse(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "{number} 号窗口已由 {staff_name}（{staff}）签到，请先在该窗口签退"
    )
    en = "counter {number} is in use by {staff}; sign out there first"


class CounterNotOpen(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "{number} 号窗口当前无人值守，不能转到该窗口，请转到业务队列")
    en = "counter {number} is not open with staff; transfer to a queue instead"


class DailyCapReached(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "“{queue}”今日号源已取完（每日 {cap} 个）")
    en = "daily cap of {cap} tickets reached for queue {queue}"


class TicketNotFound(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "找不到号码 {ticket}")
    en = "ticket {ticket} not found"


class InvalidTicketState(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "号码 {ticket} 当前状态为“{state}”，不能{action}")
    en = "ticket {ticket} is {state_en}; cannot {action_en}"


class NoShowTooEarly(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "号码 {ticket} 只叫过 {calls} 次，需叫满 {needed} 次才能过号")
    en = "ticket {ticket} was called {calls} times; {needed} calls are needed before a no-show"


class AuthError(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "工号或密码不正确")
    en = "wrong staff number or PIN"


class PermissionDenied(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "您没有权限执行此操作：{action}")
    en = "permission denied: {action}"


class DatabaseUnavailable(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "无法连接数据库（{detail}），请检查网络或联系管理员")
    en = "database unavailable: {detail}"


class SchemaTooOld(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "数据库版本过旧（{found}，需要 {needed}），请先运行 yichuang init 升级"
    )
    en = "database schema {found} is older than {needed}; run 'yichuang init' to upgrade"


class SchemaTooNew(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "数据库版本（{found}）比本程序（{needed}）新，请升级本程序")
    en = "database schema {found} is newer than this program ({needed}); upgrade the program"


class SchemaMissing(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "数据库尚未初始化，请先运行 yichuang init")
    en = "the database has no Yichuang schema; run 'yichuang init' first"


class ConfigError(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "配置有误：{detail}")
    en = "configuration error: {detail}"


# ---- identity numbers (idcheck) ---------------------------------------------------------------


class InvalidIdNumber(YichuangError):
    """An identity document number that is malformed."""

    zh = QT_TRANSLATE_NOOP("errors", "{kind}号码“{number}”格式不对，请核对")
    en = "the {kind} number {number!r} is malformed"


class InvalidResidentId(InvalidIdNumber):
    """A resident ID number (居民身份证号码) that fails GB 11643-1999."""

    zh = QT_TRANSLATE_NOOP("errors", "居民身份证号码有误：{detail}")
    en = "invalid resident ID number: {detail}"

    @classmethod
    def length(cls, found: int) -> InvalidResidentId:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors",
                "居民身份证号码应为 18 位，录入的是 {found} 位，请核对（15 位旧号码已停用）",
            ),
            en="a resident ID number has 18 characters, got {found}",
            found=found,
        )

    @classmethod
    def characters(cls) -> InvalidResidentId:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "居民身份证号码前 17 位应为数字，最后一位为数字或字母 X，请核对"
            ),
            en="a resident ID number is 17 digits followed by a digit or X",
        )

    @classmethod
    def region(cls) -> InvalidResidentId:
        return cls(
            zh=QT_TRANSLATE_NOOP("errors", "居民身份证号码的地址码（前 6 位）无效，请核对"),
            en="the region code (first 6 digits) of the resident ID number is invalid",
        )

    @classmethod
    def birth_date(cls, value: str) -> InvalidResidentId:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "居民身份证号码中的出生日期 {value} 无效，请核对第 7 至 14 位"
            ),
            en="the birth date {value} in the resident ID number is not a valid date",
            value=value,
        )

    @classmethod
    def check_digit(cls) -> InvalidResidentId:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "居民身份证号码校验位不符，号码可能录入有误，请逐位核对"
            ),
            en="the resident ID number's check digit does not match (GB 11643); "
            "a digit was probably mistyped",
        )


class InvalidCreditCode(YichuangError):
    """A unified social credit code (统一社会信用代码) that fails GB 32100-2015."""

    zh = QT_TRANSLATE_NOOP("errors", "统一社会信用代码有误：{detail}")
    en = "invalid unified social credit code: {detail}"

    @classmethod
    def length(cls, found: int) -> InvalidCreditCode:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "统一社会信用代码应为 18 位，录入的是 {found} 位，请核对"
            ),
            en="a unified social credit code has 18 characters, got {found}",
            found=found,
        )

    @classmethod
    def characters(cls, char: str) -> InvalidCreditCode:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors",
                "统一社会信用代码中不能出现“{char}”（只用数字和除 I、O、Z、S、V 以外的大写字母）",
            ),
            en="character {char!r} cannot appear in a unified social credit code "
            "(digits and capital letters except I, O, Z, S, V)",
            char=char,
        )

    @classmethod
    def region(cls) -> InvalidCreditCode:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "统一社会信用代码第 3 至 8 位（登记管理机关行政区划码）应为数字"
            ),
            en="characters 3 to 8 of a unified social credit code (region code) must be digits",
        )

    @classmethod
    def check_char(cls) -> InvalidCreditCode:
        return cls(
            zh=QT_TRANSLATE_NOOP(
                "errors", "统一社会信用代码校验码不符，代码可能录入有误，请逐位核对"
            ),
            en="the unified social credit code's check character does not match (GB 32100); "
            "a character was probably mistyped",
        )


class InvalidPhone(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "联系电话“{phone}”无效，请填写手机号或带区号的固定电话")
    en = "invalid phone number {phone!r}"


class UnknownStaff(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "未知的工作人员工号：{number}")
    en = "unknown staff number: {number}"


# ---- cases (办件登记) -------------------------------------------------------------------------


class MissingField(YichuangError):
    """A required field for a case, outcome, escalation or appointment is empty.

    ``field`` is the Chinese label shown on the form, ``field_en`` its English name.
    """

    zh = QT_TRANSLATE_NOOP("errors", "请填写“{field}”")
    en = "required field missing: {field_en}"


class OutcomeRequired(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "请选择办理结果：窗口无否决权，每件事都要以一种结果办结（{choices}）"
    )
    en = "choose an outcome: every case ends with one of {choices_en}"


class CaseNotFound(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "找不到办件 {case_no}")
    en = "case {case_no} not found"


class InvalidCaseState(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "办件 {case_no} 当前状态为“{state}”，不能{action}")
    en = "case {case_no} is {state_en}; cannot {action_en}"


class NotFirstClerk(PermissionDenied):
    zh = QT_TRANSLATE_NOOP(
        "errors",
        "办件 {case_no} 由首问责任人 {first_name}（工号 {first}）负责，只有其本人可以重新打开",
    )
    en = "case {case_no} belongs to its first clerk {first}; only they may reopen it"


class ItemNotInCase(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "事项 {code} 不在办件 {case_no} 的办理事项中")
    en = "item {code} is not one of case {case_no}'s items"


class MaterialNotDeferrable(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "“{material}”不是“{item}”的容缺后补材料，不能容缺受理；可出具一次性告知书"
    )
    en = "material {material!r} of item {item!r} is not deferrable (容缺后补)"


class DeadlineTooLate(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "补交期限 {deadline} 不能晚于承诺办结日 {limit}（{item}）")
    en = "the deadline {deadline} is after the promised completion date {limit} of {item}"


class DeadlineInPast(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "{what} {day} 已经过去，请选择今天或以后的日期")
    en = "{what_en} {day} is in the past"


# ---- escalations (“办不成事”反映窗口) ----------------------------------------------------------


class EscalationNotFound(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "找不到“办不成事”登记 {number}")
    en = "escalation {number} not found"


class InvalidEscalationState(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "“办不成事”登记 {number} 已答复，不能{action}")
    en = "escalation {number} is already answered; cannot {action_en}"


# ---- appointments (特殊办) ---------------------------------------------------------------------


class AppointmentNotFound(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "找不到预约 {number}")
    en = "appointment {number} not found"


class InvalidAppointmentState(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "预约 {number} 当前状态为“{state}”，不能{action}")
    en = "appointment {number} is {state_en}; cannot {action_en}"


class InvalidTimeSlot(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "预约时段有误：{detail}")
    en = "invalid appointment time slot: {detail_en}"


class SlotFull(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "{day} {start}—{end} 时段已约满（共 {capacity} 个），请选择其他时段"
    )
    en = "the slot {day} {start}-{end} is full ({capacity} appointments)"


class StaffDoubleBooked(YichuangError):
    zh = QT_TRANSLATE_NOOP(
        "errors", "{staff} 在 {day} {start}—{end} 已有预约 {other}，同一时间不能重复安排"
    )
    en = "{staff} already serves appointment {other} on {day} {start}-{end}"


# ---- signed QR codes on appointment slips (qrsign) ------------------------------------------


class QrRejected(YichuangError):
    """Base of every reason a scanned slip is refused at check-in."""

    zh = QT_TRANSLATE_NOOP("errors", "二维码无法识别：{detail}")
    en = "QR code rejected: {detail}"


class QrMalformed(QrRejected):
    zh = QT_TRANSLATE_NOOP("errors", "这不是本大厅的预约单二维码，请出示预约服务单上的二维码")
    en = "not an appointment slip QR code of this hall"


class QrForged(QrRejected):
    zh = QT_TRANSLATE_NOOP(
        "errors", "预约单二维码校验失败：内容被修改或不是本大厅出具，请到导办台人工核实"
    )
    en = "appointment slip signature does not match: the slip was altered or forged"


class QrOtherHall(QrRejected):
    zh = QT_TRANSLATE_NOOP(
        "errors", "这张预约单是其他政务服务大厅（{hall}）出具的，请到预约的大厅办理"
    )
    en = "the slip was issued by another hall ({hall})"


class QrWrongDay(QrRejected):
    zh = QT_TRANSLATE_NOOP(
        "errors", "这张预约单的预约日期是 {day}，不是今天（{today}），今天不能签到"
    )
    en = "the slip is for {day}, not today ({today})"


class AppointmentRescheduled(QrRejected):
    zh = QT_TRANSLATE_NOOP("errors", "预约 {number} 已改约为 {new_number}，请使用新的预约服务单")
    en = "appointment {number} was rescheduled as {new_number}; use the new slip"


class AppointmentNotCheckable(QrRejected):
    zh = QT_TRANSLATE_NOOP("errors", "预约 {number} {state}，本单不能再签到")
    en = "appointment {number} is {state_en}; it cannot be checked in"


class QrUnknownAppointment(QrRejected):
    zh = QT_TRANSLATE_NOOP("errors", "预约单上的预约 {number} 在本大厅找不到，请到导办台人工核实")
    en = "the slip's appointment {number} does not exist in this hall"
