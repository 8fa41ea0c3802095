//! Figures from outside Rida (web analytics, social media, sales…) imported from CSV to be
//! shown beside satisfaction on the same time axis: one figure per row as
//! `date, source, metric, value`. Every row is checked; good rows are kept and each bad
//! row is reported with its line and what is wrong, so nothing is half-imported silently.
//!
//! Accepted as spreadsheets export them: a header naming the four columns in any order
//! (any case, a UTF-8 byte-order mark allowed), comma, semicolon or tab between fields,
//! dates as `2026-11-24`, `24.11.2026` or `24/11/2026`, values with a decimal point or
//! (outside comma-separated files) a decimal comma, and spaces as thousands separators.

use std::collections::HashSet;

use serde::Serialize;

/// The most rows one file may hold.
pub const MAX_ROWS: usize = 100_000;
/// The longest source or metric name.
pub const MAX_NAME_CHARS: usize = 80;

/// One imported figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExternalFigure {
    /// `yyyymmdd`.
    pub day: i32,
    pub source: String,
    pub metric: String,
    pub value: f64,
}

/// A row that was not imported, and why (`code`: a message key suffix).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BadRow {
    pub line: u64,
    pub code: &'static str,
    /// The row as written, cut to 200 characters.
    pub text: String,
}

/// What a file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Parsed {
    pub rows: Vec<ExternalFigure>,
    pub bad: Vec<BadRow>,
}

/// Why a whole file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not UTF-8 text")]
    NotText,
    #[error("the header lacks the column {0}")]
    MissingColumn(&'static str),
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error("the file has no rows")]
    Empty,
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::NotText => "not-text",
            ImportError::MissingColumn(_) => "missing-column",
            ImportError::TooManyRows => "too-many-rows",
            ImportError::Empty => "empty",
        }
    }
}

const COLUMNS: [&str; 4] = ["date", "source", "metric", "value"];

/// The separator the header line uses most.
fn delimiter(header: &str) -> u8 {
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

/// A date as `yyyymmdd`.
pub fn parse_day(s: &str) -> Option<i32> {
    let s = s.trim();
    let (y, m, d) = if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let sep = if s.contains('.') { '.' } else { '/' };
        let mut parts = s.split(sep);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (y, m, d)
    };
    let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let date = jiff::civil::Date::new(y, m, d).ok()?;
    Some(crate::period::day_key(date))
}

/// A number as written in a spreadsheet of the file's kind.
pub fn parse_value(s: &str, decimal_comma: bool) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let cleaned = if decimal_comma {
        cleaned.replace(',', ".")
    } else {
        cleaned
    };
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

fn name(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        Err("missing-name")
    } else if s.chars().count() > MAX_NAME_CHARS || s.chars().any(char::is_control) {
        Err("bad-name")
    } else {
        Ok(s.to_string())
    }
}

/// Reads a CSV file of external figures.
pub fn parse_csv(bytes: &[u8]) -> Result<Parsed, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().ok_or(ImportError::Empty)?;
    let sep = delimiter(header);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let head = reader.headers().map_err(|_| ImportError::Empty)?.clone();
    let mut at = [0usize; 4];
    for (i, col) in COLUMNS.iter().enumerate() {
        at[i] = head
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(col))
            .ok_or(ImportError::MissingColumn(col))?;
    }
    let mut out = Parsed::default();
    let mut seen = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        if i >= MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(i as u64 + 2, |p| p.line());
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                out.bad.push(BadRow {
                    line,
                    code: "unreadable",
                    text: String::new(),
                });
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let written: String = record
            .iter()
            .collect::<Vec<_>>()
            .join(&(sep as char).to_string())
            .chars()
            .take(200)
            .collect();
        let mut bad = |code| {
            out.bad.push(BadRow {
                line,
                code,
                text: written.clone(),
            })
        };
        let field = |k: usize| record.get(at[k]).unwrap_or("");
        if at.iter().any(|c| record.get(*c).is_none()) {
            bad("missing-field");
            continue;
        }
        let Some(day) = parse_day(field(0)) else {
            bad("bad-date");
            continue;
        };
        let (source, metric) = match (name(field(1)), name(field(2))) {
            (Ok(s), Ok(m)) => (s, m),
            (Err(code), _) | (_, Err(code)) => {
                bad(code);
                continue;
            }
        };
        let Some(value) = parse_value(field(3), sep != b',') else {
            bad("bad-value");
            continue;
        };
        if !seen.insert((day, source.clone(), metric.clone())) {
            bad("duplicate");
            continue;
        }
        out.rows.push(ExternalFigure {
            day,
            source,
            metric,
            value,
        });
    }
    if out.rows.is_empty() && out.bad.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_export_is_read_and_bad_rows_are_reported() {
        let file = "\u{feff}Date;Source;Metric;Value\n\
            2026-11-01;Website;Sessions;12 345\n\
            02.11.2026;Website;Sessions;11 002,5\n\
            2026-11-31;Website;Sessions;5\n\
            2026-11-03;;Sessions;5\n\
            2026-11-03;Facebook;Followers;many\n\
            2026-11-01;Website;Sessions;1\n\
            \n\
            03/11/2026;Facebook;Followers;4 100\n\
            2026-11-04;Facebook\n";
        let p = parse_csv(file.as_bytes()).unwrap();
        assert_eq!(p.rows.len(), 3);
        assert_eq!(p.rows[0].day, 20261101);
        assert_eq!(p.rows[0].value, 12345.0);
        assert_eq!(p.rows[1].day, 20261102);
        assert_eq!(p.rows[1].value, 11002.5);
        assert_eq!(p.rows[2].source, "Facebook");
        let bad: Vec<(u64, &str)> = p.bad.iter().map(|b| (b.line, b.code)).collect();
        assert_eq!(
            bad,
            vec![
                (4, "bad-date"),
                (5, "missing-name"),
                (6, "bad-value"),
                (7, "duplicate"),
                (10, "missing-field"),
            ]
        );
        assert!(p.bad[2].text.contains("many"));
    }

    #[test]
    fn a_file_without_the_columns_is_refused_whole() {
        let e = parse_csv(b"day,source,metric,value\n2026-11-01,a,b,1\n").unwrap_err();
        assert_eq!(e, ImportError::MissingColumn("date"));
        assert_eq!(parse_csv(b"").unwrap_err(), ImportError::Empty);
        assert_eq!(parse_csv(&[0xff, 0xfe]).unwrap_err(), ImportError::NotText);
        // Comma-separated: a decimal comma is not a decimal point.
        let p =
            parse_csv(b"value,metric,source,date\n\"1,5\",m,s,2026-11-01\n2.5,m,s,2026-11-02\n")
                .unwrap();
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].value, 2.5);
        assert_eq!(p.bad[0].code, "bad-value");
    }
}
