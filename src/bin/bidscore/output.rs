//! Where the command line writes. Standard output is the product: a write that fails is
//! remembered and turns the exit code into 2 (quietly for a reader that closed the pipe,
//! `bidscore evaluate x | head`: it has what it wanted). Standard error only explains: a standard
//! error that cannot be written (closed, or a full disk) is ignored, the exit code still tells
//! what happened.

use std::io::{ErrorKind, Write};
use std::process::ExitCode;
use std::sync::Mutex;

/// Writes a line to standard output; a failed write is remembered for [`finish`].
macro_rules! emit {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let result = writeln!(std::io::stdout().lock(), $($arg)*);
        $crate::output::remember(result);
    }};
}

/// Writes a line to standard error. Unlike `eprintln!`, it never panics.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub(crate) use {emit, note};

/// The first error writing standard output, if any.
static WRITE_ERROR: Mutex<Option<std::io::Error>> = Mutex::new(None);

/// Keeps the first failed write to standard output.
pub fn remember(result: std::io::Result<()>) {
    if let Err(e) = result {
        let mut first = WRITE_ERROR.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert(e);
    }
}

/// Writes text to standard output as it is (it carries its own line ends).
pub fn emit_raw(text: &str) {
    remember(std::io::stdout().lock().write_all(text.as_bytes()));
}

/// The exit code once a command is done: its own, or 2 if its output could not all be written.
pub fn finish(code: ExitCode) -> ExitCode {
    remember(std::io::stdout().lock().flush());
    let failed = WRITE_ERROR.lock().unwrap_or_else(|p| p.into_inner()).take();
    match failed {
        None => code,
        Some(e) => {
            if e.kind() != ErrorKind::BrokenPipe {
                note!("bidscore: cannot write the output: {e}");
            }
            ExitCode::from(2)
        }
    }
}
