# Rida: latviešu ziņojumi. Atslēgas ir tās pašas en, ar un lv failos.

## Shell
nav-label = Galvenā navigācija
nav-overview = Pārskats
nav-organisation = Organizācija
nav-regions = Reģioni
nav-sites = Filiāles
nav-services = Pakalpojumi
nav-employees = Darbinieki
nav-users = Lietotāji
nav-tokens = API atslēgas
nav-audit = Audita žurnāls
language = Valoda
logout = Iziet

## Roles
role-head = Vadītājs
role-manager = Pārvaldnieks
role-supervisor = Uzraugs
role-analyst = Analītiķis
role-employee = Darbinieks
role-head-help = redz un pārvalda visu
role-manager-help = vada savus reģionus un filiāles
role-supervisor-help = uzrauga filiāles un terminālus, rezultātus neredz
role-analyst-help = lasa pārskatus
role-employee-help = lieto tikai savu darba vietu, vērtējumus neredz nekad

## Login
login-title = Pieteikties
login-submit = Pieteikties
login-invalid = Nepareizs lietotājvārds vai parole.
login-wait = Pārāk daudz neveiksmīgu mēģinājumu no šejienes. Mēģiniet vēlreiz pēc { $seconds ->
        [zero] { $seconds } sekundēm
        [one] { $seconds } sekundes
       *[other] { $seconds } sekundēm
    }.
username = Lietotājvārds
username-hint = 3–64 burti, cipari, punkti, domuzīmes vai @. To lieto, lai pieteiktos.
password = Parole

## Common
name = Nosaukums
local-names = Nosaukums katrā valodā (nav obligāts)
local-names-hint = To redz lasītājs šajā valodā; kur lauks ir tukšs, rāda augstāk norādīto nosaukumu.
status = Statuss
actions = Darbības
active = Aktīvs
inactive = Neaktīvs
edit = Labot
save = Saglabāt
cancel = Atcelt
choose = Izvēlieties…
deactivate = Deaktivizēt
reactivate = Aktivizēt no jauna
created = Izveidots
search = Meklēt
search-placeholder = Meklēt pēc nosaukuma…
show-inactive = Rādīt neaktīvos
no-matches = Meklējumam nekas neatbilst
no-matches-help = Ievadiet mazāk burtu vai iekļaujiet neaktīvos ierakstus.
page-prev = ← Iepriekšējā
page-next = Nākamā →
page-of = { $page }. lappuse no { $pages }
list-count = { $count ->
    [zero] { $count } ierakstu
    [one] { $count } ieraksts
   *[other] { $count } ieraksti
}
back-to-overview = Atpakaļ uz pārskatu
sample-size = n = { $n }
points = punkti

## Flash messages
flash-saved = Saglabāts.
flash-activated = Aktivizēts no jauna.
flash-deactivated = Deaktivizēts. Tas paliek iepriekšējos rezultātos, un to var jebkurā brīdī aktivizēt no jauna.
flash-revoked = Atslēga atsaukta. Sistēmas, kas to lieto, no šī brīža tiek atraidītas.
flash-password-changed = Parole nomainīta. Jūsu pārējās sesijas ir slēgtas.

## Field errors
error-required = Obligāts lauks.
error-invalid = Nederīga vērtība.
error-too-long = Pārāk garš: ne vairāk kā { $max ->
        [zero] { $max } rakstzīmju
        [one] { $max } rakstzīme
       *[other] { $max } rakstzīmes
    }.
error-too-short = Pārāk īss: vismaz { $min ->
        [zero] { $min } rakstzīmju
        [one] { $min } rakstzīme
       *[other] { $min } rakstzīmes
    }.
error-name-taken = Šis nosaukums jau tiek lietots.
error-username-taken = Šis lietotājvārds jau ir aizņemts.
error-external-id-taken = Citam darbiniekam jau ir šis ārējais identifikators.
error-time-zone = Izvēlieties laika joslu no saraksta.
error-choose-region = Izvēlieties reģionu.
error-employee-required = Darbinieka kontam jābūt saistītam ar darbinieku.
error-scope-required = Šai lomai izvēlieties vismaz vienu reģionu vai filiāli.
error-own-role = Jūs nevarat sev atņemt vadītāja lomu.
error-wrong-password = Pašreizējā parole nav pareiza.
error-passwords-differ = Abas jaunās paroles atšķiras.
error-logo-missing = Izvēlieties attēla failu.
error-logo-not-image = Šis fails nav PNG, JPEG, WebP vai GIF attēls.
error-logo-too-large = Attēls ir pārāk liels.

## Error pages
error-page-400 = Pieprasījums netika saprasts
error-page-400-help = Atgriezieties, pārbaudiet ievadīto un mēģiniet vēlreiz.
error-page-403 = Jums nav tiesību atvērt šo lapu
error-page-403-help = Jūsu loma to neietver. Ja tas ir vajadzīgs, vērsieties pie organizācijas vadītāja.
error-page-404 = Lapa nav atrasta
error-page-404-help = Iespējams, adrese ir kļūdaina vai ieraksts vairs nepastāv.
error-page-409 = To nevar izdarīt
error-page-409-help = Tas ir pretrunā ar pašreizējo stāvokli, piemēram, ar jūsu paša kontu.
error-page-413 = Pārāk liels
error-page-413-help = Nosūtītais ir lielāks, nekā Rida pieņem.
error-page-429 = Pārāk daudz pieprasījumu
error-page-429-help = Mazliet uzgaidiet un mēģiniet vēlreiz.
error-page-500 = Kaut kas nogāja greizi
error-page-500-help = Problēma ir reģistrēta. Mēģiniet pēc brīža vēlreiz.
error-page-503 = Pašlaik nav pieejams
error-page-503-help = Datubāze šobrīd nevar pieņemt pieprasījumus. Nekas netika saglabāts: pagaidiet dažas sekundes un nosūtiet vēlreiz.
error-page-csrf = Šīs veidlapas derīgums ir beidzies
error-page-csrf-help = Drošības dēļ veidlapa tika noraidīta. Atgriezieties, pārlādējiet lapu un nosūtiet to vēlreiz.

## Overview
getting-started = Darba sākšana
step-region = Pievienojiet reģionu
step-service = Pievienojiet sniegtos pakalpojumus
step-site = Pievienojiet filiāles un birojus
step-employee = Pievienojiet darbiniekus, kas apkalpo klientus
step-token = Izveidojiet API atslēgu rindu sistēmai

## Organisation
org-name = Organizācijas nosaukums
org-default-language = Noklusējuma valoda
time-zone = Laika josla
time-zone-org = Organizācijas laika josla ({ $zone })
hidden-voting = Slēptā balsošana
hidden-voting-help = Pēc noklusējuma rezultātus pa darbiniekiem redz tikai vadītājs. Darbinieki nekad neredz nevienu vērtējumu.
managers-see-employees = Pārvaldnieki drīkst redzēt savu filiāļu rezultātus pa darbiniekiem
analysts-see-employees = Analītiķi drīkst redzēt rezultātus pa darbiniekiem
org-logo = Logotips
org-logo-file = Attēla fails
org-logo-hint = PNG, JPEG, WebP vai GIF, ne vairāk kā { $max } KiB. Tiek rādīts galvenē un terminālos.
org-logo-upload = Augšupielādēt logotipu
org-logo-remove = Noņemt logotipu

## Regions
region = Reģions
region-new = Jauns reģions
region-edit = Labot reģionu
regions-empty = Vēl nav reģionu
regions-empty-help = Reģioni grupē filiāles, piemēram, pa pilsētām. Pievienojiet pirmo, lai sāktu.

## Services
service-new = Jauns pakalpojums
service-edit = Labot pakalpojumu
service-code = Kods
service-code-hint = Neobligāts īss kods, ko lieto rindu sistēma, piemēram, LN.
service-target-wait = Mērķa gaidīšanas laiks (minūtēs)
service-target-wait-hint = No klienta ierašanās (biļetes) līdz apkalpošanas sākumam. Tukšs: bez mērķa.
service-target-handle = Mērķa laiks ar klientu (minūtēs)
service-target-handle-hint = No apkalpošanas sākuma līdz beigām. Tukšs: bez mērķa.
error-target-minutes = Ievadiet minūtes, piemēram, 5 vai 2,5 (ne vairāk kā 720), vai atstājiet tukšu.
services-empty = Vēl nav pakalpojumu
services-empty-help = Pakalpojumi ir tas, pēc kā klienti nāk: konta atvēršana, konsultācija, maksājums.

## Sites
address = Adrese
site-new = Jauna filiāle
site-edit = Labot filiāli
site-services = Šeit sniegtie pakalpojumi
site-no-services = Vēl nav pakalpojumu.
site-needs-region = Filiāle pieder reģionam; vispirms pievienojiet reģionu.
sites-empty = Vēl nav filiāļu
sites-empty-help = Filiāles ir vietas, kur apkalpo klientus: nodaļas, klīnikas, biroji.

## Employees
desk = Darba vieta vai lodziņš
desk-hint = Kur šis darbinieks parasti apkalpo, piemēram, 3 vai B lodziņš.
external-id = Ārējais identifikators
external-id-hint = Darbinieka identifikators rindu sistēmā, lai apmeklējumos to varētu norādīt.
employee-new = Jauns darbinieks
employee-edit = Labot darbinieku
employee-sites = Strādā
employee-hidden-voting = Darbinieki nekad neredz ne savus, ne citu vērtējumus.
employees-empty = Vēl nav darbinieku
employees-empty-help = Pievienojiet cilvēkus, kas apkalpo klientus, lai vērtējumus varētu attiecināt uz viņiem.

## Users
display-name = Vārds, uzvārds
role = Loma
user-new = Jauns lietotājs
user-edit = Labot lietotāju
user-scope = Reģioni un filiāles
user-scope-hint = Pārvaldnieki un uzraugi piekļūst tikai šeit atzīmētajam.
user-employee = Saistītais darbinieks
user-employee-hint = Obligāts darbinieku kontiem: darba vieta, ko viņi lieto.

## API tokens
token-new = Jauna API atslēga
tokens-help = Integrētas sistēmas, piemēram, rindu sistēma, kases sistēma vai CRM, ar atslēgu sūta vērtējumus un apmeklējumus.
token-name = Nosaukums
token-name-hint = Kas to lieto, piemēram, “Rindu sistēma, Rīga”.
token-create = Izveidot atslēgu
token-created = Nokopējiet šo atslēgu tūlīt
token-created-help = Tā tiek parādīta tikai vienreiz. Rida glabā tikai tās nospiedumu.
token-prefix = Sākas ar
token-revoke = Atsaukt
token-revoked = Atsaukta
tokens-empty = Vēl nav API atslēgu
tokens-empty-help = Izveidojiet atslēgu katrai sistēmai, kas sūta datus uz Rida.

## Audit log
audit-when = Kad
audit-who = Kas
audit-what = Ko
audit-detail = Sīkāk
audit-empty = Izmaiņas vēl nav reģistrētas
audit-action-create = Izveidoja
audit-action-update = Mainīja
audit-action-activate = Aktivizēja no jauna
audit-action-deactivate = Deaktivizēja
audit-action-password = Nomainīja paroli
audit-action-revoke = Atsauca
audit-action-login = Pieteicās
audit-action-login_failed = Neveiksmīga pieteikšanās
audit-action-login_throttled = Pieteikšanās palēnināta pēc kļūdām
entity-organisation = organizācija
entity-external_figures = ārējie rādītāji
entity-region = reģions
entity-site = filiāle
entity-service = pakalpojums
entity-employee = darbinieks
entity-user = lietotājs
entity-api_token = API atslēga
entity-question = jautājums
entity-session = sesija

## Account
account-title = Mans konts
password-change = Mainīt paroli
password-current = Pašreizējā parole
password-new = Jaunā parole
password-confirm = Jaunā parole vēlreiz
password-hint = Vismaz { $min ->
        [zero] { $min } rakstzīmju
        [one] { $min } rakstzīme
       *[other] { $min } rakstzīmes
    }. Daži vārdi veido stipru paroli.
password-keep-hint = Atstājiet tukšu, lai paturētu pašreizējo paroli.
password-change-sessions = Paroles maiņa izraksta jūs no visām citām ierīcēm.

## Dates
format-datetime = { $year }. gada { $day }. { $month } { $time }
month-short-1 = janv.
month-short-2 = febr.
month-short-3 = marts
month-short-4 = apr.
month-short-5 = maijs
month-short-6 = jūn.
month-short-7 = jūl.
month-short-8 = aug.
month-short-9 = sept.
month-short-10 = okt.
month-short-11 = nov.
month-short-12 = dec.

## Surveys
nav-surveys = Aptaujas
survey-new = Jauna aptauja
survey-questions = Jautājumi
survey-version = Versija
survey-terminals = Termināļi
surveys-empty = Aptauju vēl nav
surveys-empty-help = Aptauja ir jautājumu kopums, ko uzdod terminālis, SMS vai tīmekļa saite. Sāciet ar “Jauna aptauja”.
survey-start = Sākt ar
survey-start-smiley = Smaidiņu jautājumu ar iemesliem un komentāru pēc zema vērtējuma
survey-start-nps = Ieteikšanas jautājumu (0–10)
survey-start-servqual = SERVQUAL: piecas pakalpojuma kvalitātes dimensijas, katra kā klientu gaidas un uztvere (piekrišana 1–7)
survey-start-empty = Bez jautājumiem
survey-version-n = { $version }. versija
survey-not-saved = Nav saglabāts:
survey-versions-help = Kad aptaujai ir atbildes, izmaiņu saglabāšana izveido jaunu versiju; agrākās atbildes saglabā formulējumu, uz kuru tās tika sniegtas.
survey-empty = Šai aptaujai vēl nav jautājumu
survey-empty-help = Pievienojiet pirmo jautājumu; termināļi tos rāda pa vienam, papildjautājumus tikai tad, kad izpildās to nosacījums.
question-new = Pievienot jautājumu
question-edit = Labot jautājumu
question-type = Veids
question-type-hint = Smaidiņi apmierinātībai (CSAT), 0–10 ieteikšanai (NPS), 1–7 piepūlei (CES).
question-subject = Ko tas vērtē
question-subject-hint = Atbildes atskaitēs tiek rādītas filiālei, pakalpojumam vai darbiniekam.
question-prompt = Jautājums
question-prompt-hint = Uzrakstiet to katrā valodā; tukšas valodas vietā rāda angļu tekstu.
question-choices = Iepriekš noteiktās atbildes
question-choices-hint = Izvēles jautājumiem: viena atbilde rindā, tās vārdi katrā valodā. Atslēga (ja tukša, veidota no angļu vārdiem) atskaitēs tur atbildes kopā: mainot vārdus, saglabājiet to.
survey-long-low = Klients, kurš dod zemāko vērtējumu, redz { $n ->
        [zero] vēl { $n } ekrānus
        [one] vēl { $n } ekrānu
       *[other] vēl { $n } ekrānus
    }: ja vairāk par 3, daudzi aiziet pirms beigām. Zema vērtējuma papildjautājumiem jābūt īsiem.
