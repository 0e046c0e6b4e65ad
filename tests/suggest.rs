//! Quote and speaker suggestions on short passages written for these tests, one or more per
//! hard case of the attribution conventions (speaker after or before the quote, in the
//! paragraph before or the sentence after, pronouns, roles, organisations and documents,
//! collectives, shared surnames, first names, multi-paragraph and split quotes, nested and
//! partial quotes, scare quotes, headlines, mismatched and straight marks, guillemets), in
//! English, French, German and Spanish. Each test checks what a reviewer sees: the span and
//! the speaker.
#![cfg(not(target_arch = "wasm32"))]

use quotemark::core::article::Article;
use quotemark::core::suggest::{suggest, suggest_in, KnownSpeaker, Suggestion};

#[path = "support/documents.rs"]
mod documents;

use documents::annotate;

/// The suggestion whose span is exactly `exact`, checking its offsets agree with the text.
fn quote<'a>(text: &str, all: &'a [Suggestion], exact: &str) -> &'a Suggestion {
    let found = all.iter().find(|s| s.exact == exact).unwrap_or_else(|| {
        panic!(
            "no suggestion {exact:?}; got {:?}",
            all.iter().map(|s| &s.exact).collect::<Vec<_>>()
        )
    });
    let by_offsets: String = text
        .chars()
        .skip(found.start)
        .take(found.end - found.start)
        .collect();
    assert_eq!(by_offsets, exact, "offsets are code points over the text");
    found
}

fn speaker_of(text: &str, exact: &str) -> Option<String> {
    let all = suggest(text, &[]);
    quote(text, &all, exact).speaker.clone()
}

fn spans(text: &str) -> Vec<String> {
    suggest(text, &[]).into_iter().map(|s| s.exact).collect()
}

// --- speaker after the quote -------------------------------------------------------------

#[test]
fn speaker_after_the_quote_in_four_languages() {
    let en = "The bridge reopened on Monday.\n\n“We will rebuild the whole street,” said Mayor Jane Holloway.";
    assert_eq!(
        speaker_of(en, "We will rebuild the whole street,").as_deref(),
        Some("Jane Holloway")
    );
    let en2 = "“Nobody was hurt,” Holloway said.";
    assert_eq!(
        speaker_of(en2, "Nobody was hurt,").as_deref(),
        Some("Holloway")
    );
    let fr = "Le maire est arrivé vers midi. « Nous allons tout reconstruire », a déclaré Paul Lemoine, le maire de la ville.";
    assert_eq!(
        speaker_of(fr, "Nous allons tout reconstruire").as_deref(),
        Some("Paul Lemoine")
    );
    let de = "„Wir haben heute sehr gut gespielt“, sagte Trainer Jonas Albrecht nach dem Spiel.";
    assert_eq!(
        speaker_of(de, "Wir haben heute sehr gut gespielt").as_deref(),
        Some("Jonas Albrecht")
    );
    let de_so = "„Das war ein großer Tag für die Stadt“, so Bürgermeisterin Petra Lang.";
    assert_eq!(
        speaker_of(de_so, "Das war ein großer Tag für die Stadt").as_deref(),
        Some("Petra Lang")
    );
    let es = "\"Las escaleras estaban llenas de gente\", ha afirmado Lucía Ferrer, vecina del quinto piso.";
    assert_eq!(
        speaker_of(es, "Las escaleras estaban llenas de gente").as_deref(),
        Some("Lucía Ferrer")
    );
}

#[test]
fn a_pull_quote_signed_with_a_dash() {
    let en = "“Courage is contagious.” — Nora Whitfield\n\nThe talk drew a large crowd.";
    assert_eq!(
        speaker_of(en, "Courage is contagious.").as_deref(),
        Some("Nora Whitfield")
    );
}

#[test]
fn an_apposition_between_speaker_and_verb() {
    let en = "“We did what we could,” Maria Okafor, 45, said on Monday.";
    assert_eq!(
        speaker_of(en, "We did what we could,").as_deref(),
        Some("Maria Okafor")
    );
    let de = "„Der Abend war lang“, so der Trainer. Trainer Felix Brandt war trotzdem zufrieden.";
    let all = suggest(de, &[]);
    assert_eq!(quote(de, &all, "Der Abend war lang").rule, "cue_after");
}

#[test]
fn the_speaker_after_a_preposition_phrase_is_still_the_speaker() {
    let fr = "Le projet a pris du retard mais « tout le monde a tenu bon », explique à l'AFP Julien Marchand, président du club.";
    assert_eq!(
        speaker_of(fr, "tout le monde a tenu bon").as_deref(),
        Some("Julien Marchand")
    );
    let en =
        "\"The roof could have collapsed at any moment,\" Capt. Ron Malley of the Tempe Fire Department said.";
    assert_eq!(
        speaker_of(en, "The roof could have collapsed at any moment,").as_deref(),
        Some("Ron Malley")
    );
}

// --- speaker before the quote ------------------------------------------------------------

#[test]
fn speaker_before_the_quote() {
    let en = "Senator Alan Pierce said: \"This bill will not pass.\"";
    assert_eq!(
        speaker_of(en, "This bill will not pass.").as_deref(),
        Some("Alan Pierce")
    );
    let de = "Anna Berger: „Ich bin sehr stolz auf die Mannschaft.“";
    assert_eq!(
        speaker_of(de, "Ich bin sehr stolz auf die Mannschaft.").as_deref(),
        Some("Anna Berger")
    );
    let fr = "Sonia tient la boulangerie d'en face, elle a tout vu depuis sa vitrine\u{a0}: «\u{a0}La voiture roulait beaucoup trop vite.\u{a0}»";
    assert_eq!(
        speaker_of(fr, "La voiture roulait beaucoup trop vite.").as_deref(),
        Some("Sonia")
    );
    let es =
        "Ramón, conductor del autobús, ha indicado a los periodistas: \"Frené en cuanto pude.\"";
    assert_eq!(
        speaker_of(es, "Frené en cuanto pude.").as_deref(),
        Some("Ramón")
    );
}

