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
login-wait = محاولات فاشلة كثيرة من هنا. حاول مرة أخرى بعد { $seconds ->
        [zero] { $seconds } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانيةً
       *[other] { $seconds } ثانية
    }.
username = اسم المستخدم
username-hint = من 3 إلى 64 حرفًا أو رقمًا أو نقطة أو شرطة أو @. يُستخدم لتسجيل الدخول.
password = كلمة المرور

## Common
name = الاسم
local-names = الاسم بكل لغة (اختياري)
local-names-hint = يراه من يقرأ بتلك اللغة؛ وحيث يكون فارغًا يظهر الاسم أعلاه.
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
error-too-long = طويل جدًا: { $max ->
        [zero] { $max } حرف
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    } على الأكثر.
error-too-short = قصير جدًا: { $min ->
        [zero] { $min } حرف
        [one] حرف واحد
        [two] حرفان
        [few] { $min } أحرف
        [many] { $min } حرفًا
       *[other] { $min } حرف
    } على الأقل.
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
error-page-503 = غير متاح الآن
error-page-503-help = لا تستطيع قاعدة البيانات استقبال الطلبات في هذه اللحظة. لم يُحفظ شيء: انتظر بضع ثوانٍ ثم أرسله مرة أخرى.
error-page-csrf = انتهت صلاحية هذا النموذج
error-page-csrf-help = رُفض النموذج حفاظًا على أمانك. ارجع وأعد تحميل الصفحة ثم أرسله مجددًا.

## Overview
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
service-target-wait = الهدف لوقت الانتظار (بالدقائق)
service-target-wait-hint = من وصول العميل (تذكرته) حتى بدء الخدمة. فارغ: بلا هدف.
service-target-handle = الهدف للوقت مع العميل (بالدقائق)
service-target-handle-hint = من بدء الخدمة حتى نهايتها. فارغ: بلا هدف.
error-target-minutes = أدخل عدد الدقائق، مثل 5 أو 2.5 (720 كحد أقصى)، أو اتركه فارغًا.
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
audit-action-login_throttled = إبطاء تسجيل الدخول بعد محاولات فاشلة
entity-organisation = المؤسسة
entity-external_figures = أرقام خارجية
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
password-hint = { $min ->
        [zero] { $min } حرف
        [one] حرف واحد
        [two] حرفان
        [few] { $min } أحرف
        [many] { $min } حرفًا
       *[other] { $min } حرف
    } على الأقل. بضع كلمات تصنع كلمة مرور قوية.
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
survey-start-servqual = SERVQUAL: الأبعاد الخمسة لجودة الخدمة، كلٌّ منها بما يتوقعه العملاء وما يدركونه (موافقة 1–7)
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
question-choices-hint = لأسئلة الاختيار: إجابة في كل صف، بكلماتها في كل لغة. المفتاح (يُصنع من الكلمات الإنجليزية إن تُرك فارغًا) يجمع الإجابات في التقارير: أبقِه عند تغيير الكلمات.
survey-long-low = يرى العميل الذي يعطي أدنى تقييم { $n ->
        [zero] { $n } شاشة إضافية
        [one] شاشة إضافية واحدة
        [two] شاشتين إضافيتين
        [few] { $n } شاشات إضافية
        [many] { $n } شاشةً إضافية
       *[other] { $n } شاشة إضافية
    }: أكثر من ٣ تجعل كثيرين يغادرون قبل النهاية. اجعل أسئلة المتابعة بعد التقييم المنخفض قصيرة.
question-choice-add = إضافة إجابة
question-choice-key = المفتاح
question-area = مجال الخدمة
question-area-none = بلا مجال
question-area-hint = الأسئلة ذات الدرجات الموسومة بمجال تشكّل «الرضا حسب المجال» في صفحة النتائج. لعبارة SERVQUAL اختر بُعدها وما إذا كانت تسأل عمّا يتوقعه العملاء أو عمّا يدركونه.
question-servqual = SERVQUAL
question-servqual-none = ليست عبارة SERVQUAL
servqual-expectation = SERVQUAL: توقع
servqual-perception = SERVQUAL: إدراك
area-waiting_time = وقت الانتظار
area-staff_courtesy = لباقة الموظفين
area-competence = الكفاءة
area-speed = سرعة الخدمة
area-accuracy = الدقة (الفواتير والمستندات)
area-premises = المكان
area-information = المعلومات والوضوح
area-digital = القنوات الرقمية
area-tangibles = الملموسات (SERVQUAL)
area-reliability = الاعتمادية (SERVQUAL)
area-responsiveness = الاستجابة (SERVQUAL)
area-assurance = الضمان (SERVQUAL)
area-empathy = التعاطف (SERVQUAL)
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
scale-agree7 = موافقة 1–7 (لا أوافق بشدة … أوافق بشدة)
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
survey-error-area-needs-score = السؤال { $position }: لا يُحتسب في مجال إلا سؤال يُجاب عنه بدرجة.
survey-error-servqual-needs-dimension = السؤال { $position }: يحتاج توقع أو إدراك SERVQUAL إلى أحد أبعاد SERVQUAL الخمسة مجالًا له.
survey-error-bad-choice-line = الإجابة { $line }: المفتاح أحرف لاتينية صغيرة وأرقام و_.
start-csat-prompt = ما مدى رضاك عن زيارتك اليوم؟
start-reasons-prompt = نأسف لذلك. ما الذي لم يكن على ما يرام؟
start-reason-wait = انتظار طويل
start-reason-staff = تعامل الموظف
start-reason-unresolved = لم تُحل مسألتي
start-reason-premises = المكان والراحة
start-comment-prompt = ما الذي يمكننا تحسينه؟
start-nps-prompt = ما احتمال أن توصي بنا صديقًا؟
start-servqual-tangibles-expectation = مكتب الخدمة الممتاز لديه معدات حديثة ومكان مريح.
start-servqual-tangibles-perception = هذا المكتب لديه معدات حديثة ومكان مريح.
start-servqual-reliability-expectation = مكتب الخدمة الممتاز يفي بما يعد به، وبشكل صحيح من المرة الأولى.
start-servqual-reliability-perception = هذا المكتب وفى بما وعد به، وبشكل صحيح من المرة الأولى.
start-servqual-responsiveness-expectation = موظفو مكتب الخدمة الممتاز يخدمون العملاء بسرعة.
start-servqual-responsiveness-perception = الموظفون هنا خدموني بسرعة.
start-servqual-assurance-expectation = عملاء مكتب الخدمة الممتاز يشعرون بالأمان ويثقون بمعرفة الموظفين.
start-servqual-assurance-perception = شعرت بالأمان هنا واستطعت الوثوق بمعرفة الموظفين.
start-servqual-empathy-expectation = مكتب الخدمة الممتاز يمنح كل عميل اهتمامًا شخصيًا.
start-servqual-empathy-perception = الموظفون هنا منحوني اهتمامًا شخصيًا.

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
kiosk-agree-low = لا أوافق بشدة
kiosk-agree-high = أوافق بشدة
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
supervision-problems-only = ما يحتاج إلى انتباه فقط
supervision-attention-more = و{ $n } أخرى: اعرض ما يحتاج إلى انتباه فقط
supervision-pages = صفحات الأجهزة
supervision-shown = { $first }–{ $last } من { $total }
terminal-control = التحكم
alert-offline = غير متصل
alert-quiet = هادئ: لا إجابات منذ مدة أطول من المعتاد
alert-quiet-pace = لا شيء منذ { $silent } ساعة من ساعات العمل؛ عادةً عميل كل { $gap } دقيقة
alert-quiet-unknown = لا شيء منذ { $silent } ساعة من ساعات العمل؛ يُعرف المعدل المعتاد بعد { $n } عملاء
alert-quiet-never = لا إجابة بعد

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
station-visit-service = للخدمة
station-visit-no-service = (بلا خدمة)
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
help-ranking-counts = تُعرض الإدخالات التي لديها أقل من { $min_ranked ->
        [zero] { $min_ranked } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min_ranked } إجابات
        [many] { $min_ranked } إجابةً
       *[other] { $min_ranked } إجابة
    } بعبارة «إجابات غير كافية» ولا تُرتَّب.
help-ranking-trust = إدخال بثلاث إجابات كلها 5 له نطاق واسع يمتد إلى الأسفل، فيأتي بعد إدخال بـ300 إجابة معظمها جيد.
help-anonymity-title = الإجابات المجهولة تبقى مجهولة
help-anonymity-what = تُحجب أرقام وتعليقات أي مجموعة لديها أقل من { $min_shown ->
        [zero] { $min_shown } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min_shown } إجابات
        [many] { $min_shown } إجابةً
       *[other] { $min_shown } إجابة
    }، حتى لا يُعرف من أجاب بماذا.
help-anonymity-formula = تُعرض المجموعة فقط عندما يكون عدد الإجابات ≥ { $min_shown }
help-anonymity-counts = ينطبق على الأرقام الخاصة بكل موظف وعلى التعليقات وراء أي رقم.
help-anonymity-trust = لا يرى الموظفون أي تقييم لهم أو لغيرهم؛ ويرى المديرون والمحللون نتائج كل موظف فقط إذا سمح المدير العام بذلك.
help-response-rate-title = معدل الاستجابة
help-response-rate-what = كم زيارة حصلت على إجابة واحدة على الأقل من عميلها.
help-response-rate-formula = معدل الاستجابة = الزيارات التي لها إجابة ÷ الزيارات × 100 %
help-response-rate-counts = الزيارات التي تسجلها محطة الموظف أو نظام الطوابير، في يوم بدئها. تُحتسب الإجابة عندما تشير إلى زيارتها، حتى لو وصلت بعد أيام (رد برسالة نصية)؛ وعدة إجابات عن زيارة واحدة تُحتسب مرة واحدة.
help-response-rate-trust = فترة ويلسون، مع عدد الزيارات.
help-wait-title = وقت الانتظار (أول استجابة)
help-wait-what = كم انتظر العملاء من وصولهم حتى بدأ موظف بخدمتهم.
help-wait-formula = متوسط (بدء الخدمة − الوصول) بالدقائق؛ ضمن الهدف = الانتظارات ≤ هدف الخدمة ÷ الانتظارات التي لها هدف × 100 %
help-wait-counts = الزيارات التي لها وقت وصول (تذكرة طابور). تُقاس كل زيارة بالهدف الذي كان لخدمتها في ذلك اليوم؛ ويُستبعد الانتظار الذي يتجاوز 12 ساعة.
help-wait-trust = فترة ستيودنت للمتوسط، وفترة ويلسون للنسبة ضمن الهدف.
help-handle-title = الوقت مع العميل
help-handle-what = كم استغرقت خدمة العميل، مقارنةً بالهدف المحدد لكل خدمة.
help-handle-formula = متوسط (نهاية الخدمة − بدايتها) بالدقائق؛ ضمن الهدف = الزيارات ≤ هدف الخدمة ÷ الزيارات التي لها هدف × 100 %
help-handle-counts = الزيارات المنتهية. الزيارة التي تبقى مفتوحة أكثر من 12 ساعة تُحتسب زيارةً لا وقتًا.
help-handle-trust = فترة ستيودنت للمتوسط، وفترة ويلسون للنسبة ضمن الهدف.
help-retention-title = الاحتفاظ بالعملاء والتسرب
help-retention-what = من العملاء الذين زاروا في فترة ما، كم منهم عاد خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }.
help-retention-formula = الاحتفاظ = العملاء الذين عادوا ÷ (عادوا + لم يعودوا) × 100 %؛ التسرب = 100 % − الاحتفاظ
help-retention-counts = يُعرف العملاء بمفتاح العميل الذي تحمله زياراتهم (وليس رقم هاتف ظاهرًا أبدًا)؛ ويُحتسب كل منهم مرة واحدة، عند آخر زيارة له في الفترة. من لم تنقضِ مدتهم ({ $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }) بعد يظهرون كغير محسومين ويُستبعدون. تُضبط المدة في صفحة المؤسسة.
help-retention-trust = فترة ويلسون، مع عدد العملاء.
help-reasons-title = الأسباب والأغراض (لماذا)
help-reasons-what = ما اختاره العملاء في سؤال اختيار (ما الخطأ، ما الذي أتى بهم)، ومدى رضا من اختار كل إجابة.
help-reasons-formula = النسبة = الإجابات التي تذكر الاختيار ÷ الإجابات على السؤال × 100 % (قد يتجاوز مجموع الاختيارات المتعددة 100 %)؛ مؤشر رضا هؤلاء = إجاباتهم 4–5 في الزيارة نفسها ÷ إجاباتهم
help-reasons-counts = الإجابات على أسئلة الاختيار وسبب الزيارة؛ ويحتسب مؤشر الرضا بجانب الاختيار إجابات الوجوه في الزيارة نفسها. لا يُعرض لكل موظف، ويُخفى لأقل من { $min_shown ->
        [zero] { $min_shown } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min_shown } إجابات
        [many] { $min_shown } إجابةً
       *[other] { $min_shown } إجابة
    }.
