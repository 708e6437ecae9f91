"""The PDF's accent colour on the website: links and the timeline, in both themes, light and dark.

The accent (``cv_pdf_options["accent"]``) becomes the themes' brand and link colours, made
lighter for a dark background and darker for a light one wherever it would read at less than
WCAG's 4.5:1 against the page. Pure Python: ``stylesheets.py`` writes the style sheet.
"""

from __future__ import annotations

#: The darkest of the themes' light surfaces (sidebars, header) and the lightest of their dark ones (pydata's header).
LIGHT_BACKGROUND = "EBEDEF"
DARK_BACKGROUND = "222832"
READABLE = 4.5


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _luminance(colour: str) -> float:
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _channels(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two ``RRGGBB`` colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(accent: str, background: str) -> str:
    """``accent``, mixed towards white (on a dark background) or black (on a light one) until it reads on it."""
    towards = 255 if _luminance(background) < 0.5 else 0
    colour = accent
    for step in range(1, 21):
        if contrast(colour, background) >= READABLE:
            break
        colour = "".join(f"{round(c + (towards - c) * step / 20):02X}" for c in _channels(accent))
    return colour


def accent_css(accent: str) -> str:
    """A style sheet that sets the brand and link colours of furo and pydata-sphinx-theme to ``accent``."""
    light, dark = readable(accent, LIGHT_BACKGROUND), readable(accent, DARK_BACKGROUND)

    def colours(colour: str) -> str:
        names = ("--color-brand-primary", "--color-brand-content", "--pst-color-primary", "--pst-color-link")
        return " ".join(f"{name}: #{colour};" for name in names)

    return (
        f"html body {{ {colours(light)} }}\n"
        f'@media (prefers-color-scheme: dark) {{ html body:not([data-theme="light"]) {{ {colours(dark)} }} }}\n'
        f'html body[data-theme="dark"], html[data-theme="dark"] body {{ {colours(dark)} }}\n'
        f'html[data-theme="light"] body {{ {colours(light)} }}\n'
    )
