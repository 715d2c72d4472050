//! The checker's memo for one `analyze` run: the same text judged in the same context gives
//! the same findings, so a path that publishes a prepared draft already judged on another
//! path reads the findings back instead of checking the text again.

use super::{Context, Finding, Value};
use crate::scenario::{Element, FactStatus, Readers};
use crate::text::Text;
use std::collections::HashMap;
use std::sync::Mutex;

/// The most checks a memo keeps: one `analyze` run meets a few hundred distinct (text,
/// context) pairs at most; past this, checks are made and not kept.
pub const MAX_ENTRIES: usize = 4096;

/// Every input of a check, owned: two checks with equal keys give equal findings.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Key {
    text: String,
    required: Vec<Element>,
    organisation: Option<Text>,
    /// Each ledger fact by its place in memory (the memo lives no longer than the scenario it
    /// is made for) and its status.
    ledger: Vec<(usize, FactStatus)>,
    published: Vec<String>,
    values: Vec<Value>,
    never_public: Vec<String>,
    reveal: bool,
    readers: Readers,
}

impl Key {
    fn of(text: &str, ctx: &Context<'_>) -> Key {
        Key {
            text: text.to_string(),
            required: ctx.required.clone(),
            organisation: ctx.organisation.cloned(),
            ledger: ctx
                .ledger
                .iter()
                .map(|(f, s)| (std::ptr::from_ref(*f) as usize, *s))
                .collect(),
            published: ctx.published.iter().map(|s| s.to_string()).collect(),
            values: ctx.values.clone(),
            never_public: ctx.never_public.iter().map(|s| s.to_string()).collect(),
            reveal: ctx.reveal,
            readers: ctx.readers,
        }
    }
}

/// Findings by the text and context they were found in. Made for one scenario's run and
/// dropped with it (see `Key::ledger`).
#[derive(Debug, Default)]
pub(super) struct Memo {
    map: Mutex<HashMap<Key, Vec<Finding>>>,
}

impl Memo {
    /// The findings for `text` in `ctx`: remembered, or made by `check` and remembered.
    pub(super) fn get_or(
        &self,
        text: &str,
        ctx: &Context<'_>,
        check: impl FnOnce() -> Vec<Finding>,
    ) -> Vec<Finding> {
        let key = Key::of(text, ctx);
        if let Some(found) = self.lock().get(&key) {
            return found.clone();
        }
        let found = check();
        let mut map = self.lock();
        if map.len() < MAX_ENTRIES {
            map.insert(key, found.clone());
        }
        found
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Vec<Finding>>> {
        // A check that panicked left no half-made entry: the map is still sound.
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }
}
