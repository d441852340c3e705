import { type ErrorCode, type Locale, localeChain } from '@komek/domain';

type Catalogue = Record<ErrorCode, string>;

const en: Catalogue = {
  bad_request: 'The request could not be read.',
  validation_failed: 'Some fields are not valid.',
  unauthenticated: 'Please sign in.',
  forbidden: 'You do not have permission to do this.',
  not_found: 'Not found.',
  conflict: 'This conflicts with an existing record.',
  version_conflict:
    'Someone else changed this record while you were editing. Reload it and apply your changes again.',
  invalid_credentials: 'Wrong email or password.',
  account_locked:
    'Too many failed sign-in attempts. The account is locked for a while; try later or ask an administrator.',
  totp_required: 'Enter the 6-digit code from your authenticator app.',
  totp_invalid: 'The authenticator code is not correct.',
  totp_enrolment_required: 'Your organisation requires two-step verification. Set it up to continue.',
  csrf_failed: 'The page has expired. Reload it and try again.',
  rate_limited: 'Too many requests. Wait a minute and try again.',
  internal: 'Something went wrong on our side. The error has been logged.',
  idempotency_mismatch:
    'This request repeats an earlier one with the same key but different content. Send it with a new key.',
  idempotency_key_format: 'The Idempotency-Key header must be 8 to 200 letters, digits or the signs _ . : -',
  database_unavailable: 'The database cannot be reached right now. Nothing was saved; try again in a moment.',
  password_too_weak: 'This password is too easy to guess. Use a longer phrase that is not a common password.',
  nul_character: 'This field contains an invisible control character (NUL). Remove it and try again.',
  assignee_not_allowed:
    'This person cannot be given this work: they must belong to the organisation and be allowed to work the record.',
  not_ready: 'The server is starting or shutting down; try again in a moment.',
};

const ru: Catalogue = {
  bad_request: 'Не удалось прочитать запрос.',
  validation_failed: 'Некоторые поля заполнены неверно.',
  unauthenticated: 'Войдите в систему.',
  forbidden: 'У вас нет прав на это действие.',
  not_found: 'Не найдено.',
  conflict: 'Это противоречит существующей записи.',
  version_conflict:
    'Пока вы редактировали, запись изменил другой пользователь. Обновите её и внесите изменения снова.',
  invalid_credentials: 'Неверный адрес электронной почты или пароль.',
  account_locked:
    'Слишком много неудачных попыток входа. Учётная запись временно заблокирована; попробуйте позже или обратитесь к администратору.',
  totp_required: 'Введите 6-значный код из приложения-аутентификатора.',
  totp_invalid: 'Неверный код аутентификатора.',
  totp_enrolment_required: 'Ваша организация требует двухэтапную проверку. Настройте её, чтобы продолжить.',
  csrf_failed: 'Страница устарела. Обновите её и повторите попытку.',
  rate_limited: 'Слишком много запросов. Подождите минуту и повторите.',
  internal: 'На сервере произошла ошибка. Она записана в журнал.',
  idempotency_mismatch:
    'Этот запрос повторяет прежний с тем же ключом, но с другим содержимым. Отправьте его с новым ключом.',
  idempotency_key_format:
    'Заголовок Idempotency-Key должен содержать от 8 до 200 букв, цифр или знаков _ . : -',
  database_unavailable: 'База данных сейчас недоступна. Ничего не сохранено; повторите попытку чуть позже.',
  password_too_weak:
    'Этот пароль слишком легко угадать. Выберите более длинную фразу, не из списка распространённых паролей.',
  nul_character: 'Поле содержит невидимый управляющий символ (NUL). Удалите его и повторите.',
  assignee_not_allowed:
    'Этому пользователю нельзя поручить эту работу: он должен быть из организации и иметь право работать с записью.',
  not_ready: 'Сервер запускается или останавливается; повторите попытку чуть позже.',
};

