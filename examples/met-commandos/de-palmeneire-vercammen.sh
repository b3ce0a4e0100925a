#!/bin/sh
# Het uitgewerkte voorbeeld van de gids (../de-palmeneire-vercammen.yaml), opgebouwd met commando's
# alleen: geen YAML, geen teksteditor. Probeer het in een lege, tijdelijke gegevensmap:
#
#   KETENCLI_HOME="$(mktemp -d)" KETENCLI_NU=2026-11-23 sh examples/met-commandos/de-palmeneire-vercammen.sh
#
# De test tests/test_voorbeelden.py speelt dit script af en vergelijkt het resultaat met het voorbeeld.
set -e

# de aanmelding (het dossier krijgt 2026-001 in een lege gegevensmap)
ketencli dossier new --regio co3-antwerpen --gezin "De Palmeneire – Vercammen" --datum 2026-08-20 \
  --aanmelder-organisatie "CAW Antwerpen – Team Tijdelijk Huisverbod" \
  --aanmelder-persoon "Lotte Verhaegen, trajectbegeleider THV" \
  --aanmelder-contact "03 555 12 34 – lotte.verhaegen@caw-voorbeeld.be" --no-input
ID=2026-001
ketencli dossier aanmelding "$ID" \
  --waarom-nu "Na een zwaar incident op 9 augustus legde de procureur des Konings een tijdelijk huisverbod op aan meneer. Het geweld neemt toe in ernst en er lopen meerdere pv's. Het huisverbod loopt af; er is nood aan een afgestemde aanpak van hulp en strafrecht voor het hele gezin voor meneer terugkeert." \
  --geweld-bij-aanvang "Al langer ruzies tussen de ouders, telkens over de opvoeding van Noor: verbaal geweld, duwen en trekken. Eerste pv in december 2025 (slagen, geen werkonbekwaamheid)." \
  --geweld-nu "Het geweld escaleert: in mei 2026 een tweede pv, op 9 augustus slaat meneer mevrouw in het gezicht en gooit hij een stoel; Noor was erbij. Mevrouw stond toen onder invloed van alcohol. Tijdelijk huisverbod sinds 10 augustus, meneer verblijft bij een vriend." \
  --voornaamste-risicos "Escalatie van fysiek geweld; gebrekkige zelfbeheersing van meneer; cannabisgebruik (meneer) en verhoogd alcoholgebruik (mevrouw, na het overlijden van haar moeder); werkloosheid en geldzorgen; Noor is herhaaldelijk getuige en voelt zich schuldig." \
  --clienten-en-relaties "Meneer Malik De Palmeneire (pleger) en mevrouw Sofie Vercammen (slachtoffer) zijn al twaalf jaar een koppel; hun dochter Noor (10) woont bij hen. De zussen van mevrouw steunen haar maar botsen vaak met meneer." \
  --wensen-en-noden "Mevrouw wil dat het geweld stopt en het gezin samenblijft; ze wil hulp bij de rouw om haar moeder. Meneer wil terug naar huis, werk vinden en beter Nederlands leren; hij erkent \"soms te kwaad te worden\". Beide ouders verschillen van visie op de opvoeding." \
  --betrokken-diensten "Politie (twee pv's, THV), parket (dossier slagen en verwondingen), CAW Team THV (trajectbegeleiding), huisarts van mevrouw, zorgleerkracht op school. Meneer is aangemeld bij Vagga Time Out. Nog geen hulp voor Noor buiten de school." \
  --veiligheidsplan "Informeel: mevrouw gaat met Noor naar haar zus als ze escalatie vreest. Nog niet uitgeschreven of met de school afgesproken." \
  --vragen-en-verwachtingen "Een casusregisseur die de trajecten van beide ouders en van Noor op elkaar afstemt en de justitiële voorwaarden helpt afstemmen op de hulpverlening."

# de gezinsleden en hun relaties (de andere kant vult ketencli zelf aan)
ketencli dossier lid add "$ID" --naam "Malik De Palmeneire" --geslacht man \
  --rol pleger \
  --geboortedatum 1986-02-11 \
  --notitie "Werkloos, beperkte kennis van het Nederlands. Cannabisgebruik. Verblijft tijdens het huisverbod bij een vriend in Borgerhout."
