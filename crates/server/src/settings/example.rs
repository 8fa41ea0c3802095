//! The commented example `rida.toml` that `rida config` prints (and the Debian package
//! installs as `/etc/rida/rida.toml`): every key, its default and what it is for.

use super::Settings;

impl Settings {
    /// A commented example `rida.toml` with every key and its default.
    pub fn example_toml() -> String {
        let d = Settings::default();
        format!(
            r#"# rida.toml: Rida's settings. Every key is optional; shown are the defaults.
# Each key can also be set in the environment as RIDA_<KEY> (e.g. RIDA_LISTEN),
# which wins over this file.

# Address and port to listen on.
listen = "{listen}"

# Folder for the embedded SQLite database and other local files.
data_dir = "{data_dir}"

# Database URL. Empty: SQLite in data_dir/rida.db.
# PostgreSQL (several Rida instances may share one):
#   database_url = "postgres://rida:PASSWORD@db.example/rida"
# An explicit SQLite file must exist; add ?mode=rwc to create it:
#   database_url = "sqlite:///var/lib/rida/rida.db?mode=rwc"
database_url = ""

# Most database connections this instance opens.
max_connections = {max_connections}

# PostgreSQL: seconds a statement may run (or wait for a lock) before it is cancelled;
# the request is answered 503 with Retry-After, and the client sends it again. 0: no limit.
statement_timeout_s = {statement_timeout_s}

# Log as JSON lines (for log collectors) instead of text.
log_json = {log_json}

# Mark cookies Secure. Turn on when Rida is served over HTTPS.
secure_cookies = {secure_cookies}

# Hours a login lasts.
session_hours = {session_hours}

# After this many failed logins within login_window_minutes, the account is
# locked for the rest of the window.
login_max_failures = {login_max_failures}
login_window_minutes = {login_window_minutes}

# Largest logo image accepted, in bytes.
max_logo_bytes = {max_logo_bytes}

# E-mail (the monthly report, scheduled reports, alerts). Empty: messages wait in the
# outbox (Settings → E-mail) until a server is set. Forms:
#   smtp_url = "smtp://mail.example.org:587?tls=required"     (STARTTLS)
#   smtp_url = "smtps://USER:PASSWORD@mail.example.org"       (TLS from the start)
#   smtp_url = "smtp://127.0.0.1:25"                          (a local relay, no TLS)
smtp_url = ""
mail_from = "{mail_from}"

# Where users reach Rida: links in e-mail, survey links and QR posters point here.
# Empty: http:// and the listen address (enough on one machine; set it as soon as
# customers or colleagues reach Rida by another name, e.g. "https://rida.example.org").
public_url = ""

# Run scheduled jobs here. Several instances may all run them: each job runs once.
jobs = {jobs}

# Customers' phone numbers and e-mail addresses are stored encrypted. Empty: with a key
# made once and kept in the database. For a key kept apart from the database (a stolen
# database then reveals no contact), name a file with 64 hex digits, the same file on
# every instance, e.g. made by `openssl rand -hex 32 > /etc/rida/contact.key`:
#   contact_key_file = "/etc/rida/contact.key"
# Set it before the first contact is stored: contacts sealed with one key do not open
# with another.
contact_key_file = ""

# Surveys by SMS go through a gateway. Empty: survey messages wait in the outbox
# (the Survey messages page). Kannel (self-hosted; see the README):
#   sms_gateway = "kannel"
#   kannel_url = "http://127.0.0.1:13013/cgi-bin/sendsms"
#   kannel_username = "rida"
#   kannel_password = "SECRET"
#   sms_from = "RIDA"
# Kannel calls Rida for replies and delivery reports with this token in the URL:
#   get-url = "https://rida.example.org/hooks/kannel/mo?token=TOKEN&from=%p&to=%P&text=%a&id=%I"
sms_gateway = ""
kannel_url = "{kannel_url}"
kannel_username = ""
kannel_password = ""
sms_from = ""
kannel_hook_token = ""

# Twilio instead: sms_gateway = "twilio", sms_from = a Twilio number ("+1555…") or a
# messaging service SID ("MG…"). Set the number's "A message comes in" webhook to
# HOOKS_URL/hooks/twilio/sms (HTTP POST); Twilio's calls are checked against the auth token.
twilio_account_sid = ""
twilio_auth_token = ""
twilio_api_url = "{twilio_api_url}"

# WhatsApp (Meta's Cloud API), for rules whose channel is WhatsApp. The survey goes as
# the approved template named here: its body takes the organisation ({{{{1}}}}) and the site
# ({{{{2}}}}), and it has a quick-reply button per score (1 to 5). A question on another
# scale (0-10, 1-7) goes as whatsapp_number_template: its body takes the organisation,
# the site, the lowest and the highest score ({{{{1}}}}-{{{{4}}}}) and asks for a typed number;
# without it such surveys fail with a clear error. Inside the 24-hour window surveys go
# without a template (a list of up to 10 scores, else a typed number). Subscribe the
# app's webhook to HOOKS_URL/hooks/whatsapp with whatsapp_verify_token; Meta's calls
# are checked against the app secret.
whatsapp_phone_number_id = ""
whatsapp_access_token = ""
whatsapp_app_secret = ""
whatsapp_verify_token = ""
whatsapp_template = "{whatsapp_template}"
whatsapp_number_template = ""
whatsapp_api_url = "{whatsapp_api_url}"

# Where gateways reach Rida (delivery reports). Empty: public_url.
hooks_url = ""

# How many messages one instance hands to the gateway at once.
dispatch_concurrency = {dispatch_concurrency}

# Anonymous web surveys (QR posters, the website widget): answers one address may send
# in an hour, and minutes before one device may answer the same survey again. Nothing
# that identifies a device is kept with an answer or beyond the day.
web_answers_per_hour = {web_answers_per_hour}
web_repeat_minutes = {web_repeat_minutes}

# Behind a reverse proxy: the header that holds the visitor's address (X-Forwarded-For,
# X-Real-IP), so that the limits on failed logins, terminal pairing and anonymous answers
# count each visitor, not the proxy. Only set it behind a proxy that writes the header
# itself (otherwise a visitor could choose their address). Empty: the connection's own.
client_ip_header = ""

# Prometheus metrics (GET /metrics): served only to these addresses (comma-separated,
# as client_ip_header gives them) or to a scraper sending "Authorization: Bearer
# metrics_token"; everyone else gets 403.
metrics_addresses = "{metrics_addresses}"
metrics_token = ""

# Sign-in with the organisation's directory. The people it vouches for get the role and
# reach that Organisation and people -> Directory groups gives their groups; local accounts keep working
# (keep one head account for when the directory is away).
# The organisation they belong to (its id, shown on Settings -> Organisation); empty:
# the only organisation.
directory_organisation = ""

# OpenID Connect (Entra ID, Keycloak, Okta, Google Workspace, ADFS...): register Rida as
# a confidential web client with the redirect URI PUBLIC_URL/auth/oidc/callback, then set
# the issuer (its discovery document is at ISSUER/.well-known/openid-configuration):
#   oidc_issuer = "https://login.microsoftonline.com/TENANT/v2.0"
#   oidc_client_id = "..."
#   oidc_client_secret = "..."
# The claims that give the login name, the groups (names, or ids as Entra ID sends them)
# and the employee number (for employees' accounts, matched with the employee's
# external id). The scopes must make the provider send them.
oidc_issuer = ""
oidc_client_id = ""
oidc_client_secret = ""
oidc_scopes = "{oidc_scopes}"
oidc_username_claim = "{oidc_username_claim}"
oidc_groups_claim = "{oidc_groups_claim}"
oidc_employee_claim = "{oidc_employee_claim}"
# The provider's name on the sign-in button; empty: "your organisation's account".
oidc_name = ""

# LDAP / Active Directory: people sign in on the usual form with their directory login
# (local accounts are checked first). Over TLS only: ldaps://, or ldap:// with StartTLS;
# a wrong certificate or a directory that does not answer is an error, never a reason to
# go without TLS. A service account finds the person, then their password is checked by
# binding as them; groups in groups are followed by walking memberOf upwards.
#   ldap_url = "ldaps://dc1.example.org"
#   ldap_ca_file = "/etc/rida/directory-ca.pem"     (empty: the system's CAs)
#   ldap_bind_dn = "CN=rida,OU=Services,DC=example,DC=org"
#   ldap_bind_password = "..."
#   ldap_user_base = "OU=Staff,DC=example,DC=org"
ldap_url = ""
ldap_starttls = {ldap_starttls}
ldap_allow_plain = {ldap_allow_plain}
ldap_ca_file = ""
ldap_bind_dn = ""
ldap_bind_password = ""
ldap_user_base = ""
ldap_user_filter = "{ldap_user_filter}"
ldap_login_attributes = "{ldap_login_attributes}"
ldap_employee_attribute = "{ldap_employee_attribute}"
ldap_nested_groups = {ldap_nested_groups}
"#,
            ldap_starttls = d.ldap_starttls,
            ldap_allow_plain = d.ldap_allow_plain,
            ldap_user_filter = d.ldap_user_filter,
            ldap_login_attributes = d.ldap_login_attributes,
            ldap_employee_attribute = d.ldap_employee_attribute,
            ldap_nested_groups = d.ldap_nested_groups,
            oidc_scopes = d.oidc_scopes,
            oidc_username_claim = d.oidc_username_claim,
            oidc_groups_claim = d.oidc_groups_claim,
            oidc_employee_claim = d.oidc_employee_claim,
            metrics_addresses = d.metrics_addresses,
            kannel_url = d.kannel_url,
            twilio_api_url = d.twilio_api_url,
            whatsapp_template = d.whatsapp_template,
            whatsapp_api_url = d.whatsapp_api_url,
            dispatch_concurrency = d.dispatch_concurrency,
            web_answers_per_hour = d.web_answers_per_hour,
            web_repeat_minutes = d.web_repeat_minutes,
            listen = d.listen,
            data_dir = d.data_dir.display(),
            max_connections = d.max_connections,
            statement_timeout_s = d.statement_timeout_s,
            log_json = d.log_json,
            secure_cookies = d.secure_cookies,
            session_hours = d.session_hours,
            login_max_failures = d.login_max_failures,
            login_window_minutes = d.login_window_minutes,
            max_logo_bytes = d.max_logo_bytes,
            mail_from = d.mail_from,
            jobs = d.jobs,
        )
    }
}
