"""K: keys and credentials — literal secrets, unset variables, value forms, auth files.

What is wrong in a file by itself belongs to the dialect (Plano's `${VAR}` and literal access keys
are C450 and C451); K rules cover keys and what the environment has.

Findings never contain a secret: a literal key is named by its fingerprint (`sk-…a1b2 (51
chars)`) and added to the document's `secret_values`, so code frames mask it.
"""

from modelconf.diagnostics import Severity
from modelconf.rules import define

LITERAL_SECRET = define(
    "K001",
    "literal-secret",
    Severity.WARNING,
    "A literal API key or token in a config file.",
    """
    The value looks like a key: a known key prefix (`sk-`, `sk-ant-`, `AIza`, `gsk_`, `xai-`,
    `AKIA`, ...) or a long random-looking token. Config files travel: dotfile repositories,
    backups, screenshots, bug reports. pi and OpenClaw/Mayros read a key from the environment
    instead (pi: the variable's name or `!command`; OpenClaw/Mayros: `${VAR}`), Plano from `$VAR`.
    zot's models.json has no credential field at all (reference/zot.md: "models.json never holds
    secrets"): zot never reads the key, so there it only leaks and is an error.
    """,
    """
    {"providers": {"openai": {"apiKey": "sk-proj-..."}}}   # write "OPENAI_API_KEY" instead
    """,
)

UNSET_ENV_REFERENCE = define(
    "K002",
    "unset-env-reference",
    Severity.WARNING,
    "The config references an environment variable that is not set.",
    """
    The variable is not set (or is empty) in the environment modelconf runs in. OpenClaw/Mayros
    substitutes `${VAR}` when it loads the config; a missing or empty variable raises
    `MissingEnvVarError` and `loadConfig()` returns `{}`, so the whole config (every provider,
    every setting) is dropped — an error. Plano's `planoai up` checks each `access_key` variable
    and each prompt target's `Authorization` token (in the `.env` beside the config when there is
    one, else in the environment) and stops with `✗ Missing API keys!`. The environment at lint time may differ from the one the program runs
    in; set the variable there, or in the config's `env` block (OpenClaw/Mayros) or `.env`.
    """,
    """
    apiKey: "${TOGETHER_API_KEY}"    # TOGETHER_API_KEY unset: OpenClaw/Mayros loads {}
    """,
)

PI_UNSET_ENV_NAME = define(
    "K003",
    "pi-env-name-sent-literally",
    Severity.WARNING,
    "pi sends an unset variable's name as the key.",
    """
    pi reads `apiKey` (and header values, and auth.json `key`) with `resolveConfigValue`: a value
    naming a set, non-empty environment variable is replaced by it; otherwise the value is used
    as it is (reference/pi.md, "Value resolution"). So when the variable is unset or misspelt, pi
    sends its name — `OPENAI_API_KEY` — as the key and the provider answers 401.
    """,
    """
    "apiKey": "OPENAI_API_KEY"    # unset: pi sends the 14 characters OPENAI_API_KEY
    """,
)

PI_DOLLAR_REFERENCE = define(
    "K004",
    "pi-dollar-reference",
    Severity.WARNING,
    "pi v0.58.3 sends `$VAR` / `${VAR}` literally.",
    """
    pi v0.58.3 has no `$` syntax: `resolveConfigValue` looks up an environment variable named
    `$OPENAI_API_KEY`, finds none, and sends the text as the key (upstream issue #9258). Newer pi
    (about 0.75+) reads `$VAR` and `${VAR}`, and warns about bare names. Write the bare name for
    v0.58.3.
    """,
    """
    "apiKey": "$OPENAI_API_KEY"    # pi v0.58.3 sends "$OPENAI_API_KEY"; write "OPENAI_API_KEY"
    """,
)

AUTH_FILE_PERMISSIONS = define(
    "K005",
    "auth-file-permissions",
    Severity.WARNING,
    "An auth file is readable by its group or by other users.",
    """
    pi, zot and OpenClaw/Mayros create their auth files with mode 0600, but none of them checks
    or fixes the mode when it reads the file (zot's write sets it only on the temporary file it
    renames). A copied or hand-written file keeps whatever mode it got, and every key in it is
    readable by the other users of the machine. Run `chmod 600` on it.
    """,
    """
    -rw-r--r--  ~/.pi/agent/auth.json    # chmod 600 ~/.pi/agent/auth.json
    """,
)

ZOT_ENV_NAME_NOT_EXPORTABLE = define(
    "K006",
    "zot-env-name-not-exportable",
    Severity.WARNING,
    "zot derives a key variable for this provider that no shell can export.",
    """
    zot reads a custom provider's key from `UPPER(id)_API_KEY`, replacing only `-` with `_`
    (reference/zot.md, "Env-var name for a provider id"): `llama.cpp` gives `LLAMA.CPP_API_KEY`,
    `my.proxy` gives `MY.PROXY_API_KEY`. Shells accept only letters, digits and `_` in `export`,
    so the variable can only be set with `env 'NAME=…' zot` or from a program. Rename the
    provider (letters, digits, `-`), or store the key with `/login` (auth.json).
    """,
    """
    {"providers": {"my.proxy": {"baseUrl": "...", "models": [...]}}}   # reads MY.PROXY_API_KEY
    """,
)

DOTENV_LINE = define(
    "K007",
    "dotenv-line",
    Severity.WARNING,
    "A line of a .env file is not `KEY=VALUE`.",
    """
    modelconf reads `.env` files (`--env-file`, the `.env` beside a Plano config) the way dotenv
    readers do: `KEY=VALUE` lines, `#` comments, single or double quotes, an optional `export `.
    This line is none of those and is skipped, so the variable it meant to set is missing.
    """,
    """
    OPENAI_API_KEY sk-proj-...    # write OPENAI_API_KEY=sk-proj-...
    """,
)
