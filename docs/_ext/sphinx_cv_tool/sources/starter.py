"""A starter CV for a new owner (``python -m sphinx_cv_tool new "Ada Lovelace"``): one example of each thing to write.

Each page holds one example entry that shows the options an entry of its kind
takes; the text says what to put there, and ``example.org`` stands for your links.
"""

from __future__ import annotations

from .document import GROUPS_BY_TYPE, Document, Entry, Highlight, Line, Markup, Paragraphs, Publication, Section

__all__ = ["starter"]

#: The example cover letter (``nox -s letter -- example``).
EXAMPLE_LETTER = """\
:::{cv-letter}
---
to: |
  Name of the Recipient
  Department
  University or Company
  City, Country
subject: Application for the position of Position Title
salutation: Dear Name of the Recipient,
closing: Yours sincerely,
---
Why you write, and for which position. Your name and contact line head the letter as they head
your CV; the date is that of your last change, unless `date:` gives one.

What you bring to the position: your research, your teaching, what you would do there.

Letters are private: no website, EPUB or JSON Resume shows this folder. To keep them out of a
public repository, add `docs/letters/` to `.gitignore`.
:::
"""


def starter(name: str) -> Document:
    """The starter CV of ``name``."""
    publications = Section("Publications", publications=True, groups=list(GROUPS_BY_TYPE))
    return Document(
        name=name,
        letters={"example.md": EXAMPLE_LETTER},
        summary=[Markup("Your position and your field, in a sentence: it opens the website and the PDF.")],
        overview=True,
        sections=[
            Section(
                "Education",
                items=[
                    Entry(
                        title=Markup("Degree in *Your Subject*"),
                        org="University Name",
                        dates="2019 – 2023",
                        location="City, Country",
                        tags=["overview", "short"],
                        paragraphs=[Markup("Thesis: *Its Title*, supervised by Its Supervisor.")],
                    )
                ],
            ),
            Section(
                "Experience",
                items=[
                    Entry(
                        title="Position Title",
                        org="Organisation Name",
                        dates="Sep 2023 – Present",
                        location="City, Country",
                        url="https://example.org/",
                        tags=["overview", "short"],
                        paragraphs=[
                            Markup(
                                "One or two sentences on what you do there. Dates may be a year, `Mar 2023`, "
                                "`Fall 2023` or `2023-03`; a range ends with `Present` while it lasts."
                            )
                        ],
                        highlights=[Highlight("An achievement, as a bullet point"), Highlight("Another one")],
                    )
                ],
            ),
            publications,
            Section("Invited Talks", items=[Entry(title="Title of the Talk", org="Event or Seminar", dates="2024")]),
            Section(
                "Awards",
                items=[
                    Entry(
                        title="Name of the Prize",
                        org="Who Awarded It",
                        dates="2022",
                        paragraphs=["What it was for."],
                    )
                ],
            ),
            Section(
                "Service",
                items=[
                    Entry(
                        title="Reviewer",
                        org="Journal or Conference Name",
                        dates="2021 – Present",
                    )
                ],
            ),
            Section(
                "Skills",
                items=[
                    Line("Programming", "Python, R, C++", level="Expert"),
                    Line("Languages", "English (native), French (fluent)"),
                ],
            ),
            Section(
                "Teaching",
                items=[
                    Paragraphs([Markup("Free text works too: any Markdown, such as a list of courses you taught.")])
                ],
            ),
        ],
        publications=[
            Publication(
                key="example2024",
                type="article",
                fields={"title": "Title of Your Paper", "journal": "Journal Name", "year": "2024"},
                authors=[name, "A. Coauthor"],
                section=publications,
            )
        ],
    )
