//! English word lists.

use super::Language;

pub static EN: Language = Language {
    code: "en",
    function_words: "a about after all also an and are around as at be been before but by early \
                     every finally for from had has have he her his however i if in is it its late \
                     my no not of on one or our she so some that the their then there they this to \
                     was we were what when which while who with you",
    speech_verbs: "acknowledge acknowledged acknowledges add added adds admit admits admitted \
                   allege alleged alleges announce announced announces answered argue argued \
                   argues ask asked asks assert asserted asserts boast boasted boasts called calls \
                   caution cautioned cautions claimed claims clarified clarifies clarify commented \
                   comments complain complained complains concede conceded concedes conclude \
                   concluded confirm confirmed confirms contend contended contends continue \
                   continued continues counter countered cried cry declare declared declares \
                   describe described describes elaborate elaborated emphasise emphasised \
                   emphasize emphasized emphasizes exclaim exclaimed explain explained explains \
                   insist insisted insists joke joked lament lamented laments laugh laughed \
                   maintain maintained maintains mention mentioned mentions noted notes observe \
                   observed observes plead pleaded pleads pled pointed posted predict predicted \
                   predicts promise promised promises quip quipped recall recalled recalls recount \
                   recounted reflected reflects reiterate reiterated reiterates remarked remarks \
                   replied replies reply respond responded responds retort retorted said say \
                   saying says scream screamed shout shouted shouts sigh sighed sighs speculate \
                   speculated stated states stress stressed stresses suggest suggested tell tells \
                   testified testify told tweeted tweets urge urged vow vowed vows warn warned \
                   warns whisper whispered wonder wondered wonders write writes wrote yell yelled \
                   yells",
    according_to: "according to | in the words of",
    inverted_markers: "",
    pro_drop: false,
    skip_before_verb: "again also earlier had has have just later once only previously publicly \
                       recently reportedly simply then will would",
    addressee_prepositions: "to",
    pronouns_male: "he",
    pronouns_female: "she",
    pronouns_other: "it they we",
    determiners: "a an another both her his its many my one other our several some that the their \
                  this three two",
    titles: "admiral agent ambassador attorney bishop brother capt captain ceo chair chairman \
             chairwoman chancellor chief coach col colonel commander commissioner congressman \
             congresswoman corporal councillor councilman councilwoman cpl dad dame daughter dean \
             deputy det detective director dr father founder gen general gov governor host husband \
             insp inspector judge justice king lady leader lieutenant lord lt manager mayor \
             minister miss mla mom mother mp mr mrs ms mum officer pastor pope premier president \
             prince princess principal prof professor queen ranger rep representative rev \
             secretary sen senator sergeant sgt sheriff sir sister son speaker spokesman \
             spokesperson spokeswoman st superintendent supt treasurer trooper vice wife",
    roles: "agent ambassador analyst attorney aunt boss boy brother captain ceo chairman \
            chairwoman chancellor chief coach commander commissioner congressman congresswoman \
            councillor councilman councilwoman customer daughter defender deputy detective \
            director doctor driver employee executive expert fan father firefighter founder friend \
            girl goalkeeper governor grandfather grandmother host husband inspector judge landlord \
            lawyer leader lieutenant man manager mayor midfielder minister mother mp neighbor \
            neighbour nurse officer official owner parent passerby pilot player premier president \
            professor prosecutor ranger reader researcher resident secretary senator sergeant \
            sheriff shopper sister son speaker spokesman spokesperson spokeswoman striker student \
            superintendent suspect teacher treasurer trooper uncle victim viewer visitor wife \
            witness woman worker",
    female_words: "aunt chairwoman councilwoman dame daughter girl grandmother lady miss mom \
                   mother mrs ms mum princess queen sister spokeswoman wife woman",
    male_words: "boy brother chairman councilman dad father grandfather husband king lord man mr \
                 prince sir son spokesman uncle",
    // English possessives agree with the possessor (`his wife`), not the noun: none here.
    female_determiners: "",
    male_determiners: "",
    groups: "administration agency authorities board campaign city club committee company council \
             court department families family fans firefighters friends government group hospital \
             investigators ministry neighbors neighbours office officers officials organisers \
             organizers parents party players police prosecutors protesters relatives residents \
             school state students team union witnesses workers",
    documents: "announcement complaint document e-mail email filing lawsuit letter memo message \
                note notice post press release report ruling statement study survey text tweet \
                verdict website",
    organisation_words:
        "administration agency army association bank board bureau church city club \
                         commission committee company congress corp corporation council county \
                         court department force foundation government group hospital house inc \
                         institute ltd ministry navy network news office party police post press \
                         school senate service services team times union university",
    not_names: "april august december february friday god january july june march may monday \
                november october saturday september sunday thursday tuesday wednesday",
};