question-choice-add = Pievienot atbildi
question-choice-key = Atslēga
question-area = Pakalpojuma joma
question-area-none = Bez jomas
question-area-hint = Vērtējuma jautājumi ar jomu veido “Apmierinātība pa jomām” rezultātu lapā. SERVQUAL apgalvojumam izvēlieties tā dimensiju un vai tas jautā, ko klienti gaida vai ko viņi uztver.
question-servqual = SERVQUAL
question-servqual-none = Nav SERVQUAL apgalvojums
servqual-expectation = SERVQUAL: gaidas
servqual-perception = SERVQUAL: uztvere
area-waiting_time = Gaidīšanas laiks
area-staff_courtesy = Darbinieku laipnība
area-competence = Kompetence
area-speed = Apkalpošanas ātrums
area-accuracy = Precizitāte (rēķini, dokumenti)
area-premises = Telpas
area-information = Informācija un skaidrība
area-digital = Digitālie kanāli
area-tangibles = Taustāmie aspekti (SERVQUAL)
area-reliability = Uzticamība (SERVQUAL)
area-responsiveness = Atsaucība (SERVQUAL)
area-assurance = Pārliecība (SERVQUAL)
area-empathy = Empātija (SERVQUAL)
question-rule = Rādīt
question-rule-question = Pēc jautājuma
question-rule-always = Vienmēr
question-rule-op = Kad atbilde
question-rule-value = Vērtība
question-rule-hint = Papildjautājums: piem., pēc 1. jautājuma, ja vērtējums ir ne vairāk kā 2.
question-rule-first = Pirmo jautājumu rāda vienmēr.
rule-op-score_at_most = vērtējums ne vairāk kā
rule-op-score_at_least = vērtējums vismaz
rule-op-chose = ietver izvēli
rule-score_at_most = tikai ja { $question }. jautājuma vērtējums ir { $value } vai mazāk
rule-score_at_least = tikai ja { $question }. jautājuma vērtējums ir { $value } vai vairāk
rule-chose = tikai ja { $question }. jautājumā atbildēts “{ $value }”
move-up = Pārvietot augšup
move-down = Pārvietot lejup
remove = Noņemt
scale-csat5 = Smaidiņi 1–5 (CSAT)
scale-nps11 = Ieteikšana 0–10 (NPS)
scale-ces7 = Piepūle 1–7 (CES)
scale-agree7 = Piekrišana 1–7 (pilnīgi nepiekrītu … pilnīgi piekrītu)
scale-yes_no = Jā / nē
scale-choice = Viena izvēle
scale-multi_choice = Vairākas izvēles
scale-intent = Apmeklējuma iemesls
scale-text = Brīvs teksts
subject-site = Vieta
subject-service = Pakalpojums
subject-employee = Darbinieks
flash-survey-new-version = Saglabāts kā jauna versija. Agrākās atbildes saglabā savu formulējumu.
flash-survey-changed-meanwhile = Kāds cits tikmēr mainīja šo aptauju. Nekas netika saglabāts; te ir viņa versija.
survey-error-too-many-questions = Aptaujā var būt ne vairāk kā 30 jautājumu.
survey-error-bad-key = { $position }. jautājums: tā atslēga trūkst vai izmantota divreiz.
survey-error-prompt-missing = { $position }. jautājums: uzrakstiet jautājumu vismaz vienā valodā.
survey-error-prompt-too-long = { $position }. jautājums: ne vairāk kā 300 rakstzīmes.
survey-error-too-few-choices = { $position }. jautājums: dodiet vismaz divas atbildes, no kurām izvēlēties.
survey-error-too-many-choices = { $position }. jautājums: ne vairāk kā 20 atbilžu, no kurām izvēlēties.
survey-error-bad-choice-key = { $position }. jautājums: katrai atbildei vajag savu atslēgu (a–z, 0–9, _).
survey-error-bad-choice-label = { $position }. jautājums: katrai atbildei vajag nosaukumu līdz 100 rakstzīmēm.
survey-error-choices-not-used = { $position }. jautājums: šim veidam nav iepriekš noteiktu atbilžu; iztukšojiet sarakstu vai izvēlieties izvēles veidu.
survey-error-rule-needs-earlier-question = { $position }. jautājums: tā nosacījumam jāattiecas uz jautājumu pirms tā.
survey-error-rule-does-not-fit = { $position }. jautājums: nosacījums neatbilst šī jautājuma atbildēm (pārbaudiet vērtējuma diapazonu vai izvēli).
survey-error-area-needs-score = Jautājums { $position }: jomā var ieskaitīt tikai jautājumu, uz kuru atbild ar vērtējumu.
survey-error-servqual-needs-dimension = Jautājums { $position }: SERVQUAL gaidām vai uztverei kā jomai vajadzīga viena no piecām SERVQUAL dimensijām.
survey-error-bad-choice-line = { $line }. atbilde: atslēga ir mazie latīņu burti, cipari un _.
start-csat-prompt = Cik apmierināts esat ar šodienas apmeklējumu?
start-reasons-prompt = Mums žēl. Kas nogāja greizi?
start-reason-wait = Ilga gaidīšana
start-reason-staff = Darbinieka attieksme
start-reason-unresolved = Mans jautājums netika atrisināts
start-reason-premises = Telpas un ērtības
start-comment-prompt = Ko mēs varētu darīt labāk?
start-nps-prompt = Cik ticams, ka jūs mūs ieteiktu draugam?
start-servqual-tangibles-expectation = Izcilam klientu apkalpošanas birojam ir moderns aprīkojums un patīkamas telpas.
start-servqual-tangibles-perception = Šim birojam ir moderns aprīkojums un patīkamas telpas.
start-servqual-reliability-expectation = Izcils klientu apkalpošanas birojs dara, ko sola, un pareizi jau pirmajā reizē.
start-servqual-reliability-perception = Šis birojs izdarīja, ko solīja, un pareizi jau pirmajā reizē.
start-servqual-responsiveness-expectation = Izcila klientu apkalpošanas biroja darbinieki apkalpo klientus nekavējoties.
start-servqual-responsiveness-perception = Darbinieki šeit mani apkalpoja nekavējoties.
start-servqual-assurance-expectation = Izcila klientu apkalpošanas biroja klienti jūtas droši un var uzticēties darbinieku zināšanām.
start-servqual-assurance-perception = Es šeit jutos droši un varēju uzticēties darbinieku zināšanām.
start-servqual-empathy-expectation = Izcils klientu apkalpošanas birojs katram klientam velta individuālu uzmanību.
start-servqual-empathy-perception = Darbinieki šeit man veltīja individuālu uzmanību.

## Terminals
nav-terminals = Termināļi
site = Filiāle
percent = { $value } %
desk-n = { $desk }. galds
terminal-new = Reģistrēt termināli
terminals-empty = Termināļu vēl nav
terminals-empty-help = Reģistrējiet termināli katrai planšetei vai skārienekrānam, tad savienojiet ierīci ar kodu, kas redzams tā lapā.
terminal-survey = Aptauja
terminal-connection = Savienojums
terminal-last-answer = Pēdējā atbilde
terminal-last-seen = Pēdējo reizi sazinājās
terminal-queued = Atbildes, kas gaida nosūtīšanu
terminal-battery = Akumulators
terminal-app-version = Lietotnes versija
terminal-online = Tiešsaistē
terminal-offline = Bezsaistē
terminal-not-paired = Nav savienots
terminal-pairing = Savienošana
terminal-pairing-help = Lai planšete vai skārienjutīgs dators kļūtu par šo termināli, parādiet savienošanas kodu un ierakstiet to ierīcē.
terminal-paired-help = Ierīce ir savienota. Jauns kods savieno citu ierīci tās vietā.
terminal-pairing-open = Ierīcē atveriet { $url } un ierakstiet šo kodu:
terminal-pairing-valid-until = Derīgs vienu reizi līdz { $time }.
terminal-pairing-new-code = Parādīt savienošanas kodu
terminal-unpair = Atvienot ierīci
terminal-remote = Tālvadība
terminal-reload = Pārlādēt lapu
terminal-set-normal = Atpakaļ pie jautāšanas
terminal-set-maintenance = Rādīt “nedarbojas”
terminal-set-locked = Bloķēt
terminal-state-normal = Jautā klientiem
terminal-state-maintenance = Rāda “nedarbojas”
terminal-state-locked = Bloķēts
terminal-settings = Iestatījumi
terminal-name-hint = Kā to pazīst darbinieki, piem., “Ieeja” vai “3. galds”.
terminal-mode = Režīms
terminal-mode-single = Viens punkts
terminal-mode-single-help = vērtē vietu vai zemāk izvēlēto pakalpojumu.
terminal-mode-multi = Vairāki punkti
terminal-mode-multi-help = galvenais punkts vērtē vietu un tās pakalpojumus; terminālis pie galda vērtē tā darbinieku.
terminal-mode-free = Brīva vērtēšana
terminal-mode-free-help = klienti izvēlas, ko vai kuru vērtēt (ēdnīcas, slimnīcas, biroji).
terminal-service = Vērtētais pakalpojums
terminal-service-none = Nav: vieta kopumā
terminal-employee = Galds
terminal-employee-none = Bez galda: galvenais terminālis
terminal-employee-hint = Terminālis pie darbinieka galda: tā atbildes attiecas uz šo darbinieku.
terminal-languages = Piedāvātās valodas
terminal-default-language = Vispirms rāda
terminal-show-staff = Rādīt darbiniekus ar vārdu, lai klienti izvēlas, kuru vērtēt (brīvā vērtēšana)
terminal-no-surveys = Aptaujas vēl nav.
terminal-error-no-language = Piedāvājiet vismaz vienu valodu.
terminal-error-gone = Kaut kas no izvēlētā vairs nepastāv; izvēlieties vēlreiz.
flash-terminal-created = Terminālis reģistrēts. Parādiet savienošanas kodu, lai pievienotu ierīci.
flash-pairing-code = Jauns savienošanas kods ir gatavs.
flash-terminal-unpaired = Ierīce atvienota; tā rāda savienošanas ekrānu.
flash-terminal-sent = Nosūtīts. Terminālis to piemēros dažās sekundēs.
audit-action-pairing_code = Parādīts savienošanas kods
audit-action-pair = Savienots
audit-action-unpair = Atvienots
audit-action-set_state = Mainīts ekrāns
audit-action-reload = Pārlādēts
entity-survey = aptauja
entity-terminal = terminālis

## Terminal page (kiosk)
kiosk-title = Vērtēšanas terminālis
kiosk-pair-title = Savienot šo termināli
kiosk-pair-help = Ierakstiet kodu, kas redzams šī termināļa lapā administrācijas sadaļā (Termināļi → terminālis → Parādīt savienošanas kodu).
kiosk-pair-code = Savienošanas kods
kiosk-pair-submit = Savienot
kiosk-pair-wrong = Šis kods nav zināms vai ir beidzies. Parādiet jaunu administrācijas sadaļā.
kiosk-pair-format = Savienošanas kodā ir 8 burti un cipari.
kiosk-pair-busy = Pārāk daudz mēģinājumu. Pagaidiet dažas minūtes un mēģiniet vēlreiz.
kiosk-unpaired = Šī ierīce vairs nav savienota. Ierakstiet jaunu savienošanas kodu, lai to atkal izmantotu.
kiosk-other-tab = Šis terminālis jau ir atvērts citā logā. Aizveriet otru logu.
kiosk-maintenance = Īslaicīgi nedarbojas
kiosk-maintenance-sub = Paldies par pacietību.
kiosk-locked = Bloķēts
kiosk-no-survey = Šim terminālim vēl nav aptaujas.
kiosk-thanks = Paldies!
kiosk-thanks-sub = Jūsu atbilde palīdz mums apkalpot jūs labāk.
kiosk-next = Tālāk
kiosk-skip = Izlaist
kiosk-send = Sūtīt
kiosk-type-here = Rakstiet šeit…
kiosk-choose-many = Izvēlieties visu atbilstošo
kiosk-yes = Jā
kiosk-no = Nē
kiosk-smiley-1 = Ļoti neapmierināts
kiosk-smiley-2 = Neapmierināts
kiosk-smiley-3 = Neitrāli
kiosk-smiley-4 = Apmierināts
kiosk-smiley-5 = Ļoti apmierināts
kiosk-nps-low = Nemaz neticami
kiosk-nps-high = Ļoti ticami
kiosk-ces-low = Ļoti grūti
kiosk-ces-high = Ļoti viegli
kiosk-agree-low = Pilnīgi nepiekrītu
kiosk-agree-high = Pilnīgi piekrītu
kiosk-whom = Ko jūs vēlētos novērtēt?
kiosk-rate-place = Šo vietu
kiosk-which-service = Kāda pakalpojuma dēļ jūs atnācāt?
kiosk-asked-by = Jūs apkalpoja %name%
kiosk-offline = Nav savienojuma. Jūsu atbildes tiek saglabātas un nosūtītas vēlāk.
kiosk-language = Valoda

## Supervision
nav-supervision = Uzraudzība
all = Visi
filter = Atlasīt
supervision-total = Termināļi
supervision-attention = Vajadzīga uzmanība
supervision-problems-only = Tikai tie, kam vajadzīga uzmanība
supervision-attention-more = un vēl { $n }: rādīt tikai tos, kam vajadzīga uzmanība
supervision-pages = Termināļu lapas
supervision-shown = { $first }–{ $last } no { $total }
terminal-control = Vadīt
alert-offline = Bezsaistē
alert-quiet = Kluss: atbilžu nav ilgāk nekā parasti
alert-quiet-pace = atbilžu nav jau { $silent } h darba laika; parasti klients ik pēc { $gap } min
alert-quiet-unknown = atbilžu nav jau { $silent } h darba laika; parastais temps būs zināms pēc { $n } klientiem
alert-quiet-never = vēl nav nevienas atbildes

## Employee station
station-title = Darba vieta
station-hello = Sveiki, { $name }
station-ask = Lūgt novērtējumu
station-ask-help = Terminālis pie jūsu galda (vai filiāles galvenais terminālis) pajautās nākamajam klientam par jūsu apkalpošanu.
station-waiting = Gaida klientu…
station-received = Paldies saņemts.
station-visit = Apmeklējums
station-visit-since = Apmeklējums atvērts kopš { $time }.
station-no-visit = Nav atvērta apmeklējuma.
station-visit-start = Sākt apmeklējumu
station-visit-service = Pakalpojums
station-visit-no-service = (bez pakalpojuma)
station-visit-end = Beigt apmeklējumu
station-privacy = Vērtējumi ir anonīmi: šeit netiek rādītas neviena atbildes.
flash-station-asked = Nosūtīts. Terminālis pajautās nākamajam klientam.
flash-station-no-terminal = Jūsu galdu vai filiāli neapkalpo neviens savienots terminālis. Jautājiet savam uzraugam.
flash-station-visit-started = Apmeklējums sākts.
flash-station-visit-ended = Apmeklējums beigts.

## Voice prompts (spoken on terminals; the defaults are made from these texts by scripts/voices)
kiosk-voice-welcome = Laipni lūdzam! Lūdzu, pastāstiet, kā mums šodien veicās.
kiosk-voice-question = Lūdzu, izvēlieties atbildi ekrānā.
kiosk-voice-thanks = Paldies! Jūsu atbilde palīdz mums apkalpot jūs labāk.
nav-voice = Balss ziņas
voice-help = Ko termināļi saka katrā ekrānā katrā valodā. Noklausieties failu pirms saglabāšanas; termināļi jauno failu paņem paši. Ogg, MP3, WAV, M4A vai WebM, ne vairāk kā { $max } KiB.
voice-screen-welcome = Sveiciens (kad klients izvēlas valodu)
voice-screen-question = Papildjautājumi
voice-screen-thanks = Paldies
voice-default = Rida noklusējums
voice-uploaded = Augšupielādēts
voice-choose = Izvēlieties audio failu
voice-save = Saglabāt šo failu
voice-use-default = Izmantot noklusējumu
flash-voice-saved = Saglabāts. Termināļi to atskaņos no nākamā klienta.
error-audio-missing = Izvēlieties audio failu.
error-audio-not-audio = Šis fails nav audio (Ogg, MP3, WAV, M4A vai WebM).
error-audio-too-large = Fails ir par lielu.
entity-voice_prompt = balss ziņa
burst-rule = Pieskārienu sērijas
burst-rule-help = Bērns, kas spiež visas sejas, vai kāds, kas pieskaras atkal un atkal: šīs atbildes tiek saglabātas, bet atzīmētas, un atskaites tās var neņemt vērā.
burst-more-than = Atzīmēt vairāk nekā
burst-customers-within = klientus vienā terminālī
burst-seconds = sekundēs
error-burst = Norādiet 1–100 klientus un 1–3600 sekundes.
opening-hours = Darba laiks
opening-hours-hint = Piemēram, “mon-fri 09:00-18:00, sat 10:00-14:00”, filiāles laikā. Terminālis, kas trīs stundas klusē darba laikā, tiek atzīmēts uzraudzības lapā.
error-opening-hours = Norādiet dienas (mon … sun vai diapazonu, piem., mon-fri) un stundas, piem., 09:00-18:00, atdalot ar komatiem.
terminal-kind = Veids
terminal-kind-kiosk = Vērtēšanas terminālis
terminal-kind-kiosk-help = klienti tajā pieskaras savām atbildēm.
terminal-kind-station = Darbinieka vieta
terminal-kind-station-help = ekrāns pie darbinieka galda novērtējuma lūgšanai bez personīgas pieteikšanās; tas nerāda nevienu vērtējumu.
terminal-error-station-needs-employee = Darba vieta pieder galdam: izvēlieties darbinieku.

