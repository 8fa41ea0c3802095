//! The demo's comments: what customers of a Latvian bank write, in the language they
//! answered in (Latvian, English, Arabic; some in Arabizi), about the themes their score
//! suggests — complaints under low scores, praise under high ones, now and then both
//! with a "but". The story they tell: waiting is the first complaint everywhere and at the
//! busiest branch; at Jūrmala it rose in the last weeks (one window closed for the
//! season); the weak employee draws courtesy complaints.

use rand::{Rng, rngs::StdRng};

use super::history::pick_weighted;

/// (theme, complaints, praise) in one language.
type Cell = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const LV: [Cell; 10] = [
    (
        "waiting",
        &[
            "Gaidīju rindā {m} minūtes.",
            "Rinda bija pārāk gara, strādāja tikai viens lodziņš.",
            "Pārāk ilgi jāgaida, katru reizi tas pats.",
        ],
        &[
            "Apkalpoja uzreiz, bez rindas.",
            "Viss notika ātri.",
            "Gaidīju tikai pāris minūtes.",
        ],
    ),
    (
        "courtesy",
        &[
            "Darbiniece bija nelaipna un pat nepasveicināja.",
            "Attieksme pret klientiem ir šausmīga.",
            "Runāja ar mani augstprātīgi.",
        ],
        &[
            "Ļoti laipna darbiniece, paldies!",
            "Sirsnīga un pieklājīga apkalpošana.",
            "Darbinieks bija ļoti pacietīgs.",
        ],
    ),
    (
        "competence",
        &[
            "Darbinieks nevarēja atbildēt uz jautājumiem par kredītu.",
            "Kļūda līgumā, nācās visu pārtaisīt.",
            "Neviens nezināja, kā palīdzēt.",
        ],
        &[
            "Konsultante lieliski pārzina produktus.",
            "Atrisināja manu problēmu pirmajā reizē.",
            "Profesionāls un zinošs darbinieks.",
        ],
    ),
    (
        "information",
        &[
            "Neviens nepaskaidroja komisijas.",
            "Saņēmu trīs dažādas atbildes.",
            "Solīja atzvanīt, bet neatzvanīja.",
        ],
        &[
            "Visu skaidri izskaidroja.",
            "Atzvanīja, kā solīja.",
            "Saprotami paskaidroja kredīta nosacījumus.",
        ],
    ),
    (
        "process",
        &[
            "Nesapratu, kāpēc vajag tik daudz dokumentu.",
            "Nācās nākt otrreiz parakstīt vienu papīru.",
            "Pārāk daudz birokrātijas.",
        ],
        &[
            "Viss nokārtots vienā apmeklējumā.",
            "Vienkārša procedūra, maz papīru.",
        ],
    ),
    (
        "digital",
        &[
            "Internetbanka nestrādāja, nācās nākt uz filiāli.",
            "Bankomāts nepieņēma manu karti.",
            "Lietotne visu laiku uzkaras.",
        ],
        &[
            "Jaunā lietotne ir ļoti ērta.",
            "Talonu automāts ātri izdeva numuru.",
        ],
    ),
    (
        "price",
        &["Pārāk dārgas komisijas.", "Atkal pacēla maksu par kontu."],
        &["Saprātīgas cenas."],
    ),
    (
        "comfort",
        &[
            "Gaidīšanas zālē nav kur apsēsties.",
            "Iekšā bija ļoti karsts.",
        ],
        &["Ērti krēsli un kafija, kamēr gaidīju."],
    ),
    (
        "cleanliness",
        &["Tualete bija netīra."],
        &["Viss tīrs un kārtīgs."],
    ),
    (
        "accessibility",
        &[
            "Pie filiāles nav stāvvietu.",
            "Sestdienās slēgts, strādājošiem neērti.",
        ],
        &["Ērti, ka strādājat līdz vakaram."],
    ),
];

