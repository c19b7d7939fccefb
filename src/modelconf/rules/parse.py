"""P: reading a file into a document."""

from modelconf.diagnostics import Severity
from modelconf.rules import define

SYNTAX_ERROR = define(
    "P001",
    "syntax-error",
    Severity.ERROR,
    "The file is not valid JSON, JSON5 or YAML.",
    """
    The file could not be parsed. The position points at the first character the parser could not
    accept; everything after it is unknown, so no other check runs on this file. Every program
    modelconf knows refuses such a file: pi reports `Failed to parse models.json` and ignores all
    custom providers, zot prints `models.json: parse error ... (file ignored)`, OpenClaw/Mayros
    loads an empty config, Plano's `planoai up` stops.
    """,
    """
    {"providers": {"ollama": {"baseUrl": "http://localhost:11434/v1",}}
                                                                ^ trailing comma (JSON)
    """,
)

DUPLICATE_KEY = define(
    "P002",
    "duplicate-key",
    Severity.WARNING,
    "An object has the same key twice; the programs keep the last value.",
    """
    JSON's `JSON.parse` (pi), Go's `encoding/json` (zot), the `json5` package (OpenClaw/Mayros) and
    PyYAML's `safe_load` (Plano) all accept a repeated key and silently keep the last value. The
    first entry is then dead text that looks live. Remove one of them.
    """,
    """
    {"providers": {"openai": {...}, "openai": {...}}}
    """,
)

INVALID_UTF8 = define(
    "P003",
    "invalid-utf8",
    Severity.ERROR,
    "The file is not valid UTF-8.",
    """
    Config files are UTF-8. The position is the first byte that is not part of a valid UTF-8
    sequence. Re-save the file as UTF-8.
    """,
    fatal=True,
)

EMPTY_FILE = define(
    "P004",
    "empty-file",
    Severity.ERROR,
    "The file is empty (or only whitespace and comments).",
    """
    An empty JSON file is a syntax error for every JSON reader; an empty YAML file is `null`, which
    Plano's schema rejects (`None is not of type 'object'`).
    """,
)

BINARY_FILE = define(
    "P005",
    "binary-file",
    Severity.ERROR,
    "The file looks binary (it contains NUL bytes).",
    "A config file is text. This one contains NUL bytes, so it was not read any further.",
    fatal=True,
)

YAML_CUSTOM_TAG = define(
    "P006",
    "yaml-custom-tag",
    Severity.ERROR,
    "A YAML node has a custom tag.",
    """
    Plano reads its config with PyYAML's `safe_load`, which only knows the standard tags and fails
    with `could not determine a constructor for the tag`. modelconf never constructs tagged
    objects either. Remove the tag.
    """,
    """
    access_key: !env OPENAI_API_KEY
    """,
)

YAML_ALIAS_LIMIT = define(
    "P007",
    "yaml-alias-limit",
    Severity.ERROR,
    "YAML aliases expand to more nodes than the limit.",
    """
    Anchors and aliases (`&a`, `*a`) let a small YAML file expand to a huge document (the "billion
    laughs" attack). modelconf stops reading when aliases would expand to more nodes than its
    limit; no real provider config comes near it.
    """,
    """
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    """,
    fatal=True,
)

TOO_DEEP = define(
    "P008",
    "nesting-too-deep",
    Severity.ERROR,
    "Objects and arrays are nested deeper than the limit.",
    """
    No provider config nests more than a handful of levels. A file nested deeper than modelconf's
    limit is refused before any other check so that no stage can exhaust the stack.
    """,
    fatal=True,
)

TOO_LARGE = define(
    "P009",
    "file-too-large",
    Severity.ERROR,
    "The file is larger than the size limit.",
    """
    Provider configs are a few kilobytes. Larger files are refused unless the limit is raised with
    `--max-file-size` (or `max-file-size` in the settings).
    """,
    fatal=True,
)

UNREADABLE = define(
    "P010",
    "unreadable-file",
    Severity.ERROR,
    "The file could not be opened or read.",
    "The path does not exist, is not a regular file, or cannot be read with the current permissions.",
    fatal=True,
)

MULTIPLE_DOCUMENTS = define(
    "P011",
    "multiple-yaml-documents",
    Severity.ERROR,
    "The YAML file holds more than one document.",
    """
    Plano loads its config with `yaml.safe_load`, which fails with `expected a single document in
    the stream` when the file has a second `---` document.
    """,
)

UNSUPPORTED_KEY = define(
    "P012",
    "unsupported-key",
    Severity.ERROR,
    "A YAML mapping key is not a plain scalar.",
    """
    JSON-shaped configs need string keys. A mapping or sequence used as a key (`? [a, b]: 1`)
    cannot be represented and is refused.
    """,
)

SYNTAX_EXTENSION = define(
    "P013",
    "syntax-not-accepted",
    Severity.ERROR,
    "The file uses JSON5/JSONC syntax that the program reading it does not accept.",
    """
    Comments, trailing commas, single-quoted strings and unquoted keys are JSON5. OpenClaw/Mayros
    reads its config as JSON5, but pi (up to the version modelconf models) and zot parse
    `models.json` as strict JSON and reject the whole file.
    """,
    """
    {
      // my local models
      "providers": {}
    }
    """,
)