## Help: how figures are computed
nav-help = Kā aprēķina rādītājus
help-metrics = Kā aprēķina rādītājus
help-metrics-intro = Katru Rida rādītāju aprēķina vienā veidā, kas aprakstīts šeit, un rāda ar atbilžu skaitu un 95% intervālu: patiesā vērtība ir šajā intervālā 19 reizes no 20.
help-formula = Formula
help-counts = Kas tiek skaitīts
help-trust = Cik drošs tas ir
help-csat-title = Apmierinātība (CSAT)
help-csat-what = Apmierināto klientu daļa piecu seju skalā.
help-csat-formula = CSAT = atbildes 4 vai 5 ÷ visas atbildes × 100 %; vidējais = vērtējumu summa ÷ atbilžu skaits
help-csat-counts = Atbildes no 1 (ļoti neapmierināts) līdz 5 (ļoti apmierināts) uz smaidiņu jautājumiem. Pieskārienu sēriju atbildes vienā terminālī netiek ņemtas vērā un tiek skaitītas atsevišķi.
help-csat-trust = Vilsona intervāls daļai (tas paliek 0–100 % robežās un ir godīgs arī mazām grupām); Stjūdenta intervāls vidējam.
help-nps-title = Neto ieteicēju indekss (NPS)
help-nps-what = Cik klientu jūs ieteiktu, mīnus cik neieteiktu.
help-nps-formula = NPS = % ieteicēju (9–10) − % kritiķu (0–6), no −100 līdz +100
help-nps-counts = Atbildes 0–10 uz ieteikšanas jautājumu; 7 un 8 (pasīvie) tiek skaitīti tikai kopskaitā.
help-nps-trust = Koriģētais Valda intervāls (¾ atbildes pieskaitīta ieteicējiem un kritiķiem, 3 kopskaitam), kas turas arī mazām grupām.
help-ces-title = Klienta piepūle (CES)
help-ces-what = Cik viegli klientam bija nokārtot to, kā dēļ viņš atnāca.
help-ces-formula = 1–7 atbilžu vidējais; zemas piepūles daļa = atbildes 5–7 ÷ visas atbildes × 100 %
help-ces-counts = Atbildes no 1 (ļoti grūti) līdz 7 (ļoti viegli) uz piepūles jautājumiem.
help-ces-trust = Stjūdenta intervāls vidējam, Vilsona intervāls daļai.
help-ranking-title = Pakalpojumu un darbinieku vērtējumi
help-ranking-what = Kas ir priekšā un kas atpaliek, neļaujot dažām veiksmīgām atbildēm pārspēt daudzas labas.
help-ranking-formula = secība pēc 95% intervāla apakšējās robežas, labākie vispirms
help-ranking-counts = Ieraksti ar mazāk nekā { $min_ranked ->
        [zero] { $min_ranked } atbildēm
        [one] { $min_ranked } atbildi
       *[other] { $min_ranked } atbildēm
    } tiek rādīti kā “nepietiek atbilžu” un netiek ierindoti.
help-ranking-trust = Ierakstam ar 3 atbildēm “5” ir plašs intervāls, kas sniedzas tālu uz leju, tāpēc tas ierindojas aiz ieraksta ar 300 pārsvarā labām atbildēm.
help-anonymity-title = Anonīmas atbildes paliek anonīmas
help-anonymity-what = Grupas ar mazāk nekā { $min_shown ->
        [zero] { $min_shown } atbildēm
        [one] { $min_shown } atbildi
       *[other] { $min_shown } atbildēm
    } rādītāji un komentāri netiek rādīti, lai neviens nevarētu uzzināt, kas ko atbildēja.
help-anonymity-formula = grupu rāda tikai tad, ja atbilžu ir ≥ { $min_shown }
help-anonymity-counts = Attiecas uz katra darbinieka rādītājiem un komentāriem aiz jebkura rādītāja.
help-anonymity-trust = Darbinieki neredz nevienu savu vai citu vērtējumu; vadītāji un analītiķi redz katra darbinieka rezultātus tikai tad, ja to atļauj vadītājs.
help-response-rate-title = Atbilžu īpatsvars
help-response-rate-what = Cik apmeklējumu saņēma vismaz vienu klienta atbildi.
help-response-rate-formula = atbilžu īpatsvars = apmeklējumi ar atbildi ÷ apmeklējumi × 100 %
help-response-rate-counts = Apmeklējumi, ko reģistrē darbinieka stacija vai rindu sistēma, to sākuma dienā. Atbilde tiek ieskaitīta, ja tā norāda savu apmeklējumu, arī ja tā pienāk pēc vairākām dienām (SMS atbilde); vairākas atbildes par vienu apmeklējumu skaitās vienreiz.
help-response-rate-trust = Vilsona intervāls ar apmeklējumu skaitu.
help-wait-title = Gaidīšanas laiks (pirmā reakcija)
help-wait-what = Cik ilgi klienti gaidīja no ierašanās līdz apkalpošanas sākumam.
help-wait-formula = vidējais (apkalpošanas sākums − ierašanās) minūtēs; mērķa robežās = gaidīšanas ≤ pakalpojuma mērķis ÷ gaidīšanas ar mērķi × 100 %
help-wait-counts = Apmeklējumi ar ierašanās laiku (rindas biļete). Katrs apmeklējums tiek vērtēts pret mērķi, kāds tā pakalpojumam bija tajā dienā; gaidīšana virs 12 stundām netiek skaitīta.
help-wait-trust = Stjūdenta intervāls vidējam, Vilsona intervāls daļai mērķa robežās.
help-handle-title = Laiks ar klientu
help-handle-what = Cik ilgi ilga klienta apkalpošana, salīdzinot ar katram pakalpojumam noteikto mērķi.
help-handle-formula = vidējais (apkalpošanas beigas − sākums) minūtēs; mērķa robežās = apmeklējumi ≤ pakalpojuma mērķis ÷ apmeklējumi ar mērķi × 100 %
help-handle-counts = Pabeigti apmeklējumi. Apmeklējums, kas atstāts atvērts ilgāk par 12 stundām, skaitās kā apmeklējums, bet ne kā laiks.
help-handle-trust = Stjūdenta intervāls vidējam, Vilsona intervāls daļai mērķa robežās.
help-retention-title = Noturēšana un aizplūde
help-retention-what = Cik no klientiem, kas apmeklēja periodā, atgriezās { $days ->
        [zero] { $days } dienu
        [one] { $days } dienas
       *[other] { $days } dienu
    } laikā.
help-retention-formula = noturēšana = atgriezušies klienti ÷ (atgriezušies + neatgriezušies) × 100 %; aizplūde = 100 % − noturēšana
help-retention-counts = Klienti tiek atpazīti pēc klienta atslēgas viņu apmeklējumos (nekad ne atklāts tālruņa numurs); katrs tiek skaitīts vienreiz, pēc pēdējā apmeklējuma periodā. Tie, kuru logs ({ $days ->
        [zero] { $days } dienu
        [one] { $days } diena
       *[other] { $days } dienas
    }) vēl nav beidzies, tiek rādīti kā vēl nezināmi un netiek skaitīti. Logu iestata organizācijas lapā.
help-retention-trust = Vilsona intervāls ar klientu skaitu.
help-reasons-title = Iemesli un mērķi (kāpēc)
help-reasons-what = Ko klienti izvēlējās izvēles jautājumā (kas nogāja greizi, kas viņus atveda) un cik apmierināti bija tie, kuri izvēlējās katru atbildi.
help-reasons-formula = daļa = atbildes ar šo izvēli ÷ atbildes uz jautājumu × 100 % (vairākas izvēles kopā var pārsniegt 100 %); šo klientu CSAT = viņu 4–5 atbildes tajā pašā apmeklējumā ÷ viņu atbildes
help-reasons-counts = Atbildes uz izvēles un apmeklējuma iemesla jautājumiem; CSAT pie izvēles skaita smaidiņu atbildes tajā pašā apmeklējumā. Netiek rādīts pa darbiniekiem un tiek slēpts, ja ir mazāk nekā { $min_shown ->
        [zero] { $min_shown } atbilžu
        [one] { $min_shown } atbilde
       *[other] { $min_shown } atbildes
    }.
help-reasons-trust = Vilsona intervāls katrai daļai; izmaiņas pret iepriekšējo periodu pārbauda ar divu proporciju testu.
help-areas-title = Apmierinātība pa jomām
help-areas-what = Kā klienti vērtē pakalpojuma daļas (gaidīšanas laiku, laipnību, precizitāti…), no jautājumiem ar katru jomu.
help-areas-formula = labās atbildes ÷ atbildes × 100 %, kur labā ir 4–5 no 5, 9–10 no 10, 5–7 no 7 vai jā
help-areas-counts = Atbildes uz vērtējuma jautājumiem, kuriem jautājuma formā norādīta joma; vienas jomas jautājumi tiek skaitīti kopā.
help-areas-trust = Vilsona intervāls; slēpts, ja ir mazāk nekā { $min_shown ->
        [zero] { $min_shown } atbilžu
        [one] { $min_shown } atbilde
       *[other] { $min_shown } atbildes
    }.
help-servqual-title = SERVQUAL starpības
help-servqual-what = Piecas pakalpojuma kvalitātes dimensijas (taustāmie aspekti, uzticamība, atsaucība, pārliecība, empātija), katra jautāta kā klientu gaidas no izcilas organizācijas un kā viņu uztvere par jūsējo.
help-servqual-formula = starpība = vidējā uztvere − vidējās gaidas, piekrišanas skalā 1–7
help-servqual-counts = Apgalvojumi, kuriem jautājuma formā norādīta dimensija un puse (SERVQUAL aptaujas veidne to izdara jūsu vietā).
help-servqual-trust = Velča intervāls divu vidējo starpībai; starpība, kuras viss diapazons ir zem nulles, ir skaidrs trūkums.
help-close-title = Brīdinājuma slēgšanas laiks
help-close-what = Cik ātri klienta norādītā problēma tiek izskatīta un slēgta: noslēgtā cikla ātrums.
help-close-formula = vidējais (slēgts − izveidots) stundās periodā slēgtajiem brīdinājumiem
help-close-counts = Periodā slēgtie brīdinājumi pēc filiāles, pakalpojuma un darbinieka, kam tie izveidoti; brīdinājumu lapa rāda pēdējo 30 dienu mediānu. Tikai tiem, kas drīkst lasīt brīdinājumus.
help-close-trust = Stjudenta t intervāls vidējam, ar brīdinājumu skaitu.
help-ack-title = Laiks līdz brīdinājuma pieņemšanai
help-ack-what = Cik ātri kāds uzņemas klienta ziņoto problēmu: piezīme, piešķiršana, “Uzņemos” vai slēgšana.
help-ack-formula = (pieņemts − izveidots) vidējais stundās brīdinājumiem, kas pieņemti periodā
help-ack-counts = Periodā pieņemtie brīdinājumi pēc filiāles, pakalpojuma un darbinieka, kam tie izveidoti. Tikai tiem, kas drīkst lasīt brīdinājumus.
help-ack-trust = Stjūdenta t intervāls vidējam ar brīdinājumu skaitu.
help-language-title = Klienta valoda
help-language-what = Valoda, kurā klients atbildēja: tā, kas bija redzama terminālī, kad viņš pieskārās, vai ko norāda kanāls.
help-language-formula = jebkurš rādītājs, atlasīts vai grupēts pēc atbilžu valodas
help-language-counts = Glabājas pa filiālēm, jautājumiem un kanāliem (ne pa pakalpojumiem vai darbiniekiem, lai anonīmu atbildi nevarētu sašaurināt līdz personai). Atbildes no laika pirms valodu reģistrēšanas skaitās ar nezināmu valodu (—).
help-language-trust = Tie paši intervāli kā atlasītajam rādītājam.

## Results dashboard
nav-results = Rezultāti
nav-operations = Darbība
nav-external = Ārējie rādītāji
nav-consent = Atteikumi
results-title = Rezultāti
ops-title = Darbība: apmeklējumi, gaidīšana un laiks ar klientiem
external-title = Ārējie rādītāji blakus apmierinātībai
external-help = Importējiet rādītājus no ārpus Rida — tīmekļa analītiku, sociālos tīklus, pārdošanu — kā CSV failu ar kolonnām date, source, metric un value. Tie parādās rezultātu lapā blakus apmierinātībai pa mēnešiem. Atkārtoti importējot dienu, tās vērtība tiek aizstāta.
external-report = Importa pārskats
external-stored = Importēts: { $n ->
        [zero] { $n } rindu
        [one] { $n } rinda
       *[other] { $n } rindas
    }.
external-bad = Nav importēts: { $n ->
        [zero] { $n } rindu
        [one] { $n } rinda
       *[other] { $n } rindas
    }; izlabojiet tās un importējiet failu vēlreiz (jau importētās rindas tiek aizstātas, nevis dubultotas).
external-import = Importēt CSV failu
external-file = CSV fails
external-file-hint = Virsraksta rinda ar date, source, metric un value; starp laukiem komats, semikols vai tabulācija; datumi kā 2026-11-24 vai 24.11.2026; ne vairāk kā 100 000 rindu.
external-import-button = Importēt
external-series = Importētās rindas
consent-help = Klientiem, kuri lūguši viņus neaptaujāt — ar atbildi STOP vai zvanot jums —, aptaujas netiek sūtītas. Atrodiet klientu pēc tālruņa numura, lai redzētu, vai viņu drīkst aptaujāt, un visas izmaiņas; reģistrs neglabā numurus, tikai anonīmu atslēgu.
consent-phone = Tālruņa numurs
consent-phone-hint = Starptautisks (+371 2000 0000) vai vietējs, ja iestatīta organizācijas valsts.
consent-lookup = Meklēt
consent-out = Atteicies
consent-in = Drīkst aptaujāt
consent-out-help = Uz šo numuru aptaujas netiek sūtītas.
consent-in-help = Pēc apmeklējuma uz šo numuru drīkst sūtīt aptaujas.
consent-opt-out = Atteikt aptaujas
consent-opt-in = Atjaunot aptaujas
consent-note = Piezīme
consent-history = Vēsture
consent-no-history = Šim numuram izmaiņas nav reģistrētas.
consent-source = Avots
consent-by = Kas
consent-source-admin = Šī lapa
consent-source-reply = Klienta atbilde
consent-source-api = API
col-when = Kad
error-phone-unparseable = Tas nav tālruņa numurs.
error-phone-invalid = Šāds numurs tā valstī nepastāv.
error-phone-needs-country = Pievienojiet valsts kodu (+371…) vai iestatiet organizācijas valsti.
external-empty = Vēl nekas nav importēts. Eksportējiet dienas rādītājus no tīmekļa analītikas vai sociālo tīklu rīka kā CSV un importējiet tos šeit.
trend-external-help = Raustītās līnijas: no ārpus Rida importēti rādītāji (to vērtību mēneša vidējais) uz otras ass. Noklikšķiniet uz nosaukuma leģendā, lai to parādītu vai paslēptu.
external-delete = Noņemt
flash-external-deleted = Rinda noņemta.
col-line = Rinda
col-problem = Problēma
col-row = Kā rakstīts
col-source = Avots
col-metric = Rādītājs
col-days = Dienas
col-from = No
col-to = Līdz
error-import-missing = Izvēlieties importējamo CSV failu.
error-import-too-large = Fails ir lielāks par 8 MB; sadaliet to mazākos failos.
error-import-not-text = Fails nav CSV teksta fails (saglabājiet to izklājlapā kā “CSV UTF-8”).
error-import-missing-column = Pirmajā rindā jābūt kolonnu nosaukumiem date, source, metric un value.
error-import-too-many-rows = Failā ir vairāk nekā 100 000 rindu; sadaliet to mazākos failos.
error-import-empty = Failā nav rindu.
import-bad-bad-date = Nav datums (lietojiet 2026-11-24 vai 24.11.2026)
import-bad-bad-value = Nav skaitlis
import-bad-missing-name = Avots vai rādītājs ir tukšs
import-bad-bad-name = Avots vai rādītājs ir garāks par 80 rakstzīmēm vai satur vadības rakstzīmes
import-bad-duplicate = Tas pats datums, avots un rādītājs failā jau ir agrāk
import-bad-missing-field = Mazāk lauku, nekā nosaukts virsrakstā
import-bad-unreadable = Rindu nevar nolasīt (pārbaudiet pēdiņas)
ops-visits = Apmeklējumi
ops-response-rate = Atbilžu īpatsvars
ops-mean-wait = Vidējais gaidīšanas laiks
ops-wait-within = Gaidīšana mērķa robežās
ops-mean-handle = Vidējais laiks ar klientu
ops-handle-within = Apkalpošana mērķa robežās
ops-retention = Noturēšana
ops-set-targets = Iestatīt mērķus pakalpojumiem
ops-previous = Iepriekšējā periodā: { $value }
ops-of-visits = n = { $n ->
        [zero] { $n } apmeklējumu
        [one] { $n } apmeklējums
       *[other] { $n } apmeklējumi
    }
