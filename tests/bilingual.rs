//! Text in more than one language: a tender whose texts are given in English and Welsh reads,
//! for each locale, exactly as its twin that gives the chosen language's texts plainly: the same
//! result, published model, assessment summaries and OCDS award criteria, byte for byte. The
//! tender is the fixture `tests/fixtures/bilingual-welsh.json`, whose figures are worked by hand.
#![cfg(not(target_arch = "wasm32"))] // reads files; native only

use serde_json::Value;
use std::path::PathBuf;

fn bilingual() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual-welsh.json");
    let text = std::fs::read_to_string(path).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    fixture["tender"].clone()
}

/// The tender with `tender.locale` set to `locale`, or without one.
fn with_locale(mut tender: Value, locale: Option<&str>) -> Value {
    let info = tender["tender"].as_object_mut().unwrap();
    match locale {
        Some(l) => info.insert("locale".into(), l.into()),
        None => info.remove("locale"),
    };
    tender
}

/// Whether `v` is one text given in English and Welsh (no other object of the fixture has the
/// keys `en` and `cy`).
fn is_text(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.len() == 2
            && o.values().all(Value::is_string)
            && o.contains_key("en")
            && o.contains_key("cy")
    })
}

/// The twin written in one language: each text given by language replaced by its `language` text.
fn plain(v: &Value, language: &str) -> Value {
    match v {
        _ if is_text(v) => v[language].clone(),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), plain(v, language)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|v| plain(v, language)).collect()),
        other => other.clone(),
    }
}

/// Everything the engine writes about a tender, as JSON text: the result, the published model,
/// the assessment summaries and the OCDS award criteria.
fn outputs(tender: &Value) -> [String; 4] {
    let t = bidscore::read(&tender.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let e = bidscore::evaluate(&t);
    let json = |v: Result<String, serde_json::Error>| v.unwrap();
    [
        json(serde_json::to_string(&e)),
        json(serde_json::to_string(&bidscore::publish::describe(&t))),
        json(serde_json::to_string(&bidscore::debrief::debriefs(&t, &e))),
        json(serde_json::to_string(&bidscore::ocds::award_criteria(&t))),
    ]
}

#[test]
fn each_locale_reads_the_tender_as_its_twin_in_the_chosen_language() {
    let cases = [
        (Some("cy"), "cy"),
        (Some("cy-GB"), "cy"),
        (Some("CY"), "cy"),
        (Some("en"), "en"),
        (Some("en-GB"), "en"),
        (Some("fr"), "en"),
        (Some(""), "en"),
        (None, "en"),
    ];
    for (locale, language) in cases {
        let tender = with_locale(bilingual(), locale);
        let twin = plain(&tender, language);
        assert!(!twin.to_string().contains("\"cy\":"), "{twin}");
        assert_eq!(
            outputs(&tender),
            outputs(&twin),
            "locale {locale:?} should read the {language} texts"
        );
    }
}

#[test]
fn the_names_come_out_in_the_chosen_language() {
    let cases = [
        (
            Some("cy-GB"),
            "Pris",
            "Cymorth yn y cartref yng Ngwynedd",
            "Darparu’r gwasanaeth",
        ),
        (
            Some("cy"),
            "Pris",
            "Cymorth yn y cartref yng Ngwynedd",
            "Darparu’r gwasanaeth",
        ),
        (
            Some("en"),
            "Price",
            "Home support in Gwynedd",
            "Service delivery",
        ),
        (
            Some("fr"),
            "Price",
            "Home support in Gwynedd",
            "Service delivery",
        ),
        (None, "Price", "Home support in Gwynedd", "Service delivery"),
    ];
    for (locale, price, title, delivery) in cases {
        let t = bidscore::read(&with_locale(bilingual(), locale).to_string()).unwrap();
        let e = bidscore::evaluate(&t);
        let published = serde_json::to_value(bidscore::publish::describe(&t)).unwrap();
        let text = published.to_string();
        assert!(text.contains(&format!("\"{price}\"")), "{locale:?}: {text}");
        assert!(text.contains(&format!("\"{title}\"")), "{locale:?}: {text}");
        let spread = e.warnings.iter().find(|w| w.code == "evaluator-spread");
        let spread = serde_json::to_value(spread.expect("the spread warning")).unwrap();
        assert_eq!(spread["params"]["name"], delivery, "{locale:?}");
        assert!(
            spread["message"].as_str().unwrap().contains(delivery),
            "{locale:?}: {spread}"
        );
    }
}

#[test]
fn the_english_twin_without_a_locale_reads_as_the_bilingual_tender() {
    // The English-only twin, as an existing file would be written: no locale at all.
    let english = plain(&with_locale(bilingual(), None), "en");
    for locale in [None, Some("en"), Some("fr")] {
        let mut bilingual = with_locale(bilingual(), locale);
        // The locale is not otherwise read: the twin without one reads the same.
        assert_eq!(outputs(&bilingual), outputs(&english), "locale {locale:?}");
        bilingual["tender"]["title"] = "Home support in Gwynedd".into();
        assert_eq!(outputs(&bilingual), outputs(&english), "locale {locale:?}");
    }
}

/// A language the text is not given in falls back to English; without English, to the first
/// language in the file's order; the language alone matches a tag with a region.
#[test]
fn a_missing_language_falls_back_to_english_then_the_first() {
    let name = |texts: Value, locale: Option<&str>| {
        let mut tender = with_locale(bilingual(), locale);
        tender["criteria"][1]["name"] = texts;
        let t = bidscore::read(&tender.to_string()).unwrap();
        let published = serde_json::to_value(bidscore::publish::describe(&t)).unwrap();
        let found = published.to_string();
        ["Prix", "Pris", "Price", "Prezzo"]
            .into_iter()
            .find(|n| found.contains(&format!("\"{n}\"")))
            .unwrap_or_default()
    };
    use serde_json::json;
    let cases = [
        (json!({"fr": "Prix", "cy": "Pris"}), Some("de"), "Prix"),
        (json!({"fr": "Prix", "en": "Price"}), Some("cy"), "Price"),
        (json!({"cy-GB": "Pris", "en": "Price"}), Some("cy"), "Pris"),
        (json!({"CY": "Pris", "en": "Price"}), Some("cy-gb"), "Pris"),
        (json!({"it": "Prezzo"}), None, "Prezzo"),
        (json!("Price"), Some("cy"), "Price"),
    ];
    for (texts, locale, want) in cases {
        assert_eq!(name(texts.clone(), locale), want, "{texts} {locale:?}");
    }
}

/// A locale of megabytes is too large, and is not compared with every text on the way: a file
/// of 1,000 criteria, each named in two languages, with a locale of 15 million characters is
/// refused at once.
#[test]
fn a_huge_locale_is_refused_without_being_read_against_each_text() {
    let criteria: Vec<Value> = (0..1000)
        .map(|i| {
            serde_json::json!({
                "id": format!("c{i}"), "kind": "pass-fail",
                "name": {"en": "Insurance", "cy": "Yswiriant"},
            })
        })
        .collect();
    let tender = serde_json::json!({
        "format": "bidscore/1",
        "tender": {"locale": "x".repeat(15_000_000)},
        "criteria": criteria,
    });
    let text = tender.to_string();
    let start = std::time::Instant::now();
    let errors = bidscore::read(&text).unwrap_err().errors;
    assert!(start.elapsed() < std::time::Duration::from_secs(30));
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.code(), e.path.as_str())).collect();
    assert_eq!(found, [("too-large", "tender.locale")]);
}
