"""Draft mails (.eml) that open as an unsent message in Outlook or Thunderbird.

Built with the standard ``email`` package: ``X-Unsent: 1`` makes Outlook open the file in compose
mode; From, Date and Message-ID are left out so the mail client fills them in. The subject and the
attachment's file name carry neutral ids only (dossier id, table, session date), never names.
Attachment names are kept ASCII: Outlook shows RFC 2231-encoded names as "Untitled attachment".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

DOCX_SUBTYPE = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def datum_nl(moment: date | datetime) -> str:
    """``maandag 7 december 2026 om 14.00 uur`` (the one Dutch date format of ``render``)."""
    from ketencli import render

    return render.nl_moment(moment)


def ascii_naam(naam: str) -> str:
    """A file name Outlook shows as is: ASCII letters, digits, '-', '_' and '.' only."""
    plat = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii")
    plat = re.sub(r"[^A-Za-z0-9._-]+", "-", plat).strip("-.")
    return plat or "document"


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: bytes
    maintype: str = "application"
    subtype: str = DOCX_SUBTYPE


def schrijf(pad: Path, inhoud: bytes) -> None:
    """Write the draft next to its document: atomically, owner-only (0600)."""
    from ketencli import render

    render.schrijf(pad, inhoud)


def normaliseer_adressen(aan: str) -> str:
    """``a@x.be; b@y.be`` (Outlook's separator) or one per line → ``a@x.be, b@y.be``."""
    return ", ".join(" ".join(deel.split()) for deel in re.split(r"[;\n\r]", aan.replace(",", ";")) if deel.strip())


def bouw(*, aan: str | None, onderwerp: str, tekst: str, bijlagen: tuple[Bijlage, ...] = ()) -> bytes:
    """The draft mail as bytes (CRLF line ends), ready to be written to a .eml file."""
    import email.policy
    from email.message import EmailMessage

    bericht = EmailMessage(policy=email.policy.SMTP)
    bericht["X-Unsent"] = "1"
    ontvangers = normaliseer_adressen(aan or "")
    if ontvangers:
        bericht["To"] = ontvangers
    bericht["Subject"] = _PLAATS  # replaced below by the subject folded here, not by the email package
    bericht.set_content(tekst)
    for bijlage in bijlagen:
        bericht.add_attachment(bijlage.inhoud, maintype=bijlage.maintype, subtype=bijlage.subtype,
                               filename=ascii_naam(bijlage.naam))
    inhoud = bericht.as_bytes(policy=email.policy.SMTP)
    return inhoud.replace(f"Subject: {_PLAATS}\r\n".encode("ascii"), onderwerp_header(onderwerp), 1)


_PLAATS = "ketencli-onderwerp"


def onderwerp_header(onderwerp: str) -> bytes:
    """The Subject header line(s), folded here: Python's email package before 3.13 folds a long
    non-ASCII subject so that the space between two encoded words is lost ("Borgerhout én Wilrijk"
    reads "Borgerhoutén Wilrijk"). An ASCII subject stays on one line; otherwise each encoded word
    (UTF-8, base64, at most 75 characters) carries its own spaces, so every client decodes the same
    text on every Python version (RFC 2047 §6.2: whitespace between encoded words is dropped).
    A line break in the subject becomes a space."""
    import base64

    tekst = " ".join(onderwerp.split())
    if tekst.isascii() and "=?" not in tekst and len(tekst) < 990:  # one line, as typed (RFC 5322: 998)
        return f"Subject: {tekst}\r\n".encode("ascii")
    woorden, stuk = [], ""

    def gecodeerd(deel: str) -> str:
        return "=?utf-8?b?" + base64.b64encode(deel.encode("utf-8")).decode("ascii") + "?="

    for teken in tekst:  # never split a character over two words
        if len(gecodeerd(stuk + teken)) > 75 - (9 if not woorden else 0):
            woorden.append(gecodeerd(stuk))
            stuk = ""
        stuk += teken
    if stuk:
        woorden.append(gecodeerd(stuk))
    return ("Subject: " + "\r\n ".join(woorden) + "\r\n").encode("ascii")


def agendering_onderwerp(dossier_id: str, tafel_naam: str, zitting: datetime, soort_label: str = "") -> str:
    """``Agendering Weegploeg 7/12/2026 - dossier 2026-001 (plan van aanpak)``: ids only, no names."""
    onderwerp = f"Agendering {tafel_naam} {zitting.day}/{zitting.month}/{zitting.year} - dossier {dossier_id}"
    return onderwerp + (f" ({soort_label})" if soort_label else "")


def agendering_tekst(*, dossier_id: str, tafel_naam: str, zitting: datetime, soort_label: str,
                     bijlage: str, vraag: str = "", afzender: str = "") -> str:
    """A short Dutch body. It names the dossier by id only: the document carries the content."""
    regels = [
        "Beste,",
        "",
        f"Graag agendeer ik dossier {dossier_id} voor de zitting van {datum_nl(zitting)} "
        f"({tafel_naam}, {soort_label}).",
        f"In bijlage vind je het voorbereidend document ({bijlage}).",
    ]
    if vraag:
        regels += ["", "Mijn vraag aan de tafel staat in het document."]
    regels += ["", "Met vriendelijke groeten,"]
    if afzender:
        regels.append(afzender)
    return "\n".join(regels) + "\n"
