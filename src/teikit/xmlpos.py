"""Exact positions of start-tag and end-tag ends, as jing reports them, computed on demand.

lxml knows the line where an element starts, not where its start tag ends or where its end tag is.
Only files with errors pay for this: an expat pass over the bytes records, per element in
document order, the byte offsets of its start and end tags; line and column (1-based, counted in
characters, pointing just past the '>') are derived from those offsets. The pass goes only as far
as the errors asked about need: a 2 MB novel whose errors are all in its header is read up to the
header's end.

Text that is not allowed is placed as jing places it: jing (through Xerces) judges character data
chunk by chunk, a chunk ending at a line end or at markup, and reports the error where the first
chunk holding more than whitespace ends.
"""

from __future__ import annotations

from bisect import bisect_left
from xml.parsers import expat

_CHUNK_END = frozenset(b"\n\r<&]")


class TagPositions:
    def __init__(self, data: bytes, chunk: int = 1 << 15) -> None:
        self.data = data
        self._chunk = chunk  # bytes per feed; positions do not depend on it (tests vary it)
        self._fed = 0  # bytes given to expat so far
        self._last_line = (0, 1)  # (offset, its line) of the last position computed
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._stack: list[int] = []
        self.tags: list[int] = []  # offsets of every start and end tag, in document order
        self.texts: list[int] = []  # offsets of character data chunks holding more than whitespace
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        self._parser = parser

    def _read_until(self, known) -> None:
        """Feed expat until ``known()`` holds or the document is exhausted. Events arrive in
        document order, so once a tag is recorded every tag and text chunk before it is too."""
        data = self.data
        while not known() and self._fed < len(data):
            start = self._fed
            self._fed = min(len(data), start + self._chunk)
            try:
                self._parser.Parse(data[start : self._fed], self._fed == len(data))
            except expat.ExpatError:
                # positions found so far are still right; lxml already judged well-formedness
                self._fed = len(data)

    def _started(self, index: int) -> None:
        self._read_until(lambda: index < len(self.starts))

    def _ended(self, index: int) -> None:
        self._read_until(lambda: index < len(self.ends) and self.ends[index] != -1)

    def _start(self, name, attrs) -> None:
        self._stack.append(len(self.starts))
        self.starts.append(self._parser.CurrentByteIndex)
        self.tags.append(self._parser.CurrentByteIndex)
        self.ends.append(-1)

    def _end(self, name) -> None:
        index = self._stack.pop()
        at = self._parser.CurrentByteIndex
        self.tags.append(at)
        # an empty-element tag <x/> has no end tag of its own: -2 sends us to its start tag
        self.ends[index] = at if self.data[at : at + 2] == b"</" else -2

    def _text(self, data: str) -> None:
        if not data.isspace():
            self.texts.append(self._parser.CurrentByteIndex)

    def _tag_end(self, offset: int) -> int:
        """Offset just past the '>' that closes the tag starting at offset."""
        data = self.data
        quote = 0
        i = offset
        n = len(data)
        while i < n:
            c = data[i]
            if quote:
                if c == quote:
                    quote = 0
            elif c in (0x22, 0x27):
                quote = c
            elif c == 0x3E:
                return i + 1
            i += 1
        return n

    def _line_col(self, offset: int) -> tuple[int, int]:
        # errors come mostly in document order: count lines on from the last answer
        last, lines = self._last_line
        if offset < last:
            last, lines = 0, 1
        line = lines + self.data.count(b"\n", last, offset)
        self._last_line = (offset, line)
        start = self.data.rfind(b"\n", 0, offset) + 1
        col = len(self.data[start:offset].decode("utf-8", "replace")) + 1
        return line, col

    def start_tag(self, index: int) -> tuple[int, int]:
        self._started(index)
        if index >= len(self.starts):
            return 0, 0
        return self._line_col(self._tag_end(self.starts[index]))

    def end_tag(self, index: int) -> tuple[int, int]:
        self._ended(index)
        if index >= len(self.ends):
            return 0, 0
        end = self.ends[index]
        if end < 0:
            return self.start_tag(index)
        return self._line_col(self._tag_end(end))

    def text_before(self, index: int, at_end: bool) -> tuple[int, int]:
        """Where jing reports text not allowed that ends at element ``index``'s start tag (or at
        its end tag, with ``at_end``): the end of the first chunk of that text with more than
        whitespace; the tag's own position when no such chunk is found."""
        if at_end:
            self._ended(index)
        else:
            self._started(index)
        offsets = self.ends if at_end else self.starts
        if index >= len(offsets) or offsets[index] < 0:
            return self.end_tag(index) if at_end else self.start_tag(index)
        tag = offsets[index]
        previous = self.tags[bisect_left(self.tags, tag) - 1] if bisect_left(self.tags, tag) else 0
        k = bisect_left(self.texts, previous)  # text may start right after an empty-element tag
        if k >= len(self.texts) or self.texts[k] >= tag:
            return self.end_tag(index) if at_end else self.start_tag(index)
        return self._line_col(self._chunk_end(self.texts[k]))

    def _chunk_end(self, offset: int) -> int:
        data = self.data
        if data[offset : offset + 1] == b"&":  # a character or entity reference is its own chunk
            semicolon = data.find(b";", offset)
            return semicolon + 1 if semicolon > 0 else offset
        i = offset
        n = len(data)
        while i < n and data[i] not in _CHUNK_END:
            i += 1
        return i
