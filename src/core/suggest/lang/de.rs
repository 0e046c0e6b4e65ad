//! German word lists.

use super::Language;

pub static DE: Language = Language {
    code: "de",
    function_words: "aber als am angesichts auch auf aus bei dank darunter das dass dem den der \
                     des die dies diese dieser ein eine einem einen einer er ernüchternd es für \
                     gegen haben hat heute hier hingegen ich ihr ihre im in ist jetzt mit nach \
                     nicht noch nur rund sein seine sich sie so statt um und von vor war werden \
                     wie wir wird zu zum zur über",
    speech_verbs:
        "analysiert analysierte antwortet antwortete appellierte befand beklagt beklagte \
                   bekräftigt bekräftigte berichtet berichtete bestätigt bestätigte betonen betont \
                   betonte bilanziert bilanzierte ergänzt ergänzte ergänzten erinnert erinnerte \
                   erklärt erklärte erklärten erläutert erläuterte erzählt erzählte fordert \
                   forderte fragt fragte freut freute fügt fügte gesagt gestand gesteht glaubt \
                   glaubte hadert haderte hofft hoffte jubeln jubelt jubelte klagt klagte \
                   kommentiert kommentierte konstatierte kritisieren kritisiert kritisierte \
                   kündigte lobt lobte mahnt mahnte meint meinte resümiert resümierte rief ruft \
                   räumt räumte sagen sagt sagte sagten schildert schilderte schreibt schreit \
                   schrie schrieb schwärmt schwärmte sprach spricht stellt stellte teilt teilte \
                   twittert twitterte unterstreicht unterstrich urteilt urteilte verriet verrät \
                   versichert versicherte verweist verwies warnt warnte zitiert",
    according_to: "laut | zufolge",
    inverted_markers: "so",
    pro_drop: false,
    skip_before_verb: "auch bereits dann habe hat hatte noch später",
    addressee_prepositions: "gegenüber zu",
    pronouns_male: "er",
    pronouns_female: "sie",
    pronouns_other: "es",
    determiners: "das dem den der des die diese dieser dieses drei ein eine einem einen einer ihr \
                  ihre ihrem mehrere sein seine seinem seiner statt unser unsere viele zwei",
    titles: "abgeordnete abgeordneter bürgermeister bürgermeisterin chef chefin direktor \
             direktorin dr frau gegenüber geschäftsführer geschäftsführerin herr kanzler kanzlerin \
             kapitän kollege kollegin landrat landrätin minister ministerin oberbürgermeister \
             pfarrer polizeisprecher prof projektleiter projektleiterin präsident präsidentin \
             sportdirektor sprecher sprecherin stadtbaumeister stadtrat stadträtin stürmer \
             torhüter trainer trainerin verteidiger vorsitzende vorsitzender vorstand vorständin",
    roles: "anhänger anhängerin anwohner anwohnerin arzt besitzer besitzerin besucher besucherin \
            bruder bürger bürgerin bürgermeister bürgermeisterin chef chefin coach direktor \
            direktorin ehefrau ehemann einwohner einwohnerin experte expertin fan frau gegenüber \
            geschäftsführer geschäftsführerin kanzler kanzlerin kapitän kollege kollegin landrat \
            landrätin lehrer lehrerin leiter leiterin leser leserin mann minister ministerin \
            mitarbeiter mitarbeiterin mutter nachbar nachbarin opfer passant passantin \
            polizeisprecher polizist polizistin projektleiter projektleiterin präsident \
            präsidentin schwester schüler schülerin sohn spieler spielerin sportdirektor sprecher \
            sprecherin stadtrat stadträtin student studentin stürmer tochter torhüter trainer \
            trainerin vater verteidiger vorsitzende vorsitzender vorstand vorständin zeuge zeugin \
            zuschauer zuschauerin ärztin",
    female_words: "anwohnerin besitzerin bürgermeisterin chefin direktorin ehefrau expertin frau \
                   geschäftsführerin kanzlerin kollegin landrätin ministerin mutter nachbarin \
                   polizistin projektleiterin präsidentin schwester spielerin sprecherin \
                   stadträtin tochter trainerin zeugin",
    male_words: "anwohner besitzer bruder bürgermeister chef direktor ehemann experte \
                 geschäftsführer herr kanzler kollege landrat mann minister nachbar polizist \
                 projektleiter präsident sohn spieler sprecher stadtrat trainer vater zeuge",
    female_determiners: "die eine ihre",
    male_determiners: "der ein sein",
    groups: "anwohner behörde behörden bürger einwohner eltern familie fans feuerwehr firma \
             gemeinde mannschaft ministerium nachbarn polizei regierung spieler staatsanwaltschaft \
             stadt team unternehmen veranstalter verein zeugen",
    documents: "bericht beschluss brief erklärung gutachten mitteilung nachricht pressemitteilung \
                schreiben stellungnahme studie tweet urteil",
    organisation_words: "ag amt bank behörde bund bvb fc feuerwehr gemeinde gericht gmbh \
                         hochschule institut kreis landkreis ministerium partei polizei regierung \
                         stadt stiftung universität verband verein",
    not_names: "april august dezember dienstag donnerstag februar freitag gott januar juli juni \
                mai mittwoch montag märz november oktober samstag september sonntag",
};
