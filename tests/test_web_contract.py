"""The desk API keeps its contract: Schemathesis drives every route with each role's token against
the OpenAPI document the server itself serves, and no answer falls outside it."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from bursa_cli.codes import CODES
from bursa_cli.day.devices import add_device
from bursa_cli.schema.event import load_event
from bursa_cli.web.app import create_app
from bursa_cli.web.contract import STATUSES

ROLES = [("registrasi", None), ("stempel", "A-01"), ("nilai", None), ("ide", None), ("komitmen", None),
         ("pantau", None), (None, None)]  # None: a stranger on the Wi-Fi, with a token that is no one's
EXAMPLES = 4  # per route and role: about 400 requests in all, a few seconds


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def contract(minimal_event):
    """The app on a fresh copy of the small event, the document it serves, and a token per role."""
    desks = set(load_event(minimal_event).event.meja_ruang)
    tokens = {role: add_device(minimal_event, role, meja, known_desks=desks).token
              for role, meja in ROLES if role}
    app = create_app(minimal_event)
    client = TestClient(app)
    document = client.get("/api/v1/openapi.json", headers=bearer(tokens["pantau"]))
    assert document.status_code == 200 and document.headers["content-type"] == "application/json"
    return app, document.json(), tokens


def test_the_document_declares_every_status_with_its_answer_and_codes(contract):
    app, document, tokens = contract
    paths = document["paths"]
    assert "/api/v1/stempel" in paths and "/api/v1/sertifikat/{kode}.pdf" in paths
    assert not [p for p in paths if not p.startswith("/api/v1/")]  # the pages are not part of the API
    for path, item in paths.items():
        for method, operation in item.items():
            answers = operation["responses"]
            assert {"200", "401", "409", "413"} <= set(answers), (method, path)
            for status, answer in answers.items():
                if status == "200":
                    continue
                assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Penolakan"}
                for code in STATUSES[int(status)][1]:
                    assert code == "..." or (code in CODES and code in answer["description"]), (path, status)
    refusal = document["components"]["schemas"]["Penolakan"]
    assert refusal["required"] == ["status", "pesan", "kode"] and refusal["additionalProperties"] is False
    for path in ("/api/v1/peserta/{peserta_id}", "/api/v1/desa/{kode}", "/api/v1/sertifikat/{kode}.pdf"):
        assert "404" in paths[path]["get"]["responses"]
    for path in ("/api/v1/stempel", "/api/v1/komitmen"):
        assert set(paths[path]["post"]["responses"]) == {"200", "401", "403", "408", "409", "413", "422", "503"}
    assert "application/pdf" in paths["/api/v1/sertifikat/{kode}.pdf"]["get"]["responses"]["200"]["content"]


def test_the_document_is_for_paired_devices_only(contract):
    app, document, tokens = contract
    client = TestClient(app)
    stranger = client.get("/api/v1/openapi.json")
    assert stranger.status_code == 401 and stranger.json()["kode"] == "BUR-W001"
    assert client.get("/api/v1/openapi.json", headers=bearer("bukan-token-siapa-pun")).status_code == 401
    for path in ("/openapi.json", "/docs", "/redoc"):  # FastAPI's own stay off
        answer = client.get(path)
        assert answer.status_code == 404 and answer.json()["kode"] == "BUR-W010" and "paths" not in answer.text


@pytest.mark.parametrize("role", [r for r, _ in ROLES], ids=[r or "orang-asing" for r, _ in ROLES])
def test_every_route_answers_within_the_document(contract, role):
    app, document, tokens = contract
    schema = schemathesis.openapi.from_dict(document)
    headers = bearer(tokens[role] if role else "bukan-token-siapa-pun")
    seen: set[tuple[str, str, int]] = set()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == sum(len(item) for item in document["paths"].values())
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def drive(case):
            response = case.call(app=app, headers=headers)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
            case.validate_response(response, checks=[status_code_conformance, content_type_conformance,
                                                     response_schema_conformance])
            if response.status_code != 200:
                assert response.json()["kode"] in CODES
            seen.add((case.method, operation.path, response.status_code))

        drive()
    statuses = {status for _, _, status in seen}
    if role is None:
        assert statuses == {401}  # a stranger gets nothing but the refusal, from every route
    else:
        assert 200 in statuses and 403 in statuses  # its own routes answer, the others refuse
