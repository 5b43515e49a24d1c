from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from katabench.rules.base import Example, Rule
from katabench.sources import Package, SourceFile


@dataclass(frozen=True)
class PublisherImportsSubscriberParams:
    publishers: tuple[str, ...]  # module globs inside the package: "desk.py", "orders/*"
    subscribers: tuple[str, ...]  # module globs inside the package: "channels/*", "mail.py"

    def __post_init__(self) -> None:
        if not self.publishers:
            raise ValueError("publishers: expected at least one module glob, e.g. 'desk.py'")
        if not self.subscribers:
            raise ValueError("subscribers: expected at least one module glob, e.g. 'channels/*'")


def _matches(path: str, patterns: Sequence[str]) -> bool:
    """The same matching as `Rule.in_modules`: the whole path or the file name."""
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(name, p) for p in patterns)


class PublisherImportsSubscriber(Rule):
    """
    ## What it does
    Flags every import of a subscriber module (`subscribers`, module globs
    inside the package) made by a publisher module (`publishers`): `import
    pkg.mail`, `from . import mail`, `from .channels.mail import send`, or a
    name taken from a subscriber package's `__init__.py`. Only imports that
    resolve to modules of the package count, absolute or relative. It also
    reports a package where no module matches `publishers`, so a renamed
    publisher does not pass unchecked.

    ## Why is this bad?
    A module that imports every module reacting to what it does must change
    whenever a reaction is added, removed or reordered, and cannot be tested
    without all of them. That is the hard-wired notification the Observer
    pattern removes: the publisher announces an event, and one composition
    root decides who listens.

    ## Example
    ```python
    # orders.py
    from .channels import audit, mail

    def cancel(order):
        order.status = "cancelled"
        mail.send(order.email, "Your order is cancelled")
        audit.record(order.id, "cancelled")
    ```

    ## Use instead
    ```python
    # orders.py: knows the event and whoever publishes it, no channel
    def cancel(order, publish):
        order.status = "cancelled"
        publish(OrderCancelled(order.id, order.email))

    # app.py, the composition root, wires the channels
    bus.subscribe(OrderCancelled, mailer.order_cancelled)
    bus.subscribe(OrderCancelled, audit_trail.record)
    ```
    """

    id = "publisher-imports-subscriber"
    summary = "A publishing module imports the modules that subscribe to its events"
    hint = (
        "Observer: publish an event (a small frozen dataclass) and let a composition root subscribe the channels; "
        "the publisher imports none of them."
    )
    Params = PublisherImportsSubscriberParams
    params: PublisherImportsSubscriberParams

    valid = (
        Example(
            {
                "events.py": "from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass Shipped:\n"
                "    order_id: str\n",
                "orders.py": "from .events import Shipped\n\ndef ship(order_id, publish):\n"
                "    publish(Shipped(order_id))\n",
                "channels/__init__.py": "",
                "channels/mail.py": "from ..events import Shipped\n\ndef shipped(event: Shipped) -> str:\n"
                "    return event.order_id\n",
                "app.py": "from .channels import mail\nfrom .orders import ship\n\n"
                "def run(bus):\n    bus.subscribe(mail.shipped)\n    ship('A1', bus.publish)\n",
            },
            params={"publishers": ["orders.py"], "subscribers": ["channels/*"]},
        ),
        Example(
            {
                "orders.py": "import email\nfrom email import message_from_string\n\n"
                "def parse(text):\n    return message_from_string(text)\n",
                "email.py": "def send(address):\n    return address\n",
            },
            params={"publishers": ["orders.py"], "subscribers": ["email.py"]},
        ),
    )
    invalid = (
        Example(
            {
                "orders.py": "from .channels import mail, sms\nfrom .channels.audit import record\n"
                "from . import prices\n\ndef cancel(order):\n    mail.send(order)\n    sms.send(order)\n"
                "    record(order)\n    return prices.refund(order)\n",
                "prices.py": "def refund(order):\n    return 0\n",
                "channels/__init__.py": "",
                "channels/mail.py": "def send(order):\n    return order\n",
                "channels/sms.py": "def send(order):\n    return order\n",
                "channels/audit.py": "def record(order):\n    return order\n",
            },
            params={"publishers": ["orders.py"], "subscribers": ["channels/*"]},
            findings=3,
            line=1,
        ),
        Example(
            {
                "orders.py": "import example.mail\nfrom example import sms as texts\n\ndef cancel(order):\n"
                "    example.mail.send(order)\n    texts.send(order)\n",
                "mail.py": "def send(order):\n    return order\n",
                "sms.py": "def send(order):\n    return order\n",
            },
            params={"publishers": ["orders.py"], "subscribers": ["mail.py", "sms.py"]},
            findings=2,
        ),
        Example(
            {
                "shop/__init__.py": "",
                "shop/desk.py": "\nfrom ..channels import Mailer, Texts\n\ndef ready(job):\n"
                "    Mailer().send(job)\n    Texts().send(job)\n",
                "channels/__init__.py": "from .mail import Mailer\nfrom .sms import Texts\n",
                "channels/mail.py": "class Mailer:\n    def send(self, job):\n        return job\n",
                "channels/sms.py": "class Texts:\n    def send(self, job):\n        return job\n",
            },
            params={"publishers": ["shop/*"], "subscribers": ["channels/*"]},
            findings=1,
            line=2,
        ),
        Example(
            {
                "office.py": "def ready(job, publish):\n    publish(job)\n",
                "mail.py": "def send(job):\n    return job\n",
            },
            params={"publishers": ["desk.py"], "subscribers": ["mail.py"]},
            findings=1,
        ),
    )

    def begin_package(self, package: Package) -> None:
        self.modules: dict[str, str] = {source.module: package.relative(source) for source in package.files}
        self.publishers_seen = 0
        self.publishing = False

    def begin_file(self, source: SourceFile) -> None:
        self.publishing = self.in_modules(self.params.publishers)
        if self.publishing:
            self.publishers_seen += 1

    def _known(self, dotted: str) -> str:
        """The deepest module of the package that `dotted` names (`a.b.f` -> `a.b`), or ''."""
        while dotted and dotted not in self.modules:
            dotted = dotted.rpartition(".")[0]
        return dotted

    def _check(self, imports: Sequence[tuple[cst.CSTNode, str, str]]) -> None:
        """Report each (node, imported module, import as written) that reaches a subscriber, once per module."""
        assert self.source is not None
        reported: set[str] = set()
        for node, target, spelled in imports:
            if not target or target == self.source.module or target in reported:
                continue
            path = self.modules[target]
            if _matches(path, self.params.subscribers):
                reported.add(target)
                self.report(node, f"publisher {self.module_path} imports the subscriber {path} (`{spelled}`)")

    def visit_Import(self, node: cst.Import) -> None:
        if not self.publishing:
            return
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            self._check([(alias, self._known(name), f"import {name}")])

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if not self.publishing:
            return
        assert self.source is not None
        module = get_full_name_for_node(node.module) if node.module is not None else ""
        level = len(node.relative)
        if level:
            base = self.source.module if self.source.is_package_init else self.source.module.rpartition(".")[0]
            for _ in range(level - 1):
                base = base.rpartition(".")[0]
            prefix = f"{base}.{module}" if module else base
        else:
            prefix = module or ""
        spelled = "from " + "." * level + (module or "") + " import "
        if isinstance(node.names, cst.ImportStar):
            self._check([(node, self._known(prefix), spelled + "*")])
            return
        imports: list[tuple[cst.CSTNode, str, str]] = []
        for alias in node.names:
            name = get_full_name_for_node(alias.name) or ""
            candidate = f"{prefix}.{name}"
            target = candidate if candidate in self.modules else self._known(prefix)
            imports.append((alias, target, spelled + name))
        self._check(imports)

    def end_package(self) -> None:
        assert self.package is not None
        if not self.publishers_seen:
            wanted = ", ".join(self.params.publishers)
            self.report_at(
                str(self.package.directory),
                0,
                f"no module matches the publishers ({wanted}): there is no publisher to check",
                "Keep the publishing code in the module the kata names, or correct `publishers` in kata.toml.",
            )