ops-customers = n = { $n ->
        [zero] { $n } klientu
        [one] { $n } klients
       *[other] { $n } klienti
    }
ops-within-target = { $share } pakalpojuma mērķa robežās
ops-churn = Aizplūde { $share }
ops-pending = { $n ->
        [zero] { $n } vēl nav zināmi
        [one] { $n } vēl nav zināms
       *[other] { $n } vēl nav zināmi
    }
ops-window = Atgriezās { $days ->
        [zero] { $days } dienu
        [one] { $days } dienas
       *[other] { $days } dienu
    } laikā
ops-no-arrivals = Ierašanās laiki nav reģistrēti
ops-no-customers = Nav apmeklējumu ar klienta atslēgu
ops-table-empty = Šajā periodā nav apmeklējumu.
ops-trend = Pēdējie 12 mēneši
ops-by-site = Pa vietām
ops-by-service = Pa pakalpojumiem
ops-by-employee = Pa darbiniekiem
ops-pending-hint = Viņu logs ({ $days ->
        [zero] { $days } dienu
        [one] { $days } diena
       *[other] { $days } dienas
    }) vēl nav beidzies: izvēlieties agrāku periodu, lai redzētu noturēšanu.
ops-none-site = (bez vietas)
ops-none-service = (bez pakalpojuma)
ops-none-employee = (bez darbinieka)
ops-empty-title = Šajā periodā nav apmeklējumu
ops-empty-help = Apmeklējumi tiek reģistrēti, kad darbinieks savā stacijā sāk un beidz apmeklējumu vai kad par tiem ziņo rindu sistēma. Atbildes par apmeklējumu tiek ieskaitītas atbilžu īpatsvarā; iestatiet mērķa laikus katram pakalpojumam, lai redzētu, cik apmeklējumu tos sasniedz.
unit-minutes = min
results-how-computed = Kā aprēķina katru skaitli
filter-period = Periods
period-day = Diena
period-week = Nedēļa
period-month = Mēnesis
period-quarter = Ceturksnis
period-custom = Cits periods
filter-at = Datums periodā
filter-from = No
filter-to = Līdz
date-placeholder = GGGG-MM-DD
date-pick = Izvēlēties kalendārā
filter-region = Reģions
filter-site = Filiāle
filter-service = Pakalpojums
filter-employee = Darbinieks
filter-metric = Rādītājs
filter-all = Visi
filter-apply = Rādīt
metric-csat = Apmierinātība (CSAT)
metric-csat_mean = Apmierinātība, vidējais 1–5
metric-nps = Neto ieteikšanas indekss (NPS)
metric-ces = Maza piepūle (CES)
metric-ces_mean = Piepūle, vidējais 1–7
metric-good = Labās atbildes, jebkura skala (%)
metric-response_rate = Atbilžu īpatsvars (%)
metric-wait = Gaidīšanas laiks, vidēji (minūtes)
metric-wait_within_target = Gaidīšana mērķa robežās (%)
metric-handle = Laiks ar klientu, vidēji (minūtes)
metric-handle_within_target = Laiks ar klientu mērķa robežās (%)
metric-close_hours = Brīdinājuma slēgšanas laiks, vidēji (stundas)
metric-ack_hours = Laiks līdz brīdinājuma pieņemšanai, vidēji (stundas)
period-previous = ← Iepriekšējais periods
period-next = Nākamais periods →
period-compared = salīdzinot ar { $from } – { $to }
withheld = Neuzrāda: { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }, mazāk nekā { $min }, lai nevienu nevarētu atpazīt.
tile-empty = Šajā periodā atbilžu nav.
list-sep = {" · "}
interval-range = { $low }–{ $high }
interval-tile = 95 %: { $low }–{ $high }
tile-too-few = Šim rādītājam nepietiek atbilžu ({ $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }).
change-none = Iepriekšējā periodā nav atbilžu, ar ko salīdzināt.
unit-percent-change = punkti
unit-score-change = punkti
unit-mean-change = skalā
change-clear = skaidras izmaiņas
change-unclear = nejaušības robežās
today-title = Šodien, tiešraidē
today-empty = Šodien vēl nav atbilžu.
results-bursts = Pieskārienu sērijās šajos skaitļos nav ieskaitītas: { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }.
results-empty-title = Šajā periodā atbilžu nav
results-empty-body = Šeit šajā periodā neviens nav atbildējis. Izvēlieties agrāku periodu vai pārbaudiet lapā “Uzraudzība”, vai šo filiāļu termināļi ir tiešsaistē.
trend-title = { $metric }: pēdējie 12 mēneši
show-numbers = Rādīt skaitļus
col-month = Mēnesis
col-interval = 95% intervāls
col-answers = Atbildes
col-visits = Apmeklējumi
col-closed-alerts = Slēgtie brīdinājumi
col-acknowledged-alerts = Pieņemtie brīdinājumi
col-change = Izmaiņas pret iepriekšējo periodu
col-name = Nosaukums
col-employee = Darbinieks
not-enough = par maz atbilžu, lai ierindotu (mazāk nekā { $min })
ranking-empty = Šajā periodā atbilžu nav.
ranking-more = vēl { $n } šeit nav parādīti: rādīt visus
matrix-many = { $n } darbinieku ir par daudz, lai tos pārskatītu uzreiz: izvēlieties reģionu vai filiāli augšā vai
show-all = rādīt visus
ranking-sites = Filiāles, labākās vispirms
ranking-services = Pakalpojumi, labākie vispirms
ranking-employees = Darbinieki, labākie vispirms
matrix-title = { $metric }: darbinieks × pakalpojums
matrix-help = Katra šūna ir viens darbinieks vienā pakalpojumā, iekrāsota pēc tā, cik tālu tā ir no šī paša pakalpojuma visā izlasē, tāpēc izceļas darbinieks, kuram vājš ir tieši viens pakalpojums; trekns rāmis nozīmē, ka atšķirība ir lielāka par nejaušību. Šūnas ar mazāk nekā { $min ->
        [zero] { $min } atbildēm
        [one] { $min } atbildi
       *[other] { $min } atbildēm
    } ir pelēkas.
legend-much-lower = daudz zemāk
legend-lower = zemāk
legend-same = līdzīgi
legend-higher = augstāk
legend-much-higher = daudz augstāk
legend-too-few = par maz atbilžu
comments-title = Ko rakstīja klienti
reasons-title = Kāpēc: iemesli un apmeklējumu mērķi
results-open-alerts = { $n ->
        [zero] { $n } atvērtu brīdinājumu
        [one] { $n } atvērts brīdinājums
       *[other] { $n } atvērti brīdinājumi
    }
results-all-alerts = Sekot tiem
areas-title = Apmierinātība pa jomām
areas-help = Jautājumi ar pakalpojuma jomu, salīdzināti kā labo atbilžu daļa (4–5 no 5, 9–10 no 10, 5–7 no 7, jā).
areas-good = Labās atbildes
areas-questions = { $n ->
        [zero] { $n } jautājumu
        [one] { $n } jautājums
       *[other] { $n } jautājumi
    }
col-area = Joma
col-dimension = Dimensija
servqual-title = SERVQUAL: gaidas pret uztveri
servqual-help = Katrai dimensijai vidējā piekrišana (1–7) tam, ko darītu izcila organizācija, tam, ko darīja šī, un starpība: uztvere mīnus gaidas. Starpība, kuras viss diapazons ir zem nulles, ir skaidrs trūkums.
servqual-gap = Starpība
col-expectation = Gaidas (vidējais 1–7)
col-perception = Uztvere (vidējā 1–7)
reasons-help = Ko klienti izvēlējās šajā periodā, ar izmaiņām pret iepriekšējo periodu un to klientu apmierinātību, kuri to izvēlējās (viņu CSAT tajā pašā apmeklējumā; slēpts, ja ir mazāk nekā { $min ->
        [zero] { $min } atbilžu
        [one] { $min } atbilde
       *[other] { $min } atbildes
    }).
reasons-answers = { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    } (iepriekšējā periodā: { $previous })
reasons-csat = Šo klientu CSAT
reasons-empty = Šajā periodā netika atbildēts neviens izvēles jautājums. Pievienojiet aptaujai jautājumu ar izvēlēm (piem., “Kas nogāja greizi?” pēc zema vērtējuma vai “Kas jūs šodien atveda?”), lai redzētu, kāpēc vērtējumi mainās.
reasons-not-per-employee = Iemesli netiek rādīti pa darbiniekiem, lai iemesls nevarētu norādīt uz konkrētu cilvēku.
col-choice = Izvēle
col-share = Daļa
comments-low = Ar zemu vērtējumu
comments-all = Visi komentāri
comments-withheld = Komentāri netiek rādīti: mazāk nekā { $min ->
        [zero] { $min } atbilžu
        [one] { $min } atbilde
       *[other] { $min } atbildes
    }, lai nevienu nevarētu atpazīt.
comments-empty = Šajā periodā komentāru nav.
channel-kiosk = terminālis
channel-station = galds
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-web = tīmeklis
channel-import = imports
scale-short-csat5 = CSAT
scale-short-nps11 = NPS
scale-short-ces7 = CES
scale-short-agree7 = piekrišana
scale-short-yes_no = jā/nē
thresholds = Rezultātu sliekšņi
retention-window = Klientu noturēšana
retention-window-help = Klients (atpazīts pēc klienta atslēgas viņa apmeklējumos), kurš atgriežas šajā dienu skaitā pēc apmeklējuma, skaitās noturēts, citādi — aizgājis.
retention-window-label = Atgriezās
org-phone-region = Vietējo tālruņa numuru valsts
org-phone-region-help = Divi burti, piem., LV vai SA: numurus, ko jūsu sistēmas sūta bez valsts koda, nolasa kā šīs valsts numurus. Tukšs: tikai starptautiskie numuri (+371…).
error-phone-region = Divi valsts burti, piemēram, LV, SA vai AE.
org-contact-days = Klientu kontaktinformācija
org-contact-days-help = Ar apmeklējumiem nosūtītie tālruņa numuri un e-pasta adreses tiek glabāti šifrēti tikai tik ilgi, cik vajag aptaujai un atbilžu nolasīšanai, pēc tam tiek dzēsti. Apmeklējumi un atbildes paliek anonīmi.
org-contact-days-label = Dzēst pēc
error-contact-days = Vesels dienu skaits no 1 līdz 3650.
org-help-contact = Kontakts klientiem
org-help-contact-help = Tiek nosūtīts klientam, kurš uz aptaujas ziņu atbild PALĪDZĪBA: tālruņa numurs vai tīmekļa adrese.
error-help-contact = Ne vairāk kā 160 rakstzīmes vienā rindā.
nav-survey-rules = Aptaujas pēc apmeklējuma
nav-messages = Aptauju ziņas
nav-web-surveys = Tīmekļa aptaujas un QR
rules-intro = Klients, kura apmeklējums pienāk ar tālruņa numuru (no rindas sistēmas vai apmeklējumu API), pēc apmeklējuma saņem īsu aptauju. Tiek piemērots konkrētākais noteikums: filiālei un pakalpojumam, tad pakalpojumam, tad filiālei, tad visiem apmeklējumiem.
rule-new = Jauns noteikums
rule-edit = Labot noteikumu
rule-where = Kur
rule-where-help = Noklusējuma noteikumam atstājiet abus “visi”.
rule-every-site = Visas filiāles
rule-every-service = visi pakalpojumi
rule-channel = Kanāls
channel-sms-help = īsziņa caur SMS vārteju; klients atbild ar skaitli
channel-whatsapp-help = WhatsApp ziņa ar vērtējuma pogām
channel-email = saite e-pastā
channel-email-help = saite uz tīmekļa aptauju e-pastā
channel-not-configured = Nav iestatīts, kā sūtīt ar { $channel }:
channel-not-configured-sms = aptauju ziņas gaida šeit, līdz tiek iestatīta vārteja (sms_gateway failā rida.toml; skatiet README).
channel-not-configured-whatsapp = aptauju ziņas gaida šeit, līdz tiek iestatīts Cloud API (whatsapp_phone_number_id u. c. failā rida.toml; skatiet README).
channel-not-configured-email = aptauju e-pasti gaida šeit, līdz tiek iestatīts SMTP serveris (smtp_url failā rida.toml; skatiet README).
rule-with-link = Pievienot tīmekļa aptaujas saiti SMS un WhatsApp ziņām
rule-with-link-help = klients var atbildēt ar vērtējumu vai atvērt saiti un atbildēt uz visiem jautājumiem (apmēram 45 rakstzīmes vairāk: bieži vēl viena SMS daļa)
channel-none = nav
channel-none-help = pēc šiem apmeklējumiem aptaujas nav
rule-delay = Aizture
rule-delay-label = Minūtes pēc apmeklējuma
rule-expiry-label = Atbildes pieņem (stundas)
rule-quiet = Klusuma stundas
rule-quiet-help = Starp šiem laikiem filiāles laika joslā nekas netiek sūtīts; aptauja, kas pienākas tad, aiziet, kad tās beidzas. Atstājiet abus tukšus, ja nav.
rule-quiet-from = No
rule-quiet-to = Līdz
rule-cap = Ne biežāk kā reizi
rule-cap-label = Ne vairāk kā viena aptauja klientam (dienās; 0: bez ierobežojuma)
rule-cap-n = { $n ->
        [zero] { $n } dienu
        [one] { $n } diena
       *[other] { $n } dienas
    }
