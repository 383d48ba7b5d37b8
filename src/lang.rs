//! Language tags: parsing and validating BCP 47 tags (ICU4X's `icu_locale`), and what
//! CLDR says follows from a tag: the likely script and its writing direction, the
//! language's own name, and its plural categories.
//!
//! Everything here comes from CLDR data compiled into ICU4X, never from lists of
//! language codes. The one exception is [`AUTONYMS_CLDR_LACKS`]: the names of languages
//! CLDR has no data for, which a test keeps honest.

use icu_locale::names::{
    DisplayNamesPreferences, LanguageIdentifierDisplayName, LanguageIdentifierDisplayNameOptions,
};
use icu_locale::subtags::{Language, Script};
use icu_locale::{
    LanguageIdentifier as IcuLangId, Locale, LocaleCanonicalizer, LocaleDirectionality, LocaleExpander,
    TransformResult,
};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Serialize;
use std::fmt;
use unic_langid::LanguageIdentifier;
use writeable::TryWriteable;

/// Writing direction of a language, as HTML's `dir` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language of the project: a canonical BCP 47 tag and what follows from it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang {
    tag: String,
}

/// Why a tag was refused: the tag, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTag(pub String, pub &'static str);

impl fmt::Display for BadTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a valid language tag ({})", self.0, self.1)
    }
}

/// The autonyms of languages for which CLDR (as compiled into ICU4X) has no name. A
/// test checks that ICU4X still lacks each one, so this list can only fill gaps.
const AUTONYMS_CLDR_LACKS: [(&str, &str); 9] = [
    ("ht", "Kreyòl ayisyen"),
    ("vai", "ꕙꔤ"),
    ("ff", "Pulaar"),
    ("yi", "ייִדיש"),
    ("pa-Arab", "پنجابی"),
    ("lah", "پنجابی"),
    ("bo", "བོད་སྐད་"),
    ("dv", "ދިވެހިބަސް"),
    ("ckb-Latn", "Kurdîy nawendî"),
];

impl Lang {
    /// Parses, validates and canonicalises a tag: `ES` -> `es`, `zh_hans` -> `zh-Hans`,
    /// `ar-u-nu-arab` (Arabic with Arabic-Indic digits) kept whole. Refused: bad syntax,
    /// a language CLDR does not know unless the tag names its script (`xx`, but not
    /// `xx-Latn`), and variants CLDR has no name for (`es-INVALID`).
    pub fn parse(tag: &str) -> Result<Lang, BadTag> {
        static SEEN: Memo<Result<Lang, BadTag>> = Memo::new();
        SEEN.get(tag, || Self::parse_uncached(tag))
    }

    fn parse_uncached(tag: &str) -> Result<Lang, BadTag> {
        let bad = |why| Err(BadTag(tag.to_string(), why));
        if tag.trim().is_empty() || tag.trim() != tag {
            return bad("empty, or with spaces around it");
        }
        let Ok(locale) = Locale::try_from_str(&tag.replace('_', "-")) else {
            return bad("write it as language[-Script][-REGION], e.g. \"es\", \"zh-Hans\", \"pt-BR\"");
        };
        if locale.id.language == Language::UNKNOWN {
            return bad("it has no language");
        }
        if locale.id.script.is_none() && !known_language(&locale) {
            return bad("CLDR does not know this language; if it is one, add its script, e.g. \"xyz-Latn\"");
        }
        if !locale.id.variants.is_empty() && !variants_known(&locale) {
            return bad("CLDR does not know this variant");
        }
        Ok(Lang { tag: locale.to_string() })
    }

    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The tag's language, script, region and variants (no extensions), for crates that
    /// take a `unic-langid` identifier (plural rules, fluent-bundle).
    pub fn id(&self) -> LanguageIdentifier {
        self.locale().id.to_string().parse().expect("ICU4X and unic-langid agree on language identifiers")
    }

    /// The tag as an ICU4X locale.
    pub fn locale(&self) -> Locale {
        Locale::try_from_str(&self.tag).expect("a Lang holds a valid tag")
    }

    /// The locale to look data up with: CLDR aliases resolved (`iw` -> `he`, `tl` -> `fil`,
    /// `pnb` -> `lah`); the tag itself is never rewritten.
    pub fn cldr_locale(&self) -> Locale {
        let mut locale = self.locale();
        LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
        locale
    }

