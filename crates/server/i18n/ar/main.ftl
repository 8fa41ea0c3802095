# رضا: الرسائل العربية. المفاتيح نفسها في en و ar و lv.

## Shell
nav-label = التنقل الرئيسي
nav-overview = نظرة عامة
nav-organisation = المؤسسة
nav-regions = المناطق
nav-sites = الفروع
nav-services = الخدمات
nav-employees = الموظفون
nav-users = المستخدمون
nav-tokens = مفاتيح الواجهة البرمجية
nav-audit = سجل التدقيق
language = اللغة
logout = تسجيل الخروج

## Roles
role-head = المدير العام
role-manager = مدير
role-supervisor = مشرف
role-analyst = محلل
role-employee = موظف
role-head-help = يرى كل شيء ويدير كل شيء
role-manager-help = يدير مناطقه وفروعه
role-supervisor-help = يتابع الفروع والأجهزة ولا يرى النتائج
role-analyst-help = يقرأ التقارير
role-employee-help = يستخدم محطته فقط ولا يرى التقييمات أبدًا

## Login
login-title = تسجيل الدخول
login-submit = دخول
login-invalid = اسم المستخدم أو كلمة المرور غير صحيحة.
login-locked = محاولات فاشلة كثيرة. هذا الحساب مقفل لبضع دقائق؛ حاول لاحقًا.
username = اسم المستخدم
username-hint = من 3 إلى 64 حرفًا أو رقمًا أو نقطة أو شرطة أو @. يُستخدم لتسجيل الدخول.
password = كلمة المرور

## Common
name = الاسم
status = الحالة
actions = إجراءات
active = نشط
inactive = غير نشط
edit = تعديل
save = حفظ
cancel = إلغاء
choose = اختر…
deactivate = تعطيل
reactivate = إعادة التفعيل
created = تاريخ الإنشاء
search = بحث
search-placeholder = ابحث بالاسم…
show-inactive = إظهار غير النشط
no-matches = لا شيء يطابق بحثك
no-matches-help = جرّب أحرفًا أقل، أو أظهر العناصر غير النشطة.
page-prev = → السابق
page-next = التالي ←
page-of = الصفحة { $page } من { $pages }
list-count = { $count ->
    [zero] لا عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}
back-to-overview = العودة إلى النظرة العامة
sample-size = ن = { $n }
points = نقطة

## Flash messages
flash-saved = تم الحفظ.
flash-activated = أعيد التفعيل.
flash-deactivated = تم التعطيل. يبقى في النتائج السابقة ويمكن إعادة تفعيله في أي وقت.
flash-revoked = أُلغي المفتاح. تُرفض الأنظمة التي تستخدمه من الآن.
flash-password-changed = تم تغيير كلمة المرور. أُنهيت جلساتك الأخرى.

## Field errors
error-required = مطلوب.
error-invalid = غير صالح.
error-too-long = طويل جدًا: { $max } حرفًا على الأكثر.
error-too-short = قصير جدًا: { $min } أحرف على الأقل.
error-name-taken = هذا الاسم مستخدم بالفعل.
error-username-taken = اسم المستخدم هذا مأخوذ.
error-external-id-taken = لموظف آخر هذا المعرّف الخارجي.
error-time-zone = اختر منطقة زمنية من القائمة.
error-choose-region = اختر منطقة.
error-employee-required = يجب ربط حساب الموظف بموظف.
error-scope-required = اختر منطقة أو فرعًا واحدًا على الأقل لهذا الدور.
error-own-role = لا يمكنك نزع دور المدير العام عن نفسك.
error-wrong-password = كلمة المرور الحالية غير صحيحة.
error-passwords-differ = كلمتا المرور الجديدتان مختلفتان.
error-logo-missing = اختر ملف صورة.
error-logo-not-image = هذا الملف ليس صورة PNG أو JPEG أو WebP أو GIF.
error-logo-too-large = الصورة كبيرة جدًا.

## Error pages
error-page-400 = لم يُفهم الطلب
error-page-400-help = ارجع وتحقق مما أدخلته ثم حاول مجددًا.
error-page-403 = لا يحق لك فتح هذه الصفحة
error-page-403-help = دورك لا يشمل ذلك. اطلبه من المدير العام لمؤسستك إن احتجت إليه.
error-page-404 = الصفحة غير موجودة
error-page-404-help = ربما كُتب العنوان خطأً، أو لم يعد العنصر موجودًا.
error-page-409 = لا يمكن تنفيذ ذلك
error-page-409-help = يتعارض مع الحالة الحالية، مثل حسابك أنت.
error-page-413 = كبير جدًا
error-page-413-help = ما أرسلته أكبر مما يقبله رضا.
error-page-429 = طلبات كثيرة جدًا
error-page-429-help = انتظر قليلًا ثم حاول مجددًا.
error-page-500 = حدث خطأ ما
error-page-500-help = سُجّلت المشكلة. حاول بعد لحظات.
error-page-csrf = انتهت صلاحية هذا النموذج
error-page-csrf-help = رُفض النموذج حفاظًا على أمانك. ارجع وأعد تحميل الصفحة ثم أرسله مجددًا.

