//! French word lists.

use super::Language;

pub static FR: Language = Language {
    code: "fr",
    function_words: "le la les l un une des du de d et est à au aux en que qui dans pour par sur \
                     avec il elle ils elles ne pas ce cette ces son sa ses leur nous vous je on \
                     mais ou donc car a été sont était plus très tout tous aussi comme selon lors \
                     depuis concernant pour parmi avant après sur au ainsi car",
    speech_verbs: "dit dis disait dira déclare déclaré déclarait raconte raconté racontait \
                   explique expliqué expliquait ajoute ajouté ajoutait témoigne témoigné souligne \
                   souligné affirme affirmé assure assuré estime estimé confie confié indique \
                   indiqué précise précisé poursuit poursuivi lance lancé observe observé souvient \
                   salue salué insiste insisté répond répondu commente commenté reconnaît reconnu \
                   regrette regretté martèle martelé rappelle rappelé appelle appelé écrit annonce \
                   annoncé confirme confirmé prévient prévenu déplore déploré s'exclame exclame \
                   interroge demande demandé conclut résume résumé note noté juge jugé dénonce \
                   dénoncé tweeté détaille détaillé relate relaté glisse glissé soupire soupiré \
                   sourit avoue avoué admet admis s'est félicite répète répété lâche lâché tranche \
                   tranché ironise ironisé souffle soufflé réagit réagi inquiète indigne avance \
                   avancé analyse analysé tempère tempéré nuance nuancé plaide plaidé promet \
                   promis garantit garanti assène asséné amuse relève relevé complète complété \
                   développe développé interpelle interpellé avertit averti rétorque rétorqué \
                   réplique répliqué objecte objecté",
    according_to: "selon | d'après | aux dires de",
    inverted_markers: "",
    pro_drop: false,
    skip_before_verb: "a ont avait avaient aussi encore également ensuite alors lui leur nous se \
                       s' déjà bien",
    addressee_prepositions: "à au aux",
    pronouns_male: "il",
    pronouns_female: "elle",
    pronouns_other: "ils elles on",
    determiners: "le la les l un une son sa ses leur leurs ce cet cette ces notre deux trois \
                  plusieurs des",
    titles: "m mme mlle me dr pr président présidente ministre maire général colonel capitaine \
             commandant lieutenant sénateur sénatrice député députée professeur maître monsieur \
             madame mgr père sœur entraîneur entraîneuse coach commissaire procureur procureure \
             adjoint adjointe directeur directrice préfet préfète juge politologue sociologue \
             économiste historien historienne",
    roles: "maire ministre président présidente entraîneur entraîneuse coach riverain riveraine \
            voisin voisine témoin habitant habitante mère père fils fille frère sœur femme homme \
            mari épouse procureur procureure préfet préfète porte-parole directeur directrice \
            adjoint adjointe député députée sénateur sénatrice commissaire policier policière \
            pompier médecin avocat avocate joueur joueuse capitaine gardien enseignant enseignante \
            victime secrétaire responsable élu élue jeune garçon propriétaire militant militante \
            syndicaliste chercheur chercheuse expert experte patron patronne gérant gérante \
            commerçant commerçante sélectionneur juge technicien attaquant défenseur milieu \
            portier buteur manager politologue sociologue économiste historien historienne \
            spécialiste analyste",
    female_words: "mme mlle madame mère fille sœur femme épouse riveraine voisine habitante \
                   présidente directrice adjointe députée sénatrice procureure préfète avocate \
                   joueuse policière entraîneuse élue enseignante militante chercheuse experte \
                   patronne gérante commerçante",
    male_words: "m monsieur père fils frère homme mari riverain voisin habitant président \
                 directeur adjoint député sénateur procureur préfet avocat joueur policier \
                 entraîneur garçon élu enseignant militant chercheur expert patron gérant \
                 commerçant",
    female_determiners: "la une cette sa",
    male_determiners: "le un ce cet son",
    groups: "famille familles police pompiers habitants riverains voisins témoins autorités \
             secours gendarmes policiers enquêteurs élus parents proches joueurs supporters club \
             équipe mairie préfecture gouvernement ministère parquet syndicat syndicats \
             association entreprise société collectif manifestants",
    documents: "communiqué rapport lettre tweet message courrier texte document note arrêté \
                décision jugement enquête étude sondage déclaration publication",
    organisation_words: "ministère mairie préfecture association société police gendarmerie \
                         université parti conseil comité agence service club fédération syndicat \
                         institut fondation tribunal cour parquet fc afp sa sas banque hôpital \
                         école assemblée sénat gouvernement organisation",
    not_names: "janvier février mars avril mai juin juillet août septembre octobre novembre \
                décembre lundi mardi mercredi jeudi vendredi samedi dimanche dieu",
};
