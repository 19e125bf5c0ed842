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
        """The message for a person at the hall, in the UI language (Chinese by default)."""
        template = translate(CONTEXT, self.zh) if translate else self.zh
        return template.format(**self.params)


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


class DailyCapReached(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "“{queue}”今日号源已取完（每日 {cap} 个）")
    en = "daily cap of {cap} tickets reached for queue {queue}"


class TicketNotFound(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "找不到号码 {ticket}")
    en = "ticket {ticket} not found"


class InvalidTicketState(YichuangError):
    zh = QT_TRANSLATE_NOOP("errors", "号码 {ticket} 当前状态为“{state}”，不能{action}")
    en = "ticket {ticket} is {state}; cannot {action}"


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