## Overview
overview-title = نظرة عامة
overview-csat-30 = الرضا (CSAT)، آخر 30 يومًا
overview-no-answers = لا إجابات في آخر 30 يومًا بعد.
getting-started = البداية
step-region = أضف منطقة
step-service = أضف الخدمات التي تقدمها
step-site = أضف فروعك ومكاتبك
step-employee = أضف الموظفين الذين يخدمون العملاء
step-token = أنشئ مفتاحًا لنظام إدارة الطوابير

## Organisation
org-name = اسم المؤسسة
org-default-language = اللغة الافتراضية
time-zone = المنطقة الزمنية
time-zone-org = المنطقة الزمنية للمؤسسة ({ $zone })
hidden-voting = التصويت المخفي
hidden-voting-help = افتراضيًا لا يرى النتائج لكل موظف إلا المدير العام. لا يرى الموظفون أي تقييم أبدًا.
managers-see-employees = يحق للمديرين رؤية نتائج كل موظف في فروعهم
analysts-see-employees = يحق للمحللين رؤية نتائج كل موظف
org-logo = الشعار
org-logo-file = ملف الصورة
org-logo-hint = PNG أو JPEG أو WebP أو GIF، بحد أقصى { $max } كيلوبايت. يظهر في الترويسة وعلى الأجهزة.
org-logo-upload = رفع الشعار
org-logo-remove = إزالة الشعار

## Regions
region = المنطقة
region-new = منطقة جديدة
region-edit = تعديل المنطقة
regions-empty = لا مناطق بعد
regions-empty-help = تجمع المناطق فروعك، مثلًا حسب المدينة. أضف أول منطقة للبدء.

## Services
service-new = خدمة جديدة
service-edit = تعديل الخدمة
service-code = الرمز
service-code-hint = رمز قصير اختياري يستخدمه نظام الطوابير، مثل LN.
services-empty = لا خدمات بعد
services-empty-help = الخدمات هي ما يأتي العملاء من أجله: فتح حساب، استشارة، دفع.

## Sites
address = العنوان
site-new = فرع جديد
site-edit = تعديل الفرع
site-services = الخدمات المقدمة هنا
site-no-services = لا خدمات بعد.
site-needs-region = ينتمي الفرع إلى منطقة؛ أضف منطقة أولًا.
sites-empty = لا فروع بعد
sites-empty-help = الفروع هي أماكن خدمة العملاء: فروع، عيادات، مكاتب.

## Employees
desk = المكتب أو الشباك
desk-hint = حيث يخدم هذا الموظف عادةً، مثل 3 أو الشباك ب.
external-id = المعرّف الخارجي
external-id-hint = معرّف الموظف في نظام الطوابير، لتسمّيه الزيارات.
employee-new = موظف جديد
employee-edit = تعديل الموظف
employee-sites = يعمل في
employee-hidden-voting = لا يرى الموظفون تقييماتهم ولا تقييمات غيرهم أبدًا.
employees-empty = لا موظفين بعد
employees-empty-help = أضف من يخدمون العملاء لتُنسب التقييمات إليهم.

## Users
display-name = الاسم الكامل
role = الدور
user-new = مستخدم جديد
user-edit = تعديل المستخدم
user-scope = المناطق والفروع
user-scope-hint = لا يصل المديرون والمشرفون إلا إلى ما يُحدَّد هنا.
user-employee = الموظف المرتبط
user-employee-hint = مطلوب لحسابات الموظفين: المحطة التي يستخدمونها.

## API tokens
token-new = مفتاح جديد
tokens-help = تستخدم الأنظمة المتكاملة مثل نظام الطوابير أو نقاط البيع أو إدارة العملاء مفتاحًا لإرسال التقييمات والزيارات.
token-name = الاسم
token-name-hint = من يستخدمه، مثل «نظام الطوابير، الرياض».
token-create = إنشاء المفتاح
token-created = انسخ هذا المفتاح الآن
token-created-help = يظهر مرة واحدة فقط. لا يحفظ رضا إلا بصمته.
token-prefix = يبدأ بـ
token-revoke = إلغاء
token-revoked = ملغى
tokens-empty = لا مفاتيح بعد
tokens-empty-help = أنشئ مفتاحًا لكل نظام يرسل بيانات إلى رضا.

