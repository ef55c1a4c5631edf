/** The cookie that puts a browser into kiosk mode (task 8.4); its value is the terminal's id. */
export const KIOSK_COOKIE = 'kiosk';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The terminal id from the cookies, or null when the browser is not a kiosk terminal. */
export function kioskTerminalOf(cookies: Record<string, string | undefined>): string | null {
  const v = cookies[KIOSK_COOKIE];
  return v && UUID.test(v) ? v : null;
}
