# SPDX-License-Identifier: EUPL-1.2
"""What the instrumentenwijzer listens for: Dutch cue phrases, grouped by what they reveal.

(Named `cues`, not `signals`, because `signals.py` in a Django app means Django signals.)

A *form* is one thing a text can reveal about the member's need, with a Dutch description that
completes the sentence "De tekst ...", and the instruments it points to. Its *cues* are
regular expressions over the normalised text (`text.normalise`: lower case, no accents), so
compounds match too ("raadsenquete", "fractiebudget"). The need-to-instrument mapping follows
the handreiking's table "Praktijkvoorbeeld: wanneer gebruik je welk instrument?" and the
toolkit's "Ken je instrumenten"; the weights were set by hand and checked on the development
half of the evaluation set only.
"""

import re
from dataclasses import dataclass

_COLLEGE = (
    r"(?:het college|college van b(?:&| en )w|b&w|de wethouder|wethouder|de burgemeester"
    r"|portefeuillehouder|collegeleden)"
)
_DECISION = (
    r"(?:raadsvoorstel|voorstel|besluit|ontwerpbesluit|conceptbesluit|raadsbesluit|beslispunt|"
    r"besluitpunt|dictum|\w*verordening|ontwerpverordening|conceptverordening|begroting|artikel"
    r"|nota|beleidsplan|bestemmingsplan)"
)
_CHANGE = (
    r"(?:wijzigen|wijziging|aanpassen|aanpassing|veranderen|verandering|schrappen|toevoegen"
    r"|toe te voegen|vervangen|verhogen|verlagen|amenderen|eruit halen|laten vervallen"
    r"|terugbrengen|uitbreiden|inkorten|beperken|verwijderen)"
)
_DRAFT = (
    r"(?:opstellen|op te stellen|opgesteld|schrijven|schrijf|te schrijven|uitwerken|uit te werken"
    r"|uitgewerkt|formuleren|voorbereiden|onderbouwen|doorrekenen|door te rekenen|opzetten)"
)


@dataclass(frozen=True)
class Form:
    key: str
    # Completes "De tekst ...": a member must understand why it matters.
    description: str
    # Instrument ID -> share of the cue weight it receives.
    targets: dict[str, float]
    cues: tuple[tuple[re.Pattern[str], float], ...]
    # A long text repeats itself; a form never counts for more than this.
    cap: float = 4.0


@dataclass(frozen=True)
class Match:
    form: Form
    # The phrases as they stand in the normalised text, in order of appearance.
    phrases: tuple[str, ...]
    weight: float


def _form(
    key: str,
    description: str,
    targets: dict[str, float],
    *cues: tuple[str, float],
    cap: float = 4.0,
) -> Form:
    return Form(key, description, targets, tuple((re.compile(p), w) for p, w in cues), cap)


