"""User text is printed as written: markup characters never reach a Paragraph unescaped."""

from __future__ import annotations

from dataclasses import replace

from printing import render, samples
from printing.documents import Citizen, ReceivedMaterial

from .pdfcheck import all_text

NASTY = "<b>&张三</b>"


def test_markup_in_a_citizen_name_is_printed_literally():
    notice = replace(
        samples.acceptance_notice(),
        citizen=Citizen(name=NASTY, id_number="510107199003071228"),
        materials=(ReceivedMaterial("身份证明 <i>原件</i> & 复印件"),),
    )
    text = all_text(render(notice))
    assert NASTY in text
    assert "<i>原件</i>&复印件" in text
    assert "&amp;" not in text


def test_markup_in_text_long_enough_to_wrap():
    long_name = "<b>" + "很长的事项名称" * 12 + "&</b>"
    notice = replace(samples.acceptance_notice(), item_name=long_name)
    text = all_text(render(notice))
    assert long_name in text


def test_markup_in_referral_and_header_text():
    header = replace(samples.header("ZL-1"), hall_name="A&B<政务>中心")
    slip = replace(
        samples.referral_slip(),
        header=header,
        citizen_name=NASTY,
        matter="<font size=40>大字</font>",
        steps=("先 & 后",),
    )
    text = all_text(render(slip))
    assert NASTY in text
    assert "<fontsize=40>大字</font>" in text
    assert "A&B<政务>中心" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_markup_in_every_sample_field_does_not_break_rendering():
    for doc in samples.all_samples().values():
        header = replace(doc.header, clerk_no="<&>")
        assert "<&>" in all_text(render(replace(doc, header=header)))
