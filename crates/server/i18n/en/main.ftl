# Rida: English messages. Keep keys identical across en, ar and lv.

## Shell
nav-label = Main navigation
nav-overview = Overview
nav-organisation = Organisation
nav-regions = Regions
nav-sites = Sites
nav-services = Services
nav-employees = Employees
nav-users = Users
nav-tokens = API tokens
nav-audit = Audit log
language = Language
logout = Log out

## Roles
role-head = Head
role-manager = Manager
role-supervisor = Supervisor
role-analyst = Analyst
role-employee = Employee
role-head-help = sees and manages everything
role-manager-help = runs their regions and sites
role-supervisor-help = looks after sites and terminals, sees no results
role-analyst-help = reads reports
role-employee-help = uses their own station only, never sees ratings

## Login
login-title = Sign in
login-submit = Sign in
login-invalid = Wrong username or password.
login-locked = Too many failed attempts. This account is locked for a few minutes; try again later.
username = Username
username-hint = 3–64 letters, digits, dots, dashes or @. Used to sign in.
password = Password

## Common
name = Name
status = Status
actions = Actions
active = Active
inactive = Inactive
edit = Edit
save = Save
cancel = Cancel
choose = Choose…
deactivate = Deactivate
reactivate = Reactivate
created = Created
search = Search
search-placeholder = Search by name…
show-inactive = Show inactive
no-matches = Nothing matches your search
no-matches-help = Try fewer letters, or include inactive entries.
page-prev = ← Previous
page-next = Next →
page-of = Page { $page } of { $pages }
list-count = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
back-to-overview = Back to the overview
sample-size = n = { $n }
points = points

## Flash messages
flash-saved = Saved.
flash-activated = Reactivated.
flash-deactivated = Deactivated. It stays in past results and can be reactivated at any time.
flash-revoked = Token revoked. Integrations using it are refused from now on.
flash-password-changed = Password changed. Your other sessions were signed out.

## Field errors
error-required = Required.
error-invalid = Not valid.
error-too-long = Too long: at most { $max } characters.
error-too-short = Too short: at least { $min } characters.
error-name-taken = This name is already in use.
error-username-taken = This username is already taken.
error-external-id-taken = Another employee already has this external id.
error-time-zone = Choose a time zone from the list.
error-choose-region = Choose a region.
error-employee-required = An employee account must be linked to an employee.
error-scope-required = Choose at least one region or site for this role.
error-own-role = You cannot take the head role away from yourself.
error-wrong-password = The current password is not right.
error-passwords-differ = The two new passwords differ.
error-logo-missing = Choose an image file.
error-logo-not-image = This file is not a PNG, JPEG, WebP or GIF image.
error-logo-too-large = The image is too large.

## Error pages
error-page-400 = The request was not understood
error-page-400-help = Go back, check what you entered and try again.
error-page-403 = You may not open this page
error-page-403-help = Your role does not include this. Ask the head of your organisation if you need it.
error-page-404 = Page not found
error-page-404-help = The address may be mistyped, or the item no longer exists.
error-page-409 = This cannot be done
error-page-409-help = It conflicts with the current state, for example your own account.
error-page-413 = Too large
error-page-413-help = What you sent is larger than Rida accepts.
error-page-429 = Too many requests
error-page-429-help = Wait a little and try again.
error-page-500 = Something went wrong
error-page-500-help = The problem was logged. Try again in a moment.
error-page-csrf = This form has expired
error-page-csrf-help = For your safety the form was refused. Go back, reload the page and send it again.

## Overview
overview-title = Overview
overview-csat-30 = Satisfaction (CSAT), last 30 days
overview-no-answers = No answers in the last 30 days yet.
getting-started = Getting started
step-region = Add a region
step-service = Add the services you offer
step-site = Add your sites (branches, offices)
step-employee = Add the employees who serve customers
step-token = Create an API token for your queue system

