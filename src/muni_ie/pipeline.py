"""A pipeline is a list of named stages over one :class:`Document`.

Stages are registered by name with what they ``requires`` and ``provides``; building a
pipeline checks the order once, so a missing requirement fails at construction, not deep
inside the first article. Users add, replace or remove stages by name::

    @register_stage("my_stage", requires=("sentences",), provides=("my_field",))
    def make_my_stage(**config):
        def run(doc): ...
        return run

    nlp = Pipeline().add("my_stage", after="facts")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .errors import PipelineError
from .text.alignment import AlignedText
from .text.normalize import normalize
from .text.validate import MAX_CHARS, validate_text

StageFn = Callable[[Document], None]
Factory = Callable[..., StageFn]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Factory
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    doc: str = ""


_REGISTRY: dict[str, StageSpec] = {}

DEFAULT_STAGES: tuple[str, ...] = (
    "segment", "places", "titles", "persons", "organizations", "facts",
    "statements", "meetings", "assemble",
)


def register_stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = (),
                   replace: bool = False) -> Callable[[Factory], Factory]:
    """Decorator registering a stage factory under ``name``."""

    def deco(factory: Factory) -> Factory:
        if name in _REGISTRY and not replace and _REGISTRY[name].factory is not factory:
            raise PipelineError(f"stage {name!r} is already registered (pass replace=True)")
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(provides),
                                    (factory.__doc__ or "").strip().split("\n")[0])
        return factory

    return deco


def registered_stages() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (registers the built-in stages on import)


@dataclass
class Pipeline:
    """Normalization, then the named stages, in order.

    >>> doc = Pipeline()("شهردار همدان گفت: ...")
    """

    stages: list[str] = field(default_factory=lambda: list(DEFAULT_STAGES))
    config: dict[str, dict[str, Any]] = field(default_factory=dict)
    normalizer: Callable[[str], AlignedText] | None = None

    def __post_init__(self) -> None:
        _load_builtin_stages()
        self.stages = list(self.stages)
        self._fns: dict[str, StageFn] = {}
        self._check()

    # -- building ---------------------------------------------------------------------------
    def _check(self) -> None:
        have = {"text"}
        for name in self.stages:
            spec = _REGISTRY.get(name)
            if spec is None:
                raise PipelineError(f"unknown stage {name!r}; registered: {sorted(_REGISTRY)}")
            missing = [r for r in spec.requires if r not in have]
            if missing:
                raise PipelineError(f"stage {name!r} requires {missing}, which no earlier stage provides "
                                    f"(order: {self.stages})")
            have.update(spec.provides)

    def _fn(self, name: str) -> StageFn:
        fn = self._fns.get(name)
        if fn is None:
            fn = self._fns[name] = _REGISTRY[name].factory(**self.config.get(name, {}))
        return fn

    def _edit(self, stages: list[str]) -> Pipeline:
        return Pipeline(stages, dict(self.config), self.normalizer)

    def add(self, name: str, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """A new pipeline with stage ``name`` inserted (at the end by default)."""
        stages = list(self.stages)
        if before is not None:
            stages.insert(self._index(before), name)
        elif after is not None:
            stages.insert(self._index(after) + 1, name)
        else:
            stages.append(name)
        return self._edit(stages)

    def remove(self, name: str) -> Pipeline:
        stages = list(self.stages)
        stages.pop(self._index(name))
        return self._edit(stages)

    def replace(self, name: str, new: str) -> Pipeline:
        stages = list(self.stages)
        stages[self._index(name)] = new
        return self._edit(stages)

    def _index(self, name: str) -> int:
        try:
            return self.stages.index(name)
        except ValueError:
            raise PipelineError(f"stage {name!r} is not in this pipeline: {self.stages}") from None

    # -- running ----------------------------------------------------------------------------
    def make_doc(self, text: str | bytes, id: str | None = None, *, max_chars: int = MAX_CHARS) -> Document:
        """The validated (see :func:`~muni_ie.text.validate.validate_text`), normalized document."""
        text = validate_text(text, max_chars=max_chars)
        aligned = (self.normalizer or normalize)(text)
        return Document(aligned=aligned, id=id)

    def __call__(self, text: str | bytes, id: str | None = None, *, max_chars: int = MAX_CHARS) -> Document:
        doc = self.make_doc(text, id, max_chars=max_chars)
        for name in self.stages:
            self._fn(name)(doc)
        return doc

    def pipe(self, texts: Iterable[str | bytes | tuple[str | bytes, str]]) -> Iterator[Document]:
        """Documents for ``texts`` (strings, or ``(text, id)`` pairs), in order, one process."""
        for item in texts:
            if isinstance(item, tuple):
                yield self(item[0], id=item[1])
            else:
                yield self(item)
