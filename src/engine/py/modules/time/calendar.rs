//! The proleptic Gregorian calendar and `strftime`, as glibc formats in
//! the C locale: what `time.strftime`, `time.gmtime` and `logging`'s
//! `asctime` need. A run's local zone is UTC.

/// A broken-down time: `struct_time`'s fields, plus microseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tm {
    pub year: i64,
    /// 1..=12
    pub month: u32,
    /// 1..=31
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub micro: u32,
    /// Monday is 0.
    pub wday: u32,
    /// 1..=366
    pub yday: u32,
}

/// Days from 1970-01-01 to `year-month-day`.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Tm {
    /// The UTC time `micros` microseconds after the Unix epoch.
    pub fn from_micros(micros: i64) -> Tm {
        let days = micros.div_euclid(86_400_000_000);
        let rest = micros.rem_euclid(86_400_000_000);
        let secs = rest / 1_000_000;
        let (year, month, day) = civil_from_days(days);
        Tm {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            second: (secs % 60) as u32,
            micro: (rest % 1_000_000) as u32,
            wday: (days + 3).rem_euclid(7) as u32,
            yday: (days - days_from_civil(year, 1, 1) + 1) as u32,
        }
    }

    /// The UTC time `secs` seconds after the Unix epoch, truncated to the
    /// second toward minus infinity (as `time.gmtime` does).
    pub fn from_secs(secs: f64) -> Tm {
        Tm::from_micros(secs.floor() as i64 * 1_000_000)
    }

    /// Seconds from the Unix epoch (the time as UTC).
    pub fn to_secs(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How `%z` and `%Z` write the zone: its offset in seconds east of UTC
/// and its name, or `None` for a naive time (both empty).
pub struct Zone {
    pub offset: Option<i64>,
    pub name: String,
}

/// `strftime(fmt)` in the C locale. `%f` (microseconds) is `datetime`'s;
/// a directive glibc does not know is written as it is.
pub fn strftime(fmt: &str, t: &Tm, zone: &Zone) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let wday_sun = (t.wday + 1) % 7;
        match d {
            'a' => out.push_str(&DAYS[t.wday as usize][..3]),
            'A' => out.push_str(DAYS[t.wday as usize]),
            'b' | 'h' => out.push_str(&MONTHS[t.month as usize - 1][..3]),
            'B' => out.push_str(MONTHS[t.month as usize - 1]),
            'c' => out.push_str(&strftime("%a %b %e %H:%M:%S %Y", t, zone)),
            'C' => out.push_str(&format!("{:02}", t.year.div_euclid(100))),
            'd' => out.push_str(&format!("{:02}", t.day)),
            'D' | 'x' => out.push_str(&strftime("%m/%d/%y", t, zone)),
            'e' => out.push_str(&format!("{:2}", t.day)),
            'f' => out.push_str(&format!("{:06}", t.micro)),
            'F' => out.push_str(&strftime("%Y-%m-%d", t, zone)),
            'H' => out.push_str(&format!("{:02}", t.hour)),
            'I' => out.push_str(&format!("{:02}", (t.hour + 11) % 12 + 1)),
            'j' => out.push_str(&format!("{:03}", t.yday)),
            'm' => out.push_str(&format!("{:02}", t.month)),
            'M' => out.push_str(&format!("{:02}", t.minute)),
            'n' => out.push('\n'),
            'p' => out.push_str(if t.hour < 12 { "AM" } else { "PM" }),
            'R' => out.push_str(&strftime("%H:%M", t, zone)),
            'S' => out.push_str(&format!("{:02}", t.second)),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&strftime("%H:%M:%S", t, zone)),
            'u' => out.push_str(&(t.wday + 1).to_string()),
            'U' => out.push_str(&format!("{:02}", (t.yday + 6 - wday_sun) / 7)),
            'w' => out.push_str(&wday_sun.to_string()),
            'W' => out.push_str(&format!("{:02}", (t.yday + 6 - t.wday) / 7)),
            'y' => out.push_str(&format!("{:02}", t.year.rem_euclid(100))),
            'Y' => out.push_str(&t.year.to_string()),
            'z' => {
                if let Some(off) = zone.offset {
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.abs();
                    out.push_str(&format!("{sign}{:02}{:02}", a / 3600, a / 60 % 60));
                    if a % 60 != 0 {
                        out.push_str(&format!("{:02}", a % 60));
                    }
                }
            }
            'Z' => out.push_str(&zone.name),
            '%' => out.push('%'),
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn strftime_writes_what_glibc_writes() {
        let t = Tm::from_micros(1_733_400_000_123_456);
        let utc = Zone {
            offset: Some(0),
            name: "UTC".into(),
        };
        assert_eq!(
            strftime("%c|%x|%X|%j|%U|%W|%w|%f|%z|%Z|%I%p|%Q", &t, &utc),
            "Thu Dec  5 12:00:00 2024|12/05/24|12:00:00|340|48|49|4|123456|+0000|UTC|12PM|%Q"
        );
    }
}
