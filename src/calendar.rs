//! The regulatory calendar: French public holidays, jours ouvrables and the deadlines of a
//! complaint (acknowledgement, answer, mediation window).
//!
//! Pure functions of their arguments: no clock, no database, no I/O. Everything that needs
//! "today" receives it from the caller (see `crate::clock`).

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Earliest and latest years for which the holiday rules are guaranteed.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// Number of jours ouvrables allowed to acknowledge a complaint.
pub const ACK_WORKING_DAYS: u32 = 10;
/// Calendar months allowed to answer a complaint.
pub const ANSWER_MONTHS: u32 = 2;
/// Months after the written complaint during which the mediator accepts a referral.
pub const MEDIATOR_MONTHS: u32 = 12;

/// Which set of public holidays applies (a firm setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// Metropolitan France: the 11 national public holidays.
    #[default]
    Metropole,
    /// Bas-Rhin, Haut-Rhin and Moselle add Good Friday and 26 December.
    AlsaceMoselle,
}

impl Region {
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Metropole => "metropole",
            Region::AlsaceMoselle => "alsace-moselle",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Region {
    type Err = CalendarError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "metropole" => Ok(Region::Metropole),
            "alsace-moselle" => Ok(Region::AlsaceMoselle),
            other => Err(CalendarError::UnknownRegion(other.to_owned())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CalendarError {
    #[error("région inconnue « {0} » (valeurs possibles : metropole, alsace-moselle)")]
    UnknownRegion(String),
    #[error("année {0} hors de la plage prise en charge ({FIRST_YEAR}-{LAST_YEAR})")]
    YearOutOfRange(i32),
}

/// Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher), valid for every Gregorian year.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("computus yields a valid date")
}

/// A public holiday with its French name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

/// The public holidays of `year` in `region`, in date order.
///
/// The current list is applied to every year of the range: the tool computes regulatory
/// deadlines for present-day complaints, and imported historical registers are judged by
/// today's rules.
pub fn holidays(year: i32, region: Region) -> Vec<Holiday> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holiday exists");
    let easter = easter_sunday(year);
    let mut list = vec![
        Holiday {
            date: ymd(1, 1),
            name: "Jour de l'an",
        },
        Holiday {
            date: easter + Duration::days(1),
            name: "Lundi de Pâques",
        },
        Holiday {
            date: ymd(5, 1),
            name: "Fête du Travail",
        },
        Holiday {
            date: ymd(5, 8),
            name: "Victoire 1945",
        },
        Holiday {
            date: easter + Duration::days(39),
            name: "Ascension",
        },
        Holiday {
            date: easter + Duration::days(50),
            name: "Lundi de Pentecôte",
        },
        Holiday {
            date: ymd(7, 14),
            name: "Fête nationale",
        },
        Holiday {
            date: ymd(8, 15),
            name: "Assomption",
        },
        Holiday {
            date: ymd(11, 1),
            name: "Toussaint",
        },
        Holiday {
            date: ymd(11, 11),
            name: "Armistice 1918",
        },
        Holiday {
            date: ymd(12, 25),
            name: "Noël",
        },
    ];
    if region == Region::AlsaceMoselle {
        list.push(Holiday {
            date: easter - Duration::days(2),
            name: "Vendredi saint",
        });
        list.push(Holiday {
            date: ymd(12, 26),
            name: "Saint-Étienne",
        });
    }
    list.sort_by_key(|h| h.date);
    list
}

/// Is `date` a public holiday in `region`? Allocation-free: called for every day a deadline
/// walks over.
pub fn is_holiday(date: NaiveDate, region: Region) -> bool {
    match (date.month(), date.day()) {
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25) => {
            return true
        }
        (12, 26) => return region == Region::AlsaceMoselle,
        // Movable feasts fall between 20 March (Good Friday) and 14 June (Whit Monday).
        (3..=6, _) => {}
        _ => return false,
    }
    let offset = (date - easter_sunday(date.year())).num_days();
    matches!(offset, 1 | 39 | 50) || (offset == -2 && region == Region::AlsaceMoselle)
}

/// A jour ouvrable: Monday to Saturday, not a public holiday.
pub fn is_working_day(date: NaiveDate, region: Region) -> bool {
    date.weekday() != Weekday::Sun && !is_holiday(date, region)
}

