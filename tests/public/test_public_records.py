"""The public records page (公示): only published records, only what may be published."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from tests.conftest import Staff
from tests.fakes import FakeClock
from tests.records.helpers import filed, stepped

PAGE = "/public/records"


def published(client: TestClient, staff: Staff, **body: object) -> dict[str, object]:
    """File a record as the finance bureau's clerk and publish it as the lead office."""
    record = filed(client, staff.czj_clerk, **body)
    return stepped(client, staff.fgw_clerk, record, "publish")


def test_a_published_record_is_on_the_page_without_sign_in_with_the_publishable_fields(
    client: TestClient, staff: Staff
) -> None:
    record = published(client, staff)
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.text
    for shown in (
        record["number"],
        "李某",
        "科长",
        "区财政局",
        "纪律处分",
        "区纪委监委",
        "津红纪〔2026〕12号",
        "2026-11-25",
        "一般",
        "承诺的企业补贴长期未兑现",
        f"{record['publicity_from']} 至 {record['publicity_until']}",
    ):
        assert shown in html, shown
    assert "共 1 条" in html


def test_the_page_names_no_filer_no_reporter_no_evidence_and_no_source_complaint(
    client: TestClient, staff: Staff
) -> None:
    record = published(client, staff)
    full = client.get(f"/api/v1/records/{record['number']}", headers=staff.fgw_clerk).json()
    html = client.get(PAGE).text
    assert full["filed_by"] and full["filed_by"] not in html
    for never in ("attachments", "evidence", "/console/", "reporter", "HQ-complaint"):
        assert never not in html


def test_a_draft_an_unpublished_and_another_units_records_are_listed_only_once_published(
    client: TestClient, staff: Staff
) -> None:
    filed(client, staff.czj_clerk, person_name="王某")  # reported, not published
    filed(client, staff.czj_clerk, person_name="赵某", draft=True, document_number=None)
    assert "王某" not in client.get(PAGE).text
    assert "赵某" not in client.get(PAGE).text
    assert "目前没有公示中的记录" in client.get(PAGE).text


def test_a_record_under_objection_stays_on_the_page_marked_until_the_decision(
    client: TestClient, staff: Staff
) -> None:
    # Anyone may object from a chat: an objection alone must not take a record off the page
    # (信用信息异议处理期间予以标注), so it is marked, and the mark goes with the decision.
    record = published(client, staff)
    objected = stepped(
        client,
        staff.fgw_clerk,
        record,
        "object",
        reason="处分已撤销",
        objector_kind="person",
        objector_name="李某",
    )
    page = client.get(PAGE).text
    assert record["number"] in page and "data-under-objection>异议处理中：" in page
    assert "Objection under review" in client.get(PAGE, params={"lang": "en"}).text
    stepped(client, staff.fgw_clerk, objected, "decide_objection", upheld=False, reason="不成立")
    page = client.get(PAGE).text
    assert record["number"] in page and "data-under-objection" not in page


def test_a_repaired_record_leaves_the_page(client: TestClient, staff: Staff) -> None:
    record = published(client, staff)
    record = stepped(client, staff.fgw_clerk, record, "order_rectification")
    record = stepped(
        client, staff.czj_clerk, record, "submit_rectification", explanation="说明", report="报告"
    )
    record = stepped(client, staff.fgw_clerk, record, "accept_rectification")
    record = stepped(
        client,
        staff.fgw_clerk,
        record,
        "apply_repair",
        reason="已整改到位",
        objector_kind="unit",
        objector_name="区财政局",
    )
    record = stepped(client, staff.fgw_clerk, record, "accept_repair")
    assert record["number"] in client.get(PAGE).text
    stepped(client, staff.fgw_clerk, record, "decide_repair", upheld=True, reason="修复")
    assert record["number"] not in client.get(PAGE).text


def test_the_page_speaks_english_when_asked_and_links_back_to_chinese(
    client: TestClient, staff: Staff
) -> None:
    published(client, staff)
    html = client.get(PAGE, params={"lang": "en"}).text
    assert '<html lang="en">' in html
    assert "Published dishonesty records" in html
    assert "Finance Bureau" in html or "区财政局" in html
    assert "Disciplinary sanction" in html
    assert "?lang=zh" in html


def test_the_page_has_a_strict_policy_and_no_script(client: TestClient) -> None:
    page = client.get(PAGE)
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "<script" not in page.text
    assert " style=" not in page.text
    css = client.get(page.text.split('href="')[1].split('"')[0])
    assert css.status_code == 200
    assert css.headers["content-type"].startswith("text/css")


def test_pages_of_twenty_and_bad_page_numbers_show_the_first_page(
    client: TestClient, staff: Staff, clock: FakeClock
) -> None:
    clock.current = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    for n in range(21):
        published(client, staff, person_name=f"人员{n:02d}")
    first = client.get(PAGE).text
    assert "共 21 条" in first and "第 1 / 2 页" in first
    assert first.count('class="record"') == 20
    second = client.get(PAGE, params={"page": "2"}).text
    assert second.count('class="record"') == 1 and "人员00" in second
    # The language switch keeps the page one is on (it led back to page 1).
    assert f'href="{PAGE}?lang=en&amp;page=2"' in second
    assert f'href="{PAGE}?lang=en"' in first
    for bad in ("0", "-1", "abc", "99999999999"):
        answer = client.get(PAGE, params={"page": bad})
        assert answer.status_code == 200 and "第 1 / 2 页" in answer.text
    assert client.get(PAGE, params={"page": "9"}).text.count('class="record"') == 1


def test_an_unknown_address_and_odd_parameters_get_a_page_never_json_or_an_error(
    client: TestClient,
) -> None:
    missing = client.get("/public/nothing-here?lang=en")
    assert missing.status_code == 404 and "Page not found" in missing.text
    assert "没有这个页面" in client.get("/public/records/1").text
    assert "default-src 'none'" in missing.headers["content-security-policy"]
    for odd in ({"lang": "x" * 5000}, {"page": "9" * 5000}, {"page": "１"}, {"lang": "fr"}):
        answer = client.get(PAGE, params=odd)
        assert answer.status_code == 200 and "政务失信记录公示" in answer.text
    assert client.post(PAGE).status_code == 404


def test_contact_details_in_a_published_records_texts_are_masked(
    client: TestClient, staff: Staff
) -> None:
    published(
        client,
        staff,
        summary="当事人电话13812345678，身份证120105198001011234，邮箱abc@example.com，拖欠款项",
        authority="区纪委监委（022-2345 6789）",
        document_number="津红纪〔2026〕12号 身份证110101199003071234 电话13987654321",
    )

    html = client.get(PAGE).text

    assert "当事人电话***，身份证***，邮箱***，拖欠款项" in html
    assert "区纪委监委（***）" in html
    assert "津红纪〔2026〕12号 身份证*** 电话***" in html  # every free text, the number's too
    for contact in (
        "13812345678",
        "120105198001011234",
        "abc@example.com",
        "2345 6789",
        "110101199003071234",
        "13987654321",
    ):
        assert contact not in html


def test_the_objection_note_links_to_the_chat_where_objections_are_made(
    client: TestClient,
) -> None:
    page = client.get("/public/records").text
    assert '<a href="/chat" data-objection-link>打开投诉平台</a>' in page
    assert "发送 /objection" in page
