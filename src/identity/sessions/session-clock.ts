import { Injectable } from '@nestjs/common';

// The time the session rules read. Injectable so that expiry can be checked without
// waiting twelve hours: everything about a session's age asks this clock, never
// Date.now() or SQL now().
@Injectable()
export class SessionClock {
  now(): Date {
    return new Date();
  }
}
