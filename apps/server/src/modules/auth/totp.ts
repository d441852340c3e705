import { authenticator } from 'otplib';

// One step either side absorbs phone clocks that drift by up to 30 seconds.
authenticator.options = { window: 1 };

export const newTotpSecret = () => authenticator.generateSecret();
export const totpUrl = (email: string, secret: string) => authenticator.keyuri(email, 'Komek', secret);
export const checkTotp = (code: string, secret: string) => authenticator.check(code, secret);
export const currentTotp = (secret: string) => authenticator.generate(secret);
