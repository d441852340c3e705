// Sizes the server enforces and the screens announce; kept apart from the schemas so that a
// module naming a limit does not bring Zod with it.

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Base64 grows a file by a third; the rest is the JSON around it. */
export const ATTACHMENT_BODY_BYTES = Math.ceil(ATTACHMENT_MAX_BYTES * 1.4) + 4096;

/** A list file comes as base64 in JSON, up to about 10 MB. */
export const LIST_BODY_BYTES = 15_000_000;

/** A group's chat export (text, JSON or zip): 20 MB, as base64 in JSON. */
export const CHAT_EXPORT_MAX_BYTES = 20 * 1024 * 1024;
export const CHAT_EXPORT_BASE64_CHARS = Math.ceil(CHAT_EXPORT_MAX_BYTES / 3) * 4;
export const CHAT_EXPORT_BODY_BYTES = CHAT_EXPORT_BASE64_CHARS + 4096;