ketencli dossier lid add "$ID" --naam "Sofie Vercammen" --geslacht vrouw --huishouden h1 \
  --rol slachtoffer \
  --geboortedatum 1989-09-23 \
  --relatie m1:partner:2014-06-01 \
  --notitie "Moeder overleden in maart 2026; sindsdien meer alcoholgebruik. Twee zussen in het netwerk, één van hen is haar vluchtadres in het veiligheidsplan."
ketencli dossier lid add "$ID" --naam "Noor De Palmeneire" --geslacht vrouw --huishouden h1 \
  --rol kind \
  --geboortedatum 2016-04-19 \
  --relatie m1:kind-van \
  --relatie m2:kind-van \
  --notitie "Vijfde leerjaar. Goede band met de zorgleerkracht. Voelt zich schuldig omdat de ruzies over haar opvoeding gaan."
ketencli dossier instemming "$ID" m1 --datum 2026-09-10 --door "casusregisseur (gesprek met tolk)"
ketencli dossier instemming "$ID" m2 --datum 2026-08-19 --door "aanmelder (trajectbegeleider CAW Team THV)"

# de betrokken diensten
ketencli dossier dienst add "$ID" --soort politie --naam "Politiezone Antwerpen – wijkteam Borgerhout" \
  --contactpersoon "inspecteur Jonas Peeters" --contact "03 555 20 00" --rol "pv's, tijdelijk huisverbod, controle huisverbod"
ketencli dossier dienst add "$ID" --soort parket --naam "Parket Antwerpen – sectie intrafamiliaal geweld" \
  --contactpersoon "CO3-criminoloog Ellen Wouters" --contact "03 555 30 00" --rol "strafdossier, justitiële voorwaarden op maat adviseren bij nieuwe pv's"
ketencli dossier dienst add "$ID" --soort justitiehuis --naam "Justitiehuis Antwerpen" \
  --contactpersoon "justitieassistent Tom Janssens" --contact "03 555 40 00" --rol "opvolging voorwaarden van meneer"
ketencli dossier dienst add "$ID" --soort caw --naam "CAW Antwerpen – Team Tijdelijk Huisverbod" \
  --contactpersoon "Lotte Verhaegen" --contact "03 555 12 34" --rol "trajectbegeleiding bij tijdelijk huisverbod (aanmelder), toeleiding opvoedingswinkel"
ketencli dossier dienst add "$ID" --soort cgg --naam "Vagga Time Out" \
  --contactpersoon "Pieter Claes" --contact "03 555 50 00" --rol "aanpak agressieproblematiek meneer; later eventueel koppelgesprekken"
ketencli dossier dienst add "$ID" --soort ander --naam "Kwadraat" \
  --contactpersoon "Hanne De Smet" --contact "03 555 60 00" --rol "laagdrempelige opvoedingsondersteuning, nadruk op de rol van vader"
ketencli dossier dienst add "$ID" --soort slachtofferhulp --naam "Slachtofferhulp CAW Antwerpen" \
  --contactpersoon "An Mertens" --contact "03 555 70 00" --rol "veiligheidsplan mevrouw opmaken en opvolgen"
ketencli dossier dienst add "$ID" --soort huisarts --naam "Huisartsenpraktijk Zuid" \
  --contactpersoon "dr. Karel Goossens" --contact "03 555 80 00" --rol "huisarts van mevrouw; rouw en alcoholgebruik bespreekbaar maken"
ketencli dossier dienst add "$ID" --soort ocmw --naam "OCMW Antwerpen – Sociaal Centrum Borgerhout" \
  --contactpersoon "maatschappelijk werker Yasmine El Amrani" --contact "03 555 90 00" --rol "toeleiding VDAB en Nederlandse les (meneer), toeleiding Project Vagga (mevrouw)"
ketencli dossier dienst add "$ID" --soort clb --naam "Vrij CLB Antwerpen en zorgleerkracht basisschool De Regenboog" \
  --contactpersoon "zorgleerkracht Els Van Dyck" --contact "03 555 11 11" --rol "steunfiguur voor Noor, regelmatige gesprekken op school"
ketencli dossier dienst add "$ID" --soort ander --naam "Eerstelijnspsycholoog (1 gezin 1 plan)" \
  --contactpersoon "Sarah Vermeulen" --contact "03 555 22 22" --rol "laagdrempelige verwerking van het geweld voor Noor"
ketencli dossier dienst add "$ID" --soort ander --naam "Family Justice Center Antwerpen – kinderpsycholoog" \
  --contactpersoon "Bart Hermans" --contact "03 555 33 33" --rol "psycho-educatie voor de ouders over de gevolgen van geweld (met tolk)"

