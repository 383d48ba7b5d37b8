//! XLIFF 1.2: the file every CAT tool (OmegaT, Trados, memoQ) and platform accepts.
//!
//! One `<file>` per leaflet, one `<trans-unit>` per unit (`id` = `leaflet:id`), its
//! `<target state="needs-translation|needs-review-translation|translated">`, the source a
//! stale translation was made from in a `<note>`, and placeables as `<x/>` elements with
//! `equiv-text`, which CAT tools protect. In a select, the Fluent syntax (`{ $n ->`,
//! `[one]`, `}`) is `<ph>`, so only the variants' words are open to the translator.
//!
//! The reader (quick-xml) refuses any DOCTYPE, so no entity is ever defined or expanded;
//! only XML's five named entities and character references are read.

use super::{Bundle, Entry, ParseError, context, split_context};
use crate::source::placeables;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
const BASE_PREFIX: &str = "tradui-base:";
const PLACEABLE_NOTE: &str = "tradui";
const PREVIOUS_NOTE: &str = "tradui-previous-source";

/// Writes a bundle as an XLIFF 1.2 document.
pub fn write(bundle: &Bundle) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<!-- {} translation, exported by tradui. Translate each <target>; keep the protected placeables. Then `tradui import FILE`. -->\n",
        escape(bundle.lang.as_str())
    ));
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NS}\">\n"));
    let mut i = 0;
    while i < bundle.entries.len() {
        let leaflet = &bundle.entries[i].leaflet;
        let end = bundle.entries[i..]
            .iter()
            .position(|e| &e.leaflet != leaflet)
            .map_or(bundle.entries.len(), |n| i + n);
        let original = bundle.entries[i]
            .location
            .as_ref()
            .map_or_else(|| format!("content/{leaflet}.md"), |(f, _)| f.clone());
        out.push_str(&format!(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">\n    <body>\n",
            escape(original.as_str()),
            escape(bundle.source_lang.as_str()),
            escape(bundle.lang.as_str())
        ));
        for e in &bundle.entries[i..end] {
            write_unit(&mut out, e);
        }
        out.push_str("    </body>\n  </file>\n");
        i = end;
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, e: &Entry) {
    let base = e.base.as_ref().map(|b| format!(" extradata=\"{BASE_PREFIX}{b}\"")).unwrap_or_default();
    out.push_str(&format!(
        "      <trans-unit id=\"{}\" resname=\"{}\" xml:space=\"preserve\"{base}>\n",
        escape(context(&e.leaflet, &e.id).as_str()),
        escape(e.id.as_str())
    ));
    out.push_str(&format!("        <source>{}</source>\n", inline(&e.source)));
    let state = match (e.target.is_empty(), e.fuzzy) {
        (true, _) => "needs-translation",
        (false, true) => "needs-review-translation",
        (false, false) => "translated",
    };
    out.push_str(&format!("        <target state=\"{state}\">{}</target>\n", inline(&e.target)));
    if let Some((file, line)) = &e.location {
        out.push_str(&format!(
            "        <context-group purpose=\"location\"><context context-type=\"sourcefile\">{}</context><context context-type=\"linenumber\">{line}</context></context-group>\n",
            escape(file.as_str())
        ));
    }
    for n in &e.notes {
        out.push_str(&format!(
            "        <note from=\"{PLACEABLE_NOTE}\" annotates=\"source\">{}</note>\n",
            escape(n.as_str())
        ));
    }
    if let Some(p) = &e.previous {
        out.push_str(&format!(
            "        <note from=\"{PREVIOUS_NOTE}\" annotates=\"source\">This translation was made from an older text: {}</note>\n",
            escape(p.as_str())
        ));
    }
    for c in &e.comments {
        out.push_str(&format!("        <note from=\"translator\">{}</note>\n", escape(c.as_str())));
    }
    out.push_str("      </trans-unit>\n");
}