help-reasons-trust = فترة ويلسون لكل نسبة؛ ويُختبر التغير عن الفترة السابقة باختبار نسبتين.
help-areas-title = الرضا حسب المجال
help-areas-what = كيف يقيّم العملاء أجزاء الخدمة (وقت الانتظار، اللباقة، الدقة…)، من الأسئلة الموسومة بكل مجال.
help-areas-formula = الإجابات الجيدة ÷ الإجابات × ١٠٠ %، والجيدة هي ٤–٥ من ٥ أو ٩–١٠ من ١٠ أو ٥–٧ من ٧ أو نعم
help-areas-counts = الإجابات على الأسئلة ذات الدرجات التي حُدد مجالها في نموذج السؤال؛ وتُحتسب أسئلة المجال الواحد معًا.
help-areas-trust = فترة ويلسون؛ يُخفى لأقل من { $min_shown ->
        [zero] { $min_shown } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min_shown } إجابات
        [many] { $min_shown } إجابةً
       *[other] { $min_shown } إجابة
    }.
help-servqual-title = فجوات SERVQUAL
help-servqual-what = الأبعاد الخمسة لجودة الخدمة (الملموسات، الاعتمادية، الاستجابة، الضمان، التعاطف)، ويُسأل عن كلٍّ منها بما يتوقعه العملاء من مؤسسة ممتازة وبما يدركونه من مؤسستك.
help-servqual-formula = الفجوة = متوسط الإدراك − متوسط التوقع، على مقياس الموافقة 1–7
help-servqual-counts = العبارات الموسومة ببُعد وجانب في نموذج السؤال (قالب استبيان SERVQUAL يفعل ذلك عنك).
help-servqual-trust = فترة ويلش لفرق متوسطين؛ والفجوة التي يقع مداها كله تحت الصفر قصور واضح.
help-close-title = وقت إغلاق التنبيه
help-close-what = مدى سرعة متابعة المشكلة التي أبلغ عنها العميل وإغلاقها: سرعة إغلاق الحلقة.
help-close-formula = متوسط (وقت الإغلاق − وقت الإنشاء) بالساعات للتنبيهات المغلقة في الفترة
help-close-counts = التنبيهات المغلقة في الفترة حسب الفرع والخدمة والموظف الذي أُنشئت له؛ تعرض صفحة التنبيهات الوسيط لآخر ٣٠ يومًا. لمن يحق له قراءة التنبيهات فقط.
help-close-trust = فترة ستيودنت-t للمتوسط، مع عدد التنبيهات.
help-ack-title = وقت استلام التنبيه
help-ack-what = مدى سرعة تولّي أحدٍ مشكلةً أبلغ عنها العميل: ملاحظة أو إسناد أو «أتولّاه» أو إغلاقها.
help-ack-formula = متوسط (وقت الاستلام − وقت الإنشاء) بالساعات للتنبيهات المستلمة في الفترة
help-ack-counts = التنبيهات المستلمة في الفترة حسب الفرع والخدمة والموظف الذي أُنشئت له. لمن يحق له قراءة التنبيهات فقط.
help-ack-trust = فترة ستيودنت-t للمتوسط، مع عدد التنبيهات.
help-language-title = لغة العميل
help-language-what = اللغة التي أجاب بها العميل: المعروضة على الجهاز عند النقر، أو التي تبلغ عنها القناة.
help-language-formula = أي رقم، مصفّى أو مجمّع حسب لغة الإجابات
help-language-counts = تُحفظ لكل فرع وسؤال وقناة (لا لكل خدمة أو موظف، كي لا تضيّق الإجابة المجهولة إلى شخص). الإجابات السابقة لتسجيل اللغات تُحسب بلغة غير معروفة (—).
help-language-trust = الفترات نفسها الخاصة بالرقم الذي تصفّيه.

## Results dashboard
nav-results = النتائج
nav-operations = العمليات
nav-external = أرقام خارجية
nav-consent = إلغاء الاشتراك
results-title = النتائج
ops-title = العمليات: الزيارات والانتظار والوقت مع العملاء
external-title = أرقام خارجية بجانب الرضا
external-help = استورد أرقامًا من خارج ريضا — تحليلات الويب ووسائل التواصل والمبيعات — كملف CSV بالأعمدة date وsource وmetric وvalue. تظهر في صفحة النتائج بجانب الرضا شهرًا بشهر. استيراد يوم مرة أخرى يستبدل قيمته.
external-report = تقرير الاستيراد
external-stored = استُورد: { $n ->
        [zero] { $n } صف
        [one] صف واحد
        [two] صفان
        [few] { $n } صفوف
        [many] { $n } صفًا
       *[other] { $n } صف
    }.
external-bad = لم يُستورد: { $n ->
        [zero] { $n } صف
        [one] صف واحد
        [two] صفان
        [few] { $n } صفوف
        [many] { $n } صفًا
       *[other] { $n } صف
    }؛ صحّحها واستورد الملف مرة أخرى (الصفوف المستوردة تُستبدل ولا تتكرر).
external-import = استيراد ملف CSV
external-file = ملف CSV
external-file-hint = صف عناوين يسمّي date وsource وmetric وvalue؛ فاصلة أو فاصلة منقوطة أو علامة جدولة بين الحقول؛ التواريخ مثل 2026-11-24 أو 24.11.2026؛ 100,000 صف كحد أقصى.
external-import-button = استيراد
external-series = السلاسل المستوردة
consent-help = العملاء الذين طلبوا عدم استطلاع آرائهم — بالرد STOP أو بالاتصال بكم — لا يُرسل إليهم أي استطلاع. ابحث عن عميل برقم هاتفه لترى هل يجوز استطلاع رأيه وكل تغيير؛ لا يحفظ السجل الأرقام، بل مفتاحًا مجهول الهوية فقط.
consent-phone = رقم الهاتف
consent-phone-hint = دولي (+966 50 123 4567)، أو محلي إذا حُدد بلد المؤسسة.
consent-lookup = بحث
consent-out = ألغى الاشتراك
consent-in = يمكن استطلاع رأيه
consent-out-help = لا يُرسل أي استطلاع إلى هذا الرقم.
consent-in-help = يمكن إرسال الاستطلاعات إلى هذا الرقم بعد الزيارة.
consent-opt-out = إلغاء الاشتراك في الاستطلاعات
consent-opt-in = إعادة الاشتراك
consent-note = ملاحظة
consent-history = السجل
consent-no-history = لم يُسجل أي تغيير لهذا الرقم.
consent-source = المصدر
consent-by = بواسطة
consent-source-admin = هذه الصفحة
consent-source-reply = رد العميل
consent-source-api = واجهة البرمجة
col-when = متى
error-phone-unparseable = هذا ليس رقم هاتف.
error-phone-invalid = هذا الرقم غير موجود في بلده.
error-phone-needs-country = أضف رمز الدولة (+966…)، أو حدد بلد المؤسسة.
external-empty = لم يُستورد شيء بعد. صدّر الأرقام اليومية من أداة تحليلات الويب أو وسائل التواصل كملف CSV واستوردها هنا.
trend-external-help = المتقطع: أرقام مستوردة من خارج ريضا (المتوسط الشهري لقيمها)، على المحور الآخر. انقر اسمًا في وسيلة الإيضاح لإظهاره أو إخفائه.
external-delete = إزالة
flash-external-deleted = أُزيلت السلسلة.
col-line = السطر
col-problem = المشكلة
col-row = كما كُتب
col-source = المصدر
col-metric = المقياس
col-days = الأيام
col-from = من
col-to = إلى
error-import-missing = اختر ملف CSV للاستيراد.
error-import-too-large = الملف أكبر من 8 ميغابايت؛ قسّمه إلى ملفات أصغر.
error-import-not-text = الملف ليس ملف CSV نصيًا (احفظه من جدول البيانات بصيغة «CSV UTF-8»).
error-import-missing-column = يجب أن يسمّي الصف الأول الأعمدة date وsource وmetric وvalue.
error-import-too-many-rows = يحتوي الملف على أكثر من 100,000 صف؛ قسّمه إلى ملفات أصغر.
error-import-empty = الملف لا يحتوي على صفوف.
import-bad-bad-date = ليس تاريخًا (استخدم 2026-11-24 أو 24.11.2026)
import-bad-bad-value = ليس رقمًا
import-bad-missing-name = المصدر أو المقياس فارغ
import-bad-bad-name = المصدر أو المقياس أطول من 80 حرفًا أو يحتوي على محارف تحكم
import-bad-duplicate = التاريخ والمصدر والمقياس نفسها وردت سابقًا في الملف
import-bad-missing-field = حقول أقل مما يسمّيه صف العناوين
import-bad-unreadable = لا يمكن قراءة الصف (تحقق من علامات الاقتباس)
ops-visits = الزيارات
ops-response-rate = معدل الاستجابة
ops-mean-wait = متوسط وقت الانتظار
ops-wait-within = انتظار ضمن الهدف
ops-mean-handle = متوسط الوقت مع العميل
ops-handle-within = خدمة ضمن الهدف
ops-retention = الاحتفاظ بالعملاء
ops-set-targets = تحديد الأهداف لكل خدمة
ops-previous = الفترة السابقة: { $value }
ops-of-visits = ن = { $n ->
        [zero] { $n } زيارة
        [one] زيارة واحدة
        [two] زيارتان
        [few] { $n } زيارات
        [many] { $n } زيارةً
       *[other] { $n } زيارة
    }
ops-customers = ن = { $n ->
        [zero] { $n } عميل
        [one] عميل واحد
        [two] عميلان
        [few] { $n } عملاء
        [many] { $n } عميلًا
       *[other] { $n } عميل
    }
ops-within-target = { $share } ضمن هدف الخدمة
ops-churn = التسرب { $share }
ops-pending = { $n ->
        [zero] { $n } لم يُحسم بعد
        [one] واحد لم يُحسم بعد
        [two] اثنان لم يُحسما بعد
        [few] { $n } لم يُحسموا بعد
        [many] { $n } لم يُحسم بعد
       *[other] { $n } لم يُحسم بعد
    }
