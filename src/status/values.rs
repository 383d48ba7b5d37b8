//! Values a translation must keep: every number (with its currency sign or percent),
//! time, date, phone number, URL and e-mail address of a source unit must appear in its
//! translation.
//!
//! Digits of any script count as the same digits: a character of General Category Nd
//! (Arabic-Indic ٣, Persian ۳, Devanagari ३, Bengali ৩...) is read as its value, and
//! Unicode encodes each script's decimal digits as a run of ten from 0 to 9, so the value
//! is its place in the run. A value may be written the way the translation's language
//! writes it: `6:30 PM` = `18:30` = `18 h 30` = `18.30`; `1,000` = `1.000` = `1 000` (no-break
//! and thin spaces too); `1,000.50` = `1.000,50`; a phone number with any separators.
//! A translation whose value a translator checked (a number spelled out in words)
//! carries a `# tradui: values-ok ...` comment that names the values it confirms.

use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

/// The comment that confirms values a translation writes differently (`# tradui:
/// values-ok $4 6:30 PM`): it names, as the source writes them, the values it confirms.
pub const CONFIRM: &str = crate::catalog::VALUES_OK;

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Number,
    Time,
    Date,
    Phone,
    Url,
    Email,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Number => "number",
            Shape::Time => "time",
            Shape::Date => "date",
            Shape::Phone => "phone number",
            Shape::Url => "link",
            Shape::Email => "e-mail address",
        }
    }
}

/// One value found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub shape: Shape,
    /// As written, native digits and sign included (`$4`, `٦:٣٠ م`).
    pub text: String,
    /// The currency sign or percent attached to a number.
    pub sign: Option<char>,
    /// A small ordinal (`2nd`, up to `10th`), which languages often write in words
    /// ("segundo", "الثاني"): kept if written, not required.
    pub optional: bool,
    readings: Vec<Reading>,
}

/// One way to read a value; two values are the same when two of their readings are.
#[derive(Debug, Clone, PartialEq)]
enum Reading {
    /// A decimal number, canonical: no leading zeros, no trailing fractional zeros.
    Num(String),
    /// All the digits in order (phone numbers, codes).
    Digits(String),
    /// Minutes after midnight; `explicit` when AM/PM (or 24-hour form) says which half.
    Time { minutes: u32, explicit: bool },
    /// A date's parts, sorted (languages order day, month and year differently).
    Date(Vec<u32>),
    /// A link or e-mail address, lower case, without `mailto:` or a trailing slash.
    Address(String),
}

impl Value {
    /// Are `self` (a source value) and `other` (a translation's) the same value?
    pub fn same(&self, other: &Value) -> bool {
        let signs = match (self.sign, other.sign) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        signs && self.readings.iter().any(|a| other.readings.iter().any(|b| meets(a, b)))
    }
}

fn meets(a: &Reading, b: &Reading) -> bool {
    use Reading::*;
    match (a, b) {
        (Time { minutes: x, explicit: true }, Time { minutes: y, explicit: true }) => x == y,
        (Time { minutes: x, .. }, Time { minutes: y, .. }) => x % 720 == y % 720,
        // `6 PM` = `18 Uhr`: a whole hour may be a bare number in the translation.
        (Time { minutes, .. }, Num(n)) | (Num(n), Time { minutes, .. }) => {
            minutes % 60 == 0 && n.parse::<u32>().is_ok_and(|h| h <= 24 && (h * 60) % 720 == minutes % 720)
        }
        (Num(x), Num(y)) | (Digits(x), Digits(y)) | (Address(x), Address(y)) => x == y,
        (Date(x), Date(y)) => x == y,
        _ => false,
    }
}

/// The value of a decimal digit of any script (General Category Nd), or None.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    let gc = CodePointMapData::<GeneralCategory>::new();
    if gc.get(c) != GeneralCategory::DecimalNumber {
        return None;
    }
    // Each script's digits are a run of ten, 0 to 9 (some runs follow each other, as
    // the mathematical digits do): the value is the place in the run.
    let mut first = c as u32;
    while first > 0 && char::from_u32(first - 1).is_some_and(|p| gc.get(p) == GeneralCategory::DecimalNumber)
    {
        first -= 1;
    }
    Some((c as u32 - first) % 10)
}

