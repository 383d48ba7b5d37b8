//! Numbers, amounts, times, phone numbers, links and markup a translation must keep,
//! checked by `check` against real temp projects.

mod common;

use common::Project;

fn project(md: &str, es: &str) -> Project {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\"]\n")
        .write("content/pay.md", md)
        .write("locales/es/pay.ftl", es);
    p
}

fn problems(p: &Project) -> Vec<serde_json::Value> {
    let out = p.run(&["check", "--format", "json"]);
    let json = out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {out}"));
    v["problems"].as_array().unwrap().clone()
}

fn of_kind<'a>(problems: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    problems.iter().filter(|p| p["kind"] == kind).collect()
}

#[test]
fn a_raise_from_3_to_4_dollars_cannot_keep_3_in_spanish() {
    let p = project("# Pay\n\nA raise of $3 an hour.\n", "");
    assert!(p.run(&["sync", "es"]).starts_with("exit: 0"));
    p.write(
        "locales/es/pay.ftl",
        "# en: Pay\npay = Salario\n\n# en: A raise of $3 an hour.\npay-p1 = Un aumento de $3 por hora.\n",
    );
    assert!(p.run(&["check"]).starts_with("exit: 0"), "{}", p.run(&["check"]));
    p.edit("content/pay.md", "$3", "$4");
    assert!(p.run(&["sync", "es"]).starts_with("exit: 0"));
    assert!(p.read("locales/es/pay.ftl").contains("# REVIEW:"));
    // The stale hint does not offer to keep the old translation: the number changed.
    let stale = problems(&p);
    let stale = of_kind(&stale, "stale");
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(!stale[0]["hint"].as_str().unwrap().contains("accept-source"), "{}", stale[0]);
    // The translator deletes the review line and keeps $3.
    let ftl = p.read("locales/es/pay.ftl");
    let kept: Vec<&str> = ftl.lines().filter(|l| !l.starts_with("# REVIEW:")).collect();
    p.write("locales/es/pay.ftl", kept.join("\n") + "\n");
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("locales/es/pay.ftl:")
            && out.contains("error[mismatch]: `pay-p1` has `$3` where the en text has the number `$4`"),
        "{out}"
    );
    // Not published either: the Spanish page shows the English sentence.
    p.run(&["build"]);
    let html = p.read("public/es/pay.html");
    assert!(!html.contains("$3") && html.contains("$4"), "{html}");
}

#[test]
fn a_typo_edit_still_suggests_accept_source() {
    let p = project(
        "# Pay\n\nA raise of $3 an huor for every worker.\n",
        "# en: Pay\npay = Salario\n\n# en: A raise of $3 an huor for every worker.\npay-p1 = Un aumento de $3 por hora para cada trabajador.\n",
    );
    p.edit("content/pay.md", "huor", "hour");
    let all = problems(&p);
    let stale = of_kind(&all, "stale");
    assert!(stale[0]["hint"].as_str().unwrap().contains("--accept-source pay:pay-p1"), "{:?}", stale);
}

#[test]
fn twelve_workers_are_not_twenty_one() {
    let p = project(
        "# Pay\n\n12 workers signed the petition.\n",
        "# en: Pay\npay = Salario\n\n# en: 12 workers signed the petition.\npay-p1 = 21 trabajadores firmaron la petición.\n",
    );
    let all = problems(&p);
    let m = of_kind(&all, "mismatch");
    assert_eq!(m.len(), 1, "{all:?}");
    assert_eq!(m[0]["severity"], "error");
    assert_eq!((m[0]["line"].as_u64(), m[0]["column"].as_u64()), (Some(5), Some(1)));
    assert!(
        m[0]["message"].as_str().unwrap().contains("`21` where the en text has the number `12`"),
        "{}",
        m[0]
    );
    // Written in the language's own format, the values pass.
    p.write(
        "locales/es/pay.ftl",
        "# en: Pay\npay = Salario\n\n# en: 12 workers signed the petition.\npay-p1 = 12 trabajadores firmaron la petición.\n",
    );
    assert!(p.run(&["check"]).starts_with("exit: 0"));
}