ops-window = عاد خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }
ops-no-arrivals = لم تُسجَّل أوقات وصول
ops-no-customers = لا زيارات بمفتاح عميل
ops-table-empty = لا زيارات في هذه الفترة.
ops-trend = آخر 12 شهرًا
ops-by-site = حسب الفرع
ops-by-service = حسب الخدمة
ops-by-employee = حسب الموظف
ops-pending-hint = لم تنقضِ مدتهم ({ $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }) بعد: اختر فترة أقدم لترى نسبة الاحتفاظ.
ops-none-site = (بلا فرع)
ops-none-service = (بلا خدمة)
ops-none-employee = (بلا موظف)
ops-empty-title = لا زيارات في هذه الفترة
ops-empty-help = تُسجَّل الزيارات عندما يبدأ الموظف زيارة وينهيها في محطته، أو عندما يبلّغ عنها نظام الطوابير. الإجابات عن زيارة تُحتسب في معدل الاستجابة؛ حدّد أوقاتًا مستهدفة لكل خدمة لترى كم زيارة تحققها.
unit-minutes = دقيقة
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
date-placeholder = سنة-شهر-يوم
date-pick = اختر من التقويم
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
metric-good = الإجابات الجيدة، أي مقياس (%)
metric-response_rate = معدل الاستجابة (%)
metric-wait = وقت الانتظار، المتوسط (دقائق)
metric-wait_within_target = الانتظار ضمن الهدف (%)
metric-handle = الوقت مع العميل، المتوسط (دقائق)
metric-handle_within_target = الوقت مع العميل ضمن الهدف (%)
metric-close_hours = وقت إغلاق التنبيه، المتوسط (ساعات)
metric-ack_hours = وقت استلام التنبيه، المتوسط (ساعات)
period-previous = → الفترة السابقة
period-next = الفترة التالية ←
period-compared = مقارنةً بـ { $from } – { $to }
withheld = محجوب: { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    }، أقل من { $min }، حتى لا يمكن التعرف على أحد.
tile-empty = لا توجد إجابات في هذه الفترة.
list-sep = {"، "}
interval-range = من { $low } إلى { $high }
interval-tile = ٩٥٪: من { $low } إلى { $high }
tile-too-few = لا تكفي الإجابات لهذا المؤشر ({ $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    }).
change-none = لا توجد إجابات في الفترة السابقة للمقارنة.
unit-percent-change = نقطة
unit-score-change = نقطة
unit-mean-change = على المقياس
change-clear = تغيّر واضح
change-unclear = ضمن حدود الصدفة
today-title = اليوم، مباشر
today-empty = لا توجد إجابات اليوم بعد.
results-bursts = استُبعد من هذه الأرقام ما جاء في دفعات نقر متتالية: { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    }.
results-empty-title = لا توجد إجابات في هذه الفترة
results-empty-body = لم يُجب أحد هنا في هذه الفترة. اختر فترة سابقة، أو تحقق في صفحة الإشراف من أن أجهزة هذه الفروع متصلة.
trend-title = { $metric }: آخر 12 شهرًا
show-numbers = عرض الأرقام
col-month = الشهر
col-interval = مجال الثقة 95%
col-answers = الإجابات
col-visits = الزيارات
col-closed-alerts = التنبيهات المغلقة
col-acknowledged-alerts = التنبيهات المستلمة
col-change = التغيّر عن الفترة السابقة
col-name = الاسم
col-employee = الموظف
not-enough = إجابات غير كافية للترتيب (أقل من { $min })
ranking-empty = لا توجد إجابات في هذه الفترة.
ranking-more = { $n } غير معروضين هنا: اعرض الكل
matrix-many = { $n ->
    [few] { $n } موظفين
    [many] { $n } موظفًا
   *[other] { $n } موظف
} أكثر من أن يُقرؤوا دفعة واحدة: اختر منطقة أو فرعًا في الأعلى، أو
show-all = اعرضهم جميعًا
ranking-sites = الفروع، الأفضل أولًا
ranking-services = الخدمات، الأفضل أولًا
ranking-employees = الموظفون، الأفضل أولًا
matrix-title = { $metric }: الموظف × الخدمة
matrix-help = كل خلية موظف واحد في خدمة واحدة، ملوّنة بحسب بعدها عن هذه الخدمة في مجمل الاختيار، فيظهر الموظف الضعيف في خدمة واحدة؛ الإطار العريض يعني أن الفرق أكبر من الصدفة. الخلايا التي فيها أقل من { $min ->
        [zero] { $min } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min } إجابات
        [many] { $min } إجابةً
       *[other] { $min } إجابة
    } رمادية.
legend-much-lower = أقل بكثير
legend-lower = أقل
legend-same = متقارب
legend-higher = أعلى
legend-much-higher = أعلى بكثير
legend-too-few = إجابات قليلة جدًا
comments-title = ماذا كتب العملاء
reasons-title = لماذا: الأسباب وأغراض الزيارات
results-open-alerts = { $n ->
        [zero] { $n } تنبيه مفتوح
        [one] تنبيه مفتوح واحد
        [two] تنبيهان مفتوحان
        [few] { $n } تنبيهات مفتوحة
        [many] { $n } تنبيهًا مفتوحًا
       *[other] { $n } تنبيه مفتوح
    }
results-all-alerts = متابعتها
areas-title = الرضا حسب المجال
areas-help = الأسئلة الموسومة بمجال من مجالات الخدمة، معروضة جنبًا إلى جنب كنسبة الإجابات الجيدة (٤–٥ من ٥، ٩–١٠ من ١٠، ٥–٧ من ٧، نعم).
areas-good = الإجابات الجيدة
areas-questions = { $n ->
        [zero] { $n } سؤال
        [one] سؤال واحد
        [two] سؤالان
        [few] { $n } أسئلة
        [many] { $n } سؤالًا
       *[other] { $n } سؤال
    }
col-area = المجال
col-dimension = البُعد
servqual-title = SERVQUAL: التوقعات مقابل الإدراك
servqual-help = لكل بُعد، متوسط الموافقة (1–7) على ما ستفعله مؤسسة ممتازة، وعلى ما فعلته هذه المؤسسة، والفجوة: الإدراك ناقص التوقع. الفجوة التي يقع مداها كله تحت الصفر قصور واضح.
servqual-gap = الفجوة
col-expectation = التوقع (متوسط 1–7)
col-perception = الإدراك (متوسط 1–7)
reasons-help = ما اختاره العملاء في هذه الفترة، مع التغير عن الفترة السابقة ورضا من اختاروه (مؤشر رضاهم في الزيارة نفسها؛ يُخفى تحت { $min ->
        [zero] { $min } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min } إجابات
        [many] { $min } إجابةً
       *[other] { $min } إجابة
    }).
reasons-answers = { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    } (الفترة السابقة: { $previous })
reasons-csat = مؤشر رضا هؤلاء العملاء
reasons-empty = لم يُجب عن أي سؤال اختيار في هذه الفترة. أضف سؤالًا باختيارات (مثل «ما الذي لم يكن على ما يرام؟» بعد تقييم منخفض، أو «ما الذي أتى بك اليوم؟») إلى استبيان لترى لماذا تتغير التقييمات.
reasons-not-per-employee = لا تُعرض الأسباب لكل موظف، كي لا يشير سبب إلى شخص بعينه.
col-choice = الاختيار
col-share = النسبة
comments-low = مع تقييم منخفض
comments-all = كل التعليقات
comments-withheld = التعليقات محجوبة: أقل من { $min ->
        [zero] { $min } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min } إجابات
        [many] { $min } إجابةً
       *[other] { $min } إجابة
    }، حتى لا يمكن التعرف على أحد.
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
scale-short-agree7 = موافقة
scale-short-yes_no = نعم/لا
thresholds = حدود عرض النتائج
retention-window = الاحتفاظ بالعملاء
retention-window-help = العميل (المعروف بمفتاح العميل في زياراته) الذي يعود خلال هذا العدد من الأيام بعد زيارة يُحتسب محتفَظًا به، وإلا يُحتسب متسرّبًا.
retention-window-label = عاد خلال
org-phone-region = بلد أرقام الهاتف المحلية
org-phone-region-help = حرفان، مثل LV أو SA: تُقرأ الأرقام التي ترسلها أنظمتك دون رمز الدولة على أنها من هذا البلد. فارغ: الأرقام الدولية فقط (+966…).
error-phone-region = حرفان لبلد، مثل LV أو SA أو AE.
org-contact-days = بيانات الاتصال بالعملاء
org-contact-days-help = تُحفظ أرقام الهواتف وعناوين البريد المرسلة مع الزيارات مشفّرة فقط طوال المدة اللازمة للاستطلاع وقراءة الردود، ثم تُمحى. تبقى الزيارات والإجابات مجهولة الهوية.
org-contact-days-label = امحها بعد
error-contact-days = عدد صحيح من الأيام من 1 إلى 3650.
org-help-contact = جهة الاتصال للعملاء
org-help-contact-help = تُرسل إلى العميل الذي يرد بكلمة مساعدة على رسالة الاستبيان: رقم هاتف أو عنوان موقع.
error-help-contact = ١٦٠ حرفًا على الأكثر، في سطر واحد.
nav-survey-rules = الاستبيانات بعد الزيارة
nav-messages = رسائل الاستبيان
nav-web-surveys = الاستبيانات عبر الويب و QR
rules-intro = يتلقى العميل الذي تصل زيارته مع رقم هاتف (من نظام الطوابير أو واجهة الزيارات) استبيانًا قصيرًا بعد الزيارة. تُطبَّق القاعدة الأدق: لفرع وخدمة، ثم لخدمة، ثم لفرع، ثم لكل الزيارات.
rule-new = قاعدة جديدة
rule-edit = تعديل القاعدة
rule-where = أين
rule-where-help = اترك الحقلين على «الكل» للقاعدة الافتراضية.
rule-every-site = كل الفروع
rule-every-service = كل الخدمات
rule-channel = القناة
channel-sms-help = رسالة نصية عبر بوابة الرسائل؛ يجيب العميل برقم
channel-whatsapp-help = رسالة واتساب بأزرار للتقييم
channel-email = رابط بالبريد الإلكتروني
channel-email-help = رابط الاستبيان على الويب بالبريد الإلكتروني
channel-not-configured = لم يُضبط ما يُرسل عبر { $channel }:
channel-not-configured-sms = تنتظر رسائل الاستبيان هنا حتى تُضبط بوابة (sms_gateway في rida.toml؛ انظر README).
channel-not-configured-whatsapp = تنتظر رسائل الاستبيان هنا حتى تُضبط واجهة Cloud API ‏(whatsapp_phone_number_id وغيره في rida.toml؛ انظر README).
channel-not-configured-email = تنتظر رسائل الاستبيان بالبريد هنا حتى يُضبط خادم SMTP ‏(smtp_url في rida.toml؛ انظر README).
rule-with-link = أضف رابط الاستبيان على الويب إلى الرسائل النصية وواتساب
rule-with-link-help = يمكن للعميل الرد بدرجة أو فتح الرابط والإجابة عن كل الأسئلة (نحو 45 حرفًا إضافيًا: غالبًا جزء رسالة إضافي)
channel-none = لا شيء
channel-none-help = لا استبيان بعد هذه الزيارات
rule-delay = التأخير
rule-delay-label = دقائق بعد الزيارة
rule-expiry-label = تُقبل الإجابات لمدة (ساعات)
rule-quiet = ساعات الهدوء
rule-quiet-help = لا يُرسل شيء بين هذين الوقتين بتوقيت الفرع؛ والاستبيان المستحق خلالهما يُرسل عند انتهائهما. اتركهما فارغين لعدم التقييد.
rule-quiet-from = من
rule-quiet-to = إلى
rule-cap = مرة واحدة على الأكثر خلال
rule-cap-label = استبيان واحد على الأكثر لكل عميل خلال (أيام؛ ٠: بلا حد)
rule-cap-n = { $n ->
        [zero] { $n } يوم
        [one] يوم واحد
        [two] يومان
        [few] { $n } أيام
        [many] { $n } يومًا
       *[other] { $n } يوم
    }
