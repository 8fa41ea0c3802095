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
login-wait = Too many failed attempts from here. Try again in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
username = Username
username-hint = 3–64 letters, digits, dots, dashes or @. Used to sign in.
password = Password

## Common
name = Name
local-names = Name in each language (optional)
local-names-hint = A reader of that language sees it; where it is empty, the name above is shown.
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
error-too-long = Too long: at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
error-too-short = Too short: at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
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
error-page-503 = Not available just now
error-page-503-help = The database cannot take requests at the moment. Nothing was saved: wait a few seconds and send it again.
error-page-csrf = This form has expired
error-page-csrf-help = For your safety the form was refused. Go back, reload the page and send it again.

## Overview
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
service-target-wait = Target waiting time (minutes)
service-target-wait-hint = From the customer’s arrival (their ticket) to the start of service. Empty: no target.
service-target-handle = Target time with the customer (minutes)
service-target-handle-hint = From the start of service to its end. Empty: no target.
error-target-minutes = Enter minutes, e.g. 5 or 2.5 (at most 720), or leave it empty.
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
audit-action-login_throttled = Sign-ins slowed after failures
entity-organisation = organisation
entity-external_figures = external figures
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
password-hint = At least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }. A few words make a strong password.
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
survey-start-servqual = SERVQUAL: the five dimensions of service quality, each as what customers expect and what they perceive (1–7 agreement)
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
question-choices-hint = For choice questions: an answer a row, its words in each language. The key (made from the English words when left empty) ties answers together in reports: keep it when you change the words.
survey-long-low = A customer who gives the lowest score sees { $n ->
        [one] { $n } more screen
       *[other] { $n } more screens
    }: more than 3 and many leave before the end. Keep the follow-ups of a low score short.
question-choice-add = Add an answer
question-choice-key = Key
question-area = Area of the service
question-area-none = No area
question-area-hint = Scored questions tagged with an area make up “Satisfaction by area” on the results page. For a SERVQUAL statement choose its dimension and whether it asks what customers expect or what they perceive.
question-servqual = SERVQUAL
question-servqual-none = Not a SERVQUAL statement
servqual-expectation = SERVQUAL: expectation
servqual-perception = SERVQUAL: perception
area-waiting_time = Waiting time
area-staff_courtesy = Staff courtesy
area-competence = Competence
area-speed = Speed of service
area-accuracy = Accuracy (billing, documents)
area-premises = Premises
area-information = Information and clarity
area-digital = Digital channels
area-tangibles = Tangibles (SERVQUAL)
area-reliability = Reliability (SERVQUAL)
area-responsiveness = Responsiveness (SERVQUAL)
area-assurance = Assurance (SERVQUAL)
area-empathy = Empathy (SERVQUAL)
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
scale-agree7 = 1–7 agreement (strongly disagree … strongly agree)
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
survey-error-area-needs-score = Question { $position }: only a question answered with a score can count toward an area.
survey-error-servqual-needs-dimension = Question { $position }: a SERVQUAL expectation or perception needs one of the five SERVQUAL dimensions as its area.
survey-error-bad-choice-line = Answer { $line }: a key is lower-case letters, digits and _.
start-csat-prompt = How satisfied are you with your visit today?
start-reasons-prompt = We are sorry. What went wrong?
start-reason-wait = Long wait
start-reason-staff = Staff attitude
start-reason-unresolved = My matter was not resolved
start-reason-premises = Premises and comfort
start-comment-prompt = What could we do better?
start-nps-prompt = How likely are you to recommend us to a friend?
start-servqual-tangibles-expectation = An excellent service office has modern equipment and pleasant premises.
start-servqual-tangibles-perception = This office has modern equipment and pleasant premises.
start-servqual-reliability-expectation = An excellent service office does what it promises, right the first time.
start-servqual-reliability-perception = This office did what it promised, right the first time.
start-servqual-responsiveness-expectation = Staff of an excellent service office serve customers promptly.
start-servqual-responsiveness-perception = Staff here served me promptly.
start-servqual-assurance-expectation = Customers of an excellent service office feel safe and can trust the staff’s knowledge.
start-servqual-assurance-perception = I felt safe here and could trust the staff’s knowledge.
start-servqual-empathy-expectation = An excellent service office gives each customer individual attention.
start-servqual-empathy-perception = Staff here gave me individual attention.

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
kiosk-agree-low = Strongly disagree
kiosk-agree-high = Strongly agree
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
supervision-problems-only = Only those needing attention
supervision-attention-more = and { $n } more: show only those needing attention
supervision-pages = Pages of terminals
supervision-shown = { $first }–{ $last } of { $total }
terminal-control = Control
alert-offline = Offline
alert-quiet = Quiet: no answers for longer than usual
alert-quiet-pace = none for { $silent } h of opening time; usually a customer every { $gap } min
alert-quiet-unknown = none for { $silent } h of opening time; its usual pace is known after { $n } customers
alert-quiet-never = no answer yet

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
station-visit-service = For
station-visit-no-service = (no service)
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
help-ranking-counts = Entries with fewer than { $min_ranked ->
        [one] { $min_ranked } answer
       *[other] { $min_ranked } answers
    } are shown as "not enough answers" and are not ranked.
help-ranking-trust = An entry with 3 answers of 5 has a wide range reaching far down, so it ranks below one with 300 answers that are mostly good.
help-anonymity-title = Anonymous answers stay anonymous
help-anonymity-what = Figures and comments of a group with fewer than { $min_shown ->
        [one] { $min_shown } answer
       *[other] { $min_shown } answers
    } are withheld, so that nobody can tell who answered what.
help-anonymity-formula = group shown only when answers ≥ { $min_shown }
help-anonymity-counts = Applies to per-employee figures and to the comments behind any figure.
help-anonymity-trust = Employees never see any rating of themselves or others; managers and analysts see per-employee results only when the head allows it.
help-response-rate-title = Response rate
help-response-rate-what = How many visits got at least one answer from their customer.
help-response-rate-formula = response rate = visits with an answer ÷ visits × 100 %
help-response-rate-counts = Visits recorded by the employee station or your queue system, on the day they started. An answer counts when it names its visit, even if it arrives days later (an SMS reply); several answers about one visit count once.
help-response-rate-trust = Wilson score interval, with the number of visits.
help-wait-title = Waiting time (first response)
help-wait-what = How long customers waited from their arrival until an employee began serving them.
help-wait-formula = mean of (start of service − arrival), in minutes; within target = waits ≤ the service’s target ÷ waits with a target × 100 %
help-wait-counts = Visits with an arrival time (a queue ticket). Each visit is judged against the target its service had on that day; waits over 12 hours are left out.
help-wait-trust = Student-t interval for the mean, Wilson interval for the share within target.
help-handle-title = Time with the customer
help-handle-what = How long serving a customer took, against the target set for each service.
help-handle-formula = mean of (end of service − start), in minutes; within target = visits ≤ the service’s target ÷ visits with a target × 100 %
help-handle-counts = Visits that have ended. A visit left open for more than 12 hours counts as a visit but not as a time.
help-handle-trust = Student-t interval for the mean, Wilson interval for the share within target.
help-retention-title = Retention and churn
help-retention-what = Of the customers who visited in a period, how many came back within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
help-retention-formula = retention = customers who came back ÷ (came back + did not) × 100 %; churn = 100 % − retention
help-retention-counts = Customers are known by the customer key their visits carry (never a phone number in clear); each counts once, at their last visit in the period. Those whose window ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) is not over yet are shown as not yet decided and left out. The window is set on the organisation page.
help-retention-trust = Wilson score interval, with the number of customers.
help-reasons-title = Reasons and purposes (why)
help-reasons-what = What customers chose in a choice question (what went wrong, what brought them), and how satisfied those who chose each answer were.
help-reasons-formula = share = answers naming the choice ÷ answers to the question × 100 % (several choices may add up to more than 100 %); CSAT of those customers = their 4–5 answers in the same visit ÷ their answers
help-reasons-counts = Answers to choice and visit-reason questions; the CSAT beside a choice counts the smiley answers given in the same visit. Not shown per employee, and hidden for fewer than { $min_shown ->
        [one] { $min_shown } answer
       *[other] { $min_shown } answers
    }.
