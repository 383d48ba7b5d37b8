//! Interface words (`not yet translated`, `All leaflets`, the site title, the facts
//! labels) are translation units: tradui's own catalogs, a project's
//! `locales/<lang>/tradui.ftl`, and `check` reporting a word missing in a language.

mod common;

use common::Project;

fn with_bengali() -> Project {
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\"]",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\"]",
    );
    p.edit(
        "tradui.toml",
        "required = [\"es\", \"ht\", \"ar\", \"fr\"]",
        "required = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\"]",
    );
    p
}

#[test]
fn check_reports_each_interface_word_a_new_language_lacks() {
    let p = with_bengali();
    p.write("locales/bn/tradui.ftl", "site-title = আমাদের লিফলেট\nall-leaflets = সব লিফলেট\n");
    let out = p.run(&["check", "--format", "json"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap())
            .unwrap();
    let words: Vec<&str> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "locales/bn/tradui.ftl")
        .map(|d| {
            assert_eq!(d["kind"], "missing", "{d}");
            assert_eq!(d["lang"], "bn", "{d}");
            d["id"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        words,
        [
            "event-over",
            "fact-date",
            "fact-phone",
            "fact-place",
            "fact-time",
            "languages",
            "not-published",
            "not-translated",
            "notice",
            "pdf-for-printing",
            "poster",
            "two-up"
        ],
        "{out}"
    );
    assert!(
        out.contains(
            "interface word `pdf-for-printing` (\\\"PDF for printing\\\") has no translation into bn"
        ),
        "{out}"
    );
    // The languages tradui ships report nothing.
    assert!(!out.contains("locales/es/tradui.ftl"), "{out}");
}

#[test]
fn a_project_translates_and_overrides_interface_words() {
    let p = with_bengali();
    p.write(
        "locales/bn/tradui.ftl",
        "site-title = আমাদের লিফলেট\nnot-translated = এখনও অনুবাদ হয়নি\nnotice = কিছু অংশ এখনও অনুবাদ হয়নি।\npdf-for-printing = ছাপার জন্য পিডিএফ\nall-leaflets = সব লিফলেট\nlanguages = ভাষা\nnot-published = প্রকাশিত নয়\nfact-date = তারিখ\nfact-time = সময়\nfact-place = স্থান\nfact-phone = ফোন\nevent-over = এই অনুষ্ঠান শেষ হয়েছে।\nposter = দেয়ালের পোস্টার\ntwo-up = এক পাতায় দুটি\n",
    );
    p.write("locales/es/tradui.ftl", "site-title = Nuestras hojas\nall-leaflets = <b>Todas</b>\n");
    let check = p.run(&["check"]);
    assert!(!check.contains("tradui.ftl"), "{check}");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let bn = p.read("public/bn/meeting.html");
    for word in ["<title>", "আমাদের লিফলেট", "এখনও অনুবাদ হয়নি", "সব লিফলেট", "<dt>তারিখ</dt>", "<dt>স্থান</dt>"]
    {
        assert!(bn.contains(word), "{word} in {bn}");
    }
    for english in ["not yet translated", "All leaflets", "PDF for printing", ">Date<", "Our leaflets"] {
        assert!(!bn.contains(english), "{english} in {bn}");
    }
    let es = p.read("public/es/meeting.html");
    assert!(es.contains("&lt;b&gt;Todas&lt;/b&gt;</a>"), "an override is text, never markup: {es}");
    assert!(es.contains("Nuestras hojas</title>") && es.contains("<dt>Fecha</dt>"), "{es}");
    // Tibetan, Dhivehi and Kurdish in Latin letters are named in themselves.
    p.edit("tradui.toml", "\"fr\", \"bn\"]", "\"fr\", \"bn\", \"bo\", \"dv\", \"ckb-Latn\"]");
    p.run(&["build", "--no-pdf"]);
    let switcher = p.read("public/bn/meeting.html");
    for name in ["བོད་སྐད་", "ދިވެހިބަސް", "Kurdîy nawendî"] {
        assert!(switcher.contains(name), "{name}");
    }
}
