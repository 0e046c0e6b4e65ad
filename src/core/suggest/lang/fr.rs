//! French word lists.

use super::Language;

pub static FR: Language = Language {
    code: "fr",
    function_words: "a ainsi après au aussi aux avant avec car ce ces cette comme concernant d \
                     dans de depuis des donc du elle elles en est et il ils je l la le les leur \
                     lors mais ne nous on ou par parmi pas plus pour que qui sa selon ses son sont \
                     sur tous tout très un une vous à était été",
    speech_verbs: "admet admis affirme affirmé ajoutait ajoute ajouté amuse analyse analysé \
                   annonce annoncé appelle appelé assure assuré assène asséné avance avancé averti \
                   avertit avoue avoué commente commenté complète complété conclut confie confirme \
                   confirmé confié crie crié demande demandé dira dis disait dit déclarait déclare \
                   déclaré dénonce dénoncé déplore déploré détaille détaillé développe développé \
                   estime estimé exclame expliquait explique expliqué félicite garanti garantit \
                   glisse glissé hurle hurlé indigne indique indiqué inquiète insiste insisté \
                   interpelle interpellé interroge ironise ironisé juge jugé lance lancé lâche \
                   lâché martelé martèle note noté nuance nuancé objecte objecté observe observé \
                   plaide plaidé poursuit poursuivi promet promis précise précisé prévenu prévient \
                   racontait raconte raconté rappelle rappelé reconnaît reconnu regrette regretté \
                   relate relaté relevé relève réagi réagit réplique répliqué répond répondu \
                   répète répété résume résumé rétorque rétorqué s'est s'exclame salue salué \
                   souffle soufflé souligne souligné soupire soupiré sourit souvient tempère \
                   tempéré tranche tranché tweeté témoigne témoigné écrit",
    according_to: "selon | d'après | aux dires de",
    inverted_markers: "",
    pro_drop: false,
    skip_before_verb: "a alors aussi avaient avait bien déjà encore ensuite leur lui nous ont s' \
                       se également",
    addressee_prepositions: "au aux à",
    pronouns_male: "il",
    pronouns_female: "elle",
    pronouns_other: "elles ils on",
    determiners: "ce ces cet cette des deux l la le les leur leurs notre plusieurs sa ses son \
                  trois un une",
    titles: "adjoint adjointe capitaine coach colonel commandant commissaire directeur directrice \
             dr député députée entraîneur entraîneuse général historien historienne juge \
             lieutenant m madame maire maître me mgr ministre mlle mme monsieur politologue pr \
             procureur procureure professeur préfet préfète président présidente père sociologue \
             sénateur sénatrice sœur économiste",
    roles: "adjoint adjointe agriculteur agricultrice analyste attaquant avocat avocate buteur \
            capitaine chercheur chercheuse client cliente coach commerçant commerçante commissaire \
            directeur directrice défenseur député députée enseignant enseignante entraîneur \
            entraîneuse expert experte femme fille fils frère gardien garçon gérant gérante \
            habitant habitante historien historienne homme jeune joueur joueuse juge lecteur \
            lectrice maire manager mari milieu militant militante ministre mère médecin parent \
            passant passante patron patronne policier policière politologue pompier porte-parole \
            portier procureur procureure propriétaire préfet préfète président présidente père \
            responsable retraité retraitée riverain riveraine salarié salariée secrétaire \
            sociologue spécialiste supporter syndicaliste sélectionneur sénateur sénatrice sœur \
            technicien témoin victime voisin voisine économiste élu élue élève épouse étudiant \
            étudiante",
    female_words: "adjointe avocate chercheuse commerçante directrice députée enseignante \
                   entraîneuse experte femme fille gérante habitante joueuse madame militante mlle \
                   mme mère patronne policière procureure préfète présidente riveraine sénatrice \
                   sœur voisine élue épouse",
    male_words:
        "adjoint avocat chercheur commerçant directeur député enseignant entraîneur expert \
                 fils frère garçon gérant habitant homme joueur m mari militant monsieur patron \
                 policier procureur préfet président père riverain sénateur voisin élu",
    female_determiners: "cette la sa une",
    male_determiners: "ce cet le son un",
    groups:
        "association autorités club collectif enquêteurs entreprise famille familles gendarmes \
             gouvernement habitants joueurs mairie manifestants ministère parents parquet police \
             policiers pompiers proches préfecture riverains secours société supporters syndicat \
             syndicats témoins voisins élus équipe",
    documents: "arrêté communiqué courrier document décision déclaration enquête jugement lettre \
                message note publication rapport sondage texte tweet étude",
    organisation_words: "afp agence assemblée association banque club comité conseil cour fc \
                         fondation fédération gendarmerie gouvernement hôpital institut mairie \
                         ministère organisation parquet parti police préfecture sa sas service \
                         société syndicat sénat tribunal université école",
    not_names: "août avril dieu dimanche décembre février janvier jeudi juillet juin lundi mai \
                mardi mars mercredi novembre octobre samedi septembre vendredi",
};