    /// The primary language subtag: `zh` for `zh-Hans`.
    pub fn primary(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }

    /// The script the language is written in: the tag's script subtag, or CLDR's likely
    /// script for it (`pa` -> `Guru`, `pnb` -> `Arab`, `ff` -> `Latn`, `sr` -> `Cyrl`).
    pub fn script(&self) -> Option<Script> {
        static SEEN: Memo<Option<Script>> = Memo::new();
        SEEN.get(&self.tag, || self.script_uncached())
    }

    fn script_uncached(&self) -> Option<Script> {
        let mut id = self.cldr_locale().id;
        LocaleExpander::new_extended().maximize(&mut id);
        id.script
    }

    /// The writing direction of the language's script (CLDR likely subtags and script
    /// metadata): `ar`, `ur`, `he`, `pa-Arab`, `ff-Adlm` are right-to-left; `pa`, `ff`,
    /// `az-Latn` left-to-right.
    pub fn direction(&self) -> Direction {
        static SEEN: Memo<Direction> = Memo::new();
        SEEN.get(&self.tag, || self.direction_uncached())
    }

    fn direction_uncached(&self) -> Direction {
        let id = self.cldr_locale().id;
        match LocaleDirectionality::new_extended().get(&id) {
            Some(icu_locale::Direction::RightToLeft) => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The language's name in itself, from CLDR, for the language switcher and the PDF
    /// footer: `Kreyòl ayisyen`, `العربية`, `Wolof`, `简体中文`. Capitalised as CLDR
    /// asks for names in a menu; the tag itself when nothing is known.
    pub fn native_name(&self) -> String {
        static SEEN: Memo<String> = Memo::new();
        SEEN.get(&self.tag, || self.native_name_uncached())
    }

    fn native_name_uncached(&self) -> String {
        let locale = self.cldr_locale();
        // The tag's own language named in the canonical locale first: `tl` is "Tagalog"
        // in CLDR's Filipino data, not "Filipino".
        let name = cldr_name(&locale, self.locale().id)
            .or_else(|| cldr_autonym(&locale))
            .or_else(|| {
                AUTONYMS_CLDR_LACKS
                    .iter()
                    .find(|(t, _)| *t == self.tag || *t == locale.id.to_string())
                    .map(|(_, n)| n.to_string())
            })
            .or_else(|| {
                AUTONYMS_CLDR_LACKS
                    .iter()
                    .find(|(t, _)| *t == locale.id.language.as_str())
                    .map(|(_, n)| n.to_string())
            });
        // CLDR asks for a capital in menus for Latin and Cyrillic names ("Español",
        // "Русский"); Georgian and Armenian have capitals but do not use them so.
        let bicameral = self.script().is_some_and(|s| matches!(s.as_str(), "Latn" | "Cyrl"));
        name.map_or_else(|| self.tag.clone(), |n| if bicameral { capitalise_first(&n) } else { n })
    }

    /// The CLDR cardinal plural categories of the language, in CLDR order
    /// (zero, one, two, few, many, other).
    pub fn plural_categories(&self) -> Vec<&'static str> {
        let rules = PluralRules::create(self.id(), PluralRuleType::CARDINAL).or_else(|_| {
            let primary: LanguageIdentifier = self.primary().parse().expect("primary subtag parses");
            PluralRules::create(primary, PluralRuleType::CARDINAL)
        });
        let Ok(rules) = rules else {
            // No CLDR data (Haitian Creole among them): nouns do not inflect for number, so
            // every number takes the one form CLDR calls `other`.
            return vec!["other"];
        };
        let mut seen = [false; 6];
        let samples = (0..=200u32).map(|n| n.to_string()).chain(
            ["0.5", "1.5", "2.5", "0.0", "1.0", "1000000", "1e6", "1c6"].iter().map(|s| s.to_string()),
        );
        for n in samples {
            if let Ok(cat) = rules.select(n.as_str()) {
                seen[category_index(cat)] = true;
            }
        }
        const NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
        NAMES.iter().zip(seen).filter(|(_, s)| *s).map(|(n, _)| *n).collect()
    }
}

fn category_index(cat: PluralCategory) -> usize {
    match cat {
        PluralCategory::ZERO => 0,
        PluralCategory::ONE => 1,
        PluralCategory::TWO => 2,
        PluralCategory::FEW => 3,
        PluralCategory::MANY => 4,
        PluralCategory::OTHER => 5,
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.tag)
    }
}

