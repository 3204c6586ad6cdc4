//! Named parameters of messages and workings, so that every text the engine writes in English can
//! also be rendered from its code in another language (Welsh first) by the widget.

use serde::ser::SerializeMap;
use serde::Serialize;

/// The parameters of one message: name → value, values already formatted as plain decimals.
/// Written as a JSON object in the order they were added (a few entries: a list beats a map).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Params(pub Vec<(&'static str, String)>);

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// Adds one parameter (builder style).
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.0.push((name, value.to_string()));
        self
    }

    /// The value of a parameter, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A message with its stable code, its parameters and its English text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub code: &'static str,
    pub params: Params,
    pub message: String,
}