rule-sample = الزيارات المستطلعة
rule-sample-label = نسبة الزيارات المستطلعة (٪)
rule-survey = الاستبيان
rule-first-survey = أول استبيان نشط
rule-lang = اللغة
rule-org-lang = لغة المؤسسة
rule-lang-help = يتلقى العملاء الاستبيان بلغتهم إذا ذُكرت مع الزيارة؛ وإلا فبهذه اللغة. تسأل الرسالة النصية أول سؤال تقييم في الاستبيان، وتذهب الكلمات المرافقة للتقييم إلى أول سؤال نصي فيه.
rules-empty = لا يتبع الزيارات أي استبيان بعد
rules-empty-help = أضف قاعدة لكل الزيارات (اترك الفرع والخدمة على «الكل»)، فتتلقى الزيارات المرسلة مع رقم هاتف رسالة نصية بعد دقائق من انتهائها.
error-rule-delay-minutes = دقائق كاملة من ٠ إلى ١٠٠٨٠ (أسبوع).
error-rule-expiry-hours = ساعات كاملة من ١ إلى ٧٢٠.
error-rule-cap-days = أيام كاملة من ٠ إلى ٣٦٥.
error-rule-sample-percent = نسبة مئوية كاملة من ١ إلى ١٠٠.
error-rule-quiet = وقتان مختلفان بصيغة HH:MM (مثل 21:00 و09:00)، أو اتركهما فارغين.
error-rule-exists = توجد قاعدة لهذا الفرع وهذه الخدمة بالفعل: عدّلها.
messages-states = حالات الرسائل
messages-all = الكل
messages-parts = أجزاء الرسالة
messages-due = تُرسل في
messages-replies-day = الردود خلال آخر ٢٤ ساعة:
messages-empty = لا رسائل استبيان بعد
messages-empty-help = تظهر هنا عند انتهاء زيارات مع رقم هاتف وانطباق قاعدة في «الاستبيانات بعد الزيارة».
message-queued = في الانتظار
message-sent = أُرسلت
message-delivered = سُلّمت
message-read = مقروءة
message-answered = أُجيب عنها
message-expired = انتهت صلاحيتها
message-failed = فشلت
message-skipped = لم تُرسل
message-kind-survey = استبيان
message-kind-reask = إعادة السؤال
message-kind-stop = تأكيد إيقاف الرسائل
message-kind-start = تأكيد استئناف الرسائل
message-kind-help = مساعدة
skip-no_rule = لا تنطبق أي قاعدة
skip-channel_none = القاعدة لا ترسل شيئًا
skip-no_question = لا يحتوي الاستبيان على سؤال تقييم
skip-no_phone = لا يوجد رقم هاتف صالح
skip-no_email = لا يوجد بريد إلكتروني صالح
skip-opted_out = ألغى العميل الاشتراك
skip-sampled_out = ليست ضمن العينة
skip-frequency_cap = استُطلع مؤخرًا
reply-answered = إجابات
reply-reasked = أُعيد السؤال
reply-comment = كلمات فقط
reply-late = بعد إغلاق الاستبيان
reply-opted_out = ألغوا الاشتراك
reply-opted_in = عادوا للاشتراك
reply-help = طلبوا المساعدة
reply-unmatched = لا تخص استبيانًا
reply-ignored = ما زالت غير واضحة
reply-limited = فوق الحد
lang-ar = العربية
lang-en = الإنجليزية
lang-lv = اللاتفية
flash-message-queued-again = أُعيدت الرسالة إلى قائمة الانتظار.
api-id = المعرّف للتكامل (واجهتا الزيارات والتقييمات):
nav-webhooks = خطافات الويب
webhooks-intro = يُبلغ رضا نظام إدارة علاقات العملاء بكل إجابة، أو بالتقييمات المنخفضة فقط، عبر طلب POST بصيغة JSON موقَّع بسرّ الخطاف (الترويسة X-Rida-Signature: t=الوقت,v1=HMAC-SHA256 لـ«الوقت.المحتوى»). ويُعاد الإرسال لمدة يوم إلى المستقبِل الذي لا يجيب بـ2xx.
webhook-new = خطاف جديد
webhook-url = العنوان
webhook-events = الإبلاغ عن
webhook-event = الحدث
webhook-on-answer = كل إجابة (answer.received)
webhook-on-low = التقييمات المنخفضة (answer.low_score)
webhook-secret = سرّ التوقيع
webhook-log = عمليات التسليم
webhook-delivered = استُلم
webhook-log-empty = لم يُسلَّم شيء بعد.
webhooks-empty = لا خطافات بعد
webhooks-empty-help = أضف عنوان نظام إدارة علاقات العملاء أعلاه ليُبلَّغ بالتقييمات المنخفضة فور وصولها.
error-webhook-url = عنوان يبدأ بـ https://‏ (أو http://‏)، ٥٠٠ حرف على الأكثر.
error-webhook-events = اختر حدثًا واحدًا على الأقل.
sms-survey = { $org }: كيف كانت زيارتك إلى { $site } اليوم؟ أجب برقم من { $low } إلى { $high } ({ $high } = ممتاز). أرسل توقف لإيقاف الرسائل.
sms-survey-question = { $org }: { $question } أجب برقم من { $low } إلى { $high }. أرسل توقف لإيقاف الرسائل.
sms-survey-link = أو أجب عبر الإنترنت: { $link }
mail-survey-subject = { $org }: كيف كانت زيارتك؟
mail-survey-intro = شكرًا لزيارتك { $site }. كيف كانت زيارتك اليوم؟
mail-survey-scale = { $low } = سيئ جدًا، { $high } = ممتاز. اختر درجة لفتح الاستبيان.
mail-survey-open = أجب عن الاستبيان
mail-survey-why = تصلك هذه الرسالة مرة واحدة بعد زيارتك؛ يعمل الرابط مرة واحدة وتنتهي صلاحيته. لا يرى الموظفون الذين خدموك إجابتك.
mail-survey-stop = لا أريد استبيانات أخرى
web-title = استبيان
web-served-by = خدمك
web-privacy = إجابتك مجهولة الهوية: لا يُحفظ معها ما يدل عليك أو على جهازك، ولا يراها الموظفون الذين خدموك.
web-error-answer-needed = اختر إجابة قبل الإرسال.
web-error-score-out-of-range = اختر إحدى الدرجات المعروضة.
web-error-bad-choice = اختر من الإجابات المعروضة.
web-error-text-too-long = النص طويل جدًا: 4000 حرف على الأكثر.
web-thanks-title = شكرًا لك!
web-thanks-text = إجابتك تساعدنا على خدمتك بشكل أفضل.
web-answered-title = تمت الإجابة مسبقًا
web-answered-text = تمت الإجابة عن هذا الاستبيان. شكرًا لك!
web-closed-title = هذا الاستبيان مغلق
web-closed-text = لم يعد من الممكن الإجابة عنه. شكرًا لاهتمامك.
web-duplicate-title = وصلت إجابتك
web-duplicate-text = أجاب هذا الجهاز عن هذا الاستبيان قبل قليل. يمكنك الإجابة مرة أخرى لاحقًا.
web-limited-title = إجابات كثيرة جدًا
web-limited-text = وصلت إجابات كثيرة جدًا من هذا الاتصال في الساعة الأخيرة. يرجى المحاولة لاحقًا.
web-stale-title = يرجى فتح الاستبيان مرة أخرى
web-stale-text = بقيت هذه الصفحة مفتوحة مدة طويلة أو لم تأتِ من هذا الاستبيان، لذا لم يُحفظ شيء.
web-stale-button = افتح الاستبيان
web-unknown-title = الاستبيان غير موجود
web-unknown-text = تحقق من العنوان أو امسح الرمز مرة أخرى.
web-stop-title = إيقاف الاستبيانات؟
web-stop-text = لن يُطلب رأيك بعد الزيارات مرة أخرى.
web-stop-button = أوقف الاستبيانات
web-stopped-title = تم
web-stopped-text = لن تصلك منا استبيانات أخرى.
widget-open = رأيك يهمنا
widget-close = إغلاق
whatsapp-choose-score = اختر درجة
whatsapp-scores = الدرجات
poster-call = كيف كانت زيارتك؟
poster-sub = امسح الرمز بكاميرا هاتفك وأخبرنا. يستغرق ذلك 30 ثانية ولا يُعرف من أجاب.
websurveys-intro = استبيانات مجهولة الهوية يفتحها العملاء من ملصق QR عند الشباك أو من إيصال أو من موقعك. يتبع كل منها موقعًا، وخدمة أو موظفًا إن شئت، ويطرح أسئلة الأجهزة نفسها.
websurveys-empty = لا توجد استبيانات ويب بعد
websurveys-empty-help = أنشئ استبيانًا لموقع، واطبع ملصق QR الخاص به وضعه بجانب الشباك؛ والصق وسم الأداة في موقعك.
websurvey-new = استبيان ويب جديد
websurvey-edit = استبيان ويب
websurvey-name = الاسم
websurvey-name-help = لك وحدك، مثل «ملصق الشباك، فرع ريغا المركزي».
websurvey-for = تُحتسب الإجابات لـ
websurvey-for-help = تُحتسب الإجابات لهذا الموقع، وللخدمة أو الموظف إن اخترت أحدهما (لملصق عند مكتب واحد). لا يرى الموظفون الإجابات عنهم أبدًا.
websurvey-any-service = أي خدمة
websurvey-no-employee = بدون موظف
websurvey-terminal-survey = استبيان أجهزة الموقع (وإلا فأول استبيان فعّال)
websurvey-address = العنوان
websurvey-address-help = اطبعه على الإيصالات أو أرسله؛ يمكن لكل من يملكه الإجابة مرة واحدة لكل جهاز خلال مدة التكرار.
websurvey-state = الحالة
websurvey-answers = العملاء الذين أجابوا
websurvey-last = آخرها { $when }
websurvey-active = يستقبل الإجابات
websurvey-paused = متوقف
websurvey-active-label = يستقبل الإجابات (عند الإيقاف تقول الصفحة إن الاستبيان مغلق)
websurvey-poster = ملصق QR
websurvey-poster-download = نزّل ملصق A4 ‏(SVG)
websurvey-poster-help = مع شعارك والدعوة للإجابة بالعربية والإنجليزية واللاتفية. اطبعه بحجم 100٪ من المتصفح أو لدى مطبعة.
websurvey-widget = أداة الموقع
websurvey-widget-help = الصق هذا الوسم في موقعك: يفتح زر «رأيك يهمنا» هذا الاستبيان بلغة الزائر.
websurvey-counter-poster = ملصق الشباك
websurvey-every-site = ملصق لكل موقع ليس له ملصق
websurvey-print = اطبع كل الملصقات
websurvey-print-help = { $n ->
        [zero] { $n } ملصق
        [one] ملصق واحد
        [two] ملصقان
        [few] { $n } ملصقات
        [many] { $n } ملصقًا
       *[other] { $n } ملصق
    }، ملصق في كل صفحة A4. اطبع هذه الصفحة (Ctrl+P) أو احفظها بصيغة PDF، بحجم 100٪ دون هوامش.
sms-reask = عذرًا، لم نفهم ردك. يُرجى الرد برقم واحد من { $low } إلى { $high }.
sms-stopped = { $org }: لن تصلك رسائل منا بعد الآن. أرسل ابدأ لاستقبالها من جديد.
sms-stopped-score = { $org }: لن تصلك منا رسائل بعد الآن، لذلك لم نسجّل تقييمك. أرسل ابدأ لاستقبالها من جديد.
sms-started = { $org }: ستصلك استبياناتنا القصيرة من جديد. أرسل توقف لإيقافها.
sms-help = { $org }: نسألك عن زيارتك. أجب برقم من { $low } إلى { $high } لتقييمها، أو أرسل توقف لإيقاف الرسائل.
sms-help-contact = { $org }: نسألك عن زيارتك. أجب برقم من { $low } إلى { $high } لتقييمها، أو أرسل توقف لإيقاف الرسائل. للتواصل معنا: { $contact }
days-unit = يومًا
minutes-unit = دقيقة
error-retention-days = أدخل عددًا من الأيام بين 1 و730.
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
sheet-answers = الإجابات
raw-answered-at = وقت الإجابة
raw-score = الدرجة
raw-visit = الزيارة
raw-burst = مستبعد (سلسلة نقرات)
raw-yes = نعم
export-answers = تنزيل الإجابات (CSV)
sheet-reasons = الأسباب
col-question = السؤال
col-csat-answers = إجابات مؤشر الرضا
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
report-language-people = تُحفظ لغة الإجابات لكل فرع وسؤال وقناة: اخترها دون خدمة أو موظف.
report-visits-not-per = تُحفظ أرقام الزيارات لكل فرع وخدمة وموظف: اخترها دون قناة أو سؤال أو لغة.
report-visit-metrics = من الزيارات والتنبيهات
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
dim-area = مجال الخدمة
dim-language = لغة العميل
dim-handler = من تولّى التنبيه (لأوقات التنبيهات فقط)
dim-day = اليوم
dim-month = الشهر

## E-mail
email = البريد الإلكتروني
email-hint = يُرسل إليه التقرير الشهري والتنبيهات. اختياري.
monthly-report-receive = استلام التقرير الشهري بالبريد الإلكتروني (ما يحق لهذا الحساب رؤيته)
error-email-for-report = يلزم عنوان بريد إلكتروني لاستلام التقرير الشهري.
month-long-1 = يناير
month-long-2 = فبراير
month-long-3 = مارس
month-long-4 = أبريل
month-long-5 = مايو
month-long-6 = يونيو
month-long-7 = يوليو
month-long-8 = أغسطس
month-long-9 = سبتمبر
month-long-10 = أكتوبر
month-long-11 = نوفمبر
month-long-12 = ديسمبر
month-year = { $month } { $year }
mail-monthly-subject = { $org }: التقرير الشهري، { $month }
mail-monthly-title = التقرير الشهري · { $month }
mail-hello = مرحبًا { $name }.
mail-scope-sites = أرقام فروعك:
mail-scope-all = أرقام المؤسسة كلها.
mail-trend = { $metric } خلال آخر 12 شهرًا
mail-ranking-note = الترتيب حسب الحد الأدنى لفترة الثقة 95%؛ لا تُرتَّب البنود التي لديها أقل من { $min ->
        [zero] { $min } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $min } إجابات
        [many] { $min } إجابةً
       *[other] { $min } إجابة
    }.
mail-open-results = فتح النتائج
mail-open-report = فتح التقرير
mail-attachment = يحتوي ملف Excel المرفق على كل الجداول مع الرسوم البيانية.
mail-why-monthly = تصلك هذه الرسالة لأن حسابك في رضا يطلب التقرير الشهري. يمكن للرئيس تغيير ذلك في صفحة المستخدمين.
mail-why-report = تصلك هذه الرسالة لأنك جدولت هذا التقرير في رضا. غيّر جدولته من صفحة التقرير.
mail-report-subject = { $report }: { $from } – { $to }
mail-more-rows = في الملف المرفق المزيد: { $n ->
        [zero] { $n } صف
        [one] صف واحد
        [two] صفان
        [few] { $n } صفوف
        [many] { $n } صفًا
       *[other] { $n } صف
    }.
