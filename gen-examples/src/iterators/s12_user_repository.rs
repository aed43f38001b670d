//! Section 12, "Database cursor pattern": `UserRepository::fetch_all` streams users.
//!
//! The Python version fakes the rows with `range(3)`; here they come from a real SQLite file
//! (rusqlite, bundled SQLite) and are streamed lazily with keyset pagination: each page is
//! `WHERE id > ? ORDER BY id LIMIT ?` after the last id seen, so at most one page is in
//! memory, a page is fetched only when the consumer gets that far, and rows inserted
//! meanwhile are not skipped or repeated the way `OFFSET` paging would.
//!
//! Errors are values: a database error ends the stream with one `Err` (the `?` operator in the
//! generator), and a malformed row (wrong type, bad e-mail) is an `Err` naming its id,
//! after which the stream goes on with the next row.
//!
//! [`UserRepository::fetch_all_cursor`] is the other classic shape: one query whose cursor
//! (`rusqlite::Rows`, borrowing its statement) is held across yields. That needs a
//! self-borrowing generator, `#[generator(boxed)]`.

use std::cell::Cell;
use std::path::Path;

use gen_core::generator;
use rusqlite::types::Value;
use rusqlite::{Connection, params};

use crate::{Transcript, say};

/// A row of the `users` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Primary key.
    pub user_id: i64,
    /// Display name.
    pub name: String,
    /// Contact address; contains an `@`.
    pub email: String,
}

/// What can go wrong while streaming users.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// SQLite failed (cannot open the file, bad SQL, I/O error...).
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// A row exists but does not make a valid [`User`].
    #[error("malformed row (id {id}): {reason}")]
    MalformedRow {
        /// The row's id.
        id: i64,
        /// What is wrong with it.
        reason: String,
    },
}

/// A row as stored, before validation.
#[derive(Debug)]
struct RawUser {
    id: i64,
    name: Value,
    email: Value,
}

impl TryFrom<RawUser> for User {
    type Error = RepoError;

    fn try_from(raw: RawUser) -> Result<User, RepoError> {
        let bad = |reason: String| RepoError::MalformedRow { id: raw.id, reason };
        let name = match raw.name {
            Value::Text(name) if !name.is_empty() => name,
            other => return Err(bad(format!("name is {other:?}, expected non-empty text"))),
        };
        let email = match raw.email {
            Value::Text(email) if email.contains('@') => email,
            other => return Err(bad(format!("email is {other:?}, expected an address"))),
        };
        Ok(User {
            user_id: raw.id,
            name,
            email,
        })
    }
}

/// Users stored in SQLite.
#[derive(Debug)]
pub struct UserRepository {
    conn: Connection,
    page_size: usize,
    pages_fetched: Cell<usize>,
}

impl UserRepository {
    /// Opens (creating if needed) the database at `path`; [`fetch_all`](Self::fetch_all) reads
    /// `page_size` rows per query.
    pub fn open(path: impl AsRef<Path>, page_size: usize) -> Result<Self, RepoError> {
        let conn = Connection::open(path)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS users (
                 id    INTEGER PRIMARY KEY,
                 name  TEXT NOT NULL,
                 email TEXT
             );",
        )?;
        Ok(Self {
            conn,
            page_size: page_size.max(1),
            pages_fetched: Cell::new(0),
        })
    }

    /// Inserts a user and returns its id.
    pub fn insert(&self, name: &str, email: &str) -> Result<i64, RepoError> {
        self.conn.execute(
            "INSERT INTO users (name, email) VALUES (?1, ?2)",
            params![name, email],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Runs raw SQL (the tests and the demo use it to plant a malformed row).
    pub fn execute_raw(&self, sql: &str) -> Result<(), RepoError> {
        self.conn.execute_batch(sql)?;
        Ok(())
    }

    /// How many page queries [`fetch_all`](Self::fetch_all) has run so far.
    pub fn pages_fetched(&self) -> usize {
        self.pages_fetched.get()
    }

    /// One page of at most `page_size` rows with `id > after`, in id order.
    fn fetch_page(&self, after: i64) -> Result<Vec<RawUser>, RepoError> {
        self.pages_fetched.set(self.pages_fetched.get() + 1);
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, email FROM users WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, self.page_size as i64], |row| {
            Ok(RawUser {
                id: row.get(0)?,
                name: row.get(1)?,
                email: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Streams every user in id order, one page in memory at a time.
    #[generator]
    pub fn fetch_all(&self) -> impl Iterator<Item = Result<User, RepoError>> + '_ {
        let mut after = i64::MIN;
        loop {
            let page = self.fetch_page(after)?;
            let last_page = page.len() < self.page_size;
            if let Some(last) = page.last() {
                after = last.id;
            }
            for raw in page {
                yield_!(User::try_from(raw));
            }
            if last_page {
                return;
            }
        }
    }

    /// Streams every user through one cursor that stays open between items.
    #[generator(boxed)]
    pub fn fetch_all_cursor(&self) -> impl Iterator<Item = Result<User, RepoError>> + '_ {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, email FROM users ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let raw = RawUser {
                id: row.get(0)?,
                name: row.get(1)?,
                email: row.get(2)?,
            };
            yield_!(User::try_from(raw));
        }
    }
}

/// Runs the section on a database in a temporary directory.
pub fn demo(t: &mut Transcript) {
    if let Err(e) = run_demo(t) {
        say!(t, "error: {e}");
    }
}

