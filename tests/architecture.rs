//! The layout is the design: every module of `src/` uses only the modules declared
//! before it in `lib.rs` (the pipeline order), so the import graph has no circle and
//! a phase never reaches up into a later one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The top-level modules in the order `lib.rs` declares them.
fn pipeline_order() -> Vec<String> {
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    lib.lines()
        .filter_map(|l| l.strip_prefix("pub mod ").or_else(|| l.strip_prefix("mod ")))
        .map(|l| l.trim_end_matches(';').to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/status/matching.rs` -> `status`).
fn owner(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// The top-level modules a text names as `crate::<module>`, outside its tests.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    code.match_indices("crate::")
        .map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()
        })
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn every_module_uses_only_modules_before_it_in_lib_rs() {
    let order = pipeline_order();
    let rank: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let Some(module) = owner(file) else { continue };
        let Some(&mine) = rank.get(module.as_str()) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for used in uses(&text) {
            match rank.get(used.as_str()) {
                Some(&theirs) if theirs > mine => {
                    wrong.push(format!("{} uses crate::{used}", file.display()))
                }
                _ => {}
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "modules that reach up the pipeline (see lib.rs):\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_a_use_and_ignores_tests() {
    assert_eq!(uses("use crate::status::Report;\nfn f() { crate::fonts::x() }"), ["status", "fonts"]);
    assert!(uses("#[cfg(test)]\nmod tests { use crate::build; }").is_empty());
    assert_eq!(owner(Path::new("src/status/matching.rs")).as_deref(), Some("status"));
    assert!(pipeline_order().starts_with(&["diag".to_string()]));
}