// --- speaker in the paragraph before, or in the sentence after ---------------------------

#[test]
fn speaker_named_in_the_paragraph_before() {
    let statement = "Governor Tom Reedy issued the following statement on Friday.\n\n“Our state mourns a brave officer. We stand with his family.”";
    assert_eq!(
        speaker_of(
            statement,
            "Our state mourns a brave officer. We stand with his family."
        )
        .as_deref(),
        Some("Tom Reedy")
    );
    let label = "Nach dem Spiel\n\nTrainerin Lena Holm:\n\n„Wir waren heute nicht gut genug.“";
    assert_eq!(
        speaker_of(label, "Wir waren heute nicht gut genug.").as_deref(),
        Some("Lena Holm")
    );
    let role = "Mayor Jim Kessler visited the site. Later the mayor issued a statement.\n\n\"Our city will rebuild together.\"";
    assert_eq!(
        speaker_of(role, "Our city will rebuild together.").as_deref(),
        Some("Jim Kessler")
    );
}

#[test]
fn speaker_named_in_the_following_sentence() {
    let de = "Die Worte fielen früh am Abend. «Denken Sie an die Kinder.» Dies sagte Karl Huber, Projektleiter der Stadt.";
    assert_eq!(
        speaker_of(de, "Denken Sie an die Kinder.").as_deref(),
        Some("Karl Huber")
    );
    let en = "\"Will the plant close this year?\" Okoro asked Lindqvist.";
    assert_eq!(
        speaker_of(en, "Will the plant close this year?").as_deref(),
        Some("Okoro")
    );
}

// --- pronouns, roles, organisations, collectives ------------------------------------------

#[test]
fn pronouns_resolve_to_the_person_they_stand_for() {
    let en = "For a moment, Dana Whitfield thought her garden was lost.\n\n\"The water was up to my knees,\" she said.";
    assert_eq!(
        speaker_of(en, "The water was up to my knees,").as_deref(),
        Some("Dana Whitfield")
    );
    let fr = "Alerté par le bruit, Mathis est descendu dans la cour. \"J'ai vu la fumée sortir du toit\", raconte-t-il.";
    assert_eq!(
        speaker_of(fr, "J'ai vu la fumée sortir du toit").as_deref(),
        Some("Mathis")
    );
    let fr2 =
        "Nadia enseigne dans le quartier depuis dix ans. Émue, elle ajoute : « Rien ne sera plus comme avant. »";
    assert_eq!(
        speaker_of(fr2, "Rien ne sera plus comme avant.").as_deref(),
        Some("Nadia")
    );
    let de = "Lukas Brandt war zufrieden. „Das Team hat gekämpft“, sagte er.";
    assert_eq!(
        speaker_of(de, "Das Team hat gekämpft").as_deref(),
        Some("Lukas Brandt")
    );
    // Spanish drops the subject: the verb alone points back to the person talked about.
    let es = "Tomás bajó a la calle y vio las llamas. \"Pensé que era una broma\", relata.";
    assert_eq!(
        speaker_of(es, "Pensé que era una broma").as_deref(),
        Some("Tomás")
    );
}

#[test]
fn a_female_pronoun_skips_a_man_mentioned_later() {
    let en = "His wife Alma Marsh waited at home. On Monday, Paul Marsh left for work at 7 a.m. He said goodbye to his wife.\n\n\"He called me every evening,\" she said.";
    assert_eq!(
        speaker_of(en, "He called me every evening,").as_deref(),
        Some("Alma Marsh")
    );
}

#[test]
fn roles_resolve_to_the_named_person_who_holds_them() {
    let en = "Police Chief James Corrigan spoke on Thursday.\n\n“We will find whoever did this,” the chief said.";
    assert_eq!(
        speaker_of(en, "We will find whoever did this,").as_deref(),
        Some("James Corrigan")
    );
    let fr = "«\u{a0}Ce chantier était attendu\u{a0}», a souligné la ministre chargée du logement, Claire Fontaine.\n\nLe centre compte «\u{a0}des missions utiles\u{a0}», a expliqué la ministre.";
    assert_eq!(
        speaker_of(fr, "des missions utiles").as_deref(),
        Some("Claire Fontaine")
    );
    let es = "El alcalde de Villanueva, Andrés Molina, ha anunciado que la oficina \"seguirá abierta\".\n\n\"Seguiremos trabajando\", ha añadido el alcalde.";
    assert_eq!(
        speaker_of(es, "seguirá abierta").as_deref(),
        Some("Andrés Molina")
    );
    assert_eq!(
        speaker_of(es, "Seguiremos trabajando").as_deref(),
        Some("Andrés Molina")
    );
}

#[test]
fn an_unnamed_person_is_named_by_the_role_as_written() {
    let es = "«Yo estaba en la cocina - cuenta la mujer - cuando sonó la alarma».";
    let all = suggest(es, &[]);
    let q = quote(
        es,
        &all,
        "Yo estaba en la cocina - cuenta la mujer - cuando sonó la alarma",
    );
    // The inciso is inside the marks, so it is part of the quote, not an attribution.
    assert_eq!(all.len(), 1);
    assert!(q.speaker.is_none() || q.speaker.as_deref() == Some("la mujer"));
    let en = "A Customs Officer stopped the van. She said the driver gave \"vague\" answers.";
    assert_eq!(
        speaker_of(en, "vague").as_deref(),
        Some("A Customs Officer")
    );
}

