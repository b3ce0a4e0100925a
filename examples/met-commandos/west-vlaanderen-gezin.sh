#!/bin/sh
# Het voorbeelddossier ../west-vlaanderen-gezin.yaml, opgebouwd met commando's alleen: geen YAML, geen
# teksteditor. Probeer het in een lege, tijdelijke gegevensmap:
#
#   KETENCLI_HOME="$(mktemp -d)" KETENCLI_NU=2026-11-23 sh examples/met-commandos/west-vlaanderen-gezin.sh
#
# De test tests/test_voorbeelden.py speelt dit script af en vergelijkt het resultaat met het voorbeeld.
set -e

# de aanmelding (het dossier krijgt 2026-001 in een lege gegevensmap)
ketencli dossier new --regio ifg-west-vlaanderen --gezin "Vandenberghe – Desmet" --datum 2026-10-06 \
  --aanmelder-organisatie "Politiezone Brugge – dienst slachtofferbejegening" \
  --aanmelder-persoon "inspecteur Nathalie Coppens" \
  --aanmelder-contact "050 55 10 10 – nathalie.coppens@politie-voorbeeld.be" --no-input
ID=2026-001
ketencli dossier aanmelding "$ID" \
  --waarom-nu "Op 29 september greep meneer mevrouw bij de keel en sloeg hij de zoon toen die tussenkwam. Meneer zit sinds 2 oktober in voorlopige hechtenis. Mevrouw en de kinderen zijn erg aangeslagen; bij een vrijlating onder voorwaarden moeten hulp en strafrecht klaarstaan." \
  --geweld-bij-aanvang "Sinds de geboorte van Fien controlerend gedrag van meneer (gsm nakijken, geld beheren), verbale vernederingen en af en toe duwen. Mevrouw meldde dit nooit." \
  --geweld-nu "Ernstig fysiek geweld met poging tot wurging (29 september), eerder al een pv in juni na bedreigingen. Lars (15) werd geslagen toen hij zijn moeder wou beschermen. Fien (8) zag het incident vanuit de trap. Sinds de aanhouding is er geen contact meer geweest." \
  --voornaamste-risicos "Wurging als ernstig signaal van levensgevaar; controlerend gedrag en isolatie van mevrouw; mogelijke vrijlating van meneer zonder afgestemde voorwaarden; alcoholgebruik van meneer; Lars die zich verantwoordelijk voelt voor de veiligheid thuis." \
  --clienten-en-relaties "Mevrouw Evelien Desmet (slachtoffer) en meneer Kristof Vandenberghe (pleger) zijn gehuwd sinds 2009. Kinderen: Lars (15) en Fien (8), beiden wonen bij mevrouw." \
  --wensen-en-noden "Mevrouw wil een veilige thuis en overweegt een scheiding; ze zoekt hulp bij de administratie en de financiën. Lars wil niet dat vader terugkomt en wil erover praten op school. Meneer vraagt via zijn advocaat contact met de kinderen." \
  --betrokken-diensten "Politie (pv's, aanhouding), parket en onderzoeksrechter, CAW (ambulante begeleiding mevrouw), CLB van de school van Lars. In de gevangenis nog geen hulp opgestart." \
  --veiligheidsplan "Nog geen. Mevrouw heeft het nummer van de politie en van 1712; een vriendin in Sint-Kruis kan opvang bieden." \
  --vragen-en-verwachtingen "Afstemming tussen justitie en hulpverlening voor een eventuele vrijlating; aandacht voor beide kinderen; een vast aanspreekpunt voor mevrouw."

# de gezinsleden, hun relaties (de andere kant vult ketencli zelf aan) en de detentie
ketencli dossier lid add "$ID" --naam "Evelien Desmet" --geslacht vrouw --huishouden h1 --rol slachtoffer --geboortedatum 1982-07-30 \
  --notitie "Werkt halftijds als verzorgende. Weinig eigen netwerk door jarenlange isolatie."
ketencli dossier lid add "$ID" --naam "Kristof Vandenberghe" --geslacht man --rol pleger --geboortedatum 1979-01-17 \
  --relatie m1:gehuwd:2009-08-22 --gevangenis brugge --detentie voorlopige-hechtenis --detentie-sinds 2026-10-02 \
  --notitie "Aangehouden op 30 september, aanhoudingsbevel 2 oktober. Alcoholgebruik. Nog niet gehoord door de casusregisseur."
ketencli dossier lid edit "$ID" m1 --relatie "m2:gehuwd:2009-08-22:mevrouw overweegt een scheiding"
ketencli dossier lid add "$ID" --naam "Lars Vandenberghe" --geslacht man --huishouden h1 --rol kind --rol slachtoffer --geboortedatum 2011-05-14 \
  --relatie m1:kind-van --relatie m2:kind-van \
  --notitie "Vierde middelbaar. Geslagen bij het incident van 29 september. Wil praten met de CLB-medewerker."
ketencli dossier lid add "$ID" --naam "Fien Vandenberghe" --geslacht vrouw --huishouden h1 --rol kind --geboortedatum 2018-03-02 \
  --relatie m1:kind-van --relatie m2:kind-van --relatie m3:broer-zus \
  --notitie "Derde leerjaar. Getuige van het geweld; slaapt slecht sinds het incident."