FORMS: tuple[Form, ...] = (
    # --- technische vraag: (beperkte) feitelijke informatie (handreiking, tabel) ---
    _form(
        "facts",
        "vraagt om cijfers of feiten",
        {"technical_question": 1.0},
        (r"\bhoeveel\b", 2.0),
        (r"\b(?:cijfers?|statistiek\w*|percentages?|getallen|aantallen)\b", 1.5),
        (r"\bhet aantal\b|\baantal\b", 1.0),
        (
            r"\bwat (?:kost|kosten|kostte|kostten)\b|\bwat (?:zijn|waren|is|was)\b.{0,40}\bkosten\b"
            r"|\bhoe hoog\b|\bhoe groot\b|\bhoe lang\b|\bhoe vaak\b|\bhoe ver\b",
            1.5,
        ),
        (
            r"\bwat (?:is|zijn|was|waren) (?:op dit moment )?(?:de|het) (?:huidige|totale|gemiddelde"
            r"|actuele|precieze)\b",
            1.5,
        ),
        (r"\bwanneer (?:is|was|wordt|werd|komt|start|begint|begon|vindt|zijn|waren)\b", 1.0),
        (
            r"\bwelke (?:datum|data|bedragen|bedrag|locaties?|straten|wijken|scholen|instellingen|regels"
            r"|criteria|normen|termijnen|eisen|voorwaarden)\b",
            1.0,
        ),
        (
            r"\b(?:een |het )?overzicht\b|\blijst(?:je)? (?:van|met)\b|\buitsplitsing\b|\bper jaar\b",
            1.0,
        ),
        (
            r"\bwat (?:betekent|houdt)\b|\bwat wordt (?:er )?bedoeld\b|\bwat is het verschil\b"
            r"|\bis dat inclusief\b|\bexclusief\b",
            1.0,
        ),
        (
            r"\bfeitelijke? (?:informatie|vra(?:ag|gen)|gegevens|stand)\b|\bfeiten\b|\bfeitelijk\b",
            1.5,
        ),
        (
            r"\bhoe (?:is|zijn|wordt|worden|werd|werden) .{0,50}\b(?:berekend|verdeeld|gefinancierd|"
            r"samengesteld|bepaald|ontwikkeld|verlopen|besteed|georganiseerd)\b",
            1.5,
        ),
        (
            r"\bhebben .{0,40}\bontwikkeld\b|\bontwikkeling van\b|\btoe- of afname\b|\btoename\b"
            r"|\bafname\b",
            0.5,
        ),
        (r"\bklopt het dat\b|\bklopt het\b", 1.0),
        # A yes/no question whether something has happened: a fact the organisation can check.
        (
            r"^(?:is|zijn|heeft|hebben|wordt|worden)\b[^?]{0,160}\b(?:ontvangen|betaald|uitgekeerd"
            r"|gestart|afgerond|verstuurd|aangevraagd|verleend|toegekend|uitgevoerd|gehouden"
            r"|ingediend)\?",
            1.5,
        ),
        (r"\bwaar (?:kan ik|vind ik|staat|staan)\b", 1.0),
        (
            r"\b(?:in|sinds|vanaf) (?:19|20)\d\d\b|\bafgelopen (?:\w+ )?(?:jaar|jaren|maanden)\b",
            0.5,
        ),
    ),
    _form(
        "document",
        "vraagt om toelichting op of inzage in een stuk",
        {"technical_question": 1.0},
        (r"\bpagina\b|\bblz\b|\bp\. ?\d|\btabel\b|\bbijlage\b|\bparagraaf\b|\bvoetnoot\b", 1.0),
        (
            r"\btoelichting\b|\bverduidelijking\b|\buitleg\b|\bte verduidelijken\b|\btoelichten\b",
            1.0,
        ),
        (r"\binzien\b|\binzage\b|\bafschrift\b|\bkopie\b|\btoesturen\b|\bopvragen\b", 1.5),
        (
            r"\b(?:in|uit|bij) het (?:raadsvoorstel|raadsinformatiebrief|stuk|rapport|voorstel)\b",
            0.5,
        ),
    ),
    _form(
        "ask_griffie",
        "vraagt de griffie of een ambtenaar om iets op te zoeken of na te vragen",
        {"technical_question": 1.0},
        (
            r"\b(?:kan|kun|kunt|kunnen) (?:de griffie|je|jij|u|jullie|een ambtenaar|iemand)\b.{0,30}"
            r"\b(?:laten weten|vertellen|opzoeken|navragen|uitzoeken|nagaan|nakijken|sturen|toesturen"
            r"|opsturen|achterhalen|checken)\b",
            1.5,
        ),
        (r"\b(?:navragen|nagaan|opzoeken)\b", 0.5),
        (
            r"\btechnische? vra(?:ag|gen)\b|\bonderhandse vra(?:ag|gen)\b"
            r"|\binformatieve vra(?:ag|gen)\b",
            3.0,
        ),
        (r"\bik (?:wil|zou) (?:graag )?(?:weten|vernemen)\b|\bik ben benieuwd\b", 0.5),
        (
            r"\bgraag ontvang(?:en|t)? (?:ik|wij|we)\b|\bgraag (?:een|het) (?:overzicht|lijst)\b",
            1.0,
        ),
    ),
    # --- schriftelijke of mondelinge vragen: informatie en opvattingen van het college ---
    _form(
        "college_view",
        "vraagt naar een mening, verklaring of voornemen van het college",
        {"written_question": 1.0},
        (r"\bhoe verklaart\b|\bverklaart\b|\bverklaring\b|\bverklaren\b", 2.5),
        (
            r"\b(?:wat|hoe) (?:vindt|vinden|denkt|denken|oordeelt|beoordeelt|kijkt|staat|reageert)\b"
            r".{0,30}" + _COLLEGE,
            3.0,
        ),
        (
            _COLLEGE
            + r".{0,40}\b(?:mening|standpunt|opvatting|oordeel|visie|reactie|inschatting)\b",
            2.5,
        ),
        (
            r"\b(?:mening|standpunt|opvatting|oordeel|visie|reactie|inschatting)\b.{0,40}"
            + _COLLEGE,
            2.5,
        ),
        (
            r"\b(?:is|zijn|bent) (?:"
            + _COLLEGE
            + r"|u)\b (?:\w+ ){0,3}(?:bereid|van mening|eens|op de "
            r"hoogte|bekend|voornemens)\b",
            3.0,
        ),
        (
            r"\b(?:is|zijn)\b.{0,50}\b(?:bij het college|het college|de wethouder|de burgemeester|u)"
            r" bekend\b",
            2.5,
        ),
        (r"\b(?:deelt|erkent|acht|ziet|verwacht|overweegt) " + _COLLEGE + r"\b", 2.5),
        (r"\bwelke mogelijkheden ziet\b", 2.5),
        (r"\b(?:wat|hoe|wanneer) (?:gaat|zal|wil|denkt) " + _COLLEGE + r"\b", 2.5),
        (r"\bwaarom (?:heeft|is|wordt|werd|gaat|kiest|koos|heeft) (?:" + _COLLEGE + r"|u)\b", 2.5),
        # Not "aangeven": "kan het college aangeven wie de eigenaar is" asks for a fact.
        (r"\b(?:kan|wil) " + _COLLEGE + r" (?:toezeggen|uitleggen|toelichten|garanderen)\b", 2.0),
        (
            _COLLEGE
            + r" (?:\w+ ){0,2}vragen (?:uit te leggen|te verklaren|toe te lichten|waarom|hoe"
            r"|of|wat)\b|\bvan (?:de wethouder|het college|de burgemeester) (?:horen|weten)\b",
            2.5,
        ),
        # Formal schriftelijke vragen address the college as "u".
        (
            r"\b(?:bent|wilt|gaat|zult|deelt|erkent|acht|ziet|verwacht|overweegt|vindt) u\b"
            r"|\bhoe (?:rijmt|beoordeelt|verklaart|kijkt|ziet) u\b|\buw (?:mening|standpunt|oordeel"
            r"|reactie|visie|opvatting)\b|\bkunt u (?:uitleggen|toelichten|aangeven waarom)\b",
            2.0,
        ),
        (r"\bzo (?:ja|nee|neen)\b|\bindien (?:ja|nee|neen)\b|\bwaarom (?:wel|niet)\b", 2.0),
        (
            r"\bwelke (?:stappen|maatregelen|acties)\b.{0,30}\b(?:gaat|zal|wil|gaan|neemt|nemen"
            r"|onderneemt)\b|\bop welke termijn\b",
            1.5,
        ),
        (r"\bwaarom\b", 1.0),
        (r"\bvoornemens?\b|\bvan plan\b", 1.0),
        cap=5.0,
    ),
    _form(
        "written_named",
        "noemt schriftelijke of mondelinge vragen",
        {"written_question": 1.0},
        (
            r"\bschriftelijke vra(?:ag|gen)\b|\bmondelinge vra(?:ag|gen)\b|\bvragenuur\w*"
            r"|\bart(?:ikel|\.)? ?(?:155|169|180)\b",
            3.0,
        ),
        (
            r"\bvragen (?:stellen |gesteld |te stellen )?aan (?:het college|de wethouder"
            r"|de burgemeester)\b|\braadsvra(?:ag|gen)\b",
            2.0,
        ),
    ),
    # --- ambtelijke bijstand: uitwerken van eigen inbreng (art. 33 lid 1 Gemeentewet) ---
    _form(
        "help_request",
        "vraagt iemand met kennis om hulp of om mee te denken",
        {"assistance": 1.0},
        # Not the name of the verordening: that is a topic, not a request for help.
        (r"(?<!verordening )\bambtelijke bijstand\b", 3.0),
        (
            r"\b(?:ambtenaar|iemand|medewerker|deskundige)\b.{0,20}\b(?:helpt|helpen|ondersteunt"
            r"|meedenkt|meekijkt)\b",
            2.5,
        ),
        (
            r"\b(?:hulp|ondersteuning|helpen|assistentie|bijstand)\b.{0,40}\b(?:bij|met) "
            r"(?:het |de )?" + _DRAFT,
            3.0,
        ),
        (r"\b(?:helpen|help|helpt|ondersteunen|ondersteunt)\b.{0,40}" + _DRAFT, 2.5),
        (
            r"\bhulp nodig\b|\bhulp bij\b|\b(?:inhoudelijke|ambtelijke) ondersteuning\b"
            r"|\bzoek(?:en)? iemand\b|\b(?:verstand|kennis) van\b",
            2.0,
        ),
        (r"\bmeedenken\b|\bmee (?:te )?denken\b|\bsparren\b|\bklankbord\b|\bmeekijk\w*", 2.0),
        (
            r"\bhoe (?:kunnen|kan|moeten) (?:we|wij|ik)\b.{0,30}\b(?:regelen|organiseren|aanpakken"
            r"|vormgeven|inrichten|uitvoeren)\b",
            2.0,
        ),
        cap=4.0,
    ),
    _form(
        "drafting",
        "gaat over het uitwerken van een eigen plan: opzet, gevolgen, risico's",
        {"assistance": 1.0},
        (_DRAFT, 1.0),
        (r"\bconcept[- ]?(?:regeling|tekst|motie|amendement)\w*", 1.5),
        (
            r"\bhoe zou\b.{0,80}\beruit (?:kunnen )?zien\b|\bbeleidsopties\b|\bopties\b|\bvarianten\b"
            r"|\bscenario'?s\b",
            1.5,
        ),
        (
            r"risico'?s\b|\bhaalbaar\w*|\buitvoerbaar\w*|\bjuridisch\w*|\bgevolgen\b|\bconsequenties\b",
            1.0,
        ),
        (r"\bdeskundig\w*|\bexpertise\b|\bvakkennis\b|\bspecialist\w*|\bvakinhoudelijk\w*", 1.0),
        cap=3.0,
    ),
    # --- fractieondersteuning: verkennen van eigen politieke inbreng (art. 33 lid 2) ---
    _form(
        "fractie",
        "gaat over de eigen fractie, haar budget of medewerkers",
        {"fractie_support": 1.0},
        (
            r"(?<!bijstand en )\bfractie-?ondersteuning\b|\bfractie-?(?:budget|vergoeding|geld|bijdrage)\w*",
            3.0,
        ),
        (r"\bfractie-?(?:medewerk|assistent|ondersteuner|secretaris)\w*|\bsteunfractie\w*", 2.5),
        (
            r"\b(?:de|onze) fracties?\b.{0,40}\b(?:vergoeding|budget|geld)\b|\b(?:vergoeding|budget"
            r"|geld)\b.{0,40}\b(?:de|onze) fracties?\b|\bper (?:zetel|fractie)\b",
            2.0,
        ),
        (r"\b(?:onze|mijn|eigen|de|hele) fractie\b|\bals fractie\b", 1.0),
        (
            r"\binhuren\b|\bin te huren\b|\bingehuurd\b|\bonderzoeksbureau\w*|\bextern(?:e)? (?:bureau|"
            r"adviseur|deskundige|expert|onderzoeker|partij|trainer|gespreksleider)\w*",
            1.5,
        ),
        (r"\bcursus\w*|\btraining\w*|\bscholing\b|\bworkshop\w*|\bopleiding\w*", 1.5),
        (
            r"\bdeclar\w*|\bbonnetjes?\b|\bfacturen\b|\bterugbetalen\b|\bvrijwilligersvergoeding\w*"
            r"|\bzaalhuur\b",
            1.5,
        ),
        (
            r"\bvacature\w*|\bondersteuner\b|\bnotule\w*|\bsecretariele?\b|\bnieuwsbrief\w*"
            r"|\bflyers?\b|\bdrukwerk\b|\badvertentie\w*",
            1.0,
        ),
        (
            r"\bmag (?:ik|de fractie|onze fractie|wij|we|een fractie|dat)\b.{0,50}\b(?:besteden"
            r"|uitgeven|betalen|gebruiken|vergoeden|declareren|uit de)\b",
            2.0,
        ),
    ),
    _form(
        "explore",
        "wil zelf verkennen wie kan bijdragen of wat er leeft",
        {"fractie_support": 1.0},
        (
            r"\bwie (?:zou|zouden|kan|kunnen)\b.{0,60}\b(?:bijdrage|bijdragen|helpen|meedoen|betrokken"
            r"|betrekken|leveren)\b",
            2.0,
        ),
        (
            r"\bmaatschappelijke? (?:verantwoordelijkheid|partners|organisaties|partijen|initiatieven)\b",
            1.5,
        ),
        (
            r"\bverkennen\b|\bverkenning\b|\bonder eigen regie\b|\beigen regie\b|\blangs (?:partners"
            r"|organisaties)\b|\beerst zelf\b",
            1.5,
        ),
        (
            r"\bachterban\w*|\bpeiling\w*|\benquete (?:onder|houden onder|uitzetten)\b|\bvragenlijst\w*"
            r"|\bbewonersavond\w*|\bledenavond\w*|\bledenvergadering\w*|\bpartijleden\b",
            2.0,
        ),
        (
            r"\bpolitieke inbreng\b|\b(?:ons|onze|eigen) (?:standpunt|positie|verkiezingsprogramma)\b",
            1.5,
        ),
        (
            r"\bin gesprek (?:gaan|te gaan) met (?:inwoners|ondernemers|bewoners|organisaties)\b",
            1.0,
        ),
    ),
    # --- motie: het college een richting opdragen ---
    _form(
        "motion_named",
        "noemt een motie",
        {"motion": 1.0},
        (r"\bmotie\w*|\bmoties\b", 3.0),
        (
            r"\boverwegende\b|\bconstaterende\b|\bgehoord de beraadslaging\b|\bgaat over tot de orde"
            r"\b",
            2.0,
        ),
    ),
    _form(
        "steer",
        "wil het college een richting of opdracht meegeven",
        {"motion": 1.0},
        (
            r"\b(?:het college|de burgemeester|de wethouder|b&w)\b.{0,30}\b(?:oproepen|op te roepen"
            r"|opgeroepen|opdragen|op te dragen|opgedragen|te verzoeken|verzocht|dwingen|bewegen"
            r"|vragen om|verplichten)\b",
            2.5,
        ),
        (
            r"\b(?:roept|roepen|verzoekt|verzoeken|draagt|dragen)\b.{0,20}\b(?:het college"
            r"|de burgemeester)\b|\bverzoek aan het college\b",
            2.5,
        ),
        (r"\b(?:de |als )raad\b.{0,30}\b(?:opdracht|opdragen|verzoeken|oproepen)\b", 2.5),
        (
            r"\bspreekt uit\b|\buitspraak (?:van|door) de raad\b|\bde raad (?:laten )?uitspreken\b"
            r"|\buit te spreken\b|\buitspreken dat\b|\bde raad (?:vindt|wil|vraagt)\b",
            2.5,
        ),
        (
            r"\bik wil dat (?:het college|de gemeente)\b|\bwil(?:len)? (?:ik|we|wij) dat (?:het college"
            r"|de gemeente)\b|\bhet college (?:moet|moeten|zou moeten)\b|\bde gemeente (?:moet"
            r"|zou moeten)\b",
            2.0,
        ),
        (r"\brichting\b|\bkoers\b|\bbijsturen\b|\bopdracht\b", 1.0),
    ),
    _form(
        "council_vote",
        "wil een besluit of uitspraak van de raad in stemming brengen",
        {"motion": 0.5, "amendment": 0.5},
        (
            r"\bmeerderheid\b|\bsteun van (?:andere )?fracties\b|\bmedeindieners?\b|\bin stemming\b"
            r"|\bstemming\b|\bmede(?:-| )?indien\w*|\berover stemmen\b",
            1.5,
        ),
        (
            r"\bindienen\b|\bin te dienen\b|\bingediend\b|\bin vergadering bijeen\b"
            r"|\bondergetekenden\b",
            1.0,
        ),
    ),
    # --- amendement: een conceptbesluit op de agenda wijzigen (art. 147b Gemeentewet) ---
    _form(
        "amendment_named",
        "noemt een amendement",
        {"amendment": 1.0},
        (r"\bamendement\w*|\bamender\w*|\bgeamendeerd\b|\bwijzigingsvoorstel\w*", 3.0),
        (
            r"\bte wijzigen in\b|\bte laten vervallen\b|\bte vervangen door\b|\bmet dien verstande\b",
            2.5,
        ),
    ),
    _form(
        "change_decision",
        "wil een voorliggend besluit of voorstel veranderen",
        {"amendment": 1.0},
        (_CHANGE + r"\b.{0,80}\b" + _DECISION + r"\b", 2.0),
        (r"\b" + _DECISION + r"\b.{0,120}\b" + _CHANGE + r"\b", 2.0),
        (
            r"\b(?:beslispunt|besluitpunt|ontwerpbesluit|conceptbesluit|ontwerp-besluit|concept-besluit"
            r"|ontwerpverordening|concept-?verordening|raadsbesluit|dictum)\w*",
            1.5,
        ),
        (
            r"\bvoorligt\b|\bvoorliggend\w*|\bligt (?:\w+ ){0,3}voor\b|(?<!niet )\bop de agenda staat\b"
            r"|\bgeagendeerd\b|\bter besluitvorming\b|\bbesluitvormend\w*|\bkomt (?:\w+ ){0,3}in de raad"
            r"\b|\bstelt voor\b.{0,60}\bvast te stellen\b",
            1.0,
        ),
        (r"\bbesluit(?:en)? (?:om)?:|\bbesluit om\b", 1.5),
        (r"\bin plaats van\b|\bbepaling\b|\bvan \S+ naar \S+", 1.0),
    ),
    # --- initiatiefvoorstel: een eigen voorstel aan de raad (art. 147a Gemeentewet) ---
    _form(
        "initiative_named",
        "noemt een initiatiefvoorstel",
        {"initiative_proposal": 1.0},
        (
            r"\bini?ti?a?tief\s?(?:raads)?voorstel\w*|\binitiatiefrecht\b|\binitiatiefverordening\w*"
            r"|\binitiatiefnot(?:a|itie)\w*|\binitiatiefnemers?\b",
            3.0,
        ),
    ),
    _form(
        "own_proposal",
        "wil zelf een voorstel of regeling aan de raad voorleggen",
        {"initiative_proposal": 1.0},
        (
            r"\b(?:voorstel|verordening|regeling)\b.{0,60}\b(?:de )?raad (?:kan )?(?:vaststelt|vast"
            r" te stellen|aanneemt|aan te nemen|vaststellen)\b",
            1.5,
        ),
        (
            r"\b(?:zelf|eigen)\b.{0,30}\b(?:voorstel|verordening|raadsvoorstel|regeling|beleidsregel)\b",
            2.0,
        ),
        (
            r"\bzelf\b.{0,25}\b(?:voorleggen|voorstellen|agenderen|indienen)\b|\bzonder te wachten op\b"
            r"|\blos van het college\b",
            2.0,
        ),
        (
            r"\b(?:nieuwe|eigen) (?:verordening|beleidsregels?|regeling)\b|\b(?:verordening|regeling"
            r"|reglement)\b.{0,60}\bvoorstellen\b",
            1.5,
        ),
        (
            r"\b(?:voorstel|verordening)\b.{0,40}\b(?:aan de raad voor(?:leggen|gelegd)?|voorleggen"
            r"|ter besluitvorming)\b",
            1.5,
        ),
        (
            r"\bop de (?:raads)?agenda (?:zetten|plaatsen|krijgen|te zetten|brengen)\b|\bagenderen\b"
            r"|\bbreng ik\b.{0,30}\bagenda\b",
            1.0,
        ),
    ),
    # --- interpellatie: debat over een onderwerp dat niet op de agenda staat (art. 155 lid 2) ---
    _form(
        "interpellation_named",
        "noemt een interpellatie",
        {"interpellation": 1.0},
        (r"\binterpellat\w*|\binterpeller\w*|\bgeinterpelleerd\b", 3.0),
    ),
    _form(
        "debate",
        "wil een debat over een onderwerp dat niet op de agenda staat",
        {"interpellation": 1.0},
        (
            r"\bniet op de agenda\b|\bniet geagendeerd\b|\bbuiten de agenda\b|\bniet op de raadsagenda\b",
            3.0,
        ),
        (r"\bspoeddebat\w*|\bactualiteitendebat\w*|\bdebat (?:aanvragen|aan te vragen)\b", 2.5),
        (r"\bdebat\w*|\bdebatteren\b", 1.5),
        (r"\bverlof\b|\btoestemming\b", 1.5),
        (
            r"\bter verantwoording (?:roepen|geroepen|te roepen)\b|\bopheldering\b|\bverantwoording "
            r"(?:laten )?afleggen\b|\bzich (?:te )?verantwoorden\b|\bbevragen\b|\baan de tand\b",
            1.5,
        ),
        (r"\braadsz?aal\b|\bmeepraten\b|\bin de raad\b", 1.0),
        (
            r"\baan de orde (?:stellen|brengen|te stellen)\b|\bter sprake (?:brengen|te brengen)\b"
            r"|\bverantwoording (?:vragen|eisen)\b|\bopheldering (?:eisen|vragen)\b",
            1.5,
        ),
        (
            r"\bactue\w*|\bberichtgeving\b|\bin de media\b|\bkrant\w*|\bophef\b|\bonrust\b"
            r"|\buitgelekt\b|\bvanochtend\b|\bincident\w*",
            0.5,
        ),
    ),
    # --- raadsonderzoek of -enquete (art. 155a Gemeentewet) ---
    _form(
        "inquiry_named",
        "noemt een raadsonderzoek of raadsenquête",
        {"council_inquiry": 1.0},
        (
            r"\braadsonderzoek\w*|\braadsenquete\w*|\benquetecommissie\w*|\bonderzoekscommissie\w*"
            r"|\benquete\b(?! (?:onder|houden onder|uitzetten))|\benqueterecht\b",
            3.0,
        ),
    ),
    _form(
        "investigate",
        "wil als raad zelf onderzoeken wat er is gebeurd",
        {"council_inquiry": 1.0},
        (r"\bverhoren\b|\bverhoor\b|\bonder ede\b|\bgetuigen\b|\bopenbare verhoren\b", 2.5),
        (
            r"\bmisgegaan\b|\bmis is gegaan\b|\bmisgaan\b|\bmisstand\w*|\bfiasco\b|\bdebacle\b"
            r"|\breconstructie\b|\bwaarheidsvinding\b|\bonderste steen\b|\bwie wist wat\b"
            r"|\bgang van zaken\b|\bintegriteit\w*|\bcommissie van onderzoek\b"
            r"|\bonderzoek naar de rol van\b",
            1.5,
        ),
        (
            r"\b(?:de raad|als raad|raadsbreed|de gemeenteraad|uit de raad)\b.{0,40}\bonderzoe\w*",
            1.5,
        ),
        (
            r"\b(?:grondig|diepgaand|eigen|parlementair) onderzoek\w*|\bzwaar(?:ste)? (?:instrument"
            r"|middel)\b",
            1.0,
        ),
    ),
    # --- rekenkamer: doelmatigheid, doeltreffendheid, rechtmatigheid (toolkit, Rekenkamer) ---
    _form(
        "audit_named",
        "noemt de rekenkamer",
        {"audit_office": 1.0},
        (r"\brekenkamer\w*", 3.0),
    ),
    _form(
        "effectiveness",
        "wil weten of beleid werkt en of geld doelmatig en rechtmatig is besteed",
        {"audit_office": 1.0},
        (r"\bdoelmatig\w*|\bdoeltreffend\w*|\brechtmatig\w*|\beffectiviteit\b|\befficien\w*", 2.0),
        (
            r"\b(?:werkt|werken|werkte|helpt|helpen)\b.{0,40}(?:beleid|regeling|aanpak|subsidie\w*"
            r"|programma)\b|(?:beleid|regeling|aanpak|subsidie\w*|programma)\b.{0,40}\b(?:werkt|werken"
            r"|effect\w*|oplevert|opgeleverd|resultaat|resultaten|bereikt)\b",
            1.5,
        ),
        (r"\bonafhankelijk\w*\b.{0,30}\bonderzo\w*|\bonafhankelijke? partij\b", 1.5),
        (
            r"\bevaluat\w*|\bevalueren\b|\bdoorlichting\b|\bdoorlichten\b|\bnageleefd\b|\bnaleving\b",
            1.0,
        ),
        (
            r"\bgoed besteed\b|\bwaar voor (?:ons|je|het) geld\b|\bmaatschappelijk effect\w*"
            r"|\bbereikt\b|\bdoelgroep\b",
            1.0,
        ),
        (
            r"\blevert\b.{0,30}\bop\b|\bdoel(?:en|stellingen)?\b.{0,30}\b(?:gehaald|bereikt"
            r"|behaald|gerealiseerd)\b",
            1.5,
        ),
        (r"\boverschrijding\w*|\bduurder\b.{0,15}\b(?:dan|uit)\b|\bmeerkosten\b|\bpan uit\b", 2.0),
        (r"\btekorten\b|\bbeheers\w*|\buit de hand\b", 1.0),
    ),
    # --- budgetrecht (toolkit, Ken je instrumenten) ---
    _form(
        "planning_cycle",
        "noemt de begroting of een ander moment in de planning-en-controlcyclus",
        {"budget_right": 1.0},
        (
            r"\bbegroting\w*|\bbegrotings\w*|\bvoorjaarsnota\w*|\bnajaarsnota\w*|\bkadernota\w*"
            r"|\bjaarrekening\w*|\bjaarstukken\b|\bperspectiefnota\w*|\bbestuursrapportage\w*|\bburap\b"
            r"|\bmeerjarenraming\w*|\bprogrammabegroting\w*|\balgemene beschouwingen\b",
            2.5,
        ),
    ),
    _form(
        "money",
        "wil bepalen waaraan geld wordt besteed of hoe het wordt gedekt",
        {"budget_right": 1.0},
        (
            r"\b(?:meer|extra|minder) (?:geld|budget|middelen|euro|financiering)\b|\bgeld (?:vrijmaken"
            r"|vrij te maken|uittrekken|reserveren|beschikbaar (?:stellen|komt)|terugzetten)\b"
            r"|\bvrijmaken\b|\buittrekken\b|\bvrij te maken\b",
            2.0,
        ),
        (
            r"\bbezuinig\w*|\bombuig\w*|\bdekking\w*|\bte dekken\b|\bstructureel\b|\bstructurele\b"
            r"|\bincidenteel\b|\bincidentele\b|\breserve\w*|\blastenverzwaring\b|\bgeoormerkt\w*"
            r"|\boormerk\w*|\boverschot\b|\balgemene middelen\b|\bresultaatbestemming\b",
            1.5,
        ),
        (
            r"\b\w*krediet\w*|\bbelasting\w* (?:verhogen|verlagen|verhoging|verlaging)\b"
            r"|\bbegrotingswijziging\w*|\binvester\w*",
            1.5,
        ),
    ),
    _form(
        "money_words",
        "gaat over geld",
        {"budget_right": 1.0},
        (r"\bbudget\w*|\bfinancier\w*|\bmiddelen\b|\bozb\b|\btarieven\b", 1.0),
        (r"\d+(?:[.,]\d+)? ?(?:miljoen|mln|miljard)\b|€ ?\d", 0.5),
    ),
)

