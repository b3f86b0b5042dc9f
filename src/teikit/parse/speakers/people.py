"""Speaker names → persons: one ``Person`` per speaker, whatever variant of the name a label uses.

Variants are merged by rules that hold for any text:

- case and dots do not matter (``Mr. ROBESON`` = ``MR. ROBESON``), nor hyphens and spaces inside
  a name (``TAMBOUR-MAJOR`` = ``TAMBOURMAJOR``);
- an abbreviated label is the unique cast-list word (or longer label) it begins (``Ham.`` →
  ``Hamlet``, ``Hor.`` → ``Horatio.``), unless the text also prints it as a word of its own
  (``Geist`` stays apart from ``Geister``, ``Bürger`` from ``Bürgermädchen``);
- a first name alone is the one longer label that begins with it and has no title (``Monty`` →
  ``Monty Johnstone``; but ``STIDULPH`` stays apart from ``MRS. STIDULPH``, and ``Andre``, a word
  the text uses in lower case, from ``Andre Hälfte``);
- a label naming the document's author (surname, full name or initials, ``DH`` for "Duncan
  Hallas") is the author;
- initials are expanded from a name the front matter mentions (``IB`` → "Ian Birchall");
- ``ALL``, ``BOTH``, ``THE SERVANTS``, ``SOME OF THE LADIES`` are groups; ``DAPHNE and NITA`` is a
  joint turn of two known speakers.

Ids are readable NCNames made from the name ("lady-bracknell"), unique in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ...model import Person
from .labels import CONNECTORS, GROUP_WORDS, TITLES, capitalised_head, name_key
from .select import ANSWER_KEYS, INTERVIEWER_KEYS
from .words import WordCounts

_GROUP_FIRST = frozenset(
    "some all several other others many both two three four five various".split()
)
_JOINER = re.compile(r"\s+(?:and|&|und|et|e|y|и|og|och)\s+|\s*,\s*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NAME_RUN = re.compile(r"\b(?:[A-Z][\w’'-]+\.?\s+){1,3}[A-Z][\w’'-]+")

# A title in a cast's description: "DUKE OF YORK", "Comte de Guiche", "Herzog von Alba".
_TITLED = re.compile(r"\b[A-Z][\w'’-]+\s+(?i:of|de|du|von|di|da)\s+([A-Z][\w'’-]+)")
AUTHOR_KEY = "\x00author"
SUBJECT_KEY = "\x00subject"
Warn = Callable[[str, int], None]


@dataclass
class _Entry:
    id: str
    name: str
    names: list[str] = field(default_factory=list)
    group: bool = False
    is_author: bool = False
    role: str = ""
    used: bool = False


class Registry:
    """Resolves label names to person ids and collects the persons that speak."""

    def __init__(
        self,
        author: str = "",
        context: str = "",
        cast_text: str = "",
        cast_roles: tuple[str, ...] = (),
        cast_descriptions: tuple[str, ...] = (),
    ) -> None:
        self.author = author.strip()
        self.subject = ""  # the person an "Interview with NAME" title names (the one answering)
        self._roles = {name_key(r): r for r in _each_role(cast_roles) if name_key(r)}
        # The titles the cast gives its roles: "York" names the Duchess of York's role, but also
        # Richard's, ", DUKE OF YORK," (not Saladin's in "Mamelucken des Saladin").
        self._titled = {name_key(m) for d in cast_descriptions for m in _TITLED.findall(d)}
        self._context_names = _name_runs(context)
        self._cast_words = {w.casefold(): w for w in _WORD.findall(cast_text) if w[0].isupper()}
        self._canonical: dict[str, str] = {}
        self._learned: set[str] = set()
        self._entries: dict[str, _Entry] = {}
        self._by_id: dict[str, _Entry] = {}  # (ids are unique: one entry each)
        # Names already resolved: resolving a name again finds the same entry, already used and
        # already showing the name, so its answer is kept.
        self._resolved: dict[str, str] = {}
        self._ids: set[str] = set()
        self._role_of: dict[str, str] = {}  # _cast_role's answers (the cast never changes)
        self.interviewer_name = ""

    # -- learning -------------------------------------------------------------------------------

    def learn(
        self,
        names: Iterable[tuple[str, int]],
        warn: Warn | None = None,
        words: WordCounts | None = None,
    ) -> None:
        """Decide which label names are the same person, before any turn is resolved.

        ``names`` are (label name, source line) pairs; ambiguities go to ``warn`` with the line
        of the label's first occurrence. ``words`` counts the words of the document's text."""
        keys: dict[str, str] = {}
        lines: dict[str, int] = {}
        places: set[tuple[str, int]] = set()  # (a label may be read twice: as paragraph, as line)
        for name, line in names:
            key = name_key(name)
            keys.setdefault(key, name)
            lines.setdefault(key, line)
            places.add((key, line))
        uses = Counter(key for key, _ in places)

        def own_word(key: str) -> bool:
            # Printed as a word beyond its labels ("der Geist", "die Bürger"): a name of its own.
            return words is not None and words.any_case(key) - uses[key] >= 2

        def common_word(key: str) -> bool:
            return words is not None and words.lower(key) >= 2  # "die andre", "ein zweiter"

        self._learned = set(keys)
        spelled: dict[str, str] = {}
        for key in keys:
            # "TAMBOUR-MAJOR" and "TAMBOURMAJOR": one name spelled with and without a hyphen.
            joined = spelled.setdefault(key.replace("-", "").replace(" ", ""), key)
            if joined != key:
                self._canonical[key] = joined
        for key, shown in keys.items():
            head = capitalised_head(shown)
            if head and head != key and head in keys:
                # "Altmayer leise", "Mephistopheles zu Faust": the speaker, then a direction.
                self._canonical[key] = head
        singles = [k for k in keys if " " not in k]
        # Full personal names only: not joint turns ("COOLING AND LILY") nor descriptions.
        multis = [
            k
            for k in keys
            if " " in k
            and len(_JOINER.split(keys[k])) == 1
            and len(k.split()) <= 3
            and all(w[:1].isupper() for w in keys[k].split())
            and not _is_group(k)
        ]
        # Longest first: a longer label is settled before the shorter ones that may abbreviate it
        # ("Cons" is "Const" before "Con" asks whether it is "Cons" or "Const": one person).
        for key in sorted(singles, key=lambda k: (-len(k), k)):
            if key in INTERVIEWER_KEYS or key in ANSWER_KEYS or len(key) < 2:
                continue
            glued = _glued_initial(key, multis)
            if glued:
                self._canonical[key] = glued  # "K.Iohn", "K.Io." are "King Iohn"
                continue
            # Two letters abbreviate too ("Fa." beside "Fab.", "Hu." beside "Hub." in old
            # prints) where they are no word of the text nor a name in the cast list.
            abbreviation = len(key) >= 3 or (
                not own_word(key) and not common_word(key) and key not in self._cast_words
            )
            longer = [o for o in singles if o != key and o.startswith(key) and abbreviation]
            if longer and own_word(key):
                continue  # "Geister" beside "Geist", "Bürgermädchen" beside "Bürger"
            targets = sorted({self._canon_key(o) for o in longer})
            if len(targets) == 1:
                self._canonical[key] = targets[0]
                continue
            if len(longer) > 1 and warn:
                warn(
                    f"abbreviated speaker {keys[key]!r} could be any of {sorted(longer)}",
                    lines[key],
                )
            firsts = [m for m in multis if m.split()[0] == key and not _has_title(m)]
            if len(firsts) == 1 and not common_word(key):
                self._canonical[key] = firsts[0]
                continue
            expanded = self._expand_from_cast(key, keys[key], warn, lines[key])
            if expanded and not own_word(key):
                self._canonical[key] = expanded

    def _canon_key(self, key: str) -> str:
        """``key`` through the canonical names learned so far (no author or cast lookup)."""
        seen = set()
        while key in self._canonical and key not in seen:
            seen.add(key)
            key = self._canonical[key]
        return key

    def _expand_from_cast(self, key: str, shown: str, warn: Warn | None, line: int) -> str:
        if not self._cast_words or key in self._cast_words or len(key) < 2:
            return ""
        matches = sorted({w for w in self._cast_words if w.startswith(key) and w != key})
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1 and warn:
            warn(f"abbreviated speaker {shown!r} matches several cast names: {matches}", line)
        return ""

    # -- resolving ------------------------------------------------------------------------------

    def resolve(self, name: str) -> str:
        """The id (or space-separated ids for a joint turn) of the speaker called ``name``."""
        known = self._resolved.get(name)
        if known is None:
            known = self._resolved[name] = self._resolve(name)
        return known

    def _resolve(self, name: str) -> str:
        key = self._canon(name_key(name))
        if key not in self._entries:
            parts = [p for p in _JOINER.split(name) if p.strip()]
            if len(parts) > 1 and all(self._speaks(name_key(p)) for p in parts):
                ids = [self._entry(self._canon(name_key(p)), p).id for p in parts]
                for p in parts:
                    self._entries[self._canon(name_key(p))].used = True
                return " ".join(dict.fromkeys(ids))
        entry = self._entry(key, name)
        entry.used = True
        if name.strip() not in entry.names:
            entry.names.append(name.strip())
        return entry.id

    def forget(self, pid: str) -> None:
        """The person ``pid`` turned out to speak nowhere: no person of the text."""
        entry = self._by_id.get(pid)
        if entry is not None:
            entry.used = False

    def id_of(self, name: str) -> str:
        """The id of a person who speaks under ``name`` (a cast role), or ""."""
        entry = self._entries.get(self._canon(name_key(name)))
        return entry.id if entry is not None and entry.used else ""

    def _speaks(self, key: str) -> bool:
        canon = self._canon(key)
        return canon in self._entries or canon in self._learned or key in self._learned

    def known(self, name: str) -> bool:
        key = self._canon(name_key(name))
        return key in self._entries or key == AUTHOR_KEY or key == SUBJECT_KEY

    def set_role(self, name: str, role: str) -> None:
        """Give ``role`` to the person shown as ``name`` (the front matter's interviewer)."""
        for entry in self._entries.values():
            if entry.name == name:
                entry.role = role

    def add(self, key: str, name: str, role: str = "", is_author: bool = False) -> str:
        """Register a person the text names outside labels (an interviewer named in a title)."""
        entry = self._entry(self._canon(key), name)
        entry.role = entry.role or role
        entry.is_author = entry.is_author or is_author
        entry.used = True
        return entry.id

    def entry_role(self, pid: str, role: str) -> None:
        for entry in self._entries.values():
            if entry.id == pid and not entry.role:
                entry.role = role

    def speaks_as_author(self, pid: str) -> bool:
        entry = self._by_id.get(pid)
        return entry is not None and entry.is_author

    def is_interviewer(self, pid: str) -> bool:
        """Whether ``pid`` is a speaking person whose role is the interviewer's."""
        entry = self._by_id.get(pid)
        return entry is not None and entry.used and entry.role == "interviewer"

    def persons(self) -> tuple[Person, ...]:
        out = []
        for entry in self._entries.values():
            if not entry.used:
                continue
            names = tuple(n for n in dict.fromkeys(entry.names) if n != entry.name)
            out.append(
                Person(
                    entry.id,
                    entry.name,
                    names,
                    role=entry.role,
                    group=entry.group,
                    is_author=entry.is_author,
                )
            )
        return tuple(out)

    def id_for_author(self) -> str:
        for entry in self._entries.values():
            if entry.is_author:
                return entry.id
        return ""

    def _canon(self, key: str) -> str:
        seen = set()
        while key in self._canonical and key not in seen:
            seen.add(key)
            key = self._canonical[key]
        if self.author and key not in INTERVIEWER_KEYS and _names_author(key, self.author):
            return AUTHOR_KEY  # "Comrade Stalin", "STALIN" and "J. V. Stalin" are one person
        if self.subject and key not in INTERVIEWER_KEYS and _names_author(key, self.subject):
            return SUBJECT_KEY
        role = self._cast_role(key)
        return name_key(role) if role else key

    def _cast_role(self, key: str) -> str:
        """The one cast-list role a label names ("Algernon" → "Algernon Moncrieff"), or ""."""
        role = self._role_of.get(key)
        if role is None:
            role = self._role_of[key] = self._find_cast_role(key)
        return role

    def _find_cast_role(self, key: str) -> str:
        if not self._roles or key in INTERVIEWER_KEYS or key in ANSWER_KEYS or key == AUTHOR_KEY:
            return ""
        if key in self._roles:
            return self._roles[key]
        words = [w for w in key.split() if w not in TITLES]
        if not words:
            return ""
        matches = [
            role
            for rkey, role in self._roles.items()
            if all(
                any(r == w or (len(w) >= 3 and r.startswith(w)) for r in rkey.split())
                for w in words
            )
        ]
        if len(matches) != 1 or " ".join(words) in self._titled:
            return ""
        return matches[0]

    def _entry(self, key: str, shown: str) -> _Entry:
        if key in self._entries:
            return self._entries[key]
        display, role, is_author = self._display(key, shown)
        joint = len([p for p in _JOINER.split(shown) if p.strip()]) > 1
        entry = _Entry(self._new_id(display), display, [], _is_group(key) or joint, is_author, role)
        self._entries[key] = entry
        self._by_id[entry.id] = entry
        return entry

    def _display(self, key: str, shown: str) -> tuple[str, str, bool]:
        if key in INTERVIEWER_KEYS:
            return (self.interviewer_name or "Interviewer"), "interviewer", False
        if key in ANSWER_KEYS:
            return (self.author or self.subject or "Interviewee"), "interviewee", bool(self.author)
        if key == AUTHOR_KEY or (self.author and _names_author(key, self.author)):
            return self.author, "", True
        if key in self._roles:
            return self._roles[key], "", False
        if key == SUBJECT_KEY or (self.subject and _names_author(key, self.subject)):
            return self.subject, "interviewee", False
        if key in self._cast_words and key != name_key(shown):
            return self._cast_words[key], "", False
        if _is_initials(shown):
            for run in self._context_names:
                if _initials(run) == shown.strip():
                    return run, "", False
        if key != name_key(shown):  # merged into a longer label: show the longer form
            return _restore(key, shown), "", False
        return shown.strip(), "", False

    def _new_id(self, display: str) -> str:
        base = slug(display)
        pid, n = base, 2
        while pid in self._ids:
            pid, n = f"{base}-{n}", n + 1
        self._ids.add(pid)
        return pid


_WORD_JOINER = re.compile(r"\s+(?:and|&|und|et|e|y|и|og|och)\s+", re.IGNORECASE)


def _each_role(roles: Iterable[str]) -> Iterable[str]:
    """Each cast role, and each person of a role that joins two names ("Don Manuel und Don
    Cesar", "Rosencrantz and Guildenstern"): their labels name one of them, never the pair. A
    part that is only a title ("Lord and Lady Capulet") keeps the role whole."""
    for role in roles:
        yield role
        parts = _WORD_JOINER.split(role)
        if len(parts) > 1 and all(_is_name(p) for p in parts):
            yield from parts


def _is_name(text: str) -> bool:
    words = text.split()
    return (
        bool(words)
        and words[0][:1].isupper()
        and any(name_key(w) not in TITLES for w in words)
        and all(w[:1].isupper() or w in CONNECTORS for w in words)
    )


def slug(value: str, fallback: str = "person") -> str:
    """A readable NCName ("Lady Bracknell" → "lady-bracknell"; Unicode letters are kept)."""
    text = (
        unicodedata.normalize("NFKC", value)
        .casefold()
        .replace("’", "")
        .replace("'", "")
        .replace(".", " ")
    )
    text = re.sub(r"[^\w.-]+", "-", text).strip("-.")
    text = re.sub(r"-{2,}", "-", text)
    if not text or not (text[0].isalpha() or text[0] == "_"):
        text = f"{fallback}-{text}" if text else fallback
    return text


def _restore(key: str, shown: str) -> str:
    return " ".join(
        w.capitalize() if w not in ("of", "the", "de", "von", "van") else w for w in key.split()
    )


def _has_title(key: str) -> bool:
    return any(
        w in TITLES or w in ("miss", "lady", "lord", "sir", "madam", "madame") for w in key.split()
    )


def _is_group(key: str) -> bool:
    words = key.split()
    if key in GROUP_WORDS or (words and words[0] in _GROUP_FIRST and len(words) > 1):
        return True
    if len(words) >= 2 and words[0] == "the" and (words[-1] in GROUP_WORDS or _plural(words[-1])):
        return True
    return False


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _glued_initial(key: str, multis: list[str]) -> str:
    """The one full label an initial glued to a name abbreviates ("k.iohn", "k.io" → "king
    iohn"): the initial begins its first word, the rest begins its second."""
    initial, dot, rest = key.partition(".")
    if not dot or len(initial) != 1 or len(rest) < 2 or "." in rest:
        return ""
    pairs = [(m, m.split()) for m in multis]
    matches = [
        m
        for m, words in pairs
        if len(words) == 2 and words[0].startswith(initial) and words[1].startswith(rest)
    ]
    return matches[0] if len(matches) == 1 else ""


def _names_author(key: str, author: str) -> bool:
    author_words = name_key(author).split()
    words = [w for w in key.split() if w not in TITLES and w != "comrade"]
    if not author_words or not words:
        return False
    if all(w in author_words for w in words) and words[-1] == author_words[-1]:
        return True
    return len(words) == 1 and len(words[0]) >= 2 and words[0] == _initials(author).casefold()


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w’'-]*", name) if w[0].isupper())


def _is_initials(shown: str) -> bool:
    s = shown.strip()
    return 2 <= len(s) <= 4 and s.isalpha() and s.isupper()


def _name_runs(text: str) -> list[str]:
    return [m.group(0) for m in _NAME_RUN.finditer(text)]