## Audit log
audit-when = متى
audit-who = من
audit-what = ماذا
audit-detail = التفاصيل
audit-empty = لم تُسجَّل أي تغييرات بعد
audit-action-create = إنشاء
audit-action-update = تعديل
audit-action-activate = أعاد التفعيل
audit-action-deactivate = عطّل
audit-action-password = تغيير كلمة المرور
audit-action-revoke = إلغاء
audit-action-login = تسجيل دخول
audit-action-login_failed = محاولة دخول فاشلة
entity-organisation = المؤسسة
entity-region = منطقة
entity-site = فرع
entity-service = خدمة
entity-employee = موظف
entity-user = مستخدم
entity-api_token = مفتاح واجهة برمجية
entity-question = سؤال
entity-session = جلسة

## Account
account-title = حسابي
password-change = تغيير كلمة المرور
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-confirm = كلمة المرور الجديدة مرة أخرى
password-hint = { $min } أحرف على الأقل. بضع كلمات تصنع كلمة مرور قوية.
password-keep-hint = اتركه فارغًا للإبقاء على كلمة المرور الحالية.
password-change-sessions = تغيير كلمة المرور يُخرجك من كل الأجهزة الأخرى.

## Dates
format-datetime = { $day } { $month } { $year }، { $time }
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيو
month-short-7 = يوليو
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر

## Surveys
nav-surveys = الاستبيانات
survey-new = استبيان جديد
survey-questions = الأسئلة
survey-version = الإصدار
survey-terminals = الأجهزة
surveys-empty = لا توجد استبيانات بعد
surveys-empty-help = الاستبيان هو مجموعة الأسئلة التي يطرحها جهاز التقييم أو الرسالة النصية أو رابط الويب. ابدأ بـ «استبيان جديد».
survey-start = ابدأ بـ
survey-start-smiley = سؤال بالوجوه التعبيرية، مع الأسباب وتعليق بعد تقييم منخفض
survey-start-nps = سؤال التوصية (0–10)
survey-start-empty = بدون أسئلة
survey-version-n = الإصدار { $version }
survey-not-saved = لم يُحفظ:
survey-versions-help = بعد أن يتلقى الاستبيان إجابات، يُنشئ حفظ أي تعديل إصدارًا جديدًا؛ وتحتفظ الإجابات السابقة بالصياغة التي أُجيبت بها.
survey-empty = لا يحتوي هذا الاستبيان على أسئلة بعد
survey-empty-help = أضف السؤال الأول؛ تعرض الأجهزة الأسئلة واحدًا تلو الآخر، والأسئلة التابعة فقط عند تحقق شرطها.
question-new = إضافة سؤال
question-edit = تعديل السؤال
question-type = النوع
question-type-hint = الوجوه لقياس الرضا (CSAT)، و0–10 للتوصية (NPS)، و1–7 للجهد (CES).
question-subject = ما الذي يقيّمه
question-subject-hint = تُعرض الإجابات في التقارير حسب الفرع أو الخدمة أو الموظف.
question-prompt = السؤال
question-prompt-hint = اكتبه بكل لغة؛ وإذا تُرك فارغًا يُعرض النص الإنجليزي.
question-choices = الإجابات المحددة مسبقًا
question-choices-hint = لأسئلة الاختيار: إجابة في كل سطر، «المفتاح = English | العربية | Latviešu». أبقِ مفتاح السطر عند تغيير كلماته لكي تستمر التقارير في احتسابه معًا.
question-rule = العرض
question-rule-question = بعد السؤال
question-rule-always = دائمًا
question-rule-op = عندما تكون الإجابة
question-rule-value = القيمة
question-rule-hint = سؤال تابع: مثلًا بعد السؤال 1، عندما يكون التقييم 2 أو أقل.
question-rule-first = يُعرض السؤال الأول دائمًا.
rule-op-score_at_most = التقييم على الأكثر
rule-op-score_at_least = التقييم على الأقل
rule-op-chose = تتضمن الاختيار
rule-score_at_most = فقط إذا كان تقييم السؤال { $question } هو { $value } أو أقل
rule-score_at_least = فقط إذا كان تقييم السؤال { $question } هو { $value } أو أكثر
rule-chose = فقط إذا كانت إجابة السؤال { $question } «{ $value }»
move-up = نقل للأعلى
move-down = نقل للأسفل
remove = إزالة
scale-csat5 = وجوه 1–5 (الرضا CSAT)
scale-nps11 = توصية 0–10 (NPS)
scale-ces7 = جهد 1–7 (CES)
scale-yes_no = نعم / لا
scale-choice = اختيار واحد
scale-multi_choice = عدة اختيارات
scale-intent = سبب الزيارة
scale-text = نص حر
subject-site = المكان
subject-service = الخدمة
subject-employee = الموظف
flash-survey-new-version = حُفظ كإصدار جديد. تحتفظ الإجابات السابقة بصياغتها.
flash-survey-changed-meanwhile = عدّل شخص آخر هذا الاستبيان في هذه الأثناء. لم يُحفظ شيء؛ هذا هو إصداره.
survey-error-too-many-questions = يضم الاستبيان 30 سؤالًا على الأكثر.
survey-error-bad-key = السؤال { $position }: مفتاحه مفقود أو مستخدم مرتين.
survey-error-prompt-missing = السؤال { $position }: اكتب السؤال بلغة واحدة على الأقل.
survey-error-prompt-too-long = السؤال { $position }: 300 حرف على الأكثر.
survey-error-too-few-choices = السؤال { $position }: أعطِ إجابتين على الأقل للاختيار منهما.
survey-error-too-many-choices = السؤال { $position }: 20 إجابة على الأكثر للاختيار منها.
survey-error-bad-choice-key = السؤال { $position }: تحتاج كل إجابة إلى مفتاح خاص بها (a–z، 0–9، _).
survey-error-bad-choice-label = السؤال { $position }: تحتاج كل إجابة إلى تسمية من 100 حرف على الأكثر.
survey-error-choices-not-used = السؤال { $position }: هذا النوع لا يأخذ إجابات محددة مسبقًا؛ أفرغ القائمة أو اختر نوع اختيار.
survey-error-rule-needs-earlier-question = السؤال { $position }: يجب أن يشير شرطه إلى سؤال قبله.
survey-error-rule-does-not-fit = السؤال { $position }: الشرط لا يناسب إجابات ذلك السؤال (تحقق من نطاق التقييم أو الاختيار).
survey-error-bad-choice-line = السطر { $line }: المفتاح أحرف لاتينية صغيرة وأرقام و_، يليه «=».
start-csat-prompt = ما مدى رضاك عن زيارتك اليوم؟
start-reasons-prompt = نأسف لذلك. ما الذي لم يكن على ما يرام؟
start-reason-wait = انتظار طويل
start-reason-staff = تعامل الموظف
start-reason-unresolved = لم تُحل مسألتي
start-reason-premises = المكان والراحة
start-comment-prompt = ما الذي يمكننا تحسينه؟
start-nps-prompt = ما احتمال أن توصي بنا صديقًا؟

