//! ISO-8601 UTC timestamps for the file formats, converted to and from the model's
//! milliseconds since the Unix epoch by pure calendar arithmetic (no clock, no chrono).
//!
//! Output is always `YYYY-MM-DDTHH:MM:SS.mmmZ`, so a round trip keeps every millisecond.
//! Input also accepts what other Web Annotation tools commonly write: no fraction or a longer
//! one (truncated to milliseconds), a numeric offset (`+02:00`, `-0530`), a lower-case `t`/`z`
//! or a space separator, no seconds, or a bare date (midnight UTC). A time without any zone is
//! read as UTC.

const MS_PER_SECOND: i64 = 1_000;
const MS_PER_DAY: i64 = 86_400_000;

/// Earliest instant that can be written with a four-digit year: 0000-01-01T00:00:00.000Z.
const MIN_MS: i64 = -62_167_219_200_000;
/// Latest instant that can be written with a four-digit year: 9999-12-31T23:59:59.999Z.
const MAX_MS: i64 = 253_402_300_799_999;

/// Formats `ms` (milliseconds since the Unix epoch) as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
///
/// Instants outside years 0000..=9999 are clamped to that range, because ISO-8601 needs an
/// agreed expanded-year format beyond it that other tools do not read.
pub fn format_utc(ms: i64) -> String {
    let ms = ms.clamp(MIN_MS, MAX_MS);
    let days = ms.div_euclid(MS_PER_DAY);
    let ms_of_day = ms.rem_euclid(MS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let hours = ms_of_day / 3_600_000;
    let minutes = ms_of_day / 60_000 % 60;
    let seconds = ms_of_day / MS_PER_SECOND % 60;
    let millis = ms_of_day % MS_PER_SECOND;
    format!("{year:04}-{month:02}-{day:02}T{hours:02}:{minutes:02}:{seconds:02}.{millis:03}Z")
}

/// Parses an ISO-8601 date or date-time into milliseconds since the Unix epoch, or `None`
/// when `text` is not one of the accepted forms (see the module documentation).
pub fn parse(text: &str) -> Option<i64> {
    let mut cursor = Cursor::new(text.trim());
    let year = i64::from(cursor.digits(4)?);
    cursor.expect(b'-')?;
    let month = cursor.digits(2)?;
    cursor.expect(b'-')?;
    let day = cursor.digits(2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms_of_day = 0;
    let mut offset_minutes = 0;
    if !cursor.at_end() {
        match cursor.next()? {
            b'T' | b't' | b' ' => {}
            _ => return None,
        }
        let hours = cursor.digits(2)?;
        cursor.expect(b':')?;
        let minutes = cursor.digits(2)?;
        let mut seconds = 0;
        let mut millis = 0;
        if cursor.peek() == Some(b':') {
            cursor.next()?;
            seconds = cursor.digits(2)?;
            if matches!(cursor.peek(), Some(b'.' | b',')) {
                cursor.next()?;
                millis = cursor.fraction_as_millis()?;
            }
        }
        // A leap second (:60) is read as the last millisecond of that minute.
        if seconds == 60 {
            seconds = 59;
            millis = 999;
        }
        if hours > 23 || minutes > 59 || seconds > 59 {
            return None;
        }
        ms_of_day = ((i64::from(hours) * 60 + i64::from(minutes)) * 60 + i64::from(seconds))
            * MS_PER_SECOND
            + i64::from(millis);
        offset_minutes = cursor.zone_offset_minutes()?;
    }
    if !cursor.at_end() {
        return None;
    }
    let ms = days_from_civil(year, month, day) * MS_PER_DAY + ms_of_day
        - i64::from(offset_minutes) * 60_000;
    Some(ms)
}

fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let month_from_march = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day number since 1970-01-01 (inverse of the above).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A forward-only reader over the ASCII bytes of a timestamp.
struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            position: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.position >= self.bytes.len()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.position += 1;
        Some(byte)
    }

    fn expect(&mut self, wanted: u8) -> Option<()> {
        (self.next()? == wanted).then_some(())
    }

    /// Exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..count {
            let byte = self.next()?;
            if !byte.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(byte - b'0');
        }
        Some(value)
    }

    /// One or more fraction digits, truncated (not rounded) to milliseconds so that a value
    /// never moves into the next second.
    fn fraction_as_millis(&mut self) -> Option<u32> {
        let mut millis = 0u32;
        let mut seen = 0;
        while let Some(byte) = self.peek().filter(u8::is_ascii_digit) {
            self.position += 1;
            if seen < 3 {
                millis = millis * 10 + u32::from(byte - b'0');
            }
            seen += 1;
        }
        match seen {
            0 => None,
            1 => Some(millis * 100),
            2 => Some(millis * 10),
            _ => Some(millis),
        }
    }

    /// `Z`, `+HH:MM`, `+HHMM`, `+HH` (or with `-`), or nothing (UTC).
    fn zone_offset_minutes(&mut self) -> Option<i32> {
        let sign = match self.peek() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.position += 1;
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.position += 1;
        let hours = self.digits(2)?;
        let minutes = match self.peek() {
            None => 0,
            Some(b':') => {
                self.position += 1;
                self.digits(2)?
            }
            Some(_) => self.digits(2)?,
        };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * (hours * 60 + minutes) as i32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (1_714_564_800_123, "2024-05-01T12:00:00.123Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (-86_400_000, "1969-12-31T00:00:00.000Z"),
            (4_107_542_399_999, "2100-02-28T23:59:59.999Z"),
            (i64::MIN, "0000-01-01T00:00:00.000Z"),
            (i64::MAX, "9999-12-31T23:59:59.999Z"),
        ];
        for (ms, expected) in cases {
            assert_eq!(format_utc(ms), expected, "formatting {ms}");
        }
    }

    #[test]
    fn every_formatted_instant_parses_back_to_the_same_millisecond() {
        let mut ms = MIN_MS;
        // A coarse sweep across the whole representable range plus both edges.
        while ms < MAX_MS {
            assert_eq!(parse(&format_utc(ms)), Some(ms), "{}", format_utc(ms));
            ms += 86_400_000 * 97 + 3_600_123;
        }
        assert_eq!(parse(&format_utc(MAX_MS)), Some(MAX_MS));
    }

    #[test]
    fn parses_the_forms_other_tools_write() {
        let noon = 1_714_564_800_000;
        let cases = [
            ("2024-05-01T12:00:00Z", Some(noon)),
            ("2024-05-01T12:00:00.5Z", Some(noon + 500)),
            ("2024-05-01T12:00:00.123456789Z", Some(noon + 123)),
            ("2024-05-01t12:00:00z", Some(noon)),
            ("2024-05-01 12:00:00", Some(noon)),
            ("2024-05-01T12:00Z", Some(noon)),
            ("2024-05-01T14:00:00+02:00", Some(noon)),
            ("2024-05-01T06:30:00-0530", Some(noon)),
            ("2024-05-01T13:00:00+01", Some(noon)),
            ("2024-05-01", Some(noon - 12 * 3_600_000)),
            ("  2024-05-01T12:00:00Z  ", Some(noon)),
            ("2024-05-01T12:00:60Z", Some(noon + 59_999)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), expected, "parsing {text:?}");
        }
    }

    #[test]
    fn rejects_malformed_or_impossible_dates() {
        let cases = [
            "",
            "yesterday",
            "2024-5-1",
            "2024-13-01",
            "2023-02-29",
            "2024-04-31",
            "2024-05-01T24:00:00Z",
            "2024-05-01T12:60:00Z",
            "2024-05-01T12:00:00.Z",
            "2024-05-01T12:00:00+25:00",
            "2024-05-01T12:00:00Zjunk",
            "2024-05-01X12:00:00Z",
            "１９７０-01-01",
            "1714564800000",
        ];
        for text in cases {
            assert_eq!(parse(text), None, "parsing {text:?}");
        }
    }
}
