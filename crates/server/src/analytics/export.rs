//! The dashboard as a spreadsheet (`.xlsx`: a sheet per table, native charts, frozen
//! headers, right-to-left sheets in Arabic) and as CSV (UTF-8 with a BOM). Customers'
//! words are only ever written as text: nothing they type becomes a formula.

use rida_domain::{
    Locale,
    metrics::{Change, Estimate, Unit},
};
use rust_xlsxwriter::{
    Chart, ChartLine, ChartLineDashType, ChartType, Format, Workbook, Worksheet, XlsxError,
};

use super::{
    dashboard::{Dashboard, RankRow},
    report::{ChartKind, Report},
};
use crate::i18n;

/// The media type of an `.xlsx` workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// One table of the dashboard: a header and rows of cells.
pub struct Table {
    /// The message key of the sheet's name.
    pub key: &'static str,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell: a number with its format, or text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Number(f64, NumberKind),
    Text(String),
    Empty,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberKind {
    Count,
    /// One decimal (percentages and NPS points).
    Figure,
    /// Two decimals (means on a scale).
    Mean,
    /// A probability.
    P,
}

fn kind_of(unit: Unit) -> NumberKind {
    match unit {
        Unit::Mean => NumberKind::Mean,
        Unit::Percent | Unit::Score => NumberKind::Figure,
    }
}

pub(crate) fn estimate_cells(e: Option<Estimate>, unit: Unit) -> [Cell; 3] {
    match e {
        Some(e) => [
            Cell::Number(e.value, kind_of(unit)),
            Cell::Number(e.low, kind_of(unit)),
            Cell::Number(e.high, kind_of(unit)),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn change_cells(c: Option<Change>, unit: Unit, l: Locale) -> [Cell; 3] {
    match c {
        Some(c) => [
            Cell::Number(c.delta, kind_of(unit)),
            Cell::Number(c.p_value, NumberKind::P),
            Cell::Text(i18n::t(
                l,
                if c.significant {
                    "change-clear"
                } else {
                    "change-unclear"
                },
            )),
        ],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn t(l: Locale, key: &str) -> String {
    i18n::t(l, key)
}

fn figure_header(l: Locale, metric: &str, first: &str) -> Vec<String> {
    vec![
        t(l, first),
        t(l, &format!("metric-{metric}")),
        t(l, "col-low"),
        t(l, "col-high"),
        t(l, "col-answers"),
        t(l, "col-change-short"),
        "p".into(),
        t(l, "col-significance"),
    ]
}

fn ranking_table(key: &'static str, d: &Dashboard, rows: &[RankRow], l: Locale) -> Table {
    let mut header = vec!["#".to_string()];
    header.extend(figure_header(l, d.metric.as_str(), "col-name"));
    Table {
        key,
        header,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.rank
                        .map(|n| Cell::Number(n as f64, NumberKind::Count))
                        .unwrap_or(Cell::Empty),
                    Cell::Text(r.name.clone()),
                ];
                row.extend(estimate_cells(r.estimate, d.unit));
                row.push(Cell::Number(r.n as f64, NumberKind::Count));
                row.extend(change_cells(r.change, d.unit, l));
                if r.status != "ranked" {
                    let note = match r.status {
                        "withheld" => t(l, "xlsx-withheld"),
                        _ => t(l, "xlsx-too-few"),
                    };
                    row[2] = Cell::Text(note);
                }
                row
            })
            .collect(),
    }
}

/// Every table of a dashboard, in the order of the page.
pub fn tables(d: &Dashboard, l: Locale) -> Vec<Table> {
    let mut out = Vec::new();
    out.push(Table {
        key: "sheet-summary",
        header: figure_header(l, "csat", "filter-metric")
            .into_iter()
            .enumerate()
            .map(|(i, h)| if i == 1 { t(l, "col-value") } else { h })
            .collect(),
        rows: d
            .tiles
            .iter()
            .map(|tile| {
                let mut row = vec![Cell::Text(t(
                    l,
                    &format!("metric-{}", tile.metric.as_str()),
                ))];
                row.extend(estimate_cells(tile.estimate, tile.unit));
                row.push(Cell::Number(tile.n as f64, NumberKind::Count));
                row.extend(change_cells(tile.change, tile.unit, l));
                row
            })
            .collect(),
    });
    // The trend, and beside it the imported external figures of the same months.
    let mut header = figure_header(l, d.metric.as_str(), "col-month");
    header.extend(d.external.iter().map(|e| e.label.clone()));
    out.push(Table {
        key: "sheet-trend",
        header,
        rows: d
            .trend
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut row = vec![Cell::Text(p.month.clone())];
                row.extend(estimate_cells(p.estimate, d.unit));
                row.push(Cell::Number(p.n as f64, NumberKind::Count));
                row.extend(change_cells(p.change, d.unit, l));
                row.extend(d.external.iter().map(|e| match e.values.get(i) {
                    Some(Some(v)) => Cell::Number(*v, NumberKind::Mean),
                    _ => Cell::Empty,
                }));
                row
            })
            .collect(),
    });
    if let Some(sites) = &d.sites {
        out.push(ranking_table("sheet-sites", d, sites, l));
    }
    out.push(ranking_table("sheet-services", d, &d.services, l));
    if let Some(employees) = &d.employees {
        out.push(ranking_table("sheet-employees", d, employees, l));
    }
    if let Some(m) = &d.matrix {
        let mut header = vec![t(l, "col-employee")];
        header.extend(m.services.iter().map(|s| s.1.clone()));
        out.push(Table {
            key: "sheet-matrix",
            header,
            rows: m
                .rows
                .iter()
                .map(|r| {
                    let mut row = vec![Cell::Text(r.employee.1.clone())];
                    row.extend(r.cells.iter().map(|c| match c.value {
                        Some(v) => Cell::Number(v, kind_of(d.unit)),
                        None if c.n > 0 => Cell::Text(t(l, "xlsx-withheld")),
                        None => Cell::Empty,
                    }));
                    row
                })
                .collect(),
        });
    }
    if !d.reasons.is_empty() {
        let mut rows = Vec::new();
        for q in &d.reasons {
            for c in &q.lines {
                let [share, low, high] = estimate_cells(c.share, Unit::Percent);
                rows.push(vec![
                    Cell::Text(q.prompt.get(l).to_string()),
                    Cell::Text(c.label.get(l).to_string()),
                    Cell::Number(c.n as f64, NumberKind::Count),
                    share,
                    low,
                    high,
                    c.change
                        .map_or(Cell::Empty, |ch| Cell::Number(ch.delta, NumberKind::Figure)),
                    c.csat
                        .map_or(Cell::Empty, |e| Cell::Number(e.value, NumberKind::Figure)),
                    Cell::Number(c.csat_n as f64, NumberKind::Count),
                ]);
            }
        }
        out.push(Table {
            key: "sheet-reasons",
            header: vec![
                t(l, "col-question"),
                t(l, "col-choice"),
                t(l, "col-answers"),
                t(l, "col-share"),
                t(l, "col-low"),
                t(l, "col-high"),
                t(l, "col-change-short"),
                t(l, "reasons-csat"),
                t(l, "col-csat-answers"),
            ],
            rows,
        });
    }
    if !d.comments.withheld {
        out.push(Table {
            key: "sheet-comments",
            header: vec![
                t(l, "col-day"),
                t(l, "filter-site"),
                t(l, "filter-service"),
                t(l, "filter-employee"),
                t(l, "col-channel"),
                t(l, "col-comment"),
                t(l, "col-scores"),
            ],
            rows: d
                .comments
                .items
                .iter()
                .map(|c| {
                    let scores: Vec<String> = c
                        .scores
                        .iter()
                        .map(|(s, v)| {
                            format!("{} {v}", t(l, &format!("scale-short-{}", s.as_str())))
                        })
                        .collect();
                    vec![
                        Cell::Text(c.day.clone()),
                        Cell::Text(c.site.clone()),
                        c.service.clone().map(Cell::Text).unwrap_or(Cell::Empty),
                        c.employee.clone().map(Cell::Text).unwrap_or(Cell::Empty),
                        Cell::Text(t(l, &format!("channel-{}", c.channel))),
                        Cell::Text(c.text.clone()),
                        Cell::Text(scores.join(", ")),
                    ]
                })
                .collect(),
        });
    }
    out
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

fn write_table(ws: &mut Worksheet, table: &Table, formats: &Formats) -> Result<(), XlsxError> {
    for (c, h) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &formats.header)?;
        ws.set_column_width(c as u16, if c == 0 { 24 } else { 14 })?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Number(v, kind) => {
                    let f = match kind {
                        NumberKind::Count => &formats.count,
                        NumberKind::Figure => &formats.figure,
                        NumberKind::Mean => &formats.mean,
                        NumberKind::P => &formats.p,
                    };
                    ws.write_number_with_format(r, c, *v, f)?;
                }
                // Always a string cell: "=1+2" stays the text "=1+2".
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

struct Formats {
    header: Format,
    count: Format,
    figure: Format,
    mean: Format,
    p: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_background_color("#E3F2EF"),
            count: Format::new().set_num_format("#,##0"),
            figure: Format::new().set_num_format("0.0"),
            mean: Format::new().set_num_format("0.00"),
            p: Format::new().set_num_format("0.000"),
        }
    }
}

