#!/usr/bin/env python3
"""Writes the hostile-input corpus under Tests/Fixtures/hostile/ and its expected outcomes.

Each case is a small valid scenario (or Decide file) with one thing broken (a number out of range, a
field of the wrong shape, a reference to nothing, a YAML trap) or with hostile text in
it (escape sequences, C1 controls, bidirectional overrides). The expected outcome of each
case is derived here from where the mutation was made, independently of Entente: exit 65
and the line and column of the token that was broken, or exit 0 for a file that must
load. Tests/EndToEndTests/HostileCorpusTests.swift runs every command on every file.

Run from the repository root: python3 scripts/hostile-corpus.py
"""
import os
import shutil

OUT = "Tests/Fixtures/hostile"

BASE = """entente: 1
title: Hostile corpus base
source: Written for the hostile-input tests
actors:
  - id: us
    name: United States
    kind: state
    capability: 3
    interests:
      chips:
        salience: 2
        values: { onshore: 40, pool: 80, open: 60 }
        redLines: [open]
        minGain: 1
        note: Wants allied supply.
      cables:
        salience: 1
        position: 20
  - id: eu
    name: European Union
    kind: bloc
    capability: 2
    interests:
      chips:
        salience: 1
        values: { onshore: 30, pool: 70, open: 50 }
      cables:
        salience: 2
        position: 60
issues:
  - id: chips
    name: Chip supply
    lever: supply-chains
    statusQuo: onshore
    options: [onshore, pool, open]
  - id: cables
    name: Cable security
    statusQuo: national
    options:
      - { id: national, name: National patrol, position: 10, openness: -1 }
      - { id: shared, name: Shared patrol, position: 50, openness: 1, description: Pooled repair ships }
      - { id: open, name: Open consortium, position: 90, openness: 2 }
groupings:
  - { id: g2, name: The two, members: [us, eu] }
rules:
  - { id: half, kind: capability-share, atLeast: 0.5 }
  - { id: both, kind: min-members, count: 1 }
"""

cases = []  # (name, text or bytes, exit code, "line:col" or "-")


def add(name, content, code, where="-"):
    cases.append((name, content, code, where))


