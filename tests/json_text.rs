//! The reader's answer to text that is not JSON, or JSON that reads differently from how it looks:
//! every syntax error with its exact wording and place (line and column, counted in bytes), numbers
//! as the file writes them (`1E400` is reported as `1e+400`, the form the reader keeps), keys given
//! twice, half characters (`\ud800`), byte order marks and deep nesting. The messages are part of
//! what buyers see, so each is pinned here in full.
#![cfg(not(target_arch = "wasm32"))] // native only: the wasm binding has its own tests

/// The text, owned (the tables mix literals and built texts).
fn s(text: &str) -> String {
    text.to_string()
}

/// A small valid tender; cases change one part of it.
const TENDER: &str = r#"{
  "format": "bidscore/1",
  "scales": {"s": {"from": 0, "to": 4, "step": 1}},
  "criteria": [
    {"id": "price", "kind": "price", "name": "Price", "weight": 60, "formula": "lowest-ratio"},
    {"id": "q1", "kind": "scored", "name": "Approach", "weight": 40, "scale": "s"}
  ],
  "bids": [
    {"id": "a", "supplier": "Alpha Ltd", "price": "90000", "scores": {"q1": {"moderated": 3}}},
    {"id": "b", "supplier": "Beta CIC", "price": "100000", "scores": {"q1": {"moderated": 4}}}
  ]
}"#;