rule-sample = Aptaujātie apmeklējumi
rule-sample-label = Aptaujāto apmeklējumu daļa (%)
rule-survey = Aptauja
rule-first-survey = Pirmā aktīvā aptauja
rule-lang = Valoda
rule-org-lang = Organizācijas
rule-lang-help = Klienti saņem aptauju savā valodā, ja apmeklējums to norāda; citādi šajā. SMS jautā aptaujas pirmo vērtējuma jautājumu; vārdi ap vērtējumu nonāk tās pirmajā teksta jautājumā.
rules-empty = Pēc apmeklējumiem vēl netiek sūtīta neviena aptauja
rules-empty-help = Pievienojiet noteikumu visiem apmeklējumiem (filiāli un pakalpojumu atstājiet “visi”), tad apmeklējumi ar tālruņa numuru dažas minūtes pēc beigām saņems SMS.
error-rule-delay-minutes = Veselas minūtes no 0 līdz 10080 (nedēļa).
error-rule-expiry-hours = Veselas stundas no 1 līdz 720.
error-rule-cap-days = Veselas dienas no 0 līdz 365.
error-rule-sample-percent = Vesels procents no 1 līdz 100.
error-rule-quiet = Divi dažādi laiki formātā HH:MM (piem., 21:00 un 09:00) vai abi tukši.
error-rule-exists = Noteikums šai filiālei un pakalpojumam jau ir: labojiet to.
messages-states = Ziņu stāvokļi
messages-all = Visas
messages-parts = SMS daļas
messages-due = aizies
messages-replies-day = Atbildes pēdējās 24 stundās:
messages-empty = Aptauju ziņu vēl nav
messages-empty-help = Tās parādās šeit, kad beidzas apmeklējumi ar tālruņa numuru un ir spēkā noteikums sadaļā “Aptaujas pēc apmeklējuma”.
message-queued = Rindā
message-sent = Nosūtīta
message-delivered = Piegādāta
message-read = Izlasīta
message-answered = Atbildēta
message-expired = Beidzies termiņš
message-failed = Neizdevās
message-skipped = Nav sūtīta
message-kind-survey = Aptauja
message-kind-reask = Jautāts vēlreiz
message-kind-stop = Atteikšanās apstiprināta
message-kind-start = Pieteikšanās apstiprināta
message-kind-help = Palīdzība
skip-no_rule = neattiecas neviens noteikums
skip-channel_none = noteikums neko nesūta
skip-no_question = aptaujā nav vērtējuma jautājuma
skip-no_phone = nav derīga tālruņa numura
skip-no_email = nav derīgas e-pasta adreses
skip-opted_out = klients atteicās
skip-sampled_out = nav izlasē
skip-frequency_cap = nesen aptaujāts
reply-answered = atbildes
reply-reasked = jautāts vēlreiz
reply-comment = tikai vārdi
reply-late = pēc aptaujas beigām
reply-opted_out = atteicās
reply-opted_in = pieteicās atkal
reply-help = lūdza palīdzību
reply-unmatched = bez aptaujas
reply-ignored = joprojām neskaidras
reply-limited = pāri limitam
lang-ar = arābu
lang-en = angļu
lang-lv = latviešu
flash-message-queued-again = Ziņa atkal ir rindā.
api-id = Identifikators integrācijām (apmeklējumu un vērtējumu API):
nav-webhooks = Tīmekļa āķi
webhooks-intro = Rida paziņo jūsu CRM par katru atbildi vai tikai par zemiem vērtējumiem ar JSON POST, kas parakstīts ar āķa noslēpumu (galvene X-Rida-Signature: t=laiks,v1=HMAC-SHA256 no “laiks.saturs”). Saņēmējs, kas neatbild ar 2xx, to saņem atkārtoti vienu dienu.
webhook-new = Jauns āķis
webhook-url = Adrese
webhook-events = Paziņot
webhook-event = Notikums
webhook-on-answer = katru atbildi (answer.received)
webhook-on-low = zemus vērtējumus (answer.low_score)
webhook-secret = Parakstīšanas noslēpums
webhook-log = Piegādes
webhook-delivered = Saņemts
webhook-log-empty = Vēl nekas nav piegādāts.
webhooks-empty = Āķu vēl nav
webhooks-empty-help = Pievienojiet augstāk sava CRM adresi, lai par zemiem vērtējumiem uzzinātu uzreiz.
error-webhook-url = Adrese, kas sākas ar https:// (vai http://), ne garāka par 500 rakstzīmēm.
error-webhook-events = Izvēlieties vismaz vienu notikumu.
sms-survey = { $org }: kā vērtējat šodienas apmeklējumu ({ $site })? Atbildiet { $low }-{ $high } ({ $high } = izcili). Atteikties: STOP.
sms-survey-question = { $org }: { $question } Atbildiet { $low }-{ $high }. Atteikties: STOP.
sms-survey-link = Vai atbildiet tiešsaistē: { $link }
mail-survey-subject = { $org }: kā vērtējat apmeklējumu?
mail-survey-intro = Paldies, ka apmeklējāt { $site }. Kā vērtējat šodienas apmeklējumu?
mail-survey-scale = { $low } = ļoti slikti, { $high } = izcili. Izvēlieties vērtējumu, lai atvērtu aptauju.
mail-survey-open = Atbildēt uz aptauju
mail-survey-why = Šo vēstuli saņemat vienreiz pēc apmeklējuma; saite darbojas vienreiz un beidzas. Darbinieki, kas jūs apkalpoja, jūsu atbildi neredz.
mail-survey-stop = Vairs nesūtīt aptaujas
web-title = Aptauja
web-served-by = apkalpoja
web-privacy = Jūsu atbilde ir anonīma: kopā ar to netiek glabāts nekas, kas identificē jūs vai jūsu ierīci, un darbinieki, kas jūs apkalpoja, to neredz.
web-error-answer-needed = Pirms sūtīšanas izvēlieties atbildi.
web-error-score-out-of-range = Izvēlieties vienu no parādītajiem vērtējumiem.
web-error-bad-choice = Izvēlieties no parādītajām atbildēm.
web-error-text-too-long = Teksts ir pārāk garš: ne vairāk kā 4000 rakstzīmju.
web-thanks-title = Paldies!
web-thanks-text = Jūsu atbilde palīdz mums jūs apkalpot labāk.
web-answered-title = Jau atbildēts
web-answered-text = Uz šo aptauju jau ir atbildēts. Paldies!
web-closed-title = Šī aptauja ir slēgta
web-closed-text = Uz to vairs nevar atbildēt. Paldies par interesi.
web-duplicate-title = Atbilde saņemta
web-duplicate-text = No šīs ierīces uz aptauju nesen jau atbildēja. Varat atbildēt vēlreiz vēlāk.
web-limited-title = Pārāk daudz atbilžu
web-limited-text = Pēdējā stundā no šī savienojuma saņemts pārāk daudz atbilžu. Lūdzu, mēģiniet vēlāk.
web-stale-title = Lūdzu, atveriet aptauju vēlreiz
web-stale-text = Šī lapa bija atvērta pārāk ilgi vai nav no šīs aptaujas, tāpēc nekas netika saglabāts.
web-stale-button = Atvērt aptauju
web-unknown-title = Aptauja nav atrasta
web-unknown-text = Pārbaudiet adresi vai noskenējiet kodu vēlreiz.
web-stop-title = Pārtraukt aptaujas?
web-stop-text = Pēc apmeklējumiem jūsu viedoklis vairs netiks jautāts.
web-stop-button = Pārtraukt aptaujas
web-stopped-title = Gatavs
web-stopped-text = Jūs vairs nesaņemsiet no mums aptaujas.
widget-open = Atsauksmes
widget-close = Aizvērt
whatsapp-choose-score = Izvēlieties vērtējumu
whatsapp-scores = Vērtējumi
poster-call = Kā vērtējat apmeklējumu?
poster-sub = Noskenējiet kodu ar tālruņa kameru un pastāstiet mums. Tas aizņem 30 sekundes un ir anonīmi.
websurveys-intro = Anonīmas aptaujas, ko klienti atver no QR plakāta pie letes, čeka vai jūsu tīmekļa vietnes. Katra pieder vietai un pēc izvēles pakalpojumam vai darbiniekam, un uzdod tos pašus jautājumus kā termināļi.
websurveys-empty = Tīmekļa aptauju vēl nav
websurveys-empty-help = Izveidojiet aptauju vietai, izdrukājiet tās QR plakātu un novietojiet pie letes; ielīmējiet logrīka tagu savā vietnē.
websurvey-new = Jauna tīmekļa aptauja
websurvey-edit = Tīmekļa aptauja
websurvey-name = Nosaukums
websurvey-name-help = Tikai jums, piemēram, “Plakāts pie letes, Rīga Centrs”.
websurvey-for = Atbildes attiecas uz
websurvey-for-help = Atbildes attiecas uz šo vietu un uz pakalpojumu vai darbinieku, ja tas izvēlēts (plakātam pie vienas darba vietas). Darbinieki savas atbildes nekad neredz.
websurvey-any-service = Jebkurš pakalpojums
websurvey-no-employee = Bez darbinieka
websurvey-terminal-survey = Vietas termināļu aptauja (citādi pirmā aktīvā)
websurvey-address = Adrese
websurvey-address-help = Drukājiet to uz čekiem vai nosūtiet; ikviens, kam tā ir, var atbildēt reizi no ierīces atkārtošanas laikā.
websurvey-state = Stāvoklis
websurvey-answers = Klienti, kas atbildēja
websurvey-last = pēdējais { $when }
websurvey-active = Pieņem atbildes
websurvey-paused = Apturēta
websurvey-active-label = Pieņem atbildes (apturētas aptaujas lapa saka, ka tā ir slēgta)
websurvey-poster = QR plakāts
websurvey-poster-download = Lejupielādēt A4 plakātu (SVG)
websurvey-poster-help = Ar jūsu logotipu un aicinājumu atbildēt arābu, angļu un latviešu valodā. Drukājiet 100 % mērogā no pārlūka vai tipogrāfijā.
websurvey-widget = Vietnes logrīks
websurvey-widget-help = Ielīmējiet šo tagu savā vietnē: poga “Atsauksmes” atver šo aptauju apmeklētāja valodā.
websurvey-counter-poster = Plakāts pie letes
websurvey-every-site = Plakāts katrai vietai, kurai tā nav
websurvey-print = Drukāt visus plakātus
websurvey-print-help = { $n ->
        [zero] { $n } plakātu
        [one] { $n } plakāts
       *[other] { $n } plakāti
    }, pa vienam A4 lapā. Drukājiet šo lapu (Ctrl+P) vai saglabājiet to kā PDF, 100 % mērogā bez malām.
sms-reask = Atvainojiet, mēs nesapratām. Lūdzu, atbildiet ar vienu skaitli no { $low } līdz { $high }.
sms-stopped = { $org }: jūs vairs nesaņemsiet mūsu ziņas. Lai tās saņemtu atkal, atbildiet START.
sms-stopped-score = { $org }: jūs vairs nesaņemsiet mūsu ziņas, tāpēc jūsu vērtējums netika saglabāts. Atbildiet START, lai tās saņemtu atkal.
sms-started = { $org }: jūs atkal saņemsiet mūsu īsās aptaujas. Atteikties: STOP.
sms-help = { $org }: mēs jautājam par jūsu apmeklējumu. Novērtējiet to ar { $low }-{ $high }, atteikties: STOP.
sms-help-contact = { $org }: mēs jautājam par jūsu apmeklējumu. Novērtējiet to ar { $low }-{ $high }, atteikties: STOP. Sazinieties ar mums: { $contact }
days-unit = dienu laikā
minutes-unit = minūtes
error-retention-days = Ievadiet dienu skaitu no 1 līdz 730.
thresholds-help = Grupu ar mazāk atbildēm nekā pirmais skaitlis neuzrāda, lai no anonīmas atbildes nevienu nevarētu atpazīt; ar mazāk nekā otrais skaitlis to rāda, bet neierindo.
min-shown = Rādīt no
min-ranked = atbildēm; ierindot no
answers-unit = atbildēm
error-thresholds = Rādīt no 3–100 atbildēm un ierindot no šī skaita līdz 10 000.
col-change-short = Izmaiņas
change-legend = ● apzīmē izmaiņas, kas ir lielākas par nejaušību (divpusējs tests 5% līmenī).
export-xlsx = Lejupielādēt Excel
export-csv = CSV
sheet-summary = Kopsavilkums
sheet-trend = Tendence
sheet-sites = Filiāles
sheet-services = Pakalpojumi
sheet-employees = Darbinieki
sheet-matrix = Darbinieks × pakalpojums
sheet-comments = Komentāri
sheet-answers = Atbildes
raw-answered-at = Atbildēts
raw-score = Vērtējums
raw-visit = Apmeklējums
raw-burst = Izlaists (pieskārienu virkne)
raw-yes = jā
export-answers = Lejupielādēt atbildes (CSV)
sheet-reasons = Iemesli
col-question = Jautājums
col-csat-answers = CSAT atbildes
col-low = 95% apakšā
col-high = 95% augšā
col-significance = Nozīmīgums
col-value = Vērtība
col-day = Diena
col-channel = Kanāls
col-comment = Komentārs
col-scores = Vērtējumi tajā pašā apmeklējumā
xlsx-withheld = neuzrāda (par maz atbilžu)
xlsx-too-few = par maz atbilžu, lai ierindotu
flash-deleted = Izdzēsts.

## Report builder
nav-reports = Atskaites
reports-title = Atskaites
reports-all = Visas atskaites
report-new = Jauna atskaite
report-shared = Kopīgota ar
report-shared-help = Vadītājs un autors to redz vienmēr; katrs skatītājs redz tikai tās filiāles un cilvēkus, kurus drīkst.
report-private = tikai autors un vadītājs
report-schedule = Grafiks
schedule-none = nav ieplānota
schedule-weekly = katru pirmdienu pa e-pastu
schedule-monthly = katra mēneša 1. datumā pa e-pastu
reports-empty-title = Saglabātu atskaišu vēl nav
reports-empty-body = Izveidojiet atskaiti no rādītājiem, filtriem un grupējuma un saglabājiet to: tā iegūst savu saiti, ko varat kopīgot ar vadītājiem vai analītiķiem.
report-group-1 = Grupēt pēc
report-group-2 = tad pēc
report-language-people = Atbilžu valoda tiek glabāta pa filiālēm, jautājumiem un kanāliem: izvēlieties to bez pakalpojuma vai darbinieka.
report-visits-not-per = Apmeklējumu rādītāji tiek glabāti pa filiālēm, pakalpojumiem un darbiniekiem: izvēlieties tos bez kanāla, jautājuma vai valodas.
report-visit-metrics = No apmeklējumiem un brīdinājumiem
report-time = Laikā
report-chart = Diagramma
chart-bar = stabiņi
chart-line = līnijas
chart-table = tikai tabula
report-run = Izpildīt
report-empty = Šajā periodā atskaitei atbilstošu atbilžu nav.
report-save-title = Saglabāt šo atskaiti
report-save = Saglabāt atskaiti
report-delete = Dzēst atskaiti
dim-region = Reģions
dim-site = Filiāle
dim-service = Pakalpojums
dim-employee = Darbinieks
dim-channel = Kanāls
dim-question = Jautājums
dim-area = Apkalpošanas joma
dim-language = Klienta valoda
dim-handler = Kas risināja brīdinājumu (tikai brīdinājumu laikiem)
dim-day = Diena
dim-month = Mēnesis

## E-mail
email = E-pasts
email-hint = Uz šo adresi nāk mēneša pārskats un brīdinājumi. Nav obligāts.
monthly-report-receive = Saņemt mēneša pārskatu e-pastā (to, ko šis konts drīkst redzēt)
error-email-for-report = Lai saņemtu mēneša pārskatu, vajag e-pasta adresi.
month-long-1 = janvāris
month-long-2 = februāris
month-long-3 = marts
month-long-4 = aprīlis
month-long-5 = maijs
month-long-6 = jūnijs
month-long-7 = jūlijs
month-long-8 = augusts
month-long-9 = septembris
month-long-10 = oktobris
month-long-11 = novembris
month-long-12 = decembris
month-year = { $year }. gada { $month }
mail-monthly-subject = { $org }: mēneša pārskats, { $month }
mail-monthly-title = Mēneša pārskats · { $month }
mail-hello = Labdien, { $name }!
mail-scope-sites = Jūsu filiāļu rādītāji:
mail-scope-all = Visas organizācijas rādītāji.
mail-trend = { $metric } pēdējos 12 mēnešos
mail-ranking-note = Secība pēc 95% intervāla apakšējās robežas; ieraksti ar mazāk nekā { $min ->
        [zero] { $min } atbildēm
        [one] { $min } atbildi
       *[other] { $min } atbildēm
    } netiek ranžēti.
mail-open-results = Atvērt rezultātus
mail-open-report = Atvērt pārskatu
mail-attachment = Pievienotajā Excel failā ir visas tabulas ar diagrammām.
mail-why-monthly = Jūs to saņemat, jo jūsu Rida kontam ir pieprasīts mēneša pārskats. Vadītājs to var mainīt lapā “Lietotāji”.
mail-why-report = Jūs to saņemat, jo ieplānojāt šo pārskatu Rida. Grafiku var mainīt pārskata lapā.
mail-report-subject = { $report }: { $from } – { $to }
mail-more-rows = Pievienotajā failā vēl: { $n ->
        [zero] { $n } rindu
        [one] { $n } rinda
       *[other] { $n } rindas
    }.
