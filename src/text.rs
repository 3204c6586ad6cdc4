//! Named parameters of messages and workings, so that every text the engine writes in English can
//! also be rendered from its code in another language (Welsh first) by the widget.

use serde::Serialize;
use std::collections::BTreeMap;

/// The parameters of one message: name → value, values already formatted as plain decimals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Params(pub BTreeMap<String, String>);

impl Params {
    pub fn new() -> Self {
        Params(BTreeMap::new())
    }

    /// Adds one parameter (builder style).
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.0.insert(name.to_string(), value.to_string());
        self
    }
}

/// A message with its stable code, its parameters and its English text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub code: &'static str,
    pub params: Params,
    pub message: String,
}
