//! Spanish word lists.

use super::Language;

pub static ES: Language = Language {
    code: "es",
    function_words: "a ahora al asimismo como con cuando de del desde donde el en era es esa ese \
                     esta estas este estos fue ha han hasta hay la las le les lo los muy más no \
                     otras otros para pero por pues que se según sin sobre su sus también un una \
                     unas unos y ya",
    speech_verbs: "aclara aclarado aclaró admite admitido admitió advertido advierte advirtió \
                   afirma afirmaba afirmado afirmó agrega agregado agregó anuncia anunciado \
                   anunció apostilla apostillado apostilló apunta apuntado apuntó asegura \
                   asegurado aseguró avisa avisó añade añadido añadió celebra celebró comenta \
                   comentado comentó concluye concluyó confesó confiesa confirma confirmado \
                   confirmó considera consideró contaba contado contó cree creía critica criticado \
                   criticó cuenta cuentan declara declarado declaró decía defendido defendió \
                   defiende denuncia denunciado denunció destaca destacado destacó detalla \
                   detallado detalló dice dicen dicho dijeron dijo escribe escribió escrito \
                   exclama exclamó exige exigió explica explicaba explicado explican explicaron \
                   explicó expresa expresado expresó grita gritaba gritado gritaron gritó incidió \
                   indica indicado indicó insiste insistido insistió lamenta lamentado lamentó \
                   manifestado manifestó manifiesta matiza matizado matizó mostrado narra narró \
                   opina opinó pide pidió precisa precisado precisó pregunta preguntó promete \
                   prometió puntualiza puntualizó recalca recalcado recalcó reconoce reconocido \
                   reconoció recordado recordó recuerda reitera reiterado reiteró relata relatado \
                   relató remarca remarcó resalta resaltado resaltó responde respondido respondió \
                   sentenció señala señalado señaló sostenido sostiene sostuvo subraya subrayado \
                   subrayó sugirió valora valorado valoró zanjó",
    according_to: "según | a juicio de",
    inverted_markers: "",
    pro_drop: true,
    skip_before_verb: "después ha había habían han le les lo luego se también ya",
    addressee_prepositions: "a al ante",
    pronouns_male: "él",
    pronouns_female: "ella",
    pronouns_other: "ellas ellos",
    determiners: "algunas algunos dos el esa ese esta estas este estos la las los muchas muchos \
                  otra otras otro otros su sus todas todos tres un una unas unos varias varios",
    titles: "alcalde alcaldesa capitán concejal concejala consejera consejero delegada delegado \
             diputada diputado director directora don doña dr dra entrenador general juez jueza \
             ministra ministro padre portavoz presidenta presidente sargento secretaria secretario \
             senador senadora sr sra srta teniente",
    roles: "abogada abogado afectada afectado aficionada aficionado agente agricultor agricultora \
            alcalde alcaldesa alumna alumno analista anciana anciano bombero cliente comerciante \
            concejal concejala consejera consejero delegada delegado diputada diputado director \
            directora dueña dueño economista entrenador esposa esposo estudiante experta experto \
            fiscal hermana hermano hija hijo hincha hombre joven jubilada jubilado juez jueza \
            jugador jugadora lector lectora madre marido ministra ministro mujer médica médico \
            ocupante padre policía portavoz presidenta presidente propietaria propietario \
            residente responsable secretaria secretario senador senadora socióloga sociólogo \
            superviviente testigo trabajador trabajadora transeúnte vecina vecino víctima",
    female_words: "abogada afectada alcaldesa anciana concejala consejera delegada diputada \
                   directora doña dra dueña esposa experta hermana hija jueza jugadora madre \
                   ministra mujer médica presidenta propietaria secretaria senadora sra srta \
                   vecina",
    male_words: "abogado afectado alcalde anciano bombero concejal consejero delegado diputado \
                 director don dueño entrenador esposo experto hermano hijo hombre juez jugador \
                 marido ministro médico padre propietario secretario senador sr vecino",
    female_determiners: "esa esta la otra una",
    male_determiners: "el ese este otro un",
    groups: "afectados aficionados asociación autoridades ayuntamiento bomberos club empresa \
             equipo familia familias gobierno jugadores ministerio oposición padres policía \
             residentes sindicato sindicatos testigos todas todos vecinas vecinos",
    documents: "auto carta comunicado declaración documento encuesta escrito estudio informe \
                mensaje nota publicación sentencia tuit",
    organisation_words: "agencia asociación ayuntamiento banco cf club comité consejo diputación \
                         empresa federación fundación generalitat gobierno guardia hospital \
                         instituto junta juzgado ministerio partido policía sa servicio sindicato \
                         sl tribunal universidad",
    not_names: "abril agosto diciembre dios domingo enero febrero jueves julio junio lunes martes \
                marzo mayo miércoles noviembre octubre septiembre sábado viernes",
};