const ky: Partial<Catalogue> = {
  validation_failed: 'Айрым талаалар туура эмес толтурулган.',
  unauthenticated: 'Системага кириңиз.',
  forbidden: 'Бул аракетке укугуңуз жок.',
  not_found: 'Табылган жок.',
  invalid_credentials: 'Электрондук почта же сырсөз туура эмес.',
  version_conflict: 'Сиз түзөтүп жатканда башка колдонуучу жазууну өзгөрттү. Жаңылап, кайра киргизиңиз.',
  idempotency_mismatch:
    'Бул суроо ошол эле ачкыч менен мурдагысын кайталайт, бирок мазмуну башка. Жаңы ачкыч менен жөнөтүңүз.',
  idempotency_key_format:
    'Idempotency-Key башсөзү 8ден 200гө чейин тамга, сан же _ . : - белгилеринен турушу керек.',
  database_unavailable:
    'Маалымат базасы азыр жеткиликсиз. Эч нерсе сакталган жок; бир аздан кийин кайталаңыз.',
  password_too_weak: 'Бул сырсөздү табуу оңой. Кеңири колдонулбаган узунураак сөз айкашын тандаңыз.',
  nul_character: 'Талаада көрүнбөгөн башкаруучу белги (NUL) бар. Аны өчүрүп, кайталаңыз.',
  assignee_not_allowed:
    'Бул колдонуучуга бул ишти тапшырууга болбойт: ал уюмдан болуп, жазуу менен иштөөгө укугу болушу керек.',
  not_ready: 'Сервер иштей баштап же токтоп жатат; бир аздан кийин кайталаңыз.',
};

const kk: Partial<Catalogue> = {
  validation_failed: 'Кейбір өрістер дұрыс толтырылмаған.',
  unauthenticated: 'Жүйеге кіріңіз.',
  forbidden: 'Бұл әрекетке құқығыңыз жоқ.',
  not_found: 'Табылмады.',
  invalid_credentials: 'Электрондық пошта немесе құпия сөз қате.',
  idempotency_mismatch:
    'Бұл сұрау сол кілтпен бұрынғысын қайталайды, бірақ мазмұны басқа. Жаңа кілтпен жіберіңіз.',
  idempotency_key_format:
    'Idempotency-Key тақырыбы 8-ден 200-ге дейін әріп, сан немесе _ . : - белгілерінен тұруы керек.',
  database_unavailable: 'Дерекқор қазір қолжетімсіз. Ештеңе сақталмады; сәлден кейін қайталаңыз.',
  password_too_weak: 'Бұл құпия сөзді табу оңай. Кең таралмаған ұзынырақ сөз тіркесін таңдаңыз.',
  nul_character: 'Өрісте көрінбейтін басқару таңбасы (NUL) бар. Оны өшіріп, қайталаңыз.',
  assignee_not_allowed:
    'Бұл пайдаланушыға бұл жұмысты тапсыруға болмайды: ол ұйымнан болып, жазбамен жұмыс істеуге құқығы болуы керек.',
  not_ready: 'Сервер іске қосылып не тоқтап жатыр; сәлден кейін қайталаңыз.',
};

const uz: Partial<Catalogue> = {
  validation_failed: 'Baʼzi maydonlar notoʻgʻri toʻldirilgan.',
  unauthenticated: 'Tizimga kiring.',
  forbidden: 'Bu amal uchun ruxsatingiz yoʻq.',
  not_found: 'Topilmadi.',
  invalid_credentials: 'Elektron pochta yoki parol notoʻgʻri.',
  idempotency_mismatch:
    'Bu soʻrov xuddi shu kalit bilan avvalgisini takrorlaydi, lekin mazmuni boshqa. Yangi kalit bilan yuboring.',
  idempotency_key_format:
    'Idempotency-Key sarlavhasi 8 dan 200 gacha harf, raqam yoki _ . : - belgilaridan iborat boʻlishi kerak.',
  database_unavailable:
    'Maʼlumotlar bazasi hozir mavjud emas. Hech narsa saqlanmadi; birozdan keyin qayta urinib koʻring.',
  password_too_weak: 'Bu parolni topish oson. Keng tarqalmagan uzunroq iborani tanlang.',
  nul_character: 'Maydonda koʻrinmas boshqaruv belgisi (NUL) bor. Uni oʻchirib, qayta urinib koʻring.',
  assignee_not_allowed:
    'Bu foydalanuvchiga bu ishni topshirib boʻlmaydi: u tashkilotdan boʻlishi va yozuv bilan ishlash huquqiga ega boʻlishi kerak.',
  not_ready: 'Server ishga tushmoqda yoki toʻxtamoqda; birozdan keyin qayta urinib koʻring.',
};

