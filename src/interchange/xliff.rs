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

/// Text with placeables as `<x/>`, inline markup as `<bpt>`/`<ept>` pairs, and a
/// select's Fluent syntax as `<ph>` (each variant's markup paired on its own line).
fn inline(text: &str) -> String {
    let mut out = String::new();
    let mut seen: Vec<String> = Vec::new();
    if !crate::catalog::text::is_select(text) {
        marked(&mut out, text, &mut seen);
        return out;
    }
    for line in text.split_inclusive('\n') {
        let rest = select_syntax(line, &mut out);
        let ws = &rest[rest.trim_end().len()..];
        if rest.trim_end() == "}" {
            out.push_str(&ph("}"));
            out.push_str(ws);
        } else if rest.trim_end().ends_with("->") {
            let tail = placeables_into(&mut out, rest, &mut seen);
            let at = tail.rfind('{').unwrap_or(0);
            out.push_str(&escape(&tail[..at]));
            out.push_str(&ph(tail[at..].trim_end()));
            out.push_str(&tail[tail.trim_end().len()..]);
        } else {
            marked(&mut out, rest, &mut seen);
        }
    }
    out
}

/// Text with its markup as `<bpt>`/`<ept>` pairs and its placeables as `<x/>`.
fn marked(out: &mut String, text: &str, seen: &mut Vec<String>) {
    let mut last = 0;
    for d in super::markup::delimiters(text) {
        let tail = placeables_into(out, &text[last..d.range.start], seen);
        out.push_str(&escape(tail));
        let code = escape(&text[d.range.clone()]);
        if d.open {
            out.push_str(&format!("<bpt id=\"{}\" ctype=\"{}\">{code}</bpt>", d.id, d.ctype));
        } else {
            out.push_str(&format!("<ept id=\"{}\">{code}</ept>", d.id));
        }
        last = d.range.end;
    }
    let tail = placeables_into(out, &text[last..], seen);
    out.push_str(&escape(tail));
}

/// Writes `text` with its placeables as `<x/>` up to the text after the last one, which
/// it returns unwritten. `seen` numbers a placeable that comes again (`var:date#2`).
fn placeables_into<'a>(out: &mut String, text: &'a str, seen: &mut Vec<String>) -> &'a str {
    let mut last = 0;
    for (range, r) in placeables(text) {
        out.push_str(&escape(&text[last..range.start]));
        let (kind, ctype) = match &r {
            crate::source::Ref::Var(_) => ("var", "x-fluent-variable"),
            _ => ("term", "x-fluent-term"),
        };
        let name = &text[range.clone()].trim_matches(['{', '}', ' ', '$', '-']);
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
    &text[last..]
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
    note: Option<(String, String)>,
    /// The markup tags of the target still open: (id, line, where its text starts, its
    /// text: the Markdown delimiter).
    open_tags: Vec<(String, usize, usize, String)>,
}

/// The reader of one document: where it is, and what it has read.
struct Reader<'a> {
    lines: crate::diag::LineIndex<'a>,
    bundle: Bundle,
    unit: Option<Unit>,
    saw_root: bool,
}

/// Reads an XLIFF 1.2 document.
pub fn parse(text: &str) -> Result<Bundle, ParseError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut r = Reader {
        lines: crate::diag::LineIndex::new(text),
        bundle: Bundle { lang: String::new(), source_lang: String::new(), entries: Vec::new() },
        unit: None,
        saw_root: false,
    };
    loop {
        let start = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| r.err(reader.error_position(), format!("not well-formed XML: {e}")))?;
        if matches!(event, Event::Eof) {
            break;
        }
        r.event(event, start)?;
    }
    if !r.saw_root {
        return Err(ParseError::new(1, "no <xliff version=\"1.2\"> element: this is not an XLIFF 1.2 file"));
    }
    if r.bundle.lang.is_empty() {
        return Err(ParseError::new(
            1,
            "no target-language on <file>, so tradui cannot tell which language this is",
        ));
    }
    Ok(r.bundle)
}