sheet-report = التقرير
nav-mail = البريد الإلكتروني
mail-not-configured = لم يُضبط خادم بريد إلكتروني.
mail-not-configured-help = تنتظر الرسائل هنا حتى يُضبط: اضبط smtp_url (و mail_from) في rida.toml أو في RIDA_SMTP_URL ثم أعد تشغيل رضا.
mail-when = أُنشئت
mail-what = الرسالة
mail-to = إلى
mail-status = الحالة
mail-attempts = المحاولات
mail-sent = أُرسلت
mail-failed = لم تُرسل (توقفت المحاولات)
mail-retrying = إعادة المحاولة
mail-waiting = في الانتظار
mail-next-attempt = المحاولة التالية
mail-send-again = إرسال مرة أخرى
mail-kind-monthly = التقرير الشهري
mail-kind-report = تقرير مجدول
mail-kind-alert = تنبيه
mail-kind-fleet = أجهزة التقييم
mail-kind-monday = بريد يوم الإثنين
mail-fleet-subject = أجهزة التقييم في رضا: { $n ->
        [one] تغيير واحد
        [two] تغييران
        [few] { $n } تغييرات
       *[other] { $n } تغييرًا
    }
mail-fleet-title = أجهزتك
fleet-offline = غير متصل منذ { $at } والفرع مفتوح
fleet-quiet = لا إجابات منذ مدة أطول بكثير من المعتاد والفرع مفتوح (منذ { $at })
fleet-back = عاد في { $at }
mail-fleet-open = افتح الإشراف
mail-why-fleet = تصلك هذه الرسالة لأنك تتولى هذه الأجهزة. كل ما تغيّر منذ الرسالة السابقة موجود فيها.
mail-empty = لا بريد بعد.
mail-empty-help = يُرسل التقرير الشهري في الأول من كل شهر إلى المستخدمين الذين يطلبونه (صفحة المستخدمين)؛ وتظهر هنا أيضًا التقارير المجدولة والتنبيهات.
flash-mail-queued-again = أُعيدت إلى قائمة الإرسال: تُرسل خلال دقيقة.

## Alerts
nav-alerts = التنبيهات
nav-open-alerts = تنبيهات مفتوحة
nav-alert-rules = قواعد التنبيه
nav-group-results = النتائج والتقارير
nav-group-alerts = التنبيهات
nav-group-terminals = أجهزة التقييم والاستبيانات
nav-group-channels = القنوات
nav-group-organisation = المؤسسة والأشخاص
nav-group-integration = التكامل
alert-title = تنبيه
alert-what-low = { $n ->
        [one] أعطى عميل درجة منخفضة: { $score }
        [two] إجابتان منخفضتان، أدناهما { $score }
        [few] { $n } إجابات منخفضة، أدناها { $score }
       *[other] { $n } إجابة منخفضة، أدناها { $score }
    }
alert-what-metric = { $metric } هذا الأسبوع: { $value } من { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    }، أقل من { $threshold }
mail-open-alert = تابِعه في رضا
mail-digest-subject = تنبيهات رضا: { $n ->
        [0] زملاء يجب إبلاغهم
        [one] تنبيه واحد للمتابعة
        [two] تنبيهان للمتابعة
        [few] { $n } تنبيهات للمتابعة
       *[other] { $n } تنبيهًا للمتابعة
    }
mail-digest-title = تنبيهاتك
mail-digest-escalated = صُعِّد إليك: ما زال مفتوحًا بعد مهلته
mail-digest-missing = ليس لدى { $name } عنوان بريد إلكتروني: { $n ->
        [one] ينتظره تنبيه واحد
        [two] ينتظره تنبيهان
        [few] ينتظره { $n } تنبيهات
       *[other] ينتظره { $n } تنبيهًا
    }. أضف عنوانًا إلى حسابه.
mail-digest-all = كل التنبيهات المفتوحة
mail-why-digest = تجمع رسالة واحدة ما استجد منذ الرسالة السابقة: رسالة في الساعة على الأكثر، أو في اليوم (اختر من صفحة حسابك). يضبط الرئيس قواعد التنبيه.
digest-label = رسائل التنبيه
digest-hour = رسالة في الساعة على الأكثر
digest-day = رسالة في اليوم على الأكثر
digest-hint = التنبيهات الجديدة وتلك المصعّدة إليك، مجموعة في رسالة واحدة.
unit-hours = ساعة
alerts-time-to-close = مدة الإغلاق (آخر { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومان
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    })
alerts-median = الوسيط
alerts-mean = المتوسط
alerts-none-closed = لم يُغلق أي تنبيه في هذه الفترة.
alerts-status-open = مفتوحة
alerts-status-closed = مغلقة
alerts-status-all = الكل
alerts-status-call_back = بانتظار معاودة الاتصال
alerts-empty-call_back = لا ينتظر أي عميل معاودة الاتصال.
alerts-raised = وقت التنبيه
alerts-rule = القاعدة
alerts-what = ما حدث
alerts-assigned = مُسند إلى
alerts-open = مفتوح
alerts-closed = مغلق
alerts-empty-open = لا تنبيهات مفتوحة.
alerts-empty-closed = لا تنبيهات مغلقة بعد.
alerts-empty-all = لا تنبيهات بعد.
alerts-empty-help = تُطلق التنبيهات القواعدُ التي يضبطها الرئيس (قواعد التنبيه): درجة منخفضة في فرع، أو مقياس الأسبوع تحت حدّ. يُتابَع كل تنبيه هنا حتى يُغلق.
alerts-empty-help-call_back = ينتظر التنبيه هنا حين يعطي أحد عملاء زياراته تقييمًا منخفضًا ويجيب بنعم عن سؤال الاستبيان «هل يمكننا التواصل معك؟»، إلى أن يسجّل أحدهم الاتصال على التنبيه.
alerts-resolution = الحل
alerts-resolution-hint = ما الذي فُعل، في جملة: يبقى مع التنبيه.
alerts-notes = الملاحظات
alerts-no-notes = لا ملاحظات بعد.
alerts-add-note = إضافة ملاحظة
alerts-assign = إسناد إلى
alerts-close = إغلاق التنبيه
alerts-reopen = إعادة فتحه
alerts-back = كل التنبيهات
alert-rule-person = وأيضًا إلى
alert-rule-deadline = المهلة (ساعات)
alert-rule-deadline-hint = التنبيه الذي يبقى مفتوحًا بعد هذا العدد من الساعات من إطلاقه يُرفع إلى الرئيس مرة واحدة. فارغ: بلا مهلة.
error-alert-deadline = ساعات كاملة من ١ إلى ٣٣٦ (أسبوعان)، أو فارغ.
alerts-acknowledge = أتولّاه
alerts-acknowledged = تم الاستلام
alerts-due = الموعد
alerts-escalated = رُفع إلى الرئيس
alert-rate = { $n } أو أكثر خلال { $minutes } دقيقة
alert-last = آخر إجابة
alert-answers-more = و{ $n } أخرى في النتائج
alert-answers = الإجابات التي جمعها
alert-see-results = اعرض هذه النتائج
alert-figure-none = لا رقم بعد لـ { $period }: الإجابات قليلة جدًا.
alert-figure = { $metric } { $period }، حتى الآن: { $value } (المجال { $low }–{ $high })، { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتان
        [few] { $n } إجابات
       *[other] { $n } إجابة
    }
error-alert-unreachable = لا يمكن لهذا الحد أن يطلق تنبيهًا ذا معنى: يتراوح المقياس من { $low } إلى { $high }؛ اختر حدًا أعلى من { $low } ولا يزيد على { $high }.
error-alert-window = دقائق من ٥ إلى ١٤٤٠، مثل ٦٠.
error-alert-rate-count = عدد من الإجابات المنخفضة من ٢ إلى ١٠٠٠، مثل ٣.
alert-rule-window = خلال (دقائق)
alert-scope-org = المؤسسة كلها
alert-scope-employee = موظف في فرع
alert-scope-service = خدمة في فرع
alert-scope-site = فرع
alert-rule-scope-hint = تجتمع الإجابات المنخفضة للمكان نفسه في اليوم نفسه في تنبيه مفتوح واحد: يزداد عددها وإجاباتها وتعليقاتها حتى يغلقه أحد.
alert-rule-scope = تنبيه واحد لكل
alert-kind-low_rate-help = عدد «الإجابات المطلوبة» على الأقل من الإجابات المنخفضة خلال المدة في مكان واحد (مثلًا ٣ خلال ٦٠ دقيقة)؛ وتنضم التالية في اليوم نفسه إلى تنبيهها
alert-kind-low_rate = عدة درجات منخفضة في وقت قصير
alert-rule-new = قاعدة جديدة
alert-rule-edit = تعديل القاعدة
alert-rule-kind = يُطلق تنبيهًا عند
alert-kind-low_score = درجة منخفضة
alert-kind-low_score-help = إجابة واحدة 1–2 من 5 (CSAT) أو 0–6 من 10 (NPS) أو 1–3 من 7 (CES) أو «لا»؛ وتنضم الإجابات المنخفضة التالية للمكان نفسه في اليوم نفسه إلى تنبيهها
alert-kind-metric_below = مقياس تحت حدّ
alert-kind-metric_below-help = ينخفض مقياس الأسبوع الحالي (من الاثنين إلى اليوم) تحت الحد مع عدد كافٍ من الإجابات؛ مرة في الأسبوع
alert-kind-terminal_jump = قفزة في أدنى التقييمات على جهاز
alert-kind-terminal_jump-help = حصة أدنى التقييمات (1 من 5، 0 من 10…) على جهاز اليوم أعلى بمقدار العتبة بالنقاط على الأقل من الأسابيع الأربعة السابقة، مع إجابات كافية اليوم؛ يُفحص كل ساعة، ومرة في اليوم لكل جهاز
alert-kind-low_share = إجابات منخفضة أكثر من المعتاد
alert-kind-low_share-help = حصة الإجابات المنخفضة في فرع اليوم أعلى من أسابيعه الأربعة السابقة بما يتجاوز الصدفة (مجال الثقة ٩٥٪ كله أعلى) وبمقدار العتبة بالنقاط على الأقل، مع إجابات كافية اليوم؛ يُفحص كل ساعة، ومرة في اليوم لكل فرع
alert-what-share = { $share }٪ إجابات منخفضة اليوم من { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $n } إجابات
       *[other] { $n } إجابة
    }: أعلى من الحصة المعتادة بما يتجاوز الصدفة، بمقدار { $jump } نقطة أو أكثر
alert-what-terminal = { $terminal }: { $share } % أدنى التقييمات اليوم من { $n ->
        [zero] { $n } إجابة
        [one] إجابة واحدة
        [two] إجابتين
        [few] { $n } إجابات
        [many] { $n } إجابةً
       *[other] { $n } إجابة
    }، أعلى بـ{ $jump ->
        [zero] { $jump } نقطة
        [one] نقطة واحدة
        [two] نقطتين
        [few] { $jump } نقاط
        [many] { $jump } نقطةً
       *[other] { $jump } نقطة
    } أو أكثر من حصته المعتادة