fn run_demo(t: &mut Transcript) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let repo = UserRepository::open(dir.path().join("users.db"), 2)?;
    for name in ["ada", "brian", "carol", "dennis", "edsger"] {
        repo.insert(name, &format!("{name}@example.com"))?;
    }
    repo.execute_raw("INSERT INTO users (name, email) VALUES ('mallory', 'not-an-address')")?;
    repo.insert("grace", "grace@example.com")?;
    say!(
        t,
        "7 rows in users.db, pages of 2 (WHERE id > ? ORDER BY id LIMIT 2)"
    );
    let mut users = repo.fetch_all();
    let first = users.next();
    say!(
        t,
        "first item: {first:?}, after {} page query",
        repo.pages_fetched()
    );
    for user in users {
        match user {
            Ok(u) => say!(t, "  user {} {} <{}>", u.user_id, u.name, u.email),
            Err(e) => say!(t, "  error value: {e}"),
        }
    }
    say!(t, "done after {} page queries", repo.pages_fetched());
    let cursor: Vec<_> = repo
        .fetch_all_cursor()
        .filter_map(Result::ok)
        .map(|u| u.name)
        .collect();
    say!(
        t,
        "fetch_all_cursor (one open cursor, boxed generator): {cursor:?}"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_with(n: usize, page_size: usize) -> (tempfile::TempDir, UserRepository) {
        let dir = tempfile::tempdir().unwrap();
        let repo = UserRepository::open(dir.path().join("t.db"), page_size).unwrap();
        for i in 0..n {
            repo.insert(&format!("u{i}"), &format!("u{i}@x.org"))
                .unwrap();
        }
        (dir, repo)
    }

    #[test]
    fn streams_all_rows_in_order() {
        let (_dir, repo) = repo_with(7, 3);
        let names: Vec<String> = repo.fetch_all().map(|u| u.unwrap().name).collect();
        assert_eq!(names, ["u0", "u1", "u2", "u3", "u4", "u5", "u6"]);
        assert_eq!(repo.pages_fetched(), 3);
    }

    #[test]
    fn fetches_pages_lazily() {
        let (_dir, repo) = repo_with(10, 2);
        let mut it = repo.fetch_all();
        assert_eq!(repo.pages_fetched(), 0);
        assert_eq!(it.next().unwrap().unwrap().user_id, 1);
        assert_eq!(repo.pages_fetched(), 1);
        let _ = it.nth(2);
        assert_eq!(repo.pages_fetched(), 2);
    }

    #[test]
    fn exact_multiple_of_the_page_size_ends_with_one_empty_page() {
        let (_dir, repo) = repo_with(4, 2);
        assert_eq!(repo.fetch_all().count(), 4);
        assert_eq!(repo.pages_fetched(), 3);
    }

    #[test]
    fn rows_inserted_while_streaming_are_seen_once() {
        let (_dir, repo) = repo_with(3, 2);
        let mut it = repo.fetch_all();
        assert_eq!(it.next().unwrap().unwrap().name, "u0");
        repo.insert("late", "late@x.org").unwrap();
        let rest: Vec<String> = it.map(|u| u.unwrap().name).collect();
        assert_eq!(rest, ["u1", "u2", "late"]);
    }

    #[test]
    fn malformed_rows_are_error_values_and_the_stream_goes_on() {
        let (_dir, repo) = repo_with(2, 2);
        repo.execute_raw(
            "INSERT INTO users (name, email) VALUES (x'00ff', 'blob@x.org');
             INSERT INTO users (name, email) VALUES ('nomail', NULL);",
        )
        .unwrap();
        repo.insert("last", "last@x.org").unwrap();
        let items: Vec<_> = repo.fetch_all().collect();
        assert_eq!(items.len(), 5);
        assert!(matches!(
            items[2],
            Err(RepoError::MalformedRow { id: 3, .. })
        ));
        assert!(matches!(
            items[3],
            Err(RepoError::MalformedRow { id: 4, .. })
        ));
        assert!(
            items[3]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("email is Null")
        );
        assert_eq!(items[4].as_ref().unwrap().name, "last");
        let all: Result<Vec<User>, _> = repo.fetch_all().collect();
        assert!(all.is_err());
    }

    #[test]
    fn a_database_error_ends_the_stream_with_one_err() {
        let (_dir, repo) = repo_with(2, 2);
        repo.execute_raw("DROP TABLE users").unwrap();
        let items: Vec<_> = repo.fetch_all().collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(items[0], Err(RepoError::Db(_))), "{items:?}");
    }

    #[test]
    fn opening_a_directory_is_an_error_value() {
        let dir = tempfile::tempdir().unwrap();
        let err = UserRepository::open(dir.path(), 2).unwrap_err();
        assert!(matches!(err, RepoError::Db(_)));
    }

    #[test]
    fn the_cursor_version_agrees() {
        let (_dir, repo) = repo_with(5, 2);
        repo.execute_raw("INSERT INTO users (name, email) VALUES ('bad', 'no-at')")
            .unwrap();
        let paged: Vec<String> = repo.fetch_all().map(|r| format!("{r:?}")).collect();
        let cursor: Vec<String> = repo.fetch_all_cursor().map(|r| format!("{r:?}")).collect();
        assert_eq!(paged, cursor);
        assert_eq!(paged.len(), 6);
    }

    #[test]
    fn demo_output() {
        let mut t = Transcript::capturing();
        demo(&mut t);
        assert!(t.contains("first item: Some(Ok(User { user_id: 1, name: \"ada\""));
        assert!(t.contains("after 1 page query"));
        assert!(t.contains("error value: malformed row (id 6): email is Text(\"not-an-address\")"));
        assert!(t.contains("user 7 grace <grace@example.com>"));
        assert!(t.contains("done after 4 page queries"));
    }
}