/// Text with placeables as `<x/>` and a select's Fluent syntax as `<ph>`.
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut seen: Vec<String> = Vec::new();
    let select = crate::catalog::text::is_select(text);
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        if select {
            rest = select_syntax(rest, &mut out);
        }
        let mut last = 0;
        for (range, r) in placeables(rest) {
            out.push_str(&escape(&rest[last..range.start]));
            let (kind, ctype) = match &r {
                crate::source::Ref::Var(_) => ("var", "x-fluent-variable"),
                _ => ("term", "x-fluent-term"),
            };
            let name = &rest[range.clone()].trim_matches(['{', '}', ' ', '$', '-']);
            let mut id = format!("{kind}:{name}");
            let n = seen.iter().filter(|s| **s == id).count();
            seen.push(id.clone());
            if n > 0 {
                id = format!("{id}#{}", n + 1);
            }
            out.push_str(&format!(
                "<x id=\"{}\" ctype=\"{ctype}\" equiv-text=\"{}\"/>",
                escape(id.as_str()),
                escape(r.to_string().as_str())
            ));
            last = range.end;
        }
        let tail = &rest[last..];
        if select && tail.trim_end() == "}" {
            let ws = &tail[tail.trim_end().len()..];
            out.push_str(&ph("}"));
            out.push_str(ws);
        } else if select && tail.trim_end().ends_with("->") {
            let at = tail.rfind('{').unwrap_or(0);
            out.push_str(&escape(&tail[..at]));
            let ws = &tail[tail.trim_end().len()..];
            out.push_str(&ph(tail[at..].trim_end()));
            out.push_str(ws);
        } else {
            out.push_str(&escape(tail));
        }
    }
    out
}

/// Writes a variant key (`   *[other] `) as `<ph>` and returns the rest of the line.
fn select_syntax<'a>(line: &'a str, out: &mut String) -> &'a str {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let key_end = body
        .strip_prefix('*')
        .unwrap_or(body)
        .strip_prefix('[')
        .and_then(|r| r.find(']'))
        .map(|i| i + 2 + usize::from(body.starts_with('*')));
    match key_end {
        Some(end) => {
            out.push_str(indent);
            out.push_str(&ph(&body[..end]));
            &body[end..]
        }
        None => line,
    }
}

fn ph(code: &str) -> String {
    format!("<ph id=\"fluent\" ctype=\"x-fluent-syntax\">{}</ph>", escape(code))
}

/// What the reader is inside of.
#[derive(Default)]
struct Unit {
    entry: Entry,
    state: Option<String>,
    approved: bool,
    /// Reading `<source>` (1) or `<target>` (2); 0: neither.
    into: u8,
    /// Depth of inline elements inside source/target.
    note: Option<(String, String)>,
}