## Organisation
org-name = Organisation name
org-default-language = Default language
time-zone = Time zone
time-zone-org = Organisation's time zone ({ $zone })
hidden-voting = Hidden voting
hidden-voting-help = By default only the head sees results per employee. Employees never see any rating.
managers-see-employees = Managers may see per-employee results of their sites
analysts-see-employees = Analysts may see per-employee results
org-logo = Logo
org-logo-file = Image file
org-logo-hint = PNG, JPEG, WebP or GIF, at most { $max } KiB. Shown in the header and on terminals.
org-logo-upload = Upload logo
org-logo-remove = Remove logo

## Regions
region = Region
region-new = New region
region-edit = Edit region
regions-empty = No regions yet
regions-empty-help = Regions group your sites, for example by city. Add the first one to start.

## Services
service-new = New service
service-edit = Edit service
service-code = Code
service-code-hint = Optional short code used by your queue system, e.g. LN.
services-empty = No services yet
services-empty-help = Services are what customers come for: opening an account, a consultation, a payment.

## Sites
address = Address
site-new = New site
site-edit = Edit site
site-services = Services offered here
site-no-services = No services yet.
site-needs-region = A site belongs to a region; add a region first.
sites-empty = No sites yet
sites-empty-help = Sites are where customers are served: branches, clinics, offices.

## Employees
desk = Desk or counter
desk-hint = Where this employee usually serves, e.g. 3 or Window B.
external-id = External id
external-id-hint = The employee's id in your queue system, so visits can name them.
employee-new = New employee
employee-edit = Edit employee
employee-sites = Works at
employee-hidden-voting = Employees never see their own ratings or anybody else's.
employees-empty = No employees yet
employees-empty-help = Add the people who serve customers, so ratings can be attributed to them.

## Users
display-name = Full name
role = Role
user-new = New user
user-edit = Edit user
user-scope = Regions and sites
user-scope-hint = Managers and supervisors reach only what is ticked here.
user-employee = Linked employee
user-employee-hint = Required for employee accounts: the station they use.

## API tokens
token-new = New API token
tokens-help = Integrations such as a queue system, a POS or a CRM use a token to send ratings and visits.
token-name = Name
token-name-hint = Who uses it, e.g. "Queue system, Riga".
token-create = Create token
token-created = Copy this token now
token-created-help = It is shown only once. Rida stores only a fingerprint of it.
token-prefix = Starts with
token-revoke = Revoke
token-revoked = Revoked
tokens-empty = No API tokens yet
tokens-empty-help = Create one for each system that sends data to Rida.

## Audit log
audit-when = When
audit-who = Who
audit-what = What
audit-detail = Details
audit-empty = No changes recorded yet
audit-action-create = Created
audit-action-update = Changed
audit-action-activate = Reactivated
audit-action-deactivate = Deactivated
audit-action-password = Password changed
audit-action-revoke = Revoked
audit-action-login = Signed in
audit-action-login_failed = Failed sign-in
entity-organisation = organisation
entity-region = region
entity-site = site
entity-service = service
entity-employee = employee
entity-user = user
entity-api_token = API token
entity-question = question
entity-session = session

## Account
account-title = My account
password-change = Change password
password-current = Current password
password-new = New password
password-confirm = New password again
password-hint = At least { $min } characters. A few words make a strong password.
password-keep-hint = Leave empty to keep the current password.
password-change-sessions = Changing the password signs you out everywhere else.

