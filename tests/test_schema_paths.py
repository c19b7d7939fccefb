"""modelconf.schema: positions of errors under object keys that look like numbers."""

from __future__ import annotations

from modelconf.document import read_bytes
from modelconf.schema import validate


def test_numeric_object_key_is_a_key_not_an_index() -> None:
    # jsonschema-rs reports the object key "0" in instance paths as the int 0; the translator must
    # turn it back into the key so the position is the value's, not the nearest ancestor's.
    text = '{"providers": {"0": {"models": [{"id": "m", "contextWindow": "x"}]}}}'
    document = read_bytes(text.encode(), "models.json").document
    assert document is not None
    [diagnostic] = validate(document, "pi-models", program="pi")
    assert diagnostic.code == "S001"
    assert diagnostic.pointer == "/providers/0/models/0/contextWindow"
    assert diagnostic.span is not None
    assert (diagnostic.span.start.line, diagnostic.span.start.column) == (1, text.index('"x"') + 1)
    assert diagnostic.message == '`providers["0"].models[0].contextWindow` must be a number, not a string ("x")'
