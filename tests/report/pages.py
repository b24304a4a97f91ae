"""Reading a rendered report back the way a person reads it: the text of its tables, by year section."""

from __future__ import annotations

from html.parser import HTMLParser

import attrs


@attrs.define
class YearSection:
    """One ``<section class="year">``: its project, agreement year and calendar year, its heading and the
    cell texts of its tables."""

    project: str
    year: int
    calendar_year: int
    heading: str = ""
    tables: list[list[list[str]]] = attrs.Factory(list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sections: list[YearSection] = []
        self.cell: list[str] | None = None
        self.in_heading = False
        self.inside = False  # inside a year section (which holds no other section)

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        found = dict(attrs_)
        if tag == "section" and found.get("class") == "year":
            self.sections.append(
                YearSection(
                    str(found["data-project"]),
                    int(str(found["data-year"])),
                    int(str(found["data-calendar-year"])),
                )
            )
            self.inside = True
        elif not self.inside:
            return
        elif tag == "h4":
            self.in_heading = True
        elif tag == "table":
            self.sections[-1].tables.append([])
        elif tag == "tr":
            self.sections[-1].tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "span" and self.cell is not None:
            self.cell.append("\n")  # an id or the English under a name

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.inside = False
        elif tag == "h4":
            self.in_heading = False
        elif tag in ("td", "th") and self.cell is not None:
            self.sections[-1].tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.in_heading:
            self.sections[-1].heading += data


def year_sections(html: str) -> list[YearSection]:
    """Every year section of the allocation, in page order."""
    reader = _Reader()
    reader.feed(html)
    return reader.sections