#[test]
fn organisations_and_documents_speak() {
    let en = "“Our thoughts are with the crew,” the Marlow County Sheriff’s Office wrote.";
    assert_eq!(
        speaker_of(en, "Our thoughts are with the crew,").as_deref(),
        Some("Marlow County Sheriff’s Office")
    );
    let doc = "The family released a letter on Tuesday.\n\n\"We ask for privacy at this time,\" the statement said.";
    assert_eq!(
        speaker_of(doc, "We ask for privacy at this time,").as_deref(),
        Some("the statement")
    );
    let org = "“We are so sorry to hear this,” wrote the City of Dunmore Police Department.";
    let s = speaker_of(org, "We are so sorry to hear this,").unwrap_or_default();
    assert!(s.ends_with("Dunmore Police Department"), "{s}");
}

#[test]
fn collective_speakers() {
    let es = "Algunos vecinos cuentan que el ruido era 'insoportable' toda la noche.";
    assert_eq!(
        speaker_of(es, "insoportable").as_deref(),
        Some("Algunos vecinos")
    );
    let de = "Anwohner kritisieren: „Ein Schildbürgerstreich ohnegleichen“";
    assert_eq!(
        speaker_of(de, "Ein Schildbürgerstreich ohnegleichen").as_deref(),
        Some("Anwohner")
    );
    let en = "The family of Sam Noor released a statement saying they are \"grateful for every message.\"";
    assert_eq!(
        speaker_of(en, "grateful for every message.").as_deref(),
        Some("The family")
    );
}

// --- names -------------------------------------------------------------------------------

#[test]
fn people_sharing_a_surname_stay_apart() {
    let en = "\"I still can't believe it,\" his wife Ruth Calder said.\n\n\"We waited at the station all night,\" said daughter Tess Vale.\n\n\"Nobody told us anything,\" added her sister Lena Calder, and they waited.";
    assert_eq!(
        speaker_of(en, "I still can't believe it,").as_deref(),
        Some("Ruth Calder")
    );
    assert_eq!(
        speaker_of(en, "We waited at the station all night,").as_deref(),
        Some("Tess Vale")
    );
    assert_eq!(
        speaker_of(en, "Nobody told us anything,").as_deref(),
        Some("Lena Calder")
    );
}

#[test]
fn names_with_particles() {
    let en = "“Europe must act now,” Ursula von der Leyen said.";
    assert_eq!(
        speaker_of(en, "Europe must act now,").as_deref(),
        Some("Ursula von der Leyen")
    );
    let es = "\"No vamos a parar\", afirmó Inés de la Vega.";
    assert_eq!(
        speaker_of(es, "No vamos a parar").as_deref(),
        Some("Inés de la Vega")
    );
}

#[test]
fn first_name_only_speakers() {
    let en =
        "Nicola runs the bakery on the square.\n\n“The truck came out of nowhere,” said Nicola.";
    assert_eq!(
        speaker_of(en, "The truck came out of nowhere,").as_deref(),
        Some("Nicola")
    );
}

#[test]
fn surname_titles_and_known_speakers_resolve_to_the_full_name() {
    let text = "Sen. John McCain spoke on Tuesday.\n\n“We must act,” said Mr McCain.\n\n“Now,” McCain added.";
    assert_eq!(
        speaker_of(text, "We must act,").as_deref(),
        Some("John McCain")
    );
    assert_eq!(speaker_of(text, "Now,").as_deref(), Some("John McCain"));
    let known = [KnownSpeaker {
        name: "Senator McCain (AZ)".into(),
        aliases: vec!["John McCain".into()],
    }];
    let all = suggest(text, &known);
    assert_eq!(
        quote(text, &all, "We must act,").speaker.as_deref(),
        Some("Senator McCain (AZ)")
    );
}

// --- quote shapes ------------------------------------------------------------------------

#[test]
fn multi_paragraph_quote_gives_one_suggestion_per_paragraph() {
    let text = "Attorney General Dana Yates issued the following statement.\n\n“Today our state lost a dedicated public servant.\n\n“We will support the family in every way we can.\n\n“I thank the volunteers who helped through the night.”\n\nThe case is ongoing.";
    let all = suggest(text, &[]);
    let got: Vec<&str> = all.iter().map(|s| s.exact.as_str()).collect();
    assert_eq!(
        got,
        [
            "Today our state lost a dedicated public servant.",
            "We will support the family in every way we can.",
            "I thank the volunteers who helped through the night."
        ]
    );
    assert!(
        all.iter()
            .all(|s| s.speaker.as_deref() == Some("Dana Yates")),
        "{all:?}"
    );
}

#[test]
fn split_quotes_share_their_speaker() {
    let text = "“The investigation is at an early stage,” says Ostrowski. “We are asking witnesses to come forward.”\n\n\"This is a sad day,\" said Mayor Ada Brennan, \"and the city will support his family.\"";
    assert_eq!(
        speaker_of(text, "We are asking witnesses to come forward.").as_deref(),
        Some("Ostrowski")
    );
    assert_eq!(
        speaker_of(text, "This is a sad day,").as_deref(),
        Some("Ada Brennan")
    );
    assert_eq!(
        speaker_of(text, "and the city will support his family.").as_deref(),
        Some("Ada Brennan")
    );
}