/// Does CLDR's likely-subtags data know the language (can it say its script)?
fn known_language(locale: &Locale) -> bool {
    let mut canonical = locale.clone();
    LocaleCanonicalizer::new_extended().canonicalize(&mut canonical);
    let mut id = IcuLangId::from((canonical.id.language, None, None));
    LocaleExpander::new_extended().maximize(&mut id) == TransformResult::Modified
}

/// Does CLDR have a name for every variant of the tag (`valencia`, `1901`, `fonipa`)?
fn variants_known(locale: &Locale) -> bool {
    use icu_locale::names::VariantDisplayName;
    let en = DisplayNamesPreferences::from(&icu_locale::locale!("en"));
    locale.id.variants.iter().all(|v| VariantDisplayName::try_new_heavy(en, *v).is_ok())
}

/// The name CLDR gives the language in itself, if it has one (not a fallback to codes).
fn cldr_autonym(locale: &Locale) -> Option<String> {
    cldr_name(locale, locale.id.clone())
}

/// The name of `id` in `locale`'s CLDR data, if CLDR has one.
fn cldr_name(locale: &Locale, id: IcuLangId) -> Option<String> {
    let prefs = DisplayNamesPreferences::from(locale);
    let name = LanguageIdentifierDisplayName::try_new_heavy(
        prefs,
        id,
        LanguageIdentifierDisplayNameOptions::default(),
    )
    .ok()?;
    let text = name.as_borrowed().try_write_to_string().ok()?.into_owned();
    Some(text)
}

/// How many tags a [`Memo`] keeps.
const MEMO_LIMIT: usize = 1024;

/// What CLDR said of each tag this process asked about: each answer is a look-up in
/// compiled data that costs far more than the page it goes into, and a build asks the
/// same few tags a thousand times.
struct Memo<T>(std::sync::Mutex<Option<std::collections::HashMap<String, T>>>);

impl<T: Clone> Memo<T> {
    const fn new() -> Self {
        Memo(std::sync::Mutex::new(None))
    }

    fn get(&self, tag: &str, compute: impl FnOnce() -> T) -> T {
        if let Some(v) = self.0.lock().unwrap_or_else(|e| e.into_inner()).as_ref().and_then(|m| m.get(tag)) {
            return v.clone();
        }
        // Computed unlocked: two threads may both compute a tag once, never wait on each other.
        let v = compute();
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let seen = seen.get_or_insert_with(Default::default);
        // A long `serve` is shown only a project's few tags; a flood of others is not kept.
        if seen.len() < MEMO_LIMIT {
            seen.insert(tag.to_string(), v.clone());
        }
        v
    }
}

