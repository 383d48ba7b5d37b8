//! The templates pages and the index are rendered from (minijinja): tradui's own,
//! embedded in the binary as `tradui/<name>`, and a project's `templates/` folder, whose
//! `<name>` replaces tradui's, whole or (with `{% extends "tradui/<name>" %}`) one named
//! block at a time.
//!
//! What keeps a template honest: every value printed is HTML-escaped by
//! [`super::super::escape`] (autoescape, and the `safe` filter removed, so only the
//! fragments tradui rendered itself are markup); a variable that does not exist is an
//! error (strict undefined); a render has a fuel budget and a recursion limit, so a loop
//! ends in an error; a template can name only templates of `templates/` or tradui's,
//! never a path outside the project, and a file of `templates/` that is a link out of
//! the project is refused. The data is the localized document, nothing else: no file,
//! no environment variable, no clock.

use super::super::escape;
use crate::diag::{Diagnostic, Kind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior, Value};
use std::path::{Component, Path};

/// The folder of a project's templates.
pub const FOLDER: &str = "templates";

/// tradui's templates, by name (the project's names them `tradui/<name>`).
pub const BUILT_IN: [(&str, &str); 3] = [
    ("base.html", include_str!("templates/base.html")),
    ("page.html", include_str!("templates/page.html")),
    ("index.html", include_str!("templates/index.html")),
];

/// The work one render may do: about this many instructions (minijinja's fuel), far
/// above what the index of a thousand leaflets in twenty languages needs.
pub const FUEL: u64 = 5_000_000;
/// How deep `include`, `extends`, macros and blocks may nest.
pub const RECURSION_LIMIT: usize = 64;

/// The templates of a build.
pub struct Templates {
    env: Environment<'static>,
    /// The project's templates, sorted by name.
    sources: Vec<(String, String)>,
    /// The first template of `templates/` that cannot be used: then no page is
    /// rendered (the last good pages stay) rather than pages in tradui's look.
    broken: Option<String>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Templates")
    }
}

impl Templates {
    /// tradui's own templates only.
    pub fn built_in() -> Templates {
        Templates::load(Path::new("\u{0}no project")).0
    }

    /// tradui's templates and the project's `templates/` folder at `root`; the files
    /// that cannot be used (a link out of the project, a syntax error, not UTF-8), each
    /// as an error at its place. A project without the folder gets tradui's alone.
    pub fn load(root: &Path) -> (Templates, Vec<Diagnostic>) {
        let mut env = Environment::new();
        configure(&mut env);
        for (name, text) in BUILT_IN {
            add(&mut env, format!("tradui/{name}"), text.to_string());
        }
        let mut problems = Vec::new();
        let mut sources = Vec::new();
        for (name, text) in project_files(root, &mut problems) {
            match env.add_template_owned(name.clone(), text.clone()) {
                Ok(()) => sources.push((name, text)),
                Err(e) => problems.push(diagnostic(&e, &name)),
            }
        }
        // Each of tradui's names the project does not replace is tradui's own.
        for (name, _) in BUILT_IN {
            if !sources.iter().any(|(n, _)| n == name) {
                add(&mut env, name.to_string(), format!("{{% extends \"tradui/{name}\" %}}"));
            }
        }
        env.set_loader(resolve_missing);
        let broken = problems.first().map(|d| d.file.clone());
        (Templates { env, sources, broken }, problems)
    }

    /// Renders the template `name` (the project's if it has one, else tradui's) with
    /// `data`; an error names the template file and line.
    pub fn render(&self, name: &str, data: &Value) -> Result<String, Diagnostic> {
        if let Some(file) = &self.broken {
            return Err(Diagnostic::error(
                Kind::Config,
                file.clone(),
                format!("{name} is not rendered: {file} has an error (see above)"),
            )
            .at((1, 1))
            .hint("fix the template; the pages stay as the last good build made them"));
        }
        self.env.get_template(name).and_then(|t| t.render(data)).map_err(|e| diagnostic(&e, name))
    }

    /// The project's templates (name, text), for the build's cache key.
    pub fn project_sources(&self) -> &[(String, String)] {
        &self.sources
    }
}

fn configure(env: &mut Environment<'static>) {
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(RECURSION_LIMIT);
    // Only fragments tradui rendered (through the escaping module) are markup: no
    // template can turn a translation into HTML.
    env.remove_filter("safe");
    env.remove_filter("escape");
    env.remove_filter("e");
    env.remove_filter("tojson");
    env.remove_global("debug");
    let mut syntax = minijinja::syntax::SyntaxConfig::builder();
    syntax.trim_blocks(true).lstrip_blocks(true).keep_trailing_newline(true);
    env.set_syntax(syntax.build().expect("the default delimiters are valid"));
    env.set_formatter(|out, state, value| {
        if value.is_safe() || *state.auto_escape() == AutoEscape::None {
            return minijinja::escape_formatter(out, state, value);
        }
        let mut s = String::new();
        escape::attr(&mut s, &value.to_string());
        out.write_str(&s).map_err(|_| Error::new(ErrorKind::WriteFailure, "cannot write the page"))
    });
}