# Who the text addresses. Not a need in itself, but it tips the balance: questions to the college
# are schriftelijke vragen (art. 169 lid 3), questions to the civil service technical or
# assistance, and a text about what the council should do a council instrument.
ADDRESSEES: tuple[tuple[str, str, re.Pattern[str], dict[str, float]], ...] = (
    (
        "college",
        "het college, een wethouder of de burgemeester",
        re.compile(
            r"\b(?:het )?college\b|\bb&w\b|\bwethouders?\b|\bburgemeester\b"
            r"|\bportefeuillehouders?\b"
        ),
        {"written_question": 1.0},
    ),
    (
        "civil_service",
        "een ambtenaar of de griffie",
        re.compile(
            r"\bambtena(?:ar|ren)\b|\bambtelijke? (?:organisatie|dienst|medewerkers?|"
            r"ondersteuning)\b|\bgriffie\b|\bgriffier\b|\bafdeling\b|\bbeleidsmedewerkers?\b"
            r"|\bbeleidsadviseurs?\b|\bvakafdeling\b|\bbehandelend ambtenaar\b"
        ),
        {"technical_question": 0.5, "assistance": 0.5},
    ),
    (
        "council",
        "de raad",
        re.compile(
            r"\b(?:de|als|hele|voltallige|onze) (?:gemeente)?raad\b|\braadsleden\b"
            r"|\bandere fracties\b|\braadsvergadering\b|\bpresidium\b|\bcollega-raadsleden\b"
        ),
        {"motion": 0.3, "interpellation": 0.3, "council_inquiry": 0.3, "amendment": 0.2},
    ),
)

