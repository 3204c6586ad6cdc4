//! Text from a tender file shown in a terminal (`--table`, `debrief --text`, the command line's
//! error list): a supplier name must not be able to clear the screen or retitle the window.

/// Text from the tender file made safe for a terminal: terminal control characters (C0 except
/// line feed and tab, DEL, C1) are dropped, and so are whole escape sequences (CSI `ESC [ … final`,
/// OSC `ESC ] … BEL or ESC \`, and any other `ESC x`), so a supplier name cannot clear the
/// screen, retitle the window or ring the bell.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte in @ to ~.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {} // the rest of C0, DEL and C1
            c => out.push(c),
        }
    }
    out
}

/// One line of a table cell: `printable`, with line breaks and tabs as spaces so the columns line
/// up (widths are counted after this, not before).
pub fn cell(text: &str) -> String {
    printable(text).replace(['\n', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_dropped() {
        let cases = [
            ("plain", "plain"),
            ("a\u{1b}[2Jb", "ab"),
            ("a\u{1b}]0;title\u{7}b", "ab"),
            ("a\u{1b}]0;title\u{1b}\\b", "ab"),
            ("a\u{7}\u{7f}\u{85}b", "ab"),
            ("line\nnext\ttab", "line\nnext\ttab"),
        ];
        for (input, shown) in cases {
            assert_eq!(printable(input), shown, "{input:?}");
        }
    }

    #[test]
    fn a_cell_is_one_line() {
        assert_eq!(cell("Acme\u{1b}[31m\nLtd\tUK"), "Acme Ltd UK");
    }
}