sheet-report = Pārskats
nav-mail = E-pasts
mail-not-configured = E-pasta serveris nav iestatīts.
mail-not-configured-help = Vēstules gaida šeit, līdz tas būs iestatīts: norādiet smtp_url (un mail_from) failā rida.toml vai RIDA_SMTP_URL, tad restartējiet Rida.
mail-when = Sagatavots
mail-what = Vēstule
mail-to = Kam
mail-status = Statuss
mail-attempts = Mēģinājumi
mail-sent = nosūtīta
mail-failed = nav nosūtīta (mēģinājumi beigti)
mail-retrying = mēģina vēlreiz
mail-waiting = gaida
mail-next-attempt = nākamais mēģinājums
mail-send-again = Sūtīt vēlreiz
mail-kind-monthly = Mēneša pārskats
mail-kind-report = Ieplānots pārskats
mail-kind-alert = Brīdinājums
mail-kind-fleet = Termināļi
mail-kind-monday = Pirmdienas e-pasts
mail-fleet-subject = Rida termināļi: { $n ->
        [zero] { $n } izmaiņu
        [one] { $n } izmaiņa
       *[other] { $n } izmaiņas
    }
mail-fleet-title = Jūsu termināļi
fleet-offline = bezsaistē kopš { $at }, kamēr filiāle ir atvērta
fleet-quiet = atbilžu nav daudz ilgāk nekā parasti, kamēr filiāle ir atvērta (kopš { $at })
fleet-back = atkal darbojas kopš { $at }
mail-fleet-open = Atvērt uzraudzību
mail-why-fleet = Jūs to saņemat, jo rūpējaties par šiem termināļiem. Viss, kas mainījies kopš iepriekšējās vēstules, ir šajā.
mail-empty = Vēl nav e-pasta.
mail-empty-help = Mēneša pārskats tiek sūtīts katra mēneša 1. datumā lietotājiem, kas to pieprasījuši (lapa “Lietotāji”); šeit parādās arī ieplānotie pārskati un brīdinājumi.
flash-mail-queued-again = Ielikta rindā vēlreiz: tiks nosūtīta minūtes laikā.

## Alerts
nav-alerts = Brīdinājumi
nav-open-alerts = { $n ->
    [one] atvērts brīdinājums
   *[other] atvērti brīdinājumi
}
nav-alert-rules = Brīdinājumu noteikumi
nav-group-results = Rezultāti un pārskati
nav-group-alerts = Brīdinājumi
nav-group-terminals = Termināļi un aptaujas
nav-group-channels = Kanāli
nav-group-organisation = Organizācija un cilvēki
nav-group-integration = Integrācija
alert-title = Brīdinājums
alert-what-low = { $n ->
        [one] Klients deva zemu vērtējumu: { $score }
       *[other] { $n } zemas atbildes, zemākā { $score }
    }
alert-what-metric = { $metric } šonedēļ: { $value } no { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }, zem { $threshold }
mail-open-alert = Risināt to Rida
mail-digest-subject = Rida brīdinājumi: { $n ->
        [0] kolēģi, par kuriem jāzina
        [zero] { $n } risināmi
        [one] { $n } risināms
       *[other] { $n } risināmi
    }
mail-digest-title = Jūsu brīdinājumi
mail-digest-escalated = Nodots jums: joprojām atvērts pēc termiņa
mail-digest-missing = { $name } nav e-pasta adreses: { $n ->
        [one] { $n } brīdinājums gaida
       *[other] { $n } brīdinājumi gaida
    }. Pievienojiet to viņa kontam.
mail-digest-all = Visi atvērtie brīdinājumi
mail-why-digest = Viena vēstule apkopo jauno kopš iepriekšējās: ne vairāk kā viena stundā vai dienā (izvēlieties sava konta lapā). Brīdinājumu noteikumus iestata vadītājs.
digest-label = Brīdinājumu e-pasti
digest-hour = ne vairāk kā viens stundā
digest-day = ne vairāk kā viens dienā
digest-hint = Jaunie brīdinājumi un jums nodotie, apkopoti vienā vēstulē.
unit-hours = h
alerts-time-to-close = Laiks līdz slēgšanai (pēdējās { $days ->
        [zero] { $days } dienu
        [one] { $days } diena
       *[other] { $days } dienas
    })
alerts-median = mediāna
alerts-mean = vidēji
alerts-none-closed = Šajā laikā neviens brīdinājums nav slēgts.
alerts-status-open = Atvērtie
alerts-status-closed = Slēgtie
alerts-status-all = Visi
alerts-status-call_back = Jāatzvana
alerts-empty-call_back = Neviens klients negaida atzvanu.
alerts-raised = Radīts
alerts-rule = Noteikums
alerts-what = Kas notika
alerts-assigned = Atbildīgais
alerts-open = atvērts
alerts-closed = slēgts
alerts-empty-open = Nav atvērtu brīdinājumu.
alerts-empty-closed = Vēl nav slēgtu brīdinājumu.
alerts-empty-all = Vēl nav brīdinājumu.
alerts-empty-help = Brīdinājumus rada vadītāja iestatītie noteikumi (Brīdinājumu noteikumi): zems vērtējums filiālē vai nedēļas rādītājs zem sliekšņa. Katru risina šeit, līdz tas ir slēgts.
alerts-empty-help-call_back = Brīdinājums gaida šeit, kad kāds tā apmeklējumu klients deva zemu vērtējumu un aptaujas jautājumam "vai drīkstam ar jums sazināties?" atbildēja "jā", līdz kāds brīdinājumā atzīmē zvanu.
alerts-resolution = Risinājums
alerts-resolution-hint = Kas tika darīts, vienā teikumā: tas paliek pie brīdinājuma.
alerts-notes = Piezīmes
alerts-no-notes = Vēl nav piezīmju.
alerts-add-note = Pievienot piezīmi
alerts-assign = Uzticēt
alerts-close = Slēgt brīdinājumu
alerts-reopen = Atvērt atkal
alerts-back = Visi brīdinājumi
alert-rule-person = Arī
alert-rule-deadline = Termiņš (stundas)
alert-rule-deadline-hint = Brīdinājums, kas joprojām ir atvērts tik stundas pēc izveides, vienreiz tiek nodots vadītājam. Tukšs: bez termiņa.
error-alert-deadline = Veselas stundas no 1 līdz 336 (divas nedēļas) vai tukšs.
alerts-acknowledge = Uzņemos
alerts-acknowledged = Pieņemts
alerts-due = Termiņš
alerts-escalated = Nodots vadītājam
alert-rate = { $n } vai vairāk { $minutes } min laikā
alert-last = Pēdējā atbilde
alert-answers-more = un vēl { $n } rezultātos
alert-answers = Atbildes, ko tas savāca
alert-see-results = Skatīt šos rezultātus
alert-figure-none = Vēl nav rādītāja par { $period }: par maz atbilžu.
alert-figure = { $metric } { $period }, pašlaik: { $value } (intervāls { $low }–{ $high }), { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }
error-alert-unreachable = Šis slieksnis nekad nevar radīt jēgpilnu brīdinājumu: rādītājs ir no { $low } līdz { $high }; izvēlieties slieksni virs { $low } un ne vairāk par { $high }.
error-alert-window = Minūtes no 5 līdz 1440, piem., 60.
error-alert-rate-count = Zemo atbilžu skaits no 2 līdz 1000, piem., 3.
alert-rule-window = Laikā (minūtes)
alert-scope-org = visa organizācija
alert-scope-employee = darbiniekam filiālē
alert-scope-service = pakalpojumam filiālē
alert-scope-site = filiālei
alert-rule-scope-hint = Vienas vietas un dienas zemās atbildes sakrājas vienā atvērtā brīdinājumā: tā skaits, atbildes un komentāri aug, līdz kāds to slēdz.
alert-rule-scope = Viens brīdinājums katrai
alert-kind-low_rate-help = vismaz “vajadzīgās atbildes” zemas atbildes logā vienā vietā (piem., 3 60 minūtēs); nākamās tajā dienā pievienojas tā brīdinājumam
alert-kind-low_rate = vairāki zemi vērtējumi īsā laikā
alert-rule-new = Jauns noteikums
alert-rule-edit = Labot noteikumu
alert-rule-kind = Rada brīdinājumu, kad
alert-kind-low_score = zems vērtējums
alert-kind-low_score-help = viena atbilde 1–2 no 5 (CSAT), 0–6 no 10 (NPS), 1–3 no 7 (CES) vai “Nē”; citas tās pašas vietas zemās atbildes tajā dienā pievienojas tā brīdinājumam
alert-kind-metric_below = rādītājs zem sliekšņa
alert-kind-metric_below-help = šīs nedēļas (no pirmdienas līdz šodienai) rādītājs nokrītas zem sliekšņa ar pietiekami daudz atbildēm; reizi nedēļā
alert-kind-terminal_jump = termināla zemāko vērtējumu lēciens
alert-kind-terminal_jump-help = termināla zemāko vērtējumu (1 no 5, 0 no 10…) daļa šodien ir vismaz par slieksni punktos augstāka nekā iepriekšējās četrās nedēļās, ar pietiekamu atbilžu skaitu šodien; pārbauda ik stundu, reizi dienā katram terminālim
alert-kind-low_share = vairāk zemu atbilžu nekā parasti
alert-kind-low_share-help = šodien filiāles zemo atbilžu daļa ir augstāka nekā iepriekšējās četrās nedēļās ārpus nejaušības robežām (viss 95 % intervāls augstāk) un vismaz par slieksni punktos, ar pietiekamu atbilžu skaitu šodien; pārbauda ik stundu, reizi dienā katrai filiālei
alert-what-share = { $share } % zemu atbilžu šodien no { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbildes
       *[other] { $n } atbildēm
    }: virs parastās daļas ārpus nejaušības, par { $jump } punktiem vai vairāk
alert-what-terminal = { $terminal }: šodien { $share } % zemāko vērtējumu no { $n ->
        [zero] { $n } atbilžu
        [one] { $n } atbilde
       *[other] { $n } atbildes
    }, par { $jump ->
        [zero] { $jump } punktiem
        [one] { $jump } punktu
       *[other] { $jump } punktiem
    } vai vairāk virs ierastās daļas
alert-rule-limits = Slieksnis un nepieciešamās atbildes
alert-rule-limits-hint = Rādītājam: vērtība, zem kuras nedēļa rada brīdinājumu, rādītāja mērvienībā. Termināļa zemākajiem vērtējumiem vai filiāles zemajām atbildēm: lēciens procentpunktos virs parastās daļas (piem., 20). Vajadzīgās atbildes: šīs nedēļas vai šodienas; vairākiem zemiem vērtējumiem — cik norādīto minūšu laikā.
error-alert-jump = Punktu skaits no 1 līdz 100, piemēram, 20.
alert-rule-where = Kur
alert-rule-threshold = Slieksnis (rādītāja vienībās)
alert-rule-min-answers = Vajadzīgās atbildes
alert-rule-notify = Ziņot e-pastā
alert-rule-notify-hint = Šo lomu lietotājiem, kas redz filiāli un kam ir e-pasta adrese; ikviens, kas drīkst redzēt brīdinājumu, to atrod lapā “Brīdinājumi”.
alert-rule-in-app = tikai lietotnē
alert-rules-empty = Vēl nav brīdinājumu noteikumu.
alert-rules-empty-help = Noteikums vēro atbildes, tiklīdz tās pienāk: pievienojiet noteikumu zemiem vērtējumiem visās filiālēs, lai neapmierinātus klientus risinātu tajā pašā dienā.
error-alert-threshold = Skaitlis, piem., 80 CSAT procentos, 20 NPS, 4,5 vidējam.
entity-alert = brīdinājums
entity-alert_rule = brīdinājuma noteikums
entity-report = pārskats
demo-filling = Demonstrācijas organizācijas gada atbildes vēl tiek ierakstītas ({ $percent } %): skaitļi pieaug, pārlādējot lapu.
survey-preview-title = Priekšskatījums
survey-preview-phone = Tālrunī (tīmeklī un ar QR)
survey-preview-terminal = Terminālī
survey-preview-help = Aptauja, kā to redz klienta tālrunis un terminālis, katrā valodā; izvēlieties zemu vērtējumu, lai redzētu tā papildjautājumus. Nekas netiek saglabāts.
survey-preview-site = Jūsu filiāle
survey-preview-note = Priekšskatījums: nekas netiek nosūtīts.
week-title = { $year }. gada { $week }. nedēļa
week-previous = ← Iepriekšējā nedēļa
week-next = Nākamā nedēļa →
week-compared = salīdzinot ar iepriekšējo nedēļu un to pašu nedēļu pirms gada
week-vs-before = Pret iepriekšējo nedēļu
week-no-before = iepriekšējā nedēļā atbilžu nav
week-vs-year = Pirms gada { $value }
week-empty = Šajā nedēļā atbilžu nav.
week-sites = Filiāles šajā nedēļā
week-col-site = Filiāle
week-col-service = Pakalpojums
week-all-results = Šī nedēļa rezultātos
week-sites-moved = { $n ->
        [zero] { $n } filiāles mainījās vairāk par nejaušību pret iepriekšējo nedēļu: tās ir pirmās.
        [one] { $n } filiāle mainījās vairāk par nejaušību pret iepriekšējo nedēļu: tā ir pirmā.
       *[other] { $n } filiāles mainījās vairāk par nejaušību pret iepriekšējo nedēļu: tās ir pirmās.
    }
week-sites-steady = Neviena filiāle nemainījās vairāk par nejaušību pret iepriekšējo nedēļu; pirmās ar zemāko CSAT.
week-sites-more = vēl { $n } filiāles rezultātos
week-weakest = Vājākie pakalpojumi
week-weakest-none = Šajā nedēļā nevienam pakalpojumam nav pietiekami daudz atbilžu, lai to ierindotu (vismaz { $min }).
week-comments = Jaunākie komentāri ar zemu vērtējumu
week-all-comments = Visi nedēļas komentāri
week-comments-none = Kopš nedēļas sākuma nav neviena komentāra ar zemu vērtējumu.
week-alerts = Atvērti brīdinājumi: { $open }
week-alerts-overdue = { $n } pēc termiņa
week-overdue = Nokavēts
week-more = vēl { $n }
week-alerts-none = Atvērtu brīdinājumu nav.
week-terminals = Termināļi tagad
week-supervision = Uzraudzība
week-terminals-none = Termināļu vēl nav.
week-offline = { $n } bezsaistē
week-quiet = { $n } klusē
week-terminal-quiet = Klusē
week-last-seen = pēdējoreiz sazinājās
week-terminals-fine = { $n ->
        [zero] Visi { $n } termināļi ir tiešsaistē un saņem atbildes.
        [one] { $n } terminālis ir tiešsaistē un saņem atbildes.
       *[other] Visi { $n } termināļi ir tiešsaistē un saņem atbildes.
    }
monday-label = Pirmdienas e-pasts
monday-hint = Katru pirmdienas rītu aizvadītā nedēļa tāpat kā sākumlapā: rādītāji, filiāles, kas mainījās, komentāri ar zemu vērtējumu, brīdinājumi un termināļi.
monday-on = Sūtīt man pirmdienas e-pastu
monday-no-email = Jūsu kontam nav e-pasta adreses: lūdziet vadītājam to pievienot.
mail-monday-subject = { $org }: { $week }. nedēļa
mail-monday-why = Jūs to saņemat katru pirmdienu, jo to izvēlējāties sava konta lapā.
mail-open-home = Atvērt Rida
week-unpaired = { $n } vēl nav savienoti ar ierīci
export-month-pdf = Mēneša pārskats (PDF)
export-week-pdf = Nedēļa PDF formātā
export-pdf = PDF
report-pdf-note = Katrs rādītājs ar tā 95% intervālu un atbilžu skaitu; joslas rāda pirmo rādītāju visā tā skalā.
org-offline-notice = Termināļi bezsaistē
org-offline-notice-help = Termināli, kas darba laikā vairs nesazinās, uzraudzības lapa rāda bezsaistē jau pēc minūtes; tā uzraugiem raksta, kad tas klusējis tik ilgi (dažu minūšu Wi-Fi pārrāvums nav ziņas vērts), un vēlreiz, kad tas atkal darbojas.
org-offline-notice-label = Ziņot pēc
error-offline-notice = Minūšu skaits no 1 līdz 1440, piemēram, 10.

