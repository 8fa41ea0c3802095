//! Integration tests: the real server on port 0, on SQLite and on PostgreSQL.

mod alerts;
mod areas;
mod browser;
mod exports;
mod external;
mod helpers;
mod kannel;
mod kiosk;
mod mail;
mod operations;
mod pages;
mod policy;
mod ratings;
mod reasons;
mod reports;
mod results;
mod sms;
mod station;
mod survey_rules;
mod surveys;
mod terminal_api;
mod twilio;
mod visit_api;
mod visits;
mod webhooks;
mod whatsapp;