help-reasons-trust = Wilson interval for each share; the change from the previous period is tested with a two-proportion test.
help-areas-title = Satisfaction by area
help-areas-what = How customers rate parts of the service (waiting time, courtesy, accuracy…), from the questions tagged with each area.
help-areas-formula = good answers ÷ answers × 100 %, where good is 4–5 of 5, 9–10 of 10, 5–7 of 7 or yes
help-areas-counts = Answers to scored questions whose area is set on the question form; several questions of one area count together.
help-areas-trust = Wilson interval; hidden for fewer than { $min_shown ->
        [one] { $min_shown } answer
       *[other] { $min_shown } answers
    }.
help-servqual-title = SERVQUAL gaps
help-servqual-what = The five dimensions of service quality (tangibles, reliability, responsiveness, assurance, empathy), each asked as what customers expect of an excellent organisation and as what they perceive of yours.
help-servqual-formula = gap = mean perception − mean expectation, on the 1–7 agreement scale
help-servqual-counts = Statements tagged with a dimension and a side on the question form (the SERVQUAL survey template does this for you).
help-servqual-trust = Welch interval for the difference of two means; a gap whose whole range is below zero is a clear shortfall.
help-close-title = Time to close an alert
help-close-what = How quickly a problem a customer reported is followed up and closed: the speed of the closed loop.
help-close-formula = mean of (closed − raised), in hours, of the alerts closed in the period
help-close-counts = Alerts closed in the period, by the site, service and employee they were raised for; the alerts page shows the median of the last 30 days. Only for those who may read alerts.
help-close-trust = Student-t interval for the mean, with the number of alerts.
help-ack-title = Time to acknowledge an alert
help-ack-what = How quickly someone takes a reported problem in hand: a note, an assignment, “I have it”, or its closing.
help-ack-formula = mean of (acknowledged − raised), in hours, of the alerts acknowledged in the period
help-ack-counts = Alerts acknowledged in the period, by the site, service and employee they were raised for. Only for those who may read alerts.
help-ack-trust = Student-t interval for the mean, with the number of alerts.
help-language-title = Customer's language
help-language-what = The language the customer answered in: the one shown on the terminal when they tapped, or the one a channel reports.
help-language-formula = any figure, filtered or grouped by the answers' language
help-language-counts = Kept per site, question and channel (not per service or employee, so that it cannot narrow an anonymous answer down to a person). Answers from before languages were recorded count as language unknown (—).
help-language-trust = The same intervals as the figure it filters.

## Results dashboard
nav-results = Results
nav-operations = Operations
nav-external = External figures
nav-consent = Opt-outs
results-title = Results
ops-title = Operations: visits, waiting and time with customers
external-title = External figures beside satisfaction
external-help = Import figures from outside Rida — web analytics, social media, sales — as a CSV file with the columns date, source, metric and value. They appear on the results page beside satisfaction, month by month. Importing a day again replaces its value.
external-report = Import report
external-stored = { $n ->
        [one] { $n } row
       *[other] { $n } rows
    } imported.
external-bad = { $n ->
        [one] { $n } row
       *[other] { $n } rows
    } not imported; correct them and import the file again (rows already imported are replaced, not doubled).
external-import = Import a CSV file
external-file = CSV file
external-file-hint = A header row naming date, source, metric and value; comma, semicolon or tab between fields; dates as 2026-11-24 or 24.11.2026; at most 100,000 rows.
external-import-button = Import
external-series = Imported series
consent-help = Customers who asked not to be surveyed — by a STOP reply or by calling you — are never sent a survey. Look a customer up by phone number to see whether they may be surveyed and every change; the register keeps no numbers, only an anonymous key.
consent-phone = Phone number
consent-phone-hint = International (+371 2000 0000), or national when the organisation's country is set.
consent-lookup = Look up
consent-out = Opted out
consent-in = May be surveyed
consent-out-help = No survey is sent to this number.
consent-in-help = Surveys may be sent to this number after a visit.
consent-opt-out = Opt out of surveys
consent-opt-in = Opt back in
consent-note = Note
consent-history = History
consent-no-history = No change recorded for this number.
consent-source = Source
consent-by = By
consent-source-admin = This page
consent-source-reply = Customer's reply
consent-source-api = API
col-when = When
error-phone-unparseable = This is not a phone number.
error-phone-invalid = This number does not exist in its country.
error-phone-needs-country = Add the country code (+371…), or set the organisation's country.
external-empty = Nothing imported yet. Export daily figures from your web analytics or social media tool as CSV and import them here.
trend-external-help = Dashed: figures imported from outside Rida (monthly mean of their values), on the right-hand axis. Click a name in the legend to show or hide it.
external-delete = Remove
flash-external-deleted = The series was removed.
col-line = Line
col-problem = Problem
col-row = As written
col-source = Source
col-metric = Metric
col-days = Days
col-from = From
col-to = To
error-import-missing = Choose a CSV file to import.
error-import-too-large = The file is larger than 8 MB; split it into smaller files.
error-import-not-text = The file is not a CSV text file (save it from the spreadsheet as “CSV UTF-8”).
error-import-missing-column = The first row must name the columns date, source, metric and value.
error-import-too-many-rows = The file has more than 100,000 rows; split it into smaller files.
error-import-empty = The file holds no rows.
import-bad-bad-date = Not a date (use 2026-11-24 or 24.11.2026)
import-bad-bad-value = Not a number
import-bad-missing-name = The source or the metric is empty
import-bad-bad-name = The source or the metric is longer than 80 characters or holds control characters
import-bad-duplicate = The same date, source and metric appear earlier in the file
import-bad-missing-field = Fewer fields than the header names
import-bad-unreadable = The row cannot be read (check the quotes)
ops-visits = Visits
ops-response-rate = Response rate
ops-mean-wait = Mean waiting time
ops-wait-within = Waits within target
ops-mean-handle = Mean time with customer
ops-handle-within = Service within target
ops-retention = Retention
ops-set-targets = Set targets per service
ops-previous = Previous period: { $value }
ops-of-visits = n = { $n ->
        [one] { $n } visit
       *[other] { $n } visits
    }
ops-customers = n = { $n ->
        [one] { $n } customer
       *[other] { $n } customers
    }
ops-within-target = { $share } within the service’s target
ops-churn = Churn { $share }
ops-pending = { $n ->
        [one] { $n } not yet decided
       *[other] { $n } not yet decided
    }
ops-window = Came back within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
ops-no-arrivals = No arrival times recorded
ops-no-customers = No visits with a customer key
ops-table-empty = No visits in this period.
ops-trend = The last 12 months
ops-by-site = By site
ops-by-service = By service
ops-by-employee = By employee
ops-pending-hint = Their window ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) is not over yet: choose an earlier period to see retention.
ops-none-site = (no site)
ops-none-service = (no service)
ops-none-employee = (no employee)
ops-empty-title = No visits in this period
ops-empty-help = Visits are recorded when an employee starts and ends a visit at their station, or when your queue system reports them. Answers given about a visit count toward the response rate; set target times on each service to see how many visits meet them.
unit-minutes = min
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
date-placeholder = YYYY-MM-DD
date-pick = Choose on a calendar
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
metric-good = Good answers, any scale (%)
metric-response_rate = Response rate (%)
metric-wait = Waiting time, mean (minutes)
metric-wait_within_target = Waits within target (%)
metric-handle = Time with customer, mean (minutes)
metric-handle_within_target = Time with customer within target (%)
metric-close_hours = Time to close an alert, mean (hours)
metric-ack_hours = Time to acknowledge an alert, mean (hours)
period-previous = ← Previous period
period-next = Next period →
period-compared = compared with { $from } – { $to }
withheld = Withheld: { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }, fewer than { $min }, so nobody can be identified.
tile-empty = No answers in this period.
list-sep = {" · "}
interval-range = { $low }–{ $high }
interval-tile = 95%: { $low }–{ $high }
tile-too-few = Not enough answers for this figure ({ $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }).
change-none = No answers in the previous period to compare with.
unit-percent-change = points
unit-score-change = points
unit-mean-change = on the scale
change-clear = a clear change
change-unclear = within chance
today-title = Today, live
today-empty = No answers yet today.
results-bursts = { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    } in bursts of taps left out of these figures.
results-empty-title = No answers in this period
results-empty-body = Nothing was answered here in this period. Choose an earlier period, or check on the Supervision page that the terminals of these sites are online.
trend-title = { $metric }: the last 12 months
show-numbers = Show the numbers
col-month = Month
col-interval = 95% interval
col-answers = Answers
col-visits = Visits
col-closed-alerts = Closed alerts
col-acknowledged-alerts = Acknowledged alerts
col-change = Change from the period before
col-name = Name
col-employee = Employee
not-enough = not enough answers to rank (fewer than { $min })
ranking-empty = No answers in this period.
ranking-more = { $n } more not shown here: show all
matrix-many = { $n } employees are too many to read at once: choose a region or a site above, or
show-all = show them all
ranking-sites = Sites, best first
ranking-services = Services, best first
ranking-employees = Employees, best first
matrix-title = { $metric }: employee × service
matrix-help = Each cell is one employee at one service, coloured by how far it lies from that service across the whole selection, so an employee weak at one service stands out; a bold frame means the difference is more than chance. Cells with fewer than { $min ->
        [one] { $min } answer
       *[other] { $min } answers
    } are greyed.