## Terminals
nav-terminals = أجهزة التقييم
site = الفرع
percent = { $value }٪
desk-n = المكتب { $desk }
terminal-new = تسجيل جهاز
terminals-empty = لا توجد أجهزة بعد
terminals-empty-help = سجّل جهازًا لكل جهاز لوحي أو شاشة لمس، ثم اربطه بالرمز المعروض في صفحته.
terminal-survey = الاستبيان
terminal-connection = الاتصال
terminal-last-answer = آخر إجابة
terminal-last-seen = آخر اتصال
terminal-queued = إجابات بانتظار الإرسال
terminal-battery = البطارية
terminal-app-version = إصدار التطبيق
terminal-online = متصل
terminal-offline = غير متصل
terminal-not-paired = غير مربوط
terminal-pairing = الربط
terminal-pairing-help = لجعل جهاز لوحي أو حاسوب لمس هذا الجهاز، اعرض رمز ربط واكتبه على الجهاز.
terminal-paired-help = جهاز مربوط. رمز جديد يربط جهازًا آخر مكانه.
terminal-pairing-open = على الجهاز، افتح { $url } واكتب هذا الرمز:
terminal-pairing-valid-until = صالح مرة واحدة حتى { $time }.
terminal-pairing-new-code = عرض رمز ربط
terminal-unpair = فك ربط الجهاز
terminal-remote = التحكم عن بُعد
terminal-reload = إعادة تحميل الصفحة
terminal-set-normal = العودة إلى طرح الأسئلة
terminal-set-maintenance = عرض «خارج الخدمة»
terminal-set-locked = قفل
terminal-state-normal = يطرح الأسئلة على العملاء
terminal-state-maintenance = يعرض «خارج الخدمة»
terminal-state-locked = مقفل
terminal-settings = الإعدادات
terminal-name-hint = كما يعرفه الموظفون، مثل «المدخل» أو «المكتب 3».
terminal-mode = الوضع
terminal-mode-single = نقطة واحدة
terminal-mode-single-help = يقيّم المكان، أو الخدمة المختارة أدناه.
terminal-mode-multi = نقاط متعددة
terminal-mode-multi-help = النقطة الرئيسية تقيّم المكان وخدماته؛ والجهاز على المكتب يقيّم موظف ذلك المكتب.
terminal-mode-free = تقييم حر
terminal-mode-free-help = يختار العملاء من أو ما يقيّمون (المطاعم، المستشفيات، المكاتب).
terminal-service = الخدمة المقيّمة
terminal-service-none = لا شيء: المكان ككل
terminal-employee = مكتب
terminal-employee-none = بلا مكتب: جهاز رئيسي
terminal-employee-hint = جهاز على مكتب موظف: إجاباته تخص ذلك الموظف.
terminal-languages = اللغات المعروضة
terminal-default-language = يُعرض أولًا بـ
terminal-show-staff = عرض الموظفين بأسمائهم ليختار العملاء من يقيّمون (التقييم الحر)
terminal-no-surveys = لا يوجد استبيان بعد.
terminal-error-no-language = اعرض لغة واحدة على الأقل.
terminal-error-gone = شيء مما اخترته لم يعد موجودًا؛ اختر مجددًا.
flash-terminal-created = سُجّل الجهاز. اعرض رمز ربط لتوصيل جهاز.
flash-pairing-code = رمز ربط جديد جاهز.
flash-terminal-unpaired = فُك ربط الجهاز؛ يعرض الآن شاشة الربط.
flash-terminal-sent = أُرسل. يطبّقه الجهاز خلال ثوانٍ.
audit-action-pairing_code = عُرض رمز ربط
audit-action-pair = رُبط
audit-action-unpair = فُك الربط
audit-action-set_state = تغيّرت الشاشة
audit-action-reload = أُعيد التحميل
entity-survey = استبيان
entity-terminal = جهاز تقييم

