//! `factdiff events` and the cross-article linking behind it, on invented reports of a
//! flood: two reports of one flood are one event even without a series; the same town's
//! flood of another year is not; a later report with a higher toll is a rising toll, a
//! later report with a lower one is a conflict.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    // Run from the repository: no claim store there.
    let mut args = args.to_vec();
    if args.first() == Some(&"check") {
        args.insert(1, "--no-cache");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .output()
        .expect("run factdiff");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn events_json(dir: &str) -> serde_json::Value {
    let (code, out) = run(&["events", "--format", "json", dir]);
    assert_eq!(code, 0, "{out}");
    serde_json::from_str(&out).expect("events JSON")
}

#[test]
fn two_reports_of_one_flood_are_one_event_with_their_evidence() {
    let v = events_json("tests/fixtures/events/same");
    let events = v["events"].as_array().expect("events");
    assert_eq!(events.len(), 1, "{v:#}");
    let e = &events[0];
    assert_eq!(e["mentions"].as_array().map(Vec::len), Some(2));
    assert_eq!(e["uncertain"], true);
    let link = &e["links"][0];
    assert_eq!(link["link"], "frame");
    let evidence: Vec<&str> = link["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(evidence.contains(&"same day 2031-04-08"), "{evidence:?}");
    assert!(
        evidence.contains(&"both articles' main event"),
        "{evidence:?}"
    );
}

#[test]
fn a_flood_of_another_year_is_another_event() {
    let v = events_json("tests/fixtures/events/apart");
    assert_eq!(v["events"].as_array().map(Vec::len), Some(0), "{v:#}");
    let (_, human) = run(&["events", "tests/fixtures/events/apart"]);
    assert!(
        human.contains("0 events reported by more than one article"),
        "{human}"
    );
}

#[test]
fn a_toll_that_rose_is_silent_and_one_that_fell_is_a_warning() {
    let (code, rose) = run(&["check", "--format", "concise", "tests/fixtures/events/same"]);
    assert_eq!(code, 0);
    assert!(!rose.contains("count-conflict"), "{rose}");
    let (code, fell) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/fewer",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run");
    assert!(
        fell.contains("warning[count-conflict]")
            && fell.contains("14 dead")
            && fell.contains("19 dead"),
        "{fell}"
    );
}

#[test]
fn the_place_a_lede_sets_at_the_main_events_time_is_its_place() {
    let (_, out) = run(&["check", "--format", "concise", "tests/fixtures/events/lede"]);
    assert!(
        out.contains("[event-place-conflict]") && out.contains("Lyon") && out.contains("Porto"),
        "{out}"
    );
}

#[test]
fn a_byline_above_the_lede_does_not_push_the_strike_out_of_the_story() {
    // The headline, the date line, the author and the section stand above the lede of the
    // web page; its loss still belongs to the headline's strike, and the wire's strike "by
    // dockworkers at the port of Velport" is in Velport.
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/byline",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("warning[count-conflict]")
            && out.contains("€25 million")
            && out.contains("€9 million"),
        "{out}"
    );
}

#[test]
fn the_only_arrests_of_two_reports_linked_through_a_third_are_compared() {
    // The trade paper's strike links to the wire's, the wire's to the clash report's; the
    // two reports that tell of arrests are never linked directly, yet their only arrests
    // are the strike's, so 12 against 21 is a conflict. The clash report's later "the 21
    // people arrested were expected to appear" is the same arrest, not another.
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/third",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("warning[count-conflict]")
            && out.contains("12 arrested")
            && out.contains("21 arrested"),
        "{out}"
    );
}

#[test]
fn two_flood_reports_with_the_same_tolls_are_one_flood_and_their_van_tolls_differ() {
    // Neither report names a place or a participant the other does; the same two tolls
    // (23 dead, six dead) on the same day say they tell of one flood. "Travelling to work"
    // is no trip, so the drowned workers stay with the flood.
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/tolls",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("warning[count-conflict]")
            && out.contains("4 farm workers dead")
            && out.contains("3 farm workers dead"),
        "{out}"
    );
    let v = events_json("tests/fixtures/events/tolls");
    let evidence = v["events"][0]["links"][0]["evidence"].to_string();
    assert!(evidence.contains("2 shared figure(s)"), "{evidence}");
}

#[test]
fn two_undated_reports_naming_different_weekdays_for_one_arrest_conflict() {
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/weekday/fires",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("warning[event-date-conflict]")
            && out.contains("Wednesday")
            && out.contains("Tuesday"),
        "{out}"
    );
    // The day after a charge is the charge's, not the crime's: "charged with murder
    // Saturday" leaves the killing undated, so nothing is compared.
    let (_, quiet) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/weekday/quiet",
    ]);
    assert!(!quiet.contains("event-date-conflict"), "{quiet}");
    let (_, json) = run(&[
        "extract",
        "--format",
        "json",
        "tests/fixtures/events/weekday/quiet/a.txt",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("extract JSON");
    let killing = v["documents"][0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["kind"] == "event" && c["noun"] == "killing")
        .cloned()
        .expect("a killing frame");
    assert!(killing.get("time").is_none(), "{killing:#}");
}

#[test]
fn a_session_told_by_place_and_month_is_compared_with_the_numbered_one() {
    // The review names no series ("the fifth session of the conference") but the same city
    // in the same days as the wire's fourth session: one meeting, two numbers.
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/session",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("warning[event-ordinal-conflict]")
            && out.contains("4th")
            && out.contains("5th"),
        "{out}"
    );
}

#[test]
fn a_verdict_dated_by_two_outlets_two_days_apart_is_one_verdict_with_two_dates() {
    // The defendant is named in the wire's third sentence ("was found guilty", in a
    // sentence whose years belong to a relative clause) and by the first of his two
    // surnames in the weekly ("found Varela guilty"): the shared defendant links them.
    let (code, out) = run(&[
        "check",
        "--format",
        "concise",
        "tests/fixtures/events/verdict",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run: {out}");
    assert!(
        out.contains("date-conflict]") && out.contains("2031-03-04") && out.contains("2031-03-06"),
        "{out}"
    );
}
