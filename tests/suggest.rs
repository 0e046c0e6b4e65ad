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
    let es = "\"El humo subía muy rápido\", ha afirmado Lucía Ferrer, vecina del quinto piso.";
    assert_eq!(
        speaker_of(es, "El humo subía muy rápido").as_deref(),
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
        "\"The dog was barely breathing,\" Capt. Ron Malley of the Tempe Fire Department said.";
    assert_eq!(
        speaker_of(en, "The dog was barely breathing,").as_deref(),
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
    let fr = "Sonia habite l'immeuble voisin, elle était présente lors du drame\u{a0}: «\u{a0}Le feu a pris très vite.\u{a0}»";
    assert_eq!(
        speaker_of(fr, "Le feu a pris très vite.").as_deref(),
        Some("Sonia")
    );
    let es = "Ramón, vecino del edificio, ha indicado a los medios: \"Fue todo muy rápido.\"";
    assert_eq!(
        speaker_of(es, "Fue todo muy rápido.").as_deref(),
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
    let label =
        "Die Stimmen zum Spiel\n\nTrainerin Lena Holm:\n\n„Wir waren heute nicht gut genug.“";
    assert_eq!(
        speaker_of(label, "Wir waren heute nicht gut genug.").as_deref(),
        Some("Lena Holm")
    );
    let role = "Mayor Jim Kessler spoke at the scene. Later the mayor issued a statement.\n\n\"I am deeply saddened by this loss.\"";
    assert_eq!(
        speaker_of(role, "I am deeply saddened by this loss.").as_deref(),
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
    let en = "\"Is there any chance the bill fails?\" Tapper asked Warner.";
    assert_eq!(
        speaker_of(en, "Is there any chance the bill fails?").as_deref(),
        Some("Tapper")
    );
}

// --- pronouns, roles, organisations, collectives ------------------------------------------

#[test]
fn pronouns_resolve_to_the_person_they_stand_for() {
    let en = "For a moment, Dana Whitfield thought her cat was gone.\n\n\"He was not moving at all,\" she said.";
    assert_eq!(
        speaker_of(en, "He was not moving at all,").as_deref(),
        Some("Dana Whitfield")
    );
    let fr = "Réveillé par les sirènes, Thierry est sorti dans la rue. \"J'ai vu les pompiers arriver\", raconte-t-il.";
    assert_eq!(
        speaker_of(fr, "J'ai vu les pompiers arriver").as_deref(),
        Some("Thierry")
    );
    let fr2 =
        "Nadia connaissait bien les enfants. En larmes, elle ajoute : « Je ne comprends pas. »";
    assert_eq!(
        speaker_of(fr2, "Je ne comprends pas.").as_deref(),
        Some("Nadia")
    );
    let de = "Lukas Brandt war zufrieden. „Das Team hat gekämpft“, sagte er.";
    assert_eq!(
        speaker_of(de, "Das Team hat gekämpft").as_deref(),
        Some("Lukas Brandt")
    );
    // Spanish drops the subject: the verb alone points back to the person talked about.
    let es = "Pedro salió al pasillo y olió a goma quemada. \"Ahí ya me asusté\", relata.";
    assert_eq!(speaker_of(es, "Ahí ya me asusté").as_deref(), Some("Pedro"));
}

#[test]
fn a_female_pronoun_skips_a_man_mentioned_later() {
    let en = "His wife Judy Marsh waited at home. On Monday, Paul Marsh left for work at 7 a.m. He said goodbye to his wife.\n\n\"He always kissed me goodbye,\" she said.";
    assert_eq!(
        speaker_of(en, "He always kissed me goodbye,").as_deref(),
        Some("Judy Marsh")
    );
}

#[test]
fn roles_resolve_to_the_named_person_who_holds_them() {
    let en = "Police Chief James Corrigan spoke on Thursday.\n\n“The violence must stop,” the chief said.";
    assert_eq!(
        speaker_of(en, "The violence must stop,").as_deref(),
        Some("James Corrigan")
    );
    let fr = "«\u{a0}Il était temps\u{a0}», a souligné la ministre chargée du logement, Claire Fontaine.\n\nLe centre compte «\u{a0}des missions utiles\u{a0}», a expliqué la ministre.";
    assert_eq!(
        speaker_of(fr, "des missions utiles").as_deref(),
        Some("Claire Fontaine")
    );
    let es = "El alcalde de Villanueva, Andrés Molina, ha anunciado que la oficina \"no se cierra\".\n\n\"Seguiremos trabajando\", ha añadido el alcalde.";
    assert_eq!(
        speaker_of(es, "no se cierra").as_deref(),
        Some("Andrés Molina")
    );
    assert_eq!(
        speaker_of(es, "Seguiremos trabajando").as_deref(),
        Some("Andrés Molina")
    );
}

#[test]
fn an_unnamed_person_is_named_by_the_role_as_written() {
    let es = "«No sabía qué ocurría - dice la mujer - hasta que vi el humo».";
    let all = suggest(es, &[]);
    let q = quote(
        es,
        &all,
        "No sabía qué ocurría - dice la mujer - hasta que vi el humo",
    );
    // The inciso is inside the marks, so it is part of the quote, not an attribution.
    assert_eq!(all.len(), 1);
    assert!(q.speaker.is_none() || q.speaker.as_deref() == Some("la mujer"));
    let en = "A Park Ranger stopped the car. She said the driver gave \"evasive\" answers.";
    assert_eq!(speaker_of(en, "evasive").as_deref(), Some("A Park Ranger"));
}

#[test]
fn organisations_and_documents_speak() {
    let en = "“Devastating loss of a young deputy,” the Ocala County Sheriff’s Office wrote.";
    assert_eq!(
        speaker_of(en, "Devastating loss of a young deputy,").as_deref(),
        Some("Ocala County Sheriff’s Office")
    );
    let doc = "The family released a letter on Tuesday.\n\n\"We are living a nightmare,\" the statement said.";
    assert_eq!(
        speaker_of(doc, "We are living a nightmare,").as_deref(),
        Some("the statement")
    );
    let org = "“We are so sorry to hear this,” wrote the City of Dunmore Police Department.";
    let s = speaker_of(org, "We are so sorry to hear this,").unwrap_or_default();
    assert!(s.ends_with("Dunmore Police Department"), "{s}");
}

#[test]
fn collective_speakers() {
    let es =
        "Otros vecinos cuentan que las llamas eran 'gigantescas' y que se rompieron cristales.";
    assert_eq!(
        speaker_of(es, "gigantescas").as_deref(),
        Some("Otros vecinos")
    );
    let de = "Erbacher kritisieren: „Eine Inszenierung vom Feinsten“";
    assert_eq!(
        speaker_of(de, "Eine Inszenierung vom Feinsten").as_deref(),
        Some("Erbacher")
    );
    let en = "The family of Sam Noor released a statement saying they are \"heart-broken and confused.\"";
    assert_eq!(
        speaker_of(en, "heart-broken and confused.").as_deref(),
        Some("The family")
    );
}

// --- names -------------------------------------------------------------------------------

#[test]
fn people_sharing_a_surname_stay_apart() {
    let en = "\"I am just so shocked,\" his wife Ruth Calder said.\n\n\"After the last bus left, we were still there,\" said daughter Erin Vale.\n\n\"The Red Cross was packing up,\" added her sister Megan Calder, and they waited.";
    assert_eq!(
        speaker_of(en, "I am just so shocked,").as_deref(),
        Some("Ruth Calder")
    );
    assert_eq!(
        speaker_of(en, "After the last bus left, we were still there,").as_deref(),
        Some("Erin Vale")
    );
    assert_eq!(
        speaker_of(en, "The Red Cross was packing up,").as_deref(),
        Some("Megan Calder")
    );
}

#[test]
fn names_with_particles() {
    let en = "“Europe must act now,” Ursula von der Leyen said.";
    assert_eq!(
        speaker_of(en, "Europe must act now,").as_deref(),
        Some("Ursula von der Leyen")
    );
    let es = "\"No vamos a parar\", afirmó Pedro de la Rosa.";
    assert_eq!(
        speaker_of(es, "No vamos a parar").as_deref(),
        Some("Pedro de la Rosa")
    );
}

#[test]
fn first_name_only_speakers() {
    let en = "Nicola works at a shop on the corner.\n\n“Then he turned the corner and I saw one tire,” said Nicola.";
    assert_eq!(
        speaker_of(en, "Then he turned the corner and I saw one tire,").as_deref(),
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
    let text = "Attorney General Dana Yates issued the following statement.\n\n“My heart is torn by this loss.\n\n“I share in the anguish of this community.\n\n“My thanks to the county for its help.”\n\nThe case is ongoing.";
    let all = suggest(text, &[]);
    let got: Vec<&str> = all.iter().map(|s| s.exact.as_str()).collect();
    assert_eq!(
        got,
        [
            "My heart is torn by this loss.",
            "I share in the anguish of this community.",
            "My thanks to the county for its help."
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
    let text = "“As we work through it, we get a clearer picture,” says Livingston. “The suspect fired shots inside.”\n\n\"We mourn the loss,\" said Mayor Jim Kenney, \"and we will be there for his family.\"";
    assert_eq!(
        speaker_of(text, "The suspect fired shots inside.").as_deref(),
        Some("Livingston")
    );
    assert_eq!(
        speaker_of(text, "We mourn the loss,").as_deref(),
        Some("Jim Kenney")
    );
    assert_eq!(
        speaker_of(text, "and we will be there for his family.").as_deref(),
        Some("Jim Kenney")
    );
}

#[test]
fn nested_quotes_belong_to_the_outer_quote() {
    let en = "\"He always said, ‘Goodbye beautiful. I love you so much,’\" she said.";
    assert_eq!(
        spans(en),
        ["He always said, ‘Goodbye beautiful. I love you so much,’"]
    );
    let en2 = "\"This was 'Swamp 101' on Friday night,\" Warner said.";
    assert_eq!(spans(en2), ["This was 'Swamp 101' on Friday night,"]);
    let es = "\"Chillaban: 'Socorro, socorro'. Empezamos a avisar\", ha señalado.";
    assert_eq!(
        spans(es),
        ["Chillaban: 'Socorro, socorro'. Empezamos a avisar"]
    );
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let en = "Sen. Mark Warren said on Sunday that Friday was his \"worst day\" as a senator.";
    assert_eq!(speaker_of(en, "worst day").as_deref(), Some("Mark Warren"));
    let fr = "Ces centres remplissent des «missions très particulières» et sont «les premières portes», a expliqué Claire Fontaine.";
    assert_eq!(
        speaker_of(fr, "missions très particulières").as_deref(),
        Some("Claire Fontaine")
    );
    assert_eq!(
        speaker_of(fr, "les premières portes").as_deref(),
        Some("Claire Fontaine")
    );
}

#[test]
fn scare_quotes_and_titles_get_no_speaker_and_low_confidence() {
    let en = "Warner said on CNN's \"State of the Union\" that the vote was close.";
    let all = suggest(en, &[]);
    let q = quote(en, &all, "State of the Union");
    assert_eq!(q.speaker, None);
    assert!(q.confidence < 0.5);
    let de =
        "Rund 70 Interessierte kamen am Montag in den Stadtsaal «Kreuz». Die Stimmung war gut.";
    let all = suggest(de, &[]);
    let q = quote(de, &all, "Kreuz");
    assert_eq!(q.speaker, None);
    assert!(q.confidence < 0.5);
}

#[test]
fn headline_quotes_take_the_speaker_whose_words_they_repeat() {
    let text = "'Our Hearts Are Breaking': Firefighter Killed In Blaze\n\nA firefighter died on Saturday.\n\n\"Our hearts are breaking,\" said Fire Commissioner Adam Thorne. \"We are without words.\"";
    assert_eq!(
        speaker_of(text, "Our Hearts Are Breaking").as_deref(),
        Some("Adam Thorne")
    );
    let fr = "Gennevilliers : \"le feu lui brûlait les fesses\"\n\nThierry habite en face. \"Il y avait un pompier avec le feu qui lui brûlait les fesses\", raconte-t-il.";
    assert_eq!(
        speaker_of(fr, "le feu lui brûlait les fesses").as_deref(),
        Some("Thierry")
    );
    let colon = "Warner: 'Friday Was My Single Worst Day as a Senator'\n\nSen. Mark Warner spoke on Sunday.";
    assert_eq!(
        speaker_of(colon, "Friday Was My Single Worst Day as a Senator").as_deref(),
        Some("Mark Warner")
    );
}

#[test]
fn mismatched_marks_as_published() {
    let text = "Police said he made an ‘aggressive movement.” Then it ended.\n\n\"I am just so shocked,” his wife Ruth Calder said.\n\n\"Es hat heute Spaß gemacht.“";
    assert_eq!(
        spans(text),
        [
            "aggressive movement.",
            "I am just so shocked,",
            "Es hat heute Spaß gemacht."
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
    let fr = "«\u{a0}L’entame a été catastrophique, mais je suis resté calme.\u{a0}»\n\nAu sortir de la rencontre, l’entraîneur principal ne cachait pas son analyse. «\u{202f}On a très mal débuté.\u{202f}»";
    assert_eq!(
        spans(fr),
        [
            "L’entame a été catastrophique, mais je suis resté calme.",
            "On a très mal débuté."
        ]
    );
    let all = suggest(fr, &[]);
    let second = quote(fr, &all, "On a très mal débuté.");
    assert_eq!(second.speaker.as_deref(), Some("l’entraîneur principal"));
}

#[test]
fn german_low_high_marks_and_reversed_guillemets() {
    let text = "„Wir wussten, dass wir mutig spielen müssen“, sagte Niko Sander. Später: »Das tut gut«, sagte er.";
    assert_eq!(
        spans(text),
        ["Wir wussten, dass wir mutig spielen müssen", "Das tut gut"]
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
        "Police chief: officers shoot suspect\n\nNobody said anything.",
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
            ("Llega tarde y es poco", "Miguel Blanco"),
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

Las organizaciones agrarias consideran insuficiente la medida. "Llega tarde y es poco", criticó el secretario general de COAG, Miguel Blanco.

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