/// A sheet of `table` named by its key, right to left in Arabic.
fn table_sheet<'a>(
    wb: &'a mut Workbook,
    table: &Table,
    l: Locale,
    formats: &Formats,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&t(l, table.key)))?;
    if l.dir() == "rtl" {
        ws.set_right_to_left(true);
    }
    write_table(ws, table, formats)?;
    Ok(ws)
}

/// Tables as an `.xlsx` file: a sheet each.
pub fn tables_xlsx(tables: &[Table], l: Locale) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut wb = Workbook::new();
    for table in tables {
        table_sheet(&mut wb, table, l, &formats)?;
    }
    wb.save_to_buffer()
}

/// The dashboard as an `.xlsx` file.
pub fn xlsx(d: &Dashboard, l: Locale) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut wb = Workbook::new();
    for table in tables(d, l) {
        let name = sheet_name(&t(l, table.key));
        let ws = table_sheet(&mut wb, &table, l, &formats)?;
        if table.key == "sheet-trend" && !table.rows.is_empty() {
            // A native line chart of the metric with its interval.
            let last = table.rows.len() as u32;
            let mut chart = Chart::new(ChartType::Line);
            chart
                .title()
                .set_name(&i18n::t(l, &format!("metric-{}", d.metric.as_str())));
            for (col, key) in [(1u16, None), (2, Some("col-low")), (3, Some("col-high"))] {
                let s = chart.add_series();
                s.set_categories((name.as_str(), 1, 0, last, 0))
                    .set_values((name.as_str(), 1, col, last, col))
                    .set_name(
                        match key {
                            None => i18n::t(l, &format!("metric-{}", d.metric.as_str())),
                            Some(k) => i18n::t(l, k),
                        }
                        .as_str(),
                    );
            }
            // External figures on their own axis, dashed, as on the page.
            let first_external = (table.header.len() - d.external.len()) as u16;
            for (i, e) in d.external.iter().enumerate() {
                let col = first_external + i as u16;
                chart
                    .add_series()
                    .set_categories((name.as_str(), 1, 0, last, 0))
                    .set_values((name.as_str(), 1, col, last, col))
                    .set_name(e.label.as_str())
                    .set_format(ChartLine::new().set_dash_type(ChartLineDashType::Dash))
                    .set_secondary_axis(true);
            }
            if l.dir() == "rtl" {
                chart.x_axis().set_reverse();
            }
            ws.insert_chart(1, table.header.len() as u16 + 1, &chart)?;
        }
        if matches!(table.key, "sheet-services" | "sheet-sites") && !table.rows.is_empty() {
            let last = table.rows.len() as u32;
            let mut chart = Chart::new(ChartType::Bar);
            chart
                .title()
                .set_name(&i18n::t(l, &format!("metric-{}", d.metric.as_str())));
            chart
                .add_series()
                .set_categories((name.as_str(), 1, 1, last, 1))
                .set_values((name.as_str(), 1, 2, last, 2));
            chart.legend().set_hidden();
            ws.insert_chart(1, table.header.len() as u16 + 1, &chart)?;
        }
    }
    wb.save_to_buffer()
}

