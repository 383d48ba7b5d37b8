//! Every output format of `check` and `build` on one project, as insta snapshots: what a
//! user sees, whole, so a change to any format shows up as a diff to review
//! (`cargo insta review`). The project: the example of `tradui init` with one source
//! edit (stale in every language), one deleted translation (missing in ht) and one
//! message whose unit is gone (obsolete in es).

mod common;

use common::Project;

fn project() -> Project {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    p.write(
        "locales/es/meeting.ftl",
        p.read("locales/es/meeting.ftl")
            + "\n# en: A paragraph that was deleted.\ngone-p1 = Un párrafo borrado.\n",
    );
    p
}

#[test]
fn check_text() {
    insta::assert_snapshot!(project().run(&["check"]));
}

#[test]
fn check_json() {
    insta::assert_snapshot!(project().run(&["check", "--format", "json"]));
}

#[test]
fn check_github() {
    insta::assert_snapshot!(project().run(&["check", "--format", "github"]));
}

#[test]
fn build_text_and_html() {
    let p = project();
    insta::assert_snapshot!("build_text", p.run(&["build", "--no-pdf"]));
    insta::assert_snapshot!("build_html_ht_page", p.read("public/ht/meeting.html"));
    insta::assert_snapshot!("build_html_index", p.read("public/index.html"));
}