/// The text's characters as the scanner reads them: digits of every script as ASCII
/// digits, the Arabic decimal and thousands separators and percent sign as `.` `,` `%`.
fn normalized(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '\u{66B}' => '.',
            '\u{66C}' => ',',
            '\u{66A}' => '%',
            c if c.is_ascii() => c,
            c => digit_value(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c),
        })
        .collect()
}

/// The values of a source unit's text (Markdown with `{ $placeables }`).
pub fn source_values(text: &str) -> Vec<Value> {
    let mut masked = text.to_string();
    for (range, _) in crate::source::placeables(text) {
        masked.replace_range(range.clone(), &" ".repeat(range.len()));
    }
    values(&masked)
}

/// The values of a translation (a Fluent pattern as written): text of every variant
/// counts; selectors, variant keys, placeables and function options do not.
pub fn translation_values(pattern: &str) -> Vec<Value> {
    values(&fluent_text(pattern))
}

/// The values of plain text.
pub fn values(text: &str) -> Vec<Value> {
    let orig: Vec<char> = text.chars().collect();
    let mut norm = normalized(text);
    let mut out = addresses(&orig, &mut norm);
    let mut i = 0;
    while i < norm.len() {
        if norm[i].is_ascii_digit() {
            let token = number_token(&norm, i);
            let end = token.end;
            let mut found = token.values(&orig);
            if small_ordinal(&norm, &token) {
                found.iter_mut().for_each(|v| v.optional = true);
            }
            out.extend(found);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// `1st` to `10th` (English ordinals a translation may write in words).
fn small_ordinal(norm: &[char], t: &Token) -> bool {
    let suffix: String = norm[t.end..norm.len().min(t.end + 2)].iter().collect::<String>().to_lowercase();
    let ends_word = norm.get(t.end + 2).is_none_or(|c| !c.is_alphanumeric());
    t.groups.len() == 1
        && t.groups[0].parse::<u32>().is_ok_and(|n| (1..=10).contains(&n))
        && ["st", "nd", "rd", "th"].contains(&suffix.as_str())
        && ends_word
}

/// Links and e-mail addresses, each blanked out of `norm` so its digits are no number.
fn addresses(orig: &[char], norm: &mut [char]) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < norm.len() {
        let rest: String = norm[i..norm.len().min(i + 8)].iter().collect::<String>().to_ascii_lowercase();
        let starts_word = i == 0 || !norm[i - 1].is_alphanumeric();
        let url =
            starts_word && ["https://", "http://", "www.", "mailto:"].iter().any(|p| rest.starts_with(p));
        if url || (norm[i] == '@' && i > 0) {
            let (start, end) = if url { (i, address_end(norm, i)) } else { email_span(norm, i) };
            if end > start && (url || norm[start..end].contains(&'.')) {
                let text: String = orig[start..end].iter().collect();
                let email = !url || rest.starts_with("mailto:");
                let key = text.to_lowercase();
                let key = key.trim_start_matches("mailto:").trim_end_matches('/').to_string();
                out.push(Value {
                    shape: if email { Shape::Email } else { Shape::Url },
                    text,
                    sign: None,
                    optional: false,
                    readings: vec![Reading::Address(key)],
                });
                norm[start..end].iter_mut().for_each(|c| *c = ' ');
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Where an address that starts at `i` ends: at a space, a bracket or a quote, less the
/// punctuation that ends a sentence.
fn address_end(norm: &[char], i: usize) -> usize {
    let mut end = i;
    while end < norm.len() && !norm[end].is_whitespace() && !"()<>[]\"'`*".contains(norm[end]) {
        end += 1;
    }
    while end > i && ".,;:!?".contains(norm[end - 1]) {
        end -= 1;
    }
    end
}

/// The span of an e-mail address around the `@` at `at` (empty when it is none).
fn email_span(norm: &[char], at: usize) -> (usize, usize) {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let mut start = at;
    while start > 0 && local(norm[start - 1]) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < norm.len() && (norm[end].is_ascii_alphanumeric() || ".-".contains(norm[end])) {
        end += 1;
    }
    while end > at + 1 && norm[end - 1] == '.' {
        end -= 1;
    }
    if start == at || end == at + 1 { (at, at) } else { (start, end) }
}

/// A run of digits with the separators inside it.
#[derive(Clone)]
struct Token {
    start: usize,
    end: usize,
    groups: Vec<String>,
    /// The separator before each group but the first (`"h"` for `18 h 30`), and its
    /// length in characters.
    seps: Vec<String>,
    sep_lens: Vec<usize>,
    /// AM (false) or PM (true) after it.
    pm: Option<bool>,
    /// A `+` or `(` before it (a phone number).
    phone_start: bool,
    sign: Option<char>,
    /// The characters the value is written with: sign and AM/PM included.
    span: (usize, usize),
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}')
}

/// The separator at `j` that joins two groups of digits, and its length.
fn separator_at(norm: &[char], j: usize) -> Option<(String, usize)> {
    let at = |k: usize| norm.get(j + k).copied();
    let digit_at = |k: usize| at(k).is_some_and(|c| c.is_ascii_digit());
    let c = at(0)?;
    // `18h30`, `18 h30`, `18h 30`, `18 h 30`
    let h_len = match (c, at(1), at(2)) {
        ('h', _, _) if digit_at(1) => Some(1),
        ('h', Some(s), _) if is_space(s) => Some(2),
        (s, Some('h'), Some(t)) if is_space(s) && is_space(t) => Some(3),
        (s, Some('h'), _) if is_space(s) => Some(2),
        _ => None,
    };
    if let Some(len) = h_len
        && digit_at(len)
        && digit_at(len + 1)
        && !digit_at(len + 2)
    {
        return Some(("h".to_string(), len));
    }
    if c == ')' {
        let len = if at(1).is_some_and(is_space) { 2 } else { 1 };
        return digit_at(len).then(|| (" ".to_string(), len));
    }
    let one = [',', '.', '\'', '\u{2019}', ':', '/', '-'].contains(&c) || is_space(c);
    (one && digit_at(1)).then(|| ((if is_space(c) { ' ' } else { c }).to_string(), 1))
}

fn number_token(norm: &[char], start: usize) -> Token {
    let mut groups = vec![String::new()];
    let (mut seps, mut sep_lens) = (Vec::new(), Vec::new());
    let mut j = start;
    loop {
        while j < norm.len() && norm[j].is_ascii_digit() {
            groups.last_mut().expect("one group").push(norm[j]);
            j += 1;
        }
        match separator_at(norm, j) {
            Some((sep, len)) => {
                seps.push(sep);
                sep_lens.push(len);
                groups.push(String::new());
                j += len;
            }
            None => break,
        }
    }
    let (pm, after) = designator(norm, j);
    let before = start.checked_sub(1).map(|k| norm[k]);
    let phone_start = matches!(before, Some('+' | '('));
    let (sign, span) = match (sign_before(norm, start), sign_after(norm, after)) {
        (Some((s, at)), _) => (Some(s), (at, after)),
        (None, Some((s, end))) => (Some(s), (start, end)),
        (None, None) => (None, (start, after)),
    };
    Token { start, end: j, groups, seps, sep_lens, pm, phone_start, sign, span }
}

/// `AM`, `pm`, `a.m.`, `p. m.` right after a number (one space allowed): PM or not, and
/// where it ends.
fn designator(norm: &[char], j: usize) -> (Option<bool>, usize) {
    let k = if norm.get(j).copied().is_some_and(is_space) { j + 1 } else { j };
    let word: String =
        norm[k.min(norm.len())..norm.len().min(k + 5)].iter().collect::<String>().to_lowercase();
    for (form, pm) in
        [("a. m.", false), ("p. m.", true), ("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)]
    {
        if word.starts_with(form) {
            let end = k + form.chars().count();
            let ends_word = norm.get(end).is_none_or(|c| !c.is_alphanumeric());
            if ends_word {
                return (Some(pm), end);
            }
        }
    }
    (None, j)
}

fn is_sign(c: char) -> bool {
    c == '%'
        || c == '\u{2030}'
        || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::CurrencySymbol
}

/// A sign right before `start` (one space allowed), and where it is.
fn sign_before(norm: &[char], start: usize) -> Option<(char, usize)> {
    let mut k = start.checked_sub(1)?;
    if is_space(norm[k]) {
        k = k.checked_sub(1)?;
    }
    is_sign(norm[k]).then_some((norm[k], k))
}

/// A sign right after `end` (one space allowed), and where it ends.
fn sign_after(norm: &[char], end: usize) -> Option<(char, usize)> {
    let c = *norm.get(end)?;
    if is_sign(c) {
        return Some((c, end + 1));
    }
    let next = norm.get(end + 1).copied()?;
    (is_space(c) && is_sign(next)).then_some((next, end + 2))
}

impl Token {
    fn digits(&self) -> String {
        self.groups.concat()
    }

    /// The values this token holds: one, or one per part when spaces join numbers that
    /// are not one value (`May 3 2026`).
    fn values(&self, orig: &[char]) -> Vec<Value> {
        if let Some((shape, readings)) = self.read() {
            let text: String = orig[self.span.0..self.span.1].iter().collect();
            let optional = false;
            return vec![Value { shape, text: text.trim().to_string(), sign: self.sign, optional, readings }];
        }
        // Spaces between numbers that make no single value: each part on its own.
        let mut out = Vec::new();
        let mut part = self.part(self.start, 0);
        let mut offset = self.start + self.groups[0].len();
        for (k, (sep, len)) in self.seps.iter().zip(&self.sep_lens).enumerate() {
            let group = &self.groups[k + 1];
            if sep == " " {
                part.end = offset;
                part.span.1 = offset;
                out.extend(part.values(orig));
                part = self.part(offset + len, k + 1);
            } else {
                part.seps.push(sep.clone());
                part.sep_lens.push(*len);
                part.groups.push(group.clone());
            }
            offset += len + group.len();
        }
        part.end = self.end;
        part.span.1 = self.span.1;
        out.extend(part.values(orig));
        out
    }

    /// A part of this token from `start`, beginning with group `k`.
    fn part(&self, start: usize, k: usize) -> Token {
        let first = k == 0;
        Token {
            start,
            end: start,
            groups: vec![self.groups[k].clone()],
            seps: Vec::new(),
            sep_lens: Vec::new(),
            pm: None,
            phone_start: first && self.phone_start,
            sign: None,
            span: (if first { self.span.0 } else { start }, start),
        }
    }

    /// The token read as one value, if it is one.
    fn read(&self) -> Option<(Shape, Vec<Reading>)> {
        if let Some(t) = self.time() {
            return Some(t);
        }
        if let Some(d) = self.date() {
            return Some(d);
        }
        let number = self.number();
        let digits = self.digits();
        let phone_seps = self.seps.iter().all(|s| matches!(s.as_str(), " " | "-" | "."));
        let phone =
            digits.len() >= 7 && phone_seps && (self.phone_start || self.seps.iter().any(|s| s != "."));
        match (number, phone) {
            (Some(mut readings), true) => {
                readings.push(Reading::Digits(digits));
                Some((Shape::Number, readings))
            }
            (Some(readings), false) => Some((Shape::Number, readings)),
            (None, true) => Some((Shape::Phone, vec![Reading::Digits(digits)])),
            (None, false) if self.seps.iter().all(|s| s != " ") => {
                Some((Shape::Number, vec![Reading::Digits(digits)]))
            }
            (None, false) => None,
        }
    }

    fn time(&self) -> Option<(Shape, Vec<Reading>)> {
        let hour: u32 = self.groups[0].parse().ok().filter(|_| self.groups[0].len() <= 2)?;
        let minutes = match (&self.groups[..], &self.seps[..]) {
            ([_], []) => 0,
            ([_, m], [s]) if m.len() == 2 && matches!(s.as_str(), ":" | "." | "h") => {
                m.parse::<u32>().ok()?
            }
            _ => return None,
        };
        if minutes >= 60 {
            return None;
        }
        let time = |minutes, explicit| Reading::Time { minutes, explicit };
        match self.pm {
            Some(pm) if (1..=12).contains(&hour) => {
                let h = hour % 12 + if pm { 12 } else { 0 };
                Some((Shape::Time, vec![time(h * 60 + minutes, true)]))
            }
            Some(_) => None,
            None if self.groups.len() == 1 || hour > 24 => None,
            None => {
                let mut readings =
                    vec![time(hour * 60 + minutes, hour > 12 || self.groups[0].len() == 2 && hour == 0)];
                if self.seps[0] == "." {
                    readings.extend(self.number().unwrap_or_default());
                    return Some((Shape::Number, readings));
                }
                Some((Shape::Time, readings))
            }
        }
    }

    fn date(&self) -> Option<(Shape, Vec<Reading>)> {
        let [a, b, c] = &self.groups[..] else { return None };
        let same_sep = self.seps[0] == self.seps[1] && matches!(self.seps[0].as_str(), "/" | "-" | ".");
        let lens: Vec<usize> = [a, b, c].iter().map(|g| g.len()).collect();
        let short = lens.iter().filter(|&&l| l <= 2).count();
        let year_like = short == 3 || (short == 2 && lens.contains(&4));
        if !same_sep || !year_like || (self.seps[0] == "-" && self.phone_start) {
            return None;
        }
        let mut parts: Vec<u32> = [a, b, c].iter().filter_map(|g| g.parse().ok()).collect();
        parts.sort_unstable();
        Some((Shape::Date, vec![Reading::Date(parts), Reading::Digits(self.digits())]))
    }

    /// Readings as a number: digit grouping (`1,000`, `1 000`, `1,00,000`) and a decimal
    /// separator (`1.5`, `1,5`, `1.000,50`).
    fn number(&self) -> Option<Vec<Reading>> {
        let grouping = |seps: &[String], groups: &[String]| {
            let one_sep = seps.windows(2).all(|w| w[0] == w[1]);
            let sep_ok = seps.iter().all(|s| matches!(s.as_str(), "," | "." | " " | "'" | "\u{2019}"));
            let last3 = groups.last().is_some_and(|g| g.len() == 3) || groups.len() == 1;
            let middle = groups.len() <= 2
                || groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
                || groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
            one_sep && sep_ok && last3 && middle && (groups[0].len() <= 3 || groups.len() == 1)
        };
        let mut out = Vec::new();
        if grouping(&self.seps, &self.groups) {
            out.push(Reading::Num(canonical(&self.digits(), "")));
        }
        if let Some(last) = self.seps.last().filter(|s| matches!(s.as_str(), "," | ".")) {
            let n = self.groups.len();
            let int_seps = &self.seps[..n - 2];
            if int_seps.iter().all(|s| s != last) && grouping(int_seps, &self.groups[..n - 1]) {
                out.push(Reading::Num(canonical(&self.groups[..n - 1].concat(), &self.groups[n - 1])));
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

fn canonical(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
}

/// The text of a Fluent pattern (collapsed to one line): text outside placeables and the
/// text of each select variant; string literals give their text; everything else in
/// braces (variables, terms, function calls and their options, variant keys) is blanked.
pub fn fluent_text(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    text_until(&chars, &mut i, false, &mut out);
    out
}

/// Copies text from `i` until a closing brace (or the next variant key, `in_variant`).
fn text_until(chars: &[char], i: &mut usize, in_variant: bool, out: &mut String) {
    while *i < chars.len() {
        match chars[*i] {
            '{' => {
                *i += 1;
                placeable(chars, i, out);
            }
            '}' if in_variant => return,
            '[' | '*' if in_variant && variant_key_len(chars, *i).is_some() => return,
            c => {
                out.push(c);
                *i += 1;
            }
        }
    }
}

/// The length of a variant key (`[one]`, `*[other]`) at `i`, if one starts there.
fn variant_key_len(chars: &[char], i: usize) -> Option<usize> {
    let start = if chars[i] == '*' { i + 1 } else { i };
    if chars.get(start) != Some(&'[') || (i > 0 && !chars[i - 1].is_whitespace()) {
        return None;
    }
    let close = chars[start..].iter().position(|&c| c == ']')? + start;
    let key = &chars[start + 1..close];
    let ok = !key.is_empty() && key.iter().all(|c| c.is_alphanumeric() || "-_. ".contains(*c));
    let after = chars.get(close + 1);
    (ok && after.is_none_or(|c| c.is_whitespace() || *c == '}')).then_some(close + 1 - i)
}

/// Reads a placeable after its `{`, up to and past its `}`.
fn placeable(chars: &[char], i: &mut usize, out: &mut String) {
    out.push(' ');
    while *i < chars.len() {
        match chars[*i] {
            '}' => {
                *i += 1;
                return;
            }
            '{' => {
                *i += 1;
                placeable(chars, i, out);
            }
            '"' => {
                // A string literal: its text is text (`{ "{" }`).
                *i += 1;
                while *i < chars.len() && chars[*i] != '"' {
                    if chars[*i] == '\\' {
                        *i += 1;
                    }
                    out.extend(chars.get(*i));
                    *i += 1;
                }
                *i += 1;
            }
            '-' if chars.get(*i + 1) == Some(&'>') => {
                *i += 2;
                variants(chars, i, out);
            }
            _ => *i += 1,
        }
    }
}

/// The variants of a select, up to (not past) its closing brace.
fn variants(chars: &[char], i: &mut usize, out: &mut String) {
    while *i < chars.len() && chars[*i] != '}' {
        match variant_key_len(chars, *i) {
            Some(len) => {
                *i += len;
                out.push(' ');
                text_until(chars, i, true, out);
                out.push(' ');
            }
            None => *i += 1,
        }
    }
}

/// A source value the translation lacks, and what the translation has instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub source: Value,
    /// A value of the translation that matches no source value (the changed one).
    pub instead: Option<Value>,
}

/// The source values a translation does not keep (and is not confirmed for).
/// `confirmed` is the text of the message's `# tradui: values-ok` lines.
pub fn compare(source: &[Value], translation: &[Value], confirmed: &[Value]) -> Vec<Mismatch> {
    let mut extra: Vec<&Value> = translation.iter().filter(|t| !source.iter().any(|s| s.same(t))).collect();
    let mut out: Vec<Mismatch> = Vec::new();
    for s in source {
        let kept = translation.iter().any(|t| s.same(t));
        let confirmed = confirmed.iter().any(|c| s.same(c) && c.same(s));
        let again = out.iter().any(|m| m.source.same(s));
        if kept || confirmed || again || s.optional {
            continue;
        }
        let pick = extra.iter().position(|t| t.shape == s.shape).or((!extra.is_empty()).then_some(0));
        let instead = pick.map(|k| extra.remove(k).clone());
        out.push(Mismatch { source: s.clone(), instead });
    }
    out
}

/// The values a `# tradui: values-ok ...` comment line confirms (None: not such a line).
pub fn confirmed_in(comment_line: &str) -> Option<Vec<Value>> {
    let rest = comment_line.trim().strip_prefix(CONFIRM)?;
    Some(values(rest))
}

/// Does the edit from `old` to `new` (source texts) touch a value or a placeable? Then
/// keeping the old translation as it is would keep a wrong value.
pub fn edit_touches_values(old: &str, new: &str) -> bool {
    let refs = |t: &str| crate::source::placeables(t).into_iter().map(|(_, r)| r).collect::<Vec<_>>();
    let (a, b) = (source_values(old), source_values(new));
    let covered = |x: &[Value], y: &[Value]| x.iter().all(|v| y.iter().any(|w| v.same(w) && w.same(v)));
    refs(old) != refs(new) || !covered(&a, &b) || !covered(&b, &a)
}

/// Does a source value look like a fact that changes (a date, a time, a phone number),
/// which belongs in the front matter's `[variables]`?
pub fn is_fact(v: &Value) -> bool {
    matches!(v.shape, Shape::Date | Shape::Time | Shape::Phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Source text, translation, whether every source value is kept.
    const TABLE: &[(&str, &str, &str, bool)] = &[
        // Spanish: 12-hour time as `p. m.`, currency before, grouping with a point.
        ("es", "A raise of $3 an hour", "Un aumento de $3 por hora", true),
        ("es", "A raise of $4 an hour", "Un aumento de $3 por hora", false),
        ("es", "The meeting is at 6:30 PM.", "La reunión es a las 6:30 p. m.", true),
        ("es", "We are 1,000 workers.", "Somos 1.000 trabajadores.", true),
        ("es", "We are 1000 workers.", "Somos 1.000 trabajadores.", true),
        ("es", "12 workers signed.", "Firmaron 21 trabajadores.", false),
        ("es", "the 3rd floor", "el 3.º piso", true),
        // French: 24-hour `18 h 30`, no-break and narrow no-break space grouping, euro after.
        ("fr", "The meeting is at 6:30 PM.", "La réunion est à 18 h 30.", true),
        ("fr", "The meeting is at 6:30 PM.", "La réunion est à 18h30.", true),
        ("fr", "The meeting is at 6:30 PM.", "La réunion est à 19 h 30.", false),
        ("fr", "We are 1,000 workers.", "Nous sommes 1\u{a0}000 travailleurs.", true),
        ("fr", "We are 1,000 workers.", "Nous sommes 1\u{202f}000 travailleurs.", true),
        ("fr", "It costs €1,250.50.", "Cela coûte 1\u{202f}250,50 €.", true),
        ("fr", "It costs €1,250.50.", "Cela coûte 1\u{202f}250,05 €.", false),
        // German: `18 Uhr` for a whole hour, decimal comma.
        ("de", "Come at 6 PM.", "Kommt um 18 Uhr.", true),
        ("de", "A raise of 2.5%", "Eine Erhöhung um 2,5 %", true),
        ("de", "A raise of 2.5%", "Eine Erhöhung um 25 %", false),
        // Danish and Finnish write times with a point.
        ("da", "Come at 6:30 PM.", "Kom kl. 18.30.", true),
        ("fi", "Come at 6:30 PM.", "Tule klo 18.30.", true),
        // Arabic: Arabic-Indic digits, Arabic decimal separator and percent, م for PM.
        ("ar", "Call (718) 555-0142.", "اتصل على ‎(٧١٨) ٥٥٥-٠١٤٢.", true),
        ("ar", "The meeting is at 6:30 PM.", "الاجتماع الساعة ٦:٣٠ م.", true),
        ("ar", "A raise of 2.5%", "زيادة ٢٫٥٪", true),
        ("ar", "Article 23 of the Universal Declaration", "المادة ٢٣ من الإعلان العالمي", true),
        ("ar", "Article 23 of the Universal Declaration", "المادة ٢٤ من الإعلان العالمي", false),
        // Persian: Extended Arabic-Indic digits.
        ("fa", "Article 23 of the Universal Declaration", "ماده ۲۳ اعلامیه جهانی", true),
        ("fa", "We are 1,000 workers.", "ما ۱٬۰۰۰ کارگر هستیم.", true),
        // Hindi (Devanagari digits) and Indian grouping.
        ("hi", "12 workers signed.", "१२ मज़दूरों ने हस्ताक्षर किए।", true),
        ("hi", "A fund of 100,000 dollars", "1,00,000 डॉलर का कोष", true),
        ("hi", "12 workers signed.", "२१ मज़दूरों ने हस्ताक्षर किए।", false),
        // Bengali digits.
        ("bn", "Article 23 of the Universal Declaration", "সর্বজনীন ঘোষণার অনুচ্ছেদ ২৩", true),
        ("bn", "Call 718-555-0142.", "৭১৮ ৫৫৫ ০১৪২ নম্বরে ফোন করুন।", true),
        // Haitian Creole: ordinal, time written 24-hour without designator.
        ("ht", "the 2nd floor", "2yèm etaj la", true),
        ("ar", "the 2nd floor", "الطابق الثاني", true),
        ("es", "the 21st floor", "el piso veintiuno", false),
        ("ht", "The meeting is at 6:30 PM.", "Reyinyon an se a 6:30 nan aswè.", true),
        // Chinese and Japanese: currency sign before, 24-hour time.
        ("zh", "A raise of $3 an hour", "每小时加薪3美元", true),
        ("ja", "The meeting is at 6:30 PM.", "会議は18:30からです。", true),
        ("ja", "The meeting is at 6:30 PM.", "会議は 6:30 AM です。", false),
        // Portuguese: currency sign before with a space, decimal comma.
        ("pt", "A raise of $3 an hour", "Um aumento de US$ 3,00 por hora", true),
        ("pt", "A raise of $3 an hour", "Um aumento de US$ 3,50 por hora", false),
        // Korean: the half of the day before the time.
        ("ko", "The meeting is at 6:30 PM.", "회의는 오후 6:30에 시작합니다.", true),
        // Urdu and Thai digits.
        ("ur", "12 workers signed.", "۱۲ مزدوروں نے دستخط کیے۔", true),
        ("th", "12 workers signed.", "คนงาน ๑๒ คนลงชื่อ", true),
        // Indian rupee with lakh grouping.
        ("hi", "A fund of ₹100,000", "₹1,00,000 का कोष", true),
        // Currency changed, not the number.
        ("es", "A raise of $3 an hour", "Un aumento de 3 € por hora", false),
        // Dates in another order.
        ("fr", "Since 12/11/2026", "Depuis le 11/12/2026", true),
        // Links and e-mail addresses.
        ("es", "See https://union.example/rights.", "Vea https://union.example/rights", true),
        (
            "es",
            "See [our site](https://union.example/rights).",
            "Vea [nuestro sitio](https://union.example/derechos).",
            false,
        ),
        ("es", "Write to help@union.example.", "Escriba a help@union.example.", true),
        ("es", "Write to help@union.example.", "Escriba a ayuda@union.example.", false),
        // A number spelled out is a mismatch until confirmed (see `a_confirmation_...`).
        ("es", "Bring 2 coworkers.", "Traiga dos compañeros.", false),
    ];

    #[test]
    fn the_table_of_formats() {
        let langs: std::collections::BTreeSet<&str> = TABLE.iter().map(|r| r.0).collect();
        assert!(langs.len() >= 10, "{langs:?}");
        for (lang, source, translation, kept) in TABLE {
            let found = compare(&source_values(source), &translation_values(translation), &[]);
            assert_eq!(found.is_empty(), *kept, "{lang}: {source:?} -> {translation:?}: {found:?}");
        }
    }

    #[test]
    fn native_digits_of_every_script() {
        for (c, v) in [('٣', 3), ('۳', 3), ('३', 3), ('৩', 3), ('๓', 3), ('０', 0), ('𝟗', 9), ('߉', 9)]
        {
            assert_eq!(digit_value(c), Some(v), "{c}");
        }
        assert_eq!(digit_value('x'), None);
        assert_eq!(digit_value('½'), None, "a fraction is no decimal digit");
    }

    #[test]
    fn the_message_names_both_values() {
        let found =
            compare(&source_values("A raise of $4 an hour"), &translation_values("Un aumento de $3"), &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].source.text, "$4");
        assert_eq!(found[0].instead.as_ref().map(|v| v.text.as_str()), Some("$3"));
    }

    #[test]
    fn a_confirmation_covers_the_values_it_names() {
        let source = source_values("Bring 2 coworkers.");
        let tr = translation_values("Traiga dos compañeros.");
        assert!(compare(&source, &tr, &confirmed_in("tradui: values-ok 2").unwrap()).is_empty());
        // A confirmation of another value does not cover a new one.
        let source = source_values("Bring 3 coworkers.");
        assert_eq!(compare(&source, &tr, &confirmed_in("tradui: values-ok 2").unwrap()).len(), 1);
        assert!(confirmed_in("en: Bring 2").is_none());
    }

    #[test]
    fn placeables_and_fluent_syntax_are_no_values() {
        assert!(source_values("On { $date } at { $time }, call { $phone }.").is_empty());
        assert!(
            translation_values("{ $date } { NUMBER($n, minimumFractionDigits: 2) } { -union-name }")
                .is_empty()
        );
        let select = "{ $count -> [1] one shift *[other] { $count } shifts of 8 hours }";
        assert_eq!(translation_values(select).iter().map(|v| v.text.as_str()).collect::<Vec<_>>(), ["8"]);
        assert_eq!(
            translation_values("a [link](https://x.example/2) and { \"50\" }")
                .iter()
                .map(|v| v.text.as_str())
                .collect::<Vec<_>>(),
            ["https://x.example/2", "50"]
        );
    }

    #[test]
    fn shapes() {
        let shape = |t: &str| source_values(t).iter().map(|v| v.shape).collect::<Vec<_>>();
        assert_eq!(shape("at 6:30 PM"), [Shape::Time]);
        assert_eq!(shape("call (718) 555-0142"), [Shape::Phone]);
        assert_eq!(shape("on 12/11/2026"), [Shape::Date]);
        assert_eq!(shape("on May 3 2026"), [Shape::Number, Shape::Number]);
        assert_eq!(shape("JFK8 and 1,000"), [Shape::Number, Shape::Number]);
        assert!(is_fact(&source_values("at 6 PM")[0]));
        assert!(!is_fact(&source_values("12 workers")[0]));
    }

    proptest::proptest! {
        #[test]
        fn any_text_keeps_its_own_values(text in "[0-9٠-٩۰-۹ a-zA-Z$€%.,:/()+@\u{a0}\u{202f}{}*\\[\\]-]{0,40}") {
            let own = values(&text);
            proptest::prop_assert!(compare(&own, &own, &[]).is_empty(), "{:?}", own);
            let _ = translation_values(&text);
            let _ = source_values(&text);
        }
    }

    #[test]
    fn edits_that_touch_values() {
        assert!(edit_touches_values("A raise of $3", "A raise of $4"));
        assert!(edit_touches_values("Call us", "Call us at { $phone }"));
        assert!(edit_touches_values("See https://a.example", "See https://b.example"));
        assert!(!edit_touches_values("A raise of $3 an huor", "A raise of $3 an hour"));
    }
}