#[test]
fn nested_quotes_belong_to_the_outer_quote() {
    let en = "\"She used to tell us, ‘Never give up. Tomorrow is another day,’\" he said.";
    assert_eq!(
        spans(en),
        ["She used to tell us, ‘Never give up. Tomorrow is another day,’"]
    );
    let en2 = "\"They call it 'Plan B' in the office,\" Moreau said.";
    assert_eq!(spans(en2), ["They call it 'Plan B' in the office,"]);
    let es = "\"Gritaban: 'Fuego, fuego'. Salimos corriendo\", ha señalado.";
    assert_eq!(spans(es), ["Gritaban: 'Fuego, fuego'. Salimos corriendo"]);
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let en = "Sen. Mark Warren said on Sunday that the vote was \"a turning point\" for the state.";
    assert_eq!(
        speaker_of(en, "a turning point").as_deref(),
        Some("Mark Warren")
    );
    let fr = "Ces refuges offrent «un toit provisoire» et souvent «une première écoute», a expliqué Claire Fontaine.";
    assert_eq!(
        speaker_of(fr, "un toit provisoire").as_deref(),
        Some("Claire Fontaine")
    );
    assert_eq!(
        speaker_of(fr, "une première écoute").as_deref(),
        Some("Claire Fontaine")
    );
}

#[test]
fn scare_quotes_and_titles_get_no_speaker_and_low_confidence() {
    let en = "Hale said on the radio show \"Morning Desk Live\" that the vote was close.";
    let all = suggest(en, &[]);
    let q = quote(en, &all, "Morning Desk Live");
    assert_eq!(q.speaker, None);
    assert!(q.confidence < 0.5);
    let de = "Rund 50 Gäste kamen am Montag ins Gasthaus «Linde». Die Stimmung war gut.";
    let all = suggest(de, &[]);
    let q = quote(de, &all, "Linde");
    assert_eq!(q.speaker, None);
    assert!(q.confidence < 0.5);
}

#[test]
fn headline_quotes_take_the_speaker_whose_words_they_repeat() {
    let text = "'A Hero To All Of Us': Firefighter Killed In Blaze\n\nA firefighter died on Saturday.\n\n\"He was a hero to all of us,\" said Fire Commissioner Adam Thorne. \"The whole department grieves.\"";
    assert_eq!(
        speaker_of(text, "A Hero To All Of Us").as_deref(),
        Some("Adam Thorne")
    );
    let fr = "Villeneuve : \"les flammes montaient jusqu'au toit\"\n\nMathis habite en face. \"J'ai vu les flammes qui montaient jusqu'au toit du garage\", raconte-t-il.";
    assert_eq!(
        speaker_of(fr, "les flammes montaient jusqu'au toit").as_deref(),
        Some("Mathis")
    );
    let colon =
        "Lindqvist: 'The Hardest Decision Of My Career'\n\nSen. Karin Lindqvist spoke on Sunday.";
    assert_eq!(
        speaker_of(colon, "The Hardest Decision Of My Career").as_deref(),
        Some("Karin Lindqvist")
    );
}

#[test]
fn mismatched_marks_as_published() {
    let text = "Police said the driver made a ‘sudden turn.” Then it ended.\n\n\"I still can't believe it,” his wife Ruth Calder said.\n\n\"Das war ein schöner Abend.“";
    assert_eq!(
        spans(text),
        [
            "sudden turn.",
            "I still can't believe it,",
            "Das war ein schöner Abend."
        ]
    );
}

#[test]
fn straight_quotes_are_told_from_apostrophes_inches_and_primes() {
    let text = "The players' union said the 6'2\" striker, who grew up in the '90s, was \"ready to play.\" It's Tom's call.";
    assert_eq!(spans(text), ["ready to play."]);
    let primes = "The 12\"-wide panel sits at 40° 26′ 46″ N.";
    assert!(spans(primes).is_empty());
}

#[test]
fn spans_are_whole_grapheme_clusters() {
    // A combining accent on the closing mark makes the mark part of the last character.
    let text = "She said \"caf\u{e9} au lait\"\u{301} and left.";
    for s in suggest(text, &[]) {
        let index = quotemark::core::text::TextIndex::new(text);
        assert!(index.is_grapheme_boundary(s.start) && index.is_grapheme_boundary(s.end));
    }
    let emoji = "“Family 👩\u{200d}👩\u{200d}👧 day,” said Ana Ruiz.";
    assert_eq!(spans(emoji), ["Family 👩\u{200d}👩\u{200d}👧 day,"]);
}

#[test]
fn guillemets_with_no_break_spaces_exclude_the_padding() {
    let fr = "«\u{a0}Le début de match a été difficile, mais on a su réagir.\u{a0}»\n\nAprès le match, l’entraîneur principal ne cachait pas sa satisfaction. «\u{202f}On a montré du caractère.\u{202f}»";
    assert_eq!(
        spans(fr),
        [
            "Le début de match a été difficile, mais on a su réagir.",
            "On a montré du caractère."
        ]
    );
    let all = suggest(fr, &[]);
    let second = quote(fr, &all, "On a montré du caractère.");
    assert_eq!(second.speaker.as_deref(), Some("l’entraîneur principal"));
}

#[test]
fn german_low_high_marks_and_reversed_guillemets() {
    let text = "„Wir wollten von Anfang an Druck machen“, sagte Niko Sander. Später: »Das ist ein schönes Gefühl«, sagte er.";
    assert_eq!(
        spans(text),
        [
            "Wir wollten von Anfang an Druck machen",
            "Das ist ein schönes Gefühl"
        ]
    );
    let single = "Er nannte es ‚eine Frechheit‘ und ging.";
    assert_eq!(spans(single), ["eine Frechheit"]);
    let angles = "Le mot ‹ fou › revient souvent.";
    assert_eq!(spans(angles), ["fou"]);
}

// --- contract ----------------------------------------------------------------------------

