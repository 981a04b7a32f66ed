import Foundation

/// Opt-in timing of the pipeline's phases, for profiling the generator (issue 9): with
/// `OPENAPI_CODEGEN_PHASE_TIMES=1` in the environment, each phase prints one line to standard error when it ends,
/// `phase <name>: <wall> ms wall, <user> ms user, <sys> ms sys, <faults> faults`, times in milliseconds. User and
/// system time, and the page faults (minor ones: first touches of memory the process had not used), are the whole
/// process's (every thread's) during the phase. Without the variable nothing is measured or printed.
enum PhaseTimes {
    /// Whether `OPENAPI_CODEGEN_PHASE_TIMES` is `1`.
    static let isEnabled = ProcessInfo.processInfo.environment["OPENAPI_CODEGEN_PHASE_TIMES"] == "1"

    /// A point in time: the monotonic clock and the process's CPU times, in milliseconds, and its minor page faults.
    struct Sample {
        var wall: Double
        var user: Double
        var system: Double
        var faults: Int

        static func now() -> Sample {
            var usage = rusage()
            #if canImport(Darwin)
                getrusage(RUSAGE_SELF, &usage)
            #else
                getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            #endif
            func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1e3 + Double(time.tv_usec) / 1e3 }
            return Sample(
                wall: Double(DispatchTime.now().uptimeNanoseconds) / 1e6, user: milliseconds(usage.ru_utime),
                system: milliseconds(usage.ru_stime), faults: Int(usage.ru_minflt))
        }
    }

    /// Runs `body`, and when timing is enabled prints how long it took under `name`.
    static func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard isEnabled else { return try body() }
        let start = Sample.now()
        defer { report(name, since: start) }
        return try body()
    }

    /// The asynchronous form of `measure(_:_:)`.
    static func measure<T, E: Error>(
        _ name: String, isolation: isolated (any Actor)? = #isolation, _ body: () async throws(E) -> T
    ) async throws(E) -> T {
        guard isEnabled else { return try await body() }
        let start = Sample.now()
        defer { report(name, since: start) }
        return try await body()
    }

    static func report(_ name: String, since start: Sample) {
        let end = Sample.now()
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        let line =
            "phase \(name): \(format(end.wall - start.wall)) ms wall, \(format(end.user - start.user)) ms user, "
            + "\(format(end.system - start.system)) ms sys, \(end.faults - start.faults) faults\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