# Pieteikšanās ar organizācijas katalogu
signin-with = Pieteikties ar { $name }
signin-with-org = Pieteikties ar organizācijas kontu
signin-or-local = vai ar šīs Rida kontu:
signin-provider-down = Organizācijas pieteikšanās serviss pašlaik neatbild. Mēģiniet vēlreiz pēc brīža vai piesakieties ar šīs Rida kontu.
signin-expired = Pieteikšanās ilga pārāk ilgi vai tika sākta citā pārlūkā. Sāciet to no jauna.
signin-failed = Organizācijas pieteikšanās servisa atbildi nevarēja pārbaudīt, tāpēc neviens netika pieteikts. Sāciet no jauna; ja tas atkārtojas, ziņojiet IT nodaļai.
signin-cancelled = Pieteikšanās tika atcelta organizācijas pieteikšanās servisā.
signin-refused-title = Nav piekļuves Rida
signin-refused-who = Organizācijas katalogs jūs pazīst kā { $username }, taču Rida nevar jūs ielaist:
signin-refused-no-group = nevienai no jūsu kataloga grupām nav dota piekļuve Rida.
signin-refused-disabled = jūsu konts Rida ir izslēgts.
signin-refused-name-taken = citam šīs Rida kontam jau ir jūsu vārds.
signin-refused-no-employee = jūsu grupas dod darbinieka kontu, taču šeit nav darbinieka ar jūsu darbinieka numuru.
signin-refused-no-reach = jūsu grupas dod piekļuvi filiālēm vai reģioniem, kas vairs nedarbojas.
signin-refused-help = Šis mēģinājums ir reģistrēts. Lūdziet personai, kas jūsu organizācijā pārvalda Rida (vai IT nodaļai), pievienot jūsu grupu Rida kataloga grupām.
signin-back = Atpakaļ uz pieteikšanos
nav-directory = Kataloga grupas
directory-provider = organizācijas identitātes pakalpojumu
directory-intro-oidc = Darbinieki piesakās, izmantojot { $name }. Katra zemāk esošā grupa tās dalībniekiem dod lomu un tvērumu Rida; kas nav nevienā no tām, nevar pieteikties.
directory-intro-none = Katalogs vēl nav iestatīts (oidc_issuer failā rida.toml; skatiet README sadaļu par pieteikšanos ar organizācijas katalogu). Zemāk esošās grupas darbosies, tiklīdz tas būs iestatīts.
directory-intro-order = Lomu nosaka pirmā rinda, kuras grupā persona ir; tās pašas lomas rindu tvērumi summējas. Loma un tvērums tiek atjaunoti katrā pieteikšanās reizē.
directory-group = Grupa
directory-group-hint = Grupas nosaukums, kā to sūta katalogs (rida-managers-riga; Entra ID sūta grupu ID), vai LDAP grupas pilns DN.
directory-add = Pievienot grupu
directory-empty = Neviena grupa vēl nedod piekļuvi.
directory-empty-help = Pievienojiet kataloga grupas un lomu, ko katra dod. Līdz tam neviens nevar pieteikties caur katalogu; vietējie konti turpina darboties.
directory-reach-all = visa organizācija
directory-site-closed = slēgta
directory-employee-hint = Darbinieka konts tiek saistīts ar darbinieku, kura ārējais ID ir personas darbinieka numurs katalogā.
error-directory-group = Ierakstiet grupas nosaukumu vai DN.
error-directory-group-taken = Šī grupa jau ir tabulā.
error-password-directory = Šis konts piesakās caur organizācijas katalogu: tam šeit nav paroles.
user-source-directory = katalogs
signin-directory-down = Organizācijas katalogs pašlaik neatbild, tāpēc kataloga konti nevar pieteikties. Mēģiniet vēlreiz pēc brīža; šīs Rida konti joprojām var.

# Otrais faktors
login-code-title = Kods no jūsu lietotnes
login-code-help = Atveriet autentifikatora lietotni tālrunī un ierakstiet sešus ciparus, ko tā rāda Rida. Pazaudējāt tālruni? Ierakstiet kādu no atkopšanas kodiem.
login-code = Kods
login-code-invalid = Šis kods ir nepareizs, novecojis vai jau izmantots. Ierakstiet kodu, ko lietotne rāda tagad.
login-code-wait = Pārāk daudz nepareizu kodu. Pagaidiet dažas minūtes un piesakieties vēlreiz.
second-factor-title = Otrais faktors
second-factor-waiting = Jūsu organizācija prasa otro faktoru, pirms lasāt rezultātus. Iestatiet to šeit: tas aizņem minūti.
second-factor-on = Otrais faktors ir ieslēgts
second-factor-recovery-help = Glabājiet šos atkopšanas kodus drošā vietā (izdrukātus vai paroļu pārvaldniekā). Katrs vienreiz ļauj pieteikties, ja tālrunis ir pazaudēts. Tie tiek rādīti tikai tagad.
second-factor-directory = Jūsu konts piesakās caur organizācijas katalogu, kam ir savi noteikumi par otro faktoru.
second-factor-is-on = Pēc paroles tiek prasīts kods no jūsu autentifikatora lietotnes.
second-factor-codes-left = { $count ->
        [zero] Atlikuši { $count } atkopšanas kodi.
        [one] Atlicis { $count } atkopšanas kods.
       *[other] Atlikuši { $count } atkopšanas kodi.
    }
second-factor-turn-off = Izslēgt otro faktoru
second-factor-required-by-org = Jūsu organizācija to prasa jūsu lomai. Ja tālrunis ir pazaudēts, vadītājs to var atiestatīt.
second-factor-setup-help = Noskenējiet šo kodu ar autentifikatora lietotni (FreeOTP, Aegis, Google vai Microsoft Authenticator…) vai ierakstiet atslēgu, tad ierakstiet sešus ciparus, ko tā rāda.
second-factor-qr-alt = QR kods, lai pievienotu Rida autentifikatora lietotnei
second-factor-key = Atslēga:
second-factor-turn-on = Ieslēgt
second-factor-link = Otrais faktors (kods no lietotnes)
second-factor-reset = Atiestatīt otro faktoru
require-second-factor = Vietējiem kontiem, kas lasa rezultātus (vadītājs, vadītāji, analītiķi), jāizmanto otrais faktors
require-second-factor-hint = Kods no autentifikatora lietotnes pēc paroles. Organizācijas kataloga konti ievēro tā noteikumus.
sign-in-security = Pieteikšanās
continue = Turpināt

# Audita žurnāls: citas darbības un objekti
audit-action-delete = Dzēsts
audit-action-erase = Izdzēsts
audit-action-import = Importēts
audit-action-save = Saglabāts
audit-action-logout = Izrakstīts
audit-action-login_refused = Pieteikšanās atteikta
audit-action-role = Loma mainīta
audit-action-second_factor_on = Otrais faktors ieslēgts
audit-action-second_factor_off = Otrais faktors izslēgts
audit-action-recovery_code = Izmantots atkopšanas kods
audit-action-retention = Veci ieraksti dzēsti
entity-directory_group = kataloga grupa
entity-survey_rule = aptaujas noteikums
entity-webhook = tīmekļa āķis
entity-customer = klients
entity-audit_log = audita žurnāls
org-audit-days = Audita žurnāls
org-audit-days-help = Pieteikšanās, atteikumi, lomu maiņas un visas administratīvās izmaiņas tiek glabātas tik ilgi, tad dzēstas (arī dzēšana tiek reģistrēta). 0 tās glabā vienmēr.
org-audit-days-label = Glabāt ierakstus
error-audit-days = Ierakstiet 0 (vienmēr) vai dienu skaitu no 30 līdz 3650.
audit-filter-action = Veids
audit-filter-actor = Kas
audit-filter-all = Visi veidi
audit-export-csv = Lejupielādēt CSV

## Komentāru tēmas un noskaņojums
themes-title = Par ko bija komentāri
themes-how = Kā komentāri tiek lasīti
themes-reading-again = Komentāri tiek lasīti no jauna ar mainītajām tēmām; rādītāji pa to laiku paliek pilnīgi.
themes-reading-again-how-far = Cik tālu?
themes-withheld = Tēmas netiek rādītas: vienam cilvēkam mazāk nekā { $min } komentāru.
themes-of-comments = No { $n ->
    [zero] { $n } komentāriem
    [one] { $n } komentāra
   *[other] { $n } komentāriem
} šajā periodā. Komentārs var būt par vairākām tēmām.
themes-col-theme = Tēma
themes-col-comments = Komentāri
themes-col-share = Daļa
themes-col-change = Izmaiņas
themes-col-feeling = Noskaņojums
themes-col-csat = Šo apmeklējumu CSAT
themes-rising = ↑ pieaug
themes-rising-title = Tās daļa komentāros kopš iepriekšējā perioda pieauga par 5 punktiem vai vairāk.
unit-pp = p.p.
themes-feeling-label = { $negative } % negatīvi, { $neutral } % neitrāli, { $positive } % pozitīvi
themes-negative-short = { $p } % negatīvi
themes-csat-too-few = { $n } apmeklējumi ar CSAT vērtējumu: mazāk nekā { $min }.
themes-hidden = { $n ->
    [one] { $n } tēma
   *[other] { $n } tēmas
} ar mazāk nekā { $min } šī cilvēka komentāriem netiek rādītas.
themes-none-found = Šī perioda komentāri ({ $n }) nav ne par vienu tēmu.
themes-empty = Šajā periodā nav komentāru. Tēmas parādās, kad klienti raksta komentārus.
themes-clear = Visi komentāri
sentiment-negative = negatīvs
sentiment-neutral = neitrāls
sentiment-positive = pozitīvs
comment-why = Kāpēc?
theme-waiting = Gaidīšanas laiks
theme-courtesy = Pieklājība
theme-competence = Kompetence
theme-information = Informācija un skaidrojumi
theme-process = Procedūras un dokumenti
theme-cleanliness = Tīrība
theme-comfort = Telpu ērtības
theme-accessibility = Piekļuve un darba laiks
theme-digital = Digitālie pakalpojumi un iekārtas
theme-price = Cenas un maksas
theme-care = Medicīniskā aprūpe
theme-waiting-about = rinda, gaidīšana, ātrums
theme-courtesy-about = pieklājība, attieksme, cieņa, smaids
theme-competence-about = zināšanas, kļūdas, problēmas atrisināšana
theme-information-about = skaidrojumi, atzvanīšana, norādes, informēšana
theme-process-about = dokumenti, veidlapas, atkārtoti apmeklējumi, pieraksti, noteikumi
theme-cleanliness-about = tīras vai netīras telpas un tualetes
theme-comfort-about = sēdvietas, temperatūra, troksnis, vieta
theme-accessibility-about = stāvvietas, uzbrauktuves un lifti, atrašanās vieta, darba laiks
theme-digital-about = lietotne, mājaslapa, kioski, bankomāti, rindas automāts
theme-price-about = cenas, maksas, komisijas, izmaksas
theme-care-about = ārsti, māsas, ārstēšana, izmeklējumi (klīnikām)
reading-title = Kā šis komentārs tika izlasīts
reading-legend-pos = par labu
reading-legend-neg = pret
reading-legend-mod = mainīja vārda svaru
reading-legend-theme = deva tēmu
reading-cut = Garākam komentāram tiek lasītas tikai pirmās { $n } rakstzīmes.
reading-sentiment = Noskaņojums
reading-language = Valoda
reading-lang-ar = arābu
reading-lang-en = angļu
reading-lang-lv = latviešu
reading-lang-unknown = neviena no trim
reading-score = vērtējums { $score }
reading-confidence = ticamība { $p } %
reading-col-word = Vārds
reading-col-entry = Leksikona ieraksts
reading-col-weight = Svars
reading-col-how = Kāpēc šāds svars
reading-own-word = organizācijas vārds
reading-no-cues = Neviens šī komentāra vārds neliecina par klienta noskaņojumu: tas tiek lasīts kā neitrāls.
reading-no-themes = Neviens šī komentāra vārds nenosauc tēmu.
reading-stored-differs = Kopš šis komentārs tika saskaitīts, tēmas mainītas: tā rādītāji tiek atjaunoti.
reading-negated = apgriezts ar “{ $word }”
reading-intensified = pastiprināts ar “{ $word }”
reading-weakened = pavājināts ar “{ $word }”
reading-before-contrast = skaitās uz pusi: pirms “{ $word }”
reading-after-contrast = skaitās pusotrkārt: pēc “{ $word }”
reading-wished = neskaitās: vēlējums pēc “{ $word }”
reading-lacking = trūkst: pēc “{ $word }”
reading-stretched = izstieptie burti to pastiprina
reading-spelling = lasīts kā ieraksta pārrakstīšanās
reading-duration = gaidīšana { $minutes } min
help-themes = Kā komentāri tiek lasīti
help-themes-method-title = Metode
help-themes-method = Katrs komentārs tiek lasīts pašā Rida, bez ārēja servisa un bez lejupielādēm: vārdu un frāžu leksikoni arābu, angļu un latviešu valodā un likumi virs tiem. Vārds skaitās par labu vai pret ar savu svaru; tēmu dod tās pašas vārdi. Katru lasījumu var parādīt: rezultātu lapā “Kāpēc?” pie komentāra iezīmē vārdus, kas skaitījās, un pasaka, ko katrs izdarīja. Rida neizmanto apmācītu modeli: šīm trim valodām tādā vidē nav modeļa, kas spētu pateikt, kāpēc izlēma, bet leksikonu katra organizācija var papildināt.
help-themes-languages = Arābu valodā burtu formas (أ إ آ, ة un ه, ى un ي), diakritiskās zīmes un izstieptie burti tiek vienādoti; leksikonā ir Persijas līča, Levantes un Ēģiptes rakstība; arabizi (arābu valoda latīņu burtiem ar cipariem, piemēram, 7elo vai sa3a) tiek atpazīta kā arābu. Latviešu valoda tiek lasīta ar garumzīmēm un bez tām. Komentārs nevienā no trim valodām tiek tā atzīmēts, nevis piespiests kādai; emocijzīmes tiek lasītas visās valodās.
help-themes-rules = Likumi: noliegums apgriež nākamo vārdu (“not bad”, “nav slikti”, “مو زين”, arī pie darbības vārda: “nepatika”, “ماعجبني”); “ļoti” un “mazliet” pastiprina un pavājina; tas, kas pirms “bet”, skaitās uz pusi; vēlējums (“būtu labi…”) nav uzslava; kaut kā trūkums (“nav stāvvietu”) ir sūdzība, rindas trūkums ir uzslava; gaidīšana pusstundu vai ilgāk ir sūdzība, piecas minūtes vai mazāk ir uzslava; vārds ar vienu burta kļūdu tiek lasīts kā domātais vārds.
help-themes-limits = Ironija un sarkasms netiek saprasti (“lieliski, atkal kļūda”). Tiek lasītas tikai komentāra pirmās { $n } rakstzīmes. Tēmai vajag kādu no tās vārdiem: komentārs, kas lietu nosauc leksikonam nezināmiem vārdiem, tēmu nesaņem; pievienojiet tēmai organizācijas vārdus.
help-themes-figures-title = Cik labi tas lasa: izmērīts
help-themes-figures = Izmērīts ar šo versiju uz ar roku marķētiem komentāriem (noskaņojums un tēmas), kas rakstīti līdzīgi komentāriem bankās, klīnikās un valsts iestādēs, ar dialektiem, pārrakstīšanās kļūdām un jauktām valodām. Makro-F1 ir negatīvā, neitrālā un pozitīvā F1 vidējais, tāpēc lasītājs, kas visu sauc par pozitīvu, saņem zemu vērtējumu. Uz tiem pašiem komentāriem mērītas divas bāzes metodes: apmeklējuma vērtējums kā noskaņojums un tie paši leksikona atslēgvārdi bez likumiem.
help-themes-col-language = Valoda
help-themes-col-set = Kopa
help-themes-col-f1 = Noskaņojuma makro-F1
help-themes-col-accuracy = Noskaņojuma precizitāte
help-themes-col-themes-f1 = Tēmu makro-F1
help-themes-col-score = Bāze: vērtējums
help-themes-col-keywords = Bāze: atslēgvārdi
help-themes-set-lexicon = izmantoti leksikonu veidošanā
help-themes-set-heldout = atlikti malā
help-themes-sets = Pirmā kopa izmantota, rakstot leksikonus, un rāda, ko tie aptver; malā atliktā kopa uzrakstīta vēlāk un nekad nav izmantota to mainīšanai: tā labāk parāda, ko gaidīt no komentāriem, ko Rida nav redzējusi. Trešā kopa, uzrakstīta vēlāk no komentāriem, kas sūdzas bez neviena sūdzības vārda (“runāja ar mani kā ar bērnu”), pirms tās kļūdas izmantoja leksikonu papildināšanai, tika nolasīta ar noskaņas makro-F1 0,69 (arābu) un 0,73 (angļu, latviešu): komentāri, kas neatgādina šeit rakstītos, tiek nolasīti sliktāk, un organizācijas pašas vārdi šo plaisu samazina.
help-themes-list-title = Tēmas
help-themes-own = Sadaļā Organizācija un cilvēki → Komentāru tēmas vadītājs ieslēdz vai izslēdz tēmas, pārdēvē tās katrā valodā, pievieno tēmai organizācijas vārdus (vārdu, vārdu sākumu ar * vai vairākus vārdus) un veido organizācijas tēmas. Saglabātie komentāri tad fonā tiek lasīti no jauna; rādītāji pa to laiku paliek pilnīgi.
nav-themes = Komentāru tēmas
themes-admin-intro = Rida katrā komentārā nolasa tēmas un noskaņojumu. Izvēlieties organizācijai svarīgās tēmas, nosauciet tās tā, kā runā tās cilvēki, un pievienojiet vārdus, ko par tām lieto klienti. Saglabājot saglabātie komentāri fonā tiek lasīti no jauna.
themes-admin-reading = Komentāri tiek lasīti no jauna ar jaunajām tēmām…
themes-admin-progress = { $done } no { $total } komentāriem
themes-admin-refresh = Atjaunot
themes-admin-first-reading = Komentāri, kas saglabāti pirms tēmu ieviešanas, tiek lasīti pirmo reizi.
themes-admin-kind = Organizācijas veids
themes-admin-kind-hint = Nosaka sākuma tēmas. Izvēloties citu veidu, Rida tēmas tiek ieslēgtas un izslēgtas kā šim veidam; organizācijas tēmas paliek.
org-kind-bank = Banka vai apdrošinātājs
org-kind-clinic = Klīnika vai slimnīca
org-kind-government = Valsts klientu apkalpošanas centrs
org-kind-other = Cits
themes-admin-on = Ieslēgta
themes-admin-names = Nosaukums (tukšs: Rida)
themes-admin-name-default = Rida nosaukums
themes-admin-words = Organizācijas vārdi
themes-admin-words-placeholder = pa vienam rindā: vārds, vārdu sākums ar * (pensij*) vai daži vārdi
themes-admin-rida-words = ar Rida vārdiem
themes-admin-own = sava
themes-admin-new = Organizācijas tēma
themes-admin-new-hint = Dodiet tai nosaukumu vismaz vienā valodā un vārdus, kas to nosauc (jebkurā no trim valodām, pa vienam rindā).
flash-themes-saved = Tēmas saglabātas. Saglabātie komentāri tiek lasīti no jauna.
error-themes-changed = Kāds cits pa to laiku mainīja tēmas. Lūk, kādas tās ir tagad: veiciet izmaiņas vēlreiz.
error-theme-word = “{ $word }” nevar būt tēmas vārds: vismaz divi burti, trīs pirms *, ne vairāk kā 60 rakstzīmes.
error-theme-words-many = Tēmai ne vairāk kā 200 vārdu.
error-theme-name-long = Nosaukumā ne vairāk kā 60 rakstzīmes.
error-theme-own-words = Organizācijas tēmai vajag vismaz vienu vārdu.
error-theme-own-name = Dodiet tai nosaukumu vismaz vienā valodā.
error-theme-own-many = Ne vairāk kā 30 organizācijas tēmu.
alert-kind-theme = negatīvi komentāri par tēmu
alert-kind-theme-help = vismaz “vajadzīgās atbildes” negatīvi komentāri par tēmu viena loga laikā vienā vietā (piem., 2 par pieklājību 1440 minūtēs); nākamie tajā dienā pievienojas tā brīdinājumam
alert-rule-theme = Tēma
alert-what-theme = { $n ->
    [zero] { $n } negatīvi komentāri
    [one] { $n } negatīvs komentārs
   *[other] { $n } negatīvi komentāri
} par tēmu “{ $theme }”
error-alert-theme = Izvēlieties tēmu, kam noteikums seko.
error-alert-theme-count = Komentāru skaits no 1 līdz 1000, piem., 2.
error-alert-theme-window = Minūtes no 5 līdz 10080 (nedēļa), piem., 1440 dienai.