/// The `n`th jour ouvrable strictly after `start` (the start day itself never counts).
pub fn add_working_days(start: NaiveDate, n: u32, region: Region) -> NaiveDate {
    let mut date = start;
    let mut left = n;
    while left > 0 {
        date = date.succ_opt().expect("date within chrono's range");
        if is_working_day(date, region) {
            left -= 1;
        }
    }
    date
}

/// Same day-of-month `months` later; when that day does not exist, the last day of that month
/// (31 December + 2 months = 28 or 29 February). chrono's `Months` arithmetic clamps this way.
pub fn add_months_clamped(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .expect("date within chrono's range")
}

/// Which date the clock of a complaint starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Basis {
    /// The date the client sent the complaint (ACPR recommendation 2024-R-02).
    Sent,
    /// The date the firm received it (used when the sent date is unknown).
    Received,
}

impl Basis {
    pub const ALL: [Basis; 2] = [Basis::Sent, Basis::Received];

    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Sent => "sent",
            Basis::Received => "received",
        }
    }

    /// How the deadlines are counted, in French ("Calculés à partir de…").
    pub fn label(self) -> &'static str {
        match self {
            Basis::Sent => "à partir de la date d'envoi",
            Basis::Received => "à partir de la date de réception",
        }
    }
}

/// The regulatory deadlines of a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Deadlines {
    pub basis: Basis,
    pub start: NaiveDate,
    pub ack_due: NaiveDate,
    pub answer_due: NaiveDate,
}

/// The clock starts from the earlier of the two dates: the sent date when it is known (it can
/// only be earlier than or equal to the received date), else the received date.
pub fn start_of_clock(sent_on: Option<NaiveDate>, received_on: NaiveDate) -> (Basis, NaiveDate) {
    match sent_on {
        Some(sent) if sent <= received_on => (Basis::Sent, sent),
        _ => (Basis::Received, received_on),
    }
}

pub fn deadlines(sent_on: Option<NaiveDate>, received_on: NaiveDate, region: Region) -> Deadlines {
    let (basis, start) = start_of_clock(sent_on, received_on);
    Deadlines {
        basis,
        start,
        ack_due: ack_due(start, region),
        answer_due: answer_due(start),
    }
}

/// Latest acknowledgement date: the 10th jour ouvrable after `start`.
pub fn ack_due(start: NaiveDate, region: Region) -> NaiveDate {
    add_working_days(start, ACK_WORKING_DAYS, region)
}

/// Latest answer date: `start` + 2 calendar months, clamped to the end of the month.
pub fn answer_due(start: NaiveDate) -> NaiveDate {
    add_months_clamped(start, ANSWER_MONTHS)
}

/// First day the client may refer the case to the mediator: once the 2 months have run out
/// without an answer, or as soon as an (unsatisfying) answer was given, whichever is first.
pub fn mediator_from(answer_due: NaiveDate, answered_on: Option<NaiveDate>) -> NaiveDate {
    match answered_on {
        Some(answered) if answered < answer_due => answered,
        _ => answer_due,
    }
}

/// Last day the mediator accepts a referral: one year after the written complaint.
pub fn mediator_until(written_complaint_on: NaiveDate) -> NaiveDate {
    add_months_clamped(written_complaint_on, MEDIATOR_MONTHS)
}

/// Refuse years outside the supported range (the CLI and the import call this on user dates).
pub fn check_year(date: NaiveDate) -> Result<NaiveDate, CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(CalendarError::YearOutOfRange(date.year()))
    }
}

