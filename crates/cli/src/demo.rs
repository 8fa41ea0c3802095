//! The demo organisation: a Latvian bank with 3 regions, 8 branches, 6 services,
//! 40 employees, a user for every role, and about 200,000 answers over the last
//! 12 months with patterns worth discovering:
//! - Loans are rated lower at every branch (a weak service);
//! - one employee is good at everything but mortgages;
//! - the Liepāja branch improves steadily over the year;
//! - at Jūrmala, customers answering in English are less satisfied than the others;
//! - weekdays are busy, Saturdays quieter, Sundays closed; mornings and late
//!   afternoons peak.
//!
//! Answers go in through the same storage path as real ones.

use indicatif::{ProgressBar, ProgressStyle};
use jiff::{Timestamp, ToSpan, tz::TimeZone};
use rand::{Rng, SeedableRng, rngs::StdRng};
use rida_domain::{
    Answer, Channel, Locale, Role,
    terminal::{Kind, Mode},
    time,
};
use rida_server::auth;
use rida_store::{
    By, EmployeeInput, NewRating, NewVisit, SiteInput, Store, TerminalInput, UserInput,
};
use uuid::Uuid;

/// The demo accounts and their passwords (a demo is for looking around, not for secrets).
pub const DEMO_USERS: [(&str, &str, Role); 5] = [
    ("head", "demo-head-pass", Role::Head),
    ("manager", "demo-manager-pass", Role::Manager),
    ("supervisor", "demo-supervisor-pass", Role::Supervisor),
    ("analyst", "demo-analyst-pass", Role::Analyst),
    ("employee", "demo-employee-pass", Role::Employee),
];

/// How many answers the demo creates unless told otherwise.
pub const DEFAULT_ANSWERS: usize = 200_000;
const BATCH: usize = 1_000;
/// The demo organisation's counter survey (smiley, reasons and comment after a low
/// score, NPS, effort), in the JSON a survey version is stored as.
mod callback;
mod comments;
mod extras;
mod history;
mod pulse;
pub mod terminals;

use history::insert_answers;

const COUNTER_SURVEY: &str = include_str!("demo/counter_survey.json");
/// The areas asked after some visits on the web (satisfaction by area).
const AFTER_VISIT_SURVEY: &str = include_str!("demo/after_visit_survey.json");
/// The reasons' keys of the counter survey, in order.
/// (name, code, target wait and time with the customer in minutes)
const SERVICES: [(&str, &str, i32, i32); 6] = [
    ("Everyday accounts", "ACC", 5, 10),
    ("Cards", "CRD", 5, 8),
    ("Loans", "LN", 10, 25),
    ("Mortgages", "MTG", 15, 40),
    ("Payments and cash", "PAY", 3, 5),
    ("Business banking", "BIZ", 10, 30),
];

/// The services' names in Arabic and Latvian, in the order of [`SERVICES`].
const SERVICE_NAMES: [(&str, &str); 6] = [
    ("الحسابات اليومية", "Ikdienas konti"),
    ("البطاقات", "Kartes"),
    ("القروض", "Kredīti"),
    ("الرهن العقاري", "Hipotekārie kredīti"),
    ("المدفوعات والنقد", "Maksājumi un skaidra nauda"),
    ("الخدمات المصرفية للأعمال", "Biznesa pakalpojumi"),
];

/// A name's Arabic and Latvian spellings.
fn ar_lv(ar: &str, lv: &str) -> rida_domain::names::LocalNames {
    use rida_domain::Locale;
    [(Locale::Ar, ar.to_string()), (Locale::Lv, lv.to_string())]
        .into_iter()
        .filter(|(_, n)| !n.is_empty())
        .collect()
}

/// The demo organisation's time zone.
const TIME_ZONE: &str = "Europe/Riga";

const REASONS: [&str; 4] = ["wait", "staff", "unresolved", "premises"];

