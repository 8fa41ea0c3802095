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
login-locked = Pārāk daudz neveiksmīgu mēģinājumu. Konts ir bloķēts uz dažām minūtēm; mēģiniet vēlāk.
username = Lietotājvārds
username-hint = 3–64 burti, cipari, punkti, domuzīmes vai @. To lieto, lai pieteiktos.
password = Parole

## Common
name = Nosaukums
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
error-too-long = Pārāk garš: ne vairāk kā { $max } rakstzīmes.
error-too-short = Pārāk īss: vismaz { $min } rakstzīmes.
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
error-page-csrf = Šīs veidlapas derīgums ir beidzies
error-page-csrf-help = Drošības dēļ veidlapa tika noraidīta. Atgriezieties, pārlādējiet lapu un nosūtiet to vēlreiz.

## Overview
overview-title = Pārskats
overview-csat-30 = Apmierinātība (CSAT), pēdējās 30 dienas
overview-no-answers = Pēdējās 30 dienās vēl nav atbilžu.
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
entity-organisation = organizācija
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
password-hint = Vismaz { $min } rakstzīmes. Daži vārdi veido stipru paroli.
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
question-choices-hint = Izvēles jautājumiem: pa vienai rindā, “atslēga = English | العربية | Latviešu”. Mainot rindas vārdus, saglabājiet tās atslēgu, lai atskaites to turpinātu skaitīt kopā.
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
survey-error-bad-choice-line = { $line }. rinda: atslēga ir mazie latīņu burti, cipari un _, un pēc tās “=”.
start-csat-prompt = Cik apmierināts esat ar šodienas apmeklējumu?
start-reasons-prompt = Mums žēl. Kas nogāja greizi?
start-reason-wait = Ilga gaidīšana
start-reason-staff = Darbinieka attieksme
start-reason-unresolved = Mans jautājums netika atrisināts
start-reason-premises = Telpas un ērtības
start-comment-prompt = Ko mēs varētu darīt labāk?
start-nps-prompt = Cik ticams, ka jūs mūs ieteiktu draugam?

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
terminal-control = Vadīt
alert-offline = Bezsaistē
alert-quiet = Darba laikā 3 stundas nav atbilžu

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
overview-bursts-left-out = vēl { $n } pieskārienu sērijās nav ņemti vērā (kopā { $raw })
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
help-ranking-counts = Ieraksti ar mazāk nekā { $min_ranked } atbildēm tiek rādīti kā “nepietiek atbilžu” un netiek ierindoti.
help-ranking-trust = Ierakstam ar 3 atbildēm “5” ir plašs intervāls, kas sniedzas tālu uz leju, tāpēc tas ierindojas aiz ieraksta ar 300 pārsvarā labām atbildēm.
help-anonymity-title = Anonīmas atbildes paliek anonīmas
help-anonymity-what = Grupas ar mazāk nekā { $min_shown } atbildēm rādītāji un komentāri netiek rādīti, lai neviens nevarētu uzzināt, kas ko atbildēja.
help-anonymity-formula = grupu rāda tikai tad, ja atbilžu ir ≥ { $min_shown }
help-anonymity-counts = Attiecas uz katra darbinieka rādītājiem un komentāriem aiz jebkura rādītāja.
help-anonymity-trust = Darbinieki neredz nevienu savu vai citu vērtējumu; vadītāji un analītiķi redz katra darbinieka rezultātus tikai tad, ja to atļauj vadītājs.

## Results dashboard
nav-results = Rezultāti
results-title = Rezultāti
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
period-previous = ← Iepriekšējais periods
period-next = Nākamais periods →
period-compared = salīdzinot ar { $from } – { $to }
withheld = Neuzrāda: { $n } atbildes, mazāk nekā { $min }, lai nevienu nevarētu atpazīt.
tile-empty = Šajā periodā atbilžu nav.
change-none = Iepriekšējā periodā nav atbilžu, ar ko salīdzināt.
unit-percent-change = punkti
unit-score-change = punkti
unit-mean-change = skalā
change-clear = skaidras izmaiņas
change-unclear = nejaušības robežās
today-title = Šodien, tiešraidē
today-empty = Šodien vēl nav atbilžu.
results-bursts = { $n } atbildes no pieskārienu sērijām šajos skaitļos nav ieskaitītas.
results-empty-title = Šajā periodā atbilžu nav
results-empty-body = Šeit šajā periodā neviens nav atbildējis. Izvēlieties agrāku periodu vai pārbaudiet lapā “Uzraudzība”, vai šo filiāļu termināļi ir tiešsaistē.
trend-title = { $metric }: pēdējie 12 mēneši
show-numbers = Rādīt skaitļus
col-month = Mēnesis
col-interval = 95% intervāls
col-answers = Atbildes
col-change = Izmaiņas pret iepriekšējo periodu
col-name = Nosaukums
col-employee = Darbinieks
not-enough = par maz atbilžu, lai ierindotu (mazāk nekā { $min })
ranking-empty = Šajā periodā atbilžu nav.
ranking-sites = Filiāles, labākās vispirms
ranking-services = Pakalpojumi, labākie vispirms
ranking-employees = Darbinieki, labākie vispirms
matrix-title = { $metric }: darbinieks × pakalpojums
matrix-help = Katra šūna ir viens darbinieks vienā pakalpojumā, iekrāsota pēc tā, cik tālu tā ir no šī paša pakalpojuma visā izlasē, tāpēc izceļas darbinieks, kuram vājš ir tieši viens pakalpojums; trekns rāmis nozīmē, ka atšķirība ir lielāka par nejaušību. Šūnas ar mazāk nekā { $min } atbildēm ir pelēkas.
legend-much-lower = daudz zemāk
legend-lower = zemāk
legend-same = līdzīgi
legend-higher = augstāk
legend-much-higher = daudz augstāk
legend-too-few = par maz atbilžu
comments-title = Ko rakstīja klienti
comments-low = Ar zemu vērtējumu
comments-all = Visi komentāri
comments-withheld = Komentāri netiek rādīti: mazāk nekā { $min } atbildes, lai nevienu nevarētu atpazīt.
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
scale-short-yes_no = jā/nē
thresholds = Rezultātu sliekšņi
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