## Dates
format-datetime = { $day } { $month } { $year }, { $time }
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Surveys
nav-surveys = Surveys
survey-new = New survey
survey-questions = Questions
survey-version = Version
survey-terminals = Terminals
surveys-empty = No surveys yet
surveys-empty-help = A survey is the set of questions a terminal, an SMS or a web link asks. Start with “New survey”.
survey-start = Start with
survey-start-smiley = A smiley question, with reasons and a comment after a low score
survey-start-nps = A recommendation question (0–10)
survey-start-empty = No questions
survey-version-n = Version { $version }
survey-not-saved = Not saved:
survey-versions-help = Once a survey has answers, saving a change makes a new version; earlier answers keep the wording they were given.
survey-empty = This survey has no questions yet
survey-empty-help = Add the first question; terminals show them one by one, follow-ups only when their rule is met.
question-new = Add a question
question-edit = Edit question
question-type = Type
question-type-hint = Smileys for satisfaction (CSAT), 0–10 for recommendation (NPS), 1–7 for effort (CES).
question-subject = What it rates
question-subject-hint = Answers are reported for the site, the service or the employee.
question-prompt = Question
question-prompt-hint = Write it in each language; an empty one shows the English text.
question-choices = Predefined answers
question-choices-hint = For choice questions: one per line, “key = English | العربية | Latviešu”. Keep a line's key when you change its words, so reports keep counting it together.
question-rule = Show
question-rule-question = After question
question-rule-always = Always
question-rule-op = When the answer
question-rule-value = Value
question-rule-hint = A follow-up: e.g. after question 1, when the score is at most 2.
question-rule-first = The first question is always shown.
rule-op-score_at_most = score at most
rule-op-score_at_least = score at least
rule-op-chose = includes the choice
rule-score_at_most = only if question { $question } scored { $value } or less
rule-score_at_least = only if question { $question } scored { $value } or more
rule-chose = only if question { $question } was answered “{ $value }”
move-up = Move up
move-down = Move down
remove = Remove
scale-csat5 = Smileys 1–5 (CSAT)
scale-nps11 = 0–10 recommendation (NPS)
scale-ces7 = 1–7 effort (CES)
scale-yes_no = Yes / no
scale-choice = One choice
scale-multi_choice = Several choices
scale-intent = Reason for the visit
scale-text = Free text
subject-site = The place
subject-service = The service
subject-employee = The employee
flash-survey-new-version = Saved as a new version. Earlier answers keep their wording.
flash-survey-changed-meanwhile = Someone else changed this survey meanwhile. Nothing was saved; here is their version.
survey-error-too-many-questions = A survey holds at most 30 questions.
survey-error-bad-key = Question { $position }: its key is missing or used twice.
survey-error-prompt-missing = Question { $position }: write the question in at least one language.
survey-error-prompt-too-long = Question { $position }: at most 300 characters.
survey-error-too-few-choices = Question { $position }: give at least two answers to choose from.
survey-error-too-many-choices = Question { $position }: at most 20 answers to choose from.
survey-error-bad-choice-key = Question { $position }: each answer needs its own key (a–z, 0–9, _).
survey-error-bad-choice-label = Question { $position }: each answer needs a label of at most 100 characters.
survey-error-choices-not-used = Question { $position }: this type takes no predefined answers; empty the list or choose a choice type.
survey-error-rule-needs-earlier-question = Question { $position }: its rule must refer to a question before it.
survey-error-rule-does-not-fit = Question { $position }: the rule does not fit that question's answers (check the score range or the choice).
survey-error-bad-choice-line = Line { $line }: a key is lower-case letters, digits and _, followed by “=”.
start-csat-prompt = How satisfied are you with your visit today?
start-reasons-prompt = We are sorry. What went wrong?
start-reason-wait = Long wait
start-reason-staff = Staff attitude
start-reason-unresolved = My matter was not resolved
start-reason-premises = Premises and comfort
start-comment-prompt = What could we do better?
start-nps-prompt = How likely are you to recommend us to a friend?

