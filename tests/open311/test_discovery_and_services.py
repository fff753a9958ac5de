"""Discovery, the service list and service definitions, as GeoReport v2 spells them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.taxonomy.models import Taxonomy
from tests.open311.helpers import BASE, EN, ZH, children, errors_of, xml

SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
ATTRIBUTE_FIELDS = [
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
]


def test_discovery_names_the_specification_the_address_and_both_formats(
    client: TestClient,
) -> None:
    document = client.get(f"{BASE}/discovery.json").json()
    root = xml(client.get(f"{BASE}/discovery.xml"))

    assert list(document) == ["changeset", "contact", "key_service", "endpoints"]
    [endpoint] = document["endpoints"]
    assert endpoint == {
        "specification": "http://wiki.open311.org/GeoReport_v2",
        "url": "http://testserver/open311/v2",
        "changeset": document["changeset"],
        "type": "production",
        "formats": ["text/xml", "application/json"],
    }
    assert root.tag == "discovery"
    [xml_endpoint] = root.findall("endpoints/endpoint")
    assert xml_endpoint.findtext("specification") == "http://wiki.open311.org/GeoReport_v2"
    assert [f.text for f in xml_endpoint.findall("formats/format")] == [
        "text/xml",
        "application/json",
    ]


def test_services_are_the_categories_with_the_specifications_fields_in_json_and_xml(
    client: TestClient, taxonomy: Taxonomy
) -> None:
    listed = client.get(f"{BASE}/services.json", headers=EN).json()
    root = xml(client.get(f"{BASE}/services.xml", headers=EN))

    assert [s["service_code"] for s in listed] == [c.id for c in taxonomy.categories]
    assert all(list(s) == SERVICE_FIELDS for s in listed)
    arrears = next(s for s in listed if s["service_code"] == "arrears")
    assert arrears["type"] == "realtime"
    assert arrears["metadata"] is False
    assert arrears["group"] == "District Finance Bureau"
    property_ = next(s for s in listed if s["service_code"] == "property")
    assert (property_["metadata"], property_["group"]) == (True, "Street offices")
    assert "elevator" in property_["keywords"].split(",")
    assert root.tag == "services"
    services = root.findall("service")
    assert [list(children(s)) for s in services] == [SERVICE_FIELDS] * len(listed)
    xml_property = next(s for s in services if s.findtext("service_code") == "property")
    assert children(xml_property)["metadata"] == "true"
    assert children(xml_property)["service_name"] == "Property management"


def test_service_names_follow_accept_language_chinese_by_default(client: TestClient) -> None:
    def name(headers: dict[str, str]) -> str:
        listed = client.get(f"{BASE}/services.json", headers=headers).json()
        return str(next(s for s in listed if s["service_code"] == "arrears")["service_name"])

    assert name({}) == name(ZH) == "拖欠企业账款"
    assert name(EN) == "Arrears owed to enterprises"
    assert name({"Accept-Language": "zh;q=0.3, en;q=0.9"}) == "Arrears owed to enterprises"
    assert name({"Accept-Language": "en;q=0.3, zh-CN"}) == "拖欠企业账款"


def test_a_chinese_service_description_says_what_belongs_in_it_not_only_its_name(
    client: TestClient,
) -> None:
    listed = client.get(f"{BASE}/services.json").json()
    described = {s["service_code"]: s["description"] for s in listed}
    assert all(described[s["service_code"]] != s["service_name"] for s in listed)
    assert described["arrears"] == "拖欠企业账款，例如：拖欠、欠款、工程款、账款、货款等"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_service_definition_offers_the_street_as_a_list_and_the_date_as_datetime(
    client: TestClient, taxonomy: Taxonomy, fmt: str
) -> None:
    response = client.get(f"{BASE}/services/property.{fmt}", headers=EN)

    assert response.status_code == 200
    if fmt == "json":
        document = response.json()
        street, occurred = document["attributes"]
        assert document["service_code"] == "property"
        assert list(street) == ATTRIBUTE_FIELDS
        values = [(v["key"], v["name"]) for v in street["values"]]
        kinds = [(a["code"], a["datatype"], a["required"], a["order"]) for a in (street, occurred)]
    else:
        root = xml(response)
        assert root.tag == "service_definition"
        assert root.findtext("service_code") == "property"
        attributes = root.findall("attributes/attribute")
        assert [list(children(a)) for a in attributes] == [ATTRIBUTE_FIELDS] * 2
        values = [
            (v.findtext("key"), v.findtext("name")) for v in attributes[0].findall("values/value")
        ]
        kinds = [
            (
                a.findtext("code"),
                a.findtext("datatype"),
                a.findtext("required"),
                a.findtext("order"),
            )
            for a in attributes
        ]
        kinds = [(c, d, r == "true", int(o or 0)) for c, d, r, o in kinds]  # type: ignore[misc]
    assert values == [(s.code, s.en) for s in taxonomy.streets]
    assert kinds == [
        ("street", "singlevaluelist", False, 1),
        ("occurred_at", "datetime", False, 2),
    ]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_code_is_404_in_the_error_list_in_the_callers_language(
    client: TestClient, fmt: str
) -> None:
    english = client.get(f"{BASE}/services/potholes.{fmt}", headers=EN)
    chinese = client.get(f"{BASE}/services/potholes.{fmt}", headers=ZH)

    assert english.status_code == chinese.status_code == 404
    assert errors_of(english, fmt) == [
        {"code": 404, "description": "service_code provided was not found: potholes."}
    ]
    assert errors_of(chinese, fmt) == [
        {"code": 404, "description": "没有这个 service_code：potholes。"}
    ]


def test_a_wrong_jurisdiction_is_404_and_the_right_one_or_none_is_served(
    client: TestClient,
) -> None:
    wrong = client.get(f"{BASE}/services.xml?jurisdiction_id=chicago.gov", headers=EN)

    assert wrong.status_code == 404
    assert "jurisdiction_id provided was not found" in errors_of(wrong, "xml")[0]["description"]
    assert client.get(f"{BASE}/services.json?jurisdiction_id=hongqiao").status_code == 200


def test_an_unknown_format_or_address_answers_the_error_list_not_a_page(
    client: TestClient,
) -> None:
    html = client.get(f"{BASE}/services.html")
    nowhere = client.get(f"{BASE}/potholes.json")

    assert html.status_code == nowhere.status_code == 404
    assert errors_of(html, "xml")[0]["code"] == 404
    assert errors_of(nowhere, "json")[0]["code"] == 404