# Spelregel 5 (handreiking): a request must not sound out a civil servant about the college's
# opinion or position. These find the three parts of such a request.
CIVIL_SERVANT = re.compile(
    r"\bambtena(?:ar|ren)\b|\bambtelijk\w*|\bbeleidsmedewerkers?\b|\bbeleidsadviseurs?\b"
    r"|\bmedewerkers? van (?:de )?(?:afdeling|gemeente)\b|\biemand van de afdeling\b"
    r"|\bde afdeling\b|\bde organisatie\b|\bde \w*kundigen?\b|\bde (?:jurist|specialist"
    r"|deskundige|projectleider|adviseur|planoloog|controller)\b"
)
OPINION = re.compile(
    r"\bmening\w*|\bstandpunt\w*|\bopvatting\w*|\bvisie\b|\bvindt\b|\bdenkt\b"
    r"|\bpositie\b|\bvoorkeur\w*|\bhet liefst\b|\bontraden\b|\bachter de schermen\b"
    r"|\bwerkelijk van\b|\becht van\b|\bonder vier ogen\b|\boff the record\b"
    r"|\bintern(?:e)? (?:discussie|overleg|afweging)\w*|\bstemming in het college\b"
    r"|\bwat er speelt\b|\bvertrouwelijk (?:vertellen|vertelt|delen)\b"
    r"|\b(?:college|wethouder|burgemeester) (?:eigenlijk |echt |straks )?(?:wil|gaat|van plan)\b"
)
COLLEGE = re.compile(
    r"\bcollege\b|\bb&w\b|\bwethouders?\b|\bburgemeester\b|\bportefeuillehouders?\b"
)
SOUNDING_OUT = re.compile(r"\buithoren\b|\buit te horen\b|\bpolsen\b|\bte polsen\b")

