"""The groups of methods that share state: LCOM4's connected components.

Pure over {method: names it uses}, so the LibCST cohesion gate and the
review's ast-based fast path (which must not load LibCST) count alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Set


def method_groups(methods: Mapping[str, Set[str]]) -> tuple[tuple[str, ...], ...]:
    """Sorted groups of methods joined by an attribute both use or by one calling the other."""
    parent = {name: name for name in methods}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    owner_of_attribute: dict[str, str] = {}
    for name, used in methods.items():
        for attribute in used:
            if attribute in methods:  # a call (or reference) to another method
                parent[find(name)] = find(attribute)
            elif attribute in owner_of_attribute:
                parent[find(name)] = find(owner_of_attribute[attribute])
            else:
                owner_of_attribute[attribute] = name
    groups: dict[str, list[str]] = {}
    for name in methods:
        groups.setdefault(find(name), []).append(name)
    return tuple(sorted(tuple(sorted(group)) for group in groups.values()))
