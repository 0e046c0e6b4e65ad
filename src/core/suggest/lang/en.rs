//! English word lists.

use super::Language;

pub static EN: Language = Language {
    code: "en",
    function_words: "the a an and of to in is was that for on with he she it they we i you this \
                     but at by from his her their our as are were be been has have had not when \
                     after before while there what who which if so or its my all one no late early \
                     however then also some every finally for around about",
    speech_verbs: "say says said saying tell tells told add adds added explain explains explained \
                   ask asks asked reply replies replied tweets tweeted write writes wrote states \
                   stated notes noted claims claimed recall recalls recalled yell yells yelled \
                   shout shouts shouted insist insists insisted argue argues argued admit admits \
                   admitted warn warns warned declare declares declared announce announces \
                   announced comments commented remarks remarked maintain maintains maintained \
                   mention mentions mentioned acknowledge acknowledges acknowledged calls called \
                   describe describes described continue continues continued posted stress \
                   stresses stressed emphasize emphasizes emphasized emphasise emphasised observe \
                   observes observed confirm confirms confirmed exclaim exclaimed whisper \
                   whispered testify testified quip quipped joke joked conclude concluded respond \
                   responds responded answered recount recounted cry cried scream screamed urge \
                   urged suggest suggested concede concedes conceded lament laments lamented \
                   predict predicts predicted vow vows vowed plead pleads pleaded pled sigh sighs \
                   sighed laugh laughed boast boasts boasted complain complains complained promise \
                   promises promised reiterate reiterates reiterated assert asserts asserted \
                   allege alleges alleged contend contends contended counter countered retort \
                   retorted elaborate elaborated clarify clarifies clarified wonder wonders \
                   wondered speculate speculated caution cautions cautioned pointed reflects \
                   reflected",
    according_to: "according to | in the words of",
    inverted_markers: "",
    pro_drop: false,
    skip_before_verb:
        "also later then has had have once previously earlier simply just again only \
                       will would has reportedly publicly recently",
    addressee_prepositions: "to",
    pronouns_male: "he",
    pronouns_female: "she",
    pronouns_other: "they it we",
    determiners: "the a an his her their its our my this that one another other both two three \
                  several some many",
    titles: "mr mrs ms miss dr prof professor sen senator rep representative gov governor mayor \
             president chief deputy capt captain lt lieutenant sgt sergeant officer sheriff coach \
             judge minister commissioner secretary general attorney det detective col colonel gen \
             cpl corporal insp inspector supt superintendent chairman chairwoman chair councillor \
             councilman councilwoman mla mp sir dame lord lady rev father sister brother pastor \
             ranger spokesperson spokesman spokeswoman director manager host daughter son wife \
             husband mother dad mom mum trooper agent premier queen king prince princess pope \
             bishop st speaker leader chancellor ambassador treasurer congressman congresswoman \
             commander admiral justice principal dean ceo founder vice",
    roles: "mayor chief senator governor president minister sheriff deputy officer spokesperson \
            spokesman spokeswoman coach judge commissioner captain lieutenant sergeant detective \
            director manager host wife husband daughter son mother father sister brother woman man \
            neighbour neighbor witness victim suspect owner ranger teacher doctor nurse student \
            resident official prosecutor lawyer attorney chairman chairwoman secretary firefighter \
            trooper councillor boss manager player striker goalkeeper defender midfielder \
            executive founder ceo professor researcher expert analyst friend girl boy grandmother \
            grandfather aunt uncle landlord driver pilot mp councilman councilwoman superintendent \
            inspector agent premier speaker leader chancellor ambassador treasurer congressman \
            congresswoman commander",
    female_words: "mrs ms miss wife daughter mother sister woman girl mom mum grandmother aunt \
                   lady dame queen princess chairwoman spokeswoman councilwoman",
    male_words: "mr husband son father brother man boy dad grandfather uncle sir lord king prince \
                 chairman spokesman councilman",
    // English possessives agree with the possessor (`his wife`), not the noun: none here.
    female_determiners: "",
    male_determiners: "",
    groups:
        "family families police officials residents neighbours neighbors witnesses authorities \
             officers firefighters organizers organisers protesters parents students fans players \
             team club council government department office company group agency board committee \
             ministry campaign party union court school hospital city state administration \
             prosecutors investigators relatives friends workers",
    documents:
        "statement report letter tweet post release email e-mail message note document memo \
                complaint filing lawsuit ruling verdict study survey notice announcement press \
                website text",
    organisation_words: "department office police association ministry company council university \
                         party committee agency service services bureau inc ltd corp corporation \
                         bank club union board foundation institute commission court school \
                         hospital church army navy force team group network news times post press \
                         house senate congress government administration county city",
    not_names: "january february march april may june july august september october november \
                december monday tuesday wednesday thursday friday saturday sunday god",
};