/// Reads an XLIFF 1.2 document.
pub fn parse(text: &str) -> Result<Bundle, ParseError> {
    let lines = crate::diag::LineIndex::new(text);
    let at = |pos: u64| lines.line_col(pos as usize);
    let err = |pos: u64, msg: String| {
        let (line, column) = at(pos);
        ParseError { line, column, message: msg }
    };
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut bundle = Bundle { lang: String::new(), source_lang: String::new(), entries: Vec::new() };
    let mut unit: Option<Unit> = None;
    let mut saw_root = false;
    loop {
        let start = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| err(reader.error_position(), format!("not well-formed XML: {e}")))?;
        match event {
            Event::DocType(_) => {
                return Err(err(start, "the file has a DOCTYPE: tradui refuses DTDs in XLIFF (they can define entities that expand)".into()));
            }
            Event::Start(e) | Event::Empty(e) if unit.as_ref().is_some_and(|u| u.into > 0) => {
                let u = unit.as_mut().expect("checked");
                inline_element(&e, u).map_err(|m| err(start, m))?;
            }
            Event::Start(e) => {
                let name = local(&e);
                match name.as_str() {
                    "xliff" => {
                        saw_root = true;
                        if attr(&e, "version").map_err(|m| err(start, m))?.as_deref() != Some("1.2") {
                            return Err(err(
                                start,
                                "this is not XLIFF 1.2 (`<xliff version=\"1.2\">`)".into(),
                            ));
                        }
                    }
                    "file" => file_langs(&e, &mut bundle).map_err(|m| err(start, m))?,
                    "trans-unit" => {
                        let mut u = Unit::default();
                        u.entry.line = at(start).0;
                        let id = attr(&e, "id").map_err(|m| err(start, m))?.unwrap_or_default();
                        let Some((leaflet, uid)) = split_context(&id) else {
                            return Err(err(
                                start,
                                format!("trans-unit id \"{id}\" is not LEAFLET:ID as tradui exports it"),
                            ));
                        };
                        u.entry.leaflet = leaflet.to_string();
                        u.entry.id = uid.to_string();
                        u.entry.base = attr(&e, "extradata")
                            .map_err(|m| err(start, m))?
                            .and_then(|x| x.strip_prefix(BASE_PREFIX).map(str::to_string));
                        u.approved =
                            attr(&e, "approved").map_err(|m| err(start, m))?.as_deref() == Some("yes");
                        unit = Some(u);
                    }
                    "source" if unit.is_some() => unit.as_mut().expect("checked").into = 1,
                    "target" if unit.is_some() => {
                        let u = unit.as_mut().expect("checked");
                        u.into = 2;
                        u.state = attr(&e, "state").map_err(|m| err(start, m))?;
                    }
                    "note" if unit.is_some() => {
                        let from = attr(&e, "from").map_err(|m| err(start, m))?.unwrap_or_default();
                        unit.as_mut().expect("checked").note = Some((from, String::new()));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if local(&e) == "target" => {
                if let Some(u) = unit.as_mut() {
                    u.state = attr(&e, "state").map_err(|m| err(start, m))?;
                }
            }
            Event::Empty(_) => {}
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref().as_bytes()).into_owned();
                match (name.as_str(), unit.as_mut()) {
                    ("source" | "target", Some(u)) => u.into = 0,
                    ("note", Some(u)) => {
                        if let Some((from, text)) = u.note.take()
                            && !from.starts_with("tradui")
                        {
                            u.entry.comments.push(text.trim().to_string());
                        }
                    }
                    ("trans-unit", Some(_)) => bundle.entries.push(finish(unit.take().expect("checked"))),
                    _ => {}
                }
            }
            Event::Text(t) => push_text(&mut unit, &t.xml10_content()),
            Event::CData(t) => push_text(&mut unit, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r
                    .resolve_char_ref()
                    .map_err(|e| err(start, format!("bad character reference: {e}")))?
                {
                    Some(c) => c.to_string(),
                    None => match &*r {
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "amp" => "&".into(),
                        "apos" => "'".into(),
                        "quot" => "\"".into(),
                        other => {
                            return Err(err(
                                start,
                                format!(
                                    "unknown entity `&{other};`: tradui expands no entities (write the character itself)"
                                ),
                            ));
                        }
                    },
                };
                push_text(&mut unit, &c);
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !saw_root {
        return Err(ParseError::new(1, "no <xliff version=\"1.2\"> element: this is not an XLIFF 1.2 file"));
    }
    if bundle.lang.is_empty() {
        return Err(ParseError::new(
            1,
            "no target-language on <file>, so tradui cannot tell which language this is",
        ));
    }
    Ok(bundle)
}

fn local(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref().as_bytes()).into_owned()
}

fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|e| format!("bad attribute: {e}"))?;
        if a.key.local_name().as_ref() == name || a.key.as_ref() == name {
            return a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| Some(v.into_owned()))
                .map_err(|e| format!("attribute `{name}`: {e} (tradui expands no entities)"));
        }
    }
    Ok(None)
}

fn file_langs(e: &BytesStart, bundle: &mut Bundle) -> Result<(), String> {
    let lang = attr(e, "target-language")?.unwrap_or_default();
    if !bundle.lang.is_empty() && bundle.lang != lang {
        return Err(format!(
            "this <file> is in \"{lang}\" but an earlier one is in \"{}\": one language per XLIFF file",
            bundle.lang
        ));
    }
    bundle.lang = lang;
    bundle.source_lang = attr(e, "source-language")?.unwrap_or_default();
    Ok(())
}

/// An inline element of a source or target: a placeable back as `{ $name }`; the
/// text of `<ph>`, `<g>` and the like is read as text.
fn inline_element(e: &BytesStart, u: &mut Unit) -> Result<(), String> {
    if local(e) != "x" {
        return Ok(());
    }
    let equiv = attr(e, "equiv-text")?.unwrap_or_default();
    let id = attr(e, "id")?.unwrap_or_default();
    let from_id = id.split('#').next().and_then(|s| s.split_once(':')).map(|(k, n)| match k {
        "var" => format!("{{ ${n} }}"),
        _ => format!("{{ -{n} }}"),
    });
    let placeable = [Some(equiv), from_id]
        .into_iter()
        .flatten()
        .find(|p| placeables(p).first().is_some_and(|(r, _)| r.len() == p.len()));
    match placeable {
        Some(p) => {
            push_text_unit(u, &p);
            Ok(())
        }
        None => Err(format!(
            "an <x/> placeable (id \"{id}\") that is not one of tradui's {{ $name }} or {{ -term }}"
        )),
    }
}