## Terminal page (kiosk)
kiosk-title = جهاز التقييم
kiosk-pair-title = ربط هذا الجهاز
kiosk-pair-help = اكتب الرمز المعروض في صفحة هذا الجهاز في منطقة الإدارة (أجهزة التقييم ← الجهاز ← عرض رمز ربط).
kiosk-pair-code = رمز الربط
kiosk-pair-submit = ربط
kiosk-pair-wrong = هذا الرمز غير معروف أو منتهي الصلاحية. اعرض رمزًا جديدًا في منطقة الإدارة.
kiosk-pair-format = يتكون رمز الربط من 8 أحرف وأرقام.
kiosk-pair-busy = محاولات كثيرة. انتظر بضع دقائق ثم حاول مجددًا.
kiosk-unpaired = لم يعد هذا الجهاز مربوطًا. اكتب رمز ربط جديدًا لاستخدامه مرة أخرى.
kiosk-other-tab = هذا الجهاز مفتوح بالفعل في نافذة أخرى. أغلق النافذة الأخرى.
kiosk-maintenance = خارج الخدمة مؤقتًا
kiosk-maintenance-sub = شكرًا لصبركم.
kiosk-locked = مقفل
kiosk-no-survey = لا يوجد استبيان لهذا الجهاز بعد.
kiosk-thanks = شكرًا لك!
kiosk-thanks-sub = إجابتك تساعدنا على خدمتك بشكل أفضل.
kiosk-next = التالي
kiosk-skip = تخطٍّ
kiosk-send = إرسال
kiosk-type-here = اكتب هنا…
kiosk-choose-many = اختر كل ما ينطبق
kiosk-yes = نعم
kiosk-no = لا
kiosk-smiley-1 = غير راضٍ جدًا
kiosk-smiley-2 = غير راضٍ
kiosk-smiley-3 = محايد
kiosk-smiley-4 = راضٍ
kiosk-smiley-5 = راضٍ جدًا
kiosk-nps-low = غير محتمل إطلاقًا
kiosk-nps-high = محتمل جدًا
kiosk-ces-low = صعب جدًا
kiosk-ces-high = سهل جدًا
kiosk-whom = ماذا تود أن تقيّم؟
kiosk-rate-place = هذا المكان
kiosk-which-service = ما الخدمة التي جئت من أجلها؟
kiosk-asked-by = خدمك %name%
kiosk-offline = لا يوجد اتصال. تُحفظ إجاباتك وتُرسل لاحقًا.
kiosk-language = اللغة

## Supervision
nav-supervision = الإشراف
all = الكل
filter = تصفية
supervision-total = الأجهزة
supervision-attention = يحتاج إلى انتباه
terminal-control = التحكم
alert-offline = غير متصل
alert-quiet = لا إجابات منذ 3 ساعات خلال ساعات العمل