alert-rule-limits = العتبة والإجابات المطلوبة
alert-rule-limits-hint = للمقياس: القيمة التي يُطلق تحتها الأسبوع تنبيهًا، بوحدة المقياس. لأدنى الدرجات على جهاز أو للإجابات المنخفضة في فرع: القفزة بالنقاط المئوية فوق الحصة المعتادة (مثل ٢٠). الإجابات المطلوبة: إجابات هذا الأسبوع أو اليوم؛ ولعدة درجات منخفضة: عددها خلال الدقائق المحددة.
error-alert-jump = عدد نقاط من 1 إلى 100، مثل 20.
alert-rule-where = أين
alert-rule-threshold = الحد (بوحدة المقياس)
alert-rule-min-answers = الإجابات اللازمة
alert-rule-notify = الإبلاغ بالبريد الإلكتروني
alert-rule-notify-hint = مستخدمو هذه الأدوار الذين يرون الفرع ولديهم بريد إلكتروني؛ ويجد كل من يحق له رؤية التنبيه في صفحة التنبيهات.
alert-rule-in-app = داخل التطبيق فقط
alert-rules-empty = لا قواعد تنبيه بعد.
alert-rules-empty-help = تراقب القاعدة الإجابات فور وصولها: أضف قاعدة للدرجات المنخفضة في كل الفروع لمتابعة العملاء غير الراضين في اليوم نفسه.
error-alert-threshold = رقم، مثل 80 لـ CSAT بالنسبة المئوية، أو 20 لـ NPS، أو 4.5 لمتوسط.
entity-alert = تنبيه
entity-alert_rule = قاعدة تنبيه
entity-report = تقرير
demo-filling = ما زالت إجابات سنة المؤسسة التجريبية تُكتب ({ $percent }٪): تزداد الأرقام كلما أعدت تحميل الصفحة.
survey-preview-title = معاينة
survey-preview-phone = على الهاتف (الويب وQR)
survey-preview-terminal = على جهاز التقييم
survey-preview-help = الاستبيان كما يظهر على هاتف العميل وعلى جهاز التقييم، بكل لغة؛ اختر تقييمًا منخفضًا لترى أسئلة المتابعة. لا يُحفظ شيء.
survey-preview-site = فرعك
survey-preview-note = معاينة: لا يُرسل شيء.
week-title = الأسبوع { $week } من { $year }
week-previous = → الأسبوع السابق
week-next = الأسبوع التالي ←
week-compared = مقارنةً بالأسبوع السابق وبالأسبوع نفسه قبل عام
week-vs-before = مقارنةً بالأسبوع السابق
week-no-before = لا إجابات في الأسبوع السابق
week-vs-year = قبل عام { $value }
week-empty = لا توجد إجابات هذا الأسبوع.
week-sites = الفروع هذا الأسبوع
week-col-site = الفرع
week-col-service = الخدمة
week-all-results = هذا الأسبوع في النتائج
week-sites-steady = لم يتغيّر أي فرع أكثر من الصدفة مقارنةً بالأسبوع السابق؛ الأدنى رضا أولًا.
week-sites-more = { $n } فروع أخرى في النتائج
week-weakest = أضعف الخدمات
week-weakest-none = لا توجد خدمة لديها إجابات كافية هذا الأسبوع لترتيبها (على الأقل { $min }).
week-comments = أحدث التعليقات ذات التقييم المنخفض
week-all-comments = كل تعليقات الأسبوع
week-comments-none = لا تعليق بتقييم منخفض منذ بداية الأسبوع.
week-alerts = التنبيهات المفتوحة: { $open }
week-alerts-overdue = { $n } تجاوزت موعدها
week-overdue = متأخر
week-more = { $n } أخرى
week-alerts-none = لا توجد تنبيهات مفتوحة.
week-terminals = الأجهزة الآن
week-supervision = الإشراف
week-terminals-none = لا توجد أجهزة بعد.
week-offline = { $n } غير متصل
week-quiet = { $n } صامت
week-terminal-quiet = صامت
week-last-seen = آخر اتصال
monday-label = بريد يوم الإثنين
monday-hint = صباح كل إثنين، الأسبوع المنتهي كما تعرضه الصفحة الرئيسية: الأرقام، والفروع التي تغيّرت، والتعليقات ذات التقييم المنخفض، والتنبيهات، والأجهزة.
monday-on = أرسل لي بريد يوم الإثنين
monday-no-email = لا يوجد عنوان بريد إلكتروني لحسابك: اطلب من الرئيس إضافته.
mail-monday-subject = { $org }: الأسبوع { $week }
mail-monday-why = تصلك هذه الرسالة كل يوم إثنين لأنك طلبتها في صفحة حسابك.
mail-open-home = افتح Rida
week-sites-moved = { $n ->
        [zero] لم يتغيّر أي فرع أكثر من الصدفة مقارنةً بالأسبوع السابق.
        [one] تغيّر فرع واحد أكثر من الصدفة مقارنةً بالأسبوع السابق: يظهر أولًا.
        [two] تغيّر فرعان أكثر من الصدفة مقارنةً بالأسبوع السابق: يظهران أولًا.
        [few] تغيّرت { $n } فروع أكثر من الصدفة مقارنةً بالأسبوع السابق: تظهر أولًا.
        [many] تغيّر { $n } فرعًا أكثر من الصدفة مقارنةً بالأسبوع السابق: تظهر أولًا.
       *[other] تغيّر { $n } فرع أكثر من الصدفة مقارنةً بالأسبوع السابق: تظهر أولًا.
    }
week-terminals-fine = { $n ->
        [zero] لا توجد أجهزة بعد.
        [one] الجهاز متصل ويتلقى الإجابات.
        [two] الجهازان متصلان ويتلقيان الإجابات.
        [few] الأجهزة الـ{ $n } كلها متصلة وتتلقى الإجابات.
        [many] الأجهزة الـ{ $n } كلها متصلة وتتلقى الإجابات.
       *[other] الأجهزة الـ{ $n } كلها متصلة وتتلقى الإجابات.
    }
week-unpaired = { $n } لم تُقرن بجهاز بعد
export-month-pdf = تقرير الشهر (PDF)
export-week-pdf = الأسبوع بصيغة PDF
export-pdf = PDF
report-pdf-note = كل رقم مع مجاله بثقة ٩٥٪ وعدد إجاباته؛ تعرض الأشرطة الرقم الأول على مقياسه كاملًا.
org-offline-notice = الأجهزة غير المتصلة
org-offline-notice-help = يظهر الجهاز الذي يتوقف عن الاتصال أثناء ساعات عمل فرعه غير متصل على صفحة الإشراف بعد دقيقة؛ ويُكتب إلى مشرفيه حين يطول صمته هذه المدة (انقطاع الشبكة لدقائق لا يستحق رسالة)، ثم مرة أخرى حين يعود.
org-offline-notice-label = أبلغ بعد
error-offline-notice = عدد دقائق من ١ إلى ١٤٤٠، مثلًا ١٠.

# تسجيل الدخول بدليل المؤسسة
signin-with = تسجيل الدخول عبر { $name }
signin-with-org = تسجيل الدخول بحساب مؤسستك
signin-or-local = أو بحساب في رضا هذا:
signin-provider-down = خدمة تسجيل الدخول في مؤسستك لا تستجيب الآن. حاول مرة أخرى بعد قليل، أو سجّل الدخول بحساب في رضا هذا.
signin-expired = استغرق تسجيل الدخول وقتًا طويلًا أو بدأ في متصفح آخر. ابدأه من جديد.
signin-failed = تعذّر التحقق من رد خدمة تسجيل الدخول في مؤسستك، فلم يُسجَّل دخول أحد. ابدأ من جديد؛ وإن تكرر ذلك فأبلغ قسم تقنية المعلومات.
signin-cancelled = أُلغي تسجيل الدخول في خدمة تسجيل الدخول بمؤسستك.
signin-refused-title = لا وصول إلى رضا
signin-refused-who = يعرفك دليل مؤسستك باسم { $username }، لكن رضا لا يستطيع السماح لك بالدخول:
signin-refused-no-group = لم تُمنح أيٌّ من مجموعاتك في الدليل حق الوصول إلى رضا.
signin-refused-disabled = حسابك في رضا موقوف.
signin-refused-name-taken = يحمل حساب آخر في رضا هذا اسمك.
signin-refused-no-employee = تمنحك مجموعاتك حساب موظف، لكن لا يوجد هنا موظف برقمك الوظيفي.
signin-refused-no-reach = تمنحك مجموعاتك الوصول إلى فروع أو مناطق لم تعد مفتوحة.
signin-refused-help = سُجّلت هذه المحاولة. اطلب من المسؤول عن رضا في مؤسستك (أو من قسم تقنية المعلومات) إضافة مجموعتك إلى مجموعات الدليل في رضا.
signin-back = العودة إلى تسجيل الدخول
nav-directory = مجموعات الدليل
directory-provider = مزوّد الهوية في المؤسسة
directory-intro-oidc = يسجّل الموظفون الدخول عبر { $name }. تمنح كل مجموعة أدناه أعضاءها دورًا ونطاقًا في رضا؛ ومن لم يكن في أيٍّ منها لا يستطيع الدخول.
directory-intro-none = لم يُضبط دليل بعد (oidc_issuer في rida.toml؛ راجع قسم تسجيل الدخول بدليل المؤسسة في README). تسري المجموعات أدناه حالما يُضبط.
directory-intro-order = يحدد الصف الأول الذي ينتمي الشخص إلى مجموعته دوره؛ وتُجمع نطاقات صفوف الدور نفسه. يُحدَّث الدور والنطاق عند كل تسجيل دخول.
directory-group = المجموعة
directory-group-hint = اسم المجموعة كما يرسله الدليل (rida-managers-riga؛ يرسل Entra ID معرّفات المجموعات)، أو الاسم المميز الكامل (DN) لمجموعة LDAP.
directory-add = إضافة مجموعة
directory-empty = لا تمنح أي مجموعة حق الوصول بعد.
directory-empty-help = أضف مجموعات الدليل والدور الذي تمنحه كل منها. حتى ذلك الحين لا يمكن لأحد الدخول عبر الدليل؛ وتبقى الحسابات المحلية تعمل.
directory-reach-all = المؤسسة كلها
directory-site-closed = مغلق
directory-employee-hint = يُربط حساب الموظف بالموظف الذي معرّفه الخارجي هو الرقم الوظيفي للشخص في الدليل.
error-directory-group = اكتب اسم المجموعة أو الاسم المميز (DN).
error-directory-group-taken = هذه المجموعة موجودة في الجدول بالفعل.
error-password-directory = يسجّل هذا الحساب الدخول عبر دليل المؤسسة: لا كلمة مرور له هنا.
user-source-directory = الدليل
signin-directory-down = دليل المؤسسة لا يستجيب الآن، فلا يمكن لحسابات الدليل تسجيل الدخول. حاول مرة أخرى بعد قليل؛ أما حسابات رضا هذا فما زالت تستطيع.

# العامل الثاني
login-code-title = الرمز من تطبيقك
login-code-help = افتح تطبيق المصادقة في هاتفك واكتب الأرقام الستة التي يعرضها لرضا. فقدت الهاتف؟ اكتب أحد رموز الاسترداد.
login-code = الرمز
login-code-invalid = هذا الرمز خاطئ أو منتهي الصلاحية أو مستخدم من قبل. اكتب الرمز الذي يعرضه تطبيقك الآن.
login-code-wait = رموز خاطئة كثيرة. انتظر بضع دقائق ثم سجّل الدخول مرة أخرى.
second-factor-title = العامل الثاني
second-factor-waiting = تطلب مؤسستك عاملًا ثانيًا قبل قراءة النتائج. اضبطه هنا: يستغرق دقيقة.
second-factor-on = العامل الثاني مفعّل
second-factor-recovery-help = احفظ رموز الاسترداد هذه في مكان آمن (مطبوعة أو في مدير كلمات المرور). يتيح كل منها تسجيل الدخول مرة واحدة إن فُقد الهاتف. لا تُعرض إلا الآن.
second-factor-directory = يسجّل حسابك الدخول عبر دليل المؤسسة، وله قواعده الخاصة بالعامل الثاني.
second-factor-is-on = يُطلب رمز من تطبيق المصادقة بعد كلمة المرور.
second-factor-codes-left = { $count ->
        [zero] لم يبقَ أي رمز استرداد.
        [one] بقي رمز استرداد واحد.
        [two] بقي رمزا استرداد.
        [few] بقيت { $count } رموز استرداد.
        [many] بقي { $count } رمزًا للاسترداد.
       *[other] بقي { $count } رمز استرداد.
    }
second-factor-turn-off = إيقاف العامل الثاني
second-factor-required-by-org = تشترطه مؤسستك لدورك. إن فُقد الهاتف يمكن للرئيس إعادة ضبطه.
second-factor-setup-help = امسح هذا الرمز بتطبيق مصادقة (FreeOTP أو Aegis أو Google أو Microsoft Authenticator…) أو اكتب المفتاح، ثم اكتب الأرقام الستة التي يعرضها.
second-factor-qr-alt = رمز QR لإضافة رضا إلى تطبيق مصادقة
second-factor-key = المفتاح:
second-factor-turn-on = تفعيل
second-factor-link = العامل الثاني (رمز من تطبيق)
second-factor-reset = إعادة ضبط العامل الثاني
require-second-factor = يجب أن تستخدم الحسابات المحلية التي تقرأ النتائج (الرئيس والمديرون والمحللون) عاملًا ثانيًا
require-second-factor-hint = رمز من تطبيق مصادقة بعد كلمة المرور. تتبع حسابات دليل المؤسسة قواعده الخاصة.
sign-in-security = تسجيل الدخول
continue = متابعة