# Art. 25 Gemeentewet (since 1 April 2023): information under geheimhouding goes to the whole
# council only. "vertrouwelijk" alone is not enough: a member may ask for advice in confidence
# (the Utrecht "bubbel"); a confidential *document* is the sign.
SECRET = re.compile(
    r"\bgeheim\w*|\bvertrouwelijke? (?:stukk?e?n?|informatie|bijlagen?|rapport\w*|documenten?"
    r"|notitie\w*|memo\w*|gegevens|brief|brieven|deel|versie|cijfers|onderzoek\w*)\b"
    r"|\bbesloten (?:vergadering|deel|sessie|bijeenkomst|commissie\w*|overleg|raadsvergadering"
    r"|zitting)\w*|\bin beslotenheid\b|\bonder embargo\b|\bart(?:ikel|\.)? ?25\b"
    r"|\bniet[- ]openbare? (?:stukk?e?n?|bijlagen?|informatie|rapport\w*|documenten?)\b"
)


def find_forms(normalised: str) -> list[Match]:
    """Every form with at least one cue in the text, each cue counted once, capped per form."""
    matches = []
    for form in FORMS:
        found: list[tuple[int, str]] = []
        weight = 0.0
        for pattern, cue_weight in form.cues:
            hit = pattern.search(normalised)
            if hit:
                weight += cue_weight
                found.append((hit.start(), hit.group(0).strip()))
        if found:
            ordered = list(dict.fromkeys(phrase for _, phrase in sorted(found)))
            # "agenderen" adds nothing to "zelf agenderen" in what the member reads.
            phrases = tuple(p for p in ordered if not any(p != q and p in q for q in ordered))
            matches.append(Match(form, phrases, min(weight, form.cap)))
    return matches