# de tijdlijn
ketencli tijdlijn add "$ID" --soort incident --datum 2025-12-14 --no-input \
  --omschrijving "Ruzie over de opvoeding, meneer slaat mevrouw; Noor aanwezig."
ketencli tijdlijn add "$ID" --soort pv --datum 2025-12-14 --no-input \
  --omschrijving "Eerste pv slagen en verwondingen binnen het gezin (politie Antwerpen)."
ketencli tijdlijn add "$ID" --soort ander --datum 2026-03-08 --no-input \
  --omschrijving "Moeder van mevrouw overleden."
ketencli tijdlijn add "$ID" --soort pv --datum 2026-05-22 --no-input \
  --omschrijving "Tweede pv na duwen en bedreigingen; zus van mevrouw verwittigde de politie."
ketencli tijdlijn add "$ID" --soort incident --datum 2026-08-09 --no-input \
  --omschrijving "Escalatie, slag in het gezicht en stoel gegooid; mevrouw onder invloed."
ketencli tijdlijn add "$ID" --soort maatregel --datum 2026-08-10 --no-input \
  --omschrijving "Tijdelijk huisverbod voor meneer opgelegd door de procureur des Konings."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-08-11 --no-input \
  --omschrijving "Eerste gesprekken CAW Team THV met meneer en met mevrouw."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-08-20 --no-input \
  --omschrijving "Aanmelding bij CO3 door CAW Team THV."
ketencli tijdlijn add "$ID" --soort overleg --datum 2026-08-28 --no-input \
  --omschrijving "Verkennend casusoverleg (ICO) – instroom met casusregie."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-09-07 --no-input \
  --omschrijving "Kennismaking casusregisseur met mevrouw; veiligheidsplan afgesproken."
ketencli tijdlijn add "$ID" --soort contact --datum 2026-09-10 --no-input \
  --omschrijving "Gesprek casusregisseur met meneer (met tolk); instemming gegeven."

# de uitkomst van het ICO: instroom met casusregie, de aangestelde regisseur
ketencli dossier ico "$ID" --conclusie ketenaanpak-met-casusregie --datum 2026-08-28 --casusregie-start 2026-09-07 \
  --advies "Instroom in de ketenaanpak met casusregie (CAW Antwerpen). Veiligheidsplan uitschrijven met mevrouw en Slachtofferhulp; parket vraagt prioriteit bij het Justitiehuis voor voorwaarden (agressie, druggebruik, activering). Aandacht voor Noor via school en CLB." \
  --regisseur-naam "Katrien Dewulf" --regisseur-organisatie "CAW Antwerpen" \
  --regisseur-contact "03 555 44 44 – katrien.dewulf@caw-voorbeeld.be"

# het kijkschema bij instroom
ketencli kijkschema invullen "$ID" --datum 2026-09-14 --door "Katrien Dewulf (casusregisseur)" --no-input \
  --factor "geweld-eerder=aanwezig@m1:Eerdere pv's in 2025 en 2026." \
  --factor "geweld-escalatie=aanwezig@m1:Het geweld nam toe in ernst." \
  --factor "geweld-angst=aanwezig@m2" \
  --factor "geweld-veiligheidsplan=aanwezig@m2:Vrouw kan naar haar zus." \
  --factor "individu-middelenmisbruik=aanwezig@m1,m2:Cannabis (man), alcohol (vrouw)." \
  --factor "individu-stressfactoren=aanwezig@m1,m2:Werkloosheid (man), rouw (vrouw)." \
  --factor "interactie-communicatie=niet-aanwezig" \
  --factor "prof-geen-steun=aanwezig@m1,m2:Geen kennis van het aanbod, taal." \
  --factor "sociaal-steun-inadequaat=aanwezig@m1,m2" \
  --factor "kind-slachtoffer-getuige=aanwezig@m3" \
  --factor "kind-steun-omgeving=aanwezig@m3:Goede band met de zorgleerkracht." \
  --factor "kind-vaardigheden=onbekend@m3"

