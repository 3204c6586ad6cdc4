//! The reader of the case catalogues (`tests/invalid`, `tests/hostile`): one JSON file per case,
//! `{ "description", "input" | "patch", "expected" }`.
//!
//! A case given as a `patch` is the catalogue's `base.json` (a valid tender) changed by a list of
//! operations, so the file shows only what makes it a case: `{"op": "add" | "remove" | "replace",
//! "path": "/bids/0/price", "value": ..}`, applied in order. The path is a JSON Pointer (`~1` for
//! `/` and `~0` for `~` in a key; `-` as the last index adds to the end of a list). `add` puts a
//! new key last in its object (key order is kept: some errors are reported in file order) and
//! inserts into a list; `replace` keeps the key's place.
//!
//! Also the crate's root folder and its folders' JSON files, for every test that lists them.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The tender that every `patch` of a catalogue changes; it is not a case itself.
const BASE: &str = "base.json";

/// Every case of `tests/<dir>`, sorted by file name, with `"input"` filled in from its `patch`.
pub fn cases(dir: &str) -> Vec<(String, Value)> {
    let files: Vec<PathBuf> = json_files(&format!("tests/{dir}"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != BASE))
        .collect();
    let base = root().join("tests").join(dir).join(BASE);
    let base = base.exists().then(|| read(&base));
    files
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let mut case = read(p);
            if let Some(ops) = case.get("patch") {
                let base = base
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: a patch needs {BASE} beside it"));
                assert!(
                    case.get("input").is_none(),
                    "{name}: give an input or a patch, not both"
                );
                let ops = ops.as_array().expect("patch is a list of operations");
                let input = patched(base, ops).unwrap_or_else(|e| panic!("{name}: {e}"));
                case["input"] = input;
            }
            (name, case)
        })
        .collect()
}

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.json` file of the folder `dir` (from the crate's root), sorted by name.
pub fn json_files(dir: &str) -> Vec<PathBuf> {
    let dir = root().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: the case itself is not JSON: {e}", path.display()))
}

/// `base` with each operation applied in turn.
pub fn patched(base: &Value, ops: &[Value]) -> Result<Value, String> {
    let mut doc = base.clone();
    for op in ops {
        let (Some(kind), Some(path)) = (op["op"].as_str(), op["path"].as_str()) else {
            return Err(format!("an operation needs an op and a path: {op}"));
        };
        let value = || {
            op.get("value")
                .cloned()
                .ok_or_else(|| format!("{kind} {path} needs a value"))
        };
        let missing = || format!("{kind} {path}: no such place in the tender");
        if kind == "replace" {
            *doc.pointer_mut(path).ok_or_else(missing)? = value()?;
            continue;
        }
        let (parent, last) = path.rsplit_once('/').ok_or_else(missing)?;
        let key = last.replace("~1", "/").replace("~0", "~");
        let index = |len: usize| key.parse::<usize>().ok().filter(|&i| i < len);
        match (kind, doc.pointer_mut(parent).ok_or_else(missing)?) {
            ("add", Value::Object(map)) => {
                map.insert(key, value()?);
            }
            ("add", Value::Array(list)) if key == "-" => list.push(value()?),
            ("add", Value::Array(list)) => {
                let i = index(list.len() + 1).ok_or_else(missing)?;
                list.insert(i, value()?);
            }
            ("remove", Value::Object(map)) => {
                map.shift_remove(&key).ok_or_else(missing)?;
            }
            ("remove", Value::Array(list)) => {
                list.remove(index(list.len()).ok_or_else(missing)?);
            }
            ("add" | "remove", _) => return Err(missing()),
            _ => return Err(format!("{kind} {path}: the op is add, remove or replace")),
        }
    }
    Ok(doc)
}