## Employee station
station-title = محطة الموظف
station-hello = مرحبًا، { $name }
station-ask = طلب تقييم
station-ask-help = يسأل جهاز التقييم على مكتبك (أو الجهاز الرئيسي في فرعك) العميل التالي عن خدمتك.
station-waiting = بانتظار العميل…
station-received = وصل الشكر.
station-visit = الزيارة
station-visit-since = زيارة مفتوحة منذ { $time }.
station-no-visit = لا توجد زيارة مفتوحة.
station-visit-start = بدء زيارة
station-visit-end = إنهاء الزيارة
station-privacy = التقييمات مجهولة الهوية: لا تُعرض هنا إجابات أي أحد.
flash-station-asked = أُرسل. سيسأل الجهاز العميل التالي.
flash-station-no-terminal = لا يوجد جهاز مربوط يخدم مكتبك أو فرعك. اسأل المشرف.
flash-station-visit-started = بدأت الزيارة.
flash-station-visit-ended = انتهت الزيارة.

## Voice prompts (spoken on terminals; the defaults are made from these texts by scripts/voices)
kiosk-voice-welcome = أهلًا بك! أخبرنا كيف كانت خدمتنا اليوم.
kiosk-voice-question = يرجى اختيار إجابة على الشاشة.
kiosk-voice-thanks = شكرًا لك! إجابتك تساعدنا على خدمتك بشكل أفضل.
nav-voice = الرسائل الصوتية
voice-help = ما تقوله الأجهزة في كل شاشة وبكل لغة. استمع إلى الملف قبل حفظه؛ تجلب الأجهزة الملف الجديد بنفسها. Ogg أو MP3 أو WAV أو M4A أو WebM، بحد أقصى { $max } كيلوبايت.
voice-screen-welcome = الترحيب (عندما يختار العميل لغة)
voice-screen-question = الأسئلة التابعة
voice-screen-thanks = الشكر
voice-default = الافتراضي من Rida
voice-uploaded = مرفوع
voice-choose = اختر ملفًا صوتيًا
voice-save = حفظ هذا الملف
voice-use-default = استخدام الافتراضي
flash-voice-saved = حُفظ. تشغّله الأجهزة بدءًا من العميل التالي.
error-audio-missing = اختر ملفًا صوتيًا.
error-audio-not-audio = هذا الملف ليس صوتيًا (Ogg أو MP3 أو WAV أو M4A أو WebM).
error-audio-too-large = الملف كبير جدًا.
entity-voice_prompt = رسالة صوتية
burst-rule = النقرات المتلاحقة
burst-rule-help = طفل يضغط على كل الوجوه، أو شخص ينقر مرارًا: تُحفظ هذه الإجابات لكن تُعلَّم، ويمكن للتقارير استبعادها.
burst-more-than = علّم أكثر من
burst-customers-within = عميل على جهاز واحد خلال
burst-seconds = ثانية
error-burst = أدخل من 1 إلى 100 عميل ومن 1 إلى 3600 ثانية.
overview-bursts-left-out = استُبعد { $n } آخرون ضمن نقرات متلاحقة ({ $raw } إجمالًا)
opening-hours = ساعات العمل
opening-hours-hint = مثلًا «sun-thu 08:00-16:00» أو «mon-fri 09:00-18:00, sat 10:00-14:00»، بتوقيت الفرع. يُعلَّم على صفحة الإشراف كل جهاز لا يتلقى إجابات لثلاث ساعات أثناء ساعات العمل.
error-opening-hours = اكتب الأيام (mon … sun، أو نطاقًا مثل sun-thu) والساعات مثل 09:00-18:00، مفصولة بفواصل.
terminal-kind = النوع
terminal-kind-kiosk = جهاز تقييم
terminal-kind-kiosk-help = ينقر العملاء إجاباتهم عليه.
terminal-kind-station = محطة موظف
terminal-kind-station-help = شاشة على مكتب الموظف لطلب التقييم دون تسجيل دخول شخصي؛ لا تعرض أي تقييم.
terminal-error-station-needs-employee = تتبع المحطة مكتبًا: اختر الموظف.