/// `español` -> `Español`; scripts without case are left as they are.
fn capitalise_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonicalised() {
        assert_eq!(Lang::parse("ES").unwrap().as_str(), "es");
        assert_eq!(Lang::parse("zh-hans").unwrap().as_str(), "zh-Hans");
        assert_eq!(Lang::parse("zh_hans").unwrap().as_str(), "zh-Hans");
        assert_eq!(Lang::parse("pt-br").unwrap().as_str(), "pt-BR");
    }

    #[test]
    fn bad_tags_are_refused() {
        for bad in ["", "english!", "e", " es", "toolongtag1", "und", "xx", "xx-INVALID", "es-INVALID", "qqq"]
        {
            assert!(Lang::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let e = Lang::parse("xx-INVALID").unwrap_err().to_string();
        assert!(e.starts_with("\"xx-INVALID\" is not a valid language tag ("), "{e}");
    }

    #[test]
    fn valid_tags_with_extensions_variants_or_rare_languages_are_accepted() {
        assert_eq!(Lang::parse("ar-u-nu-arab").unwrap().as_str(), "ar-u-nu-arab");
        assert_eq!(Lang::parse("ar-u-nu-arab").unwrap().direction(), Direction::Rtl);
        assert_eq!(Lang::parse("ar-u-nu-arab").unwrap().id().to_string(), "ar");
        for ok in ["ca-ES-valencia", "de-1901", "ff-Adlm", "pnb", "vai", "wo", "xyz-Latn", "sr-Latn-RS"] {
            assert!(Lang::parse(ok).is_ok(), "{ok:?} should be accepted");
        }
    }

    #[test]
    fn direction_follows_the_likely_script() {
        for rtl in [
            "ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug", "az-Arab", "pa-Arab", "pnb",
            "ff-Adlm",
        ] {
            assert_eq!(Lang::parse(rtl).unwrap().direction(), Direction::Rtl, "{rtl}");
        }
        for ltr in [
            "en", "es", "ht", "fr", "zh-Hans", "vi", "pa", "ff", "wo", "vai", "am", "az-Latn", "ku-Latn",
            "xyz-Latn",
        ] {
            assert_eq!(Lang::parse(ltr).unwrap().direction(), Direction::Ltr, "{ltr}");
        }
        let script = |t: &str| Lang::parse(t).unwrap().script().map(|s| s.to_string());
        assert_eq!(script("pa").as_deref(), Some("Guru"));
        assert_eq!(script("pnb").as_deref(), Some("Arab"));
        assert_eq!(script("ff").as_deref(), Some("Latn"));
        assert_eq!(script("ff-Adlm").as_deref(), Some("Adlm"));
        assert_eq!(script("ko").as_deref(), Some("Kore"));
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let cats = |t: &str| Lang::parse(t).unwrap().plural_categories();
        assert_eq!(cats("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(cats("ar-u-nu-arab"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(cats("en"), ["one", "other"]);
        assert_eq!(cats("ht"), ["other"]);
        assert_eq!(cats("zh-Hans"), ["other"]);
        assert!(cats("fr").contains(&"one"));
    }

    #[test]
    fn native_names_come_from_cldr() {
        let name = |t: &str| Lang::parse(t).unwrap().native_name();
        assert_eq!(name("ht"), "Kreyòl ayisyen");
        assert_eq!(name("es"), "Español");
        assert_eq!(name("es-MX"), "Español de México");
        assert_eq!(name("wo"), "Wolof");
        assert_eq!(name("vai"), "ꕙꔤ");
        assert_eq!(name("ff-Adlm"), "𞤆𞤵𞤤𞤢𞤪 (𞤀𞤁𞤂𞤢𞤃)");
        assert_eq!(name("ff"), "Pulaar");
        assert_eq!(name("zh-Hans"), "简体中文");
        assert_eq!(name("ar"), "العربية");
        assert_eq!(name("pa"), "ਪੰਜਾਬੀ");
        assert_eq!(name("pa-Arab"), "پنجابی");
        assert_eq!(name("pnb"), "پنجابی");
        assert_eq!(name("yo"), "Èdè Yorùbá");
        assert_eq!(name("xyz-Latn"), "xyz-Latn");
        assert_eq!(name("tl"), "Tagalog");
        assert_eq!(name("fil"), "Filipino");
        assert_eq!(name("iw"), "עברית");
        assert_eq!(name("ka"), "ქართული", "Georgian names take no capital");
        assert_eq!(name("bo"), "བོད་སྐད་");
        assert_eq!(name("dv"), "ދިވެހިބަސް");
        assert_eq!(name("ckb-Latn"), "Kurdîy nawendî");
    }

    #[test]
    fn the_autonym_table_only_fills_gaps_in_cldr() {
        for (tag, _) in AUTONYMS_CLDR_LACKS {
            let locale = Lang::parse(tag).unwrap().cldr_locale();
            assert_eq!(
                cldr_autonym(&locale),
                None,
                "CLDR now names {tag}: remove it from AUTONYMS_CLDR_LACKS"
            );
        }
    }

    #[test]
    fn remembered_answers_are_the_answers_and_the_memory_is_bounded() {
        let memo: Memo<usize> = Memo::new();
        for i in 0..MEMO_LIMIT + 100 {
            let tag = format!("t{i}");
            assert_eq!(memo.get(&tag, || tag.len()), tag.len());
            assert_eq!(
                memo.get(&tag, || usize::MAX),
                if i < MEMO_LIMIT { tag.len() } else { usize::MAX },
                "{tag}"
            );
        }
        assert_eq!(memo.0.lock().unwrap().as_ref().unwrap().len(), MEMO_LIMIT);
        assert_eq!(Lang::parse("ES"), Lang::parse("es"));
        assert_eq!(Lang::parse("ES").unwrap().direction(), Lang::parse("ES").unwrap().direction_uncached());
        assert_eq!(Lang::parse("xx"), Lang::parse_uncached("xx"));
    }
}
