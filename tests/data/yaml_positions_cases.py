"""YAML inputs whose positions the reader must keep exactly (see test_yaml_positions.py)."""

CASES: dict[str, str] = {
    "block": "version: v0.4.0\nlisteners:\n  - name: llm\n    type: model\n    port: 12000\n",
    "flow": "a: {b: [1, 2, {c: d}], e: 'f'}\ng: [x, \"y\"]\n",
    "empty-values": "model_providers:\nother: ~\nlast:\n",
    "block-scalars": "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: end\n",
    "quoted-escapes": "a: \"tab\\tquote\\\" end\"\nb: 'it''s'\nc: plain\n",
    "unicode": "name: café 😀 ok\nnext: é\nlist:\n  - ü\n  - 😀😀\n",
    "crlf": "a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: z\r\n",
    "lone-cr": "a: 1\rb: 2\r",
    "comments": "# head\na: 1 # trailing\n# between\nb:\n  # inner\n  c: 2\n",
    "merge": "base: &base\n  x: 1\n  y: 2\nchild:\n  <<: *base\n  y: 3\n",
    "alias": "a: &anchor hello\nb: *anchor\nc: [*anchor, *anchor]\n",
    "duplicate": "a: 1\nb: 2\na: 3\n",
    "complex-key": "? [x, y]\n: 1\nz: 2\n",
    "second-document": "a: 1\n---\nb: 2\n",
    "custom-tag": "a: !custom 1\nb: !!int 12\n",
    "undefined-alias": "a: *nope\n",
    "tabs-and-spaces": "a:\t1\nb: \"x\ty\"\n",
    "nested-sequences": "- - a\n  - b\n- - c\n",
    "long-line": "k: " + "x" * 300 + "\n",
}