fn add(env: &mut Environment<'static>, name: String, text: String) {
    env.add_template_owned(name, text).expect("tradui's own templates parse");
}

/// The loader: called only for a name no template has. A name that leads outside the
/// project is refused as such; any other is a template that does not exist.
fn resolve_missing(name: &str) -> Result<Option<String>, Error> {
    if let Some(why) = outside(name) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "the template \"{name}\" {why}; a template may only use the templates of templates/ and tradui's own (\"tradui/page.html\")"
            ),
        ));
    }
    Ok(None)
}

/// Why a template name cannot be a file of `templates/`: absolute, a drive, `..`.
fn outside(name: &str) -> Option<&'static str> {
    let p = Path::new(name);
    let drive = name.len() >= 2 && name.as_bytes()[1] == b':';
    if p.is_absolute() || name.starts_with(['/', '\\']) || drive {
        return Some("is an absolute path, outside the project");
    }
    if p.components().any(|c| matches!(c, Component::ParentDir)) || name.split(['/', '\\']).any(|s| s == "..")
    {
        return Some("goes up out of templates/ with `..`");
    }
    None
}

/// The `.html` files of `templates/` (names relative to it, `/`-separated), skipping
/// and reporting a link that leads out of the project.
fn project_files(root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<(String, String)> {
    let dir = root.join(FOLDER);
    if !dir.is_dir() {
        return Vec::new();
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name().into_iter().flatten() {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let rel = path.strip_prefix(&dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let file = format!("{FOLDER}/{rel}");
        if !path.canonicalize().is_ok_and(|c| c.starts_with(&canonical_root)) {
            problems.push(
                Diagnostic::error(
                    Kind::Config,
                    &file,
                    "this template is a link to a file outside the project",
                )
                .at((1, 1))
                .hint("copy the file into templates/ instead of linking to it"),
            );
            continue;
        }
        match crate::diag::read_text(root, path) {
            Ok(text) => files.push((rel, text)),
            Err(d) => problems.push(d),
        }
    }
    files
}

/// A minijinja error as a diagnostic at the template's file and line.
fn diagnostic(e: &Error, fallback: &str) -> Diagnostic {
    let name = e.name().unwrap_or(fallback);
    let file = match name.strip_prefix("tradui/") {
        Some(own) => format!("tradui:templates/{own}"),
        None => format!("{FOLDER}/{name}"),
    };
    // An error inside an included template comes wrapped ("error in a.html"): the cause
    // is the innermost one, the place the outermost (the line of the first include).
    let mut cause = e;
    while let Some(inner) = std::error::Error::source(cause).and_then(|s| s.downcast_ref::<Error>()) {
        cause = inner;
    }
    let detail = cause.detail().map_or_else(|| cause.kind().to_string(), str::to_string);
    let (message, hint) = match cause.kind() {
        ErrorKind::OutOfFuel => (
            "the template does too much work (it loops or repeats too long)".to_string(),
            "a page template shows the document once; remove the loop".to_string(),
        ),
        ErrorKind::InvalidOperation if detail.contains("recursion limit") || detail.contains("cycle") => (
            format!("the template includes or extends itself, directly or through another ({detail})"),
            "a template may extend \"tradui/<name>\", not its own name; break the cycle".to_string(),
        ),
        ErrorKind::UndefinedError => (
            format!("{detail}: the template uses a variable the page does not have"),
            "see README \"Templates\" for the variables a page has".to_string(),
        ),
        ErrorKind::UnknownFilter if detail.contains("safe") || detail.contains("escape") => (
            format!("{detail}: a template cannot turn text into markup"),
            "remove the filter: every value is escaped, and translations always stay text".to_string(),
        ),
        _ => (detail, "fix the template; see README \"Templates\"".to_string()),
    };
    Diagnostic::error(Kind::Config, file, message).at((e.line().unwrap_or(1), 1)).hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(FOLDER).join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn render(files: &[(&str, &str)], name: &str, data: Value) -> Result<String, String> {
        let dir = project(files);
        let (t, problems) = Templates::load(dir.path());
        if let Some(p) = problems.first() {
            return Err(p.to_string());
        }
        t.render(name, &data).map_err(|d| d.to_string())
    }

    #[test]
    fn every_value_is_escaped_and_no_filter_unescapes() {
        let hostile = "<script>alert(1)</script>\" onload=\"x";
        let out =
            render(&[("a.html", "<p title=\"{{ t }}\">{{ t }}</p>")], "a.html", context! { t => hostile });
        let out = out.unwrap();
        assert!(!out.contains("<script") && !out.contains("\" onload"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        for filter in ["safe", "escape", "e"] {
            let text = format!("line one\n{{{{ t | {filter} }}}}");
            let e = render(&[("a.html", &text)], "a.html", context! { t => hostile }).unwrap_err();
            assert!(e.starts_with("templates/a.html:2:1: error[config]"), "{filter}: {e}");
        }
        // tradui's own fragments are markup.
        let out = render(
            &[("a.html", "{{ body }}")],
            "a.html",
            context! { body => Value::from_safe_string("<p>x</p>".into()) },
        );
        assert_eq!(out.unwrap(), "<p>x</p>");
    }

    #[test]
    fn a_missing_variable_is_an_error_at_its_line() {
        let e = render(
            &[("a.html", "<p>\n{{ doc.nothing }}</p>")],
            "a.html",
            context! { doc => context! { title => "x" } },
        )
        .unwrap_err();
        assert!(e.starts_with("templates/a.html:2:1: error[config]:"), "{e}");
        assert!(e.contains("the template uses a variable the page does not have"), "{e}");
    }

    #[test]
    fn a_block_override_keeps_the_rest_of_the_page() {
        let files = [(
            "base.html",
            "{% extends \"tradui/base.html\" %}\n{% block footer %}<footer>Hotline {{ footer.phone }}</footer>{% endblock %}",
        )];
        let data = context! {
            lang => "es", dir => "ltr", title => "T", head => "", style => "", languages => Vec::<Value>::new(),
            ui => context! { languages => "Idiomas" }, heading => "H", facts => "", notices => Vec::<Value>::new(),
            body => Value::from_safe_string("<p>cuerpo</p>".into()), links => Vec::<Value>::new(),
            footer => context! { text => "x", phone => "555 <b>" }, script => "",
        };
        let out = render(&files, "page.html", data).unwrap();
        assert!(out.contains("<footer>Hotline 555 &lt;b&gt;</footer>"), "{out}");
        assert!(out.contains("<p>cuerpo</p>") && out.contains("<html lang=\"es\""), "{out}");
        assert!(!out.contains("site-footer"), "the block is replaced: {out}");
    }

    #[test]
    fn a_template_outside_the_project_is_refused_at_its_line() {
        for (bad, why) in
            [("../../etc/passwd", "goes up out of templates/"), ("/etc/passwd", "absolute path")]
        {
            let text = format!("<p>\n{{% include \"{bad}\" %}}</p>");
            let e = render(&[("a.html", &text)], "a.html", context! {}).unwrap_err();
            assert!(e.starts_with("templates/a.html:2:1: error[config]"), "{bad}: {e}");
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_project_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.html"), "secret").unwrap();
        let dir = project(&[("a.html", "x")]);
        std::os::unix::fs::symlink(outside.path().join("secret.html"), dir.path().join("templates/b.html"))
            .unwrap();
        let (t, problems) = Templates::load(dir.path());
        assert_eq!(problems.len(), 1);
        let p = problems[0].to_string();
        assert!(
            p.starts_with(
                "templates/b.html:1:1: error[config]: this template is a link to a file outside the project"
            ),
            "{p}"
        );
        assert!(t.render("b.html", &context! {}).is_err());
    }

    #[test]
    fn loops_end_in_a_clear_error() {
        let e =
            render(&[("base.html", "{% extends \"page.html\" %}")], "page.html", context! {}).unwrap_err();
        assert!(e.contains("includes or extends itself"), "{e}");
        let e = render(&[("a.html", "x\n{% include \"a.html\" %}")], "a.html", context! {}).unwrap_err();
        assert!(e.starts_with("templates/a.html:2:1:") && e.contains("includes or extends itself"), "{e}");
        let busy = "{% for i in range(10000) %}{% for j in range(10000) %}.{% endfor %}{% endfor %}";
        let e = render(&[("a.html", busy)], "a.html", context! {}).unwrap_err();
        assert!(e.contains("too much work"), "{e}");
    }

    #[test]
    fn no_file_and_no_environment_reach_a_template() {
        for text in ["{{ env }}", "{{ debug() }}", "{% include \"/proc/self/environ\" %}"] {
            assert!(render(&[("a.html", text)], "a.html", context! {}).is_err(), "{text}");
        }
    }
}