/// Says how the history goes, on standard error; a closed stream is no reason to stop.
fn tell(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The demo's history still to write, once the organisation exists.
pub struct Fill {
    world: World,
    answers: usize,
    low_rule: Option<Uuid>,
}

impl Fill {
    /// Writes the year of answers (and the alerts they raise) through `store`, reporting
    /// progress to the pages and on the terminal: a bar, or a line every tenth when not a
    /// terminal.
    pub async fn run(
        self,
        store: &Store,
        key: &rida_server::contact::ContactKey,
    ) -> anyhow::Result<()> {
        let by = By::system("demo");
        insert_answers(store, &self.world, self.answers).await?;
        callback::seed(store, &self.world, key).await?;
        if let Some(rule) = self.low_rule {
            extras::seed_alerts(store, self.world.org, rule, &by).await?;
        }
        pulse::history(store, &self.world, TIME_ZONE, &by).await?;
        rida_server::demo_fill::set(0, 0);
        tell("  demo: the history is complete");
        Ok(())
    }
}

/// Creates the demo organisation when the database is empty (in seconds: its sites,
/// people, surveys and terminals) and prints the accounts; returns the history still to
/// write, for the caller to run while Rida already serves.
pub async fn ensure(store: &Store, answers: usize) -> anyhow::Result<Option<Fill>> {
    let fill = if store.first_organisation().await?.is_none() {
        let (world, low_rule) = create(store).await?;
        rida_server::demo_fill::set(0, answers as u64);
        Some(Fill {
            world,
            answers,
            low_rule,
        })
    } else {
        None
    };
    eprintln!("\n  Demo accounts (username / password):");
    for (u, p, r) in DEMO_USERS {
        eprintln!("    {u:<11} {p:<22} {r}");
    }
    if fill.is_some() {
        eprintln!(
            "\n  Rida serves now; the demo's {answers} answers over the last year are written \
             meanwhile (a minute or two), and the pages fill as they come."
        );
    }
    Ok(fill)
}

struct World {
    org: Uuid,
    sites: Vec<(Uuid, &'static str, f64)>,
    services: Vec<(Uuid, &'static str)>,
    /// (employee, sites they work at)
    employees: Vec<(Uuid, Vec<usize>)>,
    #[allow(dead_code)]
    survey: Uuid,
    csat: Uuid,
    reasons: Uuid,
    purpose: Uuid,
    /// Waiting time, staff courtesy, accuracy.
    areas: [Uuid; 3],
    /// "May we contact you?" of the survey after visits.
    contact: Uuid,
    /// The SERVQUAL statements: (question, dimension, side).
    servqual: Vec<(
        Uuid,
        rida_domain::survey::Area,
        rida_domain::survey::ServqualSide,
    )>,
    nps: Uuid,
    ces: Uuid,
    comment: Uuid,
}

async fn create(store: &Store) -> anyhow::Result<(World, Option<Uuid>)> {
    let by = By::system("demo");
    let org = store
        .create_organisation("Dzintars Bank", "en", TIME_ZONE)
        .await?;
    // Its queue system sends Latvian numbers without the country code.
    let settings = rida_store::OrgSettings {
        phone_region: Some("LV".into()),
        ..store.organisation(org).await?.settings()
    };
    store.update_organisation(org, &settings, &by).await?;
    // A bank: its comments are read for the themes a bank starts with.
    let kind = rida_domain::text::OrgKind::Bank;
    let themes = store.themes(org).await?;
    store
        .save_themes(
            org,
            themes.version,
            kind,
            &rida_store::starting_themes(kind),
            &by,
        )
        .await?;
    let mut regions = Vec::new();
    for (r, ar) in [
        ("Rīga", "ريغا"),
        ("Kurzeme", "كورزيمه"),
        ("Vidzeme", "فيدزيمه"),
    ] {
        regions.push(
            store
                .create_region(org, rida_domain::new_id(), r, &ar_lv(ar, ""), &by)
                .await?,
        );
    }
    let mut services = Vec::new();
    for ((name, code, wait, handle), (ar, lv)) in SERVICES.into_iter().zip(SERVICE_NAMES) {
        let input = rida_store::ServiceInput {
            name: name.into(),
            names: ar_lv(ar, lv),
            code: Some(code.into()),
            target_wait_s: Some(wait * 60),
            target_handle_s: Some(handle * 60),
        };
        services.push((
            store
                .create_service(org, rida_domain::new_id(), &input, &by)
                .await?,
            name,
        ));
    }
    let all_services: Vec<Uuid> = services.iter().map(|s| s.0).collect();
    // (name, its Arabic spelling, region, address, relative traffic)
    let branches: [(&str, &str, usize, &str, f64); 8] = [
        (
            "Rīga Centrs",
            "ريغا - المركز",
            0,
            "Brīvības iela 21, Rīga",
            1.6,
        ),
        (
            "Rīga Pārdaugava",
            "ريغا - بارداوغافا",
            0,
            "Kalnciema iela 40, Rīga",
            1.2,
        ),
        (
            "Rīga Purvciems",
            "ريغا - بورفتسييمس",
            0,
            "Dzelzavas iela 74, Rīga",
            1.0,
        ),
        ("Jūrmala", "يورمالا", 0, "Jomas iela 33, Jūrmala", 0.7),
        ("Liepāja", "ليبايا", 1, "Lielā iela 8, Liepāja", 0.9),
        (
            "Ventspils",
            "فنتسبيلس",
            1,
            "Kuldīgas iela 12, Ventspils",
            0.6,
        ),
        ("Valmiera", "فالميرا", 2, "Rīgas iela 25, Valmiera", 0.7),
        ("Cēsis", "تسيسيس", 2, "Raunas iela 4, Cēsis", 0.5),
    ];
    let mut sites = Vec::new();
    for (name, ar, region, address, traffic) in branches {
        let input = SiteInput {
            region_id: regions[region],
            name: name.into(),
            names: ar_lv(ar, ""),
            address: Some(address.into()),
            time_zone: None,
            opening_hours: Some("mon-fri 09:00-18:00, sat 10:00-15:00".into()),
            service_ids: all_services.clone(),
        };
        sites.push((
            store
                .create_site(org, rida_domain::new_id(), &input, &by)
                .await?,
            name,
            traffic,
        ));
    }
    let first = [
        "Anna",
        "Jānis",
        "Līga",
        "Andris",
        "Ilze",
        "Māris",
        "Inese",
        "Edgars",
        "Kristīne",
        "Roberts",
        "Dace",
        "Artūrs",
        "Laura",
        "Pēteris",
        "Sanita",
        "Kaspars",
        "Elīna",
        "Raimonds",
        "Zane",
        "Aigars",
    ];
    // Latvian surnames agree with gender: (feminine, masculine). First names alternate.
    let last = [
        ("Bērziņa", "Bērziņš"),
        ("Kalniņa", "Kalniņš"),
        ("Ozola", "Ozols"),
        ("Liepiņa", "Liepiņš"),
        ("Krūmiņa", "Krūmiņš"),
        ("Vītola", "Vītols"),
        ("Zariņa", "Zariņš"),
        ("Eglīte", "Eglītis"),
        ("Jansone", "Jansons"),
        ("Balode", "Balodis"),
    ];
    let mut employees = Vec::new();
    for i in 0..40 {
        let site = i % sites.len();
        let (feminine, masculine) = last[(i * 7 + i / 10) % last.len()];
        let surname = if (i % first.len()).is_multiple_of(2) {
            feminine
        } else {
            masculine
        };
        let name = format!("{} {surname}", first[i % first.len()]);
        let input = EmployeeInput {
            name,
            desk: Some(format!("{}", i / sites.len() + 1)),
            external_id: Some(format!("E{:03}", i + 1)),
            site_ids: vec![sites[site].0],
        };
        employees.push((
            store
                .create_employee(org, rida_domain::new_id(), &input, &by)
                .await?,
            vec![site],
        ));
    }
    // The counter survey every demo terminal shows.
    let def: rida_domain::SurveyDef = serde_json::from_str(COUNTER_SURVEY)?;
    let survey = store
        .create_survey(
            org,
            rida_domain::new_id(),
            "Counter survey",
            &ar_lv("استبيان الشباك", "Aptauja pie letes"),
            &def,
            &by,
        )
        .await?;
    let def = store.survey(org, survey).await?.def;
    let id_of = |key: &str| def.question(key).map(|q| q.id).unwrap_or_default();
    // The web survey after a visit (areas), and a SERVQUAL survey from its template.
    let after: rida_domain::SurveyDef = serde_json::from_str(AFTER_VISIT_SURVEY)?;
    let after = store
        .create_survey(
            org,
            rida_domain::new_id(),
            "After the visit (web)",
            &ar_lv("بعد الزيارة (الويب)", "Pēc apmeklējuma (tīmeklī)"),
            &after,
            &by,
        )
        .await?;
    let after = store.survey(org, after).await?.def;
    let servqual = store
        .create_survey(
            org,
            rida_domain::new_id(),
            "Service quality (SERVQUAL)",
            &ar_lv("جودة الخدمة (SERVQUAL)", "Pakalpojuma kvalitāte (SERVQUAL)"),
            &rida_server::web::survey_start("servqual"),
            &by,
        )
        .await?;
    let servqual = store.survey(org, servqual).await?.def;
    // Demo accounts: the manager runs Rīga; the employee account is the first employee.
    for (username, password, role) in DEMO_USERS {
        let input = UserInput {
            username: username.into(),
            display_name: match role {
                Role::Head => "Ilze Kalniņa".into(),
                Role::Manager => "Māris Ozols".into(),
                Role::Supervisor => "Artūrs Liepa".into(),
                Role::Analyst => "Laura Vītola".into(),
                Role::Employee => "Anna Bērziņa".into(),
            },
            role,
            employee_id: (role == Role::Employee).then_some(employees[0].0),
            region_ids: if role.is_scoped() {
                vec![regions[0]]
            } else {
                vec![]
            },
            site_ids: vec![],
            // The head and the manager receive the monthly report (each what they may see).
            email: matches!(role, Role::Head | Role::Manager)
                .then(|| format!("{username}@demo.rida.example")),
            monthly_report: matches!(role, Role::Head | Role::Manager),
        };
        let hash = auth::hash_password(password.to_string()).await?;
        store
            .create_user(org, rida_domain::new_id(), &input, &hash, &by)
            .await?;
    }
    // Each branch: a main terminal at the entrance, a terminal at the first employee's
    // desk, and that desk's station screen.
    for (site_ix, (site, site_name, _)) in sites.iter().enumerate() {
        let desk = employees
            .iter()
            .find(|(_, at)| at.contains(&site_ix))
            .map(|(e, _)| *e);
        for (name, kind, employee) in [
            (format!("{site_name} · entrance"), Kind::Kiosk, None),
            (format!("{site_name} · desk 1"), Kind::Kiosk, desk),
            (format!("{site_name} · desk 1 station"), Kind::Station, desk),
        ] {
            let input = TerminalInput {
                name,
                site_id: *site,
                mode: Mode::Multi,
                kind,
                service_id: None,
                employee_id: employee,
                // A station asks for ratings; it shows no survey itself.
                survey_id: (kind == Kind::Kiosk).then_some(survey),
                locales: vec![Locale::Lv, Locale::En, Locale::Ar],
                show_staff: false,
            };
            store
                .create_terminal(org, rida_domain::new_id(), &input, &by)
                .await?;
        }
    }
    let world = World {
        org,
        sites,
        services,
        employees,
        survey,
        csat: id_of("csat"),
        reasons: id_of("reasons"),
        purpose: id_of("purpose"),
        areas: ["waiting", "courtesy", "accuracy"]
            .map(|k| after.question(k).map(|q| q.id).unwrap_or_default()),
        contact: after.question("contact").map(|q| q.id).unwrap_or_default(),
        servqual: servqual
            .questions
            .iter()
            .filter_map(|q| Some((q.id, q.area?, q.servqual?)))
            .collect(),
        nps: id_of("nps"),
        ces: id_of("ces"),
        comment: id_of("comment"),
    };
    extras::insert_external(store, org, &by).await?;
    extras::survey_rule(store, org, survey, world.sites[0].0, &by).await?;
    let low_rule = extras::alert_rules(store, org, &by).await?;
    pulse::plan(store, org, &by).await?;
    Ok((world, low_rule))
}