const EN: [Cell; 10] = [
    (
        "waiting",
        &[
            "Waited {m} minutes in the queue.",
            "The queue was far too long, only one window open.",
            "Too slow, every time the same wait.",
        ],
        &[
            "Served straight away, no queue.",
            "Quick and easy.",
            "Only a couple of minutes wait, great.",
        ],
    ),
    (
        "courtesy",
        &[
            "The lady at the desk was rude and didn't even say hello.",
            "Unfriendly staff, felt ignored.",
            "Very condescending attitude.",
        ],
        &[
            "Very friendly staff, thank you!",
            "Polite and warm, a pleasure.",
            "The employee was so patient with me.",
        ],
    ),
    (
        "competence",
        &[
            "Nobody could answer my questions about the loan.",
            "They made a mistake in my contract.",
            "The employee had no idea how to help.",
        ],
        &[
            "Great advice on my mortgage.",
            "Solved my problem on the first visit.",
            "Very knowledgeable and professional.",
        ],
    ),
    (
        "information",
        &[
            "Nobody explained the fees.",
            "Got three different answers from three people.",
            "Promised to call back, never did.",
        ],
        &[
            "Everything was explained clearly.",
            "They called me back as promised.",
        ],
    ),
    (
        "process",
        &[
            "The loan paperwork took far too long.",
            "Had to come back a second time for one signature.",
            "Too much paperwork.",
        ],
        &[
            "All done in one visit.",
            "Simple procedure, very little paperwork.",
        ],
    ),
    (
        "digital",
        &[
            "Terminal did not accept my card.",
            "Online banking was down, had to come in.",
            "The app keeps crashing.",
        ],
        &[
            "The new app is really handy.",
            "The ticket machine works well.",
        ],
    ),
    (
        "price",
        &["Fees are too high.", "They raised the account fee again."],
        &["Reasonable prices."],
    ),
    (
        "comfort",
        &["Nowhere to sit in the waiting area.", "Way too hot inside."],
        &["Comfortable chairs and coffee while waiting."],
    ),
    (
        "cleanliness",
        &["The toilet was dirty."],
        &["Clean and tidy branch."],
    ),
    (
        "accessibility",
        &[
            "No parking near the branch.",
            "Closed on Saturdays, hard for working people.",
        ],
        &["Convenient that you are open late."],
    ),
];

const AR: [Cell; 10] = [
    (
        "waiting",
        &[
            "انتظرت {m} دقيقة في الطابور.",
            "الطابور طويل جدًا وشباك واحد بس شغال.",
            "el entithar 6awel kteer",
        ],
        &[
            "خدموني على طول بدون انتظار.",
            "سريع ومنظم.",
            "ما انتظرت أبدًا، ممتاز.",
        ],
    ),
    (
        "courtesy",
        &[
            "الموظفة ما كانت محترمة وما ردت السلام.",
            "تعامل الموظف سيء جدًا.",
            "el mwazaf 2aleel adab",
        ],
        &[
            "الموظفة لطيفة جدًا، شكرًا.",
            "تعامل راقي ومحترم.",
            "الموظف صبور ومتعاون.",
        ],
    ),
    (
        "competence",
        &[
            "محد عرف يجاوب على سؤالي عن القرض.",
            "غلطوا في العقد واضطريت أعيد كل شي.",
            "الموظف ما يعرف شي.",
        ],
        &[
            "نصيحة ممتازة عن التمويل.",
            "حلوا مشكلتي من أول زيارة.",
            "موظف فاهم ومحترف.",
        ],
    ),
    (
        "information",
        &[
            "انتظرت طويلاً ولم يشرح لي أحد الرسوم.",
            "كل موظف قال لي كلام غير الثاني.",
            "قالوا بيتصلون وما اتصلوا.",
        ],
        &["شرحوا لي كل شي بوضوح.", "اتصلوا علي مثل ما وعدوا."],
    ),
    (
        "process",
        &[
            "أوراق كثير لطلب بسيط.",
            "رجعت مرة ثانية عشان توقيع واحد.",
            "إجراءات معقدة مرة.",
        ],
        &["خلصت المعاملة في زيارة وحدة.", "إجراءات سهلة."],
    ),
    (
        "digital",
        &[
            "الصراف ما قبل البطاقة.",
            "التطبيق يعلق كل شوي.",
            "el app mo shaghal",
        ],
        &["التطبيق الجديد سهل ومفيد.", "جهاز الأرقام سريع."],
    ),
    (
        "price",
        &["الرسوم عالية مرة.", "زادوا رسوم الحساب مرة ثانية."],
        &["الأسعار معقولة."],
    ),
    (
        "comfort",
        &["ما في كراسي في صالة الانتظار.", "المكان حر والمكيف خربان."],
        &["الكراسي مريحة وفي قهوة."],
    ),
    ("cleanliness", &["الحمام وسخ."], &["الفرع نظيف ومرتب."]),
    (
        "accessibility",
        &["ما في مواقف جنب الفرع.", "مسكرين يوم السبت."],
        &["حلو إنكم فاتحين لين المسا."],
    ),
];

