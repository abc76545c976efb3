//! The gazetteer: embedded files, user files and errors, matching rules,
//! ambiguity decisions, naming schemes, and the annotated test set.
#![cfg(feature = "default-gazetteers")]

use attribution_tagger::gazetteer::embedded::FILES;
use attribution_tagger::{EntityInfo, EntityKind, ErrorKind, Gazetteer, Mention};

fn found(g: &Gazetteer, text: &str) -> Vec<(String, &'static str, String)> {
    g.find_all(text)
        .iter()
        .map(|m| {
            (
                m.span.as_str(text).to_owned(),
                m.entity.kind.as_str(),
                m.entity.country.as_deref().unwrap_or("-").to_owned(),
            )
        })
        .collect()
}

fn texts(g: &Gazetteer, text: &str) -> Vec<String> {
    g.find_all(text)
        .iter()
        .map(|m| m.span.as_str(text).to_owned())
        .collect()
}

fn one(g: &Gazetteer, text: &str) -> Mention {
    let m = g.find_all(text);
    assert_eq!(m.len(), 1, "{text:?}: {:?}", texts(g, text));
    m.into_iter().next().unwrap()
}

// ------------------------------------------------------------------ files

#[test]
fn every_embedded_file_loads_on_its_own() {
    assert_eq!(FILES.len(), 5);
    for (name, text) in FILES {
        let g = Gazetteer::builder()
            .defaults(false)
            .add_tsv(text, name)
            .unwrap_or_else(|e| panic!("{e}"))
            .build()
            .unwrap();
        assert!(g.len() > 30, "{name}: {}", g.len());
    }
}

#[test]
fn family_sizes() {
    let g = Gazetteer::new();
    let count = |k: EntityKind| g.entities().filter(|e| e.kind == k).count();
    assert_eq!(count(EntityKind::State), 198);
    assert!(count(EntityKind::Agency) >= 200);
    assert!(count(EntityKind::Organization) >= 9);
    assert!(count(EntityKind::Company) >= 16);
    // The 1,063 groups of the shared extract plus a few ransomware gangs.
    assert!(count(EntityKind::ThreatActor) >= 1063);
    for code in ["US", "CN", "RU", "TW", "HK", "XK", "PS", "VA", "CZ", "KP"] {
        assert!(
            g.entities()
                .any(|e| e.kind == EntityKind::State && e.id.as_ref() == code),
            "{code}"
        );
    }
}

#[test]
fn ids_and_countries_follow_the_contract() {
    let g = Gazetteer::new();
    let mut seen = std::collections::HashSet::new();
    for e in g.entities() {
        assert!(seen.insert((e.kind, e.id.clone())), "duplicate id {}", e.id);
        if let Some(c) = &e.country {
            assert!(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "{c}"
            );
        }
        match e.kind {
            EntityKind::State => assert_eq!(e.country.as_deref(), Some(e.id.as_ref())),
            EntityKind::Organization | EntityKind::Company => assert!(e.country.is_none()),
            _ => {}
        }
    }
    let apt31 = one(&g, "APT31");
    assert_eq!(apt31.entity.id.as_ref(), "G0128");
    assert_eq!(apt31.entity.name.as_ref(), "APT31");
}

#[test]
fn user_files_entries_and_families() {
    let tsv = "# my vendors\nid\tkind\tname\tcountry\taliases\n\
               acme\tcompany\tAcme Threat Labs\t\tAcme|=ATL\n\
               ta-x\tthreat_actor\tGlass Heron\tRU\t~Heron\n";
    let mut b = Gazetteer::builder();
    b.builtin(EntityKind::Company, false)
        .add_tsv(tsv, "vendors.tsv")
        .unwrap()
        .add_entry(
            EntityInfo {
                id: "ex-1".into(),
                name: "Example Agency".into(),
                kind: EntityKind::Agency,
                country: Some("FR".into()),
            },
            ["EXA"],
        );
    let g = b.build().unwrap();
    let text =
        "Acme and Microsoft said Glass Heron, tracked by EXA, hit France. ATL agreed; atl did not.";
    assert_eq!(
        found(&g, text),
        [
            ("Acme".into(), "company", "-".into()),
            ("Glass Heron".into(), "threat_actor", "RU".into()),
            ("EXA".into(), "agency", "FR".into()),
            ("France".into(), "state", "FR".into()),
            ("ATL".into(), "company", "-".into()),
        ]
    );
    // Without defaults only the user's entries remain.
    let g = Gazetteer::builder()
        .defaults(false)
        .add_tsv(tsv, "vendors.tsv")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.len(), 2);
    assert!(g.find_all("China and Russia").is_empty());
}

