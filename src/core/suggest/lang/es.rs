//! Spanish word lists.

use super::Language;

pub static ES: Language = Language {
    code: "es",
    function_words:
        "el la los las un una unos unas y de del que en a al por para con se su sus es \
                     fue ha han no lo le les como pero más muy este esta estos estas ese esa \
                     también ya hay era sin sobre desde hasta según donde cuando asimismo pues \
                     ahora otros otras",
    speech_verbs: "dice dicen dijo dijeron decía dicho afirma afirmó afirmado explica explicó \
                   explicado explican explicaron señala señaló señalado añade añadió añadido \
                   asegura aseguró asegurado cuenta cuentan contó contado relata relató relatado \
                   manifiesta manifestó manifestado indica indicó indicado declara declaró \
                   declarado lamenta lamentó lamentado apostilla apostilló apostillado admite \
                   admitió admitido resalta resaltó resaltado comenta comentó comentado recuerda \
                   recordó recordado insiste insistió insistido sostiene sostuvo sostenido anuncia \
                   anunció anunciado subraya subrayó subrayado destaca destacó destacado apunta \
                   apuntó apuntado precisa precisó precisado reconoce reconoció reconocido critica \
                   criticó criticado denuncia denunció denunciado escribe escribió escrito \
                   pregunta preguntó responde respondió respondido exclama exclamó agrega agregó \
                   agregado narra narró confiesa confesó advierte advirtió advertido expresa \
                   expresó expresado mostrado explicaba contaba recalcó recalca recalcado matizó \
                   matiza matizado incidió zanjó defendió defiende defendido reiteró reitera \
                   reiterado avisó avisa afirmaba valoró valora valorado celebró celebra aclaró \
                   aclara aclarado concluyó concluye sentenció prometió promete opinó opina \
                   considera consideró cree creía remarcó remarca puntualizó puntualiza detalló \
                   detalla detallado sugirió pidió pide exige exigió confirmó confirma confirmado",
    according_to: "según | a juicio de",
    inverted_markers: "",
    pro_drop: true,
    skip_before_verb: "ha han había habían también ya luego después le les lo se",
    addressee_prepositions: "a al ante",
    pronouns_male: "él",
    pronouns_female: "ella",
    pronouns_other: "ellos ellas",
    determiners: "el la los las un una unos unas su sus este esta estos estas ese esa otro otra \
                  otros otras dos tres varios varias todos todas",
    titles:
        "sr sra srta don doña dr dra presidente presidenta alcalde alcaldesa ministro ministra \
             concejal concejala consejero consejera general capitán teniente sargento juez jueza \
             padre entrenador portavoz delegado delegada director directora diputado diputada \
             senador senadora secretario secretaria",
    roles:
        "alcalde alcaldesa presidente presidenta ministro ministra concejal concejala consejero \
            consejera vecino vecina testigo mujer hombre madre padre hijo hija hermano hermana \
            marido esposa esposo portavoz entrenador jugador jugadora director directora delegado \
            delegada diputado diputada senador senadora juez jueza fiscal abogado abogada policía \
            bombero médico médica víctima dueño dueña propietario propietaria secretario \
            secretaria joven anciano anciana experto experta responsable ocupante residente \
            afectado afectada superviviente agente analista economista sociólogo socióloga",
    female_words: "sra srta doña dra alcaldesa presidenta ministra concejala consejera vecina \
                   mujer madre hija hermana esposa jugadora directora delegada diputada senadora \
                   jueza abogada médica dueña propietaria secretaria anciana experta afectada",
    male_words: "sr don alcalde ministro concejal consejero vecino hombre padre hijo hermano \
                 marido esposo entrenador jugador director delegado diputado senador juez abogado \
                 bombero médico dueño propietario secretario anciano experto afectado",
    female_determiners: "la una esta esa otra",
    male_determiners: "el un este ese otro",
    groups: "familia familias policía bomberos vecinos vecinas testigos autoridades afectados \
             residentes padres jugadores aficionados club equipo ayuntamiento gobierno ministerio \
             sindicato sindicatos asociación empresa oposición todos todas",
    documents: "comunicado informe carta tuit mensaje escrito documento nota sentencia auto \
                estudio encuesta declaración publicación",
    organisation_words: "ministerio ayuntamiento policía guardia asociación empresa partido \
                         universidad consejo comité agencia servicio club federación sindicato \
                         instituto fundación tribunal juzgado junta diputación gobierno \
                         generalitat banco hospital sa sl cf",
    not_names: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre \
                diciembre lunes martes miércoles jueves viernes sábado domingo dios",
};