impl Reader<'_> {
    fn line(&self, pos: u64) -> usize {
        self.lines.line_col(pos as usize).0
    }

    fn err(&self, pos: u64, message: String) -> ParseError {
        let (line, column) = self.lines.line_col(pos as usize);
        ParseError { line, column, message }
    }

    fn inside_text(&self) -> bool {
        self.unit.as_ref().is_some_and(|u| u.into > 0)
    }

    fn event(&mut self, event: Event, start: u64) -> Result<(), ParseError> {
        match event {
            Event::DocType(_) => Err(self.err(
                start,
                "the file has a DOCTYPE: tradui refuses DTDs in XLIFF (they can define entities that expand)"
                    .into(),
            )),
            Event::Start(e) | Event::Empty(e) if self.inside_text() => self.inline_start(&e, start),
            Event::Start(e) => self.start(&e, start),
            Event::Empty(e) if local(&e) == "target" => {
                let state = attr(&e, "state").map_err(|m| self.err(start, m))?;
                if let Some(u) = self.unit.as_mut() {
                    u.state = state;
                }
                Ok(())
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref().as_bytes()).into_owned();
                self.end(&name);
                Ok(())
            }
            Event::Text(t) => {
                push_text(&mut self.unit, &t.xml10_content());
                Ok(())
            }
            Event::CData(t) => {
                push_text(&mut self.unit, &t.xml10_content());
                Ok(())
            }
            Event::GeneralRef(r) => {
                let c = general_ref(&r).map_err(|m| self.err(start, m))?;
                push_text(&mut self.unit, &c);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// An element outside source and target text.
    fn start(&mut self, e: &BytesStart, start: u64) -> Result<(), ParseError> {
        let line = self.line(start);
        self.element(e, line).map_err(|m| self.err(start, m))
    }

    fn element(&mut self, e: &BytesStart, line: usize) -> Result<(), String> {
        match local(e).as_str() {
            "xliff" => {
                self.saw_root = true;
                if attr(e, "version")?.as_deref() != Some("1.2") {
                    return Err("this is not XLIFF 1.2 (`<xliff version=\"1.2\">`)".into());
                }
            }
            "file" => file_langs(e, &mut self.bundle)?,
            "trans-unit" => self.unit = Some(trans_unit(e, line)?),
            "source" if self.unit.is_some() => self.unit.as_mut().expect("checked").into = 1,
            "target" if self.unit.is_some() => {
                let state = attr(e, "state")?;
                let u = self.unit.as_mut().expect("checked");
                u.into = 2;
                u.state = state;
                u.entry.target_line = line;
            }
            "note" if self.unit.is_some() => {
                let from = attr(e, "from")?.unwrap_or_default();
                self.unit.as_mut().expect("checked").note = Some((from, String::new()));
            }
            _ => {}
        }
        Ok(())
    }

    /// An inline element of a source or target: a placeable back as `{ $name }`, a
    /// markup tag of the target paired with its partner; the text of `<bpt>`, `<ept>`,
    /// `<ph>`, `<g>` and the like is read as text.
    fn inline_start(&mut self, e: &BytesStart, start: u64) -> Result<(), ParseError> {
        let line = self.line(start);
        let u = self.unit.as_mut().expect("inside a unit");
        let result = match local(e).as_str() {
            "x" => placeable(e).map(|p| push_text_unit(u, &p)),
            "bpt" | "ept" if u.into == 2 => pair_tag(e, u, line),
            _ => Ok(()),
        };
        result.map_err(|m| self.err(start, m))
    }

    fn end(&mut self, name: &str) {
        let Some(u) = self.unit.as_mut() else { return };
        match name {
            "bpt" if u.into == 2 => {
                if let Some((_, _, at, code)) = u.open_tags.last_mut() {
                    *code = u.entry.target.get(*at..).unwrap_or_default().to_string();
                }
            }
            "target" if u.into == 2 => {
                u.into = 0;
                unclosed_tags(u);
            }
            "source" | "target" => u.into = 0,
            "note" => {
                if let Some((from, text)) = u.note.take()
                    && !from.starts_with("tradui")
                {
                    u.entry.comments.push(text.trim().to_string());
                }
            }
            "trans-unit" => self.bundle.entries.push(finish(self.unit.take().expect("checked"))),
            _ => {}
        }
    }
}

/// A `<trans-unit>`'s ID, fingerprint and approval.
fn trans_unit(e: &BytesStart, line: usize) -> Result<Unit, String> {
    let mut u = Unit::default();
    u.entry.line = line;
    let id = attr(e, "id")?.unwrap_or_default();
    let Some((leaflet, uid)) = split_context(&id) else {
        return Err(format!("trans-unit id \"{id}\" is not LEAFLET:ID as tradui exports it"));
    };
    u.entry.leaflet = leaflet.to_string();
    u.entry.id = uid.to_string();
    u.entry.base = attr(e, "extradata")?.and_then(|x| x.strip_prefix(BASE_PREFIX).map(str::to_string));
    u.approved = attr(e, "approved")?.as_deref() == Some("yes");
    Ok(u)
}

/// XLIFF's five named entities and character references; no other entity.
fn general_ref(r: &quick_xml::events::BytesRef) -> Result<String, String> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| format!("bad character reference: {e}"))? {
        return Ok(c.to_string());
    }
    Ok(match &**r {
        "lt" => "<".into(),
        "gt" => ">".into(),
        "amp" => "&".into(),
        "apos" => "'".into(),
        "quot" => "\"".into(),
        other => {
            return Err(format!(
                "unknown entity `&{other};`: tradui expands no entities (write the character itself)"
            ));
        }
    })
}