#[test]
fn works_on_an_articles_text_content_and_is_deterministic() {
    let article = Article::from_text(
        "Bridge reopens\n\nThe bridge reopened on Monday.\n\n“We will rebuild,” said Mayor Jane Holloway.",
    )
    .expect("loads");
    let text = article.text_content();
    let first = suggest(text, &[]);
    assert_eq!(first, suggest(text, &[]));
    let q = quote(text, &first, "We will rebuild,");
    assert_eq!(q.speaker.as_deref(), Some("Jane Holloway"));
    assert_eq!(q.rule, "cue_after");
    assert!(q.reason.contains("said"), "{}", q.reason);
    assert!((0.0..=1.0).contains(&q.confidence));
}

#[test]
fn the_language_can_be_given() {
    let text = "Marie Lenoir rentre chez elle. « C'est fini », dit-elle.";
    let all = suggest_in(text, &[], Some("fr"));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].rule, "cue_after");
    assert_eq!(all[0].speaker.as_deref(), Some("Marie Lenoir"));
    // A pronoun with nobody to stand for gives no speaker rather than a wrong one.
    let alone = suggest_in("« C'est fini », dit-elle.", &[], Some("fr"));
    assert_eq!(alone[0].speaker, None);
}

#[test]
fn no_quotes_no_suggestions() {
    assert!(suggest(
        "Fire chief: crews contain warehouse blaze\n\nNobody said anything.",
        &[]
    )
    .is_empty());
    assert!(suggest("", &[]).is_empty());
}

/// Text made of quotation marks, punctuation, spaces, newlines, titles and names in every
/// combination never panics, and every suggestion's offsets stay inside the text and give
/// back its `exact`.
#[test]
fn never_panics_on_mark_soup() {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "“",
        "”",
        "„",
        "‘",
        "’",
        "‚",
        "«",
        "»",
        "‹",
        "›",
        " ",
        "\u{a0}",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "-",
        "6",
        "said",
        "Mr",
        "Anna",
        "Berg",
        "she",
        "la",
        "ministre",
        "dit-elle",
        "sagte",
        "ha",
        "dicho",
        "the",
        "statement",
        "of",
        "de",
        "Police",
        "Chief",
        "é",
        "👩‍👩‍👧",
        "l’AFP",
        "s",
        "a.m.",
        "?",
        "…",
    ];
    let mut state: u64 = 0x5EED;
    for _ in 0..3000 {
        let mut text = String::new();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (state >> 58) as usize + 1;
        for _ in 0..len {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
        }
        let n = text.chars().count();
        for s in suggest(&text, &[]) {
            assert!(s.start < s.end && s.end <= n, "{text:?}");
            let got: String = text.chars().skip(s.start).take(s.end - s.start).collect();
            assert_eq!(got, s.exact, "{text:?}");
            assert!((0.0..=1.0).contains(&s.confidence));
        }
    }
}

// --- whole passages ----------------------------------------------------------------------

/// Short news stories written for this test, three to six per language, each mixing several shapes;
/// every quote must get the speaker a reader would name.
#[test]
fn news_passages_in_four_languages() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            EN_STORY,
            &[
                (
                    "This is a budget that reflects our values,",
                    "Maria Delgado",
                ),
                ("We listened to residents.", "Maria Delgado"),
                ("a gamble with taxpayer money.", "Roy Fletcher"),
                ("We are spending money we don't have,", "Roy Fletcher"),
                ("grateful for the hard work", "Linda Osei"),
                ("I will sign it on Friday,", "Linda Osei"),
                ("It's not perfect, but it's fair,", "Paul Wen"),
            ],
        ),
        (
            FR_STORY,
            &[
                ("irresponsable", "Clément Beaune"),
                ("Les Français ont besoin de leurs trains", "Clément Beaune"),
                (
                    "C'est la troisième fois ce mois-ci. Je vais perdre mon travail",
                    "Marie",
                ),
            ],
        ),
        (
            DE_STORY,
            &[
                ("Das ist ein guter Tag für alle Radfahrer", "Katrin Weber"),
                ("Das Projekt ist viel zu teuer", "Michael Braun"),
                (
                    "Endlich passiert etwas. Wir warten seit Jahren darauf.",
                    "Petra Schulz",
                ),
                ("Wir fangen sofort an", "Katrin Weber"),
            ],
        ),
        (
            ES_STORY,
            &[
                ("Es un día histórico para la ciudad", "Carmen Ruiz"),
                ("No se ha escuchado a los vecinos", "Javier Gómez"),
                ("Vamos a trabajar con todos los barrios", "Carmen Ruiz"),
                ("Llevan años prometiendo lo mismo", "Ana"),
            ],
        ),
    ];
    for (text, expected) in cases
        .iter()
        .chain(MORE_CASES)
        .chain(THIRD_CASES)
        .chain(FOURTH_CASES)
        .chain(FIFTH_CASES)
        .chain(SIXTH_CASES)
    {
        for (exact, speaker) in *expected {
            assert_eq!(
                speaker_of(text, exact).as_deref(),
                Some(*speaker),
                "{exact}"
            );
        }
    }
}

const EN_STORY: &str = r#"City council approves budget after heated debate

SPRINGFIELD — The city council voted 5-2 on Tuesday to approve a $40 million budget, ending weeks of debate over police funding.

"This is a budget that reflects our values," Councilwoman Maria Delgado said after the vote. "We listened to residents."

Councilman Roy Fletcher, who voted against the plan, called it "a gamble with taxpayer money."

"We are spending money we don't have," Fletcher told reporters outside City Hall. He added that he would push for an audit next year.

Mayor Linda Osei, who must sign the budget, said in a statement that she was "grateful for the hard work" of the council.

"I will sign it on Friday," she said.

According to the city's finance director, Paul Wen, the budget includes a 3% raise for city workers.

"It's not perfect, but it's fair," Wen said.

Residents who packed the meeting were divided. "I've lived here 30 years and I've never seen it this bad," said Gloria Hunt, 67, a retired teacher."#;