# het kijkschema (update)
ketencli kijkschema invullen "$ID" --datum 2026-11-16 --door "Katrien Dewulf (casusregisseur)" --no-input \
  --factor "geweld-eerder=aanwezig@m1" \
  --factor "geweld-escalatie=niet-aanwezig:Geen nieuwe incidenten sinds het huisverbod." \
  --factor "geweld-angst=aanwezig@m2" \
  --factor "geweld-veiligheidsplan=aanwezig@m2" \
  --factor "individu-middelenmisbruik=aanwezig@m1,m2" \
  --factor "individu-stressfactoren=aanwezig@m2:Man volgt Nederlandse les en is bij VDAB." \
  --factor "interactie-communicatie=aanwezig@m1,m2:Ze praten over hun verschillen in opvoeding." \
  --factor "prof-geen-steun=aanwezig@m1,m2" \
  --factor "sociaal-steun-inadequaat=aanwezig@m1,m2" \
  --factor "kind-slachtoffer-getuige=aanwezig@m3" \
  --factor "kind-steun-omgeving=aanwezig@m3" \
  --factor "kind-vaardigheden=onbekend@m3"

# het plan van aanpak (het plan is opgemaakt op de dag van zijn eerste rij)
KETENCLI_NU=2026-09-21T10:00 ketencli pva rij add "$ID" --factor geweld-eerder \
  --domein geweld \
  --soort risico \
  --bij-wie m1 \
  --noden "Verschil in visie over opvoedingsnormen leidt tot ruzies." \
  --aanpak "Laagdrempelige aanpak met nadruk op de rol van vader in de opvoeding."
ketencli pva actie add "$ID" r1 --omschrijving "Opvoedingsondersteuning" \
  --begeleiding "d6" \
  --stavaza "gepland"
ketencli pva rij add "$ID" --factor geweld-escalatie \
  --domein geweld \
  --soort risico \
  --bij-wie m1 \
  --noden "Gebrekkige beheersingsvaardigheden." \
  --aanpak "Justitieel opgelegd traject om de toeleiding van vader te helpen realiseren. Tijdelijk rust brengen."
ketencli pva actie add "$ID" r2 --omschrijving "Aanpak agressieproblematiek" \
  --begeleiding "d5" \
  --stavaza "aangemeld"
ketencli pva actie add "$ID" r2 --omschrijving "Tijdelijk huisverbod" \
  --begeleiding "d3" \
  --stavaza "gestart" \
  --toelichting "Parket en justitiehuis."
ketencli pva rij add "$ID" --factor geweld-veiligheidsplan \
  --domein geweld \
  --soort beschermend \
  --bij-wie m2 \
  --noden "Vrouw kan zichzelf in veiligheid brengen in geval van een incident." \
  --aanpak "Vrouw vertrekt naar haar zus bij vrees voor escalatie."
ketencli pva actie add "$ID" r3 --omschrijving "Opvolgen of het plan blijft 'werken'" \
  --begeleiding "d7" \
  --stavaza "lopend"
ketencli pva rij add "$ID" --factor individu-middelenmisbruik \
  --domein individu \
  --soort risico \
  --bij-wie m1 \
  --noden "Verstoord functioneren door cannabisgebruik: man komt niet tot actie door overmatig gebruik." \
  --aanpak "Justitiële voorwaarden voor aanpak van het druggebruik en activering."
ketencli pva actie add "$ID" r4 --omschrijving "Bij nieuwe pv's justitiële voorwaarden op maat adviseren" \
  --begeleiding "d2" \
  --stavaza "gepland" \
  --toelichting "CO3-criminoloog."
ketencli pva rij add "$ID" --factor individu-middelenmisbruik \
  --domein individu \
  --soort risico \
  --bij-wie m2 \
  --noden "Geweld onder invloed van alcohol: verhoogd alcoholgebruik na het overlijden van haar moeder." \
  --aanpak "Gebruik bespreekbaar stellen en de invloed op het geweld transparant maken."
ketencli pva actie add "$ID" r5 --omschrijving "Laagdrempelige hulpverlening met oog op het bespreken van de link tussen alcohol en geweld" \
  --begeleiding "d9" \
  --stavaza "prior" \
  --toelichting "Project Vagga via OCMW?"
ketencli pva rij add "$ID" --factor individu-stressfactoren \
  --domein individu \
  --soort risico \
  --bij-wie m2 \
  --noden "Moeilijkheden in het verwerken van het overlijden van haar moeder." \
  --aanpak "Ondersteuning bij rouwverwerking of verbeteren van zelfzorg."
ketencli pva actie add "$ID" r6 --omschrijving "Bespreken van moeilijkheden bij de verwerking" \
  --begeleiding "d8" \
  --stavaza "gepland" \
  --plan-b "Ondersteuning bij rouwverwerking via Project Vagga (OCMW)."
