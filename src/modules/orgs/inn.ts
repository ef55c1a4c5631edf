/**
 * ИНН (taxpayer number) checks. A legal entity has ten digits, the last a
 * check digit: the weighted sum of the first nine, mod 11, mod 10.
 */
const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Does this string hold a well-formed ten-digit ИНН of an organisation? */
export function isValidOrgInn(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  return checkDigit(inn.slice(0, 9)) === Number(inn[9]);
}

function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (WEIGHTS_10[i] as number);
  return (sum % 11) % 10;
}

/**
 * A placeholder ИНН with a valid checksum under the tax office code 3999,
 * which does not exist, so it can never be mistaken for a real organisation's.
 */
export function demoInn(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999) throw new RangeError('serial 0..99999');
  const nine = `3999${String(serial).padStart(5, '0')}`;
  return `${nine}${checkDigit(nine)}`;
}

/** Is this one of our placeholders (tax office 3999)? */
export function looksLikeDemoInn(inn: string): boolean {
  return inn.startsWith('3999') && isValidOrgInn(inn);
}
