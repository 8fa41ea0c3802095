//! Comments' readings and their theme counts: written with the comments, equal to a
//! recount with the reader at every moment, read again after the themes change (also by
//! two instances at once, each comment counted once), read the first time for comments
//! stored before readings existed, and a visit's score counted whichever came first; on
//! SQLite and PostgreSQL.

mod common;

use std::collections::BTreeMap;

use common::{by, other_instance, rating, world};
use rida_domain::text::{Analyser, OrgKind, Sentiment};
use rida_domain::{Answer, Scale};
use rida_store::{Backend, CommentQuery, OrgTheme, Store, ThemeQuery, both_backends, testing};
use uuid::Uuid;

both_backends! {
    readings_are_counted_with_the_comments_and_read_again_when_themes_change;
    two_instances_reading_again_count_each_comment_once;
    comments_stored_before_readings_are_read_once;
}

const TEXTS: [&str; 10] = [
    "Waited 40 minutes, the staff was friendly but slow",
    "Ļoti laipna darbiniece, paldies!",
    "الموظف مو محترم والانتظار طويل",
    "Nobody explained the fees, too expensive",
    "Toilets were dirty",
    "Viss ātri un saprotami",
    "el app mo shaghal",
    "ok",
    "Mājaslapa nestrādā, nācās nākt uz filiāli",
    "Great advice on my pension",
];

/// (theme → (comments, negative, neutral, positive, csat n, csat satisfied)).
type Figures = BTreeMap<String, [i64; 6]>;

fn recount(reader: &Analyser, comments: &[(String, Option<i16>)]) -> Figures {
    let mut out = Figures::new();
    for (text, csat) in comments {
        let a = reader.analyse(text);
        let keys = std::iter::once(String::new()).chain(a.themes.iter().map(|t| t.theme.clone()));
        for k in keys {
            let f = out.entry(k).or_default();
            f[0] += 1;
            f[1 + (a.sentiment.as_i16() + 1) as usize] += 1;
            if let Some(s) = csat {
                f[4] += 1;
                f[5] += i64::from(*s >= 4);
            }
        }
    }
    out
}

async fn figures(store: &Store, org: Uuid) -> Figures {
    let q = ThemeQuery {
        from_day: 20260901,
        to_day: 20260930,
        ..Default::default()
    };
    store
        .theme_figures(org, &q)
        .await
        .unwrap()
        .into_iter()
        .map(|f| {
            (
                f.theme.clone(),
                [
                    f.n,
                    f.negative,
                    f.neutral,
                    f.positive,
                    f.csat_n,
                    f.csat_satisfied,
                ],
            )
        })
        .collect()
}

/// Stores the comments, each in a visit; every other visit's CSAT score arrives before
/// its comment, the rest after (in a later batch).
async fn store_comments(
    store: &Store,
    w: &common::World,
    text_q: Uuid,
) -> Vec<(String, Option<i16>)> {
    let mut out = Vec::new();
    let mut later = Vec::new();
    for (i, text) in TEXTS.iter().enumerate() {
        let visit = Uuid::now_v7();
        let score = (i % 5 + 1) as i16;
        let mut s = rating(w, score);
        s.visit_id = Some(visit);
        let mut c = rating(w, 1);
        c.question_id = text_q;
        c.answer = Answer::Text(text.to_string());
        c.visit_id = Some(visit);
        if i % 2 == 0 {
            store.insert_ratings(w.org, &[s, c]).await.unwrap();
        } else {
            store.insert_ratings(w.org, &[c]).await.unwrap();
            later.push(s);
        }
        out.push((text.to_string(), Some(score)));
    }
    store.insert_ratings(w.org, &later).await.unwrap();
    out
}

async fn text_question(store: &Store, org: Uuid) -> Uuid {
    store
        .create_question(
            org,
            "comment",
            Scale::Text,
            "site",
            ["Comment", "تعليق", "Komentārs"],
            &by(),
        )
        .await
        .unwrap()
}