ketencli pva rij add "$ID" --factor individu-stressfactoren \
  --domein individu \
  --soort risico \
  --bij-wie m1 \
  --noden "Man heeft geen werk of inkomen, wat leidt tot frustratie en agressie." \
  --aanpak "Ondersteuning bij toeleiding naar werk. Kennis van het Nederlands vergroten met oog op jobkansen."
ketencli pva actie add "$ID" r7 --omschrijving "Toeleiden naar VDAB" \
  --begeleiding "d9" \
  --stavaza "afgerond"
ketencli pva actie add "$ID" r7 --omschrijving "Toeleiden naar Nederlandse les" \
  --begeleiding "d9" \
  --stavaza "afgerond"
ketencli pva rij add "$ID" --factor interactie-communicatie \
  --domein interactie \
  --soort beschermend \
  --bij-wie m1,m2 \
  --noden "Hebben geleerd om te praten over verschillen in visie op opvoeding: vrouw wil meer opvoeden volgens de normen in België, man wil een tussenweg." \
  --aanpak "Dialoog tussen het koppel: ze geven aan dit zelf te willen doen en geen nood meer te hebben aan externe ondersteuning."
ketencli pva actie add "$ID" r8 --omschrijving "Toeleiden naar de opvoedingswinkel" \
  --begeleiding "d4" \
  --stavaza "gepland"
ketencli pva actie add "$ID" r8 --omschrijving "Eerst bij het koppel zelf laten" \
  --begeleiding "d5" \
  --stavaza "lopend" \
  --plan-b "Indien opnieuw communicatieproblemen: bespreken met vader en Vagga om uit te breiden naar koppeltherapie."
ketencli pva rij add "$ID" --factor prof-geen-steun \
  --domein professionele-ondersteuning \
  --soort risico \
  --bij-wie m1,m2 \
  --noden "Geen kennis van gepast aanbod en gebrekkige taalkennis van de man." \
  --aanpak "Door een aanklampende aanpak laten aanhaken bij de hulpverlening."
ketencli pva actie add "$ID" r9 --omschrijving "Trajectbegeleiding bij tijdelijk huisverbod" \
  --begeleiding "d4" \
  --stavaza "prior"
ketencli pva rij add "$ID" --factor sociaal-steun-inadequaat \
  --domein sociale-ondersteuning \
  --soort risico \
  --bij-wie m1,m2 \
  --noden "De zussen zijn ondersteunend voor moeder en hebben een rol in het veiligheidsplan, maar zijn ook een trigger in ruzies door hun moeilijke relatie met vader." \
  --aanpak "Verstandhouding tussen de zussen en vader verbeteren. Werken naar een 'aparte' relatie tussen moeder en haar zussen."
ketencli pva actie add "$ID" r10 --omschrijving "Familietherapie of bemiddeling?" \
  --begeleiding "d9" \
  --stavaza "gepland" \
  --plan-b "Bespreekbaar stellen met CAW of Moderator."
ketencli pva rij add "$ID" --factor kind-slachtoffer-getuige \
  --domein kind \
  --soort risico \
  --bij-wie m3 \
  --noden "Het kind is vaak getuige van geweld en kampt met schuldgevoel, omdat de ruzies starten met een discussie over de opvoeding." \
  --aanpak "'Ontschuldigen' door de steunfiguur van het kind: goede band met de zorgleerkracht op school. Verwerking van het geweld. Psycho-educatie over de gevolgen van geweld voor de ouders."
ketencli pva actie add "$ID" r11 --omschrijving "Regelmatige gesprekken over de thuissituatie en de gevoelens hierrond bij het kind" \
  --begeleiding "d10" \
  --stavaza "lopend"
ketencli pva actie add "$ID" r11 --omschrijving "Laagdrempelige hulp" \
  --begeleiding "d11" \
  --stavaza "gepland"
ketencli pva actie add "$ID" r11 --omschrijving "Oudergroep is momenteel geen optie (Nederlands van vader nog onvoldoende); mogelijk alternatief: gesprek samen met kinderpsycholoog en tolk" \
  --begeleiding "d12" \
  --stavaza "gepland"
ketencli pva doel add "$ID" --tekst "Er is geen nieuw fysiek geweld tussen de ouders." \
  --bij-wie m1,m2 \
  --domein geweld \
  --streefdatum 2027-03-01
ketencli pva doel add "$ID" --tekst "Noor voelt zich niet langer schuldig aan de ruzies en kan erover praten met haar zorgleerkracht." \
  --bij-wie m3 \
  --domein kind