## Terminals
nav-terminals = Terminals
site = Site
percent = { $value } %
desk-n = desk { $desk }
terminal-new = Register a terminal
terminals-empty = No terminals yet
terminals-empty-help = Register a terminal for each tablet or touch screen, then pair the device with the code shown on its page.
terminal-survey = Survey
terminal-connection = Connection
terminal-last-answer = Last answer
terminal-last-seen = Last heard from
terminal-queued = Answers waiting to be sent
terminal-battery = Battery
terminal-app-version = App version
terminal-online = Online
terminal-offline = Offline
terminal-not-paired = Not paired
terminal-pairing = Pairing
terminal-pairing-help = To make a tablet or touch PC this terminal, show a pairing code and type it on the device.
terminal-paired-help = A device is paired. A new code pairs another device in its place.
terminal-pairing-open = On the device, open { $url } and type this code:
terminal-pairing-valid-until = Valid once, until { $time }.
terminal-pairing-new-code = Show a pairing code
terminal-unpair = Unpair the device
terminal-remote = Remote control
terminal-reload = Reload the page
terminal-set-normal = Back to asking
terminal-set-maintenance = Show “out of service”
terminal-set-locked = Lock
terminal-state-normal = Asking customers
terminal-state-maintenance = Showing “out of service”
terminal-state-locked = Locked
terminal-settings = Settings
terminal-name-hint = As staff know it, e.g. “Entrance” or “Desk 3”.
terminal-mode = Mode
terminal-mode-single = Single point
terminal-mode-single-help = rates the place, or the one service chosen below.
terminal-mode-multi = Multi point
terminal-mode-multi-help = the main point rates the place and its services; a terminal at a desk rates that desk's employee.
terminal-mode-free = Free rating
terminal-mode-free-help = customers choose whom or what to rate (canteens, hospitals, offices).
terminal-service = Service rated
terminal-service-none = None: the place as a whole
terminal-employee = Desk of
terminal-employee-none = No desk: a main terminal
terminal-employee-hint = A terminal at an employee's desk: its answers are that employee's.
terminal-languages = Languages offered
terminal-default-language = Shown first in
terminal-show-staff = Show staff by name so customers can choose whom to rate (free rating)
terminal-no-surveys = There is no survey yet.
terminal-error-no-language = Offer at least one language.
terminal-error-gone = Something chosen here no longer exists; choose again.
flash-terminal-created = Terminal registered. Show a pairing code to connect a device.
flash-pairing-code = A new pairing code is ready.
flash-terminal-unpaired = The device is unpaired; it shows the pairing screen.
flash-terminal-sent = Sent. The terminal applies it within seconds.
audit-action-pairing_code = Pairing code shown
audit-action-pair = Paired
audit-action-unpair = Unpaired
audit-action-set_state = Screen changed
audit-action-reload = Reloaded
entity-survey = survey
entity-terminal = terminal

## Terminal page (kiosk)
kiosk-title = Rating terminal
kiosk-pair-title = Pair this terminal
kiosk-pair-help = Type the code shown on this terminal's page in the admin area (Terminals → the terminal → Show a pairing code).
kiosk-pair-code = Pairing code
kiosk-pair-submit = Pair
kiosk-pair-wrong = This code is unknown or has expired. Show a new one in the admin area.
kiosk-pair-format = A pairing code has 8 letters and digits.
kiosk-pair-busy = Too many attempts. Wait a few minutes and try again.
kiosk-unpaired = This device is no longer paired. Type a new pairing code to use it again.
kiosk-other-tab = This terminal is already open in another window. Close the other window.
kiosk-maintenance = Temporarily out of service
kiosk-maintenance-sub = Thank you for your patience.
kiosk-locked = Locked
kiosk-no-survey = This terminal has no survey yet.
kiosk-thanks = Thank you!
kiosk-thanks-sub = Your answer helps us serve you better.
kiosk-next = Next
kiosk-skip = Skip
kiosk-send = Send
kiosk-type-here = Write here…
kiosk-choose-many = Choose all that apply
kiosk-yes = Yes
kiosk-no = No
kiosk-smiley-1 = Very dissatisfied
kiosk-smiley-2 = Dissatisfied
kiosk-smiley-3 = Neutral
kiosk-smiley-4 = Satisfied
kiosk-smiley-5 = Very satisfied
kiosk-nps-low = Not at all likely
kiosk-nps-high = Extremely likely
kiosk-ces-low = Very difficult
kiosk-ces-high = Very easy
kiosk-whom = What would you like to rate?
kiosk-rate-place = This place
kiosk-which-service = Which service did you come for?
kiosk-asked-by = You were served by %name%
kiosk-offline = No connection. Your answers are kept and sent later.
kiosk-language = Language

## Supervision
nav-supervision = Supervision
all = All
filter = Filter
supervision-total = Terminals
supervision-attention = Needs attention
terminal-control = Control
alert-offline = Offline
alert-quiet = No answers for 3 hours in opening hours