legend-much-lower = much lower
legend-lower = lower
legend-same = about the same
legend-higher = higher
legend-much-higher = much higher
legend-too-few = too few answers
comments-title = What customers wrote
reasons-title = Why: reasons and purposes of the visits
results-open-alerts = { $n ->
        [one] One open alert
       *[other] { $n } open alerts
    }
results-all-alerts = Follow them up
areas-title = Satisfaction by area
areas-help = Questions tagged with an area of the service, put side by side as the share of good answers (4–5 of 5, 9–10 of 10, 5–7 of 7, yes).
areas-good = Good answers
areas-questions = { $n ->
        [one] { $n } question
       *[other] { $n } questions
    }
col-area = Area
col-dimension = Dimension
servqual-title = SERVQUAL: expectations against perceptions
servqual-help = For each dimension, the mean agreement (1–7) with what an excellent organisation would do, with what this one did, and the gap: perception minus expectation. A gap below zero whose whole range is below zero is a clear shortfall.
servqual-gap = Gap
col-expectation = Expectation (mean of 1–7)
col-perception = Perception (mean of 1–7)
reasons-help = What customers chose in this period, with the change from the previous period and the satisfaction of those who chose it (their CSAT in the same visit; hidden under { $min ->
        [one] { $min } answer
       *[other] { $min } answers
    }).
reasons-answers = { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    } (previous period: { $previous })
reasons-csat = CSAT of those customers
reasons-empty = No choice questions were answered in this period. Add a question with choices (e.g. “What went wrong?” after a low score, or “What brought you here today?”) to a survey to see why scores move.
reasons-not-per-employee = Reasons are not shown per employee, so that a reason cannot point at a person.
col-choice = Choice
col-share = Share
comments-low = With a low score
comments-all = All comments
comments-withheld = Comments are withheld: fewer than { $min ->
        [one] { $min } answer
       *[other] { $min } answers
    }, so nobody can be identified.
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
scale-short-agree7 = agree
scale-short-yes_no = yes/no
thresholds = Results thresholds
retention-window = Retention
retention-window-help = A customer (known by the customer key their visits carry) who comes back within this many days of a visit counts as retained; otherwise as churned.
retention-window-label = Came back within
org-phone-region = Country of national phone numbers
org-phone-region-help = Two letters, e.g. LV or SA: numbers your systems send without a country code are read as this country's. Empty: only international numbers (+371…).
error-phone-region = Two letters of a country, such as LV, SA or AE.
org-contact-days = Customers' contact details
org-contact-days-help = The phone numbers and e-mail addresses sent with visits are kept encrypted only as long as needed to survey and read the replies, then erased. The visits and answers stay, anonymous.
org-contact-days-label = Erase them after
error-contact-days = A whole number of days from 1 to 3650.
org-help-contact = Contact for customers
org-help-contact-help = Sent to a customer who replies HELP to a survey message: a phone number or a web address.
error-help-contact = At most 160 characters, on one line.
nav-survey-rules = Surveys after visits
nav-messages = Survey messages
nav-web-surveys = Web surveys and QR
rules-intro = A customer whose visit comes with a phone number (from the queue system or the visit API) gets a short survey after the visit. The most specific rule applies: for a site and service, then for a service, then for a site, then for every visit.
rule-new = New rule
rule-edit = Edit rule
rule-where = Where
rule-where-help = Leave both on “every” for the default rule.
rule-every-site = Every site
rule-every-service = every service
rule-channel = Channel
channel-sms-help = a text message through the SMS gateway; the customer answers with a number
channel-whatsapp-help = a WhatsApp message with buttons for the score
channel-email = e-mail link
channel-email-help = a link to the web survey by e-mail
channel-not-configured = Nothing is set to send by { $channel }:
channel-not-configured-sms = its survey messages wait here until a gateway is (sms_gateway in rida.toml; see the README).
channel-not-configured-whatsapp = its survey messages wait here until the Cloud API is (whatsapp_phone_number_id and the rest in rida.toml; see the README).
channel-not-configured-email = its survey e-mails wait here until an SMTP server is (smtp_url in rida.toml; see the README).
rule-with-link = Add the web survey link to SMS and WhatsApp
rule-with-link-help = the customer may reply with a score or open the link and answer every question (about 45 more characters: often one more SMS part)
channel-none = none
channel-none-help = no survey after these visits
rule-delay = Delay
rule-delay-label = Minutes after the visit
rule-expiry-label = Answers taken for (hours)
rule-quiet = Quiet hours
rule-quiet-help = Nothing is sent between these times in the site’s time zone; a survey due then goes when they end. Leave both empty for none.
rule-quiet-from = From
rule-quiet-to = To
rule-cap = At most once in
rule-cap-label = At most one survey per customer in (days; 0: no limit)
rule-cap-n = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
rule-sample = Visits surveyed
rule-sample-label = Share of visits surveyed (%)
rule-survey = Survey
rule-first-survey = The first active survey
rule-lang = Language
rule-org-lang = The organisation’s
rule-lang-help = Customers get the survey in their own language when the visit says it; otherwise in this one. An SMS asks the survey’s first scored question; the words around the score go to its first text question.
rules-empty = No survey follows visits yet
rules-empty-help = Add a rule for every visit (leave site and service on “every”), then visits posted with a phone number get an SMS a few minutes after they end.
error-rule-delay-minutes = Whole minutes from 0 to 10080 (a week).
error-rule-expiry-hours = Whole hours from 1 to 720.
error-rule-cap-days = Whole days from 0 to 365.
error-rule-sample-percent = A whole percentage from 1 to 100.
error-rule-quiet = Two different times as HH:MM (e.g. 21:00 and 09:00), or both empty.
error-rule-exists = A rule for this site and service exists already: change that one.
messages-states = Message states
messages-all = All
messages-parts = SMS parts
messages-due = goes at
messages-replies-day = Replies in the last 24 hours:
messages-empty = No survey messages yet
messages-empty-help = They appear here when visits with a phone number end and a rule on “Surveys after visits” applies.
message-queued = Queued
message-sent = Sent
message-delivered = Delivered
message-read = Read
message-answered = Answered
message-expired = Expired
message-failed = Failed
message-skipped = Not sent
message-kind-survey = Survey
message-kind-reask = Asked again
message-kind-stop = Opt-out confirmed
message-kind-start = Opt-in confirmed
message-kind-help = Help
skip-no_rule = no rule applies
skip-channel_none = the rule sends none
skip-no_question = the survey has no scored question
skip-no_phone = no usable phone number
skip-no_email = no usable e-mail address
skip-opted_out = the customer opted out
skip-sampled_out = not in the sample
skip-frequency_cap = surveyed recently
reply-answered = answered
reply-reasked = asked again
reply-comment = words only
reply-late = after the survey closed
reply-opted_out = opted out
reply-opted_in = opted back in
reply-help = asked for help
reply-unmatched = to no survey
reply-ignored = still unclear
reply-limited = over the limit
lang-ar = Arabic
lang-en = English
lang-lv = Latvian
flash-message-queued-again = The message is queued again.
api-id = Id for integrations (the visit and ratings APIs):
nav-webhooks = Webhooks
webhooks-intro = Rida tells your CRM of each answer, or of low scores only, by a POST of JSON signed with the webhook’s secret (header X-Rida-Signature: t=time,v1=HMAC-SHA256 of “time.body”). A receiver that does not answer 2xx gets it again for a day.
webhook-new = New webhook
webhook-url = Address
webhook-events = Announce
webhook-event = Event
webhook-on-answer = every answer (answer.received)
webhook-on-low = low scores (answer.low_score)
webhook-secret = Signing secret
webhook-log = Deliveries
webhook-delivered = Received
webhook-log-empty = Nothing delivered yet.
webhooks-empty = No webhooks yet
webhooks-empty-help = Add your CRM’s address above to be told of low scores as they come in.
error-webhook-url = An address starting with https:// (or http://), at most 500 characters.
error-webhook-events = Choose at least one event.
sms-survey = { $org }: how was your visit to { $site } today? Reply { $low }-{ $high } ({ $high } = excellent). Reply STOP to opt out.
sms-survey-question = { $org }: { $question } Reply { $low }-{ $high }. Reply STOP to opt out.
sms-survey-link = Or answer online: { $link }
mail-survey-subject = { $org }: how was your visit?
mail-survey-intro = Thank you for visiting { $site }. How was your visit today?
mail-survey-scale = { $low } = very poor, { $high } = excellent. Choose a score to open the survey.
mail-survey-open = Answer the survey
mail-survey-why = You receive this once, after your visit; the link works once and expires. Your answer is anonymous to the staff who served you.
mail-survey-stop = No more surveys
web-title = Survey
web-served-by = served by
web-privacy = Your answer is anonymous: nothing that identifies you or your device is kept with it, and the staff who served you never see it.
web-error-answer-needed = Choose an answer before sending.
web-error-score-out-of-range = Choose one of the scores shown.
web-error-bad-choice = Choose from the answers shown.
web-error-text-too-long = This text is too long: at most 4,000 characters.
web-thanks-title = Thank you!
web-thanks-text = Your answer helps us serve you better.
web-answered-title = Already answered
web-answered-text = This survey has been answered. Thank you!
web-closed-title = This survey is closed
web-closed-text = It can no longer be answered. Thank you for your interest.
web-duplicate-title = Answer received
web-duplicate-text = This device answered this survey a short while ago. You can answer again later.
web-limited-title = Too many answers
web-limited-text = Too many answers came from this connection in the last hour. Please try again later.
web-stale-title = Please open the survey again
web-stale-text = This page was open too long or did not come from this survey, so nothing was saved.
web-stale-button = Open the survey
web-unknown-title = Survey not found
web-unknown-text = Check the address, or scan the code again.
web-stop-title = Stop surveys?
web-stop-text = You will not be asked for your opinion after a visit again.
web-stop-button = Stop surveys
web-stopped-title = Done
web-stopped-text = You will receive no more surveys from us.
widget-open = Feedback
widget-close = Close
whatsapp-choose-score = Choose a score
whatsapp-scores = Scores
poster-call = How was your visit?
poster-sub = Scan the code with your phone camera and tell us. It takes 30 seconds and is anonymous.
websurveys-intro = Anonymous surveys customers open from a QR poster at the counter, a receipt or your website. Each belongs to a site, and optionally a service or an employee, and asks the same questions as the terminals.
websurveys-empty = No web surveys yet
websurveys-empty-help = Create one for a site, print its QR poster and put it by the counter; paste its widget tag into your website.
websurvey-new = New web survey
websurvey-edit = Web survey
websurvey-name = Name
websurvey-name-help = For you only, e.g. "Counter poster, Riga Central".
websurvey-for = Answers count for
websurvey-for-help = Answers count for this site, and for the service or the employee if one is chosen (for a poster at one desk). Employees never see their answers.
websurvey-any-service = Any service
websurvey-no-employee = No employee
websurvey-terminal-survey = The site's terminal survey (else the first active one)
websurvey-address = Address
websurvey-address-help = Print it on receipts or send it; anyone with it can answer once per device within the repeat window.
websurvey-state = State
websurvey-answers = Customers who answered
websurvey-last = last { $when }
websurvey-active = Taking answers
websurvey-paused = Paused
websurvey-active-label = Taking answers (when paused, the page says the survey is closed)
websurvey-poster = QR poster
websurvey-poster-download = Download the A4 poster (SVG)
websurvey-poster-help = With your logo and the call to answer in Arabic, English and Latvian. Print at 100 % from a browser or a print shop.
websurvey-widget = Website widget
websurvey-widget-help = Paste this tag into your website: a Feedback button opens this survey in the visitor's language.
websurvey-counter-poster = Counter poster
websurvey-every-site = A poster for every site without one
websurvey-print = Print every poster
websurvey-print-help = { $n ->
        [one] { $n } poster
       *[other] { $n } posters
    }, one per A4 page. Print this page (Ctrl+P), or save it as a PDF, at 100 % without margins.
