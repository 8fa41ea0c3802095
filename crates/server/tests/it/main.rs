//! Integration tests: the real server on port 0, on SQLite and on PostgreSQL.

mod browser;
mod helpers;
mod kiosk;
mod pages;
mod policy;
mod ratings;
mod surveys;