ketencli dossier instemming "$ID" m1 --datum 2026-10-14 \
  --door "aanmelder (politie, dienst slachtofferbejegening) en CAW"

# de betrokken diensten
ketencli dossier dienst add "$ID" --soort politie --naam "Politiezone Brugge – dienst slachtofferbejegening" \
  --contactpersoon "inspecteur Nathalie Coppens" --contact "050 55 10 10" \
  --rol "aanmelder; pv's, verhoor, slachtofferbejegening"
ketencli dossier dienst add "$ID" --soort parket --naam "Parket West-Vlaanderen, afdeling Brugge – referentiemagistraat IFG" \
  --contactpersoon "substituut Pieter Vanhoutte" --contact "050 55 20 20" \
  --rol "strafdossier, vordering bij de raadkamer, voorwaarden bij vrijlating"
ketencli dossier dienst add "$ID" --soort justitiehuis --naam "Justitiehuis Brugge" \
  --contactpersoon "justitieassistent Sofie Lambrecht" --contact "050 55 30 30" \
  --rol "opvolging van voorwaarden als meneer vrijgelaten wordt"
ketencli dossier dienst add "$ID" --soort caw --naam "CAW Noord-West-Vlaanderen – ambulante hulp partnergeweld" \
  --contactpersoon "Griet Maes" --contact "050 55 40 40" \
  --rol "begeleiding mevrouw, veiligheidsplan, administratie en financiën"
ketencli dossier dienst add "$ID" --soort psd --naam "Psychosociale dienst gevangenis Brugge" \
  --contactpersoon "Wim Declercq" --contact "050 55 50 50" --rol "psychosociale opvolging meneer in de gevangenis"
ketencli dossier dienst add "$ID" --soort jww \
  --naam "Justitieel Welzijnswerk CAW Noord-West-Vlaanderen (gevangenis Brugge)" \
  --contactpersoon "Ine Vermeersch" --contact "050 55 60 60" --rol "hulpaanbod aan meneer tijdens de detentie"
ketencli dossier dienst add "$ID" --soort clb --naam "Vrij CLB Brugge" --contactpersoon "Jeroen Decock" \
  --contact "050 55 70 70" --rol "gesprekken met Lars op school; contact met de school van Fien"
ketencli dossier dienst add "$ID" --soort cgg --naam "CGG Noord-West-Vlaanderen – kinder- en jeugdwerking" \
  --contactpersoon "Annelies Vandamme" --contact "050 55 80 80" --rol "traumaverwerking voor Fien (wachtlijst)"

# de tijdlijn
ketencli tijdlijn add "$ID" --soort pv --datum 2026-06-18 --no-input \
  --omschrijving "Pv bedreigingen na een ruzie; mevrouw wou geen klacht doorzetten."
ketencli tijdlijn add "$ID" --soort incident --datum 2026-09-29 --no-input \
  --omschrijving "Poging tot wurging van mevrouw; Lars geslagen bij tussenkomst, Fien getuige."
ketencli tijdlijn add "$ID" --soort pv --datum 2026-09-30 --no-input \
  --omschrijving "Pv opzettelijke slagen en verwondingen, meneer van zijn vrijheid beroofd."
ketencli tijdlijn add "$ID" --soort maatregel --datum 2026-10-02 --no-input \
  --omschrijving "Aanhoudingsbevel door de onderzoeksrechter; voorlopige hechtenis in Brugge."
ketencli tijdlijn add "$ID" --soort melding --datum 2026-10-06 --no-input \
  --omschrijving "Aanmelding bij de Ketenaanpak IFG West-Vlaanderen door de politie."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-10-14 --no-input \
  --omschrijving "CAW-gesprek met mevrouw; uitleg ketenaanpak, instemming gegeven."
ketencli tijdlijn add "$ID" --soort overleg --datum 2026-10-27 --no-input \
  --omschrijving "Overlegtafel – instroom met casusregie."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-11-02 --no-input \
  --omschrijving "Kennismaking casusregisseur met mevrouw, Lars en Fien aan huis."
ketencli tijdlijn add "$ID" --soort maatregel --datum 2026-11-05 --no-input \
  --omschrijving "Raadkamer verlengt de voorlopige hechtenis met een maand."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-11-16 --no-input \
  --omschrijving "Gesprek casusregisseur met Lars op school, samen met de CLB-medewerker."

# de uitkomst van de overlegtafel: instroom met casusregie, de aangestelde regisseur
ketencli dossier ico "$ID" --conclusie ketenaanpak-met-casusregie --datum 2026-10-27 --casusregie-start 2026-11-02 \
  --advies "Instroom met casusregie (CAW Noord-West-Vlaanderen). Veiligheidsplan opmaken met mevrouw en de kinderen vóór een beslissing van de raadkamer. Contact met PSD en JWW van de gevangenis Brugge. Afstemmen met het parket over voorwaarden bij vrijlating." \
  --regisseur-naam "Hannes Verbeke" --regisseur-organisatie "CAW Noord-West-Vlaanderen" \
  --regisseur-contact "050 55 90 90 – hannes.verbeke@caw-voorbeeld.be"