## Employee station
station-title = Station
station-hello = Hello, { $name }
station-ask = Ask for a rating
station-ask-help = The terminal at your desk (or the main terminal of your branch) asks the next customer about your service.
station-waiting = Waiting for the customer…
station-received = Thank you received.
station-visit = Visit
station-visit-since = A visit is open since { $time }.
station-no-visit = No visit is open.
station-visit-start = Start a visit
station-visit-end = End the visit
station-privacy = Ratings are anonymous: nobody's answers are shown here.
flash-station-asked = Sent. The terminal asks the next customer.
flash-station-no-terminal = No paired terminal serves your desk or branch. Ask your supervisor.
flash-station-visit-started = Visit started.
flash-station-visit-ended = Visit ended.

## Voice prompts (spoken on terminals; the defaults are made from these texts by scripts/voices)
kiosk-voice-welcome = Welcome! Please tell us how we did today.
kiosk-voice-question = Please choose an answer on the screen.
kiosk-voice-thanks = Thank you! Your answer helps us serve you better.
nav-voice = Voice prompts
voice-help = What terminals say on each screen, in each language. Listen to a file before saving it; terminals fetch a new one by themselves. Ogg, MP3, WAV, M4A or WebM, at most { $max } KiB.
voice-screen-welcome = Welcome (when a customer picks a language)
voice-screen-question = Follow-up questions
voice-screen-thanks = Thank you
voice-default = Rida's default
voice-uploaded = Uploaded
voice-choose = Choose an audio file
voice-save = Save this file
voice-use-default = Use the default
flash-voice-saved = Saved. Terminals play it from their next customer.
error-audio-missing = Choose an audio file.
error-audio-not-audio = This file is not audio (Ogg, MP3, WAV, M4A or WebM).
error-audio-too-large = The file is too large.
entity-voice_prompt = voice prompt
burst-rule = Bursts of taps
burst-rule-help = A child pressing every face, or someone tapping again and again: such answers are kept but flagged, and reports can leave them out.
burst-more-than = Flag more than
burst-customers-within = customers on one terminal within
burst-seconds = seconds
error-burst = Give 1–100 customers and 1–3600 seconds.
overview-bursts-left-out = { $n } more in bursts of taps left out ({ $raw } raw)
opening-hours = Opening hours
opening-hours-hint = For example “mon-fri 09:00-18:00, sat 10:00-14:00” or “sun-thu 08:00-16:00”, in the site's time. A terminal silent for three hours while the site is open is flagged on the supervision page.
error-opening-hours = Write days (mon … sun, or a range like mon-fri) and hours like 09:00-18:00, separated by commas.
terminal-kind = Kind
terminal-kind-kiosk = Rating terminal
terminal-kind-kiosk-help = customers tap their answers on it.
terminal-kind-station = Employee station
terminal-kind-station-help = a screen at an employee's desk to ask for ratings, without a personal sign-in; it shows no rating.
terminal-error-station-needs-employee = A station belongs to a desk: choose the employee.

## Help: how figures are computed
nav-help = How figures are computed
help-metrics = How figures are computed
help-metrics-intro = Every figure in Rida is computed one way, described here, and shown with the number of answers behind it and its 95% range: the true value lies in that range 19 times in 20.
help-formula = Formula
help-counts = What counts
help-trust = How sure it is
help-csat-title = Satisfaction (CSAT)
help-csat-what = The share of satisfied customers on the 5-face scale.
help-csat-formula = CSAT = answers of 4 or 5 ÷ all answers × 100 %; mean = sum of scores ÷ answers
help-csat-counts = Answers of 1 (very dissatisfied) to 5 (very satisfied) to smiley questions. Answers in a burst of taps on one terminal are left out and counted apart.
help-csat-trust = Wilson score interval for the share (it stays within 0–100 % and is honest for small groups); Student-t interval for the mean.
help-nps-title = Net Promoter Score (NPS)
help-nps-what = How many customers would recommend you, minus how many would not.
help-nps-formula = NPS = % promoters (9–10) − % detractors (0–6), from −100 to +100
help-nps-counts = Answers 0–10 to the recommendation question; 7 and 8 (passives) count in the total only.
help-nps-trust = Adjusted-Wald interval (¾ of an answer added to promoters and to detractors, 3 to the total), which keeps its promise for small groups.
help-ces-title = Customer effort (CES)
help-ces-what = How easy it was for the customer to get what they came for.
help-ces-formula = mean of the 1–7 answers; low-effort share = answers of 5–7 ÷ all answers × 100 %
help-ces-counts = Answers 1 (very difficult) to 7 (very easy) to effort questions.
help-ces-trust = Student-t interval for the mean, Wilson interval for the share.
help-ranking-title = Rankings of services and employees
help-ranking-what = Who leads and who trails, without letting a few lucky answers beat many good ones.
help-ranking-formula = order by the lower end of the 95% range, best first
help-ranking-counts = Entries with fewer than { $min_ranked } answers are shown as "not enough answers" and are not ranked.
help-ranking-trust = An entry with 3 answers of 5 has a wide range reaching far down, so it ranks below one with 300 answers that are mostly good.
help-anonymity-title = Anonymous answers stay anonymous
help-anonymity-what = Figures and comments of a group with fewer than { $min_shown } answers are withheld, so that nobody can tell who answered what.
help-anonymity-formula = group shown only when answers ≥ { $min_shown }
help-anonymity-counts = Applies to per-employee figures and to the comments behind any figure.
help-anonymity-trust = Employees never see any rating of themselves or others; managers and analysts see per-employee results only when the head allows it.

