"""Request types (诉求类型) are read from a text by the cue words of the config file."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.errors import ConfigError
from backend.request_types.catalogue import (
    RequestType,
    default_request_types,
    load_request_types,
)

TYPES = default_request_types()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请问小微企业申请贷款贴息怎么办理，需要什么材料？", "inquiry"),
        ("想了解一下政府采购供应商注册的流程是什么", "inquiry"),
        ("How do I apply for the SME subsidy, what documents are needed?", "inquiry"),
        ("家里老人生活困难，无人照料，请求帮助", "help"),
        ("企业资金周转走投无路，希望政府帮忙协调解决", "help"),
        ("项目做完了工程款一直拖欠不付，已经半年了", "complaint"),
        ("窗口工作人员态度恶劣，故意刁难，材料齐全也不办", "complaint"),
        ("采购合同签完以后采购单位不认账，货款也一直不给", "complaint"),
        ("举报某街道干部收受红包，在招标中暗箱操作", "report"),
        ("评标专家受贿，围标串标，请严查", "report"),
        ("I want to report bribery in the tender", "report"),
        ("建议在政务大厅增设周末服务窗口", "suggestion"),
        ("希望能在网上公开采购结果，最好能提前公示", "suggestion"),
        ("政务服务网的页面", "complaint"),  # no cue at all: the default
    ],
)
def test_a_text_reads_as_its_request_type(text: str, expected: str) -> None:
    assert TYPES.classify(text) == RequestType(expected)


def test_a_report_outweighs_a_complaint_in_one_text() -> None:
    # 投诉 and 举报 both named: wrongdoing weighs double, so a report it is.
    assert TYPES.classify("我要投诉并举报他们贪污") == RequestType.report


def test_a_tie_goes_to_the_type_listed_first_in_precedence() -> None:
    # One complaint cue (拖欠) and one inquiry cue (请问): complaint precedes inquiry.
    assert TYPES.classify("请问拖欠的钱") == RequestType.complaint


def test_every_type_has_a_name_in_both_languages() -> None:
    names = [(TYPES.name(t, "zh"), TYPES.name(t, "en")) for t in RequestType]
    assert names == [
        ("咨询", "inquiry"),
        ("求助", "request for help"),
        ("投诉", "complaint"),
        ("举报", "report of wrongdoing"),
        ("建议", "suggestion"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("version: 1\nprecedence: [report]\ntypes: {}\n", "types: missing"),
        ("types: [\n", "bad YAML"),
        (
            "version: 1\nprecedence: [report, report, help, suggestion, inquiry]\ntypes:\n"
            + "".join(
                f"  {t}: {{zh: x, en: x}}\n"
                for t in ("inquiry", "help", "complaint", "report", "suggestion")
            ),
            "precedence must name every type once",
        ),
    ],
)
def test_a_broken_file_is_refused_naming_the_problem(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "request_types.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_request_types(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_request_types(tmp_path / "nowhere.yaml")
