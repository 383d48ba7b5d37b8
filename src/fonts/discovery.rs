//! Fonts: which faces exist (the ones tradui carries, a project's own `fonts/` folder,
//! the system's), which face each script is set in, and which characters nothing covers.
//!
//! Discovery is typst-kit's (fontdb underneath, as in Typst's own CLI): the platform's
//! system and user font folders on Linux, macOS and Windows. It runs once per build, and
//! only when the bundled and project fonts lack a character the documents need; a face's
//! bytes are read only when Typst typesets with it. The PDF template and the HTML font
//! stacks take their family lists from [`families`], so both prefer the same faces.

use crate::diag::{Diagnostic, Kind};
use crate::document::{Block, Document, Inline};
use crate::lang::Lang;
use icu_properties::props::Script;
use icu_properties::{CodePointMapData, PropertyNamesLong, PropertyNamesShort};
use std::collections::BTreeSet;
use std::path::Path;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// A font file carried inside the tradui binary (from the repository's `fonts/`).
pub struct Bundled {
    pub file: &'static str,
    pub data: &'static [u8],
}

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        [$(Bundled { file: $file, data: include_bytes!(concat!("../../fonts/", $file)) }),*]
    };
}

/// The faces every build has, whatever the machine. See `fonts/README.md` for sources,
/// sizes and licences.
pub const BUNDLED: [Bundled; 20] = bundled!(
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    // Debian's Noto Nastaliq Urdu Bold declares weight 400, the same as Regular, so
    // Typst could never pick it: Urdu is set in the Regular face only.
    "NotoNastaliqUrdu-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf",
    "NotoSansGurmukhi-Regular.ttf",
    "NotoSansGurmukhi-Bold.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansEthiopic-Bold.ttf",
    "NotoSansAdlam-Regular.ttf",
    "NotoSansAdlam-Bold.ttf",
    // Vai has a Regular face only.
    "NotoSansVai-Regular.ttf",
);

/// Typst's own monospace face, kept for code blocks.
const CODE_FAMILY: &str = "DejaVu Sans Mono";

/// The scripts the bundled fonts cover.
const BUNDLED_SCRIPTS: [&str; 11] =
    ["Latn", "Cyrl", "Grek", "Arab", "Hebr", "Deva", "Beng", "Guru", "Ethi", "Adlm", "Vaii"];

/// Set this environment variable (to anything but `0` or empty) to leave the system's
/// fonts out, as on a fresh machine: only bundled and project fonts are used.
pub const IGNORE_SYSTEM_FONTS: &str = "TRADUI_IGNORE_SYSTEM_FONTS";

/// How a script is set: the families in order of preference, whether it has italics,
/// and what to install when none is there.
struct ScriptFonts {
    /// ISO 15924 code, as CLDR's likely subtags give it.
    script: &'static str,
    families: &'static [&'static str],
    italic: bool,
    install: &'static str,
}

const NOTO_CORE: &str = "Debian/Ubuntu: `apt-get install fonts-noto-core`";
const NOTO_CJK: &str =
    "Debian/Ubuntu: `apt-get install fonts-noto-cjk`; macOS and Windows have CJK fonts already";

