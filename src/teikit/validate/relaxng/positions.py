"""Exact positions of start-tag and end-tag ends, as jing reports them, computed on demand.

lxml knows the line where an element starts, not where its start tag ends or where its end tag is.
Only files with errors pay for this: one expat pass over the bytes records, per element in
document order, the byte offsets of its start and end tags; line and column (1-based, counted in
characters, pointing just past the '>') are derived from those offsets.
"""

from __future__ import annotations

from xml.parsers import expat


class TagPositions:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts: list[int] = []
        self.ends: list[int] = []
        self._stack: list[int] = []
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self._parser = parser
        try:
            parser.Parse(data, True)
        except expat.ExpatError:
            pass  # positions found so far are still right; lxml already judged well-formedness

    def _start(self, name, attrs) -> None:
        self._stack.append(len(self.starts))
        self.starts.append(self._parser.CurrentByteIndex)
        self.ends.append(-1)

    def _end(self, name) -> None:
        index = self._stack.pop()
        at = self._parser.CurrentByteIndex
        # an empty-element tag <x/> has no end tag of its own: -2 sends us to its start tag
        self.ends[index] = at if self.data[at : at + 2] == b"</" else -2

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
        line = self.data.count(b"\n", 0, offset) + 1
        start = self.data.rfind(b"\n", 0, offset) + 1
        col = len(self.data[start:offset].decode("utf-8", "replace")) + 1
        return line, col

    def start_tag(self, index: int) -> tuple[int, int]:
        if index >= len(self.starts):
            return 0, 0
        return self._line_col(self._tag_end(self.starts[index]))

    def end_tag(self, index: int) -> tuple[int, int]:
        if index >= len(self.ends):
            return 0, 0
        end = self.ends[index]
        if end < 0:
            return self.start_tag(index)
        return self._line_col(self._tag_end(end))
