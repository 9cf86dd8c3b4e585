//! The scores and reasons of name pairs, and the index keys every rule match shares.

use super::{describe, forms, likeness, NameKey, Reason};

/// Every rule (91 and up) finds its record through the index: the record is filed under one
/// of the keys the item is looked up by, whichever side has the domain or the suffix.
#[test]
fn every_rule_match_shares_an_index_key() {
    let pairs = [
        ("Contoso-DC01", "Contoso-DC01"),
        ("Contoso Ltd", "CONTOSO LTD"),
        ("Main Office – Leeds", "Main Office Leeds"),
        ("Smith, John", "John Smith"),
        ("John Smith", "Smith, John"),
        ("Sales Team Leeds", "Leeds Sales Team"),
        ("contoso-dc01", "contoso-dc01.contoso.local"),
        ("contoso-dc01.contoso.local", "CONTOSO-DC01"),
        ("fs.eu", "fs.eu.contoso.local"),
        ("fs.eu.contoso.local", "fs.eu"),
        ("Laptop-22 (old)", "Laptop-22"),
        ("Laptop-22", "Laptop-22 (old)"),
        ("Printer [Main]", "Printer – spare"),
    ];
    for (item, record) in pairs {
        let key = NameKey::new(item);
        let judged = key.likeness(record);
        assert!(judged.score >= 91, "{item} / {record}: {judged:?}");
        let keys = key.keys();
        assert!(
            forms(record).iter().any(|k| keys.contains(k)),
            "{item} / {record}: no shared key"
        );
    }
}

fn judged(item: &str, record: &str) -> (u8, String) {
    let l = likeness(item, record);
    (l.score, describe(l.reason, item, record))
}

#[test]
fn stronger_forms_score_higher_and_say_why() {
    let cases = [
        ("Contoso-DC01", "Contoso-DC01", 100, "same name"),
        ("Contoso Ltd", "CONTOSO LTD", 99, "same name ignoring case"),
        (
            "Main Office – Leeds",
            "Main Office Leeds",
            97,
            "same name ignoring punctuation and spacing",
        ),
        ("Jane Smith", "Smith, Jane", 95, "name reversed"),
        ("Smith, Jane Ann", "jane ann smith", 95, "name reversed"),
        (
            "Contoso-DC01",
            "contoso-dc01.cnt.local",
            95,
            "same host name with its domain",
        ),
        (
            "web01.contoso.com",
            "WEB01",
            95,
            "same host name with its domain",
        ),
        (
            "Backup Server Contoso",
            "Contoso Backup Server",
            93,
            "same words in another order",
        ),
        (
            "Contoso-DC01",
            "Contoso-DC01 (old)",
            91,
            "same name apart from “(old)”",
        ),
        (
            "Dell OptiPlex 7090",
            "Dell OptiPlex 7090 – spare",
            91,
            "same name apart from “– spare”",
        ),
        (
            "Head Office",
            "Head Office (Main)",
            91,
            "same name apart from “(Main)”",
        ),
    ];
    for (item, record, score, reason) in cases {
        assert_eq!(
            judged(item, record),
            (score, reason.to_owned()),
            "{item} / {record}"
        );
    }
}

#[test]
fn look_alikes_never_reach_ninety() {
    let (score, reason) = judged("Contoso-DC01", "Contoso-DC02");
    assert_eq!((score, reason.as_str()), (89, "92% similar"));
    let (score, reason) = judged("Contoso Ltd", "Contoso Limited");
    assert!(
        score < 90 && reason.ends_with("% similar"),
        "{score} {reason}"
    );
    assert_eq!(
        likeness("Jane Smith", "Jane A. Smith").reason,
        Reason::Similar(83)
    );
}

#[test]
fn a_number_in_brackets_tells_look_alikes_apart() {
    let l = likeness("Atlanta Branch (121)", "Atlanta Branch");
    assert!(
        matches!(l.reason, Reason::Similar(_)) && l.score < 90,
        "{l:?}"
    );
    let l = likeness("Atlanta Branch (121) (old)", "Atlanta Branch (121)");
    assert_eq!(l.reason, Reason::Suffixed);
}

#[test]
fn unrelated_names_score_low() {
    let l = likeness("Jane Smith", "Printer 3rd floor");
    assert!(l.score < 30, "{l:?}");
    assert_eq!(likeness("", "x").score, 0);
}

#[test]
fn a_dot_in_a_name_is_not_a_domain_and_a_suffix_alone_is_no_stem() {
    assert!(matches!(
        likeness("J", "J. Smith").reason,
        Reason::Similar(_)
    ));
    assert!(matches!(
        likeness("(old)", "(new)").reason,
        Reason::Similar(_)
    ));
}
