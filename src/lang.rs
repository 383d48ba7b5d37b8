//! Language tags: parsing and canonicalising BCP 47 tags (`unic-langid`), the writing
//! direction derived from the tag, each language's own name, and its CLDR plural categories.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Serialize;
use std::fmt;
use unic_langid::{CharacterDirection, LanguageIdentifier};

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

/// Why a tag was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTag(pub String);

impl fmt::Display for BadTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a valid language tag", self.0)
    }
}

impl Lang {
    /// Parses and canonicalises a tag: `ES` -> `es`, `zh_hans` -> `zh-Hans`.
    pub fn parse(tag: &str) -> Result<Lang, BadTag> {
        if tag.trim().is_empty() || tag.trim() != tag {
            return Err(BadTag(tag.to_string()));
        }
        let id: LanguageIdentifier = tag.parse().map_err(|_| BadTag(tag.to_string()))?;
        if id.language.is_empty() {
            return Err(BadTag(tag.to_string()));
        }
        Ok(Lang { tag: id.to_string() })
    }

    pub fn as_str(&self) -> &str {
        &self.tag
    }

    pub fn id(&self) -> LanguageIdentifier {
        self.tag.parse().expect("a Lang holds a valid tag")
    }

    /// The primary language subtag: `zh` for `zh-Hans`.
    pub fn primary(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }

    /// Right-to-left for Arabic, Hebrew, Persian, Urdu, Pashto, Yiddish, Sorani, Dhivehi,
    /// Sindhi, Uyghur... and for any tag with a right-to-left script subtag (`az-Arab`);
    /// left-to-right for a left-to-right script subtag (`ku-Latn`).
    pub fn direction(&self) -> Direction {
        match self.id().character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The language's name in itself, for the language switcher: `Kreyòl ayisyen`, `العربية`.
    pub fn native_name(&self) -> String {
        let known = native_name(&self.tag).or_else(|| native_name(self.primary()));
        known.map_or_else(|| self.tag.clone(), str::to_string)
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

/// Autonyms of the languages a warehouse workforce in the US most often speaks.
fn native_name(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "am" => "አማርኛ",
        "ar" => "العربية",
        "bn" => "বাংলা",
        "de" => "Deutsch",
        "en" => "English",
        "es" => "Español",
        "fa" => "فارسی",
        "fr" => "Français",
        "ha" => "Hausa",
        "he" => "עברית",
        "hi" => "हिन्दी",
        "hmn" => "Hmoob",
        "ht" => "Kreyòl ayisyen",
        "it" => "Italiano",
        "ja" => "日本語",
        "km" => "ខ្មែរ",
        "ko" => "한국어",
        "lo" => "ລາວ",
        "ne" => "नेपाली",
        "pa" => "ਪੰਜਾਬੀ",
        "pl" => "Polski",
        "ps" => "پښتو",
        "pt" => "Português",
        "ru" => "Русский",
        "so" => "Soomaali",
        "sw" => "Kiswahili",
        "ta" => "தமிழ்",
        "ti" => "ትግርኛ",
        "tl" => "Tagalog",
        "uk" => "Українська",
        "ur" => "اردو",
        "vi" => "Tiếng Việt",
        "yo" => "Yorùbá",
        "zh" => "中文",
        "zh-Hans" => "简体中文",
        "zh-Hant" => "繁體中文",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonicalised() {
        assert_eq!(Lang::parse("ES").unwrap().as_str(), "es");
        assert_eq!(Lang::parse("zh-hans").unwrap().as_str(), "zh-Hans");
        assert_eq!(Lang::parse("pt-br").unwrap().as_str(), "pt-BR");
    }

    #[test]
    fn bad_tags_are_refused() {
        for bad in ["", "english!", "e", " es", "toolongtag1"] {
            assert!(Lang::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn direction_comes_from_the_tag() {
        for rtl in ["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug", "az-Arab"] {
            assert_eq!(Lang::parse(rtl).unwrap().direction(), Direction::Rtl, "{rtl}");
        }
        for ltr in ["en", "es", "ht", "fr", "zh-Hans", "vi"] {
            assert_eq!(Lang::parse(ltr).unwrap().direction(), Direction::Ltr, "{ltr}");
        }
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let cats = |t: &str| Lang::parse(t).unwrap().plural_categories();
        assert_eq!(cats("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(cats("en"), ["one", "other"]);
        assert_eq!(cats("ht"), ["other"]);
        assert_eq!(cats("zh-Hans"), ["other"]);
        assert!(cats("fr").contains(&"one"));
    }

    #[test]
    fn native_names() {
        assert_eq!(Lang::parse("ht").unwrap().native_name(), "Kreyòl ayisyen");
        assert_eq!(Lang::parse("es-MX").unwrap().native_name(), "Español");
        assert_eq!(Lang::parse("xx").unwrap().native_name(), "xx");
    }
}