def locate(text, line_fragment, token, occurrence=1):
    """1-based line and column of `token` within the first line containing `line_fragment`."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line_fragment in line:
            seen += 1
            if seen == occurrence:
                column = line.index(token) + 1
                return f"{number}:{column}"
    raise ValueError(f"no line with {line_fragment!r}")


def changed(base, old, new, token=None, code=65, occurrence=1):
    """`base` with its `occurrence`th `old` replaced by `new`, and where a broken file's first
    diagnostic is expected: at `token`, searched from the place of the change (None: at the
    place the caller then sets, or anywhere; "-" for a file that loads)."""
    index = -1
    for _ in range(occurrence):
        index = base.index(old, index + 1)
    text = base[:index] + new + base[index + len(old):]
    where = "-" if code == 0 else None
    if code == 65 and token is not None:
        position = text.index(token, index)
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        where = f"{line}:{column}"
    return text, where


def mutate(name, old, new, token=None, code=65, occurrence=1):
    """A scenario case: the base scenario with one change."""
    text, where = changed(BASE, old, new, token, code, occurrence)
    add(name, text, code, where)


def expect_at(where):
    """Sets the expected location of the case just added."""
    name, content, code, _ = cases[-1]
    cases[-1] = (name, content, code, where)


# 1. Numbers out of range, not finite, or not numbers, in every numeric field.
bad_numbers = ["-1", "1e308", "9.3e12", ".inf", "-.inf", ".nan", "1e400", "'40'", "12abc", "1_000", "true", "[1]"]
numeric_fields = [
    ("capability", "capability: 3", "capability: {v}"),
    ("salience", "salience: 2\n        values: { onshore: 40", "salience: {v}\n        values: {{ onshore: 40"),
    ("value", "pool: 80", "pool: {v}"),
    ("mingain", "minGain: 1", "minGain: {v}"),
    ("position", "position: 20", "position: {v}"),
    ("openness", "openness: 2", "openness: {v}"),
    ("atleast", "atLeast: 0.5", "atLeast: {v}"),
    ("count", "count: 1", "count: {v}"),
]
in_range = {  # values that are valid for some fields
    ("position", "-1"), ("openness", "-1"), ("salience", "1_000"),
}
for field, old, pattern in numeric_fields:
    for number, value in enumerate(bad_numbers):
        if (field, value) in in_range:
            continue
        new = pattern.format(v=value)
        mutate(f"number-{field}-{number:02d}", old, new, token=value)

# Limits that are just inside and just outside the documented range.
mutate("limit-capability-max", "capability: 3", "capability: 1000000000", code=0)
mutate("limit-capability-over", "capability: 3", "capability: 1000000001", token="1000000001")
mutate("limit-salience-max", "salience: 1\n        position: 20", "salience: 1000000\n        position: 20", code=0)
mutate("limit-openness-max", "openness: 2", "openness: 100", code=0)
mutate("limit-openness-over", "openness: 2", "openness: 100.5", token="100.5")
mutate("limit-position-min", "position: 20", "position: -1000000", code=0)
mutate("limit-position-under", "position: 20", "position: -1000001", token="-1000001")
mutate("limit-value-over", "pool: 80", "pool: 100.01", token="100.01")
mutate("limit-atleast-over", "atLeast: 0.5", "atLeast: 1.01", token="1.01")

# 2. Structure: unknown, missing and mis-shaped fields, bad ids and dangling references.
mutate("unknown-field", "    kind: state", "    kinds: state", token="kinds")
mutate("unknown-field-escape", "    kind: state", "    \"\\e[2J\\e]0;owned\\a\": state", token="\"")
mutate("unknown-field-c1", "    kind: state", "    \"\\x9b2J\": state", token="\"")
mutate("unknown-field-bidi", "    kind: state", "    \"kind\\u202Eetats\": state", token="\"")
mutate("unknown-top-field", "source: Written", "sourcex: Written", token="sourcex")
mutate("missing-title", "title: Hostile corpus base\n", "")
expect_at("1:1")
mutate("missing-capability", "    capability: 2\n", "")
expect_at(locate(cases[-1][1], "- id: eu", "id"))
mutate("missing-statusquo", "    statusQuo: onshore\n", "")
expect_at(locate(cases[-1][1], "- id: chips", "id"))
mutate("actors-not-list", "actors:\n  - id: us", "actors: us\nold:\n  - id: us", token="us")
mutate("interests-list", "    interests:\n      chips:\n        salience: 2", "    interests: [chips]\n    other:\n      chips:\n        salience: 2", token="[")
mutate("values-list", "values: { onshore: 40, pool: 80, open: 60 }", "values: [40, 80, 60]", token="[")
mutate("redlines-scalar", "redLines: [open]", "redLines: open", token="open")
mutate("options-empty", "options: [onshore, pool, open]", "options: []")
expect_at(locate(cases[-1][1], "values: { onshore: 40", "onshore"))  # the stance names options that are gone
mutate("id-uppercase", "- id: us", "- id: US", token="US")
mutate("id-escape", "- id: us", "- id: \"u\\es\"", token="\"")
mutate("id-space", "- id: us", "- id: 'u s'", token="'")
mutate("id-empty", "- id: us", "- id: ''", token="'")
mutate("duplicate-actor", "- id: eu", "- id: us", token="us", occurrence=1)
mutate("duplicate-option", "options: [onshore, pool, open]", "options: [onshore, pool, pool]")
expect_at(locate(cases[-1][1], "values: { onshore: 40", "open: 60"))  # 'open' is no longer an option
mutate("unknown-stance-issue", "      cables:\n        salience: 1", "      moon:\n        salience: 1", token="moon")
mutate("unknown-redline", "redLines: [open]", "redLines: [moon]", token="moon")
mutate("redline-statusquo", "redLines: [open]", "redLines: [onshore]", token="onshore]")
mutate("value-unknown-option", "values: { onshore: 40, pool: 80, open: 60 }", "values: { onshore: 40, pool: 80, open: 60, moon: 1 }", token="moon")
mutate("value-missing-option", "values: { onshore: 40, pool: 80, open: 60 }", "values: { onshore: 40, pool: 80 }", token="{")
mutate("statusquo-unknown", "statusQuo: onshore", "statusQuo: moon", token="moon")
mutate("grouping-unknown-member", "members: [us, eu]", "members: [us, atlantis]", token="atlantis")
mutate("rule-unknown-kind", "kind: min-members", "kind: most-members", token="most-members")
mutate("rule-unknown-actor", "{ id: both, kind: min-members, count: 1 }", "{ id: both, kind: include-all, actors: [mars] }", token="mars")
mutate("rule-nobody", "{ id: both, kind: min-members, count: 1 }", "{ id: both, kind: include-any, actors: [] }", token="[]")
mutate("kind-unknown", "kind: state", "kind: planet", token="planet")
mutate("lever-unknown", "lever: supply-chains", "lever: magic", token="magic")
mutate("version-2-unknown", "entente: 1", "entente: 99", token="99")
mutate("version-text", "entente: 1", "entente: one", token="one")
mutate("position-without-positions", "options: [onshore, pool, open]", "options: [onshore, pool, open]\n  - id: extra\n    name: Extra\n    statusQuo: a\n    options: [a, b]", code=0)
mutate("parent-still-issue", "    lever: supply-chains", "    lever: supply-chains\n    parent: cables", token="cables")
mutate("title-list", "title: Hostile corpus base", "title: [a, b]", token="[")
mutate("name-mapping", "name: United States", "name: { a: 1 }", token="{")

# Too many actors, issues or options.
def many_options(count):
    options = ", ".join(f"o{i}" for i in range(count))
    return BASE.replace("groupings:\n", f"  - {{ id: wide, name: Wide, statusQuo: o0, options: [{options}] }}\ngroupings:\n")
text = many_options(256)
add("limit-options-256", text, 65, locate(text, "id: wide", "[o0"))
add("limit-options-255", many_options(255), 0)
actors = "".join(f"  - {{ id: a{i}, name: A{i}, capability: 1 }}\n" for i in range(1999))
text = BASE.replace("issues:\n", actors + "issues:\n", 1)
add("limit-actors-2001", text, 65, "5:3")
issues = "".join(f"  - {{ id: i{i}, name: I{i}, statusQuo: a, options: [a] }}\n" for i in range(199))
text = BASE.replace("groupings:\n", issues + "groupings:\n", 1)
add("limit-issues-201", text, 65, locate(text, "  - id: chips", "-"))
add("limit-issues-200", BASE.replace("groupings:\n", issues[: issues.rindex("  - {", 0, len(issues))] + "groupings:\n", 1), 0)

# 3. YAML traps: syntax, encodings, aliases.
def text_case(name, text, code, where):
    add(name, text, code, where)

text_case("yaml-unclosed-flow", BASE.replace("[onshore, pool, open]", "[onshore, pool, open"), 65, None)
text_case("yaml-tab-indent", BASE.replace("    name: United States", "\tname: United States"), 65, None)
text_case("yaml-duplicate-key", BASE.replace("    kind: state", "    kind: state\n    kind: bloc"), 65, None)
text_case("yaml-undefined-alias", BASE.replace("capability: 3", "capability: *nothing"), 65, None)
text_case("yaml-two-documents", BASE + "---\nentente: 1\n", 65, None)
text_case("yaml-empty", "", 65, "1:1")
text_case("yaml-comments-only", "# nothing here\n# at all\n", 65, "1:1")
text_case("yaml-scalar-root", "just text\n", 65, "1:1")
text_case("yaml-list-root", "- entente: 1\n", 65, "1:1")
text_case("yaml-deep-nesting", "entente: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n", 65, None)
text_case("yaml-long-line", BASE.replace("note: Wants allied supply.", "note: " + "x" * 200_000), 0, "-")
text_case("yaml-bom", "\ufeff" + BASE, 0, "-")
text_case("yaml-crlf", BASE.replace("\n", "\r\n"), 0, "-")
text_case("yaml-nul-byte", BASE.replace("Wants allied", "Wants\x00allied"), 65, None)
text_case("yaml-tag", BASE.replace("capability: 3", "capability: !!str 3"), 65, "8:17")
text_case("yaml-binary-tag", BASE.replace("note: Wants allied supply.", "note: !!binary aGVsbG8="), 0, "-")
text_case("yaml-anchor-reuse", BASE.replace("values: { onshore: 40, pool: 80, open: 60 }", "values: &v { onshore: 40, pool: 80, open: 60 }").replace("values: { onshore: 30, pool: 70, open: 50 }", "values: *v"), 0, "-")

def bomb(levels, width, as_key):
    lines = ["entente: 1", "x0: &x0 [" + ", ".join(["a"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"x{i}: &x{i} [" + ", ".join([f"*x{i-1}"] * width) + "]")
    if as_key:
        lines += [f"? *x{levels-1}", ": 1"]
    else:
        lines.append(f"y: *x{levels-1}")
    return "\n".join(lines) + "\n"

for levels, width in [(9, 9), (10, 9), (12, 6), (30, 2), (7, 20)]:
    for as_key in (True, False):
        text = bomb(levels, width, as_key)
        add(f"yaml-alias-bomb-{levels}x{width}-{'key' if as_key else 'value'}", text, 65, None)

# Invalid UTF-8 and odd encodings (bytes).
add("encoding-latin1", BASE.replace("United States", "\u00c9tats-Unis").encode("latin-1"), 65, "1:1")
add("encoding-utf16", BASE.encode("utf-16"), 65, "1:1")
add("encoding-truncated-utf8", BASE.encode() + b"\xe2\x82", 65, "1:1")
add("encoding-random-bytes", bytes((i * 73 + 41) % 256 for i in range(4096)), 65, "1:1")

# 4. Hostile text in a file that must load: nothing of it may reach the terminal raw.
hostile_texts = {
    "esc-clear": "\\e[2J\\e[H",
    "osc-title": "\\e]0;owned\\a",
    "osc-hyperlink": "\\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\",
    "c1-csi": "\\x9b2J",
    "c1-osc": "\\x9d0;t\\x9c",
    "del": "a\\x7fb",
    "bidi-override": "abc\\u202Edcba",
    "bidi-isolate": "\\u2067x\\u2069",
    "zero-width": "a\\u200Bb\\u200Dc\\uFEFF",
    "line-separator": "a\\u2028b\\u2029c",
    "backspace": "abc\\b\\b\\bxyz",
    "carriage-return": "safe\\rEVIL",
    "bell-and-nul-free": "ring\\a",
    "newlines": "line1\\nline2\\nline3",
    "wide-and-combining": "\u4e2d\u56fd Co\u0302te d'Ivoire",
}
for key, value in hostile_texts.items():
    text = BASE.replace("name: United States", f'name: "US {value}"')
    text = text.replace("title: Hostile corpus base", f'title: "Title {value}"')
    text = text.replace("note: Wants allied supply.", f'note: "Note {value}"')
    text = text.replace("description: Pooled repair ships", f'description: "Desc {value}"')
    text = text.replace("name: The two", f'name: "Group {value}"')
    add(f"text-{key}", text, 0)

# 5. Hostile text inside an error: the message quotes it escaped.
mutate("error-quotes-escape", "kind: state", "kind: \"\\e[31mred\"", token="\"")
mutate("error-quotes-bidi", "lever: supply-chains", "lever: \"\\u202Esimes\"", token="\"")

# 6. Decide files (the exchange model's input): dialects that must load, and broken ones.
DECIDE = "\n".join([
    "#A\tus\tUnited States",
    "#A\teu\tEuropean Union",
    "#A\tcn\tChina",
    "#P\tchips\tChip supply",
    "#M\tchips\t0\tonshore",
    "#M\tchips\t100\topen",
    "#P\tcables\tCable security",
    "#D\tus\tchips\t40\t0.8\t1.0",
    "#D\teu\tchips\t70\t0.3\t0.8",
    "#D\tcn\tchips\t10\t0.9\t1.0",
    "#D\tus\tcables\t60\t0.2\t1.0",
    "#D\teu\tcables\t20\t0.9\t0.8",
    "#D\tcn\tcables\t90\t0.4\t1.0",
]) + "\n"
decide_cases = []  # (name, text or bytes, exit, where)


def decide_mutate(name, old, new, token=None, code=65):
    """A Decide case: the base Decide file with one change."""
    text, where = changed(DECIDE, old, new, token, code)
    decide_cases.append((name, text, code, where))


decide_cases.append(("decide-base", DECIDE, 0, "-"))
decide_cases.append(("decide-crlf", DECIDE.replace("\n", "\r\n"), 0, "-"))
decide_cases.append(("decide-quoted", "\n".join("\t".join(f"'{f}'" for f in l.split("\t")) for l in DECIDE.strip().split("\n")) + "\n", 0, "-"))
decide_cases.append(("decide-semicolon", DECIDE.replace("\t", ";"), 0, "-"))
decide_cases.append(("decide-comma-double-quoted", "\n".join(",".join(f'"{f}"' for f in l.split("\t")) for l in DECIDE.strip().split("\n")) + "\n", 0, "-"))
decide_cases.append(("decide-extra-fields", DECIDE.replace("\n", "\t\t\n"), 0, "-"))
for number, value in enumerate(["inf", "nan", "1e308", "-inf", "1e10", "0x10", "abc", "''"]):
    decide_mutate(f"decide-scale-{number}", "#M\tchips\t100", f"#M\tchips\t{value}", token=value)
for number, value in enumerate(["nan", "inf", "1e308", "-0.5", "1.5"]):
    decide_mutate(f"decide-salience-{number}", "\t40\t0.8\t", f"\t40\t{value}\t", token=value)
for number, value in enumerate(["nan", "101", "-1", "1e308"]):
    decide_mutate(f"decide-power-{number}", "\t0.8\t1.0", f"\t0.8\t{value}", token=value)
for number, value in enumerate(["nan", "150", "-5", "x"]):
    decide_mutate(f"decide-position-{number}", "\t40\t0.8", f"\t{value}\t0.8", token=value)
decide_mutate("decide-unknown-actor", "#D\tus\tchips", "#D\tmars\tchips", token="mars")
decide_mutate("decide-unknown-issue", "#D\tus\tchips", "#D\tus\tmoon", token="moon")
decide_mutate("decide-unknown-record", "#P\tcables", "#X\tcables", token="#X")
decide_mutate("decide-missing-fields", "#D\tus\tchips\t40\t0.8\t1.0", "#D\tus\tchips", token=None)
decide_mutate("decide-duplicate-actor", "#A\teu", "#A\tus", token=None)
decide_mutate("decide-escape-name", "United States", "United \x1b[2JStates", code=0)
decide_mutate("decide-bidi-name", "United States", "United \u202eStates", code=0)
decide_cases.append(("decide-cut-before-stances", DECIDE[: DECIDE.index("#D")], 65, None))
decide_cases.append(("decide-empty", "", 65, None))
decide_cases.append(("decide-unterminated-lone-tag", "'#A\n", 65, "1:1"))  # found by the fuzzer: a record without fields
decide_cases.append(("decide-only-actors", "#A\tus\tUS\n", 65, None))
decide_cases.append(("decide-binary", bytes((i * 31 + 7) % 256 for i in range(2048)), 65, None))
decide_cases.append(("decide-latin1", DECIDE.replace("China", "Chine \u00e9").encode("latin-1"), 0, "-"))  # read as Latin-1, as Decide's own samples may be
many = "".join(f"#P\ti{i}\tIssue {i}\n#D\tus\ti{i}\t{i % 100}\t0.5\t1\n#D\teu\ti{i}\t{(i * 7) % 100}\t0.5\t1\n" for i in range(400))
decide_cases.append(("decide-400-issues-2-actors", "#A\tus\tUS\n#A\teu\tEU\n" + many, 0, "-"))

os.makedirs(OUT, exist_ok=True)
for name in os.listdir(OUT):
    if name.endswith(".yaml") or name.endswith(".decide.txt") or name == "expected.tsv":
        os.remove(os.path.join(OUT, name))
rows = ["# file\texit\tfirst diagnostic (line:column; * = any location; - = none). Written by scripts/hostile-corpus.py"]
for name, content, code, where in cases:
    path = os.path.join(OUT, name + ".yaml")
    data = content if isinstance(content, bytes) else content.encode()
    with open(path, "wb") as handle:
        handle.write(data)
    rows.append(f"{name}.yaml\t{code}\t{where if where is not None else '*'}")
for name, content, code, where in decide_cases:
    data = content if isinstance(content, bytes) else content.encode()
    with open(os.path.join(OUT, name + ".decide.txt"), "wb") as handle:
        handle.write(data)
    rows.append(f"{name}.decide.txt\t{code}\t{where if where is not None else '*'}")
with open(os.path.join(OUT, "expected.tsv"), "w") as handle:
    handle.write("\n".join(rows) + "\n")
print(f"{len(cases)} scenario files and {len(decide_cases)} Decide files in {OUT}")