sms-reask = Sorry, we did not understand. Please reply with one number from { $low } to { $high }.
sms-stopped = { $org }: you will receive no more messages from us. Reply START to receive them again.
sms-stopped-score = { $org }: you will receive no more messages from us, so your score was not recorded. Reply START to receive them again.
sms-started = { $org }: you will receive our short surveys again. Reply STOP to opt out.
sms-help = { $org }: we ask how your visit went. Reply { $low }-{ $high } to rate it, STOP to opt out.
sms-help-contact = { $org }: we ask how your visit went. Reply { $low }-{ $high } to rate it, STOP to opt out. Contact us: { $contact }
days-unit = days
minutes-unit = minutes
error-retention-days = Enter a number of days from 1 to 730.
thresholds-help = A group with fewer answers than the first number is withheld, so that nobody can be identified from an anonymous answer; with fewer than the second it is shown but never ranked.
min-shown = Show from
min-ranked = answers; rank from
answers-unit = answers
error-thresholds = Show from 3–100 answers, and rank from that number up to 10,000.
col-change-short = Change
change-legend = ● marks a change that is more than chance (two-sided test at 5%).
export-xlsx = Download Excel
export-csv = CSV
sheet-summary = Summary
sheet-trend = Trend
sheet-sites = Sites
sheet-services = Services
sheet-employees = Employees
sheet-matrix = Employee × service
sheet-comments = Comments
sheet-answers = Answers
raw-answered-at = Answered at
raw-score = Score
raw-visit = Visit
raw-burst = Left out (burst of taps)
raw-yes = yes
export-answers = Download the answers (CSV)
sheet-reasons = Reasons
col-question = Question
col-csat-answers = CSAT answers
col-low = 95% low
col-high = 95% high
col-significance = Significance
col-value = Value
col-day = Day
col-channel = Channel
col-comment = Comment
col-scores = Scores in the same visit
xlsx-withheld = withheld (too few answers)
xlsx-too-few = not enough answers to rank
flash-deleted = Deleted.

## Report builder
nav-reports = Reports
reports-title = Reports
reports-all = All reports
report-new = New report
report-shared = Shared with
report-shared-help = The head and the author always see it; each viewer sees only the sites and people they may.
report-private = only the author and the head
report-schedule = Schedule
schedule-none = not scheduled
schedule-weekly = every Monday by e-mail
schedule-monthly = on the 1st of each month by e-mail
reports-empty-title = No saved reports yet
reports-empty-body = Build a report from metrics, filters and a grouping, then save it: it gets a link of its own that you can share with managers or analysts.
report-group-1 = Group by
report-group-2 = then by
report-language-people = The answers' language is kept per site, question and channel: choose it without a service or an employee.
report-visits-not-per = Figures from visits are kept per site, service and employee: choose them without a channel, question or language.
report-visit-metrics = From visits and alerts
report-time = Over time
report-chart = Chart
chart-bar = bars
chart-line = lines
chart-table = table only
report-run = Run
report-empty = No answers match this report in this period.
report-save-title = Save this report
report-save = Save report
report-delete = Delete report
dim-region = Region
dim-site = Site
dim-service = Service
dim-employee = Employee
dim-channel = Channel
dim-question = Question
dim-area = Area of service
dim-language = Customer's language
dim-handler = Who handled the alert (alert times only)
dim-day = Day
dim-month = Month

## E-mail
email = E-mail
email-hint = Where the monthly report and alerts go. Optional.
monthly-report-receive = Receive the monthly report by e-mail (what this account may see)
error-email-for-report = An e-mail address is needed to receive the monthly report.
month-long-1 = January
month-long-2 = February
month-long-3 = March
month-long-4 = April
month-long-5 = May
month-long-6 = June
month-long-7 = July
month-long-8 = August
month-long-9 = September
month-long-10 = October
month-long-11 = November
month-long-12 = December
month-year = { $month } { $year }
mail-monthly-subject = { $org }: monthly report, { $month }
mail-monthly-title = Monthly report · { $month }
mail-hello = Hello { $name }.
mail-scope-sites = Figures of your sites:
mail-scope-all = Figures of the whole organisation.
mail-trend = { $metric } over the last 12 months
mail-ranking-note = Ordered by the lower end of the 95% interval; entries with fewer than { $min ->
        [one] { $min } answer
       *[other] { $min } answers
    } are not ranked.