/// The tender with bid `a`'s price written as `price` (raw JSON text).
fn priced(price: &str) -> String {
    TENDER.replace(r#""price": "90000""#, &format!(r#""price": {price}"#))
}

/// What the reader reports for `text`: "ok", or one line per error (`code path: message`).
fn outcome(text: &str) -> String {
    match bidscore::read(text) {
        Ok(_) => "ok".to_string(),
        Err(e) => e
            .errors
            .iter()
            .map(|e| format!("{} {e}", e.code()))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn check(cases: &[(String, String)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(input, want)| {
            let got = outcome(input);
            (got != *want).then(|| format!("input {input:?}\n  want {want:?}\n  got  {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The error for text that is not JSON, with the parser's own words for why.
fn syntax(detail: &str) -> String {
    format!("json-syntax the file is not valid JSON ({detail}); check it was saved completely")
}

/// The error for half a character in the text at `path`.
fn lone(path: &str) -> String {
    let message = r"the text holds half a character (a lone \u escape such as \ud800); write the whole character";
    match path {
        "" => format!("lone-surrogate {message}"),
        _ => format!("lone-surrogate {path}: {message}"),
    }
}

/// What an object that is not a tender gets, after its own errors.
const NOT_A_TENDER: &str = "unsupported-format format: add \"format\": \"bidscore/1\" at the top of the file\nmissing-field criteria: add the required field \"criteria\"";

/// An object holding only `"a"`.
fn unknown_a() -> String {
    format!("unknown-field a: unknown field \"a\"; remove it or check the spelling\n{NOT_A_TENDER}")
}

/// Bid `a`'s price refused as out of range, as `found`.
fn out_of_range(found: &str) -> String {
    format!("number-out-of-range bids[0].price: {found} is out of range; use a number no larger than 1,000,000,000,000 with at most 10 decimal places")
}

/// The tender with bid `b`'s supplier field replaced by `field` (raw JSON text).
fn supplier(field: &str) -> String {
    TENDER.replace(r#""supplier": "Beta CIC""#, field)
}

/// Text that is not JSON: what the reader expected, and where (line, and column in bytes).
#[test]
fn syntax_errors() {
    check(&[
        (s(""), syntax("EOF while parsing a value at line 1 column 0")),
        (s("   \n  "), syntax("EOF while parsing a value at line 2 column 2")),
        (s("{"), syntax("EOF while parsing an object at line 1 column 1")),
        (s("["), syntax("EOF while parsing a list at line 1 column 1")),
        (s("[1,"), syntax("EOF while parsing a value at line 1 column 3")),
        (s("[1,]"), syntax("trailing comma at line 1 column 4")),
        (s("[1 2]"), syntax("expected `,` or `]` at line 1 column 4")),
        (s("{\"a\""), syntax("EOF while parsing an object at line 1 column 4")),
        (s("{\"a\" 1}"), syntax("expected `:` at line 1 column 6")),
        (s("{\"a\":"), syntax("EOF while parsing a value at line 1 column 5")),
        (s("{\"a\":1"), syntax("EOF while parsing an object at line 1 column 6")),
        (s("{\"a\":1,"), syntax("EOF while parsing a value at line 1 column 7")),
        (s("{\"a\":1,}"), syntax("trailing comma at line 1 column 8")),
        (s("{\"a\":1 \"b\":2}"), syntax("expected `,` or `}` at line 1 column 8")),
        (s("{1:2}"), syntax("key must be a string at line 1 column 2")),
        (s("{\"a\":1,2:3}"), syntax("key must be a string at line 1 column 8")),
        (s("{,}"), syntax("key must be a string at line 1 column 2")),
        (s("nul"), syntax("EOF while parsing a value at line 1 column 3")),
        (s("nulx"), syntax("expected ident at line 1 column 4")),
        (s("tru e"), syntax("expected ident at line 1 column 4")),
        (s("-"), syntax("EOF while parsing a value at line 1 column 1")),
        (s("-a"), syntax("invalid number at line 1 column 2")),
        (s("01"), syntax("invalid number at line 1 column 2")),
        (s("-01"), syntax("invalid number at line 1 column 3")),
        (s("1."), syntax("EOF while parsing a value at line 1 column 2")),
        (s("1.x"), syntax("invalid number at line 1 column 3")),
        (s("1.e5"), syntax("invalid number at line 1 column 3")),
        (s("1e"), syntax("EOF while parsing a value at line 1 column 2")),
        (s("1e+"), syntax("EOF while parsing a value at line 1 column 3")),
        (s("1e+x"), syntax("invalid number at line 1 column 4")),
        (s(".5"), syntax("expected value at line 1 column 1")),
        (s("+1"), syntax("expected value at line 1 column 1")),
        (s("1x"), syntax("trailing characters at line 1 column 2")),
        (s("{} x"), syntax("trailing characters at line 1 column 4")),
        (s("{}\n\n   x"), syntax("trailing characters at line 3 column 4")),
        (s("{}\r\n{}"), syntax("trailing characters at line 2 column 1")),
        (s("\"abc"), syntax("EOF while parsing a string at line 1 column 4")),
        (s("\"abc\\"), syntax("EOF while parsing a string at line 1 column 5")),
        (s("\"\\x\""), syntax("invalid escape at line 1 column 3")),
        (s("\"\\u12\""), syntax("EOF while parsing a string at line 1 column 6")),
        (s("\"\\u12"), syntax("EOF while parsing a string at line 1 column 5")),
        (s("\"\\uZZZZ\""), syntax("invalid escape at line 1 column 7")),
        (s("\"a\tb\""), syntax("control character (\\u0000-\\u001F) found while parsing a string at line 1 column 3")),
        (s("{\"a\":\"line\nbreak\"}"), syntax("control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0")),
        (s("\u{feff}{}"), s(NOT_A_TENDER)),
        (s("\u{feff}\u{feff}{}"), syntax("expected value at line 1 column 1")),
        (s("{}\u{feff}"), syntax("trailing characters at line 1 column 3")),
        (s("é{"), syntax("expected value at line 1 column 1")),
        (s("{\"é\":1,}"), syntax("trailing comma at line 1 column 9")),
        (s("\u{a0}{}"), syntax("expected value at line 1 column 1")),
        (s("{\"a\":1}\0"), syntax("trailing characters at line 1 column 8")),
        (s("[\"\\u0000\"]"), s("wrong-type must be an object")),
        (s("[1e400]"), s("wrong-type must be an object")),
        (s("tRue"), syntax("expected ident at line 1 column 2")),
        (s("[-]"), syntax("invalid number at line 1 column 3")),
        (s("[--1]"), syntax("invalid number at line 1 column 3")),
        (s("[1.5e]"), syntax("invalid number at line 1 column 6")),
        (s("[0x10]"), syntax("expected `,` or `]` at line 1 column 3")),
        (s("[Infinity]"), syntax("expected value at line 1 column 2")),
        (s("[NaN]"), syntax("expected value at line 1 column 2")),
        (s("{'a':1}"), syntax("key must be a string at line 1 column 2")),
        (s("/* c */ {}"), syntax("expected value at line 1 column 1")),
        (s("[1]]"), syntax("trailing characters at line 1 column 4")),
        (s("{\"a\":{\"b\":[1,2,{\"c\":}]}}"), syntax("expected value at line 1 column 21")),
        (s("{\n  \"a\": 1,\n  \"b\": [1,\n  ]\n}"), syntax("trailing comma at line 4 column 3")),
        (s("[1,\n]"), syntax("trailing comma at line 2 column 1")),
        (s("{\"a\":\"\\ud83d\\ude00\"}"), unknown_a()),
        (s("5"), s("wrong-type must be an object")),
        (s("\"text\""), s("wrong-type must be an object")),
        (s("null"), s("wrong-type must be an object")),
        (s("[]"), s("wrong-type must be an object")),
        (s("{}"), s(NOT_A_TENDER)),
        (s("{\"a\":1}\n\n"), unknown_a()),
        (s("\r\n{\r\n\"a\"\r\n:\r\n}"), syntax("expected value at line 5 column 1")),
        (s("[\"a\u{7f}b\"]"), s("wrong-type must be an object")),
        (s("{\"a\"  :  1  ,  }"), syntax("trailing comma at line 1 column 16")),
        (s("[1,2"), syntax("EOF while parsing a list at line 1 column 4")),
        (s("[true,false,null"), syntax("EOF while parsing a list at line 1 column 16")),
        (s("{\"a\":true"), syntax("EOF while parsing an object at line 1 column 9")),
        (s("{\"a\":nul}"), syntax("expected ident at line 1 column 9")),
        (s("{\"a\":-}"), syntax("invalid number at line 1 column 7")),
        (s("{\"a\":1.}"), syntax("invalid number at line 1 column 8")),
        (s("{\"a\"}"), syntax("expected `:` at line 1 column 5")),
        (s("{\"a\":1}}"), syntax("trailing characters at line 1 column 8")),
        (s("{\"a\":[}"), syntax("expected value at line 1 column 7")),
        (s("[{]"), syntax("key must be a string at line 1 column 3")),
        (s("[\"a\",]"), syntax("trailing comma at line 1 column 6")),
        (s("{\"\":1}"), format!("unknown-field [\"\"]: unknown field \"\"; remove it or check the spelling\n{NOT_A_TENDER}")),
        (s("\"\\/\\b\\f\\n\\r\\t\\\"\\\\\""), s("wrong-type must be an object")),
    ]);
}

/// A `\u` escape of half a character, alone: reported with the path of the text holding it.
#[test]
fn half_characters() {
    check(&[
        (s("\"\\ud800\""), lone("")),
        (s("[\"\\ud800"), lone("[0]")),
        (s("{\"a\":[\"x\",\"\\udc00\"]}"), lone("a[1]")),
        (s("{\"k\\ud800\":1}"), lone("[\"\"]")),
        (s("{\"a\":\"\\ud800\\u0041\"}"), lone("a")),
        (s("{\"a\":\"\\ud800\\uZZZZ\"}"), lone("a")),
        (s("\"\\ud800\\"), lone("")),
        (s("\"\\ud800\\u"), lone("")),
        (s("\"\\ud800x\""), lone("")),
        (s("\"\\ud800\\n\""), lone("")),
        (s("\"\\udc00\""), lone("")),
        (
            supplier(r#""supplier": "Beta \ud800 CIC""#),
            lone("bids[1].supplier"),
        ),
        (
            supplier(r#""supp\ud800lier": "Beta CIC""#),
            lone("bids[1].id"),
        ),
        (supplier(r#""supplier": "Beta \\ud800 CIC""#), s("ok")),
        (supplier(r#""supplier": "Beta \ud83d\ude00 CIC""#), s("ok")),
    ]);
}

/// Nesting up to 127 levels is read; deeper is refused where it goes past the limit.
#[test]
fn nesting() {
    check(&[
        (
            format!("{}{}", "[".repeat(127), "]".repeat(127)),
            s("wrong-type must be an object"),
        ),
        (
            format!("{}{}", "[".repeat(128), "]".repeat(128)),
            syntax("recursion limit exceeded at line 1 column 128"),
        ),
        (
            format!("{}1{}", "{\"a\":".repeat(127), "}".repeat(127)),
            unknown_a(),
        ),
        (
            format!("{}1{}", "{\"a\":".repeat(128), "}".repeat(128)),
            syntax("recursion limit exceeded at line 1 column 636"),
        ),
        (
            "[".repeat(200),
            syntax("recursion limit exceeded at line 1 column 128"),
        ),
        (
            format!("{}1", "[{\"a\":".repeat(64)),
            syntax("recursion limit exceeded at line 1 column 380"),
        ),
    ]);
}

/// Numbers are kept as the file writes them, exponents as `e+N`/`e-N`; `-0` is zero.
#[test]
fn numbers() {
    check(&[
        (priced(r#"1E400"#), out_of_range("1e+400")),
        (priced(r#"1e400"#), out_of_range("1e+400")),
        (priced(r#"1E+400"#), out_of_range("1e+400")),
        (priced(r#"1e-400"#), out_of_range("1e-400")),
        (
            priced(r#"-0"#),
            s("not-positive bids[0].price: 0 must be more than zero"),
        ),
        (
            priced(r#"-0.0"#),
            s("not-positive bids[0].price: 0.0 must be more than zero"),
        ),
        (priced(r#"1.50E3"#), s("ok")),
        (priced(r#"0.1e1"#), s("ok")),
        (priced(r#"10000000000000e-2"#), s("ok")),
        (priced(r#"90000"#), s("ok")),
        (priced(r#"9e4"#), s("ok")),
        (
            priced(r#"1e-11"#),
            s("number-out-of-range bids[0].price: 1e-11 has more than 10 decimal places; round it to at most 10"),
        ),
        (
            priced(r#"-1"#),
            s("not-positive bids[0].price: -1 must be more than zero"),
        ),
        (
            priced(r#"0"#),
            s("not-positive bids[0].price: 0 must be more than zero"),
        ),
        (priced(r#""1E400""#), out_of_range("1E400")),
        (
            priced(r#""-0""#),
            s("not-positive bids[0].price: 0 must be more than zero"),
        ),
        (
            priced(r#"true"#),
            s("wrong-type bids[0].price: must be a number (or a decimal in quotes)"),
        ),
        (priced(r#"null"#), s("ok")),
        (
            priced(r#"[]"#),
            s("wrong-type bids[0].price: must be a number (or a decimal in quotes)"),
        ),
        (
            priced(r#"{}"#),
            s("wrong-type bids[0].price: must be a number (or a decimal in quotes)"),
        ),
        (priced(r#""\u0039\u0030000""#), s("ok")),
        // An object is never a number, whatever its key (a JSON library once read this one as 1e+5).
        (
            priced(r#"{"$serde_json::private::Number": "1E5"}"#),
            s("wrong-type bids[0].price: must be a number (or a decimal in quotes)"),
        ),
        (
            priced(r#"{"$serde": 1}"#),
            s("wrong-type bids[0].price: must be a number (or a decimal in quotes)"),
        ),
    ]);
}

/// A key given twice in one object, however it is written, in file order.
#[test]
fn keys_given_twice() {
    check(&[
        (TENDER.replace(r#""id": "a","#, r#""id": "a", "id": "a2","#), s("duplicate-key bids[0].id: \"id\" is given twice in the same object; keep one (otherwise the last would silently win)")),
        (TENDER.replace(r#""moderated": 3}"#, r#""moderated": 3, "moderated": 2}, "q\u0031": {}"#), s("duplicate-key bids[0].scores.q1.moderated: \"moderated\" is given twice in the same object; keep one (otherwise the last would silently win)\nduplicate-key bids[0].scores.q1: \"q1\" is given twice in the same object; keep one (otherwise the last would silently win)")),
    ]);
}

/// Whole tenders: line endings, a byte order mark, characters outside ASCII.
#[test]
fn whole_tenders() {
    check(&[
        (TENDER.replace('\n', "\r\n").replace(r#""q1": {"moderated": 4}"#, r#""q1": {"moderated": 4,}"#), syntax("trailing comma at line 10 column 93")),
        (format!("\u{feff}{TENDER}"), s("ok")),
        (TENDER.replace(r#""Alpha Ltd""#, "\"Alpha\tLtd\""), syntax("control character (\\u0000-\\u001F) found while parsing a string at line 9 column 35")),
        (TENDER.replace(r#""Alpha Ltd""#, "\"Ålpha Łtd\" x"), syntax("expected `,` or `}` at line 9 column 43")),
    ]);
}
