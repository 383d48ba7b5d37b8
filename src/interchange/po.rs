//! GNU gettext PO: the file Poedit, Weblate, Pootle and `msgmerge` read.
//!
//! One entry per unit: `msgctxt` = `leaflet:id`, `msgid` = today's source, `msgstr` = the
//! translation (empty when missing); a stale one is `#, fuzzy` with the source it was
//! translated from as `#| msgid`; `#:` is where the unit is; `#.` notes say what each
//! placeable is. The reader keeps the line of every entry, so that import can point at it.
//!
//! No Rust PO crate keeps entry lines and `#|` previous strings (the `polib` crate drops
//! both), so the reader is a small state machine here, tested below and against
//! `msgfmt`, `msgmerge` and Python's polib in `tests/interchange.rs`.

use super::{Bundle, Entry, ParseError, context, split_context};

/// The extracted-comment prefix that carries the fingerprint of the exported translation.
const BASE_NOTE: &str = "tradui: translation at export ";

/// Writes a bundle as a PO file. `revised` is the `PO-Revision-Date` (see
/// [`revision_date`]): when the translations last changed, never the clock.
pub fn write(bundle: &Bundle, plural_forms: &str, revised: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {} translation, exported by tradui from the {} leaflets.\n",
        bundle.lang, bundle.source_lang
    ));
    out.push_str("# Translate each msgstr. Keep every { $name } and { -name } exactly as written.\n");
    out.push_str("# Then send this file back; `tradui import FILE` puts the translations in place.\n");
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    let header = [
        "Project-Id-Version: tradui leaflets".to_string(),
        format!("PO-Revision-Date: {revised}"),
        "Last-Translator: ".to_string(),
        format!("Language-Team: {}", bundle.lang),
        format!("Language: {}", bundle.lang.replace('-', "_")),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("Plural-Forms: {plural_forms}"),
        format!("X-Source-Language: {}", bundle.source_lang),
        "X-Generator: tradui".to_string(),
    ];
    for h in header {
        out.push_str(&format!("\"{}\\n\"\n", escape(&h)));
    }
    for e in &bundle.entries {
        out.push('\n');
        write_entry(&mut out, e);
    }
    out
}

fn write_entry(out: &mut String, e: &Entry) {
    for c in &e.comments {
        out.push_str(&format!("# {c}\n"));
    }
    for n in &e.notes {
        out.push_str(&format!("#. {n}\n"));
    }
    if let Some(base) = &e.base {
        out.push_str(&format!("#. {BASE_NOTE}{base}\n"));
    }
    if let Some((file, line)) = &e.location {
        out.push_str(&format!("#: {file}:{line}\n"));
    }
    if e.fuzzy {
        out.push_str("#, fuzzy\n");
        if let Some(p) = &e.previous {
            // As msgmerge and Poedit write it: the previous context, then the text.
            out.push_str(&format!("#| msgctxt \"{}\"\n", escape(&context(&e.leaflet, &e.id))));
            write_string_prefixed(out, "#| ", "msgid", p);
        }
    }
    out.push_str(&format!("msgctxt \"{}\"\n", escape(&context(&e.leaflet, &e.id))));
    write_string(out, "msgid", &e.source);
    write_string(out, "msgstr", &e.target);
}

/// `keyword "text"`, or, for text over several lines, one quoted string per line.
fn write_string(out: &mut String, keyword: &str, text: &str) {
    write_string_prefixed(out, "", keyword, text);
}

/// The same, each line after `prefix` (`#| ` for a previous string).
fn write_string_prefixed(out: &mut String, prefix: &str, keyword: &str, text: &str) {
    if !text.contains('\n') {
        out.push_str(&format!("{prefix}{keyword} \"{}\"\n", escape(text)));
        return;
    }
    out.push_str(&format!("{prefix}{keyword} \"\"\n"));
    for line in text.split_inclusive('\n') {
        out.push_str(&format!("{prefix}\"{}\"\n", escape(line)));
    }
}