#[test]
fn times_in_the_languages_own_format_pass() {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"fr\", \"ar\"]\n")
        .write("content/m.md", "# Meet\n\nWe meet at 6:30 PM; call (718) 555-0142.\n")
        .write(
            "locales/fr/m.ftl",
            "# en: Meet\nm = Réunion\n\n# en: We meet at 6:30 PM; call (718) 555-0142.\nmeet-p1 = Nous nous réunissons à 18 h 30 ; appelez le 718 555 0142.\n",
        )
        .write(
            "locales/ar/m.ftl",
            "# en: Meet\nmeet = اجتماع\n\n# en: We meet at 6:30 PM; call (718) 555-0142.\nmeet-p1 = نجتمع الساعة ٦:٣٠ مساءً؛ اتصلوا على ‎(٧١٨) ٥٥٥-٠١٤٢.\n",
        );
    let all = problems(&p);
    assert!(of_kind(&all, "mismatch").is_empty(), "{all:?}");
    // The time in the text gets a hint to make it a variable.
    let hints = of_kind(&all, "literal-value");
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert!(hints.iter().all(|h| h["file"] == "content/m.md" && h["severity"] == "warning"));
}

#[test]
fn a_spelled_out_number_is_confirmed_by_a_comment_that_sync_keeps() {
    let p = project(
        "# Pay\n\nBring 2 coworkers.\n",
        "# en: Pay\npay = Salario\n\n# en: Bring 2 coworkers.\npay-p1 = Traiga dos compañeros.\n",
    );
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1") && out.contains("drops the number `2`"), "{out}");
    assert!(out.contains("# tradui: values-ok 2"), "the hint gives the line to write: {out}");
    p.write(
        "locales/es/pay.ftl",
        "# en: Pay\npay = Salario\n\n# tradui: values-ok 2\n# en: Bring 2 coworkers.\npay-p1 = Traiga dos compañeros.\n",
    );
    assert!(p.run(&["check"]).starts_with("exit: 0"), "{}", p.run(&["check"]));
    // sync keeps the confirmation, through a source edit too.
    p.edit("content/pay.md", "Bring 2 coworkers.", "Bring 3 coworkers.");
    assert!(p.run(&["sync", "es"]).starts_with("exit: 0"));
    let ftl = p.read("locales/es/pay.ftl");
    assert!(ftl.contains("# tradui: values-ok 2\n"), "{ftl}");
    // ... but it confirms 2, not the new 3.
    let ftl: Vec<&str> = ftl.lines().filter(|l| !l.starts_with("# REVIEW:")).collect();
    p.write("locales/es/pay.ftl", ftl.join("\n") + "\n");
    let out = p.run(&["check"]);
    assert!(out.contains("error[mismatch]") && out.contains("`3`"), "{out}");
}

#[test]
fn dropped_bold_is_a_warning() {
    let p = project(
        "# Pay\n\nWe walk out **together** at noon.\n",
        "# en: Pay\npay = Salario\n\n# en: We walk out **together** at noon.\npay-p1 = Salimos juntos al mediodía.\n",
    );
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 0"), "a warning only: {out}");
    assert!(out.contains("warning[markup]: `pay-p1` has 0 **bold** where the en text has 1"), "{out}");
}

#[test]
fn a_changed_link_is_a_mismatch() {
    let p = project(
        "# Pay\n\nRead [your rights](https://union.example/rights).\n",
        "# en: Pay\npay = Salario\n\n# en: Read [your rights](https://union.example/rights).\npay-p1 = Lea [sus derechos](https://union.example/derechos).\n",
    );
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("where the en text has the link `https://union.example/rights`"), "{out}");
}

