import type { ErrorCode, Locale } from '@komek/domain';

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
};

const ky: Partial<Catalogue> = {
  validation_failed: 'Айрым талаалар туура эмес толтурулган.',
  unauthenticated: 'Системага кириңиз.',
  forbidden: 'Бул аракетке укугуңуз жок.',
  not_found: 'Табылган жок.',
  invalid_credentials: 'Электрондук почта же сырсөз туура эмес.',
  version_conflict: 'Сиз түзөтүп жатканда башка колдонуучу жазууну өзгөрттү. Жаңылап, кайра киргизиңиз.',
};

const kk: Partial<Catalogue> = {
  validation_failed: 'Кейбір өрістер дұрыс толтырылмаған.',
  unauthenticated: 'Жүйеге кіріңіз.',
  forbidden: 'Бұл әрекетке құқығыңыз жоқ.',
  not_found: 'Табылмады.',
  invalid_credentials: 'Электрондық пошта немесе құпия сөз қате.',
};

const uz: Partial<Catalogue> = {
  validation_failed: 'Baʼzi maydonlar notoʻgʻri toʻldirilgan.',
  unauthenticated: 'Tizimga kiring.',
  forbidden: 'Bu amal uchun ruxsatingiz yoʻq.',
  not_found: 'Topilmadi.',
  invalid_credentials: 'Elektron pochta yoki parol notoʻgʻri.',
};

const tg: Partial<Catalogue> = {
  validation_failed: 'Баъзе майдонҳо нодуруст пур карда шудаанд.',
  unauthenticated: 'Ба система ворид шавед.',
  forbidden: 'Шумо барои ин амал иҷозат надоред.',
  not_found: 'Ёфт нашуд.',
  invalid_credentials: 'Почтаи электронӣ ё рамз нодуруст аст.',
};

const faAF: Partial<Catalogue> = {
  validation_failed: 'برخی از خانه‌ها درست پر نشده‌اند.',
  unauthenticated: 'لطفاً وارد شوید.',
  forbidden: 'شما اجازهٔ این کار را ندارید.',
  not_found: 'پیدا نشد.',
  invalid_credentials: 'ایمیل یا رمز عبور نادرست است.',
};

const catalogues: Record<Locale, Partial<Catalogue>> = { en, ru, ky, kk, uz, tg, 'fa-AF': faAF };

// Kyrgyz and Kazakh readers of this system read Russian; English is the last resort.
const fallbacks: Record<Locale, Locale[]> = {
  en: [],
  ru: ['en'],
  ky: ['ru', 'en'],
  kk: ['ru', 'en'],
  uz: ['ru', 'en'],
  tg: ['ru', 'en'],
  'fa-AF': ['en'],
};

export function errorMessage(code: ErrorCode, locale: Locale): string {
  for (const l of [locale, ...fallbacks[locale]]) {
    const text = catalogues[l][code];
    if (text) return text;
  }
  return en[code];
}

export function localeChain(locale: Locale): Locale[] {
  return [locale, ...fallbacks[locale]];
}