# سجل التدقيق: إجراءات وكيانات أخرى
audit-action-delete = حُذف
audit-action-erase = مُحي
audit-action-import = استُورد
audit-action-save = حُفظ
audit-action-logout = تسجيل خروج
audit-action-login_refused = رُفض تسجيل الدخول
audit-action-role = تغيّر الدور
audit-action-second_factor_on = فُعّل العامل الثاني
audit-action-second_factor_off = أُوقف العامل الثاني
audit-action-recovery_code = استُخدم رمز استرداد
audit-action-retention = حُذفت الإدخالات القديمة
entity-directory_group = مجموعة دليل
entity-survey_rule = قاعدة استبيان
entity-webhook = خطاف ويب
entity-customer = عميل
entity-audit_log = سجل التدقيق
org-audit-days = سجل التدقيق
org-audit-days-help = تُحفظ عمليات تسجيل الدخول وحالات الرفض وتغييرات الأدوار وكل تغيير إداري هذه المدة ثم تُحذف (ويُسجَّل الحذف نفسه). 0 يحفظها دائمًا.
org-audit-days-label = حفظ الإدخالات لمدة
error-audit-days = اكتب 0 (دائمًا) أو عدد أيام من 30 إلى 3650.
audit-filter-action = النوع
audit-filter-actor = بواسطة
audit-filter-all = كل الأنواع
audit-export-csv = تنزيل بصيغة CSV

## مواضيع التعليقات والمشاعر
themes-title = عمّ تحدثت التعليقات
themes-how = كيف تُقرأ التعليقات
themes-reading-again = تُقرأ التعليقات من جديد بالمواضيع المعدّلة؛ وتبقى الأرقام كاملة في أثناء ذلك.
themes-reading-again-how-far = إلى أين وصلت؟
themes-withheld = المواضيع محجوبة: أقل من { $min } تعليقات لشخص واحد.
themes-of-comments = من أصل { $n } من تعليقات هذه الفترة. قد يتناول التعليق الواحد عدة مواضيع.
themes-col-theme = الموضوع
themes-col-comments = التعليقات
themes-col-share = النسبة
themes-col-change = التغيّر
themes-col-feeling = المشاعر
themes-col-csat = رضا هذه الزيارات (CSAT)
themes-rising = ↑ في ازدياد
themes-rising-title = ارتفعت نسبته من التعليقات 5 نقاط أو أكثر منذ الفترة السابقة.
unit-pp = نقطة
themes-feeling-label = { $negative } % سلبية، { $neutral } % محايدة، { $positive } % إيجابية
themes-negative-short = { $p } % سلبية
themes-csat-too-few = { $n } زيارات بتقييم رضا: أقل من { $min }.
themes-hidden = لا تُعرض المواضيع التي فيها أقل من { $min } تعليقات لهذا الشخص (عددها { $n }).
themes-none-found = لا يتناول أيٌّ من تعليقات هذه الفترة ({ $n }) موضوعًا من المواضيع.
themes-empty = لا تعليقات في هذه الفترة. تظهر المواضيع عندما يكتب العملاء تعليقات.
themes-clear = كل التعليقات
sentiment-negative = سلبي
sentiment-neutral = محايد
sentiment-positive = إيجابي
comment-why = لماذا؟
theme-waiting = وقت الانتظار
theme-courtesy = حسن التعامل
theme-competence = الكفاءة
theme-information = المعلومات والشرح
theme-process = الإجراءات والمستندات
theme-cleanliness = النظافة
theme-comfort = راحة المكان
theme-accessibility = الوصول وأوقات الدوام
theme-digital = الخدمات الرقمية والأجهزة
theme-price = الأسعار والرسوم
theme-care = الرعاية الطبية
theme-waiting-about = الطابور والانتظار والسرعة
theme-courtesy-about = الأدب والأسلوب والاحترام والابتسامة
theme-competence-about = معرفة الجواب والأخطاء وحل المشكلة
theme-information-about = الشرح ومعاودة الاتصال واللوحات والإبلاغ
theme-process-about = المستندات والنماذج والعودة مرة أخرى والمواعيد والشروط
theme-cleanliness-about = نظافة المكان ودورات المياه
theme-comfort-about = المقاعد والحرارة والضجيج والمساحة
theme-accessibility-about = المواقف والمنحدرات والمصاعد والموقع وأوقات الدوام
theme-digital-about = التطبيق والموقع الإلكتروني والأجهزة والصراف وجهاز الأرقام
theme-price-about = الأسعار والرسوم والعمولات
theme-care-about = الأطباء والممرضون والعلاج والفحوصات (للعيادات)
reading-title = كيف قُرئ هذا التعليق
reading-legend-pos = حُسب لصالح
reading-legend-neg = حُسب ضد
reading-legend-mod = غيّر وزن كلمة
reading-legend-theme = أعطى موضوعًا
reading-cut = لا يُقرأ من التعليق الأطول إلا أول { $n } حرف.
reading-sentiment = المشاعر
reading-language = اللغة
reading-lang-ar = العربية
reading-lang-en = الإنجليزية
reading-lang-lv = اللاتفية
reading-lang-unknown = ليست من اللغات الثلاث
reading-score = المجموع { $score }
reading-confidence = الثقة { $p } %
reading-col-word = الكلمة
reading-col-entry = مدخل المعجم
reading-col-weight = الوزن
reading-col-how = سبب هذا الوزن
reading-own-word = كلمة الجهة
reading-no-cues = لا كلمة في هذا التعليق تدل على شعور العميل: يُقرأ محايدًا.
reading-no-themes = لا كلمة في هذا التعليق تسمّي موضوعًا.
reading-stored-differs = تغيّرت المواضيع منذ احتُسب هذا التعليق: تُحدَّث أرقامه الآن.
reading-negated = قلبته «{ $word }»
reading-intensified = قوّته «{ $word }»
reading-weakened = أضعفته «{ $word }»
reading-before-contrast = يُحسب نصفه: قبل «{ $word }»
reading-after-contrast = يُحسب مرة ونصفًا: بعد «{ $word }»
reading-wished = لا يُحسب: أمنية بعد «{ $word }»
reading-lacking = غير موجود: بعد «{ $word }»
reading-stretched = الحروف الممدودة تقوّيه
reading-spelling = قُرئ على أنه خطأ إملائي في المدخل
reading-duration = انتظار { $minutes } دقيقة
help-themes = كيف تُقرأ التعليقات
help-themes-method-title = الطريقة
help-themes-method = يُقرأ كل تعليق داخل رضا نفسه، بلا خدمة خارجية ولا تنزيل: معاجم كلمات وعبارات بالعربية والإنجليزية واللاتفية، وقواعد فوقها. تُحسب الكلمة لصالح أو ضد بوزن؛ ويُعطى الموضوع بكلماته. يمكن عرض كل قراءة: في صفحة النتائج يبرز زر «لماذا؟» بجانب التعليق الكلمات التي حُسبت ويقول ما فعلته كل منها. لا يستخدم رضا نموذجًا مدرَّبًا: لا يوجد لهذه اللغات الثلاث في هذا المجال نموذج يستطيع أن يقول لماذا قرّر، بينما يمكن لكل جهة أن تضيف إلى المعجم.
help-themes-languages = في العربية تُوحَّد أشكال الحروف (أ إ آ، ة وه، ى وي) والتشكيل والحروف الممدودة؛ وفي المعجم كتابات خليجية وشامية ومصرية؛ ويُعرف العربيزي (العربية بحروف لاتينية وأرقام مثل 7elo وsa3a) على أنه عربي. تُقرأ اللاتفية بعلاماتها وبدونها. يُعلَّم التعليق المكتوب بغير اللغات الثلاث بذلك ولا يُحمَل على إحداها؛ وتُقرأ الرموز التعبيرية في كل اللغات.
help-themes-rules = القواعد: النفي يقلب الكلمة التالية («مو زين»، «not bad»، «nav slikti»، وكذلك المتصل بالفعل: «ماعجبني»، «nepatika»)؛ «جدًا» و«شوي» تقوّيان وتضعفان؛ ما قبل «بس» و«لكن» يُحسب نصفه؛ الأمنية («يا ريت…») ليست مديحًا؛ غياب الشيء («ما في مواقف») شكوى، وغياب الطابور مديح؛ الانتظار نصف ساعة فأكثر شكوى، وخمس دقائق فأقل مديح؛ الكلمة التي فيها خطأ حرف واحد تُقرأ على أنها الكلمة المقصودة.
help-themes-limits = لا تُفهم السخرية («ممتاز، غلطة جديدة»). لا يُقرأ من التعليق إلا أول { $n } حرف. يحتاج الموضوع إلى إحدى كلماته: التعليق الذي يسمّي الشيء بكلمات ليست في المعجم لا يأخذ موضوعًا؛ أضيفوا كلمات الجهة إلى الموضوع.
help-themes-figures-title = مدى جودة القراءة: مقيسة
help-themes-figures = قيست بهذا الإصدار على تعليقات صُنّفت يدويًا (المشاعر والمواضيع)، كُتبت على غرار تعليقات البنوك والعيادات والدوائر الحكومية، بلهجات وأخطاء إملائية ولغات مختلطة. مقياس ‎macro-F1 هو متوسط F1 للسلبي والمحايد والإيجابي، فمن يصف كل شيء بالإيجابي ينال درجة منخفضة. قيس على التعليقات نفسها أساسان للمقارنة: تقييم الزيارة بوصفه المشاعر، والكلمات المفتاحية من المعاجم نفسها بلا قواعد.
help-themes-col-language = اللغة
help-themes-col-set = المجموعة
help-themes-col-f1 = ‎macro-F1 للمشاعر
help-themes-col-accuracy = دقة المشاعر
help-themes-col-themes-f1 = ‎macro-F1 للمواضيع
help-themes-col-score = الأساس: التقييم
help-themes-col-keywords = الأساس: الكلمات المفتاحية
help-themes-set-lexicon = استُخدمت في بناء المعاجم
help-themes-set-heldout = محجوزة للاختبار
help-themes-sets = استُخدمت المجموعة الأولى في أثناء كتابة المعاجم وتبيّن ما تغطيه؛ أما المحجوزة فكُتبت بعدها ولم تُستخدم قط لتغييرها: فهي الدليل الأفضل على ما يُتوقع من تعليقات لم يرها رضا. أما مجموعة ثالثة كُتبت لاحقًا من تعليقات تشكو دون كلمة شكوى («كلمني كأني طفل») فقُرئت بمعدل F1 الكلي للمشاعر ٠٫٦٩ (العربية) و٠٫٧٣ (الإنجليزية واللاتفية) قبل أن تُستخدم أخطاؤها لإكمال المعاجم: التعليقات التي لا تشبه ما كُتب هنا تُقرأ بدقة أقل، وكلمات المؤسسة الخاصة تسد هذه الفجوة.
help-themes-list-title = المواضيع
help-themes-own = في «الجهة والأشخاص ← مواضيع التعليقات» يشغّل الرئيس المواضيع أو يطفئها، ويسمّيها بكل لغة، ويضيف كلمات الجهة إلى أي موضوع (كلمة، أو بداية كلمات مع *، أو عدة كلمات)، وينشئ مواضيع خاصة بالجهة. ثم تُقرأ التعليقات المحفوظة من جديد في الخلفية؛ وتبقى الأرقام كاملة في أثناء ذلك.
nav-themes = مواضيع التعليقات
themes-admin-intro = يقرأ رضا في كل تعليق مواضيعه ومشاعره. اختاروا المواضيع المهمة للجهة، وسمّوها كما يسمّيها موظفوها، وأضيفوا الكلمات التي يستخدمها العملاء لها. عند الحفظ تُقرأ التعليقات المحفوظة من جديد في الخلفية.
themes-admin-reading = تُقرأ التعليقات من جديد بالمواضيع الجديدة…
themes-admin-progress = { $done } من { $total } تعليق
themes-admin-refresh = تحديث
themes-admin-first-reading = تُقرأ لأول مرة التعليقات المحفوظة قبل وجود المواضيع.
themes-admin-kind = نوع الجهة
themes-admin-kind-hint = يحدد المواضيع التي تبدأ بها. اختيار نوع آخر يشغّل مواضيع رضا ويطفئها كما يبدأ ذلك النوع؛ وتبقى مواضيع الجهة الخاصة.
org-kind-bank = بنك أو شركة تأمين
org-kind-clinic = عيادة أو مستشفى
org-kind-government = مركز خدمات حكومي
org-kind-other = أخرى
themes-admin-on = مفعّل
themes-admin-names = الاسم (فارغ: اسم رضا)
themes-admin-name-default = اسم رضا
themes-admin-words = كلمات الجهة
themes-admin-words-placeholder = كلمة في كل سطر: كلمة، أو بداية كلمات مع * (تقاعد*)، أو عدة كلمات
themes-admin-rida-words = مع كلمات رضا
themes-admin-own = خاص
themes-admin-new = موضوع خاص بالجهة
themes-admin-new-hint = أعطوه اسمًا بلغة واحدة على الأقل والكلمات التي تسمّيه (بأي من اللغات الثلاث، كلمة في كل سطر).
flash-themes-saved = حُفظت المواضيع. تُقرأ التعليقات المحفوظة من جديد.
error-themes-changed = غيّر شخص آخر المواضيع في أثناء ذلك. هذه هي كما هي الآن: أعيدوا التغيير.
error-theme-word = لا يمكن أن تكون «{ $word }» كلمة لموضوع: حرفان على الأقل، وثلاثة قبل *، و60 حرفًا على الأكثر.
error-theme-words-many = 200 كلمة على الأكثر لكل موضوع.
error-theme-name-long = الاسم 60 حرفًا على الأكثر.
error-theme-own-words = يحتاج الموضوع الخاص إلى كلمة واحدة على الأقل.
error-theme-own-name = أعطوه اسمًا بلغة واحدة على الأقل.
error-theme-own-many = 30 موضوعًا خاصًا على الأكثر.
alert-kind-theme = تعليقات سلبية عن موضوع
alert-kind-theme-help = عدد «الإجابات المطلوبة» على الأقل من التعليقات السلبية عن الموضوع خلال النافذة في مكان واحد (مثلًا 2 عن حسن التعامل خلال 1440 دقيقة)؛ وما يأتي بعدها في ذلك اليوم ينضم إلى تنبيهها
alert-rule-theme = الموضوع
alert-what-theme = { $n ->
    [one] تعليق سلبي واحد
    [two] تعليقان سلبيان
    [few] { $n } تعليقات سلبية
    [many] { $n } تعليقًا سلبيًا
   *[other] { $n } تعليق سلبي
} عن { $theme }
error-alert-theme = اختاروا الموضوع الذي تراقبه القاعدة.
error-alert-theme-count = عدد تعليقات من 1 إلى 1000، مثلًا 2.
error-alert-theme-window = دقائق من 5 إلى 10080 (أسبوع)، مثلًا 1440 ليوم.

