import type { Socket } from 'node:net';
import { errorMessage } from './messages.ts';

/**
 * Requests Node's parser refuses before Fastify sees them (headers too large, a malformed request
 * line) get the product's error shape too. No language is known yet, so the message is English.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    error: {
      code: 'bad_request',
      message: errorMessage('bad_request', 'en'),
      details: { reason: tooLarge ? 'headers_too_large' : 'malformed_request' },
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
