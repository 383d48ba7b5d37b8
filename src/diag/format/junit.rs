//! JUnit XML, as GitLab's merge-request test report and Jenkins read it: one test suite
//! per translation language and the source, one test case per leaflet in it (classname
//! `tradui.<leaflet>`, name `<leaflet> [<lang>]`, the same on every run), failed when it
//! has an error that fails the check, with every error at file:line:col in the failure's
//! text; warnings and errors of languages that are not required go to `system-out`.
//! Problems of no leaflet (tradui.toml, stray files) are the case `tradui.project`.

use super::Report;
use crate::diag::Diagnostic;
use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

pub fn render(report: &Report) -> String {
    let ctx = report.context;
    let mut junit = quick_junit::Report::new(format!("tradui {}", ctx.command));
    // (No source language when the project could not be loaded: only the project case.)
    let mut langs: Vec<String> = std::iter::once(&ctx.source).filter(|s| !s.is_empty()).cloned().collect();
    langs.extend(ctx.languages.iter().filter(|l| **l != ctx.source).cloned());
    for lang in &langs {
        let mut suite = TestSuite::new(format!("tradui {} {lang}", ctx.command));
        for leaflet in &ctx.leaflets {
            let mine: Vec<&Diagnostic> = report
                .problems
                .iter()
                .copied()
                .filter(|d| d.leaflet.as_deref() == Some(&leaflet.slug))
                .filter(|d| d.lang.as_deref().unwrap_or(&ctx.source) == lang)
                .collect();
            suite.add_test_case(case(
                report,
                &format!("tradui.{}", leaflet.slug),
                &format!("{} [{lang}]", leaflet.slug),
                &mine,
            ));
        }
        junit.add_test_suite(suite);
    }
    let rest: Vec<&Diagnostic> = report.problems.iter().copied().filter(|d| d.leaflet.is_none()).collect();
    let mut suite = TestSuite::new(format!("tradui {} project", ctx.command));
    suite.add_test_case(case(report, "tradui.project", "project files", &rest));
    junit.add_test_suite(suite);
    junit.to_string().expect("JUnit serialises")
}

/// One test case: failed with every failing error listed, else passed.
fn case(report: &Report, classname: &str, name: &str, problems: &[&Diagnostic]) -> TestCase {
    let (failing, other): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        problems.iter().copied().partition(|d| report.failing(d));
    let status = match failing.first() {
        None => TestCaseStatus::success(),
        Some(first) => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let detail: Vec<String> = failing.iter().map(|d| d.to_string()).collect();
            status
                .set_message(format!("{} error(s); the first: {}", failing.len(), location(first)))
                .set_type(first.kind.as_str())
                .set_description(detail.join("\n"));
            status
        }
    };
    let mut case = TestCase::new(name, status);
    case.set_classname(classname);
    if !other.is_empty() {
        let lines: Vec<String> = other.iter().map(|d| d.to_string()).collect();
        case.set_system_out(lines.join("\n"));
    }
    case
}

/// `file:line:col: message`.
fn location(d: &Diagnostic) -> String {
    if d.line > 0 {
        format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message)
    } else {
        format!("{}: {}", d.file, d.message)
    }
}