/// Signed number of calendar days from `today` to `due` (negative once it is past).
pub fn days_left(today: NaiveDate, due: NaiveDate) -> i64 {
    (due - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_known_years() {
        // Hand-checked against published calendars.
        assert_eq!(easter_sunday(2024), d("2024-03-31"));
        assert_eq!(easter_sunday(2025), d("2025-04-20"));
        assert_eq!(easter_sunday(2026), d("2026-04-05"));
        assert_eq!(easter_sunday(2038), d("2038-04-25")); // the latest possible date
        assert_eq!(easter_sunday(2008), d("2008-03-23"));
        assert_eq!(easter_sunday(1900), d("1900-04-15"));
        assert_eq!(easter_sunday(2000), d("2000-04-23"));
        assert_eq!(easter_sunday(2285), d("2285-03-22")); // the earliest possible date
    }

    #[test]
    fn easter_is_always_a_sunday_in_range() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sun, "{year}");
            assert!(e >= d(&format!("{year}-03-22")) && e <= d(&format!("{year}-04-25")));
        }
    }

    #[test]
    fn holidays_2026_metropole() {
        let got: Vec<String> = holidays(2026, Region::Metropole)
            .iter()
            .map(|h| h.date.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "2026-01-01",
                "2026-04-06",
                "2026-05-01",
                "2026-05-08",
                "2026-05-14",
                "2026-05-25",
                "2026-07-14",
                "2026-08-15",
                "2026-11-01",
                "2026-11-11",
                "2026-12-25"
            ]
        );
    }

    #[test]
    fn holidays_2025_alsace_moselle() {
        let got: Vec<String> = holidays(2025, Region::AlsaceMoselle)
            .iter()
            .map(|h| h.date.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-01",
                "2025-05-08",
                "2025-05-29",
                "2025-06-09",
                "2025-07-14",
                "2025-08-15",
                "2025-11-01",
                "2025-11-11",
                "2025-12-25",
                "2025-12-26"
            ]
        );
    }

    #[test]
    fn easter_based_holidays_2038() {
        // Easter 25 April 2038: Monday 26 April, Ascension 3 June, Whit Monday 14 June.
        let hs = holidays(2038, Region::AlsaceMoselle);
        let name = |s: &str| hs.iter().find(|h| h.date == d(s)).map(|h| h.name);
        assert_eq!(name("2038-04-23"), Some("Vendredi saint"));
        assert_eq!(name("2038-04-26"), Some("Lundi de Pâques"));
        assert_eq!(name("2038-06-03"), Some("Ascension"));
        assert_eq!(name("2038-06-14"), Some("Lundi de Pentecôte"));
    }

    #[test]
    fn is_holiday_agrees_with_the_list_for_every_day_of_the_range() {
        for region in [Region::Metropole, Region::AlsaceMoselle] {
            for year in FIRST_YEAR..=LAST_YEAR {
                let list: Vec<NaiveDate> = holidays(year, region).iter().map(|h| h.date).collect();
                let mut day = d(&format!("{year}-01-01"));
                while day.year() == year {
                    assert_eq!(
                        is_holiday(day, region),
                        list.contains(&day),
                        "{day} {region}"
                    );
                    day = day.succ_opt().unwrap();
                }
            }
        }
    }

    #[test]
    fn saturday_is_a_working_day_sunday_is_not() {
        assert!(is_working_day(d("2026-05-09"), Region::Metropole)); // Saturday
        assert!(!is_working_day(d("2026-05-10"), Region::Metropole)); // Sunday
        assert!(!is_working_day(d("2026-05-08"), Region::Metropole)); // Friday, holiday
    }

    #[test]
    fn ack_due_simple_weeks() {
        // Monday 2 March 2026, no holiday around: 10 jours ouvrables = Mon..Sat + Mon..Thu.
        assert_eq!(ack_due(d("2026-03-02"), Region::Metropole), d("2026-03-13"));
    }

    #[test]
    fn ack_due_start_day_does_not_count() {
        // Thursday 7 May 2026: Fri 8 May (holiday) skipped, Sun 10 skipped, Thu 14 (Ascension)
        // skipped. Working days: 9, 11, 12, 13, 15, 16, 18, 19, 20, 21.
        assert_eq!(ack_due(d("2026-05-07"), Region::Metropole), d("2026-05-21"));
    }

    #[test]
    fn ack_due_start_on_a_saturday() {
        // Saturday 4 April 2026, Easter Monday 6 April is a holiday:
        // 7, 8, 9, 10, 11, 13, 14, 15, 16, 17.
        assert_eq!(ack_due(d("2026-04-04"), Region::Metropole), d("2026-04-17"));
    }

    #[test]
    fn ack_due_start_on_a_sunday() {
        assert_eq!(ack_due(d("2026-03-01"), Region::Metropole), d("2026-03-12"));
    }

    #[test]
    fn ack_due_with_a_holiday_on_a_saturday() {
        // 15 August 2026 is a Saturday: it is not a jour ouvrable. Start Monday 10 August:
        // 11, 12, 13, 14, (15 holiday), 17, 18, 19, 20, 21, 22.
        assert_eq!(d("2026-08-15").weekday(), Weekday::Sat);
        assert_eq!(ack_due(d("2026-08-10"), Region::Metropole), d("2026-08-22"));
        // The same start in a year where 15 August is a weekday-only holiday (2025: Friday).
        assert_eq!(ack_due(d("2025-08-11"), Region::Metropole), d("2025-08-23"));
    }

    #[test]
    fn ack_due_easter_2025_depends_on_region() {
        // Wednesday 16 April 2025. Metropole: 17, 18, 19, (20 Sun), (21 Easter Mon), 22, 23,
        // 24, 25, 26, 28, 29. Alsace-Moselle also skips Good Friday 18 April -> 30.
        assert_eq!(ack_due(d("2025-04-16"), Region::Metropole), d("2025-04-29"));
        assert_eq!(
            ack_due(d("2025-04-16"), Region::AlsaceMoselle),
            d("2025-04-30")
        );
    }

    #[test]
    fn ack_due_over_christmas_alsace() {
        // Monday 21 December 2026. Metropole: 22, 23, 24, (25), 26, 28, 29, 30, 31, (1 Jan),
        // 2, 4. Alsace-Moselle also skips Saturday 26 December -> 5 January.
        assert_eq!(ack_due(d("2026-12-21"), Region::Metropole), d("2027-01-04"));
        assert_eq!(
            ack_due(d("2026-12-21"), Region::AlsaceMoselle),
            d("2027-01-05")
        );
    }

    #[test]
    fn answer_due_two_calendar_months() {
        assert_eq!(answer_due(d("2026-05-07")), d("2026-07-07"));
        assert_eq!(answer_due(d("2026-12-31")), d("2027-02-28"));
        assert_eq!(answer_due(d("2027-12-31")), d("2028-02-29")); // leap year
        assert_eq!(answer_due(d("2026-08-31")), d("2026-10-31"));
        assert_eq!(answer_due(d("2026-07-31")), d("2026-09-30"));
        assert_eq!(answer_due(d("2023-12-30")), d("2024-02-29"));
        assert_eq!(answer_due(d("2099-12-29")), d("2100-02-28")); // 2100 is not a leap year
        assert_eq!(answer_due(d("2000-01-29")), d("2000-03-29"));
    }

    #[test]
    fn leap_day_start() {
        // 29 February 2028 (Tuesday): 2 months later is 29 April; 1 year later 28 Feb 2029.
        assert_eq!(answer_due(d("2028-02-29")), d("2028-04-29"));
        assert_eq!(mediator_until(d("2028-02-29")), d("2029-02-28"));
        // Ack: Mar 1, 2, 3, 4, 6, 7, 8, 9, 10, 11.
        assert_eq!(ack_due(d("2028-02-29"), Region::Metropole), d("2028-03-11"));
    }

    #[test]
    fn basis_is_the_sent_date_when_known() {
        let dl = deadlines(Some(d("2026-05-04")), d("2026-05-07"), Region::Metropole);
        assert_eq!(dl.basis, Basis::Sent);
        assert_eq!(dl.start, d("2026-05-04"));
        // Monday 4 May: 5, 6, 7, (8), 9, 11, 12, 13, (14), 15, 16, 18.
        assert_eq!(dl.ack_due, d("2026-05-18"));
        assert_eq!(dl.answer_due, d("2026-07-04"));

        let dl = deadlines(None, d("2026-05-07"), Region::Metropole);
        assert_eq!(dl.basis, Basis::Received);
        assert_eq!(dl.start, d("2026-05-07"));
    }

    #[test]
    fn mediator_window() {
        let due = d("2026-07-07");
        assert_eq!(mediator_from(due, None), due);
        assert_eq!(mediator_from(due, Some(d("2026-06-01"))), d("2026-06-01"));
        assert_eq!(mediator_from(due, Some(d("2026-08-01"))), due);
        assert_eq!(mediator_until(d("2026-05-07")), d("2027-05-07"));
    }

    #[test]
    fn region_parsing() {
        assert_eq!("metropole".parse::<Region>(), Ok(Region::Metropole));
        assert_eq!(
            "alsace-moselle".parse::<Region>(),
            Ok(Region::AlsaceMoselle)
        );
        assert!("corse".parse::<Region>().is_err());
    }

    #[test]
    fn year_range() {
        assert!(check_year(d("1899-12-31")).is_err());
        assert!(check_year(d("1900-01-01")).is_ok());
        assert!(check_year(d("2200-12-31")).is_ok());
        assert!(check_year(d("2201-01-01")).is_err());
    }
}
