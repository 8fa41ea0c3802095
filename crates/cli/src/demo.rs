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
mod extras;

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

const REASONS: [&str; 4] = ["wait", "staff", "unresolved", "premises"];

/// Writes one batch of the history. Rida already serves while it is written, and its
/// jobs write too: on PostgreSQL a transaction may be chosen as a deadlock's victim, so a
/// batch is tried again (answers and visits carry their ids: nothing is stored twice).
async fn write_batch(
    store: &Store,
    org: Uuid,
    ratings: &[NewRating],
    visits: &[NewVisit],
) -> anyhow::Result<()> {
    let mut tries = 0;
    loop {
        let done = async {
            store.insert_ratings(org, ratings).await?;
            store.insert_visits(org, visits).await?;
            Ok::<_, rida_store::StoreError>(())
        }
        .await;
        match done {
            Ok(()) => return Ok(()),
            Err(e) if tries < 8 => {
                tries += 1;
                tell(&format!("  demo: a batch is tried again ({e})"));
                tokio::time::sleep(std::time::Duration::from_millis(200 * tries)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Says how the history goes, on standard error; a closed stream is no reason to stop.
fn tell(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The demo's history still to write, once the organisation exists.
pub struct Fill {
    store: Store,
    world: World,
    answers: usize,
    low_rule: Option<Uuid>,
}

impl Fill {
    /// Writes the year of answers (and the alerts they raise), reporting progress to the
    /// pages and on the terminal: a bar, or a line every tenth when not a terminal.
    pub async fn run(self) -> anyhow::Result<()> {
        let by = By::system("demo");
        insert_answers(&self.store, &self.world, self.answers).await?;
        if let Some(rule) = self.low_rule {
            extras::seed_alerts(&self.store, self.world.org, rule, &by).await?;
        }
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
            store: store.clone(),
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
        .create_organisation("Dzintars Bank", "en", "Europe/Riga")
        .await?;
    // Its queue system sends Latvian numbers without the country code.
    let settings = rida_store::OrgSettings {
        phone_region: Some("LV".into()),
        ..store.organisation(org).await?.settings()
    };
    store.update_organisation(org, &settings, &by).await?;
    let mut regions = Vec::new();
    for r in ["Rīga", "Kurzeme", "Vidzeme"] {
        regions.push(
            store
                .create_region(org, rida_domain::new_id(), r, &by)
                .await?,
        );
    }
    let mut services = Vec::new();
    for (name, code, wait, handle) in SERVICES {
        let input = rida_store::ServiceInput {
            name: name.into(),
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
    // (name, region, address, relative traffic)
    let branches: [(&str, usize, &str, f64); 8] = [
        ("Rīga Centrs", 0, "Brīvības iela 21, Rīga", 1.6),
        ("Rīga Pārdaugava", 0, "Kalnciema iela 40, Rīga", 1.2),
        ("Rīga Purvciems", 0, "Dzelzavas iela 74, Rīga", 1.0),
        ("Jūrmala", 0, "Jomas iela 33, Jūrmala", 0.7),
        ("Liepāja", 1, "Lielā iela 8, Liepāja", 0.9),
        ("Ventspils", 1, "Kuldīgas iela 12, Ventspils", 0.6),
        ("Valmiera", 2, "Rīgas iela 25, Valmiera", 0.7),
        ("Cēsis", 2, "Raunas iela 4, Cēsis", 0.5),
    ];
    let mut sites = Vec::new();
    for (name, region, address, traffic) in branches {
        let input = SiteInput {
            region_id: regions[region],
            name: name.into(),
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
        .create_survey(org, rida_domain::new_id(), "Counter survey", &def, &by)
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
    Ok((world, low_rule))
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.random::<f64>().max(1e-12);
    let u2: f64 = rng.random();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

fn pick_weighted(rng: &mut StdRng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

const COMMENTS_LOW: [&str; 8] = [
    "Rinda bija pārāk gara, gaidīju 40 minūtes.",
    "Darbinieks nevarēja atbildēt uz jautājumiem par kredītu.",
    "The loan paperwork took far too long.",
    "Nobody explained the fees.",
    "Pārāk maz atvērtu lodziņu pusdienlaikā.",
    "انتظرت طويلاً ولم يشرح لي أحد الرسوم.",
    "Terminal did not accept my card.",
    "Nesapratu, kāpēc vajag tik daudz dokumentu.",
];
const COMMENTS_HIGH: [&str; 5] = [
    "Ļoti laipna apkalpošana, paldies!",
    "Quick and friendly, thank you.",
    "Viss ātri un saprotami.",
    "خدمة ممتازة وسريعة، شكرًا.",
    "Great advice on my mortgage.",
];

async fn insert_answers(store: &Store, w: &World, answers: usize) -> anyhow::Result<()> {
    let mut rng = StdRng::seed_from_u64(0x52_49_44_41);
    let tz = TimeZone::get("Europe/Riga").unwrap_or(TimeZone::UTC);
    let now = Timestamp::now();
    let today = now.to_zoned(tz.clone()).date();
    let start = today.checked_sub(365.days())?;
    // Day weights: weekdays busy, Saturday quieter, Sunday closed.
    let days: Vec<(jiff::civil::Date, f64)> = (0..365)
        .filter_map(|d| start.checked_add(d.days()).ok())
        .map(|d| {
            let wgt = match d.weekday() {
                jiff::civil::Weekday::Sunday => 0.0,
                jiff::civil::Weekday::Saturday => 0.45,
                jiff::civil::Weekday::Monday => 1.15,
                _ => 1.0,
            };
            (d, wgt)
        })
        .collect();
    let day_weights: Vec<f64> = days.iter().map(|d| d.1).collect();
    // Opening hours 9–18, peaks late morning and late afternoon.
    let hour_weights = [0.6, 1.2, 1.4, 1.1, 0.9, 0.8, 1.0, 1.3, 1.1];
    let site_weights: Vec<f64> = w.sites.iter().map(|s| s.2).collect();
    let channels = [
        (Channel::Kiosk, 0.55),
        (Channel::Station, 0.15),
        (Channel::Sms, 0.15),
        (Channel::Web, 0.10),
        (Channel::Whatsapp, 0.05),
    ];
    let channel_weights: Vec<f64> = channels.iter().map(|c| c.1).collect();
    let service_weights = [1.4, 1.0, 0.8, 0.5, 1.3, 0.6];
    let weak_employee = 5usize;
    let loans = 2usize;
    let mortgages = 3usize;
    let liepaja = 4usize;

    // A bar on a terminal; otherwise (a log, CI) a line at every tenth.
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(answers as u64)
    } else {
        ProgressBar::hidden()
    };
    let mut tenths_told = 0;
    bar.set_style(
        ProgressStyle::with_template(
            "  demo answers {bar:40.cyan/blue} {pos:>7}/{len:7} {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut batch: Vec<NewRating> = Vec::with_capacity(BATCH + 4);
    let mut visits: Vec<NewVisit> = Vec::with_capacity(BATCH);
    // Customers come back a few times a year: about one customer per three answers.
    let customers = (answers / 3).max(10);
    let mut written = 0usize;
    while written < answers {
        let site_ix = pick_weighted(&mut rng, &site_weights);
        let (site, _, _) = w.sites[site_ix];
        let day_ix = pick_weighted(&mut rng, &day_weights);
        let (date, _) = days[day_ix];
        let hour = 9 + pick_weighted(&mut rng, &hour_weights) as i8;
        let minute = rng.random_range(0..60) as i8;
        let Ok(zoned) = date
            .at(hour, minute, rng.random_range(0..60) as i8, 0)
            .to_zoned(tz.clone())
        else {
            continue;
        };
        let at = zoned.timestamp();
        if at > now {
            continue;
        }
        let service_ix = pick_weighted(&mut rng, &service_weights);
        let staff: Vec<usize> = (0..w.employees.len())
            .filter(|e| w.employees[*e].1.contains(&site_ix))
            .collect();
        let emp_ix = staff[rng.random_range(0..staff.len())];
        let channel = channels[pick_weighted(&mut rng, &channel_weights)].0;

        let progress = day_ix as f64 / days.len() as f64;
        let mut mean = 4.15 + 0.25 * normal(&mut rng) * 0.2;
        if service_ix == loans {
            mean -= 0.7;
        }
        if emp_ix == weak_employee {
            mean += if service_ix == mortgages { -1.6 } else { 0.35 };
        }
        if site_ix == liepaja {
            mean += -0.9 + 1.3 * progress;
        }
        if zoned.weekday() == jiff::civil::Weekday::Friday && hour >= 16 {
            mean -= 0.25;
        }
        // Most answer in Latvian; at the seaside Jūrmala branch many answer in English,
        // and they are less satisfied there (few of its staff speak English).
        let jurmala = site_ix == 3;
        let weights = if jurmala {
            [0.45, 0.45, 0.10]
        } else {
            [0.6, 0.25, 0.15]
        };
        let lang = ["lv", "en", "ar"][pick_weighted(&mut rng, &weights)];
        if lang == "en" && jurmala {
            mean -= 0.6;
        }
        let score = (mean + 0.95 * normal(&mut rng)).round().clamp(1.0, 5.0) as i16;
        let visit = Uuid::now_v7();
        // The visit rated, and the ones around it whose customers did not answer (about
        // 4 in 10 answer; fewer at the busiest branch).
        let response = if site_ix == 0 { 0.3 } else { 0.45 };
        let unanswered = ((1.0 - response) / response * 2.0 * rng.random::<f64>()).round() as usize;
        let ends = time::to_millis(at) - 30_000;
        visits.push(extras::demo_visit(
            &mut rng,
            w,
            visit,
            (site_ix, service_ix, emp_ix),
            ends,
            customers,
        ));
        for _ in 0..unanswered {
            let service_ix = pick_weighted(&mut rng, &service_weights);
            let emp_ix = staff[rng.random_range(0..staff.len())];
            let ends = ends + rng.random_range(-3_600_000..3_600_000);
            visits.push(extras::demo_visit(
                &mut rng,
                w,
                Uuid::now_v7(),
                (site_ix, service_ix, emp_ix),
                ends,
                customers,
            ));
        }
        let local_day = time::local_day(at, &tz);
        let base = |question: Uuid, answer: Answer, offset_s: i64| NewRating {
            id: Uuid::now_v7(),
            answered_at: time::to_millis(at) + offset_s * 1000,
            received_at: time::to_millis(at) + offset_s * 1000 + 800,
            local_day,
            site_id: site,
            service_id: Some(w.services[service_ix].0),
            employee_id: Some(w.employees[emp_ix].0),
            channel,
            question_id: question,
            answer,
            visit_id: Some(visit),
            customer_key: None,
            terminal_id: None,
            lang: Some(lang.into()),
            flags: 0,
        };
        batch.push(base(w.csat, Answer::Score(score), 0));
        if rng.random::<f64>() < 0.35 {
            let nps = ((score as f64 - 1.0) * 2.4 + 0.6 + 1.3 * normal(&mut rng))
                .round()
                .clamp(0.0, 10.0) as i16;
            batch.push(base(w.nps, Answer::Score(nps), 6));
        }
        if rng.random::<f64>() < 0.2 {
            let ces = ((score as f64) * 1.3 + 0.4 + normal(&mut rng))
                .round()
                .clamp(1.0, 7.0) as i16;
            batch.push(base(w.ces, Answer::Score(ces), 11));
        }
        if score <= 2 && rng.random::<f64>() < 0.7 {
            let picks: Vec<&str> = REASONS
                .iter()
                .filter(|_| rng.random::<f64>() < 0.4)
                .copied()
                .collect();
            let picks = if picks.is_empty() {
                vec![REASONS[0]]
            } else {
                picks
            };
            batch.push(base(w.reasons, Answer::Choice(picks.join(",")), 9));
        }
        // Six in ten say what brought them, mostly what the service is for.
        if rng.random::<f64>() < 0.6 {
            const PURPOSES: [&str; 6] = ["account", "card", "loan", "loan", "payment", "advice"];
            let purpose = if rng.random::<f64>() < 0.8 {
                PURPOSES[service_ix]
            } else {
                PURPOSES[rng.random_range(0..PURPOSES.len())]
            };
            batch.push(base(w.purpose, Answer::Choice(purpose.into()), 30));
        }
        // Half the customers answering on the web rate three areas: the wait is worst at
        // the busiest branch, courtesy follows the employee, accuracy is good everywhere.
        if channel == Channel::Web && rng.random::<f64>() < 0.5 {
            let busy = if site_ix == 0 { -0.9 } else { 0.0 };
            let kind = if emp_ix == weak_employee { -0.8 } else { 0.0 };
            for (q, m) in w.areas.iter().zip([3.9 + busy, 4.3 + kind, 4.5]) {
                let s = (m + 0.8 * normal(&mut rng)).round().clamp(1.0, 5.0) as i16;
                batch.push(base(*q, Answer::Score(s), 40));
            }
        }
        // One in forty answers the SERVQUAL statements: high expectations everywhere,
        // perceptions lower, most of all for responsiveness at the busiest branch.
        if rng.random::<f64>() < 0.025 {
            use rida_domain::survey::{Area, ServqualSide};
            for (q, area, side) in &w.servqual {
                let m = match side {
                    ServqualSide::Expectation => 6.3,
                    ServqualSide::Perception => match area {
                        Area::Responsiveness if site_ix == 0 => 4.2,
                        Area::Responsiveness => 5.3,
                        Area::Tangibles => 5.9,
                        Area::Empathy => 5.2,
                        _ => 5.6,
                    },
                };
                let s = (m + 0.9 * normal(&mut rng)).round().clamp(1.0, 7.0) as i16;
                batch.push(base(*q, Answer::Score(s), 60));
            }
        }
        if score <= 2 && rng.random::<f64>() < 0.45 {
            let c = COMMENTS_LOW[rng.random_range(0..COMMENTS_LOW.len())];
            batch.push(base(w.comment, Answer::Text(c.into()), 25));
        } else if score == 5 && rng.random::<f64>() < 0.04 {
            let c = COMMENTS_HIGH[rng.random_range(0..COMMENTS_HIGH.len())];
            batch.push(base(w.comment, Answer::Text(c.into()), 25));
        }
        if batch.len() >= BATCH || written + batch.len() >= answers {
            write_batch(store, w.org, &batch, &visits).await?;
            visits.clear();
            written += batch.len();
            bar.set_position(written.min(answers) as u64);
            rida_server::demo_fill::set(written as u64, answers as u64);
            let tenths = written.min(answers) * 10 / answers.max(1);
            if bar.is_hidden() && tenths > tenths_told {
                tenths_told = tenths;
                tell(&format!(
                    "  demo: {} of {answers} answers written",
                    written.min(answers)
                ));
            }
            batch.clear();
        }
    }
    bar.finish();
    Ok(())
}
