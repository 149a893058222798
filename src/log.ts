/** Structured logs (pino) to stderr, so stdout stays the terminal chat's and the CLI's. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
