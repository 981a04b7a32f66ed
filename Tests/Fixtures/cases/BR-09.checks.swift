import BR09
import Foundation

// BR-09: RFC 3339 date-times with and without fractions and offsets; `format: date` is a calendar date.
func instant(_ text: String) throws -> Date {
    try decode(Event.self, "{\"at\":\"\(text)\"}").at
}
// Expected instants, in seconds since 1970, computed from the header's UTC values.
check(try instant("2023-06-21T10:15:30Z").timeIntervalSince1970 == 1_687_342_530)
check(abs(try instant("2023-06-21T10:15:30.123456Z").timeIntervalSince1970 - 1_687_342_530.123456) < 0.000_001)
check(abs(try instant("2023-12-28T11:08:38.303+01:00").timeIntervalSince1970 - 1_703_758_118.303) < 0.000_001)
check(try instant("2018-04-30T00:00:00+00:00").timeIntervalSince1970 == 1_525_046_400)
checkThrows { _ = try instant("2023-06-21T10:15:30") }
checkThrows { _ = try instant("2023-02-30T10:15:30Z") }

let event = try decode(Event.self, #"{"at":"2023-12-28T11:08:38.303+01:00","day":"2020-02-11"}"#)
check(event.day == BR09CalendarDate(year: 2020, month: 2, day: 11))
// Re-encoding keeps the instant (normalised to UTC) and the calendar date as written.
check(try encode(event) == #"{"at":"2023-12-28T10:08:38.303Z","day":"2020-02-11"}"#)
let precise = try decode(Event.self, #"{"at":"2023-06-21T10:15:30.123456Z"}"#)
check(try encode(precise) == #"{"at":"2023-06-21T10:15:30.123456Z"}"#)
checkThrows { _ = try decode(Event.self, #"{"at":"2023-06-21T10:15:30Z","day":"2020-13-01"}"#) }
check(BR09CalendarDate("1999-12-31")?.description == "1999-12-31")
check(BR09CalendarDate("2024-02-29") != nil && BR09CalendarDate("2023-02-29") == nil)
finish()