/// `PO-Revision-Date` for a time in seconds since the epoch: `2026-12-03 18:30+0000`.
pub fn revision_date(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let (year, month, day) = crate::civil::from_days(days);
    format!("{year:04}-{month:02}-{day:02} {h:02}:{m:02}+0000")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Which string a continuation line (`"..."`) adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Ctxt,
    Id,
    IdPlural,
    Str,
    PrevId,
    PrevCtxt,
}

#[derive(Debug, Default)]
struct Raw {
    line: usize,
    comments: Vec<String>,
    notes: Vec<String>,
    refs: Vec<String>,
    flags: Vec<String>,
    prev_id: Option<String>,
    ctxt: Option<String>,
    id: Option<String>,
    plural: bool,
    msgstr: Option<String>,
    /// Line of the msgstr's text: its keyword's, or the first continuation's after `msgstr ""`.
    str_line: usize,
}

impl Raw {
    fn started(&self) -> bool {
        self.id.is_some() || self.ctxt.is_some()
    }
}

/// Reads a PO file. `lang` comes from the header's `Language`.
pub fn parse(text: &str) -> Result<Bundle, ParseError> {
    let mut raws: Vec<Raw> = Vec::new();
    let mut cur = Raw::default();
    let mut field = Field::None;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r').trim();
        if line.is_empty() {
            finish(&mut cur, &mut raws, n)?;
            field = Field::None;
            continue;
        }
        if let Some(rest) = line.strip_prefix("#~") {
            // An obsolete entry: tradui keeps obsolete text in the .ftl, not here.
            let _ = rest;
            continue;
        }
        if cur.msgstr.is_some()
            && (line.starts_with('#') || line.starts_with("msgctxt") || line.starts_with("msgid "))
        {
            finish(&mut cur, &mut raws, n)?;
        }
        if cur.line == 0 {
            cur.line = n;
        }
        if let Some(rest) = line.strip_prefix("#|") {
            field = previous(rest.trim(), &mut cur, field, n)?;
        } else if let Some(rest) = line.strip_prefix("#,") {
            cur.flags.extend(rest.split(',').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()));
            field = Field::None;
        } else if let Some(rest) = line.strip_prefix("#.") {
            cur.notes.push(rest.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("#:") {
            cur.refs.extend(rest.split_whitespace().map(str::to_string));
        } else if let Some(rest) = line.strip_prefix('#') {
            if !rest.starts_with(['~', '|', ',', '.', ':']) {
                cur.comments.push(rest.trim().to_string());
            }
        } else if line.starts_with('"') {
            let s = quoted(line, n)?;
            append(&mut cur, field, &s, n)?;
        } else {
            field = keyword(line, &mut cur, n)?;
        }
    }
    finish(&mut cur, &mut raws, text.lines().count() + 1)?;
    bundle(raws)
}

fn previous(rest: &str, cur: &mut Raw, field: Field, n: usize) -> Result<Field, ParseError> {
    if let Some(v) = rest.strip_prefix("msgid ") {
        cur.prev_id = Some(quoted(v.trim(), n)?);
        Ok(Field::PrevId)
    } else if let Some(v) = rest.strip_prefix("msgctxt ") {
        quoted(v.trim(), n)?;
        Ok(Field::PrevCtxt)
    } else if rest.starts_with("msgid_plural") {
        Ok(Field::None)
    } else if rest.starts_with('"') {
        let s = quoted(rest, n)?;
        match field {
            Field::PrevId => cur.prev_id.get_or_insert_with(String::new).push_str(&s),
            Field::PrevCtxt => {}
            _ => {
                return Err(ParseError::new(
                    n,
                    "a `#|` string continues nothing: write `#| msgid \"...\"` first",
                ));
            }
        }
        Ok(field)
    } else {
        Err(ParseError::new(
            n,
            "a `#|` line must be `#| msgid \"...\"` (the text the translation was made from)",
        ))
    }
}