const FR_STORY: &str = r#"Grève à la SNCF : « Nous ne lâcherons rien », prévient le syndicat

Les cheminots ont entamé jeudi une grève reconductible. « Nous ne lâcherons rien », a prévenu Laurent Brun, secrétaire général de la CGT-Cheminots, devant la gare de Lyon.

Le ministre des Transports, Clément Beaune, a dénoncé une grève « irresponsable ». « Les Français ont besoin de leurs trains », a-t-il déclaré sur France Inter.

Selon la direction, un TGV sur deux circulera vendredi.

Marie, une voyageuse rencontrée sur le quai, ne cache pas sa colère. « C'est la troisième fois ce mois-ci. Je vais perdre mon travail », confie-t-elle."#;

const DE_STORY: &str = r#"Stadtrat beschließt neues Radwegenetz

Der Stadtrat hat am Mittwoch mit großer Mehrheit ein neues Radwegenetz beschlossen. „Das ist ein guter Tag für alle Radfahrer“, sagte Oberbürgermeisterin Katrin Weber nach der Sitzung.

Kritik kam von der Opposition. „Das Projekt ist viel zu teuer“, erklärte Fraktionschef Michael Braun. Die Kosten lägen bei mehr als zehn Millionen Euro.

Anwohnerin Petra Schulz sieht das anders: „Endlich passiert etwas. Wir warten seit Jahren darauf.“

Laut Weber sollen die ersten Wege im Frühjahr fertig sein. „Wir fangen sofort an“, sagte sie."#;

const ES_STORY: &str = r#"El Ayuntamiento aprueba el nuevo plan de movilidad

El pleno del Ayuntamiento aprobó este jueves el nuevo plan de movilidad con los votos del equipo de gobierno. "Es un día histórico para la ciudad", ha afirmado la alcaldesa, Carmen Ruiz, tras la votación.

La oposición ha criticado el plan. "No se ha escuchado a los vecinos", ha lamentado el portavoz del PP, Javier Gómez, quien ha anunciado que recurrirá la decisión.

Según Ruiz, las obras comenzarán en septiembre. "Vamos a trabajar con todos los barrios", ha asegurado.

Ana, vecina del centro, se muestra escéptica: "Llevan años prometiendo lo mismo"."#;

const MORE_CASES: &[(&str, &[(&str, &str)])] = &[
    (
        EN_STORY_2,
        &[
            ("chaotic.", "Officials"),
            (
                "We are cooperating fully with investigators.",
                "the company",
            ),
            ("We had no warning at all,", "Tom Baker"),
            ("The water came in through the floor.", "Tom Baker"),
            ("I have never seen anything like this,", "Sandra Ortiz"),
            ("It was terrifying,", "Tom Baker"),
            ("failed in at least three places.", "The report"),
        ],
    ),
    (
        DE_STORY_2,
        &[
            (
                "Der Fahrer hat offenbar die Kontrolle verloren",
                "ein Polizeisprecher",
            ),
            ("Wir waren schnell vor Ort", "Jens Möller"),
            ("Es gab einen lauten Knall.", "Eine Zeugin"),
        ],
    ),
    (
        ES_STORY_2,
        &[
            ("Todo ocurrió muy rápido", "Luis Martín"),
            ("Pensé que no lo contábamos", "Rosa García"),
        ],
    ),
    (
        FR_STORY_2,
        &[
            ("On a eu très peur", "une habitante"),
            (
                "Tout sera fait pour reloger les familles",
                "Jean-Pierre Martin",
            ),
        ],
    ),
];

const THIRD_CASES: &[(&str, &[(&str, &str)])] = &[
    (
        EN_STORY_3,
        &[
            ("This is what bipartisanship looks like,", "Debbie Stabenow"),
            ("has serious problems", "Pat Roberts"),
            ("We've got a long way to go,", "Pat Roberts"),
            (
                "a giveaway to the biggest farms.",
                "Environmental Working Group",
            ),
            ("Taxpayers deserve better.", "Ken Cook"),
            ("as soon as possible.", "Paul Ryan"),
        ],
    ),
    (
        DE_STORY_3,
        &[
            ("Wir lassen uns nicht länger hinhalten.", "Claus Weselsky"),
            ("Dieser Streik ist völlig unnötig", "Martin Seiler"),
            ("Wir sind jederzeit gesprächsbereit", "Martin Seiler"),
        ],
    ),
    (
        ES_STORY_3,
        &[
            (
                "Es una respuesta a una situación excepcional",
                "Luis Planas",
            ),
            ("Llega tarde y es poco", "Jorge Blanco"),
            ("Hemos escuchado al sector", "Luis Planas"),
        ],
    ),
    (
        FR_STORY_3,
        &[
            ("Je veux terminer le travail engagé", "Anne Dubois"),
            ("Six ans de promesses non tenues, ça suffit", "Marc Lefèvre"),
            ("Rien n'est joué.", "Henri Blanc"),
        ],
    ),
];

const FOURTH_CASES: &[(&str, &[(&str, &str)])] = &[
    (
        EN_STORY_4,
        &[
            ("Our members have been clear,", "Karen Liu"),
            ("They want smaller classes and fair pay.", "Karen Liu"),
            ("disappointing", "David Cole"),
            (
                "We remain committed to reaching an agreement,",
                "David Cole",
            ),
            (
                "I support the teachers, but I also need my kids in school,",
                "Maria Santos",
            ),
            ("Somebody needs to fix this,", "Jim Parker"),
        ],
    ),
    (
        DE_STORY_4,
        &[
            (
                "Die Bewohner konnten sich rechtzeitig in Sicherheit bringen",
                "Tobias Lang",
            ),
            ("Es war überall Rauch.", "Ein Nachbar"),
            ("Ich danke allen Einsatzkräften", "Sabine Kurz"),
        ],
    ),
    (
        ES_STORY_4,
        &[
            (
                "Se llevaron todo lo que había en el escaparate",
                "Antonio Ruiz",
            ),
            ("tranquilidad", "Ángeles Muñoz"),
            ("No es la primera vez que ocurre", "una vecina"),
        ],
    ),
];