fn dated(es: &str) -> Project {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\", \"ar\", \"ht\"]\n")
        .write(
            "content/m.md",
            "+++\n[variables]\ndate = 2026-12-03\n+++\n# Meet\n\nWe meet on { DATETIME($date, weekday: \"long\") }, { $date }.\n",
        )
        .write("locales/es/m.ftl", es)
        .write(
            "locales/ar/m.ftl",
            "# en: Meet\nmeet = اجتماع\n\n# en: We meet on { DATETIME($date, weekday: \"long\") }, { $date }.\nmeet-p1 = نجتمع يوم { DATETIME($date, weekday: \"long\") }، { $date }.\n",
        )
        .write(
            "locales/ht/m.ftl",
            "# en: Meet\nmeet = Reyinyon\n\n# en: We meet on { DATETIME($date, weekday: \"long\") }, { $date }.\nmeet-p1 = Nou reyini { DATETIME($date, weekday: \"long\") }, { $date }.\n",
        );
    p
}

const ES_DATED: &str = "# en: Meet\nmeet = Reunión\n\n# en: We meet on { DATETIME($date, weekday: \"long\") }, { $date }.\nmeet-p1 = Nos reunimos el { DATETIME($date, weekday: \"long\") }, { $date }.\n";

#[test]
fn datetime_weekday_long_in_spanish_arabic_and_creole() {
    let p = dated(ES_DATED);
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let text = |lang: &str| p.read(&format!("public/{lang}/m.html"));
    assert!(text("en").contains("Thursday") && text("en").contains("December 3, 2026"), "{}", text("en"));
    assert!(text("es").contains("jueves") && text("es").contains("3 de diciembre de 2026"), "{}", text("es"));
    assert!(text("ar").contains("الخميس"), "{}", text("ar"));
    assert!(text("ht").contains("jedi") && text("ht").contains("3 desanm 2026"), "{}", text("ht"));
    for lang in ["en", "es", "ar", "ht"] {
        let html = text(lang);
        assert!(
            !html.contains("DATETIME") && !html.contains("{ $") && !html.contains("{$"),
            "{lang}: {html}"
        );
    }
}

#[test]
fn an_unknown_function_or_option_is_an_error_at_its_line() {
    let p = dated(
        "# en: Meet\nmeet = Reunión\n\n# en: We meet on { DATETIME($date, weekday: \"long\") }, { $date }.\nmeet-p1 = Nos reunimos el { UPPER($date) }, { DATETIME($date, weekday: \"longest\") }.\n",
    );
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("locales/es/m.ftl:5:1: error[invalid]: `meet-p1` calls `UPPER($date)`, a function tradui does not know"),
        "{out}"
    );
    assert!(out.contains("locales/es/m.ftl:5:1: error[invalid]: `meet-p1` calls DATETIME with an option it cannot take: DATETIME's `weekday` takes"), "{out}");
    // In the source too, at the unit's line.
    p.edit("content/m.md", "DATETIME($date, weekday: \"long\")", "WEEKDAY($date)");
    let out = p.run(&["check"]);
    assert!(out.contains("content/m.md:7:1: error[source]: `meet-p1` calls `WEEKDAY($date)`"), "{out}");
    // Whatever build writes, no page prints the call.
    assert!(p.run(&["build"]).starts_with("exit: 1"));
    for lang in ["en", "es", "ar", "ht"] {
        if let Ok(html) = std::fs::read_to_string(p.root.join(format!("public/{lang}/m.html"))) {
            assert!(!html.contains("WEEKDAY") && !html.contains("DATETIME"), "{lang}: {html}");
        }
    }
}

#[test]
fn accepting_a_number_edit_anyway_still_fails_check_and_publishes_no_3() {
    let p = project(
        "# Pay\n\nA raise of $3 an hour.\n",
        "# en: Pay\npay = Salario\n\n# en: A raise of $3 an hour.\npay-p1 = Un aumento de $3 por hora.\n",
    );
    p.edit("content/pay.md", "$3", "$4");
    assert!(p.run(&["sync", "--accept-source", "pay:pay-p1"]).starts_with("exit: 0"));
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1") && out.contains("error[mismatch]"), "{out}");
    // The build shows the English sentence there, as for any translation it cannot use.
    p.run(&["build"]);
    let html = p.read("public/es/pay.html");
    assert!(!html.contains("$3") && html.contains("A raise of $4"), "{html}");
}