mail-open-results = Open the results
mail-open-report = Open the report
mail-attachment = The attached Excel file holds every table, with charts.
mail-why-monthly = You receive this because your Rida account asks for the monthly report. The head can change this on the Users page.
mail-why-report = You receive this because you scheduled this report in Rida. Change its schedule on the report's page.
mail-report-subject = { $report }: { $from } – { $to }
mail-more-rows = { $n ->
        [one] { $n } row
       *[other] { $n } rows
    } more in the attached file.
sheet-report = Report
nav-mail = E-mail
mail-not-configured = No e-mail server is set.
mail-not-configured-help = Messages wait here until one is: set smtp_url (and mail_from) in rida.toml or as RIDA_SMTP_URL, then restart Rida.
mail-when = Composed
mail-what = Message
mail-to = To
mail-status = Status
mail-attempts = Attempts
mail-sent = sent
mail-failed = not sent (gave up)
mail-retrying = trying again
mail-waiting = waiting
mail-next-attempt = next attempt
mail-send-again = Send again
mail-kind-monthly = Monthly report
mail-kind-report = Scheduled report
mail-kind-alert = Alert
mail-kind-fleet = Terminals
mail-kind-monday = Monday e-mail
mail-fleet-subject = Terminals in Rida: { $n ->
        [one] one change
       *[other] { $n } changes
    }
mail-fleet-title = Your terminals
fleet-offline = offline since { $at }, while the site is open
fleet-quiet = no answers for much longer than usual while the site is open (since { $at })
fleet-back = back at { $at }
mail-fleet-open = Open supervision
mail-why-fleet = You receive this because you look after these terminals. Everything that changed since the last message is in this one.
mail-empty = No e-mail yet.
mail-empty-help = The monthly report goes out on the 1st of each month to the users who ask for it (Users page); scheduled reports and alerts appear here too.
flash-mail-queued-again = Queued again: it is sent within a minute.

## Alerts
nav-alerts = Alerts
nav-open-alerts = { $n ->
    [one] open alert
   *[other] open alerts
}
nav-alert-rules = Alert rules
nav-group-results = Results and reports
nav-group-alerts = Alerts
nav-group-terminals = Terminals and surveys
nav-group-channels = Channels
nav-group-organisation = Organisation and people
nav-group-integration = Integration
alert-title = Alert
alert-what-low = { $n ->
        [one] A customer gave a low score: { $score }
       *[other] { $n } low answers, the lowest { $score }
    }
alert-what-metric = { $metric } this week: { $value } from { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }, under { $threshold }
mail-open-alert = Follow it up in Rida
mail-digest-subject = Alerts in Rida: { $n ->
        [0] colleagues to hear of
        [one] one to follow up
       *[other] { $n } to follow up
    }
mail-digest-title = Your alerts
mail-digest-escalated = Escalated to you: still open after its deadline
mail-digest-missing = { $name } has no e-mail address: { $n ->
        [one] an alert waits
       *[other] { $n } alerts wait
    } for them. Add one to their account.
mail-digest-all = All open alerts
mail-why-digest = One message gathers what is new since the last: at most one an hour, or one a day (choose on your account page). The head sets the alert rules.
digest-label = Alert e-mails
digest-hour = at most one an hour
digest-day = at most one a day
digest-hint = New alerts, and those escalated to you, gathered in one message.
unit-hours = h
alerts-time-to-close = Time to close (last { $days ->
        [one] { $days } day
       *[other] { $days } days
    })
alerts-median = median
alerts-mean = mean
alerts-none-closed = No alert closed in this window.
alerts-status-open = Open
alerts-status-closed = Closed
alerts-status-all = All
alerts-status-call_back = To call back
alerts-empty-call_back = No customer is waiting for a call back.
alerts-raised = Raised
alerts-rule = Rule
alerts-what = What happened
alerts-assigned = Assigned to
alerts-open = open
alerts-closed = closed
alerts-empty-open = No open alerts.
alerts-empty-closed = No closed alerts yet.
alerts-empty-all = No alerts yet.
alerts-empty-help = Alerts are raised by the rules the head sets (Alert rules): a low score at a site, or a metric of the week under a threshold. Each is followed up here until it is closed.
alerts-empty-help-call_back = An alert waits here when a customer of its visits gave a low score and answered yes to a survey's "may we contact you?" question, until someone records the call on the alert.
alerts-resolution = Resolution
alerts-resolution-hint = What was done, in a sentence: it stays with the alert.
alerts-notes = Notes
alerts-no-notes = No notes yet.
alerts-add-note = Add a note
alerts-assign = Assign to
alerts-close = Close the alert
alerts-reopen = Open it again
alerts-back = All alerts
alert-rule-person = Also to
alert-rule-deadline = Deadline (hours)
alert-rule-deadline-hint = An alert still open this many hours after it was raised goes to the head, once. Empty: no deadline.
error-alert-deadline = Whole hours from 1 to 336 (two weeks), or empty.
alerts-acknowledge = I have it
alerts-acknowledged = Acknowledged
alerts-due = Due
alerts-escalated = Escalated to the head
alert-rate = { $n } or more within { $minutes } min
alert-last = Last answer
alert-answers-more = and { $n } more in the results
alert-answers = The answers it gathered
alert-see-results = See these results
alert-figure-none = No figure yet for { $period }: too few answers.
alert-figure = { $metric } { $period }, as of now: { $value } (interval { $low }–{ $high }), { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }
error-alert-unreachable = This threshold can never raise an alert that means something: the metric goes from { $low } to { $high }; choose a threshold above { $low } and at most { $high }.
error-alert-window = Minutes from 5 to 1440, e.g. 60.
error-alert-rate-count = A number of low answers from 2 to 1000, e.g. 3.
alert-rule-window = Within (minutes)
alert-scope-org = the whole organisation
alert-scope-employee = employee at a site
alert-scope-service = service at a site
alert-scope-site = site
alert-rule-scope-hint = Low answers of the same place and day gather in one open alert: its count, answers and comments grow until someone closes it.
alert-rule-scope = One alert for each
alert-kind-low_rate-help = at least “answers needed” low answers within the window at one place (e.g. 3 within 60 minutes); more that day join its alert
alert-kind-low_rate = several low scores in a short time
alert-rule-new = New rule
alert-rule-edit = Edit rule
alert-rule-kind = Raises an alert when
alert-kind-low_score = a low score
alert-kind-low_score-help = one answer at 1–2 of 5 (CSAT), 0–6 of 10 (NPS), 1–3 of 7 (CES) or No; more low answers of the same place that day join its alert
alert-kind-metric_below = a metric under a threshold
alert-kind-metric_below-help = the metric of the current week (Monday to today) falls under the threshold, with enough answers; once a week
alert-kind-terminal_jump = a terminal’s lowest scores jump
alert-kind-terminal_jump-help = today a terminal’s share of lowest scores (1 of 5, 0 of 10…) is at least the threshold in points above its previous four weeks, with enough answers today; checked hourly, once a day per terminal
alert-kind-low_share = more low answers than usual
alert-kind-low_share-help = today a site’s share of low answers is above its previous four weeks beyond chance (its 95 % interval entirely above) and by at least the threshold in points, with enough answers today; checked hourly, once a day per site
alert-what-share = { $share } % low answers today from { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }: beyond chance above the usual share, by { $jump ->
        [one] { $jump } point
       *[other] { $jump } points
    } or more
alert-what-terminal = { $terminal }: { $share } % lowest scores today from { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }, { $jump ->
        [one] { $jump } point
       *[other] { $jump } points
    } or more above its usual share
