"""Reading YAML as plain data that remembers line numbers, refusing anything but plain data.

The file is composed into a node tree (libyaml when available, PyYAML's pure-Python parser
otherwise) and the tree is walked here: no YAML constructor for objects ever runs. A node with a tag
that is not a plain scalar, list or mapping (``!!python/...``, ``!custom``, ``!!set``) becomes a
``Refused`` value, and so does every alias (``*name``): an alias bomb ("billion laughs") is a small
graph of shared nodes that only explodes when expanded, and it is never expanded. A duplicate key is
refused too, since YAML would silently keep the last one. Validation reports each ``Refused`` with
its line and skips the question that holds it, so the rest of the file still loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor

# libyaml's parser is about ten times faster; both build the same node tree.
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML = "tag:yaml.org,2002:"
_PLAIN_SCALARS = frozenset(_YAML + name for name in ("str", "int", "float", "bool", "null"))
_TIMESTAMP = _YAML + "timestamp"
_SEQ = _YAML + "seq"
_MAP = _YAML + "map"
MAX_DEPTH = 40


class YamlMap(dict[str, object]):
    """A YAML mapping with the line it starts on and the line of each key (1-based)."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class YamlList(list[object]):
    """A YAML sequence with the line it starts on and the line of each item (1-based)."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of item ``index``, or of the list when out of range."""
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class Refused:
    """A value the reader would not build (an object tag, an alias, a duplicate key, ...)."""

    line: int
    message: str


class YamlSyntaxError(Exception):
    """The text is not valid YAML; ``line`` is 1-based (0 when unknown)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


class _Walker:
    """Turns a node tree into YamlMap / YamlList / scalars / Refused."""

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self._scalars = SafeConstructor()

    def convert(self, node: yaml.Node, where: int, depth: int = 0) -> object:
        # A composed alias is the very node object of its anchor: a second visit is an alias.
        if id(node) in self._seen:
            return Refused(
                where,
                "YAML aliases (*name) are not allowed in question files: write the value out",
            )
        self._seen.add(id(node))
        line = _line(node)
        if depth > MAX_DEPTH:
            return Refused(line, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, line)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                return self._refuse_tag(node.tag, line)
            items = YamlList(line)
            for item in node.value:
                items.append(self.convert(item, line, depth + 1))
                items.item_lines.append(_line(item))
            return items
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                return self._refuse_tag(node.tag, line)
            return self._mapping(node, line, depth)
        return Refused(line, "unsupported YAML node")

    def _scalar(self, node: yaml.ScalarNode, line: int) -> object:
        if node.tag in _PLAIN_SCALARS:
            try:
                return self._scalars.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError):
                # An explicit tag on a wrong value (`!!int abc`), or an integer of more digits than
                # Python converts; the value is cut short so a huge one cannot flood the message.
                shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
                return Refused(line, f"cannot read {shown!r} as {_short_tag(node.tag)}")
        if node.tag == _TIMESTAMP:
            # A date-like word is only text here; keep what was written.
            return str(node.value)
        return self._refuse_tag(node.tag, line)

    def _mapping(self, node: yaml.MappingNode, line: int, depth: int) -> object:
        mapping = YamlMap(line)
        for key_node, value_node in node.value:
            key_line = _line(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                _PLAIN_SCALARS | {_TIMESTAMP}
            ):
                tag = getattr(key_node, "tag", "?")
                return Refused(
                    key_line, f"a mapping key must be a plain word, got {_short_tag(tag)}"
                )
            key = str(key_node.value)
            value = self.convert(value_node, key_line, depth + 1)
            if key in mapping:
                first = mapping.key_lines[key]
                value = Refused(key_line, f"key '{key}' appears twice (first at line {first})")
            else:
                mapping.key_lines[key] = key_line
            mapping[key] = value
        return mapping

    @staticmethod
    def _refuse_tag(tag: str, line: int) -> Refused:
        return Refused(
            line,
            f"YAML tag '{_short_tag(tag)}' is not allowed: question files hold plain data only "
            "and nothing in them is built or run",
        )


def read_yaml(text: str) -> object:
    """Plain data from one YAML document: YamlMap, YamlList, str, int, float, bool, None or Refused.

    Raises ``YamlSyntaxError`` when the text is not YAML (or holds several documents).
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = int(mark.line) + 1 if mark is not None else 0
        context = error.context or ""
        if context and error.context_mark is not None and error.context_mark.line + 1 != line:
            context += f" (from line {error.context_mark.line + 1})"
        parts = [part for part in (context, error.problem) if part]
        raise YamlSyntaxError(line, "not valid YAML: " + ", ".join(parts)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(0, f"not valid YAML: {error}") from None
    except RecursionError:
        raise YamlSyntaxError(0, "not valid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _Walker().convert(node, _line(node))


def find_refused(value: object) -> list[Refused]:
    """Every Refused value inside ``value`` (depth-first, in file order)."""
    found: list[Refused] = []
    stack: list[object] = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, Refused):
            found.append(current)
        elif isinstance(current, dict):
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))
    return found