# How a text is put, apart from its topic: the forms councils file by (issue "Instrumentenwijzer,
# round two"): a question addressed to the college is a schriftelijke vraag, a dictum with
# "verzoekt het college" a motion, a sum with cover an amendment on the begroting. Each is one
# feature of the model (`model.Evidence.question_forms`); the description completes "De tekst ...".
QUESTION_FORMS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (key, description, re.compile(pattern))
    for key, description, pattern in (
        (
            "asks_college",
            "stelt een vraag aan het college",
            r"(?:^|[.?!:;]\s*|\d[.)]\s*)(?:kan|kunt|wil|wilt|is|zijn|vindt|deelt|heeft|acht|ziet"
            r"|erkent|gaat|hoe verklaart|hoe kijkt|hoe staat|hoe beoordeelt|welke|wat vindt"
            r"|waarom heeft|waarom is) (?:het college|de wethouder|de burgemeester"
            r"|de portefeuillehouder|u|het college van b(?:&| en )w)\b",
        ),
        (
            "known_to",
            "vraagt of iets bij het college bekend is",
            r"\bbekend bij (?:het college|de wethouder|de portefeuillehouder|u)\b|\b(?:is|zijn) "
            r"(?:het college|de wethouder|de portefeuillehouder|u) (?:\w+ ){0,3}bekend\b",
        ),
        (
            "explains",
            "vraagt het college om een verklaring",
            r"\bhoe verklaart\b|\bkunt u (?:uitleggen|verklaren|toelichten)\b|\bwaarom\b",
        ),
        (
            "follow_up",
            "volgt op een eerder antwoord of eerdere vragen",
            r"\bvervolgvra\w*|\b(?:in|uit) (?:uw|het|de) (?:antwoord|beantwoording)\w*"
            r"|\beerder(?:e)? (?:gestelde )?(?:vragen|beantwoording|antwoord)\w*"
            r"|\bnaar aanleiding van (?:de |uw )?(?:beantwoording|antwoorden|antwoord)\b"
            r"|\bin antwoord op\b|\bbeantwoording van\b",
        ),
        (
            "rvo_article",
            "noemt een artikel van het reglement van orde",
            r"\bart(?:ikel|\.)? ?\d+[a-z]? (?:van het )?(?:rvo|reglement van orde)\b|\brvo\b",
        ),
        (
            "dictum",
            "bevat het dictum van een motie ('verzoekt het college', 'draagt op')",
            r"\bverzoekt (?:het college|de burgemeester|het presidium|de griffier)\b"
            r"|\bdraagt (?:het college|de burgemeester) op\b|\broept (?:het college|de burgemeester)"
            r"\b.{0,40}\bop\b|\bverzoekt\b.{0,30}\bcollege\b",
        ),
        (
            "declares",
            "spreekt een oordeel van de raad uit",
            r"\bspreekt (?:als (?:zijn|haar) mening )?uit\b|\bspreekt zich uit\b",
        ),
        (
            "considerations",
            "heeft de opbouw van een motie of amendement ('constaterende', 'overwegende')",
            r"\bconstaterende\b|\boverwegende\b|\bvan mening dat\b|\bgehoord de beraadslaging\b",
        ),
        (
            "off_agenda",
            "gaat over een onderwerp dat niet op de agenda staat",
            r"\bvreemd aan de orde\w*|\bniet op de agenda\b",
        ),
        (
            "interpellation",
            "vraagt om een interpellatie",
            r"\binterpellat\w*|\binterpeller\w*",
        ),
        (
            "decides",
            "bevat een besluittekst ('besluit', 'te wijzigen')",
            r"\bbesluit(?:en)?\s?:|\bbesluit om\b|\bte wijzigen\b|\bte laten vervallen\b"
            r"|\bte vervangen door\b|\btoe te voegen\b|\bwordt gewijzigd\b",
        ),
        (
            "amends_budget",
            "wil de begroting of een andere kadernota met een amendement wijzigen",
            r"\b(?:begrotings)?amendement\b.{0,120}\b(?:begroting\w*|voorjaarsnota|kadernota"
            r"|najaarsnota|jaarrekening|perspectiefnota)\b|\b(?:begroting\w*|voorjaarsnota"
            r"|kadernota|najaarsnota|perspectiefnota)\b.{0,120}\bamendement\b"
            r"|\bbegrotingsamendement\w*|\bbegrotingswijziging\w*",
        ),
        (
            "sum",
            "noemt een bedrag",
            r"€ ?\d|\b\d+(?:[.,]\d+)* ?(?:euro|miljoen|mln|miljard|duizend)\b",
        ),
        (
            "cover",
            "noemt de dekking van een bedrag",
            r"\bdekking\b|\bten laste van\b|\bte dekken\b|\bwordt gedekt\b|\bgedekt uit\b"
            r"|\bbestemmingsreserve\b|\balgemene reserve\b",
        ),
        (
            "numbered",
            "bevat genummerde vragen",
            r"(?:^|\s)(?:[2-9]|1\d)[.)] \w",
        ),
        (
            "several_questions",
            "bevat meer dan één vraag",
            r"\?.*\?",
        ),
        (
            "we_ask",
            "vraagt namens de fractie het college",
            r"\b(?:wij|we|onze fractie|de fractie) (?:vragen|willen) (?:het college|de wethouder"
            r"|u)\b|\bvragen (?:wij|we) (?:het college|u)\b|\bstelt (?:de fractie|onze fractie)"
            r"\b.{0,20}\bvragen\b",
        ),
        (
            "technical",
            "noemt technische vragen",
            r"\btechnische? vra(?:ag|gen)\b",
        ),
        (
            "investigation",
            "vraagt om een onafhankelijk onderzoek",
            r"\brekenkamer\w*|\braadsonderzoek\w*|\braadsenquete\w*|\bonderzoeksvoorstel\b",
        ),
    )
)


def find_question_forms(normalised: str) -> tuple[str, ...]:
    """The keys of the question forms in the normalised text."""
    return tuple(key for key, _description, pattern in QUESTION_FORMS if pattern.search(normalised))