/// A `<bpt>` opens a markup pair of the target, an `<ept>` closes the last one opened,
/// with the same `id`. A pair that does not close is the entry's problem, not the file's:
/// the other entries are still imported.
fn pair_tag(e: &BytesStart, u: &mut Unit, line: usize) -> Result<(), String> {
    let id = attr(e, "id")?.unwrap_or_default();
    if local(e) == "bpt" {
        u.open_tags.push((id, line, u.entry.target.len(), String::new()));
        return Ok(());
    }
    match u.open_tags.last() {
        Some((open, ..)) if *open == id => {
            u.open_tags.pop();
        }
        _ if u.entry.problem.is_some() => {}
        Some((open, open_line, _, what)) => {
            u.entry.problem = Some((
                line,
                format!(
                    "`{}`: this closing tag (id \"{id}\") comes where the tag opened on line {open_line} (id \"{open}\", Markdown `{what}`) should close first: the tags cross",
                    u.entry.id
                ),
            ));
        }
        None => {
            u.entry.problem = Some((
                line,
                format!(
                    "`{}`: a closing tag (id \"{id}\") with no opening tag before it: the target lost a tag",
                    u.entry.id
                ),
            ));
        }
    }
    Ok(())
}

/// The target ended with a markup tag still open: its closing tag was dropped.
fn unclosed_tags(u: &mut Unit) {
    if u.entry.problem.is_some() {
        return;
    }
    if let Some((id, line, _, what)) = u.open_tags.first() {
        u.entry.problem = Some((
            *line,
            format!(
                "`{}`: the tag opened here (id \"{id}\", Markdown `{what}`) is never closed: the target lost its closing tag",
                u.entry.id
            ),
        ));
    }
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

/// An `<x/>` back as `{ $name }` or `{ -term }`.
fn placeable(e: &BytesStart) -> Result<String, String> {
    let equiv = attr(e, "equiv-text")?.unwrap_or_default();
    let id = attr(e, "id")?.unwrap_or_default();
    let from_id = id.split('#').next().and_then(|s| s.split_once(':')).map(|(k, n)| match k {
        "var" => format!("{{ ${n} }}"),
        _ => format!("{{ -{n} }}"),
    });
    [Some(equiv), from_id]
        .into_iter()
        .flatten()
        .find(|p| placeables(p).first().is_some_and(|(r, _)| r.len() == p.len()))
        .ok_or_else(|| {
            format!("an <x/> placeable (id \"{id}\") that is not one of tradui's {{ $name }} or {{ -term }}")
        })
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
        let sel = entry(
            "n",
            "Shifts: { $n }",
            "{ $n ->\n    [one] yon **ekip**\n   *[other] { $n } ekip\n}",
            false,
        );
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
        assert!(
            x.contains("[one]</ph> yon <bpt id=\"b1\" ctype=\"bold\">**</bpt>ekip<ept id=\"b1\">**</ept>\n"),
            "{x}"
        );
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

    #[test]
    fn markup_travels_as_paired_tags_and_must_pair_on_the_way_back() {
        let src = "Meet at **{ $time }** on [our page](https://x.org/{ $slug }) or `tradui`.";
        let tgt = "Rankontre a **{ $time }** sou [paj nou](https://x.org/{ $slug }) oswa `tradui`.";
        let b = Bundle {
            lang: "ht".into(),
            source_lang: "en".into(),
            entries: vec![entry("walkout-p1", src, tgt, false)],
        };
        let x = write(&b);
        assert!(x.contains("<target state=\"translated\">Rankontre a <bpt id=\"b1\" ctype=\"bold\">**</bpt><x id=\"var:time\" ctype=\"x-fluent-variable\" equiv-text=\"{ $time }\"/><ept id=\"b1\">**</ept> sou <bpt id=\"a1\" ctype=\"link\">[</bpt>paj nou<ept id=\"a1\">](https://x.org/{ $slug })</ept> oswa <bpt id=\"c1\" ctype=\"x-code\">`</bpt>tradui<ept id=\"c1\">`</ept>.</target>"), "{x}");
        let back = parse(&x).unwrap();
        assert_eq!((back.entries[0].source.as_str(), back.entries[0].target.as_str()), (src, tgt));
        assert_eq!(back.entries[0].problem, None);
        // A tool that moved the words but kept the tags: the same Markdown, words moved.
        let moved = x.replace(
            "<target state=\"translated\">Rankontre a ",
            "<target state=\"translated\">Nou rankontre a ",
        );
        assert!(parse(&moved).unwrap().entries[0].target.starts_with("Nou rankontre a **{ $time }** sou"));
        // A closing tag dropped, or tags crossed: the entry is refused at the tag's line.
        let line = x.lines().position(|l| l.contains("<target state")).unwrap() + 1;
        let dropped = x.replace("<ept id=\"b1\">**</ept> sou", " sou");
        let (at, why) = parse(&dropped).unwrap().entries[0].problem.clone().unwrap();
        assert_eq!(at, line);
        assert!(why.contains("id \"b1\", Markdown `**`) is never closed"), "{why}");
        let crossed = x.replace(
            "<ept id=\"b1\">**</ept> sou <bpt id=\"a1\" ctype=\"link\">[</bpt>",
            " sou <bpt id=\"a1\" ctype=\"link\">[</bpt><ept id=\"b1\">**</ept>",
        );
        let (_, why) = parse(&crossed).unwrap().entries[0].problem.clone().unwrap();
        assert!(why.contains("the tags cross"), "{why}");
        let extra = x.replace("oswa <bpt id=\"c1\" ctype=\"x-code\">`</bpt>", "oswa ");
        let (_, why) = parse(&extra).unwrap().entries[0].problem.clone().unwrap();
        assert!(why.contains("with no opening tag before it"), "{why}");
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
