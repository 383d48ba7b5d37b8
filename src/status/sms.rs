//! What a text message costs: the number of SMS segments a text takes and in which
//! encoding. GSM-7 (3GPP TS 23.038) carries 160 characters in one message, 153 in each
//! part of a longer one; a character of its extension table (`{ } [ ] ~ \ | ^ €`) takes
//! two. Any character outside both tables makes the whole message UCS-2: 70 UTF-16 code
//! units in one message, 67 in each part.

use serde::Serialize;

/// The GSM-7 default alphabet (one septet each), with line feed and carriage return.
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The GSM-7 extension table: an escape septet and one more each.
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "GSM-7")]
    Gsm7,
    #[serde(rename = "UCS-2")]
    Ucs2,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }
}

/// The cost of one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sms {
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub segments: usize,
    /// The first character that is in neither GSM-7 table (UCS-2 only).
    pub ucs2_because: Option<char>,
}

/// How many segments `text` takes, and in which encoding.
pub fn segments(text: &str) -> Sms {
    let forcing = text.chars().find(|c| !GSM7_BASIC.contains(*c) && !GSM7_EXTENSION.contains(*c));
    let (encoding, units, single, part) = match forcing {
        None => {
            let units = text.chars().map(|c| if GSM7_EXTENSION.contains(c) { 2 } else { 1 }).sum();
            (Encoding::Gsm7, units, 160, 153)
        }
        Some(_) => (Encoding::Ucs2, text.encode_utf16().count(), 70, 67),
    };
    let segments = match units {
        0 => 0,
        n if n <= single => 1,
        n => n.div_ceil(part),
    };
    Sms { encoding, units, segments, ucs2_because: forcing }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_fits_gsm7_and_extension_characters_count_twice() {
        // 160 plain letters: one message; one more: two parts of 153.
        let s = "a".repeat(160);
        assert_eq!(
            segments(&s),
            Sms { encoding: Encoding::Gsm7, units: 160, segments: 1, ucs2_because: None }
        );
        assert_eq!(segments(&format!("{s}a")).segments, 2);
        // "Meet at 6:30 PM [Gate 4] €5" : 27 characters, of which [ ] € take two each.
        let t = segments("Meet at 6:30 PM [Gate 4] €5");
        assert_eq!((t.encoding, t.units, t.segments), (Encoding::Gsm7, 30, 1));
        // 80 braces are 160 septets: still one message; 81 are two.
        assert_eq!(segments(&"{".repeat(80)).segments, 1);
        assert_eq!(segments(&"{".repeat(81)).segments, 2);
        // Spanish accents in the default alphabet stay GSM-7; á is not in it.
        assert_eq!(segments("Reunión en la sede").encoding, Encoding::Ucs2);
        assert_eq!(segments("Reunión en la sede").ucs2_because, Some('ó'));
        assert_eq!(segments("Año: ñ, ü, é").encoding, Encoding::Gsm7);
    }

    #[test]
    fn haitian_creole_fits_gsm7_until_a_curly_apostrophe() {
        // è, ò and à are all in the GSM-7 alphabet. "Kreyòl: vin nan reyinyon an": 27.
        let s = segments("Kreyòl: vin nan reyinyon an");
        assert_eq!((s.encoding, s.units, s.segments), (Encoding::Gsm7, 27, 1));
        // A typographic apostrophe is not: "Sa k’ap fèt" is UCS-2, 11 units.
        let s = segments("Sa k’ap fèt");
        assert_eq!((s.encoding, s.units, s.segments, s.ucs2_because), (Encoding::Ucs2, 11, 1, Some('’')));
    }

    #[test]
    fn arabic_and_bengali_are_ucs2_counted_in_utf16_units() {
        // "اجتماع النقابة" : 6 + 1 + 7 = 14 code units.
        let s = segments("اجتماع النقابة");
        assert_eq!((s.encoding, s.units, s.segments, s.ucs2_because), (Encoding::Ucs2, 14, 1, Some('ا')));
        // 70 Arabic letters: one message; 71: two parts of 67; 135: three.
        assert_eq!(segments(&"ب".repeat(70)).segments, 1);
        assert_eq!(segments(&"ب".repeat(71)).segments, 2);
        assert_eq!(segments(&"ب".repeat(135)).segments, 3);
        // "সভা" : স ভ া = 3 code units; with "6:30" after a space, 8.
        let s = segments("সভা 6:30");
        assert_eq!((s.encoding, s.units, s.segments, s.ucs2_because), (Encoding::Ucs2, 8, 1, Some('স')));
        // An emoji is two UTF-16 units.
        assert_eq!(segments("✊🏽").units, 3);
    }
}