fn keyword(line: &str, cur: &mut Raw, n: usize) -> Result<Field, ParseError> {
    let (word, rest) = line.split_once(|c: char| c.is_whitespace()).unwrap_or((line, ""));
    let value = || quoted(rest.trim(), n);
    match word {
        "msgctxt" => {
            cur.ctxt = Some(value()?);
            Ok(Field::Ctxt)
        }
        "msgid" => {
            cur.id = Some(value()?);
            Ok(Field::Id)
        }
        "msgid_plural" => {
            value()?;
            cur.plural = true;
            Ok(Field::IdPlural)
        }
        "msgstr" => {
            if cur.id.is_none() {
                return Err(ParseError::new(n, "msgstr without a msgid before it"));
            }
            cur.msgstr = Some(value()?);
            cur.str_line = n;
            Ok(Field::Str)
        }
        w if w.starts_with("msgstr[") => {
            value()?;
            cur.plural = true;
            cur.msgstr.get_or_insert_with(String::new);
            Ok(Field::None)
        }
        _ => Err(ParseError::new(
            n,
            format!(
                "unexpected `{}`: a PO line is a # comment, msgctxt, msgid, msgstr or a \"quoted string\"",
                clip(line)
            ),
        )),
    }
}

fn append(cur: &mut Raw, field: Field, s: &str, n: usize) -> Result<(), ParseError> {
    if field == Field::Str && cur.msgstr.as_deref() == Some("") && !s.is_empty() {
        cur.str_line = n;
    }
    let target = match field {
        Field::Ctxt => cur.ctxt.as_mut(),
        Field::Id => cur.id.as_mut(),
        Field::Str => cur.msgstr.as_mut(),
        Field::IdPlural => return Ok(()),
        Field::None | Field::PrevId | Field::PrevCtxt => None,
    };
    match target {
        Some(t) => {
            t.push_str(s);
            Ok(())
        }
        None => Err(ParseError::new(
            n,
            "a quoted string that continues nothing: it must follow msgid, msgstr or msgctxt",
        )),
    }
}

fn finish(cur: &mut Raw, raws: &mut Vec<Raw>, n: usize) -> Result<(), ParseError> {
    let raw = std::mem::take(cur);
    if !raw.started() {
        // Comments alone (the file's opening lines) belong to no entry.
        return Ok(());
    }
    if raw.msgstr.is_none() {
        return Err(ParseError::new(
            raw.line.max(1),
            format!("this entry has no msgstr (it ends on line {})", n.saturating_sub(1).max(raw.line)),
        ));
    }
    raws.push(raw);
    Ok(())
}