const tg: Partial<Catalogue> = {
  validation_failed: 'Баъзе майдонҳо нодуруст пур карда шудаанд.',
  unauthenticated: 'Ба система ворид шавед.',
  forbidden: 'Шумо барои ин амал иҷозат надоред.',
  not_found: 'Ёфт нашуд.',
  invalid_credentials: 'Почтаи электронӣ ё рамз нодуруст аст.',
  idempotency_mismatch:
    'Ин дархост бо ҳамон калид дархости пешинаро такрор мекунад, вале мундариҷааш дигар аст. Бо калиди нав фиристед.',
  idempotency_key_format:
    'Сарлавҳаи Idempotency-Key бояд аз 8 то 200 ҳарф, рақам ё аломатҳои _ . : - иборат бошад.',
  database_unavailable:
    'Пойгоҳи додаҳо ҳоло дастнорас аст. Ҳеҷ чиз нигоҳ дошта нашуд; каме баъд такрор кунед.',
  password_too_weak: 'Ин рамзро ёфтан осон аст. Ибораи дарозтареро интихоб кунед, ки маъмул набошад.',
  nul_character: 'Дар майдон аломати идоракунандаи ноаён (NUL) ҳаст. Онро тоза карда, такрор кунед.',
  assignee_not_allowed:
    'Ба ин корбар ин корро супоридан мумкин нест: ӯ бояд аз ташкилот бошад ва ҳуқуқи кор бо сабтро дошта бошад.',
  not_ready: 'Сервер оғоз ё қатъ шуда истодааст; каме баъд дубора кӯшиш кунед.',
};

const faAF: Partial<Catalogue> = {
  validation_failed: 'برخی از خانه‌ها درست پر نشده‌اند.',
  unauthenticated: 'لطفاً وارد شوید.',
  forbidden: 'شما اجازهٔ این کار را ندارید.',
  not_found: 'پیدا نشد.',
  invalid_credentials: 'ایمیل یا رمز عبور نادرست است.',
  idempotency_mismatch:
    'این درخواست با همان کلید، درخواست قبلی را تکرار می‌کند ولی محتوایش فرق دارد. آن را با کلید تازه بفرستید.',
  idempotency_key_format: 'سرخط Idempotency-Key باید ۸ تا ۲۰۰ حرف، عدد یا نشانه‌های _ . : - باشد.',
  database_unavailable: 'پایگاه داده اکنون در دسترس نیست. چیزی ذخیره نشد؛ کمی بعد دوباره کوشش کنید.',
  password_too_weak: 'حدس زدن این رمز آسان است. عبارت درازتری انتخاب کنید که رمز رایج نباشد.',
  nul_character: 'این خانه یک نویسهٔ کنترلی نامرئی (NUL) دارد. آن را پاک کنید و دوباره کوشش کنید.',
  assignee_not_allowed:
    'این کار را نمی‌توان به این کاربر سپرد: او باید از همین سازمان باشد و اجازهٔ کار روی این سابقه را داشته باشد.',
  not_ready: 'سرور در حال روشن یا خاموش شدن است؛ کمی بعد دوباره کوشش کنید.',
};

const catalogues: Record<Locale, Partial<Catalogue>> = { en, ru, ky, kk, uz, tg, 'fa-AF': faAF };

export function errorMessage(code: ErrorCode, locale: Locale): string {
  for (const l of localeChain(locale)) {
    const text = catalogues[l][code];
    if (text) return text;
  }
  return en[code];
}

/** Re-exported for the modules that look up their own texts by language. */
export { localeChain };