## Help: how figures are computed
nav-help = كيف تُحسب الأرقام
help-metrics = كيف تُحسب الأرقام
help-metrics-intro = يُحسب كل رقم في Rida بطريقة واحدة موصوفة هنا، ويُعرض مع عدد الإجابات التي وراءه ونطاقه عند ثقة 95٪: تقع القيمة الحقيقية في هذا النطاق 19 مرة من 20.
help-formula = الصيغة
help-counts = ما الذي يُحتسب
help-trust = مدى الثقة
help-csat-title = الرضا (CSAT)
help-csat-what = نسبة العملاء الراضين على مقياس الوجوه الخمسة.
help-csat-formula = CSAT = إجابات 4 أو 5 ÷ كل الإجابات × 100٪؛ المتوسط = مجموع الدرجات ÷ عدد الإجابات
help-csat-counts = الإجابات من 1 (غير راضٍ جدًا) إلى 5 (راضٍ جدًا) على أسئلة الوجوه. تُستبعد إجابات النقرات المتلاحقة على جهاز واحد وتُحتسب على حدة.
help-csat-trust = فاصل ويلسون للنسبة (يبقى بين 0 و100٪ ويصدق مع المجموعات الصغيرة)؛ وفاصل ستيودنت للمتوسط.
help-nps-title = صافي نقاط الترويج (NPS)
help-nps-what = كم عميلًا سيوصي بكم، ناقص كم عميلًا لن يوصي.
help-nps-formula = NPS = ٪ المروّجين (9–10) − ٪ المنتقدين (0–6)، من −100 إلى +100
help-nps-counts = الإجابات من 0 إلى 10 على سؤال التوصية؛ يُحتسب 7 و8 (المحايدون) في المجموع فقط.
help-nps-trust = فاصل والد المعدَّل (تُضاف ¾ إجابة إلى المروّجين وإلى المنتقدين، و3 إلى المجموع)، ويبقى دقيقًا مع المجموعات الصغيرة.
help-ces-title = جهد العميل (CES)
help-ces-what = مدى سهولة حصول العميل على ما جاء من أجله.
help-ces-formula = متوسط الإجابات من 1 إلى 7؛ نسبة الجهد المنخفض = إجابات 5–7 ÷ كل الإجابات × 100٪
help-ces-counts = الإجابات من 1 (صعب جدًا) إلى 7 (سهل جدًا) على أسئلة الجهد.
help-ces-trust = فاصل ستيودنت للمتوسط، وفاصل ويلسون للنسبة.
help-ranking-title = ترتيب الخدمات والموظفين
help-ranking-what = من يتقدّم ومن يتأخّر، دون أن تتفوّق إجابات قليلة محظوظة على إجابات كثيرة جيدة.
help-ranking-formula = الترتيب حسب الطرف الأدنى لنطاق 95٪، الأفضل أولًا
help-ranking-counts = تُعرض الإدخالات التي لديها أقل من { $min_ranked } إجابة بعبارة «إجابات غير كافية» ولا تُرتَّب.
help-ranking-trust = إدخال بثلاث إجابات كلها 5 له نطاق واسع يمتد إلى الأسفل، فيأتي بعد إدخال بـ300 إجابة معظمها جيد.
help-anonymity-title = الإجابات المجهولة تبقى مجهولة
help-anonymity-what = تُحجب أرقام وتعليقات أي مجموعة لديها أقل من { $min_shown } إجابات، حتى لا يُعرف من أجاب بماذا.
help-anonymity-formula = تُعرض المجموعة فقط عندما يكون عدد الإجابات ≥ { $min_shown }
help-anonymity-counts = ينطبق على الأرقام الخاصة بكل موظف وعلى التعليقات وراء أي رقم.
help-anonymity-trust = لا يرى الموظفون أي تقييم لهم أو لغيرهم؛ ويرى المديرون والمحللون نتائج كل موظف فقط إذا سمح المدير العام بذلك.

