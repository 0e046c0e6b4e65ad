//! German word lists.

use super::Language;

pub static DE: Language = Language {
    code: "de",
    function_words: "der die das den dem des ein eine einer einen einem und ist war nicht mit von \
                     zu zum zur im in auf für sich auch es er sie wir ich hat haben wird werden \
                     dass aber noch nur bei nach vor über aus wie so als um am sein seine ihr ihre \
                     statt dies diese dieser hier heute rund darunter angesichts ernüchternd \
                     hingegen jetzt dank gegen",
    speech_verbs: "sagt sagte sagten sagen gesagt erklärt erklärte erklärten betont betonte meint \
                   meinte fügt fügte ergänzt ergänzte berichtet berichtete erzählt erzählte \
                   kritisiert kritisierte kritisieren hadert haderte jubelt jubelte jubeln \
                   schwärmt schwärmte fordert forderte warnt warnte räumt räumte stellt stellte \
                   schreibt schrieb antwortet antwortete zitiert resümiert resümierte bilanziert \
                   bilanzierte freut freute meinte sprach spricht ruft rief betonen gesteht \
                   gestand weiß verrät verriet kommentiert kommentierte urteilt urteilte mahnt \
                   mahnte klagt klagte beklagt beklagte lobt lobte fragt fragte erinnert erinnerte \
                   bestätigt bestätigte teilt teilte twittert twitterte analysiert analysierte \
                   versicherte versichert unterstrich unterstreicht bekräftigte bekräftigt \
                   erläuterte erläutert schilderte schildert konstatierte befand kündigte hofft \
                   hoffte glaubt glaubte verwies verweist appellierte ergänzten",
    according_to: "laut | zufolge",
    inverted_markers: "so",
    pro_drop: false,
    skip_before_verb: "hat hatte habe auch noch dann später bereits",
    addressee_prepositions: "zu gegenüber",
    pronouns_male: "er",
    pronouns_female: "sie",
    pronouns_other: "es",
    determiners: "der die das den dem des ein eine einer einem einen sein seine seinem seiner ihr \
                  ihre ihrem unser unsere dieser diese dieses zwei drei mehrere viele statt",
    titles: "herr frau dr prof trainer trainerin bürgermeister bürgermeisterin oberbürgermeister \
             minister ministerin präsident präsidentin kanzler kanzlerin stadtbaumeister kapitän \
             geschäftsführer geschäftsführerin sprecher sprecherin polizeisprecher landrat \
             landrätin direktor direktorin chef chefin stadtrat stadträtin projektleiter \
             projektleiterin pfarrer abgeordnete abgeordneter torhüter stürmer verteidiger \
             sportdirektor gegenüber kollege kollegin vorstand vorständin vorsitzende vorsitzender",
    roles: "trainer trainerin bürgermeister bürgermeisterin minister ministerin präsident \
            präsidentin sprecher sprecherin polizeisprecher kapitän geschäftsführer \
            geschäftsführerin direktor direktorin chef chefin anwohner anwohnerin nachbar \
            nachbarin zeuge zeugin mutter vater sohn tochter bruder schwester frau mann ehefrau \
            ehemann torhüter stürmer verteidiger spieler spielerin projektleiter projektleiterin \
            landrat landrätin kanzler kanzlerin experte expertin sportdirektor stadtrat stadträtin \
            polizist polizistin opfer besitzer besitzerin kollege kollegin gegenüber coach leiter \
            leiterin vorstand vorständin vorsitzende vorsitzender",
    female_words: "frau trainerin bürgermeisterin ministerin präsidentin kanzlerin sprecherin \
                   geschäftsführerin direktorin chefin anwohnerin nachbarin zeugin mutter tochter \
                   schwester ehefrau spielerin projektleiterin landrätin expertin stadträtin \
                   polizistin besitzerin kollegin",
    male_words: "herr trainer bürgermeister minister präsident kanzler sprecher geschäftsführer \
                 direktor chef anwohner nachbar zeuge vater sohn bruder mann ehemann spieler \
                 projektleiter landrat experte stadtrat polizist besitzer kollege",
    female_determiners: "die eine ihre",
    male_determiners: "der ein sein",
    groups:
        "familie polizei feuerwehr anwohner nachbarn zeugen behörden behörde verein mannschaft \
             team stadt gemeinde regierung ministerium staatsanwaltschaft unternehmen firma eltern \
             fans spieler bürger einwohner veranstalter",
    documents: "mitteilung pressemitteilung erklärung bericht brief schreiben stellungnahme tweet \
                nachricht studie urteil gutachten beschluss",
    organisation_words: "gmbh ag ministerium polizei verein verband partei universität hochschule \
                         bank stadt gemeinde amt behörde gericht fc bvb feuerwehr regierung bund \
                         stiftung institut kreis landkreis",
    not_names:
        "januar februar märz april mai juni juli august september oktober november dezember \
                montag dienstag mittwoch donnerstag freitag samstag sonntag gott",
};
