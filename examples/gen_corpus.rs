//! Writes a synthetic leaflet project for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --out /tmp/corpus --leaflets 200 --units 50 --langs es,ht,ar,fr,vi
//! ```
//!
//! Leaflets have front matter with variables, headings, paragraphs with placeables,
//! emphasis and links, lists and a table. Every language gets a complete translation
//! whose `# en:` records are taken from tradui's own parser, so the corpus checks clean;
//! `--stale PCT` makes that share of translations stale instead.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use tradui::source::{parse_leaflet, to_fluent};

struct Args {
    out: PathBuf,
    leaflets: usize,
    units: usize,
    langs: Vec<String>,
    stale: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::from("corpus"),
        leaflets: 200,
        units: 50,
        langs: vec!["es".into(), "ht".into(), "ar".into(), "fr".into(), "vi".into()],
        stale: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--out" => args.out = value.into(),
            "--leaflets" => args.leaflets = value.parse().map_err(|e| format!("--leaflets: {e}"))?,
            "--units" => args.units = value.parse().map_err(|e| format!("--units: {e}"))?,
            "--langs" => args.langs = value.split(',').map(str::to_string).collect(),
            "--stale" => args.stale = value.parse().map_err(|e| format!("--stale: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(args)
}

const WORDS: &[&str] = &[
    "workers",
    "union",
    "shift",
    "break",
    "safety",
    "rights",
    "manager",
    "meeting",
    "contract",
    "wages",
    "heat",
    "water",
    "schedule",
    "overtime",
    "steward",
    "together",
    "warehouse",
    "vote",
    "strike",
    "petition",
    "injury",
    "report",
    "rest",
    "pay",
];

/// A deterministic pseudo-random word stream.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        WORDS[(self.0 >> 33) as usize % WORDS.len()]
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut s: Vec<&str> = (0..n).map(|_| self.next()).collect();
        if n > 4 {
            s[2] = "**together**";
        }
        let mut out = s.join(" ");
        if let Some(c) = out.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        out
    }
}

/// About `units` translation units: sections of a heading, two paragraphs, a list of
/// three items, and every third section a 2x2 table.
fn leaflet_markdown(i: usize, units: usize) -> String {
    let mut w = Words(i as u64 + 1);
    let mut md = format!(
        "+++\ntitle = \"Leaflet {i}: {}\"\npaper = \"letter\"\n\n[variables]\ndate = 2026-12-03\nplace = \"Gate {i}\"\nphone = \"(718) 555-{:04}\"\n+++\n\n",
        w.sentence(3),
        i % 10000
    );
    let mut count = 1;
    let mut section = 0;
    while count < units {
        section += 1;
        let _ = write!(md, "## {} {{#s{section}}}\n\n", w.sentence(3));
        let _ = write!(md, "{} on {{ $date }} at {{ $place }}, call {{ $phone }}.\n\n", w.sentence(12));
        let _ =
            write!(md, "{} [read more](https://example.org/{i}) and {{ -union-name }}.\n\n", w.sentence(18));
        for _ in 0..3 {
            let _ = writeln!(md, "- {}", w.sentence(6));
        }
        md.push('\n');
        count += 6;
        if section % 3 == 0 && count < units {
            let _ = write!(md, "| {} | {} |\n|---|---|\n| {} | 7:00 |\n\n", w.next(), w.next(), w.next());
            count += 4;
        }
    }
    md
}

/// A stand-in translation that keeps placeables and markup: each word tagged with the
/// language.
fn pseudo_translate(text: &str, lang: &str) -> String {
    text.split(' ')
        .map(|word| {
            if word.chars().all(char::is_alphabetic) && word.len() > 3 {
                format!("{word}-{lang}")
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    fs::create_dir_all(path.parent().expect("paths here have a parent"))?;
    fs::write(path, text)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let langs: Vec<String> = args.langs.iter().map(|l| format!("\"{l}\"")).collect();
    write(&args.out.join("tradui.toml"), &format!("source = \"en\"\nlanguages = [{}]\n", langs.join(", ")))?;
    let all = std::iter::once("en".to_string()).chain(args.langs.iter().cloned());
    for lang in all {
        write(
            &args.out.join(format!("locales/{lang}/terms.ftl")),
            "-union-name = Warehouse Workers United\n",
        )?;
    }
    let mut units = 0;
    for i in 0..args.leaflets {
        let slug = format!("leaflet-{i:04}");
        let md = leaflet_markdown(i, args.units);
        let file = format!("content/{slug}.md");
        write(&args.out.join(&file), &md)?;
        let (leaflet, diags) = parse_leaflet(&slug, &file, &md);
        if let Some(d) = diags.iter().find(|d| d.is_error()) {
            return Err(format!("generated leaflet is invalid: {d}").into());
        }
        units += leaflet.units.len();
        for lang in &args.langs {
            let mut ftl = String::new();
            for (n, u) in leaflet.units.iter().enumerate() {
                let stale = args.stale > 0 && (n * 100 / leaflet.units.len().max(1)) < args.stale;
                let record = if stale { format!("{} (older)", u.text) } else { u.text.clone() };
                let _ = write!(
                    ftl,
                    "# en: {record}\n{} = {}\n\n",
                    u.id,
                    to_fluent(&pseudo_translate(&u.text, lang))
                );
            }
            write(&args.out.join(format!("locales/{lang}/{slug}.ftl")), &ftl)?;
        }
    }
    println!(
        "wrote {} leaflets, {units} units, {} languages to {}",
        args.leaflets,
        args.langs.len(),
        args.out.display()
    );
    Ok(())
}