alert-rule-limits = Threshold and answers needed
alert-rule-limits-hint = For a metric: the value under which the week raises an alert, in the metric’s unit. For a terminal’s lowest scores or a site’s low answers: the jump in percentage points above the usual share (e.g. 20). Answers needed: this week’s or today’s; for several low scores, how many within the minutes given.
error-alert-jump = A number of points from 1 to 100, e.g. 20.
alert-rule-where = Where
alert-rule-threshold = Threshold (in the metric's unit)
alert-rule-min-answers = Answers needed
alert-rule-notify = Tell by e-mail
alert-rule-notify-hint = Users of these roles who see the site and have an e-mail address; everyone who may see an alert finds it on the Alerts page.
alert-rule-in-app = in the app only
alert-rules-empty = No alert rules yet.
alert-rules-empty-help = A rule watches the answers as they arrive: add one for low scores at every site to follow up unhappy customers the same day.
error-alert-threshold = A number, e.g. 80 for CSAT in %, 20 for NPS, 4.5 for a mean.
entity-alert = alert
entity-alert_rule = alert rule
entity-report = report
demo-filling = The demo organisation’s year of answers is still being written ({ $percent } %): figures grow as you reload.
survey-preview-title = Preview
survey-preview-phone = On a phone (web and QR)
survey-preview-terminal = On a terminal
survey-preview-help = The survey as a customer’s phone and a terminal show it, in each language; choose a low score to see its follow-ups. Nothing is stored.
survey-preview-site = Your branch
survey-preview-note = A preview: nothing is sent.
week-title = Week { $week }, { $year }
week-previous = ← Week before
week-next = Week after →
week-compared = against the week before and the same week a year ago
week-vs-before = Against the week before
week-no-before = no answers the week before
week-vs-year = A year ago { $value }
week-empty = No answers this week.
week-sites = Sites this week
week-col-site = Site
week-col-service = Service
week-all-results = This week in the results
week-sites-moved = { $n ->
        [one] One site moved beyond chance against the week before: it comes first.
       *[other] { $n } sites moved beyond chance against the week before: they come first.
    }
week-sites-steady = No site moved beyond chance against the week before; the lowest CSAT first.
week-sites-more = { $n } more sites in the results
week-weakest = Weakest services
week-weakest-none = No service has enough answers this week to be ranked (at least { $min }).
week-comments = Newest comments with a low score
week-all-comments = All comments of the week
week-comments-none = No comment with a low score since the week began.
week-alerts = Open alerts: { $open }
week-alerts-overdue = { $n } past their deadline
week-overdue = Overdue
week-more = { $n } more
week-alerts-none = No open alerts.
week-terminals = Terminals now
week-supervision = Supervision
week-terminals-none = No terminals yet.
week-offline = { $n } offline
week-quiet = { $n } quiet
week-terminal-quiet = Quiet
week-last-seen = last heard from
week-terminals-fine = { $n ->
        [one] The terminal is online and answering.
       *[other] All { $n } terminals are online and answering.
    }
monday-label = Monday e-mail
monday-hint = Every Monday morning, the week just ended as the home page shows it: the figures, the sites that moved, comments with a low score, alerts and terminals.
monday-on = Send me the Monday e-mail
monday-no-email = Your account has no e-mail address: ask the head to add one.
mail-monday-subject = { $org }: week { $week }
mail-monday-why = You receive this every Monday because you asked for it on your account page.
mail-open-home = Open Rida
week-unpaired = { $n } not paired with a device yet
export-month-pdf = The month’s report (PDF)
export-week-pdf = The week as PDF
export-pdf = PDF
report-pdf-note = Each figure with its 95% interval and its answers; the bars show the first figure on its whole scale.
org-offline-notice = Terminals gone offline
org-offline-notice-help = A terminal that stops answering its heartbeat while its site is open shows as offline on the supervision page after a minute; its supervisors are written to once it has been silent this long (a Wi-Fi drop of a few minutes is not worth a message), and again when it is back.
org-offline-notice-label = Tell after
error-offline-notice = A number of minutes from 1 to 1440, e.g. 10.

# Sign-in with the organisation's directory
signin-with = Sign in with { $name }
signin-with-org = Sign in with your organisation's account
signin-or-local = or with an account of this Rida:
signin-provider-down = The organisation's sign-in service does not answer just now. Try again in a moment, or sign in with an account of this Rida.
signin-expired = This sign-in took too long or was started in another browser. Start it again.
signin-failed = The answer of the organisation's sign-in service could not be verified, so nobody was signed in. Start again; if it happens again, tell your IT department.
signin-cancelled = The sign-in was cancelled at the organisation's sign-in service.
signin-refused-title = No access to Rida
signin-refused-who = Your organisation's directory knows you as { $username }, but Rida cannot let you in:
signin-refused-no-group = none of your groups in the directory is given access to Rida.
signin-refused-disabled = your account in Rida has been turned off.
signin-refused-name-taken = another account of this Rida already has your name.
signin-refused-no-employee = your groups give an employee's account, but no employee here has your employee number.
signin-refused-no-reach = your groups give access to sites or regions that are no longer open.
signin-refused-help = This attempt has been recorded. Ask the person who runs Rida in your organisation (or your IT department) to add your group to Rida's directory groups.
signin-back = Back to sign-in
nav-directory = Directory groups
directory-provider = the organisation's identity provider
directory-intro-oidc = People sign in through { $name }. Each group below gives the people in it a role and a reach in Rida; someone in none of them cannot sign in.
directory-intro-none = No directory is set up yet (oidc_issuer in rida.toml; see the README's "Signing in with the organisation's directory"). The groups below apply once it is.
directory-intro-order = The first row whose group a person is in decides their role; the rows of that same role add up their reach. Role and reach are refreshed at every sign-in.
directory-group = Group
directory-group-hint = The group's name as the directory sends it (rida-managers-riga; Entra ID sends group ids), or an LDAP group's full DN.
directory-add = Add a group
directory-empty = No group gives access yet.
directory-empty-help = Add the directory's groups and the role each gives. Until then nobody can sign in through the directory; local accounts keep working.
directory-reach-all = the whole organisation
directory-site-closed = closed
directory-employee-hint = An employee's account is linked to the employee whose external id is the person's employee number in the directory.
error-directory-group = Write the group's name or DN.
error-directory-group-taken = This group is already in the table.
error-password-directory = This account signs in through the organisation's directory: it has no password here.
user-source-directory = directory
signin-directory-down = The organisation's directory does not answer just now, so directory accounts cannot sign in. Try again in a moment; accounts of this Rida still can.

# Second factor
login-code-title = The code from your app
login-code-help = Open the authenticator app on your phone and type the six digits it shows for Rida. Lost the phone? Type one of your recovery codes.
login-code = Code
login-code-invalid = This code is wrong, expired or already used. Type the code your app shows now.
login-code-wait = Too many wrong codes. Wait a few minutes and sign in again.
second-factor-title = Second factor
second-factor-waiting = Your organisation asks for a second factor before you read results. Set it up here: it takes a minute.
second-factor-on = The second factor is on
second-factor-recovery-help = Keep these recovery codes somewhere safe (printed, or in a password manager). Each signs you in once if the phone is lost. They are shown only now.
second-factor-directory = Your account signs in through the organisation's directory, which has its own rules for a second factor.
second-factor-is-on = A code from your authenticator app is asked after your password.
second-factor-codes-left = { $count ->
        [one] One recovery code left.
       *[other] { $count } recovery codes left.
    }
second-factor-turn-off = Turn the second factor off
second-factor-required-by-org = Your organisation requires it for your role. If the phone is lost, the head can reset it.
second-factor-setup-help = Scan this code with an authenticator app (FreeOTP, Aegis, Google or Microsoft Authenticator…), or type the key, then type the six digits it shows.
second-factor-qr-alt = QR code to add Rida to an authenticator app
second-factor-key = Key:
second-factor-turn-on = Turn it on
second-factor-link = Second factor (a code from an app)
second-factor-reset = Reset second factor
require-second-factor = Local accounts that read results (head, managers, analysts) must use a second factor
require-second-factor-hint = A code from an authenticator app after the password. Accounts from the organisation's directory follow its own rules.
sign-in-security = Sign-in
continue = Continue

# The audit log: more actions and entities
audit-action-delete = Deleted
audit-action-erase = Erased
audit-action-import = Imported
audit-action-save = Saved
audit-action-logout = Signed out
audit-action-login_refused = Sign-in refused
audit-action-role = Role changed
audit-action-second_factor_on = Second factor turned on
audit-action-second_factor_off = Second factor turned off
audit-action-recovery_code = Recovery code used
audit-action-retention = Old entries removed
entity-directory_group = directory group
entity-survey_rule = survey rule
entity-webhook = webhook
entity-customer = customer
entity-audit_log = audit log
org-audit-days = Audit log
org-audit-days-help = Sign-ins, refusals, role changes and every administrative change are kept this long, then removed (the removal is itself logged). 0 keeps them for ever.
org-audit-days-label = Keep entries for
error-audit-days = Write 0 (for ever) or a number of days from 30 to 3650.
audit-filter-action = Kind
audit-filter-actor = By
audit-filter-all = All kinds
audit-export-csv = Download as CSV

## Comment themes and sentiment
themes-title = What the comments were about
themes-how = How comments are read
themes-reading-again = Comments are being read again with the changed themes; the figures stay whole meanwhile.
themes-reading-again-how-far = How far?
themes-withheld = Themes are withheld: fewer than { $min } comments of one person.
themes-of-comments = Of { $n ->
    [one] { $n } comment
   *[other] { $n } comments
} in this period. A comment can be about several themes.
themes-col-theme = Theme
themes-col-comments = Comments
themes-col-share = Share
themes-col-change = Change
themes-col-feeling = How they felt
themes-col-csat = CSAT of these visits
themes-rising = ↑ rising
themes-rising-title = Its share of the comments rose by 5 points or more since the period before.
unit-pp = pts
themes-feeling-label = { $negative } % negative, { $neutral } % neutral, { $positive } % positive
themes-negative-short = { $p } % negative
themes-csat-too-few = { $n } visits with a CSAT score: fewer than { $min }.
themes-hidden = { $n ->
    [one] One theme with
   *[other] { $n } themes with
} fewer than { $min } comments of this person { $n ->
    [one] is
   *[other] are
} not shown.
themes-none-found = { $n ->
    [one] The comment of this period is
   *[other] The { $n } comments of this period are
} about none of the themes.
themes-empty = No comments in this period. Themes appear when customers write comments.
themes-clear = All comments
sentiment-negative = negative
sentiment-neutral = neutral
sentiment-positive = positive
comment-why = Why?
theme-waiting = Waiting time
theme-courtesy = Courtesy
theme-competence = Competence
theme-information = Information and explanations
theme-process = Procedures and documents
theme-cleanliness = Cleanliness
theme-comfort = Comfort of the premises
theme-accessibility = Access and opening hours
theme-digital = Digital services and machines
theme-price = Prices and fees
theme-care = Medical care
theme-waiting-about = the queue, the wait, speed
theme-courtesy-about = politeness, attitude, respect, a smile
theme-competence-about = knowing the answer, mistakes, solving the problem
theme-information-about = explanations, calls back, signs, being told
theme-process-about = documents, forms, coming back, appointments, rules
theme-cleanliness-about = clean or dirty premises and toilets
theme-comfort-about = seats, temperature, noise, space
theme-accessibility-about = parking, ramps and lifts, location, opening hours
theme-digital-about = app, website, kiosks, ATMs, the queue machine
theme-price-about = prices, fees, commissions, charges
theme-care-about = doctors, nurses, treatment, tests (clinics)
reading-title = How this comment was read
reading-legend-pos = counted for
reading-legend-neg = counted against
reading-legend-mod = changed a word's weight
reading-legend-theme = gave a theme
reading-cut = Only the first { $n } characters of a longer comment are read.
reading-sentiment = Sentiment
reading-language = Language
reading-lang-ar = Arabic
reading-lang-en = English
reading-lang-lv = Latvian
reading-lang-unknown = none of the three
reading-score = score { $score }
reading-confidence = confidence { $p } %
reading-col-word = Word
reading-col-entry = Lexicon entry
reading-col-weight = Weight
reading-col-how = Why this weight
reading-own-word = the organisation's word
reading-no-cues = No word of this comment says how the customer felt: it is read as neutral.
reading-no-themes = No word of this comment names a theme.
reading-stored-differs = The themes were changed since this comment was counted: its figures are being updated.
reading-negated = turned round by “{ $word }”
reading-intensified = strengthened by “{ $word }”
reading-weakened = weakened by “{ $word }”
reading-before-contrast = counts half: before “{ $word }”
reading-after-contrast = counts half again more: after “{ $word }”
reading-wished = counts nothing: a wish after “{ $word }”
reading-lacking = missing: after “{ $word }”
reading-stretched = stretched letters strengthen it
reading-spelling = read as a misspelling of the entry
reading-duration = a wait of { $minutes } min
help-themes = How comments are read
help-themes-method-title = The method
help-themes-method = Each comment is read inside Rida, with no service outside and nothing downloaded: lexicons of words and phrases in Arabic, English and Latvian, and rules on top of them. A word counts for or against with a weight; a theme is given by its own words. Every reading can be shown: on the results page, “Why?” beside a comment marks the words that counted and says what each did. Rida does not use a trained model: none exists for these three languages in these settings that could say why it decided, and a lexicon can be extended by each organisation.
help-themes-languages = Arabic: letter forms (أ إ آ, ة and ه, ى and ي), diacritics and stretched letters are folded; Gulf, Levant and Egyptian spellings are in the lexicon; Arabizi (Arabic in Latin letters with digits, such as 7elo or sa3a) is recognised as Arabic. Latvian is read with and without its diacritics. A comment in none of the three languages is marked as such and not forced into one; emoji are read in every language.
help-themes-rules = Rules: a negation turns the next word round (“not bad”, “nav slikti”, “مو زين”, also written onto the verb: “nepatika”, “ماعجبني”); “very” and “a bit” strengthen and weaken; what comes before “but” counts half; a wish (“it would be nice…”) is not praise; a missing thing (“no parking”) is a complaint, a missing queue is praise; a wait of half an hour or more is a complaint, five minutes or less is praise; a word one letter off is read as the word meant.
help-themes-limits = Irony and sarcasm are not understood (“great, another mistake”). Only the first { $n } characters of a comment are read. A theme needs one of its words: a comment that names a thing in words the lexicon lacks gets no theme; add the organisation's own words to the theme.
help-themes-figures-title = How well it reads: measured
help-themes-figures = Measured by this build on comments labelled by hand (sentiment and themes), written to resemble comments in banks, clinics and government offices, with dialects, misspellings and mixed languages. Macro-F1 averages the F1 of negative, neutral and positive, so a reader that calls everything positive scores low. Two baselines are measured on the same comments: the visit's score taken as the sentiment, and the same lexicons' keywords without the rules.
help-themes-col-language = Language
help-themes-col-set = Set
help-themes-col-f1 = Sentiment macro-F1
help-themes-col-accuracy = Sentiment accuracy
help-themes-col-themes-f1 = Themes macro-F1
help-themes-col-score = Baseline: the score
help-themes-col-keywords = Baseline: keywords
help-themes-set-lexicon = used to fill the lexicons
help-themes-set-heldout = held out
help-themes-sets = The first set was used while the lexicons were written and says what they cover; the held-out set was written afterwards and never used to change them: it is the better guide to comments Rida has not seen. A third set, written later of comments that complain without a word of complaint (“spoke to me like I was a child”), read at a sentiment macro-F1 of 0.69 (Arabic) and 0.73 (English, Latvian) before its errors were used to complete the lexicons: comments unlike the ones written here read lower, and an organisation's own words close the gap.
help-themes-list-title = The themes
help-themes-own = On Organisation and people → Comment themes, the head turns themes on or off, renames them in each language, adds the organisation's own words to a theme (a word, a beginning of words with *, or several words) and makes themes of the organisation's own. Comments already stored are then read again in the background; the figures stay whole while it works.
nav-themes = Comment themes
themes-admin-intro = Rida reads every comment for its themes and its sentiment. Choose the themes that matter to the organisation, name them as its people do, and add the words customers use for them. Saving reads the stored comments again in the background.
themes-admin-reading = Reading the comments again with the new themes…
themes-admin-progress = { $done } of { $total } comments
themes-admin-refresh = Refresh
themes-admin-first-reading = Comments stored before themes existed are being read for the first time.
themes-admin-kind = Kind of organisation
themes-admin-kind-hint = Decides the themes it starts with. Choosing another kind turns Rida's themes on and off as that kind starts; the organisation's own themes stay.
org-kind-bank = Bank or insurer
org-kind-clinic = Clinic or hospital
org-kind-government = Government service centre
org-kind-other = Other
themes-admin-on = On
themes-admin-names = Name (empty: Rida's)
themes-admin-name-default = Rida's name
themes-admin-words = The organisation's own words
themes-admin-words-placeholder = one per line: a word, a beginning of words with * (pension*), or a few words
themes-admin-rida-words = with Rida's words
themes-admin-own = own
themes-admin-new = A theme of the organisation's own
themes-admin-new-hint = Give it a name in at least one language and the words that name it (in any of the three languages, one per line).
flash-themes-saved = Themes saved. The stored comments are being read again.
error-themes-changed = Someone else changed the themes meanwhile. Here they are as they are now: make the change again.
error-theme-word = “{ $word }” cannot be a word of a theme: two letters at least, three before a *, at most 60 characters.
error-theme-words-many = At most 200 words a theme.
error-theme-name-long = A name has at most 60 characters.
error-theme-own-words = A theme of the organisation's own needs at least one word.
error-theme-own-name = Give it a name in at least one language.
error-theme-own-many = At most 30 themes of the organisation's own.
alert-kind-theme = negative comments about a theme
alert-kind-theme-help = at least “answers needed” negative comments about the theme within the window at one place (e.g. 2 about courtesy within 1440 minutes); more that day join its alert
alert-rule-theme = Theme
alert-what-theme = { $n ->
    [one] { $n } negative comment
   *[other] { $n } negative comments
} about { $theme }
error-alert-theme = Choose the theme the rule watches.
error-alert-theme-count = A number of comments from 1 to 1000, e.g. 2.
error-alert-theme-window = Minutes from 5 to 10080 (a week), e.g. 1440 for a day.

dim-theme = Comment theme (comment figures only)
dim-sentiment = Comment feeling (comment figures only)
metric-comment_share = Share of the comments (%)
metric-negative_comments = Negative comments (%)
metric-comment_csat = CSAT of the commented visits (%)
col-commented-visits = Commented visits with a CSAT score
report-comment-metrics = From comments
report-theme = Comment theme
report-sentiment = Comment feeling
report-themes-comments-only = Themes and feelings group and filter the comment figures only: choose a figure from comments, or no theme and feeling.
report-comments-not-per = Comment figures are kept per site, service, employee, theme and feeling: choose them without a channel, question, area, language or alert handler.
report-comment-csat-feeling = The CSAT of commented visits is kept per theme, not per feeling: choose it without a feeling.

nav-pulse = Employees' pulse
pulse-title = Employees' pulse
pulse-intro = How is it to work here? A minute, a few questions.
pulse-anonymous = Anonymous: your answer is never stored with your name or account, only added to the counts of your site. Figures are shown only when the round is over and only for groups of at least the minimum.
pulse-send = Send
pulse-answered = You answered this round. Thank you.
pulse-mailed = This round was sent to your e-mail: answer from the link there (it works once).
pulse-none-open = No round is open now.
pulse-thanks = Thank you: your answer was counted.
pulse-link-used = This link was used already: each works once.
pulse-closed = This round is over.
pulse-link-unknown = This link is not known. Check that it was copied whole.
pulse-enps-question = How likely are you to recommend working here to a friend?
pulse-enps-low = not at all likely
pulse-enps-high = extremely likely
pulse-disagree = strongly disagree
pulse-agree = strongly agree
pulse-plan-title = Pulse plan and questions
pulse-open-now = Open a round now
pulse-plan-off = No rhythm is set: a round opens only when the head opens one.
pulse-plan-line = A round { $rhythm }, { $delivery }, open { $days ->
    [one] one day
   *[other] { $days } days
}, with { $n ->
    [one] one statement
   *[other] { $n } statements
} after the eNPS question.
pulse-rhythm = Rhythm
pulse-rhythm-off = only when opened by hand
pulse-rhythm-monthly = every month
pulse-rhythm-quarterly = every quarter
pulse-delivery = How employees are asked
pulse-delivery-station = on their station
pulse-delivery-email = by a one-time e-mail link
pulse-delivery-help = By e-mail, each employee with an address gets a link that works once; those without one answer on their station.
pulse-open-days = Days a round stays open
pulse-statements = Statements
pulse-statements-help = Up to five statements after "would you recommend working here?", each answered from 1 (strongly disagree) to 5 (strongly agree). Write each in the languages your staff read; an empty language shows another.
pulse-plan-help = Rounds open on the first day of the month or quarter, in the organisation's time zone. A round asks the statements saved when it opens.
pulse-round = Round { $key }
pulse-open-line = Open until { $closes }: { $answered } of { $asked } employees have answered so far.
pulse-open-why = The figures appear when the round is over: watching them move while it is open would tell what a colleague answered.
pulse-too-few = { $n } answers: fewer than { $min }, so no figure is shown.
pulse-enps = eNPS
pulse-answers = { $n ->
    [one] one answer
   *[other] { $n } answers
}
pulse-agree-share = agree (4–5 of 5)
pulse-sites-title = Sites: the team's pulse beside its customers' satisfaction
pulse-sites-help = Customers' CSAT of { $from } – { $to } (the 30 days up to the round's close). A site's pulse is shown from { $min } answers.
pulse-col-answers = Employees
sheet-pulse = Pulse
pulse-organisation = The organisation
pulse-xlsx = Download as Excel
pulse-col-statement = Statement { $n }
pulse-withheld = Fewer than { $min } answers
pulse-correlation = Across { $n } sites, the team's eNPS and customers' CSAT correlate at r = { $r } (1: together, 0: unrelated, −1: opposite).
pulse-correlation-few = { $n ->
    [one] One site has
   *[other] { $n } sites have
} both figures: at least three are needed to say whether happier teams serve happier customers.
pulse-no-sites = No site of yours had answers in this round.
pulse-empty = No round yet. Set the plan, then open a round: employees answer on their station or through a one-time e-mail link.
pulse-rounds = Rounds
pulse-open-until = open until { $closes }
pulse-invite = A round of the employees' pulse is open: a minute, anonymous.
pulse-answer-now = Answer the pulse
pulse-our-results = Our results, round { $key }
pulse-answer-needed = Choose a number from 0 to 10.
pulse-out-of-range = Choose one of the numbers shown.
pulse-question-too-long = At most 200 characters in each language.
pulse-rhythm-unknown = Choose one of the rhythms.
pulse-delivery-unknown = Choose one of the ways.
pulse-days-range = From { $min } to { $max } days.
pulse-plan-conflict = Someone saved the plan after you opened it. Check it again and save.
flash-pulse-open-already = A round is open already.
flash-pulse-opened = The round is open.
flash-pulse-today-already = A round was opened today already.
flash-pulse-thanks = Thank you: your pulse answer was counted, anonymously.
mail-pulse-subject = { $org }: how is it to work here?
mail-pulse-intro = A minute, a few questions: how is it to work here?
mail-pulse-open = Answer
mail-pulse-closes = The round is open until { $day }. The link works once.

nav-customers = Customers
customers-help = One customer's history, for the call back: their visits, the survey messages sent to them, the answers they gave with their name on them, their consent and the alerts about them. A terminal's or a web poster's answers are anonymous and never shown here. Each opening is recorded in the audit log.
customers-number = Phone number or e-mail address
customers-number-hint = In any usual form: +371 2000 0000, 0037120000000, a national number, Arabic-Indic digits.
customers-open = Open the history
customer-error-email-invalid = This is not a valid e-mail address.
customer-error-phone_unparseable = This is not a phone number.
customer-error-phone_invalid = This is not a valid number for its country.
customer-error-phone_needs_country = Add the country code (such as +371): the organisation has no country set.
customer-title = Customer's history
customer-no-contact = No contact details are kept for this customer.
customer-audited = Your opening of this page is recorded in the audit log.
customer-alerts = Alerts about them
customer-alert = Alert
customer-none = None.
customer-answers = Their answers
customer-answers-help = Only the answers given through a survey sent to them (SMS, WhatsApp, their survey link).
customer-answer = Answer
customer-visits = Visits
customer-messages = Survey messages
callback-title = Call back
callback-asked = The customer answered that they may be contacted: call them back.
callback-asked-many = { $n } customers of this alert answered that they may be contacted: call each of them back.
callback-done = Called back by { $by }:
callback-history = The customer's history and number
callback-mark-done = Called back
callback-note = The customer was called back.
flash-called-back = Recorded: the customer was called back.
flash-called-back-already = The customer was already called back.
question-callback = Asks whether the customer may be contacted ("may we contact you?")
question-callback-hint = A yes/no question. A "yes" from a customer the survey was sent to, with a low score, opens a call-back task on the alert.
question-callback-yes-no = Only a yes/no question can ask this.
customer-words-withheld = Words about an employee: shown to who may see that employee's results.
week-pulse = Employees' pulse, round { $key }
week-pulse-lowest = lowest