## Results dashboard
nav-results = Results
results-title = Results
results-how-computed = How each figure is computed
filter-period = Period
period-day = Day
period-week = Week
period-month = Month
period-quarter = Quarter
period-custom = Custom
filter-at = Date in the period
filter-from = From
filter-to = To
filter-region = Region
filter-site = Site
filter-service = Service
filter-employee = Employee
filter-metric = Metric
filter-all = All
filter-apply = Show
metric-csat = Satisfaction (CSAT)
metric-csat_mean = Satisfaction, mean of 1–5
metric-nps = Net Promoter Score (NPS)
metric-ces = Low effort (CES)
metric-ces_mean = Effort, mean of 1–7
period-previous = ← Previous period
period-next = Next period →
period-compared = compared with { $from } – { $to }
withheld = Withheld: { $n } answers, fewer than { $min }, so nobody can be identified.
tile-empty = No answers in this period.
change-none = No answers in the previous period to compare with.
unit-percent-change = points
unit-score-change = points
unit-mean-change = on the scale
change-clear = a clear change
change-unclear = within chance
today-title = Today, live
today-empty = No answers yet today.
results-bursts = { $n } answers in bursts of taps are left out of these figures.
results-empty-title = No answers in this period
results-empty-body = Nothing was answered here in this period. Choose an earlier period, or check on the Supervision page that the terminals of these sites are online.
trend-title = { $metric }: the last 12 months
show-numbers = Show the numbers
col-month = Month
col-interval = 95% interval
col-answers = Answers
col-change = Change from the period before
col-name = Name
col-employee = Employee
not-enough = not enough answers to rank (fewer than { $min })
ranking-empty = No answers in this period.
ranking-sites = Sites, best first
ranking-services = Services, best first
ranking-employees = Employees, best first
matrix-title = { $metric }: employee × service
matrix-help = Each cell is one employee at one service, coloured by how far it lies from that service across the whole selection, so an employee weak at one service stands out; a bold frame means the difference is more than chance. Cells with fewer than { $min } answers are greyed.
legend-much-lower = much lower
legend-lower = lower
legend-same = about the same
legend-higher = higher
legend-much-higher = much higher
legend-too-few = too few answers
comments-title = What customers wrote
comments-low = With a low score
comments-all = All comments
comments-withheld = Comments are withheld: fewer than { $min } answers, so nobody can be identified.
comments-empty = No comments in this period.
channel-kiosk = terminal
channel-station = desk
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-web = web
channel-import = import
scale-short-csat5 = CSAT
scale-short-nps11 = NPS
scale-short-ces7 = CES
scale-short-yes_no = yes/no
thresholds = Results thresholds
thresholds-help = A group with fewer answers than the first number is withheld, so that nobody can be identified from an anonymous answer; with fewer than the second it is shown but never ranked.
min-shown = Show from
min-ranked = answers; rank from
answers-unit = answers
error-thresholds = Show from 3–100 answers, and rank from that number up to 10,000.
col-change-short = Change
change-legend = ● marks a change that is more than chance (two-sided test at 5%).