/// A `"..."` string, unescaped.
fn quoted(s: &str, n: usize) -> Result<String, ParseError> {
    let Some(inner) = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')).filter(|_| s.len() >= 2) else {
        return Err(ParseError::new(n, format!("expected a \"quoted string\", found `{}`", clip(s))));
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('a') => out.push('\u{7}'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('v') => out.push('\u{b}'),
                other => {
                    let what = other.map_or("the end of the line".to_string(), |c| format!("`\\{c}`"));
                    return Err(ParseError::new(n, format!("unknown escape {what} in a quoted string")));
                }
            },
            '"' => return Err(ParseError::new(n, "a quote inside a string must be written \\\"")),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn clip(s: &str) -> String {
    let mut t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

fn bundle(raws: Vec<Raw>) -> Result<Bundle, ParseError> {
    let mut b = Bundle { lang: String::new(), source_lang: String::new(), entries: Vec::new() };
    for raw in raws {
        if raw.ctxt.is_none() && raw.id.as_deref() == Some("") {
            header(&raw, &mut b)?;
        } else {
            b.entries.push(entry(raw)?);
        }
    }
    if b.lang.is_empty() {
        return Err(ParseError::new(
            1,
            "the PO header has no `Language:` field, so tradui cannot tell which language this is",
        ));
    }
    Ok(b)
}

/// The header entry: the file's language, the source language, UTF-8.
fn header(raw: &Raw, b: &mut Bundle) -> Result<(), ParseError> {
    for h in raw.msgstr.as_deref().unwrap_or("").lines() {
        let Some((k, v)) = h.split_once(':') else { continue };
        match k.trim() {
            "Language" => b.lang = v.trim().replace('_', "-"),
            "X-Source-Language" => b.source_lang = v.trim().to_string(),
            "Content-Type" if !v.to_ascii_lowercase().contains("charset=utf-8") => {
                return Err(ParseError::new(
                    raw.line,
                    format!("the file says `Content-Type:{v}`; tradui reads UTF-8 only"),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

fn entry(raw: Raw) -> Result<Entry, ParseError> {
    let ctxt = raw.ctxt.clone().unwrap_or_default();
    let Some((leaflet, id)) = split_context(&ctxt) else {
        return Err(ParseError::new(
            raw.line,
            format!("msgctxt \"{}\" is not LEAFLET:ID as tradui exports it", clip(&ctxt)),
        ));
    };
    if raw.plural {
        return Err(ParseError::new(
            raw.line,
            "plural entries (msgid_plural, msgstr[N]) are not used by tradui: translate plural forms as the Fluent select in msgstr",
        ));
    }
    let base = raw.notes.iter().find_map(|n| n.strip_prefix(BASE_NOTE)).map(|s| s.trim().to_string());
    let location = raw
        .refs
        .first()
        .and_then(|r| r.rsplit_once(':'))
        .and_then(|(f, l)| Some((f.to_string(), l.parse().ok()?)));
    Ok(Entry {
        leaflet: leaflet.to_string(),
        id: id.to_string(),
        source: raw.id.clone().unwrap_or_default(),
        target: raw.msgstr.clone().unwrap_or_default(),
        fuzzy: raw.flags.iter().any(|f| f == "fuzzy"),
        previous: raw.prev_id.clone(),
        location,
        notes: raw.notes.into_iter().filter(|n| !n.starts_with(BASE_NOTE)).collect(),
        comments: raw.comments,
        base,
        line: raw.line,
        target_line: raw.str_line,
        problem: None,
    })
}

/// The gettext `Plural-Forms` header for a language.
///
/// The formulas are the Unicode CLDR plural rules for integers written as gettext C
/// expressions, in the form the php-gettext/Languages project publishes them (generated
/// from CLDR's plurals.xml), for the CLDR release that intl_pluralrules carries: the same
/// data `check` uses for plural categories (so Spanish has `one` and `other`, Hebrew
/// `one`, `two`, `many`, `other`). The tests check each formula's form count against
/// intl_pluralrules. A language missing from the table gets the formula of its CLDR category set
/// (`other` alone: one form; `one` + `other`: `n != 1`).
pub fn plural_forms(lang: &crate::lang::Lang) -> String {
    let formula =
        PLURAL_FORMS.iter().find(|(l, _)| *l == lang.as_str() || *l == lang.primary()).map(|(_, f)| *f);
    formula.map(str::to_string).unwrap_or_else(|| {
        let cats = lang.plural_categories();
        if cats == ["other"] {
            "nplurals=1; plural=0;".to_string()
        } else {
            "nplurals=2; plural=(n != 1);".to_string()
        }
    })
}

/// Language -> gettext Plural-Forms, from CLDR's integer rules (see [`plural_forms`]).
const PLURAL_FORMS: &[(&str, &str)] = &[
    (
        "ar",
        "nplurals=6; plural=(n == 0) ? 0 : ((n == 1) ? 1 : ((n == 2) ? 2 : ((n % 100 >= 3 && n % 100 <= 10) ? 3 : ((n % 100 >= 11 && n % 100 <= 99) ? 4 : 5))));",
    ),
    ("de", "nplurals=2; plural=(n != 1);"),
    ("en", "nplurals=2; plural=(n != 1);"),
    ("es", "nplurals=2; plural=(n != 1);"),
    ("fa", "nplurals=2; plural=(n > 1);"),
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("he", "nplurals=4; plural=(n == 1) ? 0 : ((n == 2) ? 1 : ((n > 10 && n % 10 == 0) ? 2 : 3));"),
    ("hi", "nplurals=2; plural=(n > 1);"),
    ("ht", "nplurals=1; plural=0;"),
    ("it", "nplurals=2; plural=(n != 1);"),
    ("ja", "nplurals=1; plural=0;"),
    ("ko", "nplurals=1; plural=0;"),
    (
        "pl",
        "nplurals=3; plural=(n == 1) ? 0 : ((n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2);",
    ),
    ("pt", "nplurals=2; plural=(n > 1);"),
    (
        "ru",
        "nplurals=3; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : ((n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2);",
    ),
    ("so", "nplurals=2; plural=(n != 1);"),
    ("tl", "nplurals=2; plural=(n != 1 && n != 2 && n != 3 && (n % 10 == 4 || n % 10 == 6 || n % 10 == 9));"),
    (
        "uk",
        "nplurals=3; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : ((n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2);",
    ),
    ("ur", "nplurals=2; plural=(n != 1);"),
    ("vi", "nplurals=1; plural=0;"),
    ("zh", "nplurals=1; plural=0;"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn entry(id: &str, source: &str, target: &str, fuzzy: bool) -> Entry {
        Entry {
            leaflet: "walkout".into(),
            id: id.into(),
            source: source.into(),
            target: target.into(),
            fuzzy,
            ..Entry::default()
        }
    }

    fn bundle(entries: Vec<Entry>) -> Bundle {
        Bundle { lang: "ht".into(), source_lang: "en".into(), entries }
    }

    #[test]
    fn writes_and_reads_back_every_field() {
        let mut stale = entry("walkout-p1", "We walk on { $date }.", "Nou \"mache\" { $date }.", true);
        stale.previous = Some("We walk out.".into());
        stale.location = Some(("content/walkout.md".into(), 7));
        stale.notes = vec!["{ $date } is replaced by a value".into()];
        stale.comments = vec!["checked with Marie".into()];
        stale.base = Some("0123456789abcdef".into());
        let select =
            entry("n", "Shifts: { $n }", "{ $n ->\n    [one] yon ekip\n   *[other] { $n } ekip\n}", false);
        let b = bundle(vec![stale.clone(), entry("title", "Hi", "", false), select.clone()]);
        let text = write(&b, "nplurals=1; plural=0;", "2026-12-03 18:30+0000");
        let back = parse(&text).unwrap();
        assert_eq!(back.lang, "ht");
        assert_eq!(back.source_lang, "en");
        let lines: Vec<usize> = back.entries.iter().map(|e| e.line).collect();
        let mut expected = stale;
        expected.line = lines[0];
        expected.target_line = back.entries[0].target_line;
        assert!(
            text.lines().nth(expected.target_line - 1).unwrap().starts_with("msgstr \"Nou"),
            "the target line is the msgstr's"
        );
        assert!(
            text.contains("#, fuzzy\n#| msgctxt \"walkout:walkout-p1\"\n#| msgid \"We walk out.\"\nmsgctxt"),
            "{text}"
        );
        assert!(text.contains("\"PO-Revision-Date: 2026-12-03 18:30+0000\\n\""), "{text}");
        assert_eq!(back.entries[0], expected);
        assert!(
            text.lines().nth(lines[0] - 1).unwrap().starts_with("# checked"),
            "the line is the entry's first line"
        );
        assert_eq!(back.entries[1].target, "");
        assert_eq!(back.entries[2].target, select.target);
    }

    #[test]
    fn reads_what_poedit_and_msgmerge_write() {
        // Wrapped strings, flags with several values, obsolete entries, CRLF.
        let po = "msgid \"\"\r\nmsgstr \"\"\r\n\"Language: ht\\n\"\r\n\r\n#, fuzzy, no-wrap\r\n#| msgid \"\"\r\n#| \"Old \"\r\n#| \"text\"\r\nmsgctxt \"a:b\"\r\nmsgid \"\"\r\n\"New \"\r\n\"text\"\r\nmsgstr \"Nouvo \"\r\n\"tèks\"\r\n\r\n#~ msgctxt \"a:gone\"\r\n#~ msgid \"Gone\"\r\n#~ msgstr \"Ale\"\r\n";
        let b = parse(po).unwrap();
        assert_eq!(b.entries.len(), 1);
        let e = &b.entries[0];
        assert_eq!(
            (e.source.as_str(), e.target.as_str(), e.fuzzy, e.previous.as_deref()),
            ("New text", "Nouvo tèks", true, Some("Old text"))
        );
        assert_eq!(e.line, 5);
    }

    #[test]
    fn malformed_files_name_their_line() {
        let head = "msgid \"\"\nmsgstr \"Language: ht\\n\"\n\n";
        let cases = [
            ("msgctxt \"a:b\"\nmsgid \"x\"\nmsgstr \"unterminated\n", 3, "quoted string"),
            ("msgctxt \"a:b\"\nmsgid \"x\"\n", 1, "no msgstr"),
            ("msgctxt \"a:b\"\nmsgid \"x\"\nmsgstr \"\\q\"\n", 3, "unknown escape"),
            ("hello\n", 1, "unexpected `hello`"),
            ("msgctxt \"nope\"\nmsgid \"x\"\nmsgstr \"y\"\n", 1, "LEAFLET:ID"),
            ("msgctxt \"a:b\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n", 1, "plural entries"),
        ];
        for (body, line, what) in cases {
            let e = parse(&format!("{head}{body}")).unwrap_err();
            assert_eq!(e.line, line + 3, "{body}: {e:?}");
            assert!(e.message.contains(what), "{body}: {e:?}");
        }
        assert!(parse("msgid \"\"\nmsgstr \"\"\n").unwrap_err().message.contains("Language"));
        let latin1 =
            "msgid \"\"\nmsgstr \"Language: ht\\nContent-Type: text/plain; charset=ISO-8859-1\\n\"\n";
        assert!(parse(latin1).unwrap_err().message.contains("UTF-8"));
    }

    #[test]
    fn revision_dates_are_utc_calendar_dates() {
        assert_eq!(revision_date(0), "1970-01-01 00:00+0000");
        assert_eq!(revision_date(951_782_400), "2000-02-29 00:00+0000");
        assert_eq!(revision_date(1_796_322_600), "2026-12-03 18:30+0000");
        assert_eq!(revision_date(4_107_542_399), "2100-02-28 23:59+0000");
    }

    /// CLDR's integer plural categories of a language, from intl_pluralrules.
    fn integer_categories(lang: &str) -> usize {
        use intl_pluralrules::{PluralRuleType, PluralRules};
        let Ok(rules) = PluralRules::create(
            lang.parse::<unic_langid::LanguageIdentifier>().unwrap(),
            PluralRuleType::CARDINAL,
        ) else {
            return 1;
        };
        let mut seen = std::collections::BTreeSet::new();
        for n in 0..=2_000_000u32 {
            if n > 1000 && n % 1_000_000 != 0 {
                continue;
            }
            seen.insert(format!("{:?}", rules.select(n).unwrap()));
        }
        seen.len()
    }

    #[test]
    fn plural_forms_match_cldr_category_counts() {
        for (lang, formula) in PLURAL_FORMS {
            let n: usize =
                formula.trim_start_matches("nplurals=").split(';').next().unwrap().parse().unwrap();
            assert_eq!(n, integer_categories(lang), "{lang}: {formula}");
        }
        assert_eq!(plural_forms(&Lang::parse("ht").unwrap()), "nplurals=1; plural=0;");
        assert!(plural_forms(&Lang::parse("ar").unwrap()).starts_with("nplurals=6;"));
        assert!(plural_forms(&Lang::parse("zh-Hans").unwrap()).starts_with("nplurals=1;"));
    }
}
