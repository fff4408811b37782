//! The journal as people read it: every entry of every event in journal order, each with its
//! facts (`describe`) and the event it came in — when it was recorded, who sealed it, its
//! hash. It is read one event at a time, oldest first, so that each entry is told as it was
//! when it was made; a shell keeps it and reads only the events written since.

use crate::base::dates::Timestamp;
use crate::journal::chain::{ChainHead, Event, Hash};
use crate::journal::describe::Recall;
use crate::journal::facts::EntryFacts;
use crate::journal::portfolio::Portfolio;
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// An event as the journal shows it, without its entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventHead {
    pub seq: u64,
    pub at: Timestamp,
    /// Who sealed the event: the acting profile's name, or the device's label.
    pub actor: String,
    pub hash: Hash,
    /// The day `at` fell on where it was recorded (the shell's time zone, an input like `at`).
    pub recorded_on: NaiveDate,
}

/// One entry: which event it came in (an index into [`JournalRows::events`]), its place in
/// that event, and its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub event: usize,
    pub index: usize,
    pub facts: EntryFacts,
}

/// Every entry read so far, oldest first.
#[derive(Clone, Debug, Default)]
pub struct JournalRows {
    events: Vec<EventHead>,
    rows: Vec<Row>,
    recall: Recall,
}

/// The event is not the one after those read: the journal is not the one read so far (it was
/// started over, or another tab wrote it), so it must be read again from its first event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DoesNotFollow {
    pub expected: u64,
    pub found: u64,
}

impl JournalRows {
    pub fn new() -> JournalRows {
        JournalRows::default()
    }

    /// The last event read.
    pub fn head(&self) -> Option<ChainHead> {
        self.events.last().map(|event| ChainHead {
            seq: event.seq,
            hash: event.hash,
        })
    }

    /// Reads the next event: `hash` is its hash, `recorded_on` the day of its `at`, `state`
    /// the portfolio folded at least up to it (for what never changes once recorded). Nothing
    /// is read when the event does not link to the last one read.
    pub fn read(
        &mut self,
        event: &Event,
        hash: Hash,
        recorded_on: NaiveDate,
        state: &Portfolio,
    ) -> Result<(), DoesNotFollow> {
        let head = self.head();
        let expected = head.map_or(1, |head| head.seq + 1);
        let link = head.map_or(Hash::GENESIS, |head| head.hash);
        if event.seq != expected || event.prev_hash != link {
            return Err(DoesNotFollow {
                expected,
                found: event.seq,
            });
        }
        self.events.push(EventHead {
            seq: event.seq,
            at: event.at,
            actor: event.actor.clone(),
            hash,
            recorded_on,
        });
        let position = self.events.len() - 1;
        for (index, entry) in event.entries.iter().enumerate() {
            let facts = self.recall.read(entry, state);
            self.rows.push(Row {
                event: position,
                index,
                facts,
            });
        }
        Ok(())
    }

    pub fn events(&self) -> &[EventHead] {
        &self.events
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn event_of(&self, row: &Row) -> &EventHead {
        &self.events[row.event]
    }

    /// Who acted: the profile the entry names, else who sealed its event.
    pub fn who<'a>(&'a self, row: &'a Row) -> &'a str {
        match &row.facts.by {
            Some(user) => &user.name,
            None => &self.event_of(row).actor,
        }
    }

    /// The day an entry counts on: its own date, or the day it was recorded for the entries
    /// that carry none (customer updates, profiles).
    pub fn day_of(&self, row: &Row) -> NaiveDate {
        row.facts
            .date
            .unwrap_or_else(|| self.event_of(row).recorded_on)
    }

    /// Everyone who acted, each once, sorted.
    pub fn actors(&self) -> Vec<String> {
        let names: BTreeSet<&str> = self.rows.iter().map(|row| self.who(row)).collect();
        names.into_iter().map(str::to_string).collect()
    }
}
