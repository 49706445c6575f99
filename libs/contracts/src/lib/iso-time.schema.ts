import { z } from 'zod';
import { ISO_OFFSET_DATE_TIME, isLocalDate, LOCAL_DATE, offsetInstant } from './iso-time.util';

/**
 * The one strict reading of dates and instants at every edge (query strings, bodies, payloads):
 * the calendar must hold the day (no 2027-02-30, no month 13), and an instant must carry an offset,
 * so `asOf=-1` or a bare number is refused instead of being guessed at by `Date.parse`.
 */
export const calendarDateSchema = z
  .string()
  .regex(LOCAL_DATE, 'must be a date YYYY-MM-DD')
  .refine((value) => !LOCAL_DATE.test(value) || isLocalDate(value), 'is not a calendar date');

/** An ISO-8601 date-time with offset, passed on as given (use {@link offsetInstant} to read it). */
export const offsetInstantSchema = z
  .string()
  .regex(ISO_OFFSET_DATE_TIME, 'must be an ISO-8601 date-time with an offset (Z or ±hh:mm)')
  .refine((value) => !ISO_OFFSET_DATE_TIME.test(value) || offsetInstant(value) !== null, 'is not a real date-time');

/** An ISO-8601 date-time with offset, read as epoch milliseconds. */
export const instantMsSchema = offsetInstantSchema.transform((value) => Date.parse(offsetInstant(value) as string));