dim-theme = موضوع التعليق (لأرقام التعليقات فقط)
dim-sentiment = مشاعر التعليق (لأرقام التعليقات فقط)
metric-comment_share = حصة من التعليقات (%)
metric-negative_comments = التعليقات السلبية (%)
metric-comment_csat = رضا الزيارات التي تركت تعليقًا (%)
col-commented-visits = زيارات بتعليق وتقييم رضا
report-comment-metrics = من التعليقات
report-theme = موضوع التعليق
report-sentiment = مشاعر التعليق
report-themes-comments-only = المواضيع والمشاعر تجمع وتصفّي أرقام التعليقات فقط: اختر رقمًا من التعليقات، أو اترك الموضوع والمشاعر دون اختيار.
report-comments-not-per = تُحفظ أرقام التعليقات لكل فرع وخدمة وموظف وموضوع ومشاعر: اخترها دون قناة أو سؤال أو مجال أو لغة أو متولّي التنبيه.
report-comment-csat-feeling = يُحفظ رضا الزيارات المعلَّق عليها لكل موضوع لا لكل مشاعر: اختره دون مشاعر.

nav-pulse = نبض الموظفين
pulse-title = نبض الموظفين
pulse-intro = كيف هو العمل هنا؟ دقيقة واحدة وبضعة أسئلة.
pulse-anonymous = دون هوية: لا تُحفظ إجابتك أبدًا مع اسمك أو حسابك، بل تُضاف فقط إلى أعداد فرعك. لا تظهر الأرقام إلا بعد انتهاء الجولة ولمجموعات لا تقل عن الحد الأدنى.
pulse-send = إرسال
pulse-answered = أجبت في هذه الجولة. شكرًا لك.
pulse-mailed = أُرسلت هذه الجولة إلى بريدك الإلكتروني: أجب من الرابط هناك (يعمل مرة واحدة).
pulse-none-open = لا توجد جولة مفتوحة الآن.
pulse-thanks = شكرًا لك: احتُسبت إجابتك.
pulse-link-used = استُخدم هذا الرابط من قبل: كل رابط يعمل مرة واحدة.
pulse-closed = انتهت هذه الجولة.
pulse-link-unknown = هذا الرابط غير معروف. تحقق من نسخه كاملًا.
pulse-enps-question = ما مدى احتمال أن توصي صديقًا بالعمل هنا؟
pulse-enps-low = غير محتمل إطلاقًا
pulse-enps-high = محتمل جدًا
pulse-disagree = لا أوافق بشدة
pulse-agree = أوافق بشدة
pulse-plan-title = خطة النبض وأسئلته
pulse-open-now = افتح جولة الآن
pulse-plan-off = لم يُحدَّد إيقاع: لا تُفتح جولة إلا عندما يفتحها المدير.
pulse-plan-line = جولة { $rhythm }، { $delivery }، مفتوحة { $days } { $days ->
    [one] يومًا
    [two] يومًا
    [few] أيام
   *[other] يومًا
}، مع { $n } { $n ->
    [one] عبارة
    [two] عبارة
    [few] عبارات
   *[other] عبارة
} بعد سؤال eNPS.
pulse-rhythm = الإيقاع
pulse-rhythm-off = فقط عند فتحها يدويًا
pulse-rhythm-monthly = كل شهر
pulse-rhythm-quarterly = كل ربع سنة
pulse-delivery = كيف يُسأل الموظفون
pulse-delivery-station = على شاشة محطتهم
pulse-delivery-email = برابط بريد إلكتروني لمرة واحدة
pulse-delivery-help = بالبريد الإلكتروني يتلقى كل موظف لديه عنوان رابطًا يعمل مرة واحدة؛ ومن لا عنوان له يجيب على محطته.
pulse-open-days = عدد أيام بقاء الجولة مفتوحة
pulse-statements = العبارات
pulse-statements-help = حتى خمس عبارات بعد سؤال "هل توصي بالعمل هنا؟"، يُجاب عن كل منها من ١ (لا أوافق بشدة) إلى ٥ (أوافق بشدة). اكتب كل عبارة باللغات التي يقرؤها موظفوك؛ اللغة الفارغة تُعرض مكانها لغة أخرى.
pulse-plan-help = تُفتح الجولات في اليوم الأول من الشهر أو الربع بتوقيت المؤسسة. تطرح الجولة العبارات المحفوظة عند فتحها.
pulse-round = جولة { $key }
pulse-open-line = مفتوحة حتى { $closes }: أجاب حتى الآن { $answered } من { $asked } موظفين.
pulse-open-why = تظهر الأرقام بعد انتهاء الجولة: فمراقبة تغيّرها أثناء فتحها قد تكشف ما أجاب به زميل.
pulse-too-few = { $n } إجابات: أقل من { $min }، لذا لا يُعرض أي رقم.
pulse-enps = eNPS
pulse-answers = { $n ->
    [zero] لا إجابات
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $n } إجابات
   *[other] { $n } إجابة
}
pulse-agree-share = موافقون (٤–٥ من ٥)
pulse-sites-title = الفروع: نبض الفريق بجانب رضا عملائه
pulse-sites-help = رضا العملاء (CSAT) للفترة { $from } – { $to } (الأيام الثلاثون حتى انتهاء الجولة). يظهر نبض الفرع ابتداءً من { $min } إجابات.
pulse-col-answers = الموظفون
sheet-pulse = النبض
pulse-organisation = المؤسسة
pulse-xlsx = تنزيل بصيغة Excel
pulse-col-statement = العبارة { $n }
pulse-withheld = أقل من { $min } إجابات
pulse-correlation = عبر { $n } فروع، يرتبط eNPS للفريق ورضا العملاء بمعامل r = { $r } (1: معًا، 0: لا علاقة، −1: عكسيًا).
pulse-correlation-few = لدى { $n } من الفروع كلا الرقمين: يلزم ثلاثة على الأقل للحكم على ما إذا كانت الفرق الأسعد تخدم عملاء أرضى.
pulse-no-sites = لم تكن لفروعك إجابات في هذه الجولة.
pulse-empty = لا توجد جولة بعد. حدّد الخطة ثم افتح جولة: يجيب الموظفون على محطتهم أو عبر رابط بريد إلكتروني لمرة واحدة.
pulse-rounds = الجولات
pulse-open-until = مفتوحة حتى { $closes }
pulse-invite = جولة من نبض الموظفين مفتوحة: دقيقة واحدة ودون هوية.
pulse-answer-now = أجب عن النبض
pulse-our-results = نتائجنا، جولة { $key }
pulse-answer-needed = اختر رقمًا من 0 إلى 10.
pulse-out-of-range = اختر أحد الأرقام المعروضة.
pulse-question-too-long = ٢٠٠ حرف على الأكثر في كل لغة.
pulse-rhythm-unknown = اختر أحد الإيقاعات.
pulse-delivery-unknown = اختر إحدى الطرق.
pulse-days-range = من { $min } إلى { $max } يومًا.
pulse-plan-conflict = حفظ شخص آخر الخطة بعد أن فتحتها. راجعها مرة أخرى ثم احفظ.
flash-pulse-open-already = هناك جولة مفتوحة بالفعل.
flash-pulse-opened = الجولة مفتوحة.
flash-pulse-today-already = فُتحت جولة اليوم بالفعل.
flash-pulse-thanks = شكرًا لك: احتُسبت إجابتك عن النبض دون هوية.
mail-pulse-subject = { $org }: كيف هو العمل هنا؟
mail-pulse-intro = دقيقة واحدة وبضعة أسئلة: كيف هو العمل هنا؟
mail-pulse-open = أجب
mail-pulse-closes = الجولة مفتوحة حتى { $day }. يعمل الرابط مرة واحدة.

nav-customers = العملاء
customers-help = سجل عميل واحد لمعاودة الاتصال به: زياراته، ورسائل الاستبيان المرسلة إليه، وإجاباته التي تحمل اسمه، وموافقته، والتنبيهات المتعلقة به. إجابات الأجهزة والملصقات الإلكترونية مجهولة الهوية ولا تظهر هنا أبدًا. يُسجَّل كل فتح في سجل التدقيق.
customers-number = رقم الهاتف أو البريد الإلكتروني
customers-number-hint = بأي صيغة معتادة: ⁦+371 2000 0000⁩، ⁦0037120000000⁩، رقم محلي، أو أرقام عربية هندية.
customers-open = افتح السجل
customer-error-email-invalid = هذا ليس عنوان بريد إلكتروني صالحًا.
customer-error-phone_unparseable = هذا ليس رقم هاتف.
customer-error-phone_invalid = هذا ليس رقمًا صالحًا لبلده.
customer-error-phone_needs_country = أضف رمز البلد (مثل ⁦+371⁩): لم يُحدَّد بلد للمؤسسة.
customer-title = سجل العميل
customer-no-contact = لا تُحفظ بيانات اتصال لهذا العميل.
customer-audited = يُسجَّل فتحك لهذه الصفحة في سجل التدقيق.
customer-alerts = التنبيهات المتعلقة به
customer-alert = التنبيه
customer-none = لا شيء.
customer-answers = إجاباته
customer-answers-help = فقط الإجابات المقدَّمة عبر استبيان أُرسل إليه (رسالة نصية، واتساب، رابط الاستبيان الخاص به).
customer-answer = الإجابة
customer-visits = الزيارات
customer-messages = رسائل الاستبيان
callback-title = معاودة الاتصال
callback-asked = أجاب العميل بأنه يمكن التواصل معه: اتصل به.
callback-asked-many = أجاب { $n } من عملاء هذا التنبيه بأنه يمكن التواصل معهم: اتصل بكل واحد منهم.
callback-done = اتصل به { $by }:
callback-history = سجل العميل ورقمه
callback-mark-done = تم الاتصال
callback-note = تم الاتصال بالعميل.
flash-called-back = سُجِّل: تم الاتصال بالعميل.
flash-called-back-already = تم الاتصال بالعميل من قبل.
question-callback = يسأل إن كان يمكن التواصل مع العميل ("هل يمكننا التواصل معك؟")
question-callback-hint = سؤال بنعم/لا. إجابة "نعم" من عميل أُرسل إليه الاستبيان، مع تقييم منخفض، تفتح مهمة معاودة اتصال على التنبيه.
question-callback-yes-no = لا يمكن أن يسأل هذا إلا سؤال بنعم/لا.
customer-words-withheld = كلمات عن موظف: تظهر لمن يحق له رؤية نتائج ذلك الموظف.
week-pulse = نبض الموظفين، جولة { $key }
week-pulse-lowest = الأدنى
