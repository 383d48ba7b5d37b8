//! The few words tradui itself puts on a page, in the languages it knows; any other
//! language gets English.

/// Interface strings of one language.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    /// Marks a part shown in the source language.
    pub not_translated: &'static str,
    /// The note at the top of a page with such parts.
    pub notice: &'static str,
    pub pdf: &'static str,
    pub all_leaflets: &'static str,
    pub languages: &'static str,
    /// The note on the page of a leaflet whose `valid-until` day has passed.
    pub event_over: &'static str,
}

const EN: Ui = Ui {
    not_translated: "not yet translated",
    notice: "Some parts are not yet translated and are shown in the original language.",
    pdf: "PDF for printing",
    all_leaflets: "All leaflets",
    languages: "Languages",
    event_over: "This event is over.",
};

/// The interface strings for a language tag (by its primary subtag).
pub fn ui(lang: &str) -> Ui {
    match lang.split('-').next().unwrap_or(lang) {
        "es" => Ui {
            not_translated: "aún sin traducir",
            notice: "Algunas partes aún no están traducidas y se muestran en el idioma original.",
            pdf: "PDF para imprimir",
            all_leaflets: "Todas las hojas informativas",
            languages: "Idiomas",
            event_over: "Este evento ya pasó.",
        },
        "ht" => Ui {
            not_translated: "poko tradui",
            notice: "Gen kèk pati ki poko tradui; yo parèt nan lang orijinal la.",
            pdf: "PDF pou enprime",
            all_leaflets: "Tout fèy yo",
            languages: "Lang",
            event_over: "Evènman sa a fini.",
        },
        "ar" => Ui {
            not_translated: "لم تُترجم بعد",
            notice: "بعض الأجزاء لم تُترجم بعد وتظهر باللغة الأصلية.",
            pdf: "ملف PDF للطباعة",
            all_leaflets: "كل المنشورات",
            languages: "اللغات",
            event_over: "انتهى هذا الحدث.",
        },
        "fr" => Ui {
            not_translated: "pas encore traduit",
            notice: "Certaines parties ne sont pas encore traduites et sont affichées dans la langue d'origine.",
            pdf: "PDF à imprimer",
            all_leaflets: "Tous les tracts",
            languages: "Langues",
            event_over: "Cet événement est passé.",
        },
        _ => EN,
    }
}
