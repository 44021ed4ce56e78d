//! What the register's screens computed from it, given again while nothing it was computed
//! from has changed: the register (here or from another program), the day, and what was asked.

use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::sync::Mutex;

/// What a result was computed from: the day, and the register's state as SQLite counts it
/// (`data_version` moves when another connection commits, `total_changes` when this one
/// writes a row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    today: NaiveDate,
    data_version: i64,
    total_changes: u64,
}

impl Stamp {
    fn now(conn: &Connection, today: NaiveDate) -> Result<Stamp> {
        Ok(Stamp {
            today,
            data_version: conn.query_row("PRAGMA data_version", [], |r| r.get(0))?,
            total_changes: conn.total_changes(),
        })
    }
}

/// The last results computed, one for each of up to `room` keys (the oldest asked goes
/// first), given again while the register and the day are as they were. Never asked inside a
/// transaction that may roll back (its writes would have moved the stamp, their undoing not).
/// A database replaced under the connection (a checkpoint restored) is forgotten by `clear`.
pub struct Memo<K, V> {
    room: usize,
    kept: Mutex<Vec<(Stamp, K, V)>>,
}

impl<K: PartialEq, V: Clone> Memo<K, V> {
    pub fn with_room(room: usize) -> Self {
        Memo {
            room: room.max(1),
            kept: Mutex::new(Vec::new()),
        }
    }

    /// The result for `key` as kept if the register and the day have not changed since it
    /// was computed, else `compute`'s, kept.
    pub fn get_or_compute(
        &self,
        conn: &Connection,
        today: NaiveDate,
        key: K,
        compute: impl FnOnce() -> Result<V>,
    ) -> Result<V> {
        let stamp = Stamp::now(conn, today)?;
        if let Some(value) = self.find(stamp, &key) {
            return Ok(value);
        }
        let value = compute()?;
        if let Ok(mut kept) = self.kept.lock() {
            // Results of an older state of the register are worth nothing now.
            kept.retain(|(at, k, _)| *at == stamp && *k != key);
            if kept.len() >= self.room {
                kept.remove(0);
            }
            kept.push((stamp, key, value.clone()));
        }
        Ok(value)
    }

    /// The result for `key` as kept, if it still holds (nothing computed otherwise).
    pub fn kept(&self, conn: &Connection, today: NaiveDate, key: &K) -> Result<Option<V>> {
        Ok(self.find(Stamp::now(conn, today)?, key))
    }

    /// Forget every result (the connection's database was replaced whole).
    pub fn clear(&self) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.clear();
        }
    }

    /// The result for `key` kept at `stamp`, now the most recently asked.
    fn find(&self, stamp: Stamp, key: &K) -> Option<V> {
        let mut kept = self.kept.lock().ok()?;
        let i = kept
            .iter()
            .position(|(at, k, _)| *at == stamp && k == key)?;
        let entry = kept.remove(i);
        let value = entry.2.clone();
        kept.push(entry);
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).unwrap()
    }

    /// Computed once while nothing changes; again after a write here, a write by another
    /// connection, another day; each key apart, the oldest asked going first when full.
    #[test]
    fn a_result_is_given_again_until_the_register_the_day_or_the_key_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("memo.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);")
            .unwrap();
        let other = Connection::open(&path).unwrap();
        let memo: Memo<&str, u32> = Memo::with_room(2);
        let computed = Cell::new(0);
        let ask = |key: &'static str, today: NaiveDate| {
            memo.get_or_compute(&conn, today, key, || {
                computed.set(computed.get() + 1);
                Ok(computed.get())
            })
            .unwrap()
        };

        assert_eq!(ask("a", day(1)), 1);
        assert_eq!(ask("a", day(1)), 1, "nothing changed");
        assert_eq!(memo.kept(&conn, day(1), &"a").unwrap(), Some(1));
        assert_eq!(memo.kept(&conn, day(1), &"b").unwrap(), None);

        conn.execute("INSERT INTO t VALUES (1)", []).unwrap();
        assert_eq!(memo.kept(&conn, day(1), &"a").unwrap(), None);
        assert_eq!(ask("a", day(1)), 2, "a write here");

        other.execute("INSERT INTO t VALUES (2)", []).unwrap();
        assert_eq!(ask("a", day(1)), 3, "a write by another connection");

        assert_eq!(ask("a", day(2)), 4, "another day");

        assert_eq!(ask("b", day(2)), 5, "another key");
        assert_eq!(ask("a", day(2)), 4, "the first key kept beside it");
        assert_eq!(
            ask("c", day(2)),
            6,
            "a third key: the oldest asked (b) goes"
        );
        assert_eq!(ask("a", day(2)), 4);
        assert_eq!(ask("b", day(2)), 7);

        memo.clear();
        assert_eq!(ask("b", day(2)), 8, "forgotten");
    }
}
