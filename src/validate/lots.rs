//! Lots (spec §18): the list of lots a tender is divided into, and the lot each bid names. The
//! model is the same for every lot, so nothing else in the file refers to a lot.

use super::json::Value;
use super::limits::*;
use super::reader::{index, Obj, Reader};
use crate::error::ErrorKind;
use crate::model::IdSet;
use crate::model::Lot;

/// The lots a bid may name, as far as the file says.
#[derive(Default)]
pub(super) enum LotIds {
    /// The tender is not divided into lots: a bid names none.
    #[default]
    None,
    /// The ids listed under `lots`, valid or not: a bid names one of them.
    Listed(IdSet),
    /// `lots` is there but is not a list, which is reported: the bids' lots are not checked, as
    /// no answer about them could be right.
    Unreadable,
}

impl Reader {
    /// The lots, in file order. An empty list is a tender not divided into lots, as is no list.
    pub(super) fn lots(&mut self, v: Option<&Value>) -> Vec<Lot> {
        let mut out: Vec<Lot> = Vec::new();
        let Some(v) = v else { return out };
        let Some(list) = self.array(v, "lots") else {
            self.lots = LotIds::Unreadable;
            return out;
        };
        if list.is_empty() {
            return out;
        }
        self.count(list.len(), MAX_LOTS, "lots", "lots");
        let mut ids = IdSet::new();
        for (i, l) in list.iter().enumerate() {
            let path = index("lots", i);
            let Some(o) = self.obj(l, &path, &["id", "name", "description"]) else {
                continue;
            };
            let id = self.id(&o);
            let name = self.required_text(&o, "name");
            let description = self.text(&o, "description");
            let Some(id) = id else { continue };
            // Recorded even when the lot is broken, so its bids are not also told it is unknown.
            if !ids.add(id.clone()) {
                self.err(ErrorKind::DuplicateId { id }, o.at("id"));
                continue;
            }
            if let Some(name) = name {
                out.push(Lot {
                    id,
                    name,
                    description,
                });
            }
        }
        self.lots = LotIds::Listed(ids);
        out
    }

    /// The lot a bid is for: required, and one of the lots, when the tender is divided into lots;
    /// refused when it is not (a bid for a lot that does not exist would be scored against the
    /// wrong competitors).
    pub(super) fn bid_lot(&mut self, o: &Obj) -> Option<String> {
        let lot = self.string(o, "lot");
        let wrong_type = lot.is_none() && o.get("lot").is_some();
        match (&self.lots, lot) {
            (LotIds::Listed(_), None) if !wrong_type => {
                self.err(ErrorKind::MissingLot, o.at("lot"));
                None
            }
            (LotIds::Listed(ids), Some(id)) if ids.contains_key(&id) => Some(id),
            (LotIds::Unreadable, _) | (_, None) => None,
            (declared, Some(id)) => {
                let none_declared = matches!(declared, LotIds::None);
                self.err(ErrorKind::UnknownLot { id, none_declared }, o.at("lot"));
                None
            }
        }
    }
}