/// How often each theme is complained about, and praised (the order of the tables).
const COMPLAINED: [f64; 10] = [5.0, 2.0, 2.0, 1.5, 1.5, 1.2, 0.8, 0.6, 0.3, 0.6];
const PRAISED: [f64; 10] = [2.5, 4.0, 2.0, 1.0, 0.8, 0.6, 0.2, 0.3, 0.3, 0.3];

/// Where and when a comment is left: tells which themes are likely.
pub(super) struct Context {
    pub score: i16,
    pub lang: &'static str,
    /// The busiest branch (waiting complaints are more common).
    pub busiest: bool,
    /// Jūrmala in the last weeks: the season's second window closed.
    pub jurmala_recent: bool,
    /// The employee customers find unfriendly.
    pub weak_employee: bool,
}

fn one(rng: &mut StdRng, list: &[&str]) -> String {
    let s = list[rng.random_range(0..list.len())];
    s.replace("{m}", &(20 + 5 * rng.random_range(0..9)).to_string())
}

/// A comment for this visit, or none (most customers write nothing).
pub(super) fn comment(rng: &mut StdRng, c: &Context) -> Option<String> {
    let chance = match c.score {
        1 | 2 => 0.45,
        3 => 0.12,
        4 => 0.06,
        _ => 0.05,
    };
    if rng.random::<f64>() >= chance {
        return None;
    }
    let table: &[Cell; 10] = match c.lang {
        "en" => &EN,
        "ar" => &AR,
        _ => &LV,
    };
    let mut complained = COMPLAINED;
    if c.busiest {
        complained[0] *= 1.6;
    }
    if c.jurmala_recent {
        complained[0] *= 4.0;
    }
    if c.weak_employee {
        complained[1] *= 3.0;
    }
    let complaint = |rng: &mut StdRng| {
        let k = pick_weighted(rng, &complained);
        one(rng, table[k].1)
    };
    let praise = |rng: &mut StdRng| {
        let k = pick_weighted(rng, &PRAISED);
        one(rng, table[k].2)
    };
    let but = match c.lang {
        "en" => " But ",
        "ar" => " بس ",
        _ => " Bet ",
    };
    Some(match c.score {
        1 | 2 if rng.random::<f64>() < 0.25 => {
            let first = complaint(rng);
            let second = complaint(rng);
            if second == first {
                first
            } else {
                format!("{first} {second}")
            }
        }
        1 | 2 => complaint(rng),
        3 => format!("{}{but}{}", praise(rng), lower(&complaint(rng))),
        _ if rng.random::<f64>() < 0.15 => {
            format!("{}{but}{}", praise(rng), lower(&complaint(rng)))
        }
        _ => praise(rng),
    })
}

/// The sentence after "but" starts in lower case (Latin letters only).
fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_uppercase() || "ĀČĒĢĪĶĻŅŠŪŽ".contains(f) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rida_domain::text::{Analyser, Sentiment};

    /// The demo's comments read as what they were written to say: low scores mostly
    /// negative with a theme, and at Jūrmala in the last weeks mostly about waiting.
    #[test]
    fn the_demo_s_comments_read_as_written() {
        let reader = Analyser::default();
        let mut rng = StdRng::seed_from_u64(7);
        let (mut negative, mut themed, mut n) = (0, 0, 0);
        let mut waiting = 0;
        for i in 0..3000 {
            let c = Context {
                score: 1,
                lang: ["lv", "en", "ar"][i % 3],
                busiest: false,
                jurmala_recent: true,
                weak_employee: false,
            };
            let Some(text) = comment(&mut rng, &c) else {
                continue;
            };
            let a = reader.analyse(&text);
            n += 1;
            negative += usize::from(a.sentiment == Sentiment::Negative);
            themed += usize::from(!a.themes.is_empty());
            waiting += usize::from(a.themes.iter().any(|t| t.theme == "waiting"));
        }
        assert!(negative * 100 / n >= 85, "{negative} of {n} negative");
        assert!(themed * 100 / n >= 95, "{themed} of {n} with a theme");
        assert!(waiting * 100 / n >= 45, "{waiting} of {n} about waiting");
    }
}
