"""Plain-language explanation of information sharing under art. 458ter Strafwetboek (Dutch).

The regisseur reads it out or hands it to the family (checklist item ``uitleg-458ter``, guide L546).
Consistent with the guide's legal framework (L76-92) and consent section (L119-145): sharing happens
in a structured casusoverleg between hulpverlening, politie and parket, participants are bound to
secrecy, and consent is sought for the ketenaanpak itself. Pure data, no I/O.
"""

from __future__ import annotations

UITLEG_458TER: str = """\
Informatie delen in de ketenaanpak: wat betekent artikel 458ter?

Hulpverleners, politie en justitie werken in de ketenaanpak samen om het geweld in jullie gezin te \
doen stoppen en te voorkomen dat het opnieuw gebeurt. Daarvoor moeten ze soms informatie met elkaar \
delen. Hier lees je hoe dat gaat.

Veel hulpverleners hebben beroepsgeheim. Dat betekent dat ze niet zomaar mogen doorvertellen wat ze \
over jou weten. Artikel 458ter van het Strafwetboek maakt een uitzondering: in een casusoverleg mogen \
mensen met beroepsgeheim toch informatie delen. Dat mag alleen om de lichamelijke en psychische \
integriteit van mensen te beschermen, dus om jou en je gezin veilig te houden, of om zware misdrijven \
te voorkomen. Zo'n overleg mag er niet zomaar komen: een wet moet het regelen, of de procureur des \
Konings moet er toestemming voor geven. Voor de ketenaanpak zijn de afspraken vastgelegd in een \
protocol.

Aan het casusoverleg nemen diensten deel die met jullie gezin te maken hebben of die kennis hebben \
over geweld in gezinnen: bijvoorbeeld hulpverlening (zoals het CAW, de geestelijke gezondheidszorg of \
het Vertrouwenscentrum Kindermishandeling), de politie, het parket en het justitiehuis. De \
casusregisseur is er ook bij.

Er wordt alleen gedeeld wat nodig is om de situatie goed in te schatten en om samen een plan te maken \
dat werkt. Wat er niet toe doet, blijft binnen de dienst waar je het vertelde.

Wie deelneemt, blijft gebonden aan het beroepsgeheim en belooft geheimhouding. Alles wat in het \
overleg gezegd wordt, is geheim. De deelnemers mogen die informatie alleen gebruiken voor het doel \
van het overleg: de veiligheid in jullie gezin. Wie dat geheim schendt, is strafbaar.

En jullie? Je mag altijd vragen stellen: wie aan het overleg deelneemt, wat er besproken wordt en \
wat er met de afspraken gebeurt. De casusregisseur legt het je graag uit. Voor de casusregie zelf \
vragen we jullie instemming. We starten pas als minstens één volwassene in het gezin ermee instemt. \
Wat jullie zeggen, wensen en nodig hebben, krijgt een plaats in het plan van aanpak.
"""

KERNPUNTEN_458TER: tuple[str, ...] = (
    "Artikel 458ter Strafwetboek laat mensen met beroepsgeheim toe om in een casusoverleg informatie te "
    "delen.",
    "Dat mag alleen om mensen te beschermen (hun lichamelijke en psychische integriteit) of om zware "
    "misdrijven te voorkomen, in een overleg dat een wet regelt of dat de procureur des Konings toestaat.",
    "Aan tafel zitten hulpverlening, politie, parket en justitiehuis, samen met de casusregisseur.",
    "Er wordt alleen gedeeld wat nodig is voor de veiligheid en het plan van aanpak.",
    "Wat gedeeld wordt, blijft geheim en mag alleen voor het doel van het overleg gebruikt worden.",
    "Je mag altijd vragen stellen; voor de casusregie vragen we jullie instemming.",
)