dim-theme = Komentāru tēma (tikai komentāru rādītājiem)
dim-sentiment = Komentāru noskaņojums (tikai komentāru rādītājiem)
metric-comment_share = Daļa no komentāriem (%)
metric-negative_comments = Negatīvie komentāri (%)
metric-comment_csat = Komentēto apmeklējumu CSAT (%)
col-commented-visits = Komentētie apmeklējumi ar CSAT vērtējumu
report-comment-metrics = No komentāriem
report-theme = Komentāru tēma
report-sentiment = Komentāru noskaņojums
report-themes-comments-only = Tēmas un noskaņojumi grupē un atlasa tikai komentāru rādītājus: izvēlieties rādītāju no komentāriem vai atstājiet tēmu un noskaņojumu neizvēlētu.
report-comments-not-per = Komentāru rādītāji tiek glabāti pa filiālēm, pakalpojumiem, darbiniekiem, tēmām un noskaņojumiem: izvēlieties tos bez kanāla, jautājuma, jomas, valodas vai brīdinājuma risinātāja.
report-comment-csat-feeling = Komentēto apmeklējumu CSAT tiek glabāts pa tēmām, nevis pa noskaņojumiem: izvēlieties to bez noskaņojuma.

nav-pulse = Darbinieku pulss
pulse-title = Darbinieku pulss
pulse-intro = Kā jums strādāt šeit? Minūte, daži jautājumi.
pulse-anonymous = Anonīmi: jūsu atbilde nekad netiek glabāta ar jūsu vārdu vai kontu, tā tikai pieskaitīta jūsu filiāles skaitiem. Rādītāji redzami tikai pēc kārtas beigām un tikai grupām, kurās ir vismaz noteiktais minimums.
pulse-send = Nosūtīt
pulse-answered = Jūs šajā kārtā atbildējāt. Paldies!
pulse-mailed = Šī kārta tika nosūtīta uz jūsu e-pastu: atbildiet ar saiti tajā (tā derīga vienu reizi).
pulse-none-open = Pašlaik nav atvērtas kārtas.
pulse-thanks = Paldies: jūsu atbilde ir ieskaitīta.
pulse-link-used = Šī saite jau izmantota: katra der vienu reizi.
pulse-closed = Šī kārta ir beigusies.
pulse-link-unknown = Šī saite nav zināma. Pārbaudiet, vai tā nokopēta pilnībā.
pulse-enps-question = Cik ticami, ka jūs ieteiktu draugam strādāt šeit?
pulse-enps-low = nepavisam
pulse-enps-high = ļoti ticami
pulse-disagree = pilnīgi nepiekrītu
pulse-agree = pilnīgi piekrītu
pulse-plan-title = Pulsa plāns un jautājumi
pulse-open-now = Atvērt kārtu tagad
pulse-plan-off = Ritms nav iestatīts: kārta tiek atvērta tikai tad, kad to atver vadītājs.
pulse-plan-line = Kārta { $rhythm }, { $delivery }, atvērta { $days ->
    [one] { $days } dienu
   *[other] { $days } dienas
}, ar { $n ->
    [zero] { $n } apgalvojumiem
    [one] { $n } apgalvojumu
   *[other] { $n } apgalvojumiem
} pēc eNPS jautājuma.
pulse-rhythm = Ritms
pulse-rhythm-off = tikai atverot ar roku
pulse-rhythm-monthly = katru mēnesi
pulse-rhythm-quarterly = katru ceturksni
pulse-delivery = Kā darbiniekiem jautā
pulse-delivery-station = viņu darba vietas ekrānā
pulse-delivery-email = ar vienreizēju saiti e-pastā
pulse-delivery-help = Pa e-pastu katrs darbinieks ar adresi saņem saiti, kas der vienu reizi; tie, kam adreses nav, atbild savā darba vietas ekrānā.
pulse-open-days = Cik dienas kārta ir atvērta
pulse-statements = Apgalvojumi
pulse-statements-help = Līdz pieciem apgalvojumiem pēc jautājuma "vai ieteiktu strādāt šeit?", katrs vērtēts no 1 (pilnīgi nepiekrītu) līdz 5 (pilnīgi piekrītu). Uzrakstiet katru valodās, kuras darbinieki lasa; tukšas valodas vietā rāda citu.
pulse-plan-help = Kārtas atveras mēneša vai ceturkšņa pirmajā dienā organizācijas laika joslā. Kārta jautā apgalvojumus, kas saglabāti tās atvēršanas brīdī.
pulse-round = Kārta { $key }
pulse-open-line = Atvērta līdz { $closes }: līdz šim atbildējuši { $answered } no { $asked } darbiniekiem.
pulse-open-why = Rādītāji parādās pēc kārtas beigām: vērojot, kā tie mainās atvērtas kārtas laikā, varētu uzzināt, ko atbildējis kolēģis.
pulse-too-few = { $n } atbildes: mazāk nekā { $min }, tāpēc rādītājs netiek rādīts.
pulse-enps = eNPS
pulse-answers = { $n ->
    [zero] { $n } atbilžu
    [one] { $n } atbilde
   *[other] { $n } atbildes
}
pulse-agree-share = piekrīt (4–5 no 5)
pulse-sites-title = Filiāles: komandas pulss blakus klientu apmierinātībai
pulse-sites-help = Klientu CSAT par { $from } – { $to } (30 dienas līdz kārtas beigām). Filiāles pulss redzams no { $min } atbildēm.
pulse-col-answers = Darbinieki
sheet-pulse = Pulss
pulse-organisation = Organizācija
pulse-xlsx = Lejupielādēt Excel failā
pulse-col-statement = Apgalvojums { $n }
pulse-withheld = Mazāk nekā { $min } atbildes
pulse-correlation = { $n } filiālēs komandas eNPS un klientu CSAT korelācija ir r = { $r } (1: kopā, 0: nesaistīti, −1: pretēji).
pulse-correlation-few = Abi rādītāji ir { $n } filiālēm: vajag vismaz trīs, lai teiktu, vai laimīgākas komandas apkalpo apmierinātākus klientus.
pulse-no-sites = Jūsu filiālēm šajā kārtā nebija atbilžu.
pulse-empty = Vēl nav nevienas kārtas. Iestatiet plānu un atveriet kārtu: darbinieki atbild savā darba vietas ekrānā vai ar vienreizēju saiti e-pastā.
pulse-rounds = Kārtas
pulse-open-until = atvērta līdz { $closes }
pulse-invite = Ir atvērta darbinieku pulsa kārta: minūte, anonīmi.
pulse-answer-now = Atbildēt uz pulsu
pulse-our-results = Mūsu rezultāti, kārta { $key }
pulse-answer-needed = Izvēlieties skaitli no 0 līdz 10.
pulse-out-of-range = Izvēlieties kādu no parādītajiem skaitļiem.
pulse-question-too-long = Ne vairāk kā 200 rakstzīmes katrā valodā.
pulse-rhythm-unknown = Izvēlieties kādu no ritmiem.
pulse-delivery-unknown = Izvēlieties kādu no veidiem.
pulse-days-range = No { $min } līdz { $max } dienām.
pulse-plan-conflict = Kāds saglabāja plānu pēc tam, kad jūs to atvērāt. Pārbaudiet to vēlreiz un saglabājiet.
flash-pulse-open-already = Kārta jau ir atvērta.
flash-pulse-opened = Kārta ir atvērta.
flash-pulse-today-already = Šodien kārta jau tika atvērta.
flash-pulse-thanks = Paldies: jūsu pulsa atbilde ir ieskaitīta anonīmi.
mail-pulse-subject = { $org }: kā jums strādāt šeit?
mail-pulse-intro = Minūte, daži jautājumi: kā jums strādāt šeit?
mail-pulse-open = Atbildēt
mail-pulse-closes = Kārta ir atvērta līdz { $day }. Saite der vienu reizi.

nav-customers = Klienti
customers-help = Viena klienta vēsture atzvanīšanai: apmeklējumi, viņam sūtītās aptaujas ziņas, viņa vārdā sniegtās atbildes, piekrišana un brīdinājumi par viņu. Termināļa vai tīmekļa plakāta atbildes ir anonīmas un šeit netiek rādītas. Katra atvēršana tiek ierakstīta audita žurnālā.
customers-number = Tālruņa numurs vai e-pasta adrese
customers-number-hint = Jebkurā ierastā veidā: +371 2000 0000, 0037120000000, valsts numurs, arābu-indiešu cipari.
customers-open = Atvērt vēsturi
customer-error-email-invalid = Šī nav derīga e-pasta adrese.
customer-error-phone_unparseable = Šis nav tālruņa numurs.
customer-error-phone_invalid = Šis nav derīgs numurs savai valstij.
customer-error-phone_needs_country = Pievienojiet valsts kodu (piemēram, +371): organizācijai valsts nav iestatīta.
customer-title = Klienta vēsture
customer-no-contact = Šim klientam kontaktinformācija netiek glabāta.
customer-audited = Šīs lapas atvēršana tiek ierakstīta audita žurnālā.
customer-alerts = Brīdinājumi par viņu
customer-alert = Brīdinājums
customer-none = Nav.
customer-answers = Viņa atbildes
customer-answers-help = Tikai atbildes, kas sniegtas aptaujā, kura tika nosūtīta viņam (SMS, WhatsApp, viņa aptaujas saite).
customer-answer = Atbilde
customer-visits = Apmeklējumi
customer-messages = Aptaujas ziņas
callback-title = Atzvanīšana
callback-asked = Klients atbildēja, ka ar viņu drīkst sazināties: atzvaniet viņam.
callback-asked-many = { $n } šī brīdinājuma klienti atbildēja, ka ar viņiem drīkst sazināties: atzvaniet katram.
callback-done = Atzvanīja { $by }:
callback-history = Klienta vēsture un numurs
callback-mark-done = Atzvanīts
callback-note = Klientam tika atzvanīts.
flash-called-back = Ierakstīts: klientam tika atzvanīts.
flash-called-back-already = Klientam jau tika atzvanīts.
question-callback = Jautā, vai ar klientu drīkst sazināties ("vai drīkstam ar jums sazināties?")
question-callback-hint = Jā/nē jautājums. "Jā" no klienta, kuram aptauja tika nosūtīta, kopā ar zemu vērtējumu atver atzvanīšanas uzdevumu brīdinājumā.
question-callback-yes-no = To var jautāt tikai jā/nē jautājums.
customer-words-withheld = Vārdi par darbinieku: redzami tiem, kas drīkst redzēt šī darbinieka rezultātus.
week-pulse = Darbinieku pulss, kārta { $key }
week-pulse-lowest = zemākais
