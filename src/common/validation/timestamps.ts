import { ValidateBy, ValidationOptions } from 'class-validator';

// RFC 3339 (the profile of ISO 8601 the API speaks): a full-date `2022-03-02`, or a
// date-time with seconds and an offset `2022-03-02T18:00:00Z`, `…T18:00:00.123+01:00`.
// ISO 8601's other shapes (week dates `2022-W10-3`, ordinal dates `2026-338`, basic
// format, no offset) are refused: PostgreSQL reads some of them differently or not at
// all, which turned them into 500s.
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export function isRfc3339Date(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = FULL_DATE.exec(value);
  return !!match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isRfc3339Timestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (isRfc3339Date(value)) return true;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match.map(Number);
  return (
    isCalendarDate(year!, month!, day!) &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    (match[7] === undefined || (offsetHour! <= 23 && offsetMinute! <= 59))
  );
}

// Every timestamp parameter and field: an RFC 3339 date or date-time.
export const IsTimestamp = (options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'isRfc3339Timestamp',
      validator: {
        validate: isRfc3339Timestamp,
        defaultMessage: () =>
          'must be an RFC 3339 date or date-time, such as 2022-03-02 or 2022-03-02T18:00:00Z',
      },
    },
    options,
  );

// Fields that are a calendar day (a claim's claimedAt): an RFC 3339 full-date.
export const IsCalendarDate = (options: ValidationOptions = {}) =>
  ValidateBy(
    {
      name: 'isRfc3339Date',
      validator: {
        validate: isRfc3339Date,
        defaultMessage: () => 'must be a date such as 2022-03-02',
      },
    },
    options,
  );
