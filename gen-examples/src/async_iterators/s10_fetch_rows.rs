//! Section 10, "Typing async iterators": return `impl Stream`, accept `impl Stream`.
//!
//! [`fetch_rows`] returns rows (column name -> value, Python's `dict[str, object]`) from a
//! real async SQLite driver (tokio-rusqlite: the connection lives on its own thread and every
//! query is awaited), page by page with keyset pagination. [`consume`] accepts any
//! `impl Stream<Item = i64>`: a generator, a database column, a channel, an adapted iterator.

use std::collections::BTreeMap;
use std::path::Path;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::{Stream, StreamExt};
use gen_core::generator;
use tokio_rusqlite::rusqlite::{self, params, types::Value};

use crate::{Transcript, say};

/// A row: column name -> value.
pub type Row = BTreeMap<String, Value>;

/// What can go wrong talking to the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// Opening the file failed.
    #[error("cannot open database: {0}")]
    Open(#[from] rusqlite::Error),
    /// A query failed, or the connection is closed.
    #[error("query failed: {0}")]
    Query(#[from] tokio_rusqlite::Error),
}

/// An async SQLite database of sensor readings.
#[derive(Debug)]
pub struct Database {
    conn: tokio_rusqlite::Connection,
    queries: Arc<AtomicUsize>,
}

impl Database {
    /// Opens (creating) the database at `path` with a `readings` table.
    pub async fn open(path: impl AsRef<Path>) -> Result<Self, DbError> {
        let conn = tokio_rusqlite::Connection::open(path).await?;
        conn.call(|c| {
            c.execute_batch(
                "CREATE TABLE IF NOT EXISTS readings (
                     id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value INTEGER NOT NULL);",
            )
        })
        .await?;
        Ok(Self {
            conn,
            queries: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// Inserts `(sensor, value)` readings in one transaction.
    pub async fn insert(&self, readings: Vec<(String, i64)>) -> Result<(), DbError> {
        self.conn
            .call(move |c| {
                let tx = c.transaction()?;
                for (sensor, value) in &readings {
                    tx.execute(
                        "INSERT INTO readings (sensor, value) VALUES (?1, ?2)",
                        params![sensor, value],
                    )?;
                }
                tx.commit()
            })
            .await?;
        Ok(())
    }

    /// Runs raw SQL.
    pub async fn execute_raw(&self, sql: &'static str) -> Result<(), DbError> {
        self.conn.call(move |c| c.execute_batch(sql)).await?;
        Ok(())
    }

    /// How many page queries [`fetch_rows`] has sent.
    pub fn queries(&self) -> usize {
        self.queries.load(Ordering::Relaxed)
    }
}

/// One page of rows with `id > after`, as `(id, row)`.
fn page(
    c: &mut rusqlite::Connection,
    after: i64,
    limit: usize,
) -> rusqlite::Result<Vec<(i64, Row)>> {
    let mut stmt = c.prepare_cached(
        "SELECT id, sensor, value FROM readings WHERE id > ?1 ORDER BY id LIMIT ?2",
    )?;
    let names: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
    let rows = stmt.query_map(params![after, limit as i64], |r| {
        let mut row = Row::new();
        for (i, name) in names.iter().enumerate() {
            row.insert(name.clone(), r.get::<_, Value>(i)?);
        }
        Ok((r.get(0)?, row))
    })?;
    rows.collect()
}

/// Streams every reading in id order, `page_size` rows per awaited query.
#[generator]
pub fn fetch_rows(
    db: &Database,
    page_size: usize,
) -> impl Stream<Item = Result<Row, DbError>> + '_ {
    let page_size = page_size.max(1);
    let mut after = i64::MIN;
    loop {
        db.queries.fetch_add(1, Ordering::Relaxed);
        let rows = db.conn.call(move |c| page(c, after, page_size)).await?;
        let last_page = rows.len() < page_size;
        for (id, row) in rows {
            after = id;
            yield_!(Ok(row));
        }
        if last_page {
            break;
        }
    }
}

/// What [`consume`] saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Items seen.
    pub count: usize,
    /// Their sum.
    pub sum: i64,
    /// The largest.
    pub max: Option<i64>,
}

/// Consumes any stream of integers.
pub async fn consume(stream: impl Stream<Item = i64>) -> Summary {
    let mut stream = pin!(stream);
    let mut summary = Summary::default();
    while let Some(item) = stream.next().await {
        summary.count += 1;
        summary.sum += item;
        summary.max = summary.max.max(Some(item));
    }
    summary
}

/// The `value` column of a row, if it is an integer.
pub fn value_of(row: &Row) -> Option<i64> {
    match row.get("value") {
        Some(Value::Integer(v)) => Some(*v),
        _ => None,
    }
}

/// Runs the section on a database in a temporary directory.
pub async fn demo(t: &mut Transcript) {
    if let Err(e) = run_demo(t).await {
        say!(t, "error: {e}");
    }
}

async fn run_demo(t: &mut Transcript) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let db = Database::open(dir.path().join("readings.db")).await?;
    let readings = (1..=10).map(|i| (format!("s{}", i % 3), i * 10)).collect();
    db.insert(readings).await?;
    let mut rows = pin!(fetch_rows(&db, 4));
    if let Some(first) = rows.next().await {
        say!(t, "first row: {:?}", first?);
    }
    say!(t, "queries so far: {} (pages of 4)", db.queries());
    let values =
        fetch_rows(&db, 4).filter_map(|r| async move { r.ok().as_ref().and_then(value_of) });
    say!(
        t,
        "consume(values from SQLite)     = {:?}",
        consume(values).await
    );
    say!(
        t,
        "consume(stream::iter(vec))      = {:?}",
        consume(futures::stream::iter(vec![5, 6])).await
    );
    let ticks = super::s09_exhaustion::ticks(4).map(i64::from);
    say!(
        t,
        "consume(generator ticks(4))     = {:?}",
        consume(ticks).await
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn db_with(n: i64) -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(dir.path().join("t.db")).await.unwrap();
        db.insert((1..=n).map(|i| (format!("s{i}"), i)).collect())
            .await
            .unwrap();
        (dir, db)
    }

    #[tokio::test]
    async fn streams_every_row_as_a_column_map() {
        let (_dir, db) = db_with(7).await;
        let rows: Vec<Row> = fetch_rows(&db, 3).map(Result::unwrap).collect().await;
        assert_eq!(rows.len(), 7);
        assert_eq!(rows[6]["sensor"], Value::Text("s7".into()));
        assert_eq!(rows[6]["id"], Value::Integer(7));
        assert_eq!(db.queries(), 3);
    }

    #[tokio::test]
    async fn queries_pages_only_as_far_as_the_consumer_reads() {
        let (_dir, db) = db_with(100).await;
        let first: Vec<_> = fetch_rows(&db, 10).take(15).collect().await;
        assert_eq!(first.len(), 15);
        assert_eq!(db.queries(), 2);
    }

    #[tokio::test]
    async fn a_missing_table_is_one_error_value() {
        let (_dir, db) = db_with(3).await;
        db.execute_raw("DROP TABLE readings").await.unwrap();
        let items: Vec<_> = fetch_rows(&db, 2).collect().await;
        assert_eq!(items.len(), 1);
        let err = items.into_iter().next().unwrap().unwrap_err();
        assert!(err.to_string().contains("no such table"), "{err}");
    }

    #[tokio::test]
    async fn opening_a_directory_is_an_error_value() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Database::open(dir.path()).await.is_err());
    }

    #[tokio::test]
    async fn consume_accepts_any_stream() {
        let (_dir, db) = db_with(4).await;
        let from_db =
            fetch_rows(&db, 2).filter_map(|r| async move { r.ok().as_ref().and_then(value_of) });
        assert_eq!(
            consume(from_db).await,
            Summary {
                count: 4,
                sum: 10,
                max: Some(4)
            }
        );
        assert_eq!(consume(futures::stream::empty()).await, Summary::default());
        let (tx, rx) = futures::channel::mpsc::unbounded();
        for v in [3, -1] {
            tx.unbounded_send(v).unwrap();
        }
        drop(tx);
        assert_eq!(
            consume(rx).await,
            Summary {
                count: 2,
                sum: 2,
                max: Some(3)
            }
        );
    }

    #[tokio::test]
    async fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t).await;
        assert!(t.contains(
            "first row: {\"id\": Integer(1), \"sensor\": Text(\"s1\"), \"value\": Integer(10)}"
        ));
        assert!(t.contains("queries so far: 1 (pages of 4)"));
        assert!(t.contains("count: 10, sum: 550, max: Some(100)"));
        assert!(t.contains("count: 4, sum: 6, max: Some(3)"));
    }
}