/// A report's rows as one table: its groups, then each metric's figure, interval and
/// number of answers.
pub fn report_table(r: &Report, l: Locale) -> Table {
    let mut header: Vec<String> = r
        .spec
        .group
        .iter()
        .map(|g| t(l, &format!("dim-{}", g.as_str())))
        .collect();
    for m in &r.spec.metrics {
        header.push(t(l, &format!("metric-{}", m.as_str())));
        header.push(t(l, "col-low"));
        header.push(t(l, "col-high"));
        header.push(t(l, m.n_key()));
    }
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let mut cells: Vec<Cell> = row.labels.iter().map(|s| Cell::Text(s.clone())).collect();
            for (m, f) in r.spec.metrics.iter().zip(&row.figures) {
                if f.withheld {
                    cells.extend([Cell::Text(t(l, "xlsx-withheld")), Cell::Empty, Cell::Empty]);
                } else {
                    cells.extend(estimate_cells(f.estimate, m.unit()));
                }
                cells.push(Cell::Number(f.n as f64, NumberKind::Count));
            }
            cells
        })
        .collect();
    Table {
        key: "sheet-report",
        header,
        rows,
    }
}

/// A report as an `.xlsx` file: its table and, unless it is a table only, a native chart
/// of its first metric.
pub fn report_xlsx(r: &Report, name: &str, l: Locale) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let table = report_table(r, l);
    let mut wb = Workbook::new();
    let sheet = sheet_name(name);
    let sheet = if sheet.trim().is_empty() {
        t(l, "sheet-report")
    } else {
        sheet
    };
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    if l.dir() == "rtl" {
        ws.set_right_to_left(true);
    }
    write_table(ws, &table, &formats)?;
    let groups = r.spec.group.len() as u16;
    if r.spec.chart != ChartKind::Table && !table.rows.is_empty() && groups > 0 {
        let last = table.rows.len() as u32;
        let mut chart = Chart::new(match r.spec.chart {
            ChartKind::Line => ChartType::Line,
            _ => ChartType::Column,
        });
        let metric = t(l, &format!("metric-{}", r.spec.metrics[0].as_str()));
        chart.title().set_name(&metric);
        chart
            .add_series()
            .set_name(metric.as_str())
            .set_categories((sheet.as_str(), 1, groups - 1, last, groups - 1))
            .set_values((sheet.as_str(), 1, groups, last, groups));
        chart.legend().set_hidden();
        if l.dir() == "rtl" {
            chart.x_axis().set_reverse();
        }
        ws.insert_chart(1, table.header.len() as u16 + 1, &chart)?;
    }
    wb.save_to_buffer()
}

/// A cell of a CSV file, safe to open in a spreadsheet: text that a spreadsheet would take
/// for a formula gets a leading apostrophe.
pub(crate) fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// One table as CSV: UTF-8 with a byte-order mark, so that spreadsheets read the
/// Arabic and Latvian letters right.
pub fn csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    out += &line(table.header.iter().map(|h| csv_field(h)).collect());
    for row in &table.rows {
        out += &line(
            row.iter()
                .map(|c| match c {
                    Cell::Number(v, NumberKind::Count) => format!("{v:.0}"),
                    Cell::Number(v, NumberKind::Mean) => format!("{v:.2}"),
                    Cell::Number(v, NumberKind::P) => format!("{v:.4}"),
                    Cell::Number(v, NumberKind::Figure) => format!("{v:.1}"),
                    Cell::Text(s) => csv_field(s),
                    Cell::Empty => String::new(),
                })
                .collect(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_start_a_formula() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("ok, fine"), "\"ok, fine\"");
        assert_eq!(csv_field("شكرا"), "شكرا");
        assert_eq!(sheet_name("a/b:c[d]*?e\\f"), "abcdef");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