const FIFTH_CASES: &[(&str, &[(&str, &str)])] = &[
    (
        FR_STORY_5,
        &[
            (
                "Nous avons enregistré des rafales à 150 km/h",
                "Météo-France",
            ),
            ("La nuit a été très longue pour nos équipes", "Éric Le Goff"),
            (
                "On a entendu le toit craquer toute la nuit, j'avais peur pour les enfants",
                "Sophie",
            ),
            ("La prudence reste de mise", "Le préfet"),
        ],
    ),
    (
        DE_STORY_5,
        &[
            ("Ich freue mich sehr auf die Aufgabe", "Thomas Berger"),
            ("Thomas passt perfekt zu unserem Verein.", "Frank Weiß"),
            ("Mal sehen, ob er es besser macht", "ein Anhänger"),
        ],
    ),
];

const SIXTH_CASES: &[(&str, &[(&str, &str)])] = &[
    (
        EN_STORY_6,
        &[
            ("My opponent wants to raise your taxes,", "Ellen Park"),
            ("Four years, and nothing to show for it,", "Mark Diaz"),
            ("Would you support rent control?", "Lisa Grant"),
            ("No,", "Ellen Park"),
            ("Yes, in some cities,", "Mark Diaz"),
        ],
    ),
    (
        ES_STORY_6,
        &[
            ("Es un momento muy especial para todos", "Carlo Ancelotti"),
            ("Esto es para vosotros", "Nacho Fernández"),
            ("No tengo palabras", "Jude Bellingham"),
        ],
    ),
];

const EN_STORY_6: &str = r#"Rivals clash in final debate

Governor Ellen Park and her challenger, state Sen. Mark Diaz, sparred over taxes on Tuesday night.

"My opponent wants to raise your taxes," Park said. She pointed to his voting record.

Diaz shot back that the governor had "no plan at all" for the state's schools. "Four years, and nothing to show for it," he said.

The moderator, Lisa Grant of KTVB, asked both candidates about housing. "Would you support rent control?" she asked.

"No," Park said.

"Yes, in some cities," Diaz said."#;

const ES_STORY_6: &str = r#"El Real Madrid gana la Liga

El Real Madrid se proclamó campeón tras vencer al Cádiz por 3-0. "Es un momento muy especial para todos", dijo Carlo Ancelotti al término del partido.

El capitán, Nacho Fernández, dedicó el título a la afición. "Esto es para vosotros", gritó desde el césped.

Jude Bellingham, autor de dos goles, se mostró emocionado: "No tengo palabras"."#;

const FR_STORY_5: &str = r#"Tempête : des milliers de foyers privés d'électricité

La tempête a frappé la Bretagne dans la nuit de mercredi à jeudi. « Nous avons enregistré des rafales à 150 km/h », indique Météo-France dans un communiqué.

À Brest, les pompiers sont intervenus plus de 200 fois. « La nuit a été très longue pour nos équipes », reconnaît le commandant Éric Le Goff, du SDIS 29.

Sophie, une habitante de Quimper, a passé la nuit sans courant. « On a entendu le toit craquer toute la nuit, j'avais peur pour les enfants », raconte-t-elle.

Le préfet a demandé aux habitants de limiter leurs déplacements. « La prudence reste de mise », a-t-il insisté."#;

const DE_STORY_5: &str = r#"Neuer Trainer beim FC

Der FC hat einen neuen Trainer. Thomas Berger übernimmt ab sofort die Mannschaft. „Ich freue mich sehr auf die Aufgabe“, sagte der 45-Jährige bei seiner Vorstellung.

Sportdirektor Frank Weiß ist überzeugt: „Thomas passt perfekt zu unserem Verein.“ Berger war zuletzt in Österreich tätig.

Die Fans reagierten gemischt. „Mal sehen, ob er es besser macht“, schrieb ein Anhänger im Internet."#;

const EN_STORY_4: &str = r#"Teachers vote to strike

Teachers in the district voted overwhelmingly on Wednesday to authorize a strike, union leaders said.

"Our members have been clear," said Karen Liu, president of the teachers' union. "They want smaller classes and fair pay."

Superintendent David Cole called the vote "disappointing" but said talks would continue. "We remain committed to reaching an agreement," Cole said in a statement.

Parents had mixed reactions. "I support the teachers, but I also need my kids in school," said Maria Santos, whose two children attend Lincoln Elementary.

Jim Parker, a father of three, was blunter. "Somebody needs to fix this," he said."#;

const DE_STORY_4: &str = r#"Feuer in Mehrfamilienhaus

In der Nacht zu Sonntag ist in einem Mehrfamilienhaus in der Innenstadt ein Feuer ausgebrochen. Verletzt wurde niemand. „Die Bewohner konnten sich rechtzeitig in Sicherheit bringen“, sagte Feuerwehrsprecher Tobias Lang am Morgen.

Nach ersten Erkenntnissen der Polizei war eine brennende Kerze die Ursache. Ein Nachbar schilderte die Lage: „Es war überall Rauch.“ Er habe sofort die Feuerwehr gerufen.

Bürgermeisterin Sabine Kurz zeigte sich erleichtert. „Ich danke allen Einsatzkräften“, sagte sie."#;

const ES_STORY_4: &str = r#"La Guardia Civil investiga un robo en Marbella