## Results dashboard
nav-results = النتائج
results-title = النتائج
results-how-computed = كيف يُحسب كل رقم
filter-period = الفترة
period-day = يوم
period-week = أسبوع
period-month = شهر
period-quarter = ربع سنة
period-custom = فترة مخصصة
filter-at = تاريخ ضمن الفترة
filter-from = من
filter-to = إلى
filter-region = المنطقة
filter-site = الفرع
filter-service = الخدمة
filter-employee = الموظف
filter-metric = المقياس
filter-all = الكل
filter-apply = عرض
metric-csat = الرضا (CSAT)
metric-csat_mean = الرضا، متوسط 1–5
metric-nps = صافي نقاط الترويج (NPS)
metric-ces = جهد منخفض (CES)
metric-ces_mean = الجهد، متوسط 1–7
period-previous = → الفترة السابقة
period-next = الفترة التالية ←
period-compared = مقارنةً بـ { $from } – { $to }
withheld = محجوب: { $n } إجابات، أقل من { $min }، حتى لا يمكن التعرف على أحد.
tile-empty = لا توجد إجابات في هذه الفترة.
change-none = لا توجد إجابات في الفترة السابقة للمقارنة.
unit-percent-change = نقطة
unit-score-change = نقطة
unit-mean-change = على المقياس
change-clear = تغيّر واضح
change-unclear = ضمن حدود الصدفة
today-title = اليوم، مباشر
today-empty = لا توجد إجابات اليوم بعد.
results-bursts = استُبعدت { $n } إجابة جاءت في دفعات نقر متتالية من هذه الأرقام.
results-empty-title = لا توجد إجابات في هذه الفترة
results-empty-body = لم يُجب أحد هنا في هذه الفترة. اختر فترة سابقة، أو تحقق في صفحة الإشراف من أن أجهزة هذه الفروع متصلة.
trend-title = { $metric }: آخر 12 شهرًا
show-numbers = عرض الأرقام
col-month = الشهر
col-interval = مجال الثقة 95%
col-answers = الإجابات
col-change = التغيّر عن الفترة السابقة
col-name = الاسم
col-employee = الموظف
not-enough = إجابات غير كافية للترتيب (أقل من { $min })
ranking-empty = لا توجد إجابات في هذه الفترة.
ranking-sites = الفروع، الأفضل أولًا
ranking-services = الخدمات، الأفضل أولًا
ranking-employees = الموظفون، الأفضل أولًا
matrix-title = { $metric }: الموظف × الخدمة
matrix-help = كل خلية موظف واحد في خدمة واحدة، ملوّنة بحسب بعدها عن هذه الخدمة في مجمل الاختيار، فيظهر الموظف الضعيف في خدمة واحدة؛ الإطار العريض يعني أن الفرق أكبر من الصدفة. الخلايا التي فيها أقل من { $min } إجابات رمادية.
legend-much-lower = أقل بكثير
legend-lower = أقل
legend-same = متقارب
legend-higher = أعلى
legend-much-higher = أعلى بكثير
legend-too-few = إجابات قليلة جدًا
comments-title = ماذا كتب العملاء
comments-low = مع تقييم منخفض
comments-all = كل التعليقات
comments-withheld = التعليقات محجوبة: أقل من { $min } إجابات، حتى لا يمكن التعرف على أحد.
comments-empty = لا توجد تعليقات في هذه الفترة.
channel-kiosk = جهاز التقييم
channel-station = المكتب
channel-sms = رسالة نصية
channel-whatsapp = واتساب
channel-web = الويب
channel-import = استيراد
scale-short-csat5 = الرضا
scale-short-nps11 = NPS
scale-short-ces7 = الجهد
scale-short-yes_no = نعم/لا
thresholds = حدود عرض النتائج
thresholds-help = المجموعة التي لديها إجابات أقل من الرقم الأول تُحجب حتى لا يمكن التعرف على أحد من إجابة مجهولة؛ وإذا كانت أقل من الرقم الثاني تُعرض لكنها لا تدخل في الترتيب.
min-shown = اعرض ابتداءً من
min-ranked = إجابات؛ رتّب ابتداءً من
answers-unit = إجابات
error-thresholds = أدخل للعرض من 3 إلى 100 إجابة، وللترتيب من هذا الرقم حتى 10٬000.
col-change-short = التغيّر
change-legend = ● يدل على تغيّر أكبر من الصدفة (اختبار ثنائي الطرف عند 5%).
export-xlsx = تنزيل Excel
export-csv = CSV
sheet-summary = الملخص
sheet-trend = الاتجاه
sheet-sites = الفروع
sheet-services = الخدمات
sheet-employees = الموظفون
sheet-matrix = الموظف × الخدمة
sheet-comments = التعليقات
col-low = الحد الأدنى 95%
col-high = الحد الأعلى 95%
col-significance = الدلالة
col-value = القيمة
col-day = اليوم
col-channel = القناة
col-comment = التعليق
col-scores = التقييمات في الزيارة نفسها
xlsx-withheld = محجوب (إجابات قليلة جدًا)
xlsx-too-few = إجابات غير كافية للترتيب
flash-deleted = تم الحذف.

## Report builder
nav-reports = التقارير
reports-title = التقارير
reports-all = كل التقارير
report-new = تقرير جديد
report-shared = مشترك مع
report-shared-help = يراه المدير العام وكاتبه دائمًا؛ ويرى كل مشاهد الفروع والأشخاص المسموح له بهم فقط.
report-private = الكاتب والمدير العام فقط
report-schedule = الجدولة
schedule-none = غير مجدول
schedule-weekly = كل يوم اثنين بالبريد الإلكتروني
schedule-monthly = في أول كل شهر بالبريد الإلكتروني
reports-empty-title = لا توجد تقارير محفوظة بعد
reports-empty-body = أنشئ تقريرًا من المقاييس والمرشحات والتجميع ثم احفظه: يحصل على رابط خاص به يمكنك مشاركته مع المديرين أو المحللين.
report-group-1 = جمّع حسب
report-group-2 = ثم حسب
report-time = عبر الزمن
report-chart = الرسم البياني
chart-bar = أعمدة
chart-line = خطوط
chart-table = جدول فقط
report-run = تشغيل
report-empty = لا توجد إجابات تطابق هذا التقرير في هذه الفترة.
report-save-title = احفظ هذا التقرير
report-save = حفظ التقرير
report-delete = حذف التقرير
dim-region = المنطقة
dim-site = الفرع
dim-service = الخدمة
dim-employee = الموظف
dim-channel = القناة
dim-question = السؤال
dim-day = اليوم
dim-month = الشهر