/// The deliberate choices (ARCHITECTURE.md explains each). Scripts not listed here are
/// set in "Noto Sans <script name>" when present, else in any font that covers them.
const SCRIPTS: &[ScriptFonts] = &[
    ScriptFonts { script: "Latn", families: &["Noto Sans"], italic: true, install: NOTO_CORE },
    ScriptFonts { script: "Cyrl", families: &["Noto Sans"], italic: true, install: NOTO_CORE },
    ScriptFonts { script: "Grek", families: &["Noto Sans"], italic: true, install: NOTO_CORE },
    ScriptFonts {
        script: "Arab",
        families: &["Noto Naskh Arabic", "Noto Sans Arabic"],
        italic: false,
        install: NOTO_CORE,
    },
    ScriptFonts { script: "Hebr", families: &["Noto Sans Hebrew"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Deva", families: &["Noto Sans Devanagari"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Beng", families: &["Noto Sans Bengali"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Guru", families: &["Noto Sans Gurmukhi"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Ethi", families: &["Noto Sans Ethiopic"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Adlm", families: &["Noto Sans Adlam"], italic: false, install: NOTO_CORE },
    ScriptFonts { script: "Vaii", families: &["Noto Sans Vai"], italic: false, install: NOTO_CORE },
    // Noto has no sans Tibetan: its one Tibetan family is a serif, so the PDF sets it
    // in that face and the hint names it (not a "Noto Sans Tibetan" that does not exist).
    ScriptFonts { script: "Tibt", families: &["Noto Serif Tibetan"], italic: false, install: NOTO_CORE },
    ScriptFonts {
        script: "Hans",
        families: &["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"],
        italic: false,
        install: NOTO_CJK,
    },
    ScriptFonts {
        script: "Hant",
        families: &["Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"],
        italic: false,
        install: NOTO_CJK,
    },
    ScriptFonts {
        script: "Jpan",
        families: &["Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic"],
        italic: false,
        install: NOTO_CJK,
    },
    ScriptFonts {
        script: "Kore",
        families: &["Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"],
        italic: false,
        install: NOTO_CJK,
    },
];

/// Urdu, and Punjabi and Kashmiri in Arabic script, are read in Nastaliq.
const NASTALIQ_LANGUAGES: [&str; 4] = ["ur", "pa", "lah", "ks"];
const NASTALIQ: &[&str] = &["Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans Arabic"];

/// The fonts of one build.
pub struct FontSet {
    store: FontStore,
    /// Whether the system's fonts were scanned.
    pub system_scanned: bool,
}

impl FontSet {
    /// Bundled fonts, then the project's `fonts/` folder (if any), then — only if some
    /// character of `needed` is still uncovered and system fonts are not turned off —
    /// the system's fonts. Bundled faces come first so that the same input gives the
    /// same PDF on every machine.
    pub fn load(project_fonts: Option<&Path>, needed: &BTreeSet<char>) -> FontSet {
        let mut store = FontStore::new();
        store.extend(BUNDLED.iter().flat_map(|b| faces(b.data)));
        // Typst's own monospace face for code; its serif and math faces would stand in
        // for real fonts of other scripts.
        store.extend(typst_assets::fonts().flat_map(faces).filter(|(_, info)| info.family == CODE_FAMILY));
        if let Some(dir) = project_fonts.filter(|d| d.is_dir()) {
            store.extend(typst_kit::fonts::scan(dir));
        }
        let mut set = FontSet { store, system_scanned: false };
        if system_fonts_allowed() && !set.missing(needed).is_empty() {
            set.store.extend(typst_kit::fonts::system());
            set.system_scanned = true;
        }
        set
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The face at `index`, read on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The characters of `chars` that no face has.
    pub fn missing(&self, chars: &BTreeSet<char>) -> BTreeSet<char> {
        let book = self.store.book();
        // The monospace face is for code: it does not make a script readable in prose
        // (it would set Georgian or Armenian in a typewriter face).
        let prose = |info: &&FontInfo| info.family != CODE_FAMILY;
        chars
            .iter()
            .copied()
            .filter(|c| {
                needs_glyph(*c)
                    && !(0..)
                        .map_while(|i| book.info(i))
                        .filter(prose)
                        .any(|info| info.coverage.contains(*c as u32))
            })
            .collect()
    }
}

/// The faces of a font file compiled into tradui: their metadata now, each face itself
/// (its tables parsed for shaping) only when a document uses it.
fn faces(data: &'static [u8]) -> Vec<(Embedded, FontInfo)> {
    let count = ttf_parser::fonts_in_collection(data).unwrap_or(1);
    (0..count)
        .filter_map(|index| FontInfo::new(data, index).map(|info| (Embedded { data, index }, info)))
        .collect()
}

/// A face of a font file compiled into tradui.
struct Embedded {
    data: &'static [u8],
    index: u32,
}

impl typst_kit::fonts::FontSource for Embedded {
    fn load(&self) -> Option<Font> {
        Font::new(Bytes::new(self.data), self.index)
    }
}

fn system_fonts_allowed() -> bool {
    std::env::var_os(IGNORE_SYSTEM_FONTS).is_none_or(|v| v.is_empty() || v == "0")
}

/// Whitespace, controls and invisible formatting characters (isolation marks, joiners)
/// need no glyph.
fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'))
}

/// Every character a document prints.
pub fn document_chars(doc: &Document) -> BTreeSet<char> {
    fn inlines(items: &[Inline], out: &mut BTreeSet<char>) {
        for i in items {
            match i {
                Inline::Text { text } | Inline::Placeable { text, .. } | Inline::Code { text } => {
                    out.extend(text.chars())
                }
                Inline::Emph { content }
                | Inline::Strong { content }
                | Inline::Strike { content }
                | Inline::Link { content, .. } => inlines(content, out),
                Inline::Break => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    inlines(&doc.title.inlines, &mut out);
    for v in &doc.variables {
        out.extend(v.value.chars());
    }
    let mut blocks = doc.blocks.clone();
    for b in &mut blocks {
        for t in b.texts_mut() {
            inlines(&t.inlines, &mut out);
        }
        if let Block::Code { text } = b {
            out.extend(text.chars());
        }
    }
    out
}

/// The ISO 15924 code of a character's script, or None for characters shared by
/// scripts (digits, punctuation, combining marks).
fn char_script(c: char) -> Option<&'static str> {
    let script = CodePointMapData::<Script>::new().get(c);
    if matches!(script, Script::Common | Script::Inherited | Script::Unknown) {
        return None;
    }
    PropertyNamesShort::<Script>::new().get(script)
}

/// The script code fonts are chosen by, for a language: CJK languages name the regional
/// style of their Han characters (`zh-Hant` -> `Hant`, `ja` -> `Jpan`, `ko` -> `Kore`).
fn lang_script(lang: &Lang) -> Option<String> {
    lang.script().map(|s| s.to_string())
}

/// Maps a character's script to the script whose fonts set it in a document of `lang`:
/// Han follows the document (Hans, Hant, Jpan, Kore); kana are Japanese, Hangul Korean.
fn font_script(char_script: &str, doc_script: Option<&str>) -> String {
    let cjk = |s: &str| matches!(s, "Hans" | "Hant" | "Jpan" | "Kore");
    match char_script {
        "Hani" | "Bopo" => doc_script.filter(|s| cjk(s)).unwrap_or("Hans").to_string(),
        "Hira" | "Kana" => "Jpan".to_string(),
        "Hang" => "Kore".to_string(),
        other => other.to_string(),
    }
}

fn script_fonts(script: &str) -> Option<&'static ScriptFonts> {
    SCRIPTS.iter().find(|s| s.script == script)
}

/// The families for one script, in order of preference; a script without an entry is
/// tried as "Noto Sans <Script name>".
fn script_families(script: &str, lang: Option<&Lang>) -> Vec<String> {
    if script == "Arab"
        && lang.is_some_and(|l| NASTALIQ_LANGUAGES.contains(&l.cldr_locale().id.language.as_str()))
    {
        return NASTALIQ.iter().map(|f| f.to_string()).collect();
    }
    match script_fonts(script) {
        Some(s) => s.families.iter().map(|f| f.to_string()).collect(),
        None => long_script_name(script)
            .map(|n| vec![format!("Noto Sans {}", n.replace('_', " "))])
            .unwrap_or_default(),
    }
}

fn long_script_name(code: &str) -> Option<&'static str> {
    let script = icu_properties::PropertyParser::<Script>::new().get_strict(code)?;
    PropertyNamesLong::<Script>::new().get(script)
}

/// The font families a document in `lang` is set in, in order: the language's own
/// script first (Nastaliq for Urdu), then Noto Sans for Latin, Cyrillic and Greek, then
/// a family for each other script among `chars`. Typst takes the first family that has
/// a character; anything left falls back to any font that covers it.
pub fn families(lang: &Lang, chars: &BTreeSet<char>) -> Vec<String> {
    let own = lang_script(lang);
    let mut out: Vec<String> = Vec::new();
    let mut push = |families: Vec<String>| {
        for f in families {
            if !out.contains(&f) {
                out.push(f);
            }
        }
    };
    if let Some(own) = own.as_deref() {
        push(script_families(own, Some(lang)));
    }
    push(vec!["Noto Sans".to_string()]);
    let scripts: BTreeSet<String> =
        chars.iter().filter_map(|c| char_script(*c)).map(|s| font_script(s, own.as_deref())).collect();
    for script in scripts {
        push(script_families(&script, None));
    }
    out
}

/// Whether text in `lang` is set in italics for emphasis. Only Latin, Cyrillic and Greek
/// have italics; elsewhere a slanted face is a distortion, so emphasis is bold.
pub fn has_italics(lang: &Lang) -> bool {
    lang_script(lang).and_then(|s| script_fonts(&s)).is_some_and(|s| s.italic)
}

/// A CSS `font-family` value with the same preference as the PDF.
pub fn css_stack(lang: &Lang) -> String {
    let mut stack: Vec<String> =
        families(lang, &BTreeSet::new()).iter().map(|f| format!("\"{f}\"")).collect();
    stack.push("sans-serif".to_string());
    stack.join(", ")
}

/// The error for characters no font has: which, in which script, and what to install.
pub fn missing_glyphs_error(file: &str, lang: &str, lang_name: &str, missing: &BTreeSet<char>) -> Diagnostic {
    let shown: Vec<String> = missing.iter().take(8).map(|c| format!("'{c}' (U+{:04X})", *c as u32)).collect();
    let more = missing.len().saturating_sub(8);
    let chars = if more > 0 { format!("{} and {more} more", shown.join(", ")) } else { shown.join(", ") };
    let doc_script = Lang::parse(lang).ok().and_then(|l| lang_script(&l));
    let mut scripts: BTreeSet<String> = missing
        .iter()
        .filter_map(|c| char_script(*c))
        .map(|s| font_script(s, doc_script.as_deref()))
        .collect();
    if scripts.is_empty() {
        // Only punctuation or symbols: a script whose fonts are not bundled has them in
        // its fonts (CJK punctuation); otherwise they are symbols.
        let unbundled = doc_script.clone().filter(|s| !BUNDLED_SCRIPTS.contains(&s.as_str()));
        scripts.insert(unbundled.unwrap_or_else(|| "Zyyy".to_string()));
    }
    let hint = scripts.iter().map(|s| install_hint(s)).collect::<Vec<_>>().join("; ");
    Diagnostic::error(Kind::Glyph, file, format!("no font has {chars}, needed for {lang_name} ({lang}); the PDF would show empty boxes, so it is not written"))
        .lang(lang)
        .hint(format!("{hint}; or put a .ttf/.otf font that has them in the project's fonts/ folder (unset {IGNORE_SYSTEM_FONTS} if you set it)"))
}

fn install_hint(script: &str) -> String {
    let name = match script {
        "Hans" => "Simplified Chinese".to_string(),
        "Hant" => "Traditional Chinese".to_string(),
        "Jpan" => "Japanese".to_string(),
        "Kore" => "Korean".to_string(),
        other => long_script_name(other).map_or_else(|| other.to_string(), |n| n.replace('_', " ")),
    };
    match script_fonts(script) {
        Some(s) => format!("for {name}, install {} ({})", s.families[0], s.install),
        None if script == "Zyyy" => "these belong to no script (symbols, or code points Unicode has not assigned); install a font that has them, e.g. Noto Sans Symbols (Debian: `apt-get install fonts-noto-core`), or remove them".to_string(),
        None => format!("for {name}, install Noto Sans {name} ({NOTO_CORE}, or fonts-noto-extra)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(t: &str) -> Lang {
        Lang::parse(t).unwrap()
    }

    #[test]
    fn each_script_is_set_in_its_own_family_first() {
        let first = |t: &str| families(&lang(t), &BTreeSet::new())[0].clone();
        assert_eq!(first("ur"), "Noto Nastaliq Urdu");
        assert_eq!(first("ar"), "Noto Naskh Arabic");
        assert_eq!(first("fa"), "Noto Naskh Arabic");
        assert_eq!(first("pnb"), "Noto Nastaliq Urdu");
        assert_eq!(first("he"), "Noto Sans Hebrew");
        assert_eq!(first("pa"), "Noto Sans Gurmukhi");
        assert_eq!(first("ko"), "Noto Sans CJK KR");
        assert_eq!(first("zh-Hant"), "Noto Sans CJK TC");
        assert_eq!(first("ff-Adlm"), "Noto Sans Adlam");
        assert_eq!(first("ta"), "Noto Sans Tamil");
        assert_eq!(first("vi"), "Noto Sans");
        assert_eq!(first("bo"), "Noto Serif Tibetan", "Noto's only Tibetan family");
    }

    #[test]
    fn the_tibetan_hint_names_the_face_tradui_sets_tibetan_in() {
        let missing: BTreeSet<char> = "བོད".chars().collect();
        let d = missing_glyphs_error("locales/bo/x.ftl", "bo", "བོད་སྐད་", &missing);
        let hint = d.hint.unwrap_or_default();
        assert!(hint.contains("install Noto Serif Tibetan"), "{hint}");
        assert!(!hint.contains("Noto Sans Tibetan"), "{hint}");
    }

    #[test]
    fn other_scripts_in_a_document_get_their_fonts_after_the_own_one() {
        let chars: BTreeSet<char> = "Union اتحاد 工会".chars().collect();
        let f = families(&lang("en"), &chars);
        assert_eq!(f[0], "Noto Sans");
        assert!(
            f.contains(&"Noto Naskh Arabic".to_string()) && f.contains(&"Noto Sans CJK SC".to_string()),
            "{f:?}"
        );
        let ja = families(&lang("ja"), &"工会".chars().collect());
        assert_eq!(ja[0], "Noto Sans CJK JP", "Han in a Japanese text is Japanese");
    }

    #[test]
    fn only_latin_cyrillic_and_greek_have_italics() {
        for t in ["en", "vi", "yo", "ru", "el", "pl"] {
            assert!(has_italics(&lang(t)), "{t}");
        }
        for t in ["ar", "ur", "he", "hi", "bn", "am", "zh-Hans", "ko"] {
            assert!(!has_italics(&lang(t)), "{t}");
        }
    }

    #[test]
    fn bundled_fonts_cover_the_scripts_a_fresh_machine_must_render() {
        let set = FontSet { store: bundled_only(), system_scanned: false };
        let sample = "Ẹ̀TỌ́ Tiếng Việt Русский العربية اردو עברית हिन्दी বাংলা ਪੰਜਾਬੀ አማርኛ 𞤆𞤵𞤤𞤢𞤪 ꕙꔤ";
        let chars: BTreeSet<char> = sample.chars().collect();
        assert_eq!(set.missing(&chars), BTreeSet::new());
        let cjk: BTreeSet<char> = "한국어 中文".chars().collect();
        assert_eq!(set.missing(&cjk).len(), 5, "CJK is not bundled");
    }

    #[test]
    fn the_system_is_searched_only_for_what_the_bundle_lacks() {
        let bundled: BTreeSet<char> = "Ẹ̀TỌ́ العربية اردو ਪੰਜਾਬੀ".chars().collect();
        assert!(!FontSet::load(None, &bundled).system_scanned);
        if system_fonts_allowed() {
            let korean: BTreeSet<char> = "한국어".chars().collect();
            assert!(FontSet::load(None, &korean).system_scanned);
        }
    }

    fn bundled_only() -> FontStore {
        let mut store = FontStore::new();
        store.extend(BUNDLED.iter().flat_map(|b| faces(b.data)));
        store
    }

    #[test]
    fn every_bundled_family_has_a_regular_face() {
        let store = bundled_only();
        let book = store.book();
        let families: BTreeSet<&str> = book.families().map(|(f, _)| f).collect();
        for f in families {
            let regular = book
                .select(&f.to_lowercase(), typst::text::FontVariant::default())
                .and_then(|i| book.info(i))
                .unwrap();
            assert_eq!(regular.variant.weight, typst::text::FontWeight::REGULAR, "{f}");
        }
    }

    #[test]
    fn the_error_names_the_package_for_the_script() {
        let missing: BTreeSet<char> = "한".chars().collect();
        let d = missing_glyphs_error("public/ko/x.pdf", "ko", "한국어", &missing);
        assert!(d.message.contains("'한' (U+D55C)"), "{}", d.message);
        assert!(d.hint.as_deref().unwrap().contains("fonts-noto-cjk"), "{:?}", d.hint);
        let thai: BTreeSet<char> = "ก".chars().collect();
        let d = missing_glyphs_error("x", "th", "ไทย", &thai);
        assert!(d.hint.as_deref().unwrap().contains("Noto Sans Thai"), "{:?}", d.hint);
    }
}