#[test]
fn add_file_reads_a_path_and_names_it_in_errors() {
    let dir = std::env::temp_dir().join(format!("gaz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.tsv");
    std::fs::write(&good, "id\tkind\tname\tcountry\naa\tstate\tAtlantis\t\n").unwrap();
    let g = Gazetteer::builder()
        .defaults(false)
        .add_file(&good)
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(texts(&g, "Atlantis sank."), ["Atlantis"]);
    let bad = dir.join("bad.tsv");
    std::fs::write(
        &bad,
        "id\tkind\tname\tcountry\taliases\nx\tstate\tX\tusa\t\n",
    )
    .unwrap();
    let err = Gazetteer::builder().add_file(&bad).unwrap_err();
    assert_eq!(err.source_name(), Some(bad.display().to_string().as_str()));
    assert_eq!((err.line(), err.column()), (Some(2), Some(11)));
    assert!(err.message().contains("ISO 3166-1 alpha-2"), "{err}");
    let missing = Gazetteer::builder()
        .add_file(dir.join("nope.tsv"))
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Io);
    std::fs::write(&bad, b"id\tkind\tname\tcountry\n\xff\n").unwrap();
    assert_eq!(
        Gazetteer::builder().add_file(&bad).unwrap_err().kind(),
        ErrorKind::Io
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn malformed_files_give_located_errors() {
    let h = "id\tkind\tname\tcountry\taliases\n";
    let cases: &[(&str, u64, u64, &str)] = &[
        ("x\tvendor\tX\t\t\n", 2, 3, "expected a kind"),
        ("\tstate\tX\t\t\n", 2, 1, "expected an id"),
        ("x\tstate\t\t\t\n", 2, 9, "expected a name"),
        ("x\tstate\tX\tXYZ\t\n", 2, 11, "ISO 3166-1"),
        (
            "x\tstate\tX\t\tgood|=*bad\n",
            2,
            18,
            "must start with a letter",
        ),
        ("x\tstate\tX\t\tgood|~\n", 2, 18, "expected a surface form"),
        ("x\tstate\tX\t\t\nx\tstate\tY\t\t\n", 3, 1, "duplicate id"),
        ("x\tstate\n", 2, 8, "expected at least 4"),
        ("x\tstate\tX\t\ta\tb\n", 2, 14, "at most 5"),
    ];
    for &(body, line, col, msg) in cases {
        let err = Gazetteer::builder()
            .add_tsv(&format!("{h}{body}"), "t.tsv")
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "{body:?}");
        assert_eq!(err.source_name(), Some("t.tsv"));
        assert_eq!(
            (err.line(), err.column()),
            (Some(line), Some(col)),
            "{body:?}: {err}"
        );
        assert!(err.message().contains(msg), "{body:?}: {err}");
    }
    let err = Gazetteer::builder()
        .add_tsv("id\tname\n", "h.tsv")
        .unwrap_err();
    assert!(err.to_string().starts_with("h.tsv:1:"), "{err}");
    // A bad form in an entry surfaces at build time, not as a panic.
    let mut b = Gazetteer::builder();
    b.add_entry(
        EntityInfo {
            id: "e".into(),
            name: "E".into(),
            kind: EntityKind::Agency,
            country: None,
        },
        ["(oops"],
    );
    assert_eq!(b.build().unwrap_err().kind(), ErrorKind::Config);
}

// --------------------------------------------------------------- matching

#[test]
fn leftmost_longest_and_whole_words() {
    let g = Gazetteer::new();
    assert_eq!(
        texts(
            &g,
            "the People's Republic of China and Unit 26165 of the GRU"
        ),
        ["People's Republic of China", "Unit 26165", "GRU"]
    );
    assert_eq!(
        texts(&g, "the People\u{2019}s Republic of China"),
        ["People\u{2019}s Republic of China"]
    );
    assert!(texts(&g, "Chinaware, Iranium, USAF, Russiagate").is_empty());
    assert_eq!(texts(&g, "South  Korea"), ["South  Korea"]);
    // Forms with a digit or lower-case initial, in their usual cases.
    assert_eq!(
        texts(
            &g,
            "the 8220 Gang, the 8220 gang, 313 Team, iKittens and menuPass"
        ),
        ["8220 Gang", "8220 gang", "313 Team", "iKittens", "menuPass"]
    );
    assert_eq!(texts(&g, "South\nKorea"), ["South\nKorea"]);
    assert_eq!(texts(&g, "South\n\nKorea"), ["Korea"]);
}

#[test]
fn possessives_and_compounds_give_the_name_part() {
    let g = Gazetteer::new();
    let text = "China's hackers, the Czechs' allies, China-backed, Kremlin-linked, Iran-based, pro-Russian";
    assert_eq!(
        texts(&g, text),
        ["China", "Czechs", "China", "Kremlin", "Iran", "Russian"]
    );
    assert_eq!(texts(&g, "China\u{2019}s"), ["China"]);
}

#[test]
fn case_policy() {
    let g = Gazetteer::new();
    assert_eq!(
        texts(&g, "CHINA and Nato and NATO"),
        ["CHINA", "Nato", "NATO"]
    );
    assert!(texts(&g, "china, nato, us, uk, un").is_empty());
    assert_eq!(
        texts(&g, "FANCY BEAR and Fancy Bear"),
        ["FANCY BEAR", "Fancy Bear"]
    );
    assert!(texts(&g, "a fancy bear costume").is_empty());
    assert_eq!(texts(&g, "the US and the U.S."), ["US", "U.S."]);
}

#[test]
fn ambiguity_decisions_are_tested() {
    let g = Gazetteer::new();
    // Ordinary words that are also aliases.
    for text in [
        "Copper prices rose as zinc and nickel fell.",
        "Nickel output fell in the first quarter.",
        "A Snake was found in the garden.",
        "Play resumed after the rain delay.",
        "Lead poisoning cases fell.",
        "The Mask is a comedy.",
        "Group 3 includes Brazil's rivals.",
        "Sodium and potassium levels were normal.",
        "Platinum group metals rose.",
    ] {
        let f = found(&g, text);
        assert!(
            f.iter().all(|(_, k, _)| *k != "threat_actor"),
            "{text:?}: {f:?}"
        );
    }
    // The same words in a threat-actor context.
    assert_eq!(
        one(&g, "hackers from the Sodium group struck")
            .entity
            .country
            .as_deref(),
        Some("CN")
    );
    let m = g.find_all("a hacking group Microsoft calls Zinc");
    assert_eq!(m[1].entity.country.as_deref(), Some("KP"));
    // Or named plainly elsewhere in the text.
    let mut m = g.find_all("APT28, which Microsoft once called Strontium, is also Sofacy.");
    m.retain(|m| m.entity.kind == EntityKind::ThreatActor);
    assert_eq!(m.len(), 3);
    assert!(m.iter().all(|m| m.entity.id.as_ref() == "G0007"));
    // Washington.
    for text in [
        "George Washington said so.",
        "The Washington Post said so.",
        "Washington state reopened roads.",
        "WASHINGTON, May 3 (Reuters) - Sales rose.",
        "Washington DC (UPI) May 28, 2025",
    ] {
        assert!(
            found(&g, text)
                .iter()
                .all(|(t, _, _)| !t.starts_with("Washington") && !t.starts_with("WASHINGTON")),
            "{text:?}: {:?}",
            found(&g, text)
        );
    }
    assert_eq!(
        one(
            &g,
            "Officials in Washington blamed Moscow's hackers."
                .split(" Moscow")
                .next()
                .unwrap()
        )
        .entity
        .id
        .as_ref(),
        "US"
    );
    // Jordan, Georgia, Chad, Turkey.
    assert!(texts(&g, "Michael Jordan scored 40.").is_empty());
    assert!(texts(&g, "The Atlanta, Georgia company grew.").is_empty());
    assert!(texts(&g, "Chad Smith drums.").is_empty());
    assert!(texts(&g, "We ate turkey.").is_empty());
    assert_eq!(
        one(&g, "Jordan said its sites were down.")
            .entity
            .id
            .as_ref(),
        "JO"
    );
    assert_eq!(
        one(
            &g,
            "Russia hit Georgia in 2008"
                .split("Russia ")
                .nth(1)
                .unwrap()
        )
        .entity
        .id
        .as_ref(),
        "GE"
    );
    assert_eq!(
        one(&g, "Turkey said the attack failed.").entity.id.as_ref(),
        "TR"
    );
    // Negative forms.
    assert!(texts(&g, "New Mexico and the South China Sea").is_empty());
}

#[test]
fn shared_aliases_resolve_to_one_documented_group() {
    let g = Gazetteer::new();
    for (alias, id) in [
        ("Midnight Blizzard", "G0016"),
        ("Nobelium", "G0016"),
        ("Charming Kitten", "ta-charming-kitten"),
        ("Andariel", "G0138"),
        ("APT38", "G0082"),
        ("Stardust Chollima", "G0082"),
        ("Sandworm", "G0034"),
        ("Volt Typhoon", "G1017"),
    ] {
        let m = one(&g, alias);
        assert_eq!(m.entity.id.as_ref(), id, "{alias}");
    }
}

#[test]
fn qualified_generic_agencies() {
    let g = Gazetteer::new();
    let f = found(
        &g,
        "the Czech foreign ministry and Japan's defence ministry",
    );
    assert_eq!(
        f,
        [
            ("Czech".into(), "state", "CZ".into()),
            ("foreign ministry".into(), "agency", "CZ".into()),
            ("Japan".into(), "state", "JP".into()),
            ("defence ministry".into(), "agency", "JP".into()),
        ]
    );
    assert!(texts(&g, "the foreign ministry said").is_empty());
    let m = &g.find_all("Japan's defence ministry")[1];
    assert_eq!(m.entity.id.as_ref(), "jp-mod");
    let m = &g.find_all("the Polish interior ministry")[1];
    assert_eq!(m.entity.id.as_ref(), "moi-pl");
}

#[test]
fn ministries_and_the_dateline_state() {
    let g = Gazetteer::new();
    let text = "BRASILIA, May 5 (Reuters) - The Federal Police said hackers hit the \
                Ministry of Mines and Energy, the Ministry of Commerce, Chile and the \
                Ministry of Transport of Peru.";
    let f = found(&g, text);
    assert_eq!(
        f,
        [
            ("Federal Police".into(), "agency", "BR".into()),
            ("Ministry of Mines and Energy".into(), "agency", "BR".into()),
            ("Ministry of Commerce".into(), "agency", "CL".into()),
            ("Chile".into(), "state", "CL".into()),
            ("Ministry of Transport".into(), "agency", "PE".into()),
            ("Peru".into(), "state", "PE".into()),
        ]
    );
    // Without a dateline: a ministry without a country; no bare police.
    let text = "The Federal Police and the Ministry of Mines and Energy said.";
    assert_eq!(
        found(&g, text),
        [("Ministry of Mines and Energy".into(), "agency", "-".into())]
    );
    // Lower-case generic forms never take the dateline's state.
    assert!(found(&g, "MOSCOW, May 2 (Reuters) - The foreign ministry said.").is_empty());
}

#[test]
fn naming_schemes_are_inferred() {
    let g = Gazetteer::new();
    for (text, name, country) in [
        ("Opal Typhoon", "Opal Typhoon", Some("CN")),
        ("Cerulean Sleet", "Cerulean Sleet", Some("KP")),
        ("Storm-1234", "Storm-1234", None),
        ("UNC9999", "UNC9999", None),
        ("BRONZE HARBOR", "BRONZE HARBOR", Some("CN")),
        ("GLASS PANDA", "Glass Panda", Some("CN")),
        ("PurpleKilo", "PurpleKilo", Some("KP")),
    ] {
        let m = one(&g, text);
        assert!(m.inferred, "{text}");
        assert_eq!(m.entity.kind, EntityKind::ThreatActor);
        assert_eq!(m.entity.name.as_ref(), name);
        assert_eq!(m.entity.country.as_deref(), country, "{text}");
    }
    assert!(!one(&g, "Volt Typhoon").inferred);
    let off = Gazetteer::builder().infer_schemes(false).build().unwrap();
    assert!(off.find_all("Opal Typhoon").is_empty());
    assert!(texts(&g, "Super Typhoon Haiyan, a Giant Panda, Storm-12345").is_empty());
}

// ------------------------------------------------------- annotated test set

/// One annotated sentence: `[[surface|kind|country]]` marks a mention
/// (kind s/a/o/c/t, country `-` for none); kind `-` marks a span that must
/// not be tagged.
struct Gold {
    text: String,
    spans: Vec<(usize, usize, String, String)>,
}

fn parse_marked(marked: &str) -> Gold {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let close = rest[open..].find("]]").expect("]]") + open;
        let inner = &rest[open + 2..close];
        let parts: Vec<&str> = inner.split('|').collect();
        assert_eq!(parts.len(), 3, "{inner}");
        let start = text.len();
        text.push_str(parts[0]);
        let kind = match parts[1] {
            "s" => "state",
            "a" => "agency",
            "o" => "organization",
            "c" => "company",
            "t" => "threat_actor",
            "-" => "-",
            k => panic!("kind {k}"),
        };
        spans.push((start, text.len(), kind.to_owned(), parts[2].to_owned()));
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    Gold { text, spans }
}

#[test]
fn annotated_set_precision_and_recall() {
    score_set("entities.jsonl", include_str!("data/entities.jsonl"));
}

/// Written after the matcher was tuned on `entities.jsonl`, to check that
/// the rules generalise.
#[test]
fn holdout_set_precision_and_recall() {
    score_set(
        "entities_holdout.jsonl",
        include_str!("data/entities_holdout.jsonl"),
    );
}

fn score_set(name: &str, data: &str) {
    let g = Gazetteer::new();
    let (mut tp, mut fp, mut fn_, mut negatives, mut expected) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let gold = parse_marked(v["marked"].as_str().unwrap());
        let got = g.find_all(&gold.text);
        let positives: Vec<_> = gold.spans.iter().filter(|s| s.2 != "-").collect();
        negatives += gold.spans.len() - positives.len();
        expected += gold.spans.len();
        for m in &got {
            let ok = positives.iter().any(|(s, e, k, c)| {
                *s == m.span.start
                    && *e == m.span.end
                    && k == m.entity.kind.as_str()
                    && c == m.entity.country.as_deref().unwrap_or("-")
            });
            if ok {
                tp += 1;
            } else {
                fp += 1;
                report.push(format!(
                    "FP {:?} {} {:?} in {:?}",
                    m.span.as_str(&gold.text),
                    m.entity.kind.as_str(),
                    m.entity.country,
                    gold.text
                ));
            }
        }
        for (s, e, k, c) in positives {
            let hit = got.iter().any(|m| {
                m.span.start == *s
                    && m.span.end == *e
                    && m.entity.kind.as_str() == k
                    && m.entity.country.as_deref().unwrap_or("-") == c
            });
            if !hit {
                fn_ += 1;
                report.push(format!(
                    "FN {:?} {k} {c} in {:?}",
                    &gold.text[*s..*e],
                    gold.text
                ));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    for r in &report {
        println!("{r}");
    }
    println!(
        "{name}: {expected} expected spans ({negatives} negatives), tp={tp} fp={fp} fn={fn_}, \
         precision={precision:.3} recall={recall:.3}"
    );
    assert!(expected >= 200, "{expected}");
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}

// ---------------------------------------------------------------- no panic

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn mentions_are_ordered_in_bounds_and_on_char_boundaries(
            s in "(China|U\\.S\\.|APT ?31|Storm-[0-9]{4}|Fancy Bear|[A-Za-z'’ ,.\\-\u{e9}\u{2014}\n]|Опал|中国){0,40}"
        ) {
            let g = Gazetteer::new();
            let ms = g.find_all(&s);
            let mut last = 0;
            for m in &ms {
                prop_assert!(m.span.start >= last && m.span.start < m.span.end && m.span.end <= s.len());
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                last = m.span.end;
            }
        }
    }
}