Los ladrones entraron de madrugada en una joyería del centro. "Se llevaron todo lo que había en el escaparate", explicó a este periódico el dueño del local, Antonio Ruiz.

Según fuentes de la investigación, los autores actuaron con el rostro cubierto. La alcaldesa, Ángeles Muñoz, pidió "tranquilidad" a los vecinos y aseguró que se reforzará la vigilancia.

"No es la primera vez que ocurre", lamentó una vecina, que prefirió no dar su nombre."#;

const EN_STORY_3: &str = r#"Senate passes farm bill

WASHINGTON (AP) — The Senate on Thursday passed a farm bill that supporters call "the most important rural legislation in a decade."

Sen. Debbie Stabenow, D-Mich., and Sen. Pat Roberts, R-Kan., wrote the bill together. "This is what bipartisanship looks like," Stabenow said on the Senate floor.

Roberts was more cautious. He said the House version "has serious problems" and warned that negotiations could drag on.

"We've got a long way to go," he said.

Critics, including the Environmental Working Group, called the subsidies "a giveaway to the biggest farms." The group's president, Ken Cook, said in an email: "Taxpayers deserve better."

The bill now goes to the House. Speaker Paul Ryan said he hoped for a vote "as soon as possible.""#;

const DE_STORY_3: &str = r#"Streik bei der Bahn

Die Gewerkschaft GDL hat für Donnerstag einen Streik angekündigt. GDL-Chef Claus Weselsky sagte: „Wir lassen uns nicht länger hinhalten.“

Die Bahn reagierte mit Unverständnis. „Dieser Streik ist völlig unnötig“, sagte Personalvorstand Martin Seiler. Er forderte die Gewerkschaft auf, an den Verhandlungstisch zurückzukehren.

„Wir sind jederzeit gesprächsbereit“, betonte er."#;

const ES_STORY_3: &str = r#"El Gobierno anuncia ayudas para los agricultores

El ministro de Agricultura, Luis Planas, anunció este martes un paquete de ayudas de 200 millones. "Es una respuesta a una situación excepcional", dijo Planas en rueda de prensa.

Las organizaciones agrarias consideran insuficiente la medida. "Llega tarde y es poco", criticó el secretario general de COAG, Jorge Blanco.

Planas defendió el plan: "Hemos escuchado al sector"."#;

const FR_STORY_3: &str = r#"Municipales : la maire sortante candidate à sa succession

Anne Dubois a officialisé lundi sa candidature. « Je veux terminer le travail engagé », a-t-elle expliqué lors d'une conférence de presse.

Son principal adversaire, Marc Lefèvre, a aussitôt réagi. « Six ans de promesses non tenues, ça suffit », a-t-il lancé sur les réseaux sociaux.

Pour le politologue Henri Blanc, la campagne « sera serrée ». Il ajoute : « Rien n'est joué. »"#;

const EN_STORY_2: &str = r#"Officials described the scene as "chaotic." In a statement, the company said: "We are cooperating fully with investigators."

"We had no warning at all," Tom Baker told The Associated Press. "The water came in through the floor."

His neighbor, Sandra Ortiz, said she had lived on the street for 20 years. "I have never seen anything like this," she said.

"It was terrifying," said Baker, who lost his car. "But we are alive."

The report says the levee "failed in at least three places.""#;

const DE_STORY_2: &str = r#"Unfall auf der A7

Bei einem Unfall auf der A7 sind am Montag zwei Menschen verletzt worden. „Der Fahrer hat offenbar die Kontrolle verloren“, sagte ein Polizeisprecher.

„Wir waren schnell vor Ort“, so der Einsatzleiter der Feuerwehr, Jens Möller. Die Autobahn war drei Stunden gesperrt.

Eine Zeugin berichtete: „Es gab einen lauten Knall.“"#;

const ES_STORY_2: &str = r#"Un incendio obliga a desalojar un edificio en Sevilla

«Todo ocurrió muy rápido», explicó a Efe el portavoz de los bomberos, Luis Martín. Según Martín, el fuego se originó en la cocina.

Rosa García, vecina del tercer piso, relató que salió a la calle en pijama. «Pensé que no lo contábamos», aseguró."#;

const FR_STORY_2: &str = r#"« On a eu très peur », témoigne une habitante. Le feu s'est déclaré vers 3 heures dans un appartement du deuxième étage.

Le maire, Jean-Pierre Martin, s'est rendu sur place. « Tout sera fait pour reloger les familles », a-t-il assuré.

Selon les pompiers, l'incendie est d'origine accidentelle."#;

#[test]
fn a_document_is_offered_only_the_quotes_it_does_not_have_yet() {
    use quotemark::core::document::{AnnotationKind, Document};
    use quotemark::core::suggest::for_document;
    use quotemark::core::text::CharRange;
    let text = "Ferry strike ends\n\n\
        “We have a deal,” said Mira Kallio, the union leader. “Ships sail on Monday.”";
    let all = for_document(text, &Document::new("ferry"), Some("en"));
    assert_eq!(
        all.iter().map(|s| s.exact.as_str()).collect::<Vec<_>>(),
        ["We have a deal,", "Ships sail on Monday."]
    );
    assert_eq!(all[0].id(), format!("sg{}-{}", all[0].start, all[0].end));
    let mut document = Document::new("ferry");
    let range = CharRange::new(all[0].start, all[0].end);
    annotate(
        &mut document,
        text,
        AnnotationKind::Quote,
        range,
        None,
        "",
        1,
    );
    let left = for_document(text, &document, Some("en"));
    assert_eq!(
        left.iter().map(|s| s.exact.as_str()).collect::<Vec<_>>(),
        ["Ships sail on Monday."]
    );
}