async fn readings_are_counted_with_the_comments_and_read_again_when_themes_change(
    backend: Backend,
) {
    let (store, _db) = testing::fresh_store(backend).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    let comments = store_comments(&store, &w, q).await;
    let (v1, reader) = store.reader(w.org).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
    assert!(
        figures(&store, w.org).await[""][4] == 10,
        "every visit's score counted, before or after its comment"
    );

    // Comments narrowed by theme and sentiment come through their readings.
    let found = store
        .comments(
            w.org,
            &CommentQuery {
                from_day: 20260901,
                to_day: 20260930,
                theme: Some("waiting".into()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let want = comments
        .iter()
        .filter(|(t, _)| {
            reader
                .analyse(t)
                .themes
                .iter()
                .any(|x| x.theme == "waiting")
        })
        .count();
    assert_eq!(found.len(), want);
    assert!(found.iter().all(|c| {
        c.reading
            .as_ref()
            .unwrap()
            .themes
            .contains(&"waiting".to_string())
    }));
    let negative = store
        .comments(
            w.org,
            &CommentQuery {
                from_day: 20260901,
                to_day: 20260930,
                sentiment: Some(Sentiment::Negative),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        !negative.is_empty()
            && negative
                .iter()
                .all(|c| c.reading.as_ref().unwrap().sentiment == Sentiment::Negative)
    );

    // The head turns waiting off and makes a theme of the organisation's own.
    let mut themes = store.themes(w.org).await.unwrap().themes;
    themes
        .iter_mut()
        .find(|t| t.key == "waiting")
        .unwrap()
        .enabled = false;
    themes.push(OrgTheme {
        key: "own-pension".into(),
        enabled: true,
        builtin_words: false,
        own_words: vec!["pension*".into()],
        name_ar: None,
        name_en: Some("Pensions".into()),
        name_lv: None,
    });
    let v2 = store
        .save_themes(w.org, v1, OrgKind::Bank, &themes, &by())
        .await
        .unwrap();
    assert_eq!(v2, v1 + 1);
    assert!(
        matches!(
            store
                .save_themes(w.org, v1, OrgKind::Bank, &themes, &by())
                .await,
            Err(rida_store::StoreError::Conflict)
        ),
        "a save over a newer version is refused"
    );
    // Part of the way: figures whole (old and new readings, each comment once).
    store.read_again(w.org, 3).await.unwrap();
    let midway = figures(&store, w.org).await;
    assert_eq!(midway[""][0], 10);
    while store.reading_pending(w.org).await.unwrap() {
        store.read_again(w.org, 3).await.unwrap();
    }
    let (_, reader2) = store.reader(w.org).await.unwrap();
    let now = figures(&store, w.org).await;
    assert_eq!(now, recount(&reader2, &comments));
    assert!(!now.contains_key("waiting"));
    assert_eq!(now["own-pension"][0], 1);
    let p = store.reading_progress(w.org).await.unwrap();
    assert_eq!((p.current, p.left), (10, 0));
}

async fn two_instances_reading_again_count_each_comment_once(backend: Backend) {
    let (store, db) = testing::fresh_store(backend).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    let mut comments = Vec::new();
    for _ in 0..6 {
        comments.extend(store_comments(&store, &w, q).await);
    }
    let (v1, _) = store.reader(w.org).await.unwrap();
    let mut themes = store.themes(w.org).await.unwrap().themes;
    themes
        .iter_mut()
        .for_each(|t| t.own_words = vec!["staff".into(), "darbiniece".into()]);
    store
        .save_themes(w.org, v1, OrgKind::Other, &themes, &by())
        .await
        .unwrap();
    let other = other_instance(&db.url).await;
    let run = |s: Store| async move {
        while s.reading_pending(w.org).await.unwrap() {
            s.read_again(w.org, 7).await.unwrap();
        }
    };
    tokio::join!(run(store.clone()), run(other.clone()));
    let (_, reader) = store.reader(w.org).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
}

async fn comments_stored_before_readings_are_read_once(backend: Backend) {
    let (store, _db) = testing::fresh_store(backend).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    let mut comments = Vec::new();
    for _ in 0..3 {
        comments.extend(store_comments(&store, &w, q).await);
    }
    testing::forget_readings(&store, w.org).await;
    assert!(figures(&store, w.org).await.is_empty());
    assert!(store.reading_pending(w.org).await.unwrap());
    while store.reading_pending(w.org).await.unwrap() {
        store.read_again(w.org, 4).await.unwrap();
    }
    let (_, reader) = store.reader(w.org).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
    // Read again from the start: nothing counted twice.
    store.read_again(w.org, 100).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
}

#[tokio::test]
async fn a_rebuild_counts_themes_again_from_the_readings() {
    let (store, _db) = testing::fresh_store(Backend::Sqlite).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    let comments = store_comments(&store, &w, q).await;
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    let (_, reader) = store.reader(w.org).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
}

both_backends! {
    themes_changed_while_comments_arrive_keep_the_figures_whole;
    a_report_s_comments_per_month_day_and_person_equal_a_recount;
}

/// The head saves new themes while an instance stores comments and another reads the
/// stored ones again: at the end, every comment is counted once with the new themes.
async fn themes_changed_while_comments_arrive_keep_the_figures_whole(backend: Backend) {
    let (store, db) = testing::fresh_store(backend).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    let mut comments = store_comments(&store, &w, q).await;
    let other = other_instance(&db.url).await;
    let (v1, _) = store.reader(w.org).await.unwrap();
    let mut themes = store.themes(w.org).await.unwrap().themes;
    themes
        .iter_mut()
        .find(|t| t.key == "courtesy")
        .unwrap()
        .own_words = vec!["desk".into()];
    let writer = {
        let store = store.clone();
        let w = w.clone();
        async move {
            let mut more = Vec::new();
            for _ in 0..5 {
                more.extend(store_comments(&store, &w, q).await);
                tokio::task::yield_now().await;
            }
            more
        }
    };
    let reader = {
        let other = other.clone();
        let themes = themes.clone();
        async move {
            other
                .save_themes(w.org, v1, OrgKind::Other, &themes, &by())
                .await
                .unwrap();
            for _ in 0..50 {
                if other.reading_pending(w.org).await.unwrap() {
                    other.read_again(w.org, 5).await.unwrap();
                }
                tokio::task::yield_now().await;
            }
        }
    };
    let (more, ()) = tokio::join!(writer, reader);
    comments.extend(more);
    while store.reading_pending(w.org).await.unwrap() {
        store.read_again(w.org, 50).await.unwrap();
    }
    let (_, reader) = store.reader(w.org).await.unwrap();
    assert_eq!(figures(&store, w.org).await, recount(&reader, &comments));
}

/// The comments of a report (`theme_cube`) over a period of edge days and a whole month,
/// per month, per day, per service and per theme: each group equals a recount of its
/// comments with the reader, whatever grain answers it.
async fn a_report_s_comments_per_month_day_and_person_equal_a_recount(backend: Backend) {
    use rida_store::{CubeQuery, Dim, Filter};
    let (store, _db) = testing::fresh_store(backend).await;
    let w = world(&store).await;
    let q = text_question(&store, w.org).await;
    // Ten comments a day from 25 August to 5 October, cycling through the texts; outside
    // the period a day on each side.
    let days: Vec<i32> = (24..=31)
        .map(|d| 20260800 + d)
        .chain((1..=30).map(|d| 20260900 + d))
        .chain((1..=6).map(|d| 20261000 + d))
        .collect();
    let mut stored: Vec<(i32, String)> = Vec::new();
    let mut rows = Vec::new();
    for (i, day) in days.iter().enumerate() {
        let mut c = rating(&w, 1);
        c.question_id = q;
        c.local_day = *day;
        c.answer = Answer::Text(TEXTS[i % TEXTS.len()].to_string());
        rows.push(c);
        stored.push((*day, TEXTS[i % TEXTS.len()].to_string()));
    }
    store.insert_ratings(w.org, &rows).await.unwrap();
    let (_, reader) = store.reader(w.org).await.unwrap();
    let (from, to) = (20260825, 20261005);
    // (group's period or 0, theme) → comments, negative.
    let recount = |period: fn(i32) -> i32| {
        let mut out: BTreeMap<(i32, String), (i64, i64)> = BTreeMap::new();
        for (day, text) in stored.iter().filter(|(d, _)| (from..=to).contains(d)) {
            let a = reader.analyse(text);
            for k in std::iter::once(String::new()).chain(a.themes.iter().map(|t| t.theme.clone()))
            {
                let e = out.entry((period(*day), k)).or_default();
                e.0 += 1;
                e.1 += i64::from(a.sentiment == Sentiment::Negative);
            }
        }
        out
    };
    for (group, period) in [
        (vec![Dim::Month], (|d| d / 100) as fn(i32) -> i32),
        (vec![Dim::Day], |d| d),
        (vec![], |_| 0),
        (vec![Dim::Service, Dim::Month], |d| d / 100),
    ] {
        let cube = CubeQuery {
            from_day: from,
            to_day: to,
            filter: Filter::default(),
            group: group.clone(),
        };
        let got: BTreeMap<(i32, String), (i64, i64)> = store
            .theme_cube(w.org, &cube, None, true)
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                if group.contains(&Dim::Service) {
                    assert_eq!(r.key.service, Some(w.service));
                }
                (
                    (r.key.period.unwrap_or(0), r.key.theme.unwrap()),
                    (r.figure.n, r.figure.negative),
                )
            })
            .collect();
        assert_eq!(got, recount(period), "{group:?}");
    }
    // One theme: its rows and every comment's, nothing else.
    let cube = CubeQuery {
        from_day: from,
        to_day: to,
        filter: Filter::default(),
        group: vec![Dim::Month],
    };
    let got = store
        .theme_cube(w.org, &cube, Some("waiting"), false)
        .await
        .unwrap();
    let want: Vec<_> = recount(|d| d / 100)
        .into_iter()
        .filter(|((_, t), _)| t.is_empty() || t == "waiting")
        .collect();
    assert_eq!(got.len(), want.len());
    // Another site's filter: nothing.
    let cube = CubeQuery {
        filter: Filter {
            sites: Some(vec![Uuid::now_v7()]),
            ..Default::default()
        },
        ..cube
    };
    assert!(
        store
            .theme_cube(w.org, &cube, None, true)
            .await
            .unwrap()
            .is_empty()
    );
}