fn push_text(unit: &mut Option<Unit>, s: &str) {
    if let Some(u) = unit.as_mut() {
        push_text_unit(u, s);
    }
}

fn push_text_unit(u: &mut Unit, s: &str) {
    if let Some((_, note)) = u.note.as_mut() {
        note.push_str(s);
        return;
    }
    match u.into {
        1 => u.entry.source.push_str(s),
        2 => u.entry.target.push_str(s),
        _ => {}
    }
}

fn finish(u: Unit) -> Entry {
    let mut e = u.entry;
    let review = matches!(u.state.as_deref(), Some(s) if s.starts_with("needs-") || s == "new");
    e.fuzzy = !e.target.trim().is_empty() && review && !u.approved;
    if !crate::catalog::text::is_select(&e.target) {
        e.target = crate::source::normalize(&e.target, false);
    }
    e.source = crate::source::normalize(&e.source, false);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn writes_and_reads_back() {
        let mut a = entry(
            "walkout-p1",
            "On { $date } with { -union-name } & <b>{ $date }</b>",
            "Nan { $date } ak { -union-name } & <b>{ $date }</b>",
            true,
        );
        a.previous = Some("Old".into());
        a.base = Some("0123456789abcdef".into());
        a.comments = vec!["my note".into()];
        a.location = Some(("content/walkout.md".into(), 3));
        let sel =
            entry("n", "Shifts: { $n }", "{ $n ->\n    [one] yon ekip\n   *[other] { $n } ekip\n}", false);
        let b = Bundle {
            lang: "ht".into(),
            source_lang: "en".into(),
            entries: vec![a.clone(), entry("t", "Hi", "", false), sel.clone()],
        };
        let x = write(&b);
        assert!(
            x.contains("<x id=\"var:date\" ctype=\"x-fluent-variable\" equiv-text=\"{ $date }\"/>"),
            "{x}"
        );
        assert!(x.contains("<x id=\"var:date#2\""), "{x}");
        assert!(x.contains("&lt;b&gt;"), "{x}");
        assert!(x.contains("<ph id=\"fluent\" ctype=\"x-fluent-syntax\">*[other]</ph>"), "{x}");
        let back = parse(&x).unwrap();
        assert_eq!((back.lang.as_str(), back.source_lang.as_str()), ("ht", "en"));
        let e = &back.entries[0];
        assert_eq!(
            (e.source.as_str(), e.target.as_str(), e.fuzzy),
            (a.source.as_str(), a.target.as_str(), true)
        );
        assert_eq!(e.base, a.base);
        assert_eq!(e.comments, a.comments);
        assert_eq!(e.line, x.lines().position(|l| l.contains("walkout:walkout-p1")).unwrap() + 1);
        assert_eq!(back.entries[1].target, "");
        assert!(!back.entries[1].fuzzy);
        assert_eq!(back.entries[2].target, sel.target);
    }

    fn doc(target: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"{NS}\"><file original=\"x\" source-language=\"en\" target-language=\"ht\" datatype=\"plaintext\"><body>\n<trans-unit id=\"a:b\"><source>S</source><target state=\"translated\">{target}</target></trans-unit></body></file></xliff>"
        )
    }

    #[test]
    fn markup_in_a_target_stays_text() {
        let b = parse(&doc("&lt;script&gt;alert(1)&lt;/script&gt; <script>x</script> &#65;&amp;")).unwrap();
        assert_eq!(b.entries[0].target, "<script>alert(1)</script> x A&");
    }

    #[test]
    fn entities_and_dtds_are_refused() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<xliff version=\"1.2\"><file target-language=\"ht\"><body><trans-unit id=\"a:b\"><source>&lol2;</source></trans-unit></body></file></xliff>";
        let e = parse(laughs).unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        assert!(e.message.contains("DOCTYPE"), "{e:?}");
        let e = parse(&doc("&lol;")).unwrap_err();
        assert!(e.message.contains("unknown entity `&lol;`"), "{e:?}");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn malformed_xml_names_its_line() {
        let e = parse(
            "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file target-language=\"ht\">\n</xliff>\n",
        )
        .unwrap_err();
        assert!(e.message.contains("not well-formed"), "{e:?}");
        assert_eq!(e.line, 4);
        assert!(parse("<xliff version=\"2.0\"/>").is_err());
    }
}
